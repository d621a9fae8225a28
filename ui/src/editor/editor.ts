// The rich-text editor of one section text: a Tiptap editor that reads and saves Markdown.
import { Editor, Extension, getMarkRange } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import { redoDepth, undoDepth } from "@tiptap/pm/history";
import type { EditorState } from "@tiptap/pm/state";
import { CITATION_TOKEN } from "./evidence-citation";
import { createFindController, FindInText } from "./find-in-text";
import { markdownExtensions } from "./markdown-extensions";
import { createMarkdownManager, parseMarkdown, serializeMarkdown } from "./markdown-io";
import { cleanPastedHtml, handlePastedImages } from "./paste-html";

export type InsertAt = "cursor" | "end";

/** The toolbar's commands, by id. */
export type CommandId =
  | "bold"
  | "italic"
  | "heading"
  | "bullets"
  | "numbers"
  | "quote"
  | "undo"
  | "redo"
  | "tableInsert"
  | "tableAddRow"
  | "tableAddColumn"
  | "tableDeleteRow"
  | "tableDeleteColumn"
  | "tableDelete";

export interface RichEditorOptions {
  parent: HTMLElement;
  markdown: string;
  /** accessible name of the text area */
  label: string;
  placeholder: string;
  /** id of the element that describes the field (its hint) */
  describedBy?: string;
  readOnly?: boolean;
  /** after each edit by the candidate (never on load) */
  /**
   * After a real edit (never on load). The Markdown is not written out here: a keystroke only
   * marks the text changed, and `getMarkdown()` writes it when the save or the preview asks,
   * so typing in a long section costs no whole-document work per key.
   */
  onChange?: () => void;
  /** pictures pasted or dropped: they are not put in the text */
  onPasteImages?: (files: File[]) => void;
  onCitationClick?: (id: string) => void;
  /** the cursor or selection moved, or the text changed: for the toolbar's pressed states */
  onSelectionChange?: () => void;
  /** Ctrl+K (Cmd+K): the Link dialog */
  onLinkShortcut?: () => void;
}

export interface LinkAtCursor {
  text: string;
  href: string;
}

export interface RichEditorHandle {
  /** the contenteditable element */
  element: HTMLElement;
  getMarkdown(): string;
  focus(): void;
  insertCitation(id: string, at: InsertAt): boolean;
  /** Inserts text as typed; `[E3]` tokens in it become citations. */
  insertText(text: string, at: InsertAt): boolean;
  run(command: CommandId): boolean;
  isActive(command: CommandId): boolean;
  can(command: CommandId): boolean;
  /** The link at the cursor, or the selected text for a new one. */
  linkAtCursor(): LinkAtCursor;
  /** Sets the link on the selection (or the link at the cursor), replacing its text when given. */
  setLink(text: string, href: string): boolean;
  removeLink(): boolean;
  /** Highlights the matches of `query`, ignoring case unless `matchCase`; returns how many. */
  find(query: string, matchCase?: boolean): number;
  findNext(): boolean;
  findPrevious(): boolean;
  replaceCurrent(text: string): boolean;
  replaceAll(query: string, text: string, matchCase?: boolean): number;
  clearFind(): void;
  destroy(): void;
  /** for tests and the find panel: the Tiptap editor itself */
  readonly tiptap: Editor;
}

// List keys as in Google Docs. Enter on an empty item already leaves the list (Tiptap's
// splitListItem lifts it). Tab and Shift-Tab indent only inside a list: elsewhere Tab must move
// focus on, or a keyboard user is trapped in the text.
const ListKeys = Extension.create({
  name: "listKeys",
  priority: 200,
  addKeyboardShortcuts() {
    const inList = () => this.editor.isActive("listItem");
    return {
      Tab: () => inList() && (this.editor.commands.sinkListItem("listItem") || true),
      "Shift-Tab": () => inList() && this.editor.commands.liftListItem("listItem"),
      // Backspace at the very start of an item takes it out of the list (or up a level).
      Backspace: () => {
        const { selection } = this.editor.state;
        const { $from, empty } = selection;
        if (!empty || !inList() || $from.parentOffset !== 0) return false;
        const item = $from.node($from.depth - 1);
        if (item.type.name !== "listItem" || item.firstChild !== $from.parent) return false;
        return this.editor.commands.liftListItem("listItem");
      },
    };
  },
});

const HEADING_CYCLE: Record<number, 0 | 2 | 3> = { 0: 2, 2: 3, 3: 0 };

