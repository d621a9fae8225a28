// Flows for "Versions": marking as submitted and keeping snapshots, viewing and comparing, copies,
// recording an outcome (and its feedback beside the section), the review of practice, moving up a
// pathway, the backups, and the summary of revisions on the export page.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { todayIso } from "../format";
import { planFor, WINDOWS } from "../test/checklist-fixtures";
import { openedFor, outlineFor } from "../test/fixtures";
import { $, backend, boot, byTestId, emptyOverview, settled, type, waitFor } from "../test/harness";
import type { Assessment, Comparison, ExportOptions, OpenedPortfolio, SnapshotListing, VersionsOverview } from "../types";
import { diffNodes } from "./snapshot-pages";

afterEach(() => {
  clearMocks();
  for (const d of document.querySelectorAll("dialog")) d.remove();
});

type Handlers = Parameters<typeof backend>[0];

const submitted: SnapshotListing = {
  id: "20270131-101500",
  label: "First submission",
  taken_at: "2027-01-31T10:15:00Z",
  submitted: true,
  pathway: "cmalt",
  submission_window: "2027-01-31",
  name: "First submission, kept 31 January 2027 at 10:15",
  kept: "31 January 2027 at 10:15",
};
const named: SnapshotListing = {
  id: "20270201-090000",
  label: "After my mentor read it",
  taken_at: "2027-02-01T09:00:00Z",
  submitted: false,
  pathway: "cmalt",
  submission_window: null,
  name: "After my mentor read it, kept 1 February 2027 at 09:00",
  kept: "1 February 2027 at 09:00",
};

const referral: Assessment = {
  outcome: "referral_minor",
  pathway: "cmalt",
  received_on: "2027-04-20",
  snapshot_id: submitted.id,
  overall_feedback: "Nearly there.",
  sections: {
    "1a": { rating: "revisions_required", feedback: "Say more about how students responded." },
    "2a": { rating: "strong", feedback: "" },
  },
};

function openedWith(change: (opened: OpenedPortfolio) => void = () => undefined): OpenedPortfolio {
  const opened = openedFor("cmalt");
  change(opened);
  return opened;
}

async function openVersions(extra: Handlers = {}, opened: OpenedPortfolio = openedFor("cmalt")) {
  const calls = backend({ current_portfolio: () => opened, ...extra });
  const app = await boot();
  await waitFor(() => byTestId("sidebar"));
  byTestId("versions")!.click();
  await waitFor(() => byTestId("versions-page"));
  await waitFor(() => !byTestId("snapshots")!.textContent!.includes("Loading"));
  return { calls, app };
}

const dialog = (testid: string) => waitFor(() => byTestId(testid));

describe("wording", () => {
  it("builds the diff from text nodes, so the candidate's words are never read as HTML", () => {
    const box = document.createElement("div");
    box.append(
      ...diffNodes([
        { kind: "equal", text: "I used <b>Moodle</b> " },
        { kind: "removed", text: "quizzes" },
        { kind: "added", text: "<img src=x onerror=alert(1)> rubrics" },
      ]),
    );
    expect(box.querySelector("b")).toBeNull();
    expect(box.querySelector("img")).toBeNull();
    expect(box.querySelector("del")!.textContent).toContain("quizzes");
    expect(box.querySelector("ins")!.textContent).toContain("<img src=x onerror=alert(1)> rubrics");
    // Screen readers hear which passages were added and removed.
    expect(box.querySelector("ins .visually-hidden")!.textContent).toBe("Added: ");
  });

  it("shows a long unchanged stretch as the core shortened it", () => {
    const long = "word ".repeat(400);
    const nodes = diffNodes([
      { kind: "added", text: "New start. " },
      { kind: "equal", text: long, gap: { head: "word word ", tail: " word word" } },
      { kind: "added", text: "New end." },
      { kind: "equal", text: "short, shown whole" },
    ]);
    const box = document.createElement("div");
    box.append(...nodes);
    expect(box.textContent).toBe(
      "Added: New start.  (end of added text)word word  …  word wordAdded: New end. (end of added text)short, shown whole",
    );
    expect(box.querySelector(".diff-ellipsis")).not.toBeNull();
  });
});

