//! Snapshots under `snapshots/<id>/`: the portfolio as it was, what the snapshot is, and its
//! evidence files. A snapshot is built in a temporary sibling folder and renamed into place,
//! so it is either whole or absent, and nothing ever writes into one that exists.

use crate::evidence::files::{is_regular_file, stored_path};
use crate::framework::PathwayId;
use crate::integrity;
use crate::local_time::{LocalClock, Precision};
use crate::model::Portfolio;
use crate::store::atomic::{describe_io_error_for, sync_folder};
use crate::store::{
    EVIDENCE_DIR, MAX_PORTFOLIO_JSON_BYTES, PORTFOLIO_FILE, PortfolioFolder, StoreError,
};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::format_description;

pub use crate::store::SNAPSHOT_DIR;
pub const SNAPSHOT_FILE: &str = "snapshot.json";

#[derive(Debug, thiserror::Error)]
pub enum VersionsError {
    /// The id names a path rather than a snapshot (`..`, a separator, empty or hidden).
    #[error("\"{0}\" is not a snapshot id. Ids look like 20261123-101500.")]
    BadId(String),
    /// No snapshot folder has this id.
    #[error("There is no snapshot {0} in this portfolio. `cmalt-portfolio snapshots` lists them.")]
    UnknownSnapshot(String),
    /// No backup has this name.
    #[error("There is no backup called {0} in this portfolio.")]
    UnknownBackup(String),
    /// The snapshot's files are there but do not read as a snapshot.
    #[error("The snapshot {id} could not be read ({reason}). It has not been changed.")]
    Damaged { id: String, reason: String },
    /// Reading or creating a portfolio folder failed (e.g. the restore target holds one).
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Could not {action} {path}: {}. Nothing was changed in your portfolio.", describe_io_error_for(.action, .source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

pub type Result<T> = std::result::Result<T, VersionsError>;

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> VersionsError + use<> {
    let path = path.to_path_buf();
    move |source| VersionsError::Io {
        action,
        path,
        source,
    }
}

/// What a snapshot is, as saved in its `snapshot.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SnapshotInfo {
    pub id: String,
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub taken_at: OffsetDateTime,
    /// This is the version sent to the assessors.
    pub submitted: bool,
    pub pathway: PathwayId,
    /// For a submitted version: the submission window it was sent for, "YYYY-MM-DD".
    #[serde(default)]
    pub submission_window: Option<String>,
}

/// A snapshot as the window lists it: what `snapshot.json` says, with its name and the time
/// it was kept in the candidate's words (never saved: they depend on the clock and zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SnapshotListing {
    #[serde(flatten)]
    pub info: SnapshotInfo,
    /// "Sent for assessment, kept 31 January 2027 at 14:05"; an unlabelled one is
    /// "Snapshot" or "Submitted version".
    pub name: String,
    /// "31 January 2027 at 14:05".
    pub kept: String,
}

impl SnapshotInfo {
    pub fn listed(self, clock: &LocalClock) -> SnapshotListing {
        let kept = clock.date_and_time(self.taken_at, Precision::Minutes);
        let label = match (self.label.as_str(), self.submitted) {
            ("", true) => "Submitted version",
            ("", false) => "Snapshot",
            (label, _) => label,
        };
        SnapshotListing {
            name: format!("{label}, kept {kept}"),
            kept,
            info: self,
        }
    }
}

/// Keeps the portfolio as it is now, with its evidence files, as a new snapshot.
pub fn take_snapshot(
    folder: &Path,
    portfolio: &Portfolio,
    label: &str,
    submitted: bool,
    now: OffsetDateTime,
) -> Result<SnapshotInfo> {
    let root = folder.join(SNAPSHOT_DIR);
    fs::create_dir_all(&root).map_err(io_error("create", &root))?;
    // What snapshots killed half-way left (never listed, as their names are hidden).
    crate::staging::tidy_abandoned_in(&root);
    let taken_at = now.replace_nanosecond(0).unwrap_or(now);
    let id = free_id(&root, taken_at);
    let info = SnapshotInfo {
        id: id.clone(),
        label: label.trim().to_string(),
        taken_at,
        submitted,
        pathway: portfolio.pathway,
        submission_window: portfolio.target_window.clone().filter(|_| submitted),
    };
    // A dot-name beside the final folder: the rename stays on one file system, and a
    // half-built snapshot left by a crash is never listed.
    let temp =
        crate::staging::sibling(&root.join(&id), "snapshot").map_err(io_error("create", &root))?;
    // `create_dir`, not `create_dir_all`: the folder must be new, never something in the way,
    // and only a folder made here is ever cleaned up below.
    fs::create_dir(&temp).map_err(io_error("create", &temp))?;
    let built = build(&temp, folder, portfolio, &info)
        .and_then(|()| fs::rename(&temp, root.join(&id)).map_err(io_error("save", &temp)));
    if built.is_err() {
        let _ = make_removable(&temp);
        let _ = fs::remove_dir_all(&temp);
    }
    built?;
    sync_folder(&root).map_err(io_error("save", &root))?;
    Ok(info)
}

