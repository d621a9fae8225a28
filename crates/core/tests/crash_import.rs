//! Crash safety of importing a draft (issue 12): `import-once` (src/bin/import-once.rs)
//! imports a Markdown draft with five files beside it and is killed with SIGKILL at random
//! moments. After every kill there is either no portfolio at the target or a complete one
//! (every section, every file whole, the note of text not placed), never a half-made folder
//! that would make the next import refuse "there is already a portfolio". The next import's
//! own tidying removes what the killed ones left.

#![cfg(unix)]

mod crash_support;
use crash_support::RandomKiller;

use cmalt_core::evidence::EvidenceSource;
use cmalt_core::evidence::files::sha256_hex;
use cmalt_core::store::{self, EVIDENCE_DIR};
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const KILLS: u64 = 200;
const FILES: usize = 5;

fn write_draft(folder: &Path) {
    let mut draft =
        String::from("# Crash import\n\n## 1a: Constraints and benefits\n\n### Description\n\n");
    draft.push_str(&"I compared four quiz tools with colleagues. ".repeat(300));
    draft.push_str(
        "\n\n### Reflection\n\nOn reflection, I would ask learners sooner.\n\n### Evidence\n\n",
    );
    for index in 1..=FILES {
        let name = format!("file-{index}.pdf");
        let mut bytes = format!("%PDF-1.7 evidence {index} ").into_bytes();
        bytes.extend((0..400_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> (index + 7)) as u8));
        fs::write(folder.join(&name), bytes).unwrap();
        draft.push_str(&format!(
            "- **E{index} Evidence {index}** (2025) — what it shows; file: {name}\n"
        ));
    }
    draft.push_str("\n## Something else entirely\n\nA paragraph no section takes.\n");
    fs::write(folder.join("draft.md"), draft).unwrap();
}

/// The portfolio at `target` is whole: it opens, holds 1a's words, and every one of its
/// files is there with the bytes it was attached with.
fn assert_complete(target: &Path, drafts: &Path, context: &str) {
    let portfolio = store::read_only(target)
        .unwrap_or_else(|e| panic!("{context}: a portfolio at the target must open: {e}"));
    assert!(
        portfolio
            .section("1a")
            .is_some_and(|s| s.reflection.contains("On reflection")),
        "{context}: the sections are all there"
    );
    assert_eq!(
        portfolio.evidence.len(),
        FILES,
        "{context}: every item is there"
    );
    for item in &portfolio.evidence {
        let EvidenceSource::File {
            stored_name,
            sha256,
            original_name,
            ..
        } = &item.source
        else {
            panic!("{context}: {} was not attached: {:?}", item.id, item.source);
        };
        let stored = fs::read(target.join(EVIDENCE_DIR).join(stored_name))
            .unwrap_or_else(|e| panic!("{context}: {} is missing: {e}", item.id));
        assert_eq!(
            &sha256_hex(&stored),
            sha256,
            "{context}: {} is whole",
            item.id
        );
        assert_eq!(stored, fs::read(drafts.join(original_name)).unwrap());
    }
    assert!(
        target.join("not-placed.md").is_file(),
        "{context}: the not-placed note is there"
    );
}

fn hidden_leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".P."))
        .collect()
}

#[test]
fn a_killed_import_leaves_no_portfolio_or_a_complete_one() {
    let drafts = tempfile::tempdir().unwrap();
    write_draft(drafts.path());
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("P");
    let binary = env!("CARGO_BIN_EXE_import-once");
    let import = || {
        let mut command = Command::new(binary);
        command.arg(drafts.path().join("draft.md")).arg(&target);
        command
    };

    // One whole import first, to know how long one takes.
    let started = Instant::now();
    let output = import().output().unwrap();
    let takes = started.elapsed();
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "done");
    assert_complete(&target, drafts.path(), "an import left to finish");
    fs::remove_dir_all(&target).unwrap();

    let mut killer = RandomKiller::new(0x1a2b_3c4d_5e6f_7788);
    let within = takes.mul_f64(1.5).max(Duration::from_millis(5));
    let (mut absent, mut complete) = (0, 0);
    for kill in 0..KILLS {
        let printed = killer.run_and_kill(&mut import(), within);
        let context = format!("kill {kill}");
        if target.exists() {
            assert_complete(&target, drafts.path(), &context);
            complete += 1;
            fs::remove_dir_all(&target).unwrap();
        } else {
            assert!(
                !printed.contains("done"),
                "{context}: it said done, yet made nothing"
            );
            absent += 1;
        }
    }
    eprintln!(
        "{KILLS} kills within {within:?} (one import takes {takes:?}): {absent} left no portfolio, {complete} a complete one; {} hidden leftovers before the next import",
        hidden_leftovers(out.path()).len()
    );
    assert!(
        absent > 0,
        "some kills must land before the import finishes, or the test proves nothing"
    );

    // The next import to the same place is not refused, and tidies what the killed ones left.
    let output = import().output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "done",
        "the next import is not refused"
    );
    assert_complete(&target, drafts.path(), "the import after the kills");
    assert_eq!(
        hidden_leftovers(out.path()),
        Vec::<String>::new(),
        "killed imports' folders are removed"
    );
}
