//! A portfolio folder on disk: `portfolio.json`, `evidence/` and `.backups/`. Creating,
//! opening (with its lock), saving atomically, and recovering from a file that cannot be
//! read without ever overwriting it.

pub mod atomic;
pub mod backups;
pub mod lock;

use crate::integrity::{self, UnsafeContent};
use crate::model::{Portfolio, SCHEMA_VERSION};
use crate::store::atomic::{describe_io_error_for, write_atomically};
use crate::store::lock::{FolderLock, LOCK_FILE, LockOutcome};
use backups::BackupInfo;
use serde::Serialize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::format_description;

pub const PORTFOLIO_FILE: &str = "portfolio.json";
pub const EVIDENCE_DIR: &str = "evidence";
/// The snapshots' folder (see `versions::snapshots`); named here so opening can check it.
pub const SNAPSHOT_DIR: &str = "snapshots";
/// Far beyond any real portfolio's text (a long Senior portfolio is under 1 MB), and small
/// enough that a hostile file cannot make the app hold gigabytes to read it.
pub const MAX_PORTFOLIO_JSON_BYTES: u64 = 16_000_000;

/// What the app itself reads and writes in a portfolio folder: none of them may be a link,
/// or a folder from someone else could point the app's writes and deletions elsewhere.
const OWN_ENTRIES: [&str; 5] = [
    PORTFOLIO_FILE,
    EVIDENCE_DIR,
    backups::BACKUP_DIR,
    SNAPSHOT_DIR,
    LOCK_FILE,
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// `new` was asked to create a portfolio where one (or other files) already is.
    #[error(
        "There is already a portfolio in {0}. Nothing was changed. Open it, or choose a new, empty folder."
    )]
    Exists(PathBuf),
    #[error(
        "The folder {0} already has files in it. Nothing was changed. Choose a new or empty folder for the portfolio."
    )]
    FolderNotEmpty(PathBuf),
    #[error("The folder {0} could not be found. It may have been moved, renamed or deleted.")]
    NotFound(PathBuf),
    #[error("{0} is not a CMALT Portfolio folder: it has no portfolio.json.")]
    NotAPortfolio(PathBuf),
    /// The file is truncated, not JSON or not a portfolio. It is left exactly as it is.
    #[error("The portfolio in {folder} could not be read ({reason}). The file has not been changed. {}", backup_offer(.backups))]
    Unreadable {
        folder: PathBuf,
        reason: String,
        backups: Vec<BackupInfo>,
    },
    #[error(
        "This portfolio was saved by a newer version of CMALT Portfolio (format {found}; this version reads up to {supported}). Please update the app to open it. The file has not been changed."
    )]
    NewerSchema { found: u64, supported: u32 },
    #[error(
        "This portfolio is already open in another window or program. Close it there first, then try again."
    )]
    Locked(PathBuf),
    #[error("Could not {action} {path}: {}. {}", describe_io_error_for(.action, .source), after_io_failure(.action))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("There is no backup of this portfolio to restore.")]
    NoBackup(PathBuf),
    /// A name or number in the file would reach outside the portfolio or break the library.
    #[error(
        "The portfolio in {folder} was not opened: {problem}. It may have been changed by hand or by another program. Nothing was read, written or deleted, and the folder is as it was."
    )]
    Unsafe {
        folder: PathBuf,
        problem: UnsafeContent,
    },
    /// One of the app's own files or folders in the portfolio is a symbolic link.
    #[error(
        "The portfolio in {folder} was not opened: its \"{name}\" is a shortcut (symbolic link) to somewhere else, so opening it could change files outside the portfolio. Nothing was read, written or deleted. Ask whoever sent it for a copy without links, or export it as a zip."
    )]
    LinkInside { folder: PathBuf, name: String },
    /// `portfolio.json` is far larger than any portfolio's text.
    #[error(
        "The portfolio in {folder} was not opened: its portfolio.json is {} and no portfolio's text comes near {}, so it is not a file this app wrote. Nothing was changed.", crate::evidence::files::megabytes(*.bytes), crate::evidence::files::megabytes(*.limit)
    )]
    TooLarge {
        folder: PathBuf,
        bytes: u64,
        limit: u64,
    },
}

