//! A PDF from the window: the typesetter (crate cmalt-pdf) is linked into the command line
//! only, so the window's binary stays small; the window runs `cmalt-portfolio export --format
//! pdf --json` beside it (`command_line`) on the saved portfolio, and reads its outcome, its
//! size report or its refusal.

use crate::command_line;
use crate::error::{CommandError, CommandResult, ErrorCode};
use cmalt_core::export::ExportOutcome;
use cmalt_core::export::sizes::SizeReport;
use serde::de::DeserializeOwned;
use std::path::Path;

/// What the command line prints for a refusal with `--json`.
#[derive(serde::Deserialize)]
struct Refusal {
    error: String,
    target_exists: bool,
}

/// Runs `export <folder> --format pdf --json` with `more`, and reads what it printed.
fn run<T: DeserializeOwned>(folder: &Path, more: &[&std::ffi::OsStr]) -> CommandResult<T> {
    let mut args: Vec<&std::ffi::OsStr> = vec!["export".as_ref(), folder.as_os_str()];
    args.extend(["--format", "pdf", "--json"].map(std::ffi::OsStr::new));
    args.extend(more);
    let output = command_line::run(
        &args,
        "This copy of the app cannot make a PDF: the cmalt-portfolio command, which makes them, is not installed beside it. Nothing was exported. Install the app again, or export a web page and print it from your browser.",
        |error| {
            format!(
                "The PDF could not be made: the cmalt-portfolio command did not start ({error}). Nothing was exported."
            )
        },
    )?;
    if output.status.success() {
        return serde_json::from_slice(&output.stdout).map_err(|error| {
            CommandError::new(
                ErrorCode::Refused,
                format!("The PDF could not be made: the cmalt-portfolio command answered in a way this app does not understand ({error}). Install the app again."),
            )
        });
    }
    if let Ok(refusal) = serde_json::from_slice::<Refusal>(&output.stdout) {
        let code = if refusal.target_exists {
            ErrorCode::Exists
        } else {
            ErrorCode::Refused
        };
        return Err(CommandError::new(code, refusal.error));
    }
    let said = command_line::said(&output);
    Err(CommandError::new(
        ErrorCode::Refused,
        if said.is_empty() {
            "The PDF could not be made. Nothing was exported.".to_string()
        } else {
            said
        },
    ))
}

fn revisions_args(revisions_since: Option<&str>) -> Vec<&std::ffi::OsStr> {
    match revisions_since {
        Some(since) => vec!["--revisions-since".as_ref(), since.as_ref()],
        None => Vec::new(),
    }
}

/// The PDF's size report, writing nothing.
pub fn estimate(folder: &Path, revisions_since: Option<&str>) -> CommandResult<SizeReport> {
    let mut args = vec!["--estimate".as_ref()];
    args.extend(revisions_args(revisions_since));
    run(folder, &args)
}

/// Writes the PDF of the portfolio saved in `folder` to `target`.
pub fn export(
    folder: &Path,
    target: &Path,
    replace: bool,
    revisions_since: Option<&str>,
) -> CommandResult<ExportOutcome> {
    let mut args = vec!["--out".as_ref(), target.as_os_str()];
    if replace {
        args.push("--replace".as_ref());
    }
    args.extend(revisions_args(revisions_since));
    run(folder, &args)
}
