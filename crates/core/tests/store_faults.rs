//! Bad input and faults around the store: a damaged or newer file is never overwritten,
//! a failed save keeps the last good version, and big or unusual text round-trips.

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{Portfolio, SCHEMA_VERSION};
use cmalt_core::session::{SectionPatch, Session, SessionError};
use cmalt_core::store::{PORTFOLIO_FILE, PortfolioFolder, StoreError};
use std::fs;
use std::path::Path;
use std::sync::Arc;
use time::macros::datetime;

fn framework() -> Arc<Framework> {
    Arc::new(Framework::bundled().unwrap())
}

fn make_portfolio(folder: &Path, edits: &[&str]) {
    let portfolio = Portfolio::new(
        "Mine",
        "Sam",
        PathwayId::Cmalt,
        datetime!(2026-11-23 10:00 UTC),
    );
    let mut session = Session::create(framework(), folder, portfolio).unwrap();
    for text in edits {
        edit(&mut session, "1a", text).unwrap();
    }
}

fn edit(session: &mut Session, id: &str, text: &str) -> Result<(), SessionError> {
    let patch = SectionPatch {
        section_id: id.into(),
        description: Some(text.into()),
        ..SectionPatch::default()
    };
    session
        .save_section(patch, datetime!(2026-11-23 11:00 UTC))
        .map(|_| ())
}

#[test]
fn a_truncated_file_is_reported_kept_and_restorable_from_a_backup() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &["first draft", "second draft"]);
    let file = folder.join(PORTFOLIO_FILE);
    let full = fs::read(&file).unwrap();
    fs::write(&file, &full[..full.len() / 2]).unwrap();
    let damaged = fs::read(&file).unwrap();

    let error = Session::open(framework(), &folder).unwrap_err();
    let SessionError::Store(StoreError::Unreadable { backups, .. }) = &error else {
        panic!("a truncated file must be reported as unreadable, got {error}");
    };
    assert!(!backups.is_empty(), "the backups must be offered");
    assert!(
        error.to_string().contains("cut short"),
        "the message says what happened: {error}"
    );
    assert_eq!(
        fs::read(&file).unwrap(),
        damaged,
        "opening must not touch the damaged file"
    );

    let session =
        Session::restore_newest_backup(framework(), &folder, datetime!(2026-11-23 12:00 UTC))
            .unwrap();
    assert_eq!(
        session.portfolio().section("1a").unwrap().description,
        "first draft",
        "the newest backup is the version before the last save"
    );
    let aside: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("unreadable"))
        .collect();
    assert_eq!(
        aside.len(),
        1,
        "the damaged file is kept aside, not deleted"
    );
    assert_eq!(fs::read(folder.join(&aside[0])).unwrap(), damaged);
}

#[test]
fn not_json_and_empty_files_are_unreadable() {
    for content in [
        &b"this is not json"[..],
        b"",
        b"{\"title\": \"no version\"}",
        b"\xff\xfe\x00",
    ] {
        let root = tempfile::tempdir().unwrap();
        make_portfolio(root.path(), &[]);
        fs::write(root.path().join(PORTFOLIO_FILE), content).unwrap();
        let error = Session::open(framework(), root.path()).unwrap_err();
        assert!(
            matches!(error, SessionError::Store(StoreError::Unreadable { .. })),
            "{content:?} must be unreadable, got {error}"
        );
        assert_eq!(fs::read(root.path().join(PORTFOLIO_FILE)).unwrap(), content);
    }
}

#[test]
fn a_file_from_a_newer_app_is_refused_and_left_alone() {
    let root = tempfile::tempdir().unwrap();
    make_portfolio(root.path(), &[]);
    let file = root.path().join(PORTFOLIO_FILE);
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    value["schema_version"] = serde_json::json!(SCHEMA_VERSION + 1);
    value["a_future_field"] = serde_json::json!({"x": 1});
    let newer = serde_json::to_vec(&value).unwrap();
    fs::write(&file, &newer).unwrap();
    let error = Session::open(framework(), root.path()).unwrap_err();
    assert!(
        matches!(error, SessionError::Store(StoreError::NewerSchema { .. })),
        "{error}"
    );
    assert!(error.to_string().contains("newer version"), "{error}");
    assert_eq!(
        fs::read(&file).unwrap(),
        newer,
        "the newer file must not be rewritten"
    );
}

