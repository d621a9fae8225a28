// The rich editor as the candidate uses it, judged by the Markdown it saves.
import { describe, expect, it, vi } from "vitest";
import { cursorAfter, mountEditor, press, selectText, type } from "../test/rich-editor";

describe("rich editor: loading and saving", () => {
  it("gives back the stored text unchanged, byte for byte, until the first edit", () => {
    const stored = "*  Odd   bullets*\n\n\n\nand __bold__ with trailing spaces   \n";
    const onChange = vi.fn();
    const editor = mountEditor(stored, { onChange });
    expect(editor.getMarkdown()).toBe(stored);
    editor.focus();
    selectText(editor, "bold");
    expect(onChange).not.toHaveBeenCalled();
    expect(editor.getMarkdown()).toBe(stored);
  });

  it("calls onChange after an edit and writes the new Markdown when asked", () => {
    const onChange = vi.fn();
    const editor = mountEditor("I ran workshops", { onChange });
    cursorAfter(editor, "workshops");
    type(editor, " online");
    expect(onChange).toHaveBeenCalled();
    expect(editor.getMarkdown()).toBe("I ran workshops online");
  });

  it("sets up the text area for assistive technology and the spell checker", () => {
    const editor = mountEditor("", { describedBy: "hint-1", label: "Description, section 1a" });
    const el = editor.element;
    expect(el.classList.contains("editor-content")).toBe(true);
    expect(el.getAttribute("contenteditable")).toBe("true");
    expect(el.getAttribute("spellcheck")).toBe("true");
    expect(el.getAttribute("lang")).toBe("en-GB");
    expect(el.getAttribute("role")).toBe("textbox");
    expect(el.getAttribute("aria-multiline")).toBe("true");
    expect(el.getAttribute("aria-label")).toBe("Description, section 1a");
    expect(el.getAttribute("aria-describedby")).toBe("hint-1");
  });

  it("is read-only when asked", () => {
    const editor = mountEditor("Kept aside", { readOnly: true });
    expect(editor.element.getAttribute("contenteditable")).toBe("false");
    expect(editor.run("bold")).toBe(false);
    expect(editor.insertText("[E1]", "end")).toBe(false);
  });

  it("shows the placeholder on an empty text", () => {
    const editor = mountEditor("", { placeholder: "Write your description here…" });
    const first = editor.element.querySelector("p");
    expect(first?.getAttribute("data-placeholder")).toBe("Write your description here…");
    expect(first?.classList.contains("is-editor-empty")).toBe(true);
  });
});

