//! Versions: snapshots stay whole and unchanged whatever happens to the working portfolio,
//! list newest first with unique ids, restore only as a separate copy, refuse ids that are
//! paths; comparisons count words added and removed, Unicode included.

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{SectionPatch, Session};
use cmalt_core::store::StoreError;
use cmalt_core::versions::{
    ChunkKind, SectionStatus, VersionsError, compare, list_snapshots, load_snapshot,
    restore_as_copy, take_snapshot,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 10:15 UTC);

fn new_session(root: &Path) -> Session {
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new("Mine", "Sam", PathwayId::Cmalt, NOW);
    Session::create(framework, &root.join("portfolio"), portfolio).unwrap()
}

fn write_1a(session: &mut Session, description: &str) {
    let patch = SectionPatch {
        section_id: "1a".into(),
        topic: None,
        description: Some(description.into()),
        reflection: None,
        principles: None,
        references: None,
    };
    session.save_section(patch, NOW).unwrap();
}

fn stored_name(portfolio: &Portfolio, id: &str) -> String {
    portfolio
        .evidence_item(id)
        .and_then(|item| item.source.stored_name())
        .unwrap()
        .to_string()
}

fn snapshot_dir(folder: &Path, id: &str) -> PathBuf {
    folder.join("snapshots").join(id)
}

#[test]
fn a_snapshot_is_unchanged_by_later_edits_and_evidence_changes() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    session
        .attach_bytes(
            "plan.txt",
            b"the plan, first version",
            "",
            &["1a".into()],
            NOW,
        )
        .unwrap();
    write_1a(&mut session, "I chose Moodle quizzes.");
    let folder = session.folder().to_path_buf();
    let name = stored_name(session.portfolio(), "E1");

    let info = take_snapshot(&folder, session.portfolio(), "Submitted", true, NOW).unwrap();
    let dir = snapshot_dir(&folder, &info.id);
    let files = [
        dir.join("portfolio.json"),
        dir.join("snapshot.json"),
        dir.join("evidence").join(&name),
    ];
    let before: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();

    write_1a(&mut session, "I chose H5P instead.");
    session.remove_evidence("E1", NOW).unwrap();
    assert!(
        !folder.join("evidence").join(&name).exists(),
        "the working library deleted its file"
    );
    session
        .attach_bytes("plan.txt", b"the plan, second version", "", &[], NOW)
        .unwrap();

    for (file, bytes) in files.iter().zip(&before) {
        assert_eq!(
            &fs::read(file).unwrap(),
            bytes,
            "{} must keep the snapshot's content",
            file.display()
        );
        assert!(
            fs::metadata(file).unwrap().permissions().readonly(),
            "{} must be read-only",
            file.display()
        );
    }
    let kept = load_snapshot(&folder, &info.id).unwrap();
    assert_eq!(
        kept.section("1a").unwrap().description,
        "I chose Moodle quizzes."
    );
    assert_eq!(
        fs::read(dir.join("evidence").join(&name)).unwrap(),
        b"the plan, first version",
        "the snapshot keeps the evidence as it was"
    );

    // A second snapshot at the same second is a new folder, never a write into the first.
    let again = take_snapshot(&folder, session.portfolio(), "", false, NOW).unwrap();
    assert_ne!(again.id, info.id);
    assert_eq!(fs::read(&files[0]).unwrap(), before[0]);
}

#[test]
fn snapshots_list_newest_first_with_unique_ids() {
    let root = tempfile::tempdir().unwrap();
    let session = new_session(root.path());
    let folder = session.folder();
    let portfolio = session.portfolio();
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(take_snapshot(folder, portfolio, "", false, NOW).unwrap().id);
    }
    assert_eq!(
        ids,
        ["20261123-101500", "20261123-101500-2", "20261123-101500-3"]
    );
    let later = take_snapshot(
        folder,
        portfolio,
        "Before revisions",
        false,
        datetime!(2026-12-01 09:00 UTC),
    )
    .unwrap();
    // A half-built snapshot left by a crash is not a snapshot.
    fs::create_dir_all(folder.join("snapshots").join(".20261124-000000.1.tmp")).unwrap();

    let listed: Vec<String> = list_snapshots(folder)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        listed,
        [
            later.id.as_str(),
            "20261123-101500-3",
            "20261123-101500-2",
            "20261123-101500"
        ],
        "newest first, same-second snapshots by their counter"
    );
    let info = &list_snapshots(folder).unwrap()[0];
    assert_eq!(info.label, "Before revisions");
    assert_eq!(info.pathway, PathwayId::Cmalt);
}

#[test]
fn restore_makes_a_separate_copy_and_refuses_an_existing_portfolio() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    session
        .attach_bytes("plan.txt", b"plan", "", &["1a".into()], NOW)
        .unwrap();
    write_1a(&mut session, "As it was.");
    let folder = session.folder().to_path_buf();
    let info = take_snapshot(&folder, session.portfolio(), "", true, NOW).unwrap();
    write_1a(&mut session, "As it is now.");
    let working = fs::read(folder.join("portfolio.json")).unwrap();

    let copy = root.path().join("restored");
    restore_as_copy(&folder, &info.id, &copy).unwrap();
    let restored: Portfolio =
        serde_json::from_slice(&fs::read(copy.join("portfolio.json")).unwrap()).unwrap();
    assert_eq!(restored.section("1a").unwrap().description, "As it was.");
    let evidence = copy.join("evidence").join(stored_name(&restored, "E1"));
    assert_eq!(fs::read(&evidence).unwrap(), b"plan");
    assert!(
        !fs::metadata(&evidence).unwrap().permissions().readonly(),
        "the restored copy is the candidate's to edit"
    );

    let error = restore_as_copy(&folder, &info.id, &copy).unwrap_err();
    assert!(
        matches!(error, VersionsError::Store(StoreError::Exists(_))),
        "a portfolio already there must be refused: {error}"
    );
    let error = restore_as_copy(&folder, &info.id, &folder).unwrap_err();
    assert!(matches!(error, VersionsError::Store(StoreError::Exists(_))));
    assert_eq!(
        fs::read(folder.join("portfolio.json")).unwrap(),
        working,
        "the working portfolio must never be touched"
    );
}

