//! The Word export: its headings, table of contents field, pictures with alternative text,
//! evidence appendix, declaration and properties, read back from the .docx itself; the
//! sample portfolio within 10 MB; the same refusals as the other formats; and LibreOffice
//! opening it and turning it into a PDF with every section, the words and the pictures.

use cmalt_core::evidence::files::store_bytes;
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::export::reopen::{ReopenError, open_bundle};
use cmalt_core::export::{self, ExportError, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::import;
use cmalt_core::model::{Citation, Confirmation, NominatedAssessor, Portfolio};
use cmalt_core::outline;
use cmalt_core::store::{self, PortfolioFolder};
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-03-14 09:30 UTC);

fn picture(format: image::ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, 120])
    });
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, format)
        .expect("the picture encodes");
    bytes.into_inner()
}

struct Fixture {
    root: tempfile::TempDir,
    portfolio: Portfolio,
    framework: Framework,
}

impl Fixture {
    fn folder(&self) -> PathBuf {
        self.root.path().join("portfolio")
    }

    fn out(&self, name: &str) -> PathBuf {
        let exports = self.root.path().join("exports");
        fs::create_dir_all(&exports).unwrap();
        exports.join(name)
    }

    fn export(
        &self,
        out: &Path,
        options: ExportOptions,
    ) -> Result<export::ExportOutcome, ExportError> {
        export::export(
            &self.framework,
            &self.folder(),
            &self.portfolio,
            out,
            options,
            NOW,
        )
    }

    /// The Word export, written to `name` in the exports folder.
    fn docx(&self, name: &str) -> (PathBuf, export::ExportOutcome) {
        let out = self.out(name);
        let outcome = self
            .export(&out, ExportOptions::new(ExportFormat::Docx))
            .unwrap_or_else(|e| panic!("the Word export is written: {e}"));
        (out, outcome)
    }

