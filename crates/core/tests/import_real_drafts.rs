//! Drafts written the way real candidates write them, imported and checked as an assessor
//! would judge them: a Google Docs Markdown export, a 2018-guidelines web portfolio, an
//! awarded portfolio with reference lists, a LibreOffice Writer document converted to .docx
//! by LibreOffice itself, and a Word-style document. What each must give was written down
//! first, in `tests/fixtures/drafts/<name>.expected.json` (see the README there).

use cmalt_core::checklist::{Checklist, Fix, ProblemCode, Severity, check};
use cmalt_core::framework::Framework;
use cmalt_core::import::{self, ImportReport};
use cmalt_core::model::Portfolio;
use cmalt_core::store;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;
use time::macros::{date, datetime};

const NOW: OffsetDateTime = datetime!(2026-07-01 09:00 UTC);
/// The drafts date their evidence 2023-2026; they are checked as of mid-2026.
const TODAY: time::Date = date!(2026 - 07 - 01);

fn drafts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drafts")
}

fn framework() -> Framework {
    Framework::bundled().expect("the bundled framework loads")
}

fn expected(name: &str) -> Value {
    let path = drafts().join(format!("{name}.expected.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display()));
    serde_json::from_str(&text).expect("the expected file is JSON")
}

struct Imported {
    name: String,
    report: ImportReport,
    portfolio: Portfolio,
    checklist: Checklist,
    _root: tempfile::TempDir,
}

/// Imports `file` (already in `root`'s `drafts` folder) and checks the new portfolio.
fn import_from(root: tempfile::TempDir, name: &str, file: &Path) -> Imported {
    let out = root.path().join("portfolio");
    let framework = framework();
    let report = import::import_file(&framework, file, &out, None, NOW)
        .unwrap_or_else(|e| panic!("{name} imports: {e}"));
    let portfolio = store::read_only(&out).expect("the new portfolio reads back");
    let checklist = check(&framework, &portfolio, TODAY);
    Imported {
        name: name.to_string(),
        report,
        portfolio,
        checklist,
        _root: root,
    }
}

fn import_markdown(name: &str) -> Imported {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    std::fs::create_dir_all(&folder).unwrap();
    let draft = folder.join(format!("{name}.md"));
    std::fs::copy(drafts().join(format!("{name}.md")), &draft).unwrap();
    import_from(root, name, &draft)
}

fn code_name(code: ProblemCode) -> String {
    serde_json::to_value(code)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn lower(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// Every fact the expected file states, checked; the figures printed for the closing note.
fn assert_as_expected(imported: &Imported, expected: &Value) {
    let name = &imported.name;
    let report = &imported.report;
    let portfolio = &imported.portfolio;
    let checklist = &imported.checklist;
    let problems = || format!("{:#?}", checklist.problems);
    eprintln!(
        "{name}: {} errors, {} warnings; {} items; {} not placed",
        checklist.errors,
        checklist.warnings,
        portfolio.evidence.len(),
        report.not_placed.len()
    );

    assert_eq!(
        serde_json::to_value(portfolio.pathway).unwrap(),
        expected["pathway"],
        "{name}: pathway"
    );

    let sections = expected["sections"].as_object().expect("sections");
    for (id, facts) in sections {
        let entry = portfolio.section(id).cloned().unwrap_or_default();
        let placed = report.sections.iter().find(|s| &s.id == id);
        assert!(
            placed.is_some(),
            "{name}: {id} must be placed; placed: {:?}",
            report.sections.iter().map(|s| &s.id).collect::<Vec<_>>()
        );
        let placed = placed.unwrap();
        if let Some(topic) = facts["topic"].as_str() {
            assert_eq!(entry.topic.trim(), topic, "{name}: {id}'s topic");
        }
        for (part, text) in [
            ("description", &entry.description),
            ("reflection", &entry.reflection),
        ] {
            if let Some(present) = facts[part].as_bool() {
                assert_eq!(
                    !text.trim().is_empty(),
                    present,
                    "{name}: {id}'s {part} present? It reads: {:.200}",
                    text
                );
            }
        }
        if let Some(start) = facts["reflection_starts"].as_str() {
            assert!(
                lower(entry.reflection.trim_start_matches(['*', '_'])).starts_with(&lower(start)),
                "{name}: {id}'s Reflection must start “{start}”; it starts “{:.80}”",
                entry.reflection
            );
        }
        if let Some(count) = facts["evidence"].as_u64() {
            assert_eq!(
                placed.evidence_count as u64, count,
                "{name}: {id} cites {:?}",
                placed.evidence_ids
            );
        }
        if let Some(count) = facts["references"].as_u64() {
            assert_eq!(
                placed.references as u64, count,
                "{name}: {id}'s references: {:?}",
                entry.references
            );
        }
    }
    for placed in &report.sections {
        let written = placed.words_placed > 0 || placed.evidence_count > 0;
        assert!(
            !written
                || sections.contains_key(&placed.id)
                || ["confirmation", "assessor"].contains(&placed.id.as_str()),
            "{name}: {} was placed ({}) but the expected file has no such section",
            placed.id,
            placed.heading
        );
    }

    let not_placed: Vec<_> = report
        .not_placed
        .iter()
        .filter(|block| block.reason != "before the first section")
        .collect();
    assert_eq!(
        not_placed.len() as u64,
        expected["not_placed"].as_u64().unwrap_or(0),
        "{name}: not placed (after the preamble): {not_placed:#?}"
    );
    for word in expected["notes_mention"].as_array().into_iter().flatten() {
        let word = word.as_str().unwrap();
        assert!(
            report.notes.iter().any(|note| lower(note).contains(word)),
            "{name}: a note must mention “{word}”: {:#?}",
            report.notes
        );
    }

    assert_eq!(
        portfolio.evidence.len() as u64,
        expected["evidence_items"].as_u64().unwrap(),
        "{name}: evidence items: {:#?}",
        portfolio
            .evidence
            .iter()
            .map(|item| (&item.id, &item.details.title))
            .collect::<Vec<_>>()
    );
    if let Some(titles) = expected["evidence_titles"].as_object() {
        for (id, title) in titles {
            let item = portfolio.evidence.iter().find(|item| &item.id == id);
            assert_eq!(
                item.map(|item| item.details.title.as_str()),
                title.as_str(),
                "{name}: {id}'s title"
            );
        }
    }
    let missing: Vec<&str> = report
        .missing_files
        .iter()
        .map(|m| m.evidence_id.as_str())
        .collect();
    let expected_missing: Vec<&str> = expected["evidence_missing"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|id| id.as_str().unwrap())
        .collect();
    assert_eq!(missing, expected_missing, "{name}: missing files");
    for file in &report.missing_files {
        if file.name.starts_with('/') {
            assert!(
                file.reason.contains("on your website"),
                "{name}: {} is on the website: {}",
                file.evidence_id,
                file.reason
            );
        }
    }

    let mut errors: Vec<(String, Option<String>)> = checklist
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (code_name(p.code), p.section.clone()))
        .collect();
    let mut expected_errors: Vec<(String, Option<String>)> = expected["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["section"].as_str().map(str::to_string),
            )
        })
        .collect();
    errors.sort();
    expected_errors.sort();
    assert_eq!(
        errors,
        expected_errors,
        "{name}: the errors; {}",
        problems()
    );

    for warning in expected["warnings_include"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let code = warning["code"].as_str().unwrap();
        let section = warning["section"].as_str();
        assert!(
            checklist.problems.iter().any(|p| {
                p.severity == Severity::Warning
                    && code_name(p.code) == code
                    && (section.is_none() || p.section.as_deref() == section)
            }),
            "{name}: warning {code} on {section:?} expected; {}",
            problems()
        );
    }
    for code in expected["warnings_exclude"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let code = code.as_str().unwrap();
        assert!(
            checklist.problems.iter().all(|p| code_name(p.code) != code),
            "{name}: nothing may be reported as {code}; {}",
            problems()
        );
    }

    let proposed: BTreeMap<String, String> = checklist
        .problems
        .iter()
        .filter_map(|p| match &p.fix {
            Some(Fix::UseTopic { section, topic, .. }) => Some((section.clone(), topic.clone())),
            _ => None,
        })
        .collect();
    for (section, words) in expected["suggested_topics"]
        .as_object()
        .into_iter()
        .flatten()
    {
        let topic = proposed.get(section).map(|t| lower(t)).unwrap_or_else(|| {
            panic!("{name}: a topic must be proposed for {section}; proposed: {proposed:?}")
        });
        for word in words.as_array().unwrap() {
            let word = lower(word.as_str().unwrap());
            assert!(
                topic.contains(&word),
                "{name}: {section}'s proposed topic “{topic}” must name “{word}”"
            );
        }
    }
    let tagged: Vec<u8> = checklist
        .problems
        .iter()
        .filter_map(|p| match &p.fix {
            Some(Fix::TagPrinciple { principle, .. }) => Some(*principle),
            _ => None,
        })
        .collect();
    for principle in expected["suggested_principles"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let principle = principle.as_u64().unwrap() as u8;
        assert!(
            tagged.contains(&principle),
            "{name}: principle {principle} must be proposed from the writing; proposed {tagged:?}; {}",
            problems()
        );
    }
}

#[test]
fn a_google_docs_markdown_export() {
    let imported = import_markdown("google-docs-export");
    assert_as_expected(&imported, &expected("google-docs-export"));
}

#[test]
fn a_portfolio_written_to_the_2018_guidelines() {
    let imported = import_markdown("guidelines-2018");
    assert_as_expected(&imported, &expected("guidelines-2018"));
}

#[test]
fn an_awarded_portfolio_with_reference_lists() {
    let imported = import_markdown("with-references");
    assert_as_expected(&imported, &expected("with-references"));
    let references = &imported.portfolio.section("1a").unwrap().references;
    assert!(
        !references.is_empty()
            && imported.portfolio.evidence.iter().all(|item| {
                !references.contains(item.details.title.as_str()) || item.details.title.len() < 12
            }),
        "references are kept with the section and none became an evidence item"
    );
}

/// LibreOffice Writer's own .docx: `soffice --headless --convert-to docx` of a flat ODT.
#[test]
fn a_libreoffice_writer_document_saved_as_docx() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    std::fs::create_dir_all(&folder).unwrap();
    let source = folder.join("libreoffice-draft.fodt");
    std::fs::copy(drafts().join("libreoffice-draft.fodt"), &source).unwrap();
    // A profile of its own, so a desktop LibreOffice that is open does not take the job.
    let profile = root.path().join("lo-profile");
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&folder)
        .arg(&source)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "this test makes its .docx with LibreOffice, which could not be run ({error}). Install it with `scripts/setup.sh test` (or `apt-get install libreoffice-writer-nogui`)."
            )
        });
    let docx = folder.join("libreoffice-draft.docx");
    assert!(
        docx.is_file(),
        "soffice made no .docx: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&docx).unwrap();
    assert!(
        uses_data_descriptors(&bytes),
        "LibreOffice writes its zip entries with data descriptors: the case the size guard once refused"
    );
    let imported = import_from(root, "libreoffice-draft", &docx);
    assert_as_expected(&imported, &expected("libreoffice-draft"));
}

