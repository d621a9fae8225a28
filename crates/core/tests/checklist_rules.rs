//! The checklist's rules, one small portfolio each: a complete portfolio on every pathway has
//! no problem, each rule fires when its part is broken, and fixing the part clears it.

use cmalt_core::checklist::{CheckStatus, Checklist, Fix, Problem, ProblemCode, Severity, check};
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId, SectionKind};
use cmalt_core::model::{Citation, NominatedAssessor, Portfolio};
use time::OffsetDateTime;
use time::macros::{date, datetime};

const TODAY: time::Date = date!(2026 - 03 - 01);

fn framework() -> Framework {
    Framework::bundled().expect("the bundled framework must load")
}

/// Exactly `count` words, as both word counters see them.
fn words(count: usize) -> String {
    const VOCABULARY: [&str; 8] = [
        "I",
        "redesigned",
        "the",
        "quiz",
        "bank",
        "with",
        "learners",
        "together",
    ];
    (0..count)
        .map(|i| VOCABULARY[i % VOCABULARY.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn link_item(number: u32) -> EvidenceItem {
    EvidenceItem {
        id: EvidenceItem::id_for(number),
        number,
        details: EvidenceDetails {
            title: format!("Item {number}"),
            date: "2025-06".into(),
            origin: "College VLE".into(),
            what_it_shows: "How the change worked for learners.".into(),
            permission_confirmed: true,
            still_relevant_because: String::new(),
        },
        source: EvidenceSource::Link {
            url: format!("https://example.org/evidence/{number}"),
        },
        added_at: OffsetDateTime::UNIX_EPOCH,
    }
}

/// A portfolio that meets every rule of `pathway`: each listed section written to the
/// guide, citing its own evidence item, the four principles spread over the sections,
/// the declaration signed and every tick given.
fn complete(pathway: PathwayId) -> Portfolio {
    let framework = framework();
    let mut portfolio = Portfolio::new(
        "My portfolio",
        "Sam",
        pathway,
        datetime!(2026-01-01 9:00 UTC),
    );
    let mut narrative_sections = 0u8;
    for section in framework.sections_of(pathway) {
        match section.kind {
            SectionKind::Statement => {
                let length = section
                    .words
                    .map_or(150, |range| (range.min + range.max) / 2);
                portfolio.section_mut(&section.id).description = words(length);
            }
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                let number = portfolio.next_evidence_number;
                portfolio.next_evidence_number += 1;
                portfolio.evidence.push(link_item(number));
                let principle = narrative_sections % 4 + 1;
                narrative_sections += 1;
                let entry = portfolio.section_mut(&section.id);
                entry.topic = "A named topic".into();
                entry.description = words(320);
                entry.reflection = words(220);
                entry.citations = vec![Citation {
                    evidence_id: EvidenceItem::id_for(number),
                    note: String::new(),
                }];
                entry.principles.insert(principle);
            }
            SectionKind::Confirmation | SectionKind::Assessor => {}
        }
    }
    portfolio.confirmation.declaration_accepted = true;
    portfolio.confirmation.signed_name = "Sam Example".into();
    portfolio.confirmation.date = "2026-02-27".into();
    let ticks = &mut portfolio.confirmations;
    ticks.described_clearly = true;
    ticks.reflected = true;
    ticks.evidence_recent_and_succinct = true;
    ticks.principles_addressed = true;
    ticks.proofread = true;
    portfolio
}

fn run(portfolio: &Portfolio) -> Checklist {
    check(&framework(), portfolio, TODAY)
}

fn with_code(checklist: &Checklist, code: ProblemCode) -> Vec<&Problem> {
    checklist
        .problems
        .iter()
        .filter(|p| p.code == code)
        .collect()
}

/// The one problem with `code`, checked to be on `section` with `severity`.
fn only(
    checklist: &Checklist,
    code: ProblemCode,
    section: Option<&str>,
    severity: Severity,
) -> Problem {
    let found = with_code(checklist, code);
    assert_eq!(
        found.len(),
        1,
        "exactly one {code:?} expected, got {:#?}",
        checklist.problems
    );
    assert_eq!(
        found[0].section.as_deref(),
        section,
        "{code:?} on the wrong section"
    );
    assert_eq!(
        found[0].severity, severity,
        "{code:?} has the wrong severity"
    );
    found[0].clone()
}

fn assert_clear(checklist: &Checklist, why: &str) {
    assert!(
        checklist.problems.is_empty() && checklist.ready,
        "{why}: {:#?}",
        checklist.problems
    );
}

fn status_of(checklist: &Checklist, id: &str) -> CheckStatus {
    checklist
        .sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} must be in the checklist"))
        .status
}

#[test]
fn a_complete_portfolio_has_no_problem_on_any_pathway() {
    for pathway in PathwayId::ALL {
        let checklist = run(&complete(pathway));
        assert_clear(
            &checklist,
            &format!("{pathway:?} was built to meet every rule"),
        );
        assert_eq!(checklist.pathway, pathway);
        assert_eq!(
            checklist.completed, checklist.total,
            "{pathway:?}: every required section is complete"
        );
        assert!(
            checklist.principles.iter().all(|p| !p.sections.is_empty()),
            "each principle lists the sections tagged with it"
        );
    }
}

#[test]
fn sections_follow_the_outline_and_only_the_pathways_own() {
    let framework = framework();
    for pathway in PathwayId::ALL {
        let portfolio = complete(pathway);
        let checklist = run(&portfolio);
        let outline_ids: Vec<String> = cmalt_core::outline::outline(&framework, &portfolio)
            .groups
            .iter()
            .flat_map(|g| &g.entries)
            .map(|e| e.id.clone())
            .collect();
        let checked: Vec<String> = checklist.sections.iter().map(|s| s.id.clone()).collect();
        assert_eq!(
            checked, outline_ids,
            "{pathway:?}: the outline's sections, in its order"
        );
    }
    let associate = run(&complete(PathwayId::Associate));
    for absent in ["1c", "2b", "3b", "5a", "advanced-1"] {
        assert!(
            associate.sections.iter().all(|s| s.id != absent),
            "Associate CMALT does not include {absent}"
        );
    }
    let senior = run(&complete(PathwayId::Senior));
    for present in ["5a", "5b", "advanced-1"] {
        assert!(
            senior
                .sections
                .iter()
                .any(|s| s.id == present && s.required),
            "Senior CMALT requires {present}"
        );
    }
}

#[test]
fn an_unwritten_required_section_is_an_error_on_each_pathway() {
    // Each pathway's own required sections: 1a for all, 1c from CMALT, advanced areas for Senior.
    for (pathway, id) in [
        (PathwayId::Associate, "1a"),
        (PathwayId::Cmalt, "1c"),
        (PathwayId::Senior, "advanced-1"),
        (PathwayId::Senior, "context"),
    ] {
        let mut portfolio = complete(pathway);
        let written = portfolio.sections.remove(id).unwrap();
        let checklist = run(&portfolio);
        let problem = only(
            &checklist,
            ProblemCode::MissingSection,
            Some(id),
            Severity::Error,
        );
        assert!(
            problem.message.contains("not written yet"),
            "{}",
            problem.message
        );
        assert_eq!(status_of(&checklist, id), CheckStatus::Problem);
        assert!(
            !checklist.ready,
            "a missing required section blocks submission"
        );

        portfolio.sections.insert(id.to_string(), written);
        assert_clear(&run(&portfolio), "writing the section clears it");
    }
}

#[test]
fn sections_outside_the_pathway_are_never_required() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio.section_mut("1c").description = "Kept from an earlier plan.".into();
    assert_clear(
        &run(&portfolio),
        "1c is not part of Associate CMALT: its half-written text is kept aside, not checked",
    );
}

