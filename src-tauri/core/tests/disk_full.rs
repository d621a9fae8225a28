//! A disk that fills during a save: the save fails with a plain message, the last good
//! version stays on disk, and once there is room again the next save succeeds. Uses a small
//! tmpfs mounted for the test, so it needs root (as in CI); elsewhere it says why it skips.

#![cfg(target_os = "linux")]

mod mount_support;
use mount_support::SmallDisk;

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{SectionPatch, Session};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn edit(session: &mut Session, text: String) -> Result<(), cmalt_core::session::SessionError> {
    let patch = SectionPatch {
        section_id: "1a".into(),
        description: Some(text),
        ..SectionPatch::default()
    };
    session
        .save_section(patch, time::OffsetDateTime::now_utc())
        .map(|_| ())
}

fn fill(folder: &Path) -> PathBuf {
    let filler = folder.join("filler.bin");
    // Write until the disk says no: whatever room is left is taken.
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    filler
}

#[test]
fn a_full_disk_fails_the_save_keeps_the_last_version_and_recovers() {
    let Some(disk) = SmallDisk::mount("512k") else {
        eprintln!("skipped: mounting a small tmpfs needs root (CI runs this test as root)");
        return;
    };
    let folder = disk.mount_point.join("portfolio");
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new(
        "Full disk",
        "Sam",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    let mut session = Session::create(framework, &folder, portfolio).unwrap();
    edit(&mut session, "the last good version".into()).unwrap();
    let good = std::fs::read(folder.join("portfolio.json")).unwrap();

    let filler = fill(&disk.mount_point);
    let error = edit(&mut session, "a long new version ".repeat(2000)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("the disk is full"),
        "the message says what happened: {message}"
    );
    assert!(
        message.contains("last saved version is safe"),
        "and that nothing is lost: {message}"
    );
    assert_eq!(
        std::fs::read(folder.join("portfolio.json")).unwrap(),
        good,
        "the last good version stays exactly as it was"
    );

    std::fs::remove_file(filler).unwrap();
    session
        .save_now(time::OffsetDateTime::now_utc())
        .expect("once there is room the save goes through");
    let saved = std::fs::read_to_string(folder.join("portfolio.json")).unwrap();
    assert!(
        saved.contains("a long new version"),
        "the text kept in memory reached the disk"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no half-written temp file is left: {leftovers:?}"
    );
    drop(session);
}