/// `20261123-101500` from the time, with `-2`, `-3`... when that id is taken.
fn free_id(root: &Path, taken_at: OffsetDateTime) -> String {
    let base = taken_at
        .to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year][month][day]-[hour][minute][second]"
        ))
        .expect("the id format is valid");
    let mut id = base.clone();
    let mut counter = 1;
    while root.join(&id).exists() {
        counter += 1;
        id = format!("{base}-{counter}");
    }
    id
}

fn build(temp: &Path, folder: &Path, portfolio: &Portfolio, info: &SnapshotInfo) -> Result<()> {
    let evidence = temp.join(EVIDENCE_DIR);
    fs::create_dir(&evidence).map_err(io_error("create", temp))?;
    write_read_only(&temp.join(PORTFOLIO_FILE), &to_json(portfolio))?;
    write_read_only(&temp.join(SNAPSHOT_FILE), &to_json(info))?;
    let working = folder.join(EVIDENCE_DIR);
    for item in &portfolio.evidence {
        let (Some(source), Some(target)) = (
            stored_path(&working, &item.source),
            stored_path(&evidence, &item.source),
        ) else {
            continue;
        };
        // A file already missing from the library cannot be kept; the item's record is. A
        // link is not followed: the snapshot keeps only files that are the portfolio's own.
        if !is_regular_file(&source) || fs::symlink_metadata(&target).is_ok() {
            continue;
        }
        // The library replaces files by rename and never writes into one, so a hard link
        // keeps this version's bytes for as long as the snapshot lives, at no cost in space.
        if fs::hard_link(&source, &target).is_ok() {
            // On Unix a link shares the working file's permissions; read-only does not stop
            // the library deleting or replacing it there. Windows would refuse the deletion.
            #[cfg(unix)]
            set_read_only(&target)?;
        } else {
            fs::copy(&source, &target).map_err(io_error("copy", &source))?;
            set_read_only(&target)?;
        }
    }
    sync_folder(&evidence).map_err(io_error("save", &evidence))?;
    sync_folder(temp).map_err(io_error("save", temp))
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("plain data always serialises");
    bytes.push(b'\n');
    bytes
}

fn write_read_only(path: &Path, bytes: &[u8]) -> Result<()> {
    let write = || -> io::Result<()> {
        let mut file = fs::File::create(path)?;
        io::Write::write_all(&mut file, bytes)?;
        file.sync_all()
    };
    write().map_err(io_error("save", path))?;
    set_read_only(path)
}

fn set_read_only(path: &Path) -> Result<()> {
    let mut permissions = fs::metadata(path)
        .map_err(io_error("protect", path))?
        .permissions();
    permissions.set_readonly(true);
    fs::set_permissions(path, permissions).map_err(io_error("protect", path))
}

/// Lets a failed, never-published temp folder be removed on systems that refuse to delete
/// read-only files.
fn make_removable(temp: &Path) -> io::Result<()> {
    for dir in [temp.to_path_buf(), temp.join(EVIDENCE_DIR)] {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_file() {
                let mut permissions = fs::metadata(&path)?.permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                permissions.set_readonly(false);
                fs::set_permissions(&path, permissions)?;
            }
        }
    }
    Ok(())
}

/// Every readable snapshot of the portfolio, newest first.
pub fn list_snapshots(folder: &Path) -> Result<Vec<SnapshotInfo>> {
    let root = folder.join(SNAPSHOT_DIR);
    let entries = match fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(io_error("read", &root)(error)),
    };
    let mut snapshots: Vec<SnapshotInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
        .filter(|name| check_id(name).is_ok())
        .filter_map(|id| read_info(&root, &id).ok())
        .collect();
    snapshots.sort_by_key(|s| std::cmp::Reverse((s.taken_at, collision_number(&s.id))));
    Ok(snapshots)
}

/// 1 for `20261123-101500`, 2 for `20261123-101500-2`: string order would put `-10` before `-2`.
fn collision_number(id: &str) -> u32 {
    id.get(16..).and_then(|n| n.parse().ok()).unwrap_or(1)
}

/// What snapshot `id` is: its label, date, and whether it was submitted.
pub fn snapshot_info(folder: &Path, id: &str) -> Result<SnapshotInfo> {
    snapshot_folder(folder, id)?;
    read_info(&folder.join(SNAPSHOT_DIR), id)
}

/// The portfolio as it was when the snapshot was taken.
pub fn load_snapshot(folder: &Path, id: &str) -> Result<Portfolio> {
    let snapshot = snapshot_folder(folder, id)?;
    let file = snapshot.join(PORTFOLIO_FILE);
    let bytes = read_small(&file).map_err(|error| damaged(id, error.to_string()))?;
    let portfolio: Portfolio =
        serde_json::from_slice(&bytes).map_err(|error| damaged(id, error.to_string()))?;
    // A snapshot folder can come from someone else as much as the portfolio can.
    integrity::check(&portfolio).map_err(|problem| damaged(id, problem.to_string()))?;
    Ok(portfolio)
}

