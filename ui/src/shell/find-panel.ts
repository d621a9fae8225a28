// Find and replace across the portfolio (Ctrl+F, Ctrl+H): the core finds and replaces in the text
// a reader sees; the open section's editor highlights the matches in place.
import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import type { FindResults, PartMatches, Replaced } from "../types";
import { confirmDialog } from "./dialogs";

export interface FindPanelOptions {
  /** Saves what is pending, so the core finds in what the candidate sees. */
  flush(): Promise<void>;
  /** Opens a section at a part and highlights the matches there; resolves once shown. */
  showMatches(part: PartMatches, query: string, matchCase: boolean): Promise<void>;
  /** The section open now, for "Replace in this section". */
  currentSection(): string | null;
  /** After a replace: the portfolio changed on disk, so the window takes it again. */
  afterReplace(replaced: Replaced): Promise<void>;
  /** Clears the editor's highlights when the panel closes. */
  clearHighlights(): void;
}

export interface FindPanel {
  element: HTMLElement;
  open(mode: "find" | "replace"): void;
  close(): void;
  isOpen(): boolean;
}

export function createFindPanel(options: FindPanelOptions): FindPanel {
  const findId = uid("find");
  const replaceId = uid("replace");
  const caseId = uid("find-case");
  const findInput = h("input", {
    id: findId,
    type: "search",
    class: "find-input",
    "data-testid": "find-input",
    autocomplete: "off",
    spellcheck: "false",
  });
  const matchCase = h("input", { id: caseId, type: "checkbox", "data-testid": "find-match-case" });
  const replaceInput = h("input", {
    id: replaceId,
    type: "text",
    class: "find-input",
    "data-testid": "replace-input",
    autocomplete: "off",
  });
  const summary = h("p", { class: "find-summary", role: "status", "data-testid": "find-summary" });
  const results = h("ul", { class: "find-results", "data-testid": "find-results" });
  const replaceHere = h(
    "button",
    { type: "button", class: "button", "data-testid": "replace-in-section", onclick: () => void replace("section") },
    "Replace in this section",
  );
  const replaceEverywhere = h(
    "button",
    { type: "button", class: "button", "data-testid": "replace-everywhere", onclick: () => void replace("portfolio") },
    "Replace everywhere…",
  );
  const replaceRow = h(
    "div",
    { class: "find-row replace-row", hidden: true },
    h("label", { for: replaceId }, "Replace with"),
    replaceInput,
    replaceHere,
    replaceEverywhere,
  );
  const element = h(
    "section",
    { class: "find-panel", role: "search", "aria-label": "Find and replace", "data-testid": "find-panel", hidden: true },
    h(
      "form",
      {
        class: "find-row",
        onsubmit: (event: Event) => {
          event.preventDefault();
          void search();
        },
      },
      h("label", { for: findId }, "Find"),
      findInput,
      h("label", { class: "find-case", for: caseId }, matchCase, " Match case"),
      h("button", { type: "submit", class: "button primary", "data-testid": "find-button" }, "Find"),
      h(
        "button",
        { type: "button", class: "button quiet", "aria-label": "Close find", "data-testid": "find-close", onclick: () => close() },
        "Close",
      ),
    ),
    replaceRow,
    summary,
    results,
  );
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  let searching = 0;
  let last: FindResults | null = null;

  async function search(): Promise<void> {
    const query = findInput.value;
    const mine = ++searching;
    if (!query.trim()) {
      last = null;
      summary.textContent = "Type a word or phrase to find.";
      replaceChildren(results);
      return;
    }
    try {
      await options.flush();
      const found = await api.findInPortfolio({ text: query, match_case: matchCase.checked });
      if (mine !== searching) return;
      last = found;
      summary.textContent = found.summary;
      replaceChildren(results, ...found.parts.map((part) => resultItem(part, query)));
      // The section open now shows its matches straight away.
      const here = found.parts.find((part) => part.section === options.currentSection());
      if (here) await options.showMatches(here, query, matchCase.checked);
    } catch (error) {
      if (mine === searching) summary.textContent = `Could not search: ${messageOf(error)}`;
    }
  }

  function resultItem(part: PartMatches, query: string): HTMLLIElement {
    const more = part.count - part.excerpts.length;
    return h(
      "li",
      null,
      h(
        "button",
        {
          type: "button",
          class: "find-result",
          "data-testid": `find-result-${part.section}-${part.part}`,
          onclick: () => void options.showMatches(part, query, matchCase.checked),
        },
        h("span", { class: "find-result-where" }, `${part.section_label} · ${part.part_label}`),
        h("span", { class: "find-result-count" }, part.count === 1 ? "1 match" : `${part.count} matches`),
      ),
      h(
        "ul",
        { class: "find-excerpts" },
        part.excerpts.map((excerpt) => h("li", null, excerpt.before, h("mark", null, excerpt.matched), excerpt.after)),
        more > 0 ? h("li", { class: "muted" }, `and ${more} more`) : null,
      ),
    );
  }

  async function replace(scope: "section" | "portfolio"): Promise<void> {
    const query = findInput.value;
    if (!query.trim()) {
      summary.textContent = "Type what to find first.";
      findInput.focus();
      return;
    }
    const section = scope === "section" ? options.currentSection() : null;
    if (scope === "section" && !section) {
      summary.textContent = "Open a section first, or replace everywhere.";
      return;
    }
    if (scope === "portfolio") {
      const total = last?.total ?? 0;
      const sure = await confirmDialog({
        title: "Replace everywhere?",
        body: h(
          "p",
          null,
          `Every “${query}” in the portfolio${total ? ` (${total === 1 ? "1 match" : `${total} matches`})` : ""} becomes “${replaceInput.value}”. `,
          "A backup of the portfolio as it is now is kept first, and Undo in each section still works.",
        ),
        confirmLabel: "Replace everywhere",
        testid: "replace-dialog",
        confirmTestid: "replace-confirm",
      });
      if (!sure) return;
    }
    try {
      await options.flush();
      const replaced = await api.replaceInPortfolio({ text: query, match_case: matchCase.checked }, replaceInput.value, section);
      await options.afterReplace(replaced);
      await search();
      summary.textContent = replaced.outcome.summary;
    } catch (error) {
      summary.textContent = `Nothing was replaced: ${messageOf(error)}`;
    }
  }

  function open(mode: "find" | "replace"): void {
    element.hidden = false;
    replaceRow.hidden = mode !== "replace" && replaceRow.hidden;
    if (mode === "replace") replaceRow.hidden = false;
    // What is selected in the text is what the candidate wants to find, as in a word processor.
    const selected = window.getSelection?.()?.toString().trim() ?? "";
    if (selected && !selected.includes("\n") && selected.length < 200) findInput.value = selected;
    findInput.focus();
    findInput.select();
    if (findInput.value) void search();
  }

  function close(): void {
    element.hidden = true;
    searching++;
    options.clearHighlights();
  }

  return { element, open, close, isOpen: () => !element.hidden };
}
