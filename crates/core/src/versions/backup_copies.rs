//! The rolling backups as versions the candidate can browse: when each was saved, what it
//! held, and a restore that makes a new portfolio from one, never touching the working copy.

use super::snapshots::{SNAPSHOT_DIR, copy_title, create_copy};
use super::{Result, VersionsError};
use crate::local_time::{LocalClock, Precision};
use crate::markdown::count_markdown_words;
use crate::model::Portfolio;
use crate::store::backups::{self, BackupInfo};
use crate::store::{self, EVIDENCE_DIR};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// One backup as the backups view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupVersion {
    pub file_name: String,
    pub saved_at: String,
    /// "today at 14:05", as a list of recent saves reads.
    pub saved_when: String,
    /// "1 December 2026 at 14:05:09": two backups can be a few seconds apart.
    pub saved_time: String,
    pub bytes: u64,
    /// "12 KB".
    pub size: String,
    /// What it held; `None` when the backup cannot be read.
    pub title: Option<String>,
    pub words: Option<usize>,
    pub sections_written: Option<usize>,
}

/// Every backup, newest first, with a summary of what it holds and when it was saved, as
/// the candidate's `clock` reads.
pub fn list_backups(folder: &Path, clock: &LocalClock) -> Result<Vec<BackupVersion>> {
    let list = backups::list(folder).map_err(|source| VersionsError::Io {
        action: "read",
        path: folder.join(backups::BACKUP_DIR),
        source,
    })?;
    Ok(list
        .into_iter()
        .map(|info| {
            let portfolio = read_backup(folder, &info).ok();
            BackupVersion {
                title: portfolio.as_ref().map(Portfolio::display_title),
                words: portfolio.as_ref().map(words_in),
                sections_written: portfolio
                    .as_ref()
                    .map(|p| p.sections.values().filter(|e| e.has_text()).count()),
                saved_when: clock.when_text(&info.saved_at),
                saved_time: clock.date_and_time_text(&info.saved_at, Precision::Seconds),
                file_name: info.file_name,
                saved_at: info.saved_at,
                bytes: info.bytes,
                size: info.size,
            }
        })
        .collect())
}

fn words_in(portfolio: &Portfolio) -> usize {
    portfolio
        .sections
        .values()
        .flat_map(|e| [&e.topic, &e.description, &e.reflection])
        .map(|text| count_markdown_words(text))
        .sum()
}

/// The backup called `file_name`; only names `list` gives are accepted.
fn find(folder: &Path, file_name: &str) -> Result<BackupInfo> {
    backups::list(folder)
        .unwrap_or_default()
        .into_iter()
        .find(|info| info.file_name == file_name)
        .ok_or_else(|| VersionsError::UnknownBackup(file_name.to_string()))
}

fn read_backup(folder: &Path, info: &BackupInfo) -> Result<Portfolio> {
    let path = backups::path_of(folder, info);
    store::read_file(folder, &path).map_err(|error| VersionsError::Damaged {
        id: info.file_name.clone(),
        reason: error.to_string(),
    })
}

/// Makes a new portfolio folder from a backup. Its evidence files come from the working
/// library, or from a snapshot when the library no longer has one.
pub fn restore_backup_as_copy(
    folder: &Path,
    file_name: &str,
    new_folder: &Path,
) -> Result<Portfolio> {
    let info = find(folder, file_name)?;
    let mut portfolio = read_backup(folder, &info)?;
    let saved_at = OffsetDateTime::parse(&info.saved_at, &Rfc3339).unwrap_or(portfolio.updated_at);
    portfolio.title = copy_title(&portfolio, "backup", saved_at);
    let mut sources = vec![folder.join(EVIDENCE_DIR)];
    sources.extend(snapshot_evidence_folders(folder));
    create_copy(new_folder, &portfolio, &sources)?;
    Ok(portfolio)
}

fn snapshot_evidence_folders(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder.join(SNAPSHOT_DIR))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path().join(EVIDENCE_DIR))
                .filter(|path| path.is_dir())
                .collect()
        })
        .unwrap_or_default()
}
