//! End to end through the real window (issue 7): mark a portfolio as submitted, record a
//! referral with 2b marked R, see the assessors' feedback beside 2b and its R in the sidebar,
//! revise 2b, compare with the submitted version, and export a summary of revisions that
//! names 2b.

mod support;

use support::{App, Home};

const EDITOR_2B: &str =
    "[data-section=\"2b\"] [data-testid=\"editor-description\"] .editor-content";
const FIRST_WORDS: &str =
    "I redesigned the assessment of a first-year module around a shared rubric.";
const FEEDBACK: &str = "Say more about how students responded to the new rubric.";
const REVISED_WORDS: &str =
    " Students told us in the module survey that the rubric made the marking clearer.";
/// WebDriver's Down arrow (past the last line the editor moves to the very end) then End:
/// the revision goes after the first words, wherever the click landed, however lines wrap.
const END: &str = "\u{E015}\u{E015}\u{E015}\u{E015}\u{E015}\u{E015}\u{E010}";

#[tokio::test(flavor = "multi_thread")]
async fn submitted_referred_revised_and_exported_with_a_summary_of_revisions() {
    let home = Home::new();
    let page = home.path().join("Resubmission.html");
    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", page.as_os_str())]).await;
    app.create_portfolio("Versions test", "Sam Patel", "cmalt")
        .await;

    app.open_section("2b").await;
    app.type_into(EDITOR_2B, FIRST_WORDS).await;
    app.wait_saved().await;

    // Mark as submitted: a read-only copy with its window.
    app.click("[data-testid=\"versions\"]").await;
    app.click("[data-testid=\"mark-submitted\"]").await;
    app.find("[data-testid=\"submit-dialog\"] [data-testid=\"submit-window\"]")
        .await;
    app.type_into("[data-testid=\"submit-label\"]", "First submission")
        .await;
    app.click("[data-testid=\"submit-confirm\"]").await;
    app.wait_for_text("[data-testid=\"snapshots\"]", "Submitted for")
        .await;

    // The assessors refer it, with 2b marked R.
    app.click("[data-testid=\"record-outcome\"]").await;
    app.click("[data-testid=\"outcome-referral_minor\"]").await;
    app.click("[data-testid=\"rating-2b-R\"]").await;
    app.type_into("[data-testid=\"feedback-2b\"]", FEEDBACK)
        .await;
    app.type_into(
        "[data-testid=\"outcome-overall\"]",
        "A clear portfolio; one section needs more on its impact.",
    )
    .await;
    app.screenshot("versions-00-outcome-dialog").await;
    app.click("[data-testid=\"outcome-save\"]").await;
    app.wait_for_text(
        "[data-testid=\"referral-banner\"]",
        "Referral (minor revisions)",
    )
    .await;
    app.wait_for_text("[data-testid=\"latest-outcome\"]", "Referral")
        .await;
    app.screenshot("versions-01-page").await;
    app.wait_for_text("[data-testid=\"backups\"]", "Restore as a new copy")
        .await;
    let _ = app
        .client
        .execute(
            "const page = document.getElementById('page'); page.scrollTop = page.scrollHeight;",
            vec![],
        )
        .await;
    app.screenshot("versions-01b-lower").await;

    // 2b shows the feedback beside it, and the sidebar marks it R.
    assert!(
        app.exists(
            "[data-testid=\"sidebar\"] [data-section-id=\"2b\"] [data-testid=\"revise-badge\"]"
        )
        .await,
        "the sidebar marks 2b as needing revisions"
    );
    app.click("[data-testid=\"revise-2b\"]").await;
    app.wait_for_text(
        "[data-section=\"2b\"] [data-testid=\"feedback-panel\"]",
        FEEDBACK,
    )
    .await;
    assert!(
        app.text_of("[data-testid=\"feedback-rating\"]")
            .await
            .contains("Revisions required"),
        "the panel names the R rating in words"
    );
    app.find(EDITOR_2B).await;
    app.screenshot("versions-02-feedback").await;
    app.type_into(EDITOR_2B, &format!("{END}{REVISED_WORDS}"))
        .await;
    app.wait_saved().await;
    app.wait_until("2b holds the revision", || async {
        app.text_of(EDITOR_2B).await.contains("module survey")
    })
    .await;

    // What changed since the submitted version.
    app.click("[data-testid=\"versions\"]").await;
    app.click("[data-testid=\"snapshot-compare\"]").await;
    app.wait_for_text(
        "[data-testid=\"diff-section\"][data-section=\"2b\"] ins",
        "module survey",
    )
    .await;
    assert!(
        app.text_of("[data-testid=\"change-table\"] tr[data-section=\"2b\"]")
            .await
            .contains("Changed"),
        "the table marks 2b as changed"
    );
    app.screenshot("versions-03-compare").await;

    // The submitted version itself, read-only, still holds only the first words.
    app.click("[data-testid=\"back-to-versions\"]").await;
    app.click("[data-testid=\"snapshot-view\"]").await;
    app.wait_for_text(
        "[data-testid=\"snapshot-body\"] [data-section=\"2b\"]",
        "shared rubric",
    )
    .await;
    assert!(
        !app.text_of("[data-testid=\"snapshot-body\"]")
            .await
            .contains("module survey"),
        "the snapshot is frozen: the revision is not in it"
    );
    app.screenshot("versions-03b-snapshot").await;

    // Export a single page with the summary of revisions since the submitted version.
    app.click("[data-testid=\"export\"]").await;
    app.click("input[name=\"export-format\"][value=\"single_html\"]")
        .await;
    app.find("[data-testid=\"export-revisions\"]").await;
    app.wait_until("the summary of revisions is ticked by default", || async {
        app.client
            .execute(
                "return document.querySelector('[data-testid=\"export-revisions\"]').checked",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
    })
    .await;
    app.wait_for_text("[data-testid=\"export-size\"]", "10 MB")
        .await;
    app.click("[data-testid=\"export-go\"]").await;
    app.wait_for_text("[data-testid=\"export-result\"]", "Resubmission.html")
        .await;
    app.screenshot("versions-04-exported").await;
    app.quit().await;

    let html = std::fs::read_to_string(&page).expect("the single page was written");
    assert!(
        html.contains("Summary of revisions"),
        "the export holds a summary of revisions"
    );
    assert!(
        html.contains("id=\"revised-2b\""),
        "the summary shows 2b's revised passages"
    );
    let marked_r: Vec<&str> = html
        .split("<tr class=\"marked-r\">")
        .skip(1)
        .map(|row| row.split("</tr>").next().unwrap_or_default())
        .collect();
    assert!(
        marked_r.len() == 1 && marked_r[0].contains("2b"),
        "the summary's table marks exactly one row R, and it is 2b's: {marked_r:?}"
    );
    assert!(
        html.contains("module survey"),
        "the revised words are in the export"
    );
}
