//! The "before you share" check of a large portfolio (Senior pathway, every section about
//! 1,000 words) with about 30 MB of real evidence: photos of about 1 MB each that still carry
//! GPS, serial and owner tags (written by ExifTool, and put in the folder as an older version
//! of the app left them), PDFs and Word files made by LibreOffice, and text files. Cold: a new
//! cache, so every file is read, hashed and parsed. Warm: the same cache again, as the window
//! checks after each change. Target: warm under 200 ms.
//!
//! Run with `cargo bench -p cmalt-core --bench share_check`. Needs `libimage-exiftool-perl` and
//! `libreoffice-writer-nogui` (scripts/setup.sh test) to make the files.

#[path = "support/large_portfolio.rs"]
mod large_portfolio;

use cmalt_core::evidence::files::{safe_file_name, sha256_hex};
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use cmalt_core::share_check::{EvidenceTextCache, check_before_sharing};
use large_portfolio::NOW;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{LazyLock, Mutex};

const PHOTOS: usize = 30;
const DOCUMENTS: usize = 8;
const TEXT_FILES: usize = 6;

fn main() {
    LazyLock::force(&LARGE);
    divan::main();
    let _ = std::fs::remove_dir_all(LARGE.root.path());
}

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| Framework::bundled().unwrap());

struct OnDisk {
    root: tempfile::TempDir,
    folder: PathBuf,
    portfolio: Portfolio,
}

static LARGE: LazyLock<OnDisk> = LazyLock::new(|| {
    let root = tempfile::tempdir().unwrap();
    let (folder, portfolio) = with_real_evidence(root.path());
    let mut cache = EvidenceTextCache::new();
    let found = check_before_sharing(&FRAMEWORK, &portfolio, &folder, &mut cache);
    eprintln!(
        "large portfolio: {} evidence items, {:.1} MB of files ({} read); {} findings before sharing",
        portfolio.evidence.len(),
        large_portfolio::evidence_bytes(&portfolio) as f64 / 1e6,
        cache.files_read(),
        found.len()
    );
    OnDisk {
        root,
        folder,
        portfolio,
    }
});

/// A warm cache, filled once: what a `Session` keeps between checks.
static WARM: LazyLock<Mutex<EvidenceTextCache>> = LazyLock::new(|| {
    let mut cache = EvidenceTextCache::new();
    check_before_sharing(&FRAMEWORK, &LARGE.portfolio, &LARGE.folder, &mut cache);
    Mutex::new(cache)
});

#[divan::bench(sample_count = 5, sample_size = 1)]
fn before_sharing_cold_cache(bencher: divan::Bencher) {
    bencher
        .with_inputs(EvidenceTextCache::new)
        .bench_local_values(|mut cache| {
            check_before_sharing(&FRAMEWORK, &LARGE.portfolio, &LARGE.folder, &mut cache)
        });
}

#[divan::bench(sample_count = 30)]
fn before_sharing_warm_cache(bencher: divan::Bencher) {
    let mut cache = WARM.lock().unwrap();
    bencher.bench_local(|| {
        check_before_sharing(
            &FRAMEWORK,
            divan::black_box(&LARGE.portfolio),
            &LARGE.folder,
            &mut cache,
        )
    });
}

fn run(program: &str, args: &[String], package: &str) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("`{program}` could not be run ({error}): apt-get install -y {package}")
        });
    assert!(
        output.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A photo just under 1 MB (the rule for one file, room left for its tags): a camera's
/// noise over soft gradients, encoded by `image`, made smaller until it fits.
fn photo(seed: u64) -> Vec<u8> {
    let (mut width, mut height) = (1400u32, 1050u32);
    loop {
        let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ seed;
        let mut noise = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state & 0x7F) as u32
        };
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([
                (x * 120 / width + noise()) as u8,
                (y * 120 / height + noise()) as u8,
                ((x + y) % 120 + noise()) as u8,
            ])
        });
        let mut bytes = std::io::Cursor::new(Vec::new());
        picture
            .write_to(&mut bytes, image::ImageFormat::Jpeg)
            .unwrap();
        let bytes = bytes.into_inner();
        if bytes.len() <= 980_000 {
            return bytes;
        }
        width = width * 19 / 20;
        height = height * 19 / 20;
    }
}

