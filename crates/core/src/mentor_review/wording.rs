//! What the window says about a review, in the core so that the Reviews page, the items
//! beside each section and the command line word the same thing the same way: what a
//! suggestion changes, who wrote a comment and when, what is still open, and the notice
//! after sending, bringing back or deciding.

use super::model::{
    CommentReply, MentorReview, ReviewComment, Suggestion, SuggestionKind, SuggestionStatus,
};
use super::{ReviewImport, ReviewSummary};
use crate::dates::{long_date, parse_iso_date};
use serde::Serialize;

/// One suggestion as it is shown: the words it takes out and puts in, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SuggestionWords {
    pub review_id: String,
    pub suggestion_id: String,
    /// "Suggests changing · Dr Mentor, 3 December 2026", and whether it was tracked.
    pub heading: String,
    /// The candidate's words it takes out (struck through); empty for an insertion.
    pub removed: String,
    /// The words it puts in (underlined); empty for a deletion.
    pub added: String,
    /// "Accepted", "Rejected", or why it no longer applies; `None` while it is open.
    pub status: Option<String>,
}

/// One comment's byline and its replies' bylines: "Dr Mentor, 3 December 2026".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommentWords {
    pub review_id: String,
    pub comment_id: String,
    pub byline: String,
    /// In the order of the comment's replies.
    pub reply_bylines: Vec<String>,
}

/// Everything the window says about the portfolio's reviews' items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReviewWords {
    pub suggestions: Vec<SuggestionWords>,
    pub comments: Vec<CommentWords>,
}

pub fn review_words(reviews: &[MentorReview]) -> ReviewWords {
    let mut words = ReviewWords::default();
    for review in reviews {
        words.suggestions.extend(
            review
                .suggestions
                .iter()
                .map(|suggestion| suggestion_words(&review.id, suggestion)),
        );
        words.comments.extend(
            review
                .comments
                .iter()
                .map(|comment| comment_words(&review.id, comment)),
        );
    }
    words
}

fn suggestion_words(review_id: &str, suggestion: &Suggestion) -> SuggestionWords {
    let kind = match suggestion.kind {
        SuggestionKind::Insert => "Suggests adding",
        SuggestionKind::Delete => "Suggests taking out",
        SuggestionKind::Replace => "Suggests changing",
    };
    let status = match suggestion.status {
        SuggestionStatus::Open => None,
        SuggestionStatus::Accepted => Some("Accepted"),
        SuggestionStatus::Rejected => Some("Rejected"),
        SuggestionStatus::NoLongerApplies => {
            Some("No longer applies: the words have changed since the copy was sent")
        }
    };
    let mut heading = format!("{kind} · {}", byline(&suggestion.author, &suggestion.date));
    if !suggestion.tracked {
        heading.push_str(" · an edit made without tracking");
    }
    SuggestionWords {
        review_id: review_id.to_string(),
        suggestion_id: suggestion.id.clone(),
        heading,
        removed: suggestion.removed().to_string(),
        added: suggestion.added().to_string(),
        status: status.map(str::to_string),
    }
}

fn comment_words(review_id: &str, comment: &ReviewComment) -> CommentWords {
    CommentWords {
        review_id: review_id.to_string(),
        comment_id: comment.id.clone(),
        byline: byline(&comment.author, &comment.date),
        reply_bylines: comment
            .replies
            .iter()
            .map(|CommentReply { author, date, .. }| byline(author, date))
            .collect(),
    }
}

