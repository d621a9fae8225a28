// One piece of writing (description, reflection or a statement): label, toolbar, editor, word count, preview.
import type { EditorView } from "@codemirror/view";
import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { evidenceIdFromHref } from "../evidence/evidence-format";
import { wordsText } from "../format";
import { createEditor, insertText } from "./editor";
import { createPreviewer } from "./preview";
import { createToolbar, formattingKeys } from "./toolbar";

export type WritingFieldName = "description" | "reflection";

export interface WritingFieldOptions {
  /** which field; also names the test hooks editor-<field>, words-<field>, preview-<field> */
  field: WritingFieldName;
  label: string;
  hint: string;
  text: string;
  /** the section's name, so the text area's accessible name says where it is */
  sectionName: string;
  placeholder: string;
  readOnly: boolean;
  previewVisible: boolean;
  /** shown after the word count, e.g. how the count stands against a required range */
  wordsExtra?: HTMLElement;
  onText?: (text: string) => void;
  onWords?: (words: number) => void;
  /** adds "Cite evidence" to the toolbar */
  onCite?: () => void;
  /** a click on an evidence number ([E3] rendered as a link) in the preview */
  onEvidenceRef?: (evidenceId: string) => void;
}

export interface WritingField {
  element: HTMLElement;
  view: EditorView;
  setPreviewVisible(visible: boolean): void;
  /** Insert text at the cursor or at the end, as the candidate would type it (saved the same way). */
  insertText(text: string, at: "cursor" | "end"): boolean;
  /** Render the preview again now (e.g. `[E3]` becomes a link once E3 exists). */
  refreshPreview(): void;
  destroy(): void;
}

export function createWritingField(options: WritingFieldOptions): WritingField {
  const { field } = options;
  const labelId = uid(`label-${field}`);
  const hintId = uid(`hint-${field}`);
  const words = h("span", { class: "words-count", "data-testid": `words-${field}` });
  const previewBody = h("div", {
    class: "preview-body prose",
    "data-testid": `preview-${field}`,
    // An [E3] reference opens the item in the library; every other link is the link guard's,
    // which keeps the window on the portfolio and opens web links in the browser.
    onclick: (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest("a.evidence-ref");
      if (!link) return;
      event.preventDefault();
      const id = evidenceIdFromHref(link.getAttribute("href"));
      if (id) options.onEvidenceRef?.(id);
    },
  });
  const previewColumn = h(
    "section",
    { class: "preview-column", "aria-label": `Preview of ${options.label}` },
    h("p", { class: "preview-label", "aria-hidden": "true" }, "Preview"),
    previewBody,
  );
  const editorBox = h("div", { class: "editor-box", "data-testid": `editor-${field}` });

  let view: EditorView | null = null;
  const toolbar = options.readOnly ? null : createToolbar(() => view, options.label, { onCite: options.onCite });

  const element = h(
    "div",
    { class: `writing-field field-${field}` },
    h(
      "div",
      { class: "field-head" },
      h("h2", { id: labelId, class: "field-label" }, options.label),
      options.hint ? h("p", { id: hintId, class: "hint" }, options.hint) : null,
    ),
    h(
      "div",
      { class: "field-body" },
      h("div", { class: "editor-column" }, toolbar, editorBox, h("p", { class: "words" }, words, options.wordsExtra)),
      previewColumn,
    ),
  );

  const previewer = createPreviewer(
    (markdown) => api.previewMarkdown(markdown),
    (preview) => {
      if (preview.html.trim()) previewBody.innerHTML = preview.html;
      else replaceChildren(previewBody, h("p", { class: "muted" }, "Nothing written yet."));
      words.textContent = wordsText(preview.words);
      options.onWords?.(preview.words);
    },
    (error) => {
      replaceChildren(previewBody, h("p", { class: "muted" }, `The preview is not available: ${messageOf(error)}`));
    },
  );

  view = createEditor({
    parent: editorBox,
    doc: options.text,
    label: `${options.label}, ${options.sectionName}`,
    placeholder: options.readOnly ? "" : options.placeholder,
    describedBy: options.hint ? hintId : undefined,
    readOnly: options.readOnly,
    keys: options.readOnly ? [] : formattingKeys(),
    onChange: (text) => {
      options.onText?.(text);
      previewer.request(text);
    },
  });
  previewer.request(options.text, true);

  const setPreviewVisible = (visible: boolean) => {
    previewColumn.hidden = !visible;
    element.classList.toggle("with-preview", visible);
  };
  setPreviewVisible(options.previewVisible);

  return {
    element,
    view,
    setPreviewVisible,
    insertText(text, at) {
      if (!view || !insertText(view, text, at)) return false;
      view.focus();
      return true;
    },
    refreshPreview() {
      if (view) previewer.request(view.state.doc.toString(), true);
    },
    destroy() {
      previewer.dispose();
      view?.destroy();
    },
  };
}
