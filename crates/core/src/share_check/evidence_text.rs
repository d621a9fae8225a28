//! What the share check reads out of evidence files: the personal details a photo still
//! carries, and the personal data in the text of PDF, Word and plain-text files. Each file
//! is read once and remembered by its content hash (the one its item records), so checking
//! again, with the same files, reads and parses nothing.

use super::pdf_text::pdf_text;
use crate::evidence::files::sha256_hex;
use crate::evidence::photo_metadata::{MetadataKind, personal_metadata};
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::find::{FoundExcerpt, excerpt};
use crate::no_follow::{Capped, read_capped};
use crate::personal_data::{PersonalDataKind, find_personal_data};
use crate::store::EVIDENCE_DIR;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Readings of evidence files by content hash, kept by a `Session` (or any caller) between
/// checks. Memory stays small: what was found is kept, not the files or their text.
#[derive(Debug, Default)]
pub struct EvidenceTextCache {
    readings: HashMap<String, Arc<FileReading>>,
    files_read: usize,
}

/// What one evidence file holds that the share check reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReading {
    pub content: FileContent,
    /// For a photo: the personal details it carries, as `photo_metadata` names them.
    pub metadata: Vec<MetadataKind>,
    /// Personal data in its text, each passage once, in text order.
    pub findings: Vec<TextFinding>,
}

/// What kind of reading a file had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileContent {
    /// A JPEG, PNG or WebP photo: its metadata was read.
    Photo,
    /// Text was read (PDF, Word or plain text).
    Text,
    /// A PDF or Word file with no text in it (a scanned page, say).
    NoText,
    /// Its text could not be read: why, in words ("it is protected with a password").
    Unreadable(String),
}

/// One passage of personal data in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFinding {
    pub kind: PersonalDataKind,
    pub matched: String,
    /// The first place it is, with a little text either side.
    pub passage: FoundExcerpt,
    /// How many times the same passage is in the file.
    pub count: usize,
}

/// What an evidence file is, for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Photo,
    Pdf,
    Word,
    PlainText,
}

impl EvidenceTextCache {
    pub fn new() -> EvidenceTextCache {
        EvidenceTextCache::default()
    }

    /// Files read from disk since the cache was made: checking an unchanged portfolio
    /// again adds none.
    pub fn files_read(&self) -> usize {
        self.files_read
    }

    /// Files remembered.
    pub fn len(&self) -> usize {
        self.readings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.readings.is_empty()
    }

    /// Remembers what `bytes`, the content of a file the app has just written, hold, so
    /// the next check need not read it again.
    pub(crate) fn remember(&mut self, item: &EvidenceItem, bytes: &[u8]) {
        if let (Some(kind), EvidenceSource::File { sha256, .. }) = (kind_of(item), &item.source) {
            let reading = Arc::new(read_bytes(kind, bytes));
            self.readings.insert(sha256.to_ascii_lowercase(), reading);
        }
    }

    /// The readings of `items` that the share check reads (photos, PDFs, Word and text
    /// files), by item id. Files not yet read are read now, on up to four threads. A file
    /// that is missing, larger than `limit` or not the content its item records is left
    /// out: the export refuses such a file on its own, with its own message.
    pub(crate) fn readings(
        &mut self,
        portfolio_folder: &Path,
        items: &[EvidenceItem],
        limit: u64,
    ) -> HashMap<String, Arc<FileReading>> {
        let evidence = portfolio_folder.join(EVIDENCE_DIR);
        let mut found = HashMap::new();
        let mut to_read: Vec<(&EvidenceItem, Kind, String)> = Vec::new();
        for item in items {
            let (Some(kind), EvidenceSource::File { sha256, .. }) = (kind_of(item), &item.source)
            else {
                continue;
            };
            let sha256 = sha256.to_ascii_lowercase();
            match self.readings.get(&sha256) {
                Some(reading) => {
                    found.insert(item.id.clone(), reading.clone());
                }
                None => to_read.push((item, kind, sha256)),
            }
        }
        // The same content under two items is read once.
        to_read.sort_by(|a, b| a.2.cmp(&b.2));
        to_read.dedup_by(|a, b| a.2 == b.2);
        let read = read_all(&evidence, &to_read, limit);
        for ((_, _, sha256), outcome) in to_read.iter().zip(read) {
            if let Some((opened, reading)) = outcome {
                self.files_read += usize::from(opened);
                if let Some(reading) = reading {
                    self.readings.insert(sha256.clone(), Arc::new(reading));
                }
            }
        }
        for item in items {
            if let EvidenceSource::File { sha256, .. } = &item.source
                && let Some(reading) = self.readings.get(&sha256.to_ascii_lowercase())
            {
                found
                    .entry(item.id.clone())
                    .or_insert_with(|| reading.clone());
            }
        }
        found
    }
}

/// What reading one file gave: whether it was opened and read, and its reading (`None`
/// for a file left out, see `readings`).
type ReadOutcome = (bool, Option<FileReading>);

/// Reads each file, split over a few threads: reading and hashing 30 MB is most of a cold
/// check's time. One outcome per file, in order (`None` where a thread failed).
fn read_all(
    evidence: &Path,
    files: &[(&EvidenceItem, Kind, String)],
    limit: u64,
) -> Vec<Option<ReadOutcome>> {
    let threads = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .clamp(1, 4);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(item, kind, sha256)| read_file(evidence, item, *kind, sha256, limit))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut outcomes = Vec::with_capacity(files.len());
        for (handle, part) in handles.into_iter().zip(files.chunks(chunk)) {
            match handle.join() {
                Ok(read) => outcomes.extend(read.into_iter().map(Some)),
                // A panic in one reader leaves its files unread, not the check broken.
                Err(_) => outcomes.extend(part.iter().map(|_| None)),
            }
        }
        outcomes
    })
}

