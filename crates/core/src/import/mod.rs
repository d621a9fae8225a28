//! Bringing an existing draft in: a Markdown note or a Word document is read into sections,
//! parts and evidence by the same rules, then written as a new portfolio with a report of
//! what went where. Nothing is dropped: text that fits no section is kept in `not-placed.md`.
//!
//! What the input is decides how it is read ([`DraftKind`]), never its file name alone, so
//! a renamed PDF gets a clear refusal. An exported portfolio (a folder or .zip) will be
//! another kind, read by its own module and dispatched from [`read_draft`].

mod dates;
pub(crate) mod docx;
pub(crate) use docx::check_package;
mod evidence_list;
mod fields;
mod headings;
mod markdown;
mod plan;
mod report;
mod write;

pub use plan::{DraftImport, PathwayChoice, PlannedItem, PlannedSection, PlannedSource};
pub use report::{EvidenceTally, ImportReport, MissingFile, NotPlaced, RefusedItem, SectionReport};

use crate::evidence::files::megabytes;
use crate::framework::{Framework, PathwayId};
use crate::store::atomic::describe_io_error_for;
use serde::Serialize;
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use time::OffsetDateTime;

/// The largest Markdown draft read: a whole portfolio is well under 1 MB of text.
pub const MARKDOWN_LIMIT_BYTES: u64 = 20_000_000;
/// The largest Word draft read: room for a long document with its screenshots.
pub const DOCX_LIMIT_BYTES: u64 = 50_000_000;
/// The file in the new portfolio's folder that keeps the text no section took.
pub const NOT_PLACED_FILE: &str = "not-placed.md";

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The draft file is not where the candidate said.
    #[error("\"{0}\" could not be found. It may have been moved, renamed or deleted.")]
    NotFound(String),
    /// A folder was given: reading an exported portfolio folder is not possible yet.
    #[error(
        "\"{0}\" is a folder. Choose the draft itself: a Markdown (.md) file or a Word (.docx) document."
    )]
    IsFolder(String),
    /// The file exists but cannot be read (permissions, a disk error).
    #[error("\"{name}\" could not be read: {}. Nothing was imported.", describe_io_error_for("read", .source))]
    Unreadable { name: String, source: io::Error },
    /// Zero bytes, or only white space.
    #[error(
        "\"{0}\" is empty, so there is nothing to import. Check that it is the draft you meant."
    )]
    Empty(String),
    /// Over the limit for its kind of draft.
    #[error("\"{name}\" is {} and a {kind} draft can be at most {}. Is it the draft you meant? If it holds large images, take them out and attach them as evidence.", megabytes(*.bytes), megabytes(*.limit))]
    TooLarge {
        name: String,
        bytes: u64,
        limit: u64,
        kind: &'static str,
    },
    /// A PDF, possibly renamed to .md or .docx.
    #[error(
        "\"{0}\" is a PDF, not a Markdown or Word draft. Open your draft in Word and save it as a .docx document, then import that."
    )]
    Pdf(String),
    /// An Office file encrypted with a password (a CFB container holding an encrypted package).
    #[error(
        "\"{0}\" is protected with a password, so it cannot be read. Open it in Word, remove the password (File › Info › Protect Document), save it and import it again."
    )]
    PasswordProtected(String),
    /// The Word 97-2003 format (.doc) or another old Office file.
    #[error(
        "\"{0}\" is in the old Word 97-2003 format (.doc). Open it in Word and save it as a Word Document (.docx), then import that."
    )]
    OldOfficeFormat(String),
    /// A zip package that is not a Word document (a spreadsheet, a presentation, .odt...).
    #[error(
        "\"{name}\" is {what}, not a Word document. Import the draft itself, saved as a .docx document or a Markdown file."
    )]
    NotAWordDocument { name: String, what: String },
    /// Rich Text Format.
    #[error(
        "\"{0}\" is a Rich Text (RTF) file. Open it in Word and save it as a Word Document (.docx), then import that."
    )]
    Rtf(String),
    /// Bytes that are no text and no document we know (an image, a program...).
    #[error(
        "\"{0}\" is not a text file or a Word document, so it cannot be read as a draft. Import a Markdown (.md) file or a Word (.docx) document."
    )]
    NotText(String),
    /// A Word document that is damaged or was cut short.
    #[error(
        "\"{name}\" could not be read as a Word document: {detail}. It may be damaged or incompletely downloaded: open it in Word, save it again and import the new copy."
    )]
    Corrupt { name: String, detail: String },
    /// The new portfolio could not be created (one is already there, the folder is not
    /// empty, a disk error): nothing was changed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

