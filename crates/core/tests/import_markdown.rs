//! Importing Markdown drafts: the sample with its evidence folder lands section by
//! section as its expected file says, and the ways real candidates write (other heading
//! styles, bold labels, smart punctuation, Windows line endings, missing or oversized files,
//! no headings at all) lose nothing.

use cmalt_core::checklist::{ProblemCode, check};
use cmalt_core::evidence::EvidenceSource;
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::import::{self, ImportReport, NOT_PLACED_FILE, PathwayChoice};
use cmalt_core::markdown::count_markdown_words;
use cmalt_core::model::Portfolio;
use cmalt_core::store::{self, EVIDENCE_DIR};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::{date, datetime};

/// The sample's own submission date, so its evidence is as old as the sample means it to be.
const SUBMITTED: time::Date = date!(2026 - 03 - 14);
const NOW: OffsetDateTime = datetime!(2026-03-14 09:00 UTC);

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn sample_text() -> String {
    let path = samples().join("sample-cmalt.md");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the sample {} must be readable: {e}", path.display()))
}

fn expected() -> Value {
    let path = samples().join("sample-cmalt.expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the expected file is there"))
        .expect("the expected file is JSON")
}

fn framework() -> Framework {
    Framework::bundled().expect("the bundled framework loads")
}

