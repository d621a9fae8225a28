// Helpers for tests that drive the rich editor as a candidate would: select words, type, press keys.
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { afterEach } from "vitest";
import { createRichEditor, type RichEditorHandle, type RichEditorOptions } from "../editor/editor";
import { createMarkdownManager, serializeMarkdown } from "../editor/markdown-io";

const mounted: RichEditorHandle[] = [];

/**
 * Each test's editors are taken down after it. Their DOM observer is flushed first: a view
 * destroyed with mutations still unread schedules a flush 20 ms later, which would then run
 * after the test environment (and `document`) is gone and fail the run.
 */
afterEach(() => {
  for (const editor of mounted.splice(0)) {
    (editor.tiptap.view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
    editor.destroy();
  }
});

export function mountEditor(markdown: string, options: Partial<RichEditorOptions> = {}): RichEditorHandle {
  const parent = document.createElement("div");
  document.body.appendChild(parent);
  const editor = createRichEditor({ parent, markdown, label: "Description", placeholder: "Write here", ...options });
  mounted.push(editor);
  return editor;
}

/** Selects the first occurrence of `text` in the editor's text (or puts the cursor before it when `cursorOnly`). */
export function selectText(editor: RichEditorHandle, text: string, cursorOnly = false): void {
  const { state } = editor.tiptap;
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const index = node.text?.indexOf(text) ?? -1;
    if (index >= 0) found = pos + index;
    return false;
  });
  if (found < 0) throw new Error(`"${text}" is not in the editor`);
  const selection = TextSelection.create(state.doc, found, cursorOnly ? found : found + text.length);
  editor.tiptap.view.dispatch(state.tr.setSelection(selection));
}

/** Puts the cursor just after the first occurrence of `text`. */
export function cursorAfter(editor: RichEditorHandle, text: string): void {
  selectText(editor, text);
  const { state } = editor.tiptap;
  editor.tiptap.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
}

/** Types text the way the keyboard does, so input rules (e.g. `[E3]` to a chip) run. */
export function type(editor: RichEditorHandle, text: string): void {
  const { view } = editor.tiptap;
  for (const char of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp("handleTextInput", (f) => f(view, from, to, char, () => view.state.tr.insertText(char, from, to)));
    if (!handled) view.dispatch(view.state.tr.insertText(char, from, to));
  }
}

/** Presses a key in the editor, e.g. "Enter", "Shift-Enter", "Tab", "Mod-b". */
export function press(editor: RichEditorHandle, combo: string): boolean {
  const parts = combo.split("-");
  const key = parts.pop() ?? "";
  const event = new KeyboardEvent("keydown", {
    key,
    shiftKey: parts.includes("Shift"),
    ctrlKey: parts.includes("Mod") || parts.includes("Ctrl"),
    bubbles: true,
    cancelable: true,
  });
  const { view } = editor.tiptap;
  return view.someProp("handleKeyDown", (f) => f(view, event)) ?? false;
}

/** The Tiptap editor inside the field with data-testid `editor-<field>`, found from the DOM as a page test would. */
export function editorOf(field: string): Editor {
  const content = document.querySelector(`[data-testid="editor-${field}"] .editor-content`) as (HTMLElement & { editor?: Editor }) | null;
  if (!content?.editor) throw new Error(`no editor for ${field}`);
  return content.editor;
}

/** Types text at a position (1 is the start of the text), as one input. */
export function typeAt(editor: Editor, pos: number, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text, pos));
}

/** The Markdown the editor inside `editor-<field>` would save now. */
export function markdownOf(field: string): string {
  return serializeMarkdown(createMarkdownManager(), editorOf(field).getJSON());
}
