//! The web bundle: `index.html`, `portfolio.css`, `portfolio.json` (stamped with the export
//! time) and `evidence/`, written as a folder or a zip so that the target appears complete
//! or not at all, and never over something that is not an earlier export.

use super::html::{self, FileView, Styles};
use super::revisions::RevisionSummary;
use super::{ExportError, ExportOptions, Result, io_error};
use crate::evidence::files::sha256_hex;
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::framework::Framework;
use crate::model::Portfolio;
use crate::staging::{self, parent_of, tidy_abandoned_siblings};
use crate::store::atomic::{sync_folder, write_atomically};
use crate::store::{EVIDENCE_DIR, PORTFOLIO_FILE};
use serde::Serialize;
use std::fs;
use std::io::{self, Cursor, Read, Write};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

pub const INDEX_FILE: &str = "index.html";
pub const STYLESHEET_FILE: &str = "portfolio.css";
/// The key added to the bundle's `portfolio.json`, beside the portfolio's own fields (which
/// it never shares), so that the file still reads as the portfolio itself.
pub const EXPORTED_AT_KEY: &str = "exported_at";

/// One file of the bundle, by its path inside it (`/`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub path: String,
    /// What a candidate would call it: "E4 Quiz screenshot", "The portfolio page".
    pub label: String,
    pub bytes: Vec<u8>,
}

/// An attached file read from the portfolio and checked against its item.
pub struct EvidenceFile<'p> {
    pub item: &'p EvidenceItem,
    pub stored_name: &'p str,
    pub media_type: &'p str,
    pub bytes: Vec<u8>,
}

pub use crate::integrity::is_plain_file_name;

/// Reads every attached file, refusing a missing one or one of another size. Whether the
/// content is still the one attached is `check_unchanged`'s, so the folder export can hash
/// while it writes.
pub(crate) fn read_evidence<'p>(
    portfolio_folder: &Path,
    portfolio: &'p Portfolio,
) -> Result<Vec<EvidenceFile<'p>>> {
    let mut files = Vec::new();
    for item in &portfolio.evidence {
        let EvidenceSource::File {
            original_name,
            stored_name,
            bytes,
            media_type,
            ..
        } = &item.source
        else {
            continue;
        };
        // `stored_path` is the one check that a name stays inside `evidence/`.
        let Some(path) =
            crate::evidence::files::stored_path(&portfolio_folder.join(EVIDENCE_DIR), &item.source)
        else {
            return Err(ExportError::UnsafeStoredName {
                id: item.id.clone(),
                name: stored_name.clone(),
            });
        };
        let missing = || ExportError::EvidenceFileMissing {
            id: item.id.clone(),
            name: original_name.clone(),
        };
        let metadata = match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.is_file() => metadata,
            Ok(_) => return Err(missing()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(missing()),
            Err(error) => return Err(io_error("read", &path)(error)),
        };
        let changed = || ExportError::EvidenceFileChanged {
            id: item.id.clone(),
            name: original_name.clone(),
        };
        if metadata.len() != *bytes {
            return Err(changed());
        }
        let mut content = Vec::with_capacity(*bytes as usize);
        fs::File::open(&path)
            .and_then(|file| file.take(bytes + 1).read_to_end(&mut content))
            .map_err(io_error("read", &path))?;
        if content.len() as u64 != *bytes {
            return Err(changed());
        }
        files.push(EvidenceFile {
            item,
            stored_name,
            media_type,
            bytes: content,
        });
    }
    Ok(files)
}

