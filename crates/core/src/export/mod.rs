//! Exporting a portfolio for the assessors: a web bundle (a folder, or the same as a `.zip`),
//! one self-contained web page, a Word document (`word`) or a PDF (written by a `PdfWriter`),
//! each with a size report against the 10 MB limit, and opening such a bundle again as a
//! portfolio folder (`reopen`).

pub mod bundle;
pub mod html;
mod photos;
pub mod reopen;
pub mod revisions;
pub mod single;
pub mod sizes;
mod word;
mod word_package;

use crate::framework::Framework;
use crate::model::Portfolio;
use crate::store::atomic::describe_io_error_for;
use revisions::RevisionSummary;
use serde::{Deserialize, Serialize};
use sizes::SizeReport;
use std::io;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// How the portfolio is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A folder: `index.html`, `portfolio.css`, `portfolio.json` and `evidence/`.
    Folder,
    /// The same files as one `.zip`, the form the scheme's submission page asks for.
    Zip,
    /// One `.html` file with its styles and images inside it.
    SingleHtml,
    /// One A4 `.pdf` with the same content, its images inside it.
    Pdf,
    /// One Word document (`.docx`) with its pictures inside it, for those who want Word.
    Docx,
}

impl ExportFormat {
    /// What the format is called in messages.
    pub fn describe(self) -> &'static str {
        match self {
            ExportFormat::Folder => "a web folder",
            ExportFormat::Zip => "a zip file",
            ExportFormat::SingleHtml => "a single web page",
            ExportFormat::Pdf => "a PDF document",
            ExportFormat::Docx => "a Word document",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// Single page only: embed every attached file as a download, not only the images.
    #[serde(default)]
    pub embed_all_files: bool,
    /// Replace an earlier export at the target; without it an existing target is refused.
    #[serde(default)]
    pub replace: bool,
}

impl ExportOptions {
    pub fn new(format: ExportFormat) -> ExportOptions {
        ExportOptions {
            format,
            embed_all_files: false,
            replace: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target is there already and the caller did not ask to replace it.
    #[error(
        "{0} already exists. Nothing was changed. Choose another name, or ask to replace the earlier export."
    )]
    TargetExists(PathBuf),
    /// Asked to replace a target that does not look like an earlier export, so it might be
    /// someone's own folder or file: it is never deleted.
    #[error(
        "{0} is not an earlier export of a portfolio, so it was not replaced. Nothing was changed. Choose another name."
    )]
    NotAnExport(PathBuf),
    /// An attached file is no longer in the portfolio's `evidence/` folder.
    #[error(
        "The file of evidence item {id} (\"{name}\") is missing from the portfolio's evidence folder. Nothing was exported. Attach the file again, then export."
    )]
    EvidenceFileMissing { id: String, name: String },
    /// An attached file's content is not what was attached (edited or damaged since).
    #[error(
        "The file of evidence item {id} (\"{name}\") has changed since it was attached. Nothing was exported. Replace the item's file with the version you mean, then export."
    )]
    EvidenceFileChanged { id: String, name: String },
    /// `portfolio.json` names an evidence file with a path in it, which a saved portfolio
    /// never does: it was edited by hand.
    #[error(
        "Evidence item {id} names its file in a way the app never does (\"{name}\"). Nothing was exported. Attach the file again."
    )]
    UnsafeStoredName { id: String, name: String },
    /// A photo whose personal details could not be taken out (one too large to turn
    /// upright, say): it is not exported with them.
    #[error(
        "The photo of evidence item {id} could not be exported without its personal details ({reason}). Nothing was exported. Attach a smaller copy of it, then export."
    )]
    PhotoNotCleaned { id: String, reason: String },
    /// The PDF writer could not make the document (the fonts it needs are missing, say);
    /// its message says why and what to do.
    #[error("{0}")]
    PdfNotMade(String),
    /// Asked for a PDF with no PDF writer given (see `PdfWriter`).
    #[error(
        "This copy of the app cannot make a PDF: the cmalt-portfolio command, which makes them, is not installed beside it. Nothing was exported. Install the app again, or export a web page and print it from your browser."
    )]
    NoPdfWriter,
    /// The disk refused a read or a write.
    #[error("Could not {action} {path}: {}. Nothing was exported.", describe_io_error_for(.action, .source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

