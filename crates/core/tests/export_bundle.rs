//! Exporting: the web bundle's files and page structure, the single page, hostile text kept
//! harmless, the size report against the 10 MB limit, and an existing target never overwritten.

use cmalt_core::evidence::files::store_bytes;
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::export::bundle::EXPORTED_AT_KEY;
use cmalt_core::export::sizes::SizeReport;
use cmalt_core::export::{self, ExportError, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{Citation, Confirmation, NominatedAssessor, Portfolio};
use cmalt_core::store::PortfolioFolder;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-03-14 09:30 UTC);

/// A small PNG, made here so the test needs no file from elsewhere.
fn png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, 90]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("a PNG encodes");
    bytes.into_inner()
}

/// Bytes that do not compress, so a zip is as large as its content.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
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
        self.root.path().join("exports").join(name)
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

    fn estimate(&self, options: ExportOptions) -> SizeReport {
        export::estimate(
            &self.framework,
            &self.folder(),
            &self.portfolio,
            options,
            &export::ExportExtras::default(),
            NOW,
        )
        .expect("the estimate reads the same files the export does")
    }

    /// Attaches `bytes` as a file item cited from `sections`, as the library does.
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
        self.cite(&id, sections);
        id
    }

    fn attach_link(&mut self, url: &str, title: &str, sections: &[&str]) -> String {
        let number = self.portfolio.next_evidence_number;
        self.portfolio.next_evidence_number += 1;
        let id = EvidenceItem::id_for(number);
        self.portfolio.evidence.push(EvidenceItem {
            id: id.clone(),
            number,
            details: EvidenceDetails {
                title: title.into(),
                ..EvidenceDetails::default()
            },
            source: EvidenceSource::Link { url: url.into() },
            added_at: NOW,
        });
        self.cite(&id, sections);
        id
    }

    fn cite(&mut self, id: &str, sections: &[&str]) {
        for section in sections {
            self.portfolio
                .section_mut(section)
                .citations
                .push(Citation {
                    evidence_id: id.to_string(),
                    note: format!("Why {id} matters here."),
                });
        }
    }

    fn save(&self) {
        let (folder, _) = PortfolioFolder::open(&self.folder()).expect("the portfolio opens");
        folder.save(&self.portfolio).expect("the portfolio saves");
    }
}

/// A CMALT portfolio with text in every section, a picture, a PDF and a link, plus text
/// in a section of another pathway (Senior's advanced area) that the export must leave out.
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
            "I did the work of {}.\n\n# A heading of my own\n\nMore.\n\n### A deeper one\n\nSee [E1] and [E3].",
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
        &png(),
        "Quiz screenshot",
        &["1a", "1b"],
    );
    fixture.attach(
        "Tool comparison.pdf",
        b"%PDF-1.4 a small pdf",
        "Tool comparison",
        &["1a"],
    );
    fixture.attach_link("https://example.org/slides", "Conference slides", &["4"]);
    fixture.save();
    fixture
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display()))
}

/// The levels of the page's headings, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    let mut levels = Vec::new();
    let bytes = html.as_bytes();
    for (at, _) in html.match_indices("<h") {
        if let (Some(digit @ b'1'..=b'6'), Some(b'>' | b' ')) =
            (bytes.get(at + 2), bytes.get(at + 3))
        {
            levels.push(digit - b'0');
        }
    }
    levels
}

/// Every value of `attribute="..."` in the page.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Each tag of the page with its quoted attribute values taken out: what is left is the
/// element and attribute names, where live markup would show.
fn tag_skeletons(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let mut skeleton = String::new();
            let mut quoted = false;
            for c in rest.chars() {
                match c {
                    '"' => quoted = !quoted,
                    '>' if !quoted => break,
                    _ if !quoted => skeleton.push(c),
                    _ => {}
                }
            }
            skeleton
        })
        .collect()
}

fn listing(folder: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            names.insert(
                path.strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    names
}

#[test]
fn the_folder_bundle_holds_the_page_styles_data_and_byte_identical_evidence() {
    let fixture = fixture();
    let out = fixture.out("bundle");
    let outcome = fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    assert_eq!(outcome.path, out);
    for file in ["index.html", "portfolio.css", "portfolio.json"] {
        assert!(out.join(file).is_file(), "the bundle must hold {file}");
    }
    for item in &fixture.portfolio.evidence {
        if let EvidenceSource::File { stored_name, .. } = &item.source {
            assert_eq!(
                fs::read(out.join("evidence").join(stored_name)).unwrap(),
                fs::read(fixture.folder().join("evidence").join(stored_name)).unwrap(),
                "{} must be copied byte for byte",
                item.id
            );
        }
    }
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("portfolio.json"))).unwrap();
    assert_eq!(
        json[EXPORTED_AT_KEY], "2026-03-14T09:30:00Z",
        "the data says when it was exported"
    );
    let back: Portfolio = serde_json::from_value(json).unwrap();
    assert_eq!(
        back, fixture.portfolio,
        "the bundle's data is the whole portfolio, unchanged"
    );
    assert_eq!(
        read(&out.join("portfolio.css")),
        cmalt_core::export::html::STYLESHEET,
        "the stylesheet beside the page is the shared one"
    );
}

