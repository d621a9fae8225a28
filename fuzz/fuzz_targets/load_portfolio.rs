//! Any bytes as a portfolio's `portfolio.json`, read as opening a portfolio reads it
//! (`store::read_file`: the version check, the schema migration, the damaged-file refusal).
//! What loads must then be usable as the window uses it (outline, checklist) and must save
//! and load again unchanged. Refusals are fine; a panic is a bug.

#![no_main]

mod common;

use cmalt_core::{checklist, outline, store};
use common::{FRAMEWORK, NOW, SCRATCH, scratch_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let file = scratch_file(store::PORTFOLIO_FILE, bytes);
    let Ok(portfolio) = store::read_file(SCRATCH.path(), &file) else {
        return;
    };
    outline::outline(&FRAMEWORK, &portfolio);
    checklist::check(&FRAMEWORK, &portfolio, NOW.date());

    // Saving writes `to_vec_pretty`, as the store does; a saved file must open again as
    // the same portfolio, or a candidate's next session would lose or change their words.
    let saved = serde_json::to_vec_pretty(&portfolio).expect("a loaded portfolio serialises");
    let file = scratch_file(store::PORTFOLIO_FILE, &saved);
    let reloaded = store::read_file(SCRATCH.path(), &file)
        .expect("a portfolio that loaded and was saved must load again");
    assert_eq!(
        reloaded, portfolio,
        "save then load must give back the same portfolio"
    );
});