pub type Result<T> = std::result::Result<T, ImportError>;

/// What a draft file is, judged by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    Markdown,
    Docx,
}

/// An image embedded in a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedImage {
    /// Its name inside the document, e.g. `image1.png`.
    pub name: String,
    /// The caption under it, if the document gives one: the item's title.
    pub caption: String,
    pub bytes: Vec<u8>,
}

/// Reads a draft from text. `source_folder` is where the draft's relative file names are
/// looked for; `pathway` is the candidate's choice, else the draft's own or an inferred one.
pub fn import_markdown(
    framework: &Framework,
    text: &str,
    source_folder: Option<&Path>,
    pathway: Option<PathwayId>,
) -> DraftImport {
    let parsed = markdown::parse(framework, text);
    DraftImport::plan(
        framework,
        parsed,
        DraftKind::Markdown,
        source_folder,
        pathway,
        Vec::new(),
    )
}

/// Reads a draft from the bytes of a Word document.
pub fn import_docx(
    framework: &Framework,
    name: &str,
    bytes: &[u8],
    source_folder: Option<&Path>,
    pathway: Option<PathwayId>,
) -> Result<DraftImport> {
    // A Word file is untrusted input handed to a third-party parser: if it panics on
    // crafted XML, the candidate gets a refusal rather than a closed app.
    let draft = std::panic::catch_unwind(|| docx::read(name, bytes)).map_err(|_| {
        ImportError::Corrupt {
            name: name.to_string(),
            detail: "its contents could not be understood".to_string(),
        }
    })??;
    let parsed = markdown::parse(framework, &draft.markdown);
    Ok(DraftImport::plan(
        framework,
        parsed,
        DraftKind::Docx,
        source_folder,
        pathway,
        draft.images,
    ))
}

/// Reads the draft at `path`, whatever its kind, refusing what is not a draft.
pub fn read_draft(
    framework: &Framework,
    path: &Path,
    pathway: Option<PathwayId>,
) -> Result<DraftImport> {
    let name = crate::evidence::files::display_name(path);
    let metadata = fs::metadata(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => ImportError::NotFound(name.clone()),
        _ => ImportError::Unreadable {
            name: name.clone(),
            source,
        },
    })?;
    if metadata.is_dir() {
        // An exported portfolio folder will be read here once bundle import exists.
        return Err(ImportError::IsFolder(name));
    }
    let largest = MARKDOWN_LIMIT_BYTES.max(DOCX_LIMIT_BYTES);
    if metadata.len() > largest {
        return Err(ImportError::TooLarge {
            name,
            bytes: metadata.len(),
            limit: largest,
            kind: "Word",
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path)
        .and_then(|file| file.take(largest + 1).read_to_end(&mut bytes))
        .map_err(|source| ImportError::Unreadable {
            name: name.clone(),
            source,
        })?;
    let folder = draft_folder(path);
    let mut draft = read_draft_bytes(framework, &name, &bytes, folder.as_deref(), pathway)?;
    draft.source_name = name;
    Ok(draft)
}

/// The real folder the draft at `path` is in, links resolved, before any file it names is
/// looked for. A bare file name is in the current folder; an empty path must never stand
/// for "anywhere" (every path starts with it). `None` when it cannot be resolved: the
/// draft's files are then not looked for at all.
fn draft_folder(path: &Path) -> Option<std::path::PathBuf> {
    crate::staging::parent_of(path).canonicalize().ok()
}

/// Reads a draft from its bytes, judging its kind from them.
pub fn read_draft_bytes(
    framework: &Framework,
    name: &str,
    bytes: &[u8],
    source_folder: Option<&Path>,
    pathway: Option<PathwayId>,
) -> Result<DraftImport> {
    let kind = draft_kind(name, bytes)?;
    let (limit, label) = match kind {
        DraftKind::Markdown => (MARKDOWN_LIMIT_BYTES, "Markdown"),
        DraftKind::Docx => (DOCX_LIMIT_BYTES, "Word"),
    };
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            bytes: bytes.len() as u64,
            limit,
            kind: label,
        });
    }
    let mut draft = match kind {
        DraftKind::Markdown => {
            let (text, note) =
                decode_text(bytes).ok_or_else(|| ImportError::NotText(name.to_string()))?;
            if text.trim().is_empty() {
                return Err(ImportError::Empty(name.to_string()));
            }
            let mut draft = import_markdown(framework, &text, source_folder, pathway);
            draft.notes.extend(note);
            draft
        }
        DraftKind::Docx => import_docx(framework, name, bytes, source_folder, pathway)?,
    };
    draft.source_name = name.to_string();
    Ok(draft)
}