describe("the Versions page", () => {
  it("is in the sidebar and says when nothing is kept yet", async () => {
    await openVersions();
    expect(byTestId("versions")!.getAttribute("aria-current")).toBe("page");
    expect(document.activeElement!.textContent).toBe("Versions");
    expect(byTestId("no-snapshots")!.textContent).toContain("No snapshots yet");
    expect(byTestId("referral-banner")).toBeNull();
  });

  it("marks as submitted with the window chosen from the closing days of a scheme that has them, then lists the snapshot", async () => {
    let snapshots: SnapshotListing[] = [];
    const { calls } = await openVersions(
      {
        take_snapshot: () => {
          snapshots = [submitted];
          return submitted;
        },
        versions_overview: () => emptyOverview({ snapshots }),
        submission_plan: () => planFor("2027-05-31", null, WINDOWS),
      },
      openedWith((o) => (o.portfolio.target_window = "2027-05-31")),
    );
    byTestId("mark-submitted")!.click();
    await dialog("submit-dialog");
    const select = await waitFor(() => byTestId<HTMLSelectElement>("submit-window"));
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["2027-01-31", "2027-05-31", "2027-09-30"]);
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      "31 January 2027 (69 days to go)",
      "31 May 2027 (189 days to go), your target",
      "30 September 2027 (311 days to go)",
    ]);
    expect(select.value).toBe("2027-05-31"); // the target window
    expect(byTestId("submit-dialog")!.textContent).toContain("read-only copy");
    type(byTestId<HTMLInputElement>("submit-label")!, "First submission");
    byTestId("submit-confirm")!.click();
    await waitFor(() => byTestId("snapshot"));
    expect(calls.find((c) => c.cmd === "take_snapshot")!.args).toEqual({
      request: { label: "First submission", submitted: true, window: "2027-05-31" },
    });
    expect(byTestId("submitted-badge")!.textContent).toBe("Submitted for 31 January 2027");
    expect(byTestId("versions-note")!.textContent).toContain("Marked as submitted");
  });

  it("marks as submitted for the date aimed at when portfolios are taken all year round", async () => {
    const { calls } = await openVersions(
      { take_snapshot: () => submitted, submission_plan: () => planFor("2027-03-13") },
      openedWith((o) => (o.portfolio.target_window = "2027-03-13")),
    );
    byTestId("mark-submitted")!.click();
    await dialog("submit-dialog");
    const field = await waitFor(() => byTestId<HTMLInputElement>("submit-window"));
    expect(field.type).toBe("date");
    expect(field.value).toBe("2027-03-13");
    byTestId("submit-confirm")!.click();
    await waitFor(() => !byTestId("submit-dialog"));
    expect(calls.find((c) => c.cmd === "take_snapshot")!.args).toEqual({
      request: { label: "", submitted: true, window: "2027-03-13" },
    });
  });

  it("offers today's date to mark as submitted when no date is aimed for, and none once it is cleared", async () => {
    const { calls } = await openVersions({ take_snapshot: () => ({ ...submitted, submission_window: null }) });
    byTestId("mark-submitted")!.click();
    await dialog("submit-dialog");
    const field = await waitFor(() => byTestId<HTMLInputElement>("submit-window"));
    expect(field.value).toBe(todayIso());
    field.value = "";
    byTestId("submit-confirm")!.click();
    await waitFor(() => !byTestId("submit-dialog"));
    expect(calls.find((c) => c.cmd === "take_snapshot")!.args).toEqual({
      request: { label: "", submitted: true, window: null },
    });
  });

  it("asks a named snapshot for its name before keeping it", async () => {
    const { calls } = await openVersions({ take_snapshot: () => named });
    byTestId("keep-snapshot")!.click();
    await dialog("snapshot-dialog");
    byTestId("snapshot-confirm")!.click();
    await waitFor(() => byTestId("snapshot-error")!.textContent);
    expect(byTestId("snapshot-error")!.textContent).toBe("Give the snapshot a name.");
    expect(calls.some((c) => c.cmd === "take_snapshot")).toBe(false);
    type(byTestId<HTMLInputElement>("snapshot-label")!, "After my mentor read it");
    byTestId("snapshot-confirm")!.click();
    await waitFor(() => !byTestId("snapshot-dialog"));
    expect(calls.find((c) => c.cmd === "take_snapshot")!.args).toEqual({
      request: { label: "After my mentor read it", submitted: false, window: null },
    });
  });

  it("lists snapshots newest first with their dates and submitted badge, and shows a refusal as it is", async () => {
    await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [named, submitted] }),
      view_snapshot: () => {
        throw { code: "versions_refused", message: "This snapshot is damaged." };
      },
    });
    const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-testid=snapshot]"));
    expect(rows.map((r) => r.dataset.snapshotId)).toEqual([named.id, submitted.id]);
    expect(rows[0].querySelector("[data-testid=submitted-badge]")).toBeNull();
    expect(rows[1].textContent).toContain("Submitted for 31 January 2027");
    rows[0].querySelector<HTMLButtonElement>("[data-testid=snapshot-view]")!.click();
    await waitFor(() => byTestId("snapshot-body")?.textContent?.includes("This snapshot is damaged."));
  });

  it("shows a snapshot read-only, section by section", async () => {
    await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted] }),
      view_snapshot: () => ({
        info: submitted,
        title: "My portfolio",
        sections: [{ id: "1a", heading: "1a Constraints", html: "<p>Then I used <strong>Moodle</strong>.</p>" }],
      }),
    });
    byTestId("snapshot-view")!.click();
    await waitFor(() => $("[data-testid=snapshot-body] .snapshot-section"));
    expect($("[data-testid=snapshot-body] h2")!.textContent).toBe("1a Constraints");
    expect($("[data-testid=snapshot-body] strong")!.textContent).toBe("Moodle");
    expect(byTestId("snapshot-meta")!.textContent).toContain("First submission");
    expect($("[data-testid=snapshot-page] textarea, [data-testid=snapshot-page] .editor-content")).toBeNull();
    expect(byTestId("versions")!.getAttribute("aria-current")).toBe("page");
    byTestId("back-to-versions")!.click();
    await waitFor(() => byTestId("versions-page"));
  });

  it("compares with now: a table per section, then the changed passages highlighted", async () => {
    const comparison: Comparison = {
      sections: [
        {
          id: "1a",
          number: "1a",
          title: "1a Constraints",
          status: "changed",
          changed: true,
          words_added: 3,
          words_removed: 1,
          diff: [
            { kind: "equal", text: "I used " },
            { kind: "removed", text: "quizzes" },
            { kind: "added", text: "peer review rubrics" },
          ],
        },
        { id: "2a", number: "2a", title: "2a Teaching", status: "untouched", changed: false, words_added: 0, words_removed: 0, diff: [] },
        {
          id: "4",
          number: "4",
          title: "Communication",
          status: "new",
          changed: true,
          words_added: 5,
          words_removed: 0,
          diff: [{ kind: "added", text: "I share practice widely." }],
        },
      ],
    };
    const { calls } = await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted] }),
      compare_with_snapshot: () => comparison,
    });
    byTestId("snapshot-compare")!.click();
    await waitFor(() => byTestId("change-table"));
    expect(calls.find((c) => c.cmd === "compare_with_snapshot")!.args).toEqual({ id: submitted.id });
    expect(byTestId("compare-summary")!.textContent).toBe("2 sections changed: 8 words added, 1 word removed.");
    const statuses = Array.from(document.querySelectorAll<HTMLElement>("[data-testid=change-table] tbody tr")).map((r) => [
      r.dataset.section,
      r.querySelector(".change-status")!.textContent,
    ]);
    expect(statuses).toEqual([
      ["1a", "Changed"],
      ["2a", "Unchanged"],
      ["4", "New"],
    ]);
    const diffs = Array.from(document.querySelectorAll<HTMLElement>("[data-testid=diff-section]"));
    expect(diffs.map((d) => d.dataset.section)).toEqual(["1a", "4"]);
    expect(diffs[0].querySelector("del")!.textContent).toContain("quizzes");
    expect(diffs[0].querySelector("ins")!.textContent).toContain("peer review rubrics");
    expect(diffs[1].querySelector("h2")!.textContent).toContain("4 Communication");
    expect(byTestId("compare-meta")!.textContent).toContain("First submission");
  });

  it("exports a snapshot as it was, in the chosen format", async () => {
    const { calls } = await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted] }),
      export_snapshot: () => ({
        path: "/home/sam/First.html",
        format: "single_html",
        sizes: { format: "single_html", total_bytes: 1, limit_bytes: 10_000_000, within_limit: true, largest: [], left_out: [] },
      }),
    });
    byTestId("snapshot-export")!.click();
    await dialog("snapshot-export-dialog");
    byTestId<HTMLInputElement>("snapshot-format-single_html")!.click();
    byTestId("snapshot-export-go")!.click();
    await waitFor(() => byTestId("snapshot-export-path"));
    expect(calls.find((c) => c.cmd === "export_snapshot")!.args).toEqual({ id: submitted.id, format: "single_html" });
    expect(byTestId("snapshot-export-path")!.textContent).toBe("/home/sam/First.html");
  });

  it("restores a snapshot as a new copy after asking, then opens the copy on request", async () => {
    const copy = openedFor("cmalt", "/data/My portfolio snapshot");
    copy.portfolio.title = "My portfolio (copy)";
    const { calls } = await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted] }),
      restore_snapshot_copy: () => ({ folder: copy.folder, title: "My portfolio (copy)" }),
      open_recent: () => copy,
    });
    byTestId("snapshot-restore")!.click();
    await dialog("restore-dialog");
    expect(byTestId("restore-dialog")!.textContent).toContain("stays exactly as it is");
    byTestId("restore-confirm")!.click();
    await dialog("copy-dialog");
    expect(byTestId("copy-made")!.textContent).toBe("A copy was made: My portfolio (copy)");
    byTestId("open-copy")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "open_recent"));
    expect(calls.find((c) => c.cmd === "open_recent")!.args).toEqual({ folder: copy.folder });
    await waitFor(() => document.querySelector(".topbar-title")?.textContent === "My portfolio (copy)");
  });

  it("lists backups by time with what they held, and restores one as a new copy", async () => {
    const { calls } = await openVersions({
      list_backups: () => [
        {
          file_name: "portfolio-20270101-100000.json",
          saved_at: "2027-01-01T10:00:00Z",
          saved_when: "1 January at 10:00",
          saved_time: "1 January 2027 at 10:00:00",
          bytes: 4200,
          title: "My portfolio",
          words: 1234,
          sections_written: 5,
        },
        {
          file_name: "portfolio-bad.json",
          saved_at: "2026-12-01T10:00:00Z",
          saved_when: "1 December 2026",
          saved_time: "1 December 2026 at 10:00:00",
          bytes: 10,
          title: null,
          words: null,
          sections_written: null,
        },
      ],
      restore_backup_copy: () => ({ folder: "/data/My portfolio backup", title: "My portfolio" }),
    });
    const rows = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>("[data-testid=backup]");
      return found.length === 2 ? Array.from(found) : null;
    });
    expect(rows[0].textContent).toContain("1 January 2027 at 10:00:00");
    expect(rows[0].textContent).toContain("1234 words");
    expect(rows[0].textContent).toContain("5");
    expect(rows[1].textContent).toContain("Unreadable");
    expect(rows[1].querySelector("[data-testid=backup-restore]")).toBeNull();
    rows[0].querySelector<HTMLButtonElement>("[data-testid=backup-restore]")!.click();
    await dialog("restore-dialog");
    byTestId("restore-confirm")!.click();
    await dialog("copy-dialog");
    expect(calls.find((c) => c.cmd === "restore_backup_copy")!.args).toEqual({ fileName: "portfolio-20270101-100000.json" });
    $<HTMLButtonElement>("[data-testid=copy-dialog] button")!.click(); // Stay here
    await waitFor(() => !byTestId("copy-dialog"));
    expect(calls.some((c) => c.cmd === "open_recent")).toBe(false);
  });
});

