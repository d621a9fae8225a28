//! Importing Word drafts: the sample and a variant, converted to .docx with pandoc
//! here (no .docx is committed), land section by section as the Markdown does; embedded
//! images become evidence under the 1 MB rule; what is not a readable .docx is refused.

use cmalt_core::evidence::EvidenceSource;
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::import::{self, DraftKind, ImportReport};
use cmalt_core::markdown::count_markdown_words;
use cmalt_core::model::Portfolio;
use cmalt_core::store::{self, EVIDENCE_DIR};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-03-14 09:00 UTC);

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample")
}

fn sample_text() -> String {
    std::fs::read_to_string(samples().join("sample-cmalt.md")).expect("the sample is readable")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(samples().join("sample-cmalt.expected.json")).unwrap();
    serde_json::from_str(&text).expect("the expected file is JSON")
}

fn framework() -> Framework {
    Framework::bundled().expect("the bundled framework loads")
}

/// A folder holding a copy of the sample's evidence, where drafts are written.
fn drafts_folder() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let evidence = root.path().join("evidence");
    std::fs::create_dir_all(&evidence).unwrap();
    for entry in std::fs::read_dir(samples().join("evidence")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), evidence.join(entry.file_name())).unwrap();
    }
    root
}

/// Converts `markdown` to `name` (a .docx) in `folder` with pandoc, images resolved there.
fn to_docx(folder: &Path, markdown: &str, name: &str) -> PathBuf {
    let source = folder.join("source.md");
    std::fs::write(&source, markdown).unwrap();
    let target = folder.join(name);
    let output = Command::new("pandoc")
        .current_dir(folder)
        .args(["-f", "markdown", "-t", "docx", "source.md", "-o", name])
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "these tests make their .docx drafts with pandoc, which could not be run ({error}). Install it with `scripts/setup.sh test` (or `apt-get install pandoc`)."
            )
        });
    assert!(
        output.status.success(),
        "pandoc failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The Markdown must not be what gets imported.
    std::fs::remove_file(source).unwrap();
    target
}

fn import_docx(folder: &Path, docx: &Path) -> (ImportReport, Portfolio) {
    let out = folder.join("portfolio");
    let report = import::import_file(&framework(), docx, &out, None, NOW)
        .unwrap_or_else(|e| panic!("{} imports: {e}", docx.display()));
    assert_eq!(report.kind, DraftKind::Docx);
    (report, store::read_only(&out).unwrap())
}

fn within_tolerance(ours: usize, expected: u64) -> bool {
    (ours as f64 - expected as f64).abs() <= expected as f64 * 0.03
}

/// Sections, parts, evidence and words as the sample's expected file says (±3%).
fn assert_sections_match_expected(portfolio: &Portfolio, variant: &str) {
    let expected = expected();
    for (id, facts) in expected["sections"].as_object().unwrap() {
        if facts["present"] == false || matches!(id.as_str(), "confirmation" | "assessor") {
            continue;
        }
        let entry = portfolio
            .section(id)
            .unwrap_or_else(|| panic!("{variant}: {id} is in the sample"));
        let description = count_markdown_words(&entry.description);
        let reflection = count_markdown_words(&entry.reflection);
        let narrative = facts["narrative_words"].as_u64().unwrap();
        assert!(
            within_tolerance(description + reflection, narrative),
            "{variant}: {id} has {} narrative words, the sample {narrative} ±3%",
            description + reflection
        );
        for (ours, key) in [
            (description, "description_words"),
            (reflection, "reflection_words"),
        ] {
            if let Some(theirs) = facts.get(key).and_then(Value::as_u64) {
                assert!(
                    within_tolerance(ours, theirs),
                    "{variant}: {id} {key} {ours}, the sample {theirs} ±3%"
                );
            }
        }
        if let Some(ids) = facts.get("evidence_ids").and_then(Value::as_array) {
            let cited: Vec<&str> = entry
                .citations
                .iter()
                .map(|c| c.evidence_id.as_str())
                .collect();
            let listed: Vec<&str> = ids.iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(
                cited, listed,
                "{variant}: {id} cites what it lists, with the draft's numbers"
            );
        }
    }
    let confirmation = &portfolio.confirmation;
    assert!(
        confirmation.declaration_accepted,
        "{variant}: the declaration survives Word"
    );
    assert_eq!(confirmation.signed_name, "Amara Whitcombe", "{variant}");
    assert_eq!(confirmation.date, "2026-03-14", "{variant}");
    let assessor = portfolio.assessor.as_ref().expect("the assessor is named");
    assert_eq!(assessor.email, "r.ellery@fenbridge.example", "{variant}");
}