fn backup_offer(backups: &[BackupInfo]) -> &'static str {
    if backups.is_empty() {
        "There is no backup to go back to."
    } else {
        "You can open the newest good backup instead; the unreadable file will be kept aside."
    }
}

fn after_io_failure(action: &str) -> &'static str {
    if action == "save" {
        "Your last saved version is safe, and your text is still here: the app will try again when you next type, or press Retry"
    } else {
        "Nothing was changed"
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError + use<> {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path,
        source,
    }
}

/// An open portfolio folder, locked against other writers for as long as it lives.
#[derive(Debug)]
pub struct PortfolioFolder {
    path: PathBuf,
    _lock: FolderLock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SaveReport {
    pub bytes: usize,
}

impl PortfolioFolder {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn file(&self) -> PathBuf {
        self.path.join(PORTFOLIO_FILE)
    }

    /// Creates a new portfolio folder. Refuses, changing nothing, if `folder` holds a
    /// portfolio or any other file.
    pub fn create(folder: &Path, portfolio: &Portfolio) -> Result<PortfolioFolder> {
        if folder.join(PORTFOLIO_FILE).exists() {
            return Err(StoreError::Exists(folder.to_path_buf()));
        }
        match fs::read_dir(folder) {
            Ok(mut entries) => {
                if entries.next().is_some() {
                    return Err(StoreError::FolderNotEmpty(folder.to_path_buf()));
                }
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(folder).map_err(io_error("create", folder))?
            }
            Err(error) => return Err(io_error("create", folder)(error)),
        }
        let opened = PortfolioFolder::lock(folder)?;
        fs::create_dir_all(folder.join(EVIDENCE_DIR)).map_err(io_error("create", folder))?;
        opened.save(portfolio)?;
        Ok(opened)
    }

    fn lock(folder: &Path) -> Result<PortfolioFolder> {
        match FolderLock::try_acquire(folder).map_err(io_error("open", folder))? {
            LockOutcome::Acquired(lock) => Ok(PortfolioFolder {
                path: folder.to_path_buf(),
                _lock: lock,
            }),
            LockOutcome::HeldElsewhere => Err(StoreError::Locked(folder.to_path_buf())),
        }
    }

    /// Opens and locks a portfolio folder and reads its portfolio.
    pub fn open(folder: &Path) -> Result<(PortfolioFolder, Portfolio)> {
        let file = check_folder(folder)?;
        let opened = PortfolioFolder::lock(folder)?;
        opened.remove_stale_temp_files();
        let portfolio = read_portfolio(folder, &file)?;
        Ok((opened, portfolio))
    }

    /// A save cut short by a crash or a kill leaves its temp file behind (the portfolio
    /// itself is whole). With the lock held no other save is running, so any left are stale.
    fn remove_stale_temp_files(&self) {
        let prefix = format!(".{PORTFOLIO_FILE}.");
        remove_hidden_temp_files(&self.path, |name| name.starts_with(&prefix));
        // An attach killed half-way leaves its hidden temp file among the evidence; the
        // lock is held, so no attach of ours is writing one now.
        remove_hidden_temp_files(&self.path.join(EVIDENCE_DIR), |name| name.starts_with('.'));
    }

