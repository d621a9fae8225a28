//! *Check links online* from the window. The window's binary has no HTTP client and loads
//! no TLS library: the links are tried by the command line (crate cmalt-links), which the
//! window runs beside it (`command_line`) as `cmalt-portfolio check <folder>
//! --only-links-online --json` on the saved portfolio: it reports what trying the links finds
//! and nothing else, so the window's own "Before you share" findings are not listed twice
//! and the evidence files are not read again.

use crate::command_line;
use crate::error::{CommandError, CommandResult, ErrorCode};
use cmalt_core::checklist::Problem;
use std::path::Path;

/// The part of `check --json` read here.
#[derive(serde::Deserialize)]
struct Report {
    before_sharing: Vec<Problem>,
}

/// Exit codes of `cmalt-portfolio check` that come with a report: no errors, and errors in
/// the checklist (a draft has them; the links were still tried).
const WITH_A_REPORT: [i32; 2] = [0, 1];

/// Tries the web links of the portfolio saved in `folder`: the ones that do not work.
pub fn check(folder: &Path) -> CommandResult<Vec<Problem>> {
    let output = command_line::run(
        &[
            "check".as_ref(),
            folder.as_os_str(),
            "--only-links-online".as_ref(),
            "--json".as_ref(),
        ],
        "This copy of the app cannot try links online: the cmalt-portfolio command, which tries them, is not installed beside it. Install the app again.",
        |error| {
            format!(
                "The links could not be tried: the cmalt-portfolio command did not start ({error})."
            )
        },
    )?;
    if !output
        .status
        .code()
        .is_some_and(|code| WITH_A_REPORT.contains(&code))
    {
        let said = command_line::said(&output);
        return Err(CommandError::new(
            ErrorCode::Refused,
            if said.is_empty() {
                "The links could not be tried.".to_string()
            } else {
                said
            },
        ));
    }
    let report: Report = serde_json::from_slice(&output.stdout).map_err(|error| {
        CommandError::new(
            ErrorCode::Refused,
            format!("The links could not be tried: the cmalt-portfolio command answered in a way this app does not understand ({error}). Install the app again."),
        )
    })?;
    Ok(report.before_sharing)
}