#[test]
fn missing_description_or_reflection_is_named_with_the_section_number() {
    let mut portfolio = complete(PathwayId::Cmalt);
    let reflection = std::mem::take(&mut portfolio.section_mut("2b").reflection);
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::MissingReflection,
        Some("2b"),
        Severity::Error,
    );
    assert!(
        problem.message.contains("2b") && problem.message.contains("Reflection"),
        "the message names the section and the missing part: {}",
        problem.message
    );
    portfolio.section_mut("2b").reflection = reflection;

    let description = std::mem::take(&mut portfolio.section_mut("1a").description);
    only(
        &run(&portfolio),
        ProblemCode::MissingDescription,
        Some("1a"),
        Severity::Error,
    );
    portfolio.section_mut("1a").description = description;
    assert_clear(&run(&portfolio), "both parts written again");
}

#[test]
fn an_empty_statement_is_missing_but_needs_no_evidence() {
    let mut portfolio = complete(PathwayId::Associate);
    let text = std::mem::take(&mut portfolio.section_mut("future").description);
    let problem = only(
        &run(&portfolio),
        ProblemCode::MissingSection,
        Some("future"),
        Severity::Error,
    );
    assert!(
        problem.message.starts_with("Future plans"),
        "unnumbered sections are named by title: {}",
        problem.message
    );
    portfolio.section_mut("future").description = text;
    assert!(
        portfolio.section("context").unwrap().citations.is_empty(),
        "the contextual statement cites nothing"
    );
    assert_clear(
        &run(&portfolio),
        "statements are not assessed, so need no evidence",
    );
}

