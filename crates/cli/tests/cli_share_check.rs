//! `cmalt-portfolio check` and "Before you share", headless: the findings in `--json` under
//! `before_sharing` and in plain words under their heading, each with an id; the one-click
//! fixes by id (`--redact`, `--agree`) and for photos (`--fix-image-metadata`), which open the
//! portfolio with its lock; `--links-online` against a server on 127.0.0.1.
//!
//! The photo test needs ImageMagick and ExifTool (scripts/setup.sh test); a missing tool
//! fails it, it is never skipped.

mod cli_support;
use cli_support::{run, text};

use cmalt_core::evidence::files::{safe_file_name, sha256_hex};
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::model::Portfolio;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

const EMAIL_TEXT: &str =
    "I built the quiz with my student Priya Shah, who wrote from priya.shah2009@gmail.com.";

fn new_portfolio(root: &Path) -> PathBuf {
    let folder = root.join("portfolio");
    let output = run(&[
        "new",
        folder.to_str().unwrap(),
        "--pathway",
        "cmalt",
        "--title",
        "My CMALT",
        "--name",
        "Sam Example",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    folder
}

fn load(folder: &Path) -> Portfolio {
    serde_json::from_slice(&std::fs::read(folder.join("portfolio.json")).unwrap()).unwrap()
}

fn store(folder: &Path, portfolio: &Portfolio) {
    std::fs::write(
        folder.join("portfolio.json"),
        serde_json::to_vec_pretty(portfolio).unwrap(),
    )
    .unwrap();
}

fn with_text(root: &Path, description: &str) -> PathBuf {
    let folder = new_portfolio(root);
    let mut portfolio = load(&folder);
    portfolio.section_mut("1a").description = description.to_string();
    store(&folder, &portfolio);
    folder
}

fn check_json(folder: &Path, extra: &[&str]) -> (Option<i32>, Value, String) {
    let mut args = vec!["check", folder.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let output = run(&args);
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("--json prints JSON alone: {}", text(&output.stdout)));
    (output.status.code(), json, text(&output.stderr))
}

/// The id of the finding whose passage is `matched`.
fn id_of(json: &Value, matched: &str) -> String {
    json["before_sharing"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["passage"]["matched"] == matched)
        .unwrap_or_else(|| panic!("a finding about {matched}: {json:#}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn json_lists_the_findings_under_before_sharing_and_keeps_the_checklists_counts() {
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(root.path(), EMAIL_TEXT);
    let (code, json, _) = check_json(&folder, &[]);
    assert_eq!(code, Some(1), "a new portfolio has errors to fix");
    let findings = json["before_sharing"].as_array().unwrap();
    let email = findings
        .iter()
        .find(|f| f["passage"]["matched"] == "priya.shah2009@gmail.com")
        .expect("the address is found");
    assert_eq!(email["code"], "personal_data_in_text");
    assert_eq!(email["section"], "1a");
    assert_eq!(email["severity"], "warning");
    assert_eq!(email["fix"]["kind"], "redact");
    assert_eq!(email["agree"]["kind"], "agree_finding");
    let warnings = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["severity"] == "warning")
        .count();
    assert_eq!(
        json["warnings"].as_u64(),
        Some(warnings as u64),
        "the findings are not counted among the checklist's warnings"
    );
    assert_eq!(json["ready"], false);
}

#[test]
fn plain_words_list_the_findings_under_before_you_share_with_their_ids() {
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(root.path(), EMAIL_TEXT);
    let (_, json, _) = check_json(&folder, &[]);
    let id = id_of(&json, "priya.shah2009@gmail.com");
    let output = run(&["check", folder.to_str().unwrap()]);
    let stdout = text(&output.stdout);
    let heading = stdout.find("\nBefore you share\n").expect(&stdout);
    let finding = stdout.find("priya.shah2009@gmail.com").unwrap();
    assert!(
        finding > heading,
        "the findings come under their heading: {stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "[{id}] --redact {id} replaces it with “[email address]”; --agree {id} keeps it."
        )),
        "each finding says how to deal with it: {stdout}"
    );
    assert!(
        stdout.contains(
            "    passage: …h my student Priya Shah, who wrote from >>priya.shah2009@gmail.com<<.\n"
        ),
        "the passage is shown with a little text either side: {stdout}"
    );
    let last_line = stdout.lines().last().unwrap();
    assert!(
        last_line.contains("required sections complete"),
        "the summary is still the last line: {last_line}"
    );
}

#[test]
fn redact_and_agree_by_id_change_the_portfolio_and_say_so() {
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(root.path(), EMAIL_TEXT);
    let (_, json, _) = check_json(&folder, &[]);
    let email = id_of(&json, "priya.shah2009@gmail.com");
    let name = id_of(&json, "Priya Shah");
    let output = run(&[
        "check",
        folder.to_str().unwrap(),
        "--redact",
        &email,
        "--agree",
        &name,
    ]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "both fixes made: the exit code is the checklist's: {}",
        text(&output.stderr)
    );
    assert!(
        stdout.starts_with(
            "Replaced “priya.shah2009@gmail.com” with “[email address]” (Section 1a, Description).\nMarked as fine to share"
        ),
        "{stdout}"
    );
    let saved = load(&folder);
    assert_eq!(
        saved.sections["1a"].description,
        "I built the quiz with my student Priya Shah, who wrote from \\[email address\\]."
    );
    assert_eq!(saved.share_check_agreed.len(), 1);
    let (_, after, _) = check_json(&folder, &[]);
    assert!(
        after["before_sharing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "personal_data_in_text"),
        "neither is reported again: {after:#}"
    );
}

#[test]
fn an_unknown_finding_exits_3_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(root.path(), EMAIL_TEXT);
    let before = std::fs::read(folder.join("portfolio.json")).unwrap();
    let output = run(&["check", folder.to_str().unwrap(), "--redact", "0000000000"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        text(&output.stderr).contains("there is no finding 0000000000 now"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read(folder.join("portfolio.json")).unwrap(),
        before
    );
}

#[test]
fn fixes_are_refused_while_the_app_has_the_portfolio_open_but_checking_still_works() {
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(root.path(), EMAIL_TEXT);
    let (_, json, _) = check_json(&folder, &[]);
    let email = id_of(&json, "priya.shah2009@gmail.com");
    let framework = std::sync::Arc::new(cmalt_core::framework::Framework::bundled().unwrap());
    let _open_in_the_app = cmalt_core::session::Session::open(framework, &folder).unwrap();
    let output = run(&["check", folder.to_str().unwrap(), "--redact", &email]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("already open"),
        "{}",
        text(&output.stderr)
    );
    let (code, _, _) = check_json(&folder, &[]);
    assert_eq!(code, Some(1), "a plain check reads without the lock");
}

fn tool(program: &str, args: &[&str], package: &str) {
    let output = Command::new(program).args(args).output().unwrap_or_else(|error| {
        panic!("`{program}` could not be run ({error}): install it with `apt-get install -y {package}`")
    });
    assert!(
        output.status.success(),
        "{program}: {}",
        text(&output.stderr)
    );
}

fn exiftool_tags(path: &Path) -> serde_json::Map<String, Value> {
    let output = Command::new("exiftool")
        .args(["-j", "-a"])
        .arg(path)
        .output()
        .expect("exiftool runs (apt-get install -y libimage-exiftool-perl)");
    let mut list: Vec<serde_json::Map<String, Value>> =
        serde_json::from_slice(&output.stdout).unwrap();
    list.remove(0)
}

#[test]
fn fix_image_metadata_stores_clean_copies_of_the_photos() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let photo = root.path().join("IMG_2041.jpg");
    tool(
        "convert",
        &[
            "-size",
            "64x48",
            "gradient:orange-blue",
            photo.to_str().unwrap(),
        ],
        "imagemagick",
    );
    tool(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-GPSLatitude=51.5",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=0.12",
            "-GPSLongitudeRef=W",
            "-SerialNumber=SN-4471",
            "-OwnerName=Sam Example",
            photo.to_str().unwrap(),
        ],
        "libimage-exiftool-perl",
    );
    // In the portfolio as an older version of the app left it: not cleaned on the way in.
    let bytes = std::fs::read(&photo).unwrap();
    let sha256 = sha256_hex(&bytes);
    let stored_name = format!("{}-{}", &sha256[..12], safe_file_name("IMG_2041.jpg"));
    std::fs::write(folder.join("evidence").join(&stored_name), &bytes).unwrap();
    let mut portfolio = load(&folder);
    portfolio.evidence.push(EvidenceItem {
        id: "E1".into(),
        number: 1,
        details: EvidenceDetails {
            title: "Class visit".into(),
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::File {
            original_name: "IMG_2041.jpg".into(),
            stored_name,
            bytes: bytes.len() as u64,
            sha256,
            media_type: "image/jpeg".into(),
        },
        added_at: portfolio.created_at,
    });
    portfolio.next_evidence_number = 2;
    store(&folder, &portfolio);

    let (_, json, _) = check_json(&folder, &[]);
    assert!(
        json["before_sharing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "image_location_data" && f["evidence"] == "E1"),
        "{json:#}"
    );
    let output = run(&["check", folder.to_str().unwrap(), "--fix-image-metadata"]);
    assert_ne!(output.status.code(), Some(3), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).starts_with("Removed the personal details from 1 photo (E1)"),
        "{}",
        text(&output.stdout)
    );
    let saved = load(&folder);
    let stored = folder
        .join("evidence")
        .join(saved.evidence[0].source.stored_name().unwrap());
    let tags = exiftool_tags(&stored);
    for tag in ["GPSLatitude", "SerialNumber", "OwnerName"] {
        assert!(!tags.contains_key(tag), "the stored copy still has {tag}");
    }
    assert!(
        exiftool_tags(&photo).contains_key("GPSLatitude"),
        "the candidate's own file keeps its details"
    );
    let (_, after, _) = check_json(&folder, &[]);
    assert!(
        after["before_sharing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "image_location_data")
    );
    let again = run(&["check", folder.to_str().unwrap(), "--fix-image-metadata"]);
    assert!(
        text(&again.stdout)
            .starts_with("No photo in the evidence library carries personal details"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn links_online_reports_a_dead_link_from_a_local_server() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                let mut header = String::new();
                match reader.read_line(&mut header) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if header == "\r\n" => break,
                    Ok(_) => {}
                }
            }
            let status = if line.contains(" /gone ") {
                "404 Not Found"
            } else {
                "200 OK"
            };
            let mut stream = stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    let root = tempfile::tempdir().unwrap();
    let folder = with_text(
        root.path(),
        &format!("See [the report]({base}/gone) and [the page]({base}/ok)."),
    );
    let (_, offline, _) = check_json(&folder, &[]);
    assert!(
        offline["before_sharing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "link_broken"),
        "links are tried only when asked"
    );
    let (_, json, _) = check_json(&folder, &["--links-online"]);
    let broken: Vec<&Value> = json["before_sharing"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "link_broken")
        .collect();
    assert_eq!(broken.len(), 1, "{json:#}");
    assert!(broken[0]["message"].as_str().unwrap().contains("/gone"));
    assert_eq!(broken[0]["section"], "1a");

    // What the window asks for: the links' findings alone, the same dead link and nothing
    // the offline checks find (here the two local addresses).
    let (_, only, _) = check_json(&folder, &["--only-links-online"]);
    assert_eq!(
        only["before_sharing"],
        Value::Array(broken.into_iter().cloned().collect())
    );
    assert!(
        offline["before_sharing"].as_array().unwrap().len() >= 2,
        "the offline checks do find something here: {offline:#}"
    );
    let plain = run(&["check", folder.to_str().unwrap(), "--only-links-online"]);
    assert!(
        text(&plain.stdout).contains("/gone"),
        "{}",
        text(&plain.stdout)
    );
    let refused = run(&[
        "check",
        folder.to_str().unwrap(),
        "--only-links-online",
        "--agree",
        "x",
    ]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "a fix cannot be asked for with it"
    );
}
