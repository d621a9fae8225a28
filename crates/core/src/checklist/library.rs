//! Rules for the evidence library's items: each says what it shows, old items say why they
//! still count, links have an address, files were found, and each item is used somewhere.

use super::{Found, ProblemCode, Severity, filled};
use crate::evidence::{EvidenceItem, EvidenceSource, is_older_than};
use crate::framework::Framework;
use crate::model::Portfolio;
use std::collections::HashSet;

pub(super) fn check_items(
    framework: &Framework,
    portfolio: &Portfolio,
    today: time::Date,
    cited: &HashSet<&str>,
    found: &mut Found,
) {
    let years = framework.evidence_recent_years;
    for item in &portfolio.evidence {
        let name = item_name(item);
        let mut report = |severity: Severity, code: ProblemCode, message: String| {
            found.push(None, Some(&item.id), severity, code, message);
        };
        let details = &item.details;
        match &item.source {
            EvidenceSource::MissingFile { original_name } => report(
                Severity::Error,
                ProblemCode::EvidenceFileMissing,
                format!(
                    "{}'s file (“{original_name}”) was not found when importing: attach it or remove the item.",
                    item.id
                ),
            ),
            EvidenceSource::Link { url } if !filled(url) => report(
                Severity::Error,
                ProblemCode::EvidenceLinkMissingUrl,
                format!(
                    "{name} is a link with no web address: add the address, or remove the item."
                ),
            ),
            EvidenceSource::Link { .. } | EvidenceSource::File { .. } => {}
        }
        if !filled(&details.what_it_shows) {
            report(
                Severity::Error,
                ProblemCode::EvidenceMissingWhatItShows,
                format!(
                    "{name} does not say what it shows. Add a sentence on why it is included and what it proves about your practice."
                ),
            );
        }
        if is_older_than(details, years, today) && !filled(&details.still_relevant_because) {
            report(
                Severity::Error,
                ProblemCode::EvidenceOldWithoutReason,
                format!(
                    "{name} is dated {}, more than {years} years ago. Say why it still counts, for example a long-running project or how it shows your practice developing.",
                    details.date.trim()
                ),
            );
        }
        if !details.permission_confirmed {
            report(
                Severity::Warning,
                ProblemCode::EvidencePermissionNotConfirmed,
                format!(
                    "Confirm that {name} is anonymised, or that the people in it agreed to its use."
                ),
            );
        }
        if !cited.contains(item.id.as_str()) {
            report(
                Severity::Warning,
                ProblemCode::EvidenceNotCited,
                format!(
                    "{name} is not cited in any section. Cite it where it backs up your writing, or remove it from your library."
                ),
            );
        }
    }
}

/// "E4 “Staff survey”", or just "E4" while untitled.
fn item_name(item: &EvidenceItem) -> String {
    match item.details.title.trim() {
        "" => item.id.clone(),
        title => format!("{} “{title}”", item.id),
    }
}