#[test]
fn an_assessed_section_must_cite_an_item_that_exists() {
    let mut portfolio = complete(PathwayId::Cmalt);
    let citations = std::mem::take(&mut portfolio.section_mut("4").citations);
    let checklist = run(&portfolio);
    only(
        &checklist,
        ProblemCode::MissingEvidence,
        Some("4"),
        Severity::Error,
    );
    assert_eq!(
        checklist
            .sections
            .iter()
            .find(|s| s.id == "4")
            .unwrap()
            .evidence_count,
        0
    );

    portfolio.section_mut("4").citations = vec![Citation {
        evidence_id: "E99".into(),
        note: String::new(),
    }];
    let checklist = run(&portfolio);
    only(
        &checklist,
        ProblemCode::MissingEvidence,
        Some("4"),
        Severity::Error,
    );
    let dangling = only(
        &checklist,
        ProblemCode::UnknownCitation,
        Some("4"),
        Severity::Warning,
    );
    assert!(dangling.message.contains("E99"), "{}", dangling.message);

    portfolio.section_mut("4").citations = citations;
    assert_clear(&run(&portfolio), "citing the section's own item again");
}

#[test]
fn legislation_policy_and_areas_must_name_their_topic() {
    for (pathway, id) in [
        (PathwayId::Associate, "3a"),
        (PathwayId::Cmalt, "3b"),
        (PathwayId::Cmalt, "5a"),
        (PathwayId::Senior, "5b"),
        (PathwayId::Senior, "advanced-1"),
    ] {
        let mut portfolio = complete(pathway);
        portfolio.section_mut(id).topic = "  ".into();
        let checklist = run(&portfolio);
        only(
            &checklist,
            ProblemCode::MissingTopic,
            Some(id),
            Severity::Error,
        );
        portfolio.section_mut(id).topic = "Equality Act 2010".into();
        assert_clear(&run(&portfolio), "naming the topic clears it");
    }
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.section_mut("1a").topic.clear();
    assert_clear(&run(&portfolio), "1a has no topic to name");
}

#[test]
fn a_missing_required_area_is_one_error_on_that_area() {
    let framework = framework();
    for (pathway, area) in [
        (PathwayId::Cmalt, "5a"),
        (PathwayId::Senior, "advanced-1"),
        (PathwayId::Senior, "5b"),
    ] {
        let mut portfolio = complete(pathway);
        let written = portfolio.sections.remove(area).unwrap();
        let checklist = run(&portfolio);
        let problem = only(
            &checklist,
            ProblemCode::MissingSection,
            Some(area),
            Severity::Error,
        );
        assert!(
            problem.message.contains(&framework.pathway(pathway).name),
            "the message names the pathway: {}",
            problem.message
        );
        assert!(
            with_code(&checklist, ProblemCode::TooFewAreas).is_empty(),
            "the gap is reported once, on the section the outline shows for it"
        );
        assert_eq!(checklist.errors, 1);
        portfolio.sections.insert(area.into(), written);
        assert_clear(&run(&portfolio), "writing the area clears it");
    }
    assert_eq!(
        framework.pathway(PathwayId::Senior).specialist_areas.min,
        2,
        "Senior CMALT asks for two specialist areas"
    );
}

#[test]
fn more_than_two_specialist_areas_is_only_a_warning() {
    for pathway in [PathwayId::Cmalt, PathwayId::Senior] {
        let mut portfolio = complete(pathway);
        let first = portfolio.section("5a").unwrap().clone();
        for extra in ["5b", "5c"] {
            portfolio
                .sections
                .entry(extra.into())
                .or_insert(first.clone());
        }
        let checklist = run(&portfolio);
        only(
            &checklist,
            ProblemCode::TooManyAreas,
            None,
            Severity::Warning,
        );
        assert!(
            checklist.ready,
            "{pathway:?}: a third area is unusual, not wrong"
        );

        portfolio.sections.remove("5c");
        assert_clear(&run(&portfolio), "two areas are expected at most");
    }
}

