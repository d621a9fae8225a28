//! Opening an exported bundle (its folder or its `.zip`) again as a portfolio folder, the
//! same portfolio that was exported. A damaged or hostile bundle is refused before anything
//! is written: paths that leave the target (zip slip), symlinks, zip bombs, and files that
//! are not what `portfolio.json` says they are.

use super::bundle::{EXPORTED_AT_KEY, is_plain_file_name};
use crate::evidence::EvidenceSource;
use crate::evidence::files::{megabytes, sha256_hex};
use crate::framework::Framework;
use crate::model::{Portfolio, SCHEMA_VERSION};
use crate::progress::{Progress, Report};
use crate::staging::StagedFolder;
use crate::store::atomic::{describe_io_error_for, sync_folder};
use crate::store::{EVIDENCE_DIR, PORTFOLIO_FILE, PortfolioFolder, StoreError};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A zip larger than this is refused unopened: ten times the submission limit, far beyond
/// any real export, which keeps a hostile file from tying up the app.
pub const MAX_ZIP_BYTES: u64 = 100_000_000;
/// At most this many files and folders in a bundle (an export has a few, plus its evidence).
pub const MAX_ENTRIES: usize = 10_000;
/// `portfolio.json` is words: the same cap as a working folder's.
pub use crate::store::MAX_PORTFOLIO_JSON_BYTES;
/// All evidence files together, as read (bounds the disk a hostile bundle could fill).
pub const MAX_TOTAL_EVIDENCE_BYTES: u64 = 500_000_000;
/// Folders nested deeper than this are not an export.
const MAX_DEPTH: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum ReopenError {
    /// The chosen file or folder is not there.
    #[error(
        "{0} could not be found. It may have been moved, renamed or deleted. Nothing was written."
    )]
    NotFound(PathBuf),
    /// Neither a folder nor a zip: e.g. the single-page export, which has no data inside.
    #[error(
        "{0} is not an exported portfolio. Choose the folder or the .zip file that CMALT Portfolio exported (a single web page, a Word document or a PDF cannot be opened again). Nothing was written."
    )]
    NotABundle(PathBuf),
    /// A name that would reach outside the target: `..`, an absolute path, a drive letter.
    #[error(
        "The bundle contains a file named \"{name}\", which points outside the portfolio folder. It may have been made to harm your computer, so it was not opened. Nothing was written."
    )]
    UnsafePath { name: String },
    /// A symbolic link, in the folder or as a zip entry: it could point anywhere.
    #[error(
        "The bundle contains a shortcut (symbolic link) called \"{name}\". An export never does, so it was not opened. Nothing was written."
    )]
    Symlink { name: String },
    /// A device, pipe or socket where a file should be.
    #[error(
        "The bundle contains \"{name}\", which is not an ordinary file, so it was not opened. Nothing was written."
    )]
    NotAFile { name: String },
    /// More files than an export could hold, or folders nested deeper than it makes.
    #[error(
        "The bundle holds more than {limit} files or is nested too deeply; an exported portfolio never does. It was not opened. Nothing was written."
    )]
    TooManyEntries { limit: usize },
    /// Refused before it is opened, from its size on disk.
    #[error(
        "The zip file is {}, more than the {} an exported portfolio could be. It was not opened. Nothing was written.", megabytes(*.bytes), megabytes(*.limit)
    )]
    ZipTooLarge { bytes: u64, limit: u64 },
    /// Larger once unpacked than it may be: a zip bomb, or not an export.
    #[error(
        "\"{name}\" in the bundle unpacks to more than {}, more than an exported portfolio holds. It was not opened. Nothing was written.", megabytes(*.limit)
    )]
    EntryTooLarge { name: String, limit: u64 },
    /// The zip cannot be read: cut short, damaged, or protected with a password.
    #[error("The zip file could not be read ({reason}). It was not opened. Nothing was written.")]
    Damaged { reason: String },
    /// No `portfolio.json` at the top of the bundle (or of its one folder).
    #[error(
        "The bundle has no portfolio.json, so it is not a portfolio exported by CMALT Portfolio. Nothing was written."
    )]
    MissingPortfolio,
    /// Two entries of the zip have one name: which one is "the" file would be a guess.
    #[error(
        "The zip file holds two files of the same name, which an export never does, so it is not clear which is the real one. It may have been made to harm your computer, so it was not opened. Nothing was written."
    )]
    DuplicateEntry,
    /// A name or number inside `portfolio.json` would reach outside the portfolio.
    #[error(
        "The portfolio.json in the bundle was not opened: {0}. It may have been made to harm your computer. Nothing was written."
    )]
    Unsafe(#[from] crate::integrity::UnsafeContent),
    /// `portfolio.json` is cut short, not JSON, or not the shape of a portfolio.
    #[error("The portfolio.json in the bundle could not be read ({reason}). Nothing was written.")]
    CorruptPortfolio { reason: String },
    /// Written by a newer app whose format this version could misread.
    #[error(
        "This bundle was exported by a newer version of CMALT Portfolio (format {found}; this version reads up to {supported}). Please update the app to open it. Nothing was written."
    )]
    NewerSchema { found: u64, supported: u32 },
    /// An evidence file over the scheme's 1 MB limit, which the app never attaches.
    #[error(
        "Evidence item {id} (\"{name}\") is {}, over the {} limit for one evidence file. The bundle was not opened. Nothing was written.", megabytes(*.bytes), megabytes(*.limit)
    )]
    EvidenceTooLarge {
        id: String,
        name: String,
        bytes: u64,
        limit: u64,
    },
    /// An attached file that `portfolio.json` lists is not in the bundle.
    #[error(
        "The file of evidence item {id} (\"{name}\") is missing from the bundle. Nothing was written."
    )]
    EvidenceMissing { id: String, name: String },
    /// The file's content is not the one the item was attached with.
    #[error(
        "The file of evidence item {id} (\"{name}\") is not the file that was attached: it was changed or damaged after the export. Nothing was written."
    )]
    EvidenceMismatch { id: String, name: String },
    /// The target already holds a portfolio or other files, as for a new portfolio.
    #[error(transparent)]
    Target(#[from] StoreError),
    /// The disk refused a read or a write; the half-made folder is removed.
    #[error("Could not {action} {path}: {}. Nothing was kept.", describe_io_error_for(.action, .source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

pub type Result<T> = std::result::Result<T, ReopenError>;

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> ReopenError + use<> {
    let path = path.to_path_buf();
    move |source| ReopenError::Io {
        action,
        path,
        source,
    }
}

/// The portfolio folder a bundle became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Reopened {
    pub folder: PathBuf,
    pub portfolio: Portfolio,
    pub evidence_files: usize,
}

