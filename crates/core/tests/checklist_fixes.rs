//! The checklist's one-click fixes, applied through the session and saved: each does what
//! its label says, and a fix the checklist no longer offers is refused with nothing changed.

use cmalt_core::checklist::{Fix, ProblemCode};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{NominatedAssessor, Portfolio};
use cmalt_core::session::{SectionPatch, Session};
use cmalt_core::store;
use std::sync::Arc;
use time::macros::{date, datetime};

const TODAY: time::Date = date!(2026 - 11 - 23);

fn new_session(root: &tempfile::TempDir) -> Session {
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new(
        "Mine",
        "Sam",
        PathwayId::Cmalt,
        datetime!(2026-11-23 10:00 UTC),
    );
    Session::create(framework, &root.path().join("p"), portfolio).unwrap()
}

fn write(session: &mut Session, id: &str, description: &str) {
    let patch = SectionPatch {
        section_id: id.into(),
        description: Some(description.into()),
        reflection: Some("On reflection, I would start earlier.".into()),
        ..SectionPatch::default()
    };
    session
        .save_section(patch, datetime!(2026-11-23 10:05 UTC))
        .unwrap();
}

fn offered(session: &Session, code: ProblemCode) -> Fix {
    session
        .checklist(TODAY)
        .problems
        .into_iter()
        .find(|p| p.code == code)
        .and_then(|p| p.fix)
        .unwrap_or_else(|| panic!("the checklist offers a fix for {code:?}"))
}

#[test]
fn a_proposed_topic_is_filled_in_once_and_then_no_longer_offered() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(&root);
    write(
        &mut session,
        "3a",
        "Our duties under the Equality Act 2010 shaped the new templates.",
    );
    let fix = offered(&session, ProblemCode::TopicSuggested);
    session
        .apply_fix(&fix, TODAY, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    let saved = store::read_only(session.folder()).unwrap();
    assert_eq!(saved.section("3a").unwrap().topic, "Equality Act 2010");

    let before = std::fs::read(session.folder().join("portfolio.json")).unwrap();
    let refusal = session
        .apply_fix(&fix, TODAY, datetime!(2026-11-23 10:07 UTC))
        .unwrap_err();
    assert!(
        refusal.to_string().contains("no longer applies"),
        "{refusal}"
    );
    assert_eq!(
        std::fs::read(session.folder().join("portfolio.json")).unwrap(),
        before,
        "a refused fix writes nothing"
    );
}

#[test]
fn a_fix_the_checklist_never_offered_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(&root);
    let invented = Fix::UseTopic {
        section: "1a".into(),
        topic: "Anything".into(),
        label: "Use “Anything”".into(),
    };
    assert!(
        session
            .apply_fix(&invented, TODAY, datetime!(2026-11-23 10:06 UTC))
            .is_err()
    );
    assert_eq!(session.portfolio().section("1a"), None);
}

#[test]
fn principles_are_tagged_where_the_writing_shows_them() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(&root);
    write(
        &mut session,
        "4",
        "I presented the case study at the regional network and shared the guidance.",
    );
    let fix = offered(&session, ProblemCode::PrincipleSuggested);
    let Fix::TagPrinciple {
        principle,
        sections,
        ..
    } = &fix
    else {
        panic!("a principle fix: {fix:?}");
    };
    assert_eq!(sections, &["4".to_string()]);
    session
        .apply_fix(&fix, TODAY, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    assert!(
        session
            .portfolio()
            .section("4")
            .unwrap()
            .principles
            .contains(principle)
    );
}

#[test]
fn the_drafts_no_conflict_statement_is_confirmed_with_one_click() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(&root);
    session
        .save_assessor(
            Some(NominatedAssessor {
                name: "Dr Rowan Ellery".into(),
                organisation: "Fenbridge College Group".into(),
                email: "r.ellery@fenbridge.example".into(),
                no_conflict_confirmed: false,
                conflict_statement: "Conflict of interest: none.".into(),
            }),
            datetime!(2026-11-23 10:05 UTC),
        )
        .unwrap();
    let checklist = session.checklist(TODAY);
    assert!(
        checklist
            .problems
            .iter()
            .all(|p| p.code != ProblemCode::AssessorConflictNotConfirmed),
        "the statement makes it a suggestion, not an error"
    );
    let fix = offered(&session, ProblemCode::AssessorConflictSuggested);
    session
        .apply_fix(&fix, TODAY, datetime!(2026-11-23 10:06 UTC))
        .unwrap();
    assert!(
        store::read_only(session.folder())
            .unwrap()
            .assessor
            .unwrap()
            .no_conflict_confirmed
    );
}
