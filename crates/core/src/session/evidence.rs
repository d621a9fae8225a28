//! Evidence operations on the open portfolio: attach a file or a link, describe, cite,
//! replace and remove items. A refused file leaves the portfolio exactly as it was.

use super::{Result, Saved, Session, SessionError};
use crate::evidence::files::{self as evidence_files, StoredFile};
use crate::evidence::photo_metadata;
use crate::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use crate::model::Citation;
use crate::store::EVIDENCE_DIR;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct LinkRequest {
    pub url: String,
    pub title: String,
}

/// What opening an item hands to the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenTarget {
    File(PathBuf),
    Link(String),
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AttachOutcome {
    pub item: EvidenceItem,
    /// True when the same content was already in the library: no new item was made.
    pub already_attached: bool,
    /// What was taken out of a photo on the way in ("where it was taken", …); empty when
    /// there was nothing personal in it, or it is not a photo.
    pub metadata_removed: Vec<String>,
    pub saved: Saved,
}

pub(super) fn file_source(stored: StoredFile) -> EvidenceSource {
    EvidenceSource::File {
        original_name: stored.original_name,
        stored_name: stored.stored_name,
        bytes: stored.bytes,
        sha256: stored.sha256,
        media_type: stored.media_type,
    }
}

/// Only http and https addresses with a host: no `javascript:`, `file:` or `data:`.
pub fn check_link(url: &str) -> Result<String> {
    let trimmed = url.trim();
    let parsed = url::Url::parse(trimmed).map_err(|_| {
        SessionError::Invalid(format!(
            "\"{trimmed}\" is not a web address. Copy the address from your browser's address bar; it starts with https://"
        ))
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(SessionError::Invalid(format!(
            "Only web addresses starting with https:// or http:// can be evidence links (this one starts with \"{}:\"). Assessors must be able to open them.",
            parsed.scheme()
        )));
    }
    Ok(parsed.to_string())
}

impl Session {
    pub fn evidence_limit(&self) -> u64 {
        self.framework.evidence_file_limit_bytes
    }

    pub fn evidence_path(&self, item: &EvidenceItem) -> Option<PathBuf> {
        evidence_files::stored_path(&self.folder().join(EVIDENCE_DIR), &item.source)
    }

    /// What "Open" on an item opens: its stored file (an ordinary file inside `evidence/`,
    /// never a link out of it) or its checked web address.
    pub fn what_to_open(&self, evidence_id: &str) -> Result<OpenTarget> {
        let item = self
            .portfolio
            .evidence_item(evidence_id)
            .ok_or_else(|| SessionError::UnknownEvidence(evidence_id.to_string()))?;
        match &item.source {
            EvidenceSource::Link { url } => Ok(OpenTarget::Link(check_link(url)?)),
            EvidenceSource::File { .. } => match self.evidence_path(item) {
                Some(path) if evidence_files::is_regular_file(&path) => Ok(OpenTarget::File(path)),
                _ => Err(SessionError::Invalid(format!(
                    "The file of {evidence_id} is missing from the portfolio's evidence folder. Use \"Replace file…\" to attach it again."
                ))),
            },
            EvidenceSource::MissingFile { .. } => Err(SessionError::Invalid(format!(
                "{evidence_id} has no file yet. Use \"Replace file…\" to attach it."
            ))),
        }
    }

    fn new_item(
        &mut self,
        title: &str,
        source: EvidenceSource,
        now: OffsetDateTime,
    ) -> Result<EvidenceItem> {
        let number = self.portfolio.next_evidence_number.max(1);
        if number >= crate::integrity::MAX_EVIDENCE_NUMBER {
            return Err(SessionError::Invalid(format!(
                "The evidence library has used all its numbers (up to E{}). Nothing was added.",
                crate::integrity::MAX_EVIDENCE_NUMBER - 1
            )));
        }
        self.portfolio.next_evidence_number = number + 1;
        let item = EvidenceItem {
            id: EvidenceItem::id_for(number),
            number,
            details: EvidenceDetails {
                title: title.trim().to_string(),
                ..EvidenceDetails::default()
            },
            source,
            added_at: now.replace_nanosecond(0).unwrap_or(now),
        };
        self.portfolio.evidence.push(item.clone());
        Ok(item)
    }

    fn cite_in(&mut self, evidence_id: &str, sections: &[String]) -> Result<()> {
        for section in sections {
            if self.framework.section(section).is_none() {
                return Err(SessionError::UnknownSection(section.clone()));
            }
        }
        for section in sections {
            let entry = self.portfolio.section_mut(section);
            if !entry.citations.iter().any(|c| c.evidence_id == evidence_id) {
                entry.citations.push(Citation {
                    evidence_id: evidence_id.to_string(),
                    note: String::new(),
                });
            }
        }
        Ok(())
    }

    /// Cites a new or found item from `sections` and saves: the end of every attach.
    fn cite_and_save(
        &mut self,
        item: EvidenceItem,
        already_attached: bool,
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        self.cite_in(&item.id, sections)?;
        let saved = self.save(now)?;
        Ok(AttachOutcome {
            item,
            already_attached,
            metadata_removed: Vec::new(),
            saved,
        })
    }

    /// The item whose file has exactly this content, if any.
    fn item_with_content(&self, sha: &str) -> Option<&EvidenceItem> {
        self.portfolio.evidence.iter().find(
            |item| matches!(&item.source, EvidenceSource::File { sha256, .. } if sha256 == sha),
        )
    }

    /// Records `bytes` as an item cited from `sections`; content already in the library is
    /// not stored again, its item is cited instead.
    fn add_file_bytes(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        title: &str,
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        // A photo is kept without where it was taken, the camera's serial number or the
        // owner's name: the candidate's own file outside the portfolio is never touched.
        let cleaned = photo_metadata::without_personal_metadata(bytes)
            .ok()
            .filter(|cleaned| cleaned.changed);
        let bytes: &[u8] = cleaned.as_ref().map_or(bytes, |cleaned| &cleaned.bytes);
        if bytes.len() as u64 > self.evidence_limit() {
            // Only a photo turned upright and saved again can grow past the limit.
            return Err(SessionError::Invalid(format!(
                "Once its personal details are taken out, the photo is {}, over the {} limit. Please attach a smaller copy of it.",
                evidence_files::megabytes(bytes.len() as u64),
                evidence_files::megabytes(self.evidence_limit())
            )));
        }
        let metadata_removed: Vec<String> = cleaned
            .iter()
            .flat_map(|cleaned| cleaned.removed.iter().map(|kind| kind.label().to_string()))
            .collect();
        let existing = self
            .item_with_content(&evidence_files::sha256_hex(bytes))
            .cloned();
        let (item, already_attached) = match existing {
            Some(item) => (item, true),
            None => {
                let stored = evidence_files::store_bytes(self.folder(), file_name, bytes)?;
                let title = if title.trim().is_empty() {
                    stored.original_name.clone()
                } else {
                    title.to_string()
                };
                (self.new_item(&title, file_source(stored), now)?, false)
            }
        };
        let mut outcome = self.cite_and_save(item, already_attached, sections, now)?;
        outcome.metadata_removed = metadata_removed;
        Ok(outcome)
    }

    /// Checks and copies a file into the portfolio, then records it as an item cited from
    /// `sections`. On any refusal nothing in the portfolio changes.
    pub fn attach_file(
        &mut self,
        source: &Path,
        title: &str,
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        let (name, bytes) = evidence_files::read_checked(source, self.evidence_limit())?;
        self.add_file_bytes(&name, &bytes, title, sections, now)
    }

    /// Attaches bytes made by the app (e.g. a smaller copy of an image) as a file.
    pub fn attach_bytes(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        title: &str,
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        if bytes.len() as u64 > self.evidence_limit() {
            return Err(SessionError::Invalid(format!(
                "The copy is still over the {} limit.",
                evidence_files::megabytes(self.evidence_limit())
            )));
        }
        self.add_file_bytes(file_name, bytes, title, sections, now)
    }

    /// A picture pasted into the text (from a screenshot tool, a web page, a document):
    /// attached as an evidence file under the same limit, named by what its bytes are, never
    /// by what the clipboard claims.
    pub fn attach_pasted_image(
        &mut self,
        bytes: &[u8],
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        let Some(extension) = image_extension(bytes) else {
            return Err(SessionError::Invalid(
                "What was pasted is not a picture the app can keep (PNG, JPEG, GIF or WebP). Save it as a file and attach it instead.".to_string(),
            ));
        };
        if bytes.len() as u64 > self.evidence_limit() {
            return Err(SessionError::Invalid(format!(
                "The pasted picture is {}, over the {} limit for one evidence file. Save it as a file and attach it: the app then offers a smaller copy.",
                evidence_files::megabytes(bytes.len() as u64),
                evidence_files::megabytes(self.evidence_limit())
            )));
        }
        let stamp = now
            .format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]-[minute]-[second]"
            ))
            .unwrap_or_default();
        let file_name = format!("Pasted picture {stamp}.{extension}");
        self.add_file_bytes(&file_name, bytes, "Pasted picture", sections, now)
    }

    pub fn attach_link(
        &mut self,
        link: LinkRequest,
        sections: &[String],
        now: OffsetDateTime,
    ) -> Result<AttachOutcome> {
        let url = check_link(&link.url)?;
        if link.title.trim().is_empty() {
            return Err(SessionError::Invalid(
                "Give the link a title, so assessors know what they are opening.".into(),
            ));
        }
        let existing = self
            .portfolio
            .evidence
            .iter()
            .find(
                |item| matches!(&item.source, EvidenceSource::Link { url: known } if *known == url),
            )
            .cloned();
        let (item, already_attached) = match existing {
            Some(item) => (item, true),
            None => (
                self.new_item(&link.title, EvidenceSource::Link { url }, now)?,
                false,
            ),
        };
        self.cite_and_save(item, already_attached, sections, now)
    }

    fn item_mut(&mut self, evidence_id: &str) -> Result<&mut EvidenceItem> {
        self.portfolio
            .evidence
            .iter_mut()
            .find(|item| item.id == evidence_id)
            .ok_or_else(|| SessionError::UnknownEvidence(evidence_id.to_string()))
    }

    pub fn save_evidence_details(
        &mut self,
        evidence_id: &str,
        details: EvidenceDetails,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let date = details.date.trim();
        if !date.is_empty() && crate::evidence::evidence_date_start(date).is_none() {
            return Err(SessionError::Invalid(format!(
                "\"{date}\" is not a date. Write it as YYYY-MM-DD, YYYY-MM or YYYY."
            )));
        }
        self.item_mut(evidence_id)?.details = details;
        self.save(now)
    }

    /// Replaces an item's file, keeping its number, details and citations.
    pub fn replace_evidence_file(
        &mut self,
        evidence_id: &str,
        source: &Path,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.item_mut(evidence_id)?;
        let (name, bytes) = evidence_files::read_checked(source, self.evidence_limit())?;
        if let Some(duplicate) = self.item_with_content(&evidence_files::sha256_hex(&bytes)) {
            return Err(SessionError::Invalid(format!(
                "That file is already in the library as {}. Cite {} instead.",
                duplicate.id, duplicate.id
            )));
        }
        let stored = evidence_files::store_bytes(self.folder(), &name, &bytes)?;
        let old = std::mem::replace(&mut self.item_mut(evidence_id)?.source, file_source(stored));
        let saved = self.save(now)?;
        self.delete_unused_file(&old);
        Ok(saved)
    }

    /// Removes the item and every citation of it. References like `[E3]` in the text are
    /// left as written (the candidate's words are never edited behind their back) and the
    /// checklist points them out.
    pub fn remove_evidence(&mut self, evidence_id: &str, now: OffsetDateTime) -> Result<Saved> {
        let position = self
            .portfolio
            .evidence
            .iter()
            .position(|item| item.id == evidence_id)
            .ok_or_else(|| SessionError::UnknownEvidence(evidence_id.to_string()))?;
        let removed = self.portfolio.evidence.remove(position);
        for entry in self.portfolio.sections.values_mut() {
            entry.citations.retain(|c| c.evidence_id != evidence_id);
        }
        let saved = self.save(now)?;
        self.delete_unused_file(&removed.source);
        Ok(saved)
    }

    /// Deletes a stored file no item uses any more; a failure only leaves a stray copy.
    pub(super) fn delete_unused_file(&self, source: &EvidenceSource) {
        let Some(path) = evidence_files::stored_path(&self.folder().join(EVIDENCE_DIR), source)
        else {
            return;
        };
        let still_used = self
            .portfolio
            .evidence
            .iter()
            .any(|item| item.source.stored_name() == source.stored_name());
        if !still_used {
            // `remove_file` on a link removes the link, never what it points to.
            let _ = std::fs::remove_file(path);
        }
    }

    pub fn cite(
        &mut self,
        section_id: &str,
        evidence_id: &str,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.item_mut(evidence_id)?;
        self.cite_in(evidence_id, &[section_id.to_string()])?;
        self.save(now)
    }

    pub fn uncite(
        &mut self,
        section_id: &str,
        evidence_id: &str,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        if let Some(entry) = self.portfolio.sections.get_mut(section_id) {
            entry.citations.retain(|c| c.evidence_id != evidence_id);
        }
        self.save(now)
    }

    /// Sets the order and notes of a section's citations; every id must be cited already.
    pub fn set_citations(
        &mut self,
        section_id: &str,
        citations: Vec<Citation>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        for citation in &citations {
            if self
                .portfolio
                .evidence_item(&citation.evidence_id)
                .is_none()
            {
                return Err(SessionError::UnknownEvidence(citation.evidence_id.clone()));
            }
        }
        if self.framework.section(section_id).is_none() {
            return Err(SessionError::UnknownSection(section_id.to_string()));
        }
        self.portfolio.section_mut(section_id).citations = citations;
        self.save(now)
    }
}