/// Where the bundle's files are read from.
enum Source {
    Folder(PathBuf),
    Zip {
        archive: Box<zip::ZipArchive<fs::File>>,
        /// `name/` when the export was zipped again inside a folder of its own.
        prefix: String,
    },
}

/// A zip entry name that stays inside the folder it is unpacked in, on every OS.
fn check_entry_name(name: &str) -> Result<()> {
    let unsafe_path = || ReopenError::UnsafePath {
        name: name.to_string(),
    };
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if trimmed.is_empty()
        || trimmed.starts_with('/')
        || trimmed.contains(['\\', ':', '\0'])
        || trimmed
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(unsafe_path());
    }
    Ok(())
}

fn damaged(error: impl std::fmt::Display) -> ReopenError {
    ReopenError::Damaged {
        reason: error.to_string(),
    }
}

impl Source {
    fn open(input: &Path) -> Result<Source> {
        let metadata = match fs::metadata(input) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Err(ReopenError::NotFound(input.to_path_buf()));
            }
            Err(error) => return Err(io_error("read", input)(error)),
        };
        if metadata.is_dir() {
            check_folder(input)?;
            return Ok(Source::Folder(input.to_path_buf()));
        }
        let mut file = fs::File::open(input).map_err(io_error("read", input))?;
        let mut magic = [0u8; 4];
        let is_zip = file.read_exact(&mut magic).is_ok()
            && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06");
        if !is_zip {
            return Err(ReopenError::NotABundle(input.to_path_buf()));
        }
        if metadata.len() > MAX_ZIP_BYTES {
            return Err(ReopenError::ZipTooLarge {
                bytes: metadata.len(),
                limit: MAX_ZIP_BYTES,
            });
        }
        let mut second_look = file.try_clone().map_err(io_error("read", input))?;
        let archive = zip::ZipArchive::new(file).map_err(damaged)?;
        if crate::zip_names::has_duplicate_names(&mut second_look, archive.len()) {
            return Err(ReopenError::DuplicateEntry);
        }
        if archive.len() > MAX_ENTRIES {
            return Err(ReopenError::TooManyEntries { limit: MAX_ENTRIES });
        }
        let mut archive = Box::new(archive);
        let mut names = Vec::with_capacity(archive.len());
        for index in 0..archive.len() {
            // Raw: the entry's header only, nothing is unpacked yet.
            let entry = archive.by_index_raw(index).map_err(damaged)?;
            let name = std::str::from_utf8(entry.name_raw())
                .map_err(|_| ReopenError::UnsafePath {
                    name: String::from_utf8_lossy(entry.name_raw()).into_owned(),
                })?
                .to_string();
            check_entry_name(&name)?;
            if entry.is_symlink() {
                return Err(ReopenError::Symlink { name });
            }
            if entry.encrypted() {
                return Err(damaged("it is protected with a password"));
            }
            if name.matches('/').count() > MAX_DEPTH {
                return Err(ReopenError::TooManyEntries { limit: MAX_ENTRIES });
            }
            names.push(name);
        }

        // A Word document is a zip too: say it is an export that cannot be opened again.
        if names.iter().any(|n| n == "word/document.xml") {
            return Err(ReopenError::NotABundle(input.to_path_buf()));
        }
        let prefix = bundle_prefix(&names).ok_or(ReopenError::MissingPortfolio)?;
        Ok(Source::Zip { archive, prefix })
    }

    /// The entry at `path` inside the bundle, read up to `limit` bytes; `None` if absent.
    /// Sizes are counted as the bytes come, never taken from a header.
    fn read(&mut self, path: &str, limit: u64) -> Result<Option<Vec<u8>>> {
        let too_large = || ReopenError::EntryTooLarge {
            name: path.to_string(),
            limit,
        };
        let mut bytes = Vec::new();
        match self {
            Source::Folder(root) => {
                let full = path.split('/').fold(root.clone(), |p, part| p.join(part));
                match fs::symlink_metadata(&full) {
                    Ok(metadata) if metadata.file_type().is_symlink() => {
                        return Err(ReopenError::Symlink {
                            name: path.to_string(),
                        });
                    }
                    Ok(metadata) if !metadata.is_file() => return Ok(None),
                    Ok(metadata) if metadata.len() > limit => return Err(too_large()),
                    Ok(_) => {}
                    Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
                    Err(error) => return Err(io_error("read", &full)(error)),
                }
                fs::File::open(&full)
                    .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
                    .map_err(io_error("read", &full))?;
            }
            Source::Zip { archive, prefix } => {
                let name = format!("{prefix}{path}");
                let mut entry = match archive.by_name(&name) {
                    Ok(entry) => entry,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(error) => return Err(damaged(error)),
                };
                if entry.is_dir() {
                    return Ok(None);
                }
                let read = (&mut entry).take(limit + 1).read_to_end(&mut bytes);
                if bytes.len() as u64 > limit {
                    return Err(too_large());
                }
                read.map_err(damaged)?;
            }
        }
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        Ok(Some(bytes))
    }
}

