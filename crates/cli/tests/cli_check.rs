//! `cmalt-portfolio check`: the checklist on the terminal, headless. Exit 0 when there is no
//! error, 1 when there are errors, 2 when the portfolio cannot be read; `--json` prints the
//! checklist itself. It reads without taking the folder's lock.

mod cli_support;
use cli_support::{run, text};

use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, SectionKind};
use cmalt_core::model::{Citation, Portfolio};
use std::path::{Path, PathBuf};

/// A new portfolio made by `cmalt-portfolio new`, as a candidate would start one.
fn new_portfolio(root: &Path, pathway: &str) -> PathBuf {
    let folder = root.join("portfolio");
    let output = run(&[
        "new",
        folder.to_str().unwrap(),
        "--pathway",
        pathway,
        "--title",
        "My CMALT",
        "--name",
        "Sam Ó Briain",
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

fn words(count: usize) -> String {
    vec!["reflected"; count].join(" ")
}

/// Writes every section of the portfolio's pathway to meet the rules.
fn complete(portfolio: &mut Portfolio) {
    let framework = Framework::bundled().unwrap();
    let mut principle = 0u8;
    for section in framework.sections_of(portfolio.pathway) {
        match section.kind {
            SectionKind::Statement => {
                let length = section.words.map_or(120, |range| range.min + 50);
                portfolio.section_mut(&section.id).description = words(length);
            }
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                let number = portfolio.next_evidence_number;
                portfolio.next_evidence_number += 1;
                portfolio.evidence.push(EvidenceItem {
                    id: EvidenceItem::id_for(number),
                    number,
                    details: EvidenceDetails {
                        title: format!("Item {number}"),
                        date: "2025-09".into(),
                        what_it_shows: "What changed for learners.".into(),
                        permission_confirmed: true,
                        ..EvidenceDetails::default()
                    },
                    source: EvidenceSource::Link {
                        url: "https://example.org/item".into(),
                    },
                    added_at: time::OffsetDateTime::UNIX_EPOCH,
                });
                principle = principle % 4 + 1;
                let entry = portfolio.section_mut(&section.id);
                entry.topic = "Equality Act 2010".into();
                entry.description = words(300);
                entry.reflection = words(250);
                entry.citations.push(Citation {
                    evidence_id: EvidenceItem::id_for(number),
                    note: String::new(),
                });
                entry.principles.insert(principle);
            }
            SectionKind::Confirmation | SectionKind::Assessor => {}
        }
    }
    portfolio.confirmation.declaration_accepted = true;
    portfolio.confirmation.signed_name = "Sam Ó Briain".into();
    portfolio.confirmation.date = "2026-03-14".into();
}

#[test]
fn a_new_portfolio_is_not_ready_and_exits_1() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path(), "cmalt");
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "errors exit 1");
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("My CMALT (CMALT): not ready to submit yet."),
        "it opens with whether the portfolio is ready: {stdout}"
    );
    let position = |needle: &str| {
        stdout
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} is in the output: {stdout}"))
    };
    assert!(
        position("\nContextual statement\n") < position("\n1a: ")
            && position("\n1a: ") < position("\n5a: ")
            && position("\n5a: ") < position("\nFuture plans\n")
            && position("\nFuture plans\n") < position("\nThe whole portfolio\n"),
        "problems are grouped by section in framework order: {stdout}"
    );
    assert!(
        stdout.contains("  error: Section 1a is not written yet."),
        "{stdout}"
    );
    let last_line = stdout.lines().last().unwrap();
    assert!(
        last_line.contains("errors") && last_line.contains("required sections complete"),
        "a one-line summary closes the report: {last_line}"
    );
}

