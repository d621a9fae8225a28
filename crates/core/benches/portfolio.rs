//! Benchmarks on a generated large portfolio (Senior pathway, every section about 1,000
//! words, 100 evidence items with about 30 MB of real files attached the way the app attaches
//! them): open, save with fsync, render a 600-word section, check, and every export, each
//! beside the floor it is measured against (writing and fsyncing the same bytes once).
//! Run with `cargo bench -p cmalt-core`; `scripts/bench-pandoc.sh` compares the export with
//! pandoc.

#[path = "support/large_portfolio.rs"]
mod large_portfolio;

use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use cmalt_core::store::{EVIDENCE_DIR, PortfolioFolder};
use large_portfolio::NOW;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use time::macros::date;

fn main() {
    // Made before any bench, so no sample pays for it and its note precedes the table.
    LazyLock::force(&LARGE);
    divan::main();
    // A static is never dropped, so its 30 MB folder is removed here.
    let _ = std::fs::remove_dir_all(LARGE.root.path());
}

static FRAMEWORK: LazyLock<Arc<Framework>> =
    LazyLock::new(|| Arc::new(Framework::bundled().unwrap()));

/// The large portfolio on disk, made once per run: its folder, and the portfolio as saved.
struct OnDisk {
    root: tempfile::TempDir,
    folder: PathBuf,
    portfolio: Portfolio,
}

static LARGE: LazyLock<OnDisk> = LazyLock::new(|| {
    let root = tempfile::tempdir().unwrap();
    let (folder, portfolio) = large_portfolio::with_files_on_disk(&FRAMEWORK, root.path());
    let megabytes = large_portfolio::evidence_bytes(&portfolio) as f64 / 1e6;
    eprintln!(
        "large portfolio: {} evidence items, {megabytes:.1} MB of files",
        portfolio.evidence.len()
    );
    OnDisk {
        root,
        folder,
        portfolio,
    }
});

/// The same text with every item a link: exporting it is the cost of the text alone.
static TEXT_ONLY: LazyLock<Portfolio> = LazyLock::new(|| large_portfolio::with_links(&FRAMEWORK));

/// A target path that is free at each call: the previous export is removed first, outside
/// the timed part, so every export writes to a fresh target as a candidate's first one does.
struct FreshTarget {
    dir: tempfile::TempDir,
    name: &'static str,
}

impl FreshTarget {
    fn new(name: &'static str) -> FreshTarget {
        FreshTarget {
            dir: tempfile::tempdir().unwrap(),
            name,
        }
    }

    fn next(&self) -> PathBuf {
        let target = self.dir.path().join(self.name);
        let _ = std::fs::remove_dir_all(&target);
        let _ = std::fs::remove_file(&target);
        target
    }
}

fn export_large(folder: &Path, portfolio: &Portfolio, format: ExportFormat, target: &Path) {
    export::export(
        &FRAMEWORK,
        folder,
        portfolio,
        target,
        ExportOptions::new(format),
        NOW,
    )
    .unwrap();
}

#[divan::bench]
fn render_600_words_for_the_preview(bencher: divan::Bencher) {
    let text = large_portfolio::prose(600, 1);
    bencher.bench(|| cmalt_core::markdown::render(divan::black_box(&text)));
}

/// Hostile structure must cost no more than its length (issue 12: 100,000 nested quotes once
/// took 35 s). Target: each under 100 ms.
#[divan::bench(args = ["100,000 nested quotes", "10,000 nested lists", "10,000 nested numbered lists"])]
fn render_hostile_nesting(bencher: divan::Bencher, shape: &str) {
    let text = match shape {
        "100,000 nested quotes" => format!("{}the words", ">".repeat(100_000)),
        "10,000 nested lists" => format!("{}the words", "- ".repeat(10_000)),
        _ => format!("{}the words", "1. ".repeat(10_000)),
    };
    bencher.bench(|| cmalt_core::markdown::render(divan::black_box(&text)));
}

#[divan::bench]
fn checklist_of_a_large_senior_portfolio(bencher: divan::Bencher) {
    let portfolio = &LARGE.portfolio;
    bencher.bench(|| {
        cmalt_core::checklist::check(
            &FRAMEWORK,
            divan::black_box(portfolio),
            date!(2026 - 11 - 23),
        )
    });
}

/// The checklist as a fresh import sees it: no principle tagged and no topic given, so it
/// reads every section's prose for topics and principles to propose. Target: under 5 ms.
#[divan::bench]
fn checklist_of_a_large_untagged_portfolio(bencher: divan::Bencher) {
    let mut portfolio = LARGE.portfolio.clone();
    for section in portfolio.sections.values_mut() {
        section.principles.clear();
        section.topic.clear();
    }
    bencher.bench(|| {
        cmalt_core::checklist::check(
            &FRAMEWORK,
            divan::black_box(&portfolio),
            date!(2026 - 11 - 23),
        )
    });
}