#[test]
fn an_empty_optional_area_is_not_counted_or_checked() {
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.section_mut("5b");
    portfolio.section_mut("5c");
    let checklist = run(&portfolio);
    assert_clear(
        &checklist,
        "added but unwritten areas are not part of the submission",
    );
    assert!(
        checklist
            .sections
            .iter()
            .any(|s| s.id == "5b" && !s.required && s.status == CheckStatus::Empty),
        "the added area is listed as optional and empty"
    );

    portfolio.section_mut("5b").description = words(300);
    let checklist = run(&portfolio);
    only(
        &checklist,
        ProblemCode::MissingReflection,
        Some("5b"),
        Severity::Error,
    );
    only(
        &checklist,
        ProblemCode::MissingEvidence,
        Some("5b"),
        Severity::Error,
    );
}

#[test]
fn future_plans_must_be_within_the_framework_word_range() {
    let framework = framework();
    let range = framework
        .sections
        .iter()
        .find(|s| s.id == "future")
        .and_then(|s| s.words)
        .expect("the data gives future plans a word range");
    let mut portfolio = complete(PathwayId::Senior);
    for (length, in_range) in [
        (range.min - 1, false),
        (range.min, true),
        (range.max, true),
        (range.max + 1, false),
    ] {
        portfolio.section_mut("future").description = words(length);
        let checklist = run(&portfolio);
        let found = with_code(&checklist, ProblemCode::WordsOutOfRange);
        assert_eq!(
            found.is_empty(),
            in_range,
            "{length} words against {}-{}: {found:#?}",
            range.min,
            range.max
        );
        if !in_range {
            assert_eq!(found[0].section.as_deref(), Some("future"));
            assert!(found[0].message.contains(&length.to_string()));
        }
        let section = checklist
            .sections
            .iter()
            .find(|s| s.id == "future")
            .unwrap();
        assert_eq!(
            section.description_words, length,
            "statements count their whole text"
        );
    }
}

#[test]
fn the_declaration_must_be_accepted_signed_and_dated() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio.confirmation.declaration_accepted = false;
    portfolio.confirmation.signed_name = " ".into();
    portfolio.confirmation.date.clear();
    let checklist = run(&portfolio);
    for code in [
        ProblemCode::DeclarationNotAccepted,
        ProblemCode::DeclarationNotSigned,
        ProblemCode::DeclarationNotDated,
    ] {
        only(&checklist, code, Some("confirmation"), Severity::Error);
    }
    assert_eq!(status_of(&checklist, "confirmation"), CheckStatus::Problem);

    portfolio.confirmation.declaration_accepted = true;
    portfolio.confirmation.signed_name = "Sam Example".into();
    portfolio.confirmation.date = "14 March 2026".into();
    only(
        &run(&portfolio),
        ProblemCode::DeclarationNotDated,
        Some("confirmation"),
        Severity::Error,
    );
    portfolio.confirmation.date = "2026-03-14".into();
    assert_clear(&run(&portfolio), "a signed, dated declaration");
}

#[test]
fn a_nominated_assessor_needs_full_details_and_no_conflict() {
    let mut portfolio = complete(PathwayId::Cmalt);
    assert!(portfolio.assessor.is_none());
    assert_clear(&run(&portfolio), "nominating an assessor is optional");

    portfolio.assessor = Some(NominatedAssessor::default());
    let checklist = run(&portfolio);
    for code in [
        ProblemCode::AssessorMissingName,
        ProblemCode::AssessorMissingOrganisation,
        ProblemCode::AssessorInvalidEmail,
        ProblemCode::AssessorConflictNotConfirmed,
    ] {
        only(&checklist, code, Some("assessor"), Severity::Error);
    }

    portfolio.assessor = Some(NominatedAssessor {
        name: "Dr Rowan Ellery".into(),
        organisation: "Fenbridge College Group".into(),
        email: "r.ellery at fenbridge".into(),
        no_conflict_confirmed: true,
        conflict_statement: String::new(),
    });
    let problem = only(
        &run(&portfolio),
        ProblemCode::AssessorInvalidEmail,
        Some("assessor"),
        Severity::Error,
    );
    assert!(
        problem.message.contains("r.ellery at fenbridge"),
        "{}",
        problem.message
    );

    portfolio.assessor.as_mut().unwrap().email = "r.ellery@fenbridge.example".into();
    assert_clear(&run(&portfolio), "complete assessor details");
}

