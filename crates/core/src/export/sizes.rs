//! The size report of an export: its total against the scheme's limit for one file or one
//! zip (10 MB), and the largest parts, so a candidate knows what to link instead of attach.

use super::ExportFormat;
use super::bundle::BundleFile;
use super::single::SinglePage;
use crate::evidence::files::megabytes;
use serde::{Deserialize, Serialize};
use std::io::Cursor;

/// How many of the largest parts a report lists.
pub const LARGEST_SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SizeItem {
    /// What a candidate would call it: "E4 Quiz screenshot", "The portfolio page (index.html)".
    pub name: String,
    pub bytes: u64,
    /// "250 KB", in the scheme's decimal units.
    pub size: String,
}

impl SizeItem {
    fn new(name: String, bytes: u64) -> SizeItem {
        SizeItem {
            size: megabytes(bytes),
            name,
            bytes,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SizeReport {
    pub format: ExportFormat,
    /// The one file or zip; for a folder, all its files together.
    pub total_bytes: u64,
    pub limit_bytes: u64,
    pub within_limit: bool,
    /// The largest parts, largest first, at most `LARGEST_SHOWN`; in a zip, as compressed.
    pub largest: Vec<SizeItem>,
    /// Single page only: attached files listed in it but not inside it.
    pub left_out: Vec<SizeItem>,
    /// "2.4 MB of the 10 MB limit" or "12 MB, 2 MB over the 10 MB limit".
    pub summary: String,
    /// "10 MB".
    pub limit: String,
}

impl SizeReport {
    fn new(format: ExportFormat, total: u64, limit: u64, mut parts: Vec<SizeItem>) -> Self {
        // Largest first; equal sizes by name, so the report never shuffles between runs.
        parts.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
        parts.truncate(LARGEST_SHOWN);
        let mut report = SizeReport {
            format,
            total_bytes: total,
            limit_bytes: limit,
            within_limit: total <= limit,
            largest: parts,
            left_out: Vec::new(),
            summary: String::new(),
            limit: megabytes(limit),
        };
        report.summary = report.summary();
        report
    }

    /// "2.4 MB of the 10 MB limit" or "12 MB, 2 MB over the 10 MB limit".
    pub fn summary(&self) -> String {
        if self.within_limit {
            format!(
                "{} of the {} limit",
                megabytes(self.total_bytes),
                megabytes(self.limit_bytes)
            )
        } else {
            format!(
                "{}, {} over the {} limit",
                megabytes(self.total_bytes),
                megabytes(self.total_bytes - self.limit_bytes),
                megabytes(self.limit_bytes)
            )
        }
    }
}

pub(crate) fn of_files(format: ExportFormat, files: &[BundleFile], limit: u64) -> SizeReport {
    let parts: Vec<SizeItem> = files
        .iter()
        .map(|file| SizeItem::new(file.label.clone(), file.bytes.len() as u64))
        .collect();
    let total = parts.iter().map(|p| p.bytes).sum();
    SizeReport::new(format, total, limit, parts)
}

/// The zip's own length, and each file as it is stored in it (compressed).
pub(crate) fn of_zip(zip: &[u8], files: &[BundleFile], limit: u64) -> SizeReport {
    let mut parts = Vec::new();
    if let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(zip)) {
        for index in 0..archive.len() {
            let Ok(entry) = archive.by_index_raw(index) else {
                continue;
            };
            if let Some(file) = files.iter().find(|f| f.path.as_bytes() == entry.name_raw()) {
                parts.push(SizeItem::new(file.label.clone(), entry.compressed_size()));
            }
        }
    }
    SizeReport::new(ExportFormat::Zip, zip.len() as u64, limit, parts)
}

pub(crate) fn of_page(page: &SinglePage, limit: u64) -> SizeReport {
    let total = page.html.len() as u64;
    let embedded: u64 = page.embedded.iter().map(|e| e.bytes).sum();
    let mut parts: Vec<SizeItem> = page
        .embedded
        .iter()
        .map(|e| SizeItem::new(e.label.clone(), e.bytes))
        .collect();
    parts.push(SizeItem::new(
        "The portfolio's text and styles".into(),
        total.saturating_sub(embedded),
    ));
    let mut report = SizeReport::new(ExportFormat::SingleHtml, total, limit, parts);
    report.left_out = page
        .left_out
        .iter()
        .map(|e| SizeItem::new(e.label.clone(), e.bytes))
        .collect();
    report
}

/// One document file (the PDF): its images by label, and the rest as its text.
pub(crate) fn of_document(
    format: ExportFormat,
    total: u64,
    images: &[(String, u64)],
    limit: u64,
) -> SizeReport {
    let inside: u64 = images.iter().map(|(_, bytes)| bytes).sum();
    let mut parts: Vec<SizeItem> = images
        .iter()
        .map(|(label, bytes)| SizeItem::new(label.clone(), *bytes))
        .collect();
    parts.push(SizeItem::new(
        "The portfolio's text".into(),
        total.saturating_sub(inside),
    ));
    SizeReport::new(format, total, limit, parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: usize) -> BundleFile {
        BundleFile {
            path: path.into(),
            label: path.into(),
            bytes: vec![b'x'; bytes],
        }
    }

    #[test]
    fn the_largest_parts_come_first_and_the_total_is_checked_against_the_limit() {
        let files: Vec<BundleFile> = (1..=7).map(|n| file(&format!("f{n}"), n * 10)).collect();
        let report = of_files(ExportFormat::Folder, &files, 250);
        assert_eq!(report.total_bytes, 280);
        assert!(!report.within_limit, "280 bytes is over a 250-byte limit");
        assert_eq!(report.largest.len(), LARGEST_SHOWN);
        assert_eq!(report.largest[0].name, "f7");
        assert_eq!(
            report.summary(),
            "280 bytes, 30 bytes over the 250 bytes limit"
        );
    }

    #[test]
    fn a_documents_pictures_and_text_make_up_its_size() {
        let pictures = [("E1 Photo".to_string(), 900)];
        let report = of_document(ExportFormat::Docx, 1_200, &pictures, 1_000);
        assert!(
            !report.within_limit,
            "1,200 bytes is over a 1,000-byte limit"
        );
        let parts: Vec<(&str, u64)> = report
            .largest
            .iter()
            .map(|p| (p.name.as_str(), p.bytes))
            .collect();
        assert_eq!(parts, [("E1 Photo", 900), ("The portfolio's text", 300)]);
    }
}