describe("recording an outcome", () => {
  it("offers the outcomes possible now, rates each assessed section, and then marks R sections everywhere", async () => {
    const after = openedWith((o) => o.portfolio.assessments.push(referral));
    let stage: VersionsOverview["stage"] = emptyOverview().stage;
    const { calls } = await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted], stage }),
      record_assessment: () => {
        stage = { resubmission: true, outcomes: ["pass", "fail"], latest: referral, to_revise: ["1a"] };
        return after;
      },
    });
    byTestId("record-outcome")!.click();
    await dialog("outcome-dialog");
    const outcomes = Array.from(document.querySelectorAll<HTMLInputElement>("[data-testid=outcome-dialog] .outcome-choices input"));
    expect(outcomes.map((o) => o.labels![0].textContent)).toEqual([
      "Pass with Distinction",
      "Pass",
      "Referral (minor revisions)",
      "Referral (major revisions)",
    ]);
    // Nothing chosen: refused in words, nothing recorded.
    byTestId("outcome-save")!.click();
    await waitFor(() => byTestId("outcome-error")!.textContent);
    expect(byTestId("outcome-error")!.textContent).toBe("Choose the outcome.");

    // One row per assessed section of the outline, each with None/S/A/R.
    const rows = Array.from(document.querySelectorAll<HTMLElement>(".feedback-row")).map((r) => r.dataset.section);
    expect(rows).toEqual(["1a", "1c", "2a", "3a", "4", "5a"]);
    byTestId<HTMLInputElement>("outcome-referral_minor")!.click();
    const date = byTestId<HTMLInputElement>("outcome-date")!;
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    type(date, "2027-04-20");
    byTestId<HTMLInputElement>("rating-1a-R")!.click();
    byTestId<HTMLTextAreaElement>("feedback-1a")!.value = "Say more about how students responded.";
    byTestId<HTMLInputElement>("rating-2a-S")!.click();
    byTestId<HTMLTextAreaElement>("outcome-overall")!.value = "Nearly there.";
    byTestId("outcome-save")!.click();
    await waitFor(() => !byTestId("outcome-dialog"));

    const sent = calls.find((c) => c.cmd === "record_assessment")!.args.assessment as Assessment;
    expect(sent.outcome).toBe("referral_minor");
    expect(sent.received_on).toBe("2027-04-20");
    expect(sent.pathway).toBe("cmalt");
    expect(sent.overall_feedback).toBe("Nearly there.");
    expect(sent.sections["1a"]).toEqual({ rating: "revisions_required", feedback: "Say more about how students responded." });
    expect(sent.sections["2a"]).toEqual({ rating: "strong", feedback: "" });
    expect(sent.sections["3a"]).toEqual({ rating: null, feedback: "" });

    // The banner, the sidebar's R, then the feedback beside 1a.
    const banner = await waitFor(() => byTestId("referral-banner"));
    expect(banner.textContent).toContain("Referral (minor revisions)");
    expect(banner.textContent).toContain("20 April 2027");
    const badge = $("[data-section-id='1a'] [data-testid=revise-badge]")!;
    expect(badge.textContent).toContain("revisions required");
    expect($("[data-section-id='2a'] [data-testid=revise-badge]")).toBeNull();
    await waitFor(() => byTestId("latest-outcome"));
    expect(byTestId("latest-outcome")!.textContent).toContain("Referral (minor revisions)");

    byTestId("revise-1a")!.click();
    const panel = await waitFor(() => $("[data-section='1a'] [data-testid=feedback-panel]"));
    expect(panel.textContent).toContain("Say more about how students responded.");
    expect(byTestId("feedback-rating")!.textContent).toBe("Revisions required");
    expect(panel.getAttribute("aria-label")).toBe("Assessors' feedback");
  });

  it("shows a note on sections without feedback while a referral is open, and shows the reason a date is refused", async () => {
    const opened = openedWith((o) => o.portfolio.assessments.push(referral));
    backend({ current_portfolio: () => opened });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    $("[data-section-id='4']")!.click();
    const note = await waitFor(() => byTestId("referral-note"));
    expect(note.textContent).toContain("Sections to revise: 1a.");
    expect(byTestId("feedback-panel")).toBeNull();
  });

  it("keeps the dialog open with the backend's message when it refuses", async () => {
    await openVersions({
      record_assessment: () => {
        throw { code: "invalid", message: '"20/04/2027" is not a date. Use the form 2026-11-23.' };
      },
    });
    byTestId("record-outcome")!.click();
    await dialog("outcome-dialog");
    byTestId<HTMLInputElement>("outcome-pass")!.click();
    type(byTestId<HTMLInputElement>("outcome-date")!, "20/04/2027");
    byTestId("outcome-save")!.click();
    await waitFor(() => byTestId("outcome-error")!.textContent);
    expect(byTestId("outcome-error")!.textContent).toBe('"20/04/2027" is not a date. Use the form 2026-11-23.');
    expect(byTestId("outcome-dialog")).not.toBeNull();
  });
});

