//! A test tool, not part of the app: opens a portfolio folder and exports it again and again,
//! in turn as a folder, a zip and a single page, each time replacing the previous export at
//! the same target, printing `<target name> <run>` once each export is complete. The crash
//! test (tests/crash_export.rs) kills it with SIGKILL at random moments.
//!
//! Usage: `export-loop <PORTFOLIO_DIR> <OUT_DIR> [FIRST]`, FIRST (0, 1 or 2) being the format
//! to start with, so that short runs killed early still reach every format.

use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::framework::Framework;
use cmalt_core::session::Session;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Each format and the name it is exported to inside OUT_DIR; tests/crash_export.rs uses the
/// same names.
const TARGETS: [(ExportFormat, &str); 3] = [
    (ExportFormat::Folder, "export-folder"),
    (ExportFormat::Zip, "export.zip"),
    (ExportFormat::SingleHtml, "export.html"),
];

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(folder), Some(out)) = (args.next(), args.next()) else {
        panic!("usage: export-loop <PORTFOLIO_DIR> <OUT_DIR> [FIRST]");
    };
    let first: u64 = args
        .next()
        .map(|arg| arg.to_string_lossy().parse().expect("FIRST is 0, 1 or 2"))
        .unwrap_or(0);
    let out = PathBuf::from(out);
    let framework = Arc::new(Framework::bundled().expect("the framework loads"));
    let session = Session::open(framework, folder.as_ref()).expect("the portfolio opens");
    let mut stdout = std::io::stdout();
    for run in 0u64.. {
        let (format, name) = TARGETS[((first + run) % 3) as usize];
        let options = ExportOptions {
            replace: true,
            ..ExportOptions::new(format)
        };
        export::export(
            session.framework(),
            session.folder(),
            session.portfolio(),
            &out.join(name),
            options,
            time::OffsetDateTime::now_utc(),
        )
        .expect("the export succeeds");
        let _ = writeln!(stdout, "{name} {run}");
        let _ = stdout.flush();
    }
}
