//! Writing a mapped draft as a new portfolio: the folder is created only where none is
//! (the store refuses otherwise, changing nothing), each file the draft names is attached
//! under the 1 MB rule through `evidence_files`, and the text no section took is saved as
//! `not-placed.md` beside `portfolio.json`.

use super::report::{EvidenceTally, ImportReport, MissingFile, RefusedItem, SectionReport};
use super::{DraftImport, NOT_PLACED_FILE, PathwayChoice, PlannedSource, Result};
use crate::evidence::files::{self as evidence_files, AttachError, StoredFile};
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::framework::{Framework, Requirement};
use crate::markdown::count_markdown_words;
use crate::model::Portfolio;
use crate::staging::StagedFolder;
use crate::store::{PortfolioFolder, StoreError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// Why a named file was not attached.
enum NotAttached {
    Missing(String),
    Refused(String),
}

#[derive(Default)]
struct Attaching {
    tally: EvidenceTally,
    refused: Vec<RefusedItem>,
    missing: Vec<MissingFile>,
    notes: Vec<String>,
    /// The item already holding each content, so a file named twice is stored once.
    by_content: HashMap<String, String>,
}

impl DraftImport {
    /// The portfolio as planned, before any file is attached: named files stand as missing
    /// until they are found.
    pub fn planned_portfolio(&self, now: OffsetDateTime) -> Portfolio {
        let mut portfolio = Portfolio::new(&self.title, &self.candidate.name, self.pathway, now);
        portfolio.candidate = self.candidate.clone();
        for section in &self.sections {
            let entry = portfolio.section_mut(&section.id);
            entry.topic.clone_from(&section.topic);
            entry.description.clone_from(&section.description);
            entry.reflection.clone_from(&section.reflection);
            entry.references.clone_from(&section.references);
            entry.citations.clone_from(&section.citations);
        }
        portfolio.confirmation = self.confirmation.clone();
        portfolio.assessor = self.assessor.clone();
        let added_at = portfolio.created_at;
        portfolio.evidence = self
            .evidence
            .iter()
            .map(|item| EvidenceItem {
                id: item.id(),
                number: item.number,
                details: item.details.clone(),
                source: match &item.source {
                    PlannedSource::File(written) => EvidenceSource::MissingFile {
                        original_name: written.clone(),
                    },
                    PlannedSource::Embedded(index) => EvidenceSource::MissingFile {
                        original_name: self
                            .images
                            .get(*index)
                            .map(|image| image.name.clone())
                            .unwrap_or_default(),
                    },
                    PlannedSource::Link(url) => EvidenceSource::Link { url: url.clone() },
                    PlannedSource::BadLink(_) => EvidenceSource::Link { url: String::new() },
                    PlannedSource::Nothing => EvidenceSource::MissingFile {
                        original_name: item.details.title.clone(),
                    },
                },
                added_at,
            })
            .collect();
        portfolio.next_evidence_number =
            self.evidence.iter().map(|i| i.number).max().unwrap_or(0) + 1;
        portfolio
    }

    /// Creates the portfolio in `folder` (which must be new or empty) and attaches the
    /// draft's files and images. Refused and missing files are listed in the report, and
    /// their items kept so the candidate can attach them later.
    ///
    /// All or nothing: the portfolio is made whole in a hidden folder beside `folder` and
    /// renamed into place last, so a full disk, an error or a kill leaves either no
    /// portfolio at `folder` or a complete one (and the next import tidies what a killed
    /// one left).
    pub fn write_new_portfolio(
        &self,
        framework: &Framework,
        folder: &Path,
        now: OffsetDateTime,
    ) -> Result<ImportReport> {
        crate::store::check_new_target(folder)?;
        let staged = StagedFolder::beside(folder, "import").map_err(store_io("create", folder))?;
        let mut report = self.write_into(framework, staged.path(), now)?;
        // Someone may have made the folder meanwhile: theirs stays.
        crate::store::check_new_target(folder)?;
        staged.publish().map_err(store_io("create", folder))?;
        report.portfolio_folder = folder.to_string_lossy().into_owned();
        report.not_placed_file = report
            .not_placed_file
            .map(|_| folder.join(NOT_PLACED_FILE).to_string_lossy().into_owned());
        Ok(report)
    }

    fn write_into(
        &self,
        framework: &Framework,
        folder: &Path,
        now: OffsetDateTime,
    ) -> Result<ImportReport> {
        let mut portfolio = self.planned_portfolio(now);
        let opened = PortfolioFolder::create(folder, &portfolio)?;
        let mut attaching = Attaching::default();
        for (planned, item) in self.evidence.iter().zip(portfolio.evidence.iter_mut()) {
            let cited_in = cited_in(self, &item.id);
            let attached = match &planned.source {
                PlannedSource::File(written) => {
                    Some(self.attach_named_file(framework, opened.path(), written))
                }
                PlannedSource::Embedded(index) => {
                    Some(self.attach_image(framework, opened.path(), *index, &cited_in))
                }
                PlannedSource::Link(_) => {
                    attaching.tally.links += 1;
                    None
                }
                PlannedSource::BadLink(url) => {
                    attaching.refused.push(RefusedItem {
                        evidence_id: item.id.clone(),
                        name: url.clone(),
                        reason: format!("“{url}” is not a web address starting with https://."),
                    });
                    None
                }
                PlannedSource::Nothing => {
                    attaching.missing.push(MissingFile {
                        evidence_id: item.id.clone(),
                        name: item.details.title.clone(),
                        sections: cited_in.clone(),
                        reason: "the draft names no file or link for it".into(),
                    });
                    None
                }
            };
            match attached {
                None => {}
                Some(Ok(stored)) => {
                    if let Some(first) = attaching.by_content.get(&stored.sha256) {
                        attaching.notes.push(format!(
                            "{} has the same content as {first}; both are kept, so check whether you meant two items.",
                            item.id
                        ));
                    }
                    attaching
                        .by_content
                        .entry(stored.sha256.clone())
                        .or_insert_with(|| item.id.clone());
                    if matches!(planned.source, PlannedSource::Embedded(_)) {
                        attaching.tally.images_attached += 1;
                    } else {
                        attaching.tally.files_attached += 1;
                    }
                    item.source = EvidenceSource::File {
                        original_name: stored.original_name,
                        stored_name: stored.stored_name,
                        bytes: stored.bytes,
                        sha256: stored.sha256,
                        media_type: stored.media_type,
                    };
                }
                Some(Err(NotAttached::Missing(reason))) => attaching.missing.push(MissingFile {
                    evidence_id: item.id.clone(),
                    name: match &item.source {
                        EvidenceSource::MissingFile { original_name } => original_name.clone(),
                        _ => String::new(),
                    },
                    sections: cited_in,
                    reason,
                }),
                Some(Err(NotAttached::Refused(reason))) => {
                    let name = match &item.source {
                        EvidenceSource::MissingFile { original_name } => original_name.clone(),
                        _ => String::new(),
                    };
                    attaching.refused.push(RefusedItem {
                        evidence_id: item.id.clone(),
                        name,
                        reason,
                    })
                }
            }
        }
        let mut notes = self.notes.clone();
        notes.append(&mut attaching.notes);
        let not_placed_file = if self.not_placed.is_empty() {
            None
        } else {
            let path = opened.path().join(NOT_PLACED_FILE);
            match crate::store::atomic::write_atomically(
                &path,
                self.not_placed_markdown().as_bytes(),
            ) {
                Ok(()) => Some(path.to_string_lossy().into_owned()),
                Err(error) => {
                    notes.push(format!(
                        "{NOT_PLACED_FILE} could not be saved ({}); the text not placed is listed in this report only.",
                        crate::store::atomic::describe_io_error(&error)
                    ));
                    None
                }
            }
        };
        opened.save(&portfolio)?;
        attaching.tally.items = portfolio.evidence.len();
        attaching.tally.missing = attaching.missing.len();
        attaching.tally.refused = attaching.refused.len();
        Ok(ImportReport {
            source: self.source_name.clone(),
            kind: self.kind,
            portfolio_folder: folder.to_string_lossy().into_owned(),
            title: portfolio.title.clone(),
            candidate: portfolio.candidate.name.clone(),
            pathway: self.pathway,
            pathway_inferred: self.pathway_choice == PathwayChoice::Inferred,
            pathway_choice: self.pathway_choice,
            pathway_reason: self.pathway_reason.clone(),
            headings_recognised: self.headings_recognised,
            nothing_recognised: self.headings_recognised == 0,
            sections: self.section_reports(framework),
            missing_required: self.missing_required(framework),
            evidence: attaching.tally,
            not_placed: self.not_placed.clone(),
            not_placed_file,
            refused: attaching.refused,
            missing_files: attaching.missing,
            notes,
        })
    }

    /// Finds a file the draft names, next to the draft, and checks and stores it.
    fn attach_named_file(
        &self,
        framework: &Framework,
        portfolio_folder: &Path,
        written: &str,
    ) -> std::result::Result<StoredFile, NotAttached> {
        let Some(source_folder) = &self.source_folder else {
            return Err(NotAttached::Missing(
                "the draft's folder is not known, so its files cannot be looked for".into(),
            ));
        };
        let path = resolve_in(source_folder, written)?;
        let limit = framework.evidence_file_limit_bytes;
        let (name, bytes) = evidence_files::read_checked(&path, limit).map_err(not_attached)?;
        evidence_files::store_bytes(portfolio_folder, &name, &bytes).map_err(not_attached)
    }

    /// Stores an image embedded in the Word document, under the same 1 MB rule.
    fn attach_image(
        &self,
        framework: &Framework,
        portfolio_folder: &Path,
        index: usize,
        cited_in: &[String],
    ) -> std::result::Result<StoredFile, NotAttached> {
        let image = self
            .images
            .get(index)
            .ok_or_else(|| NotAttached::Missing("the image is not in the document".into()))?;
        let extension = image.name.rsplit_once('.').map_or("png", |(_, ext)| ext);
        let place = cited_in.first().map_or("draft", String::as_str);
        let name = format!("{place}-image-{}.{extension}", index + 1);
        let limit = framework.evidence_file_limit_bytes;
        if image.bytes.len() as u64 > limit {
            return Err(not_attached(AttachError::TooLarge {
                name,
                bytes: image.bytes.len() as u64,
                limit,
                can_make_smaller: crate::evidence::shrink::can_make_smaller(&image.bytes),
            }));
        }
        if image.bytes.is_empty() {
            return Err(not_attached(AttachError::Empty(name)));
        }
        evidence_files::store_bytes(portfolio_folder, &name, &image.bytes).map_err(not_attached)
    }

    /// The text no section took, as a Markdown note the candidate can open.
    pub fn not_placed_markdown(&self) -> String {
        let mut out = format!(
            "# Not placed\n\nThese parts of {} fit no section of the portfolio. Nothing was dropped: copy what you need into its section, then delete this file.\n",
            self.source_name
        );
        for block in &self.not_placed {
            out.push_str(&format!(
                "\n---\n\n*Line {}, {}:*\n\n",
                block.line, block.reason
            ));
            if let Some(heading) = &block.heading {
                out.push_str(heading.trim_start_matches('#').trim());
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
            out.push('\n');
        }
        out
    }

    fn section_reports(&self, framework: &Framework) -> Vec<SectionReport> {
        self.sections
            .iter()
            .map(|section| {
                let description_words = count_markdown_words(&section.description);
                let reflection_words = count_markdown_words(&section.reflection);
                SectionReport {
                    id: section.id.clone(),
                    title: framework
                        .section(&section.id)
                        .map(|info| info.title())
                        .unwrap_or_default(),
                    heading: section.heading.clone(),
                    line: section.line,
                    in_pathway: super::plan::in_pathway(framework, &section.id, self.pathway),
                    topic: section.topic.clone(),
                    description_words,
                    reflection_words,
                    words_placed: description_words
                        + reflection_words
                        + count_markdown_words(&section.topic)
                        + count_markdown_words(&section.references)
                        + section.field_words,
                    references: reference_count(&section.references),
                    evidence_count: section.citations.len(),
                    evidence_ids: section
                        .citations
                        .iter()
                        .map(|c| c.evidence_id.clone())
                        .collect(),
                }
            })
            .collect()
    }

    fn missing_required(&self, framework: &Framework) -> Vec<String> {
        framework
            .sections_of(self.pathway)
            .filter(|s| s.requirement(self.pathway) == Some(Requirement::Required))
            .filter(|s| !self.sections.iter().any(|ours| ours.id == s.id))
            .map(|s| s.id.clone())
            .collect()
    }
}

fn store_io(
    action: &'static str,
    path: &Path,
) -> impl FnOnce(std::io::Error) -> super::ImportError + use<> {
    let path = path.to_path_buf();
    move |source| {
        StoreError::Io {
            action,
            path,
            source,
        }
        .into()
    }
}

fn cited_in(draft: &DraftImport, evidence_id: &str) -> Vec<String> {
    draft
        .sections
        .iter()
        .filter(|s| s.citations.iter().any(|c| c.evidence_id == evidence_id))
        .map(|s| s.id.clone())
        .collect()
}

fn not_attached(error: AttachError) -> NotAttached {
    match error {
        AttachError::NotFound(name) => {
            NotAttached::Missing(format!("“{name}” was not found next to the draft"))
        }
        other => NotAttached::Refused(other.to_string()),
    }
}

/// The works a reference list names: one per list item, or per paragraph line.
fn reference_count(references: &str) -> usize {
    references
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter(|line| !line.starts_with([' ', '\t']))
        .count()
}

/// A path from the root of a website (`/images/x.png#poster`) that is no file on this
/// computer, without its `#part` or `?query`.
pub(super) fn site_relative(path: &str) -> Option<&str> {
    let on_site = path.split(['#', '?']).next().unwrap_or(path);
    (crate::evidence::is_website_path(path) && !Path::new(path).exists()).then_some(on_site)
}

/// The file a draft names, looked for inside the draft's folder only: a draft someone else
/// wrote must not be able to pull in, say, a private key from elsewhere on the computer.
fn resolve_in(source_folder: &Path, written: &str) -> std::result::Result<PathBuf, NotAttached> {
    let written = written.trim().trim_start_matches("file://");
    let decoded = written.replace("%20", " ");
    let relative: PathBuf = decoded
        .split(['/', '\\'])
        .filter(|part| !part.is_empty())
        .collect();
    let candidate = if let Some(on_site) = site_relative(&decoded) {
        // "/images/poster.png#poster" from a web portfolio: a copy of the site saved beside
        // the draft has it under the draft's folder; otherwise it is only on the website.
        let beside: PathBuf = on_site.split('/').filter(|part| !part.is_empty()).collect();
        let beside = source_folder.join(beside);
        if !beside.is_file() {
            return Err(NotAttached::Missing(format!(
                "“{written}” is on your website, not next to the draft: add its full address (https://…) or attach the file"
            )));
        }
        beside
    } else if Path::new(&decoded).is_absolute() {
        PathBuf::from(&decoded)
    } else {
        source_folder.join(&relative)
    };
    let Ok(real) = candidate.canonicalize() else {
        return Err(NotAttached::Missing(format!(
            "“{written}” was not found next to the draft"
        )));
    };
    // Both sides resolved: an unresolved folder (or an empty one, which every path starts
    // with) would let any file through.
    let Ok(folder) = source_folder.canonicalize() else {
        return Err(NotAttached::Missing(
            "the draft's folder could not be found, so its files cannot be looked for".into(),
        ));
    };
    if !real.starts_with(&folder) {
        return Err(NotAttached::Refused(format!(
            "“{written}” is outside the draft's folder, so it was not attached. Attach it from the evidence library if you meant it."
        )));
    }
    Ok(candidate)
}