#[test]
fn every_evidence_item_says_what_it_shows() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio.evidence[0].details.what_it_shows = "".into();
    let problem = only(
        &run(&portfolio),
        ProblemCode::EvidenceMissingWhatItShows,
        None,
        Severity::Warning,
    );
    assert_eq!(
        problem.evidence.as_deref(),
        Some("E1"),
        "the item is named for the UI"
    );
    portfolio.evidence[0].details.what_it_shows = "The survey results.".into();
    assert_clear(&run(&portfolio), "described again");
}

#[test]
fn older_evidence_is_one_warning_only_when_most_of_it_is_old() {
    let framework = framework();
    let years = framework.evidence_recent_years as i32;
    let mut portfolio = complete(PathwayId::Cmalt);
    let old_year = TODAY.year() - years - 1;
    portfolio.evidence[2].details.date = format!("{old_year}-06");
    assert_clear(
        &run(&portfolio),
        "one older item among recent ones is the candidate's call, as the scheme says",
    );

    let half = portfolio.evidence.len() / 2 + 1;
    for item in portfolio.evidence.iter_mut().take(half) {
        item.details.date = format!("{old_year}-06");
    }
    let problem = only(
        &run(&portfolio),
        ProblemCode::EvidenceOldWithoutReason,
        None,
        Severity::Warning,
    );
    assert_eq!(problem.items.len(), half, "every older item is listed");
    assert_eq!(problem.items[0], "E1");
    assert!(
        problem.message.starts_with("Most of your evidence"),
        "{}",
        problem.message
    );
    assert!(
        check(&framework, &portfolio, date!(2021 - 01 - 01)).ready
            && with_code(
                &check(&framework, &portfolio, date!(2021 - 01 - 01)),
                ProblemCode::EvidenceOldWithoutReason
            )
            .is_empty(),
        "the age is measured from the day passed in, never the clock"
    );

    for item in portfolio.evidence.iter_mut().take(half) {
        item.details.still_relevant_because = "The origin of the current workflow.".into();
    }
    assert_clear(&run(&portfolio), "older items with a reason are fine");
}

#[test]
fn link_items_need_an_address_and_missing_files_must_be_attached() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio.evidence[1].source = EvidenceSource::Link { url: " ".into() };
    only(
        &run(&portfolio),
        ProblemCode::EvidenceLinkMissingUrl,
        None,
        Severity::Warning,
    );
    portfolio.evidence[1].source = EvidenceSource::MissingFile {
        original_name: "quiz-report.pdf".into(),
    };
    let problem = only(
        &run(&portfolio),
        ProblemCode::EvidenceFileMissing,
        None,
        Severity::Warning,
    );
    assert!(
        problem.message.starts_with("E2's file")
            && problem
                .message
                .ends_with("was not found when importing: attach it, or remove the item."),
        "the message says what to do: {}",
        problem.message
    );
    portfolio.evidence[1].source = EvidenceSource::MissingFile {
        original_name: "/images/vr-poster.png#poster".into(),
    };
    let problem = only(
        &run(&portfolio),
        ProblemCode::EvidenceOnWebsite,
        None,
        Severity::Warning,
    );
    assert!(
        problem
            .message
            .contains("is on your website: add its full address"),
        "{}",
        problem.message
    );
    assert!(with_code(&run(&portfolio), ProblemCode::EvidenceFileMissing).is_empty());
    portfolio.evidence[1].source = EvidenceSource::File {
        original_name: "quiz-report.pdf".into(),
        stored_name: "quiz-report.pdf".into(),
        bytes: 10_718,
        sha256: "0".repeat(64),
        media_type: "application/pdf".into(),
    };
    assert_clear(&run(&portfolio), "an attached file");
}

