//! The submission checklist: every rule of the scheme a portfolio can be checked against
//! before it is sent, as errors (must be fixed) and warnings (worth a look), per section.
//!
//! One pass: each section's Markdown is counted once, each evidence item visited once, and
//! every limit comes from the framework data.

mod coverage;
mod library;
mod sections;
mod suggestions;

use crate::evidence::{EvidenceDetails, EvidenceItem};
use crate::find::{FoundExcerpt, TextPart};
use crate::framework::{Framework, PathwayId};
use crate::model::{AgreedFinding, Portfolio};
use crate::outline::{OutlineEntry, SectionStatus, outline};
use crate::personal_data::PersonalDataKind;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The whole result, as the window's checklist and `cmalt-portfolio check --json` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Checklist {
    /// No errors: the portfolio can be submitted (warnings are advice).
    pub ready: bool,
    pub pathway: PathwayId,
    /// Every section the pathway shows, in the outline's order.
    pub sections: Vec<SectionCheck>,
    /// Section problems in outline order, then those of the whole portfolio.
    pub problems: Vec<Problem>,
    pub errors: usize,
    pub warnings: usize,
    /// Required sections that are complete and have no error, for a progress figure.
    pub completed: usize,
    pub total: usize,
    pub principles: Vec<PrincipleCoverage>,
}

/// One section as the checklist sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SectionCheck {
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    pub required: bool,
    pub status: CheckStatus,
    /// For statement sections (context, future plans) the words of the whole text.
    pub description_words: usize,
    pub reflection_words: usize,
    /// Distinct evidence items the section cites that exist in the library.
    pub evidence_count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Empty,
    InProgress,
    Complete,
    /// The section has at least one error.
    Problem,
}

