//! The CMALT framework as data: pathways, sections, groups, principles and our guidance,
//! loaded from `assets/framework.json` so that a change of the scheme is a change of data.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The framework file shipped with the app, embedded at build time.
pub const BUNDLED_FRAMEWORK_JSON: &str = include_str!("../../../assets/framework.json");

#[derive(Debug, thiserror::Error)]
pub enum FrameworkError {
    /// The file is not the JSON shape the app expects.
    #[error("the framework data could not be read: {0}")]
    Parse(#[from] serde_json::Error),
    /// The data parsed but contradicts itself (e.g. a section in a group that does not exist).
    #[error("the framework data is inconsistent: {0}")]
    Inconsistent(String),
}

pub type Result<T> = std::result::Result<T, FrameworkError>;

/// One of the three routes to the award.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum PathwayId {
    Associate,
    Cmalt,
    Senior,
}

impl PathwayId {
    pub const ALL: [PathwayId; 3] = [PathwayId::Associate, PathwayId::Cmalt, PathwayId::Senior];

    pub fn as_str(self) -> &'static str {
        match self {
            PathwayId::Associate => "associate",
            PathwayId::Cmalt => "cmalt",
            PathwayId::Senior => "senior",
        }
    }

    pub fn parse(text: &str) -> Option<PathwayId> {
        PathwayId::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// One free text: the contextual statement and future plans.
    Statement,
    /// Description, reflection and evidence: core areas 1a to 4.
    Assessed,
    Specialist,
    Advanced,
    Confirmation,
    Assessor,
}

impl SectionKind {
    /// Sections written as a Description plus a Reflection.
    pub fn has_description_and_reflection(self) -> bool {
        matches!(
            self,
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced
        )
    }

    pub fn area_kind(self) -> Option<AreaKindId> {
        match self {
            SectionKind::Specialist => Some(AreaKindId::Specialist),
            SectionKind::Advanced => Some(AreaKindId::Advanced),
            _ => None,
        }
    }
}

