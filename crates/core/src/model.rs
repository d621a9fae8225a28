//! The portfolio as saved in `portfolio.json`: the candidate, the pathway and every
//! section's words. Text of sections outside the pathway is kept, never dropped.

use crate::evidence::EvidenceItem;
use crate::framework::{OutcomeId, PathwayId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

/// Bumped whenever the saved shape changes in a way an older app could misread.
/// 2: assessments, accreditation date and reviews of practice (an app that knew only 1
/// would drop them on its next save, so it must refuse the file instead).
/// 3: mentors' reviews (comments and suggestions brought back from Word), and the
/// "before you share" findings the candidate agreed to keep.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Candidate {
    pub name: String,
    pub role: String,
    pub organisation: String,
    /// Country and sector, e.g. "UK, further education".
    pub context: String,
}

/// An award the candidate already holds, e.g. Associate CMALT in 2023.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PreviousAward {
    pub pathway: PathwayId,
    #[serde(default)]
    pub year: Option<u16>,
}

/// A pointer from a section to an item in the evidence library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Citation {
    pub evidence_id: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SectionEntry {
    /// The legislation or policy of 3a/3b, the topic of a specialist or advanced area.
    pub topic: String,
    /// The Description; for statement sections (context, future plans) the whole text.
    pub description: String,
    pub reflection: String,
    /// The section's reference list (Markdown): works it draws on, kept apart from the
    /// evidence, outside the word count and the evidence rules.
    pub references: String,
    pub citations: Vec<Citation>,
    /// Which of the four core principles this section demonstrates (1-4).
    pub principles: BTreeSet<u8>,
}

impl SectionEntry {
    pub fn has_text(&self) -> bool {
        [&self.topic, &self.description, &self.reflection]
            .iter()
            .any(|text| !text.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Confirmation {
    pub declaration_accepted: bool,
    pub signed_name: String,
    /// "YYYY-MM-DD", or empty while undated.
    pub date: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct NominatedAssessor {
    pub name: String,
    pub organisation: String,
    pub email: String,
    pub no_conflict_confirmed: bool,
    /// What an imported draft said about conflicts of interest, for the candidate to confirm.
    pub conflict_statement: String,
}

/// The candidate's own rating of a section against the assessors' rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Strong,
    Adequate,
    RevisionsRequired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SelfRating {
    pub rating: Option<Rating>,
    #[serde(default)]
    pub note: String,
}

/// The ticks of the scheme's own submission checklist that only the candidate can give.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct CandidateConfirmations {
    pub described_clearly: bool,
    pub reflected: bool,
    pub evidence_recent_and_succinct: bool,
    pub principles_addressed: bool,
    pub proofread: bool,
}

/// What the assessors said about one section: their rating (R marks a section to revise)
/// and their comments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SectionFeedback {
    pub rating: Option<Rating>,
    pub feedback: String,
}

/// The result of one assessment of a submitted version, as the candidate recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Assessment {
    pub outcome: OutcomeId,
    /// The pathway assessed: an upgrade starts a new pathway's history.
    pub pathway: PathwayId,
    /// When the result arrived, "YYYY-MM-DD".
    pub received_on: String,
    /// The submitted snapshot this assessment is of, when there is one.
    #[serde(default)]
    pub snapshot_id: Option<String>,
    #[serde(default)]
    pub overall_feedback: String,
    /// Keyed by section id.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionFeedback>,
}

/// A review of practice, made every few years to keep the accreditation current.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PracticeReview {
    /// "YYYY-MM-DD".
    pub started_on: String,
    /// The future plans as they stood when the review started: what is reviewed.
    pub plans_reviewed: String,
    /// What came of those plans.
    pub what_happened: String,
    /// Plans for the years until the next review.
    pub next_plans: String,
    /// "YYYY-MM-DD" once the candidate marks the review done.
    pub completed_on: Option<String>,
}

/// What a reviewed "before you share" finding was, so that the candidate's decision holds
/// wherever the same text appears.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreedKind {
    Email,
    Phone,
    Postcode,
    StudentId,
    LearnerName,
    /// A link the candidate has checked opens for anyone.
    Link,
    /// An evidence file kept in its format on purpose (keyed by the file's name).
    Format,
    /// An evidence file whose text the app could not read, looked through by the candidate
    /// (keyed by the file's content hash, so a new version is looked at again).
    UnreadFile,
}

