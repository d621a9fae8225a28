//! The PDF export, read by real PDF tools: the sample imported with its evidence and exported
//! as a PDF has A4 pages, every section title and the candidate's words in its text, "Page 1
//! of", the declaration, bookmarks, live links to the evidence addresses, embedded subset
//! fonts and the sample's picture, and passes `qpdf --check`. A photo tagged with GPS comes
//! out without it; characters outside the fonts do not stop it; missing fonts say what to
//! install.
//!
//! Needs poppler-utils (pdfinfo, pdftotext, pdffonts, pdfimages), qpdf, exiftool and the
//! Liberation fonts (fonts-liberation2); a missing one fails the test with the package to
//! install, it is never skipped.

use cmalt_core::evidence::files::store_bytes;
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::export::{self, ExportExtras, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::import;
use cmalt_core::model::{Citation, Portfolio};
use cmalt_core::store::{self, PortfolioFolder};
use cmalt_pdf::fonts::{FontPlaces, load};
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-03-14 09:00 UTC);

/// Runs a tool on `args`, failing (never skipping) with the package to install when missing.
fn tool(program: &str, args: &[&str]) -> String {
    let package = match program {
        "qpdf" => "qpdf",
        "exiftool" => "libimage-exiftool-perl",
        _ => "poppler-utils",
    };
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("`{program}` is missing ({e}): install it with `apt-get install -y {package}` (scripts/setup.sh)")
    });
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample")
}

/// The sample imported beside a copy of its evidence folder, as a candidate would.
fn sample(root: &Path) -> (PathBuf, Portfolio) {
    let drafts = root.join("drafts");
    std::fs::create_dir_all(drafts.join("evidence")).unwrap();
    for entry in std::fs::read_dir(samples().join("evidence")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            drafts.join("evidence").join(entry.file_name()),
        )
        .unwrap();
    }
    let draft = drafts.join("sample-cmalt.md");
    std::fs::copy(samples().join("sample-cmalt.md"), &draft).unwrap();
    let folder = root.join("portfolio");
    import::import_file(&Framework::bundled().unwrap(), &draft, &folder, None, NOW)
        .expect("the sample imports");
    let portfolio = store::read_only(&folder).expect("the sample reads back");
    (folder, portfolio)
}

fn export_pdf(folder: &Path, portfolio: &Portfolio, out: &Path) -> export::ExportOutcome {
    export::export_with(
        &Framework::bundled().unwrap(),
        folder,
        portfolio,
        out,
        ExportOptions::new(ExportFormat::Pdf),
        &cmalt_pdf::with_pdf_writer(ExportExtras::default()),
        NOW,
    )
    .unwrap_or_else(|e| panic!("the PDF exports: {e}"))
}

