//! Crash safety of attaching evidence: the attach loop (src/bin/attach-loop.rs) is killed with
//! SIGKILL at random moments. After every kill the portfolio opens, every item it lists has
//! its whole file, every item reported attached is still listed, and nothing half-written is
//! visible in `evidence/`.

#![cfg(unix)]

mod crash_support;
use crash_support::RandomKiller;

use cmalt_core::evidence::files::sha256_hex;
use cmalt_core::evidence::{EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::Session;
use cmalt_core::store::EVIDENCE_DIR;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const KILLS: u64 = 250;

/// Checks `bytes` against attach-loop's layout (its number and size at the start, its number
/// at the end) and returns the number: a torn or mixed file fails here.
fn whole_item_number(bytes: &[u8], context: &str) -> u32 {
    let header_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or_else(|| panic!("{context}: the file has its header line"));
    let header = std::str::from_utf8(&bytes[..header_end]).expect("the header is text");
    let words: Vec<&str> = header.split(' ').collect();
    assert_eq!(
        (words.len(), words[0], words[1]),
        (6, "attach-loop", "item"),
        "{context}: the header is attach-loop's: {header:?}"
    );
    let number: u32 = words[2].parse().expect("the header holds the item number");
    let size: usize = words[4].parse().expect("the header holds the size");
    assert_eq!(
        bytes.len(),
        size,
        "{context}: a file must be complete, never cut short"
    );
    assert!(
        bytes.ends_with(format!("\nend of item {number}\n").as_bytes()),
        "{context}: the file must end as it began, with item {number}"
    );
    number
}

/// The stored name and recorded size and hash of an attached file.
fn file_of(item: &EvidenceItem) -> (&str, u64, &str) {
    match &item.source {
        EvidenceSource::File {
            stored_name,
            bytes,
            sha256,
            ..
        } => (stored_name, *bytes, sha256),
        other => panic!("attach-loop only attaches files, {} is {other:?}", item.id),
    }
}

/// Reads and checks every listed item's file whose hash is not yet known to be right;
/// those already verified are checked by size (cheap) so a later attach cannot damage them.
fn check_listed_files(
    folder: &Path,
    portfolio: &Portfolio,
    verified: &mut BTreeSet<String>,
    context: &str,
) {
    for item in &portfolio.evidence {
        let (stored_name, bytes, sha256) = file_of(item);
        let path = folder.join(EVIDENCE_DIR).join(stored_name);
        let on_disk = std::fs::metadata(&path).unwrap_or_else(|e| {
            panic!(
                "{context}: {} is listed, so its file must be there: {e}",
                item.id
            )
        });
        assert_eq!(
            on_disk.len(),
            bytes,
            "{context}: {}'s file must have the size it was attached with",
            item.id
        );
        if verified.contains(stored_name) {
            continue;
        }
        let content = std::fs::read(&path).unwrap();
        assert_eq!(
            sha256_hex(&content),
            sha256,
            "{context}: {}'s file must be the one attached",
            item.id
        );
        assert_eq!(
            whole_item_number(&content, context),
            item.number,
            "{context}: {} holds its own file, not another item's",
            item.id
        );
        verified.insert(stored_name.to_string());
    }
}

/// Names in `evidence/`, split into what a person browsing the folder sees and hidden ones.
fn evidence_entries(folder: &Path) -> (Vec<String>, Vec<String>) {
    let (hidden, visible) = std::fs::read_dir(folder.join(EVIDENCE_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .partition(|name| name.starts_with('.'));
    (visible, hidden)
}

#[test]
fn sigkill_while_attaching_never_loses_or_tears_evidence() {
    let started = Instant::now();
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("portfolio");
    let scratch = root.path().join("originals");
    std::fs::create_dir(&scratch).unwrap();
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new(
        "Crash",
        "Sam",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    drop(Session::create(framework.clone(), &folder, portfolio).unwrap());

    let mut killer = RandomKiller::new(0x5851_f42d_4c95_7f2d_u64);
    let mut reported = BTreeSet::new();
    let mut verified = BTreeSet::new();
    let mut most_hidden_leftovers = 0usize;
    let mut unlisted_whole_copies = 0usize;
    for kill in 0..KILLS {
        let context = format!("after kill {kill}");
        // From the process starting up to well into its attaches.
        let printed = killer.run_and_kill(
            Command::new(env!("CARGO_BIN_EXE_attach-loop"))
                .arg(&folder)
                .arg(&scratch),
            Duration::from_millis(100),
        );
        reported.extend(printed.lines().filter_map(|l| l.parse::<u32>().ok()));

        let portfolio = cmalt_core::store::read_only(&folder)
            .unwrap_or_else(|e| panic!("{context} the portfolio must open: {e}"));
        let listed: BTreeSet<u32> = portfolio.evidence.iter().map(|i| i.number).collect();
        let lost: Vec<_> = reported.difference(&listed).collect();
        assert!(
            lost.is_empty(),
            "{context}: items reported attached must still be listed, lost {lost:?}"
        );
        check_listed_files(&folder, &portfolio, &mut verified, &context);

        let (visible, hidden) = evidence_entries(&folder);
        for name in &visible {
            if verified.contains(name) {
                continue;
            }
            // Killed after the file was stored but before the portfolio was saved: a whole
            // copy no item lists yet (the next attach of that number reuses it).
            let content = std::fs::read(folder.join(EVIDENCE_DIR).join(name)).unwrap();
            let number = whole_item_number(&content, &format!("{context}, unlisted {name}"));
            assert!(
                !listed.contains(&number),
                "{context}: {name} is a second copy of a listed item"
            );
            unlisted_whole_copies += 1;
        }
        for name in &hidden {
            assert!(
                name.ends_with(".tmp"),
                "{context}: the only hidden files in evidence/ are interrupted copies: {name}"
            );
        }
        most_hidden_leftovers = most_hidden_leftovers.max(hidden.len());
    }

    // A last pass reads every file again: no later attach touched an earlier one.
    let portfolio = cmalt_core::store::read_only(&folder).unwrap();
    check_listed_files(&folder, &portfolio, &mut BTreeSet::new(), "after all kills");
    drop(Session::open(framework, &folder).unwrap());
    let (_, hidden_after_open) = evidence_entries(&folder);
    eprintln!(
        "{KILLS} kills in {:.1?}: {} items attached, {} reported; {unlisted_whole_copies} times a whole \
         unlisted copy was found; up to {most_hidden_leftovers} hidden temp files in evidence/, \
         {} still there after opening",
        started.elapsed(),
        portfolio.evidence.len(),
        reported.len(),
        hidden_after_open.len(),
    );
    assert!(
        !reported.is_empty(),
        "the loop must have attached at least once in {KILLS} runs"
    );
}