#[test]
fn the_page_has_a_language_one_h1_unbroken_heading_levels_and_a_skip_link() {
    let fixture = fixture();
    let out = fixture.out("bundle");
    fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    let html = read(&out.join("index.html"));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
        "the page must say its language"
    );
    let levels = heading_levels(&html);
    assert_eq!(
        levels.iter().filter(|l| **l == 1).count(),
        1,
        "exactly one h1: {levels:?}"
    );
    assert_eq!(levels[0], 1, "the title comes first");
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading may go at most one level deeper than the one before: {levels:?}"
        );
    }
    assert!(
        levels.contains(&5),
        "the candidate's own headings sit under Description/Reflection"
    );
    assert!(
        html.contains("<a class=\"skip-link\" href=\"#main\">"),
        "a skip link leads past the contents"
    );
    assert!(
        html.contains("<main id=\"main\""),
        "the skip link has a target"
    );
    assert!(html.contains("<link rel=\"stylesheet\" href=\"portfolio.css\">"));
    assert!(
        html.contains("Made with CMALT Portfolio, an independent app not endorsed by ALT."),
        "the footer says who made the page and that ALT did not endorse it"
    );
}

#[test]
fn sections_come_in_framework_order_with_their_parts_and_the_declaration() {
    let fixture = fixture();
    let out = fixture.out("bundle");
    fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    let html = read(&out.join("index.html"));
    let main = &html[html.find("<main").unwrap()..];
    let order: Vec<usize> = fixture
        .framework
        .sections_of(PathwayId::Cmalt)
        .map(|s| {
            main.find(&format!("id=\"section-{}\"", s.id))
                .unwrap_or_else(|| panic!("section {} must be exported", s.id))
        })
        .collect();
    assert!(
        order.windows(2).all(|p| p[0] < p[1]),
        "sections keep the framework's order"
    );
    assert!(
        !html.contains("KEPT-ASIDE"),
        "a section of another pathway is not exported"
    );
    assert!(
        !html.contains("section-advanced-1"),
        "nor is it in the contents"
    );
    assert!(html.contains("<h4>Description</h4>") && html.contains("<h4>Reflection</h4>"));
    assert!(
        html.contains("Legislative area:</span> Equality Act 2010"),
        "3a names its legislation"
    );
    assert!(
        html.contains("Specialist area 1: Accessible content"),
        "an area's topic is in its heading"
    );
    assert!(
        html.contains(&fixture.framework.declaration),
        "the declaration is reproduced exactly"
    );
    assert!(html.contains("<dd>Sam Ó Briain</dd>") && html.contains("14 March 2026"));
    assert!(
        html.contains("mailto:r.ellery@fenbridge.example"),
        "the nominated assessor is there"
    );
}

#[test]
fn a_sections_references_are_exported_as_its_reference_list_and_reopen() {
    let mut fixture = fixture();
    fixture.portfolio.section_mut("2a").references = "- Carr, P. (2023). *Digital Transformation 101*. London: Example Press.\n- Beetham, H. (2019) *Rethinking Pedagogy*. Available at: <https://example.org/book>".into();
    let out = fixture.out("bundle");
    fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    let html = read(&out.join("index.html"));
    let section = &html[html.find("id=\"section-2a\"").unwrap()..];
    let section = &section[..section.find("id=\"section-2b\"").unwrap()];
    let heading = section
        .find("<h4>References</h4>")
        .expect("2a has its references under their own heading");
    assert!(
        heading > section.find("<h4>Evidence</h4>").unwrap(),
        "after the evidence"
    );
    assert!(section.contains("<em>Digital Transformation 101</em>"));
    assert!(
        !html[html.find("id=\"section-2b\"").unwrap()..].contains("<h4>References</h4>"),
        "a section with no references has no heading for them"
    );
    let reopened: serde_json::Value =
        serde_json::from_str(&read(&out.join("portfolio.json"))).unwrap();
    assert_eq!(
        reopened["sections"]["2a"]["references"],
        fixture.portfolio.section("2a").unwrap().references.as_str(),
        "the bundle keeps them to open again"
    );
}

