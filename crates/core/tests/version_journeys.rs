//! The journeys a portfolio makes over the years: submitted and referred, revised and
//! re-submitted with a summary of revisions; upgraded from one pathway to the next with
//! every word kept; restored from a backup as a separate copy; loaded from an older format.

use cmalt_core::export::revisions::RevisionSummary;
use cmalt_core::export::{ExportExtras, ExportFormat, ExportOptions, export_with};
use cmalt_core::framework::{Framework, OutcomeId, PathwayId, SectionKind};
use cmalt_core::model::{Assessment, Portfolio, PreviousAward, Rating, SectionFeedback};
use cmalt_core::outline;
use cmalt_core::session::{SectionPatch, Session};
use cmalt_core::store::{self, PORTFOLIO_FILE};
use cmalt_core::versions::{self, list_backups, list_snapshots, restore_backup_as_copy};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 10:15 UTC);

fn framework() -> Arc<Framework> {
    Arc::new(Framework::bundled().unwrap())
}

fn write(session: &mut Session, id: &str, description: &str, now: OffsetDateTime) {
    let patch = SectionPatch {
        section_id: id.into(),
        description: Some(description.into()),
        ..SectionPatch::default()
    };
    session.save_section(patch, now).unwrap();
}

/// A portfolio on `pathway` with words in every section its outline shows.
fn written_portfolio(root: &Path, pathway: PathwayId) -> Session {
    let framework = framework();
    let portfolio = Portfolio::new("Years of practice", "Amara", pathway, NOW);
    let mut session =
        Session::create(framework.clone(), &root.join("portfolio"), portfolio).unwrap();
    let ids: Vec<String> = outline::outline(&framework, session.portfolio())
        .groups
        .into_iter()
        .flat_map(|g| g.entries)
        .filter(|e| e.kind == SectionKind::Statement || e.kind.has_description_and_reflection())
        .map(|e| e.id)
        .collect();
    for id in ids {
        write(
            &mut session,
            &id,
            &format!("Words of {id}: ünïcode — 学习 🎓."),
            NOW,
        );
    }
    session
}

fn text_of(portfolio: &Portfolio) -> BTreeMap<String, String> {
    portfolio
        .sections
        .iter()
        .map(|(id, e)| {
            (
                id.clone(),
                format!("{}|{}|{}", e.topic, e.description, e.reflection),
            )
        })
        .collect()
}

#[test]
fn every_pair_of_pathways_upgrades_only_one_step_up_and_keeps_every_word() {
    for from in PathwayId::ALL {
        for to in PathwayId::ALL {
            let root = tempfile::tempdir().unwrap();
            let mut session = written_portfolio(root.path(), from);
            session
                .set_accredited_on(Some("2024-06-30".into()), NOW)
                .unwrap();
            let before = session.portfolio().clone();
            let file = session.folder().join(PORTFOLIO_FILE);
            let bytes_before = fs::read(&file).unwrap();
            let allowed = matches!(
                (from, to),
                (PathwayId::Associate, PathwayId::Cmalt) | (PathwayId::Cmalt, PathwayId::Senior)
            );
            let plan = session.plan_upgrade(to);
            assert_eq!(plan.is_ok(), allowed, "{from:?}->{to:?}");
            let result = session.upgrade(to, NOW);
            if !allowed {
                let message = result
                    .expect_err("only one step up is an upgrade")
                    .to_string();
                assert!(
                    message.contains("cannot be upgraded"),
                    "{from:?}->{to:?}: {message}"
                );
                assert_eq!(
                    fs::read(&file).unwrap(),
                    bytes_before,
                    "a refusal changes nothing"
                );
                assert!(list_snapshots(session.folder()).unwrap().is_empty());
                continue;
            }
            let plan = plan.unwrap();
            assert!(
                session.plan_upgrade(to).is_err(),
                "once upgraded, the same step is no longer offered"
            );
            let after = result.unwrap().portfolio;
            assert_eq!(after.pathway, to);
            assert_eq!(
                text_of(&after),
                text_of(&before),
                "{from:?}->{to:?} kept every word"
            );
            assert_eq!(
                after.previous_award,
                Some(PreviousAward {
                    pathway: from,
                    year: Some(2024)
                })
            );
            assert_eq!(after.accredited_on, None, "the new award is not made yet");
            let snapshots = list_snapshots(session.folder()).unwrap();
            assert_eq!(snapshots.len(), 1, "the portfolio as it was is kept first");
            assert!(snapshots[0].label.starts_with("Before the upgrade"));
            let kept = versions::load_snapshot(session.folder(), &snapshots[0].id).unwrap();
            assert_eq!(kept.pathway, from);
            // The new pathway's required sections now show, to be written.
            let outline = outline::outline(&framework(), &after);
            let missing: Vec<String> = outline
                .groups
                .iter()
                .flat_map(|g| &g.entries)
                .filter(|e| e.required && e.kind.has_description_and_reflection())
                .filter(|e| !before.sections.contains_key(&e.id))
                .map(|e| e.id.clone())
                .collect();
            let added: Vec<String> = plan
                .sections_added
                .iter()
                .filter(|s| missing.contains(&s.id))
                .map(|s| s.id.clone())
                .collect();
            assert_eq!(added, missing, "the plan names every section to write");
            match to {
                PathwayId::Cmalt => {
                    for id in ["1c", "2b", "3b", "5a"] {
                        assert!(missing.contains(&id.to_string()), "{missing:?}");
                    }
                }
                PathwayId::Senior => {
                    assert!(missing.contains(&"5b".to_string()), "{missing:?}");
                    assert!(
                        missing.iter().any(|id| id.starts_with("advanced")),
                        "{missing:?}"
                    );
                }
                PathwayId::Associate => unreachable!(),
            }
            // And the upgrade is on disk.
            assert_eq!(store::read_only(session.folder()).unwrap().pathway, to);
        }
    }
}

