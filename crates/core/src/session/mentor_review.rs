//! A mentor's review of the open portfolio: sending a review copy, bringing the returned
//! file back, replying to and resolving comments, and accepting or rejecting suggestions.
//! Each is one save, all or nothing: on a failed save the portfolio in memory is as it was.

use super::{Result, Saved, Session, SessionError};
use crate::mentor_review::review_copy::{CopyDetails, review_copy};
use crate::mentor_review::wording;
use crate::mentor_review::{
    self, CommentReply, CommentStatus, MentorReview, MentorReviewError, ReturnedFile, ReviewImport,
    ReviewPart, ReviewSummary, Suggestion, SuggestionStatus, apply, markers,
};
use crate::model::Portfolio;
use crate::no_follow::{self, Capped};
use crate::store::atomic::sync_folder;
use crate::versions::{self, SnapshotInfo};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A review copy written, and the review recorded as sent.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SentReview {
    pub review: MentorReview,
    pub snapshot: SnapshotInfo,
    pub file: String,
    pub bytes: u64,
    /// What the window says once the copy is written.
    pub notice: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Reject,
}

/// What became of one suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SuggestionDecision {
    pub suggestion_id: String,
    pub status: SuggestionStatus,
    /// The words of the suggestion, to show beside "no longer applies".
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DecisionOutcome {
    pub decisions: Vec<SuggestionDecision>,
    pub saved: Saved,
    /// "Accepted 3 suggestions. 1 suggestion no longer applies: …".
    pub notice: String,
}

