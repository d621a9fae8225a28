// Tests that toolbar buttons and shortcuts format the editor text, undo works, and the toolbar is one Tab stop.
import { EditorSelection } from "@codemirror/state";
import { runScopeHandlers, type EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { createEditor } from "./editor";
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
});
