//! `cmalt-portfolio review export | import | list`, headless: the copy is written once (never
//! over an existing file), a copy returned from LibreOffice comes back as JSON with each
//! comment and suggestion placed, the same file read twice adds nothing, and a file that is
//! not a returned copy is refused with exit 1 and the portfolio unchanged.

mod cli_support;
use cli_support::{run, text};

use cmalt_core::model::Portfolio;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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
    let file = folder.join("portfolio.json");
    let mut portfolio: Portfolio = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let entry = portfolio.section_mut("2b");
    entry.description = "Learners asked for **captions** on every video.".into();
    entry.reflection = "I learned to plan captions from the start.".into();
    fs::write(&file, serde_json::to_vec_pretty(&portfolio).unwrap()).unwrap();
    folder
}

fn uno_python() -> &'static str {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import uno"])
            .output()
            .is_ok_and(|out| out.status.success());
        if ok {
            return candidate;
        }
    }
    panic!(
        "this test makes the returned document with LibreOffice through Python-UNO, which is not installed. Install it with `apt-get install libreoffice-writer-nogui python3-uno`."
    );
}

#[test]
fn a_copy_returned_from_libreoffice_comes_back_as_json_beside_its_sections() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let dir = folder.to_str().unwrap();
    let copy = root.path().join("for-mentor.docx");
    let output = run(&[
        "review",
        "export",
        dir,
        "--out",
        copy.to_str().unwrap(),
        "--reviewer",
        "Dr Mentor",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains("Sent for review to Dr Mentor"), "{said}");
    assert!(copy.is_file());

    let again = run(&["review", "export", dir, "--out", copy.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is not replaced"
    );
    assert!(text(&again.stderr).contains("already exists"));

    let plan = root.path().join("plan.json");
    fs::write(
        &plan,
        serde_json::json!({"reviewer": "Dr Mentor", "steps": [
            {"do": "track", "on": true},
            {"do": "replace", "find": "every video", "with": "all videos"},
            {"do": "comment", "find": "plan captions", "text": "How did you plan them?"}
        ]})
        .to_string(),
    )
    .unwrap();
    let returned = root.path().join("returned.docx");
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/review/reviewer.py");
    let lo = Command::new(uno_python())
        .arg(&script)
        .arg(&copy)
        .arg(&returned)
        .arg(&plan)
        .arg(root.path().join("lo-profile"))
        .output()
        .expect("the reviewer script runs");
    assert!(
        lo.status.success() && returned.is_file(),
        "LibreOffice did not save the reviewed copy: {}",
        text(&lo.stderr)
    );

    let text_before = fs::read_to_string(folder.join("portfolio.json")).unwrap();
    let output = run(&[
        "review",
        "import",
        dir,
        returned.to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let comment = &json["comments"][0];
    assert_eq!(comment["section"], "2b");
    assert_eq!(comment["part"], "reflection");
    assert_eq!(comment["author"], "Dr Mentor");
    assert_eq!(comment["text"], "How did you plan them?");
    assert_eq!(comment["quote"], "plan captions");
    assert!(comment["date"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(comment["replies"].is_array());
    let suggestion = &json["suggestions"][0];
    assert_eq!(suggestion["section"], "2b");
    assert_eq!(suggestion["part"], "description");
    assert_eq!(suggestion["kind"], "replace");
    assert_eq!(suggestion["text"], "all videos");
    assert_eq!(suggestion["replaces"], "every video");
    assert_eq!(suggestion["before"], "Learners asked for captions on ");
    assert_eq!(suggestion["after"], ".");
    let after: Portfolio =
        serde_json::from_slice(&fs::read(folder.join("portfolio.json")).unwrap()).unwrap();
    let before: Portfolio = serde_json::from_str(&text_before).unwrap();
    assert_eq!(
        after.sections, before.sections,
        "the candidate's words are not changed"
    );
    assert_eq!(
        after.mentor_reviews[0].comments.len(),
        1,
        "the review is kept"
    );

    let twice = run(&[
        "review",
        "import",
        dir,
        returned.to_str().unwrap(),
        "--json",
    ]);
    let json: Value = serde_json::from_slice(&twice.stdout).unwrap();
    assert_eq!(json["already_imported"], true);
    assert_eq!(json["new_comments"], 0);

    let list = run(&["review", "list", dir, "--json"]);
    let json: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(json[0]["comments_open"], 1);
    assert_eq!(json[0]["suggestions_open"], 1);
}

#[test]
fn a_file_that_is_not_a_returned_copy_is_refused_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let dir = folder.to_str().unwrap();
    let copy = root.path().join("copy.docx");
    assert!(
        run(&["review", "export", dir, "--out", copy.to_str().unwrap()])
            .status
            .success()
    );
    let before = fs::read(folder.join("portfolio.json")).unwrap();
    let notes = root.path().join("notes.docx");
    fs::write(&notes, "just some text, not a Word document").unwrap();
    let output = run(&["review", "import", dir, notes.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("not a Word document"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(fs::read(folder.join("portfolio.json")).unwrap(), before);
}
