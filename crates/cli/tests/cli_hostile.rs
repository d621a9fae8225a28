//! Hostile folders, drafts and bundles through the command line, as an attacker would make
//! them (issue 12): names that point outside the portfolio, links where the app's own files
//! should be, duplicate ids and impossible counters, nested structure that once crashed or
//! stalled the app, oversized files, terminal escapes in titles. After each one the files
//! outside the portfolio are byte for byte as they were, the process did not crash, nothing
//! half-made is left, and the message says what happened and that nothing was changed.

mod cli_support;
use cli_support::{BINARY, run, text};

use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file of the candidate's outside any portfolio, with its bytes and permissions, to show
/// it was never touched.
struct OutsideFile {
    path: PathBuf,
    bytes: Vec<u8>,
    mode: std::fs::Permissions,
}

impl OutsideFile {
    fn new(folder: &Path, name: &str) -> OutsideFile {
        let path = folder.join(name);
        let bytes = format!("{name}: three years of the candidate's own work").into_bytes();
        fs::write(&path, &bytes).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions();
        OutsideFile { path, bytes, mode }
    }

    fn assert_untouched(&self, after: &str) {
        let now = fs::read(&self.path).unwrap_or_else(|error| {
            panic!("{} was deleted by {after}: {error}", self.path.display())
        });
        assert_eq!(
            now, self.bytes,
            "{after} changed a file outside the portfolio"
        );
        assert_eq!(
            fs::metadata(&self.path).unwrap().permissions(),
            self.mode,
            "{after} changed the permissions of a file outside the portfolio"
        );
    }
}

