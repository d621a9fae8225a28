//! Any bytes as the `portfolio.json` of a real portfolio folder that someone else made, with
//! a real evidence file and files of the candidate's beside it (issue 12). Whatever opens is
//! then used as the window and the command line use it: the checklist, "Open" on every item,
//! a snapshot, an export, a restored copy, the removal of every item. Nothing outside the
//! portfolio folder (and the export and copy it was asked to make) may be created, changed
//! or deleted. Refusals are fine; a panic or a touched outside file is a bug.

#![no_main]

mod common;

use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::session::{OpenTarget, Session};
use cmalt_core::versions::restore_as_copy;
use common::{FRAMEWORK, NOW, SCRATCH, clear};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// Shared by every run: cloning the framework per input would dominate the time.
static SHARED_FRAMEWORK: LazyLock<Arc<cmalt_core::framework::Framework>> =
    LazyLock::new(|| Arc::new(FRAMEWORK.clone()));

/// The candidate's own files, outside every portfolio: `SCRATCH/outside/`.
static OUTSIDE: LazyLock<PathBuf> = LazyLock::new(|| {
    let outside = SCRATCH.path().join("outside");
    fs::create_dir_all(outside.join("Documents")).unwrap();
    fs::write(outside.join("thesis.docx"), b"three years of work").unwrap();
    fs::write(outside.join("Documents/cv.pdf"), b"%PDF my cv").unwrap();
    outside
});

/// Every file under `folder` with its bytes and permissions: what must not change.
fn state_of(folder: &Path) -> BTreeMap<PathBuf, (Vec<u8>, fs::Permissions)> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let metadata = fs::symlink_metadata(entry.path()).unwrap();
            if metadata.is_dir() {
                pending.push(entry.path());
            } else {
                let bytes = fs::read(entry.path()).unwrap_or_default();
                files.insert(entry.path(), (bytes, metadata.permissions()));
            }
        }
    }
    files
}

fuzz_target!(|bytes: &[u8]| {
    let before = state_of(&OUTSIDE);
    let case = SCRATCH.path().join("case");
    clear(&case);
    let folder = case.join("portfolio");
    fs::create_dir_all(folder.join("evidence")).unwrap();
    // The file the seeds' E1 names, stored as the app stores it.
    fs::write(folder.join("evidence/336276927fc2-report.pdf"), b"%PDF-1.7 report").unwrap();
    fs::write(folder.join("portfolio.json"), bytes).unwrap();

    if let Ok(mut session) = Session::open(SHARED_FRAMEWORK.clone(), &folder) {
        session.checklist(NOW.date());
        let ids: Vec<String> = session.portfolio().evidence.iter().map(|i| i.id.clone()).collect();
        for id in &ids {
            if let Ok(OpenTarget::File(path)) = session.what_to_open(id) {
                assert!(
                    path.starts_with(folder.join("evidence")),
                    "Open must only ever open a file of the portfolio: {}",
                    path.display()
                );
            }
        }
        let snapshot = session.take_snapshot("fuzz", false, None, NOW).ok();
        let options = ExportOptions { format: ExportFormat::Folder, embed_all_files: false, replace: false };
        let _ = export::export(&FRAMEWORK, session.folder(), session.portfolio(), &case.join("web"), options, NOW);
        if let Some(info) = snapshot {
            let _ = restore_as_copy(&folder, &info.id, &case.join("copy"));
        }
        for id in &ids {
            let _ = session.remove_evidence(id, NOW);
        }
    }

    assert_eq!(
        state_of(&OUTSIDE),
        before,
        "a file outside the portfolio was created, changed or deleted"
    );
    let mut made: Vec<String> = fs::read_dir(SCRATCH.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made, ["case", "outside"], "nothing may be made beside the portfolio's folder");
});
