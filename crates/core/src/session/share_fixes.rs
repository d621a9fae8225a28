//! The "before you share" check's one-click fixes, applied: a passage redacted, a finding
//! agreed to, photos stored again without their personal details. Each is refused unless
//! the check still offers it, and each is all or nothing: when the save fails, the
//! portfolio in memory is as it was, and so are its files.

use super::evidence::file_source;
use super::fixes::no_longer_applies;
use super::{Result, Saved, Session, SessionError};
use crate::checklist::{Fix, ProblemCode};
use crate::evidence::EvidenceSource;
use crate::evidence::files::{self as evidence_files, StoredFile};
use crate::evidence::photo_metadata::without_personal_metadata;
use crate::model::Portfolio;
use crate::no_follow::{Capped, read_capped};
use crate::share_check::agreed_key;
use crate::store::EVIDENCE_DIR;
use std::collections::HashSet;
use time::OffsetDateTime;

impl Session {
    pub(super) fn apply_share_fix(&mut self, fix: &Fix, now: OffsetDateTime) -> Result<Saved> {
        let problems = self.before_sharing();
        match fix {
            Fix::Redact {
                place,
                personal_data,
                text,
                replacement,
                ..
            } => {
                if !problems.iter().any(|p| p.fix.as_ref() == Some(fix)) {
                    return Err(no_longer_applies());
                }
                let before = self.portfolio.clone();
                let replaced = crate::share_check::redact::redact(
                    &mut self.portfolio,
                    place,
                    *personal_data,
                    text,
                    replacement,
                );
                if replaced == 0 {
                    self.portfolio = before;
                    return Err(no_longer_applies());
                }
                self.save_or_restore(before, now)
            }
            Fix::AgreeFinding { agreed, .. } => {
                if !problems.iter().any(|p| p.agree.as_ref() == Some(fix)) {
                    return Err(no_longer_applies());
                }
                let before = self.portfolio.clone();
                let key = agreed_key(agreed);
                let known = &mut self.portfolio.share_check_agreed;
                if !known.iter().any(|a| agreed_key(a) == key) {
                    known.push(agreed.clone());
                }
                self.save_or_restore(before, now)
            }
            Fix::CleanImageMetadata { items, .. } => {
                let flagged: HashSet<&str> = problems
                    .iter()
                    .filter(|p| p.code == ProblemCode::ImageLocationData)
                    .flat_map(|p| p.items.iter().map(String::as_str))
                    .collect();
                if items.is_empty() || !items.iter().all(|id| flagged.contains(id.as_str())) {
                    return Err(no_longer_applies());
                }
                self.clean_image_metadata(items, now)
            }
            _ => Err(no_longer_applies()),
        }
    }

    fn save_or_restore(&mut self, before: Portfolio, now: OffsetDateTime) -> Result<Saved> {
        match self.save(now) {
            Ok(saved) => Ok(saved),
            Err(error) => {
                self.portfolio = before;
                Err(error)
            }
        }
    }

    /// Stores each photo of `items` again without its personal details: the clean copy is
    /// written (atomically, named by its content as every stored file is), the items point
    /// at it, the portfolio is saved, and only then are the old copies removed. Nothing
    /// outside the portfolio's `evidence/` folder is read or written.
    fn clean_image_metadata(&mut self, items: &[String], now: OffsetDateTime) -> Result<Saved> {
        let evidence = self.folder().join(EVIDENCE_DIR);
        let limit = self.evidence_limit();
        let mut clean_copies: Vec<(String, String, Vec<u8>)> = Vec::new();
        for id in items {
            let item = self
                .portfolio
                .evidence_item(id)
                .ok_or_else(|| SessionError::UnknownEvidence(id.clone()))?;
            let EvidenceSource::File {
                original_name,
                sha256,
                ..
            } = &item.source
            else {
                return Err(no_longer_applies());
            };
            let unreadable = || {
                SessionError::Invalid(format!(
                    "The file of {id} could not be read from the portfolio's evidence folder, so its details were not removed. Nothing was changed."
                ))
            };
            let path =
                evidence_files::stored_path(&evidence, &item.source).ok_or_else(unreadable)?;
            let Ok(Capped::Read(bytes)) = read_capped(&path, limit) else {
                return Err(unreadable());
            };
            if !evidence_files::sha256_hex(&bytes).eq_ignore_ascii_case(sha256) {
                return Err(SessionError::Invalid(format!(
                    "The file of {id} has changed since it was attached, so it was left as it is. Nothing was changed: use \"Replace file…\" on {id} with the version you mean."
                )));
            }
            let cleaned = without_personal_metadata(&bytes)
                .map_err(|error| SessionError::Invalid(format!("{id}: {error}")))?;
            if !cleaned.changed {
                continue;
            }
            if cleaned.bytes.len() as u64 > limit {
                return Err(SessionError::Invalid(format!(
                    "Without its personal details, the photo of {id} is {}, over the {} limit, so it was left as it is. Attach a smaller copy of it instead.",
                    evidence_files::megabytes(cleaned.bytes.len() as u64),
                    evidence_files::megabytes(limit)
                )));
            }
            clean_copies.push((id.clone(), original_name.clone(), cleaned.bytes));
        }

        // Write every clean copy first; on any failure, take back the ones this call made.
        let mut stored: Vec<(String, StoredFile, bool)> = Vec::new();
        for (id, original_name, bytes) in &clean_copies {
            let sha = evidence_files::sha256_hex(bytes);
            let name = format!(
                "{}-{}",
                &sha[..12],
                evidence_files::safe_file_name(original_name)
            );
            let made_here = !evidence.join(&name).exists();
            match evidence_files::store_bytes(self.folder(), original_name, bytes) {
                Ok(file) => stored.push((id.clone(), file, made_here)),
                Err(error) => {
                    self.remove_copies_made(&stored);
                    return Err(error.into());
                }
            }
        }

        let before = self.portfolio.clone();
        let mut replaced = Vec::new();
        for (id, file, _) in &stored {
            if let Some(item) = self.portfolio.evidence.iter_mut().find(|i| &i.id == id) {
                replaced.push(std::mem::replace(
                    &mut item.source,
                    file_source(file.clone()),
                ));
            }
        }
        match self.save(now) {
            Ok(saved) => {
                for old in &replaced {
                    self.delete_unused_file(old);
                }
                // The clean copies were just read from memory: the next check need not
                // read them again.
                for ((id, _, bytes), _) in clean_copies.iter().zip(&stored) {
                    if let Some(item) = self.portfolio.evidence_item(id).cloned() {
                        self.share_cache.remember(&item, bytes);
                    }
                }
                Ok(saved)
            }
            Err(error) => {
                self.portfolio = before;
                self.remove_copies_made(&stored);
                Err(error)
            }
        }
    }

    /// Removes the clean copies this fix wrote that no item uses.
    fn remove_copies_made(&self, stored: &[(String, StoredFile, bool)]) {
        for (_, file, made_here) in stored {
            let in_use = self
                .portfolio
                .evidence
                .iter()
                .any(|item| item.source.stored_name() == Some(file.stored_name.as_str()));
            if *made_here && !in_use {
                self.delete_unused_file(&file_source(file.clone()));
            }
        }
    }
}
