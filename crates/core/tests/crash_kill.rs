//! Crash safety: the save loop is killed with SIGKILL 500 times at random moments. After
//! every kill the portfolio opens and holds one whole version, no older than the last one
//! the loop reported saved, and every backup reads.

#![cfg(unix)]

mod crash_support;
use crash_support::RandomKiller;

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::Session;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

const KILLS: u64 = 500;

fn whole_version(portfolio: &Portfolio) -> u64 {
    let text = portfolio
        .section("1a")
        .map(|e| e.description.clone())
        .unwrap_or_default();
    if text.is_empty() {
        return 0;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let first: u64 = words[1]
        .parse()
        .expect("the text starts with its version number");
    let last: u64 = words.last().unwrap().parse().expect("and ends with it");
    assert_eq!(
        first, last,
        "a version must be whole, never a mixture of two"
    );
    assert_eq!(words.len(), 2 + 2000 + 2, "a version must be complete");
    first
}

#[test]
fn sigkill_at_random_moments_never_loses_or_tears_a_save() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("portfolio");
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new(
        "Crash",
        "Sam",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    drop(Session::create(framework, &folder, portfolio).unwrap());

    let mut killer = RandomKiller::new(0x2545_f491_4f6c_dd1d_u64);
    let mut last_reported = 0u64;
    for kill in 0..KILLS {
        // From the process starting up to well into its saves.
        let printed = killer.run_and_kill(
            Command::new(env!("CARGO_BIN_EXE_save-loop")).arg(&folder),
            Duration::from_millis(40),
        );
        if let Some(last) = printed.lines().rev().find_map(|l| l.parse::<u64>().ok()) {
            last_reported = last;
        }

        let portfolio = cmalt_core::store::read_only(&folder)
            .unwrap_or_else(|e| panic!("after kill {kill} the portfolio must open: {e}"));
        let version = whole_version(&portfolio);
        assert!(
            version >= last_reported,
            "after kill {kill}: version {version} on disk is older than {last_reported}, which was reported saved"
        );
        for backup in cmalt_core::store::backups::list(&folder).unwrap() {
            let bytes =
                std::fs::read(cmalt_core::store::backups::path_of(&folder, &backup)).unwrap();
            let kept: Portfolio = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "after kill {kill} backup {} must read: {e}",
                    backup.file_name
                )
            });
            whole_version(&kept);
        }
    }
    // Reopening clears the temp files that kills left behind, out of the candidate's way.
    let framework = Arc::new(Framework::bundled().unwrap());
    drop(Session::open(framework, &folder).unwrap());
    let leftovers: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no half-written file stays in the folder: {leftovers:?}"
    );
    assert!(
        last_reported > 0,
        "the loop must have saved at least once in 500 runs"
    );
}