/// "Dr Mentor, 3 December 2026" from what the returned file says; the day alone is kept,
/// as the file gives it, because Word writes the reviewer's local time without a zone.
fn byline(author: &str, date: &str) -> String {
    let author = match author.trim() {
        "" => "Your reviewer",
        named => named,
    };
    match date.get(..10).and_then(parse_iso_date) {
        Some(day) => format!("{author}, {}", long_date(day)),
        None => author.to_string(),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn reviewer_or_default(reviewer: &str) -> &str {
    match reviewer.trim() {
        "" => "your reviewer",
        named => named,
    }
}

/// "Dr Mentor, sent 3 December 2026": a review's heading on the Reviews page.
pub fn summary_heading(summary: &ReviewSummary) -> String {
    let reviewer = match summary.reviewer.trim() {
        "" => "A reviewer",
        named => named,
    };
    match parse_iso_date(&summary.sent_on) {
        Some(day) => format!("{reviewer}, sent {}", long_date(day)),
        None => reviewer.to_string(),
    }
}

/// "2 of 3 comments open · 4 of 6 suggestions to decide", or that it is not back yet.
pub fn summary_progress(summary: &ReviewSummary) -> String {
    if !summary.returned {
        return "Not back yet: when your reviewer returns the file, bring it back here.".into();
    }
    let mut parts = vec![
        format!(
            "{} of {} open",
            summary.comments_open,
            plural(summary.comments, "comment", "comments")
        ),
        format!(
            "{} of {} to decide",
            summary.suggestions_open,
            plural(summary.suggestions, "suggestion", "suggestions")
        ),
    ];
    if summary.suggestions_no_longer_applying > 0 {
        parts.push(format!(
            "{} no longer apply",
            summary.suggestions_no_longer_applying
        ));
    }
    parts.join(" · ")
}

/// The notice after a review copy is written to `file`.
pub fn sent_notice(file: &str, reviewer: &str) -> String {
    format!(
        "The review copy is saved as {file}. Send it to {}; a snapshot of what you sent is kept in Versions.",
        reviewer_or_default(reviewer)
    )
}

/// The notice after a returned file is read.
pub fn brought_back_notice(report: &ReviewImport) -> String {
    if report.already_imported {
        return format!(
            "{} was brought back before: nothing new in it.",
            report.file_name
        );
    }
    let mut notice = format!(
        "From {}: {} and {}, each beside its section. Your words are unchanged until you accept a suggestion.",
        reviewer_or_default(&report.reviewer),
        plural(report.new_comments, "comment", "comments"),
        plural(report.new_suggestions, "suggestion", "suggestions"),
    );
    for note in &report.notes {
        notice.push(' ');
        notice.push_str(note);
    }
    notice
}

/// The notice after suggestions are accepted or rejected: how many, and how many could not
/// be applied because their passage has changed.
pub fn decided_notice(accepted: bool, decided: usize, no_longer_applying: usize) -> String {
    let mut notice = format!(
        "{} {}.",
        if accepted { "Accepted" } else { "Rejected" },
        plural(decided, "suggestion", "suggestions")
    );
    if no_longer_applying > 0 {
        notice.push_str(&format!(
            " {}: the words have changed since the copy was sent.",
            plural(
                no_longer_applying,
                "suggestion no longer applies",
                "suggestions no longer apply"
            )
        ));
    }
    notice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(kind: SuggestionKind, text: &str, replaces: Option<&str>) -> Suggestion {
        Suggestion {
            id: "s1".into(),
            section: Some("1a".into()),
            part: None,
            author: "Dr Mentor".into(),
            date: String::new(),
            kind,
            text: text.into(),
            replaces: replaces.map(str::to_string),
            before: String::new(),
            after: String::new(),
            tracked: true,
            status: SuggestionStatus::Open,
        }
    }

    #[test]
    fn a_suggestion_says_what_it_takes_out_and_puts_in() {
        let replace = suggestion_words(
            "review-1",
            &suggestion(SuggestionKind::Replace, "learners", Some("students")),
        );
        assert_eq!(
            (
                replace.heading.as_str(),
                replace.removed.as_str(),
                replace.added.as_str()
            ),
            ("Suggests changing · Dr Mentor", "students", "learners")
        );
        let delete = suggestion_words(
            "review-1",
            &suggestion(SuggestionKind::Delete, "very", None),
        );
        assert_eq!(
            (delete.removed.as_str(), delete.added.as_str()),
            ("very", "")
        );
        let insert = suggestion_words(
            "review-1",
            &suggestion(SuggestionKind::Insert, "also", None),
        );
        assert_eq!(
            (insert.removed.as_str(), insert.added.as_str()),
            ("", "also")
        );
        assert_eq!(insert.status, None);
    }

    #[test]
    fn a_byline_names_the_reviewer_and_the_day_the_file_gives() {
        assert_eq!(
            byline("Dr Mentor", "2026-12-03T10:15:00Z"),
            "Dr Mentor, 3 December 2026"
        );
        assert_eq!(byline("  ", ""), "Your reviewer");
        assert_eq!(byline("Sam", "not a date"), "Sam");
    }

    #[test]
    fn the_decided_notice_counts_what_no_longer_applies() {
        assert_eq!(decided_notice(true, 1, 0), "Accepted 1 suggestion.");
        assert_eq!(
            decided_notice(false, 2, 1),
            "Rejected 2 suggestions. 1 suggestion no longer applies: the words have changed since the copy was sent."
        );
    }
}