    fn attach(&mut self, name: &str, bytes: &[u8], title: &str, sections: &[&str]) -> String {
        let stored = store_bytes(&self.folder(), name, bytes).expect("the file is stored");
        let number = self.portfolio.next_evidence_number;
        self.portfolio.next_evidence_number += 1;
        let id = EvidenceItem::id_for(number);
        self.portfolio.evidence.push(EvidenceItem {
            id: id.clone(),
            number,
            details: EvidenceDetails {
                title: title.into(),
                date: "2025-03".into(),
                origin: "My college".into(),
                what_it_shows: format!("What {title} shows."),
                permission_confirmed: true,
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
        for section in sections {
            self.portfolio
                .section_mut(section)
                .citations
                .push(Citation {
                    evidence_id: id.clone(),
                    note: format!("Why {id} matters here."),
                });
        }
        id
    }

    fn save(&self) {
        let (folder, _) = PortfolioFolder::open(&self.folder()).expect("the portfolio opens");
        folder.save(&self.portfolio).expect("the portfolio saves");
    }
}

/// A CMALT portfolio with formatted text in every section, three pictures (PNG, JPEG,
/// WebP), a PDF and a link, a signed declaration and an assessor, and words in a Senior
/// section that the export must leave out.
fn fixture() -> Fixture {
    let root = tempfile::tempdir().unwrap();
    let framework = Framework::bundled().unwrap();
    let mut portfolio = Portfolio::new("My CMALT portfolio", "Sam Ó Briain", PathwayId::Cmalt, NOW);
    portfolio.candidate.role = "Learning technologist".into();
    portfolio.candidate.organisation = "Harrowden Vale College".into();
    drop(PortfolioFolder::create(&root.path().join("portfolio"), &portfolio).unwrap());
    let mut fixture = Fixture {
        root,
        portfolio,
        framework,
    };
    for section in fixture.framework.sections_of(PathwayId::Cmalt) {
        let entry = fixture.portfolio.section_mut(&section.id);
        entry.description = format!(
            "I ran the **quizzes pilot** in {} with *twelve tutors*.\n\n- first step\n- second step\n\nSee [E1] and [E9].",
            section.id
        );
        entry.reflection = format!(
            "I learned from {}.\n\n## Looking back\n\nIt went well.",
            section.id
        );
    }
    fixture.portfolio.section_mut("3a").topic = "Equality Act 2010".into();
    fixture.portfolio.section_mut("5a").topic = "Accessible content".into();
    fixture.portfolio.section_mut("advanced-1").description = "KEPT-ASIDE words from Senior".into();
    fixture.portfolio.confirmation = Confirmation {
        declaration_accepted: true,
        signed_name: "Sam Ó Briain".into(),
        date: "2026-03-14".into(),
    };
    fixture.portfolio.assessor = Some(NominatedAssessor {
        name: "Dr Rowan Ellery".into(),
        organisation: "Fenbridge College Group".into(),
        email: "r.ellery@fenbridge.example".into(),
        no_conflict_confirmed: true,
        conflict_statement: String::new(),
    });
    fixture.attach(
        "quiz screenshot.png",
        &picture(image::ImageFormat::Png, 80, 60),
        "Quiz screenshot",
        &["1a", "1b"],
    );
    fixture.attach(
        "workshop photo.jpg",
        &picture(image::ImageFormat::Jpeg, 120, 90),
        "Workshop photo",
        &["4"],
    );
    fixture.attach(
        "dashboard.webp",
        &picture(image::ImageFormat::WebP, 64, 48),
        "Dashboard",
        &["2a"],
    );
    fixture.attach(
        "Tool comparison.pdf",
        b"%PDF-1.4 a small pdf",
        "Tool comparison",
        &["1a"],
    );
    let number = fixture.portfolio.next_evidence_number;
    fixture.portfolio.next_evidence_number += 1;
    fixture.portfolio.evidence.push(EvidenceItem {
        id: EvidenceItem::id_for(number),
        number,
        details: EvidenceDetails {
            title: "Conference slides".into(),
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::Link {
            url: "https://example.org/slides".into(),
        },
        added_at: NOW,
    });
    fixture.save();
    fixture
}

/// The parts of a .docx by name.
fn parts(docx: &Path) -> Vec<(String, Vec<u8>)> {
    let bytes = fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a Word document is a zip");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().to_string(), content)
        })
        .collect()
}

fn part(docx: &Path, name: &str) -> String {
    let found = parts(docx).into_iter().find(|(n, _)| n == name);
    let (_, bytes) = found.unwrap_or_else(|| panic!("the document has {name}"));
    String::from_utf8(bytes).expect("an XML part is UTF-8")
}

/// Where each element `tag` (`w:p`, `w:t`) opens in `xml`, not counting longer names
/// (`w:pPr`, `w:tab`).
fn openings(xml: &str, tag: &str) -> Vec<usize> {
    let open = format!("<{tag}");
    xml.match_indices(&open)
        .filter(|(at, _)| {
            matches!(
                xml.as_bytes().get(at + open.len()),
                Some(b' ' | b'>' | b'/')
            )
        })
        .map(|(at, _)| at)
        .collect()
}

/// Each paragraph of document.xml as (its style, its text), in order.
fn paragraphs(document: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for at in openings(document, "w:p") {
        let paragraph = &document[at..];
        let paragraph = &paragraph[..paragraph.find("</w:p>").unwrap_or(paragraph.len())];
        let style = paragraph
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("")
            .to_string();
        let mut text = String::new();
        for start in openings(paragraph, "w:t") {
            let run = &paragraph[start..];
            let Some(open_end) = run.find('>') else {
                continue;
            };
            if run[..open_end].ends_with('/') {
                continue;
            }
            let content = &run[open_end + 1..];
            text.push_str(&content[..content.find("</w:t>").unwrap_or(0)]);
        }
        out.push((style, unescape(&text)));
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn headings(document: &str, style: &str) -> Vec<String> {
    paragraphs(document)
        .into_iter()
        .filter(|(s, _)| s == style)
        .map(|(_, text)| text)
        .collect()
}

/// "1a An understanding of…", "5a Specialist area 1: Accessible content".
fn section_headings(framework: &Framework, portfolio: &Portfolio) -> Vec<String> {
    outline::outline(framework, portfolio)
        .groups
        .into_iter()
        .flat_map(|g| g.entries)
        .map(|entry| {
            let mut heading = entry.number.map(|n| format!("{n} ")).unwrap_or_default();
            heading.push_str(&entry.title);
            if entry.kind.area_kind().is_some() && !entry.topic.is_empty() {
                heading.push_str(&format!(": {}", entry.topic));
            }
            heading
        })
        .collect()
}

#[test]
fn every_section_is_a_heading_in_framework_order_under_its_group_with_its_parts() {
    let fixture = fixture();
    let (docx, outcome) = fixture.docx("portfolio.docx");
    assert_eq!(outcome.format, ExportFormat::Docx);
    let document = part(&docx, "word/document.xml");
    let sections = headings(&document, "Heading2");
    let expected = section_headings(&fixture.framework, &fixture.portfolio);
    let in_order: Vec<&String> = sections.iter().filter(|h| expected.contains(h)).collect();
    assert_eq!(
        in_order,
        expected.iter().collect::<Vec<_>>(),
        "every section the pathway shows is a Heading 2, in the framework's order"
    );
    assert!(
        expected.iter().any(|h| h.starts_with("1a "))
            && expected.iter().any(|h| h.contains("Accessible content")),
        "the expected list is the real one: {expected:?}"
    );
    let groups = headings(&document, "Heading1");
    for group in [
        "Core area 1: Operational issues",
        "Core area 4: Communication and working with others",
        "Specialist areas",
        "Evidence appendix",
    ] {
        assert!(
            groups.iter().any(|g| g == group),
            "{group} is a Heading 1: {groups:?}"
        );
    }
    let parts = headings(&document, "Heading3");
    let two_part_sections = outline::outline(&fixture.framework, &fixture.portfolio)
        .groups
        .into_iter()
        .flat_map(|g| g.entries)
        .filter(|e| e.two_parts)
        .count();
    assert!(two_part_sections >= 8, "CMALT has its assessed sections");
    for label in ["Description", "Reflection"] {
        assert_eq!(
            parts.iter().filter(|p| *p == label).count(),
            two_part_sections,
            "each assessed section has its {label} as a Heading 3"
        );
    }
    assert!(parts.iter().filter(|p| *p == "Evidence").count() >= two_part_sections);
    assert!(
        headings(&document, "Heading4")
            .iter()
            .any(|h| h == "Looking back"),
        "the candidate's own heading sits under its part"
    );
    assert!(
        !document.contains("KEPT-ASIDE"),
        "a section of another pathway is not exported"
    );
    assert!(
        document.contains("quizzes pilot")
            && document.contains("<w:b />")
            && document.contains("<w:i />"),
        "the candidate's bold and italics are kept"
    );
    assert!(
        paragraphs(&document)
            .iter()
            .any(|(style, text)| style == "ListParagraph" && text == "first step"),
        "a list stays a list"
    );
    let paragraphs = paragraphs(&document);
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(
        texts.contains(&"CMALT portfolio"),
        "the title page says what it is"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Pathway: CMALT")),
        "{texts:?}"
    );
    assert!(texts.contains(&"Candidate: Sam Ó Briain"));
    assert!(texts.contains(&"Exported: 14 March 2026"));
}

#[test]
fn the_contents_is_a_table_of_contents_field_linking_to_each_heading() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"TOC \o &quot;1-2&quot; \h \u \z"#),
        "a real TOC field over the groups and sections"
    );
    assert_eq!(document.matches("w:fldCharType=\"begin\"").count(), 1);
    assert_eq!(document.matches("w:fldCharType=\"end\"").count(), 1);
    let entries = headings(&document, "TOC2");
    assert!(
        entries.iter().any(|e| e.starts_with("1a "))
            && entries.iter().any(|e| e.starts_with("E1 ")),
        "the field holds the sections and evidence items before Word updates it: {entries:?}"
    );
    assert!(
        document.contains("w:anchor=\"section_1a\"") && document.contains("w:name=\"section_1a\""),
        "each entry links to a bookmark on its heading"
    );
    assert!(
        part(&docx, "word/settings.xml").contains("<w:updateFields w:val=\"true\" />"),
        "Word is asked to fill in the page numbers when it opens the document"
    );
}

#[test]
fn pictures_are_inside_with_alt_text_and_other_files_and_links_are_listed() {
    let fixture = fixture();
    let (docx, outcome) = fixture.docx("portfolio.docx");
    let document = part(&docx, "word/document.xml");
    let descriptions: Vec<&str> = document
        .split("<wp:docPr ")
        .skip(1)
        .map(|p| {
            p.split("descr=\"")
                .nth(1)
                .and_then(|d| d.split('"').next())
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        descriptions,
        [
            "E1: Quiz screenshot. What Quiz screenshot shows.",
            "E2: Workshop photo. What Workshop photo shows.",
            "E3: Dashboard. What Dashboard shows.",
        ],
        "each picture carries its item's number, title and what it shows as alt text"
    );
    let ids: Vec<&str> = document
        .split("<wp:docPr id=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3"], "each picture has its own id");
    let names: Vec<String> = parts(&docx).into_iter().map(|(n, _)| n).collect();
    let media: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .collect();
    assert_eq!(media.len(), 3, "three pictures inside: {names:?}");
    assert_eq!(
        media.iter().filter(|n| n.ends_with(".jpeg")).count(),
        2,
        "the JPEG, and the WebP Word may not show, are JPEG files: {media:?}"
    );
    let rels = part(&docx, "word/_rels/document.xml.rels");
    for name in &media {
        assert!(
            rels.contains(&format!("\"{}\"", name.trim_start_matches("word/"))),
            "{name} is the picture a relationship names"
        );
    }
    assert!(
        part(&docx, "[Content_Types].xml").contains(r#"ContentType="image/jpeg" Extension="jpeg""#),
        "the .jpeg pictures have their media type"
    );
    let texts: Vec<String> = paragraphs(&document).into_iter().map(|(_, t)| t).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("File: Tool comparison.pdf (PDF, ")
                && t.ends_with("in the web export of this portfolio")),
        "a PDF is listed by name and size, with where to find it: {texts:?}"
    );
    assert!(texts.iter().any(
        |t| t == "File: quiz screenshot.png (PNG, 1 KB), shown below"
            || t.starts_with("File: quiz screenshot.png (PNG,")
    ));
    assert!(
        rels.contains("Target=\"https://example.org/slides\" TargetMode=\"External\""),
        "a link item is a real link"
    );
    assert!(
        texts.iter().any(|t| t == "Date: March 2025"),
        "dates read as a person says them"
    );
    assert!(
        outcome
            .sizes
            .largest
            .iter()
            .any(|p| p.name == "E1 Quiz screenshot")
            && outcome
                .sizes
                .largest
                .iter()
                .any(|p| p.name == "The portfolio's text"),
        "the size report names the pictures and the text: {:?}",
        outcome.sizes.largest
    );
    assert!(outcome.sizes.within_limit && outcome.sizes.summary.ends_with("of the 10 MB limit"));
    assert_eq!(
        outcome.sizes.total_bytes,
        fs::metadata(&docx).unwrap().len(),
        "the report gives the file's own size"
    );
}

#[test]
fn evidence_references_and_citations_link_to_the_appendix_and_back() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains("w:name=\"evidence_E1\""),
        "E1's heading is bookmarked"
    );
    let links = document.matches("w:anchor=\"evidence_E1\"").count();
    assert!(
        links >= 12,
        "[E1] in every section and its citations link to the item ({links})"
    );
    assert!(
        !document.contains("w:anchor=\"evidence_E9\"") && document.contains("[E9]"),
        "a reference to no item stays as written, unlinked"
    );
    assert!(
        document.contains("w:anchor=\"section_4\""),
        "the appendix's Cited in links back to the sections"
    );
}