#[cfg(unix)]
#[test]
#[ignore = "needs a user other than root, which ignores permissions (scripts/test.sh runs it as nobody)"]
fn a_read_only_folder_fails_the_save_keeps_the_last_version_and_recovers() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &[]);
    let mut session = Session::open(framework(), &folder).unwrap();
    edit(&mut session, "1a", "saved").unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    assert!(
        fs::write(folder.join("probe"), b"").is_err(),
        "this test needs a user other than root: root ignores the folder's permissions"
    );
    let error = edit(&mut session, "1a", "not yet saved").unwrap_err();
    assert!(
        error.to_string().contains("last saved version is safe"),
        "{error}"
    );
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    session.save_now(datetime!(2026-11-23 12:00 UTC)).unwrap();
    let on_disk = fs::read_to_string(folder.join(PORTFOLIO_FILE)).unwrap();
    assert!(
        on_disk.contains("not yet saved"),
        "the change kept in memory is saved once the fault clears"
    );
}

/// The portfolio file replaced by a folder: the save fails, nothing is lost, and once the
/// folder is gone the next save succeeds.
#[test]
fn the_portfolio_file_replaced_by_a_folder_fails_cleanly() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &[]);
    let mut session = Session::open(framework(), &folder).unwrap();
    edit(&mut session, "1a", "saved").unwrap();
    let file = folder.join(PORTFOLIO_FILE);
    let saved = fs::read(&file).unwrap();
    fs::rename(&file, folder.join("moved.json")).unwrap();
    fs::create_dir(&file).unwrap();
    fs::write(file.join("inside"), b"x").unwrap();
    let error = edit(&mut session, "1a", "kept in memory").unwrap_err();
    assert!(
        error.to_string().contains("last saved version is safe"),
        "{error}"
    );
    assert_eq!(fs::read(folder.join("moved.json")).unwrap(), saved);
    fs::remove_dir_all(&file).unwrap();
    session.save_now(datetime!(2026-11-23 12:00 UTC)).unwrap();
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("kept in memory")
    );
}

/// The same fault without the file moved aside first (deleted, then a folder made in its
/// place): every save fails with a message naming the fault plainly, the backups stay byte
/// for byte (no failed save adds or prunes one), the folder in the way is left alone, and
/// once it is gone the next save writes the text kept in memory and leaves no temp file.
#[test]
fn a_folder_in_place_of_the_portfolio_file_is_named_and_the_next_save_succeeds() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &["first draft"]);
    let mut session = Session::open(framework(), &folder).unwrap();
    edit(&mut session, "1a", "the last good version").unwrap();
    let file = folder.join(PORTFOLIO_FILE);
    let backup_files = |folder: &Path| -> Vec<(String, Vec<u8>)> {
        cmalt_core::store::backups::list(folder)
            .unwrap()
            .iter()
            .map(|b| {
                let bytes = fs::read(cmalt_core::store::backups::path_of(folder, b)).unwrap();
                (b.file_name.clone(), bytes)
            })
            .collect()
    };
    let backups_before = backup_files(&folder);

    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    fs::write(file.join("inside"), b"x").unwrap();
    for attempt in ["kept in memory", "kept in memory, edited again"] {
        let message = edit(&mut session, "1a", attempt).unwrap_err().to_string();
        assert!(
            message.contains("a folder is in the way of the file"),
            "the message names the fault in plain words: {message}"
        );
        assert!(
            message.contains("last saved version is safe"),
            "and says nothing is lost: {message}"
        );
    }
    assert_eq!(
        backup_files(&folder),
        backups_before,
        "failed saves neither add nor prune backups"
    );
    assert!(
        !backups_before.is_empty(),
        "the earlier versions are still there to go back to"
    );
    assert_eq!(
        fs::read(file.join("inside")).unwrap(),
        b"x",
        "the folder in the way is not touched"
    );

    fs::remove_dir_all(&file).unwrap();
    session.save_now(datetime!(2026-11-23 12:00 UTC)).unwrap();
    let reopened: Portfolio = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        reopened.section("1a").unwrap().description,
        "kept in memory, edited again",
        "the next save after the fault clears writes the text kept in memory"
    );
    let leftovers: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file is left: {leftovers:?}");
}

