//! `cmalt-portfolio snapshot`, `snapshots` and `changes`, headless: the id alone on stdout,
//! `portfolio.json` never written, changes counted per section, exit 1 for an unknown
//! snapshot and 2 for a portfolio that cannot be read.

mod cli_support;
use cli_support::{run, text};

use cmalt_core::model::Portfolio;
use std::fs;
use std::path::{Path, PathBuf};

fn new_portfolio(root: &Path) -> PathBuf {
    let folder = root.join("portfolio");
    let output = run(&[
        "new",
        folder.to_str().unwrap(),
        "--pathway",
        "cmalt",
        "--name",
        "Zoë",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    folder
}

/// Edits `portfolio.json` by hand, as another tool or a text editor would.
fn set_2b(folder: &Path, description: &str) {
    let file = folder.join("portfolio.json");
    let mut portfolio: Portfolio = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    portfolio.section_mut("2b").description = description.into();
    fs::write(&file, serde_json::to_vec_pretty(&portfolio).unwrap()).unwrap();
}

#[test]
fn changes_since_a_snapshot_name_the_edited_section_with_its_counts() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let dir = folder.to_str().unwrap();
    set_2b(&folder, "Learners asked for captions.");
    let before = fs::read(folder.join("portfolio.json")).unwrap();

    let output = run(&["snapshot", dir, "--label", "Sent in", "--submitted"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let id = stdout.trim_end_matches('\n');
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "only the id is printed, for scripts to capture: {stdout:?}"
    );
    assert_eq!(
        fs::read(folder.join("portfolio.json")).unwrap(),
        before,
        "snapshot must not write portfolio.json"
    );

    let listed = run(&["snapshots", dir]);
    assert!(listed.status.success());
    let listed = text(&listed.stdout);
    assert!(
        listed.contains(id) && listed.contains("Sent in") && listed.contains("submitted"),
        "{listed}"
    );

    set_2b(
        &folder,
        "Students asked for captions and transcripts, so I added both.",
    );
    let output = run(&["changes", dir, "--since", id, "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["since"], id);
    let sections = json["sections"].as_array().unwrap();
    let changed: Vec<&str> = sections
        .iter()
        .filter(|s| s["changed"] == true)
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["2b"], "only the edited section changed");
    let section_2b = sections.iter().find(|s| s["id"] == "2b").unwrap();
    assert_eq!(
        section_2b["words_added"], 7,
        "Students, and, transcripts, so, I, added, both"
    );
    assert_eq!(section_2b["words_removed"], 1, "Learners");

    let plain = run(&["changes", dir, "--since", id]);
    assert!(plain.status.success());
    let plain = text(&plain.stdout);
    assert!(
        plain.contains("2b") && plain.contains("+7 \u{2212}1 words"),
        "{plain}"
    );
}

#[test]
fn an_unknown_or_hostile_snapshot_id_exits_1_and_an_unreadable_portfolio_2() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let dir = folder.to_str().unwrap();
    for id in ["20990101-000000", "../portfolio", ".."] {
        let output = run(&["changes", dir, "--since", id]);
        assert_eq!(output.status.code(), Some(1), "{id} must be refused");
        assert!(output.stdout.is_empty());
        assert!(!text(&output.stderr).is_empty(), "a refusal says why");
    }

    let missing = root.path().join("nowhere");
    let output = run(&["snapshot", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !missing.exists(),
        "nothing is created for a missing portfolio"
    );
    fs::write(folder.join("portfolio.json"), b"{ cut short").unwrap();
    assert_eq!(run(&["snapshots", dir]).status.code(), Some(2));
    assert_eq!(
        run(&["changes", dir, "--since", "20990101-000000"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn export_with_revisions_since_a_snapshot_adds_a_summary_naming_the_revised_section() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let dir = folder.to_str().unwrap();
    set_2b(&folder, "Learners asked for captions.");
    let output = run(&["snapshot", dir, "--submitted"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let id = text(&output.stdout).trim().to_string();
    set_2b(
        &folder,
        "Learners asked for captions, so I added them to every video.",
    );

    let out = root.path().join("resubmission.html");
    let output = run(&[
        "export",
        dir,
        "--format",
        "single-html",
        "--out",
        out.to_str().unwrap(),
        "--revisions-since",
        &id,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.contains("Summary of revisions"));
    assert!(html.contains("id=\"revised-2b\""), "2b is named as revised");
    assert!(html.contains("<ins>"));

    let refused = run(&[
        "export",
        dir,
        "--format",
        "zip",
        "--out",
        root.path().join("x.zip").to_str().unwrap(),
        "--revisions-since",
        "20990101-000000",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("There is no snapshot 20990101-000000"));
    assert!(!root.path().join("x.zip").exists(), "nothing is written");
}
