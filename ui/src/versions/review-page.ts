// The review of practice: the future plans as they were when the review started (read-only), what
// came of them, and plans for the next years, saved as typed; then marked done.
import { api, messageOf } from "../api";
import { h, paragraphs, replaceChildren, uid } from "../dom";
import { longDate, todayIso } from "../format";
import type { Page, PageContext } from "../shell/page";
import type { PracticeReview } from "../types";

/** The review under way: the last one, not yet done. */
export function openReview(reviews: PracticeReview[] | undefined): PracticeReview | null {
  const last = reviews?.[reviews.length - 1];
  return last && !last.completed_on ? last : null;
}

export function createReviewPage(ctx: PageContext): Page {
  const { framework } = ctx.store;
  const session = ctx.store.session()!;
  const review = openReview(session.portfolio.reviews);
  const years = framework.review_every_years ?? 3;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Review of practice");
  let destroyed = false;

  const back = h(
    "p",
    { class: "back-row" },
    h(
      "button",
      { type: "button", class: "link-button", "data-testid": "back-to-versions", onclick: () => ctx.open({ kind: "versions" }) },
      "← Back to Versions",
    ),
  );

  if (!review) {
    const element = h(
      "article",
      { class: "section-page review-page", "data-testid": "review-page" },
      back,
      h("header", { class: "section-header" }, heading),
      h("p", null, "There is no review under way. Start one from the Versions page once you are accredited."),
    );
    return { element, focus: () => heading.focus(), destroy: () => undefined };
  }

  // ---- the plans as they were ----
  const plans = h("div", { class: "prose plans-reviewed", "data-testid": "plans-reviewed" });
  if (!review.plans_reviewed.trim()) {
    replaceChildren(plans, h("p", { class: "muted" }, "Your future plans were empty when the review started."));
  } else {
    replaceChildren(plans, paragraphs(review.plans_reviewed));
    void api
      .previewMarkdown(review.plans_reviewed)
      .then((preview) => {
        // Rendered and sanitised by the core, as the editor's preview is.
        if (!destroyed && preview.html.trim()) plans.innerHTML = preview.html;
      })
      .catch(() => undefined);
  }

  // ---- the two texts, saved as typed ----
  const save = () => {
    const patch = { what_happened: review.what_happened, next_plans: review.next_plans };
    ctx.autosave.queue("review", () => api.saveReview(patch));
  };
  const area = (testid: string, label: string, prompts: string[], value: string, onValue: (text: string) => void) => {
    const id = uid("review");
    const promptsId = uid("prompts");
    const textarea = h("textarea", {
      id,
      class: "text-input review-text",
      rows: "9",
      spellcheck: "true",
      "data-testid": testid,
      "aria-describedby": prompts.length > 0 ? promptsId : undefined,
      value,
      oninput: () => {
        onValue(textarea.value);
        save();
      },
    });
    return h(
      "div",
      { class: "form-row review-row" },
      h("label", { for: id, class: "review-label" }, label),
      prompts.length > 0
        ? h(
            "ul",
            { id: promptsId, class: "hint review-prompts" },
            prompts.map((p) => h("li", null, p)),
          )
        : null,
      textarea,
    );
  };

  const doneError = h("p", { class: "form-error", role: "alert" });
  const done = h(
    "button",
    {
      type: "button",
      class: "button primary",
      "data-testid": "review-done",
      onclick: async () => {
        done.disabled = true;
        replaceChildren(doneError);
        try {
          await ctx.autosave.flush();
          await api.saveReview({ completed_on: todayIso() });
          const opened = await api.current();
          if (opened) ctx.applyOpened(opened);
          ctx.open({ kind: "versions", note: "The review is done. The next one is counted from today." });
        } catch (error) {
          if (destroyed) return;
          doneError.textContent = messageOf(error);
          done.disabled = false;
        }
      },
    },
    "Mark the review done",
  );

  const element = h(
    "article",
    { class: "section-page review-page", "data-testid": "review-page" },
    back,
    h(
      "header",
      { class: "section-header" },
      heading,
      h(
        "p",
        { class: "lead" },
        `Started ${longDate(review.started_on)}. Every ${years} years you look back at your plans and set new ones.`,
      ),
    ),
    h("div", { class: "guidance prose" }, paragraphs(framework.review?.guidance ?? "")),
    h("section", { class: "plans-then", "aria-labelledby": "plans-then" }, h("h2", { id: "plans-then" }, "Your plans as they were"), plans),
    area(
      "review-what-happened",
      "What came of these plans",
      framework.review?.what_happened_prompts ?? [],
      review.what_happened,
      (text) => (review.what_happened = text),
    ),
    area(
      "review-next-plans",
      `Your plans for the next ${years} years`,
      framework.review?.next_plans_prompts ?? [],
      review.next_plans,
      (text) => (review.next_plans = text),
    ),
    h(
      "div",
      { class: "review-done-row" },
      done,
      h(
        "p",
        { class: "hint" },
        `Your words are saved as you type. Mark the review done when you have finished; the next one is then due in ${years} years.`,
      ),
      doneError,
    ),
  );
  return {
    element,
    focus: () => heading.focus(),
    destroy: () => {
      destroyed = true;
    },
  };
}