impl From<SectionStatus> for CheckStatus {
    fn from(status: SectionStatus) -> Self {
        match status {
            SectionStatus::Empty => CheckStatus::Empty,
            SectionStatus::InProgress => CheckStatus::InProgress,
            SectionStatus::Complete => CheckStatus::Complete,
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// Which rule a problem comes from. The serialised names are stable: the UI and scripts
/// branch on them, never on the wording of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A required section with nothing written in it.
    MissingSection,
    MissingDescription,
    MissingReflection,
    /// An assessed section that cites no item of the evidence library.
    MissingEvidence,
    /// 3a, 3b, a specialist or advanced area that does not name what it is about, and whose
    /// writing names nothing the app could propose.
    MissingTopic,
    /// No topic given, but the writing names one (a law, a standard): the candidate confirms
    /// it with one click (warning).
    TopicSuggested,
    /// A citation of an item the library no longer has (warning).
    UnknownCitation,
    /// A statement (future plans) outside its word range.
    WordsOutOfRange,
    /// Fewer specialist or advanced areas than the pathway needs.
    TooFewAreas,
    /// More areas than the scheme expects (warning).
    TooManyAreas,
    DeclarationNotAccepted,
    DeclarationNotSigned,
    DeclarationNotDated,
    AssessorMissingName,
    AssessorMissingOrganisation,
    AssessorInvalidEmail,
    AssessorConflictNotConfirmed,
    /// The draft says the assessor has no conflict of interest; the candidate confirms it
    /// with one click (warning).
    AssessorConflictSuggested,
    EvidenceMissingWhatItShows,
    /// An item older than the recent-years window with no reason it still counts.
    EvidenceOldWithoutReason,
    EvidenceLinkMissingUrl,
    /// Files named in an imported draft that were never found (warning).
    EvidenceFileMissing,
    /// Items an imported web portfolio names by a path on its own website (warning).
    EvidenceOnWebsite,
    /// Not confirmed as anonymised or used with permission (warning).
    EvidencePermissionNotConfirmed,
    /// In the library but cited by no section (warning).
    EvidenceNotCited,
    /// One of the four core principles is tagged on no section, and no section's writing
    /// shows it either.
    PrincipleNotAddressed,
    /// A principle tagged nowhere that the writing of some sections shows: the candidate
    /// confirms the tags with one click (warning).
    PrincipleSuggested,
    /// A section's narrative far from the words guide (warning).
    NarrativeFarFromGuide,
    /// A Reflection much shorter than its Description (warning).
    ThinReflection,
    /// `[E7]` in the text with no item E7 in the library (warning).
    UnknownEvidenceReference,
    /// One of the candidate's own submission ticks not given yet (warning).
    ConfirmationNotTicked,
    // The "before you share" check (`share_check`): warnings only, the candidate decides.
    /// An attached photo whose stored copy still says where it was taken, the camera's
    /// serial number, the owner's name or similar.
    ImageLocationData,
    /// An email address, phone number, postcode, student ID or learner's name in the
    /// section text or in an evidence item's title or description.
    PersonalDataInText,
    /// The same in an evidence file's name or in the text of a PDF, Word or text file (or
    /// such a file whose text could not be read, so could not be looked through).
    PersonalDataInEvidence,
    /// A link that usually opens only after signing in (Google Drive, SharePoint, a VLE
    /// course page) or only on the candidate's own computer or network.
    LinkNeedsSignIn,
    /// A link in the text that is not a web or email address an assessor could open.
    LinkMalformed,
    /// A link that did not open when tried online (only from *Check links online*).
    LinkBroken,
    /// A link that leads somewhere else when tried online: the final address is named.
    LinkRedirected,
    /// An evidence file in a format an assessor may not have the program for (Word, Pages).
    ProprietaryFormat,
    /// A picture the export shows with no words saying what it shows.
    ImageWithoutTextAlternative,
}

// Deserialize too: the window reads the findings of `cmalt-portfolio check --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Problem {
    /// A stable id for a "before you share" finding (a short hash of its code, its place and
    /// the text found), by which the window and `check --redact ID` refer to it; `None` for
    /// the checklist's own problems.
    pub id: Option<String>,
    /// The section id, or `None` for the portfolio as a whole.
    pub section: Option<String>,
    /// The evidence item the problem is about (`E4`), if any.
    pub evidence: Option<String>,
    /// For a grouped problem, every evidence item it is about, in library order (the one
    /// item of an ungrouped problem too).
    pub items: Vec<String>,
    pub severity: Severity,
    pub code: ProblemCode,
    /// Plain words for the candidate: what is wrong and what to do about it.
    pub message: String,
    /// What one click does about it, when the app can do it for the candidate.
    pub fix: Option<Fix>,
    /// The passage a "before you share" finding is about, with a little text either side.
    pub passage: Option<FoundExcerpt>,
    /// Marking the finding as reviewed and fine to share ("this is my own address"), when
    /// the candidate may decide so: it is not reported again.
    pub agree: Option<Fix>,
}

/// A change the checklist proposes and the candidate accepts with one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fix {
    /// Fill in a section's topic with what its writing names.
    UseTopic {
        section: String,
        topic: String,
        /// The button's words: "Use “Equality Act 2010”".
        label: String,
    },
    /// Tag a principle on the sections whose writing shows it.
    TagPrinciple {
        principle: u8,
        sections: Vec<String>,
        label: String,
    },
    /// Mark these items as anonymised or used with permission.
    ConfirmPermission { items: Vec<String>, label: String },
    /// Confirm the nominated assessor has no conflict of interest, as the draft says.
    ConfirmNoConflict { label: String },
    /// Replace a passage of personal data with what could stand in its place ("[learner]"),
    /// wherever the check finds that same passage in that one text, inside plain text only.
    Redact {
        place: TextPlace,
        personal_data: PersonalDataKind,
        /// The passage as found.
        text: String,
        /// "[email address]", "[learner]", … (`PersonalDataKind::replacement`).
        replacement: String,
        label: String,
    },
    /// Mark a reviewed finding as fine to share, so it is not reported again; kept in the
    /// portfolio by what was found and its text, so it holds wherever that text appears.
    AgreeFinding {
        agreed: AgreedFinding,
        label: String,
    },
    /// Store a copy of each photo without its personal details in the portfolio, in place of
    /// the copy with them (the candidate's own file elsewhere is never touched).
    CleanImageMetadata { items: Vec<String>, label: String },
}

/// Where a passage of text is, for a fix that edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum TextPlace {
    /// A part of a section's Markdown.
    Section { section: String, part: TextPart },
    /// A field an evidence item is described by (plain text, not Markdown).
    Evidence {
        evidence: String,
        field: EvidenceField,
    },
}

/// The fields of an evidence item's description that the share check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceField {
    Title,
    Origin,
    WhatItShows,
    StillRelevantBecause,
}

impl EvidenceField {
    pub const ALL: [EvidenceField; 4] = [
        EvidenceField::Title,
        EvidenceField::Origin,
        EvidenceField::WhatItShows,
        EvidenceField::StillRelevantBecause,
    ];

    /// As the library's form labels it.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceField::Title => "title",
            EvidenceField::Origin => "origin",
            EvidenceField::WhatItShows => "\"what it shows\"",
            EvidenceField::StillRelevantBecause => "\"why it still counts\"",
        }
    }

    pub fn of(self, details: &EvidenceDetails) -> &str {
        match self {
            EvidenceField::Title => &details.title,
            EvidenceField::Origin => &details.origin,
            EvidenceField::WhatItShows => &details.what_it_shows,
            EvidenceField::StillRelevantBecause => &details.still_relevant_because,
        }
    }

    pub fn of_mut(self, details: &mut EvidenceDetails) -> &mut String {
        match self {
            EvidenceField::Title => &mut details.title,
            EvidenceField::Origin => &mut details.origin,
            EvidenceField::WhatItShows => &mut details.what_it_shows,
            EvidenceField::StillRelevantBecause => &mut details.still_relevant_because,
        }
    }
}