#[test]
fn submit_refer_revise_and_export_a_summary_of_revisions_naming_the_section() {
    let root = tempfile::tempdir().unwrap();
    let mut session = written_portfolio(root.path(), PathwayId::Cmalt);
    let submitted = session
        .take_snapshot("Sent for assessment", true, Some("2027-01-31".into()), NOW)
        .unwrap();
    assert!(submitted.submitted);
    assert_eq!(submitted.submission_window.as_deref(), Some("2027-01-31"));
    assert_eq!(
        session.portfolio().target_window.as_deref(),
        Some("2027-01-31")
    );

    let mut sections = BTreeMap::new();
    sections.insert(
        "2b".to_string(),
        SectionFeedback {
            rating: Some(Rating::RevisionsRequired),
            feedback: "Say what the learners gained.".into(),
        },
    );
    sections.insert(
        "1a".to_string(),
        SectionFeedback {
            rating: Some(Rating::Strong),
            feedback: String::new(),
        },
    );
    session
        .record_assessment(
            Assessment {
                outcome: OutcomeId::ReferralMinor,
                pathway: PathwayId::Cmalt,
                received_on: "2027-05-20".into(),
                snapshot_id: None,
                overall_feedback: "Nearly there.".into(),
                sections,
            },
            NOW,
        )
        .unwrap();
    let stage = session.assessment_stage();
    assert!(stage.resubmission);
    assert_eq!(stage.to_revise, vec!["2b".to_string()]);
    assert_eq!(
        stage.latest.unwrap().snapshot_id.as_deref(),
        Some(submitted.id.as_str()),
        "the outcome is of the version marked submitted"
    );

    write(
        &mut session,
        "2b",
        "Words of 2b: ünïcode — 学习 🎓. Learners gained confidence with feedback tools.",
        NOW,
    );
    let changes = session.changes_since(&submitted.id).unwrap();
    let changed: Vec<&str> = changes.changed().map(|c| c.id.as_str()).collect();
    assert_eq!(changed, vec!["2b"]);

    let summary = RevisionSummary::since(
        session.framework(),
        session.folder(),
        session.portfolio(),
        &submitted.id,
    )
    .unwrap();
    let out = root.path().join("resubmission.html");
    export_with(
        session.framework(),
        session.folder(),
        session.portfolio(),
        &out,
        ExportOptions::new(ExportFormat::SingleHtml),
        &ExportExtras {
            revisions: Some(summary),
            ..ExportExtras::default()
        },
        NOW,
    )
    .unwrap();
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h2 id=\"revisions-title\">Summary of revisions</h2>"));
    assert!(
        html.contains("href=\"#revisions\""),
        "the contents list links it"
    );
    let table_at = html.find("<table class=\"revision-table\">").unwrap();
    let table = &html[table_at..table_at + html[table_at..].find("</table>").unwrap()];
    assert!(
        table.contains(
            "<tr class=\"marked-r\"><th scope=\"row\"><span class=\"section-number\">2b</span>"
        ),
        "2b is marked R in the table: {table}"
    );
    assert!(
        html.contains("id=\"revised-2b\""),
        "2b's revised passage is shown"
    );
    assert!(html.contains("<ins>"), "with the added words highlighted");
    assert!(html.contains("Say what the learners gained."));
    assert!(html.contains("Referral (minor revisions)"));
    assert!(
        !html.contains("id=\"revised-1a\""),
        "unchanged sections show no passage"
    );
    assert!(!html.to_lowercase().contains("<script"));

    // After the referral only Pass or Fail can be recorded; a Pass dates the award.
    session
        .record_assessment(
            Assessment {
                outcome: OutcomeId::Pass,
                pathway: PathwayId::Cmalt,
                received_on: "2027-09-01".into(),
                snapshot_id: None,
                overall_feedback: String::new(),
                sections: BTreeMap::new(),
            },
            NOW,
        )
        .unwrap();
    assert_eq!(
        session.portfolio().accredited_on.as_deref(),
        Some("2027-09-01")
    );
    let review = session.review_status(time::macros::date!(2027 - 09 - 02));
    assert_eq!(review.due_on.as_deref(), Some("2030-09-01"));
}

