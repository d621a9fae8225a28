//! A portfolio folder that turns read-only (a locked SD card, a share mounted read-only, a
//! drive the system remounts after an error): saving and attaching fail with a plain message,
//! the last good version and its backups stay byte for byte, and once the folder is writable
//! again the next save succeeds. Root ignores file permissions, so the tests use mounts: a
//! small tmpfs, made read-only. Mounting needs root (as in CI); elsewhere they say why they skip.

#![cfg(target_os = "linux")]

mod mount_support;
use mount_support::{SmallDisk, mount, unmount};

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{SectionPatch, Session, SessionError};
use cmalt_core::store::{EVIDENCE_DIR, PORTFOLIO_FILE};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// `folder` covered by a read-only bind mount of itself, removed when dropped.
///
/// Why not `mount -o remount,ro` of the whole tmpfs: while a portfolio is open the app holds
/// its `.lock` file open for writing, and the kernel refuses to remount a file system with
/// open writers read-only (EBUSY). A read-only bind mount over the folder gives every later
/// write under it the same EROFS a save sees when a drive turns read-only.
struct ReadOnlyCover {
    folder: PathBuf,
}

impl ReadOnlyCover {
    fn cover(folder: &Path) -> ReadOnlyCover {
        let source = folder.to_str().expect("a temporary path is UTF-8");
        assert!(mount(&["--bind", source], folder), "the bind mount is made");
        let cover = ReadOnlyCover {
            folder: folder.to_path_buf(),
        };
        assert!(
            mount(&["-o", "remount,bind,ro"], folder),
            "the folder is made read-only"
        );
        cover
    }

    fn make_writable(&self) {
        assert!(
            mount(&["-o", "remount,bind,rw"], &self.folder),
            "the folder is made writable again"
        );
    }
}

impl Drop for ReadOnlyCover {
    fn drop(&mut self) {
        unmount(&self.folder);
    }
}

fn framework() -> Arc<Framework> {
    Arc::new(Framework::bundled().unwrap())
}

fn new_portfolio(folder: &Path) -> Session {
    let portfolio = Portfolio::new(
        "Read-only",
        "Sam",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    Session::create(framework(), folder, portfolio).unwrap()
}

fn edit(session: &mut Session, text: &str) -> Result<(), SessionError> {
    let patch = SectionPatch {
        section_id: "1a".into(),
        description: Some(text.into()),
        ..SectionPatch::default()
    };
    session
        .save_section(patch, time::OffsetDateTime::now_utc())
        .map(|_| ())
}

/// Every file under `folder` (but the lock) with its bytes, to compare before and after.
fn every_file(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n != ".lock") {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
#[ignore = "needs root: mounts a small tmpfs (scripts/test.sh runs it when it is root)"]
fn a_folder_made_read_only_fails_the_save_keeps_the_last_version_and_recovers() {
    let disk =
        SmallDisk::mount("4m").expect("mounting a small tmpfs needs root: run this test as root");
    let folder = disk.mount_point.join("portfolio");
    let mut session = new_portfolio(&folder);
    edit(&mut session, "the last good version").unwrap();
    let before = every_file(&folder);

    let cover = ReadOnlyCover::cover(&folder);
    let message = edit(&mut session, "typed while read-only")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("the disk or folder is read-only"),
        "the message says what happened, in plain words: {message}"
    );
    assert!(
        message.contains("last saved version is safe"),
        "and that nothing is lost: {message}"
    );
    let original = disk.mount_point.join("chart.png");
    std::fs::write(&original, b"\x89PNG\r\n\x1a\n a chart").unwrap();
    let refused = session
        .attach_file(
            &original,
            "Chart",
            &["1a".into()],
            time::OffsetDateTime::now_utc(),
        )
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("read-only") && refused.contains("Nothing was attached"),
        "attaching says plainly why nothing was attached: {refused}"
    );
    assert_eq!(
        every_file(&folder),
        before,
        "the last good version and its backups stay byte for byte"
    );

    cover.make_writable();
    session
        .save_now(time::OffsetDateTime::now_utc())
        .expect("once the folder is writable the save goes through");
    let saved = std::fs::read_to_string(folder.join(PORTFOLIO_FILE)).unwrap();
    assert!(
        saved.contains("typed while read-only"),
        "the text kept in memory reached the disk"
    );
    let outcome = session
        .attach_file(
            &original,
            "Chart",
            &["1a".into()],
            time::OffsetDateTime::now_utc(),
        )
        .expect("and attaching works again");
    assert!(
        session
            .evidence_path(&outcome.item)
            .is_some_and(|p| p.is_file()),
        "the attached file is in evidence/"
    );
    let leftovers: Vec<_> = [folder.clone(), folder.join(EVIDENCE_DIR)]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no half-written temp file is left: {leftovers:?}"
    );
    drop(session);
    drop(cover);
}

/// A disk that became read-only while the app was closed (the whole file system this time):
/// opening says so plainly and writes nothing; once writable it opens as it was.
#[test]
#[ignore = "needs root: mounts a small tmpfs (scripts/test.sh runs it when it is root)"]
fn a_portfolio_on_a_disk_remounted_read_only_says_so_and_opens_once_writable() {
    let disk =
        SmallDisk::mount("4m").expect("mounting a small tmpfs needs root: run this test as root");
    let folder = disk.mount_point.join("portfolio");
    let mut session = new_portfolio(&folder);
    edit(&mut session, "the last good version").unwrap();
    drop(session);
    let before = every_file(&folder);

    assert!(
        mount(&["-o", "remount,ro"], &disk.mount_point),
        "with the portfolio closed nothing holds a file open for writing"
    );
    let message = Session::open(framework(), &folder).unwrap_err().to_string();
    assert!(
        message.contains("the disk or folder is read-only")
            && message.contains("Nothing was changed"),
        "opening says plainly why it cannot: {message}"
    );
    assert_eq!(every_file(&folder), before, "nothing was written");

    assert!(mount(&["-o", "remount,rw"], &disk.mount_point));
    let mut session = Session::open(framework(), &folder).expect("writable again, it opens");
    assert_eq!(
        session.portfolio().section("1a").unwrap().description,
        "the last good version"
    );
    edit(&mut session, "and saves").expect("and the next save succeeds");
}