#[test]
fn evidence_without_permission_or_citation_gets_a_warning() {
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.evidence[0].details.permission_confirmed = false;
    assert_clear(&run(&portfolio), "a public web page needs no permission");
    let as_file = |number: u32| EvidenceSource::File {
        original_name: format!("survey-{number}.pdf"),
        stored_name: format!("survey-{number}.pdf"),
        bytes: 10_718,
        sha256: "0".repeat(64),
        media_type: "application/pdf".into(),
    };
    portfolio.evidence[0].source = as_file(1);
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::EvidencePermissionNotConfirmed,
        None,
        Severity::Warning,
    );
    assert!(
        checklist.ready,
        "permission is the candidate's to confirm, not a blocker"
    );
    assert_eq!(problem.evidence.as_deref(), Some("E1"));
    portfolio.evidence[1].source = as_file(2);
    portfolio.evidence[1].details.permission_confirmed = false;
    let problem = only(
        &run(&portfolio),
        ProblemCode::EvidencePermissionNotConfirmed,
        None,
        Severity::Warning,
    );
    assert_eq!(problem.items, ["E1", "E2"], "one entry lists every file");
    assert_eq!(problem.evidence, None);
    assert_eq!(
        problem.fix,
        Some(Fix::ConfirmPermission {
            items: vec!["E1".into(), "E2".into()],
            label: "Confirm all 2".into()
        })
    );
    portfolio.evidence[0].details.permission_confirmed = true;
    portfolio.evidence[1].details.permission_confirmed = true;

    portfolio.evidence.push(link_item(40));
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::EvidenceNotCited,
        None,
        Severity::Warning,
    );
    assert_eq!(problem.evidence.as_deref(), Some("E40"));
    portfolio.section_mut("1a").citations.push(Citation {
        evidence_id: "E40".into(),
        note: String::new(),
    });
    assert_clear(&run(&portfolio), "the item is cited now");
}

#[test]
fn evidence_cited_only_from_a_kept_aside_section_is_cited_nowhere() {
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.pathway = PathwayId::Associate;
    let checklist = run(&portfolio);
    assert!(
        !with_code(&checklist, ProblemCode::EvidenceNotCited).is_empty(),
        "1c's item is not in the Associate submission"
    );
    for kept_aside in ["1c", "2b", "3b", "5a"] {
        assert!(
            checklist
                .problems
                .iter()
                .all(|p| p.section.as_deref() != Some(kept_aside)),
            "{kept_aside} is kept aside from Associate CMALT, so it is not checked"
        );
    }
}

#[test]
fn each_core_principle_must_be_tagged_somewhere() {
    let framework = framework();
    let mut portfolio = complete(PathwayId::Associate);
    let tagged_with_3: Vec<String> = portfolio
        .sections
        .iter()
        .filter(|(_, s)| s.principles.contains(&3))
        .map(|(id, _)| id.clone())
        .collect();
    for id in &tagged_with_3 {
        portfolio.section_mut(id).principles.remove(&3);
    }
    portfolio.section_mut("5a").principles.insert(3);
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::PrincipleNotAddressed,
        None,
        Severity::Error,
    );
    let title = framework.principles[2].title.trim_end_matches('.');
    assert!(
        problem.message.contains(title),
        "the message names the principle: {}",
        problem.message
    );
    assert!(
        checklist.principles[2].sections.is_empty(),
        "a tag on a section outside the pathway does not count"
    );

    portfolio.section_mut("4").principles.insert(3);
    let checklist = run(&portfolio);
    assert_clear(&checklist, "principle 3 is shown in section 4");
    assert_eq!(checklist.principles[2].sections, vec!["4".to_string()]);
}

#[test]
fn narratives_far_from_the_guide_get_a_warning_at_the_data_thresholds() {
    let framework = framework();
    let guide = framework.narrative_words;
    let limits = framework.narrative_words_warning;
    let lowest_quiet = (guide.min * limits.below_percent_of_min).div_ceil(100);
    let highest_quiet = guide.max * limits.above_percent_of_max / 100;
    let mut portfolio = complete(PathwayId::Cmalt);
    for (total, warned) in [
        (lowest_quiet - 1, true),
        (lowest_quiet, false),
        (highest_quiet, false),
        (highest_quiet + 1, true),
    ] {
        // An even split keeps the thin-reflection rule out of the way.
        let section = portfolio.section_mut("2a");
        section.description = words(total / 2);
        section.reflection = words(total - total / 2);
        let checklist = run(&portfolio);
        let found = with_code(&checklist, ProblemCode::NarrativeFarFromGuide);
        assert_eq!(!found.is_empty(), warned, "{total} words: {found:#?}");
        if warned {
            assert_eq!(found[0].section.as_deref(), Some("2a"));
            assert_eq!(
                found[0].severity,
                Severity::Warning,
                "there is no fixed limit"
            );
            let reach = guide.min * limits.complete_from_percent_of_min / 100;
            assert_eq!(
                status_of(&checklist, "2a"),
                if total >= reach {
                    CheckStatus::Complete
                } else {
                    CheckStatus::InProgress
                },
                "a warning does not make a section a problem; far below the guide it is not complete"
            );
        }
    }
}