/// Reading a 20,000-word draft into sections, parts, evidence and references (the import
/// before any file is copied). Target: under 50 ms.
#[divan::bench]
fn import_a_20000_word_draft(bencher: divan::Bencher) {
    let draft = large_portfolio::draft_markdown(&FRAMEWORK, 20_000);
    bencher.bench(|| {
        cmalt_core::import::import_markdown(&FRAMEWORK, divan::black_box(&draft), None, None)
    });
}

#[divan::bench]
fn outline_of_a_large_senior_portfolio(bencher: divan::Bencher) {
    let portfolio = &LARGE.portfolio;
    bencher.bench(|| cmalt_core::outline::outline(&FRAMEWORK, divan::black_box(portfolio)));
}

#[divan::bench(sample_count = 30)]
fn save_with_fsync_and_backup(bencher: divan::Bencher) {
    let root = tempfile::tempdir().unwrap();
    let folder = PortfolioFolder::create(&root.path().join("p"), &LARGE.portfolio).unwrap();
    bencher.bench_local(|| folder.save(&LARGE.portfolio).unwrap());
}

/// The floor a save is measured against: the same bytes written and fsynced once.
#[divan::bench(sample_count = 30)]
fn write_and_fsync_the_same_bytes_once(bencher: divan::Bencher) {
    let root = tempfile::tempdir().unwrap();
    let bytes = serde_json::to_vec_pretty(&LARGE.portfolio).unwrap();
    let path = root.path().join("plain.json");
    bencher.bench_local(|| {
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(&bytes).unwrap();
        file.sync_all().unwrap();
    });
}

#[divan::bench(sample_count = 30)]
fn open_a_large_portfolio(bencher: divan::Bencher) {
    let folder = &LARGE.folder;
    bencher.bench_local(|| PortfolioFolder::open(folder).unwrap());
}

/// The web bundle as a folder: the page, the data and the 30 MB of files, each fsynced.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn export_web_bundle(bencher: divan::Bencher) {
    let large = &*LARGE;
    let target = FreshTarget::new("bundle");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(&large.folder, &large.portfolio, ExportFormat::Folder, &out)
        });
}

/// The same bundle as one zip (deflate over files that do not compress, as real ones).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn export_zip(bencher: divan::Bencher) {
    let large = &*LARGE;
    let target = FreshTarget::new("portfolio.zip");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(&large.folder, &large.portfolio, ExportFormat::Zip, &out)
        });
}

/// One page with its images (half of the files, about 15 MB) inside as `data:` URLs.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn export_single_file(bencher: divan::Bencher) {
    let large = &*LARGE;
    let target = FreshTarget::new("portfolio.html");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(
                &large.folder,
                &large.portfolio,
                ExportFormat::SingleHtml,
                &out,
            )
        });
}

/// The Word document, with the pictures (half of the files) inside it.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn export_word_document(bencher: divan::Bencher) {
    let large = &*LARGE;
    let target = FreshTarget::new("portfolio.docx");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(&large.folder, &large.portfolio, ExportFormat::Docx, &out)
        });
}

/// The export of the text alone (every item a link): the part the 100 ms target is about.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn export_web_bundle_text_only(bencher: divan::Bencher) {
    let empty_folder = tempfile::tempdir().unwrap();
    let target = FreshTarget::new("bundle");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(empty_folder.path(), &TEXT_ONLY, ExportFormat::Folder, &out)
        });
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn export_single_file_text_only(bencher: divan::Bencher) {
    let empty_folder = tempfile::tempdir().unwrap();
    let target = FreshTarget::new("portfolio.html");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            export_large(
                empty_folder.path(),
                &TEXT_ONLY,
                ExportFormat::SingleHtml,
                &out,
            )
        });
}

/// The floor the bundle's files are measured against: reading the 100 evidence files and
/// writing each to a fresh folder with an fsync, as the export does, and nothing else.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn copy_the_evidence_files_with_fsync(bencher: divan::Bencher) {
    let evidence = LARGE.folder.join(EVIDENCE_DIR);
    let target = FreshTarget::new("copy");
    bencher
        .with_inputs(|| target.next())
        .bench_local_values(|out| {
            std::fs::create_dir(&out).unwrap();
            for entry in std::fs::read_dir(&evidence).unwrap() {
                let entry = entry.unwrap();
                let bytes = std::fs::read(entry.path()).unwrap();
                let mut file = std::fs::File::create(out.join(entry.file_name())).unwrap();
                file.write_all(&bytes).unwrap();
                file.sync_all().unwrap();
            }
            cmalt_core::store::atomic::sync_folder(&out).unwrap();
        });
}
