// Beside a section: what reviewers said about it, from every review brought back, with the
// comments to reply to or resolve and the suggestions to accept or reject. Shown only when there
// is something; an accepted suggestion changes the text, so the page is drawn again with it.

import { h, replaceChildren } from "../dom";
import type { PageContext } from "../shell/page";
import { commentView, itemsFor, partName, type ReviewActions, suggestionView } from "./review-items";

export function createSectionReviews(ctx: PageContext, section: string): { element: HTMLElement } {
  const error = h("p", { class: "form-error", role: "alert", hidden: true, "data-testid": "review-error" });
  const body = h("div", { class: "review-body" });
  const element = h(
    "section",
    { class: "section-reviews", "data-testid": "section-reviews", "aria-label": "From your reviewers" },
    h("h2", { class: "section-reviews-title" }, "From your reviewers"),
    error,
    body,
  );

  const actions: ReviewActions = {
    flush: () => ctx.autosave.flush().catch(() => undefined),
    changed(opened, textChanged) {
      error.hidden = true;
      ctx.applyOpened(opened);
      // The editors hold the text as it was: draw the section again from the new one.
      if (textChanged) ctx.open({ kind: "section", id: section });
      else render();
    },
    failed(message) {
      error.textContent = message;
      error.hidden = false;
    },
  };

  function render(): void {
    const opened = ctx.store.session();
    const reviews = opened?.portfolio.mentor_reviews ?? [];
    const words = opened?.review_words ?? { suggestions: [], comments: [] };
    const found = itemsFor(reviews, section);
    element.hidden = found.length === 0;
    replaceChildren(
      body,
      found.map(({ review, comments, suggestions }) => {
        const parts = [...new Set([...comments.map((c) => c.part), ...suggestions.map((s) => s.part)])];
        return h(
          "div",
          { class: "review-group", "data-review": review.id },
          h("h3", { class: "review-who" }, review.reviewer.trim() || "Your reviewer"),
          parts.map((part) =>
            h(
              "div",
              { class: "review-part" },
              h("h4", null, partName(part)),
              h(
                "ul",
                { class: "review-list" },
                comments.filter((c) => c.part === part).map((c) => commentView(review, c, words, actions)),
                suggestions.filter((s) => s.part === part).map((s) => suggestionView(review, s, words, actions)),
              ),
            ),
          ),
        );
      }),
    );
  }
  render();
  return { element };
}
