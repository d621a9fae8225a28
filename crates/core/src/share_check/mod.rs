//! "Before you share": what would expose a learner or the candidate, or fail ALT's first
//! administrative check, looked for before the portfolio leaves the computer. Photos that
//! still say where they were taken, personal data in the text and in evidence files, links
//! that need a sign-in, formats an assessor may not open, pictures with no text
//! alternative. Everything it finds is a warning: the candidate decides, and can redact a
//! passage, agree to keep it, or clean a photo with one click (`Fix`).
//!
//! The live checklist (`checklist::check`) never reads a file; this check does, so it is
//! separate, and the text of evidence files is read once and cached by content hash
//! (`EvidenceTextCache`). Trying links on the web is separate again, and on request only
//! (`online`).

pub mod evidence_text;
mod in_library;
mod in_sections;
pub mod online;
mod part_text;
mod pdf_text;
pub(crate) mod redact;

pub use evidence_text::EvidenceTextCache;

use crate::checklist::{Checklist, Fix, Problem, ProblemCode, Severity};
use crate::find::FoundExcerpt;
use crate::framework::Framework;
use crate::model::{AgreedFinding, AgreedKind, Portfolio};
use crate::personal_data::PersonalDataKind;
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// The checklist with the "before you share" findings beside it: what `cmalt-portfolio
/// check --json` prints and the Ready page shows. `ready`, `errors` and `warnings` are the
/// checklist's own; the findings are warnings the candidate looks at before sharing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReadyReport {
    #[serde(flatten)]
    pub checklist: Checklist,
    pub before_sharing: Vec<Problem>,
}

/// Everything the check finds in `portfolio` (kept in `portfolio_folder`), as warnings:
/// the sections in the outline's order (the parts the export shows), then the evidence
/// library. Findings the candidate has agreed to (`Portfolio::share_check_agreed`) are left
/// out. Evidence files are read through `cache`, so a second check reads none again.
pub fn check_before_sharing(
    framework: &Framework,
    portfolio: &Portfolio,
    portfolio_folder: &Path,
    cache: &mut EvidenceTextCache,
) -> Vec<Problem> {
    let mut found = Found::new(portfolio);
    in_sections::check(framework, portfolio, &mut found);
    let readings = cache.readings(
        portfolio_folder,
        &portfolio.evidence,
        framework.evidence_file_limit_bytes,
    );
    in_library::check(portfolio, &readings, &mut found);
    found.problems
}

/// The finding's stable id: a short hash of its code, where it is and the text found, so
/// the same finding has the same id in every check, whatever else changes.
pub fn finding_id(code: ProblemCode, place: &str, text: &str) -> String {
    let code = serde_json::to_string(&code).unwrap_or_default();
    let hash =
        crate::evidence::files::sha256_hex(format!("{code}\u{0}{place}\u{0}{text}").as_bytes());
    hash[..10].to_string()
}

/// What an agreement matches on: its kind, and its text written the one way, so that
/// "J.Smith@Uni.ac.uk" agreed once covers "j.smith@uni.ac.uk" too.
pub fn agreed_key(agreed: &AgreedFinding) -> (AgreedKind, String) {
    let text = agreed.text.trim();
    let text = match agreed.kind {
        AgreedKind::Email => text.to_lowercase(),
        AgreedKind::Phone => text
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect(),
        AgreedKind::Postcode | AgreedKind::StudentId => text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase(),
        AgreedKind::LearnerName => text.split_whitespace().collect::<Vec<_>>().join(" "),
        AgreedKind::Link | AgreedKind::Format | AgreedKind::UnreadFile => text.to_string(),
    };
    (agreed.kind, text)
}

impl From<PersonalDataKind> for AgreedKind {
    fn from(kind: PersonalDataKind) -> AgreedKind {
        match kind {
            PersonalDataKind::Email => AgreedKind::Email,
            PersonalDataKind::Phone => AgreedKind::Phone,
            PersonalDataKind::Postcode => AgreedKind::Postcode,
            PersonalDataKind::StudentId => AgreedKind::StudentId,
            PersonalDataKind::LearnerName => AgreedKind::LearnerName,
        }
    }
}

/// A personal data kind in a sentence: "an email address".
fn kind_in_words(kind: PersonalDataKind) -> &'static str {
    match kind {
        PersonalDataKind::Email => "an email address",
        PersonalDataKind::Phone => "a phone number",
        PersonalDataKind::Postcode => "a postcode",
        PersonalDataKind::StudentId => "a student ID number",
        PersonalDataKind::LearnerName => "a learner's name",
    }
}

