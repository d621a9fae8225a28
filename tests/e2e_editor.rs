//! End to end through the real window: create a CMALT portfolio, write 1a and its reference
//! list, see the preview and word count follow, quit, start again and find the words; switch
//! pathway and back without losing 1c.

mod support;

use fantoccini::key::Key;
use std::time::Instant;
use support::{App, Home};

/// As saved: "with colleagues" is made bold in the editor with Ctrl+B, never typed as `**`.
const DESCRIPTION: &str = "I compared four quiz tools **with colleagues** from learning support.";
/// As it reads on screen.
const DESCRIPTION_SHOWN: &str = "I compared four quiz tools with colleagues from learning support.";
const REFLECTION: &str = "Involving learners earlier would have helped.";
const SECTION_1C: &str = "I supported fourteen Digital Champions.";
const REFERENCES: &str = "Laurillard, D. (2012) Teaching as a Design Science. Routledge.";
const REFERENCES_1A: &str = "[data-section=\"1a\"] [data-testid=\"references\"]";

async fn editor_text(app: &App, part: &str) -> String {
    app.text_of(&format!("[data-testid=\"editor-{part}\"] .editor-content"))
        .await
}

async fn switch_pathway(app: &App, pathway: &str) {
    app.click("[data-testid=\"details\"]").await;
    let select = app.testid("pathway-select").await;
    select
        .select_by_value(pathway)
        .await
        .unwrap_or_else(|e| panic!("could not choose {pathway}: {e}"));
    app.click("[data-testid=\"pathway-confirm\"]").await;
    app.wait_until("the pathway dialog closes", || async {
        !app.exists("[data-testid=\"pathway-dialog\"][open]").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn write_quit_reopen_and_switch_pathway_without_losing_words() {
    let home = Home::new();

    // First run: create a CMALT portfolio and write 1a and 1c.
    let app = App::launch(&home).await;
    app.click("[data-testid=\"new-portfolio\"]").await;
    app.type_into("[data-testid=\"new-title\"]", "My CMALT portfolio")
        .await;
    app.type_into("[data-testid=\"new-name\"]", "Amara Whitcombe")
        .await;
    app.click("input[name=\"pathway\"][value=\"cmalt\"]").await;
    app.screenshot("01-new-portfolio").await;
    app.click("[data-testid=\"create-portfolio\"]").await;
    app.find("[data-testid=\"sidebar\"]").await;

    app.open_section("1a").await;
    let description = "[data-testid=\"editor-description\"] .editor-content";
    app.type_into(description, DESCRIPTION_SHOWN).await;
    // Select "with colleagues" from the keyboard, as a person would, and make it bold.
    let after_phrase = " from learning support.".len();
    app.press(&[], &vec![char::from(Key::Left); after_phrase])
        .await;
    app.press(
        &[Key::Shift],
        &vec![char::from(Key::Left); "with colleagues".len()],
    )
    .await;
    app.press(&[Key::Control], &['b']).await;
    // What you see is what the assessor gets: bold on screen, with no Markdown marks.
    app.wait_until("the editor shows the words in bold", || async {
        app.html_of(description)
            .await
            .contains("<strong>with colleagues</strong>")
    })
    .await;
    assert_eq!(editor_text(&app, "description").await, DESCRIPTION_SHOWN);
    app.wait_for_text("[data-testid=\"words-description\"]", "10 words")
        .await;
    app.type_into(
        "[data-testid=\"editor-reflection\"] .editor-content",
        REFLECTION,
    )
    .await;
    app.wait_for_text("[data-testid=\"words-reflection\"]", "6 words")
        .await;
    app.wait_saved().await;
    // Both parts written but no evidence cited yet: the checklist marks 1a as needing it.
    app.wait_until("1a shows it needs evidence in the sidebar", || async {
        let entry = app
            .find("[data-testid=\"sidebar\"] [data-section-id=\"1a\"]")
            .await;
        entry.attr("data-status").await.ok().flatten().as_deref() == Some("problem")
    })
    .await;
    app.screenshot("02-editor-1a").await;

    // A reference list of its own below the evidence, asked for, saved as typed.
    app.click("[data-section=\"1a\"] [data-testid=\"add-references\"]")
        .await;
    app.type_into(REFERENCES_1A, REFERENCES).await;
    app.wait_saved().await;
    let _ = app
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![REFERENCES_1A.into()],
        )
        .await;
    app.screenshot("02b-references-1a").await;

    app.open_section("1c").await;
    app.type_into(
        "[data-testid=\"editor-description\"] .editor-content",
        SECTION_1C,
    )
    .await;
    app.wait_saved().await;
    app.quit().await;

    let portfolio_file = home
        .data_folder()
        .join("portfolios/my-cmalt-portfolio/portfolio.json");
    let saved = std::fs::read_to_string(&portfolio_file)
        .expect("the portfolio is in the app's data folder");
    let saved_json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        saved_json["sections"]["1a"]["description"].as_str(),
        Some(DESCRIPTION),
        "the description reached the disk as Markdown"
    );
    assert!(
        saved.contains("Teaching as a Design Science"),
        "the reference list reached the disk"
    );

    // Second run: the portfolio is in the recent list with every word.
    let app = App::launch(&home).await;
    let started = Instant::now();
    app.click("[data-testid=\"recent-item\"]").await;
    app.open_section("1a").await;
    eprintln!(
        "launch to an editable section: {:?} (opening the recent portfolio: {:?})",
        app.launched_at.elapsed(),
        started.elapsed()
    );
    assert_eq!(
        editor_text(&app, "description").await,
        DESCRIPTION_SHOWN.to_string()
    );
    assert!(
        app.html_of("[data-testid=\"editor-description\"] .editor-content")
            .await
            .contains("<strong>with colleagues</strong>"),
        "the bold is shown again after reopening"
    );
    assert_eq!(
        editor_text(&app, "reflection").await,
        REFLECTION.to_string()
    );
    let references = app.find(REFERENCES_1A).await;
    assert_eq!(
        references.prop("value").await.unwrap().as_deref(),
        Some(REFERENCES),
        "the reference list is shown again, open, without asking"
    );

    // Associate CMALT has no 1c; switching there and back brings 1c's text back.
    switch_pathway(&app, "associate").await;
    app.wait_until(
        "1c leaves the pathway's sections and is kept aside",
        || async {
            app.exists("[data-testid=\"kept-aside\"] [data-section-id=\"1c\"]")
                .await
                && !app
                    .exists(".nav-group:not(.kept-group) [data-section-id=\"1c\"]")
                    .await
        },
    )
    .await;
    app.screenshot("03-associate").await;
    switch_pathway(&app, "cmalt").await;
    app.open_section("1c").await;
    assert_eq!(
        editor_text(&app, "description").await,
        SECTION_1C.to_string(),
        "1c's text survives the round trip"
    );
    app.quit().await;
}
