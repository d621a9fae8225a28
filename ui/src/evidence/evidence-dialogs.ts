// The evidence dialogs: add a link, attach a smaller copy of a photo, describe an item, remove it, attach dropped files.
import { api, messageOf } from "../api";
import { h, uid } from "../dom";
import { labelledInput } from "../editor/guidance-view";
import { confirmDialog, openDialog } from "../shell/dialogs";
import type {
  AttachOutcome,
  EvidenceDate,
  EvidenceDetails,
  EvidenceSource,
  LibraryRow,
  Outline,
  Saved,
  SmallerCopyPreview,
} from "../types";
import { itemName, listText, sectionShortName } from "./evidence-format";

const DATE_HINT = "Write the date as a year (2024), a month (2024-05) or a day (2024-05-17).";

/** A line under a form where a refusal or a missing answer is said; read out when it changes. */
function formNote(testid?: string): HTMLParagraphElement {
  return h("p", { class: "field-note form-error", role: "alert", "data-testid": testid });
}

function refuse(note: HTMLElement, field: HTMLInputElement | HTMLTextAreaElement, message: string): false {
  note.textContent = message;
  field.setAttribute("aria-invalid", "true");
  field.focus();
  return false;
}

function textInput(testid: string, value = "", type = "text"): HTMLInputElement {
  return h("input", {
    type,
    class: "text-input",
    "data-testid": testid,
    value,
    autocomplete: "off",
    spellcheck: type === "text" ? "true" : "false",
  });
}

// ---- add a link ----

export interface LinkDialogOptions {
  /** cite the new item from these sections ([] for the library only) */
  sections: string[];
  title?: string;
  /** a sentence on why a link is offered (e.g. the file was too large) */
  intro?: string;
}

/** Asks for a title and a web address and adds the link; resolves null when cancelled. */
export function linkDialog(options: LinkDialogOptions): Promise<AttachOutcome | null> {
  const title = textInput("link-title", options.title ?? "");
  const url = textInput("link-url", "", "url");
  url.placeholder = "https://";
  (options.title ? url : title).setAttribute("data-autofocus", "");
  const note = formNote("link-error");
  let outcome: AttachOutcome | null = null;
  for (const input of [title, url]) input.addEventListener("input", () => input.removeAttribute("aria-invalid"));

  const save = async (): Promise<boolean> => {
    note.textContent = "";
    if (!title.value.trim()) return refuse(note, title, "Give the link a title, so you and your assessors know what it is.");
    if (!url.value.trim()) return refuse(note, url, "Paste the web address of the page, starting with https://");
    try {
      outcome = await api.attachLink(url.value.trim(), title.value.trim(), options.sections);
      return true;
    } catch (error) {
      // The core explains what is wrong with the address (e.g. not a web address): say it as is.
      return refuse(note, url, messageOf(error));
    }
  };

  return openDialog<boolean>({
    title: "Add a link",
    testid: "link-dialog",
    body: h(
      "div",
      null,
      h("p", null, options.intro ?? "A web page, a shared document or a video your assessors can open."),
      labelledInput("Title", title, "A short name, for example “Workshop recording”."),
      labelledInput("Web address", url, "Copy it from your browser’s address bar."),
      note,
    ),
    actions: [
      { label: "Cancel", value: false },
      { label: "Add link", value: true, kind: "primary", testid: "link-save", run: save },
    ],
    cancelValue: false,
  }).then((added) => (added ? outcome : null));
}

// ---- a smaller copy of a photo ----

function dimensions(width: number, height: number): string {
  return `${width} × ${height} pixels`;
}

