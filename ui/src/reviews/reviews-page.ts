// "Reviews": ask a mentor or colleague to read the portfolio (a Word copy to send, with a
// snapshot of what was sent), bring their comments and suggestions back from the file they return,
// and see every review with what is still open, each section a link to where its items are.

import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { entryLabel, findEntry } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { Decision, MentorReview, ReviewSummary } from "../types";

export function createReviewsPage(ctx: PageContext): Page {
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Reviews");
  const note = h("p", { class: "notice", role: "status", "data-testid": "reviews-note", hidden: true });
  const error = h("p", { class: "form-error", role: "alert", "data-testid": "reviews-error", hidden: true });
  const list = h("div", { class: "reviews-list", "data-testid": "reviews-list" });
  let destroyed = false;

  const show = (message: string) => {
    error.hidden = true;
    note.textContent = message;
    note.hidden = false;
  };
  const fail = (message: string) => {
    error.textContent = message;
    error.hidden = false;
  };

  const reviewerId = uid("reviewer");
  const reviewer = h("input", {
    id: reviewerId,
    type: "text",
    class: "text-input",
    autocomplete: "name",
    "data-testid": "reviewer-name",
  }) as HTMLInputElement;
  const send = h(
    "button",
    {
      type: "button",
      class: "button primary",
      "data-testid": "send-for-review",
      onclick: async () => {
        send.disabled = true;
        await ctx.autosave.flush().catch(() => undefined);
        try {
          const sent = await api.sendForReview(reviewer.value);
          if (!sent || destroyed) return;
          ctx.applyOpened(sent.opened);
          show(sent.sent.notice);
          await render();
        } catch (problem) {
          fail(messageOf(problem));
        } finally {
          send.disabled = false;
        }
      },
    },
    "Ask for a review…",
  );
  const bring = h(
    "button",
    {
      type: "button",
      class: "button",
      "data-testid": "bring-review-back",
      onclick: async () => {
        bring.disabled = true;
        await ctx.autosave.flush().catch(() => undefined);
        try {
          const brought = await api.bringReviewBack();
          if (!brought || destroyed) return;
          ctx.applyOpened(brought.opened);
          show(brought.report.notice);
          await render();
        } catch (problem) {
          fail(messageOf(problem));
        } finally {
          bring.disabled = false;
        }
      },
    },
    "Bring a review back…",
  );

  const decideAll = async (review: MentorReview, decision: Decision) => {
    await ctx.autosave.flush().catch(() => undefined);
    try {
      const decided = await api.decideSuggestions(review.id, null, decision);
      if (destroyed) return;
      ctx.applyOpened(decided.opened);
      show(decided.notice);
      await render();
    } catch (problem) {
      fail(messageOf(problem));
    }
  };

  /** The sections a review has items about, each a link to it. */
  const sectionLinks = (review: MentorReview) => {
    const outline = ctx.store.session()?.outline ?? null;
    const ids = [...new Set([...review.comments, ...review.suggestions].map((item) => item.section).filter((id): id is string => !!id))];
    if (ids.length === 0) return null;
    return h(
      "ul",
      { class: "review-sections" },
      ids.map((id) => {
        const entry = outline ? findEntry(outline, id)?.entry : null;
        return h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "link-button",
              "data-testid": "review-section-link",
              onclick: () => ctx.open({ kind: "section", id }),
            },
            entry ? entryLabel(entry) : id,
          ),
        );
      }),
    );
  };

  async function render(): Promise<void> {
    let summaries: ReviewSummary[];
    try {
      summaries = await api.mentorReviews();
    } catch (problem) {
      fail(messageOf(problem));
      return;
    }
    if (destroyed) return;
    const reviews = ctx.store.session()?.portfolio.mentor_reviews ?? [];
    if (summaries.length === 0) {
      replaceChildren(list, h("p", { class: "muted", "data-testid": "no-reviews" }, "No review asked for yet."));
      return;
    }
    replaceChildren(
      list,
      h(
        "ul",
        { class: "reviews" },
        [...summaries].reverse().map((summary) => {
          const review = reviews.find((r) => r.id === summary.review_id);
          return h(
            "li",
            { class: "review-card", "data-testid": "review-card", "data-review": summary.review_id },
            h("h2", null, summary.heading),
            h("p", { class: "muted", "data-testid": "review-open" }, summary.progress),
            review ? sectionLinks(review) : null,
            review && summary.suggestions_open > 0
              ? h(
                  "div",
                  { class: "review-actions" },
                  h(
                    "button",
                    { type: "button", class: "button small", "data-testid": "accept-all", onclick: () => void decideAll(review, "accept") },
                    "Accept all suggestions",
                  ),
                  h(
                    "button",
                    {
                      type: "button",
                      class: "button small quiet",
                      "data-testid": "reject-all",
                      onclick: () => void decideAll(review, "reject"),
                    },
                    "Reject all",
                  ),
                )
              : null,
          );
        }),
      ),
    );
  }

  const element = h(
    "article",
    { class: "section-page reviews-page", "data-testid": "reviews-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h(
        "p",
        { class: "lead" },
        "A second reader is the surest way to catch a thin reflection. Send a Word copy to your mentor or a colleague: they comment and suggest changes in Word, LibreOffice or Google Docs, with track changes on, and send it back.",
      ),
    ),
    h(
      "section",
      { class: "reviews-ask" },
      h("label", { for: reviewerId }, "Who will read it?"),
      reviewer,
      h("div", { class: "review-actions" }, send, bring),
    ),
    note,
    error,
    list,
  );
  void render();
  return {
    element,
    focus: () => heading.focus(),
    destroy() {
      destroyed = true;
    },
  };
}
