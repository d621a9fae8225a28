// Find and replace inside one editor: highlights, moving between matches, undoable replacing.
import { describe, expect, it } from "vitest";
import { mountEditor } from "../test/rich-editor";

const highlighted = (root: HTMLElement) => Array.from(root.querySelectorAll(".find-match"), (m) => m.textContent);

describe("find in text", () => {
  it("highlights every match, case-insensitively, and marks the current one", () => {
    const editor = mountEditor("Moodle quizzes. In **moodle** the quiz bank.\n\n- MOODLE again");
    expect(editor.find("moodle")).toBe(3);
    expect(highlighted(editor.element)).toEqual(["Moodle", "moodle", "MOODLE"]);
    expect(Array.from(editor.element.querySelectorAll(".find-match.current"), (m) => m.textContent)).toEqual(["Moodle"]);
    const { from, to } = editor.tiptap.state.selection;
    expect(editor.tiptap.state.doc.textBetween(from, to)).toBe("Moodle");
  });

  it("with Match case, highlights only the matches written the same way, and stays so as the text changes", () => {
    const editor = mountEditor("Moodle quizzes. In **moodle** the quiz bank.\n\n- MOODLE again");
    expect(editor.find("Moodle", true)).toBe(1);
    expect(highlighted(editor.element)).toEqual(["Moodle"]);
    editor.insertText(" Moodle", "end");
    expect(highlighted(editor.element)).toEqual(["Moodle", "Moodle"]);
    expect(editor.replaceAll("moodle", "Moodle", true)).toBe(1);
    expect(editor.getMarkdown()).toContain("In **Moodle** the quiz bank");
  });

  it("moves to the next and previous match, wrapping round", () => {
    const editor = mountEditor("one two one two one");
    editor.find("one");
    const selected = () => editor.tiptap.state.selection.from;
    const first = selected();
    editor.findNext();
    const second = selected();
    expect(second).toBeGreaterThan(first);
    editor.findNext();
    editor.findNext();
    expect(selected()).toBe(first);
    editor.findPrevious();
    expect(selected()).toBeGreaterThan(second);
  });

  it("does not match across a citation chip or in a link's address", () => {
    const editor = mountEditor("survey [E3] results and [the report](https://survey.example/report)");
    expect(editor.find("survey results")).toBe(0);
    expect(editor.find("survey")).toBe(1);
    expect(editor.replaceAll("survey", "poll")).toBe(1);
    expect(editor.getMarkdown()).toBe("poll [E3] results and [the report](https://survey.example/report)");
  });

  it("replaces the current match as one undoable step, keeping its formatting", () => {
    const editor = mountEditor("the **VLE** and the VLE");
    editor.find("vle");
    expect(editor.replaceCurrent("Moodle")).toBe(true);
    expect(editor.getMarkdown()).toBe("the **Moodle** and the VLE");
    expect(highlighted(editor.element)).toEqual(["VLE"]);
    editor.replaceCurrent("Moodle");
    expect(editor.getMarkdown()).toBe("the **Moodle** and the Moodle");
    editor.run("undo");
    expect(editor.getMarkdown()).toBe("the **Moodle** and the VLE");
    editor.run("undo");
    expect(editor.getMarkdown()).toBe("the **VLE** and the VLE");
  });

  it("replaces all as one undoable step and clears the highlights", () => {
    const editor = mountEditor("cat, Cat and CAT");
    expect(editor.replaceAll("cat", "dog")).toBe(3);
    expect(editor.getMarkdown()).toBe("dog, dog and dog");
    editor.run("undo");
    expect(editor.getMarkdown()).toBe("cat, Cat and CAT");
    editor.find("cat");
    editor.clearFind();
    expect(highlighted(editor.element)).toEqual([]);
  });

  it("treats the query as text, not a pattern", () => {
    const editor = mountEditor("costs (in £) and costs in £");
    expect(editor.find("(in £)")).toBe(1);
    expect(editor.find("")).toBe(0);
  });
});