/// A finding the candidate has reviewed and agreed to share ("this is my own address").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
pub struct AgreedFinding {
    pub kind: AgreedKind,
    /// The text as it was found: the address, the number, the link, the file's name.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Portfolio {
    pub schema_version: u32,
    pub title: String,
    #[serde(default)]
    pub candidate: Candidate,
    pub pathway: PathwayId,
    #[serde(default)]
    pub previous_award: Option<PreviousAward>,
    /// Keyed by section id (`context`, `1a`, `5c`, `advanced-2`, `future`...).
    #[serde(default)]
    pub sections: BTreeMap<String, SectionEntry>,
    #[serde(default)]
    pub confirmation: Confirmation,
    #[serde(default)]
    pub assessor: Option<NominatedAssessor>,
    /// The evidence library, in the order items were added.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
    /// The number the next item gets (E1, E2...): numbers are never reused, so a
    /// reference like `[E3]` in the text keeps meaning the same item.
    #[serde(default = "first_evidence_number")]
    pub next_evidence_number: u32,
    /// Self-assessment per assessed section id.
    #[serde(default)]
    pub self_assessment: BTreeMap<String, SelfRating>,
    #[serde(default)]
    pub confirmations: CandidateConfirmations,
    /// The date the candidate aims to submit by, "YYYY-MM-DD" (named from the years of
    /// fixed submission windows; any date now that ALT takes portfolios all year).
    #[serde(default)]
    pub target_window: Option<String>,
    /// When the candidate registered with ALT, "YYYY-MM-DD": the registration's end follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_on: Option<String>,
    /// The language the text is spell-checked in ("en-GB"); none means the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spelling_language: Option<String>,
    /// Every assessment recorded, oldest first.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// When the current pathway's award was made, "YYYY-MM-DD".
    #[serde(default)]
    pub accredited_on: Option<String>,
    /// Reviews of practice, oldest first.
    #[serde(default)]
    pub reviews: Vec<PracticeReview>,
    /// Review copies sent to a mentor or colleague, and what came back, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentor_reviews: Vec<crate::mentor_review::MentorReview>,
    /// "Before you share" findings the candidate has reviewed and agreed to keep. Not part
    /// of an export's `portfolio.json`: the list can name what was agreed to, such as an
    /// address later taken out of the text.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "agreements_this_app_knows"
    )]
    #[ts(as = "Vec<AgreedFinding>")]
    pub share_check_agreed: Vec<AgreedFinding>,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub updated_at: OffsetDateTime,
}

fn first_evidence_number() -> u32 {
    1
}

/// The agreements as saved, and read leaving out any of a kind a newer version of the app
/// has written: such a finding is only reported again, which is better than refusing the
/// whole file.
mod agreements_this_app_knows {
    use super::AgreedFinding;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        agreements: &[AgreedFinding],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        agreements.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<AgreedFinding>, D::Error> {
        let values: Vec<serde_json::Value> = Deserialize::deserialize(deserializer)?;
        Ok(values
            .into_iter()
            .filter_map(|value| serde_json::from_value(value).ok())
            .collect())
    }
}

impl Portfolio {
    pub fn new(title: &str, candidate_name: &str, pathway: PathwayId, now: OffsetDateTime) -> Self {
        let now = now.replace_nanosecond(0).unwrap_or(now);
        Portfolio {
            schema_version: SCHEMA_VERSION,
            title: title.trim().to_string(),
            candidate: Candidate {
                name: candidate_name.trim().to_string(),
                ..Candidate::default()
            },
            pathway,
            previous_award: None,
            sections: BTreeMap::new(),
            confirmation: Confirmation::default(),
            assessor: None,
            evidence: Vec::new(),
            next_evidence_number: first_evidence_number(),
            self_assessment: BTreeMap::new(),
            confirmations: CandidateConfirmations::default(),
            target_window: None,
            registered_on: None,
            spelling_language: None,
            assessments: Vec::new(),
            accredited_on: None,
            reviews: Vec::new(),
            mentor_reviews: Vec::new(),
            share_check_agreed: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Brings a portfolio read from an older format up to this one, so the next save writes
    /// the current format. Version 1 lacks only fields that load as empty.
    pub fn migrated(mut self) -> Portfolio {
        self.schema_version = self.schema_version.max(SCHEMA_VERSION);
        self
    }

    pub fn section(&self, id: &str) -> Option<&SectionEntry> {
        self.sections.get(id)
    }

    /// The entry for `id`, created empty on first write.
    pub fn section_mut(&mut self, id: &str) -> &mut SectionEntry {
        self.sections.entry(id.to_string()).or_default()
    }

    pub fn evidence_item(&self, id: &str) -> Option<&EvidenceItem> {
        self.evidence.iter().find(|item| item.id == id)
    }

    /// The sections that cite `evidence_id`, in the order of the portfolio's map.
    pub fn sections_citing(&self, evidence_id: &str) -> Vec<String> {
        self.sections
            .iter()
            .filter(|(_, entry)| entry.citations.iter().any(|c| c.evidence_id == evidence_id))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The title to show when the candidate left it blank.
    pub fn display_title(&self) -> String {
        match (self.title.trim(), self.candidate.name.trim()) {
            ("", "") => "Untitled portfolio".to_string(),
            ("", name) => format!("{name}'s portfolio"),
            (title, _) => title.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_new_portfolio_round_trips_through_json() {
        let mut portfolio = Portfolio::new(
            "My CMALT",
            "Amara",
            PathwayId::Cmalt,
            datetime!(2026-11-23 10:00 UTC),
        );
        portfolio.section_mut("1a").description = "Ich habe — 日本語 — 🎓 gelernt".into();
        let json = serde_json::to_string_pretty(&portfolio).unwrap();
        let back: Portfolio = serde_json::from_str(&json).unwrap();
        assert_eq!(back, portfolio, "saving and loading must not change a word");
    }

    #[test]
    fn missing_optional_fields_load_as_empty() {
        let json = r#"{"schema_version":1,"title":"T","pathway":"senior",
            "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#;
        let portfolio: Portfolio = serde_json::from_str(json).unwrap();
        assert!(portfolio.sections.is_empty());
        assert!(portfolio.assessor.is_none());
        assert!(portfolio.assessments.is_empty() && portfolio.accredited_on.is_none());
        assert_eq!(portfolio.migrated().schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn blank_titles_fall_back_to_the_candidate() {
        let portfolio =
            Portfolio::new(" ", "Sam", PathwayId::Associate, OffsetDateTime::UNIX_EPOCH);
        assert_eq!(portfolio.display_title(), "Sam's portfolio");
    }
}
