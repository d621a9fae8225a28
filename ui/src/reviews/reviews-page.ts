// "Reviews": ask a mentor or colleague to read the portfolio (a Word copy to send, with a
// snapshot of what was sent), bring their comments and suggestions back from the file they return,
// and see every review with what is still open, each section a link to where its items are.

import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { longDate } from "../format";
import { entryLabel, findEntry } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { Decision, MentorReview, ReviewSummary } from "../types";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 of 3 comments open · 4 of 6 suggestions to decide" for one review. */
function openText(summary: ReviewSummary): string {
  if (!summary.returned) return "Not back yet: when your reviewer returns the file, bring it back here.";
  const parts = [
    `${summary.comments_open} of ${plural(summary.comments, "comment", "comments")} open`,
    `${summary.suggestions_open} of ${plural(summary.suggestions, "suggestion", "suggestions")} to decide`,
  ];
  if (summary.suggestions_no_longer_applying > 0) parts.push(`${summary.suggestions_no_longer_applying} no longer apply`);
  return parts.join(" · ");
}

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
          show(
            `The review copy is saved as ${sent.sent.file}. Send it to ${sent.sent.review.reviewer || "your reviewer"}; a snapshot of what you sent is kept in Versions.`,
          );
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
          const { report } = brought;
          show(
            report.already_imported
              ? `${report.file_name} was brought back before: nothing new in it.`
              : `From ${report.reviewer || "your reviewer"}: ${plural(report.new_comments, "comment", "comments")} and ${plural(report.new_suggestions, "suggestion", "suggestions")}, each beside its section. Your words are unchanged until you accept a suggestion.${report.notes.length ? ` ${report.notes.join(" ")}` : ""}`,
          );
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
      const stale = decided.decisions.filter((d) => d.status === "no_longer_applies").length;
      show(
        `${decision === "accept" ? "Accepted" : "Rejected"} ${plural(decided.decisions.length - stale, "suggestion", "suggestions")}.${stale ? ` ${plural(stale, "suggestion no longer applies", "suggestions no longer apply")}: the words have changed since the copy was sent.` : ""}`,
      );
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
            h("h2", null, `${summary.reviewer.trim() || "A reviewer"}, sent ${longDate(summary.sent_on)}`),
            h("p", { class: "muted", "data-testid": "review-open" }, openText(summary)),
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
