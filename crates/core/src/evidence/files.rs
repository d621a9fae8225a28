//! Copying a candidate's file into the portfolio's `evidence/` folder: the 1 MB rule, the
//! bad inputs (missing, empty, a folder, a symlink, unreadable, changing while copied), a
//! name that is safe on every OS, and a copy that is complete or absent.

use crate::evidence::EvidenceSource;
use crate::store::EVIDENCE_DIR;
use crate::store::atomic::{describe_io_error, describe_io_error_for, write_atomically};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// Over the scheme's limit; `can_make_smaller` when it is an image we can shrink.
    #[error("\"{name}\" is {} and the limit for one evidence file is {}. {}", megabytes(*.bytes), megabytes(*.limit), if *.can_make_smaller { "You can make a smaller copy of this image, or add it as a link instead." } else { "Add it as a link to a stable web address instead, or attach a shorter extract." })]
    TooLarge {
        name: String,
        bytes: u64,
        limit: u64,
        can_make_smaller: bool,
    },
    #[error(
        "\"{0}\" is empty (0 bytes), so there is nothing to attach. Check that it is the file you meant."
    )]
    Empty(String),
    #[error("\"{0}\" could not be found. It may have been moved, renamed or deleted.")]
    NotFound(String),
    #[error(
        "\"{0}\" is a folder. Choose a single file, or make a zip of the folder if it really is one piece of evidence."
    )]
    IsFolder(String),
    #[error(
        "\"{0}\" is a shortcut (symbolic link) to another file. Attach the file it points to instead."
    )]
    Symlink(String),
    #[error("\"{0}\" is not an ordinary file and cannot be attached.")]
    NotAFile(String),
    #[error("\"{name}\" could not be read: {}. Nothing was attached.", describe_io_error_for("read", .source))]
    Unreadable { name: String, source: io::Error },
    #[error(
        "\"{0}\" changed while it was being copied (is it still being saved or synced?). Nothing was attached: wait a moment and try again."
    )]
    ChangedDuringCopy(String),
    #[error("The copy of \"{name}\" could not be saved in the portfolio: {}. Nothing was attached and your portfolio is as it was.", describe_io_error(.source))]
    Store { name: String, source: io::Error },
}

pub type Result<T> = std::result::Result<T, AttachError>;