/** Just after the last character of the text: inside its last paragraph, heading or cell. */
function endOfText(editor: Editor): number {
  let end = 1;
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) end = pos + 1 + node.content.size;
  });
  return end;
}

/**
 * Whether the cursor is inside a node of this type, from the cursor's own ancestors: what
 * Tiptap's `isActive` answers for an empty selection, which it finds by walking the document
 * from its start. The toolbar asks for each button after every keystroke, so in a long section
 * that walk is paid several times per key. Null for a selection, which `isActive` answers.
 */
function cursorInside(state: EditorState, name: string): boolean | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.name === name) return true;
  return false;
}

/** The whole link the cursor is in or touches (at either edge), if any. */
function linkRange(editor: Editor): { from: number; to: number } | null {
  const { $from, from, to } = editor.state.selection;
  const range = getMarkRange($from, editor.schema.marks.link);
  return range && range.from <= from && range.to >= to ? range : null;
}

/** Inline content to insert, as Tiptap JSON. */
type InlineJson = { type: string; text?: string; attrs?: Record<string, unknown> };

const sizeOf = (content: InlineJson[]) => content.reduce((size, node) => size + (node.text?.length ?? 1), 0);

function spacedInsert(editor: Editor, pos: number, content: InlineJson[]): void {
  const { doc } = editor.state;
  const before = pos > 0 ? doc.textBetween(pos - 1, pos, "\n", "\uFFFC") : "";
  const after = pos < doc.content.size ? doc.textBetween(pos, pos + 1, "\n", "\uFFFC") : "";
  const lead: InlineJson[] = before && !/[\s([]/.test(before) ? [{ type: "text", text: " " }] : [];
  const trail: InlineJson[] = after && !/[\s.,;:!?)\]]/.test(after) ? [{ type: "text", text: " " }] : [];
  editor
    .chain()
    .insertContentAt(pos, [...lead, ...content, ...trail], { updateSelection: true })
    .setTextSelection(pos + lead.length + sizeOf(content))
    .scrollIntoView()
    .run();
}

/** `[E3]` tokens in inserted text become citation nodes; the rest stays text. */
function contentOf(text: string): InlineJson[] {
  const parts: InlineJson[] = [];
  let rest = text;
  while (rest.length > 0) {
    const at = rest.search(/\[E\d+\]/);
    const match = at >= 0 ? CITATION_TOKEN.exec(rest.slice(at)) : null;
    if (at < 0 || !match) {
      parts.push({ type: "text", text: rest });
      break;
    }
    if (at > 0) parts.push({ type: "text", text: rest.slice(0, at) });
    parts.push({ type: "evidenceCitation", attrs: { id: `E${match[1]}` } });
    rest = rest.slice(at + match[0].length);
  }
  return parts;
}

