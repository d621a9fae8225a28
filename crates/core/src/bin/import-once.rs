//! A test tool, not part of the app: imports one draft as a new portfolio, exactly as
//! `cmalt-portfolio import` does, and prints `done` once the import has returned. The crash
//! test (tests/crash_import.rs) kills it with SIGKILL at random moments.
//!
//! Usage: `import-once <DRAFT> <PORTFOLIO_DIR>`

use cmalt_core::framework::Framework;
use cmalt_core::import;
use std::io::Write;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(draft), Some(out)) = (args.next(), args.next()) else {
        panic!("usage: import-once <DRAFT> <PORTFOLIO_DIR>");
    };
    let framework = Framework::bundled().expect("the framework loads");
    let now = time::macros::datetime!(2026-11-23 10:00 UTC);
    match import::import_file(&framework, draft.as_ref(), out.as_ref(), None, now) {
        Ok(_) => {
            let _ = writeln!(std::io::stdout(), "done");
        }
        Err(error) => {
            let _ = writeln!(std::io::stdout(), "refused: {error}");
        }
    }
}
