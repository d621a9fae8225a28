// The list of sections down the left, built from the outline, with a status mark per section
// (from the checklist once it has arrived), and the pages for checking the portfolio.

import { entryStatus, shownStatus } from "../checklist/checklist-state";
import { h, replaceChildren, srOnly } from "../dom";
import { groupHeading, STATUS_TEXT, thingsToFixText } from "../format";
import { type IconName, icon, statusIcon } from "../icons";
import type { AreaKindId, Checklist, Framework, Outline, OutlineEntry } from "../types";
import { reviseBadge } from "../versions/assessment-view";

export interface SidebarOptions {
  framework: Framework;
  onOpen(sectionId: string): void;
  onDetails(): void;
  onLibrary(): void;
  onAdd(kind: AreaKindId): void;
  onReady?(): void;
  onPrinciples?(): void;
  onSelfAssessment?(): void;
  /** opens "Export and share" */
  onExport?(): void;
  /** opens the "Text not placed" page, shown while an import's note is waiting */
  onNotPlaced?(): void;
  /** opens "Versions": snapshots, outcome, review, backups */
  onVersions?(): void;
  /** opens "Reviews": copies sent to a mentor, and what came back */
  onReviews?(): void;
}

export interface Sidebar {
  element: HTMLElement;
  render(outline: Outline): void;
  /** Statuses and the Ready badge from a new checklist; redraws with the last outline. */
  setChecklist(checklist: Checklist | null): void;
  /** the section shown, or "details", "library", "ready", "export", "principles", "self-assessment", "not-placed" */
  setCurrent(current: string | null): void;
  /** Show or hide the "Text not placed" entry; redraws with the last outline. */
  setNotPlaced(waiting: boolean): void;
  /** The sections the assessors marked R, each shown with an R badge; redraws with the last outline. */
  setToRevise(ids: string[]): void;
}

/** "Add specialist area" from the data's title prefix ("Specialist area"). */
export function addLabel(framework: Framework, kind: AreaKindId): string {
  const prefix = framework.area_kinds[kind]?.title_prefix ?? `${kind} area`;
  return `Add ${prefix.charAt(0).toLowerCase()}${prefix.slice(1)}`;
}

