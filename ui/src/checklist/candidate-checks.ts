// The candidate's own checks before submitting: five tick boxes only they can give, saved as they tick.
import { api } from "../api";
import { h, uid } from "../dom";
import type { PageContext } from "../shell/page";
import type { CandidateConfirmations } from "../types";

type Field = keyof CandidateConfirmations;

/** In our words, after the scheme's own submission checklist. */
export const CHECK_LABELS: [Field, string][] = [
  ["described_clearly", "I described my examples clearly and concisely"],
  ["reflected", "I reflected on my work in each section"],
  ["evidence_recent_and_succinct", "My evidence is recent, relevant and succinct"],
  ["principles_addressed", "The four core principles run through my portfolio"],
  ["proofread", "I have proofread my portfolio"],
];

export interface CandidateChecks {
  element: HTMLElement;
  /** Focus the first box not ticked yet (or the first box). */
  focus(): void;
}

export function createCandidateChecks(ctx: PageContext): CandidateChecks {
  const portfolio = ctx.store.session()!.portfolio;
  const ticks = portfolio.confirmations;
  const headingId = uid("checks");
  const count = h("p", { class: "hint checks-count", "aria-live": "polite" });

  const showCount = () => {
    const done = CHECK_LABELS.filter(([field]) => ticks[field]).length;
    count.textContent =
      done === CHECK_LABELS.length ? "All five ticked. Thank you for checking." : `${done} of ${CHECK_LABELS.length} ticked.`;
  };

  const save = () => {
    const snapshot: CandidateConfirmations = { ...ticks };
    ctx.autosave.queue("confirmations", () => api.saveConfirmations(snapshot));
  };

  const boxes = CHECK_LABELS.map(([field, label]) => {
    const id = uid(`confirm-${field}`);
    const box = h("input", {
      type: "checkbox",
      id,
      "data-testid": `confirm-${field}`,
      checked: ticks[field],
      onchange: () => {
        ticks[field] = box.checked;
        showCount();
        save();
      },
    });
    return { box, row: h("div", { class: "check-row" }, box, h("label", { for: id }, label)) };
  });

  const element = h(
    "section",
    { class: "candidate-checks", "aria-labelledby": headingId, "data-testid": "candidate-checks" },
    h("h2", { id: headingId }, "Your own checks"),
    h("p", { class: "hint" }, "Only you can tick these. Read your portfolio through once more, then tick each one that is true."),
    h(
      "fieldset",
      { class: "plain-fieldset checks-fieldset" },
      h("legend", { class: "visually-hidden" }, "Your own checks"),
      boxes.map((b) => b.row),
    ),
    count,
  );
  showCount();

  return {
    element,
    focus() {
      const target = boxes.find((b) => !b.box.checked) ?? boxes[0];
      target.box.scrollIntoView?.({ block: "center" });
      target.box.focus();
    },
  };
}
