//! A mentor's review as the portfolio keeps it: the copy sent (with the snapshot it was made
//! from), the files that came back, and the comments and suggestions read from them, each
//! placed beside a section and a part and carrying what the candidate did with it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Which part of a section a comment or a suggestion is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ReviewPart {
    /// The legislation or policy of 3a/3b, or an area's topic.
    Topic,
    /// The Description; for statement sections (context, future plans) the whole text.
    Description,
    Reflection,
    /// The list of evidence cited, with what each item shows.
    Evidence,
    References,
}

impl ReviewPart {
    pub const ALL: [ReviewPart; 5] = [
        ReviewPart::Topic,
        ReviewPart::Description,
        ReviewPart::Reflection,
        ReviewPart::Evidence,
        ReviewPart::References,
    ];

    /// The word used in bookmark names and in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewPart::Topic => "topic",
            ReviewPart::Description => "description",
            ReviewPart::Reflection => "reflection",
            ReviewPart::Evidence => "evidence",
            ReviewPart::References => "references",
        }
    }

    pub fn parse(text: &str) -> Option<ReviewPart> {
        ReviewPart::ALL
            .into_iter()
            .find(|part| part.as_str() == text)
    }

    /// Whether the candidate's own Markdown holds this part, so a suggestion can be applied.
    pub fn is_editable_text(self) -> bool {
        matches!(
            self,
            ReviewPart::Description | ReviewPart::Reflection | ReviewPart::References
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    #[default]
    Open,
    Resolved,
}

/// A reply to a comment: the reviewer's own (from the returned file) or the candidate's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CommentReply {
    pub author: String,
    /// As the file or the app dated it (RFC 3339), empty when the file gave none.
    #[serde(default)]
    pub date: String,
    pub text: String,
    /// Written in the app by the candidate, not read from a returned file.
    #[serde(default)]
    pub by_candidate: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReviewComment {
    /// "c1", "c2"... within its review; never reused.
    pub id: String,
    /// The section the comment is beside; `None` when it is on the title page or on text
    /// that belongs to no section.
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub part: Option<ReviewPart>,
    pub author: String,
    #[serde(default)]
    pub date: String,
    pub text: String,
    /// The passage the comment is attached to, as the returned file shows it.
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub replies: Vec<CommentReply>,
    #[serde(default)]
    pub status: CommentStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    Insert,
    Delete,
    Replace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    #[default]
    Open,
    /// Applied to the section's text.
    Accepted,
    Rejected,
    /// Its passage has changed since the copy was sent, so it can no longer be applied; the
    /// candidate can still read it, and reject it to clear it.
    NoLongerApplies,
}

/// A change the reviewer proposes to the candidate's words: a tracked change, or an edit
/// made without tracking, found by comparing the returned text with the copy sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Suggestion {
    /// "s1", "s2"... within its review; never reused.
    pub id: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub part: Option<ReviewPart>,
    pub author: String,
    #[serde(default)]
    pub date: String,
    pub kind: SuggestionKind,
    /// The words inserted, or for a deletion the words deleted.
    pub text: String,
    /// For a replacement, the words it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// The candidate's words just before and after the passage, to find it again.
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub after: String,
    /// A tracked change; false for an edit found by comparison with the copy sent.
    #[serde(default = "yes")]
    pub tracked: bool,
    #[serde(default)]
    pub status: SuggestionStatus,
}

fn yes() -> bool {
    true
}

impl Suggestion {
    /// The candidate's words the suggestion takes out: empty for an insertion.
    pub fn removed(&self) -> &str {
        match self.kind {
            SuggestionKind::Insert => "",
            SuggestionKind::Delete => &self.text,
            SuggestionKind::Replace => self.replaces.as_deref().unwrap_or(""),
        }
    }

    /// The words the suggestion puts in: empty for a deletion.
    pub fn added(&self) -> &str {
        match self.kind {
            SuggestionKind::Delete => "",
            _ => &self.text,
        }
    }
}

/// One returned file read into the review, so the same file read twice adds nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReturnedFile {
    pub file_name: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub imported_at: OffsetDateTime,
}

/// A review copy sent to a mentor or colleague, and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct MentorReview {
    /// "review-1", "review-2"...
    pub id: String,
    /// Whom the copy was for; may be empty.
    #[serde(default)]
    pub reviewer: String,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub sent_at: OffsetDateTime,
    /// The snapshot taken when the copy was made: the text the returned file is compared to.
    pub snapshot_id: String,
    /// The reference written into the copy, which ties a returned file to this review.
    pub copy_reference: String,
    #[serde(default)]
    pub returned: Vec<ReturnedFile>,
    #[serde(default)]
    pub comments: Vec<ReviewComment>,
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

impl MentorReview {
    pub fn comment_mut(&mut self, id: &str) -> Option<&mut ReviewComment> {
        self.comments.iter_mut().find(|c| c.id == id)
    }

    pub fn suggestion_mut(&mut self, id: &str) -> Option<&mut Suggestion> {
        self.suggestions.iter_mut().find(|s| s.id == id)
    }

    /// The next free id with `prefix` ("c", "s"), past every id already given.
    pub(crate) fn next_id<'a>(prefix: &str, ids: impl Iterator<Item = &'a str>) -> String {
        let highest = ids
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", highest + 1)
    }
}