#[test]
fn every_cited_item_is_linked_and_listed_in_the_appendix_with_links_back() {
    let fixture = fixture();
    let out = fixture.out("bundle");
    fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    let html = read(&out.join("index.html"));
    let ids: BTreeSet<&str> = attribute_values(&html, "id").into_iter().collect();
    for href in attribute_values(&html, "href") {
        if let Some(target) = href.strip_prefix('#') {
            assert!(
                ids.contains(target),
                "the in-page link {href} must have a target"
            );
        }
    }
    for (section, entry) in &fixture.portfolio.sections {
        if section == "advanced-1" {
            continue;
        }
        for citation in &entry.citations {
            let link = format!("href=\"#evidence-{}\"", citation.evidence_id);
            assert!(
                html.contains(&link),
                "{section} cites {} and must link to it",
                citation.evidence_id
            );
        }
    }
    let appendix = &html[html.find("id=\"evidence\"").unwrap()..];
    for item in &fixture.portfolio.evidence {
        assert!(
            appendix.contains(&format!("id=\"evidence-{}\"", item.id)),
            "{} is in the appendix",
            item.id
        );
        match &item.source {
            EvidenceSource::File { stored_name, .. } => assert!(
                appendix.contains(&format!("href=\"evidence/{stored_name}\"")),
                "the appendix links {} to its copied file",
                item.id
            ),
            EvidenceSource::Link { url } => assert!(appendix.contains(&format!("href=\"{url}\""))),
            EvidenceSource::MissingFile { .. } => {}
        }
    }
    let e1 = &appendix[appendix.find("id=\"evidence-E1\"").unwrap()
        ..appendix.find("id=\"evidence-E2\"").unwrap()];
    assert!(
        e1.contains("href=\"#section-1a\"") && e1.contains("href=\"#section-1b\""),
        "an item links back to the sections that cite it: {e1}"
    );
    assert!(
        e1.contains("<img src=\"evidence/"),
        "a picture is shown in the appendix"
    );
    assert!(
        html.contains("<a class=\"evidence-ref\" href=\"#evidence-E1\""),
        "[E1] in the text is a link"
    );
}

#[test]
fn the_single_page_has_its_styles_and_images_inside_and_lists_other_files() {
    let fixture = fixture();
    let out = fixture.out("portfolio.html");
    let outcome = fixture
        .export(&out, ExportOptions::new(ExportFormat::SingleHtml))
        .unwrap();
    let html = read(&out);
    assert!(
        html.contains("<style>") && !html.contains("<link rel=\"stylesheet\""),
        "styles are inside"
    );
    assert!(
        html.contains("<img src=\"data:image/png;base64,"),
        "the picture is embedded"
    );
    assert!(
        !html.contains("evidence/"),
        "nothing points at files beside the page"
    );
    assert!(
        !html.contains("data:application/pdf"),
        "a PDF is left out unless asked for"
    );
    assert!(
        html.contains("Tool comparison.pdf (PDF, 20 bytes): not included"),
        "but it is listed"
    );
    assert_eq!(
        outcome.sizes.left_out.len(),
        1,
        "the report names what was left out"
    );
    assert!(!html.contains("<script"), "no script anywhere");

    let all = fixture.out("everything.html");
    let options = ExportOptions {
        embed_all_files: true,
        ..ExportOptions::new(ExportFormat::SingleHtml)
    };
    let outcome = fixture.export(&all, options).unwrap();
    let html = read(&all);
    assert!(
        html.contains("href=\"data:application/pdf;base64,")
            && html.contains("download=\"Tool comparison.pdf\""),
        "with every file embedded, the PDF is a download inside the page"
    );
    assert!(outcome.sizes.left_out.is_empty());
}