/// The areas a candidate can add more of.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum AreaKindId {
    Specialist,
    Advanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct WordRange {
    pub min: usize,
    pub max: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: u8,
    pub title: String,
    pub short: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct AreaCount {
    pub min: usize,
    /// `None`: no upper limit.
    pub max: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: PathwayId,
    pub name: String,
    pub summary: String,
    pub who_for: String,
    pub specialist_areas: AreaCount,
    pub advanced_areas: AreaCount,
    /// The pathways a holder of this award can move up to, keeping their portfolio.
    pub upgrades_to: Vec<PathwayId>,
}

impl Pathway {
    pub fn area_count(&self, kind: AreaKindId) -> AreaCount {
        match kind {
            AreaKindId::Specialist => self.specialist_areas,
            AreaKindId::Advanced => self.advanced_areas,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub number: Option<String>,
    pub core_area: bool,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub label: String,
    pub hint: String,
    pub examples: Vec<String>,
}

/// What the editor shows beside a section: our words, never the scheme's prose.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Guidance {
    pub guidance: String,
    pub description_prompts: Vec<String>,
    pub reflection_prompts: Vec<String>,
    pub must_show: Vec<String>,
    pub topic: Option<Topic>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    pub group: String,
    pub kind: SectionKind,
    pub assessed: bool,
    /// A pathway missing from the map does not include the section.
    pub pathways: BTreeMap<PathwayId, Requirement>,
    pub words: Option<WordRange>,
    pub guidance: String,
    pub description_prompts: Vec<String>,
    pub reflection_prompts: Vec<String>,
    pub must_show: Vec<String>,
    pub topic: Option<Topic>,
}

impl Section {
    pub fn requirement(&self, pathway: PathwayId) -> Option<Requirement> {
        self.pathways.get(&pathway).copied()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum IdStyle {
    /// 5a, 5b, 5c...
    Letter,
    /// advanced-1, advanced-2...
    Number,
}

/// A kind of area the candidate can add, with the guidance all its sections share.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct AreaKind {
    pub group: String,
    pub title_prefix: String,
    pub id_prefix: String,
    pub id_style: IdStyle,
    pub guidance: String,
    pub description_prompts: Vec<String>,
    pub reflection_prompts: Vec<String>,
    pub must_show: Vec<String>,
    pub topic: Option<Topic>,
}

impl AreaKind {
    /// The id of the `ordinal`-th area of this kind (1-based): `5a`, `advanced-2`.
    pub fn section_id(&self, ordinal: usize) -> String {
        match self.id_style {
            IdStyle::Letter => {
                let letter = (b'a' + ((ordinal.max(1) - 1) % 26) as u8) as char;
                format!("{}{}", self.id_prefix, letter)
            }
            IdStyle::Number => format!("{}{}", self.id_prefix, ordinal),
        }
    }

    /// The 1-based position of `id` among areas of this kind, if it is one.
    pub fn ordinal_of(&self, id: &str) -> Option<usize> {
        let rest = id.strip_prefix(&self.id_prefix)?;
        match self.id_style {
            IdStyle::Letter => {
                let mut chars = rest.chars();
                let letter = chars.next()?;
                (chars.next().is_none() && letter.is_ascii_lowercase())
                    .then(|| (letter as u8 - b'a') as usize + 1)
            }
            IdStyle::Number => rest
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0 && rest == n.to_string()),
        }
    }

    pub fn section_title(&self, ordinal: usize) -> String {
        format!("{} {}", self.title_prefix, ordinal)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct PartLabel {
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    pub description: PartLabel,
    pub reflection: PartLabel,
    pub evidence: PartLabel,
    /// A section's reference list: kept with it, apart from the evidence.
    pub references: PartLabel,
}

/// When the checklist warns that a section's narrative is far from the `narrative_words`
/// guide. The scheme sets no limit, so only a large gap is worth a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct NarrativeWordsWarning {
    /// Warn below this percentage of the guide's minimum.
    pub below_percent_of_min: usize,
    /// Warn above this percentage of the guide's maximum.
    pub above_percent_of_max: usize,
    /// A section counts as complete only once its narrative reaches this percentage of the
    /// guide's minimum: 209 words against 500-600 is a start, not a section.
    pub complete_from_percent_of_min: usize,
}

/// When the checklist warns that a Reflection is much thinner than its Description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ThinReflection {
    /// Short descriptions are left alone: a brief example needs only brief reflection.
    pub from_description_words: usize,
    /// Warn when the Reflection is below this percentage of the Description's words.
    pub below_percent_of_description: usize,
}

/// The result of an assessment.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeId {
    PassWithDistinction,
    Pass,
    ReferralMinor,
    ReferralMajor,
    Fail,
}

impl OutcomeId {
    pub const ALL: [OutcomeId; 5] = [
        OutcomeId::PassWithDistinction,
        OutcomeId::Pass,
        OutcomeId::ReferralMinor,
        OutcomeId::ReferralMajor,
        OutcomeId::Fail,
    ];
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: OutcomeId,
    pub name: String,
    /// The award is made: the candidate is accredited from this date.
    pub awarded: bool,
    /// The candidate revises and submits again.
    pub referral: bool,
    /// Can be the outcome of a first submission.
    pub first_submission: bool,
    /// Can be the outcome of a re-submission after a referral.
    pub resubmission: bool,
}

/// Prompts for the three-yearly review of practice, in our own words.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ReviewGuidance {
    pub guidance: String,
    pub what_happened_prompts: Vec<String>,
    pub next_plans_prompts: Vec<String>,
}

/// A submission window's closing day, the same every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SubmissionDeadline {
    pub month: u8,
    pub day: u8,
}

