//! `cmalt-portfolio import`: a draft becomes a new portfolio with a report in plain words or
//! JSON; a refusal exits 1 with a plain message and changes nothing.

mod cli_support;
use cli_support::{run, text};

use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sample/sample-cmalt.md")
}

#[test]
fn imports_the_sample_and_reports_in_plain_words() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let output = run(&[
        "import",
        sample().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("Pathway: CMALT"), "{stdout}");
    assert!(
        stdout.contains("evidence E20 E21 E22 E13"),
        "each section's items: {stdout}"
    );
    assert!(stdout.contains("18 files"), "{stdout}");
    assert!(
        stdout.contains("Not placed"),
        "the preamble kept aside is mentioned: {stdout}"
    );
    assert!(out.join("portfolio.json").is_file());
    assert!(out.join("not-placed.md").is_file());
}

#[test]
fn the_json_report_has_its_keys() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let output = run(&[
        "import",
        sample().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--pathway",
        "senior",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("--json prints one JSON document");
    for key in [
        "source",
        "kind",
        "portfolio_folder",
        "pathway",
        "pathway_inferred",
        "pathway_reason",
        "sections",
        "missing_required",
        "evidence",
        "not_placed",
        "not_placed_file",
        "refused",
        "missing_files",
        "notes",
    ] {
        assert!(report.get(key).is_some(), "the report has {key}: {report}");
    }
    assert_eq!(
        report["pathway"], "senior",
        "--pathway wins over the draft's own"
    );
    assert_eq!(report["pathway_inferred"], false);
    assert_eq!(report["kind"], "markdown");
    let first = &report["sections"][0];
    for key in ["id", "words_placed", "evidence_count", "in_pathway"] {
        assert!(first.get(key).is_some(), "each section says {key}: {first}");
    }
    assert_eq!(
        report["not_placed"][0]["excerpt"]
            .as_str()
            .map(|e| !e.is_empty()),
        Some(true)
    );
    assert_eq!(
        report["missing_required"],
        serde_json::json!(["5b", "advanced-1"]),
        "Senior needs sections the CMALT sample does not have"
    );
}

#[test]
fn refuses_to_overwrite_a_portfolio_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("portfolio");
    let out_text = out.to_str().unwrap();
    assert!(
        run(&["new", out_text, "--pathway", "cmalt", "--name", "Sam"])
            .status
            .success()
    );
    let before = std::fs::read(out.join("portfolio.json")).unwrap();
    let output = run(&["import", sample().to_str().unwrap(), "--out", out_text]);
    assert_eq!(output.status.code(), Some(1), "a refusal exits 1");
    let message = text(&output.stderr);
    assert!(message.contains("already a portfolio"), "{message}");
    assert!(output.stdout.is_empty(), "no report for a refused import");
    assert_eq!(
        std::fs::read(out.join("portfolio.json")).unwrap(),
        before,
        "nothing changed"
    );
    assert!(!out.join("not-placed.md").exists());
}

#[test]
fn refuses_what_is_not_a_draft_with_a_plain_message() {
    let root = tempfile::tempdir().unwrap();
    let pdf = root.path().join("draft.docx");
    std::fs::write(&pdf, b"%PDF-1.7 a renamed PDF").unwrap();
    let out = root.path().join("portfolio");
    let output = run(&[
        "import",
        pdf.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(message.contains("\"draft.docx\" is a PDF"), "{message}");
    assert!(!out.exists(), "nothing is created for a refused draft");
}

#[test]
fn text_with_no_headings_is_imported_with_everything_kept_aside() {
    let root = tempfile::tempdir().unwrap();
    let draft = root.path().join("notes.md");
    std::fs::write(&draft, "Some thoughts on my practice.\n\nMore thoughts.\n").unwrap();
    let out = root.path().join("portfolio");
    let output = run(&[
        "import",
        draft.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "nothing lost, so it is a success"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["nothing_recognised"], true);
    assert_eq!(
        report["not_placed"][0]["words"], 7,
        "all seven words are kept"
    );
}

/// The sample imported and checked from the command line: ready, with what its prose says
/// proposed as fixes in `check --json`, and the advice on its files grouped with its items.
#[test]
fn the_imported_sample_checks_ready_with_its_suggestions_in_the_json() {
    let root = tempfile::tempdir().unwrap();
    let drafts = root.path().join("drafts");
    std::fs::create_dir_all(drafts.join("evidence")).unwrap();
    let samples = sample().parent().unwrap().to_path_buf();
    std::fs::copy(sample(), drafts.join("sample-cmalt.md")).unwrap();
    for entry in std::fs::read_dir(samples.join("evidence")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            drafts.join("evidence").join(entry.file_name()),
        )
        .unwrap();
    }
    let out = root.path().join("portfolio");
    let draft = drafts.join("sample-cmalt.md");
    let imported = run(&[
        "import",
        draft.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));

    let checked = run(&["check", out.to_str().unwrap(), "--json"]);
    assert!(
        checked.status.success(),
        "no errors: {}",
        text(&checked.stdout)
    );
    let json: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(json["ready"], true);
    let problems = json["problems"].as_array().unwrap();
    let topic = problems
        .iter()
        .find(|p| p["code"] == "topic_suggested" && p["section"] == "3a")
        .expect("3a's topic is proposed");
    assert_eq!(topic["severity"], "warning");
    assert_eq!(topic["fix"]["kind"], "use_topic");
    assert!(
        topic["fix"]["topic"]
            .as_str()
            .unwrap()
            .contains("Accessibility Regulations 2018")
    );
    let permission: Vec<_> = problems
        .iter()
        .filter(|p| p["code"] == "evidence_permission_not_confirmed")
        .collect();
    assert_eq!(permission.len(), 1, "one grouped entry");
    assert_eq!(
        permission[0]["items"].as_array().unwrap().len(),
        18,
        "the 18 files; the four web links need no permission"
    );
    assert_eq!(permission[0]["fix"]["kind"], "confirm_permission");
}
