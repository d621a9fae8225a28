//! Pathway switches and areas: the sidebar follows the pathway, and no text is ever lost.

use cmalt_core::framework::{AreaKindId, Framework, PathwayId};
use cmalt_core::outline::{SectionStatus, outline};
use cmalt_core::session::{SectionPatch, Session};
use std::sync::Arc;
use time::macros::datetime;

fn shown_ids(session: &Session) -> Vec<String> {
    session
        .outline()
        .groups
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.id.clone()))
        .collect()
}

fn new_session(pathway: PathwayId) -> (tempfile::TempDir, Session) {
    let root = tempfile::tempdir().unwrap();
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio =
        cmalt_core::model::Portfolio::new("Mine", "Sam", pathway, datetime!(2026-11-23 10:00 UTC));
    let session = Session::create(framework, &root.path().join("p"), portfolio).unwrap();
    (root, session)
}

fn write(session: &mut Session, id: &str, text: &str) {
    let patch = SectionPatch {
        section_id: id.into(),
        description: Some(text.into()),
        ..SectionPatch::default()
    };
    session
        .save_section(patch, datetime!(2026-11-23 10:05 UTC))
        .unwrap();
}

#[test]
fn each_pathway_shows_its_own_sections_in_order() {
    let (_root, session) = new_session(PathwayId::Associate);
    assert_eq!(
        shown_ids(&session),
        [
            "context",
            "1a",
            "1b",
            "2a",
            "3a",
            "4",
            "future",
            "confirmation",
            "assessor"
        ]
    );
    let (_root, session) = new_session(PathwayId::Senior);
    assert_eq!(
        shown_ids(&session),
        [
            "context",
            "1a",
            "1b",
            "1c",
            "2a",
            "2b",
            "3a",
            "3b",
            "4",
            "5a",
            "5b",
            "advanced-1",
            "future",
            "confirmation",
            "assessor"
        ]
    );
}

#[test]
fn switching_to_associate_and_back_keeps_1c() {
    let (_root, mut session) = new_session(PathwayId::Cmalt);
    write(&mut session, "1c", "Rolling out the new VLE template");
    let change = session.preview_pathway_change(PathwayId::Associate);
    let leaving: Vec<(&str, bool)> = change
        .leaving
        .iter()
        .map(|s| (s.id.as_str(), s.has_text))
        .collect();
    assert!(
        leaving.contains(&("1c", true)),
        "1c leaves the list and has text: {leaving:?}"
    );
    assert!(change.appearing.is_empty());

    session
        .change_pathway(PathwayId::Associate, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    assert!(!shown_ids(&session).contains(&"1c".to_string()));
    let kept: Vec<String> = session
        .outline()
        .kept_aside
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(kept, ["1c"], "1c's text is kept aside, not deleted");

    session
        .change_pathway(PathwayId::Cmalt, datetime!(2026-11-23 10:07 UTC))
        .unwrap();
    assert!(shown_ids(&session).contains(&"1c".to_string()));
    assert_eq!(
        session.portfolio().section("1c").unwrap().description,
        "Rolling out the new VLE template"
    );
    let reopened_text = std::fs::read_to_string(session.folder().join("portfolio.json")).unwrap();
    assert!(
        reopened_text.contains("Rolling out the new VLE template"),
        "the text is on disk too"
    );
}

#[test]
fn senior_to_cmalt_keeps_the_second_specialist_area_and_the_advanced_area() {
    let (_root, mut session) = new_session(PathwayId::Senior);
    write(&mut session, "5b", "Open educational resources");
    write(&mut session, "advanced-1", "Leading the digital strategy");
    session
        .change_pathway(PathwayId::Cmalt, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    let ids = shown_ids(&session);
    assert!(
        ids.contains(&"5b".to_string()),
        "CMALT allows a second specialist area: {ids:?}"
    );
    assert!(!ids.contains(&"advanced-1".to_string()));
    let kept: Vec<String> = session
        .outline()
        .kept_aside
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(kept, ["advanced-1"]);
}

#[test]
fn areas_can_be_added_and_only_the_last_extra_one_removed() {
    let (_root, mut session) = new_session(PathwayId::Cmalt);
    assert_eq!(session.outline().can_add, [AreaKindId::Specialist]);
    let added = session
        .add_area(AreaKindId::Specialist, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    assert_eq!(added, "5b");
    let third = session
        .add_area(AreaKindId::Specialist, datetime!(2026-11-23 10:07 UTC))
        .unwrap();
    assert_eq!(third, "5c");
    assert!(shown_ids(&session).ends_with(&[
        "5a".into(),
        "5b".into(),
        "5c".into(),
        "future".into(),
        "confirmation".into(),
        "assessor".into()
    ]));
    assert!(
        session
            .remove_area("5a", datetime!(2026-11-23 10:08 UTC))
            .is_err(),
        "5a is required on CMALT"
    );
    assert!(
        session
            .remove_area("5b", datetime!(2026-11-23 10:08 UTC))
            .is_err(),
        "5c depends on 5b's number"
    );
    session
        .remove_area("5c", datetime!(2026-11-23 10:08 UTC))
        .unwrap();
    assert!(!shown_ids(&session).contains(&"5c".to_string()));
    assert!(
        session
            .add_area(AreaKindId::Advanced, datetime!(2026-11-23 10:09 UTC))
            .is_err(),
        "CMALT has no advanced areas"
    );
}

#[test]
fn status_follows_the_parts_written() {
    let (_root, mut session) = new_session(PathwayId::Cmalt);
    let framework = Framework::bundled().unwrap();
    let status = |session: &Session, id: &str| {
        cmalt_core::outline::section_status(&framework, session.portfolio(), id)
    };
    assert_eq!(status(&session, "1a"), SectionStatus::Empty);
    write(&mut session, "1a", "What I did");
    assert_eq!(status(&session, "1a"), SectionStatus::InProgress);
    let reflect = |session: &mut Session, words: usize| {
        let patch = SectionPatch {
            section_id: "1a".into(),
            reflection: Some(format!("What I learned {}", "word ".repeat(words))),
            ..SectionPatch::default()
        };
        session
            .save_section(patch, datetime!(2026-11-23 10:06 UTC))
            .unwrap();
    };
    reflect(&mut session, 0);
    assert_eq!(
        status(&session, "1a"),
        SectionStatus::InProgress,
        "both parts, but a few words are a start, not a section"
    );
    reflect(&mut session, 250);
    assert_eq!(status(&session, "1a"), SectionStatus::Complete);
    write(&mut session, "future", "Too short");
    assert_eq!(
        status(&session, "future"),
        SectionStatus::InProgress,
        "future plans need 200-500 words"
    );
    write(&mut session, "future", &"word ".repeat(250));
    assert_eq!(status(&session, "future"), SectionStatus::Complete);
    let summary = outline(&framework, session.portfolio());
    assert_eq!(summary.completed, 2);
    assert_eq!(
        summary.total, 12,
        "CMALT has 12 required sections (the assessor is optional)"
    );
}

#[test]
fn unknown_sections_are_refused() {
    let (_root, mut session) = new_session(PathwayId::Cmalt);
    let patch = SectionPatch {
        section_id: "../../etc".into(),
        description: Some("x".into()),
        ..SectionPatch::default()
    };
    assert!(
        session
            .save_section(patch, datetime!(2026-11-23 10:06 UTC))
            .is_err()
    );
}