/// A snapshot's JSON, never through a link and never larger than a portfolio can be.
fn read_small(file: &Path) -> io::Result<Vec<u8>> {
    match crate::no_follow::read_capped(file, MAX_PORTFOLIO_JSON_BYTES)? {
        crate::no_follow::Capped::Read(bytes) => Ok(bytes),
        crate::no_follow::Capped::TooLarge(_) => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the file is far too large",
        )),
    }
}

/// Makes a new, separate portfolio folder from a snapshot, with its evidence files, titled
/// so it is not mistaken for the working copy. The working portfolio and the snapshot are
/// left exactly as they are.
pub fn restore_as_copy(folder: &Path, id: &str, new_folder: &Path) -> Result<Portfolio> {
    let mut portfolio = load_snapshot(folder, id)?;
    let info = snapshot_info(folder, id)?;
    portfolio.title = copy_title(&portfolio, "snapshot", info.taken_at);
    let snapshot = snapshot_folder(folder, id)?;
    create_copy(new_folder, &portfolio, &[snapshot.join(EVIDENCE_DIR)])?;
    Ok(portfolio)
}

/// "My CMALT (snapshot of 23 November 2026)".
pub(crate) fn copy_title(portfolio: &Portfolio, what: &str, at: OffsetDateTime) -> String {
    let date = at
        .format(format_description!(
            "[day padding:none] [month repr:long] [year]"
        ))
        .expect("the date format is valid");
    format!("{} ({what} of {date})", portfolio.display_title())
}

/// Creates `new_folder` holding `portfolio`, copying each of its evidence files from the
/// first of `sources` that has it. A file none of them has leaves the item's record only.
pub(crate) fn create_copy(
    new_folder: &Path,
    portfolio: &Portfolio,
    sources: &[PathBuf],
) -> Result<()> {
    // `create` refuses a folder that holds a portfolio or any other file.
    let created = PortfolioFolder::create(new_folder, portfolio)?;
    let target = created.path().join(EVIDENCE_DIR);
    for item in &portfolio.evidence {
        let Some(source) = sources
            .iter()
            .filter_map(|folder| stored_path(folder, &item.source))
            .find(|path| is_regular_file(path))
        else {
            continue;
        };
        let Some(copy) = stored_path(&target, &item.source) else {
            continue;
        };
        if fs::symlink_metadata(&copy).is_ok() {
            // Two items sharing one file: it is copied once.
            continue;
        }
        // A copy, not a link: the restored portfolio is the candidate's to edit.
        fs::copy(&source, &copy).map_err(io_error("copy", &source))?;
        let mut permissions = fs::metadata(&copy)
            .map_err(io_error("copy", &copy))?
            .permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        fs::set_permissions(&copy, permissions).map_err(io_error("copy", &copy))?;
    }
    sync_folder(&target).map_err(io_error("save", &target))?;
    Ok(())
}

fn read_info(root: &Path, id: &str) -> Result<SnapshotInfo> {
    let bytes = read_small(&root.join(id).join(SNAPSHOT_FILE))
        .map_err(|error| damaged(id, error.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|error| damaged(id, error.to_string()))
}

fn damaged(id: &str, reason: String) -> VersionsError {
    VersionsError::Damaged {
        id: id.to_string(),
        reason,
    }
}

/// The folder of an existing snapshot; ids that could reach outside `snapshots/` are refused.
fn snapshot_folder(folder: &Path, id: &str) -> Result<PathBuf> {
    check_id(id)?;
    let path = folder.join(SNAPSHOT_DIR).join(id);
    if crate::no_follow::is_link(&path) || crate::no_follow::is_link(&path.join(EVIDENCE_DIR)) {
        return Err(damaged(
            id,
            "it is a shortcut (symbolic link) to somewhere else, which the app does not follow"
                .into(),
        ));
    }
    if !path.join(SNAPSHOT_FILE).is_file() {
        return Err(VersionsError::UnknownSnapshot(id.to_string()));
    }
    Ok(path)
}

/// Ids are digits and dashes only, as `take_snapshot` makes them: no separator, no `..`,
/// no drive letter, no hidden temp folder.
fn check_id(id: &str) -> Result<()> {
    if integrity::is_snapshot_id(id) {
        Ok(())
    } else {
        Err(VersionsError::BadId(id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_digit_and_dash_ids_are_accepted() {
        assert!(check_id("20261123-101500").is_ok());
        assert!(check_id("20261123-101500-2").is_ok());
        for hostile in ["", "..", "../x", "a/b", "a\\b", ".20261123.tmp", "C:", "-1"] {
            assert!(check_id(hostile).is_err(), "{hostile:?} must be refused");
        }
    }

    #[test]
    fn collision_numbers_order_numerically() {
        assert_eq!(collision_number("20261123-101500"), 1);
        assert_eq!(collision_number("20261123-101500-10"), 10);
    }
}