export function createSidebar(options: SidebarOptions): Sidebar {
  const { framework } = options;
  const element = h("nav", { class: "sidebar", "data-testid": "sidebar", "aria-label": "Portfolio sections" });
  let current: string | null = null;
  let lastOutline: Outline | null = null;
  let checklist: Checklist | null = null;
  let notPlaced = false;
  let toRevise = new Set<string>();

  const entryButton = (entry: OutlineEntry, keptAside: boolean) => {
    // Sections kept aside are not checked: they keep the outline's status.
    const check = keptAside ? undefined : checklist?.sections.find((s) => s.id === entry.id);
    const status = entryStatus(entry.status, check);
    const shown = shownStatus(entry.status, status);
    const revise = !keptAside && toRevise.has(entry.id);
    return h(
      "button",
      {
        type: "button",
        class: `nav-entry${keptAside ? " kept" : ""}${revise ? " revise" : ""}`,
        "data-section-id": entry.id,
        "data-status": status,
        // The title may be clamped to two lines; the tooltip shows it whole.
        title: entry.title,
        onclick: () => options.onOpen(entry.id),
      },
      statusIcon(shown),
      h(
        "span",
        { class: "nav-text" },
        entry.number ? h("span", { class: "nav-number" }, entry.number) : null,
        h("span", { class: "nav-title" }, entry.title),
        entry.topic ? h("span", { class: "nav-topic" }, entry.topic) : null,
      ),
      revise ? reviseBadge() : null,
      srOnly(`, ${STATUS_TEXT[shown]}${entry.required ? "" : ", optional"}${keptAside ? ", read-only" : ""}`),
    );
  };

  /** A page of the portfolio window that is not a section. */
  const pageButton = (id: string, iconName: IconName, title: string, onclick: () => void, extra?: Node | null) =>
    h(
      "button",
      { type: "button", class: "nav-entry nav-details", "data-testid": id, "data-nav": id, onclick },
      icon(iconName, "status-icon"),
      h("span", { class: "nav-text" }, h("span", { class: "nav-title" }, title)),
      extra,
    );

  /** The Ready entry's badge: how many things to fix, or a tick when there are none. */
  const readyBadge = () => {
    if (!checklist) return null;
    if (checklist.errors === 0) {
      return h("span", { class: "nav-badge ready", "data-testid": "ready-badge" }, icon("check"), srOnly(", ready"));
    }
    return h(
      "span",
      { class: "nav-badge", "data-testid": "ready-badge" },
      h("span", { "aria-hidden": "true" }, String(checklist.errors)),
      srOnly(`, ${thingsToFixText(checklist.errors)}`),
    );
  };

  /** At the very top while an import's note is waiting: text to move into sections. */
  const notPlacedButton = () => {
    if (!notPlaced) return null;
    const button = pageButton(
      "not-placed",
      "note",
      "Text not placed",
      () => options.onNotPlaced?.(),
      h(
        "span",
        { class: "nav-badge note", "data-testid": "not-placed-badge" },
        h("span", { "aria-hidden": "true" }, "to move"),
        srOnly(", text from your draft to move into sections"),
      ),
    );
    button.classList.add("nav-not-placed");
    return button;
  };

  const markCurrent = () => {
    for (const button of element.querySelectorAll<HTMLElement>("[data-section-id], [data-nav]")) {
      const id = button.dataset.sectionId ?? button.dataset.nav;
      if (id === current) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
  };

  const render = (outline: Outline) => {
    lastOutline = outline;
    // Rebuilding would drop keyboard focus from a sidebar button: remember it and put it back.
    const focused =
      document.activeElement instanceof HTMLElement && element.contains(document.activeElement)
        ? (document.activeElement.dataset.sectionId ?? document.activeElement.dataset.testid ?? null)
        : null;

    const addButtons = (groupId: string | null) =>
      outline.can_add
        .filter((kind) =>
          groupId === null
            ? !outline.groups.some((g) => g.id === framework.area_kinds[kind]?.group)
            : framework.area_kinds[kind]?.group === groupId,
        )
        .map((kind) =>
          h(
            "li",
            null,
            h(
              "button",
              { type: "button", class: "nav-add", "data-testid": `add-area-${kind}`, onclick: () => options.onAdd(kind) },
              icon("plus"),
              addLabel(framework, kind),
            ),
          ),
        );

    replaceChildren(
      element,
      notPlacedButton(),
      pageButton("details", "folder", "Portfolio details", () => options.onDetails()),
      pageButton("library", "paperclip", "Evidence library", () => options.onLibrary()),
      pageButton("ready", "flag", "Ready to submit?", () => options.onReady?.(), readyBadge()),
      pageButton("export", "export", "Export and share", () => options.onExport?.()),
      pageButton("versions", "history", "Versions", () => options.onVersions?.()),
      pageButton("reviews", "note", "Reviews", () => options.onReviews?.()),
      outline.groups.map((group) =>
        h(
          "section",
          { class: "nav-group", "aria-label": groupHeading(framework, group) },
          h("h2", { class: "nav-group-title" }, groupHeading(framework, group)),
          h(
            "ul",
            { class: "nav-list" },
            group.entries.map((entry) => h("li", null, entryButton(entry, false))),
            addButtons(group.id),
          ),
        ),
      ),
      // An area kind whose group has no sections yet still gets its add button.
      (() => {
        const orphans = addButtons(null);
        return orphans.length > 0 ? h("ul", { class: "nav-list" }, orphans) : null;
      })(),
      outline.kept_aside.length > 0
        ? h(
            "section",
            { class: "nav-group kept-group", "aria-label": "Kept from another pathway", "data-testid": "kept-aside" },
            h("h2", { class: "nav-group-title" }, "Kept from another pathway"),
            h("p", { class: "nav-note" }, "Read-only. They come back if you switch to a pathway that includes them."),
            h(
              "ul",
              { class: "nav-list" },
              outline.kept_aside.map((entry) => h("li", null, entryButton(entry, true))),
            ),
          )
        : null,
      h(
        "section",
        { class: "nav-group nav-checking", "aria-label": "Looking over your work" },
        h("h2", { class: "nav-group-title" }, "Looking over your work"),
        h(
          "ul",
          { class: "nav-list" },
          h(
            "li",
            null,
            pageButton("principles", "check", "Core principles", () => options.onPrinciples?.()),
          ),
          h(
            "li",
            null,
            pageButton("self-assessment", "eye", "Self-assessment", () => options.onSelfAssessment?.()),
          ),
        ),
      ),
    );
    markCurrent();
    if (focused) {
      const buttons = Array.from(element.querySelectorAll<HTMLElement>("button"));
      buttons.find((b) => (b.dataset.sectionId ?? b.dataset.testid) === focused)?.focus();
    }
  };

  return {
    element,
    render,
    setChecklist(next) {
      checklist = next;
      if (lastOutline) render(lastOutline);
    },
    setCurrent(next) {
      current = next;
      markCurrent();
    },
    setToRevise(ids) {
      const next = new Set(ids);
      if (next.size === toRevise.size && ids.every((id) => toRevise.has(id))) return;
      toRevise = next;
      if (lastOutline) render(lastOutline);
    },
    setNotPlaced(waiting) {
      if (waiting === notPlaced) return;
      notPlaced = waiting;
      if (lastOutline) render(lastOutline);
    },
  };
}