#[test]
fn hostile_text_in_every_field_is_escaped_and_no_script_or_unsafe_link_survives() {
    let mut fixture = fixture();
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    let evil_markdown = format!(
        "{evil}\n\n[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href=\"javascript:alert(4)\">a</a>\n\n<iframe src=\"https://evil.example\"></iframe>"
    );
    let portfolio = &mut fixture.portfolio;
    portfolio.title = format!("Title {evil}");
    portfolio.candidate.name = format!("Name {evil}");
    portfolio.candidate.role = format!("Role {evil}");
    portfolio.candidate.organisation = format!("Org {evil}");
    portfolio.candidate.context = format!("Context {evil}");
    for entry in portfolio.sections.values_mut() {
        entry.topic = format!("Topic {evil}");
        entry.description = evil_markdown.clone();
        entry.reflection = evil_markdown.clone();
        for citation in &mut entry.citations {
            citation.note = format!("Note {evil}");
        }
    }
    for item in &mut portfolio.evidence {
        item.details.title = format!("Item {evil}");
        item.details.origin = format!("Origin {evil}");
        item.details.what_it_shows = format!("Shows {evil}");
        item.details.still_relevant_because = format!("Because {evil}");
        item.details.date = evil.into();
    }
    portfolio.confirmation.signed_name = format!("Signed {evil}");
    portfolio.confirmation.date = evil.into();
    portfolio.assessor = Some(NominatedAssessor {
        name: format!("Assessor {evil}"),
        organisation: format!("Org {evil}"),
        email: "x@y\" onmouseover=\"alert(5)".into(),
        no_conflict_confirmed: true,
        conflict_statement: String::new(),
    });
    fixture.attach_link("javascript:alert(6)", &format!("Link {evil}"), &["1a"]);
    fixture.attach_link(
        "data:text/html,<script>alert(7)</script>",
        "Data link",
        &["1a"],
    );
    fixture.save();

    for (name, format) in [
        ("hostile", ExportFormat::Folder),
        ("hostile.html", ExportFormat::SingleHtml),
    ] {
        let out = fixture.out(name);
        fixture.export(&out, ExportOptions::new(format)).unwrap();
        let html = read(&if format == ExportFormat::Folder {
            out.join("index.html")
        } else {
            out
        });
        for needle in ["<script", "<img src=x", "<iframe"] {
            assert!(
                !html.contains(needle),
                "{needle} must not reach the {name} export"
            );
        }
        for tag in tag_skeletons(&html) {
            assert!(
                !tag.split_whitespace()
                    .any(|word| word.starts_with("on") && word.contains('=')),
                "no event handler may reach the {name} export: <{tag}>"
            );
        }
        for href in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            // comrak blanks an unsafe address (`href=""`, this same page): harmless.
            let scheme_ok = href.is_empty()
                || href.starts_with('#')
                || href.starts_with("https://")
                || href.starts_with("mailto:")
                || href.starts_with("evidence/")
                || href == "portfolio.css"
                || href.starts_with("data:image/png;base64,");
            assert!(scheme_ok, "only safe addresses may be links, not {href}");
        }
        assert!(
            html.contains("Name &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;"),
            "the candidate's name is shown as the text typed"
        );
        for shown in [
            "Topic &lt;script&gt;",
            "Item &lt;script&gt;",
            "Origin &lt;script&gt;",
            "Assessor &lt;script&gt;",
        ] {
            assert!(html.contains(shown), "{shown} must appear, escaped");
        }
        assert!(
            html.contains("javascript:alert(6) (not linked"),
            "an unsafe address is shown, not linked"
        );
    }
}

#[test]
fn every_export_reports_its_size_against_the_limit_the_same_as_the_estimate() {
    let fixture = fixture();
    for (name, format) in [
        ("folder", ExportFormat::Folder),
        ("bundle.zip", ExportFormat::Zip),
        ("page.html", ExportFormat::SingleHtml),
    ] {
        let out = fixture.out(name);
        let options = ExportOptions::new(format);
        let estimate = fixture.estimate(options);
        assert!(!out.exists(), "estimating writes nothing");
        let sizes = fixture.export(&out, options).unwrap().sizes;
        assert_eq!(
            sizes, estimate,
            "the estimate for {name} must be what the export reports"
        );
        let on_disk: u64 = if format == ExportFormat::Folder {
            listing(&out)
                .iter()
                .map(|f| fs::metadata(out.join(f)).unwrap())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        } else {
            fs::metadata(&out).unwrap().len()
        };
        assert_eq!(
            sizes.total_bytes, on_disk,
            "the reported total of {name} is what was written"
        );
        assert_eq!(
            sizes.limit_bytes, 10_000_000,
            "the limit is the scheme's 10 MB"
        );
        assert!(sizes.within_limit);
        assert!(!sizes.largest.is_empty(), "the largest parts are listed");
        assert!(
            sizes.largest.windows(2).all(|p| p[0].bytes >= p[1].bytes),
            "largest first"
        );
    }
}

