//! A test tool, not part of the app: opens a portfolio folder and attaches one new evidence
//! file after another through the session (the same `attach_file` the window uses), printing
//! each item's number once it is saved. The crash test (tests/crash_attach.rs) kills it with
//! SIGKILL at random moments and checks what survives.
//!
//! Usage: `attach-loop <PORTFOLIO_DIR> <SCRATCH_DIR>`; the candidate's "original" files are
//! written in SCRATCH_DIR, outside the portfolio, as a file picked in a dialog would be.

use cmalt_core::framework::Framework;
use cmalt_core::session::Session;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// The contents of item `number`: 100-900 KB, different for every number, saying its number
/// and size at the start and its number again at the end, so a torn or mixed file would show.
/// tests/crash_attach.rs checks files against this layout.
fn evidence_bytes(number: u32) -> Vec<u8> {
    let size = 100_000 + (number as usize * 7_919) % 800_000;
    let header = format!("attach-loop item {number} of {size} bytes\n");
    let footer = format!("\nend of item {number}\n");
    let mut bytes = Vec::with_capacity(size);
    bytes.extend_from_slice(header.as_bytes());
    // Distinct filler per number, so no two items share a hash.
    let mut state = 0x9e37_79b9_7f4a_7c15_u64 ^ u64::from(number);
    while bytes.len() < size - footer.len() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(size - footer.len());
    bytes.extend_from_slice(footer.as_bytes());
    bytes
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(folder), Some(scratch)) = (args.next(), args.next()) else {
        panic!("usage: attach-loop <PORTFOLIO_DIR> <SCRATCH_DIR>");
    };
    let scratch = PathBuf::from(scratch);
    let framework = Arc::new(Framework::bundled().expect("the framework loads"));
    let mut session = Session::open(framework, folder.as_ref()).expect("the portfolio opens");
    let mut stdout = std::io::stdout();
    loop {
        let number = session.portfolio().next_evidence_number.max(1);
        let original = scratch.join(format!("item {number}.bin"));
        std::fs::write(&original, evidence_bytes(number)).expect("the original is written");
        let outcome = session
            .attach_file(
                &original,
                "",
                &["1a".into()],
                time::OffsetDateTime::now_utc(),
            )
            .expect("the attach succeeds");
        assert!(
            !outcome.already_attached,
            "every number has its own content, so each attach makes a new item"
        );
        let _ = std::fs::remove_file(&original);
        let _ = writeln!(stdout, "{}", outcome.item.number);
        let _ = stdout.flush();
    }
}