/// "1.2 MB", with the scheme's decimal megabytes (1 MB = 1,000,000 bytes).
pub fn megabytes(bytes: u64) -> String {
    match bytes {
        0..1000 => format!("{bytes} bytes"),
        // Just under 1 MB must not read "1000 KB", which looks like the limit itself.
        1000..1_000_000 => format!("{} KB", ((bytes + 500) / 1000).min(999)),
        _ => {
            let mb = bytes as f64 / 1_000_000.0;
            // The fewest decimals (2 to 6) that never round a size over the limit down to
            // "1 MB", the limit itself.
            let decimals = (2..=6)
                .find(|&d| {
                    bytes == 1_000_000 || format!("{mb:.d$}") != format!("{:.d$}", 1.0, d = d)
                })
                .unwrap_or(6);
            let text = format!("{mb:.decimals$}");
            format!("{} MB", text.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

/// A file now inside `evidence/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub original_name: String,
    pub stored_name: String,
    pub bytes: u64,
    pub sha256: String,
    pub media_type: String,
}

/// Where an item's stored file is inside `evidence_folder` (the portfolio's `evidence/`, or a
/// snapshot's): the one way a stored name becomes a path, so deleting, opening, linking,
/// copying and exporting can never be pointed outside that folder. `None` for links and
/// missing files, and for a name that is not one plain file name (which opening a portfolio
/// already refuses; this is the second lock on the same door).
pub fn stored_path(evidence_folder: &Path, source: &EvidenceSource) -> Option<PathBuf> {
    source
        .stored_name()
        .filter(|name| crate::integrity::is_plain_file_name(name))
        .map(|name| evidence_folder.join(name))
}

/// Whether `path` is an ordinary file itself, not a link to one elsewhere.
pub fn is_regular_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// The name a person sees for `path`, whatever bytes it is made of.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// Checks `source` against the rules and reads it whole (it is at most `limit` bytes).
pub fn read_checked(source: &Path, limit: u64) -> Result<(String, Vec<u8>)> {
    let name = display_name(source);
    let metadata = match fs::symlink_metadata(source) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(AttachError::NotFound(name));
        }
        Err(source) => return Err(AttachError::Unreadable { name, source }),
    };
    if metadata.file_type().is_symlink() {
        return Err(AttachError::Symlink(name));
    }
    if metadata.is_dir() {
        return Err(AttachError::IsFolder(name));
    }
    if !metadata.is_file() {
        return Err(AttachError::NotAFile(name));
    }
    let too_large = |bytes: u64, head: &[u8]| AttachError::TooLarge {
        name: name.clone(),
        bytes,
        limit,
        can_make_smaller: crate::evidence::shrink::can_make_smaller(head),
    };
    if metadata.len() > limit {
        let mut head = [0u8; 64];
        let read = fs::File::open(source)
            .and_then(|mut file| file.read(&mut head))
            .unwrap_or(0);
        return Err(too_large(metadata.len(), &head[..read]));
    }
    if metadata.len() == 0 {
        return Err(AttachError::Empty(name));
    }
    let unreadable = |source: io::Error| AttachError::Unreadable {
        name: name.clone(),
        source,
    };
    let file = fs::File::open(source).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // Read one byte past the limit so a file that grew since the check is caught.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let after =
        fs::symlink_metadata(source).map_err(|_| AttachError::ChangedDuringCopy(name.clone()))?;
    if bytes.len() as u64 != metadata.len()
        || after.len() != metadata.len()
        || after.modified().ok() != metadata.modified().ok()
    {
        if bytes.len() as u64 > limit {
            return Err(too_large(bytes.len() as u64, &bytes));
        }
        return Err(AttachError::ChangedDuringCopy(name));
    }
    Ok((name, bytes))
}

/// Stores `bytes` in the portfolio's `evidence/` folder as a complete file, named from its
/// content hash and `original_name`. Storing the same content again reuses the file.
pub fn store_bytes(
    portfolio_folder: &Path,
    original_name: &str,
    bytes: &[u8],
) -> Result<StoredFile> {
    let sha256 = sha256_hex(bytes);
    let stored_name = format!("{}-{}", &sha256[..12], safe_file_name(original_name));
    let folder = portfolio_folder.join(EVIDENCE_DIR);
    let target: PathBuf = folder.join(&stored_name);
    let store_error = |source: io::Error| AttachError::Store {
        name: original_name.to_string(),
        source,
    };
    if !portfolio_folder.is_dir() {
        return Err(store_error(io::Error::from(io::ErrorKind::NotFound)));
    }
    fs::create_dir_all(&folder).map_err(store_error)?;
    // `symlink_metadata`: a link planted under the name is not "already there".
    let already_there = fs::symlink_metadata(&target)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    if !already_there {
        write_atomically(&target, bytes).map_err(store_error)?;
    }
    Ok(StoredFile {
        original_name: original_name.to_string(),
        stored_name,
        bytes: bytes.len() as u64,
        sha256,
        media_type: mime_guess::from_path(original_name)
            .first_or_octet_stream()
            .essence_str()
            .to_string(),
    })
}

/// The content hash that identifies a file in the library.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file name safe on Windows, macOS and Linux: no separators, no `..`, no reserved
/// characters or device names, at most 80 characters, keeping the extension.
pub fn safe_file_name(name: &str) -> String {
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.is_empty()
                && ext.len() <= 10
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem, Some(ext.to_ascii_lowercase()))
        }
        _ => (name, None),
    };
    let mut safe_stem = String::new();
    for c in stem.chars() {
        let keep = c.is_alphanumeric() || c == '-' || c == '_';
        if keep {
            safe_stem.push(c);
        } else if !safe_stem.ends_with('-') {
            safe_stem.push('-');
        }
    }
    // At most 70 characters and 200 bytes: with the hash prefix the name stays under the
    // 255-byte limit of common file systems, even in scripts of 4-byte characters.
    let mut safe = String::new();
    for c in safe_stem.trim_matches('-').chars().take(70) {
        if safe.len() + c.len_utf8() > 200 {
            break;
        }
        safe.push(c);
    }
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if safe.is_empty() || RESERVED.contains(&safe.to_ascii_lowercase().as_str()) {
        safe = format!(
            "file{}",
            if safe.is_empty() {
                String::new()
            } else {
                format!("-{safe}")
            }
        );
    }
    match extension {
        Some(extension) => format!("{safe}.{extension}"),
        None => safe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_plainly_and_never_round_onto_the_limit() {
        assert_eq!(megabytes(1_000_000), "1 MB");
        assert_eq!(megabytes(2_400_000), "2.4 MB");
        assert_eq!(megabytes(1_000_001), "1.000001 MB");
        assert_eq!(megabytes(250_000), "250 KB");
        assert_eq!(megabytes(12), "12 bytes");
        assert_eq!(megabytes(31_000_000), "31 MB");
        assert_eq!(megabytes(1_004_000), "1.004 MB");
        assert_eq!(
            megabytes(999_999),
            "999 KB",
            "never \"1000 KB\", which reads as the limit"
        );
        assert_eq!(megabytes(1_499), "1 KB");
        assert_eq!(megabytes(1_500), "2 KB");
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(
            safe_file_name("Quiz report (final).PDF"),
            "Quiz-report-final.pdf"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_name("CON.txt"), "file-CON.txt");
        assert_eq!(safe_file_name("..."), "file");
        assert_eq!(
            safe_file_name("日本語 レポート.docx"),
            "日本語-レポート.docx"
        );
        assert_eq!(safe_file_name(".hidden"), "hidden");
        assert!(
            !safe_file_name("a:b*c?d\"e<f>g|h\\i/j")
                .contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])
        );
    }
}
