// The toolbar drives the rich editor: buttons format, show what is on at the cursor, and are one Tab stop.
import { describe, expect, it, vi } from "vitest";
import { mountEditor, selectText } from "../test/rich-editor";
import { createToolbar } from "./toolbar";

function setup(markdown: string, extras: Parameters<typeof createToolbar>[2] = {}) {
  const toolbar = createToolbar(() => editor, "Description", extras);
  const editor = mountEditor(markdown, { onSelectionChange: () => toolbar.refresh() });
  document.body.prepend(toolbar.element);
  toolbar.refresh();
  const button = (action: string) => toolbar.element.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!;
  return { editor, toolbar, button };
}

describe("toolbar", () => {
  it("bolds the selection from the button, shows it pressed, and undoes it", () => {
    const { editor, button } = setup("I ran workshops");
    selectText(editor, "ran");
    expect(button("bold").getAttribute("aria-pressed")).toBe("false");
    button("bold").click();
    expect(editor.getMarkdown()).toBe("I **ran** workshops");
    expect(button("bold").getAttribute("aria-pressed")).toBe("true");
    button("undo").click();
    expect(editor.getMarkdown()).toBe("I ran workshops");
    button("redo").click();
    expect(editor.getMarkdown()).toBe("I **ran** workshops");
  });

  it("shows lists and quotes as pressed where the cursor is", () => {
    const { editor, button } = setup("- one\n\n> two\n\nthree");
    selectText(editor, "one", true);
    expect(button("bullets").getAttribute("aria-pressed")).toBe("true");
    expect(button("quote").getAttribute("aria-pressed")).toBe("false");
    selectText(editor, "two", true);
    expect(button("bullets").getAttribute("aria-pressed")).toBe("false");
    expect(button("quote").getAttribute("aria-pressed")).toBe("true");
  });

  it("offers the table tools only inside a table", () => {
    const { editor, toolbar, button } = setup("Plan");
    selectText(editor, "Plan", true);
    const tableTools = toolbar.element.querySelector<HTMLElement>(".table-tools")!;
    expect(tableTools.hidden).toBe(true);
    button("table").click();
    expect(tableTools.hidden).toBe(false);
    button("table-add-row").click();
    expect(editor.tiptap.state.doc.firstChild?.childCount).toBe(4);
    button("table-delete").click();
    expect(tableTools.hidden).toBe(true);
    expect(editor.getMarkdown()).toBe("Plan");
  });

  it("opens the link dialog from the Link button", () => {
    const onLink = vi.fn();
    const { button } = setup("text", { onLink });
    button("link").click();
    expect(onLink).toHaveBeenCalledTimes(1);
  });

  it("labels buttons, shows shortcuts in tooltips and is a single Tab stop", () => {
    const { toolbar, button } = setup("");
    const el = toolbar.element;
    expect(el.getAttribute("role")).toBe("toolbar");
    expect(button("bold").getAttribute("aria-label")).toBe("Bold");
    expect(button("bold").title).toMatch(/Bold \((Ctrl\+B|⌘B)\)/);
    expect(button("link").title).toMatch(/Link \((Ctrl\+K|⌘K)\)/);
    expect(button("bullets").getAttribute("aria-label")).toBe("Bulleted list");
    const tabbable = Array.from(el.querySelectorAll<HTMLButtonElement>("button")).filter((b) => b.tabIndex === 0);
    expect(tabbable).toEqual([button("bold")]);
    button("bold").focus();
    button("bold").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(button("italic"));
    expect(button("italic").tabIndex).toBe(0);
    expect(button("bold").tabIndex).toBe(-1);
  });

  it("skips the hidden table tools with the arrow keys", () => {
    const { button } = setup("");
    button("table").focus();
    button("table").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(button("undo"));
  });

  it("offers Cite evidence when asked, as one more tool in the same Tab stop", () => {
    const onCite = vi.fn();
    const { toolbar, button } = setup("", { onCite });
    const cite = button("cite");
    expect(cite.textContent).toBe("Cite evidence");
    expect(cite.tabIndex).toBe(-1);
    button("redo").focus();
    button("redo").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(cite);
    cite.click();
    expect(onCite).toHaveBeenCalledTimes(1);
    expect(toolbar.element.querySelectorAll("[data-action=cite]")).toHaveLength(1);
    expect(createToolbar(() => null, "Reflection").element.querySelector("[data-action=cite]")).toBeNull();
  });
});
