//! Starting the window from the command line: with no verb, `cmalt-portfolio` hands over to
//! `cmalt-portfolio-window`, installed in the same folder (as the packages install them,
//! and as cargo builds them).

use super::terminal;
use std::path::PathBuf;

/// The name of the window's binary.
pub const WINDOW_BINARY: &str = "cmalt-portfolio-window";

/// Where the window's binary is: beside this one.
fn window_binary() -> Option<PathBuf> {
    let here = std::env::current_exe().ok()?;
    let beside = here.with_file_name(WINDOW_BINARY);
    beside.is_file().then_some(beside)
}

/// Replaces this process with the window (so the desktop sees one program, and signals and
/// the exit code are the window's), or says plainly why it cannot.
pub fn start() -> i32 {
    let Some(window) = window_binary() else {
        terminal::fail(format!(
            "the window ({WINDOW_BINARY}) is not installed beside this command, so it cannot open. The command line works without it: see `cmalt-portfolio --help`."
        ));
        return 2;
    };
    let mut command = std::process::Command::new(&window);
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
