//! End to end through the real window: the sample draft (Markdown, with its evidence
//! folder) imported from the start screen becomes a portfolio with every section and item.

mod support;

use std::path::Path;
use support::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn importing_the_sample_draft_from_the_start_screen() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample/sample-cmalt.md");
    assert!(
        sample.is_file(),
        "the sample is in the repository's fixtures"
    );
    let home = Home::new();
    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", sample.as_os_str())]).await;

    app.click("[data-testid=\"import-draft\"]").await;
    app.click("[data-testid=\"import-choose\"]").await;
    let report = app.testid("import-report").await;
    app.wait_until("the report names the pathway and the draft", || async {
        let text = report.text().await.unwrap_or_default();
        text.contains("sample-cmalt.md") && text.contains("CMALT")
    })
    .await;
    app.screenshot("import-01-report").await;
    app.click("[data-testid=\"import-report-close\"]").await;

    app.open_section("1a").await;
    app.wait_until("1a holds the sample's description", || async {
        app.text_of("[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content")
            .await
            .contains("Teaching and Learning Committee")
    })
    .await;
    app.wait_until("1a cites E1, E2 and E3", || async {
        let cited = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=\"citation\"]"))
            .await
            .map(|c| c.len())
            .unwrap_or(0);
        cited == 3
    })
    .await;
    app.click("[data-testid=\"library\"]").await;
    app.wait_until(
        "the library holds the sample's 22 distinct items",
        || async {
            app.client
                .find_all(fantoccini::Locator::Css("[data-testid=\"library-row\"]"))
                .await
                .map(|rows| rows.len())
                .unwrap_or(0)
                == 22
        },
    )
    .await;
    app.screenshot("import-02-library").await;
    app.quit().await;
}