fn read_file(
    evidence: &Path,
    item: &EvidenceItem,
    kind: Kind,
    sha256: &str,
    limit: u64,
) -> ReadOutcome {
    let Some(path) = crate::evidence::files::stored_path(evidence, &item.source) else {
        return (false, None);
    };
    let Ok(Capped::Read(bytes)) = read_capped(&path, limit) else {
        return (false, None);
    };
    // What is remembered under a hash must be that content: a file changed by hand since it
    // was attached is the export's to refuse, not this cache's to mislabel.
    if sha256_hex(&bytes) != sha256 {
        return (true, None);
    }
    (true, Some(read_bytes(kind, &bytes)))
}

fn read_bytes(kind: Kind, bytes: &[u8]) -> FileReading {
    let text = match kind {
        Kind::Photo => {
            return FileReading {
                content: FileContent::Photo,
                metadata: personal_metadata(bytes),
                findings: Vec::new(),
            };
        }
        Kind::Pdf => pdf_text(bytes).map_err(|problem| problem.describe().to_string()),
        Kind::Word => crate::import::docx::evidence_text("the file", bytes)
            .map_err(|_| "it is damaged or is not a Word document the app can read".to_string()),
        Kind::PlainText => Ok(plain_text(bytes)),
    };
    match text {
        Ok(text) if text.trim().is_empty() => FileReading {
            content: if kind == Kind::PlainText {
                FileContent::Text
            } else {
                FileContent::NoText
            },
            metadata: Vec::new(),
            findings: Vec::new(),
        },
        Ok(text) => FileReading {
            content: FileContent::Text,
            metadata: Vec::new(),
            findings: findings_in(&text),
        },
        Err(reason) => FileReading {
            content: FileContent::Unreadable(reason),
            metadata: Vec::new(),
            findings: Vec::new(),
        },
    }
}

/// Each passage once, with the first place it is and how often it comes.
fn findings_in(text: &str) -> Vec<TextFinding> {
    let mut findings: Vec<TextFinding> = Vec::new();
    let mut index: HashMap<(PersonalDataKind, String), usize> = HashMap::new();
    for finding in find_personal_data(text) {
        let key = (finding.kind, finding.matched.clone());
        if let Some(&at) = index.get(&key) {
            findings[at].count += 1;
            continue;
        }
        index.insert(key, findings.len());
        let mut passage = excerpt(text, finding.range.clone());
        passage.before = one_line(&passage.before);
        passage.after = one_line(&passage.after);
        findings.push(TextFinding {
            kind: finding.kind,
            matched: finding.matched,
            passage,
            count: 1,
        });
    }
    findings
}

/// A file's line breaks and tabs as single spaces, for a passage shown in one line.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split([' ', '\n', '\r', '\t']) {
        if word.is_empty() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with([' ', '\n', '\r', '\t']) && !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Text files as they are usually saved (UTF-8, UTF-16 with its byte-order mark, or the
/// Windows-1252 of older editors), read as a text draft is; bytes that are no text give
/// nothing to look through.
fn plain_text(bytes: &[u8]) -> String {
    crate::import::decode_text(bytes)
        .map(|(text, _)| text)
        .unwrap_or_default()
}

/// Which reading a file gets, from its recorded type and name; `None` for files the check
/// does not read (videos, audio, spreadsheets).
fn kind_of(item: &EvidenceItem) -> Option<Kind> {
    let EvidenceSource::File {
        original_name,
        media_type,
        ..
    } = &item.source
    else {
        return None;
    };
    let extension = original_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    match (media_type.as_str(), extension.as_str()) {
        ("image/jpeg" | "image/png" | "image/webp", _) => Some(Kind::Photo),
        ("application/pdf", _) | (_, "pdf") => Some(Kind::Pdf),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _)
        | (_, "docx") => Some(Kind::Word),
        // HTML and XML are text too: an exported web page or a quiz file names learners as
        // easily as a spreadsheet saved as CSV does.
        (media, _) if media.starts_with("text/") => Some(Kind::PlainText),
        (_, "txt" | "md" | "csv" | "tsv") => Some(Kind::PlainText),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_from_files_read_on_one_line() {
        assert_eq!(one_line("a\n\nb\tc "), "a b c ");
        assert_eq!(one_line("  lead"), " lead");
    }

    #[test]
    fn text_files_are_read_in_utf8_or_marked_utf16() {
        assert_eq!(plain_text("café".as_bytes()), "café");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "tel 07700 900123".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(plain_text(&utf16), "tel 07700 900123");
    }

    #[test]
    fn an_old_windows_text_file_is_read_as_windows_1252_as_a_draft_is() {
        // "Café, 07700 900123" as Notepad of old saved it: é is the one byte 0xE9.
        let mut bytes = b"Caf".to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(b", 07700 900123");
        assert_eq!(plain_text(&bytes), "Café, 07700 900123");
        assert_eq!(
            plain_text(b"\0\0\0binary\0"),
            "",
            "no text, nothing to look through"
        );
    }

    #[test]
    fn the_same_passage_twice_is_one_finding_counted_twice() {
        let findings = findings_in("Mail a@b.org.uk\nor a@b.org.uk again");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].count, 2);
        assert_eq!(findings[0].passage.before, "Mail ");
    }
}