fn new_portfolio_with_a_file(root: &Path) -> PathBuf {
    let folder = root.join("portfolio");
    let output = run(&[
        "new",
        folder.to_str().unwrap(),
        "--pathway",
        "cmalt",
        "--title",
        "Mine",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let evidence = root.join("report.pdf");
    fs::write(&evidence, b"%PDF-1.7 a real report").unwrap();
    let output = run(&[
        "attach",
        folder.to_str().unwrap(),
        evidence.to_str().unwrap(),
        "--section",
        "1a",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    folder
}

fn edit_json(folder: &Path, change: impl FnOnce(&mut Value)) {
    let file = folder.join("portfolio.json");
    let mut json: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    change(&mut json);
    fs::write(&file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

/// Every verb that opens a portfolio folder, each with what it needs.
fn every_verb(folder: &Path, root: &Path) -> Vec<(String, Vec<String>)> {
    let dir = folder.to_str().unwrap().to_string();
    let out = |name: &str| root.join(name).to_str().unwrap().to_string();
    let another = root.join("another.pdf");
    fs::write(&another, b"%PDF-1.7 another").unwrap();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        ("check".into(), s(&["check", &dir])),
        ("check --json".into(), s(&["check", &dir, "--json"])),
        (
            "snapshot".into(),
            s(&["snapshot", &dir, "--label", "before"]),
        ),
        ("snapshots".into(), s(&["snapshots", &dir])),
        (
            "attach".into(),
            s(&["attach", &dir, another.to_str().unwrap()]),
        ),
        (
            "export folder".into(),
            s(&["export", &dir, "--format", "html", "--out", &out("web")]),
        ),
        (
            "export zip".into(),
            s(&["export", &dir, "--format", "zip", "--out", &out("p.zip")]),
        ),
        (
            "export page".into(),
            s(&[
                "export",
                &dir,
                "--format",
                "single-html",
                "--out",
                &out("p.html"),
            ]),
        ),
        (
            "changes".into(),
            s(&["changes", &dir, "--since", "20260101-000000"]),
        ),
    ]
}

fn run_owned(args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

/// The process ended by itself (an exit code), not by a signal such as a stack overflow.
fn assert_no_crash(output: &Output, what: &str) {
    assert!(
        output.status.code().is_some(),
        "{what} crashed: {:?}\n{}",
        output.status,
        text(&output.stderr)
    );
}

#[test]
fn a_stored_name_that_leaves_the_evidence_folder_is_refused_by_every_verb() {
    let root = tempfile::tempdir().unwrap();
    let thesis = OutsideFile::new(root.path(), "thesis.docx");
    for hostile in [
        "../../thesis.docx".to_string(),
        thesis.path.to_str().unwrap().to_string(),
        "../.lock".to_string(),
    ] {
        let case = tempfile::tempdir_in(root.path()).unwrap();
        let folder = new_portfolio_with_a_file(case.path());
        // Reaches `root/thesis.docx` from `root/case/portfolio/evidence/`.
        let hostile = hostile.replace("../../", "../../../");
        edit_json(&folder, |json| {
            json["evidence"][0]["source"]["stored_name"] = Value::String(hostile.clone());
        });
        let before = fs::read(folder.join("portfolio.json")).unwrap();
        for (verb, args) in every_verb(&folder, case.path()) {
            let output = run_owned(&args);
            assert_no_crash(&output, &verb);
            assert!(!output.status.success(), "{verb} must refuse {hostile:?}");
            let message = text(&output.stderr);
            assert!(
                message.contains("E1") && message.contains(&hostile),
                "{verb}: the refusal names the item and its file: {message}"
            );
            assert!(
                message.contains("Nothing was read, written or deleted"),
                "{verb}: the refusal says nothing was changed: {message}"
            );
            thesis.assert_untouched(&verb);
            assert_eq!(
                fs::read(folder.join("portfolio.json")).unwrap(),
                before,
                "{verb} must leave the refused portfolio as it was"
            );
        }
        for made in ["web", "p.zip", "p.html"] {
            assert!(
                !case.path().join(made).exists(),
                "no export of a refused portfolio: {made}"
            );
        }
        assert!(
            !folder.join("snapshots").exists()
                || fs::read_dir(folder.join("snapshots"))
                    .unwrap()
                    .next()
                    .is_none(),
            "no snapshot of a refused portfolio"
        );
    }
}

#[test]
fn links_in_place_of_the_apps_own_files_are_refused_and_never_followed() {
    let root = tempfile::tempdir().unwrap();
    let target = OutsideFile::new(root.path(), "notes.txt");
    let elsewhere = root.path().join("Documents");
    fs::create_dir(&elsewhere).unwrap();
    let document = OutsideFile::new(&elsewhere, "cv.docx");
    for (name, points_to) in [
        (".lock", target.path.clone()),
        ("portfolio.json", target.path.clone()),
        ("evidence", elsewhere.clone()),
        (".backups", elsewhere.clone()),
        ("snapshots", elsewhere.clone()),
    ] {
        let case = tempfile::tempdir_in(root.path()).unwrap();
        let folder = new_portfolio_with_a_file(case.path());
        let link = folder.join(name);
        if link.is_dir() {
            fs::remove_dir_all(&link).unwrap();
        } else if link.exists() {
            fs::remove_file(&link).unwrap();
        }
        std::os::unix::fs::symlink(&points_to, &link).unwrap();
        for (verb, args) in every_verb(&folder, case.path()) {
            let output = run_owned(&args);
            assert_no_crash(&output, &verb);
            assert!(!output.status.success(), "{verb} must refuse a {name} link");
            let message = text(&output.stderr);
            assert!(
                message.contains(&format!("\"{name}\" is a shortcut (symbolic link)")),
                "{verb}: says which link: {message}"
            );
            target.assert_untouched(&format!("{verb} with a {name} link"));
            document.assert_untouched(&format!("{verb} with a {name} link"));
        }
        assert_eq!(
            fs::read_dir(&elsewhere).unwrap().count(),
            1,
            "nothing may be written into the folder a {name} link points to"
        );
    }
}

/// A change made to `portfolio.json` by hand.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn duplicate_ids_and_impossible_counters_are_refused_on_open() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio_with_a_file(root.path());
    let good = fs::read(folder.join("portfolio.json")).unwrap();
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "the same id twice",
            Box::new(|json: &mut Value| {
                let copy = json["evidence"][0].clone();
                json["evidence"].as_array_mut().unwrap().push(copy);
            }),
            "two evidence items are both called E1",
        ),
        (
            "a counter at the top of u32",
            Box::new(|json: &mut Value| json["next_evidence_number"] = Value::from(u32::MAX)),
            "evidence counter (4294967295)",
        ),
        (
            "an id that is a path",
            Box::new(|json: &mut Value| json["evidence"][0]["id"] = Value::from("../E1")),
            "does not match its number",
        ),
        (
            "an assessment whose snapshot is a path",
            Box::new(|json: &mut Value| {
                json["assessments"] = serde_json::json!([{
                    "outcome": "pass", "pathway": "cmalt", "received_on": "2026-01-01",
                    "snapshot_id": "../../elsewhere"
                }]);
            }),
            "not a snapshot id",
        ),
    ];
    for (what, change, expected) in cases {
        fs::write(folder.join("portfolio.json"), &good).unwrap();
        edit_json(&folder, change);
        for verb in ["check", "snapshot", "attach"] {
            let args: Vec<String> = match verb {
                "attach" => vec![
                    "attach".into(),
                    folder.to_str().unwrap().into(),
                    "--url".into(),
                    "https://example.org/".into(),
                ],
                other => vec![other.into(), folder.to_str().unwrap().into()],
            };
            let output = run_owned(&args);
            assert_no_crash(&output, verb);
            assert!(!output.status.success(), "{verb} must refuse {what}");
            let message = text(&output.stderr);
            assert!(message.contains(expected), "{verb} with {what}: {message}");
        }
    }
}

#[test]
fn a_huge_portfolio_json_is_refused_without_being_read_whole() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio_with_a_file(root.path());
    let mut file = fs::File::create(folder.join("portfolio.json")).unwrap();
    file.write_all(b"{\"schema_version\":2,\"title\":\"")
        .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..60 {
        file.write_all(&chunk).unwrap();
    }
    file.write_all(b"\"}").unwrap();
    drop(file);
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_no_crash(&output, "check");
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unopenable portfolio exits 2"
    );
    let message = text(&output.stderr);
    assert!(
        message.contains("62.9") && message.contains("16 MB"),
        "{message}"
    );
}

#[test]
fn a_draft_named_by_its_bare_file_name_cannot_pull_in_files_from_outside_its_folder() {
    let root = tempfile::tempdir().unwrap();
    let secret = OutsideFile::new(root.path(), "shadow");
    let drafts = root.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    fs::write(drafts.join("ok.pdf"), b"%PDF-1.7 inside the draft's folder").unwrap();
    fs::write(
        drafts.join("draft.md"),
        "# My CMALT\n\n## 1a: Constraints and benefits\n\n### Description\n\nWhat I did.\n\n### Evidence\n\n\
         - **E1 Stolen** (2025) — a file from elsewhere; file: ../shadow\n\
         - **E2 Also stolen** (2025) — by an absolute path; file: {SECRET}\n\
         - **E3 Mine** (2025) — a file beside the draft; file: ok.pdf\n"
            .replace("{SECRET}", secret.path.to_str().unwrap()),
    )
    .unwrap();
    let out = root.path().join("P");
    let output = Command::new(BINARY)
        .current_dir(&drafts)
        .args([
            "import",
            "draft.md",
            "--out",
            out.to_str().unwrap(),
            "--json",
        ])
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let refused: Vec<&str> = report["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["evidence_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        refused,
        ["E1", "E2"],
        "both outside files are refused in the report: {report:#}"
    );
    assert!(
        report["refused"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("outside the draft's folder"),
        "{report:#}"
    );
    assert_eq!(
        report["evidence"]["files_attached"], 1,
        "the file beside the draft is attached"
    );
    for entry in fs::read_dir(out.join("evidence")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        assert_ne!(
            bytes, secret.bytes,
            "the outside file must not be copied into the portfolio"
        );
    }
    secret.assert_untouched("import");
}

/// A .docx as an attacker makes it: tables nested `depth` deep in a 3 KB file.
fn nested_tables_docx(path: &Path, depth: usize) {
    let mut body = String::new();
    for _ in 0..depth {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
    for _ in 0..depth {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/document.xml", document),
    ];
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn tables_nested_five_hundred_deep_are_refused_not_a_crash() {
    let root = tempfile::tempdir().unwrap();
    let draft = root.path().join("nested.docx");
    nested_tables_docx(&draft, 500);
    assert!(
        fs::metadata(&draft).unwrap().len() < 4_000,
        "the attack is a small file"
    );
    let out = root.path().join("P");
    let output = run(&[
        "import",
        draft.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_no_crash(&output, "import of nested tables");
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("nests more than") && message.contains("Word document"),
        "{message}"
    );
    assert!(!out.exists(), "nothing is made from a refused draft");
    assert_eq!(
        fs::read_dir(root.path()).unwrap().count(),
        1,
        "no temporary folder is left"
    );
    // Real documents (pandoc's and LibreOffice's, with tables) still import: see
    // crates/core/tests/import_docx.rs, which runs through the same check.
}

#[test]
fn deeply_nested_quotes_and_lists_import_and_export_as_text() {
    let root = tempfile::tempdir().unwrap();
    let draft = root.path().join("deep.md");
    let quotes = format!("{}the innermost words", ">".repeat(100_000));
    let lists = format!("{}listed", "- ".repeat(10_000));
    fs::write(
        &draft,
        format!("# Mine\n\n## 1a: Constraints\n\n### Description\n\n{quotes}\n\n{lists}\n"),
    )
    .unwrap();
    let out = root.path().join("P");
    let output = run(&[
        "import",
        draft.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = root.path().join("p.html");
    let output = run(&[
        "export",
        out.to_str().unwrap(),
        "--format",
        "single-html",
        "--out",
        page.to_str().unwrap(),
    ]);
    assert_no_crash(&output, "export of deep nesting");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("the innermost words") && html.contains("listed"),
        "no words are lost"
    );
    assert!(
        html.matches("<blockquote>").count() <= cmalt_core::markdown::MAX_NESTING,
        "nesting past the limit is shown as text"
    );
}

#[test]
fn a_zip_with_two_portfolio_files_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio_with_a_file(root.path());
    let exported = root.path().join("good.zip");
    let output = run(&[
        "export",
        folder.to_str().unwrap(),
        "--format",
        "zip",
        "--out",
        exported.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    // The same bundle with a second, different `portfolio.json` appended. A zip writer
    // refuses two entries of one name, so the second is written as `portfolio.jsoX` and its
    // name patched afterwards, in the local header and in the central directory, as an
    // attacker would (names are outside every checksum).
    let mut archive = zip::ZipArchive::new(fs::File::open(&exported).unwrap()).unwrap();
    let mut bytes = Vec::new();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
    for index in 0..archive.len() {
        writer
            .raw_copy_file(archive.by_index_raw(index).unwrap())
            .unwrap();
    }
    writer
        .start_file("portfolio.jsoX", zip::write::SimpleFileOptions::default())
        .unwrap();
    writer
        .write_all(b"{\"schema_version\":2,\"title\":\"the other one\"}")
        .unwrap();
    writer.finish().unwrap();
    let patched = String::from_utf8_lossy(&bytes)
        .matches("portfolio.jsoX")
        .count();
    assert_eq!(
        patched, 2,
        "the name is in the local header and the central directory"
    );
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(14).position(|w| w == b"portfolio.jsoX") {
        bytes[at + found + 13] = b'n';
        at += found + 14;
    }
    let hostile = root.path().join("two.zip");
    fs::write(&hostile, &bytes).unwrap();
    let out = root.path().join("opened");
    let output = run(&[
        "import",
        hostile.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_no_crash(&output, "import of a two-portfolio zip");
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("two files of the same name"),
        "{}",
        text(&output.stderr)
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn escape_sequences_in_titles_never_reach_the_terminal() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio_with_a_file(root.path());
    let hostile = "Mine\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202E}";
    edit_json(&folder, |json| {
        json["title"] = Value::from(hostile);
        json["evidence"][0]["title"] = Value::from(hostile);
    });
    for args in [
        vec!["check"],
        vec!["check", "--json"],
        vec!["snapshot"],
        vec!["snapshots"],
    ] {
        let mut full = vec![args[0], folder.to_str().unwrap()];
        full.extend(&args[1..]);
        let output = run(&full);
        assert_no_crash(&output, args[0]);
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let printed = text(bytes);
            assert!(
                !printed
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t')
                    && !printed.contains('\u{202E}'),
                "{full:?} printed a control character on {stream}: {printed:?}"
            );
        }
        if args == ["check", "--json"] {
            let json: Value = serde_json::from_slice(&output.stdout).unwrap();
            assert!(json.is_object(), "the JSON still parses");
        }
    }
}

#[test]
fn leftovers_of_killed_exports_are_tidied_by_the_next_one() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio_with_a_file(root.path());
    // What a killed export and a killed import leave: hidden names ending in a dead pid.
    let dead = 4_194_999;
    let leftover_file = root.path().join(format!(".p.zip.w-7-{dead}.tmp"));
    fs::write(&leftover_file, b"half a zip").unwrap();
    let leftover_folder = root.path().join(format!(".p.zip.export-3-{dead}.tmp"));
    fs::create_dir(&leftover_folder).unwrap();
    let someone_elses = root.path().join(".p.zip.notes.tmp");
    fs::write(&someone_elses, b"not ours").unwrap();
    let out = root.path().join("p.zip");
    let output = run(&[
        "export",
        folder.to_str().unwrap(),
        "--format",
        "zip",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        !leftover_file.exists() && !leftover_folder.exists(),
        "a dead writer's leftovers go"
    );
    assert!(someone_elses.exists(), "a file not named by the app stays");
}