/// The agree button's words.
fn agree_label(kind: AgreedKind) -> &'static str {
    match kind {
        AgreedKind::Email | AgreedKind::Phone | AgreedKind::Postcode | AgreedKind::StudentId => {
            "It is fine to share"
        }
        AgreedKind::LearnerName => "Keep it: not a real learner's name, or they agreed",
        AgreedKind::Link => "I have checked: it opens for anyone",
        AgreedKind::Format => "Keep this format",
        AgreedKind::UnreadFile => "I have looked through it myself",
    }
}

/// "(twice)", "(3 times)", or nothing for once.
fn times(count: usize, where_: &str) -> String {
    match count {
        0 | 1 => String::new(),
        2 => format!(" (twice {where_})"),
        n => format!(" ({n} times {where_})"),
    }
}

/// One finding before it becomes a `Problem`.
struct Finding {
    code: ProblemCode,
    section: Option<String>,
    evidence: Option<String>,
    /// Where it is, for its id: "section:1a:description", "evidence:E3:file".
    place: String,
    /// What was found, for its id: the passage, the link, the file's name.
    text: String,
    message: String,
    passage: Option<FoundExcerpt>,
    fix: Option<Fix>,
    agree: Option<AgreedFinding>,
}

/// The findings so far, without those agreed to and without repeats.
struct Found {
    problems: Vec<Problem>,
    ids: HashSet<String>,
    agreed: HashSet<(AgreedKind, String)>,
}

impl Found {
    fn new(portfolio: &Portfolio) -> Found {
        Found {
            problems: Vec::new(),
            ids: HashSet::new(),
            agreed: portfolio
                .share_check_agreed
                .iter()
                .map(agreed_key)
                .collect(),
        }
    }

    fn is_agreed(&self, agreed: &AgreedFinding) -> bool {
        self.agreed.contains(&agreed_key(agreed))
    }

    fn push(&mut self, finding: Finding) {
        if finding.agree.as_ref().is_some_and(|a| self.is_agreed(a)) {
            return;
        }
        let id = finding_id(finding.code, &finding.place, &finding.text);
        if !self.ids.insert(id.clone()) {
            return;
        }
        self.problems.push(Problem {
            id: Some(id),
            items: finding.evidence.iter().cloned().collect(),
            section: finding.section,
            evidence: finding.evidence,
            severity: Severity::Warning,
            code: finding.code,
            message: finding.message,
            fix: finding.fix,
            passage: finding.passage,
            agree: finding.agree.map(|agreed| Fix::AgreeFinding {
                label: agree_label(agreed.kind).to_string(),
                agreed,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_stable_and_differ_by_place_and_text() {
        let id = finding_id(
            ProblemCode::PersonalDataInText,
            "section:1a:description",
            "x",
        );
        assert_eq!(id.len(), 10);
        assert_eq!(
            id,
            finding_id(
                ProblemCode::PersonalDataInText,
                "section:1a:description",
                "x"
            ),
            "the same finding keeps its id"
        );
        assert_ne!(
            id,
            finding_id(
                ProblemCode::PersonalDataInText,
                "section:1b:description",
                "x"
            )
        );
        assert_ne!(
            id,
            finding_id(
                ProblemCode::PersonalDataInText,
                "section:1a:description",
                "y"
            )
        );
    }

    #[test]
    fn agreements_match_the_same_thing_written_another_way() {
        let key = |kind, text: &str| {
            agreed_key(&AgreedFinding {
                kind,
                text: text.into(),
            })
        };
        assert_eq!(
            key(AgreedKind::Email, "J.Smith@Uni.ac.uk"),
            key(AgreedKind::Email, "j.smith@uni.ac.uk")
        );
        assert_eq!(
            key(AgreedKind::Phone, "07700 900123"),
            key(AgreedKind::Phone, "07700900123")
        );
        assert_eq!(
            key(AgreedKind::Postcode, "sw1a 1aa"),
            key(AgreedKind::Postcode, "SW1A1AA")
        );
        assert_ne!(
            key(AgreedKind::Email, "a@b.org"),
            key(AgreedKind::Link, "a@b.org"),
            "an agreement holds for its own kind only"
        );
    }
}
