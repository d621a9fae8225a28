//! Rules for the evidence library's items, as advice grouped by kind: one entry for the
//! files that still need a permission check, one for older evidence when most of it is old,
//! one for items that do not say what they show, and so on, each listing its items.
//!
//! None of these is an error: the scheme asks for recent, described, permitted evidence as
//! guidance, and an assessor weighs it, so the candidate decides.

use super::{Found, Problem, ProblemCode, Severity, filled};
use crate::evidence::{EvidenceItem, EvidenceSource, is_older_than, is_website_path};
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
    let items = &portfolio.evidence;
    let ids = |keep: &dyn Fn(&EvidenceItem) -> bool| -> Vec<&EvidenceItem> {
        items.iter().filter(|item| keep(item)).collect()
    };

    let missing = ids(&|item| missing_name(item).is_some_and(|name| !is_website_path(name)));
    group(
        found,
        ProblemCode::EvidenceFileMissing,
        &missing,
        |one| {
            format!(
                "{}'s file (“{}”) was not found when importing: attach it, or remove the item.",
                one.id,
                missing_name(one).unwrap_or_default()
            )
        },
        |count, list| {
            format!(
                "{count} items' files were not found when importing ({list}): attach each file, or remove the item."
            )
        },
    );

    let on_site = ids(&|item| missing_name(item).is_some_and(is_website_path));
    group(
        found,
        ProblemCode::EvidenceOnWebsite,
        &on_site,
        |one| {
            format!(
                "{} (“{}”) is on your website: add its full address (https://…), or attach the file.",
                item_name(one),
                missing_name(one).unwrap_or_default()
            )
        },
        |count, list| {
            format!(
                "{count} items are on your website, not in the portfolio ({list}): add each one's full address (https://…), or attach the file."
            )
        },
    );

    let no_address =
        ids(&|item| matches!(&item.source, EvidenceSource::Link { url } if !filled(url)));
    group(
        found,
        ProblemCode::EvidenceLinkMissingUrl,
        &no_address,
        |one| {
            format!(
                "{} is a link with no web address: add the address, or remove the item.",
                item_name(one)
            )
        },
        |count, list| {
            format!(
                "{count} links have no web address ({list}): add each address, or remove the item."
            )
        },
    );

    let undescribed = ids(&|item| !filled(&item.details.what_it_shows));
    group(
        found,
        ProblemCode::EvidenceMissingWhatItShows,
        &undescribed,
        |one| {
            format!(
                "{} does not say what it shows. Add a sentence on why it is included and what it shows about your practice.",
                item_name(one)
            )
        },
        |count, list| {
            format!(
                "{count} items do not say what they show ({list}). Add a sentence to each on why it is included and what it shows about your practice."
            )
        },
    );

    // The scheme: most evidence recent, "ideally within the last 2-3 years", older items
    // fine where they fit. So a few older items are the candidate's call; only a library
    // that is mostly old is worth a word, once.
    let dated = items
        .iter()
        .filter(|item| filled(&item.details.date))
        .count();
    let old = ids(&|item| {
        is_older_than(&item.details, years, today) && !filled(&item.details.still_relevant_because)
    });
    if old.len() * 2 > dated {
        group(
            found,
            ProblemCode::EvidenceOldWithoutReason,
            &old,
            |one| {
                format!(
                    "Most of your evidence is more than {years} years old: {} is dated {}. Assessors look for mostly recent evidence; say why it still counts, or use something more recent.",
                    item_name(one),
                    one.details.date.trim()
                )
            },
            |count, list| {
                format!(
                    "Most of your evidence is more than {years} years old ({count} items: {list}). Assessors look for mostly recent evidence, ideally from the last {years} years: use more recent items where you have them, and say for each older one why it still counts."
                )
            },
        );
    }

    // A public web page needs no permission; files and images may show learners or colleagues.
    let unconfirmed = ids(&|item| {
        !item.details.permission_confirmed && !matches!(item.source, EvidenceSource::Link { .. })
    });
    group(
        found,
        ProblemCode::EvidencePermissionNotConfirmed,
        &unconfirmed,
        |one| {
            format!(
                "Confirm that {} is anonymised, or that the people in it agreed to its use.",
                item_name(one)
            )
        },
        |count, list| {
            format!(
                "Confirm that these {count} files and images are anonymised, or that the people in them agreed to their use: {list}."
            )
        },
    );

    let uncited = ids(&|item| !cited.contains(item.id.as_str()));
    group(
        found,
        ProblemCode::EvidenceNotCited,
        &uncited,
        |one| {
            format!(
                "{} is not cited in any section. Cite it where it backs up your writing, or remove it from your library.",
                item_name(one)
            )
        },
        |count, list| {
            format!(
                "{count} items are not cited in any section ({list}). Cite each where it backs up your writing, or remove it from your library."
            )
        },
    );
}

/// One warning for all the items a rule finds: about the item itself when there is one,
/// else a summary that lists them (and `items` names each for the window).
fn group(
    found: &mut Found,
    code: ProblemCode,
    items: &[&EvidenceItem],
    one: impl Fn(&EvidenceItem) -> String,
    many: impl Fn(usize, String) -> String,
) {
    let (message, evidence) = match items {
        [] => return,
        [item] => (one(item), Some(item.id.clone())),
        _ => (many(items.len(), listed(items)), None),
    };
    found.problems.push(Problem {
        id: None,
        section: None,
        evidence,
        items: items.iter().map(|item| item.id.clone()).collect(),
        severity: Severity::Warning,
        code,
        message,
        fix: super::fix_for(code, items),
        passage: None,
        agree: None,
    });
}

/// "E1, E2 and E5", or the first few and how many more.
fn listed(items: &[&EvidenceItem]) -> String {
    const SHOWN: usize = 8;
    let ids: Vec<&str> = items.iter().map(|item| item.id.as_str()).collect();
    match ids.len() {
        n if n <= SHOWN => super::in_words_list(&ids),
        n => format!("{} and {} more", ids[..SHOWN].join(", "), n - SHOWN),
    }
}

fn missing_name(item: &EvidenceItem) -> Option<&str> {
    match &item.source {
        EvidenceSource::MissingFile { original_name } => Some(original_name),
        _ => None,
    }
}

/// "E4 “Staff survey”", or just "E4" while untitled.
fn item_name(item: &EvidenceItem) -> String {
    match item.details.title.trim() {
        "" => item.id.clone(),
        title => format!("{} “{title}”", item.id),
    }
}
