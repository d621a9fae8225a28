//! Any bytes as a Markdown draft, through the whole import: judging the kind, decoding
//! (UTF-8, UTF-16, Windows-1252), reading headings and evidence lists, planning, and writing
//! the new portfolio with its report. Refusals are fine; a panic is a bug.

#![no_main]

mod common;

use cmalt_core::import;
use common::{FRAMEWORK, NOW, SCRATCH, clear};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // No source folder: files a draft names are then reported missing, never looked for on
    // this machine, so every run sees the same world.
    let Ok(draft) = import::read_draft_bytes(&FRAMEWORK, "draft.md", bytes, None, None) else {
        return;
    };
    draft.not_placed_markdown();
    let out = SCRATCH.path().join("imported");
    let report = draft.write_new_portfolio(&FRAMEWORK, &out, NOW);
    clear(&out);
    report.expect("a draft that was read must be written into a new, empty folder");
});
