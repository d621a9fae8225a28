//! A mentor's review, round trip through Word: a review copy of the portfolio to send
//! (`review_copy`), the returned document read (`returned`) and placed beside the sections
//! (`placement`), kept in the portfolio (`model`), and the suggestions applied to the
//! candidate's words when accepted (`apply`). Not the review of practice every three years,
//! which is `versions::review`.

pub mod apply;
pub mod blocks;
pub mod markers;
pub mod model;
pub(crate) mod placement;
pub(crate) mod returned;
pub mod review_copy;
pub mod word_writer;
pub mod wording;

pub use model::{
    CommentReply, CommentStatus, MentorReview, ReturnedFile, ReviewComment, ReviewPart, Suggestion,
    SuggestionKind, SuggestionStatus,
};

use crate::framework::Framework;
use crate::model::Portfolio;
use crate::store::atomic::describe_io_error_for;
use returned::ReadFailure;
use serde::Serialize;
use std::io;
use std::path::PathBuf;

/// A review copy, or a returned file, may be at most this large.
pub const RETURNED_LIMIT_BYTES: u64 = crate::import::DOCX_LIMIT_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum MentorReviewError {
    /// The file has none of the marks, references or headings of a review copy.
    #[error(
        "\"{0}\" is not a review copy made by this app: it has none of the marks or section headings a review copy has. Nothing was changed. Bring back the file your reviewer returned, made with \"Ask for a review\"."
    )]
    NotAReviewCopy(String),
    /// The file is a review copy, but of another portfolio or of a review not kept here.
    #[error(
        "\"{0}\" is a review copy of another portfolio (or of a review that is no longer in this one), so it was not read into this one. Nothing was changed."
    )]
    OtherPortfolio(String),
    /// A returned file was brought back before any copy was sent.
    #[error(
        "No review copy has been sent from this portfolio yet, so there is nothing to compare \"{0}\" with. Nothing was changed. Make a review copy first, then bring back the file your reviewer returns."
    )]
    NothingSent(String),
    /// The file is damaged or cut short.
    #[error(
        "\"{name}\" could not be read as a returned review copy: {detail}. Nothing was changed. Ask your reviewer to save it again as a Word document (.docx)."
    )]
    Unreadable { name: String, detail: String },
    /// Refused by the same guards as an imported draft (a zip bomb, a PDF, a password...).
    #[error(transparent)]
    Refused(crate::import::ImportError),
    /// The review copy would replace a file that is there already.
    #[error("{0} already exists. Nothing was changed. Choose another name, or ask to replace it.")]
    TargetExists(PathBuf),
    #[error("There is no review {0} in this portfolio.")]
    UnknownReview(String),
    #[error("There is no comment {0} in this review.")]
    UnknownComment(String),
    #[error("There is no suggestion {0} in this review.")]
    UnknownSuggestion(String),
    /// The snapshot the copy was sent from could not be taken or read.
    #[error(transparent)]
    Versions(#[from] crate::versions::VersionsError),
    #[error("Could not {action} {path}: {}. Nothing was changed.", describe_io_error_for(.action, .source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

pub type Result<T> = std::result::Result<T, MentorReviewError>;

/// What reading a returned file found, as the window and `review import --json` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReviewImport {
    pub review_id: String,
    pub reviewer: String,
    pub file_name: String,
    /// This very file was read before: nothing was added.
    pub already_imported: bool,
    /// The bookmarks were gone, so everything was placed by the section headings.
    pub placed_by_headings: bool,
    /// Every comment and suggestion of this file, with the ids the review keeps them under.
    pub comments: Vec<ReviewComment>,
    pub suggestions: Vec<Suggestion>,
    /// How many of them were not in the review before.
    pub new_comments: usize,
    pub new_suggestions: usize,
    pub notes: Vec<String>,
    /// What the window says once the file is read (`wording::brought_back_notice`).
    pub notice: String,
}

/// What is still to do in one review, for a Reviews page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReviewSummary {
    pub review_id: String,
    pub reviewer: String,
    /// "YYYY-MM-DD".
    pub sent_on: String,
    pub snapshot_id: String,
    pub returned: bool,
    pub comments: usize,
    pub comments_open: usize,
    pub suggestions: usize,
    pub suggestions_open: usize,
    /// Suggestions whose passage has changed since, still to read and clear.
    pub suggestions_no_longer_applying: usize,
    /// "Dr Mentor, sent 3 December 2026".
    pub heading: String,
    /// "2 of 3 comments open · 4 of 6 suggestions to decide", or that it is not back yet.
    pub progress: String,
}

/// Every review with what is still open in it, oldest first.
pub fn open_items(portfolio: &Portfolio) -> Vec<ReviewSummary> {
    portfolio
        .mentor_reviews
        .iter()
        .map(|review| ReviewSummary {
            review_id: review.id.clone(),
            reviewer: review.reviewer.clone(),
            sent_on: crate::dates::iso_date(review.sent_at.date()),
            snapshot_id: review.snapshot_id.clone(),
            returned: !review.returned.is_empty(),
            comments: review.comments.len(),
            comments_open: review
                .comments
                .iter()
                .filter(|c| c.status == CommentStatus::Open)
                .count(),
            suggestions: review.suggestions.len(),
            suggestions_open: review
                .suggestions
                .iter()
                .filter(|s| s.status == SuggestionStatus::Open)
                .count(),
            suggestions_no_longer_applying: review
                .suggestions
                .iter()
                .filter(|s| s.status == SuggestionStatus::NoLongerApplies)
                .count(),
            heading: String::new(),
            progress: String::new(),
        })
        .map(|mut summary| {
            summary.heading = wording::summary_heading(&summary);
            summary.progress = wording::summary_progress(&summary);
            summary
        })
        .collect()
}

