//! The import report: for each section what went where, the evidence attached, missing or
//! refused, and the text that fits no section, for the window and `cmalt-portfolio import`.

use super::markdown::Unplaced;
use super::{DraftKind, PathwayChoice};
use crate::framework::PathwayId;
use crate::markdown::count_markdown_words;
use serde::Serialize;

/// What happened to a draft, section by section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportReport {
    /// The draft's file name.
    pub source: String,
    pub kind: DraftKind,
    /// The new portfolio's folder.
    pub portfolio_folder: String,
    pub title: String,
    pub candidate: String,
    pub pathway: PathwayId,
    /// True when the pathway was worked out from the sections, not given or stated.
    pub pathway_inferred: bool,
    pub pathway_choice: PathwayChoice,
    pub pathway_reason: String,
    pub headings_recognised: usize,
    /// No heading named a section: everything is in `not_placed`.
    pub nothing_recognised: bool,
    /// In the order the draft has them.
    pub sections: Vec<SectionReport>,
    /// Sections the pathway requires that the draft did not have.
    pub missing_required: Vec<String>,
    pub evidence: EvidenceTally,
    /// Text kept aside, in the order of the draft.
    pub not_placed: Vec<NotPlaced>,
    /// `not-placed.md` in the portfolio folder, when there was text to keep aside.
    pub not_placed_file: Option<String>,
    /// Items whose file was not attached because a rule refused it (e.g. over 1 MB).
    pub refused: Vec<RefusedItem>,
    /// Items whose file was not found (or that name no file or link).
    pub missing_files: Vec<MissingFile>,
    pub notes: Vec<String>,
}

/// One section of the draft and what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportSectionReport")]
pub struct SectionReport {
    pub id: String,
    /// The framework's title ("Specialist area 1").
    pub title: String,
    /// The heading as the draft wrote it, and its line (in the Markdown made from a Word
    /// document, for .docx drafts).
    pub heading: String,
    pub line: usize,
    /// False when the pathway leaves the section out: its text is kept aside in the app.
    pub in_pathway: bool,
    pub topic: String,
    pub description_words: usize,
    pub reflection_words: usize,
    /// All the words the section took: description, reflection, topic, and for the
    /// confirmation and assessor the words read into their fields.
    pub words_placed: usize,
    pub evidence_count: usize,
    pub evidence_ids: Vec<String>,
    /// Works in the section's reference list, kept apart from its evidence.
    pub references: usize,
}

/// The evidence library the import made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EvidenceTally {
    pub items: usize,
    pub files_attached: usize,
    pub images_attached: usize,
    pub links: usize,
    pub missing: usize,
    pub refused: usize,
}

/// Text of the draft that fits no section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportNotPlaced")]
pub struct NotPlaced {
    pub heading: Option<String>,
    pub line: usize,
    /// Why it was not placed ("before the first section").
    pub reason: String,
    pub words: usize,
    /// The start of the text, on one line.
    pub excerpt: String,
    /// The whole text, as written.
    pub text: String,
}

impl NotPlaced {
    pub(super) fn from_unplaced(unplaced: Unplaced) -> NotPlaced {
        let whole = match &unplaced.heading {
            Some(heading) if unplaced.text.is_empty() => heading.clone(),
            Some(heading) => format!("{heading}\n\n{}", unplaced.text),
            None => unplaced.text.clone(),
        };
        let one_line = whole.split_whitespace().collect::<Vec<_>>().join(" ");
        let excerpt = if one_line.chars().count() > 100 {
            format!(
                "{}…",
                one_line.chars().take(100).collect::<String>().trim_end()
            )
        } else {
            one_line
        };
        NotPlaced {
            heading: unplaced.heading,
            line: unplaced.line,
            reason: unplaced.reason,
            words: count_markdown_words(&unplaced.text),
            excerpt,
            text: unplaced.text,
        }
    }
}

/// An item whose file a rule refused; the item is kept so the candidate can attach a
/// smaller version or a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RefusedItem {
    pub evidence_id: String,
    pub name: String,
    /// The same message the window gives when attaching the file by hand.
    pub reason: String,
}

/// An item whose file was not found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MissingFile {
    pub evidence_id: String,
    /// The file name as the draft wrote it (the item's title when it names none).
    pub name: String,
    pub sections: Vec<String>,
    pub reason: String,
}
