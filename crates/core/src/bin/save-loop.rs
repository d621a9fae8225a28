//! A test tool, not part of the app: opens a portfolio folder and saves new versions of
//! section 1a as fast as it can, printing each version number once it is on disk. The crash
//! test kills it with SIGKILL at random moments and checks what survives.

use cmalt_core::framework::Framework;
use cmalt_core::session::{SectionPatch, Session};
use std::io::Write;
use std::sync::Arc;

/// The text of version `n`: its number at both ends, so a torn write would show.
fn version_text(n: u64) -> String {
    format!("version {n} {} end {n}", "word ".repeat(2000))
}

fn main() {
    let folder = std::env::args_os()
        .nth(1)
        .expect("usage: save-loop <PORTFOLIO_DIR>");
    let framework = Arc::new(Framework::bundled().expect("the framework loads"));
    let mut session = Session::open(framework, folder.as_ref()).expect("the portfolio opens");
    let start = session
        .portfolio()
        .section("1a")
        .and_then(|entry| {
            entry
                .description
                .split_whitespace()
                .nth(1)?
                .parse::<u64>()
                .ok()
        })
        .unwrap_or(0);
    let mut stdout = std::io::stdout();
    for n in start + 1.. {
        let patch = SectionPatch {
            section_id: "1a".into(),
            description: Some(version_text(n)),
            ..SectionPatch::default()
        };
        session
            .save_section(patch, time::OffsetDateTime::now_utc())
            .expect("the save succeeds");
        let _ = writeln!(stdout, "{n}");
        let _ = stdout.flush();
    }
}