#[test]
fn a_reflection_much_thinner_than_its_description_gets_a_warning() {
    let framework = framework();
    let thin = framework.thin_reflection;
    let description = 450;
    let enough = (description * thin.below_percent_of_description).div_ceil(100);
    let mut portfolio = complete(PathwayId::Senior);
    portfolio.section_mut("5b").description = words(description);
    portfolio.section_mut("5b").reflection = words(enough - 1);
    let problem = only(
        &run(&portfolio),
        ProblemCode::ThinReflection,
        Some("5b"),
        Severity::Warning,
    );
    assert!(
        problem
            .message
            .contains("most common reason portfolios are sent back"),
        "the warning says why it matters: {}",
        problem.message
    );
    portfolio.section_mut("5b").reflection = words(enough);
    assert!(
        with_code(&run(&portfolio), ProblemCode::ThinReflection).is_empty(),
        "{enough} words of reflection is enough for {description} of description"
    );

    portfolio.section_mut("5b").description = words(thin.from_description_words - 1);
    portfolio.section_mut("5b").reflection = words(10);
    assert!(
        with_code(&run(&portfolio), ProblemCode::ThinReflection).is_empty(),
        "a short description needs only a short reflection"
    );
}

#[test]
fn bracketed_references_to_missing_items_get_a_warning() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio
        .section_mut("2a")
        .reflection
        .push_str(" as [E1] and [E7] and again [E7] show");
    let problem = only(
        &run(&portfolio),
        ProblemCode::UnknownEvidenceReference,
        Some("2a"),
        Severity::Warning,
    );
    assert!(problem.message.contains("[E7]"), "{}", problem.message);
    portfolio.evidence.push(link_item(7));
    portfolio.section_mut("2a").citations.push(Citation {
        evidence_id: "E7".into(),
        note: String::new(),
    });
    assert_clear(&run(&portfolio), "E7 exists now");
}

#[test]
fn the_unticked_submission_confirmations_are_one_warning() {
    let mut portfolio = complete(PathwayId::Associate);
    portfolio.confirmations = Default::default();
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::ConfirmationNotTicked,
        None,
        Severity::Warning,
    );
    assert!(
        problem
            .message
            .contains("I have proofread the whole portfolio")
            && problem.message.contains("Tick each when it is true"),
        "{}",
        problem.message
    );
    assert!(checklist.ready, "the ticks are advice, not errors");
    assert_eq!(checklist.warnings, 1);
    portfolio.confirmations = Default::default();
    portfolio.confirmations.described_clearly = true;
    portfolio.confirmations.reflected = true;
    portfolio.confirmations.evidence_recent_and_succinct = true;
    portfolio.confirmations.principles_addressed = true;
    let problem = only(
        &run(&portfolio),
        ProblemCode::ConfirmationNotTicked,
        None,
        Severity::Warning,
    );
    assert_eq!(
        problem.message,
        "Not ticked yet: “I have proofread the whole portfolio”. Tick it when done."
    );
}

#[test]
fn a_topic_named_in_the_writing_is_a_suggestion_not_an_error() {
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.section_mut("3a").topic.clear();
    portfolio.section_mut("3a").description = format!(
        "As a public body we have duties under the Equality Act 2010 and the UK GDPR. {}",
        words(300)
    );
    let checklist = run(&portfolio);
    let problem = only(
        &checklist,
        ProblemCode::TopicSuggested,
        Some("3a"),
        Severity::Warning,
    );
    assert!(checklist.ready, "a suggestion waits for the candidate");
    assert_eq!(
        problem.fix,
        Some(Fix::UseTopic {
            section: "3a".into(),
            topic: "Equality Act 2010 and UK GDPR and the Data Protection Act 2018".into(),
            label: "Use “Equality Act 2010 and UK GDPR and the Data Protection Act 2018”".into(),
        })
    );
    portfolio.section_mut("3a").description = words(320);
    only(
        &run(&portfolio),
        ProblemCode::MissingTopic,
        Some("3a"),
        Severity::Error,
    );
}

