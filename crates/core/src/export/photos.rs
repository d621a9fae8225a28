//! No export carries a photo's personal details: every JPEG, PNG and WebP file goes through
//! `photo_metadata::without_personal_metadata` on its way out, whether it is written beside
//! the page, zipped or embedded as a `data:` URL. A photo attached before the app removed
//! such details (or added by hand) leaves clean all the same; its copy in the portfolio is
//! the share check's to clean, with the candidate's say-so.
//!
//! A cleaned photo is another file, so the exported `portfolio.json` describes it as it is
//! (its size, hash and name), and reopening the export finds what it describes.

use super::bundle::{EvidenceFile, is_displayable_image};
use super::{ExportError, Result};
use crate::evidence::EvidenceSource;
use crate::evidence::files::{safe_file_name, sha256_hex};
use crate::evidence::photo_metadata::{MetadataError, without_personal_metadata};
use crate::model::Portfolio;
use std::borrow::Cow;

/// The portfolio as the export describes it, and each attached file's content for it, by
/// item id in library order.
pub(crate) struct Described<'p> {
    pub portfolio: Cow<'p, Portfolio>,
    pub contents: Vec<(String, Vec<u8>)>,
}

/// Takes the personal details out of every photo in `evidence`. With `verify`, a photo's
/// content is first checked against its item's hash (the folder export checks the other
/// files while it writes them, and a cleaned photo no longer has its old hash to check).
pub(crate) fn without_personal_details<'p>(
    portfolio: &'p Portfolio,
    evidence: Vec<EvidenceFile<'_>>,
    verify: bool,
) -> Result<Described<'p>> {
    let mut contents = Vec::with_capacity(evidence.len());
    let mut changed: Vec<(String, Vec<u8>)> = Vec::new();
    for file in evidence {
        let id = file.item.id.clone();
        if !is_displayable_image(file.media_type) {
            contents.push((id, file.bytes));
            continue;
        }
        let cleaned = match without_personal_metadata(&file.bytes) {
            Ok(cleaned) => cleaned,
            // What cannot be parsed as a photo is exported as it was attached, as attaching
            // keeps it: there are no details to find in it.
            Err(MetadataError::Damaged) => {
                contents.push((id, file.bytes));
                continue;
            }
            Err(error) => {
                return Err(ExportError::PhotoNotCleaned {
                    id,
                    reason: error.to_string(),
                });
            }
        };
        if !cleaned.changed {
            contents.push((id, file.bytes));
            continue;
        }
        if verify
            && let EvidenceSource::File {
                sha256,
                original_name,
                ..
            } = &file.item.source
            && !sha256_hex(&file.bytes).eq_ignore_ascii_case(sha256)
        {
            return Err(ExportError::EvidenceFileChanged {
                id,
                name: original_name.clone(),
            });
        }
        changed.push((id.clone(), cleaned.bytes.clone()));
        contents.push((id, cleaned.bytes));
    }
    if changed.is_empty() {
        return Ok(Described {
            portfolio: Cow::Borrowed(portfolio),
            contents,
        });
    }
    let mut described = portfolio.clone();
    for (id, bytes) in &changed {
        let Some(item) = described.evidence.iter_mut().find(|item| &item.id == id) else {
            continue;
        };
        if let EvidenceSource::File {
            original_name,
            stored_name,
            bytes: size,
            sha256,
            ..
        } = &mut item.source
        {
            let hash = sha256_hex(bytes);
            *stored_name = format!("{}-{}", &hash[..12], safe_file_name(original_name));
            *size = bytes.len() as u64;
            *sha256 = hash;
        }
    }
    Ok(Described {
        portfolio: Cow::Owned(described),
        contents,
    })
}

/// The attached files again, of the described portfolio, their contents moved rather than
/// copied.
pub(crate) fn files_of(
    portfolio: &Portfolio,
    contents: Vec<(String, Vec<u8>)>,
) -> Vec<EvidenceFile<'_>> {
    let mut contents = contents.into_iter();
    let mut files = Vec::new();
    for item in &portfolio.evidence {
        let EvidenceSource::File {
            stored_name,
            media_type,
            ..
        } = &item.source
        else {
            continue;
        };
        // Same items, same order: `read_evidence` read one file for each.
        let Some((id, bytes)) = contents.next() else {
            break;
        };
        debug_assert_eq!(id, item.id, "the contents follow the library's order");
        files.push(EvidenceFile {
            item,
            stored_name,
            media_type,
            bytes,
        });
    }
    files
}
