//! The `cmalt-portfolio` command, installed beside the window (as the packages install it,
//! and as cargo builds it). The window runs it for what it does not link itself, so that its
//! own binary stays small: the PDF typesetter (crate cmalt-pdf) and the HTTP client that
//! tries links online (crate cmalt-links).

use crate::error::{CommandError, CommandResult, ErrorCode};
use std::path::PathBuf;
use std::process::{Command, Output};

const BINARY: &str = "cmalt-portfolio";

/// Runs the command with `args` and waits for it. `not_installed` is what to tell the
/// candidate when it is not there, `did_not_start` when it would not start.
pub fn run(
    args: &[&std::ffi::OsStr],
    not_installed: &str,
    did_not_start: impl FnOnce(std::io::Error) -> String,
) -> CommandResult<Output> {
    let beside = std::env::current_exe()
        .ok()
        .map(|here| here.with_file_name(BINARY))
        .filter(|path| path.is_file());
    let path: PathBuf =
        beside.ok_or_else(|| CommandError::new(ErrorCode::Refused, not_installed))?;
    Command::new(path)
        .args(args)
        .output()
        .map_err(|error| CommandError::new(ErrorCode::Refused, did_not_start(error)))
}

/// What the command said on standard error, without its name in front: a portfolio it
/// could not read is said there, in the core's words.
pub fn said(output: &Output) -> String {
    let said = String::from_utf8_lossy(&output.stderr);
    said.trim()
        .trim_start_matches("cmalt-portfolio: ")
        .to_string()
}
