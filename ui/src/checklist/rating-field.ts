// "How would you rate this section?": the candidate's own Strong / Adequate / Revisions required,
// as the assessors will judge it, with a short note. Only the candidate sees it.
import { api } from "../api";
import { h, uid } from "../dom";
import type { Autosave } from "../editor/autosave";
import type { Portfolio, Rating, SelfRating } from "../types";

/** The scale in our own words; the letters are those of the assessors' form. */
export const RATINGS: { id: Rating; letter: string; label: string; rubric: string }[] = [
  {
    id: "strong",
    letter: "S",
    label: "Strong",
    rubric: "Clear, well evidenced and reflective: it shows what you did, proves it, and says what you learned.",
  },
  {
    id: "adequate",
    letter: "A",
    label: "Adequate",
    rubric: "Meets the standard, with room to improve: perhaps a deeper reflection or sharper evidence.",
  },
  {
    id: "revisions_required",
    letter: "R",
    label: "Revisions required",
    rubric: "Something essential is still missing, for example the reflection or the evidence.",
  },
];

export interface RatingFieldOptions {
  autosave: Autosave;
  portfolio: Portfolio;
  sectionId: string;
}

export interface RatingField {
  element: HTMLElement;
  focus(): void;
}

export function createRatingField(options: RatingFieldOptions): RatingField {
  const { portfolio, sectionId } = options;
  const current = (): SelfRating => portfolio.self_assessment[sectionId] ?? { rating: null, note: "" };
  const name = uid("rating");

  const save = (next: SelfRating) => {
    const cleared = next.rating === null && next.note.trim() === "";
    if (cleared) delete portfolio.self_assessment[sectionId];
    else portfolio.self_assessment[sectionId] = next;
    const snapshot = cleared ? null : { ...next };
    options.autosave.queue(`rating:${sectionId}`, () => api.saveSelfRating(sectionId, snapshot));
  };

  const radios = RATINGS.map((rating) => {
    const id = uid(`rating-${rating.id}`);
    const rubricId = uid("rubric");
    const radio = h("input", {
      type: "radio",
      name,
      id,
      value: rating.id,
      "data-testid": `rating-${rating.id}`,
      "aria-describedby": rubricId,
      checked: current().rating === rating.id,
      onchange: () => {
        if (radio.checked) {
          save({ ...current(), rating: rating.id });
          clear.hidden = false;
        }
      },
    });
    return {
      radio,
      row: h(
        "div",
        { class: `rating-choice rating-${rating.id}` },
        radio,
        h(
          "label",
          { for: id },
          h("span", { class: "rating-label" }, h("span", { class: "rating-letter", "aria-hidden": "true" }, rating.letter), rating.label),
          h("span", { class: "rating-rubric", id: rubricId }, rating.rubric),
        ),
      ),
    };
  });

  const clear = h(
    "button",
    {
      type: "button",
      class: "button quiet small",
      "data-testid": "rating-clear",
      hidden: current().rating === null,
      onclick: () => {
        for (const r of radios) r.radio.checked = false;
        save({ ...current(), rating: null });
        clear.hidden = true;
        radios[0].radio.focus();
      },
    },
    "Clear my rating",
  );

  const noteId = uid("rating-note");
  const note = h("textarea", {
    id: noteId,
    class: "text-input rating-note",
    "data-testid": "rating-note",
    rows: "2",
    spellcheck: "true",
    placeholder: "For example: add a sentence on the impact on learners",
    value: current().note,
    oninput: () => save({ ...current(), note: note.value }),
  });

  const element = h(
    "fieldset",
    { class: "rating-field", "data-testid": "rating-field" },
    h("legend", null, "How would you rate this section?"),
    h("p", { class: "hint" }, "Look at it as an assessor would. This is for you alone: it helps you see where to spend your time."),
    h(
      "div",
      { class: "rating-choices" },
      radios.map((r) => r.row),
    ),
    clear,
    h("div", { class: "form-row rating-note-row" }, h("label", { for: noteId }, "A note to yourself (optional)"), note),
  );

  return {
    element,
    focus() {
      element.scrollIntoView?.({ block: "center" });
      (radios.find((r) => r.radio.checked) ?? radios[0]).radio.focus();
    },
  };
}