/// pdftotext's text with its line breaks and hyphen-free wrapping undone, so a title that
/// wraps over two lines is found whole.
fn words_of(pdf: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", arg(pdf), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_sample_as_a_pdf_reads_as_the_portfolio_in_every_tool() {
    let root = tempfile::tempdir().unwrap();
    let (folder, portfolio) = sample(root.path());
    let out = root.path().join("portfolio.pdf");
    let outcome = export_pdf(&folder, &portfolio, &out);
    assert_eq!(outcome.sizes.format, ExportFormat::Pdf);
    assert_eq!(
        outcome.sizes.total_bytes,
        std::fs::metadata(&out).unwrap().len()
    );

    let info = tool("pdfinfo", &[arg(&out)]);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}:")))
            .map(|value| value.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo gives {name}: {info}"))
    };
    let pages: usize = field("Pages").parse().unwrap();
    assert!(
        pages >= 15,
        "the sample fills at least 15 pages, not {pages}"
    );
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert_eq!(field("Tagged"), "yes");
    assert!(
        field("Title").starts_with(&portfolio.display_title()),
        "{info}"
    );
    assert_eq!(field("Author"), "Amara Whitcombe");

    let text = words_of(&out);
    let framework = Framework::bundled().unwrap();
    for section in framework.sections_of(PathwayId::Cmalt) {
        let title = match &section.number {
            Some(number) => format!("{number} {}", section.title),
            None => section.title.clone(),
        };
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(&title),
            "the PDF has the section title {title:?}"
        );
    }
    let description = &portfolio.section("1a").unwrap().description;
    let first_words: String = description
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&first_words),
        "the candidate's own words are in it: {first_words:?}"
    );
    assert!(text.contains(&format!("Page 1 of {pages}")));
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    let declaration: String = framework
        .declaration
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&declaration),
        "the declaration: {declaration:?}"
    );
    assert!(text.contains("Contents") && text.contains("Evidence appendix"));

    let fonts = tool("pdffonts", &[arg(&out)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "regular and bold at least: {fonts}");
    for row in &rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID: the three yes/no columns before the id.
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "embedded, subset, with Unicode: {row}"
        );
        assert!(
            columns[0].contains('+'),
            "a subset's name has its tag: {row}"
        );
    }

    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &["--json", "--json-key=outlines", arg(&out)])).unwrap();
    let mut titles = Vec::new();
    fn gather(nodes: &serde_json::Value, titles: &mut Vec<String>) {
        for node in nodes.as_array().into_iter().flatten() {
            titles.push(node["title"].as_str().unwrap_or_default().to_string());
            gather(&node["kids"], titles);
        }
    }
    gather(&json["outlines"], &mut titles);
    for wanted in ["Contents", "Evidence appendix", "Future plans"] {
        assert!(
            titles.iter().any(|t| t == wanted),
            "bookmark {wanted:?} in {titles:?}"
        );
    }
    assert!(titles.iter().any(|t| t.starts_with("1a ")), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("E4 ")), "{titles:?}");

    let objects = tool(
        "qpdf",
        &["--qdf", "--object-streams=disable", arg(&out), "-"],
    );
    for item in &portfolio.evidence {
        if let EvidenceSource::Link { url } = &item.source {
            assert!(
                objects.contains(&format!("/URI ({url})")),
                "a live link to {url}"
            );
        }
    }
    assert!(
        objects.matches("/Subtype /Link").count() > 20,
        "links for [E3], the contents and the citations too"
    );

    let images = tool("pdfimages", &["-list", arg(&out)]);
    let pictures = portfolio
        .evidence
        .iter()
        .filter(|item| {
            matches!(&item.source, EvidenceSource::File { media_type, .. } if media_type.starts_with("image/"))
        })
        .count();
    assert!(pictures >= 1, "the sample has a screenshot");
    assert_eq!(
        images
            .lines()
            .skip(2)
            .filter(|l| l.contains(" image "))
            .count(),
        pictures,
        "each picture once: {images}"
    );
    let check = tool("qpdf", &["--check", arg(&out)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

/// A JPEG as a phone would save it, with where it was taken.
fn photo_with_gps(root: &Path) -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let path = root.join("photo.jpg");
    image.save(&path).unwrap();
    tool(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-GPSLatitude=51.5",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=0.12",
            "-GPSLongitudeRef=W",
            arg(&path),
        ],
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        tool("exiftool", &["-GPSLatitude", arg(&path)]).contains("51"),
        "the photo carries its place before the export"
    );
    bytes
}

/// A small portfolio with `text` in 1a and a photo attached from the folder.
fn small_portfolio(root: &Path, text: &str, photo: Option<&[u8]>) -> (PathBuf, Portfolio) {
    let folder = root.join("portfolio");
    let mut portfolio = Portfolio::new("My CMALT", "Sam Ó Briain", PathwayId::Cmalt, NOW);
    drop(PortfolioFolder::create(&folder, &portfolio).unwrap());
    portfolio.section_mut("1a").description = text.to_string();
    if let Some(bytes) = photo {
        let stored = store_bytes(&folder, "class photo.jpg", bytes).unwrap();
        portfolio.evidence.push(EvidenceItem {
            id: "E1".into(),
            number: 1,
            details: EvidenceDetails {
                title: "Class photo".into(),
                ..EvidenceDetails::default()
            },
            source: EvidenceSource::File {
                original_name: stored.original_name,
                stored_name: stored.stored_name,
                bytes: stored.bytes,
                sha256: stored.sha256,
                media_type: stored.media_type,
            },
            added_at: NOW,
        });
        portfolio.next_evidence_number = 2;
        portfolio.section_mut("1a").citations.push(Citation {
            evidence_id: "E1".into(),
            note: String::new(),
        });
    }
    (folder, portfolio)
}