/** Shows the smaller copy and attaches it under the title given; resolves null when cancelled. */
export function smallerCopyDialog(preview: SmallerCopyPreview, sections: string[]): Promise<AttachOutcome | null> {
  const title = textInput("smaller-title", preview.original_name);
  const note = formNote("smaller-error");
  let outcome: AttachOutcome | null = null;

  const attach = async (): Promise<boolean> => {
    note.textContent = "";
    if (!title.value.trim()) return refuse(note, title, "Give it a title, so you and your assessors know what it is.");
    try {
      outcome = await api.attachSmallerCopy(preview.pending, title.value.trim(), sections);
      return true;
    } catch (error) {
      note.textContent = messageOf(error);
      return false;
    }
  };

  return openDialog<boolean>({
    title: "A smaller copy",
    testid: "smaller-dialog",
    wide: true,
    body: h(
      "div",
      { class: "smaller-copy" },
      h(
        "figure",
        { class: "smaller-figure" },
        h("img", { src: preview.preview, alt: `The smaller copy of ${preview.original_name}`, "data-testid": "smaller-preview" }),
      ),
      h(
        "dl",
        { class: "facts" },
        h("dt", null, "Your file"),
        h(
          "dd",
          { "data-testid": "smaller-before" },
          `${preview.original_name}: ${preview.before_size}, ${dimensions(preview.original_width, preview.original_height)}`,
        ),
        h("dt", null, "Smaller copy"),
        h("dd", { "data-testid": "smaller-after" }, `${preview.after_size}, ${dimensions(preview.width, preview.height)}`),
      ),
      h("p", { class: "muted" }, "Your original file is not changed. Only the smaller copy is kept in this portfolio."),
      labelledInput("Title", title, "How the item is named in your library."),
      note,
    ),
    actions: [
      { label: "Cancel", value: false },
      { label: "Attach the smaller copy", value: true, kind: "primary", testid: "attach-smaller", run: attach },
    ],
    cancelValue: false,
  }).then((attached) => (attached ? outcome : null));
}

// ---- describe an item ----

function sourceText(source: EvidenceSource, size: string | null): string {
  if (source.type === "link") return `Link: ${source.url}`;
  if (source.type === "file") return `File: ${source.original_name} (${size ?? ""})`;
  return `File not found: ${source.original_name}. Use “Replace file…” in the library to attach it again.`;
}

/** Title, date, origin, what it shows, permission and (when old) why it still matters; resolves the save or null. */
export function editEvidenceDialog(row: LibraryRow, recentYears: number): Promise<Saved | null> {
  const { item } = row;
  const title = textInput("evidence-title", item.title);
  title.setAttribute("data-autofocus", "");
  const date = textInput("evidence-date", item.date);
  date.classList.add("date-text");
  const origin = textInput("evidence-origin", item.origin);
  const shows = h("textarea", { class: "text-input", rows: "4", "data-testid": "evidence-shows", spellcheck: "true" });
  shows.value = item.what_it_shows;
  const permissionId = uid("permission");
  const permission = h("input", {
    type: "checkbox",
    id: permissionId,
    "data-testid": "evidence-permission",
    checked: item.permission_confirmed,
  });
  const reason = h("textarea", { class: "text-input", rows: "3", "data-testid": "evidence-reason", spellcheck: "true" });
  reason.value = item.still_relevant_because;
  const reasonRow = labelledInput(
    "Why it is still relevant",
    reason,
    `Evidence should be from the last ${recentYears} years. Say why this older item still shows your practice today.`,
  );
  const dateNote = h("p", { class: "field-note" });
  const note = formNote("evidence-error");

  // Asked for when the core finds the date older than the recent years; a reason already written
  // always stays in view. A reply that arrives after newer typing is dropped.
  let asked = 0;
  const judged = async (): Promise<EvidenceDate | null> => {
    const ask = ++asked;
    try {
      const answer = await api.describeEvidenceDate(date.value);
      return ask === asked ? answer : null;
    } catch {
      return null;
    }
  };
  const showReason = async () => {
    const answer = await judged();
    if (!answer?.understood) return; // half-typed: leave it as it was
    reasonRow.hidden = !answer.needs_reason && !reason.value.trim();
  };
  date.addEventListener("input", () => {
    date.removeAttribute("aria-invalid");
    dateNote.textContent = "";
    void showReason();
  });
  date.addEventListener("change", async () => {
    const answer = await judged();
    if (answer && !answer.understood) dateNote.textContent = DATE_HINT;
  });
  void showReason();

  let saved: Saved | null = null;
  const save = async (): Promise<boolean> => {
    note.textContent = "";
    if (!title.value.trim()) return refuse(note, title, "Give it a title, so you and your assessors know what it is.");
    // The core refuses a date it does not understand, with its own words.
    const details: EvidenceDetails = {
      title: title.value.trim(),
      date: date.value.trim(),
      origin: origin.value.trim(),
      what_it_shows: shows.value.trim(),
      permission_confirmed: permission.checked,
      still_relevant_because: reason.value.trim(),
    };
    try {
      saved = await api.saveEvidenceDetails(item.id, details);
      return true;
    } catch (error) {
      note.textContent = messageOf(error);
      return false;
    }
  };

  const oddDate = !row.date.understood ? h("p", { class: "field-note" }, "This date is not in a form the app understands yet.") : null;
  return openDialog<boolean>({
    title: `Describe ${item.id}`,
    testid: "evidence-dialog",
    wide: true,
    body: h(
      "div",
      { class: "evidence-form" },
      h("p", { class: "muted evidence-source" }, sourceText(item.source, row.size)),
      labelledInput("Title", title),
      labelledInput(
        "Date",
        date,
        "When it was made: a year (2024), a month (2024-05) or a day (2024-05-17).",
        h("div", null, dateNote, oddDate),
      ),
      labelledInput("Where it comes from", origin, "For example “Feedback email from a course leader” or “Our VLE course page”."),
      labelledInput("What it shows", shows, "One or two sentences: what an assessor should see in it, and how it supports what you wrote."),
      h("div", { class: "check-row" }, permission, h("label", { for: permissionId }, "It is anonymised, or I have permission to share it")),
      reasonRow,
      note,
    ),
    actions: [
      { label: "Cancel", value: false },
      { label: "Save", value: true, kind: "primary", testid: "evidence-save", run: save },
    ],
    cancelValue: false,
  }).then((ok) => (ok ? saved : null));
}

