//! The one gate a portfolio read from disk passes before anything uses it: the working file,
//! a backup, a snapshot or an exported bundle may all have been written by someone else, and
//! the names and numbers in them reach the file system. Whatever fails here is refused whole,
//! before a single file it names is read, written, linked or deleted.

use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::model::Portfolio;
use std::collections::BTreeSet;

/// More evidence numbers than any portfolio could use: a counter past this was not made by
/// the app, and at `u32::MAX` the next attach would overflow.
pub const MAX_EVIDENCE_NUMBER: u32 = 1_000_000;

/// Why a portfolio read from disk cannot be used as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeContent {
    /// A stored file name that is not one plain name inside `evidence/` (`../x`, `/etc/x`,
    /// `C:x`, a hidden name...). Using it would reach a file outside the portfolio.
    #[error(
        "evidence item {id} names its file \"{name}\", which is not a plain file name inside the portfolio's evidence folder"
    )]
    FileNameLeavesEvidence { id: String, name: String },
    /// Two items share an id, so `[E3]` would mean two things.
    #[error("two evidence items are both called {0}")]
    DuplicateId(String),
    /// An id that does not match its number (`E3` with number 7, or `../x`).
    #[error("evidence item \"{id}\" does not match its number {number}")]
    IdNotItsNumber { id: String, number: u32 },
    /// The next number would reuse or overflow an item's number.
    #[error(
        "its evidence counter ({counter}) is not past its highest item number ({highest}) or is impossibly large"
    )]
    ImpossibleCounter { counter: u32, highest: u32 },
    /// An assessment points at a snapshot by a name that is not a snapshot id.
    #[error("an assessment names its snapshot \"{0}\", which is not a snapshot id")]
    BadSnapshotId(String),
    /// A mentor's review points at the snapshot it was sent from by a name that is not a
    /// snapshot id; comparing with it would read outside `snapshots/`.
    #[error("a mentor's review names its snapshot \"{0}\", which is not a snapshot id")]
    BadReviewSnapshotId(String),
    /// Two mentors' reviews share an id, so a reply or a decision could reach the wrong one.
    #[error("two mentors' reviews are both called {0}")]
    DuplicateReviewId(String),
}

/// A name the app itself would give a file in `evidence/`: one plain component, nothing
/// that a file system or a zip reader could take as a path, a drive or a hidden file.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
}

/// Snapshot ids are digits and dashes only, as snapshots are named: no separator, no `..`,
/// no drive letter, no hidden temp folder.
pub fn is_snapshot_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.as_bytes()[0].is_ascii_digit()
        && id.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// Checks every name and number of `portfolio` that reaches the file system or the library.
pub fn check(portfolio: &Portfolio) -> Result<(), UnsafeContent> {
    let mut ids = BTreeSet::new();
    let mut highest = 0;
    for item in &portfolio.evidence {
        check_item(item)?;
        if !ids.insert(item.id.as_str()) {
            return Err(UnsafeContent::DuplicateId(item.id.clone()));
        }
        highest = highest.max(item.number);
    }
    let counter = portfolio.next_evidence_number;
    if counter > MAX_EVIDENCE_NUMBER || (highest > 0 && counter <= highest) {
        return Err(UnsafeContent::ImpossibleCounter { counter, highest });
    }
    for assessment in &portfolio.assessments {
        if let Some(id) = &assessment.snapshot_id
            && !is_snapshot_id(id)
        {
            return Err(UnsafeContent::BadSnapshotId(id.clone()));
        }
    }
    let mut review_ids = BTreeSet::new();
    for review in &portfolio.mentor_reviews {
        if !is_snapshot_id(&review.snapshot_id) {
            return Err(UnsafeContent::BadReviewSnapshotId(
                review.snapshot_id.clone(),
            ));
        }
        if !review_ids.insert(review.id.as_str()) {
            return Err(UnsafeContent::DuplicateReviewId(review.id.clone()));
        }
    }
    Ok(())
}

fn check_item(item: &EvidenceItem) -> Result<(), UnsafeContent> {
    if item.number == 0
        || item.number >= MAX_EVIDENCE_NUMBER
        || item.id != EvidenceItem::id_for(item.number)
    {
        return Err(UnsafeContent::IdNotItsNumber {
            id: item.id.clone(),
            number: item.number,
        });
    }
    if let EvidenceSource::File { stored_name, .. } = &item.source
        && !is_plain_file_name(stored_name)
    {
        return Err(UnsafeContent::FileNameLeavesEvidence {
            id: item.id.clone(),
            name: stored_name.clone(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::EvidenceDetails;
    use crate::framework::PathwayId;
    use time::OffsetDateTime;

    fn portfolio_with(names: &[&str]) -> Portfolio {
        let mut portfolio = Portfolio::new("T", "S", PathwayId::Cmalt, OffsetDateTime::UNIX_EPOCH);
        for (index, name) in names.iter().enumerate() {
            let number = index as u32 + 1;
            portfolio.evidence.push(EvidenceItem {
                id: EvidenceItem::id_for(number),
                number,
                details: EvidenceDetails::default(),
                source: EvidenceSource::File {
                    original_name: "x.pdf".into(),
                    stored_name: name.to_string(),
                    bytes: 1,
                    sha256: String::new(),
                    media_type: "application/pdf".into(),
                },
                added_at: OffsetDateTime::UNIX_EPOCH,
            });
        }
        portfolio.next_evidence_number = names.len() as u32 + 1;
        portfolio
    }

    #[test]
    fn names_that_leave_the_evidence_folder_are_refused() {
        for bad in [
            "../../../../home/user/thesis.docx",
            "/etc/passwd",
            "..",
            ".lock",
            "a/b",
            "a\\b",
            "C:evil",
            "",
            "x\u{0}y",
        ] {
            assert!(
                matches!(
                    check(&portfolio_with(&[bad])),
                    Err(UnsafeContent::FileNameLeavesEvidence { .. })
                ),
                "{bad:?} must be refused before anything touches it"
            );
        }
        assert_eq!(check(&portfolio_with(&["0a1b2c3d4e5f-report.pdf"])), Ok(()));
    }

    #[test]
    fn duplicate_ids_and_impossible_counters_are_refused() {
        let mut twice = portfolio_with(&["a.pdf", "b.pdf"]);
        twice.evidence[1].id = "E1".into();
        twice.evidence[1].number = 1;
        assert_eq!(check(&twice), Err(UnsafeContent::DuplicateId("E1".into())));

        let mut overflowing = portfolio_with(&["a.pdf"]);
        overflowing.next_evidence_number = u32::MAX;
        assert!(matches!(
            check(&overflowing),
            Err(UnsafeContent::ImpossibleCounter { .. })
        ));

        let mut reusing = portfolio_with(&["a.pdf", "b.pdf"]);
        reusing.next_evidence_number = 2;
        assert!(
            matches!(
                check(&reusing),
                Err(UnsafeContent::ImpossibleCounter { .. })
            ),
            "a counter at or below an item's number would give two items one id"
        );

        let mut mislabelled = portfolio_with(&["a.pdf"]);
        mislabelled.evidence[0].id = "../E1".into();
        assert!(matches!(
            check(&mislabelled),
            Err(UnsafeContent::IdNotItsNumber { .. })
        ));
    }
}
