// The portfolio window: top bar, sidebar and the page shown, plus the actions that change the outline.
import { listen } from "@tauri-apps/api/event";
import { api, EVIDENCE_DROPPED_EVENT, type EvidenceDroppedPayload } from "../api";
import type { AppContext, Screen } from "../app-context";
import { createChecklistState } from "../checklist/checklist-state";
import { createPrinciplesPage } from "../checklist/principles-page";
import { createReadyPage } from "../checklist/ready-page";
import { createSelfAssessmentPage } from "../checklist/self-assessment";
import { h, isMac, replaceChildren } from "../dom";
import { createSectionPage } from "../editor/section-page";
import { attachDropped } from "../evidence/attach-flow";
import { dropDialog } from "../evidence/evidence-dialogs";
import { createLibraryPage } from "../evidence/evidence-library-page";
import { createEvidence } from "../evidence/evidence-state";
import { createExportPage } from "../export/export-page";
import { pathwayName } from "../format";
import { createNotPlacedPage } from "../import/not-placed-page";
import { createReviewsPage } from "../reviews/reviews-page";
import type { AreaKindId, NotPlacedNote, OpenedPortfolio, OutlineEntry, PathwayId, SectionRef } from "../types";
import { openReferral } from "../versions/assessment-view";
import { createReviewPage } from "../versions/review-page";
import { createComparePage, createSnapshotPage } from "../versions/snapshot-pages";
import { createVersionsPage } from "../versions/versions-page";
import { createDetailsPage } from "./details-page";
import { confirmDialog, showError } from "./dialogs";
import { createFindPanel } from "./find-panel";
import { entryLabel, findEntry, firstEntry } from "./framework-view";
import { openPortfolio } from "./open-flow";
import type { Destination, Page, PageContext } from "./page";
import { createSidebar } from "./sidebar";
import { createTopbar } from "./topbar";

type Target = Destination;

const LAST_KEY = "cmalt.last-section:";
const PAGES = ["details", "library", "ready", "export", "principles", "self-assessment", "versions", "review", "reviews"] as const;

function rememberedTarget(folder: string): Target | null {
  try {
    const id = localStorage.getItem(LAST_KEY + folder);
    const page = PAGES.find((p) => p === id);
    if (page) return { kind: page };
    return id ? { kind: "section", id } : null;
  } catch {
    return null;
  }
}

function remember(folder: string, target: Target): void {
  try {
    // A snapshot or a comparison is not reopened next time: its Versions page is.
    const kind = target.kind === "snapshot" || target.kind === "compare" ? "versions" : target.kind;
    localStorage.setItem(LAST_KEY + folder, target.kind === "section" ? target.id : kind);
  } catch {
    // not remembered; harmless
  }
}