// ---- remove an item ----

export function confirmRemoveEvidence(row: LibraryRow, outline: Outline | null): Promise<boolean> {
  const { item } = row;
  const sections = row.cited_in.map((id) => sectionShortName(outline, id));
  const body = h(
    "div",
    null,
    h("p", null, `This removes ${itemName(item)} from your evidence library.`),
    item.source.type === "file"
      ? h("p", null, "The copy kept in this portfolio is deleted. Your own file, wherever you attached it from, is not touched.")
      : null,
    sections.length > 0
      ? [
          h(
            "p",
            { "data-testid": "remove-evidence-cited" },
            `It is cited in ${sections.length === 1 ? "section" : "sections"} ${listText(sections)}. `,
            h("strong", null, sections.length === 1 ? "That citation is removed too." : "Those citations are removed too."),
          ),
          h(
            "p",
            null,
            `Where you wrote [${item.id}] in your text, it stays as you wrote it and is marked as missing, so you can find it and change it.`,
          ),
        ]
      : null,
    h("p", null, `Its number ${item.id} is not given to another item.`),
  );
  return confirmDialog({
    title: `Remove ${item.id}?`,
    body,
    confirmLabel: "Remove from library",
    cancelLabel: "Keep it",
    danger: true,
    testid: "remove-evidence-dialog",
    confirmTestid: "remove-evidence-confirm",
  });
}

// ---- files dropped on the window ----

export interface SectionChoice {
  id: string;
  label: string;
}

/** "Attach 2 files?": resolves the sections to cite them from ([] for the library only), or null when cancelled. */
export function dropDialog(names: string[], choices: SectionChoice[], preselected: string | null): Promise<string[] | null> {
  const selectId = uid("drop-section");
  const select = h(
    "select",
    {
      id: selectId,
      class: "select",
      "data-testid": "drop-section",
      value: preselected && choices.some((c) => c.id === preselected) ? preselected : "",
    },
    h("option", { value: "" }, "Library only (cite it later)"),
    choices.map((choice) => h("option", { value: choice.id }, choice.label)),
  );
  const count = names.length === 1 ? "1 file" : `${names.length} files`;
  return openDialog<boolean>({
    title: `Attach ${count}?`,
    testid: "drop-dialog",
    body: h(
      "div",
      null,
      h(
        "ul",
        { class: "file-list" },
        names.map((name) => h("li", null, name)),
      ),
      h("div", { class: "form-row" }, h("label", { for: selectId }, names.length === 1 ? "Cite it from" : "Cite them from"), select),
      h("p", { class: "muted" }, "Each file is copied into this portfolio. Your own files are not changed."),
    ),
    actions: [
      { label: "Cancel", value: false, testid: "drop-cancel" },
      { label: "Attach", value: true, kind: "primary", testid: "drop-attach" },
    ],
    cancelValue: false,
  }).then((ok) => (ok ? (select.value ? [select.value] : []) : null));
}
