//! End to end through the real window (issue 12): the window stays the app's. A web link in
//! the preview opens in the system browser (here, the test build writes down what it would
//! have opened) and the window does not move; a `file:` link opens nothing; a middle-click,
//! a script setting `location` and `window.open` are all caught (the navigation by the Rust
//! guard that every navigation and new-window request passes).

mod support;

use fantoccini::key::Key;

use std::time::Duration;
use support::{App, Home};

async fn location(app: &App) -> String {
    app.client
        .execute("return window.location.href;", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn handed_over(log: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn links_never_take_the_window_away_from_the_portfolio() {
    let home = Home::new();
    let log = home.path().join("handed-over.log");
    let app = App::launch_with(
        &home,
        &[("CMALT_PORTFOLIO_HANDED_OVER_LOG", log.as_os_str())],
    )
    .await;
    app.create_portfolio("Links", "Sam", "cmalt").await;
    app.open_section("1a").await;
    // A link made as a candidate makes one: select the words, Ctrl+K, give the address.
    let editor = "[data-testid=\"editor-description\"] .editor-content";
    app.type_into(editor, "See the scheme").await;
    let select_back: String =
        std::iter::repeat_n(Key::Left.to_string(), "the scheme".len()).collect();
    let field = app.find(editor).await;
    field
        .send_keys(&format!("{}{select_back}", Key::Shift))
        .await
        .unwrap();
    field
        .send_keys(&format!("{}k", Key::Control))
        .await
        .unwrap();
    app.type_into(
        "[data-testid=\"link-address\"]",
        "https://www.alt.ac.uk/cmalt",
    )
    .await;
    app.click("[data-testid=\"link-dialog\"] [data-testid=\"link-save\"]")
        .await;
    app.wait_until("the editor shows the link", || async {
        app.html_of(editor)
            .await
            .contains("href=\"https://www.alt.ac.uk/cmalt\"")
    })
    .await;
    // Links are followed from the preview; the editor places the cursor in them instead.
    app.click("[data-section=\"1a\"] .preview-toggle").await;
    app.wait_until("the preview shows the web link", || async {
        app.html_of("[data-testid=\"preview-description\"]")
            .await
            .contains("href=\"https://www.alt.ac.uk/cmalt\"")
    })
    .await;
    let own_page = location(&app).await;
    assert!(own_page.starts_with("tauri://localhost"), "{own_page}");

    app.click("[data-testid=\"preview-description\"] a[href^=\"https:\"]")
        .await;
    app.wait_until("the web link goes to the browser", || async {
        handed_over(&log) == ["https://www.alt.ac.uk/cmalt"]
    })
    .await;
    assert_eq!(
        location(&app).await,
        own_page,
        "a click must not move the window"
    );

    // The `file:` link: the sanitiser drops its address, or the guard refuses it.
    if app
        .exists("[data-testid=\"preview-description\"] a[href^=\"file:\"]")
        .await
    {
        app.click("[data-testid=\"preview-description\"] a[href^=\"file:\"]")
            .await;
    }

    // A middle-click asks for a new window: it too goes to the browser, never a window.
    app.client
        .execute(
            "document.querySelector('[data-testid=\"preview-description\"] a[href^=\"https:\"]')
               .dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));",
            vec![],
        )
        .await
        .unwrap();
    app.wait_until("the middle-click goes to the browser", || async {
        handed_over(&log).len() == 2
    })
    .await;

    // Past the page's own guard: navigation and new windows from script meet the Rust guard.
    app.client
        .execute(
            "window.location.href = 'https://example.org/away'; return true;",
            vec![],
        )
        .await
        .unwrap();
    app.wait_until("the navigation is handed over", || async {
        handed_over(&log)
            .iter()
            .any(|line| line == "https://example.org/away")
    })
    .await;
    // A script's own `window.open` (no click behind it) opens nothing at all: WebKit blocks
    // it, and were it asked, the Rust guard would deny the window and hand the address over.
    app.client
        .execute(
            "window.open('https://example.org/popup'); return true;",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.client.windows().await.unwrap().len(),
        1,
        "no second window may open"
    );
    app.client
        .execute(
            "window.location.href = 'file:///etc/hostname'; return true;",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;

    assert_eq!(
        location(&app).await,
        own_page,
        "the window is still the app's own page"
    );
    assert!(
        app.exists("[data-testid=\"sidebar\"]").await,
        "the portfolio is still on screen"
    );
    let lines = handed_over(&log);
    assert!(
        lines.iter().all(|line| line.starts_with("https://")),
        "only web addresses are handed over, never a file: {lines:?}"
    );
    app.quit().await;
}
