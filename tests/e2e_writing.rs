//! The writing surface in the real window (issue 15): the window never scrolls as a whole,
//! a folder named at launch opens, misspelt words are underlined, and Ctrl+F finds a word
//! in another section.

mod support;

use fantoccini::actions::{WheelAction, WheelActions};
use fantoccini::key::Key;
use std::time::Duration;
use support::{App, Home};

const EDITOR_1A: &str =
    "[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content";
const EDITOR_2A: &str =
    "[data-section=\"2a\"] [data-testid=\"editor-description\"] .editor-content";

/// How far the document itself is scrolled, and how much taller than the window it is.
async fn document_scroll(app: &App) -> (i64, i64) {
    let value = app
        .client
        .execute(
            "const d = document.scrollingElement; return [d.scrollTop, d.scrollHeight - window.innerHeight];",
            vec![],
        )
        .await
        .unwrap();
    let pair = value.as_array().unwrap();
    (pair[0].as_i64().unwrap(), pair[1].as_i64().unwrap())
}

/// Wheels the pointer over `css` far past its end, as a person does with a mouse.
async fn wheel_to_end(app: &App, css: &str) {
    let rect = app
        .client
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight); return [Math.round(r.left + r.width / 2), Math.round((top + bottom) / 2)];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    let (x, y) = (rect[0].as_i64().unwrap(), rect[1].as_i64().unwrap());
    let mut wheel = WheelActions::new("wheel".to_string());
    for _ in 0..40 {
        wheel.push(WheelAction::Scroll {
            duration: Some(Duration::from_millis(10)),
            x,
            y,
            delta_x: 0,
            delta_y: 400,
        });
    }
    app.client.perform_actions(wheel).await.unwrap();
    // Past the end of the box, whatever the wheel did.
    app.client
        .execute(
            "const el = document.querySelector(arguments[0]); el.scrollTop = el.scrollHeight;",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
}

async fn assert_window_in_place(app: &App, when: &str) {
    let (top, overflow) = document_scroll(app).await;
    assert_eq!(top, 0, "the document scrolled by {top}px {when}");
    assert!(
        overflow <= 0,
        "the document is {overflow}px taller than the window {when}"
    );
    let bar_top = app
        .client
        .execute(
            "const bar = document.querySelector('.topbar'); return bar ? Math.round(bar.getBoundingClientRect().top) : 0;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(bar_top.as_i64(), Some(0), "the top bar moved {when}");
}

#[tokio::test]
async fn the_window_never_scrolls_as_a_whole() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.click("[data-testid=\"new-portfolio\"]").await;
    app.find("[data-testid=\"new-title\"]").await;
    wheel_to_end(&app, ".start-screen").await;
    assert_window_in_place(&app, "after scrolling the new-portfolio form").await;
    app.type_into("[data-testid=\"new-title\"]", "Scroll test")
        .await;
    app.type_into("[data-testid=\"new-name\"]", "Sam").await;
    app.click("input[name=\"pathway\"][value=\"cmalt\"]").await;
    app.click("[data-testid=\"create-portfolio\"]").await;
    app.find("[data-testid=\"sidebar\"]").await;
    assert_window_in_place(&app, "after creating a portfolio from a scrolled form").await;

    app.open_section("1a").await;
    let long: String = (1..=80)
        .map(|n| format!("Paragraph {n} of a long description.\n"))
        .collect();
    app.type_into(EDITOR_1A, &long).await;
    assert_window_in_place(&app, "after typing a long section").await;
    wheel_to_end(&app, "[data-testid=\"sidebar\"]").await;
    assert_window_in_place(&app, "after wheeling the sidebar to its end").await;
    wheel_to_end(&app, "#page").await;
    assert_window_in_place(&app, "after wheeling the page to its end").await;
    app.screenshot("writing-long-section").await;
    app.quit().await;
}