/// "" when `portfolio.json` is at the top, `name/` when the whole export sits in one folder
/// (as when a candidate zips the exported folder themselves).
fn bundle_prefix(names: &[String]) -> Option<String> {
    if names.iter().any(|n| n == PORTFOLIO_FILE) {
        return Some(String::new());
    }
    let first = names.first()?.split('/').next()?;
    let prefix = format!("{first}/");
    let all_inside = names.iter().all(|n| n.starts_with(&prefix) || *n == first);
    (all_inside && names.contains(&format!("{prefix}{PORTFOLIO_FILE}"))).then_some(prefix)
}

/// Walks the folder without following links: a symlink or a device anywhere refuses it.
fn check_folder(root: &Path) -> Result<()> {
    let mut pending = vec![(root.to_path_buf(), 0usize)];
    let mut count = 0usize;
    while let Some((folder, depth)) = pending.pop() {
        for entry in fs::read_dir(&folder).map_err(io_error("read", &folder))? {
            let entry = entry.map_err(io_error("read", &folder))?;
            count += 1;
            if count > MAX_ENTRIES {
                return Err(ReopenError::TooManyEntries { limit: MAX_ENTRIES });
            }
            let path = entry.path();
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let kind = entry.file_type().map_err(io_error("read", &path))?;
            if kind.is_symlink() {
                return Err(ReopenError::Symlink { name });
            } else if kind.is_dir() {
                if depth >= MAX_DEPTH {
                    return Err(ReopenError::TooManyEntries { limit: MAX_ENTRIES });
                }
                pending.push((path, depth + 1));
            } else if !kind.is_file() {
                return Err(ReopenError::NotAFile { name });
            }
        }
    }
    Ok(())
}

