// Tests for the pure Markdown transforms behind the toolbar buttons and shortcuts.
import { describe, expect, it } from "vitest";
import {
  applyEdit,
  cycleHeading,
  type Edit,
  insertLink,
  type Selection,
  selectedLines,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleNumberedList,
  toggleQuote,
} from "./markdown-commands";

type Command = (doc: string, selection: Selection) => Edit;

/** Runs a command on text where [ and ] mark the selection (| for a cursor), and returns the result marked the same way. */
function run(command: Command, marked: string): string {
  const cursor = marked.indexOf("|");
  let doc: string;
  let selection: Selection;
  if (cursor >= 0) {
    doc = marked.replace("|", "");
    selection = { from: cursor, to: cursor };
  } else {
    const from = marked.indexOf("[");
    const to = marked.indexOf("]") - 1;
    doc = marked.slice(0, from) + marked.slice(from + 1, to + 1) + marked.slice(to + 2);
    selection = { from, to };
  }
  const edit = command(doc, selection);
  const out = applyEdit(doc, edit);
  const { from, to } = edit.selection;
  if (from === to) return out.slice(0, from) + "|" + out.slice(from);
  return out.slice(0, from) + "[" + out.slice(from, to) + "]" + out.slice(to);
}

describe("bold", () => {
  it("wraps a selection and keeps the words selected", () => {
    expect(run(toggleBold, "I [built] a course")).toBe("I **[built]** a course");
  });
  it("removes bold around a selection", () => {
    expect(run(toggleBold, "I **[built]** a course")).toBe("I [built] a course");
  });
  it("removes bold when the markers are selected too", () => {
    expect(run(toggleBold, "I [**built**] a course")).toBe("I [built] a course");
  });
  it("keeps spaces at the edges outside the markers", () => {
    expect(run(toggleBold, "I[ built ]a course")).toBe("I **[built]** a course");
  });
  it("bolds the word at the cursor", () => {
    expect(run(toggleBold, "I bu|ilt it")).toBe("I **bu|ilt** it");
  });
  it("unbolds the word at the cursor", () => {
    expect(run(toggleBold, "I **bu|ilt** it")).toBe("I bu|ilt it");
  });
  it("inserts empty markers with the cursor inside when there is no word", () => {
    expect(run(toggleBold, "Done. |")).toBe("Done. **|**");
    expect(run(toggleBold, "Done. **|**")).toBe("Done. |");
  });
});

describe("italic", () => {
  it("wraps and unwraps", () => {
    expect(run(toggleItalic, "a [word] here")).toBe("a *[word]* here");
    expect(run(toggleItalic, "a *[word]* here")).toBe("a [word] here");
  });
  it("does not mistake bold for italic", () => {
    expect(run(toggleItalic, "a **[word]** here")).toBe("a ***[word]*** here");
    expect(run(toggleItalic, "a ***[word]*** here")).toBe("a **[word]** here");
  });
  it("leaves italic alone when toggling bold on italic text", () => {
    expect(run(toggleBold, "a *[word]* here")).toBe("a ***[word]*** here");
  });
});

describe("lists", () => {
  it("bullets every non-empty line of a selection", () => {
    expect(run(toggleBulletList, "[one\ntwo\n\nthree]")).toBe("[- one\n- two\n\n- three]");
  });
  it("removes bullets when every line has one", () => {
    expect(run(toggleBulletList, "[- one\n- two]")).toBe("[one\ntwo]");
  });
  it("bullets the cursor line and moves the cursor with the text", () => {
    expect(run(toggleBulletList, "intro\nit|em\nend")).toBe("intro\n- it|em\nend");
    expect(run(toggleBulletList, "|")).toBe("- |");
  });
  it("turns a numbered list into bullets", () => {
    expect(run(toggleBulletList, "[1. one\n2. two]")).toBe("[- one\n- two]");
  });
  it("numbers lines 1, 2, 3", () => {
    expect(run(toggleNumberedList, "[alpha\nbeta\ngamma]")).toBe("[1. alpha\n2. beta\n3. gamma]");
  });
  it("turns bullets into numbers and back to plain lines", () => {
    expect(run(toggleNumberedList, "[- alpha\n- beta]")).toBe("[1. alpha\n2. beta]");
    expect(run(toggleNumberedList, "[1. alpha\n2. beta]")).toBe("[alpha\nbeta]");
  });
  it("continues the numbering of a list just above", () => {
    expect(run(toggleNumberedList, "1. first\n2. second\nthi|rd")).toBe("1. first\n2. second\n3. thi|rd");
  });
  it("does not take the next line when a selection ends at its start", () => {
    expect(run(toggleBulletList, "[one\n]two")).toBe("- [one]\ntwo");
  });
  it("finds the lines of a selection", () => {
    expect(selectedLines("a\nbc\nd", { from: 3, to: 3 })).toEqual({ start: 2, end: 4, lines: ["bc"] });
    expect(selectedLines("\nx", { from: 0, to: 0 })).toEqual({ start: 0, end: 0, lines: [""] });
  });
});

describe("heading and quote", () => {
  it("cycles none, ###, #### and back", () => {
    expect(run(cycleHeading, "My wo|rk")).toBe("### My wo|rk");
    expect(run(cycleHeading, "### My wo|rk")).toBe("#### My wo|rk");
    expect(run(cycleHeading, "#### My wo|rk")).toBe("My wo|rk");
    expect(run(cycleHeading, "# My wo|rk")).toBe("### My wo|rk");
  });
  it("quotes lines, keeping a multi-paragraph quote together, and unquotes", () => {
    expect(run(toggleQuote, "[one\n\ntwo]")).toBe("[> one\n>\n> two]");
    expect(run(toggleQuote, "[> one\n>\n> two]")).toBe("[one\n\ntwo]");
    expect(run(toggleQuote, "sa|id")).toBe("> sa|id");
  });
});

describe("link", () => {
  it("wraps selected text and selects the address to paste over", () => {
    expect(run(insertLink, "see [the guide] now")).toBe("see [the guide]([https://]) now");
  });
  it("inserts a template with the link text selected when nothing is selected", () => {
    expect(run(insertLink, "see | now")).toBe("see [[link text]](https://) now");
  });
  it("uses the word at the cursor", () => {
    expect(run(insertLink, "see gui|de now")).toBe("see [guide]([https://]) now");
  });
  it("puts a selected address in the address part", () => {
    expect(run(insertLink, "at [https://alt.ac.uk] now")).toBe("at [[link text]](https://alt.ac.uk) now");
  });
});
