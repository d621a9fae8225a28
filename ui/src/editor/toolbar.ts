// The formatting toolbar and shortcuts above each editor, for people who have never heard of Markdown.
import { redo, undo } from "@codemirror/commands";
import type { EditorView, KeyBinding } from "@codemirror/view";
import { h, isMac } from "../dom";
import { ariaShortcut, shortcutText } from "../format";
import { type IconName, icon } from "../icons";
import { runEdit } from "./editor";
import {
  cycleHeading,
  type Edit,
  insertLink,
  type Selection,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleNumberedList,
  toggleQuote,
} from "./markdown-commands";

interface FormatAction {
  id: string;
  label: string;
  /** CodeMirror key name, shown in the tooltip */
  shortcut?: string;
  /** a text glyph, or an icon name */
  glyph?: string;
  icon?: IconName;
  run: (view: EditorView) => boolean;
}

const edit = (command: (doc: string, selection: Selection) => Edit) => (view: EditorView) => runEdit(view, command);

export const FORMAT_ACTIONS: FormatAction[] = [
  { id: "bold", label: "Bold", shortcut: "Mod-b", glyph: "B", run: edit(toggleBold) },
  { id: "italic", label: "Italic", shortcut: "Mod-i", glyph: "I", run: edit(toggleItalic) },
  { id: "heading", label: "Heading", glyph: "H", run: edit(cycleHeading) },
  { id: "bullets", label: "Bulleted list", icon: "bulletList", run: edit(toggleBulletList) },
  { id: "numbers", label: "Numbered list", icon: "numberList", run: edit(toggleNumberedList) },
  { id: "link", label: "Link", shortcut: "Mod-k", icon: "link", run: edit(insertLink) },
  { id: "quote", label: "Quote", icon: "quote", run: edit(toggleQuote) },
];

const HISTORY_ACTIONS: FormatAction[] = [
  { id: "undo", label: "Undo", shortcut: "Mod-z", icon: "undo", run: (view) => undo(view) },
  { id: "redo", label: "Redo", shortcut: "Mod-Shift-z", icon: "redo", run: (view) => redo(view) },
];

/** The formatting shortcuts, for the editor's keymap. */
export function formattingKeys(): KeyBinding[] {
  return FORMAT_ACTIONS.filter((a) => a.shortcut).map((a) => ({ key: a.shortcut!, run: a.run, preventDefault: true }));
}

/**
 * A toolbar with one Tab stop (roving tabindex): arrow keys move between buttons, as the ARIA
 * toolbar pattern expects, so tabbing through a page does not walk nine buttons per editor.
 */
export interface ToolbarExtras {
  /** adds "Cite evidence", which opens the picker of the evidence library */
  onCite?: () => void;
}

export function createToolbar(getView: () => EditorView | null, fieldLabel: string, extras: ToolbarExtras = {}): HTMLElement {
  const mac = isMac();
  const button = (action: FormatAction) => {
    const tip = action.shortcut ? `${action.label} (${shortcutText(action.shortcut, mac)})` : action.label;
    return h(
      "button",
      {
        type: "button",
        class: `tool tool-${action.id}`,
        "aria-label": action.label,
        title: tip,
        "aria-keyshortcuts": action.shortcut ? ariaShortcut(action.shortcut, mac) : undefined,
        "data-action": action.id,
        tabindex: "-1",
        // Keep the editor's selection: a mouse press on the button must not take focus from it first.
        onmousedown: (event: MouseEvent) => event.preventDefault(),
        onclick: () => {
          const view = getView();
          if (view) {
            action.run(view);
            view.focus();
          }
        },
      },
      action.icon ? icon(action.icon) : h("span", { class: `glyph glyph-${action.id}`, "aria-hidden": "true" }, action.glyph),
    );
  };
  const cite = extras.onCite;
  const citeButton = cite
    ? h(
        "button",
        {
          type: "button",
          class: "tool tool-cite",
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
  const buttons = [
    ...FORMAT_ACTIONS.map(button),
    h("span", { class: "tool-sep", "aria-hidden": "true" }),
    ...HISTORY_ACTIONS.map(button),
    citeButton ? [h("span", { class: "tool-sep", "aria-hidden": "true" }), citeButton] : null,
  ];
  const toolbar = h("div", { role: "toolbar", class: "toolbar", "aria-label": `Formatting for ${fieldLabel}` }, buttons);
  const tools = () => Array.from(toolbar.querySelectorAll<HTMLButtonElement>("button.tool"));
  tools()[0].tabIndex = 0;
  toolbar.addEventListener("keydown", (event) => {
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
    list.forEach((b, i) => {
      b.tabIndex = i === next ? 0 : -1;
    });
    list[next].focus();
  });
  return toolbar;
}