/// The portfolio inside the bundle's `portfolio.json`, without the export stamp.
fn parse_portfolio(bytes: &[u8]) -> Result<Portfolio> {
    let corrupt = |reason: String| ReopenError::CorruptPortfolio { reason };
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|error| {
        corrupt(if error.is_eof() {
            "the file is cut short".into()
        } else {
            format!("the file is damaged: {error}")
        })
    })?;
    let Some(object) = value.as_object_mut() else {
        return Err(corrupt("it is not a CMALT Portfolio file".into()));
    };
    match object
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(found) if found > u64::from(SCHEMA_VERSION) => {
            return Err(ReopenError::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Some(_) => {}
        None => return Err(corrupt("it is not a CMALT Portfolio file".into())),
    }
    object.remove(EXPORTED_AT_KEY);
    let portfolio: Portfolio = serde_json::from_value(value)
        .map(Portfolio::migrated)
        .map_err(|error| corrupt(format!("a part of it is not as expected: {error}")))?;
    crate::integrity::check(&portfolio)?;
    Ok(portfolio)
}

/// An attached file as `portfolio.json` describes it.
struct Expected<'p> {
    id: &'p str,
    original_name: &'p str,
    stored_name: &'p str,
    bytes: u64,
    sha256: &'p str,
}

/// Every attached file the portfolio names, once each, checked as far as the JSON goes.
fn expected_files(portfolio: &Portfolio, limit: u64) -> Result<Vec<Expected<'_>>> {
    let mut seen = BTreeSet::new();
    let mut files = Vec::new();
    for item in &portfolio.evidence {
        let EvidenceSource::File {
            original_name,
            stored_name,
            bytes,
            sha256,
            ..
        } = &item.source
        else {
            continue;
        };
        if !is_plain_file_name(stored_name) {
            return Err(ReopenError::UnsafePath {
                name: format!("{EVIDENCE_DIR}/{stored_name}"),
            });
        }
        if *bytes > limit {
            return Err(ReopenError::EvidenceTooLarge {
                id: item.id.clone(),
                name: original_name.clone(),
                bytes: *bytes,
                limit,
            });
        }
        if seen.insert(stored_name.as_str()) {
            files.push(Expected {
                id: &item.id,
                original_name,
                stored_name,
                bytes: *bytes,
                sha256,
            });
        }
    }
    Ok(files)
}

/// Reads one attached file from the bundle and checks it is the one that was attached.
fn read_evidence(source: &mut Source, file: &Expected<'_>, limit: u64) -> Result<Vec<u8>> {
    let path = format!("{EVIDENCE_DIR}/{}", file.stored_name);
    let bytes = match source.read(&path, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(ReopenError::EvidenceMissing {
                id: file.id.to_string(),
                name: file.original_name.to_string(),
            });
        }
        Err(ReopenError::EntryTooLarge { .. }) => {
            return Err(ReopenError::EvidenceTooLarge {
                id: file.id.to_string(),
                name: file.original_name.to_string(),
                bytes: limit + 1,
                limit,
            });
        }
        Err(error) => return Err(error),
    };
    if bytes.len() as u64 != file.bytes || !sha256_hex(&bytes).eq_ignore_ascii_case(file.sha256) {
        return Err(ReopenError::EvidenceMismatch {
            id: file.id.to_string(),
            name: file.original_name.to_string(),
        });
    }
    Ok(bytes)
}

/// Refuses a target that holds a portfolio or anything else, as creating a portfolio does.
fn check_out(out: &Path) -> Result<()> {
    Ok(crate::store::check_new_target(out)?)
}

/// Makes the portfolio folder `out` from the exported bundle `input` (its folder or its
/// `.zip`). Everything is checked before anything is written; the folder is then filled
/// beside `out` under a temporary name and renamed into place, so `out` holds the whole
/// portfolio or does not exist. Refuses, as creating a portfolio does, a target that
/// already holds one or any other file.
pub fn open_bundle(input: &Path, out: &Path, framework: &Framework) -> Result<Reopened> {
    open_bundle_reporting(input, out, framework, &mut |_| {})
}