/// Refuses a file whose content is not the one attached (its SHA-256 differs): the bundle
/// must hold the files its `portfolio.json` describes, or it could not be opened again.
pub(crate) fn check_unchanged(files: &[EvidenceFile<'_>]) -> Result<()> {
    let contents: Vec<(&EvidenceItem, &[u8])> = files
        .iter()
        .map(|file| (file.item, file.bytes.as_slice()))
        .collect();
    first_changed(&contents)
}

/// `check_unchanged` for the files where a web bundle holds them (`evidence/<stored name>`).
pub(crate) fn check_unchanged_in(portfolio: &Portfolio, files: &[BundleFile]) -> Result<()> {
    let contents: Vec<(&EvidenceItem, &[u8])> = portfolio
        .evidence
        .iter()
        .filter_map(|item| match &item.source {
            EvidenceSource::File { stored_name, .. } => {
                let path = format!("{EVIDENCE_DIR}/{stored_name}");
                let file = files.iter().find(|file| file.path == path)?;
                Some((item, file.bytes.as_slice()))
            }
            _ => None,
        })
        .collect();
    first_changed(&contents)
}

/// The first item whose content is not the one attached. The hashes are worked out on two
/// threads: 30 MB of evidence is most of an export's own work.
fn first_changed(contents: &[(&EvidenceItem, &[u8])]) -> Result<()> {
    let changed = |(item, bytes): &(&EvidenceItem, &[u8])| match &item.source {
        EvidenceSource::File { sha256, .. } => !sha256_hex(bytes).eq_ignore_ascii_case(sha256),
        _ => false,
    };
    let half = contents.len() / 2;
    let (first, second) = contents.split_at(half);
    let (in_first, in_second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().position(changed));
        (first.iter().position(changed), other.join().ok().flatten())
    });
    let found = in_first.or_else(|| in_second.map(|index| half + index));
    match found.map(|index| contents[index].0) {
        Some(item) => Err(ExportError::EvidenceFileChanged {
            id: item.id.clone(),
            name: match &item.source {
                EvidenceSource::File { original_name, .. } => original_name.clone(),
                _ => String::new(),
            },
        }),
        None => Ok(()),
    }
}

/// What a candidate would call an attached file in a size report.
pub fn evidence_label(item: &EvidenceItem) -> String {
    match item.details.title.trim() {
        "" => item.id.clone(),
        title => format!("{} {title}", item.id),
    }
}

/// Media types a browser shows inline as an image, without any script (so never SVG).
pub fn is_displayable_image(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/png" | "image/jpeg" | "image/gif" | "image/webp"
    )
}

#[derive(Serialize, ts_rs::TS)]
struct Stamped<'a> {
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    exported_at: OffsetDateTime,
    #[serde(flatten)]
    portfolio: &'a Portfolio,
}

/// The portfolio exactly as the store saves it, with `exported_at` first: opening the
/// bundle again reads it back unchanged (but for the candidate's "before you share"
/// agreements, which are left out).
pub fn portfolio_json(portfolio: &Portfolio, now: OffsetDateTime) -> Vec<u8> {
    // What the candidate agreed to share stays with the candidate: the list names what was
    // agreed to, which may since have been taken out of the text.
    let without_agreements;
    let portfolio = if portfolio.share_check_agreed.is_empty() {
        portfolio
    } else {
        without_agreements = Portfolio {
            share_check_agreed: Vec::new(),
            ..portfolio.clone()
        };
        &without_agreements
    };
    let stamped = Stamped {
        exported_at: now.replace_nanosecond(0).unwrap_or(now),
        portfolio,
    };
    let mut bytes = serde_json::to_vec_pretty(&stamped).expect("a portfolio always serialises");
    bytes.push(b'\n');
    bytes
}

/// The files of the web bundle, in the order they are written and zipped. The evidence is
/// taken, not borrowed: its bytes move into the bundle rather than being copied (30 MB of
/// files would otherwise be held twice).
pub(crate) fn web_bundle(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: Vec<EvidenceFile<'_>>,
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
) -> Vec<BundleFile> {
    let page = page_linking_to(framework, portfolio, &evidence, revisions, now);
    let mut files = vec![
        BundleFile {
            path: INDEX_FILE.into(),
            label: "The portfolio page (index.html)".into(),
            bytes: page.into_bytes(),
        },
        BundleFile {
            path: STYLESHEET_FILE.into(),
            label: "Styles (portfolio.css)".into(),
            bytes: html::STYLESHEET.as_bytes().to_vec(),
        },
        BundleFile {
            path: PORTFOLIO_FILE.into(),
            label: "The portfolio's data (portfolio.json)".into(),
            bytes: portfolio_json(portfolio, now),
        },
    ];
    for file in evidence {
        let path = format!("{EVIDENCE_DIR}/{}", file.stored_name);
        // The same content attached under two items is one file in the bundle.
        if files.iter().any(|f| f.path == path) {
            continue;
        }
        files.push(BundleFile {
            path,
            label: evidence_label(file.item),
            bytes: file.bytes,
        });
    }
    files
}

