//! Rolling backups of `portfolio.json` in the folder's `.backups/`: before each save the
//! version being replaced is kept (a hard link where the disk allows, so it costs no copy),
//! then the folder is pruned to the last saves plus one per day.

use serde::Serialize;
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime, macros::format_description};

pub const BACKUP_DIR: &str = ".backups";
/// The most recent saves kept, whatever their age.
pub const KEEP_RECENT: usize = 20;
/// Days for which the last save of the day is kept as well.
pub const KEEP_DAILY: usize = 60;

const STAMP: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second][subsecond digits:3]Z");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    pub file_name: String,
    /// When this version was saved, RFC 3339.
    pub saved_at: String,
    pub bytes: u64,
    /// "12 KB".
    pub size: String,
}

/// The name of the backup of a version saved at `saved_at`; names sort by time.
fn backup_name(saved_at: OffsetDateTime, counter: usize) -> String {
    let stamp = saved_at
        .to_offset(time::UtcOffset::UTC)
        .format(STAMP)
        .expect("the stamp format is valid");
    match counter {
        0 => format!("portfolio-{stamp}.json"),
        n => format!("portfolio-{stamp}-{n}.json"),
    }
}

/// The save time and the same-time counter of a backup, in the order backups were made.
fn parse_backup_name(name: &str) -> Option<(OffsetDateTime, usize)> {
    let stem = name.strip_prefix("portfolio-")?.strip_suffix(".json")?;
    let stamp = stem.get(..19)?;
    let counter = match stem.get(19..)? {
        "" => 0,
        rest => rest.strip_prefix('-')?.parse().ok()?,
    };
    let at = PrimitiveDateTime::parse(stamp, STAMP).ok()?.assume_utc();
    Some((at, counter))
}

/// Keeps the current `file` as a backup before it is replaced. The version's save time is
/// the file's modification time.
pub fn keep_before_replacing(portfolio_folder: &Path, file: &Path) -> io::Result<()> {
    let metadata = match fs::metadata(file) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "only a file can be kept as a backup",
        ));
    }
    let saved_at = metadata
        .modified()
        .map(OffsetDateTime::from)
        .unwrap_or_else(|_| OffsetDateTime::now_utc());
    let folder = portfolio_folder.join(BACKUP_DIR);
    fs::create_dir_all(&folder)?;
    let mut counter = 0;
    loop {
        let target = folder.join(backup_name(saved_at, counter));
        // `symlink_metadata`: a link planted under the name counts as taken, never followed.
        if fs::symlink_metadata(&target).is_ok() {
            counter += 1;
            continue;
        }
        // The replaced file is never written again (saves rename a new file over it), so
        // a hard link is as safe as a copy and costs nothing.
        return match fs::hard_link(file, &target) {
            Ok(()) => Ok(()),
            Err(_) => copy_into_new(file, &target),
        };
    }
}

/// Copies `file` to `target`, which must not exist (a link in its place is not written
/// through).
fn copy_into_new(file: &Path, target: &Path) -> io::Result<()> {
    let mut from = crate::no_follow::open_to_read(file)?;
    let mut to = crate::no_follow::create_new(target)?;
    let copied = io::copy(&mut from, &mut to).and_then(|_| to.sync_all());
    if copied.is_err() {
        // A backup that is not whole is no backup.
        let _ = fs::remove_file(target);
    }
    copied
}

/// Backups, newest first.
pub fn list(portfolio_folder: &Path) -> io::Result<Vec<BackupInfo>> {
    let folder = portfolio_folder.join(BACKUP_DIR);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut backups: Vec<((OffsetDateTime, usize), BackupInfo)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let file_name = entry.file_name().into_string().ok()?;
            let order = parse_backup_name(&file_name)?;
            let bytes = entry.metadata().ok()?.len();
            Some((
                order,
                BackupInfo {
                    saved_at: order.0.format(&Rfc3339).ok()?,
                    file_name,
                    bytes,
                    size: crate::evidence::files::megabytes(bytes),
                },
            ))
        })
        .collect();
    backups.sort_by_key(|(order, _)| std::cmp::Reverse(*order));
    Ok(backups.into_iter().map(|(_, info)| info).collect())
}

pub fn path_of(portfolio_folder: &Path, backup: &BackupInfo) -> PathBuf {
    portfolio_folder.join(BACKUP_DIR).join(&backup.file_name)
}

/// Which of `names` (backup file names, any order) to delete: everything but the
/// newest `KEEP_RECENT` and the newest of each of the last `KEEP_DAILY` days.
pub fn names_to_prune(names: &[String]) -> Vec<String> {
    let mut dated: Vec<((OffsetDateTime, usize), &String)> = names
        .iter()
        .filter_map(|name| parse_backup_name(name).map(|order| (order, name)))
        .collect();
    dated.sort_by_key(|(order, _)| std::cmp::Reverse(*order));
    let mut keep: BTreeSet<&String> = dated.iter().take(KEEP_RECENT).map(|(_, n)| *n).collect();
    let mut days_seen = BTreeSet::new();
    for ((at, _), name) in &dated {
        if days_seen.len() == KEEP_DAILY && !days_seen.contains(&at.date()) {
            break;
        }
        if days_seen.insert(at.date()) {
            keep.insert(name);
        }
    }
    dated
        .iter()
        .filter(|(_, name)| !keep.contains(name))
        .map(|(_, name)| (*name).clone())
        .collect()
}

/// Deletes backups the policy no longer keeps. Failing to prune never fails a save.
pub fn prune(portfolio_folder: &Path) {
    let folder = portfolio_folder.join(BACKUP_DIR);
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    for name in names_to_prune(&names) {
        let _ = fs::remove_file(folder.join(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn names_sort_by_time_and_parse_back() {
        let at = datetime!(2026-11-23 10:15:30.250 UTC);
        let name = backup_name(at, 0);
        assert_eq!(name, "portfolio-20261123T101530250Z.json");
        assert_eq!(parse_backup_name(&name), Some((at, 0)));
        assert_eq!(parse_backup_name(&backup_name(at, 2)), Some((at, 2)));
        assert_eq!(parse_backup_name("notes.txt"), None);
    }

    #[test]
    fn pruning_keeps_the_last_saves_and_one_a_day() {
        // 30 saves today, then one save on each of 100 earlier days.
        let today = datetime!(2026-11-23 09:00 UTC);
        let mut names: Vec<String> = (0..30)
            .map(|i| backup_name(today + time::Duration::minutes(i), 0))
            .collect();
        names.extend((1..=100).map(|d| backup_name(today - time::Duration::days(d), 0)));
        let pruned = names_to_prune(&names);
        let kept: Vec<&String> = names.iter().filter(|n| !pruned.contains(n)).collect();
        assert_eq!(
            kept.len(),
            KEEP_RECENT + KEEP_DAILY - 1,
            "20 recent + 59 earlier days (today counted once)"
        );
        assert!(
            kept.contains(&&backup_name(today + time::Duration::minutes(29), 0)),
            "the newest save is kept"
        );
        assert!(
            !kept.contains(&&backup_name(today, 0)),
            "today's 10th-newest and older go, today is covered by the newest"
        );
        assert!(kept.contains(&&backup_name(today - time::Duration::days(59), 0)));
        assert!(
            !kept.contains(&&backup_name(today - time::Duration::days(60), 0)),
            "beyond 60 days they go"
        );
    }

    #[test]
    fn foreign_files_in_the_backup_folder_are_left_alone() {
        let pruned = names_to_prune(&["README.txt".to_string()]);
        assert!(pruned.is_empty());
    }
}
