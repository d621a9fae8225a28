// A reviewer's comment and suggestion as the window shows them, with what the candidate can do:
// reply to a comment or resolve it; accept or reject a suggestion. Used beside each section and on
// the Reviews page. The core applies every change and answers with the portfolio as it now is.

import { api, messageOf } from "../api";
import { h, uid } from "../dom";
import type {
  CommentWords,
  Decision,
  MentorReview,
  OpenedPortfolio,
  ReviewComment,
  ReviewPart,
  ReviewWords,
  Suggestion,
  SuggestionWords,
} from "../types";

/** What the items need from the page: take the portfolio the core sent back, and say what failed. */
export interface ReviewActions {
  /** Writes what is still being typed first: the core judges a suggestion against the saved text. */
  flush(): Promise<void>;
  changed(opened: OpenedPortfolio, textChanged: boolean): void;
  failed(message: string): void;
}

const PART_NAMES: Record<ReviewPart, string> = {
  topic: "Topic",
  description: "Description",
  reflection: "Reflection",
  evidence: "Evidence",
  references: "References",
};

export function partName(part: ReviewPart | null): string {
  return part ? PART_NAMES[part] : "The whole portfolio";
}

/** The core's words for a comment and its replies. */
function commentWordsOf(words: ReviewWords, review: MentorReview, comment: ReviewComment): CommentWords | undefined {
  return words.comments.find((w) => w.review_id === review.id && w.comment_id === comment.id);
}

/** The core's words for a suggestion. */
function suggestionWordsOf(words: ReviewWords, review: MentorReview, suggestion: Suggestion): SuggestionWords | undefined {
  return words.suggestions.find((w) => w.review_id === review.id && w.suggestion_id === suggestion.id);
}

async function run(actions: ReviewActions, textChanged: boolean, action: () => Promise<OpenedPortfolio>): Promise<void> {
  await actions.flush();
  try {
    actions.changed(await action(), textChanged);
  } catch (error) {
    actions.failed(messageOf(error));
  }
}

export function commentView(review: MentorReview, comment: ReviewComment, words: ReviewWords, actions: ReviewActions): HTMLElement {
  const worded = commentWordsOf(words, review, comment);
  const resolved = comment.status === "resolved";
  const replyId = uid("reply");
  const replyBox = h("textarea", {
    id: replyId,
    rows: 2,
    class: "text-input review-reply-text",
    "data-testid": "review-reply-text",
  }) as HTMLTextAreaElement;
  const replyForm = h(
    "form",
    {
      class: "review-reply",
      hidden: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const text = replyBox.value.trim();
        if (!text) return;
        void run(actions, false, () => api.replyToReviewComment(review.id, comment.id, text));
      },
    },
    h("label", { for: replyId }, "Your reply"),
    replyBox,
    h("button", { type: "submit", class: "button small", "data-testid": "review-reply-send" }, "Add reply"),
  );
  return h(
    "li",
    { class: `review-item review-comment${resolved ? " resolved" : ""}`, "data-testid": "review-comment", "data-comment": comment.id },
    h("p", { class: "review-byline" }, worded?.byline ?? comment.author, resolved ? h("span", { class: "tag" }, "Resolved") : null),
    comment.quote ? h("blockquote", { class: "review-quote" }, h("mark", null, comment.quote)) : null,
    h("p", { class: "review-text" }, comment.text),
    comment.replies.length
      ? h(
          "ul",
          { class: "review-replies" },
          comment.replies.map((reply, index) =>
            h(
              "li",
              null,
              h("p", { class: "review-byline" }, worded?.reply_bylines[index] ?? reply.author),
              h("p", { class: "review-text" }, reply.text),
            ),
          ),
        )
      : null,
    h(
      "div",
      { class: "review-actions" },
      h(
        "button",
        {
          type: "button",
          class: "button small quiet",
          "data-testid": "review-reply",
          onclick: () => {
            replyForm.hidden = false;
            replyBox.focus();
          },
        },
        "Reply",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button small",
          "data-testid": "review-resolve",
          onclick: () => void run(actions, false, () => api.resolveReviewComment(review.id, comment.id, !resolved)),
        },
        resolved ? "Reopen" : "Resolve",
      ),
    ),
    replyForm,
  );
}

/** The change in words: what goes out struck through, what comes in underlined, with the words around. */
function changeView(suggestion: Suggestion, worded: SuggestionWords | undefined): HTMLElement {
  const removed = worded?.removed ?? "";
  const added = worded?.added ?? "";
  return h(
    "p",
    { class: "review-change" },
    suggestion.before ? `…${suggestion.before}` : "",
    removed ? h("del", null, removed) : null,
    added ? h("ins", null, added) : null,
    suggestion.after ? `${suggestion.after}…` : "",
  );
}

export function suggestionView(review: MentorReview, suggestion: Suggestion, words: ReviewWords, actions: ReviewActions): HTMLElement {
  const worded = suggestionWordsOf(words, review, suggestion);
  const decide = (decision: Decision) =>
    void run(actions, decision === "accept", async () => (await api.decideSuggestions(review.id, suggestion.id, decision)).opened);
  const open = suggestion.status === "open";
  const status = worded?.status ?? null;
  return h(
    "li",
    {
      class: `review-item review-suggestion status-${suggestion.status}`,
      "data-testid": "review-suggestion",
      "data-suggestion": suggestion.id,
      "data-status": suggestion.status,
    },
    h("p", { class: "review-byline" }, worded?.heading ?? suggestion.author),
    changeView(suggestion, worded),
    status ? h("p", { class: "review-status", "data-testid": "review-suggestion-status" }, status) : null,
    open || suggestion.status === "no_longer_applies"
      ? h(
          "div",
          { class: "review-actions" },
          open
            ? h(
                "button",
                { type: "button", class: "button small", "data-testid": "review-accept", onclick: () => decide("accept") },
                "Accept",
              )
            : null,
          h(
            "button",
            { type: "button", class: "button small quiet", "data-testid": "review-reject", onclick: () => decide("reject") },
            open ? "Reject" : "Clear it",
          ),
        )
      : null,
  );
}

/** Every review's comments and suggestions about `section`, newest review first. */
export function itemsFor(
  reviews: MentorReview[],
  section: string,
): { review: MentorReview; comments: ReviewComment[]; suggestions: Suggestion[] }[] {
  return [...reviews]
    .reverse()
    .map((review) => ({
      review,
      comments: review.comments.filter((c) => c.section === section),
      suggestions: review.suggestions.filter((s) => s.section === section),
    }))
    .filter((entry) => entry.comments.length + entry.suggestions.length > 0);
}