/// The bundle's page, linking each attached file in `evidence/` beside it.
fn page_linking_to(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: &[EvidenceFile<'_>],
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
) -> String {
    let linked = |item: &EvidenceItem| {
        let file = evidence.iter().find(|f| std::ptr::eq(f.item, item));
        let href = file.map(|f| html::path_href(&format!("{EVIDENCE_DIR}/{}", f.stored_name)));
        FileView {
            image_src: file
                .filter(|f| is_displayable_image(f.media_type))
                .and(href.clone()),
            href,
            download: None,
        }
    };
    html::document(
        framework,
        portfolio,
        now,
        Styles::Linked,
        &linked,
        "Attached files are in the <code>evidence</code> folder beside this page.",
        revisions,
    )
}

/// The bundle as a zip, in memory: the same bytes whether estimated or written.
pub(crate) fn zip_bytes(files: &[BundleFile], now: OffsetDateTime) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let stamp = zip::DateTime::from_date_and_time(
        now.year().clamp(1980, 2107) as u16,
        now.month() as u8,
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut folders_added = false;
    for file in files {
        if file.path.starts_with(&format!("{EVIDENCE_DIR}/")) && !folders_added {
            writer
                .add_directory(format!("{EVIDENCE_DIR}/"), options.unix_permissions(0o755))
                .expect("writing a zip to memory cannot fail");
            folders_added = true;
        }
        writer
            .start_file(file.path.as_str(), options)
            .and_then(|()| writer.write_all(&file.bytes).map_err(Into::into))
            .expect("writing a zip to memory cannot fail");
    }
    writer
        .finish()
        .expect("writing a zip to memory cannot fail")
        .into_inner()
}

/// Refuses an existing target unless asked to replace it, and then only an earlier export,
/// before anything is built.
pub(crate) fn check_target(out: &Path, options: ExportOptions) -> Result<()> {
    let metadata = match fs::symlink_metadata(out) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(io_error("look at", out)(error)),
    };
    if !options.replace {
        return Err(ExportError::TargetExists(out.to_path_buf()));
    }
    let replaceable = match options.format {
        super::ExportFormat::Folder => metadata.is_dir() && looks_like_an_export_folder(out),
        super::ExportFormat::Zip | super::ExportFormat::SingleHtml | super::ExportFormat::Pdf => {
            metadata.is_file()
        }
        // A Word document is a zip: anything else (someone's notes, say) is not an export.
        super::ExportFormat::Docx => metadata.is_file() && starts_like_a_zip(out),
    };
    if replaceable {
        Ok(())
    } else {
        Err(ExportError::NotAnExport(out.to_path_buf()))
    }
}

fn starts_like_a_zip(file: &Path) -> bool {
    let mut magic = [0u8; 4];
    fs::File::open(file)
        .and_then(|mut file| file.read_exact(&mut magic))
        .is_ok()
        && magic == *b"PK\x03\x04"
}

