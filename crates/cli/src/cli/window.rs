//! Starting the window from the command line: with no verb, `cmalt-portfolio` hands over to
//! `cmalt-portfolio-window`, installed in the same folder (as the packages install them,
//! and as cargo builds them).

use super::terminal;
use std::path::{Path, PathBuf};

/// The name of the window's binary.
pub const WINDOW_BINARY: &str = "cmalt-portfolio-window";

/// Where the window's binary is: beside this one.
fn window_binary() -> Option<PathBuf> {
    let here = std::env::current_exe().ok()?;
    let beside = here.with_file_name(WINDOW_BINARY);
    beside.is_file().then_some(beside)
}

/// Opens the window on a portfolio folder, after saying plainly what is wrong with a path
/// that is not one (the window would say it too, but only once it has a display).
pub fn open(folder: &Path) -> i32 {
    let Ok(folder) = std::path::absolute(folder) else {
        terminal::fail(format!("{} is not a folder path.", folder.display()));
        return 2;
    };
    if !folder.is_dir() {
        terminal::fail(format!("there is no folder at {}.", folder.display()));
        return 2;
    }
    // Not followed: a link in place of the portfolio file is refused by the window too.
    let file = folder.join(cmalt_core::store::PORTFOLIO_FILE);
    if !std::fs::symlink_metadata(&file).is_ok_and(|m| m.is_file()) {
        terminal::fail(format!(
            "{} is not a portfolio folder: it has no {}. To start a portfolio there, run `cmalt-portfolio new`.",
            folder.display(),
            cmalt_core::store::PORTFOLIO_FILE
        ));
        return 2;
    }
    start(Some(&folder))
}

/// Replaces this process with the window (so the desktop sees one program, and signals and
/// the exit code are the window's), or says plainly why it cannot.
pub fn start(folder: Option<&Path>) -> i32 {
    let Some(window) = window_binary() else {
        terminal::fail(format!(
            "the window ({WINDOW_BINARY}) is not installed beside this command, so it cannot open. The command line works without it: see `cmalt-portfolio --help`."
        ));
        return 2;
    };
    let mut command = std::process::Command::new(&window);
    command.args(folder);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let error = command.exec();
        terminal::fail(format!("the window could not start: {error}"));
        2
    }
    #[cfg(not(unix))]
    {
        match command.status() {
            Ok(status) => status.code().unwrap_or(1),
            Err(error) => {
                terminal::fail(format!("the window could not start: {error}"));
                2
            }
        }
    }
}
