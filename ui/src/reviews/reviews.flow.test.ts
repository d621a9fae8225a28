// Flows for a mentor's review: asking for one (the core writes the Word copy), bringing it back,
// the Reviews page with what is open, and beside a section the comments to reply to or resolve
// and the suggestions to accept or reject.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { openedFor } from "../test/fixtures";
import { $, backend, boot, byTestId, type, waitFor } from "../test/harness";
import type { MentorReview, OpenedPortfolio, ReviewSummary, ReviewWords } from "../types";

afterEach(() => {
  clearMocks();
});

const review: MentorReview = {
  id: "review-1",
  reviewer: "Dr Amara Mentor",
  sent_at: "2026-11-23T10:15:00Z",
  snapshot_id: "20261123-101500",
  copy_reference: "cmalt-review:abc",
  returned: [{ file_name: "returned.docx", sha256: "00", imported_at: "2026-12-01T09:00:00Z" }],
  comments: [
    {
      id: "c1",
      section: "1a",
      part: "reflection",
      author: "Dr Amara Mentor",
      date: "2026-11-30T16:00:00Z",
      text: "What did the students say about it?",
      quote: "the quizzes worked well",
      replies: [],
      status: "open",
    },
  ],
  suggestions: [
    {
      id: "s1",
      section: "1a",
      part: "description",
      author: "Dr Amara Mentor",
      date: "2026-11-30T16:05:00Z",
      kind: "replace",
      text: "several",
      replaces: "some",
      before: "I compared ",
      after: " tools",
      tracked: true,
      status: "open",
    },
  ],
};

const summary: ReviewSummary = {
  review_id: "review-1",
  reviewer: "Dr Amara Mentor",
  sent_on: "2026-11-23",
  snapshot_id: "20261123-101500",
  returned: true,
  comments: 1,
  comments_open: 1,
  suggestions: 1,
  suggestions_open: 1,
  suggestions_no_longer_applying: 0,
  heading: "Dr Amara Mentor, sent 23 November 2026",
  progress: "1 of 1 comment open · 1 of 1 suggestion to decide",
};

/** The words the core would send with `of`: the pretend backend's, as the core words them. */
function wordsFor(of: MentorReview): ReviewWords {
  const statusWords: Record<string, string | null> = { open: null, accepted: "Accepted", rejected: "Rejected" };
  return {
    comments: of.comments.map((c) => ({
      review_id: of.id,
      comment_id: c.id,
      byline: `${c.author}, 30 November 2026`,
      reply_bylines: c.replies.map((r) => r.author),
    })),
    suggestions: of.suggestions.map((s) => ({
      review_id: of.id,
      suggestion_id: s.id,
      heading: `Suggests changing · ${s.author}, 30 November 2026`,
      removed: s.replaces ?? "",
      added: s.text,
      status: statusWords[s.status] ?? null,
    })),
  };
}

function withReview(changes: Partial<MentorReview> = {}): OpenedPortfolio {
  const opened = openedFor("cmalt");
  const changed = { ...review, ...changes };
  opened.portfolio.mentor_reviews = [changed];
  opened.review_words = wordsFor(changed);
  return opened;
}