/// The file extension a picture's first bytes say it is.
fn image_extension(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, ..] => Some("png"),
        [0xff, 0xd8, 0xff, ..] => Some("jpg"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("gif"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("webp"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::check_link;

    #[test]
    fn only_web_links_are_accepted() {
        assert_eq!(
            check_link(" https://example.org/a b ").unwrap(),
            "https://example.org/a%20b"
        );
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "ftp://x.org",
            "https://",
            "example.org",
            "",
        ] {
            assert!(check_link(bad).is_err(), "{bad} must be refused");
        }
    }
}

/// One row of the library view.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LibraryRow {
    pub item: EvidenceItem,
    /// Section ids citing it, in framework order.
    pub cited_in: Vec<String>,
    pub unused: bool,
    /// Dated more than the recent-years window ago, with no reason given.
    pub needs_reason: bool,
    /// "PDF", "PNG image", "Link"...
    pub kind_label: String,
    /// A file's size, "250 KB"; none for links and missing files.
    pub size: Option<String>,
    /// Its date as shown ("May 2024"), and whether the app understands it.
    pub date: crate::evidence::EvidenceDate,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LibraryView {
    pub rows: Vec<LibraryRow>,
    pub total_bytes: u64,
    pub file_limit_bytes: u64,
    pub submission_limit_bytes: u64,
    pub recent_years: u32,
    /// The sizes above in words: "3.2 MB", "1 MB", "10 MB".
    pub total: String,
    pub file_limit: String,
    pub submission_limit: String,
    /// How far the total is over the submission limit, "1.5 MB"; none within it.
    pub over_by: Option<String>,
}

fn kind_label(source: &EvidenceSource) -> String {
    match source {
        EvidenceSource::Link { .. } => "Link".into(),
        EvidenceSource::MissingFile { .. } => "Missing file".into(),
        EvidenceSource::File {
            media_type,
            original_name,
            ..
        } => match media_type.as_str() {
            "application/pdf" => "PDF".into(),
            media if media.starts_with("image/") => format!("{} image", media[6..].to_uppercase()),
            media if media.starts_with("video/") => "Video".into(),
            media if media.starts_with("audio/") => "Audio".into(),
            _ => original_name
                .rsplit_once('.')
                .map(|(_, ext)| ext.to_uppercase())
                .unwrap_or_else(|| "File".into()),
        },
    }
}

impl Session {
    /// The library with what each item is used for, for the library view.
    pub fn library_view(&self, today: time::Date) -> LibraryView {
        let order = |id: &String| {
            self.framework
                .sections
                .iter()
                .position(|s| &s.id == id)
                .unwrap_or(usize::MAX)
        };
        let years = self.framework.evidence_recent_years;
        let rows = self
            .portfolio
            .evidence
            .iter()
            .map(|item| {
                let mut cited_in = self.portfolio.sections_citing(&item.id);
                cited_in.sort_by_key(|id| (order(id), id.clone()));
                LibraryRow {
                    unused: cited_in.is_empty(),
                    needs_reason: crate::evidence::is_older_than(&item.details, years, today)
                        && item.details.still_relevant_because.trim().is_empty(),
                    kind_label: kind_label(&item.source),
                    size: matches!(item.source, EvidenceSource::File { .. })
                        .then(|| crate::evidence::files::megabytes(item.source.bytes())),
                    date: crate::evidence::describe_date(&item.details.date, years, today),
                    cited_in,
                    item: item.clone(),
                }
            })
            .collect();
        let total_bytes: u64 = self
            .portfolio
            .evidence
            .iter()
            .map(|i| i.source.bytes())
            .sum();
        let (file_limit, submission_limit) = (
            self.framework.evidence_file_limit_bytes,
            self.framework.submission_limit_bytes,
        );
        let size = crate::evidence::files::megabytes;
        LibraryView {
            rows,
            total_bytes,
            file_limit_bytes: file_limit,
            submission_limit_bytes: submission_limit,
            recent_years: years,
            total: size(total_bytes),
            file_limit: size(file_limit),
            submission_limit: size(submission_limit),
            over_by: (total_bytes > submission_limit).then(|| size(total_bytes - submission_limit)),
        }
    }

    /// Renders a section's Markdown for the preview, with `[E3]` linked to the library.
    pub fn render(&self, markdown: &str) -> crate::markdown::Rendered {
        let mut rendered = crate::markdown::render(markdown);
        if rendered.html.contains("[E") {
            rendered.html = crate::evidence::refs::link_references(&rendered.html, |id| {
                self.portfolio
                    .evidence_item(id)
                    .map(|item| item.details.title.clone())
            });
        }
        rendered
    }
}