describe("accreditation and the review of practice", () => {
  it("saves the award date, says when the review is due, and starts the review from the future plans", async () => {
    let accredited: string | null = null;
    const reviewing = openedWith((o) => {
      o.portfolio.accredited_on = "2026-06-01";
      o.portfolio.reviews = [
        {
          started_on: "2029-03-01",
          plans_reviewed: "Lead a move to **open textbooks**.",
          what_happened: "",
          next_plans: "",
          completed_on: null,
        },
      ];
    });
    const { calls, app } = await openVersions({
      versions_overview: () =>
        emptyOverview({
          review: {
            accredited_on: accredited,
            due_on: accredited ? "2029-06-01" : null,
            days_left: accredited ? 912 : null,
            due_text: accredited ? "Your review of practice is due on 1 June 2029 (912 days)." : null,
            open: null,
            completed: 0,
          },
        }),
      set_accredited_on: (args) => {
        accredited = args.date as string;
        return openedWith((o) => (o.portfolio.accredited_on = accredited));
      },
      start_review: () => reviewing,
      save_review: () => ({ saved_at: "2029-03-01T10:00:00Z", outline: outlineFor("cmalt") }),
      preview_markdown: (args) => ({
        html: `<p>${String(args.markdown).replace("**open textbooks**", "<strong>open textbooks</strong>")}</p>`,
        words: 6,
      }),
    });
    expect(byTestId("start-review")).toBeNull();
    type(byTestId<HTMLInputElement>("accredited-on")!, "2026-06-01");
    byTestId("accredited-save")!.click();
    const due = await waitFor(() => byTestId("review-due"));
    expect(calls.find((c) => c.cmd === "set_accredited_on")!.args).toEqual({ date: "2026-06-01" });
    expect(due.textContent).toBe("Your review of practice is due on 1 June 2029 (912 days).");

    byTestId("start-review")!.click();
    await waitFor(() => byTestId("review-page"));
    const plans = await waitFor(() => $("[data-testid=plans-reviewed] strong"));
    expect(plans.textContent).toBe("open textbooks");
    expect(byTestId("review-page")!.textContent).toContain("Which plans did you carry out?");

    const what = byTestId<HTMLTextAreaElement>("review-what-happened")!;
    what.value = "We moved two modules to open textbooks.";
    what.dispatchEvent(new Event("input", { bubbles: true }));
    const next = byTestId<HTMLTextAreaElement>("review-next-plans")!;
    next.value = "Share the approach across the faculty.";
    next.dispatchEvent(new Event("input", { bubbles: true }));
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_review");
    expect(saves.at(-1)!.args.patch).toEqual({
      what_happened: "We moved two modules to open textbooks.",
      next_plans: "Share the approach across the faculty.",
    });

    byTestId("review-done")!.click();
    await waitFor(() => byTestId("versions-page"));
    const done = calls.filter((c) => c.cmd === "save_review").at(-1)!.args.patch as { completed_on: string };
    expect(done.completed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byTestId("versions-note")!.textContent).toContain("The review is done");
  });

  it("offers to continue a review under way", async () => {
    await openVersions({
      versions_overview: () =>
        emptyOverview({
          review: {
            accredited_on: "2026-06-01",
            due_on: "2029-06-01",
            days_left: 30,
            due_text: "Your review of practice is due on 1 June 2029 (30 days).",
            open: { started_on: "2029-05-01", plans_reviewed: "", what_happened: "", next_plans: "", completed_on: null },
            completed: 1,
          },
        }),
    });
    const go = await waitFor(() => byTestId("continue-review"));
    expect(go.textContent).toBe("Continue the review started 1 May 2029");
    expect(byTestId("review-due")!.classList.contains("soon")).toBe(true);
    expect(byTestId("review-status")!.textContent).toContain("1 review done.");
  });
});