#[test]
fn a_principle_shown_in_the_writing_but_never_tagged_is_a_suggestion() {
    let mut portfolio = complete(PathwayId::Cmalt);
    for section in portfolio.sections.values_mut() {
        section.principles.remove(&4);
    }
    portfolio.section_mut("4").reflection = format!(
        "I presented the case study at the regional network and shared the guidance. {}",
        words(200)
    );
    let problem = only(
        &run(&portfolio),
        ProblemCode::PrincipleSuggested,
        None,
        Severity::Warning,
    );
    assert_eq!(
        problem.fix,
        Some(Fix::TagPrinciple {
            principle: 4,
            sections: vec!["4".into()],
            label: "Tag principle 4 on 4".into()
        })
    );
    assert!(with_code(&run(&portfolio), ProblemCode::PrincipleNotAddressed).is_empty());
}

#[test]
fn length_is_judged_with_one_part_missing_and_complete_needs_words() {
    let framework = framework();
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.section_mut("2a").description = words(6000);
    portfolio.section_mut("2a").reflection.clear();
    let checklist = run(&portfolio);
    only(
        &checklist,
        ProblemCode::NarrativeFarFromGuide,
        Some("2a"),
        Severity::Warning,
    );
    only(
        &checklist,
        ProblemCode::MissingReflection,
        Some("2a"),
        Severity::Error,
    );

    let reach = framework.narrative_words.min
        * framework
            .narrative_words_warning
            .complete_from_percent_of_min
        / 100;
    portfolio.section_mut("2a").description = words(reach / 2);
    portfolio.section_mut("2a").reflection = words(reach - reach / 2 - 1);
    assert_eq!(status_of(&run(&portfolio), "2a"), CheckStatus::InProgress);
    portfolio.section_mut("2a").reflection = words(reach - reach / 2);
    assert_eq!(status_of(&run(&portfolio), "2a"), CheckStatus::Complete);

    portfolio.section_mut("2a").references = words(6000);
    let checklist = run(&portfolio);
    assert!(
        with_code(&checklist, ProblemCode::NarrativeFarFromGuide).is_empty(),
        "a reference list is not counted in the words"
    );
    let counted = checklist.sections.iter().find(|s| s.id == "2a").unwrap();
    assert_eq!(counted.description_words + counted.reflection_words, reach);
}

#[test]
fn progress_counts_required_sections_without_errors() {
    let mut portfolio = complete(PathwayId::Senior);
    let full = run(&portfolio);
    portfolio.section_mut("1b").citations.clear();
    portfolio.sections.remove("future");
    let checklist = run(&portfolio);
    assert_eq!(
        checklist.total, full.total,
        "the required sections do not change"
    );
    assert_eq!(
        checklist.completed,
        full.completed - 2,
        "a written section with an error is not complete"
    );
    assert_eq!(checklist.errors, 2);
    assert_eq!(status_of(&checklist, "1b"), CheckStatus::Problem);
}

#[test]
fn the_checklist_serialises_with_stable_snake_case_names() {
    let mut portfolio = complete(PathwayId::Cmalt);
    portfolio.section_mut("1a").reflection.clear();
    let json = serde_json::to_value(run(&portfolio)).unwrap();
    for key in [
        "ready",
        "pathway",
        "sections",
        "problems",
        "completed",
        "total",
        "principles",
    ] {
        assert!(json.get(key).is_some(), "the JSON has {key}");
    }
    assert_eq!(json["pathway"], "cmalt");
    assert_eq!(json["ready"], false);
    let problem = &json["problems"][0];
    assert_eq!(
        problem["code"], "missing_reflection",
        "codes are snake_case"
    );
    assert_eq!(problem["severity"], "error");
    assert_eq!(problem["section"], "1a");
    let section = &json["sections"][1];
    assert_eq!(section["id"], "1a");
    assert_eq!(section["status"], "problem");
    for key in [
        "title",
        "required",
        "description_words",
        "reflection_words",
        "evidence_count",
    ] {
        assert!(section.get(key).is_some(), "a section has {key}");
    }
}
