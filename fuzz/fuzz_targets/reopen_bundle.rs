//! Any bytes as an exported `.zip`, opened again as a portfolio folder
//! (`export::reopen::open_bundle`: the zip-slip, symlink, bomb and checksum refusals, then
//! the write). A refused bundle must leave nothing behind; a panic is a bug.

#![no_main]

mod common;

use cmalt_core::export::reopen;
use common::{FRAMEWORK, SCRATCH, clear, scratch_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let zip = scratch_file("export.zip", bytes);
    let out = SCRATCH.path().join("reopened");
    let result = reopen::open_bundle(&zip, &out, &FRAMEWORK);
    let left_behind = out.exists();
    clear(&out);
    match result {
        Ok(reopened) => assert!(
            reopened.folder == out && left_behind,
            "a reopened bundle is a portfolio folder at the place asked for"
        ),
        Err(_) => assert!(!left_behind, "a refused bundle must write nothing"),
    }
    // The bundle is unpacked beside the target under a temporary name, removed on refusal.
    let half_made = std::fs::read_dir(SCRATCH.path())
        .expect("the scratch folder can be listed")
        .filter_map(Result::ok)
        .any(|entry| entry.file_name().to_string_lossy().contains(".reopen-"));
    assert!(
        !half_made,
        "no half-made folder may be left beside the target"
    );
});