#[test]
fn the_sample_as_a_word_document_lands_as_the_markdown_does() {
    let folder = drafts_folder();
    let docx = to_docx(folder.path(), &sample_text(), "sample-cmalt.docx");
    let (report, portfolio) = import_docx(folder.path(), &docx);
    assert_sections_match_expected(&portfolio, "the sample as .docx");
    assert_eq!(
        report.pathway,
        PathwayId::Cmalt,
        "“Pathway: CMALT” in bold survives Word"
    );
    assert_eq!(portfolio.evidence.len(), 22, "E3 and E13 are one item each");
    assert_eq!(
        report.evidence.files_attached, 18,
        "the files next to the .docx are attached"
    );
    let e12 = portfolio.evidence_item("E12").unwrap();
    assert!(
        matches!(&e12.source, EvidenceSource::Link { url } if url == "https://moodle.harrowdenvale.example/accessibility"),
        "{:?}",
        e12.source
    );
    let legislation = &portfolio.section("3a").unwrap().description;
    assert!(
        legislation.contains("](https://www.legislation.gov.uk/uksi/2018/952/contents/made)"),
        "Word's hyperlink comes back as a Markdown link: {legislation}"
    );
    let table = &portfolio.section("1a").unwrap().description;
    assert!(
        table.contains("| Criterion | Moodle Quiz |") && table.contains("|---|"),
        "the comparison table is a Markdown table again: {table}"
    );
    let steps = &portfolio.section("1b").unwrap().description;
    assert!(
        steps.contains("1. **Shared question banks.**"),
        "numbered lists keep their numbers and bold lead-ins: {steps}"
    );
}

