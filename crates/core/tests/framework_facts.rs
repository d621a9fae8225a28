//! The framework data agrees with the table of pathways and sections in the scheme's facts
//! (copied into `tests/fixtures/cmalt-framework.md`), so a typo in the data cannot drop a required section.

use cmalt_core::framework::{Framework, PathwayId, Requirement};
use std::path::Path;

fn facts() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/cmalt-framework.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the framework facts must sit beside the repository at {}: {e}",
            path.display()
        )
    })
}

/// The rows of the first Markdown table: id and the three pathway columns.
fn table_rows(facts: &str) -> Vec<(String, [String; 3], String)> {
    facts
        .lines()
        .skip_while(|line| !line.starts_with("| id |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            (
                cells[0].clone(),
                [cells[2].clone(), cells[3].clone(), cells[4].clone()],
                cells[5].clone(),
            )
        })
        .collect()
}

fn expected(cell: &str) -> Option<Requirement> {
    match cell {
        "R" => Some(Requirement::Required),
        "optional" => Some(Requirement::Optional),
        "-" => None,
        other => panic!("unexpected cell {other:?} in the facts table"),
    }
}

#[test]
fn every_section_requirement_matches_the_facts_table() {
    let framework = Framework::bundled().expect("the bundled framework must load");
    let rows = table_rows(&facts());
    assert_eq!(rows.len(), 15, "the facts table has 15 rows");
    for (id, cells, assessed) in rows {
        // The facts name the advanced areas as one row; the data's first one stands for it.
        let data_id = if id == "advanced" {
            "advanced-1".to_string()
        } else {
            id.clone()
        };
        let section = framework
            .sections
            .iter()
            .find(|s| s.id == data_id)
            .unwrap_or_else(|| panic!("section {data_id} from the facts is missing from the data"));
        for (pathway, cell) in PathwayId::ALL.into_iter().zip(cells.iter()) {
            assert_eq!(
                section.requirement(pathway),
                expected(cell),
                "{data_id} on {} must be {cell:?} as in the facts",
                pathway.as_str()
            );
        }
        assert_eq!(
            section.assessed,
            assessed == "yes",
            "{data_id}: assessed must match the facts"
        );
    }
}

#[test]
fn the_declaration_is_reproduced_exactly() {
    let facts = facts();
    let quoted = facts
        .lines()
        .find_map(|line| line.trim().strip_prefix("> I declare"))
        .map(|rest| format!("I declare{rest}"))
        .expect("the facts quote the declaration");
    assert_eq!(Framework::bundled().unwrap().declaration, quoted);
}

#[test]
fn the_core_area_groups_and_principles_are_as_in_the_facts() {
    let framework = Framework::bundled().unwrap();
    let group_of = |id: &str| {
        framework
            .sections
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .group
            .clone()
    };
    for (ids, group) in [
        (&["1a", "1b", "1c"][..], "core-1"),
        (&["2a", "2b"][..], "core-2"),
        (&["3a", "3b"][..], "core-3"),
        (&["4"][..], "core-4"),
    ] {
        for id in ids {
            assert_eq!(group_of(id), group, "{id} belongs to {group}");
        }
    }
    assert_eq!(
        framework.principles.len(),
        4,
        "there are four core principles"
    );
    let facts = facts();
    for principle in &framework.principles {
        let first_words: String = principle
            .title
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            facts.contains(&first_words),
            "principle {} must come from the facts",
            principle.id
        );
    }
    let future = framework
        .sections
        .iter()
        .find(|s| s.id == "future")
        .unwrap();
    assert_eq!(
        future.words.map(|w| (w.min, w.max)),
        Some((200, 500)),
        "future plans are 200-500 words"
    );
    let senior = framework.pathway(PathwayId::Senior);
    assert_eq!(
        senior.specialist_areas.min, 2,
        "Senior needs two specialist areas"
    );
    assert_eq!(
        senior.advanced_areas.min, 1,
        "Senior needs an advanced area"
    );
    assert_eq!(framework.pathway(PathwayId::Cmalt).specialist_areas.min, 1);
}

#[test]
fn every_section_has_guidance_in_our_words() {
    let framework = Framework::bundled().unwrap();
    for section in &framework.sections {
        let guidance = framework.guidance_for(section);
        assert!(
            !guidance.guidance.trim().is_empty(),
            "{} needs guidance",
            section.id
        );
        if section.kind.has_description_and_reflection() {
            assert!(
                !guidance.description_prompts.is_empty(),
                "{} needs description prompts",
                section.id
            );
            assert!(
                !guidance.reflection_prompts.is_empty(),
                "{} needs reflection prompts",
                section.id
            );
        }
    }
}
