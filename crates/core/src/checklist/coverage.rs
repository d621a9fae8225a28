//! Rules about the portfolio as a whole: enough specialist and advanced areas, the four
//! core principles each shown somewhere, and the candidate's own submission ticks.

use super::{Found, PrincipleCoverage, ProblemCode, count_in_words};
use crate::framework::{AreaKindId, Framework};
use crate::model::Portfolio;
use crate::outline::OutlineEntry;

pub(super) fn check_area_counts(
    framework: &Framework,
    portfolio: &Portfolio,
    shown: &[&OutlineEntry],
    found: &mut Found,
) {
    let pathway = framework.pathway(portfolio.pathway);
    for kind in [AreaKindId::Specialist, AreaKindId::Advanced] {
        let limits = pathway.area_count(kind);
        // An area counts once the candidate has written something in it.
        let written = shown
            .iter()
            .filter(|entry| entry.kind.area_kind() == Some(kind))
            .filter(|entry| portfolio.section(&entry.id).is_some_and(|s| s.has_text()))
            .count();
        let noun = |count: usize| {
            let singular = match kind {
                AreaKindId::Specialist => "specialist area",
                AreaKindId::Advanced => "advanced area",
            };
            if count == 1 {
                singular.to_string()
            } else {
                format!("{singular}s")
            }
        };
        if written < limits.min {
            found.error(
                None,
                ProblemCode::TooFewAreas,
                format!(
                    "{} needs at least {} {}; you have written {} so far. Write the {} still missing before you submit.",
                    pathway.name,
                    count_in_words(limits.min),
                    noun(limits.min),
                    count_in_words(written),
                    noun(limits.min - written),
                ),
            );
        }
        if let Some(max) = limits.max
            && written > max
        {
            found.warning(
                None,
                ProblemCode::TooManyAreas,
                format!(
                    "You have written {} {}; more than {} is not expected. Keep the ones that show your expertise best.",
                    count_in_words(written),
                    noun(written),
                    count_in_words(max),
                ),
            );
        }
    }
}

/// Which sections show each principle, with an error for any shown nowhere.
pub(super) fn check_principles(
    framework: &Framework,
    portfolio: &Portfolio,
    shown: &[&OutlineEntry],
    found: &mut Found,
) -> Vec<PrincipleCoverage> {
    framework
        .principles
        .iter()
        .map(|principle| {
            // A tag on an empty section demonstrates nothing, so only written ones count.
            let sections: Vec<String> = shown
                .iter()
                .filter(|entry| {
                    portfolio.section(&entry.id).is_some_and(|section| {
                        section.has_text() && section.principles.contains(&principle.id)
                    })
                })
                .map(|entry| entry.id.clone())
                .collect();
            if sections.is_empty() {
                found.error(
                    None,
                    ProblemCode::PrincipleNotAddressed,
                    format!(
                        "No section shows core principle {}, “{}”. Assessors look for all four across the portfolio: tag it on the sections where your writing demonstrates it.",
                        principle.id,
                        principle.title.trim_end_matches('.')
                    ),
                );
            }
            PrincipleCoverage {
                id: principle.id,
                title: principle.title.clone(),
                sections,
            }
        })
        .collect()
}

/// The scheme's own pre-submission ticks, which only the candidate can give.
pub(super) fn check_candidate_ticks(portfolio: &Portfolio, found: &mut Found) {
    let ticks = &portfolio.confirmations;
    let statements = [
        (
            ticks.described_clearly,
            "My examples are described clearly and concisely in each section",
        ),
        (
            ticks.reflected,
            "I have reflected on my work in each section",
        ),
        (
            ticks.evidence_recent_and_succinct,
            "My evidence is recent, relevant and succinct",
        ),
        (
            ticks.principles_addressed,
            "The four core principles are addressed throughout",
        ),
        (ticks.proofread, "I have proofread the whole portfolio"),
    ];
    for (ticked, statement) in statements {
        if !ticked {
            found.warning(
                None,
                ProblemCode::ConfirmationNotTicked,
                format!("Not ticked yet: “{statement}”. Tick it when done."),
            );
        }
    }
}
