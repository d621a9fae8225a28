//! Crash safety of exporting: the export loop (src/bin/export-loop.rs) replaces a folder, a
//! zip and a single page export again and again and is killed with SIGKILL at random moments.
//! After every kill each target is absent (its first export never finished) or a complete
//! export that opens again as the same portfolio, and nothing half-written is visible beside
//! it. Interrupted exports leave hidden dot-named temp siblings; they are counted and listed.

#![cfg(unix)]

mod crash_support;
use crash_support::RandomKiller;

use cmalt_core::export::reopen::open_bundle;
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{LinkRequest, SectionPatch, Session};
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const KILLS: u64 = 300;
/// The targets export-loop writes inside its out folder (see its `TARGETS`).
const FOLDER_TARGET: &str = "export-folder";
const ZIP_TARGET: &str = "export.zip";
const PAGE_TARGET: &str = "export.html";

/// A portfolio with text in two sections, a picture, a PDF and a link.
fn make_portfolio(folder: &Path, framework: Arc<Framework>) -> Portfolio {
    let now = time::macros::datetime!(2026-11-23 10:00 UTC);
    let portfolio = Portfolio::new("Crash export", "Sam", PathwayId::Cmalt, now);
    let mut session = Session::create(framework, folder, portfolio).unwrap();
    for (section, text) in [
        (
            "1a",
            "I compared quiz tools [E1] and wrote it up [E2]. Ångström 日本語 🎓",
        ),
        ("1b", "Working with colleagues [E3]."),
    ] {
        let patch = SectionPatch {
            section_id: section.into(),
            description: Some(text.repeat(50)),
            reflection: Some("What I would do differently.".into()),
            ..SectionPatch::default()
        };
        session.save_section(patch, now).unwrap();
    }
    let mut picture = b"\x89PNG\r\n\x1a\n".to_vec();
    picture.extend((0..60_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let report = format!("%PDF-1.4 {}", "the report ".repeat(4_000)).into_bytes();
    let cited = ["1a".to_string()];
    session
        .attach_bytes("screen shot.png", &picture, "Screenshot", &cited, now)
        .unwrap();
    session
        .attach_bytes("Report.pdf", &report, "Report", &cited, now)
        .unwrap();
    let link = LinkRequest {
        url: "https://example.org/slides".into(),
        title: "Slides".into(),
    };
    session.attach_link(link, &["1b".into()], now).unwrap();
    session.portfolio().clone()
}

/// Opens the bundle again with the app's own reopen code and checks it is the portfolio.
fn check_reopens(bundle: &Path, expected: &Portfolio, framework: &Framework, context: &str) {
    let scratch = tempfile::tempdir().unwrap();
    let reopened = open_bundle(bundle, &scratch.path().join("reopened"), framework)
        .unwrap_or_else(|e| panic!("{context}: {} must open again: {e}", bundle.display()));
    assert_eq!(
        &reopened.portfolio,
        expected,
        "{context}: {} must hold the exported portfolio",
        bundle.display()
    );
    assert_eq!(
        reopened.evidence_files, 2,
        "{context}: both files came back"
    );
}

/// Checks the folder export holds only what an export writes, with a whole page.
fn check_folder_export(target: &Path, context: &str) {
    let names: BTreeSet<String> = std::fs::read_dir(target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = ["evidence", "index.html", "portfolio.css", "portfolio.json"]
        .map(String::from)
        .into();
    assert_eq!(names, expected, "{context}: the folder export is complete");
    let page = std::fs::read_to_string(target.join("index.html")).unwrap();
    assert!(
        page.trim_end().ends_with("</html>"),
        "{context}: the folder's page is whole"
    );
}

/// The same check as `check_folder_export`, as an answer rather than a failure.
fn is_complete_folder_export(folder: &Path) -> bool {
    let whole_page = std::fs::read_to_string(folder.join("index.html"))
        .is_ok_and(|page| page.trim_end().ends_with("</html>"));
    let names: BTreeSet<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    whole_page && names.len() == 4 && names.contains("portfolio.json")
}

/// Hidden entries of `out` whose names start with `prefix`.
fn hidden_siblings(out: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect()
}

/// Identifies what is at a path now, so an export that has not changed is not checked twice.
fn fingerprint(path: &Path) -> Option<(u64, i64, i64, u64)> {
    let m = std::fs::symlink_metadata(path).ok()?;
    Some((m.ino(), m.mtime(), m.mtime_nsec(), m.len()))
}

#[test]
fn sigkill_while_exporting_leaves_each_target_absent_or_complete() {
    let started = Instant::now();
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("portfolio");
    let out = root.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = make_portfolio(&folder, framework.clone());

    let mut killer = RandomKiller::new(0x2545_f491_4f6c_dd1d_u64);
    let mut completed_runs = 0usize;
    // What was last verified at each target, and whether an export there ever finished.
    let mut verified: BTreeMap<&str, Option<(u64, i64, i64, u64)>> = BTreeMap::new();
    let mut finished_once = BTreeSet::new();
    let mut most_hidden_siblings = 0usize;
    let mut folder_missing_after_replace = 0usize;
    for kill in 0..KILLS {
        let context = format!("after kill {kill}");
        // From the process starting up to well into its exports.
        let printed = killer.run_and_kill(
            Command::new(env!("CARGO_BIN_EXE_export-loop"))
                .arg(&folder)
                .arg(&out)
                .arg((kill % 3).to_string()),
            Duration::from_millis(80),
        );
        for line in printed.lines() {
            if let Some((name, _run)) = line.split_once(' ') {
                completed_runs += 1;
                finished_once.insert(name.to_string());
            }
        }

        for name in [FOLDER_TARGET, ZIP_TARGET, PAGE_TARGET] {
            let target = out.join(name);
            let now = fingerprint(&target);
            if now.is_none() {
                if name == FOLDER_TARGET && finished_once.contains(name) {
                    // Replacing a folder is two renames (the old one aside, the new one in):
                    // killed between them, the earlier export is hidden beside the target.
                    // Still whole, so not lost, but out of the candidate's sight.
                    let aside = hidden_siblings(&out, &format!(".{FOLDER_TARGET}.replaced-"));
                    assert!(
                        aside.iter().any(|p| is_complete_folder_export(p)),
                        "{context}: the earlier folder export must be whole beside the target: {aside:?}"
                    );
                    folder_missing_after_replace += 1;
                    continue;
                }
                assert!(
                    !finished_once.contains(name),
                    "{context}: {name} was exported completely, so it must still be there"
                );
                continue;
            }
            finished_once.insert(name.to_string());
            if verified.get(name) == Some(&now) {
                continue;
            }
            let context = format!("{context}, {name}");
            match name {
                FOLDER_TARGET => {
                    check_folder_export(&target, &context);
                    check_reopens(&target, &portfolio, &framework, &context);
                }
                ZIP_TARGET => check_reopens(&target, &portfolio, &framework, &context),
                _ => {
                    let page = std::fs::read_to_string(&target).unwrap();
                    assert!(
                        page.trim_end().ends_with("</html>"),
                        "{context}: the single page is whole"
                    );
                }
            }
            verified.insert(name, now);
        }

        let (hidden, visible): (Vec<String>, Vec<String>) = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .partition(|n| n.starts_with('.'));
        for name in &visible {
            assert!(
                [FOLDER_TARGET, ZIP_TARGET, PAGE_TARGET].contains(&name.as_str()),
                "{context}: nothing but the exports is visible beside them: {name}"
            );
        }
        for name in &hidden {
            assert!(
                name.ends_with(".tmp"),
                "{context}: the only hidden files beside the exports are interrupted ones: {name}"
            );
        }
        most_hidden_siblings = most_hidden_siblings.max(hidden.len());
    }

    // One more export of each kind, run to the end, then see what the kills left.
    let session = Session::open(framework.clone(), &folder).unwrap();
    for (format, name) in [
        (cmalt_core::export::ExportFormat::Folder, FOLDER_TARGET),
        (cmalt_core::export::ExportFormat::Zip, ZIP_TARGET),
        (cmalt_core::export::ExportFormat::SingleHtml, PAGE_TARGET),
    ] {
        let options = cmalt_core::export::ExportOptions {
            replace: true,
            ..cmalt_core::export::ExportOptions::new(format)
        };
        cmalt_core::export::export(
            &framework,
            session.folder(),
            session.portfolio(),
            &out.join(name),
            options,
            time::OffsetDateTime::now_utc(),
        )
        .unwrap_or_else(|e| panic!("after the kills, a new export to {name} succeeds: {e}"));
    }
    check_folder_export(&out.join(FOLDER_TARGET), "the last export");
    check_reopens(
        &out.join(ZIP_TARGET),
        &portfolio,
        &framework,
        "the last zip",
    );
    let left_behind = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    eprintln!(
        "{KILLS} kills in {:.1?}: {completed_runs} exports completed; up to {most_hidden_siblings} \
         hidden temp siblings, {left_behind} still there after a complete export of each kind; \
         the folder export was out of sight (between its two renames) {folder_missing_after_replace} times",
        started.elapsed(),
    );
    assert!(
        finished_once.len() == 3,
        "each kind of export must have completed at least once in {KILLS} runs: {finished_once:?}"
    );
}

/// Every export interrupted by a kill or a power cut leaves a hidden temp sibling named with
/// its process id (a whole copy of the bundle, evidence included): the crash test above once
/// found over a hundred after 300 kills. A later export to the same target clears those
/// whose process is gone.
#[test]
fn a_new_export_clears_what_an_interrupted_one_left_beside_it() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("portfolio");
    let out = root.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = make_portfolio(&folder, framework.clone());
    // A process id above Linux's largest (2^22), so no running process owns these.
    let gone = 9_999_999;
    let stale_zip = out.join(format!(".{ZIP_TARGET}.{gone}.tmp"));
    let stale_folder = out.join(format!(".{FOLDER_TARGET}.export-{gone}.tmp"));
    std::fs::write(&stale_zip, b"PK half a zip").unwrap();
    std::fs::create_dir_all(stale_folder.join("evidence")).unwrap();
    for (format, name) in [
        (cmalt_core::export::ExportFormat::Zip, ZIP_TARGET),
        (cmalt_core::export::ExportFormat::Folder, FOLDER_TARGET),
    ] {
        let options = cmalt_core::export::ExportOptions {
            replace: true,
            ..cmalt_core::export::ExportOptions::new(format)
        };
        cmalt_core::export::export(
            &framework,
            &folder,
            &portfolio,
            &out.join(name),
            options,
            time::OffsetDateTime::now_utc(),
        )
        .unwrap();
    }
    assert!(
        !stale_zip.exists() && !stale_folder.exists(),
        "what an interrupted export left beside the target must not stay for good"
    );
}
