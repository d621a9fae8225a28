// Tests that toolbar buttons and shortcuts format the editor text, undo works, and the toolbar is one Tab stop.
import { EditorSelection } from "@codemirror/state";
import { type EditorView, runScopeHandlers } from "@codemirror/view";
import { describe, expect, it, vi } from "vitest";
import { createEditor, insertText } from "./editor";
import { createToolbar, formattingKeys } from "./toolbar";

function setup(doc: string) {
  const parent = document.createElement("div");
  document.body.appendChild(parent);
  const view: EditorView = createEditor({ parent, doc, label: "Description", placeholder: "Write", keys: formattingKeys() });
  const toolbar = createToolbar(() => view, "Description");
  document.body.appendChild(toolbar);
  const button = (action: string) => toolbar.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;
  return { view, toolbar, button };
}

describe("toolbar", () => {
  it("bolds the selection from the button and undoes it", () => {
    const { view, button } = setup("I ran workshops");
    view.dispatch({ selection: EditorSelection.single(2, 5) });
    button("bold").click();
    expect(view.state.doc.toString()).toBe("I **ran** workshops");
    button("undo").click();
    expect(view.state.doc.toString()).toBe("I ran workshops");
    button("redo").click();
    expect(view.state.doc.toString()).toBe("I **ran** workshops");
  });

  it("runs the shortcut Mod-k for a link", () => {
    const { view } = setup("see guide");
    view.dispatch({ selection: EditorSelection.single(4, 9) });
    const handled = runScopeHandlers(view, new KeyboardEvent("keydown", { key: "k", ctrlKey: true }), "editor");
    expect(handled).toBe(true);
    expect(view.state.doc.toString()).toBe("see [guide](https://)");
    const { from, to } = view.state.selection.main;
    expect(view.state.sliceDoc(from, to)).toBe("https://");
  });

  it("labels buttons, shows shortcuts in tooltips and is a single Tab stop", () => {
    const { toolbar, button } = setup("");
    expect(toolbar.getAttribute("role")).toBe("toolbar");
    expect(button("bold").getAttribute("aria-label")).toBe("Bold");
    expect(button("bold").title).toMatch(/Bold \((Ctrl\+B|⌘B)\)/);
    expect(button("bullets").getAttribute("aria-label")).toBe("Bulleted list");
    const tabbable = Array.from(toolbar.querySelectorAll<HTMLButtonElement>("button")).filter((b) => b.tabIndex === 0);
    expect(tabbable).toEqual([button("bold")]);
    button("bold").focus();
    button("bold").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(button("italic"));
    expect(button("italic").tabIndex).toBe(0);
    expect(button("bold").tabIndex).toBe(-1);
  });

  it("sets up the editor for the system spell checker", () => {
    const { view } = setup("");
    expect(view.contentDOM.getAttribute("spellcheck")).toBe("true");
    expect(view.contentDOM.getAttribute("autocapitalize")).toBe("sentences");
    expect(view.contentDOM.getAttribute("aria-label")).toBe("Description");
  });
  it("offers Cite evidence when asked, as one more tool in the same Tab stop", () => {
    const parent = document.createElement("div");
    document.body.appendChild(parent);
    const view = createEditor({ parent, doc: "", label: "Description", placeholder: "" });
    const onCite = vi.fn();
    const toolbar = createToolbar(() => view, "Description", { onCite });
    document.body.appendChild(toolbar);
    const cite = toolbar.querySelector<HTMLButtonElement>("[data-action=cite]")!;
    expect(cite.textContent).toBe("Cite evidence");
    expect(cite.tabIndex).toBe(-1);
    const undo = toolbar.querySelector<HTMLButtonElement>("[data-action=redo]")!;
    undo.focus();
    undo.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(cite);
    cite.click();
    expect(onCite).toHaveBeenCalledTimes(1);
    expect(createToolbar(() => view, "Reflection").querySelector("[data-action=cite]")).toBeNull();
  });

  it("inserts a citation at the cursor or the end, spaced from words and never over a selection", () => {
    const { view } = setup("I ran workshops");
    view.dispatch({ selection: EditorSelection.single(2, 5) });
    insertText(view, "[E3]", "cursor");
    expect(view.state.doc.toString()).toBe("I ran [E3] workshops");
    expect(view.state.selection.main.head).toBe(10);
    insertText(view, "[E4]", "end");
    expect(view.state.doc.toString()).toBe("I ran [E3] workshops [E4]");
    const empty = setup("").view;
    insertText(empty, "[E1]", "end");
    expect(empty.state.doc.toString()).toBe("[E1]");
    const before = setup("(see)").view;
    before.dispatch({ selection: EditorSelection.cursor(1) });
    insertText(before, "[E2]", "cursor");
    expect(before.state.doc.toString()).toBe("([E2] see)");
  });
});
