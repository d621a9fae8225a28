// The formatting toolbar above each editor: buttons as in a word processor, with pressed states.
import { h, isMac } from "../dom";
import { ariaShortcut, shortcutText } from "../format";
import { type IconName, icon } from "../icons";
import type { CommandId, RichEditorHandle } from "./editor";

interface ToolAction {
  id: string;
  label: string;
  /** key name as the format helpers spell it, shown in the tooltip */
  shortcut?: string;
  /** a text glyph, or an icon name */
  glyph?: string;
  icon?: IconName;
  /** text shown on the button next to the icon */
  text?: string;
  /** shows aria-pressed from the state at the cursor */
  toggles?: boolean;
  run: (editor: RichEditorHandle) => boolean | undefined;
  command?: CommandId;
}

const command = (id: CommandId) => (editor: RichEditorHandle) => editor.run(id);

export interface ToolbarExtras {
  /** adds "Cite evidence", which opens the picker of the evidence library */
  onCite?: () => void;
  /** the Link button and Ctrl+K */
  onLink?: () => void;
}

function formatActions(extras: ToolbarExtras): ToolAction[] {
  return [
    { id: "bold", label: "Bold", shortcut: "Mod-b", glyph: "B", toggles: true, command: "bold", run: command("bold") },
    { id: "italic", label: "Italic", shortcut: "Mod-i", glyph: "I", toggles: true, command: "italic", run: command("italic") },
    { id: "heading", label: "Heading", glyph: "H", toggles: true, command: "heading", run: command("heading") },
    { id: "bullets", label: "Bulleted list", icon: "bulletList", toggles: true, command: "bullets", run: command("bullets") },
    { id: "numbers", label: "Numbered list", icon: "numberList", toggles: true, command: "numbers", run: command("numbers") },
    { id: "quote", label: "Quote", icon: "quote", toggles: true, command: "quote", run: command("quote") },
    { id: "link", label: "Link", shortcut: "Mod-k", icon: "link", run: () => (extras.onLink?.(), true) },
    { id: "table", label: "Insert a table", icon: "table", command: "tableInsert", run: command("tableInsert") },
  ];
}

// Shown only while the cursor is in a table.
const TABLE_ACTIONS: ToolAction[] = [
  { id: "table-add-row", label: "Add row", text: "Add row", icon: "plus", command: "tableAddRow", run: command("tableAddRow") },
  {
    id: "table-add-column",
    label: "Add column",
    text: "Add column",
    icon: "plus",
    command: "tableAddColumn",
    run: command("tableAddColumn"),
  },
  {
    id: "table-delete-row",
    label: "Delete row",
    text: "Delete row",
    icon: "minus",
    command: "tableDeleteRow",
    run: command("tableDeleteRow"),
  },
  {
    id: "table-delete-column",
    label: "Delete column",
    text: "Delete column",
    icon: "minus",
    command: "tableDeleteColumn",
    run: command("tableDeleteColumn"),
  },
  { id: "table-delete", label: "Delete table", text: "Delete table", icon: "close", command: "tableDelete", run: command("tableDelete") },
];

const HISTORY_ACTIONS: ToolAction[] = [
  { id: "undo", label: "Undo", shortcut: "Mod-z", icon: "undo", command: "undo", run: command("undo") },
  { id: "redo", label: "Redo", shortcut: "Mod-Shift-z", icon: "redo", command: "redo", run: command("redo") },
];

export interface Toolbar {
  element: HTMLElement;
  /** Shows the state at the cursor: pressed buttons, table tools, undo and redo. */
  refresh(): void;
}

/**
 * A toolbar with one Tab stop (roving tabindex): arrow keys move between buttons, as the ARIA
 * toolbar pattern expects, so tabbing through a page does not walk a dozen buttons per editor.
 */