/// Reads the draft at `input` and writes it as a new portfolio in `out`, which must not hold
/// one already. On any refusal nothing is written.
pub fn import_file(
    framework: &Framework,
    input: &Path,
    out: &Path,
    pathway: Option<PathwayId>,
    now: OffsetDateTime,
) -> Result<ImportReport> {
    let draft = read_draft(framework, input, pathway)?;
    draft.write_new_portfolio(framework, out, now)
}

const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What the bytes are: refuses the known non-drafts with their own message.
pub fn draft_kind(name: &str, bytes: &[u8]) -> Result<DraftKind> {
    let name = name.to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty(name));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::Pdf(name));
    }
    if bytes.starts_with(&CFB_SIGNATURE) {
        // Office keeps a password-protected .docx as an "EncryptedPackage" stream in the
        // same container format as the old .doc; the stream names are UTF-16.
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let is_encrypted = bytes
            .windows(encrypted.len())
            .any(|w| w == encrypted.as_slice());
        return Err(if is_encrypted {
            ImportError::PasswordProtected(name)
        } else {
            ImportError::OldOfficeFormat(name)
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(DraftKind::Docx);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::Rtf(name));
    }
    Ok(DraftKind::Markdown)
}

/// The characters of a text draft: UTF-8 (with or without a byte-order mark), UTF-16 with
/// one, or else Windows-1252 as older Windows editors save. `None` for bytes that are no
/// text. The note says when the text was not UTF-8.
pub(crate) fn decode_text(bytes: &[u8]) -> Option<(String, Option<String>)> {
    let utf16 = |bytes: &[u8], little: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    let (text, note) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, true)?, None)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, false)?, None)
    } else if let Ok(text) =
        std::str::from_utf8(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes))
    {
        (text.to_string(), None)
    } else {
        (
            bytes.iter().map(|b| windows_1252(*b)).collect(),
            Some("The draft was not saved as UTF-8; it was read as Windows-1252 text. Check any accented letters or symbols.".to_string()),
        )
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let binary = text.contains('\0') || controls * 100 > text.chars().count().max(1);
    (!binary).then_some((text, note))
}

/// A Windows-1252 byte as a character (the five unassigned bytes stay control characters).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_judged_by_content_not_name() {
        assert!(matches!(
            draft_kind("a.md", b"%PDF-1.7 ..."),
            Err(ImportError::Pdf(_))
        ));
        assert!(matches!(
            draft_kind("a.docx", b""),
            Err(ImportError::Empty(_))
        ));
        assert!(matches!(
            draft_kind("a.docx", b" \n\t"),
            Err(ImportError::Empty(_))
        ));
        assert_eq!(
            draft_kind("a.md", b"PK\x03\x04rest").unwrap(),
            DraftKind::Docx
        );
        assert_eq!(
            draft_kind("notes.txt", b"## 1a Intro").unwrap(),
            DraftKind::Markdown
        );
        let mut cfb = CFB_SIGNATURE.to_vec();
        cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(
            draft_kind("a.docx", &cfb),
            Err(ImportError::PasswordProtected(_))
        ));
        assert!(matches!(
            draft_kind("a.doc", &CFB_SIGNATURE),
            Err(ImportError::OldOfficeFormat(_))
        ));
    }

    #[test]
    fn text_in_other_encodings_is_read_and_binary_is_refused() {
        let (text, note) = decode_text(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(text, "café “quoted”");
        assert!(
            note.is_some(),
            "the candidate is told the encoding was guessed"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("## 1a".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&utf16).unwrap().0, "## 1a");
        assert!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_none());
    }
}
