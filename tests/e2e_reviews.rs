//! End to end through the real window: a candidate asks for a review, a mentor comments and
//! tracks a change in LibreOffice itself (Python-UNO, `crates/core/tests/fixtures/review/
//! reviewer.py`) and saves the file over the copy, as a reply by email often does; the
//! candidate brings it back, sees the comment and the suggestion beside 1a, and accepts the
//! suggestion, which changes exactly that passage in `portfolio.json`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{App, Home};

const DESCRIPTION: &str = "I compared some quiz tools for our first year course. ";
const REFLECTION: &str = "Looking back, the quizzes worked well for most students. ";

fn uno_python() -> PathBuf {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import uno"])
            .output()
            .is_ok_and(|out| out.status.success());
        if ok {
            return PathBuf::from(candidate);
        }
    }
    panic!(
        "this test reviews the copy in LibreOffice through Python-UNO: `apt-get install libreoffice-writer-nogui python3-uno` (scripts/setup.sh test)"
    );
}

/// The mentor's work, done in LibreOffice: one tracked replacement in the Description and
/// one comment on the Reflection, saved over the copy.
fn review_in_libreoffice(work: &Path, copy: &Path) {
    let reviewer =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/tests/fixtures/review/reviewer.py");
    let plan = serde_json::json!({
        "reviewer": "Dr Amara Mentor",
        "steps": [
            {"do": "track", "on": true},
            {"do": "replace", "find": "some quiz tools", "with": "four quiz tools"},
            {"do": "track", "on": false},
            {"do": "comment", "find": "worked well", "text": "What did the students say?", "name": "c1"}
        ]
    });
    let plan_file = work.join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let returned = work.join("returned.docx");
    let output = Command::new(uno_python())
        .arg(reviewer)
        .arg(copy)
        .arg(&returned)
        .arg(&plan_file)
        .arg(work.join("lo-profile"))
        .output()
        .expect("the reviewer script runs");
    assert!(
        output.status.success() && returned.is_file(),
        "LibreOffice did not save the reviewed copy: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::rename(&returned, copy).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_review_goes_out_as_word_and_its_suggestion_is_accepted_in_the_window() {
    let home = Home::new();
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("Mine - review copy.docx");
    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", copy.as_os_str())]).await;
    app.create_portfolio("Reviewed", "Sam Patel", "cmalt").await;
    app.open_section("1a").await;
    app.type_into(
        "[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content",
        DESCRIPTION,
    )
    .await;
    app.type_into(
        "[data-section=\"1a\"] [data-testid=\"editor-reflection\"] .editor-content",
        REFLECTION,
    )
    .await;
    app.wait_saved().await;

    app.click("[data-testid=\"reviews\"]").await;
    app.type_into("[data-testid=\"reviewer-name\"]", "Dr Amara Mentor")
        .await;
    app.click("[data-testid=\"send-for-review\"]").await;
    app.wait_for_text("[data-testid=\"reviews-note\"]", "review copy is saved")
        .await;
    assert!(copy.is_file(), "the review copy was written");

    review_in_libreoffice(work.path(), &copy);

    app.click("[data-testid=\"bring-review-back\"]").await;
    app.wait_for_text("[data-testid=\"review-open\"]", "1 of 1 comment open")
        .await;
    app.screenshot("reviews-01-page").await;
    app.click("[data-testid=\"review-section-link\"]").await;
    let panel = "[data-section=\"1a\"] [data-testid=\"section-reviews\"]";
    app.wait_for_text(panel, "What did the students say?").await;
    assert!(
        app.text_of(panel).await.contains("worked well"),
        "the passage is quoted"
    );
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![serde_json::json!(panel)],
        )
        .await
        .unwrap();
    app.screenshot("reviews-02-beside-1a").await;
    app.click("[data-testid=\"review-accept\"]").await;
    app.wait_for_text("[data-testid=\"review-suggestion-status\"]", "Accepted")
        .await;
    app.wait_saved().await;
    app.quit().await;

    let folder = std::fs::read_dir(home.data_folder().join("portfolios"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("portfolio.json")).unwrap())
            .unwrap();
    let description = saved["sections"]["1a"]["description"].as_str().unwrap();
    assert_eq!(
        description.trim(),
        DESCRIPTION
            .replace("some quiz tools", "four quiz tools")
            .trim(),
        "only the suggested passage changed"
    );
    assert_eq!(
        saved["sections"]["1a"]["reflection"]
            .as_str()
            .unwrap()
            .trim(),
        REFLECTION.trim(),
        "a comment changes nothing"
    );
}