export function createToolbar(getEditor: () => RichEditorHandle | null, fieldLabel: string, extras: ToolbarExtras = {}): Toolbar {
  const mac = isMac();
  const button = (action: ToolAction) => {
    const tip = action.shortcut ? `${action.label} (${shortcutText(action.shortcut, mac)})` : action.label;
    return h(
      "button",
      {
        type: "button",
        class: `tool tool-${action.id}${action.text ? " tool-with-text" : ""}`,
        "aria-label": action.text ? undefined : action.label,
        title: tip,
        "aria-keyshortcuts": action.shortcut ? ariaShortcut(action.shortcut, mac) : undefined,
        "aria-pressed": action.toggles ? "false" : undefined,
        "data-action": action.id,
        tabindex: "-1",
        // Keep the editor's selection: a mouse press on the button must not take focus from it first.
        onmousedown: (event: MouseEvent) => event.preventDefault(),
        onclick: () => {
          const editor = getEditor();
          if (!editor) return;
          action.run(editor);
          refresh();
        },
      },
      action.icon ? icon(action.icon) : h("span", { class: `glyph glyph-${action.id}`, "aria-hidden": "true" }, action.glyph),
      action.text ? h("span", { class: "tool-text" }, action.text) : null,
    );
  };
  const cite = extras.onCite;
  const citeButton = cite
    ? h(
        "button",
        {
          type: "button",
          class: "tool tool-cite tool-with-text",
          "data-action": "cite",
          "data-testid": "toolbar-cite",
          title: "Cite evidence from your library",
          tabindex: "-1",
          // As for the other tools: the editor keeps its cursor, which is where the citation goes.
          onmousedown: (event: MouseEvent) => event.preventDefault(),
          onclick: () => cite(),
        },
        icon("paperclip"),
        h("span", { class: "tool-text" }, "Cite evidence"),
      )
    : null;
  const actions = formatActions(extras);
  const tableTools = h(
    "span",
    { class: "table-tools", role: "group", "aria-label": "Table", hidden: true },
    h("span", { class: "tool-sep", "aria-hidden": "true" }),
    TABLE_ACTIONS.map(button),
  );
  const element = h(
    "div",
    { role: "toolbar", class: "toolbar", "aria-label": `Formatting for ${fieldLabel}` },
    actions.map(button),
    tableTools,
    h("span", { class: "tool-sep", "aria-hidden": "true" }),
    HISTORY_ACTIONS.map(button),
    citeButton ? [h("span", { class: "tool-sep", "aria-hidden": "true" }), citeButton] : null,
  );
  const byId = new Map([...actions, ...TABLE_ACTIONS, ...HISTORY_ACTIONS].map((a) => [a.id, a]));
  const tools = () => Array.from(element.querySelectorAll<HTMLButtonElement>("button.tool")).filter((b) => !b.closest("[hidden]"));
  tools()[0].tabIndex = 0;

  // The buttons that show a state, found once: refresh runs after every keystroke.
  const stateful = Array.from(element.querySelectorAll<HTMLButtonElement>("button.tool")).flatMap((b) => {
    const action = byId.get(b.dataset.action ?? "");
    return action && ((action.toggles && action.command) || action.id === "undo" || action.id === "redo") ? [{ b, action }] : [];
  });

  function refresh(): void {
    const editor = getEditor();
    if (!editor) return;
    for (const { b, action } of stateful) {
      if (action.toggles && action.command) setIfChanged(b, "aria-pressed", String(editor.isActive(action.command)));
      // aria-disabled rather than disabled, so the button keeps its place in the arrow-key order.
      if (action.id === "undo" || action.id === "redo") setIfChanged(b, "aria-disabled", String(!editor.can(action.id)));
    }
    const inTable = editor.isActive("tableInsert");
    if (tableTools.hidden === inTable) {
      tableTools.hidden = !inTable;
      // The roving Tab stop must stay on a visible button.
      const visible = tools();
      if (!visible.some((b) => b.tabIndex === 0)) visible[0].tabIndex = 0;
    }
  }

  element.addEventListener("keydown", (event) => {
    const list = tools();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = -1;
    if (event.key === "ArrowRight") next = (index + 1) % list.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + list.length) % list.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = list.length - 1;
    if (next < 0) return;
    event.preventDefault();
    for (const b of tools()) b.tabIndex = -1;
    list[next].tabIndex = 0;
    list[next].focus();
  });
  return { element, refresh };
}

/** Sets an attribute only when it changes: an unchanged write still makes the page restyle. */
function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