describe("reviews", () => {
  it("asks for a review for the reviewer named, and says where the copy is", async () => {
    const opened = openedFor("cmalt");
    const calls = backend({
      current_portfolio: () => opened,
      mentor_reviews: () => [],
      send_for_review: () => ({
        sent: {
          review: { ...review, returned: [], comments: [], suggestions: [] },
          snapshot: {},
          file: "/home/sam/Mine - review copy.docx",
          bytes: 9000,
          notice:
            "The review copy is saved as /home/sam/Mine - review copy.docx. Send it to Dr Amara Mentor; a snapshot of what you sent is kept in Versions.",
        },
        opened: withReview({ returned: [], comments: [], suggestions: [] }),
      }),
    });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    byTestId("reviews")!.click();
    await waitFor(() => byTestId("no-reviews"));
    type(byTestId<HTMLInputElement>("reviewer-name")!, "Dr Amara Mentor");
    byTestId("send-for-review")!.click();
    const note = await waitFor(() => (byTestId("reviews-note")!.hidden ? null : byTestId("reviews-note")!));
    expect(note.textContent).toContain("/home/sam/Mine - review copy.docx");
    expect(note.textContent).toContain("Dr Amara Mentor");
    expect(calls.find((c) => c.cmd === "send_for_review")!.args).toEqual({ reviewer: "Dr Amara Mentor" });
  });

  it("brings a review back, then lists it with what is still open and links to its sections", async () => {
    let summaries: ReviewSummary[] = [];
    backend({
      current_portfolio: () => openedFor("cmalt"),
      mentor_reviews: () => summaries,
      bring_review_back: () => {
        summaries = [summary];
        return {
          report: {
            review_id: "review-1",
            reviewer: "Dr Amara Mentor",
            file_name: "returned.docx",
            already_imported: false,
            placed_by_headings: false,
            comments: review.comments,
            suggestions: review.suggestions,
            new_comments: 1,
            new_suggestions: 1,
            notes: [],
            notice:
              "From Dr Amara Mentor: 1 comment and 1 suggestion, each beside its section. Your words are unchanged until you accept a suggestion.",
          },
          opened: withReview(),
        };
      },
    });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    byTestId("reviews")!.click();
    await waitFor(() => byTestId("no-reviews"));
    byTestId("bring-review-back")!.click();
    const card = await waitFor(() => byTestId("review-card"));
    expect(byTestId("reviews-note")!.textContent).toContain("1 comment and 1 suggestion, each beside its section");
    expect(card.querySelector("h2")!.textContent).toBe("Dr Amara Mentor, sent 23 November 2026");
    expect(byTestId("review-open")!.textContent).toBe("1 of 1 comment open · 1 of 1 suggestion to decide");
    byTestId("review-section-link")!.click();
    await waitFor(() => $('[data-section="1a"] [data-testid=section-reviews]'));
  });

  it("shows the comments and suggestions beside their section, resolves one and accepts the other", async () => {
    let current = withReview();
    const calls = backend({
      current_portfolio: () => current,
      resolve_review_comment: () => {
        current = withReview({ comments: [{ ...review.comments[0], status: "resolved" }] });
        return current;
      },
      decide_suggestions: () => {
        current = withReview({ suggestions: [{ ...review.suggestions[0], status: "accepted" }] });
        return {
          decisions: [{ suggestion_id: "s1", status: "accepted", text: "several" }],
          notice: "Accepted 1 suggestion.",
          opened: current,
        };
      },
    });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    $('[data-section-id="1a"]')!.click();
    const panel = await waitFor(() => $<HTMLElement>('[data-section="1a"] [data-testid=section-reviews]'));
    expect(panel.hidden).toBe(false);
    expect(panel.querySelector(".review-quote mark")!.textContent).toBe("the quizzes worked well");
    expect(panel.querySelector(".review-change del")!.textContent).toBe("some");
    expect(panel.querySelector(".review-change ins")!.textContent).toBe("several");
    expect(panel.querySelector(".review-suggestion .review-byline")!.textContent).toBe(
      "Suggests changing · Dr Amara Mentor, 30 November 2026",
    );
    expect(panel.querySelector(".review-comment .review-byline")!.textContent).toBe("Dr Amara Mentor, 30 November 2026");
    byTestId("review-resolve")!.click();
    await waitFor(() => (byTestId("review-resolve")?.textContent === "Reopen" ? true : null));
    expect(calls.find((c) => c.cmd === "resolve_review_comment")!.args).toEqual({ review: "review-1", comment: "c1", resolved: true });
    byTestId("review-accept")!.click();
    await waitFor(() => (byTestId("review-suggestion-status")?.textContent === "Accepted" ? true : null));
    expect(calls.find((c) => c.cmd === "decide_suggestions")!.args).toEqual({ review: "review-1", suggestion: "s1", decision: "accept" });
  });

  it("has nothing beside a section no reviewer wrote about", async () => {
    backend({ current_portfolio: () => withReview() });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    $('[data-section-id="2a"]')!.click();
    const panel = await waitFor(() => $<HTMLElement>('[data-section="2a"] [data-testid=section-reviews]'));
    expect(panel.hidden).toBe(true);
  });
});