describe("rich editor: formatting", () => {
  it("bolds a selected word: ** in the Markdown, <strong> on screen, no asterisks shown", () => {
    const editor = mountEditor("I ran workshops");
    selectText(editor, "ran");
    expect(editor.run("bold")).toBe(true);
    expect(editor.getMarkdown()).toBe("I **ran** workshops");
    expect(editor.element.querySelector("strong")?.textContent).toBe("ran");
    expect(editor.element.textContent).toBe("I ran workshops");
    expect(editor.isActive("bold")).toBe(true);
    editor.run("undo");
    expect(editor.getMarkdown()).toBe("I ran workshops");
    editor.run("redo");
    expect(editor.getMarkdown()).toBe("I **ran** workshops");
  });

  it("makes italics with Ctrl+I", () => {
    const editor = mountEditor("a reflective log");
    selectText(editor, "reflective");
    expect(press(editor, "Mod-i")).toBe(true);
    expect(editor.getMarkdown()).toBe("a *reflective* log");
  });

  it("cycles a paragraph through heading 2, heading 3 and back", () => {
    const editor = mountEditor("Planning");
    selectText(editor, "Plan", true);
    editor.run("heading");
    expect(editor.getMarkdown()).toBe("## Planning");
    editor.run("heading");
    expect(editor.getMarkdown()).toBe("### Planning");
    editor.run("heading");
    expect(editor.getMarkdown()).toBe("Planning");
  });

  it("makes bulleted and numbered lists and quotes", () => {
    const editor = mountEditor("One\n\nTwo");
    selectText(editor, "One", true);
    editor.run("bullets");
    expect(editor.getMarkdown()).toBe("- One\n\nTwo");
    expect(editor.isActive("bullets")).toBe(true);
    editor.run("bullets");
    editor.run("numbers");
    expect(editor.getMarkdown()).toBe("1. One\n\nTwo");
    selectText(editor, "Two", true);
    editor.run("quote");
    expect(editor.getMarkdown()).toBe("1. One\n\n> Two");
    expect(editor.isActive("quote")).toBe(true);
  });

  it("inserts a table with a header row and edits it from the cursor", () => {
    const editor = mountEditor("Before");
    cursorAfter(editor, "Before");
    editor.run("tableInsert");
    type(editor, "Tool");
    expect(editor.isActive("tableInsert")).toBe(true);
    expect(editor.getMarkdown()).toBe("Before\n\n| Tool |     |\n| ---- | --- |\n|      |     |\n|      |     |");
    editor.run("tableAddColumn");
    editor.run("tableDeleteRow");
    expect(editor.tiptap.state.doc.child(1).childCount).toBe(2);
    expect(editor.tiptap.state.doc.child(1).child(0).childCount).toBe(3);
    editor.run("tableDelete");
    expect(editor.getMarkdown()).toBe("Before");
  });

  it("makes a hard line break with Shift+Enter", () => {
    const editor = mountEditor("Pathway: CMALT");
    cursorAfter(editor, "CMALT");
    press(editor, "Shift-Enter");
    type(editor, "Role: developer");
    expect(editor.getMarkdown()).toBe("Pathway: CMALT\\\nRole: developer");
  });

  it("keeps typed Markdown characters as text", () => {
    const editor = mountEditor("");
    type(editor, "# not a heading, 4* or 5*, a_b and [x] <b>");
    expect(editor.getMarkdown()).toBe("\\# not a heading, 4\\* or 5\\*, a\\_b and \\[x\\] &lt;b&gt;");
    const numbered = mountEditor("");
    type(numbered, "2024. A year");
    expect(numbered.getMarkdown()).toBe("2024\\. A year");
  });
});

describe("rich editor: lists from the keyboard", () => {
  it("ends a list with Enter on an empty item, as Google Docs does", () => {
    const editor = mountEditor("- First");
    cursorAfter(editor, "First");
    press(editor, "Enter");
    type(editor, "Second");
    press(editor, "Enter");
    press(editor, "Enter");
    type(editor, "After the list");
    expect(editor.getMarkdown()).toBe("- First\n- Second\n\nAfter the list");
  });

  it("indents with Tab and outdents with Shift+Tab, only inside a list", () => {
    const editor = mountEditor("- One\n- Two");
    selectText(editor, "Two", true);
    expect(press(editor, "Tab")).toBe(true);
    expect(editor.getMarkdown()).toBe("- One\n  - Two");
    expect(press(editor, "Shift-Tab")).toBe(true);
    expect(editor.getMarkdown()).toBe("- One\n- Two");
    const prose = mountEditor("Just text");
    selectText(prose, "text", true);
    expect(press(prose, "Tab")).toBe(false);
  });

  it("takes an item out of the list with Backspace at its start", () => {
    const editor = mountEditor("- One\n- Two");
    selectText(editor, "Two", true);
    expect(press(editor, "Backspace")).toBe(true);
    expect(editor.getMarkdown()).toBe("- One\n\nTwo");
  });
});

