//! The single-file export: one `.html` with its styles inside and its images embedded as
//! `data:` URLs, so it opens anywhere on its own. Other attached files are listed and left
//! out, or embedded as `data:` downloads when the candidate asks for every file.

use super::bundle::{EvidenceFile, evidence_label, is_displayable_image};
use super::html::{self, FileView, Styles};
use super::revisions::RevisionSummary;
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::framework::Framework;
use crate::model::Portfolio;
use base64::Engine as _;
use time::OffsetDateTime;

/// One attached file and what it adds to (or would add to) the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Embedded {
    pub label: String,
    /// Bytes of its `data:` URL in the page, or of the file itself when left out.
    pub bytes: u64,
}

/// The page and what is inside it.
pub(crate) struct SinglePage {
    pub html: String,
    pub embedded: Vec<Embedded>,
    /// Files listed in the appendix but not inside the page, with their own sizes.
    pub left_out: Vec<Embedded>,
}

/// Types a browser could run script in if the download were opened in place.
const ACTIVE_TYPES: [&str; 7] = [
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "text/javascript",
    "application/javascript",
];

/// A media type fit to stand in a `data:` URL; anything odd, or anything a browser could
/// run script in, becomes a plain download.
fn data_media_type(media_type: &str) -> &str {
    let plain = !ACTIVE_TYPES.contains(&media_type)
        && !media_type.is_empty()
        && media_type.len() <= 100
        && media_type
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/.+-".contains(c))
        && media_type.matches('/').count() == 1;
    if plain {
        media_type
    } else {
        "application/octet-stream"
    }
}

pub(crate) fn page(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: &[EvidenceFile<'_>],
    embed_all_files: bool,
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
) -> SinglePage {
    let mut embedded = Vec::new();
    let mut left_out = Vec::new();
    let mut views: Vec<(&EvidenceItem, FileView)> = Vec::new();
    for file in evidence {
        let image = is_displayable_image(file.media_type);
        let label = evidence_label(file.item);
        if !image && !embed_all_files {
            left_out.push(Embedded {
                label,
                bytes: file.bytes.len() as u64,
            });
            views.push((file.item, FileView::default()));
            continue;
        }
        let url = format!(
            "data:{};base64,{}",
            data_media_type(file.media_type),
            base64::engine::general_purpose::STANDARD.encode(&file.bytes)
        );
        embedded.push(Embedded {
            label,
            bytes: url.len() as u64,
        });
        // An image is shown, not offered again as a download: once is enough weight.
        let view = if image {
            FileView {
                image_src: Some(url),
                ..FileView::default()
            }
        } else {
            let download = match &file.item.source {
                EvidenceSource::File { original_name, .. } => Some(original_name.clone()),
                _ => None,
            };
            FileView {
                href: Some(url),
                download,
                image_src: None,
            }
        };
        views.push((file.item, view));
    }
    let view_of = |item: &EvidenceItem| {
        views
            .iter()
            .find(|(i, _)| std::ptr::eq(*i, item))
            .map(|(_, view)| view.clone())
            .unwrap_or_default()
    };
    let note = match (left_out.is_empty(), embedded.is_empty()) {
        (true, true) => "",
        (true, false) => {
            "Attached files are inside this page: images are shown, other files can be saved from their links."
        }
        (false, true) => {
            "Attached files are not inside this single page; they are in the web bundle of this portfolio."
        }
        (false, false) => {
            "Images are shown in this page; other attached files are in the web bundle of this portfolio."
        }
    };
    let html = html::document(
        framework,
        portfolio,
        now,
        Styles::Inline,
        &view_of,
        note,
        revisions,
    );
    SinglePage {
        html,
        embedded,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_downloads_never_carry_a_type_that_runs_script() {
        assert_eq!(data_media_type("application/pdf"), "application/pdf");
        assert_eq!(data_media_type("text/html"), "application/octet-stream");
        assert_eq!(data_media_type("image/svg+xml"), "application/octet-stream");
        assert_eq!(
            data_media_type("text/plain;base64,PHNjcmlwdD4="),
            "application/octet-stream",
            "a type cannot smuggle its own parameters into the URL"
        );
    }
}