/// A returned file read and placed, not yet kept.
pub(crate) struct ReadReview {
    /// Index of the review in `portfolio.mentor_reviews`.
    pub review: usize,
    pub placed: placement::Placed,
}

/// Reads a returned file (`name`, `bytes`) and places it against the copy it came from,
/// the snapshot kept in `folder`. Changes nothing.
pub(crate) fn read_returned(
    framework: &Framework,
    portfolio: &Portfolio,
    folder: &std::path::Path,
    name: &str,
    bytes: &[u8],
) -> Result<ReadReview> {
    let document = returned::read(name, bytes).map_err(|failure| match failure {
        ReadFailure::Refused(error) => MentorReviewError::Refused(error),
        ReadFailure::Damaged(detail) => MentorReviewError::Unreadable {
            name: name.to_string(),
            detail,
        },
    })?;
    let reviews = &portfolio.mentor_reviews;
    let review = match &document.reference {
        Some(reference) => reviews
            .iter()
            .position(|r| &r.copy_reference == reference)
            .ok_or_else(|| MentorReviewError::OtherPortfolio(name.to_string()))?,
        // The marks are gone (a tool dropped the properties and the title page line was
        // edited): the newest copy sent is the one it can be compared with.
        None if reviews.is_empty() => {
            return Err(MentorReviewError::NothingSent(name.to_string()));
        }
        None => reviews.len() - 1,
    };
    let sent = crate::versions::load_snapshot(folder, &reviews[review].snapshot_id)?;
    let mut placed = placement::place(framework, &sent, &document, &reviews[review].reviewer);
    if placed.placed_paragraphs == 0 {
        return Err(if document.reference.is_some() {
            MentorReviewError::Unreadable {
                name: name.to_string(),
                detail: "none of its text could be matched with the portfolio's sections".into(),
            }
        } else {
            MentorReviewError::NotAReviewCopy(name.to_string())
        });
    }
    if !placed.by_bookmarks {
        placed.notes.insert(
            0,
            "The marks that tie each paragraph to its section were gone from this file, so comments and suggestions were placed by the section headings. Check that each is beside the right section.".into(),
        );
    }
    if document.reference.is_none() {
        placed.notes.insert(
            0,
            format!(
                "This file does not say which review copy it is, so it was compared with the latest one, sent on {}.",
                crate::dates::long_date(reviews[review].sent_at.date())
            ),
        );
    }
    Ok(ReadReview { review, placed })
}

/// A comment's identity across files: the same comment read again is not added twice.
fn same_comment(a: &ReviewComment, b: &ReviewComment) -> bool {
    (&a.author, &a.date, a.text.trim(), &a.section, a.part)
        == (&b.author, &b.date, b.text.trim(), &b.section, b.part)
}

fn same_suggestion(a: &Suggestion, b: &Suggestion) -> bool {
    (
        &a.author,
        a.kind,
        &a.text,
        &a.replaces,
        &a.before,
        &a.after,
        &a.section,
        a.part,
        a.tracked,
    ) == (
        &b.author,
        b.kind,
        &b.text,
        &b.replaces,
        &b.before,
        &b.after,
        &b.section,
        b.part,
        b.tracked,
    )
}

/// Adds what `placed` holds to `review`, skipping what it already has; replies the review
/// lacks are added to comments it has. Returns the file's items with their kept ids.
pub(crate) fn merge(
    review: &mut MentorReview,
    placed: placement::Placed,
    file: ReturnedFile,
) -> ReviewImport {
    let already_imported = review.returned.iter().any(|r| r.sha256 == file.sha256);
    let mut outcome = ReviewImport {
        review_id: review.id.clone(),
        reviewer: review.reviewer.clone(),
        file_name: file.file_name.clone(),
        already_imported,
        placed_by_headings: !placed.by_bookmarks,
        comments: Vec::new(),
        suggestions: Vec::new(),
        new_comments: 0,
        new_suggestions: 0,
        notes: placed.notes,
        notice: String::new(),
    };
    for mut comment in placed.comments {
        if let Some(kept) = review
            .comments
            .iter_mut()
            .find(|c| same_comment(c, &comment))
        {
            for reply in comment.replies {
                if !kept.replies.contains(&reply) {
                    kept.replies.push(reply);
                }
            }
            outcome.comments.push(kept.clone());
            continue;
        }
        comment.id = MentorReview::next_id("c", review.comments.iter().map(|c| c.id.as_str()));
        review.comments.push(comment.clone());
        outcome.new_comments += 1;
        outcome.comments.push(comment);
    }
    for mut suggestion in placed.suggestions {
        if let Some(kept) = review
            .suggestions
            .iter()
            .find(|s| same_suggestion(s, &suggestion))
        {
            outcome.suggestions.push(kept.clone());
            continue;
        }
        suggestion.id =
            MentorReview::next_id("s", review.suggestions.iter().map(|s| s.id.as_str()));
        review.suggestions.push(suggestion.clone());
        outcome.new_suggestions += 1;
        outcome.suggestions.push(suggestion);
    }
    if !already_imported {
        review.returned.push(file);
    }
    outcome.notice = wording::brought_back_notice(&outcome);
    outcome
}
