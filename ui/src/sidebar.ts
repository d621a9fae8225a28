// The list of sections down the left, built from the outline, with a status mark per section.
import { h, replaceChildren, srOnly } from "./dom";
import { groupHeading, STATUS_TEXT } from "./format";
import { icon, statusIcon } from "./icons";
import type { AreaKindId, Framework, Outline, OutlineEntry } from "./types";

export interface SidebarOptions {
  framework: Framework;
  onOpen(sectionId: string): void;
  onDetails(): void;
  onLibrary(): void;
  onAdd(kind: AreaKindId): void;
}

export interface Sidebar {
  element: HTMLElement;
  render(outline: Outline): void;
  /** the section shown, "details" or "library" */
  setCurrent(current: string | null): void;
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

  const entryButton = (entry: OutlineEntry, keptAside: boolean) =>
    h(
      "button",
      {
        type: "button",
        class: keptAside ? "nav-entry kept" : "nav-entry",
        "data-section-id": entry.id,
        "data-status": entry.status,
        // The title may be clamped to two lines; the tooltip shows it whole.
        title: entry.title,
        onclick: () => options.onOpen(entry.id),
      },
      statusIcon(entry.status),
      h(
        "span",
        { class: "nav-text" },
        entry.number ? h("span", { class: "nav-number" }, entry.number) : null,
        h("span", { class: "nav-title" }, entry.title),
        entry.topic ? h("span", { class: "nav-topic" }, entry.topic) : null,
      ),
      srOnly(`, ${STATUS_TEXT[entry.status]}${entry.required ? "" : ", optional"}${keptAside ? ", read-only" : ""}`),
    );

  const markCurrent = () => {
    for (const button of element.querySelectorAll<HTMLElement>("[data-section-id], [data-testid=details], [data-testid=library]")) {
      const id = button.dataset.sectionId ?? button.dataset.testid;
      if (id === current) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
  };

  const render = (outline: Outline) => {
    // Rebuilding would drop keyboard focus from a sidebar button: remember it and put it back.
    const focused = document.activeElement instanceof HTMLElement && element.contains(document.activeElement)
      ? document.activeElement.dataset.sectionId ?? document.activeElement.dataset.testid ?? null
      : null;

    const addButtons = (groupId: string | null) =>
      outline.can_add
        .filter((kind) => (groupId === null ? !outline.groups.some((g) => g.id === framework.area_kinds[kind]?.group) : framework.area_kinds[kind]?.group === groupId))
        .map((kind) =>
          h(
            "li",
            null,
            h("button", { type: "button", class: "nav-add", "data-testid": `add-area-${kind}`, onclick: () => options.onAdd(kind) }, icon("plus"), addLabel(framework, kind)),
          ),
        );

    replaceChildren(
      element,
      h(
        "button",
        { type: "button", class: "nav-entry nav-details", "data-testid": "details", onclick: () => options.onDetails() },
        icon("folder", "status-icon"),
        h("span", { class: "nav-text" }, h("span", { class: "nav-title" }, "Portfolio details")),
      ),
      h(
        "button",
        { type: "button", class: "nav-entry nav-details", "data-testid": "library", onclick: () => options.onLibrary() },
        icon("paperclip", "status-icon"),
        h("span", { class: "nav-text" }, h("span", { class: "nav-title" }, "Evidence library")),
      ),
      outline.groups.map((group) =>
        h(
          "section",
          { class: "nav-group", "aria-label": groupHeading(framework, group) },
          h("h2", { class: "nav-group-title" }, groupHeading(framework, group)),
          h("ul", { class: "nav-list" }, group.entries.map((entry) => h("li", null, entryButton(entry, false))), addButtons(group.id)),
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
            h("ul", { class: "nav-list" }, outline.kept_aside.map((entry) => h("li", null, entryButton(entry, true)))),
          )
        : null,
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
    setCurrent(next) {
      current = next;
      markCurrent();
    },
  };
}