/// How portfolios reach ALT: all year round since January 2025, or by fixed closing days
/// an institution running a cohort can set in `windows`.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Submissions {
    pub open_all_year: bool,
    /// "YYYY-MM-DD".
    pub open_all_year_since: String,
    /// How submitting works, in our words, for the Ready page and the start screen.
    pub how: String,
    /// A registration lasts this long: the portfolio is submitted within it.
    pub registration_valid_years: u8,
    /// Closing days, the same every year; none when portfolios are taken all year.
    pub windows: Vec<SubmissionDeadline>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub format_version: u32,
    pub narrative_words: WordRange,
    pub evidence_file_limit_bytes: u64,
    pub submission_limit_bytes: u64,
    pub evidence_recent_years: u32,
    pub narrative_words_warning: NarrativeWordsWarning,
    pub thin_reflection: ThinReflection,
    pub submissions: Submissions,
    /// What an assessment can conclude, and when each outcome can be given.
    pub outcomes: Vec<Outcome>,
    /// Accreditation is kept current by a review of practice this often.
    pub review_every_years: u8,
    pub review: ReviewGuidance,
    pub declaration: String,
    pub principles: Vec<Principle>,
    pub pathways: Vec<Pathway>,
    pub groups: Vec<Group>,
    pub sections: Vec<Section>,
    pub area_kinds: BTreeMap<AreaKindId, AreaKind>,
    pub parts: Parts,
}

impl Framework {
    /// The framework the app ships with.
    pub fn bundled() -> Result<Framework> {
        Framework::from_json(BUNDLED_FRAMEWORK_JSON)
    }

    pub fn from_json(json: &str) -> Result<Framework> {
        let framework: Framework = serde_json::from_str(json)?;
        framework.validate()?;
        Ok(framework)
    }

    pub fn pathway(&self, id: PathwayId) -> &Pathway {
        self.pathways
            .iter()
            .find(|p| p.id == id)
            .expect("validate() guarantees every pathway is described")
    }

    pub fn outcome(&self, id: OutcomeId) -> &Outcome {
        self.outcomes
            .iter()
            .find(|o| o.id == id)
            .expect("validate() guarantees every outcome is described")
    }

    pub fn area_kind(&self, kind: AreaKindId) -> &AreaKind {
        &self.area_kinds[&kind]
    }