#[test]
fn ids_that_are_paths_are_refused() {
    let root = tempfile::tempdir().unwrap();
    let session = new_session(root.path());
    let folder = session.folder();
    take_snapshot(folder, session.portfolio(), "", false, NOW).unwrap();
    for hostile in [
        "..",
        "../..",
        "../portfolio",
        "20261123-101500/../..",
        "a\\b",
        "",
    ] {
        assert!(
            matches!(load_snapshot(folder, hostile), Err(VersionsError::BadId(_))),
            "{hostile:?} must be refused"
        );
        let target = root.path().join("never");
        assert!(matches!(
            restore_as_copy(folder, hostile, &target),
            Err(VersionsError::BadId(_))
        ));
        assert!(!target.exists(), "a refused restore creates nothing");
    }
    assert!(matches!(
        load_snapshot(folder, "20990101-000000"),
        Err(VersionsError::UnknownSnapshot(_))
    ));
}

fn portfolio_with(sections: &[(&str, &str)]) -> Portfolio {
    let mut portfolio = Portfolio::new("Mine", "Sam", PathwayId::Cmalt, NOW);
    for (id, text) in sections {
        portfolio.section_mut(id).description = text.to_string();
    }
    portfolio
}

fn section<'a>(
    comparison: &'a cmalt_core::versions::Comparison,
    id: &str,
) -> &'a cmalt_core::versions::SectionChange {
    comparison.sections.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn comparisons_count_words_and_name_new_removed_and_untouched_sections() {
    let framework = Framework::bundled().unwrap();
    let before = portfolio_with(&[
        ("1a", "I used Moodle quizzes with first-year students."),
        ("2b", "Learners asked for captions."),
        ("3a", "GDPR shaped our consent forms."),
    ]);
    let mut after = portfolio_with(&[
        (
            "1a",
            "I used H5P quizzes with all first-year students, weekly.",
        ),
        ("2b", "Learners asked for captions."),
        ("5c", "A third specialist area."),
    ]);
    after.section_mut("2b").reflection = "Now every video has them.".into();

    let comparison = compare(&framework, &before, &after);
    let ids: Vec<&str> = comparison.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["1a", "2b", "3a", "5c"],
        "framework order, then added areas"
    );

    let first = section(&comparison, "1a");
    assert_eq!(first.status, SectionStatus::Changed);
    assert_eq!(
        (first.words_added, first.words_removed),
        (3, 1),
        "H5P, all, weekly in; Moodle out"
    );
    let second = section(&comparison, "2b");
    assert_eq!((second.words_added, second.words_removed), (5, 0));
    assert_eq!(section(&comparison, "3a").status, SectionStatus::Removed);
    assert_eq!(section(&comparison, "3a").words_removed, 5);
    assert_eq!(section(&comparison, "5c").status, SectionStatus::New);
    assert_eq!(section(&comparison, "5c").words_added, 4);

    let same = compare(&framework, &before, &before);
    assert!(
        same.sections
            .iter()
            .all(|s| s.status == SectionStatus::Untouched && !s.changed && s.words_added == 0),
        "a version compared with itself has no changes"
    );
}

#[test]
fn a_moved_paragraph_shows_as_removed_and_added() {
    let framework = Framework::bundled().unwrap();
    let before = portfolio_with(&[("1a", "Alpha beta gamma.\n\nDelta epsilon zeta.")]);
    let after = portfolio_with(&[("1a", "Delta epsilon zeta.\n\nAlpha beta gamma.")]);
    let change = compare(&framework, &before, &after).sections.remove(0);
    assert!(change.changed);
    assert_eq!(change.words_added, change.words_removed);
    assert_eq!(change.words_added, 3, "one paragraph of three words moved");
    let old: String = change
        .diff
        .iter()
        .filter(|c| c.kind != ChunkKind::Added)
        .map(|c| c.text.as_str())
        .collect();
    let new: String = change
        .diff
        .iter()
        .filter(|c| c.kind != ChunkKind::Removed)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(old, "Alpha beta gamma.\n\nDelta epsilon zeta.");
    assert_eq!(new, "Delta epsilon zeta.\n\nAlpha beta gamma.");
}

#[test]
fn unicode_text_diffs_by_word_boundaries() {
    let framework = Framework::bundled().unwrap();
    let before = portfolio_with(&[("1a", "Une réflexion naïve 🎓 sur l'évaluation. 学习")]);
    let after = portfolio_with(&[(
        "1a",
        "Une réflexion approfondie 🎓 sur l'évaluation. 学习技术",
    )]);
    let change = compare(&framework, &before, &after).sections.remove(0);
    // Each ideograph is a word by Unicode boundaries, so 学习 stays and 技术 is two new words.
    assert_eq!(change.words_removed, 1, "naïve");
    assert_eq!(change.words_added, 3, "approfondie, 技 and 术");
    let new: String = change
        .diff
        .iter()
        .filter(|c| c.kind != ChunkKind::Removed)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        new, "Une réflexion approfondie 🎓 sur l'évaluation. 学习技术",
        "accents, emoji and CJK come through whole"
    );
}