#[test]
fn the_declaration_is_signed_and_dated_and_the_assessor_named() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let document = part(&docx, "word/document.xml");
    let paragraphs = paragraphs(&document);
    assert!(
        paragraphs.iter().any(|(style, text)| style == "Quote" && text == fixture.framework.declaration.as_str()),
        "the framework's declaration is quoted in full"
    );
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(texts.contains(&"Signed: Sam Ó Briain"));
    assert!(texts.contains(&"Date: 14 March 2026"));
    assert!(texts.contains(&"Name: Dr Rowan Ellery"));
    assert!(texts.contains(&"Institution or organisation: Fenbridge College Group"));
    assert!(document.contains("r.ellery@fenbridge.example"));
}

#[test]
fn the_document_names_its_title_author_and_british_english() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>My CMALT portfolio: CMALT portfolio of Sam Ó Briain</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>Sam Ó Briain</dc:creator>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
    assert!(
        core.contains("2026-03-14T09:30:00Z"),
        "dated when exported: {core}"
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(
        styles.contains("<w:lang w:val=\"en-GB\""),
        "screen readers and spelling read it as British English"
    );
    assert!(
        styles.contains("w:styleId=\"Heading1\"")
            && styles.contains("<w:name w:val=\"heading 1\" />")
    );
}

