// "Text not placed": the part of an imported draft that matched no section, shown read-only (but
// selectable) exactly as it was written, with Copy all, and a way to set the note aside once it is sorted.
import { api } from "../api";
import { h, isMac } from "../dom";
import { wordsText } from "../format";
import { confirmDialog, showError, showInfo } from "../shell/dialogs";
import type { Page } from "../shell/page";

export interface NotPlacedOptions {
  /** the note's text, as the backend keeps it */
  text: string;
  /** its words, counted by the core */
  words: number;
  /** the note has been set aside: hide the entry and show another page */
  onSetAside(): void;
}

export function createNotPlacedPage(options: NotPlacedOptions): Page {
  const { text } = options;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Text not placed");
  const status = h("p", { class: "not-placed-status", role: "status", "data-testid": "not-placed-status" });
  // Shown as it was written (Markdown marks and all), so what is copied pastes straight into an editor.
  const textBox = h(
    "pre",
    {
      class: "not-placed-text",
      tabindex: "0",
      "aria-label": "The text not placed, read-only",
      "data-testid": "not-placed-text",
    },
    text,
  );
  let busy = false;

  const selectText = () => {
    // Focus first: moving focus afterwards could clear the selection.
    textBox.focus();
    const selection = window.getSelection();
    if (!selection) return false;
    selection.removeAllRanges();
    selection.selectAllChildren(textBox);
    return true;
  };

  const copyAll = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied. Paste it into the section where it belongs.";
    } catch {
      const selected = selectText();
      status.textContent = selected
        ? `The text is selected: press ${isMac() ? "⌘C" : "Ctrl+C"} to copy it.`
        : "Select the text below to copy it.";
    }
  };

  const setAside = async () => {
    if (busy) return;
    busy = true;
    try {
      const sure = await confirmDialog({
        title: "Set this note aside?",
        body: h(
          "div",
          null,
          h("p", null, "Do this once you have copied what you need into your sections. The note then leaves the sidebar."),
          h("p", null, "It is not deleted: a copy is kept in your portfolio's backups."),
        ),
        confirmLabel: "Set it aside",
        cancelLabel: "Keep it here",
        testid: "not-placed-confirm-dialog",
        confirmTestid: "not-placed-confirm",
        cancelTestid: "not-placed-keep",
      });
      if (!sure) return;
      try {
        await api.setAsideNotPlaced();
      } catch (error) {
        await showError(error, "The note could not be set aside");
        return;
      }
      await showInfo("The note is set aside", "It is kept in your portfolio's backups, so nothing you wrote is thrown away.");
      options.onSetAside();
    } finally {
      busy = false;
    }
  };

  const { words } = options;
  const element = h(
    "article",
    { class: "section-page not-placed-page", "data-testid": "not-placed-page" },
    h(
      "header",
      { class: "section-header" },
      h("p", { class: "eyebrow" }, "From your imported draft"),
      heading,
      h(
        "p",
        { class: "lead" },
        "This is the text from your draft that could not be matched to a section. It is kept here exactly as you wrote it, so nothing is lost.",
      ),
    ),
    h(
      "div",
      { class: "notice not-placed-steps" },
      h("h2", { class: "small-heading" }, "What to do with it"),
      h(
        "ol",
        null,
        h("li", null, "Select a part, or use Copy all."),
        h("li", null, "Open the section where it belongs and paste it in."),
        h("li", null, "When you have moved what you need, set this note aside."),
      ),
    ),
    h(
      "div",
      { class: "not-placed-tools" },
      h("button", { type: "button", class: "button", "data-testid": "not-placed-copy", onclick: () => void copyAll() }, "Copy all"),
      h("span", { class: "hint" }, wordsText(words)),
    ),
    status,
    textBox,
    h(
      "div",
      { class: "not-placed-done" },
      h(
        "button",
        { type: "button", class: "button", "data-testid": "not-placed-done", onclick: () => void setAside() },
        "I have moved what I need: set this note aside",
      ),
      h("p", { class: "hint" }, "It is kept in your portfolio's backups, not deleted."),
    ),
  );

  return {
    element,
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