#[test]
fn json_output_is_the_checklist_with_its_keys() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path(), "senior");
    let output = run(&["check", folder.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("--json prints JSON alone");
    for key in [
        "ready",
        "pathway",
        "sections",
        "problems",
        "completed",
        "total",
        "principles",
    ] {
        assert!(json.get(key).is_some(), "the JSON has {key}: {json}");
    }
    assert_eq!(json["ready"], false);
    assert_eq!(json["pathway"], "senior");
    assert_eq!(json["completed"], 0, "nothing is written yet");
    let first = &json["sections"][0];
    for key in [
        "id",
        "title",
        "required",
        "status",
        "description_words",
        "reflection_words",
        "evidence_count",
    ] {
        assert!(first.get(key).is_some(), "each section has {key}: {first}");
    }
    let problem = &json["problems"][0];
    for key in ["section", "severity", "message", "code"] {
        assert!(
            problem.get(key).is_some(),
            "each problem has {key}: {problem}"
        );
    }
    assert!(
        json["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["code"] == "missing_section" && p["section"] == "advanced-1"),
        "Senior CMALT needs an advanced area"
    );
    assert_eq!(json["principles"].as_array().unwrap().len(), 4);
}

#[test]
fn a_complete_portfolio_is_ready_and_exits_0() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path(), "associate");
    let mut portfolio = load(&folder);
    complete(&mut portfolio);
    store(&folder, &portfolio);

    let output = run(&["check", folder.to_str().unwrap()]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "no errors exit 0: {stdout}");
    assert!(stdout.contains("ready to submit."), "{stdout}");
    assert!(
        stdout.contains("warning: Not ticked yet"),
        "warnings are still shown: {stdout}"
    );

    let json_output = run(&["check", folder.to_str().unwrap(), "--json"]);
    assert_eq!(json_output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&json_output.stdout).unwrap();
    assert_eq!(json["ready"], true);
    assert_eq!(json["completed"], json["total"]);
}

#[test]
fn check_reads_while_the_app_has_the_portfolio_open_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path(), "cmalt");
    let before = std::fs::read(folder.join("portfolio.json")).unwrap();
    let entries_before = std::fs::read_dir(&folder).unwrap().count();
    let (open_in_app, _) =
        cmalt_core::store::PortfolioFolder::open(&folder).expect("the app's lock can be taken");

    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an open portfolio is still checked, not refused: {}",
        text(&output.stderr)
    );
    drop(open_in_app);
    assert_eq!(
        std::fs::read(folder.join("portfolio.json")).unwrap(),
        before,
        "check never writes the portfolio"
    );
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        entries_before,
        "check leaves no lock file or backup behind"
    );
}

#[test]
fn a_portfolio_that_cannot_be_read_exits_2_with_the_stores_message() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("nowhere");
    let output = run(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "a missing folder exits 2");
    assert!(
        text(&output.stderr).contains("could not be found"),
        "{}",
        text(&output.stderr)
    );
    assert!(
        output.stdout.is_empty(),
        "nothing is printed as a checklist"
    );

    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = run(&["check", empty.to_str().unwrap(), "--json"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a folder with no portfolio exits 2"
    );
    assert!(text(&output.stderr).contains("no portfolio.json"));

    let folder = new_portfolio(root.path(), "cmalt");
    std::fs::write(
        folder.join("portfolio.json"),
        "{\"schema_version\": 1, \"tit",
    )
    .unwrap();
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "a damaged file exits 2");
    assert!(
        text(&output.stderr).contains("could not be read"),
        "{}",
        text(&output.stderr)
    );

    let mut newer: serde_json::Value = serde_json::to_value(load_fresh(root.path())).unwrap();
    newer["schema_version"] = 999.into();
    std::fs::write(
        folder.join("portfolio.json"),
        serde_json::to_vec(&newer).unwrap(),
    )
    .unwrap();
    let output = run(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "a newer format exits 2");
    assert!(
        text(&output.stderr).contains("newer version of CMALT Portfolio"),
        "the store's own words: {}",
        text(&output.stderr)
    );
}

/// A readable portfolio to turn into a newer-format one.
fn load_fresh(root: &Path) -> Portfolio {
    let folder = root.join("fresh");
    let output = run(&["new", folder.to_str().unwrap(), "--pathway", "cmalt"]);
    assert!(output.status.success());
    load(&folder)
}
