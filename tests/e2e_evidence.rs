//! End to end through the real window: attach a file to 1a (with a 1,000,001-byte file
//! refused in the same pick), cite it from 2a with the picker, and see E1 in both previews.

mod support;

use std::ffi::OsString;
use support::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn attach_to_1a_cite_from_2a_and_refuse_an_oversized_file() {
    let home = Home::new();
    let documents = home.path().join("Documents");
    std::fs::create_dir_all(&documents).unwrap();
    let comparison = documents.join("tool comparison.pdf");
    std::fs::write(&comparison, b"%PDF-1.7 comparison of quiz tools").unwrap();
    let oversized = documents.join("recording.pdf");
    std::fs::write(&oversized, vec![b'x'; 1_000_001]).unwrap();
    // The native dialog cannot be clicked through WebDriver: the app's documented hook
    // answers it with these two files.
    let picked: OsString = std::env::join_paths([&comparison, &oversized]).unwrap();
    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", picked.as_os_str())]).await;
    app.create_portfolio("Evidence test", "Sam Patel", "cmalt")
        .await;

    app.open_section("1a").await;
    app.type_into(
        "[data-testid=\"editor-description\"] .editor-content",
        "My comparison is in [E1].",
    )
    .await;
    app.click("[data-testid=\"attach-file\"]").await;
    let report = app.testid("attach-report").await;
    app.wait_until(
        "the report names the refused file and the limit",
        || async {
            let text = report.text().await.unwrap_or_default();
            text.contains("recording.pdf") && text.contains("1.000001 MB") && text.contains("1 MB")
        },
    )
    .await;
    app.screenshot("evidence-01-refusal").await;
    let message = app.text_of("[data-testid=\"attach-report-message\"]").await;
    assert!(
        message.contains("link"),
        "a PDF over the limit is offered the link way out: {message}"
    );
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{e00c}")
        .await
        .unwrap(); // Escape closes it
    app.wait_until("the report closes", || async {
        !app.exists("[data-testid=\"attach-report\"][open]").await
    })
    .await;

    app.wait_until("1a cites E1", || async {
        app.exists("[data-testid=\"citation\"][data-evidence-id=\"E1\"]")
            .await
    })
    .await;
    app.wait_until("1a's preview links E1", || async {
        app.html_of("[data-testid=\"preview-description\"]")
            .await
            .contains("href=\"#evidence-E1\"")
    })
    .await;

    app.open_section("2a").await;
    app.click("[data-testid=\"editor-description\"] .editor-content")
        .await;
    app.click("[data-testid=\"cite-picker-open\"]").await;
    app.click("[data-testid=\"cite-option\"][data-evidence-id=\"E1\"]")
        .await;
    app.wait_until("2a's preview shows E1 as a link", || async {
        let html = app.html_of("[data-testid=\"preview-description\"]").await;
        html.contains("href=\"#evidence-E1\"") && html.contains(">E1<")
    })
    .await;
    app.wait_until("2a cites E1", || async {
        app.exists("[data-testid=\"citation\"][data-evidence-id=\"E1\"]")
            .await
    })
    .await;
    app.wait_saved().await;

    app.click("[data-testid=\"library\"]").await;
    app.find("[data-testid=\"library-row\"][data-evidence-id=\"E1\"]")
        .await;
    app.screenshot("evidence-02-library").await;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=\"library-row\"]"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "only the file within the limit was attached");
    app.quit().await;

    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            home.data_folder()
                .join("portfolios/evidence-test/portfolio.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(saved["sections"]["1a"]["citations"][0]["evidence_id"], "E1");
    assert_eq!(saved["sections"]["2a"]["citations"][0]["evidence_id"], "E1");
    assert!(
        saved["sections"]["2a"]["description"]
            .as_str()
            .unwrap()
            .contains("[E1]"),
        "the picker wrote the reference into 2a's text"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_screenshot_is_attached_as_a_smaller_copy() {
    let home = Home::new();
    let screenshot = home.path().join("big screenshot.png");
    let made = std::process::Command::new("convert")
        .args(["-size", "1400x1000", "xc:", "+noise", "Random"])
        .arg(&screenshot)
        .status()
        .expect("ImageMagick's convert (installed by scripts/setup.sh test)");
    assert!(made.success());
    let original = std::fs::read(&screenshot).unwrap();
    assert!(
        original.len() > 1_000_000,
        "the test image must be over the limit"
    );
    let app = App::launch_with(
        &home,
        &[("CMALT_PORTFOLIO_PICK_FILES", screenshot.as_os_str())],
    )
    .await;
    app.create_portfolio("Smaller copy", "Sam Patel", "cmalt")
        .await;
    app.open_section("1b").await;
    app.click("[data-testid=\"attach-file\"]").await;
    app.click("[data-testid=\"make-smaller\"]").await;
    app.wait_until("the smaller copy is previewed", || async {
        app.exists("[data-testid=\"smaller-preview\"] img[src^=\"data:image/\"]")
            .await
            || app
                .exists("img[data-testid=\"smaller-preview\"][src^=\"data:image/\"]")
                .await
    })
    .await;
    app.screenshot("evidence-03-smaller-copy").await;
    app.click("[data-testid=\"attach-smaller\"]").await;
    app.wait_until("1b cites the smaller copy", || async {
        app.exists("[data-testid=\"citation\"][data-evidence-id=\"E1\"]")
            .await
    })
    .await;
    app.wait_saved().await;
    app.quit().await;

    let folder = home.data_folder().join("portfolios/smaller-copy");
    let stored: Vec<_> = std::fs::read_dir(folder.join("evidence"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(stored.len(), 1, "one file: the smaller copy");
    let size = std::fs::metadata(&stored[0]).unwrap().len();
    assert!(size <= 1_000_000, "the copy fits the limit: {size} bytes");
    assert_eq!(
        std::fs::read(&screenshot).unwrap(),
        original,
        "the original is untouched"
    );
}