/// Writes `text` as a draft next to a copy of the sample's evidence folder and imports it.
fn import_beside_sample_evidence(
    text: &str,
    name: &str,
) -> (tempfile::TempDir, ImportReport, Portfolio) {
    let root = tempfile::tempdir().unwrap();
    let drafts = root.path().join("drafts");
    copy_folder(&samples().join("evidence"), &drafts.join("evidence"));
    let draft = drafts.join(name);
    std::fs::write(&draft, text).unwrap();
    let out = root.path().join("portfolio");
    let report = import::import_file(&framework(), &draft, &out, None, NOW)
        .unwrap_or_else(|e| panic!("{name} imports: {e}"));
    let portfolio = store::read_only(&out).expect("the new portfolio reads back");
    (root, report, portfolio)
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn within_tolerance(ours: usize, expected: u64) -> bool {
    (ours as f64 - expected as f64).abs() <= expected as f64 * 0.03
}

/// Every section the expected file lists: present or not, its parts, its evidence (count
/// and ids) and its words within ±3%.
fn assert_sections_match_expected(portfolio: &Portfolio, variant: &str) {
    let expected = expected();
    for (id, facts) in expected["sections"].as_object().unwrap() {
        let entry = portfolio.section(id);
        if facts["present"] == false {
            assert!(
                entry.is_none_or(|e| !e.has_text()),
                "{variant}: {id} is not in the sample, so the import must not invent it"
            );
            continue;
        }
        match id.as_str() {
            "confirmation" => {
                let confirmation = &portfolio.confirmation;
                assert!(
                    confirmation.declaration_accepted,
                    "{variant}: the declaration is there and signed"
                );
                assert_eq!(
                    confirmation.signed_name,
                    facts["signed"].as_str().unwrap(),
                    "{variant}"
                );
                assert_eq!(
                    confirmation.date, "2026-03-14",
                    "{variant}: “14 March 2026” as a day"
                );
                continue;
            }
            "assessor" => {
                let assessor = portfolio
                    .assessor
                    .as_ref()
                    .unwrap_or_else(|| panic!("{variant}: an assessor"));
                assert_eq!(assessor.name, facts["name"].as_str().unwrap(), "{variant}");
                assert_eq!(
                    assessor.organisation,
                    facts["institution"].as_str().unwrap(),
                    "{variant}"
                );
                assert_eq!(
                    assessor.email,
                    facts["email"].as_str().unwrap(),
                    "{variant}"
                );
                continue;
            }
            _ => {}
        }
        let entry = entry.unwrap_or_else(|| panic!("{variant}: {id} is in the sample"));
        let description = count_markdown_words(&entry.description);
        let reflection = count_markdown_words(&entry.reflection);
        if facts["has_description"] == true {
            assert!(description > 0, "{variant}: {id} has a Description");
        }
        if facts["has_reflection"] == true {
            assert!(reflection > 0, "{variant}: {id} has a Reflection");
        }
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
        assert_eq!(
            entry.citations.len() as u64,
            facts["evidence_count"].as_u64().unwrap(),
            "{variant}: {id} cites each item it lists"
        );
        if let Some(ids) = facts.get("evidence_ids").and_then(Value::as_array) {
            let cited: Vec<&str> = entry
                .citations
                .iter()
                .map(|c| c.evidence_id.as_str())
                .collect();
            let listed: Vec<&str> = ids.iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(
                cited, listed,
                "{variant}: {id} keeps the draft's E-numbers, in its order"
            );
        }
    }
    assert_eq!(
        portfolio.evidence.len() as u64,
        expected["evidence_summary"]["distinct_items"]
            .as_u64()
            .unwrap(),
        "{variant}: E3 and E13, listed in several sections, are one item each"
    );
    assert_eq!(
        portfolio.next_evidence_number, 23,
        "{variant}: new items come after E22"
    );
}

#[test]
fn the_sample_lands_section_by_section_with_its_evidence_attached() {
    let (root, report, portfolio) =
        import_beside_sample_evidence(&sample_text(), "sample-cmalt.md");
    assert_sections_match_expected(&portfolio, "the sample");
    assert_eq!(report.pathway, PathwayId::Cmalt);
    assert_eq!(
        report.pathway_choice,
        PathwayChoice::Stated,
        "“**Pathway:** CMALT” wins over inference"
    );
    assert_eq!(portfolio.candidate.name, "Amara Whitcombe");
    assert_eq!(
        portfolio.section("5a").unwrap().topic,
        "Accessible digital content"
    );

    let out = root.path().join("portfolio");
    for item in &portfolio.evidence {
        match &item.source {
            EvidenceSource::File {
                stored_name,
                original_name,
                bytes,
                ..
            } => {
                let copy = std::fs::read(out.join(EVIDENCE_DIR).join(stored_name)).unwrap();
                let original =
                    std::fs::read(samples().join("evidence").join(original_name)).unwrap();
                assert_eq!(copy, original, "{} is a faithful copy", item.id);
                assert_eq!(*bytes, copy.len() as u64);
            }
            EvidenceSource::Link { url } => {
                assert!(url.starts_with("https://"), "{}: {url}", item.id)
            }
            EvidenceSource::MissingFile { original_name } => {
                panic!(
                    "{} ({original_name}) is in the sample's folder and must be attached",
                    item.id
                )
            }
        }
    }
    assert_eq!(report.evidence.files_attached, 18, "18 distinct files");
    assert_eq!(report.evidence.links, 4, "E5, E12, E18 and E22 are links");
    assert!(report.missing_files.is_empty() && report.refused.is_empty());
    let e3 = portfolio.evidence_item("E3").unwrap();
    assert_eq!(e3.details.date, "2025-03");
    assert!(
        e3.details
            .what_it_shows
            .starts_with("shows how the recommendation"),
        "the first listing's words"
    );
    let note = &portfolio.section("1a").unwrap().citations[2].note;
    assert_eq!(
        note, "also used in 1b and 2a",
        "the remark after the path is the citation's note"
    );

    assert_eq!(
        report.not_placed.len(),
        1,
        "only the preamble's remaining lines: {:#?}",
        report.not_placed
    );
    assert!(
        report.not_placed[0].text.contains("Portfolio period"),
        "{:?}",
        report.not_placed[0]
    );
    let kept =
        std::fs::read_to_string(out.join(NOT_PLACED_FILE)).expect("not-placed.md is written");
    assert!(
        kept.contains("January 2024 to February 2026"),
        "the preamble is kept, not dropped"
    );
}

#[test]
fn the_imported_sample_checks_ready_with_what_its_prose_says_proposed() {
    let (_root, _report, portfolio) =
        import_beside_sample_evidence(&sample_text(), "sample-cmalt.md");
    let checklist = check(&framework(), &portfolio, SUBMITTED);
    // The sample's README: imported with its evidence it checks ready, its topics and
    // principles read from its prose as suggestions, and its assessor list's "Conflict of
    // interest: none" read by the importer.
    assert!(checklist.ready, "{:#?}", checklist.problems);
    let warnings: BTreeSet<(Option<String>, String)> = checklist
        .problems
        .iter()
        .map(|p| (p.section.clone(), format!("{:?}", p.code)))
        .collect();
    let expected: BTreeSet<(Option<String>, String)> = [
        (Some("3a"), "TopicSuggested"),
        (Some("3b"), "TopicSuggested"),
        (None, "PrincipleSuggested"),
        (None, "EvidencePermissionNotConfirmed"),
        (None, "ConfirmationNotTicked"),
        (Some("assessor"), "AssessorConflictSuggested"),
    ]
    .into_iter()
    .map(|(s, c)| (s.map(str::to_string), c.to_string()))
    .collect();
    assert_eq!(
        warnings, expected,
        "E20's stated reason, E3 and E13 re-used, 2b and 3b short: none is flagged: {:#?}",
        checklist.problems
    );
    assert_eq!(
        checklist
            .problems
            .iter()
            .filter(|p| p.code == ProblemCode::PrincipleSuggested)
            .count(),
        4,
        "all four principles are shown in the writing"
    );
}

/// Rewrites the sample's headings line by line.
fn rewrite_headings(rewrite: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    for line in sample_text().lines() {
        match rewrite(line) {
            Some(new) => out.push_str(&new),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn numbered_heading(line: &str) -> Option<(&str, &str)> {
    line.strip_prefix("## ")?.split_once(": ")
}

#[test]
fn headings_written_as_1a_close_bracket() {
    let text = rewrite_headings(|line| {
        let (id, title) = numbered_heading(line)?;
        Some(format!("# {id}) {title}"))
    });
    let (_root, _report, portfolio) = import_beside_sample_evidence(&text, "draft.md");
    assert_sections_match_expected(&portfolio, "1a) headings");
}

#[test]
fn core_area_headings_with_lettered_sections() {
    let text = rewrite_headings(|line| {
        let (id, title) = numbered_heading(line)?;
        let (core, letter) = id.split_at(1);
        let group = match id {
            "1a" => Some("# Core Area 1: Operational Issues\n\n"),
            "2a" => Some("# Core Area 2: Teaching, learning and assessment processes\n\n"),
            "3a" => Some("# Core Area 3: The wider context\n\n"),
            _ => None,
        };
        match (core, letter) {
            ("1" | "2" | "3", letter) if !letter.is_empty() => {
                Some(format!("{}## {letter}) {title}", group.unwrap_or_default()))
            }
            _ => None,
        }
    });
    let (_root, report, portfolio) = import_beside_sample_evidence(&text, "draft.md");
    assert_sections_match_expected(&portfolio, "Core Area + a)");
    assert!(
        report
            .not_placed
            .iter()
            .all(|n| n.text.trim().is_empty() || n.reason.contains("before the first")),
        "a group heading with nothing under it only leaves its heading aside: {:#?}",
        report.not_placed
    );
}

#[test]
fn bold_lines_as_headings_and_bold_inline_labels() {
    // Bold-line section headings, "**Description:**" on its own line for the parts.
    let bold_lines = rewrite_headings(|line| {
        if let Some((id, title)) = numbered_heading(line) {
            return Some(format!("**{id} {title}**"));
        }
        if let Some(named) = line.strip_prefix("## ") {
            return Some(format!("**{named}**"));
        }
        line.strip_prefix("### ").map(|part| format!("**{part}:**"))
    });
    let (_root, _report, portfolio) = import_beside_sample_evidence(&bold_lines, "draft.md");
    assert_sections_match_expected(&portfolio, "bold-line headings");

    // The label starts the part's first paragraph: "**Description:** In spring 2024 ...".
    let mut inline = String::new();
    let mut pending_label: Option<String> = None;
    for line in sample_text().lines() {
        if let Some(part) = line.strip_prefix("### ") {
            pending_label = Some(format!("**{part}:**"));
            continue;
        }
        match &pending_label {
            Some(_) if line.trim().is_empty() => continue,
            Some(label) => {
                inline.push_str(&format!("{label} {line}\n"));
                pending_label = None;
            }
            None => inline.push_str(&format!("{line}\n")),
        }
    }
    let (_root, _report, portfolio) = import_beside_sample_evidence(&inline, "draft.md");
    assert_sections_match_expected(&portfolio, "inline bold labels");
    assert!(
        portfolio
            .section("1a")
            .unwrap()
            .description
            .starts_with("In spring 2024"),
        "the rest of the label's line is the Description's first words"
    );
}

#[test]
fn smart_punctuation_section_words_and_windows_line_endings() {
    let text = rewrite_headings(|line| {
        let (id, title) = numbered_heading(line)?;
        Some(format!("## Section {id} – {title}:"))
    })
    .replace('"', "\u{201C}")
    .replace('\'', "\u{2019}")
    .replace("\n", "\r\n");
    let (_root, _report, portfolio) = import_beside_sample_evidence(&text, "draft.md");
    assert_sections_match_expected(&portfolio, "smart punctuation and CRLF");
    assert!(
        !portfolio.section("1b").unwrap().description.contains('\r'),
        "line endings are one form in the portfolio"
    );
}

#[test]
fn a_senior_draft_is_recognised_as_senior() {
    let framework = framework();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("senior");
    let report = import::import_file(
        &framework,
        &fixtures().join("senior-draft.md"),
        &out,
        None,
        NOW,
    )
    .unwrap();
    assert_eq!(
        report.pathway,
        PathwayId::Senior,
        "{}",
        report.pathway_reason
    );
    assert!(
        report.pathway_inferred,
        "the draft states no pathway, so it was inferred"
    );
    assert!(
        report.pathway_reason.contains("advanced"),
        "the report says why: {}",
        report.pathway_reason
    );
    let portfolio = store::read_only(&out).unwrap();
    assert_eq!(
        portfolio.section("5a").unwrap().topic,
        "Open educational resources"
    );
    assert_eq!(
        portfolio.section("5b").unwrap().topic,
        "Learning analytics",
        "“Specialist Area:” is the next area"
    );
    assert_eq!(
        portfolio.section("advanced-1").unwrap().topic,
        "Leading institutional digital education strategy"
    );
    assert_eq!(
        portfolio
            .section("1a")
            .unwrap()
            .reflection
            .split_whitespace()
            .next(),
        Some("The")
    );
    assert_eq!(
        portfolio.sections_citing("E1"),
        ["1a", "5b"],
        "E1 listed twice is one item"
    );
    assert!(portfolio.confirmation.declaration_accepted);
    assert_eq!(
        portfolio.confirmation.date, "2025-09-03",
        "“3rd September 2025”"
    );
    assert_eq!(
        report.not_placed.len(),
        1,
        "the template's instruction is kept aside: {:#?}",
        report.not_placed
    );
    assert!(
        report.not_placed[0]
            .text
            .contains("Instructions from the template")
    );
    assert!(
        report.missing_required.contains(&"2a".to_string()),
        "sections still to write are listed"
    );
}

#[test]
fn a_missing_file_is_listed_and_a_file_over_one_megabyte_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let drafts = root.path().join("drafts");
    std::fs::create_dir_all(drafts.join("evidence")).unwrap();
    std::fs::copy(
        fixtures().join("missing-and-large-evidence.md"),
        drafts.join("draft.md"),
    )
    .unwrap();
    std::fs::write(
        drafts.join("evidence/comparison.pdf"),
        b"%PDF-1.7 comparison",
    )
    .unwrap();
    std::fs::write(drafts.join("evidence/recording.pdf"), vec![b'x'; 1_000_001]).unwrap();
    let out = root.path().join("portfolio");
    let report = import::import_file(
        &framework(),
        &drafts.join("draft.md"),
        &out,
        Some(PathwayId::Cmalt),
        NOW,
    )
    .unwrap();
    assert_eq!(report.pathway_choice, PathwayChoice::Given);

    assert_eq!(
        report.evidence.files_attached, 1,
        "comparison.pdf is attached"
    );
    assert_eq!(report.refused.len(), 1, "{:#?}", report.refused);
    assert_eq!(report.refused[0].evidence_id, "E2");
    assert!(
        report.refused[0]
            .reason
            .contains("is 1.000001 MB and the limit for one evidence file is 1 MB"),
        "the same words as attaching it by hand: {}",
        report.refused[0].reason
    );
    assert_eq!(report.missing_files.len(), 1);
    assert_eq!(report.missing_files[0].evidence_id, "E3");
    assert_eq!(report.missing_files[0].name, "evidence/survey-summary.pdf");
    assert_eq!(report.missing_files[0].sections, ["1a"]);

    let portfolio = store::read_only(&out).unwrap();
    assert!(matches!(
        portfolio.evidence_item("E1").unwrap().source,
        EvidenceSource::File { .. }
    ));
    for id in ["E2", "E3"] {
        assert!(
            matches!(
                portfolio.evidence_item(id).unwrap().source,
                EvidenceSource::MissingFile { .. }
            ),
            "{id} stays in the library, cited, for the candidate to attach"
        );
    }
    let stored: Vec<_> = std::fs::read_dir(out.join(EVIDENCE_DIR)).unwrap().collect();
    assert_eq!(stored.len(), 1, "the refused file was not copied");
}

#[test]
fn a_draft_with_no_headings_is_kept_whole_as_not_placed() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let draft = fixtures().join("no-headings.md");
    let report = import::import_file(&framework(), &draft, &out, None, NOW).unwrap();
    assert!(
        report.nothing_recognised,
        "the report says nothing was recognised"
    );
    assert!(report.sections.is_empty());
    assert_eq!(
        report.pathway,
        PathwayId::Associate,
        "with no sections, the smallest pathway"
    );
    let original = std::fs::read_to_string(&draft).unwrap();
    let kept = std::fs::read_to_string(out.join(NOT_PLACED_FILE)).unwrap();
    for paragraph in original.split("\n\n") {
        assert!(
            kept.contains(paragraph.trim()),
            "every paragraph is kept: {paragraph}"
        );
    }
    let words: usize = report.not_placed.iter().map(|n| n.words).sum();
    assert_eq!(words, count_markdown_words(&original), "no word is lost");
}

#[test]
fn a_messy_word_paste_is_mapped() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let report = import::import_file(
        &framework(),
        &fixtures().join("messy-word-paste.md"),
        &out,
        None,
        NOW,
    )
    .unwrap();
    let ids: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "context",
            "1a",
            "1b",
            "2a",
            "3a",
            "future",
            "confirmation",
            "assessor"
        ]
    );
    assert_eq!(
        report.pathway,
        PathwayId::Associate,
        "{}",
        report.pathway_reason
    );
    let portfolio = store::read_only(&out).unwrap();
    assert_eq!(portfolio.candidate.organisation, "Fenbridge College Group");
    assert_eq!(
        portfolio.section("3a").unwrap().topic,
        "Equality Act 2010",
        "from the “Legislation:” line"
    );
    assert!(
        portfolio
            .section("1a")
            .unwrap()
            .description
            .starts_with("I compared three video tools")
    );
    assert_eq!(
        portfolio.section("1b").unwrap().reflection,
        "Tutors used the block once it saved them time."
    );
    let e1 = portfolio
        .evidence_item("E1")
        .expect("the one-line evidence item");
    assert_eq!(e1.details.date, "2024-05");
    assert!(
        matches!(&e1.source, EvidenceSource::Link { url } if url == "https://fenbridge.example/video-tools")
    );
    assert_eq!(
        portfolio.confirmation.date, "2025-10-02",
        "02/10/2025 is read day first"
    );
    assert!(portfolio.confirmation.declaration_accepted);
    let assessor = portfolio.assessor.unwrap();
    assert_eq!(assessor.organisation, "Westmoor University");
    assert!(
        !assessor.no_conflict_confirmed && !assessor.conflict_statement.is_empty(),
        "the draft says so, and the candidate confirms it in the app"
    );
    assert!(
        report
            .not_placed
            .iter()
            .any(|n| n.text.contains("Guidance: describe")),
        "the template's guidance is kept aside: {:#?}",
        report.not_placed
    );
    assert_eq!(report.missing_files[0].name, "screenshot.png");
}