    /// After `Unreadable`: moves the unreadable file aside (renamed, never deleted) and
    /// puts the newest backup that reads in its place.
    pub fn restore_newest_backup(
        folder: &Path,
        now: OffsetDateTime,
    ) -> Result<(PortfolioFolder, Portfolio)> {
        check_links(folder)?;
        let opened = PortfolioFolder::lock(folder)?;
        let backups = backups::list(folder).map_err(io_error("read the backups of", folder))?;
        let (backup_path, portfolio) = backups
            .iter()
            .map(|backup| backups::path_of(folder, backup))
            .find_map(|path| read_portfolio(folder, &path).ok().map(|p| (path, p)))
            .ok_or_else(|| StoreError::NoBackup(folder.to_path_buf()))?;
        let file = opened.file();
        if file.exists() {
            let stamp = now
                .format(format_description!(
                    "[year][month][day]T[hour][minute][second]"
                ))
                .expect("the stamp format is valid");
            let aside = folder.join(format!("portfolio.unreadable-{stamp}.json"));
            fs::rename(&file, &aside).map_err(io_error("set aside", &file))?;
        }
        let bytes = fs::read(&backup_path).map_err(io_error("read", &backup_path))?;
        write_atomically(&file, &bytes).map_err(io_error("save", &file))?;
        Ok((opened, portfolio))
    }

    /// Saves atomically, keeping the replaced version as a backup.
    pub fn save(&self, portfolio: &Portfolio) -> Result<SaveReport> {
        let file = self.file();
        let mut bytes =
            serde_json::to_vec_pretty(portfolio).expect("a portfolio always serialises");
        bytes.push(b'\n');
        if !self.path.is_dir() {
            return Err(io_error("save", &file)(io::Error::from(
                io::ErrorKind::NotFound,
            )));
        }
        // A backup that cannot be made must not stop the candidate's words being saved.
        let _ = backups::keep_before_replacing(&self.path, &file);
        write_atomically(&file, &bytes).map_err(io_error("save", &file))?;
        backups::prune(&self.path);
        Ok(SaveReport { bytes: bytes.len() })
    }