#[test]
fn the_sample_portfolio_exports_within_ten_megabytes() {
    let root = tempfile::tempdir().unwrap();
    let framework = Framework::bundled().unwrap();
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample/sample-cmalt.md");
    let folder = root.path().join("portfolio");
    import::import_file(&framework, &sample, &folder, None, NOW).expect("the sample imports");
    let portfolio = store::read_only(&folder).unwrap();
    assert!(
        portfolio.evidence.len() > 15,
        "the sample brings its evidence"
    );
    let out = root.path().join("sample.docx");
    let outcome = export::export(
        &framework,
        &folder,
        &portfolio,
        &out,
        ExportOptions::new(ExportFormat::Docx),
        NOW,
    )
    .unwrap();
    assert!(outcome.sizes.within_limit, "{}", outcome.sizes.summary);
    assert!(outcome.sizes.total_bytes < 10_000_000);
    let document = part(&out, "word/document.xml");
    assert_eq!(
        document.matches("<wp:docPr ").count(),
        portfolio
            .evidence
            .iter()
            .filter(|i| matches!(&i.source, EvidenceSource::File { media_type, .. } if media_type.starts_with("image/")))
            .count(),
        "every picture of the sample is inside"
    );
    for heading in section_headings(&framework, &portfolio) {
        assert!(
            headings(&document, "Heading2").contains(&heading),
            "{heading} is in the sample's Word export"
        );
    }
}