/// The one-click fix a grouped evidence problem offers, if any.
fn fix_for(code: ProblemCode, items: &[&EvidenceItem]) -> Option<Fix> {
    (code == ProblemCode::EvidencePermissionNotConfirmed).then(|| Fix::ConfirmPermission {
        items: items.iter().map(|item| item.id.clone()).collect(),
        label: match items.len() {
            1 => "Confirm it".to_string(),
            count => format!("Confirm all {count}"),
        },
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PrincipleCoverage {
    pub id: u8,
    pub title: String,
    /// Sections with writing in them that are tagged with this principle, in outline order.
    pub sections: Vec<String>,
}

/// Checks `portfolio` against the rules of its pathway as of `today` (for the age of
/// evidence). Sections kept aside from another pathway are not checked.
pub fn check(framework: &Framework, portfolio: &Portfolio, today: time::Date) -> Checklist {
    let outline = outline(framework, portfolio);
    let shown: Vec<&OutlineEntry> = outline.groups.iter().flat_map(|g| &g.entries).collect();
    let library: HashMap<&str, &EvidenceItem> = portfolio
        .evidence
        .iter()
        .map(|item| (item.id.as_str(), item))
        .collect();

    let mut found = Found::default();
    let mut readings = suggestions::Readings::default();
    // Evidence ids cited by a section the pathway shows.
    let mut cited: HashSet<&str> = HashSet::new();
    let mut sections = Vec::with_capacity(shown.len());
    for entry in &shown {
        let before = found.problems.len();
        let counts = sections::check_section(
            framework,
            portfolio,
            &library,
            entry,
            &mut cited,
            &mut found,
            &mut readings,
        );
        let has_error = found.problems[before..]
            .iter()
            .any(|p| p.severity == Severity::Error);
        sections.push(SectionCheck {
            id: entry.id.clone(),
            number: entry.number.clone(),
            title: entry.title.clone(),
            required: entry.required,
            status: if has_error {
                CheckStatus::Problem
            } else {
                entry.status.into()
            },
            description_words: counts.description_words,
            reflection_words: counts.reflection_words,
            evidence_count: counts.evidence_count,
        });
    }

    coverage::check_area_counts(framework, portfolio, &shown, &mut found);
    library::check_items(framework, portfolio, today, &cited, &mut found);
    let principles =
        coverage::check_principles(framework, portfolio, &shown, &mut found, &mut readings);
    coverage::check_candidate_ticks(portfolio, &mut found);

    let problems = found.problems;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let required = || sections.iter().filter(|s| s.required);
    Checklist {
        ready: errors == 0,
        pathway: portfolio.pathway,
        completed: required()
            .filter(|s| s.status == CheckStatus::Complete)
            .count(),
        total: required().count(),
        warnings: problems.len() - errors,
        errors,
        problems,
        sections,
        principles,
    }
}

/// The problems the rules have found so far, in the order they will be reported.
#[derive(Default)]
struct Found {
    problems: Vec<Problem>,
}

impl Found {
    fn error(&mut self, section: Option<&str>, code: ProblemCode, message: String) {
        self.push(section, None, Severity::Error, code, message);
    }

    fn warning(&mut self, section: Option<&str>, code: ProblemCode, message: String) {
        self.push(section, None, Severity::Warning, code, message);
    }

    /// A warning with the change that fixes it.
    fn suggest(&mut self, section: Option<&str>, code: ProblemCode, message: String, fix: Fix) {
        self.push(section, None, Severity::Warning, code, message);
        if let Some(problem) = self.problems.last_mut() {
            problem.fix = Some(fix);
        }
    }

    fn push(
        &mut self,
        section: Option<&str>,
        evidence: Option<&str>,
        severity: Severity,
        code: ProblemCode,
        message: String,
    ) {
        self.problems.push(Problem {
            id: None,
            section: section.map(str::to_string),
            evidence: evidence.map(str::to_string),
            items: evidence.map(str::to_string).into_iter().collect(),
            severity,
            code,
            message,
            fix: None,
            passage: None,
            agree: None,
        });
    }
}

/// How a section is named in messages: "Section 1a" for numbered ones, else its title
/// ("Future plans", "Advanced area 2").
pub(crate) fn section_name(entry: &OutlineEntry) -> String {
    match &entry.number {
        Some(number) => format!("Section {number}"),
        None => entry.title.clone(),
    }
}

/// "1a", "1a and 2b", "1a, 2b and 4".
pub(crate) fn in_words_list<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// Small counts read better as words in a sentence for a teacher ("at least two").
fn count_in_words(count: usize) -> String {
    const WORDS: [&str; 11] = [
        "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(count)
        .map_or_else(|| count.to_string(), |word| word.to_string())
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}