describe("rich editor: citations", () => {
  it("shows [E3] as a chip and saves it back as [E3]", () => {
    const editor = mountEditor("As shown in [E3], it worked.");
    const chip = editor.element.querySelector(".evidence-chip");
    expect(chip?.getAttribute("data-evidence")).toBe("E3");
    expect(chip?.getAttribute("role")).toBe("link");
    expect(chip?.getAttribute("tabindex")).toBe("0");
    expect(chip?.textContent).toBe("E3");
    cursorAfter(editor, "worked.");
    type(editor, " Again.");
    expect(editor.getMarkdown()).toBe("As shown in [E3], it worked. Again.");
  });

  it("opens the evidence on a click or Enter on the chip", () => {
    const onCitationClick = vi.fn();
    const editor = mountEditor("See [E12].", { onCitationClick });
    const chip = editor.element.querySelector<HTMLElement>(".evidence-chip")!;
    chip.click();
    chip.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(onCitationClick.mock.calls).toEqual([["E12"], ["E12"]]);
  });

  it("inserts a citation at the cursor or the end, spaced from words, never over a selection", () => {
    const editor = mountEditor("I ran workshops");
    selectText(editor, "ran");
    editor.insertText("[E3]", "cursor");
    expect(editor.getMarkdown()).toBe("I ran [E3] workshops");
    editor.insertCitation("E4", "end");
    expect(editor.getMarkdown()).toBe("I ran [E3] workshops [E4]");
    const empty = mountEditor("");
    empty.insertText("[E1]", "end");
    expect(empty.getMarkdown()).toBe("[E1]");
    const bracket = mountEditor("(see)");
    selectText(bracket, "see", true);
    bracket.insertText("[E2]", "cursor");
    expect(bracket.getMarkdown()).toBe("([E2] see)");
  });

  it("turns a typed [E5] into a chip", () => {
    const editor = mountEditor("");
    type(editor, "As [E5] shows");
    expect(editor.element.querySelector(".evidence-chip")?.getAttribute("data-evidence")).toBe("E5");
    expect(editor.getMarkdown()).toBe("As [E5] shows");
  });

  it("keeps a chip followed by a bracket from becoming a link", () => {
    const editor = mountEditor("");
    editor.insertCitation("E2", "end");
    editor.tiptap.chain().focus("end").insertContent("(2024)").run();
    expect(editor.getMarkdown()).toBe("[E2]\\(2024)");
  });
});

describe("rich editor: links", () => {
  it("adds a link to the selection and removes it again", () => {
    const editor = mountEditor("see the guide here");
    selectText(editor, "the guide");
    expect(editor.linkAtCursor()).toEqual({ text: "the guide", href: "" });
    editor.setLink("the guide", "https://example.ac.uk/guide_(2025)");
    expect(editor.getMarkdown()).toBe("see [the guide](https://example.ac.uk/guide_(2025)) here");
    selectText(editor, "guide", true);
    expect(editor.linkAtCursor()).toEqual({ text: "the guide", href: "https://example.ac.uk/guide_(2025)" });
    editor.removeLink();
    expect(editor.getMarkdown()).toBe("see the guide here");
  });

  it("changes a link's text and address together", () => {
    const editor = mountEditor("read [this](https://a.example) now");
    selectText(editor, "this", true);
    editor.setLink("the policy", "https://b.example/policy");
    expect(editor.getMarkdown()).toBe("read [the policy](https://b.example/policy) now");
  });

  it("inserts a link with its address as text when nothing is selected", () => {
    const editor = mountEditor("Read: ");
    cursorAfter(editor, "Read: ");
    editor.setLink("", "https://example.ac.uk");
    expect(editor.getMarkdown()).toBe("Read: [https://example.ac.uk](https://example.ac.uk)");
  });
});

describe("rich editor: what is on at the cursor", () => {
  const NODE_COMMANDS = {
    heading: "heading",
    bullets: "bulletList",
    numbers: "orderedList",
    quote: "blockquote",
    tableInsert: "table",
  } as const;

  it("answers as Tiptap does at every cursor position, from the cursor's own ancestors", () => {
    const editor = mountEditor(
      "## Aims\n\nPlain text\n\n- one\n- two\n  1. nested\n\n> a quote\n> - listed\n\n| Tool | Use |\n| --- | --- |\n| Moodle | quizzes |\n\nThe end",
    );
    const { tiptap } = editor;
    let compared = 0;
    for (let pos = 0; pos <= tiptap.state.doc.content.size; pos++) {
      const $pos = tiptap.state.doc.resolve(pos);
      if (!$pos.parent.isTextblock) continue;
      tiptap.commands.setTextSelection(pos);
      for (const [command, name] of Object.entries(NODE_COMMANDS)) {
        expect(editor.isActive(command as keyof typeof NODE_COMMANDS), `${command} at ${pos}`).toBe(tiptap.isActive(name));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("knows whether there is something to undo or redo", () => {
    const editor = mountEditor("I ran workshops");
    expect([editor.can("undo"), editor.can("redo")]).toEqual([false, false]);
    cursorAfter(editor, "workshops");
    type(editor, " online");
    expect([editor.can("undo"), editor.can("redo")]).toEqual([true, false]);
    editor.run("undo");
    expect(editor.getMarkdown()).toBe("I ran workshops");
    expect([editor.can("undo"), editor.can("redo")]).toEqual([false, true]);
  });
});