#[test]
fn an_edited_evidence_name_is_refused_and_nothing_is_written() {
    let mut fixture = fixture();
    if let EvidenceSource::File { stored_name, .. } = &mut fixture.portfolio.evidence[0].source {
        *stored_name = "../../secret.png".into();
    }
    let out = fixture.out("portfolio.docx");
    let error = fixture
        .export(&out, ExportOptions::new(ExportFormat::Docx))
        .unwrap_err();
    assert!(
        matches!(error, ExportError::UnsafeStoredName { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("Nothing was exported"),
        "{error}"
    );
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn only_an_earlier_word_document_is_replaced() {
    let fixture = fixture();
    let replace = ExportOptions {
        replace: true,
        ..ExportOptions::new(ExportFormat::Docx)
    };
    let notes = fixture.out("notes.docx");
    fs::write(&notes, b"my own notes, not a Word document").unwrap();
    let error = fixture
        .export(&notes, ExportOptions::new(ExportFormat::Docx))
        .unwrap_err();
    assert!(matches!(error, ExportError::TargetExists(_)), "{error}");
    let error = fixture.export(&notes, replace).unwrap_err();
    assert!(
        matches!(error, ExportError::NotAnExport(_)),
        "a file that is not a Word document is never replaced: {error}"
    );
    assert_eq!(
        fs::read(&notes).unwrap(),
        b"my own notes, not a Word document"
    );
    let folder = fixture.out("a folder.docx");
    fs::create_dir(&folder).unwrap();
    assert!(matches!(
        fixture.export(&folder, replace).unwrap_err(),
        ExportError::NotAnExport(_)
    ));

    let (earlier, _) = fixture.docx("portfolio.docx");
    fs::write(&earlier, b"PK\x03\x04 an old export, cut short").unwrap();
    fixture
        .export(&earlier, replace)
        .expect("an earlier export is replaced when asked");
    assert!(
        part(&earlier, "word/document.xml").contains("Evidence appendix"),
        "the earlier export was replaced by a whole new one"
    );
}

#[test]
fn a_word_export_cannot_be_opened_again_and_the_message_says_so() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let error = open_bundle(
        &docx,
        &fixture.root.path().join("reopened"),
        &fixture.framework,
    )
    .expect_err("a Word document is not a bundle");
    assert!(matches!(error, ReopenError::NotABundle(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("a Word document or a PDF cannot be opened again"),
        "{error}"
    );
}

/// Runs a tool the LibreOffice test needs, failing with how to install it when it is missing.
fn tool(program: &str, args: &[&str], package: &str) -> std::process::Output {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "this test needs {program} ({error}). Install it with `apt-get install {package}`."
            )
        });
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn libreoffice_opens_the_word_export_and_turns_it_into_a_pdf() {
    let fixture = fixture();
    let (docx, _) = fixture.docx("portfolio.docx");
    let pdf_folder = fixture.root.path().join("pdf");
    let profile = fixture.root.path().join("lo-profile");
    tool(
        "soffice",
        &[
            &format!("-env:UserInstallation=file://{}", profile.display()),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            pdf_folder.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
        "libreoffice-writer-nogui",
    );
    let pdf = pdf_folder.join("portfolio.pdf");
    assert!(pdf.is_file(), "LibreOffice made a PDF of the Word export");
    let text = String::from_utf8_lossy(
        &tool(
            "pdftotext",
            &["-layout", pdf.to_str().unwrap(), "-"],
            "poppler-utils",
        )
        .stdout,
    )
    .into_owned();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for heading in section_headings(&fixture.framework, &fixture.portfolio) {
        // A long title may wrap across lines; its start is enough to find it.
        let start: String = heading
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(&start), "the PDF shows {heading}");
    }
    for words in [
        "I ran the quizzes pilot in 1a with twelve tutors.",
        "Signed: Sam Ó Briain",
        "Date: 14 March 2026",
        "Evidence appendix",
        "E1 Quiz screenshot",
    ] {
        assert!(flat.contains(words), "the PDF shows \"{words}\"");
    }
    let declaration: String = fixture
        .framework
        .declaration
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&declaration), "the declaration is in the PDF");
    // LibreOffice does not update the field when converting: the contents shows the entries
    // the export wrote into it, before the first section's page.
    let contents = flat.find("Contents").expect("the contents page is there");
    let listed = flat[contents..]
        .find("Core area 1: Operational issues")
        .map(|at| contents + at);
    let first_section = flat.rfind("Core area 1: Operational issues");
    assert!(
        listed.is_some() && listed < first_section,
        "the contents lists the groups before they start"
    );
    let images = String::from_utf8_lossy(
        &tool(
            "pdfimages",
            &["-list", pdf.to_str().unwrap()],
            "poppler-utils",
        )
        .stdout,
    )
    .into_owned();
    let pictures = images
        .lines()
        .skip(2)
        .filter(|l| l.contains(" image "))
        .count();
    assert_eq!(pictures, 3, "the three pictures are in the PDF:\n{images}");
}
