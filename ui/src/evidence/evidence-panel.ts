// The Evidence part of a section: what is cited here, in order, with a note each, and the ways to add more.
import { api } from "../api";
import { h, replaceChildren, uid } from "../dom";
import type { Autosave } from "../editor/autosave";
import { icon } from "../icons";
import { showError } from "../shell/dialogs";
import type { Citation, PartLabel, SectionEntry } from "../types";
import { addLink, attachFiles } from "./attach-flow";
import { citePicker } from "./cite-picker";
import type { Evidence } from "./evidence-state";

export interface EvidencePanelOptions {
  evidence: Evidence;
  autosave: Autosave;
  part: PartLabel;
  sectionId: string;
  /** "section 1a": how sentences name the section */
  sectionName: string;
  /** the local copy of the section; its citations are edited in place */
  section: SectionEntry;
  readOnly: boolean;
  /** put `[E3]` into the text after citing E3 */
  insertCitation(token: string): void;
}

export interface EvidencePanel {
  element: HTMLElement;
  /** Draw again from the section's citations and the library (after a change). */
  render(): void;
  openPicker(): Promise<void>;
}

export function createEvidencePanel(options: EvidencePanelOptions): EvidencePanel {
  const { evidence, section, sectionId, readOnly } = options;
  const headingId = uid("evidence-heading");
  const heading = h("h2", { id: headingId, class: "field-label", tabindex: "-1" }, options.part.label);
  const list = h("div", { class: "citations" });
  const announce = h("p", { class: "visually-hidden", role: "status" });
  let busy = false;

  const say = (text: string) => {
    announce.textContent = text;
  };

  const saveCitations = () => {
    options.autosave.queue(`citations:${sectionId}`, () =>
      api.setCitations(
        sectionId,
        section.citations.map((c) => ({ ...c })),
      ),
    );
  };

  /** Runs one change at a time; a failure is told, and the panel shows what is saved. */
  const change = async (action: () => Promise<void>, failure: string) => {
    if (busy) return;
    busy = true;
    try {
      await action();
    } catch (error) {
      await showError(error, failure);
    } finally {
      busy = false;
    }
  };

  /** Focuses the first of these controls that can take focus in an item's row. */
  const focusIn = (evidenceId: string, ...roles: string[]) => {
    const row = list.querySelector<HTMLElement>(`[data-evidence-id="${evidenceId}"]`);
    for (const role of roles) {
      const target = row?.querySelector<HTMLElement>(`[data-role="${role}"]:not([disabled])`);
      if (target) return target.focus();
    }
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= section.citations.length) return;
    const [moved] = section.citations.splice(index, 1);
    section.citations.splice(to, 0, moved);
    saveCitations();
    render();
    // At the top the Up button is disabled: Down is then the button under the keyboard.
    focusIn(moved.evidence_id, ...(by < 0 ? ["up", "down"] : ["down", "up"]));
    say(`${moved.evidence_id} moved ${by < 0 ? "up" : "down"}: now ${to + 1} of ${section.citations.length}.`);
  };

  const uncite = (citation: Citation, index: number) =>
    change(async () => {
      await evidence.beforeChange();
      const saved = await api.uncite(sectionId, citation.evidence_id);
      await evidence.refresh(saved);
      const token = `[${citation.evidence_id}]`;
      const mentioned = section.description.includes(token) || section.reflection.includes(token);
      say(
        `${citation.evidence_id} is no longer cited here. It stays in your evidence library.${mentioned ? ` Your text still mentions ${token}.` : ""}`,
      );
      const next = section.citations[Math.min(index, section.citations.length - 1)];
      if (next) focusIn(next.evidence_id, "remove");
      else heading.focus();
    }, "It could not be removed from this section");

  const citationRow = (citation: Citation, index: number) => {
    const id = citation.evidence_id;
    const row = evidence.row(id);
    const loaded = evidence.view() !== null;
    const title = row ? row.item.title || "Untitled" : loaded ? "Not in your evidence library" : "";
    const missingFile = row?.item.source.type === "missing_file";
    const noteId = uid("note");
    const head = h(
      "div",
      { class: "citation-head" },
      h("span", { class: "evidence-number" }, id),
      h(
        "button",
        {
          type: "button",
          class: "link-button citation-title",
          title: "Show it in the evidence library",
          onclick: () => evidence.openLibrary(id),
        },
        title,
      ),
      row ? h("span", { class: "tag" }, row.kind_label) : null,
      missingFile ? h("span", { class: "badge warn" }, icon("warning"), "File not found") : null,
      loaded && !row ? h("span", { class: "badge warn" }, icon("warning"), "Missing") : null,
    );
    if (readOnly) {
      return h(
        "li",
        { class: "citation", "data-testid": "citation", "data-evidence-id": id },
        head,
        citation.note ? h("p", { class: "citation-note-text" }, citation.note) : null,
      );
    }
    const note = h("input", {
      type: "text",
      id: noteId,
      class: "text-input citation-note",
      "data-testid": "citation-note",
      "data-role": "note",
      value: citation.note,
      placeholder: "For example: see page 3",
      spellcheck: "true",
      autocomplete: "off",
      oninput: () => {
        citation.note = note.value;
        saveCitations();
      },
    });
    const last = section.citations.length - 1;
    return h(
      "li",
      { class: "citation", "data-testid": "citation", "data-evidence-id": id },
      head,
      h("div", { class: "citation-note-row" }, h("label", { for: noteId }, "Note (optional)"), note),
      h(
        "div",
        { class: "citation-tools" },
        h(
          "button",
          {
            type: "button",
            class: "button small",
            "data-role": "up",
            "data-testid": "citation-up",
            "aria-label": `Move ${id} up`,
            disabled: index === 0,
            onclick: () => move(index, -1),
          },
          icon("arrowUp"),
          "Up",
        ),
        h(
          "button",
          {
            type: "button",
            class: "button small",
            "data-role": "down",
            "data-testid": "citation-down",
            "aria-label": `Move ${id} down`,
            disabled: index === last,
            onclick: () => move(index, 1),
          },
          icon("arrowDown"),
          "Down",
        ),
        row && !missingFile
          ? h(
              "button",
              {
                type: "button",
                class: "button small quiet",
                "data-role": "open",
                "aria-label": `Open ${id}`,
                onclick: () => void api.openEvidence(id).catch((error) => showError(error, "It could not be opened")),
              },
              "Open",
            )
          : null,
        h(
          "button",
          {
            type: "button",
            class: "button small danger-quiet",
            "data-role": "remove",
            "data-testid": "citation-remove",
            // The visible words first, so a voice command "click Remove from this section" works.
            "aria-label": `Remove from this section: ${id}`,
            onclick: () => void uncite(citation, index),
          },
          "Remove from this section",
        ),
      ),
    );
  };

  const render = () => {
    // Keep focus on the same control of the same item across the redraw.
    const active = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement : null;
    const keep = active ? { id: active.closest<HTMLElement>("[data-evidence-id]")?.dataset.evidenceId, role: active.dataset.role } : null;
    const caret = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
    if (section.citations.length === 0) {
      replaceChildren(list, h("p", { class: "muted citations-empty" }, "No evidence is cited here yet."));
    } else {
      replaceChildren(
        list,
        h("ol", { class: "citation-list", "aria-label": `Evidence cited in ${options.sectionName}` }, section.citations.map(citationRow)),
      );
    }
    if (keep?.id && keep.role) {
      focusIn(keep.id, keep.role, "remove");
      // Typing in a note carries on where it was.
      if (caret && document.activeElement instanceof HTMLInputElement) document.activeElement.setSelectionRange(caret[0], caret[1]);
    }
  };

  const openPicker = () =>
    change(async () => {
      if (!evidence.view() && !(await evidence.load())) {
        throw new Error("Your evidence library could not be opened just now. Nothing was changed; please try again.");
      }
      const chosen = await citePicker(
        evidence.view(),
        section.citations.map((c) => c.evidence_id),
        options.sectionName,
      );
      if (!chosen) return;
      // Citing an item already listed here writes its number again: the text can refer to it twice.
      if (section.citations.some((c) => c.evidence_id === chosen)) {
        options.insertCitation(`[${chosen}]`);
        say(`[${chosen}] is in your text.`);
        return;
      }
      await evidence.beforeChange();
      const saved = await api.cite(sectionId, chosen);
      options.insertCitation(`[${chosen}]`);
      await evidence.refresh(saved);
      say(`${chosen} is cited here, and [${chosen}] is in your text.`);
    }, "It could not be cited");

  const actions = readOnly
    ? null
    : h(
        "div",
        { class: "evidence-actions" },
        h(
          "button",
          {
            type: "button",
            class: "button",
            "data-testid": "attach-file",
            // What is attached from a section is cited in its text too, where the cursor was.
            onclick: () =>
              void change(async () => {
                const ids = await attachFiles(evidence, [sectionId]);
                if (ids.length > 0) options.insertCitation(ids.map((id) => `[${id}]`).join(" "));
              }, "The files could not be attached"),
          },
          icon("paperclip"),
          "Attach a file…",
        ),
        h(
          "button",
          {
            type: "button",
            class: "button",
            "data-testid": "add-link",
            onclick: () =>
              void change(async () => {
                const outcome = await addLink(evidence, [sectionId]);
                if (outcome) options.insertCitation(`[${outcome.item.id}]`);
              }, "The link could not be added"),
          },
          icon("link"),
          "Add a link…",
        ),
        h(
          "button",
          { type: "button", class: "button", "data-testid": "cite-picker-open", onclick: () => void openPicker() },
          "Cite from your library…",
        ),
      );

  const element = h(
    "section",
    { class: "evidence-panel", "aria-labelledby": headingId, "data-testid": "evidence-panel" },
    heading,
    options.part.hint ? h("p", { class: "hint" }, options.part.hint) : null,
    readOnly ? null : h("p", { class: "hint" }, "In your text, refer to an item by its number in square brackets, such as [E1]."),
    list,
    actions,
    announce,
  );
  render();
  return { element, render, openPicker };
}