export function createRichEditor(options: RichEditorOptions): RichEditorHandle {
  const manager = createMarkdownManager();
  // Until the first edit the text is the candidate's own string, byte for byte: loading and
  // saving without a change must never rewrite what is stored.
  let original: string | null = options.markdown;
  /** The Markdown written out since the last edit, so asking twice costs nothing more. */
  let written: string | null = null;

  const element = document.createElement("div");
  options.parent.appendChild(element);

  const editor: Editor = new Editor({
    element,
    editable: !options.readOnly,
    // Typing `# `, `1. `, `**x**` keeps those characters, as in Google Docs and Word; only a
    // typed `[E3]` turns into a citation.
    enableInputRules: ["evidenceCitation"],
    enablePasteRules: false,
    content: parseMarkdown(manager, options.markdown),
    extensions: [
      ...markdownExtensions({ citation: { onOpen: (id) => options.onCitationClick?.(id) } }),
      Placeholder.configure({ placeholder: options.placeholder }),
      ListKeys,
      FindInText,
      Extension.create({
        name: "linkShortcut",
        addKeyboardShortcuts: () => ({ "Mod-k": () => (options.onLinkShortcut?.(), !!options.onLinkShortcut) }),
      }),
    ],
    editorProps: {
      attributes: {
        class: "editor-content prose",
        spellcheck: "true",
        lang: "en-GB",
        autocapitalize: "sentences",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": options.label,
        ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
        ...(options.readOnly ? { "aria-readonly": "true" } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
      handlePaste: (_view, event) => handlePastedImages(event.clipboardData, options.onPasteImages),
      handleDrop: (_view, event) => handlePastedImages((event as DragEvent).dataTransfer, options.onPasteImages),
    },
    onUpdate: () => {
      original = null;
      written = null;
      options.onChange?.();
    },
    onSelectionUpdate: () => options.onSelectionChange?.(),
    onTransaction: () => options.onSelectionChange?.(),
  });
  const content = editor.view.dom as HTMLElement;

  const at = (where: InsertAt) => (where === "end" ? endOfText(editor) : editor.state.selection.to);
  const finder = createFindController(editor);

  const commands: Record<CommandId, () => boolean> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    heading: () => {
      const level = editor.isActive("heading", { level: 2 }) ? 2 : editor.isActive("heading", { level: 3 }) ? 3 : 0;
      const next = HEADING_CYCLE[level] ?? 0;
      return next === 0 ? editor.chain().focus().setParagraph().run() : editor.chain().focus().setHeading({ level: next }).run();
    },
    bullets: () => editor.chain().focus().toggleBulletList().run(),
    numbers: () => editor.chain().focus().toggleOrderedList().run(),
    quote: () => editor.chain().focus().toggleBlockquote().run(),
    undo: () => editor.chain().focus().undo().run(),
    redo: () => editor.chain().focus().redo().run(),
    tableInsert: () => editor.chain().focus().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
    tableAddRow: () => editor.chain().focus().addRowAfter().run(),
    tableAddColumn: () => editor.chain().focus().addColumnAfter().run(),
    tableDeleteRow: () => editor.chain().focus().deleteRow().run(),
    tableDeleteColumn: () => editor.chain().focus().deleteColumn().run(),
    tableDelete: () => editor.chain().focus().deleteTable().run(),
  };

  const nodeActive = (name: string) => cursorInside(editor.state, name) ?? editor.isActive(name);
  const activeChecks: Partial<Record<CommandId, () => boolean>> = {
    bold: () => editor.isActive("bold"),
    italic: () => editor.isActive("italic"),
    heading: () => nodeActive("heading"),
    bullets: () => nodeActive("bulletList"),
    numbers: () => nodeActive("orderedList"),
    quote: () => nodeActive("blockquote"),
    tableInsert: () => nodeActive("table"),
  };

  return {
    element: content,
    tiptap: editor,
    getMarkdown: () => {
      if (original !== null) return original;
      written ??= serializeMarkdown(manager, editor.getJSON());
      return written;
    },
    focus: () => editor.commands.focus(),
    insertCitation(id, where) {
      if (!editor.isEditable) return false;
      spacedInsert(editor, at(where), [{ type: "evidenceCitation", attrs: { id } }]);
      return true;
    },
    insertText(text, where) {
      if (!editor.isEditable || text === "") return false;
      spacedInsert(editor, at(where), contentOf(text));
      return true;
    },
    run: (command) => editor.isEditable && commands[command](),
    isActive: (command) => activeChecks[command]?.() ?? false,
    can(command) {
      if (!editor.isEditable) return false;
      // The history's own depth: `editor.can()` builds every command of the editor to ask, on
      // each keystroke, what the history already knows.
      if (command === "undo") return undoDepth(editor.state) > 0;
      if (command === "redo") return redoDepth(editor.state) > 0;
      if (command.startsWith("table") && command !== "tableInsert") return nodeActive("table");
      return true;
    },
    linkAtCursor() {
      const { state } = editor;
      const link = linkRange(editor);
      const { from, to } = link ?? state.selection;
      const href = link ? String(state.doc.resolve(from).nodeAfter?.marks.find((m) => m.type.name === "link")?.attrs.href ?? "") : "";
      return { text: state.doc.textBetween(from, to, " "), href };
    },
    setLink(text, href) {
      if (!editor.isEditable) return false;
      const { from, to } = linkRange(editor) ?? editor.state.selection;
      const current = editor.state.doc.textBetween(from, to, " ");
      const label = text || current || href;
      const chain = editor.chain().focus().setTextSelection({ from, to });
      if (label === current && from !== to) return chain.setLink({ href }).run();
      return chain.insertContentAt({ from, to }, { type: "text", text: label, marks: [{ type: "link", attrs: { href } }] }).run();
    },
    removeLink() {
      const range = linkRange(editor);
      if (!editor.isEditable || !range) return false;
      return editor.chain().focus().setTextSelection(range).unsetLink().run();
    },
    find: (query, matchCase) => finder.find(query, matchCase),
    findNext: () => finder.next(),
    findPrevious: () => finder.previous(),
    replaceCurrent: (text) => finder.replaceCurrent(text),
    replaceAll: (query, text, matchCase) => finder.replaceAll(query, text, matchCase),
    clearFind: () => finder.clear(),
    destroy: () => {
      editor.destroy();
      element.remove();
    },
  };
}