fn review_error(error: MentorReviewError) -> SessionError {
    SessionError::MentorReview(error)
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> SessionError + use<> {
    let path = path.to_path_buf();
    move |source| {
        review_error(MentorReviewError::Io {
            action,
            path,
            source,
        })
    }
}

/// Writes `bytes` to a new hidden file beside `out` and makes it durable.
fn write_temp(out: &Path, bytes: &[u8]) -> Result<std::path::PathBuf> {
    let temp = crate::staging::sibling(out, "review").map_err(io_error("write", out))?;
    let written = (|| -> io::Result<()> {
        let mut file = no_follow::create_new(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temp);
        return Err(io_error("write", out)(error));
    }
    Ok(temp)
}

/// Puts the finished file in place: a link then an unlink never replaces a file that
/// appeared meanwhile; a rename replaces one only when asked.
fn publish(temp: &Path, out: &Path, replace: bool) -> Result<()> {
    let published = if replace {
        fs::rename(temp, out)
    } else {
        match fs::hard_link(temp, out) {
            Ok(()) => fs::remove_file(temp),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                let _ = fs::remove_file(temp);
                return Err(review_error(MentorReviewError::TargetExists(
                    out.to_path_buf(),
                )));
            }
            // File systems without hard links (some USB sticks): the check just made stands.
            Err(_) if !out.exists() => fs::rename(temp, out),
            Err(error) => Err(error),
        }
    };
    if let Err(error) = published {
        let _ = fs::remove_file(temp);
        return Err(io_error("write", out)(error));
    }
    sync_folder(crate::staging::parent_of(out)).map_err(io_error("write", out))
}

impl Session {
    /// Every review with what is still open in it.
    pub fn mentor_reviews(&self) -> Vec<ReviewSummary> {
        mentor_review::open_items(&self.portfolio)
    }

    /// Writes a review copy to `out` for `reviewer`, keeps a snapshot labelled "Sent for
    /// review to NAME on DATE", and records the review as sent. Nothing is left half-done:
    /// the copy appears whole or not at all, and an existing file is replaced only when asked.
    pub fn send_for_review(
        &mut self,
        out: &Path,
        reviewer: &str,
        replace: bool,
        now: OffsetDateTime,
    ) -> Result<SentReview> {
        let reviewer = reviewer.trim().to_string();
        let sent_at = now.replace_nanosecond(0).unwrap_or(now);
        let reference = markers::new_reference(
            &self
                .portfolio
                .created_at
                .format(&Rfc3339)
                .unwrap_or_default(),
            &sent_at.format(&Rfc3339).unwrap_or_default(),
            &reviewer,
        );
        let bytes = review_copy(
            &self.framework,
            &self.portfolio,
            &CopyDetails {
                reviewer: &reviewer,
                reference: &reference,
                date: sent_at.date(),
            },
        );
        if !replace && fs::symlink_metadata(out).is_ok() {
            return Err(review_error(MentorReviewError::TargetExists(
                out.to_path_buf(),
            )));
        }
        let temp = write_temp(out, &bytes)?;
        let date = crate::dates::long_date(sent_at.date());
        let label = if reviewer.is_empty() {
            format!("Sent for review on {date}")
        } else {
            format!("Sent for review to {reviewer} on {date}")
        };
        let snapshot =
            match versions::take_snapshot(self.folder(), &self.portfolio, &label, false, now) {
                Ok(snapshot) => snapshot,
                Err(error) => {
                    let _ = fs::remove_file(&temp);
                    return Err(error.into());
                }
            };
        publish(&temp, out, replace)?;
        let review = MentorReview {
            id: MentorReview::next_id(
                "review-",
                self.portfolio.mentor_reviews.iter().map(|r| r.id.as_str()),
            ),
            reviewer,
            sent_at,
            snapshot_id: snapshot.id.clone(),
            copy_reference: reference,
            returned: Vec::new(),
            comments: Vec::new(),
            suggestions: Vec::new(),
        };
        self.portfolio.mentor_reviews.push(review.clone());
        if let Err(error) = self.save(now) {
            self.portfolio.mentor_reviews.pop();
            // The copy is of a review the portfolio does not know: it could never come back.
            let _ = fs::remove_file(out);
            return Err(error);
        }
        let file = out.to_string_lossy().into_owned();
        Ok(SentReview {
            notice: wording::sent_notice(&file, &review.reviewer),
            review,
            snapshot,
            file,
            bytes: bytes.len() as u64,
        })
    }

    /// Reads the file a reviewer returned and keeps its comments and suggestions beside the
    /// sections. The candidate's words are not changed; the same file read twice adds nothing.
    pub fn import_review(&mut self, file: &Path, now: OffsetDateTime) -> Result<ReviewImport> {
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let limit = mentor_review::RETURNED_LIMIT_BYTES;
        let bytes = match no_follow::read_capped(file, limit) {
            Ok(Capped::Read(bytes)) => bytes,
            Ok(Capped::TooLarge(bytes)) => {
                return Err(review_error(MentorReviewError::Refused(
                    crate::import::ImportError::TooLarge {
                        name,
                        bytes,
                        limit,
                        kind: "Word",
                    },
                )));
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Err(review_error(MentorReviewError::Refused(
                    crate::import::ImportError::NotFound(file.display().to_string()),
                )));
            }
            Err(error) => return Err(io_error("read", file)(error)),
        };
        let read = mentor_review::read_returned(
            &self.framework,
            &self.portfolio,
            self.folder(),
            &name,
            &bytes,
        )
        .map_err(review_error)?;
        let returned = ReturnedFile {
            file_name: name,
            sha256: sha256_hex(&bytes),
            imported_at: now.replace_nanosecond(0).unwrap_or(now),
        };
        let before = self.portfolio.clone();
        let outcome = mentor_review::merge(
            &mut self.portfolio.mentor_reviews[read.review],
            read.placed,
            returned,
        );
        let unchanged = self.portfolio.mentor_reviews == before.mentor_reviews;
        if !unchanged && let Err(error) = self.save(now) {
            self.portfolio = before;
            return Err(error);
        }
        Ok(outcome)
    }

    /// Adds the candidate's reply to a comment.
    pub fn reply_to_review_comment(
        &mut self,
        review_id: &str,
        comment_id: &str,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SessionError::Invalid("A reply needs some words.".into()));
        }
        let author = self.portfolio.candidate.name.trim().to_string();
        let date = now
            .replace_nanosecond(0)
            .unwrap_or(now)
            .format(&Rfc3339)
            .unwrap_or_default();
        self.change_review(review_id, now, |review| {
            let comment = review
                .comment_mut(comment_id)
                .ok_or_else(|| MentorReviewError::UnknownComment(comment_id.to_string()))?;
            comment.replies.push(CommentReply {
                author,
                date,
                text: text.to_string(),
                by_candidate: true,
            });
            Ok(())
        })
    }

    /// Marks a comment resolved, or open again.
    pub fn set_review_comment_resolved(
        &mut self,
        review_id: &str,
        comment_id: &str,
        resolved: bool,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.change_review(review_id, now, |review| {
            let comment = review
                .comment_mut(comment_id)
                .ok_or_else(|| MentorReviewError::UnknownComment(comment_id.to_string()))?;
            comment.status = if resolved {
                CommentStatus::Resolved
            } else {
                CommentStatus::Open
            };
            Ok(())
        })
    }

    /// Accepts (applies to the section's text) or rejects one suggestion. One whose passage
    /// has changed since is marked "no longer applies", and the text stays as it is.
    pub fn decide_suggestion(
        &mut self,
        review_id: &str,
        suggestion_id: &str,
        decision: Decision,
        now: OffsetDateTime,
    ) -> Result<DecisionOutcome> {
        self.decide(review_id, Some(suggestion_id), decision, now)
    }

    /// Accepts or rejects every suggestion of a review still to decide, in the order they
    /// appear, as one save.
    pub fn decide_all_suggestions(
        &mut self,
        review_id: &str,
        decision: Decision,
        now: OffsetDateTime,
    ) -> Result<DecisionOutcome> {
        self.decide(review_id, None, decision, now)
    }

    fn decide(
        &mut self,
        review_id: &str,
        only: Option<&str>,
        decision: Decision,
        now: OffsetDateTime,
    ) -> Result<DecisionOutcome> {
        let index = self.review_index(review_id)?;
        let before = self.portfolio.clone();
        let wanted: Vec<Suggestion> = match only {
            Some(id) => {
                let suggestion = self.portfolio.mentor_reviews[index]
                    .suggestions
                    .iter()
                    .find(|s| s.id == id)
                    .cloned()
                    .ok_or_else(|| {
                        review_error(MentorReviewError::UnknownSuggestion(id.to_string()))
                    })?;
                if !matches!(
                    suggestion.status,
                    SuggestionStatus::Open | SuggestionStatus::NoLongerApplies
                ) {
                    return Err(SessionError::Invalid(format!(
                        "Suggestion {id} has already been accepted or rejected."
                    )));
                }
                if decision == Decision::Accept && suggestion.part == Some(ReviewPart::Evidence) {
                    return Err(SessionError::Invalid(
                        "This suggestion is about the evidence list, which comes from the evidence library: change the item there, then reject the suggestion to clear it.".into(),
                    ));
                }
                vec![suggestion]
            }
            None => self.portfolio.mentor_reviews[index]
                .suggestions
                .iter()
                .filter(|s| s.status == SuggestionStatus::Open)
                .filter(|s| decision == Decision::Reject || s.part != Some(ReviewPart::Evidence))
                .cloned()
                .collect(),
        };
        let mut decisions = Vec::new();
        for suggestion in wanted {
            let status = match decision {
                Decision::Reject => SuggestionStatus::Rejected,
                Decision::Accept => {
                    if apply_to(&mut self.portfolio, &suggestion) {
                        SuggestionStatus::Accepted
                    } else {
                        SuggestionStatus::NoLongerApplies
                    }
                }
            };
            if let Some(kept) = self.portfolio.mentor_reviews[index].suggestion_mut(&suggestion.id)
            {
                kept.status = status;
            }
            decisions.push(SuggestionDecision {
                suggestion_id: suggestion.id.clone(),
                status,
                text: suggestion.text.clone(),
            });
        }
        let no_longer_applying = decisions
            .iter()
            .filter(|d| d.status == SuggestionStatus::NoLongerApplies)
            .count();
        let notice = wording::decided_notice(
            decision == Decision::Accept,
            decisions.len() - no_longer_applying,
            no_longer_applying,
        );
        match self.save(now) {
            Ok(saved) => Ok(DecisionOutcome {
                decisions,
                saved,
                notice,
            }),
            Err(error) => {
                self.portfolio = before;
                Err(error)
            }
        }
    }

    fn review_index(&self, review_id: &str) -> Result<usize> {
        self.portfolio
            .mentor_reviews
            .iter()
            .position(|r| r.id == review_id)
            .ok_or_else(|| review_error(MentorReviewError::UnknownReview(review_id.to_string())))
    }

    fn change_review(
        &mut self,
        review_id: &str,
        now: OffsetDateTime,
        change: impl FnOnce(&mut MentorReview) -> mentor_review::Result<()>,
    ) -> Result<Saved> {
        let index = self.review_index(review_id)?;
        let before = self.portfolio.mentor_reviews[index].clone();
        change(&mut self.portfolio.mentor_reviews[index]).map_err(review_error)?;
        self.save(now).inspect_err(|_| {
            self.portfolio.mentor_reviews[index] = before;
        })
    }
}

/// Applies an accepted suggestion to the section's text; false when its passage is gone.
fn apply_to(portfolio: &mut Portfolio, suggestion: &Suggestion) -> bool {
    let (Some(section), Some(part)) = (&suggestion.section, suggestion.part) else {
        return false;
    };
    let Some(entry) = portfolio.sections.get_mut(section) else {
        return false;
    };
    let text = match part {
        ReviewPart::Description => &mut entry.description,
        ReviewPart::Reflection => &mut entry.reflection,
        ReviewPart::References => &mut entry.references,
        ReviewPart::Topic => {
            return match apply::apply_plain(&entry.topic, suggestion) {
                Some(changed) => {
                    entry.topic = changed;
                    true
                }
                None => false,
            };
        }
        ReviewPart::Evidence => return false,
    };
    match apply::apply(text, suggestion) {
        Some(changed) => {
            *text = changed;
            true
        }
        None => false,
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
