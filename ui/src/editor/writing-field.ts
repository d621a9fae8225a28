// One piece of writing (description, reflection or a statement): label, toolbar, editor, word count, preview.
import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { evidenceIdFromHref } from "../evidence/evidence-format";
import { wordsText } from "../format";
import { createRichEditor, type RichEditorHandle } from "./editor";
import { openLinkDialog } from "./link-dialog";
import { createPreviewer } from "./preview";
import { createToolbar } from "./toolbar";

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
  /** After an edit: `text()` writes the Markdown out, when the save or the check needs it. */
  onText?: (text: () => string) => void;
  onWords?: (words: number) => void;
  /** adds "Cite evidence" to the toolbar */
  onCite?: () => void;
  /** a click on an evidence number: a chip in the editor, or an [E3] link in the preview */
  onEvidenceRef?: (evidenceId: string) => void;
  /** pictures pasted into the text, which the text does not hold (e.g. to offer them as evidence) */
  onPasteImages?: (files: File[]) => void;
}

export interface WritingField {
  element: HTMLElement;
  editor: RichEditorHandle;
  setPreviewVisible(visible: boolean): void;
  /** Insert text at the cursor or at the end; an `[E3]` token becomes a citation chip. */
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

  let editor: RichEditorHandle | null = null;
  const editLink = async () => {
    if (!editor) return;
    const current = editor.linkAtCursor();
    const choice = await openLinkDialog(current);
    if (!editor) return;
    if (choice?.action === "save") editor.setLink(choice.text, choice.href);
    else if (choice?.action === "remove") editor.removeLink();
    else editor.focus();
  };
  const toolbar = options.readOnly
    ? null
    : createToolbar(() => editor, options.label, { onCite: options.onCite, onLink: () => void editLink() });

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
      h("div", { class: "editor-column" }, toolbar?.element, editorBox, h("p", { class: "words" }, words, options.wordsExtra)),
      previewColumn,
    ),
  );

  // The core counts the words (from the Markdown, as it will for the checklist and the export),
  // so the count comes with the preview, visible or not.
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

  let toolbarQueued = false;
  const created = createRichEditor({
    parent: editorBox,
    markdown: options.text,
    label: `${options.label}, ${options.sectionName}`,
    placeholder: options.readOnly ? "" : options.placeholder,
    describedBy: options.hint ? hintId : undefined,
    readOnly: options.readOnly,
    onChange: () => {
      options.onText?.(created.getMarkdown);
      previewer.request(created.getMarkdown);
    },
    onPasteImages: options.onPasteImages,
    onCitationClick: (id) => options.onEvidenceRef?.(id),
    // Once per frame at most: a keystroke brings a transaction and a selection change.
    onSelectionChange: () => {
      if (toolbarQueued || !toolbar) return;
      toolbarQueued = true;
      requestAnimationFrame(() => {
        toolbarQueued = false;
        toolbar?.refresh();
      });
    },
    onLinkShortcut: toolbar ? () => void editLink() : undefined,
  });
  editor = created;
  toolbar?.refresh();
  previewer.request(options.text, true);

  const setPreviewVisible = (visible: boolean) => {
    previewColumn.hidden = !visible;
    element.classList.toggle("with-preview", visible);
  };
  setPreviewVisible(options.previewVisible);

  return {
    element,
    editor: created,
    setPreviewVisible,
    insertText(text, at) {
      if (!created.insertText(text, at)) return false;
      created.focus();
      return true;
    },
    refreshPreview() {
      previewer.request(created.getMarkdown(), true);
    },
    destroy() {
      previewer.dispose();
      created.destroy();
      editor = null;
    },
  };
}
