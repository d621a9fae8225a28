//! The PDF export timed: the sample (the target is under 2 s) and the generated large
//! portfolio of the core's benchmarks (Senior, every section about 1,000 words, 100 evidence
//! items with about 30 MB of real files, the pictures inside the PDF). Fonts are read from the
//! system at each export, as an export does. Run with `cargo bench -p cmalt-pdf`.

#[path = "../../core/benches/support/large_portfolio.rs"]
mod large_portfolio;

use cmalt_core::export::{self, ExportExtras, ExportFormat, ExportOptions};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use large_portfolio::NOW;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

fn main() {
    divan::main();
}

static FRAMEWORK: LazyLock<Arc<Framework>> =
    LazyLock::new(|| Arc::new(Framework::bundled().unwrap()));

struct OnDisk {
    _root: tempfile::TempDir,
    folder: PathBuf,
    portfolio: Portfolio,
}

/// The sample imported with its evidence, as a candidate would.
static SAMPLE: LazyLock<OnDisk> = LazyLock::new(|| {
    let root = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample");
    let drafts = root.path().join("drafts");
    std::fs::create_dir_all(drafts.join("evidence")).unwrap();
    for entry in std::fs::read_dir(samples.join("evidence")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            drafts.join("evidence").join(entry.file_name()),
        )
        .unwrap();
    }
    let draft = drafts.join("sample-cmalt.md");
    std::fs::copy(samples.join("sample-cmalt.md"), &draft).unwrap();
    let folder = root.path().join("portfolio");
    cmalt_core::import::import_file(&FRAMEWORK, &draft, &folder, None, NOW).unwrap();
    let portfolio = cmalt_core::store::read_only(&folder).unwrap();
    OnDisk {
        _root: root,
        folder,
        portfolio,
    }
});

static LARGE: LazyLock<OnDisk> = LazyLock::new(|| {
    let root = tempfile::tempdir().unwrap();
    let (folder, portfolio) = large_portfolio::with_files_on_disk(&FRAMEWORK, root.path());
    OnDisk {
        _root: root,
        folder,
        portfolio,
    }
});

fn export_pdf(on_disk: &OnDisk, out: &Path) {
    let _ = std::fs::remove_file(out);
    export::export_with(
        &FRAMEWORK,
        &on_disk.folder,
        &on_disk.portfolio,
        out,
        ExportOptions::new(ExportFormat::Pdf),
        &cmalt_pdf::with_pdf_writer(ExportExtras::default()),
        NOW,
    )
    .unwrap();
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn export_pdf_of_the_sample(bencher: divan::Bencher) {
    let target = tempfile::tempdir().unwrap();
    let out = target.path().join("portfolio.pdf");
    LazyLock::force(&SAMPLE);
    bencher.bench_local(|| export_pdf(&SAMPLE, &out));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn export_pdf_of_the_large_portfolio(bencher: divan::Bencher) {
    let target = tempfile::tempdir().unwrap();
    let out = target.path().join("portfolio.pdf");
    LazyLock::force(&LARGE);
    bencher.bench_local(|| export_pdf(&LARGE, &out));
}
