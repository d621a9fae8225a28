// A CodeMirror 6 editor set up for prose: Markdown, wrapping, undo history, the system spell checker.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdownKeymap, markdownLanguage } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorSelection, EditorState, type Extension, Prec } from "@codemirror/state";
import { EditorView, type KeyBinding, keymap, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { Edit, Selection } from "./markdown-commands";

// Classes rather than colours: the colours live in section.css, with a dark variant.
const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading, class: "md-heading" },
  { tag: tags.strong, class: "md-strong" },
  { tag: tags.emphasis, class: "md-em" },
  { tag: tags.link, class: "md-link" },
  { tag: tags.url, class: "md-url" },
  { tag: tags.quote, class: "md-quote" },
  { tag: tags.monospace, class: "md-code" },
  { tag: tags.processingInstruction, class: "md-mark" },
]);

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  /** accessible name of the text area */
  label: string;
  placeholder: string;
  /** id of the element that describes the field (its hint) */
  describedBy?: string;
  readOnly?: boolean;
  keys?: readonly KeyBinding[];
  onChange?: (text: string) => void;
}

export function createEditor(options: EditorOptions): EditorView {
  const extensions: Extension[] = [
    history(),
    // Formatting shortcuts first so Mod-b etc. win over any default binding.
    keymap.of([...(options.keys ?? []), ...historyKeymap, ...defaultKeymap]),
    // The Markdown language and its list-continuing Enter, without `markdown()`'s HTML tag
    // completion: that pulls in the HTML, CSS and JavaScript grammars (a third of the bundle
    // and of the page's memory) for nothing a candidate uses.
    markdownLanguage,
    Prec.high(keymap.of(markdownKeymap)),
    syntaxHighlighting(markdownHighlight),
    EditorView.lineWrapping,
    placeholder(options.placeholder),
    EditorView.contentAttributes.of({
      spellcheck: "true",
      autocorrect: "on",
      autocapitalize: "sentences",
      "aria-label": options.label,
      ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
    }),
  ];
  if (options.readOnly) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
  if (options.onChange) {
    const onChange = options.onChange;
    extensions.push(
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    );
  }
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({ doc: options.doc, extensions }),
  });
}

/** Applies a pure Markdown command to the editor as one undoable step. */
export function runEdit(view: EditorView, command: (doc: string, selection: Selection) => Edit): boolean {
  if (view.state.readOnly) return false;
  const main = view.state.selection.main;
  const edit = command(view.state.doc.toString(), { from: main.from, to: main.to });
  view.dispatch({
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    selection: EditorSelection.single(edit.selection.from, edit.selection.to),
    userEvent: "input.format",
    scrollIntoView: true,
  });
  view.focus();
  return true;
}

/**
 * Inserts text as one undoable step, at the cursor or at the end of the text. A selection is never
 * replaced: the text goes after it. A space is added where the text would otherwise touch a word.
 */
export function insertText(view: EditorView, text: string, at: "cursor" | "end"): boolean {
  if (view.state.readOnly) return false;
  const doc = view.state.doc;
  const pos = at === "end" ? doc.length : view.state.selection.main.to;
  const before = pos > 0 ? doc.sliceString(pos - 1, pos) : "";
  const after = doc.sliceString(pos, pos + 1);
  const lead = before && !/[\s([]/.test(before) ? " " : "";
  const trail = after && !/[\s.,;:!?)\]]/.test(after) ? " " : "";
  view.dispatch({
    changes: { from: pos, insert: lead + text + trail },
    selection: EditorSelection.cursor(pos + lead.length + text.length),
    userEvent: "input",
    scrollIntoView: true,
  });
  return true;
}