#[test]
fn a_vanished_folder_fails_the_save_with_a_plain_message() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &[]);
    let mut session = Session::open(framework(), &folder).unwrap();
    fs::rename(&folder, root.path().join("moved")).unwrap();
    let error = edit(&mut session, "1a", "still in the window").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("no longer there"), "{message}");
    assert!(!folder.exists(), "the app must not recreate a moved folder");
    assert_eq!(
        session.portfolio().section("1a").unwrap().description,
        "still in the window"
    );
}

#[test]
fn huge_and_unusual_text_round_trips() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    make_portfolio(&folder, &[]);
    let mut session = Session::open(framework(), &folder).unwrap();
    let huge: String = "Reflecting on practice, learners and colleagues. ".repeat(15_000); // about 100,000 words
    let unicode = "Ångström naïve café — «guillemets» “smart quotes” 日本語 한국어 العربية 🎓👩🏽‍🏫 \u{200b}\u{feff} tab\tend";
    edit(&mut session, "1a", &huge).unwrap();
    edit(&mut session, "1b", unicode).unwrap();
    edit(&mut session, "1c", "").unwrap();
    drop(session);
    let session = Session::open(framework(), &folder).unwrap();
    assert_eq!(session.portfolio().section("1a").unwrap().description, huge);
    assert_eq!(
        session.portfolio().section("1b").unwrap().description,
        unicode
    );
    assert_eq!(session.portfolio().section("1c").unwrap().description, "");
    assert_eq!(cmalt_core::markdown::count_markdown_words(&huge), 90_000);
}

#[test]
fn new_refuses_a_folder_that_already_has_files() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("notes.txt"), "mine").unwrap();
    let portfolio = Portfolio::new("x", "y", PathwayId::Cmalt, datetime!(2026-11-23 10:00 UTC));
    let error = PortfolioFolder::create(root.path(), &portfolio).unwrap_err();
    assert!(matches!(error, StoreError::FolderNotEmpty(_)), "{error}");
    assert_eq!(
        fs::read_dir(root.path()).unwrap().count(),
        1,
        "nothing was added"
    );
}

/// An attach cut short leaves `evidence/.<name>.<pid>.tmp`; opening the portfolio clears
/// these as well as the stale temp files beside `portfolio.json`, or every kill or power cut
/// during an attach would leave up to 1 MB behind for good (found by crash_attach.rs). It is
/// here, not beside that test: a child spawned by a parallel test can briefly hold a forked
/// copy of the folder's lock, so this open must not run alongside a spawning test.
#[test]
fn opening_clears_stale_temp_files_in_the_evidence_folder() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("portfolio");
    let portfolio = Portfolio::new(
        "Leftovers",
        "Sam",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    drop(Session::create(framework(), &folder, portfolio).unwrap());
    let stale = folder
        .join(cmalt_core::store::EVIDENCE_DIR)
        .join(".0123456789ab-report.pdf.4242.tmp");
    std::fs::write(&stale, b"half a report").unwrap();
    drop(Session::open(framework(), &folder).unwrap());
    assert!(
        !stale.exists(),
        "a temp file left by an interrupted attach must be cleared when the portfolio opens"
    );
}
