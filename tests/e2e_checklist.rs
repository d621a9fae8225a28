//! End to end through the real window: a problem listed on the "Ready to submit?" page
//! opens the place to fix it, and once fixed it disappears from the list; a one-click fix
//! the checklist offers fills in what the writing names.

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
        "[data-section=\"3a\"] [data-testid=\"editor-description\"] .editor-content",
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

const EDITOR_3A: &str =
    "[data-section=\"3a\"] [data-testid=\"editor-description\"] .editor-content";
const SUGGESTION_3A: &str =
    "[data-testid=\"problem\"][data-code=\"topic_suggested\"][data-section=\"3a\"]";
const USE_TOPIC_3A: &str = "li[data-code=\"topic_suggested\"] [data-testid=\"problem-fix\"]";

#[tokio::test(flavor = "multi_thread")]
async fn the_ready_pages_one_click_fix_fills_in_the_topic_the_writing_names() {
    let home = Home::new();
    let app = App::launch(&home).await;
    // The start screen says how submitting works, in the core's words.
    app.find("[data-testid=\"submission-how\"]").await;
    app.create_portfolio("Fix test", "Sam Patel", "cmalt").await;

    // 3a names a law but leaves its topic empty: the checklist proposes the law as the topic.
    app.open_section("3a").await;
    app.type_into(
        EDITOR_3A,
        "I rewrote our course pages to meet the Equality Act 2010 for disabled students.",
    )
    .await;
    app.wait_saved().await;

    app.click("[data-testid=\"ready\"]").await;
    app.find(SUGGESTION_3A).await;
    let button = app.find(USE_TOPIC_3A).await;
    assert_eq!(
        button.text().await.unwrap(),
        "Use “Equality Act 2010”",
        "the button says what it will do, in the core's words"
    );
    let _ = app
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![USE_TOPIC_3A.into()],
        )
        .await;
    app.screenshot("checklist-03-fix-offered").await;

    app.click(USE_TOPIC_3A).await;
    app.wait_until("the suggestion has gone", || async {
        !app.exists(SUGGESTION_3A).await && !app.exists(USE_TOPIC_3A).await
    })
    .await;
    assert!(
        !app.exists("[data-testid=\"fix-error\"]:not([hidden])")
            .await,
        "the core took the fix it offered"
    );

    // The editor shows the topic the fix filled in, as if typed.
    app.open_section("3a").await;
    let topic = app
        .find("[data-section=\"3a\"] [data-testid=\"topic\"]")
        .await;
    assert_eq!(
        topic.prop("value").await.unwrap().as_deref(),
        Some("Equality Act 2010"),
        "3a's topic field reads the law its writing names"
    );
    app.screenshot("checklist-04-fixed-topic").await;

    // The date aimed for and the registration, as a date picker sets them: the core counts
    // the days, and the top bar shows them.
    app.click("[data-testid=\"ready\"]").await;
    for (field, date) in [
        ("target-date", "2030-03-13"),
        ("registered-on", "2025-06-01"),
    ] {
        app.find(&format!("[data-testid=\"{field}\"]")).await;
        app.client
            .execute(
                "const input = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); input.value = arguments[1]; input.dispatchEvent(new Event('change'));",
                vec![field.into(), date.into()],
            )
            .await
            .unwrap();
    }
    app.wait_for_text(
        "[data-testid=\"target-summary\"]",
        "Aiming for 13 March 2030 · ",
    )
    .await;
    app.wait_for_text(
        "[data-testid=\"registered-on-note\"]",
        "Your registration runs to 31 May 2027 (",
    )
    .await;
    app.wait_saved().await;
    let _ = app
        .client
        .execute(
            "document.querySelector('[data-testid=\"deadlines\"]').scrollIntoView({ block: 'end' });",
            vec![],
        )
        .await;
    app.screenshot("checklist-05-when-you-submit-dated").await;
    app.quit().await;
}