export function createPortfolioScreen(app: AppContext): Screen {
  const { store, autosave } = app;
  const framework = store.framework;
  let page: Page | null = null;
  let target: Target = { kind: "details" };
  let navigation = 0;
  /** the text an import could not place, while it waits to be moved; null when there is none */
  let notPlaced: NotPlacedNote | null = null;

  const main = h("main", { class: "page", id: "page" });

  const sidebar = createSidebar({
    framework,
    onOpen: (id) => void navigate({ kind: "section", id }),
    onDetails: () => void navigate({ kind: "details" }),
    onLibrary: () => void navigate({ kind: "library" }),
    onAdd: (kind) => void addArea(kind),
    onReady: () => void navigate({ kind: "ready" }),
    onPrinciples: () => void navigate({ kind: "principles" }),
    onSelfAssessment: () => void navigate({ kind: "self-assessment" }),
    onExport: () => void navigate({ kind: "export" }),
    onNotPlaced: () => void navigate({ kind: "not-placed" }),
    onVersions: () => void navigate({ kind: "versions" }),
    onReviews: () => void navigate({ kind: "reviews" }),
  });

  // The checklist follows every save and every evidence change (each brings a new outline, see
  // onOutline below) and every pathway or area change (apply), a moment later, one request at a time.
  const checklist = createChecklistState();

  const topbar = createTopbar({
    store,
    checklist,
    onClose: () => void closePortfolio(),
    onRetry: () => void autosave.flush().catch(() => undefined),
    onReady: () => void navigate({ kind: "ready" }),
  });

  const evidence = createEvidence({
    store,
    autosave,
    openLibrary: (highlight) => void navigate({ kind: "library", highlight }),
    openSection: (id) => void navigate({ kind: "section", id }),
    currentSection: () => (target.kind === "section" ? target.id : null),
  });

  const pageContext: PageContext = {
    store,
    autosave,
    evidence,
    removeArea: (entry) => void removeArea(entry),
    changePathway,
    checklist,
    open: (destination) => void navigate(destination),
    applyOpened: (opened) => apply(opened),
    openCopy,
  };

  // Find and replace, as in a word processor: Ctrl+F finds, Ctrl+H replaces, across the portfolio.
  const findPanel = createFindPanel({
    flush: () => autosave.flush().catch(() => undefined),
    currentSection: () => (target.kind === "section" ? target.id : null),
    async showMatches(part, query, matchCase) {
      if (!(target.kind === "section" && target.id === part.section)) {
        await navigate({ kind: "section", id: part.section, field: part.part }, false);
      }
      page?.showFind?.(query, matchCase, part.part);
    },
    async afterReplace({ outcome, opened }) {
      if (outcome.replaced === 0) return;
      apply(opened);
      // The open section shows the replaced text; its editor is made again from the portfolio.
      render(target, false);
    },
    clearHighlights: () => page?.clearFind?.(),
  });
  const onFindKeys = (event: KeyboardEvent) => {
    const mod = isMac() ? event.metaKey : event.ctrlKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "f" && !event.shiftKey) {
      event.preventDefault();
      findPanel.open("find");
    } else if (key === "h" && !event.shiftKey) {
      event.preventDefault();
      findPanel.open("replace");
    }
  };
  document.addEventListener("keydown", onFindKeys);

  function render(next: Target, focus: boolean): void {
    const session = store.session();
    if (!session) return;
    page?.destroy();
    page = null;
    let resolved = next;
    const found = next.kind === "section" ? findEntry(session.outline, next.id) : null;
    if (next.kind === "section" && !found) resolved = { kind: "details" };
    if (next.kind === "not-placed" && notPlaced === null) resolved = { kind: "details" };
    target = resolved;
    page =
      resolved.kind === "not-placed" && notPlaced !== null
        ? createNotPlacedPage({ text: notPlaced.text, words: notPlaced.words, onSetAside: notPlacedSetAside })
        : resolved.kind === "library"
          ? createLibraryPage(pageContext, resolved.highlight ?? null)
          : resolved.kind === "ready"
            ? createReadyPage(pageContext)
            : resolved.kind === "export"
              ? createExportPage(pageContext)
              : resolved.kind === "principles"
                ? createPrinciplesPage(pageContext)
                : resolved.kind === "self-assessment"
                  ? createSelfAssessmentPage(pageContext)
                  : resolved.kind === "versions"
                    ? createVersionsPage(pageContext, resolved.note ?? null)
                    : resolved.kind === "snapshot"
                      ? createSnapshotPage(pageContext, resolved.id)
                      : resolved.kind === "compare"
                        ? createComparePage(pageContext, resolved.id)
                        : resolved.kind === "review"
                          ? createReviewPage(pageContext)
                          : resolved.kind === "reviews"
                            ? createReviewsPage(pageContext)
                            : found
                              ? createSectionPage(pageContext, found)
                              : createDetailsPage(pageContext);
    replaceChildren(main, page.element);
    main.scrollTop = 0;
    const versionsPage = resolved.kind === "snapshot" || resolved.kind === "compare" || resolved.kind === "review";
    sidebar.setCurrent(resolved.kind === "section" ? resolved.id : versionsPage ? "versions" : resolved.kind);
    // The note goes away once set aside: never reopen on it.
    if (resolved.kind !== "not-placed") remember(session.folder, resolved);
    const field = resolved.kind === "section" || resolved.kind === "ready" ? resolved.field : undefined;
    if (focus && !(field && page.focusField?.(field))) page.focus();
  }

  /** Saves what is pending, then shows another page. */
  async function navigate(next: Target, focus = true): Promise<void> {
    const mine = ++navigation;
    try {
      await autosave.flush();
    } catch {
      // The text stays queued, keeps retrying, and the local copy already holds it: safe to move on.
    }
    if (mine !== navigation) return;
    render(next, focus);
  }

  /** Takes a new OpenedPortfolio from the backend (after add/remove/pathway change) and redraws. */
  function apply(opened: OpenedPortfolio): void {
    store.setOpened(opened);
    sidebar.setToRevise(openReferral(framework, opened.portfolio)?.toRevise ?? []);
    sidebar.render(opened.outline);
    topbar.refresh();
    void checklist.refreshNow();
  }

  async function addArea(kind: AreaKindId): Promise<void> {
    try {
      await autosave.flush();
      const { opened, section_id } = await api.addArea(kind);
      apply(opened);
      render({ kind: "section", id: section_id }, true);
    } catch (error) {
      await showError(error, "The area could not be added");
    }
  }

  async function removeArea(entry: OutlineEntry): Promise<void> {
    const sure = await confirmDialog({
      title: `Remove ${entryLabel(entry)}?`,
      body: h(
        "p",
        null,
        "This removes the area from your portfolio and ",
        h("strong", null, "deletes the text you wrote in it"),
        ". This cannot be undone.",
      ),
      confirmLabel: "Remove area and its text",
      cancelLabel: "Keep it",
      danger: true,
      testid: "remove-dialog",
      confirmTestid: "remove-confirm",
    });
    if (!sure) return;
    try {
      await autosave.flush();
      const group = store.session()?.outline.groups.find((g) => g.id === entry.group);
      const opened = await api.removeArea(entry.id);
      apply(opened);
      const sameGroup = opened.outline.groups.find((g) => g.id === group?.id)?.entries[0];
      const next = sameGroup ?? firstEntry(opened.outline);
      render(next ? { kind: "section", id: next.id } : { kind: "details" }, true);
    } catch (error) {
      await showError(error, "The area could not be removed");
    }
  }

  async function changePathway(pathway: PathwayId): Promise<boolean> {
    const session = store.session();
    if (!session || session.portfolio.pathway === pathway) return false;
    try {
      await autosave.flush();
      const change = await api.previewPathwayChange(pathway);
      const list = (refs: SectionRef[]) =>
        h(
          "ul",
          { class: "change-list" },
          refs.map((ref) => h("li", null, ref.title, ref.has_text ? h("span", { class: "muted" }, " (has your text)") : null)),
        );
      const body = h(
        "div",
        null,
        h("p", null, `From ${pathwayName(framework, change.from)} to ${pathwayName(framework, change.to)}.`),
        change.appearing.length > 0 ? [h("h3", { class: "small-heading" }, "These sections will appear"), list(change.appearing)] : null,
        change.leaving.length > 0
          ? [
              h("h3", { class: "small-heading" }, "These sections will leave the list"),
              list(change.leaving),
              h("p", null, "Your text in these sections is kept and comes back if you switch back."),
            ]
          : null,
        change.appearing.length === 0 && change.leaving.length === 0 ? h("p", null, "The list of sections stays the same.") : null,
      );
      const sure = await confirmDialog({
        title: `Change to ${pathwayName(framework, pathway)}?`,
        body,
        confirmLabel: "Change pathway",
        testid: "pathway-dialog",
        confirmTestid: "pathway-confirm",
        cancelTestid: "pathway-cancel",
        wide: true,
      });
      if (!sure) return false;
      const opened = await api.changePathway(pathway);
      apply(opened);
      render(target, false);
      // The select that had focus was redrawn: put focus on its replacement.
      main.querySelector<HTMLElement>("[data-testid=pathway-select]")?.focus();
      return true;
    } catch (error) {
      await showError(error, "The pathway could not be changed");
      return false;
    }
  }

  // ---- text an import could not place ----
  // Asked on every open (create, open, restore, import, a reload), as the note stays until set aside.
  async function checkNotPlaced(): Promise<void> {
    let note: NotPlacedNote | null = null;
    try {
      note = await api.notPlacedNote();
    } catch {
      return; // no answer is no reason to hide or show anything
    }
    if (destroyed) return;
    notPlaced = note;
    sidebar.setNotPlaced(notPlaced !== null);
  }

  function notPlacedSetAside(): void {
    notPlaced = null;
    sidebar.setNotPlaced(false);
    const outline = store.session()?.outline;
    const first = outline ? firstEntry(outline) : null;
    void navigate(first ? { kind: "section", id: first.id } : { kind: "details" });
  }

  /** A copy made from a snapshot or a backup, opened in place of this portfolio. */
  async function openCopy(folder: string): Promise<void> {
    try {
      await autosave.flush();
    } catch (error) {
      await showError(error, "Your latest changes are not saved yet");
      return;
    }
    await openPortfolio(app, () => api.openRecent(folder), folder);
  }

  async function closePortfolio(): Promise<void> {
    try {
      await autosave.flush();
    } catch (error) {
      await showError(error, "Your latest changes are not saved yet");
      return;
    }
    try {
      await api.closePortfolio();
    } catch (error) {
      await showError(error, "The portfolio could not be closed");
      return;
    }
    app.showStart();
  }

  const stopOutline = store.onOutline((outline) => {
    sidebar.render(outline);
    checklist.refresh();
  });
  const stopChecklist = checklist.onChange((next) => sidebar.setChecklist(next));

  // ---- files dropped on the window ----
  // The backend keeps only the newest drop, so a dialog about older files never attaches newer ones.
  let dropSequence = 0;
  let dropWaiting: string[] | null = null;
  let dropOpen = false;
  let destroyed = false;

  async function askAboutDrops(): Promise<void> {
    dropOpen = true;
    try {
      while (dropWaiting && !destroyed) {
        const names = dropWaiting;
        dropWaiting = null;
        const mine = dropSequence;
        const outline = store.session()?.outline;
        if (!outline) return;
        const choices = outline.groups
          .flatMap((group) => group.entries)
          .filter((entry) => entry.two_parts)
          .map((entry) => ({ id: entry.id, label: entryLabel(entry) }));
        const sections = await dropDialog(names, choices, target.kind === "section" ? target.id : null);
        if (mine !== dropSequence || destroyed) continue; // newer files arrived: ask about those instead
        if (sections) await attachDropped(evidence, sections);
      }
    } finally {
      dropOpen = false;
    }
  }

  let stopDrops: (() => void) | null = null;
  try {
    listen<EvidenceDroppedPayload>(EVIDENCE_DROPPED_EVENT, (event) => {
      const names = event.payload?.names ?? [];
      if (destroyed || names.length === 0) return;
      dropSequence++;
      dropWaiting = names;
      if (!dropOpen) void askAboutDrops();
    })
      .then((unlisten) => {
        if (destroyed) unlisten();
        else stopDrops = unlisten;
      })
      .catch(() => undefined);
  } catch {
    // Not inside Tauri (e.g. `npm run dev` in a browser): no dropped files to hear about.
  }

  const element = h(
    "div",
    { class: "portfolio-screen" },
    h(
      "a",
      {
        class: "skip-link",
        href: "#page",
        onclick: (event: MouseEvent) => {
          event.preventDefault();
          page?.focus();
        },
      },
      "Skip to the page",
    ),
    topbar.element,
    findPanel.element,
    h("div", { class: "workspace" }, sidebar.element, main),
  );

  const session = store.session()!;
  sidebar.setToRevise(openReferral(framework, session.portfolio)?.toRevise ?? []);
  sidebar.render(session.outline);
  const start =
    rememberedTarget(session.folder) ??
    (firstEntry(session.outline) ? { kind: "section" as const, id: firstEntry(session.outline)!.id } : { kind: "details" as const });
  render(start, false);
  // Evidence changes also bring a new outline; listening as well covers a refresh that could not
  // reread the portfolio. Only after the first load, which changes nothing worth checking.
  let stopEvidence: (() => void) | null = null;
  void evidence.load().then(() => {
    if (!destroyed) stopEvidence = evidence.onChange(() => checklist.refresh());
  });
  void checklist.refreshNow();
  void checklist.loadPlan();
  void checkNotPlaced();

  return {
    element,
    mounted: () => page?.focus(),
    destroy() {
      destroyed = true;
      document.removeEventListener("keydown", onFindKeys);
      stopDrops?.();
      navigation++;
      page?.destroy();
      page = null;
      stopOutline();
      stopEvidence?.();
      stopChecklist();
      checklist.destroy();
      topbar.destroy();
    },
  };
}