pub type Result<T> = std::result::Result<T, ExportError>;

pub(crate) fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> ExportError {
    let path = path.to_path_buf();
    move |source| ExportError::Io {
        action,
        path,
        source,
    }
}

/// What goes into an export beyond the portfolio itself.
#[derive(Clone, Default)]
pub struct ExportExtras {
    /// A re-submission's summary of what changed since the assessed version.
    pub revisions: Option<RevisionSummary>,
    /// What writes a PDF: the typesetter lives in its own crate (cmalt-pdf), used by the
    /// command line, so the window's binary carries none of it.
    pub pdf: Option<std::sync::Arc<dyn PdfWriter>>,
}

impl std::fmt::Debug for ExportExtras {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportExtras")
            .field("revisions", &self.revisions)
            .field("pdf", &self.pdf.is_some())
            .finish()
    }
}

/// What a document writer is given: the portfolio as the export describes it (photos without
/// their personal details), its evidence files as exported, and the revisions summary.
pub struct DocumentInput<'a> {
    pub framework: &'a Framework,
    pub portfolio: &'a Portfolio,
    pub evidence: &'a [bundle::EvidenceFile<'a>],
    pub revisions: Option<&'a RevisionSummary>,
    pub now: OffsetDateTime,
}

/// A written document, and the images inside it by the size report's label and size.
pub struct WrittenDocument {
    pub bytes: Vec<u8>,
    pub images: Vec<(String, u64)>,
}

/// Writes the portfolio as a PDF. The error is a sentence for the candidate, ending with
/// "Nothing was exported."
pub trait PdfWriter: Send + Sync {
    fn write(&self, input: &DocumentInput<'_>) -> std::result::Result<WrittenDocument, String>;
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportOutcome {
    pub path: PathBuf,
    pub format: ExportFormat,
    pub sizes: SizeReport,
}

/// The export, built in memory: the bytes to write and what they are made of.
enum Built {
    Files(Vec<bundle::BundleFile>),
    Zip(Vec<u8>),
    Page(Vec<u8>),
}

/// When the evidence's content is checked against what was attached.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// Before anything is built: the estimate, the zip and the single page.
    First,
    /// By the caller, while it writes the folder: hashing 30 MB then overlaps the disk's work.
    WhileWriting,
}

/// The built export, the size report, and the portfolio as the export describes it (its
/// photos without their personal details, see `photos`).
type BuiltExport<'p> = (Built, SizeReport, std::borrow::Cow<'p, Portfolio>);

