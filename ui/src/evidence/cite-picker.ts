// "Cite from your library…": a searchable list of every item, those already cited here marked; resolves the chosen id.

import { h, replaceChildren, uid } from "../dom";
import { openDialog } from "../shell/dialogs";
import type { LibraryRow, LibraryView } from "../types";

function matches(row: LibraryRow, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${row.item.id} ${row.item.title} ${row.item.origin}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Resolves the id of the item chosen, or null when cancelled. */
export function citePicker(view: LibraryView | null, alreadyCited: string[], sectionName: string): Promise<string | null> {
  // Items already cited here come last: choosing one writes its number into the text again.
  const all = view?.rows ?? [];
  const rows = [...all.filter((row) => !alreadyCited.includes(row.item.id)), ...all.filter((row) => alreadyCited.includes(row.item.id))];
  const listId = uid("cite-list");
  const searchId = uid("cite-search");

  return openDialog<string | null>({
    title: "Cite from your library",
    testid: "cite-picker",
    wide: true,
    actions: [{ label: "Cancel", value: null, testid: "cite-picker-cancel" }],
    cancelValue: null,
    build: (close) => {
      if (rows.length === 0) {
        return h(
          "p",
          { "data-testid": "cite-picker-empty" },
          "Your evidence library is empty. Attach a file or add a link first; it is then cited here straight away.",
        );
      }
      const search = h("input", {
        type: "search",
        id: searchId,
        class: "text-input",
        "data-testid": "cite-search",
        "data-autofocus": true,
        "aria-controls": listId,
        autocomplete: "off",
      });
      const list = h("ul", { class: "picker-list", id: listId, "aria-label": "Evidence to cite" });
      const count = h("p", { class: "muted picker-count", role: "status" });
      const options = () => Array.from(list.querySelectorAll<HTMLButtonElement>("button[data-evidence-id]"));

      const option = (row: LibraryRow) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "picker-option",
              "data-testid": "cite-option",
              "data-evidence-id": row.item.id,
              onclick: () => close(row.item.id),
            },
            h("span", { class: "evidence-number" }, row.item.id),
            h(
              "span",
              { class: "picker-text" },
              h("span", { class: "picker-title" }, row.item.title || "Untitled"),
              h(
                "span",
                { class: "muted picker-meta" },
                [row.kind_label, row.date.text, alreadyCited.includes(row.item.id) ? "already cited here" : ""].filter(Boolean).join(" · "),
              ),
            ),
          ),
        );

      const render = () => {
        const shown = rows.filter((row) => matches(row, search.value));
        replaceChildren(list, shown.map(option));
        if (shown.length === 0) replaceChildren(list, h("li", { class: "muted picker-none" }, `Nothing matches “${search.value.trim()}”.`));
        count.textContent = search.value.trim()
          ? `${shown.length} of ${rows.length} shown`
          : `${rows.length} ${rows.length === 1 ? "item" : "items"} in your library`;
      };
      search.addEventListener("input", render);
      search.addEventListener("keydown", (event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          options()[0]?.focus();
        } else if (event.key === "Enter") {
          // Enter takes the first match, so typing part of a title and Enter is enough.
          event.preventDefault();
          options()[0]?.click();
        }
      });
      list.addEventListener("keydown", (event) => {
        const all = options();
        const index = all.indexOf(document.activeElement as HTMLButtonElement);
        if (index < 0) return;
        if (event.key === "ArrowDown") {
          event.preventDefault();
          all[Math.min(index + 1, all.length - 1)].focus();
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          if (index === 0) search.focus();
          else all[index - 1].focus();
        }
      });
      render();
      return h(
        "div",
        { class: "cite-picker" },
        h(
          "p",
          null,
          `Choose an item to cite in ${sectionName}. Its number, such as [E1], is written into your text where your cursor was.`,
        ),
        h("div", { class: "form-row" }, h("label", { for: searchId }, "Find by title"), search),
        count,
        list,
      );
    },
  });
}