/// A folder holding only what an export writes, with its page and data: safe to replace.
fn looks_like_an_export_folder(folder: &Path) -> bool {
    let Ok(entries) = fs::read_dir(folder) else {
        return false;
    };
    let mut names = Vec::new();
    for entry in entries {
        let Ok(entry) = entry else { return false };
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    let known = [INDEX_FILE, STYLESHEET_FILE, PORTFOLIO_FILE, EVIDENCE_DIR];
    names.iter().all(|name| known.contains(&name.as_str()))
        && names.iter().any(|n| n == INDEX_FILE)
        && names.iter().any(|n| n == PORTFOLIO_FILE)
}

fn sibling(out: &Path, purpose: &str) -> Result<PathBuf> {
    staging::sibling(out, purpose).map_err(io_error("write", out))
}

/// Writes the files into a temporary sibling folder, then renames it into place. `check`
/// runs alongside the writing (hashing the evidence while the disk works) and must pass
/// before anything is moved into place; on a failure the temporary folder goes.
pub(crate) fn write_folder(
    out: &Path,
    files: &[BundleFile],
    replace: bool,
    check: impl FnOnce() -> Result<()> + Send,
) -> Result<()> {
    let parent = parent_of(out);
    fs::create_dir_all(parent).map_err(io_error("create", parent))?;
    tidy_abandoned_siblings(out);
    // A name of this call's own, so nothing is in the way to remove first.
    let temp = sibling(out, "export")?;
    let result = std::thread::scope(|scope| {
        let checking = scope.spawn(check);
        let written = fill_folder(&temp, files);
        let checked = checking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        checked.and(written)
    })
    .and_then(|()| move_into_place(&temp, out, replace));
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result?;
    sync_folder(parent).map_err(io_error("write", parent))
}

fn fill_folder(temp: &Path, files: &[BundleFile]) -> Result<()> {
    fs::create_dir(temp).map_err(io_error("create", temp))?;
    fs::create_dir(temp.join(EVIDENCE_DIR)).map_err(io_error("create", temp))?;
    // Two writers: most of the time goes waiting for each file's fsync, and two waits
    // overlap (the file system commits them together).
    let half = files.len() / 2;
    let (first, second) = files.split_at(half);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| write_each(temp, second));
        let here = write_each(temp, first);
        here.and(
            other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    })?;
    sync_folder(&temp.join(EVIDENCE_DIR)).map_err(io_error("write", temp))?;
    sync_folder(temp).map_err(io_error("write", temp))
}

fn write_each(temp: &Path, files: &[BundleFile]) -> Result<()> {
    for file in files {
        let path = temp.join(&file.path);
        let mut handle = fs::File::create(&path).map_err(io_error("write", &path))?;
        handle
            .write_all(&file.bytes)
            .and_then(|()| handle.sync_all())
            .map_err(io_error("write", &path))?;
    }
    Ok(())
}

fn move_into_place(temp: &Path, out: &Path, replace: bool) -> Result<()> {
    if !out.exists() {
        return fs::rename(temp, out).map_err(io_error("write", out));
    }
    if !replace {
        // Someone made it while the bundle was being written: theirs stays.
        return Err(ExportError::TargetExists(out.to_path_buf()));
    }
    let old = sibling(out, "replaced")?;
    let _ = fs::remove_dir_all(&old);
    fs::rename(out, &old).map_err(io_error("replace", out))?;
    if let Err(error) = fs::rename(temp, out) {
        // Put the earlier export back, so the target is never left empty.
        let _ = fs::rename(&old, out);
        return Err(io_error("write", out)(error));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Writes one file (a zip or the single page) through a temporary sibling and a rename.
pub(crate) fn write_file(out: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let parent = parent_of(out);
    fs::create_dir_all(parent).map_err(io_error("create", parent))?;
    tidy_abandoned_siblings(out);
    if !replace && out.exists() {
        return Err(ExportError::TargetExists(out.to_path_buf()));
    }
    write_atomically(out, bytes).map_err(io_error("write", out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_are_accepted_for_evidence_files() {
        for good in ["ab12cd34ef56-report.pdf", "0123-日本語.docx"] {
            assert!(is_plain_file_name(good), "{good} is what the app writes");
        }
        for bad in [
            "",
            "..",
            ".hidden",
            "../x.pdf",
            "a/b.pdf",
            "a\\b.pdf",
            "C:evil.pdf",
            "nul\0.pdf",
        ] {
            assert!(!is_plain_file_name(bad), "{bad:?} could leave evidence/");
        }
    }
}