fn build<'p>(
    framework: &Framework,
    portfolio_folder: &Path,
    portfolio: &'p Portfolio,
    options: ExportOptions,
    extras: &ExportExtras,
    now: OffsetDateTime,
    check: Check,
) -> Result<BuiltExport<'p>> {
    let evidence = bundle::read_evidence(portfolio_folder, portfolio)?;
    let checked_while_writing =
        check == Check::WhileWriting && options.format == ExportFormat::Folder;
    if !checked_while_writing {
        bundle::check_unchanged(&evidence)?;
    }
    let photos::Described {
        portfolio: described,
        contents,
    } = photos::without_personal_details(portfolio, evidence, checked_while_writing)?;
    let evidence = photos::files_of(&described, contents);
    let revisions = extras.revisions.as_ref();
    let limit = framework.submission_limit_bytes;
    let (built, report) = match options.format {
        ExportFormat::Folder => {
            let files = bundle::web_bundle(framework, &described, evidence, revisions, now);
            let report = sizes::of_files(ExportFormat::Folder, &files, limit);
            (Built::Files(files), report)
        }
        ExportFormat::Zip => {
            let files = bundle::web_bundle(framework, &described, evidence, revisions, now);
            let zip = bundle::zip_bytes(&files, now);
            let report = sizes::of_zip(&zip, &files, limit);
            (Built::Zip(zip), report)
        }
        ExportFormat::SingleHtml => {
            let page = single::page(
                framework,
                &described,
                &evidence,
                options.embed_all_files,
                revisions,
                now,
            );
            let report = sizes::of_page(&page, limit);
            (Built::Page(page.html.into_bytes()), report)
        }
        ExportFormat::Pdf => {
            let writer = extras.pdf.as_ref().ok_or(ExportError::NoPdfWriter)?;
            let document = writer
                .write(&DocumentInput {
                    framework,
                    portfolio: &described,
                    evidence: &evidence,
                    revisions,
                    now,
                })
                .map_err(ExportError::PdfNotMade)?;
            let report = sizes::of_document(
                ExportFormat::Pdf,
                document.bytes.len() as u64,
                &document.images,
                limit,
            );
            (Built::Page(document.bytes), report)
        }
        ExportFormat::Docx => {
            let document = word::document(framework, &described, &evidence, revisions, now);
            let pictures: Vec<(String, u64)> = document
                .embedded
                .iter()
                .map(|picture| (picture.label.clone(), picture.bytes))
                .collect();
            let report = sizes::of_document(
                ExportFormat::Docx,
                document.bytes.len() as u64,
                &pictures,
                limit,
            );
            (Built::Page(document.bytes), report)
        }
    };
    Ok((built, report, described))
}

/// Exports `portfolio` (kept in `portfolio_folder`) to `out`. The target appears complete
/// or not at all; an existing one is refused unless `options.replace` is set, and even then
/// only an earlier export is replaced.
pub fn export(
    framework: &Framework,
    portfolio_folder: &Path,
    portfolio: &Portfolio,
    out: &Path,
    options: ExportOptions,
    now: OffsetDateTime,
) -> Result<ExportOutcome> {
    let extras = ExportExtras::default();
    export_with(
        framework,
        portfolio_folder,
        portfolio,
        out,
        options,
        &extras,
        now,
    )
}

/// `export`, with the extras a re-submission adds.
pub fn export_with(
    framework: &Framework,
    portfolio_folder: &Path,
    portfolio: &Portfolio,
    out: &Path,
    options: ExportOptions,
    extras: &ExportExtras,
    now: OffsetDateTime,
) -> Result<ExportOutcome> {
    // A bare name ("portfolio.zip") has an empty parent, which no folder call accepts.
    let target = match out.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(out),
        _ => out.to_path_buf(),
    };
    bundle::check_target(&target, options)?;
    let (built, sizes, described) = build(
        framework,
        portfolio_folder,
        portfolio,
        options,
        extras,
        now,
        Check::WhileWriting,
    )?;
    match built {
        Built::Files(files) => bundle::write_folder(&target, &files, options.replace, || {
            bundle::check_unchanged_in(&described, &files)
        })?,
        Built::Zip(bytes) | Built::Page(bytes) => {
            bundle::write_file(&target, &bytes, options.replace)?
        }
    }
    Ok(ExportOutcome {
        path: out.to_path_buf(),
        format: options.format,
        sizes,
    })
}

/// The size report `export` would give, computed the same way but writing nothing, for the
/// window to show before the candidate exports.
pub fn estimate(
    framework: &Framework,
    portfolio_folder: &Path,
    portfolio: &Portfolio,
    options: ExportOptions,
    extras: &ExportExtras,
    now: OffsetDateTime,
) -> Result<SizeReport> {
    build(
        framework,
        portfolio_folder,
        portfolio,
        options,
        extras,
        now,
        Check::First,
    )
    .map(|(_, sizes, _)| sizes)
}