#[test]
fn a_backup_is_restored_as_a_separate_copy_and_the_working_portfolio_is_untouched() {
    let root = tempfile::tempdir().unwrap();
    let mut session = written_portfolio(root.path(), PathwayId::Associate);
    write(&mut session, "1a", "The first draft of 1a.", NOW);
    write(
        &mut session,
        "1a",
        "The second draft of 1a.",
        NOW + time::Duration::minutes(1),
    );
    write(
        &mut session,
        "1a",
        "The third draft of 1a.",
        NOW + time::Duration::minutes(2),
    );
    let folder = session.folder().to_path_buf();
    let working = fs::read(folder.join(PORTFOLIO_FILE)).unwrap();
    let clock =
        cmalt_core::local_time::LocalClock::with_rule(NOW, "GMT0BST,M3.5.0/1,M10.5.0").unwrap();
    let backups = list_backups(&folder, &clock).unwrap();
    assert!(backups.len() >= 2);
    assert!(
        backups[0].words.unwrap_or(0) > 0,
        "each backup says what it holds"
    );
    let newest = &backups[0];
    let copy = root.path().join("restored");
    let restored = restore_backup_as_copy(&folder, &newest.file_name, &copy).unwrap();
    assert_eq!(
        restored.section("1a").unwrap().description,
        "The second draft of 1a."
    );
    assert!(restored.title.contains("(backup of "), "{}", restored.title);
    let reopened = store::read_only(&copy).unwrap();
    assert_eq!(reopened, restored);
    assert_eq!(fs::read(folder.join(PORTFOLIO_FILE)).unwrap(), working);

    for hostile in [
        "../portfolio.json",
        "portfolio.json",
        "",
        "../../etc/passwd",
    ] {
        assert!(
            restore_backup_as_copy(&folder, hostile, &root.path().join("x")).is_err(),
            "{hostile:?} must be refused"
        );
    }
    assert!(!root.path().join("x").exists());
}

#[test]
fn a_version_1_file_opens_and_is_saved_in_the_current_format() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("old");
    fs::create_dir_all(folder.join("evidence")).unwrap();
    fs::write(
        folder.join(PORTFOLIO_FILE),
        r#"{"schema_version":1,"title":"Old","pathway":"cmalt",
           "sections":{"1a":{"description":"Written in 2025."}},
           "created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z"}"#,
    )
    .unwrap();
    let mut session = Session::open(framework(), &folder).unwrap();
    assert_eq!(
        session.portfolio().section("1a").unwrap().description,
        "Written in 2025."
    );
    session.save_now(NOW).unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(folder.join(PORTFOLIO_FILE)).unwrap()).unwrap();
    assert_eq!(saved["schema_version"], cmalt_core::model::SCHEMA_VERSION);
}