#[tokio::test]
async fn a_folder_named_at_launch_opens_in_the_window() {
    let home = Home::new();
    // Made by the window itself, closed, then named at the next launch.
    let folder = {
        let app = App::launch(&home).await;
        app.create_portfolio("Opened by name", "Sam", "cmalt").await;
        app.open_section("1a").await;
        app.type_into(EDITOR_1A, "Written before closing.").await;
        app.wait_saved().await;
        app.click("[data-testid=\"close-portfolio\"]").await;
        app.find("[data-testid=\"new-portfolio\"]").await;
        app.quit().await;
        portfolio_folder_in(home.path()).expect("the new portfolio is somewhere in the test's home")
    };
    let folder = folder.to_str().unwrap().to_string();
    let app = App::launch_full(&home, &[], &[&folder]).await;
    app.wait_for_text("[data-testid=\"sidebar\"]", "1a").await;
    app.wait_until("the top bar names the portfolio opened", || async {
        app.html_of(".topbar-title")
            .await
            .contains("Opened by name")
    })
    .await;
    app.screenshot("writing-opened-by-name").await;
    app.open_section("1a").await;
    app.wait_for_text(EDITOR_1A, "Written before closing.")
        .await;
    app.quit().await;

    // A folder that is not a portfolio: the start screen says so, and nothing is created.
    let stranger = home.path().join("not-a-portfolio");
    std::fs::create_dir_all(&stranger).unwrap();
    std::fs::write(stranger.join("notes.txt"), "mine").unwrap();
    let app = App::launch_full(&home, &[], &[stranger.to_str().unwrap()]).await;
    app.find("[data-testid=\"error-message\"]").await;
    let message = app.text_of("[data-testid=\"error-message\"]").await;
    assert!(!message.is_empty());
    assert_eq!(
        std::fs::read_dir(&stranger).unwrap().count(),
        1,
        "nothing is written into a folder that is not a portfolio"
    );
    app.quit().await;
}

/// Pixels of the spelling checker's red underline inside `css`, from a screenshot.
async fn red_pixels_in(app: &App, css: &str) -> usize {
    let _ = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
            vec![],
        )
        .await;
    let rect = app
        .client
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, window.devicePixelRatio];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    let n = |i: usize| rect[i].as_f64().unwrap();
    let png = app.client.screenshot().await.unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let scale = n(4);
    let (left, top) = ((n(0) * scale) as u32, (n(1) * scale) as u32);
    let (right, bottom) = (
        ((n(2) * scale) as u32).min(info.width),
        ((n(3) * scale) as u32).min(info.height),
    );
    let mut red = 0;
    for y in top..bottom {
        for x in left..right {
            let at = (y * info.width + x) as usize * channels;
            let (r, g, b) = (buffer[at], buffer[at + 1], buffer[at + 2]);
            // WebKit draws the dots at the text's own (often fractional) position, so
            // they may be anti-aliased to pink: red well above green and blue counts.
            let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
            if r > 170 && r - g > 60 && r - b > 60 {
                red += 1;
            }
        }
    }
    red
}

#[tokio::test]
async fn misspelt_words_are_underlined_in_british_english() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.create_portfolio("Spelling", "Sam", "cmalt").await;
    app.open_section("1a").await;
    // British spellings are right: no underline.
    app.type_into(
        EDITOR_1A,
        "The organisation's colour and behaviour were analysed. ",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let correct = red_pixels_in(&app, EDITOR_1A).await;
    assert!(
        correct < 20,
        "{correct} red pixels under correctly spelt British English"
    );
    app.type_into(EDITOR_1A, "Teh studants recieve feedbak. ")
        .await;
    let mut underlined = 0;
    for _ in 0..30 {
        underlined = red_pixels_in(&app, EDITOR_1A).await;
        if underlined > 60 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    app.screenshot("writing-spelling").await;
    assert!(
        underlined > 60,
        "only {underlined} red pixels under four misspelt words"
    );
    app.quit().await;
}

#[tokio::test]
async fn ctrl_f_finds_a_word_in_another_section() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.create_portfolio("Find", "Sam", "cmalt").await;
    app.open_section("1a").await;
    app.type_into(EDITOR_1A, "We chose Mahara for the eportfolio pilot.")
        .await;
    app.wait_saved().await;
    app.open_section("2a").await;
    app.type_into(EDITOR_2A, "Teaching with it went well.")
        .await;
    app.find(EDITOR_2A)
        .await
        .send_keys(&format!("{}f", Key::Control))
        .await
        .unwrap();
    app.find("[data-testid=\"find-input\"]").await;
    app.type_into(
        "[data-testid=\"find-input\"]",
        &format!("mahara{}", Key::Enter),
    )
    .await;
    app.wait_for_text("[data-testid=\"find-summary\"]", "1 match")
        .await;
    app.click("[data-testid=\"find-result-1a-description\"]")
        .await;
    app.wait_for_text(EDITOR_1A, "Mahara").await;
    app.screenshot("writing-find").await;
    app.quit().await;
}