/// As [`open_bundle`], telling `report` as each evidence file is checked and then copied.
pub fn open_bundle_reporting(
    input: &Path,
    out: &Path,
    framework: &Framework,
    report: Report<'_>,
) -> Result<Reopened> {
    check_out(out)?;
    let limit = framework.evidence_file_limit_bytes;
    let mut source = Source::open(input)?;
    let json = source
        .read(PORTFOLIO_FILE, MAX_PORTFOLIO_JSON_BYTES)?
        .ok_or(ReopenError::MissingPortfolio)?;
    let portfolio = parse_portfolio(&json)?;
    let expected = expected_files(&portfolio, limit)?;
    // Each file is read twice (checked, then copied): one step each.
    let steps = expected.len() * 2;
    let mut total = 0u64;
    for (done, file) in expected.iter().enumerate() {
        report(Progress::new(
            done,
            steps,
            format!(
                "Checking evidence files: {} of {}",
                done + 1,
                expected.len()
            ),
        ));
        total += read_evidence(&mut source, file, limit)?.len() as u64;
        if total > MAX_TOTAL_EVIDENCE_BYTES {
            return Err(ReopenError::EntryTooLarge {
                name: EVIDENCE_DIR.to_string(),
                limit: MAX_TOTAL_EVIDENCE_BYTES,
            });
        }
    }

    // All checked: now write, beside the target, then rename it into place.
    let staged = StagedFolder::beside(out, "reopen").map_err(io_error("create", out))?;
    fill(
        staged.path(),
        &portfolio,
        &mut source,
        &expected,
        limit,
        report,
    )?;
    check_out(out)?;
    staged.publish().map_err(io_error("create", out))?;
    let evidence_files = expected.len();
    drop(expected);
    Ok(Reopened {
        folder: out.to_path_buf(),
        portfolio,
        evidence_files,
    })
}

fn fill(
    temp: &Path,
    portfolio: &Portfolio,
    source: &mut Source,
    expected: &[Expected<'_>],
    limit: u64,
    report: Report<'_>,
) -> Result<()> {
    // The lock is released before the rename: Windows cannot move a folder with open files.
    let folder = PortfolioFolder::create(temp, portfolio)?;
    let evidence = temp.join(EVIDENCE_DIR);
    for (done, file) in expected.iter().enumerate() {
        report(Progress::new(
            expected.len() + done,
            expected.len() * 2,
            format!("Copying evidence files: {} of {}", done + 1, expected.len()),
        ));
        // Read again rather than kept from the check, so memory holds one file at a time.
        let bytes = read_evidence(source, file, limit)?;
        let path = evidence.join(file.stored_name);
        let mut handle = fs::File::create(&path).map_err(io_error("write", &path))?;
        io::Write::write_all(&mut handle, &bytes)
            .and_then(|()| handle.sync_all())
            .map_err(io_error("write", &path))?;
    }
    sync_folder(&evidence).map_err(io_error("write", &evidence))?;
    report(Progress::new(
        expected.len() * 2,
        expected.len() * 2,
        "Opening the portfolio".into(),
    ));
    drop(folder);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_names_that_leave_the_folder_are_refused() {
        for bad in [
            "../evil.txt",
            "evidence/../../evil.txt",
            "/etc/passwd",
            "C:/Windows/evil.dll",
            "C:evil",
            "evidence\\..\\evil",
            "a//b",
            "./index.html",
            "",
        ] {
            assert!(
                matches!(check_entry_name(bad), Err(ReopenError::UnsafePath { .. })),
                "{bad:?} must be refused"
            );
        }
        for good in [
            "index.html",
            "evidence/",
            "evidence/ab12-report.pdf",
            "x/portfolio.json",
        ] {
            assert!(
                check_entry_name(good).is_ok(),
                "{good:?} is an ordinary name"
            );
        }
    }

    #[test]
    fn an_export_zipped_inside_its_own_folder_is_found() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            bundle_prefix(&names(&["index.html", "portfolio.json"])),
            Some(String::new())
        );
        assert_eq!(
            bundle_prefix(&names(&[
                "mine/",
                "mine/portfolio.json",
                "mine/evidence/a.pdf"
            ])),
            Some("mine/".into())
        );
        assert_eq!(
            bundle_prefix(&names(&["a/portfolio.json", "b/x"])),
            None,
            "two top folders are not one export"
        );
    }
}