/// True when a zip's first entry sets general-purpose bit 3: sizes follow the data.
fn uses_data_descriptors(zip: &[u8]) -> bool {
    zip.len() > 8 && zip[..4] == *b"PK\x03\x04" && zip[6] & 0x08 != 0
}

/// A document as Word writes one: Word's built-in style ids, numbered lists, bold labels.
#[test]
fn a_word_style_document() {
    use docx_rs::{
        AbstractNumbering, Docx, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc, LevelText,
        NumberFormat, Numbering, NumberingId, Paragraph, Run, Start, Style, StyleType,
    };
    let paragraphs: Value =
        serde_json::from_str(&std::fs::read_to_string(drafts().join("word-draft.json")).unwrap())
            .unwrap();
    let mut docx = Docx::new()
        .add_abstract_numbering(AbstractNumbering::new(1).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )))
        .add_numbering(Numbering::new(1, 1));
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("ListParagraph", "List Paragraph"),
    ] {
        docx = docx.add_style(Style::new(id, StyleType::Paragraph).name(name));
    }
    for paragraph in paragraphs.as_array().unwrap() {
        let mut out = Paragraph::new();
        let style = paragraph["style"].as_str().unwrap();
        if style != "Normal" {
            out = out.style(style);
        }
        if paragraph["list"].as_bool() == Some(true) {
            out = out.numbering(NumberingId::new(1), IndentLevel::new(0));
        }
        for run in paragraph["runs"].as_array().unwrap() {
            let mut text = Run::new().add_text(run["text"].as_str().unwrap());
            if run["bold"].as_bool() == Some(true) {
                text = text.bold();
            }
            if run["italic"].as_bool() == Some(true) {
                text = text.italic();
            }
            out = match run["link"].as_str() {
                Some(url) => out.add_hyperlink(
                    Hyperlink::new(url, HyperlinkType::External).add_run(text.style("Hyperlink")),
                ),
                None => out.add_run(text),
            };
        }
        docx = docx.add_paragraph(out);
    }
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("word-draft.docx");
    let file = std::fs::File::create(&path).unwrap();
    docx.build().pack(file).expect("the .docx is written");
    let imported = import_from(root, "word-draft", &path);
    assert_as_expected(&imported, &expected("word-draft"));
}