    /// The section with this id, whether listed in the data or an added area (`5c`, `advanced-3`).
    pub fn section(&self, id: &str) -> Option<SectionInfo<'_>> {
        if let Some(section) = self.sections.iter().find(|s| s.id == id) {
            return Some(SectionInfo::Listed(section));
        }
        self.area_kinds.iter().find_map(|(kind, area)| {
            area.ordinal_of(id).map(|ordinal| SectionInfo::Added {
                kind: *kind,
                ordinal,
                area,
            })
        })
    }

    /// Guidance for a section; specialist and advanced areas share their kind's guidance.
    pub fn guidance_for(&self, section: &Section) -> Guidance {
        match section.kind.area_kind() {
            Some(kind) => self.area_kind(kind).guidance(),
            None => Guidance {
                guidance: section.guidance.clone(),
                description_prompts: section.description_prompts.clone(),
                reflection_prompts: section.reflection_prompts.clone(),
                must_show: section.must_show.clone(),
                topic: section.topic.clone(),
            },
        }
    }

    /// The listed sections a pathway includes, in framework order.
    pub fn sections_of(&self, pathway: PathwayId) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(move |s| s.requirement(pathway).is_some())
    }

    fn validate(&self) -> Result<()> {
        let fail = |message: String| Err(FrameworkError::Inconsistent(message));
        for pathway in PathwayId::ALL {
            if !self.pathways.iter().any(|p| p.id == pathway) {
                return fail(format!("pathway {} is not described", pathway.as_str()));
            }
        }
        for outcome in OutcomeId::ALL {
            if !self.outcomes.iter().any(|o| o.id == outcome) {
                return fail(format!("outcome {outcome:?} is not described"));
            }
        }
        for pathway in &self.pathways {
            if pathway.upgrades_to.contains(&pathway.id) {
                return fail(format!("{} upgrades to itself", pathway.id.as_str()));
            }
        }
        for kind in [AreaKindId::Specialist, AreaKindId::Advanced] {
            if !self.area_kinds.contains_key(&kind) {
                return fail(format!("area kind {kind:?} is not described"));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for section in &self.sections {
            if !seen.insert(section.id.as_str()) {
                return fail(format!("section {} is listed twice", section.id));
            }
            if !self.groups.iter().any(|g| g.id == section.group) {
                return fail(format!(
                    "section {} names group {}, which is not listed",
                    section.id, section.group
                ));
            }
        }
        for (kind, area) in &self.area_kinds {
            if !self.groups.iter().any(|g| g.id == area.group) {
                return fail(format!("area kind {kind:?} names a missing group"));
            }
        }
        for deadline in &self.submissions.windows {
            // 2001 is not a leap year: a deadline must fall every year, so never 29 February.
            let every_year = time::Month::try_from(deadline.month)
                .and_then(|month| time::Date::from_calendar_date(2001, month, deadline.day));
            if every_year.is_err() {
                return fail(format!(
                    "the submission deadline {}/{} is not a day of every year",
                    deadline.day, deadline.month
                ));
            }
        }
        if crate::dates::parse_iso_date(&self.submissions.open_all_year_since).is_none() {
            return fail("submissions.open_all_year_since is not a YYYY-MM-DD date".into());
        }
        Ok(())
    }
}

impl AreaKind {
    pub fn guidance(&self) -> Guidance {
        Guidance {
            guidance: self.guidance.clone(),
            description_prompts: self.description_prompts.clone(),
            reflection_prompts: self.reflection_prompts.clone(),
            must_show: self.must_show.clone(),
            topic: self.topic.clone(),
        }
    }
}

/// A section as the app knows it: listed in the framework data, or an extra area the
/// candidate added beyond the listed ones.
#[derive(Debug, Clone, Copy)]
pub enum SectionInfo<'a> {
    Listed(&'a Section),
    Added {
        kind: AreaKindId,
        ordinal: usize,
        area: &'a AreaKind,
    },
}

impl SectionInfo<'_> {
    pub fn kind(&self) -> SectionKind {
        match self {
            SectionInfo::Listed(section) => section.kind,
            SectionInfo::Added { kind, .. } => match kind {
                AreaKindId::Specialist => SectionKind::Specialist,
                AreaKindId::Advanced => SectionKind::Advanced,
            },
        }
    }

    pub fn title(&self) -> String {
        match self {
            SectionInfo::Listed(section) => section.title.clone(),
            SectionInfo::Added { ordinal, area, .. } => area.section_title(*ordinal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_ids_round_trip_through_ordinals() {
        let framework = Framework::bundled().expect("the bundled framework must load");
        let specialist = framework.area_kind(AreaKindId::Specialist);
        assert_eq!(specialist.section_id(1), "5a");
        assert_eq!(specialist.section_id(3), "5c");
        assert_eq!(specialist.ordinal_of("5c"), Some(3));
        assert_eq!(specialist.ordinal_of("5"), None, "5 alone is not an area");
        assert_eq!(specialist.ordinal_of("5ab"), None);
        let advanced = framework.area_kind(AreaKindId::Advanced);
        assert_eq!(advanced.section_id(2), "advanced-2");
        assert_eq!(advanced.ordinal_of("advanced-2"), Some(2));
        assert_eq!(
            advanced.ordinal_of("advanced-02"),
            None,
            "ids are canonical"
        );
        assert_eq!(advanced.ordinal_of("advanced-0"), None);
    }

    #[test]
    fn added_areas_are_known_sections() {
        let framework = Framework::bundled().unwrap();
        let info = framework.section("5c").expect("5c is a specialist area");
        assert_eq!(info.kind(), SectionKind::Specialist);
        assert_eq!(info.title(), "Specialist area 3");
        assert!(framework.section("9z").is_none());
    }

    #[test]
    fn inconsistent_data_is_refused() {
        let mut value: serde_json::Value = serde_json::from_str(BUNDLED_FRAMEWORK_JSON).unwrap();
        value["sections"][0]["group"] = serde_json::json!("nowhere");
        let error = Framework::from_json(&value.to_string()).unwrap_err();
        assert!(
            error.to_string().contains("nowhere"),
            "the message must name the bad group: {error}"
        );
    }
}