#[test]
fn importing_never_overwrites_a_portfolio() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let draft = fixtures().join("no-headings.md");
    import::import_file(&framework(), &draft, &out, None, NOW).unwrap();
    let before = std::fs::read(out.join("portfolio.json")).unwrap();
    let error = import::import_file(
        &framework(),
        &fixtures().join("senior-draft.md"),
        &out,
        None,
        NOW,
    )
    .expect_err("a second import into the same folder is refused");
    assert!(error.to_string().contains("already a portfolio"), "{error}");
    assert_eq!(
        std::fs::read(out.join("portfolio.json")).unwrap(),
        before,
        "nothing changed"
    );
}

#[test]
fn bad_inputs_are_refused_with_a_clear_message() {
    let framework = framework();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let write = |name: &str, bytes: &[u8]| {
        let path = root.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let cases: [(PathBuf, &str); 4] = [
        (write("empty.md", b""), "is empty"),
        (write("report.md", b"%PDF-1.4 binary"), "is a PDF"),
        (
            write("photo.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            "is not a text file",
        ),
        (root.path().join("nowhere.md"), "could not be found"),
    ];
    for (path, words) in cases {
        let error = import::import_file(&framework, &path, &out, None, NOW).unwrap_err();
        assert!(
            error.to_string().contains(words),
            "{}: {error}",
            path.display()
        );
        assert!(!out.exists(), "a refused draft creates no portfolio");
    }
    let huge = root.path().join("huge.md");
    std::fs::write(
        &huge,
        vec![b'a'; (import::MARKDOWN_LIMIT_BYTES + 1) as usize],
    )
    .unwrap();
    let error = import::import_file(&framework, &huge, &out, None, NOW).unwrap_err();
    assert!(
        error.to_string().contains("can be at most 20 MB"),
        "{error}"
    );
}