#[test]
fn a_bundle_over_ten_megabytes_is_reported_with_its_largest_items() {
    let mut fixture = fixture();
    for n in 0..11 {
        fixture.attach(
            &format!("recording-{n}.bin"),
            &noise(990_000, n),
            &format!("Recording {n}"),
            &["4"],
        );
    }
    fixture.save();
    let sizes = fixture
        .export(
            &fixture.out("big.zip"),
            ExportOptions::new(ExportFormat::Zip),
        )
        .unwrap()
        .sizes;
    assert!(
        sizes.total_bytes > 10_000_000 && !sizes.within_limit,
        "11 MB of files is over the limit"
    );
    assert!(
        sizes.summary().contains("over the 10 MB limit"),
        "{}",
        sizes.summary()
    );
    assert!(sizes.largest[0].name.starts_with('E') && sizes.largest[0].name.contains("Recording"));
}

#[test]
fn an_existing_target_is_refused_and_left_exactly_as_it_was() {
    let fixture = fixture();
    let exports = fixture.root.path().join("exports");
    fs::create_dir_all(exports.join("mine")).unwrap();
    fs::write(exports.join("mine/notes.txt"), b"my own notes").unwrap();
    fs::write(exports.join("taken.zip"), b"not ours").unwrap();
    let before = listing(&exports);

    for (name, format) in [
        ("mine", ExportFormat::Folder),
        ("taken.zip", ExportFormat::Zip),
        ("taken.zip", ExportFormat::SingleHtml),
    ] {
        let error = fixture
            .export(&exports.join(name), ExportOptions::new(format))
            .unwrap_err();
        assert!(matches!(error, ExportError::TargetExists(_)), "{error}");
        assert!(error.to_string().contains("Nothing was changed"), "{error}");
    }
    let replace_mine = ExportOptions {
        replace: true,
        ..ExportOptions::new(ExportFormat::Folder)
    };
    let error = fixture
        .export(&exports.join("mine"), replace_mine)
        .unwrap_err();
    assert!(
        matches!(error, ExportError::NotAnExport(_)),
        "a folder of the candidate's own is never replaced: {error}"
    );
    assert_eq!(
        listing(&exports),
        before,
        "refusals leave no file and no temporary folder behind"
    );
    assert_eq!(
        fs::read(exports.join("mine/notes.txt")).unwrap(),
        b"my own notes"
    );
    assert_eq!(fs::read(exports.join("taken.zip")).unwrap(), b"not ours");

    // An earlier export can be replaced when asked, and only then.
    let bundle = exports.join("bundle");
    fixture
        .export(&bundle, ExportOptions::new(ExportFormat::Folder))
        .unwrap();
    fs::write(bundle.join("index.html"), b"stale").unwrap();
    fixture
        .export(
            &bundle,
            ExportOptions {
                replace: true,
                ..ExportOptions::new(ExportFormat::Folder)
            },
        )
        .unwrap();
    assert!(
        read(&bundle.join("index.html")).starts_with("<!DOCTYPE html>"),
        "the earlier export was replaced"
    );
    let replace_zip = ExportOptions {
        replace: true,
        ..ExportOptions::new(ExportFormat::Zip)
    };
    fixture
        .export(&exports.join("taken.zip"), replace_zip)
        .unwrap();
    assert!(
        fs::read(exports.join("taken.zip"))
            .unwrap()
            .starts_with(b"PK"),
        "a file is replaced when asked"
    );
    let hidden: Vec<String> = listing(&exports)
        .into_iter()
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(hidden.is_empty(), "no temporary file is left: {hidden:?}");
}

#[test]
fn a_missing_or_changed_evidence_file_stops_the_export_before_anything_is_written() {
    let fixture = fixture();
    let EvidenceSource::File { stored_name, .. } = &fixture.portfolio.evidence[1].source else {
        panic!("E2 is a file");
    };
    let stored = fixture.folder().join("evidence").join(stored_name);
    fs::write(&stored, b"%PDF-1.4 edited since").unwrap();
    let out = fixture.out("bundle.zip");
    let error = fixture
        .export(&out, ExportOptions::new(ExportFormat::Zip))
        .unwrap_err();
    assert!(
        matches!(error, ExportError::EvidenceFileChanged { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("E2"),
        "the message names the item: {error}"
    );
    fs::remove_file(&stored).unwrap();
    let error = fixture
        .export(&out, ExportOptions::new(ExportFormat::Folder))
        .unwrap_err();
    assert!(
        matches!(error, ExportError::EvidenceFileMissing { .. }),
        "{error}"
    );
    assert!(
        !out.exists() && listing(&fixture.root.path().join("exports")).is_empty(),
        "nothing was written"
    );
}
