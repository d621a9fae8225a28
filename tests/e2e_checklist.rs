//! End to end through the real window: a problem listed on the "Ready to submit?" page
//! opens the place to fix it, and once fixed it disappears from the list.

mod support;

use support::{App, Home};

const PROBLEM_3A: &str =
    "[data-testid=\"problem\"][data-code=\"missing_topic\"][data-section=\"3a\"]";
const TOPIC_3A: &str = "[data-section=\"3a\"] [data-testid=\"topic\"]";

#[tokio::test(flavor = "multi_thread")]
async fn fixing_a_problem_from_the_ready_page_makes_it_disappear() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.create_portfolio("Checklist test", "Sam Patel", "cmalt")
        .await;

    // A started 3a without its legislative area named: the checklist asks for the topic.
    app.open_section("3a").await;
    app.type_into(
        "[data-section=\"3a\"] [data-testid=\"editor-description\"] .cm-content",
        "I led our response to the accessibility regulations.",
    )
    .await;
    app.wait_saved().await;

    app.click("[data-testid=\"ready\"]").await;
    app.find("[data-testid=\"ready-summary\"]").await;
    app.screenshot("checklist-01-ready").await;

    app.click(PROBLEM_3A).await;
    app.wait_until("3a's page is open at its topic", || async {
        app.exists(TOPIC_3A).await
    })
    .await;
    app.type_into(TOPIC_3A, "Data protection (UK GDPR)").await;
    app.wait_saved().await;

    app.click("[data-testid=\"ready\"]").await;
    app.find("[data-testid=\"ready-summary\"]").await;
    app.wait_until("the 3a topic problem has gone", || async {
        !app.exists(PROBLEM_3A).await
    })
    .await;
    assert!(
        app.exists("[data-testid=\"problem\"][data-section=\"3a\"]")
            .await,
        "3a still lists its other problems (no reflection yet): the list is live, not emptied"
    );
    app.screenshot("checklist-02-fixed").await;
    app.quit().await;
}
