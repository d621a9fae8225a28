// "Versions": snapshots (submitted or named) to view, compare, export or copy; the outcome of an
// assessment; the accreditation date and the review of practice; moving up a pathway; the backups.
import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { longDate, pathwayName, wordsText } from "../format";
import { icon } from "../icons";
import { confirmDialog, showError, showInfo } from "../shell/dialogs";
import type { Page, PageContext } from "../shell/page";
import type { BackupVersion, PathwayId, SnapshotListing, VersionsOverview } from "../types";
import { openReferral, outcomeName, outcomeOf } from "./assessment-view";
import { copyMadeDialog, exportSnapshotDialog, keepSnapshotDialog, markSubmittedDialog, recordOutcomeDialog } from "./versions-dialogs";

export function createVersionsPage(ctx: PageContext, note: string | null = null): Page {
  const { framework } = ctx.store;
  let destroyed = false;
  let overview: VersionsOverview | null = null;

  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Versions");
  const noteSlot = h("div", { class: "versions-note", role: "status" });
  const stageSlot = h("div", { class: "versions-stage", "data-testid": "versions-stage" });
  const snapshotsSlot = h("div", { class: "snapshot-list-slot", "data-testid": "snapshots", "aria-live": "polite" });
  const outcomeSlot = h("div", { "data-testid": "outcome-summary" });
  const reviewSlot = h("div", { "data-testid": "review-status" });
  const upgradeSlot = h("div", { "data-testid": "upgrade-slot" });
  const backupsSlot = h("div", { "data-testid": "backups" });

  const session = () => ctx.store.session()!;

  async function refresh(): Promise<void> {
    try {
      const next = await api.versionsOverview();
      if (destroyed) return;
      overview = next;
      render();
      // Whatever was just done was saved, and each save keeps a backup.
      void loadBackups();
    } catch (error) {
      if (destroyed) return;
      replaceChildren(snapshotsSlot, h("p", { class: "notice" }, `The versions could not be read: ${messageOf(error)}`));
    }
  }

  // ---- the referral banner, or the latest outcome ----
  function renderStage(): void {
    const portfolio = session().portfolio;
    const referral = openReferral(framework, portfolio);
    if (!referral) {
      replaceChildren(stageSlot);
      return;
    }
    const { assessment, toRevise } = referral;
    replaceChildren(
      stageSlot,
      h(
        "div",
        { class: "referral-banner", "data-testid": "referral-banner" },
        h("p", null, h("strong", null, `${outcomeName(framework, assessment.outcome)}`), `, received ${longDate(assessment.received_on)}.`),
        h(
          "p",
          null,
          toRevise.length > 0
            ? "Revise the sections the assessors marked R; their comments are beside each one. Then export with a summary of revisions and mark the new version as submitted."
            : "Revise with the assessors' comments in mind, then export with a summary of revisions and mark the new version as submitted.",
        ),
        toRevise.length > 0
          ? h(
              "ul",
              { class: "revise-links" },
              toRevise.map((id) =>
                h(
                  "li",
                  null,
                  h(
                    "button",
                    {
                      type: "button",
                      class: "link-button",
                      "data-testid": `revise-${id}`,
                      onclick: () => ctx.open({ kind: "section", id }),
                    },
                    sectionName(id),
                  ),
                ),
              ),
            )
          : null,
      ),
    );
  }

  const sectionName = (id: string): string => {
    const entry = session()
      .outline.groups.flatMap((g) => g.entries)
      .find((e) => e.id === id);
    if (entry) return entry.number ? `${entry.number} ${entry.title}` : entry.title;
    return framework.sections.find((s) => s.id === id)?.title ?? id;
  };

  // ---- snapshots ----
  function snapshotRow(snapshot: SnapshotListing): HTMLElement {
    const titleId = uid("snapshot");
    return h(
      "li",
      { class: "snapshot", "data-testid": "snapshot", "data-snapshot-id": snapshot.id, "aria-labelledby": titleId },
      h(
        "div",
        { class: "snapshot-head" },
        h("h3", { id: titleId, class: "snapshot-title" }, snapshot.label.trim() || (snapshot.submitted ? "Submitted version" : "Snapshot")),
        snapshot.submitted
          ? h(
              "span",
              { class: "tag submitted", "data-testid": "submitted-badge" },
              snapshot.submission_window ? `Submitted for ${longDate(snapshot.submission_window)}` : "Submitted",
            )
          : null,
      ),
      h("p", { class: "snapshot-meta muted" }, `Kept ${snapshot.kept} · ${pathwayName(framework, snapshot.pathway)}`),
      h(
        "div",
        { class: "snapshot-actions" },
        h(
          "button",
          {
            type: "button",
            class: "button small",
            "data-testid": "snapshot-view",
            onclick: () => ctx.open({ kind: "snapshot", id: snapshot.id }),
          },
          icon("eye"),
          "View",
        ),
        h(
          "button",
          {
            type: "button",
            class: "button small",
            "data-testid": "snapshot-compare",
            onclick: () => ctx.open({ kind: "compare", id: snapshot.id }),
          },
          "Compare with now",
        ),
        h(
          "button",
          { type: "button", class: "button small", "data-testid": "snapshot-export", onclick: () => void exportSnapshot(snapshot) },
          icon("export"),
          "Export…",
        ),
        h(
          "button",
          { type: "button", class: "button small quiet", "data-testid": "snapshot-restore", onclick: () => void restoreSnapshot(snapshot) },
          "Restore as a new copy",
        ),
      ),
    );
  }

  function renderSnapshots(): void {
    const list = overview?.snapshots ?? [];
    replaceChildren(
      snapshotsSlot,
      list.length === 0
        ? h(
            "p",
            { class: "muted", "data-testid": "no-snapshots" },
            "No snapshots yet. Mark your portfolio as submitted when you send it, or keep a snapshot at any time.",
          )
        : h("ul", { class: "snapshot-list" }, list.map(snapshotRow)),
    );
  }

  async function keep(submitted: boolean): Promise<void> {
    try {
      await ctx.autosave.flush();
    } catch (error) {
      await showError(error, "Your latest changes are not saved yet");
      return;
    }
    const made = submitted ? await markSubmittedDialog(session().portfolio.target_window) : await keepSnapshotDialog();
    if (!made || destroyed) return;
    if (submitted && made.submission_window) {
      // The backend aims at the window submitted for; the top bar shows it.
      session().portfolio.target_window = made.submission_window;
      ctx.store.portfolioChanged();
      void ctx.checklist.loadPlan();
    }
    showNote(submitted ? `Marked as submitted. A read-only copy was kept ${made.kept}.` : `Snapshot kept: ${made.label}.`);
    await refresh();
  }

  async function exportSnapshot(snapshot: SnapshotListing): Promise<void> {
    const outcome = await exportSnapshotDialog(snapshot);
    if (!outcome || destroyed) return;
    await showInfo(
      "The snapshot is exported",
      h("div", null, h("p", null, "It is here:"), h("p", { class: "export-path", "data-testid": "snapshot-export-path" }, outcome.path)),
    );
  }

  async function restoreSnapshot(snapshot: SnapshotListing): Promise<void> {
    const sure = await confirmDialog({
      title: "Restore as a new copy?",
      body: h(
        "div",
        null,
        h("p", null, `This makes a new, separate portfolio from the snapshot kept ${snapshot.kept}.`),
        h("p", null, "The portfolio you are working on stays exactly as it is."),
      ),
      confirmLabel: "Make a copy",
      testid: "restore-dialog",
      confirmTestid: "restore-confirm",
    });
    if (!sure) return;
    try {
      const copy = await api.restoreSnapshotCopy(snapshot.id);
      if (await copyMadeDialog(copy)) await ctx.openCopy(copy.folder);
    } catch (error) {
      await showError(error, "The copy could not be made");
    }
  }

  // ---- outcome ----
  function renderOutcome(): void {
    const latest = overview?.stage.latest ?? null;
    const outcomes = overview?.stage.outcomes ?? [];
    const record = h(
      "button",
      { type: "button", class: "button", "data-testid": "record-outcome", onclick: () => void recordOutcome() },
      "Record an outcome…",
    );
    replaceChildren(
      outcomeSlot,
      latest
        ? h(
            "p",
            { "data-testid": "latest-outcome" },
            "Latest: ",
            h("strong", null, outcomeName(framework, latest.outcome)),
            `, received ${longDate(latest.received_on)}.`,
            outcomeOf(framework, latest.outcome)?.awarded ? " Congratulations." : null,
          )
        : h("p", { class: "muted" }, "When the assessors' result arrives, record it here with their comments."),
      latest?.overall_feedback.trim() ? h("blockquote", { class: "overall-feedback" }, latest.overall_feedback) : null,
      outcomes.length > 0 ? record : null,
    );
  }

  async function recordOutcome(): Promise<void> {
    const current = session();
    const opened = await recordOutcomeDialog(framework, current.outline, overview?.stage.outcomes ?? [], current.portfolio.pathway);
    if (!opened || destroyed) return;
    ctx.applyOpened(opened);
    showNote("The outcome is recorded.");
    await refresh();
  }

  // ---- accreditation and review ----
  const accredited = h("input", {
    type: "text",
    class: "text-input date-input",
    "data-testid": "accredited-on",
    placeholder: "YYYY-MM-DD",
    autocomplete: "off",
    "aria-describedby": "accredited-hint",
    onkeydown: (event: KeyboardEvent) => {
      if (event.key === "Enter") {
        event.preventDefault();
        void saveAccredited();
      }
    },
  });
  const accreditedError = h("p", { class: "form-error", role: "alert", "data-testid": "accredited-error" });
  async function saveAccredited(): Promise<void> {
    replaceChildren(accreditedError);
    try {
      const opened = await api.setAccreditedOn(accredited.value.trim() || null);
      if (destroyed) return;
      ctx.applyOpened(opened);
      await refresh();
    } catch (error) {
      accreditedError.textContent = messageOf(error);
    }
  }
  const accreditedId = uid("accredited");
  accredited.id = accreditedId;
  const accreditedRow = h(
    "div",
    { class: "form-row inline-row" },
    h("label", { for: accreditedId }, "Date of your award"),
    h(
      "p",
      { class: "hint", id: "accredited-hint" },
      "The date on your award letter, for example 2026-11-23. Leave it empty until you are accredited.",
    ),
    h(
      "div",
      { class: "inline-controls" },
      accredited,
      h("button", { type: "button", class: "button", "data-testid": "accredited-save", onclick: () => void saveAccredited() }, "Save date"),
    ),
    accreditedError,
  );

  function renderReview(): void {
    const review = overview?.review;
    if (!review) return;
    if (document.activeElement !== accredited) accredited.value = review.accredited_on ?? "";
    const status =
      review.due_text !== null && review.days_left !== null
        ? h(
            "p",
            { class: review.days_left < 90 ? "review-due soon" : "review-due", "data-testid": "review-due" },
            icon("calendar"),
            review.due_text,
          )
        : h(
            "p",
            { class: "muted" },
            `Once you are accredited, enter the date of your award: the app then shows when your review of practice is due (every ${framework.review_every_years ?? 3} years).`,
          );
    const action = review.open
      ? h(
          "button",
          { type: "button", class: "button primary", "data-testid": "continue-review", onclick: () => ctx.open({ kind: "review" }) },
          `Continue the review started ${longDate(review.open.started_on)}`,
        )
      : review.accredited_on
        ? h(
            "button",
            { type: "button", class: "button", "data-testid": "start-review", onclick: () => void startReview() },
            "Start the review",
          )
        : null;
    replaceChildren(
      reviewSlot,
      accreditedRow,
      status,
      review.completed > 0 ? h("p", { class: "muted" }, `${review.completed} review${review.completed === 1 ? "" : "s"} done.`) : null,
      action,
    );
  }

  async function startReview(): Promise<void> {
    try {
      await ctx.autosave.flush();
      const opened = await api.startReview();
      ctx.applyOpened(opened);
      ctx.open({ kind: "review" });
    } catch (error) {
      await showError(error, "The review could not be started");
    }
  }

  // ---- upgrade ----
  function renderUpgrade(): void {
    const upgrades = overview?.upgrades ?? [];
    replaceChildren(
      upgradeSlot,
      upgrades.length === 0
        ? null
        : h(
            "section",
            { class: "versions-section", "aria-labelledby": "versions-upgrade" },
            h("h2", { id: "versions-upgrade" }, "Move up a pathway"),
            h(
              "p",
              null,
              `Once you hold ${pathwayName(framework, session().portfolio.pathway)}, you can work towards the next award with this same portfolio. Every word is kept.`,
            ),
            upgrades.map((to) =>
              h(
                "button",
                { type: "button", class: "button", "data-testid": `upgrade-${to}`, onclick: () => void upgrade(to) },
                `Move up to ${pathwayName(framework, to)}…`,
              ),
            ),
          ),
    );
  }

  async function upgrade(to: PathwayId): Promise<void> {
    try {
      await ctx.autosave.flush();
      const plan = await api.planUpgrade(to);
      const year = plan.previous_award.year ? ` (${plan.previous_award.year})` : "";
      const sure = await confirmDialog({
        title: `Move up to ${plan.to_name}?`,
        wide: true,
        testid: "upgrade-dialog",
        confirmTestid: "upgrade-confirm",
        confirmLabel: `Move up to ${plan.to_name}`,
        body: h(
          "div",
          null,
          h(
            "p",
            null,
            h("strong", null, "Every word you have written is kept."),
            " A snapshot of the portfolio as it is now is kept first, so you can always look back.",
          ),
          plan.sections_added.length > 0
            ? [
                h("h3", { class: "small-heading" }, "These sections will be added, for you to write"),
                h(
                  "ul",
                  { class: "change-list" },
                  plan.sections_added.map((s) => h("li", null, s.title)),
                ),
              ]
            : h("p", null, "No new sections are needed."),
          h(
            "p",
            null,
            `Your ${plan.from_name} award${year} is recorded in your portfolio details, and the contextual statement's guidance will ask how this portfolio builds on it.`,
          ),
        ),
      });
      if (!sure) return;
      const opened = await api.upgradePathway(to);
      ctx.applyOpened(opened);
      const submitted =
        overview?.snapshots.find((s) => s.submitted && s.pathway === plan.from) ?? overview?.snapshots.find((s) => s.submitted);
      showNote(
        `You are now working towards ${plan.to_name}.`,
        submitted
          ? h(
              "button",
              {
                type: "button",
                class: "button small",
                "data-testid": "compare-last-submitted",
                onclick: () => ctx.open({ kind: "compare", id: submitted.id }),
              },
              "Compare with the last submitted version",
            )
          : null,
      );
      await refresh();
    } catch (error) {
      await showError(error, "The pathway could not be changed");
    }
  }

  // ---- backups ----
  async function loadBackups(): Promise<void> {
    let list: BackupVersion[];
    try {
      list = await api.listBackups();
    } catch (error) {
      if (!destroyed) replaceChildren(backupsSlot, h("p", { class: "muted" }, `The backups could not be read: ${messageOf(error)}`));
      return;
    }
    if (destroyed) return;
    replaceChildren(
      backupsSlot,
      list.length === 0
        ? h("p", { class: "muted" }, "No backups yet. One is kept each time your work is saved.")
        : h(
            "table",
            { class: "backup-table" },
            h("caption", { class: "visually-hidden" }, "Backups, newest first"),
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                h("th", { scope: "col" }, "Saved"),
                h("th", { scope: "col" }, "Words"),
                h("th", { scope: "col" }, "Sections written"),
                h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Action")),
              ),
            ),
            h(
              "tbody",
              null,
              list.map((backup) =>
                h(
                  "tr",
                  { "data-testid": "backup" },
                  h("th", { scope: "row" }, backup.saved_time, h("span", { class: "muted" }, ` · ${backup.size}`)),
                  h("td", null, backup.words === null ? "Unreadable" : wordsText(backup.words)),
                  h("td", null, backup.sections_written === null ? "–" : String(backup.sections_written)),
                  h(
                    "td",
                    null,
                    backup.words === null
                      ? null
                      : h(
                          "button",
                          {
                            type: "button",
                            class: "button small quiet",
                            "data-testid": "backup-restore",
                            "aria-label": `Restore as a new copy: the backup saved ${backup.saved_time}`,
                            onclick: () => void restoreBackup(backup),
                          },
                          "Restore as a new copy",
                        ),
                  ),
                ),
              ),
            ),
          ),
    );
  }

  async function restoreBackup(backup: BackupVersion): Promise<void> {
    const sure = await confirmDialog({
      title: "Restore as a new copy?",
      body: h(
        "div",
        null,
        h("p", null, `This makes a new, separate portfolio from the backup saved ${backup.saved_time}.`),
        h("p", null, "The portfolio you are working on stays exactly as it is."),
      ),
      confirmLabel: "Make a copy",
      testid: "restore-dialog",
      confirmTestid: "restore-confirm",
    });
    if (!sure) return;
    try {
      const copy = await api.restoreBackupCopy(backup.file_name);
      if (await copyMadeDialog(copy)) await ctx.openCopy(copy.folder);
    } catch (error) {
      await showError(error, "The copy could not be made");
    }
  }

  function showNote(text: string, extra: Node | null = null): void {
    replaceChildren(
      noteSlot,
      h("p", { class: "versions-done", "data-testid": "versions-note" }, icon("check"), h("span", null, text), extra),
    );
  }

  function render(): void {
    renderStage();
    renderSnapshots();
    renderOutcome();
    renderReview();
    renderUpgrade();
  }

  const section = (id: string, title: string, ...children: (Node | null)[]) =>
    h("section", { class: "versions-section", "aria-labelledby": id }, h("h2", { id }, title), children);

  const element = h(
    "article",
    { class: "section-page versions-page", "data-testid": "versions-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h("p", { class: "lead" }, "Keep copies of your portfolio as it stands, see what changed since, and record what the assessors said."),
    ),
    noteSlot,
    stageSlot,
    section(
      "versions-snapshots",
      "Snapshots",
      h(
        "div",
        { class: "versions-actions" },
        h(
          "button",
          { type: "button", class: "button primary", "data-testid": "mark-submitted", onclick: () => void keep(true) },
          icon("flag"),
          "Mark as submitted…",
        ),
        h(
          "button",
          { type: "button", class: "button", "data-testid": "keep-snapshot", onclick: () => void keep(false) },
          "Keep a snapshot…",
        ),
      ),
      snapshotsSlot,
    ),
    section("versions-outcome", "Assessment outcome", outcomeSlot),
    section("versions-review", "Accreditation and review of practice", reviewSlot),
    upgradeSlot,
    section(
      "versions-backups",
      "Backups",
      h("p", { class: "hint" }, "The app keeps a backup each time your work is saved. Any of them can become a new, separate portfolio."),
      backupsSlot,
    ),
  );
  if (note) showNote(note);
  replaceChildren(snapshotsSlot, h("p", { class: "muted" }, "Loading…"));
  renderStage();
  void refresh();

  return {
    element,
    focus: () => heading.focus(),
    destroy() {
      destroyed = true;
    },
  };
}
