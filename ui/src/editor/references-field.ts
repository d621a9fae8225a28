// The References part of a section: the works its writing draws on, as a plain list kept apart
// from the evidence and outside the word count. Shown once there is a list or the candidate asks for one.
import { h, uid } from "../dom";
import type { Autosave } from "../editor/autosave";
import type { PartLabel, SectionEntry } from "../types";

export interface ReferencesFieldOptions {
  autosave: Autosave;
  /** the framework's words for the part: its label and hint */
  part: PartLabel;
  sectionId: string;
  /** "section 1a": how the text area's name says where it is */
  sectionName: string;
  /** the local copy of the section; its references are edited in place */
  section: SectionEntry;
  readOnly: boolean;
}

export interface ReferencesField {
  /** null when there is nothing to show (read-only with no list) */
  element: HTMLElement | null;
  /** Show the list (opening it if need be) and focus it; false when there is none to show. */
  focus(): boolean;
}

/** Rows enough for the list as it stands plus a line to add to, within reason. */
function rowsFor(text: string): number {
  return Math.min(Math.max(text.split("\n").length + 1, 4), 16);
}

export function createReferencesField(options: ReferencesFieldOptions): ReferencesField {
  const { section, sectionId, readOnly, part: words } = options;
  const references = () => section.references ?? "";
  if (readOnly && !references().trim()) return { element: null, focus: () => false };

  const headingId = uid("references-heading");
  const hintId = uid("references-hint");
  const textarea = h("textarea", {
    class: "text-input references-input",
    "data-testid": "references",
    "aria-describedby": words.hint ? hintId : undefined,
    "aria-label": `${words.label}, ${options.sectionName}`,
    rows: rowsFor(references()),
    spellcheck: "true",
    placeholder: "One reference per line, for example: Beetham, H. and Sharpe, R. (2019) Rethinking Pedagogy for a Digital Age. Routledge.",
    readOnly,
    value: references(),
    oninput: () => {
      section.references = textarea.value;
      textarea.rows = rowsFor(textarea.value);
      options.autosave.changeSection(sectionId, "references", textarea.value);
    },
  });
  const part = h(
    "section",
    { class: "references-part", "aria-labelledby": headingId, "data-testid": "references-part" },
    h("h2", { id: headingId, class: "field-label" }, words.label),
    words.hint ? h("p", { id: hintId, class: "hint" }, words.hint) : null,
    textarea,
  );
  const open = h(
    "button",
    {
      type: "button",
      class: "button quiet add-references",
      "data-testid": "add-references",
      onclick: () => {
        show();
        textarea.focus();
      },
    },
    "Add a reference list",
  );
  const show = () => {
    part.hidden = false;
    open.hidden = true;
  };
  part.hidden = !references().trim();
  open.hidden = !part.hidden;
  const element = h("div", { class: "references-field" }, part, readOnly ? null : open);

  return {
    element,
    focus() {
      if (readOnly && part.hidden) return false;
      show();
      textarea.scrollIntoView?.({ block: "center" });
      textarea.focus();
      return true;
    },
  };
}