/// The folder holding a `portfolio.json` under `root` (the app's default place for new ones).
fn portfolio_folder_in(root: &std::path::Path) -> Option<std::path::PathBuf> {
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).ok()?.flatten() {
            let path = entry.path();
            if path
                .file_name()
                .is_some_and(|name| name == "portfolio.json")
            {
                return Some(folder);
            }
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                folders.push(path);
            }
        }
    }
    None
}

/// What Google Docs puts on the clipboard for a heading, a bold word, a link, a list and a
/// table: every run in a styled span, all of it inside a `<b>` that is not bold.
const GOOGLE_DOCS_HTML: &str = concat!(
    r#"<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5f1c2a7e-7fff-1b2c-3d4e-5a6b7c8d9e0f">"#,
    r#"<h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;vertical-align:baseline;white-space:pre-wrap;">Our pilot</span></h2>"#,
    r#"<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;white-space:pre-wrap;">Forty</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;white-space:pre-wrap;"> staff joined, see </span><a href="https://www.example.org/report" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;font-weight:400;text-decoration:underline;-webkit-text-decoration-skip:none;white-space:pre-wrap;">the report</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;white-space:pre-wrap;">.</span></p>"#,
    r#"<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">Quizzes</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">Forums</span></p></li></ul>"#,
    r#"<br><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="301"><col width="301"></colgroup><tbody>"#,
    r#"<tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">Tool</span></p></td><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">Users</span></p></td></tr>"#,
    r#"<tr style="height:0pt"><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">Moodle</span></p></td><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;white-space:pre-wrap;">40</span></p></td></tr>"#,
    r#"</tbody></table></div></b>"#,
);

#[tokio::test]
async fn pasting_from_google_docs_keeps_the_formatting_as_markdown() {
    let home = Home::new();
    let app = App::launch(&home).await;
    app.create_portfolio("Paste", "Sam", "cmalt").await;
    app.open_section("1a").await;
    app.click(EDITOR_1A).await;
    app.client
        .execute(
            "const data = new DataTransfer();
             data.setData('text/html', arguments[1]);
             data.setData('text/plain', 'Our pilot Forty staff joined, see the report. Quizzes Forums Tool Users Moodle 40');
             const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
             document.querySelector(arguments[0]).dispatchEvent(event);",
            vec![serde_json::json!(EDITOR_1A), serde_json::json!(GOOGLE_DOCS_HTML)],
        )
        .await
        .unwrap();
    app.wait_for_text(EDITOR_1A, "Moodle").await;
    app.wait_saved().await;
    // Focus on writing: the sidebar and the guidance step aside, the text stays in view.
    app.click("[data-testid=\"focus-toggle\"]").await;
    let sidebar_shown = app
        .find("[data-testid=\"sidebar\"]")
        .await
        .is_displayed()
        .await
        .unwrap();
    assert!(!sidebar_shown, "focus mode hides the sidebar");
    app.screenshot("writing-pasted-from-docs").await;
    app.quit().await;

    let saved = std::fs::read_to_string(home.data_folder().join("portfolios/paste/portfolio.json"))
        .unwrap();
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let markdown = saved["sections"]["1a"]["description"].as_str().unwrap();
    // Judged as the export renders it: the structure came through, the styling did not.
    let html = cmalt_core::markdown::render(markdown).html;
    for expected in [
        "<h2>Our pilot</h2>",
        "<strong>Forty</strong> staff joined, see <a href=\"https://www.example.org/report\" rel=\"noopener noreferrer\">the report</a>.",
        "<li>Quizzes</li>",
        "<li>Forums</li>",
        "<th>Tool</th>",
        "<th>Users</th>",
        "<td>Moodle</td>",
        "<td>40</td>",
    ] {
        assert!(
            html.contains(expected),
            "{expected} is missing from the saved text:\n{markdown}\n{html}"
        );
    }
    for dropped in ["font", "color", "docs-internal", "style", "Arial", "<b>"] {
        assert!(
            !markdown.contains(dropped),
            "{dropped} came through:\n{markdown}"
        );
    }
}
