//! Any bytes as a Word draft (.docx), through the whole import: the package checks, the
//! Word reader, the conversion to Markdown, planning, and writing the new portfolio with its
//! embedded images. Refusals are fine; a panic that reaches the caller is a bug.
//!
//! The core reads Word files under `catch_unwind`, so that a panic in the third-party reader
//! becomes a refusal. libfuzzer-sys aborts on every panic, caught or not, so this target
//! swaps its hook for one that only remembers the message, and aborts itself when a panic
//! escapes `import_docx`: the app's own behaviour, with the message kept for the report.

#![no_main]

mod common;

use cmalt_core::import;
use common::{FRAMEWORK, NOW, SCRATCH, clear};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fn remember_panics() {
    panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string());
    }));
}

fn import_and_write(bytes: &[u8]) {
    let Ok(draft) = import::import_docx(&FRAMEWORK, "draft.docx", bytes, None, None) else {
        return;
    };
    draft.not_placed_markdown();
    let out = SCRATCH.path().join("imported");
    let report = draft.write_new_portfolio(&FRAMEWORK, &out, NOW);
    clear(&out);
    report.expect("a draft that was read must be written into a new, empty folder");
}

fuzz_target!(init: remember_panics(), |bytes: &[u8]| {
    if panic::catch_unwind(AssertUnwindSafe(|| import_and_write(bytes))).is_err() {
        LAST_PANIC.with(|last| eprintln!("panic that escaped the import: {}", last.borrow()));
        std::process::abort();
    }
});
