//! Making something whole beside its target and renaming it into place: the hidden sibling
//! names that exports, reopened bundles, imported drafts and atomic saves write into, and
//! the tidying of those that a killed run left behind. One naming rule, so the next run of
//! any of them recognises the leftovers of all of them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Several writes of one process can run at once (two windows' commands, a save beside an
/// export): each call gets a name of its own.
static NEXT_CALL: AtomicU64 = AtomicU64::new(1);

/// The folder `path` is in; a bare name is in the current folder.
pub fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `.NAME.PURPOSE-N-PID.tmp` beside `target`: a rename within one folder is atomic, the dot
/// keeps an unfinished one out of sight, and the process id at the end tells a later run
/// whether its writer is still alive.
pub fn sibling(target: &Path, purpose: &str) -> io::Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the target has no name"))?;
    let call = NEXT_CALL.fetch_add(1, Ordering::Relaxed);
    Ok(target.with_file_name(format!(
        ".{}.{purpose}-{call}-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Removes the hidden `.NAME.….tmp` siblings of `target` whose writer has ended: what a
/// killed export, import or save left. A folder moved aside to be replaced (`replaced-`) is
/// put back first when the target is missing, so a crash mid-replace loses nothing. Entries
/// of a live process, and anything not named this way, are left alone.
pub fn tidy_abandoned_siblings(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(parent_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        if !writer_of(middle).is_some_and(process_has_ended) {
            continue;
        }
        if middle.starts_with("replaced-")
            && fs::symlink_metadata(target).is_err()
            && fs::rename(entry.path(), target).is_ok()
        {
            continue;
        }
        remove_entry(&entry);
    }
}

/// Removes a leftover: a folder with what is in it, or a file or link (never what a link
/// someone left under such a name points to).
fn remove_entry(entry: &fs::DirEntry) {
    let is_real_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
    let _ = if is_real_folder {
        fs::remove_dir_all(entry.path())
    } else {
        fs::remove_file(entry.path())
    };
}

/// A folder being made whole under a hidden sibling name of its target, renamed into place
/// by `publish` only once complete. Dropped unpublished (an error, a panic unwinding), it
/// is removed; killed, it is left for `tidy_abandoned_siblings` on the next run.
#[derive(Debug)]
pub struct StagedFolder {
    temp: PathBuf,
    target: PathBuf,
    published: bool,
}

impl StagedFolder {
    /// Tidies what killed runs left beside `target`, then names this run's folder (which is
    /// not created: the caller creates it, e.g. as a portfolio folder).
    pub fn beside(target: &Path, purpose: &str) -> io::Result<StagedFolder> {
        fs::create_dir_all(parent_of(target))?;
        tidy_abandoned_siblings(target);
        Ok(StagedFolder {
            temp: sibling(target, purpose)?,
            target: target.to_path_buf(),
            published: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Renames the finished folder onto the target, which must be absent or an empty folder
    /// (the caller checks that it holds nothing first), and makes the rename durable.
    pub fn publish(mut self) -> io::Result<()> {
        if fs::symlink_metadata(&self.target).is_ok_and(|m| m.is_dir()) {
            // An empty folder the candidate chose: rename cannot replace it everywhere.
            // `remove_dir` fails, changing nothing, if anything is in it.
            fs::remove_dir(&self.target)?;
        }
        fs::rename(&self.temp, &self.target)?;
        self.published = true;
        crate::store::atomic::sync_folder(parent_of(&self.target))
    }
}

impl Drop for StagedFolder {
    fn drop(&mut self) {
        let is_ours = fs::symlink_metadata(&self.temp).is_ok_and(|m| m.is_dir());
        if !self.published && is_ours {
            let _ = fs::remove_dir_all(&self.temp);
        }
    }
}

/// Removes every hidden `.….tmp` entry of `folder` whose writer has ended, whatever it was
/// to be called: for folders such as `snapshots/`, where each run makes a new name.
pub fn tidy_abandoned_in(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = name
            .strip_prefix('.')
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        if writer_of(middle).is_some_and(process_has_ended) {
            remove_entry(&entry);
        }
    }
}

/// The process id that ends the middle of a sibling's name: `export-3-123`, `123`.
fn writer_of(middle: &str) -> Option<u32> {
    middle.rsplit(['-', '.']).next()?.parse().ok()
}

/// Whether no process has this id now. Only Linux can tell cheaply; elsewhere nothing is
/// removed, which is safe.
pub fn process_has_ended(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn two_calls_never_share_a_sibling_name() {
        let target = Path::new("/x/portfolio.zip");
        let first = sibling(target, "export").unwrap();
        let second = sibling(target, "export").unwrap();
        assert_ne!(
            first, second,
            "concurrent writes must not share a temp file"
        );
        let name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".portfolio.zip.export-") && name.ends_with(".tmp"));
        let middle = name
            .strip_prefix(".portfolio.zip.")
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .unwrap();
        assert_eq!(writer_of(middle), Some(std::process::id()));
    }

    #[test]
    fn leftovers_of_ended_writers_go_and_live_or_foreign_ones_stay() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("Mine");
        // Linux gives no process an id above its pid_max (at most 2^22).
        let dead = 4_194_999;
        let live = std::process::id();
        for name in [
            format!(".Mine.import-1-{dead}.tmp"),
            format!(".Mine.export-2-{live}.tmp"),
            ".Mine.notes.tmp".to_string(),
            "Mine-notes.txt".to_string(),
        ] {
            fs::create_dir(folder.path().join(name)).unwrap();
        }
        fs::write(folder.path().join(format!(".Mine.w-3-{dead}.tmp")), b"x").unwrap();
        tidy_abandoned_siblings(&target);
        let left = names_in(folder.path());
        if cfg!(target_os = "linux") {
            assert_eq!(
                left,
                vec![
                    format!(".Mine.export-2-{live}.tmp"),
                    ".Mine.notes.tmp".to_string(),
                    "Mine-notes.txt".to_string()
                ],
                "only what an ended writer left may be removed"
            );
        }
    }

    #[test]
    fn a_folder_of_many_names_is_tidied_of_dead_writers_only() {
        let folder = tempfile::tempdir().unwrap();
        let dead = 4_194_999;
        let live = std::process::id();
        fs::create_dir(
            folder
                .path()
                .join(format!(".20261123-101500.snapshot-1-{dead}.tmp")),
        )
        .unwrap();
        fs::create_dir(
            folder
                .path()
                .join(format!(".20261124-101500.snapshot-2-{live}.tmp")),
        )
        .unwrap();
        fs::create_dir(folder.path().join("20261123-101500")).unwrap();
        tidy_abandoned_in(folder.path());
        let left = names_in(folder.path());
        if cfg!(target_os = "linux") {
            assert_eq!(
                left,
                vec![
                    format!(".20261124-101500.snapshot-2-{live}.tmp"),
                    "20261123-101500".to_string()
                ]
            );
        }
    }
}