    pub fn backups(&self) -> Vec<BackupInfo> {
        backups::list(&self.path).unwrap_or_default()
    }
}

/// Removes files in `folder` named `.….tmp` that `wanted` accepts: what an interrupted
/// atomic write leaves behind. Never anything else.
fn remove_hidden_temp_files(folder: &Path, wanted: impl Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.ends_with(".tmp") && wanted(&name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Reads the portfolio in `folder` without taking its lock or writing anything, so that a
/// reader such as `cmalt-portfolio check` never blocks the app that has it open. Saves
/// replace the file atomically, so this sees either the old version or the new one.
pub fn read_only(folder: &Path) -> Result<Portfolio> {
    let file = check_folder(folder)?;
    read_portfolio(folder, &file)
}

/// The portfolio file of `folder`, once the folder is known to be a portfolio whose own
/// files and folders are real ones, not links.
fn check_folder(folder: &Path) -> Result<PathBuf> {
    if !folder.is_dir() {
        return Err(StoreError::NotFound(folder.to_path_buf()));
    }
    check_links(folder)?;
    let file = folder.join(PORTFOLIO_FILE);
    if fs::symlink_metadata(&file).is_err() {
        return Err(StoreError::NotAPortfolio(folder.to_path_buf()));
    }
    Ok(file)
}

fn check_links(folder: &Path) -> Result<()> {
    match OWN_ENTRIES
        .iter()
        .find(|name| crate::no_follow::is_link(&folder.join(name)))
    {
        Some(name) => Err(StoreError::LinkInside {
            folder: folder.to_path_buf(),
            name: name.to_string(),
        }),
        None => Ok(()),
    }
}

/// Reads and checks a portfolio file of `folder` (the current one or a backup) without ever
/// writing to it: the same checks as opening, so a damaged or newer file is explained.
pub fn read_file(folder: &Path, file: &Path) -> Result<Portfolio> {
    read_portfolio(folder, file)
}

/// Reads and checks a portfolio file without ever writing to it.
fn read_portfolio(folder: &Path, file: &Path) -> Result<Portfolio> {
    let unreadable = |reason: String| StoreError::Unreadable {
        folder: folder.to_path_buf(),
        reason,
        backups: backups::list(folder).unwrap_or_default(),
    };
    let bytes = read_capped(folder, file)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(unreadable("the file is empty".into()));
    }
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|error| {
        unreadable(if error.is_eof() {
            "the file is cut short, as after a crash or a full disk".into()
        } else {
            format!("the file is damaged: {error}")
        })
    })?;
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    match version {
        Some(found) if found > u64::from(SCHEMA_VERSION) => {
            return Err(StoreError::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Some(_) => {}
        None => return Err(unreadable("it is not a CMALT Portfolio file".into())),
    }
    let portfolio: Portfolio = serde_json::from_value(value)
        .map(Portfolio::migrated)
        .map_err(|error| unreadable(format!("a part of it is not as expected: {error}")))?;
    integrity::check(&portfolio).map_err(|problem| StoreError::Unsafe {
        folder: folder.to_path_buf(),
        problem,
    })?;
    Ok(portfolio)
}

/// The file's bytes, never through a link and never more than a portfolio can hold.
fn read_capped(folder: &Path, file: &Path) -> Result<Vec<u8>> {
    let limit = MAX_PORTFOLIO_JSON_BYTES;
    match crate::no_follow::read_capped(file, limit).map_err(io_error("read", file))? {
        crate::no_follow::Capped::Read(bytes) => Ok(bytes),
        crate::no_follow::Capped::TooLarge(bytes) => Err(StoreError::TooLarge {
            folder: folder.to_path_buf(),
            bytes,
            limit,
        }),
    }
}

/// Refuses, changing nothing, a target for a new portfolio that holds a portfolio, any other
/// file, or is a link: what creating, importing a draft and reopening a bundle all require.
/// An absent folder or an empty one is fine.
pub fn check_new_target(folder: &Path) -> Result<()> {
    if folder.join(PORTFOLIO_FILE).exists() {
        return Err(StoreError::Exists(folder.to_path_buf()));
    }
    match fs::read_dir(folder) {
        Ok(mut entries) => match entries.next() {
            Some(_) => Err(StoreError::FolderNotEmpty(folder.to_path_buf())),
            None => Ok(()),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if crate::no_follow::is_link(folder) || folder.exists() => {
            Err(StoreError::FolderNotEmpty(folder.to_path_buf()))
        }
        Err(error) => Err(io_error("create", folder)(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::PathwayId;
    use time::macros::datetime;

    fn sample() -> Portfolio {
        Portfolio::new(
            "Mine",
            "Sam",
            PathwayId::Cmalt,
            datetime!(2026-11-23 10:00 UTC),
        )
    }

    #[test]
    fn create_refuses_an_existing_portfolio_and_changes_nothing() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("p");
        drop(PortfolioFolder::create(&folder, &sample()).unwrap());
        let before = fs::read(folder.join(PORTFOLIO_FILE)).unwrap();
        let mut other = sample();
        other.title = "Other".into();
        assert!(matches!(
            PortfolioFolder::create(&folder, &other),
            Err(StoreError::Exists(_))
        ));
        assert_eq!(fs::read(folder.join(PORTFOLIO_FILE)).unwrap(), before);
    }

    #[test]
    fn an_open_portfolio_cannot_be_opened_twice() {
        let root = tempfile::tempdir().unwrap();
        let first = PortfolioFolder::create(root.path(), &sample()).unwrap();
        let error = PortfolioFolder::open(root.path()).unwrap_err();
        assert!(matches!(error, StoreError::Locked(_)), "{error}");
        drop(first);
        assert!(PortfolioFolder::open(root.path()).is_ok());
    }

    #[test]
    fn saves_keep_the_replaced_versions_as_backups() {
        let root = tempfile::tempdir().unwrap();
        let mut portfolio = sample();
        let folder = PortfolioFolder::create(root.path(), &portfolio).unwrap();
        for word in ["one", "two", "three"] {
            portfolio.section_mut("1a").description = word.into();
            folder.save(&portfolio).unwrap();
        }
        let backups = folder.backups();
        assert_eq!(
            backups.len(),
            3,
            "the created file and two edits were replaced"
        );
        let newest: Portfolio =
            serde_json::from_slice(&fs::read(backups::path_of(root.path(), &backups[0])).unwrap())
                .unwrap();
        assert_eq!(newest.section("1a").unwrap().description, "two");
    }
}