#[test]
fn a_photo_leaves_in_the_pdf_without_where_it_was_taken() {
    let root = tempfile::tempdir().unwrap();
    let photo = photo_with_gps(root.path());
    let (folder, portfolio) = small_portfolio(root.path(), "See the photo [E1].", Some(&photo));
    let out = root.path().join("portfolio.pdf");
    export_pdf(&folder, &portfolio, &out);
    let images = root.path().join("images");
    std::fs::create_dir_all(&images).unwrap();
    // -all keeps a JPEG as the bytes the PDF holds.
    tool(
        "pdfimages",
        &["-all", arg(&out), arg(&images.join("image"))],
    );
    let extracted: Vec<PathBuf> = std::fs::read_dir(&images)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(extracted.len(), 1, "the photo is in the PDF: {extracted:?}");
    assert!(
        extracted[0].extension().is_some_and(|e| e == "jpg"),
        "the JPEG goes in as it is, undecoded"
    );
    let left = tool("exiftool", &["-a", "-G", arg(&extracted[0])]);
    assert!(
        !left.contains("GPS"),
        "no GPS is left in the PDF's photo: {left}"
    );
}

#[test]
fn characters_outside_the_fonts_are_exported_and_still_read_as_themselves() {
    let root = tempfile::tempdir().unwrap();
    let text = "Greek αβγ, Chinese 学习技术, an emoji 🎓 and a very-long-word-without-any-space-in-it-that-cannot-fit-on-one-line-of-an-a4-page-at-all-whatever-is-done-to-it-ever.";
    let (folder, portfolio) = small_portfolio(root.path(), text, None);
    let out = root.path().join("portfolio.pdf");
    export_pdf(&folder, &portfolio, &out);
    let words = words_of(&out);
    assert!(words.contains("Greek αβγ"), "{words}");
    assert!(
        words.contains("学习技术"),
        "copied text keeps the characters: {words}"
    );
    assert!(words.contains("🎓"), "{words}");
    tool("qpdf", &["--check", arg(&out)]);
}

#[test]
fn without_the_fonts_nothing_is_exported_and_the_message_says_what_to_install() {
    let empty = tempfile::tempdir().unwrap();
    let error = load(&FontPlaces::liberation_in(&[empty.path().to_path_buf()]))
        .err()
        .expect("no fonts in an empty folder");
    let message = error.to_string();
    assert!(message.contains("fonts-liberation2"), "{message}");
    assert!(message.contains("Nothing was exported."), "{message}");
    // A file that is not a font is not taken for one.
    std::fs::write(
        empty.path().join("LiberationSans-Regular.ttf"),
        b"not a font",
    )
    .unwrap();
    assert!(load(&FontPlaces::liberation_in(&[empty.path().to_path_buf()])).is_err());
}

#[test]
fn an_export_without_the_fonts_writes_nothing_and_says_what_to_install() {
    let root = tempfile::tempdir().unwrap();
    let (folder, portfolio) = sample(root.path());
    let empty = tempfile::tempdir().unwrap();
    let extras = ExportExtras {
        pdf: Some(std::sync::Arc::new(cmalt_pdf::Typesetter::with_fonts(
            FontPlaces::liberation_in(&[empty.path().to_path_buf()]),
        ))),
        ..ExportExtras::default()
    };
    let out = root.path().join("portfolio.pdf");
    let error = export::export_with(
        &Framework::bundled().unwrap(),
        &folder,
        &portfolio,
        &out,
        ExportOptions::new(ExportFormat::Pdf),
        &extras,
        NOW,
    )
    .expect_err("no fonts, no PDF");
    assert!(error.to_string().contains("fonts-liberation2"), "{error}");
    assert!(!out.exists(), "nothing was written");
    // With no PDF writer at all (the window's own core), it says so instead of failing silently.
    let error = export::export(
        &Framework::bundled().unwrap(),
        &folder,
        &portfolio,
        &out,
        ExportOptions::new(ExportFormat::Pdf),
        NOW,
    )
    .expect_err("no writer, no PDF");
    assert!(error.to_string().contains("cannot make a PDF"), "{error}");
    assert!(!out.exists());
}
