// A section written as prose: description + reflection (assessed, specialist, advanced) or one statement.

import { api } from "../api";
import { createRatingField, type RatingField } from "../checklist/rating-field";
import { h, replaceChildren } from "../dom";
import { attachPastedImages } from "../evidence/attach-flow";
import { createEvidencePanel, type EvidencePanel } from "../evidence/evidence-panel";
import { groupHeading, pathwayName, rangeText, wordsText } from "../format";
import { icon } from "../icons";
import { createSectionReviews } from "../reviews/section-reviews";
import { guidanceFor, listedSectionWords } from "../shell/framework-view";
import { type Page, type PageContext, previewPreference, setPreviewPreference } from "../shell/page";
import { entryOf } from "../state";
import type { OutlineEntry } from "../types";
import { feedbackPanel, openReferral, outcomeName, previousAwardText } from "../versions/assessment-view";
import { guidanceBlock, labelledInput, promptsBlock, sectionHeader } from "./guidance-view";
import { createPrinciplesField, type PrinciplesField } from "./principles-field";
import { createReferencesField, type ReferencesField } from "./references-field";
import { createWritingField, type WritingField, type WritingFieldName } from "./writing-field";

export function createWritingPage(ctx: PageContext, entry: OutlineEntry, keptAside: boolean): Page {
  const { framework } = ctx.store;
  const session = ctx.store.session()!;
  const section = entryOf(session.portfolio, entry.id);
  const guidance = guidanceFor(framework, entry.id, entry.kind);
  const twoParts = entry.two_parts;
  // A statement with a range asked for (future plans) shows where its count stands.
  const range = listedSectionWords(framework, entry.id);
  const readOnly = keptAside;
  const group = framework.groups.find((g) => g.id === entry.group);

  const save = (field: WritingFieldName | "topic", text: string | (() => string)) => {
    if (typeof text === "string") {
      section[field] = text;
      ctx.autosave.changeSection(entry.id, field, text);
      return;
    }
    // The editor's Markdown is written out when the save runs, and kept here then.
    ctx.autosave.changeSection(entry.id, field, () => {
      section[field] = text();
      return section[field];
    });
  };

  // ---- topic (3a/3b legislation or policy, specialist and advanced area topics) ----
  let topicRow: HTMLElement | null = null;
  if (guidance.topic) {
    const listId = `topic-examples-${entry.id}`;
    const input = h("input", {
      type: "text",
      class: "text-input",
      "data-testid": "topic",
      list: guidance.topic.examples.length > 0 ? listId : undefined,
      autocomplete: "off",
      spellcheck: "true",
      readOnly,
      value: section.topic,
      oninput: () => save("topic", input.value),
    });
    topicRow = labelledInput(
      guidance.topic.label,
      input,
      guidance.topic.hint,
      guidance.topic.examples.length > 0
        ? h(
            "datalist",
            { id: listId },
            guidance.topic.examples.map((example) => h("option", { value: example })),
          )
        : null,
    );
    topicRow.classList.add("topic-row");
  }

  // ---- word counts ----
  const counts: Record<WritingFieldName, number> = { description: 0, reflection: 0 };
  const total = h("p", { class: "words-total", "data-testid": "words-total" });
  const statementGuide = h("span", { class: "words-guide" });
  // The note comes from the core, which judges length for the checklist too; a reply that
  // arrives after a newer count is dropped.
  let asked = 0;
  const updateCounts = () => {
    const ask = ++asked;
    const description = counts.description;
    const reflection = twoParts ? counts.reflection : 0;
    api
      .wordsNote(entry.id, description, reflection)
      .then((note) => {
        if (ask !== asked || !note) return;
        if (!note.required) {
          replaceChildren(
            total,
            h("strong", null, wordsText(note.total)),
            " in total",
            ` · guide ${rangeText(note.range)} for ${framework.parts.description.label.toLowerCase()} and ${framework.parts.reflection.label.toLowerCase()} together`,
            note.text ? h("span", { class: "gentle-note" }, note.text) : null,
          );
        } else {
          statementGuide.className = note.within ? "words-guide within" : "words-guide";
          statementGuide.textContent = ` · ${note.text}`;
        }
      })
      .catch(() => undefined);
  };

  // ---- editors ----
  let previewVisible = previewPreference();
  const fields: WritingField[] = [];
  // Where a citation goes: the editor used last, at its cursor; else the end of the description.
  let lastUsed: WritingField | null = null;
  let panel: EvidencePanel | null = null;
  const makeField = (field: WritingFieldName) => {
    const part = framework.parts[field];
    const statement = !twoParts;
    const writing = createWritingField({
      field,
      label: statement ? "Your text" : part.label,
      hint: statement ? "" : part.hint,
      placeholder: statement ? "Start writing here…" : `Write your ${part.label.toLowerCase()} here…`,
      sectionName: entry.number ? `section ${entry.number}` : entry.title,
      text: section[field],
      readOnly,
      previewVisible,
      wordsExtra: statement && range ? statementGuide : undefined,
      onText: readOnly ? undefined : (text) => save(field, text),
      onWords: (words) => {
        counts[field] = words;
        updateCounts();
      },
      onCite: twoParts && !readOnly ? () => void panel?.openPicker() : undefined,
      onEvidenceRef: (id) => ctx.evidence.openLibrary(id),
      // A pasted picture becomes evidence (under the same 1 MB rule) cited where it was pasted.
      onPasteImages: twoParts && !readOnly ? (files) => void attachPastedImages(ctx.evidence, entry.id, files, writing) : undefined,
    });
    writing.element.addEventListener("focusin", () => (lastUsed = writing));
    fields.push(writing);
    return writing.element;
  };
  const editors = twoParts ? [makeField("description"), makeField("reflection")] : [makeField("description")];

  const previewToggle = h(
    "button",
    {
      type: "button",
      class: "button quiet preview-toggle",
      "aria-pressed": String(previewVisible),
      onclick: () =>
        keepInPlace(previewToggle, () => {
          previewVisible = !previewVisible;
          setPreviewPreference(previewVisible);
          previewToggle.setAttribute("aria-pressed", String(previewVisible));
          previewLabel.textContent = previewVisible ? "Hide preview" : "Show preview";
          for (const field of fields) field.setPreviewVisible(previewVisible);
        }),
    },
    icon("eye"),
  );
  const previewLabel = h("span", null, previewVisible ? "Hide preview" : "Show preview");
  previewToggle.appendChild(previewLabel);

  // Focus mode: the guidance and the sidebar step aside, leaving the writing.
  let focusing = focusPreference();
  const focusToggle = h(
    "button",
    {
      type: "button",
      class: "button quiet focus-toggle",
      "data-testid": "focus-toggle",
      "aria-pressed": String(focusing),
      onclick: () =>
        keepInPlace(focusToggle, () => {
          focusing = !focusing;
          setFocusPreference(focusing);
          showFocus();
        }),
    },
    icon("eye"),
    "Focus on writing",
  );
  const showFocus = () => {
    focusToggle.setAttribute("aria-pressed", String(focusing));
    document.body.classList.toggle("focus-writing", focusing && !readOnly);
  };

  if (twoParts) {
    panel = createEvidencePanel({
      evidence: ctx.evidence,
      autosave: ctx.autosave,
      part: framework.parts.evidence,
      sectionId: entry.id,
      sectionName: entry.number ? `section ${entry.number}` : entry.title,
      section,
      readOnly,
      insertCitation: (token) => {
        if (lastUsed) lastUsed.insertText(token, "cursor");
        else fields[0]?.insertText(token, "end");
      },
    });
  }
  // ---- references: works drawn on, apart from the evidence (two-part sections only) ----
  const references: ReferencesField | null = twoParts
    ? createReferencesField({
        autosave: ctx.autosave,
        part: framework.parts.references,
        sectionId: entry.id,
        sectionName: entry.number ? `section ${entry.number}` : entry.title,
        section,
        readOnly,
      })
    : null;

  // After any evidence change: the list again, and previews so `[E3]` links once E3 exists.
  const stopEvidence = ctx.evidence.onChange(() => {
    panel?.render();
    for (const field of fields) field.refreshPreview();
  });

  // ---- checking the section: the principles it shows and the candidate's own rating ----
  let principles: PrinciplesField | null = null;
  let rating: RatingField | null = null;
  if (twoParts && !readOnly) {
    principles = createPrinciplesField({ framework, autosave: ctx.autosave, sectionId: entry.id, section });
    rating = createRatingField({ autosave: ctx.autosave, portfolio: session.portfolio, sectionId: entry.id });
  }
  const checking =
    principles && rating
      ? h("section", { class: "section-checking", "aria-label": "Checking this section" }, principles.element, rating.element)
      : null;

  const keptNote = keptAside
    ? h(
        "p",
        { class: "notice" },
        `This section is not part of the ${pathwayName(framework, session.portfolio.pathway)} pathway, so it is shown read-only. `,
        "Your text is kept, and the section comes back if you switch to a pathway that includes it.",
      )
    : null;

  const removeButton =
    entry.removable && !keptAside
      ? h(
          "div",
          { class: "danger-zone" },
          h(
            "button",
            { type: "button", class: "button danger-quiet", "data-testid": "remove-area", onclick: () => ctx.removeArea(entry) },
            "Remove this area",
          ),
        )
      : null;

  // ---- after an assessment: the assessors' words on this section, or where the R sections are ----
  const feedback = keptAside ? null : feedbackPanel(framework, session.portfolio, entry.id);
  const referral = keptAside || feedback ? null : openReferral(framework, session.portfolio);
  const referralNote = referral
    ? h(
        "p",
        { class: "referral-note", "data-testid": "referral-note" },
        `Your portfolio was referred (${outcomeName(framework, referral.assessment.outcome)}).`,
        referral.toRevise.length > 0 ? ` Sections to revise: ${referral.toRevise.join(", ")}. ` : " ",
        h("button", { type: "button", class: "link-button", onclick: () => ctx.open({ kind: "versions" }) }, "See the outcome"),
      )
    : null;
  const awardText = entry.id === "context" && !readOnly ? previousAwardText(framework, session.portfolio.previous_award) : null;
  const awardNote = awardText ? h("p", { class: "award-note", "data-testid": "previous-award-note" }, awardText) : null;

  const heading = sectionHeader(entry, group ? groupHeading(framework, group) : null);
  const element = h(
    "article",
    { class: `section-page kind-${entry.kind}`, "data-section": entry.id },
    heading,
    keptNote,
    feedback,
    referralNote,
    readOnly ? null : h("div", { class: "writing-guidance" }, guidanceBlock(guidance)),
    awardNote,
    readOnly ? null : h("div", { class: "writing-guidance" }, promptsBlock(framework, guidance, twoParts, entry.status === "empty")),
    topicRow,
    h("div", { class: "page-tools" }, readOnly ? null : focusToggle, previewToggle),
    editors,
    twoParts ? total : null,
    readOnly ? null : createSectionReviews(ctx, entry.id).element,
    panel?.element,
    references?.element,
    checking,
    removeButton,
  );
  updateCounts();
  showFocus();

  return {
    element,
    focus: () => heading.querySelector<HTMLElement>("h1")?.focus(),
    focusField(field) {
      const editor = fields.find((f) => f.element.classList.contains(`field-${field}`));
      if (editor) {
        editor.element.scrollIntoView?.({ block: "center" });
        editor.editor.focus();
        return true;
      }
      if (field === "topic" && topicRow) {
        topicRow.querySelector<HTMLInputElement>("input")?.focus();
        return true;
      }
      if (field === "evidence" && panel) {
        const target = panel.element.querySelector<HTMLElement>("h2");
        target?.scrollIntoView?.({ block: "start" });
        target?.focus();
        return !!target;
      }
      if (field === "references" && references) return references.focus();
      if (field === "principles" && principles) {
        principles.focus();
        return true;
      }
      if (field === "rating" && rating) {
        rating.focus();
        return true;
      }
      return false;
    },
    showFind(query, matchCase, part) {
      // Every editor highlights its matches; the part the result named shows its first one.
      let shown = false;
      for (const field of fields) {
        const count = field.editor.find(query, matchCase);
        if (!shown && count > 0 && field.element.classList.contains(`field-${part}`)) {
          field.element.scrollIntoView?.({ block: "center" });
          shown = field.editor.findNext();
        }
      }
      if (!shown && (part === "topic" || part === "references")) this.focusField?.(part);
    },
    clearFind() {
      for (const field of fields) field.editor.clearFind();
    },
    destroy: () => {
      stopEvidence();
      document.body.classList.remove("focus-writing");
      for (const field of fields) field.destroy();
    },
  };
}

/** Runs a change of layout with `anchor` kept where it was on screen, so the page does not jump. */
function keepInPlace(anchor: HTMLElement, change: () => void): void {
  const before = anchor.getBoundingClientRect().top;
  change();
  const pane = anchor.closest<HTMLElement>(".page");
  if (pane) pane.scrollTop += anchor.getBoundingClientRect().top - before;
}

function focusPreference(): boolean {
  try {
    return localStorage.getItem("cmalt.focus-writing") === "true";
  } catch {
    return false;
  }
}

function setFocusPreference(on: boolean): void {
  try {
    localStorage.setItem("cmalt.focus-writing", String(on));
  } catch {
    // not remembered; harmless
  }
}
