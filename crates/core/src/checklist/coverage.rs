//! Rules about the portfolio as a whole: enough specialist and advanced areas, the four
//! core principles each shown somewhere, and the candidate's own submission ticks.

use super::suggestions::Readings;
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
        // A required area the outline shows empty is reported as that section, once.
        let shown_empty = shown
            .iter()
            .filter(|entry| entry.kind.area_kind() == Some(kind) && entry.required)
            .filter(|entry| !portfolio.section(&entry.id).is_some_and(|s| s.has_text()))
            .count();
        if written + shown_empty < limits.min {
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
    readings: &mut Readings,
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
            // Untagged everywhere: the sections whose writing shows it, as they are named.
            let showing: Vec<&OutlineEntry> = if sections.is_empty() {
                shown
                    .iter()
                    .copied()
                    .filter(|entry| entry.kind.has_description_and_reflection())
                    .filter(|entry| {
                        portfolio.section(&entry.id).is_some_and(|section| {
                            readings.of(&entry.id, section).shows_principle(principle.id)
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let title = principle.title.trim_end_matches('.');
            if !showing.is_empty() {
                let named = super::in_words_list(
                    &showing
                        .iter()
                        .map(|entry| entry.number.as_deref().unwrap_or(&entry.title))
                        .collect::<Vec<_>>(),
                );
                found.suggest(
                    None,
                    ProblemCode::PrincipleSuggested,
                    format!(
                        "No section is tagged with core principle {}, “{title}”, but your writing in {named} seems to show it. Tag it there if it does: assessors look for all four across the portfolio.",
                        principle.id,
                    ),
                    super::Fix::TagPrinciple {
                        principle: principle.id,
                        label: format!("Tag principle {} on {named}", principle.id),
                        sections: showing.iter().map(|entry| entry.id.clone()).collect(),
                    },
                );
            } else if sections.is_empty() {
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
    let unticked: Vec<String> = statements
        .iter()
        .filter(|(ticked, _)| !ticked)
        .map(|(_, statement)| format!("“{statement}”"))
        .collect();
    // One entry for all of them: they are one list on the Ready page.
    match unticked.as_slice() {
        [] => {}
        [one] => found.warning(
            None,
            ProblemCode::ConfirmationNotTicked,
            format!("Not ticked yet: {one}. Tick it when done."),
        ),
        several => found.warning(
            None,
            ProblemCode::ConfirmationNotTicked,
            format!(
                "Not ticked yet: {}. Tick each when it is true.",
                super::in_words_list(several)
            ),
        ),
    }
}