describe("moving up a pathway", () => {
  it("shows what is added and that every word is kept, then upgrades and offers the comparison", async () => {
    const upgraded = openedFor("senior");
    upgraded.portfolio.previous_award = { pathway: "cmalt", year: 2026 };
    const { calls } = await openVersions({
      versions_overview: () => emptyOverview({ snapshots: [submitted] }),
      plan_upgrade: () => ({
        from: "cmalt",
        to: "senior",
        from_name: "CMALT",
        to_name: "Senior CMALT",
        sections_added: [{ id: "5b", title: "Specialist area 2", has_text: false }],
        previous_award: { pathway: "cmalt", year: 2026 },
      }),
      upgrade_pathway: () => upgraded,
      compare_with_snapshot: () => ({ sections: [] }),
    });
    const button = await waitFor(() => byTestId<HTMLButtonElement>("upgrade-senior"));
    expect(button.textContent).toBe("Move up to Senior CMALT…");
    button.click();
    const ask = await dialog("upgrade-dialog");
    expect(ask.textContent).toContain("Every word you have written is kept.");
    expect(ask.textContent).toContain("A snapshot of the portfolio as it is now is kept first");
    expect(ask.textContent).toContain("Specialist area 2");
    expect(ask.textContent).toContain("Your CMALT award (2026) is recorded");
    byTestId("upgrade-confirm")!.click();
    const compare = await waitFor(() => byTestId<HTMLButtonElement>("compare-last-submitted"));
    expect(calls.find((c) => c.cmd === "upgrade_pathway")!.args).toEqual({ to: "senior" });
    expect(document.querySelector(".topbar-pathway")!.textContent).toContain("Senior CMALT");
    compare.click();
    await waitFor(() => byTestId("compare-page"));
    expect(calls.filter((c) => c.cmd === "compare_with_snapshot").at(-1)!.args).toEqual({ id: submitted.id });
  });

  it("the contextual statement's guidance names the award held", async () => {
    const opened = openedWith((o) => (o.portfolio.previous_award = { pathway: "associate", year: 2024 }));
    backend({ current_portfolio: () => opened });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    $("[data-section-id='context']")!.click();
    const note = await waitFor(() => byTestId("previous-award-note"));
    expect(note.textContent).toContain("You hold Associate CMALT (2024). Say how this portfolio revises and adds to that one");
    $("[data-section-id='1a']")!.click();
    await waitFor(() => $("[data-section='1a']"));
    expect(byTestId("previous-award-note")).toBeNull();
  });
});

