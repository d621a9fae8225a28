//! axe-core run inside the real window on the app's own pages (start, a section's editor,
//! Ready, the evidence library, Export, Versions), in the light and the dark theme: no
//! violations. axe comes from the export checks' npm packages (`tests/tools`).

mod support;

use std::ffi::OsStr;
use support::{App, Home};

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{} is missing ({error}): scripts/setup.sh test installs the export checks' npm packages",
            path.display()
        )
    })
}

/// The violations axe finds on the page as it is now, one line each.
async fn violations(app: &App, page: &str) -> Vec<String> {
    // Injected through WebDriver, which the page's CSP does not govern; nothing of it ships.
    app.client
        .execute(
            &format!("{}\nreturn typeof window.axe;", axe_source()),
            vec![],
        )
        .await
        .unwrap();
    let found = app
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               window.axe.run(document, { resultTypes: ["violations"] })
                 .then((r) => done(r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} :: ${n.failureSummary.replace(/\s+/g, " ")}`))))
                 .catch((e) => done([`axe failed: ${e}`]));"#,
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|line| format!("{page}: {}", line.as_str().unwrap_or_default()))
        .collect()
}

async fn every_page(theme: &str, env: &[(&str, &OsStr)]) {
    let home = Home::new();
    let app = App::launch_with(&home, env).await;
    app.find("[data-testid=\"new-portfolio\"]").await;
    let dark = app
        .client
        .execute(
            "return window.matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        dark.as_bool(),
        Some(theme == "dark"),
        "the window is in the {theme} theme"
    );

    let mut found = violations(&app, "start").await;
    app.click("[data-testid=\"new-portfolio\"]").await;
    app.find("[data-testid=\"new-title\"]").await;
    found.extend(violations(&app, "new portfolio form").await);
    // The pathway cards keep their focus ring when arrow keys move the choice.
    app.click("input[name=\"pathway\"][value=\"associate\"]")
        .await;
    app.find("input[name=\"pathway\"][value=\"associate\"]")
        .await
        .send_keys(&fantoccini::key::Key::Down.to_string())
        .await
        .unwrap();
    let ring = app
        .client
        .execute(
            "const input = document.activeElement; return [input.value, getComputedStyle(input.closest('.pathway-card')).outlineStyle];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        ring[0].as_str(),
        Some("cmalt"),
        "the arrow key moved the choice"
    );
    assert_eq!(
        ring[1].as_str(),
        Some("solid"),
        "the focused card shows its ring"
    );
    app.type_into("[data-testid=\"new-title\"]", "Accessible")
        .await;
    app.type_into("[data-testid=\"new-name\"]", "Sam").await;
    app.click("input[name=\"pathway\"][value=\"cmalt\"]").await;
    app.click("[data-testid=\"create-portfolio\"]").await;
    app.find("[data-testid=\"sidebar\"]").await;
    app.open_section("1a").await;
    app.type_into(
        "[data-section=\"1a\"] [data-testid=\"editor-description\"] .editor-content",
        "I compared two quiz tools for a first-year module.",
    )
    .await;
    app.wait_saved().await;
    // Evidence cited here, so the panel's rows (move, open, remove) are checked too.
    app.click("[data-section=\"1a\"] [data-testid=\"add-link\"]")
        .await;
    app.type_into("[data-testid=\"link-title\"]", "Quiz tool comparison")
        .await;
    app.type_into(
        "[data-testid=\"link-url\"]",
        "https://example.org/comparison",
    )
    .await;
    app.click("[data-testid=\"link-save\"]").await;
    app.find("[data-testid=\"citation-remove\"]").await;
    app.wait_saved().await;
    found.extend(violations(&app, "section 1a").await);
    // A snapshot and a backup on the Versions page, with their restore buttons.
    app.click("[data-testid=\"sidebar\"] [data-testid=\"versions\"]")
        .await;
    app.click("[data-testid=\"keep-snapshot\"]").await;
    app.type_into(
        "[data-testid=\"snapshot-label\"]",
        "Before my mentor reads it",
    )
    .await;
    app.click("[data-testid=\"snapshot-confirm\"]").await;
    app.find("[data-testid=\"snapshot\"]").await;
    for (page, opener, ready) in [
        ("ready", "ready", "[data-testid=\"ready-page\"]"),
        ("library", "library", "[data-testid=\"library-page\"]"),
        ("export", "export", "[data-testid=\"export-page\"]"),
        ("versions", "versions", "[data-testid=\"versions-page\"]"),
    ] {
        app.click(&format!(
            "[data-testid=\"sidebar\"] [data-testid=\"{opener}\"]"
        ))
        .await;
        app.find(ready).await;
        found.extend(violations(&app, page).await);
    }
    app.screenshot(&format!("accessibility-{theme}")).await;
    app.quit().await;
    assert!(
        found.is_empty(),
        "axe found {} violations in the {theme} theme:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// One test, the themes one after the other: two windows side by side would take keyboard
/// focus from each other, and focus rings are part of what is checked.
#[tokio::test]
async fn the_apps_pages_have_no_axe_violations_in_the_light_and_dark_themes() {
    every_page("light", &[]).await;
    every_page("dark", &[("GTK_THEME", OsStr::new("Adwaita:dark"))]).await;
}