/// A LibreOffice document of a few pages of prose with personal data in it.
fn document(number: usize) -> String {
    let mut paragraphs = String::new();
    for index in 0..40 {
        paragraphs.push_str(&format!(
            "<text:p>{}</text:p>\n",
            large_portfolio::prose(90, number * 40 + index).replace(['*', '_'], "")
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>
  <text:p>Report {number}: my student Priya Shah wrote from priya.shah{number}@example.org; call 07700 900{number:03}.</text:p>
{paragraphs}
 </office:text></office:body>
</office:document>
"#
    )
}

/// A text file of about 400 KB: marks exported from a VLE, with learners' addresses.
fn text_file(number: usize) -> Vec<u8> {
    let mut text = String::from("name,email,mark,comment\n");
    let mut row = 0;
    while text.len() < 400_000 {
        text.push_str(&format!(
            "Learner {row},learner{row}.{number}@example.ac.uk,{},{}\n",
            40 + row % 60,
            large_portfolio::prose(8, row)
        ));
        row += 1;
    }
    text.into_bytes()
}

fn converted(sources: &Path, to: &str, extension: &str, names: &[String]) -> Vec<Vec<u8>> {
    let out = sources.join(format!("out-{extension}"));
    let mut args = vec![
        format!(
            "-env:UserInstallation=file://{}",
            sources.join("lo-profile").display()
        ),
        "--headless".to_string(),
        "--convert-to".to_string(),
        to.to_string(),
        "--outdir".to_string(),
        out.display().to_string(),
    ];
    args.extend(
        names
            .iter()
            .map(|name| sources.join(name).display().to_string()),
    );
    run("soffice", &args, "libreoffice-writer-nogui");
    names
        .iter()
        .map(|name| {
            let stem = name.trim_end_matches(".fodt");
            std::fs::read(out.join(format!("{stem}.{extension}"))).unwrap()
        })
        .collect()
}

/// The large portfolio's text with about 30 MB of real evidence in its folder.
fn with_real_evidence(root: &Path) -> (PathBuf, Portfolio) {
    let sources = root.join("sources");
    let photos = sources.join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    for number in 0..PHOTOS {
        std::fs::write(
            photos.join(format!("IMG_{number:04}.jpg")),
            photo(number as u64),
        )
        .unwrap();
    }
    let mut exif: Vec<String> = [
        "-q",
        "-overwrite_original",
        "-GPSLatitude=51.5072",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=0.1276",
        "-GPSLongitudeRef=W",
        "-SerialNumber=SN-4471-0093",
        "-OwnerName=Sam Example",
        "-Make=Canon",
        "-Model=EOS 250D",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    exif.push(photos.display().to_string());
    run("exiftool", &exif, "libimage-exiftool-perl");

    let names: Vec<String> = (0..DOCUMENTS).map(|n| format!("report-{n}.fodt")).collect();
    for (number, name) in names.iter().enumerate() {
        std::fs::write(sources.join(name), document(number)).unwrap();
    }
    let pdfs = converted(&sources, "pdf", "pdf", &names);
    let docxs = converted(&sources, "docx", "docx", &names);

    let mut files: Vec<(String, Vec<u8>, &str)> = Vec::new();
    for number in 0..PHOTOS {
        let name = format!("IMG_{number:04}.jpg");
        files.push((
            name.clone(),
            std::fs::read(photos.join(&name)).unwrap(),
            "image/jpeg",
        ));
    }
    for (number, bytes) in pdfs.into_iter().enumerate() {
        files.push((format!("Report {number}.pdf"), bytes, "application/pdf"));
    }
    for (number, bytes) in docxs.into_iter().enumerate() {
        files.push((
            format!("Report {number}.docx"),
            bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ));
    }
    for number in 0..TEXT_FILES {
        files.push((format!("marks-{number}.csv"), text_file(number), "text/csv"));
    }

    let folder = root.join("portfolio");
    std::fs::create_dir_all(folder.join("evidence")).unwrap();
    let mut portfolio = large_portfolio::with_links(&FRAMEWORK);
    portfolio.evidence.clear();
    for (index, (name, bytes, media_type)) in files.into_iter().enumerate() {
        let sha256 = sha256_hex(&bytes);
        let stored_name = format!("{}-{}", &sha256[..12], safe_file_name(&name));
        std::fs::write(folder.join("evidence").join(&stored_name), &bytes).unwrap();
        let number = index as u32 + 1;
        portfolio.evidence.push(EvidenceItem {
            id: EvidenceItem::id_for(number),
            number,
            details: EvidenceDetails {
                title: format!("Evidence item {number}"),
                what_it_shows: "How the change reached learners".into(),
                permission_confirmed: true,
                ..EvidenceDetails::default()
            },
            source: EvidenceSource::File {
                original_name: name,
                stored_name,
                bytes: bytes.len() as u64,
                sha256,
                media_type: media_type.to_string(),
            },
            added_at: NOW,
        });
    }
    portfolio.next_evidence_number = portfolio.evidence.len() as u32 + 1;
    let _ = std::fs::remove_dir_all(&sources);
    (folder, portfolio)
}