/// The same document as other zip writers pack it: streamed (sizes after the data, as
/// Google Docs and LibreOffice do) and ZIP64 (as large or some Word saves are).
fn repacked(docx: &Path, name: &str, streamed: bool, zip64: bool) -> PathBuf {
    use std::io::{Read, Write};
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(zip64);
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        parts.push((entry.name().to_string(), bytes));
    }
    let target = docx.with_file_name(name);
    let file = std::fs::File::create(&target).unwrap();
    if streamed {
        let mut writer = zip::ZipWriter::new_stream(file);
        for (part, bytes) in &parts {
            writer.start_file(part.as_str(), options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    } else {
        let mut writer = zip::ZipWriter::new(file);
        for (part, bytes) in &parts {
            writer.start_file(part.as_str(), options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    target
}

#[test]
fn any_zip_writers_word_document_is_read_streamed_or_zip64() {
    for (name, streamed, zip64) in [
        ("streamed.docx", true, false),
        ("zip64.docx", false, true),
        ("streamed-zip64.docx", true, true),
    ] {
        let folder = drafts_folder();
        let docx = to_docx(folder.path(), &sample_text(), "sample-cmalt.docx");
        let repacked = repacked(&docx, name, streamed, zip64);
        let bytes = std::fs::read(&repacked).unwrap();
        if streamed {
            assert_ne!(bytes[6] & 0x08, 0, "{name}: sizes follow the data");
        }
        let (_, portfolio) = import_docx(folder.path(), &repacked);
        assert_sections_match_expected(&portfolio, name);
    }
}

#[test]
fn a_variant_with_core_areas_and_bold_labels_as_a_word_document() {
    let mut text = String::new();
    let mut pending_label: Option<String> = None;
    for line in sample_text().lines() {
        if let Some((id, title)) = line.strip_prefix("## ").and_then(|h| h.split_once(": ")) {
            if id == "1a" {
                text.push_str("# Core Area 1: Operational Issues\n\n");
            }
            let (core, letter) = id.split_at(1);
            let heading = if matches!(core, "1" | "2" | "3") && id == format!("1{letter}") {
                format!("## {letter}) {title}")
            } else {
                format!("## Section {id} – {title}")
            };
            text.push_str(&heading);
            text.push('\n');
            continue;
        }
        if let Some(part) = line.strip_prefix("### ") {
            if part == "Evidence" {
                // A list needs its own paragraph in Word: the label stands alone above it.
                text.push_str("**Evidence:**\n");
            } else {
                pending_label = Some(format!("**{part}:**"));
            }
            continue;
        }
        match &pending_label {
            Some(_) if line.trim().is_empty() => continue,
            Some(label) => {
                text.push_str(&format!("{label} {line}\n"));
                pending_label = None;
            }
            None => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let folder = drafts_folder();
    let docx = to_docx(folder.path(), &text, "variant.docx");
    let (_report, portfolio) = import_docx(folder.path(), &docx);
    assert_sections_match_expected(&portfolio, "core areas and bold labels as .docx");
}

/// A PNG of noise (which does not compress) of about `bytes` bytes.
fn noisy_png(path: &Path, bytes: usize) {
    let side = ((bytes / 3) as f64).sqrt().ceil() as u32;
    let mut state: u32 = 2463534242;
    let image = image::RgbImage::from_fn(side, side, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state & 0xFF) as u8
        };
        image::Rgb([next(), next(), next()])
    });
    image.save(path).unwrap();
}

#[test]
fn embedded_images_become_evidence_and_one_over_one_megabyte_is_refused() {
    let folder = drafts_folder();
    noisy_png(&folder.path().join("big-photo.png"), 1_300_000);
    let big = std::fs::metadata(folder.path().join("big-photo.png"))
        .unwrap()
        .len();
    assert!(
        big > 1_000_000,
        "the test image must be over the limit: {big} bytes"
    );
    let text = sample_text()
        .replace(
            "### Reflection\n\nThis work made me much more confident",
            "![The report builder report](evidence/E4-quiz-report-screenshot.png)\n\n### Reflection\n\nThis work made me much more confident",
        )
        .replace(
            "### Reflection\n\nSetting up the Champions network",
            "![A photo of the network meeting](big-photo.png)\n\n### Reflection\n\nSetting up the Champions network",
        );
    let docx = to_docx(folder.path(), &text, "with-images.docx");
    let (report, portfolio) = import_docx(folder.path(), &docx);

    assert_eq!(report.evidence.images_attached, 1, "{:#?}", report.evidence);
    let small = portfolio
        .evidence_item("E23")
        .expect("the first image is the next item");
    match &small.source {
        EvidenceSource::File {
            original_name,
            media_type,
            stored_name,
            ..
        } => {
            assert_eq!(original_name, "1b-image-1.png", "named after where it was");
            assert_eq!(media_type, "image/png");
            let stored = std::fs::read(
                folder
                    .path()
                    .join("portfolio")
                    .join(EVIDENCE_DIR)
                    .join(stored_name),
            )
            .unwrap();
            let original =
                std::fs::read(folder.path().join("evidence/E4-quiz-report-screenshot.png"))
                    .unwrap();
            assert_eq!(stored, original, "the image's bytes, unchanged");
        }
        other => panic!("the small image is attached: {other:?}"),
    }
    assert_eq!(
        small.details.title, "The report builder report",
        "the caption names it"
    );
    assert!(
        portfolio
            .section("1b")
            .unwrap()
            .citations
            .iter()
            .any(|c| c.evidence_id == "E23")
    );
    assert!(
        portfolio
            .section("1b")
            .unwrap()
            .description
            .contains("[E23]"),
        "the text points at the image where it was"
    );

    assert_eq!(report.refused.len(), 1, "{:#?}", report.refused);
    let refused = &report.refused[0];
    assert_eq!(refused.evidence_id, "E24");
    assert!(
        refused.reason.contains("4-image-2.png")
            && refused
                .reason
                .contains("limit for one evidence file is 1 MB"),
        "{}",
        refused.reason
    );
    assert!(
        matches!(
            portfolio.evidence_item("E24").unwrap().source,
            EvidenceSource::MissingFile { .. }
        ),
        "the refused image keeps its item and its place in the text"
    );
    assert!(
        portfolio
            .section("4")
            .unwrap()
            .description
            .contains("[E24]")
    );
}

#[test]
fn files_that_are_not_readable_word_documents_are_refused() {
    let folder = drafts_folder();
    let docx = to_docx(folder.path(), "## 1a Constraints\n\nText.\n", "real.docx");
    let real = std::fs::read(&docx).unwrap();
    let mut password_protected = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    password_protected.resize(512, 0);
    password_protected.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    password_protected.resize(4096, 0);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "renamed.docx",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(),
            "is a PDF",
        ),
        ("empty.docx", Vec::new(), "is empty"),
        (
            "truncated.docx",
            real[..real.len() / 2].to_vec(),
            "could not be read as a Word document",
        ),
        (
            "locked.docx",
            password_protected,
            "protected with a password",
        ),
    ];
    let out = folder.path().join("portfolio");
    for (name, bytes, words) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let error = import::import_file(&framework(), &path, &out, None, NOW).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(words), "{name}: {message}");
        assert!(
            message.contains(name),
            "{name}: the message names the file: {message}"
        );
        assert!(
            !out.exists(),
            "{name}: a refused draft creates no portfolio"
        );
    }
}
