//! Find and replace across a portfolio, through the session: matches are the words a reader
//! sees (never a link's address), a replace changes exactly those words in the Markdown and
//! saves once, and a replace that cannot be saved leaves the portfolio as it was.

use cmalt_core::find::{FindQuery, TextPart};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{SectionPatch, Session};
use std::sync::Arc;
use time::macros::datetime;

const DESCRIPTION_1A: &str = "We moved to Moodle in 2024.\n\n**Moodle** courses now share one template, see [the Moodle site](https://moodle.example/site).\n\n- Moodle quizzes\n- moodle forums\n";
const REFLECTION_1A: &str = "On reflection, Moodle was the easy part.";
const DESCRIPTION_2A: &str =
    "Learners log in to https://moodle.example every day and rate it 5\\*Moodle.";

fn session_with_text(root: &tempfile::TempDir) -> Session {
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new(
        "Mine",
        "Sam",
        PathwayId::Cmalt,
        datetime!(2026-12-02 10:00 UTC),
    );
    let mut session = Session::create(framework, &root.path().join("p"), portfolio).unwrap();
    for (id, description, reflection) in [
        ("1a", DESCRIPTION_1A, REFLECTION_1A),
        ("2a", DESCRIPTION_2A, ""),
    ] {
        let patch = SectionPatch {
            section_id: id.into(),
            description: Some(description.into()),
            reflection: Some(reflection.into()),
            ..SectionPatch::default()
        };
        session
            .save_section(patch, datetime!(2026-12-02 10:05 UTC))
            .unwrap();
    }
    session
}

fn query(text: &str) -> FindQuery {
    FindQuery {
        text: text.into(),
        match_case: false,
    }
}

#[test]
fn matches_are_the_words_a_reader_sees_in_sidebar_order() {
    let root = tempfile::tempdir().unwrap();
    let session = session_with_text(&root);
    let found = session.find(&query("moodle"));
    let places: Vec<(&str, TextPart, usize)> = found
        .parts
        .iter()
        .map(|p| (p.section.as_str(), p.part, p.count))
        .collect();
    // 1a: the paragraph, the bold word, the link's text, two list items; never the address.
    // 2a: the address written out is what the reader sees, and the escaped "5*Moodle".
    assert_eq!(
        places,
        [
            ("1a", TextPart::Description, 5),
            ("1a", TextPart::Reflection, 1),
            ("2a", TextPart::Description, 2),
        ]
    );
    assert_eq!(found.total, 8);
    assert_eq!(found.summary, "8 matches in 2 sections");
    let first = &found.parts[0];
    assert_eq!(
        first.section_label,
        "1a An understanding of the constraints and benefits of different technologies"
    );
    assert_eq!(first.part_label, "Description");
    assert_eq!(first.excerpts[0].before, "We moved to ");
    assert_eq!(first.excerpts[0].matched, "Moodle");
    assert_eq!(first.excerpts[0].after, " in 2024.");
}

#[test]
fn match_case_finds_only_the_same_capitals() {
    let root = tempfile::tempdir().unwrap();
    let session = session_with_text(&root);
    let found = session.find(&FindQuery {
        text: "moodle".into(),
        match_case: true,
    });
    // "moodle forums" and the address written out in 2a.
    assert_eq!(found.total, 2, "{found:?}");
    assert_eq!(session.find(&query("   ")).summary, "No matches");
}

#[test]
fn replacing_everywhere_changes_the_words_and_nothing_around_them_and_saves() {
    let root = tempfile::tempdir().unwrap();
    let mut session = session_with_text(&root);
    let outcome = session
        .replace_all(
            &query("moodle"),
            "Canvas",
            None,
            datetime!(2026-12-02 11:00 UTC),
        )
        .unwrap();
    assert_eq!(outcome.replaced, 6);
    // The autolinked address and the escaped "5\*Moodle" are left for the candidate.
    assert_eq!(outcome.left, 2);
    assert_eq!(
        outcome.summary,
        "Replaced 6 matches. 2 matches beside formatting marks were left as they were: change them by hand."
    );
    assert_eq!(outcome.sections_changed, ["1a"]);
    let expected_1a = "We moved to Canvas in 2024.\n\n**Canvas** courses now share one template, see [the Canvas site](https://moodle.example/site).\n\n- Canvas quizzes\n- Canvas forums\n";
    assert_eq!(session.portfolio().sections["1a"].description, expected_1a);
    assert_eq!(
        session.portfolio().sections["1a"].reflection,
        "On reflection, Canvas was the easy part."
    );
    assert_eq!(
        session.portfolio().sections["2a"].description,
        DESCRIPTION_2A
    );

    // On disk too: a fresh open reads the replaced text.
    drop(session);
    let framework = Arc::new(Framework::bundled().unwrap());
    let reopened = Session::open(framework, &root.path().join("p")).unwrap();
    assert_eq!(reopened.portfolio().sections["1a"].description, expected_1a);
}

#[test]
fn replacing_in_one_section_leaves_the_others_and_escapes_what_was_typed() {
    let root = tempfile::tempdir().unwrap();
    let mut session = session_with_text(&root);
    let outcome = session
        .replace_all(
            &query("easy part"),
            "*hard* part",
            Some("1a"),
            datetime!(2026-12-02 11:00 UTC),
        )
        .unwrap();
    assert_eq!(outcome.replaced, 1);
    assert_eq!(
        session.portfolio().sections["1a"].reflection,
        r"On reflection, Moodle was the \*hard\* part."
    );
    let outcome = session
        .replace_all(
            &query("Moodle"),
            "Canvas",
            Some("2a"),
            datetime!(2026-12-02 11:01 UTC),
        )
        .unwrap();
    assert_eq!(outcome.replaced, 0);
    assert_eq!(
        session.portfolio().sections["1a"].description,
        DESCRIPTION_1A
    );
}

#[test]
fn a_replace_that_cannot_be_saved_changes_nothing_in_memory() {
    let root = tempfile::tempdir().unwrap();
    let mut session = session_with_text(&root);
    let before = session.portfolio().clone();
    // The folder disappears under the open portfolio (a USB stick pulled out).
    std::fs::rename(root.path().join("p"), root.path().join("elsewhere")).unwrap();
    let result = session.replace_all(
        &query("moodle"),
        "Canvas",
        None,
        datetime!(2026-12-02 11:00 UTC),
    );
    assert!(result.is_err());
    assert_eq!(session.portfolio(), &before);
}

#[test]
fn an_unknown_section_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let mut session = session_with_text(&root);
    assert!(
        session
            .replace_all(
                &query("moodle"),
                "x",
                Some("9z"),
                datetime!(2026-12-02 11:00 UTC)
            )
            .is_err()
    );
}