describe("the summary of revisions on the export page", () => {
  const estimates = (calls: ReturnType<typeof backend>) => calls.filter((c) => c.cmd === "export_estimate").map((c) => c.args);

  async function openExport(extra: Handlers) {
    const calls = backend({ current_portfolio: () => openedFor("cmalt"), ...extra });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    byTestId("export")!.click();
    await waitFor(() => byTestId("export-page"));
    return calls;
  }

  it("is ticked by default since the last submitted version, and passes it to the estimate and the export", async () => {
    const calls = await openExport({
      versions_overview: () => emptyOverview({ snapshots: [named, submitted] }),
      export_portfolio: () => null,
    });
    const tickBox = await waitFor(() => byTestId<HTMLInputElement>("export-revisions"));
    const since = byTestId<HTMLSelectElement>("export-revisions-since")!;
    expect(tickBox.checked).toBe(true);
    expect(since.value).toBe(submitted.id);
    await waitFor(() => estimates(calls).some((a) => a.revisionsSince === submitted.id));

    byTestId("export-go")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "export_portfolio"));
    const args = calls.find((c) => c.cmd === "export_portfolio")!.args;
    expect(args.revisionsSince).toBe(submitted.id);
    expect((args.options as ExportOptions).format).toBe("zip");

    tickBox.click();
    await waitFor(() => estimates(calls).at(-1)!.revisionsSince === undefined);
    expect(since.disabled).toBe(true);
  });

  it("is offered but not ticked when no version was submitted, and absent when there are no snapshots", async () => {
    await openExport({ versions_overview: () => emptyOverview({ snapshots: [named] }) });
    const tickBox = await waitFor(() => byTestId<HTMLInputElement>("export-revisions"));
    expect(tickBox.checked).toBe(false);
    clearMocks();
    document.body.innerHTML = "";
    await openExport({});
    await waitFor(() => byTestId("size-total"));
    await settled();
    expect(byTestId("export-revisions")).toBeNull();
  });
});
