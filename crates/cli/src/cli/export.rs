//! `cmalt-portfolio export`: writes the portfolio as a web folder, a zip, a single web page or
//! a PDF or a Word document for the assessors, and prints where it went and its size against the 10 MB limit. It reads
//! `portfolio.json` without taking the folder's lock, so it can run while the app is open.

use super::terminal;
use cmalt_core::evidence::files::megabytes;
use cmalt_core::export::revisions::RevisionSummary;
use cmalt_core::export::sizes::SizeReport;
use cmalt_core::export::{self, ExportExtras, ExportFormat, ExportOptions};
use cmalt_core::framework::Framework;
use cmalt_core::store;
use std::fmt::Write as _;
use std::path::Path;

/// The `--format` values, in the command line's words.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormatArg {
    Html,
    Zip,
    SingleHtml,
    /// An A4 PDF, made without a browser.
    Pdf,
    Docx,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Html => ExportFormat::Folder,
            ExportFormatArg::Zip => ExportFormat::Zip,
            ExportFormatArg::SingleHtml => ExportFormat::SingleHtml,
            ExportFormatArg::Pdf => ExportFormat::Pdf,
            ExportFormatArg::Docx => ExportFormat::Docx,
        }
    }
}

pub struct ExportArgs<'a> {
    pub portfolio_dir: &'a Path,
    pub format: ExportFormat,
    /// `None`: only the size is worked out (`--estimate`).
    pub out: Option<&'a Path>,
    pub embed_files: bool,
    pub replace: bool,
    pub revisions_since: Option<&'a str>,
    pub json: bool,
}

/// A refusal in `--json`: the message, and whether it is only that the target is there
/// already (the window then offers to replace an earlier export).
#[derive(serde::Serialize)]
struct Refusal {
    error: String,
    target_exists: bool,
}

fn refuse(json: bool, error: &export::ExportError) -> i32 {
    if json {
        terminal::print_json(&Refusal {
            error: error.to_string(),
            target_exists: matches!(error, export::ExportError::TargetExists(_)),
        });
    } else {
        terminal::fail(error);
    }
    1
}

/// Exit 0 when written, 1 when the export was refused, 2 when the portfolio cannot be read.
pub fn run(framework: &Framework, args: ExportArgs<'_>) -> i32 {
    let portfolio = match store::read_only(args.portfolio_dir) {
        Ok(portfolio) => portfolio,
        Err(error) => {
            terminal::fail(&error);
            return 2;
        }
    };
    let options = ExportOptions {
        format: args.format,
        embed_all_files: args.embed_files,
        replace: args.replace,
    };
    let mut extras = cmalt_pdf::with_pdf_writer(ExportExtras::default());
    if let Some(since) = args.revisions_since {
        match RevisionSummary::since(framework, args.portfolio_dir, &portfolio, since) {
            Ok(summary) => extras.revisions = Some(summary),
            Err(error) => {
                terminal::fail(&error);
                return 1;
            }
        }
    }
    let now = time::OffsetDateTime::now_utc();
    let Some(out) = args.out else {
        return match export::estimate(
            framework,
            args.portfolio_dir,
            &portfolio,
            options,
            &extras,
            now,
        ) {
            Ok(sizes) if args.json => {
                terminal::print_json(&sizes);
                0
            }
            Ok(sizes) => {
                terminal::print(&describe_sizes(&sizes));
                0
            }
            Err(error) => refuse(args.json, &error),
        };
    };
    match export::export_with(
        framework,
        args.portfolio_dir,
        &portfolio,
        out,
        options,
        &extras,
        now,
    ) {
        Ok(outcome) if args.json => {
            terminal::print_json(&outcome);
            0
        }
        Ok(outcome) => {
            let mut text = format!(
                "Exported \"{}\" as {} to {}\n",
                portfolio.display_title(),
                outcome.format.describe(),
                outcome.path.display()
            );
            text.push_str(&describe_sizes(&outcome.sizes));
            terminal::print(&text);
            0
        }
        Err(error) => refuse(args.json, &error),
    }
}

/// The size against the limit, what to do when over it, and the largest parts.
fn describe_sizes(sizes: &SizeReport) -> String {
    let mut out = String::new();
    let what = match sizes.format {
        ExportFormat::Folder => "Size (all files together)",
        _ => "Size",
    };
    let _ = writeln!(out, "{what}: {}.", sizes.summary());
    if !sizes.within_limit {
        let _ = writeln!(
            out,
            "The scheme accepts one file or one zip of at most {}: link bulky evidence from a stable web address instead of attaching it.",
            megabytes(sizes.limit_bytes)
        );
    }
    if !sizes.largest.is_empty() {
        let _ = writeln!(out, "Largest parts:");
        for item in &sizes.largest {
            let _ = writeln!(out, "  {:>9}  {}", megabytes(item.bytes), item.name);
        }
    }
    if !sizes.left_out.is_empty() {
        let _ = writeln!(
            out,
            "Listed but not inside the page (use --embed-files, or send the web bundle):"
        );
        for item in &sizes.left_out {
            let _ = writeln!(out, "  {:>9}  {}", megabytes(item.bytes), item.name);
        }
    }
    out
}
