//! `cmalt-portfolio attach`: files and links from the command line, refused with the same
//! message as the window, leaving the portfolio as it was.

mod cli_support;
use cli_support::run;

use std::path::Path;

fn new_portfolio(root: &Path) -> String {
    let folder = root.join("portfolio");
    let folder = folder.to_str().unwrap().to_string();
    assert!(
        run(&["new", &folder, "--pathway", "cmalt"])
            .status
            .success()
    );
    folder
}

fn portfolio_json(folder: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(Path::new(folder).join("portfolio.json")).unwrap())
        .unwrap()
}

#[test]
fn attaches_a_file_cited_from_two_sections() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let file = root.path().join("quiz report.pdf");
    std::fs::write(&file, b"%PDF-1.7 report").unwrap();
    let output = run(&[
        "attach",
        &folder,
        file.to_str().unwrap(),
        "--title",
        "Quiz report",
        "--section",
        "1a",
        "--section",
        "2a",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("E1"),
        "it says the item's number"
    );
    let json = portfolio_json(&folder);
    assert_eq!(json["evidence"][0]["title"], "Quiz report");
    assert_eq!(json["sections"]["1a"]["citations"][0]["evidence_id"], "E1");
    assert_eq!(json["sections"]["2a"]["citations"][0]["evidence_id"], "E1");
}

#[test]
fn refuses_a_file_over_one_megabyte_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let before = std::fs::read(Path::new(&folder).join("portfolio.json")).unwrap();
    let file = root.path().join("big.pdf");
    std::fs::write(&file, vec![0u8; 1_000_001]).unwrap();
    let output = run(&["attach", &folder, file.to_str().unwrap(), "--title", "Big"]);
    assert_eq!(output.status.code(), Some(1), "a refusal exits 1");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("\"big.pdf\" is 1.000001 MB and the limit for one evidence file is 1 MB"),
        "the window's message: {message}"
    );
    assert_eq!(
        std::fs::read(Path::new(&folder).join("portfolio.json")).unwrap(),
        before
    );
    assert_eq!(
        std::fs::read_dir(Path::new(&folder).join("evidence"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn links_are_checked() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let ok = run(&[
        "attach",
        &folder,
        "--url",
        "https://example.org/guide",
        "--title",
        "Guide",
        "--section",
        "3a",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = run(&[
        "attach",
        &folder,
        "--url",
        "javascript:alert(1)",
        "--title",
        "Bad",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("https://"));
    assert_eq!(
        portfolio_json(&folder)["evidence"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_missing_portfolio_exits_2() {
    let root = tempfile::tempdir().unwrap();
    let output = run(&[
        "attach",
        root.path().join("nowhere").to_str().unwrap(),
        "--url",
        "https://x.org",
        "--title",
        "X",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("could not be found"));
}
