//! End to end through the real window: export a portfolio as a zip from the Export page,
//! then, in a new run, open that zip from the start screen and find the words again.

mod support;

use support::{App, Home};

const WORDS: &str = "Assessors will read this in the exported page.";

#[tokio::test(flavor = "multi_thread")]
async fn export_as_zip_then_open_the_zip_again() {
    let home = Home::new();
    let zip = home.path().join("My export.zip");

    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", zip.as_os_str())]).await;
    app.create_portfolio("Export test", "Sam Patel", "cmalt")
        .await;
    app.open_section("1a").await;
    app.type_into(
        "[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content",
        WORDS,
    )
    .await;
    app.wait_saved().await;

    app.click("[data-testid=\"export\"]").await;
    app.click("input[name=\"export-format\"][value=\"zip\"]")
        .await;
    app.wait_for_text("[data-testid=\"export-size\"]", "10 MB")
        .await;
    app.click("[data-testid=\"export-go\"]").await;
    app.wait_for_text("[data-testid=\"export-result\"]", "My export.zip")
        .await;
    app.screenshot("export-01-result").await;
    app.quit().await;

    let bytes = std::fs::metadata(&zip).expect("the zip was written").len();
    assert!(
        bytes > 0 && bytes <= 10_000_000,
        "a zip within the 10 MB limit: {bytes}"
    );
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut page = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("index.html").unwrap(), &mut page).unwrap();
    assert!(
        page.contains(WORDS),
        "the exported page holds the candidate's words"
    );
    assert!(!page.contains("<script"), "no script in an export");

    let app = App::launch_with(&home, &[("CMALT_PORTFOLIO_PICK_FILES", zip.as_os_str())]).await;
    // Every line of progress the start screen shows while the zip is checked and copied in.
    app.wait_for_text(
        "[data-testid=\"open-bundle\"]",
        "Open an exported portfolio",
    )
    .await;
    app.client
        .execute(
            "window.__progress = [];
             const line = document.querySelector('[data-testid=\"open-progress-text\"]');
             new MutationObserver(() => window.__progress.push(line.textContent))
               .observe(line, { childList: true, characterData: true, subtree: true });",
            vec![],
        )
        .await
        .unwrap();
    app.click("[data-testid=\"open-bundle\"]").await;
    app.open_section("1a").await;
    let shown = app
        .client
        .execute("return window.__progress || null;", vec![])
        .await
        .unwrap();
    assert!(
        shown
            .as_array()
            .is_some_and(|lines| lines.iter().any(|l| l == "Opening the portfolio")),
        "the core's progress reached the start screen: {shown}"
    );
    app.wait_until("the reopened 1a holds the words", || async {
        app.text_of("[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content")
            .await
            .contains(WORDS)
    })
    .await;
    app.quit().await;
}

/// Exports once as `format` (the card's value) to `out`, in a window of its own.
async fn export_as_document(home: &Home, format: &str, out: &std::path::Path, shot: &str) {
    let app = App::launch_with(home, &[("CMALT_PORTFOLIO_PICK_FILES", out.as_os_str())]).await;
    app.click("[data-testid=\"recent-item\"]").await;
    app.open_section("1a").await;
    app.click("[data-testid=\"export\"]").await;
    app.click(&format!(
        "input[name=\"export-format\"][value=\"{format}\"]"
    ))
    .await;
    app.wait_for_text("[data-testid=\"export-size\"]", "10 MB")
        .await;
    app.click("[data-testid=\"export-go\"]").await;
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    app.wait_for_text("[data-testid=\"export-result\"]", &name)
        .await;
    app.screenshot(shot).await;
    app.quit().await;
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} could not run ({e}); scripts/setup.sh test installs it")
        });
    assert!(output.status.success(), "{program} failed: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn save_as_word_and_as_pdf_from_the_export_page() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.create_portfolio("Documents test", "Sam Patel", "cmalt")
        .await;
    app.open_section("1a").await;
    app.type_into(
        "[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content",
        WORDS,
    )
    .await;
    app.wait_saved().await;
    app.quit().await;

    let word = home.path().join("My portfolio.docx");
    export_as_document(&home, "docx", &word, "export-02-word").await;
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&word).expect("the Word file was written"))
            .unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(
        document.contains(WORDS),
        "the Word document holds the candidate's words"
    );
    assert!(document.contains("Heading1"), "sections are real headings");

    let pdf = home.path().join("My portfolio.pdf");
    export_as_document(&home, "pdf", &pdf, "export-03-pdf").await;
    let text = run("pdftotext", &[pdf.as_os_str(), std::ffi::OsStr::new("-")]);
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(WORDS),
        "the PDF's text holds the candidate's words: {text}"
    );
    let info = run("pdfinfo", &[pdf.as_os_str()]);
    assert!(info.contains("A4"), "an A4 PDF: {info}");
}
