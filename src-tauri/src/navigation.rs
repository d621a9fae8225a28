//! The window stays the app's: the one guard every navigation and every new-window request
//! passes. Only the app's own pages load in it; a web address goes to the system browser
//! (http and https only, with a host); anything else (`file:`, `javascript:`, `data:`, a
//! remote page a link tried to load in place) is refused.

use tauri::Url;

/// What to do with a URL the webview is about to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// One of the app's own pages (the embedded UI).
    Stay,
    /// A web page or an e-mail address: the system's browser or mail app opens it.
    HandOver(String),
    Refuse,
}

/// The app's own origin: `tauri://localhost` on Linux and macOS, `http(s)://tauri.localhost`
/// on Windows. A dev server is never used (the UI is always embedded).
fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

pub fn decide(url: &Url) -> Decision {
    if is_own_page(url) {
        return Decision::Stay;
    }
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|host| !host.is_empty()) => {
            Decision::HandOver(url.to_string())
        }
        "mailto" if !url.path().is_empty() => Decision::HandOver(url.to_string()),
        _ => Decision::Refuse,
    }
}

/// Follows the guard's decision for `url`: whether the webview may load it. A handed-over
/// address is opened by the system (or, in a build for tests, written down for the test).
pub fn allow<R: tauri::Runtime>(app: &tauri::AppHandle<R>, url: &Url) -> bool {
    match decide(url) {
        Decision::Stay => true,
        Decision::HandOver(address) => {
            hand_over(app, &address);
            false
        }
        Decision::Refuse => false,
    }
}

/// Opens a checked web or mail address with the system's own app.
pub fn hand_over<R: tauri::Runtime>(app: &tauri::AppHandle<R>, address: &str) {
    if crate::test_hooks::record_handed_over(address) {
        return;
    }
    use tauri_plugin_opener::OpenerExt;
    let _ = app.opener().open_url(address, None::<&str>);
}

/// The checked address to hand to the system for a link the window was asked to follow.
pub fn web_link(address: &str) -> Option<String> {
    match Url::parse(address.trim()).ok().as_ref().map(decide) {
        Some(Decision::HandOver(url)) => Some(url),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(url: &str) -> Decision {
        decide(&Url::parse(url).unwrap())
    }

    #[test]
    fn only_the_apps_own_pages_load_in_the_window() {
        assert_eq!(decision("tauri://localhost/index.html"), Decision::Stay);
        assert_eq!(decision("http://tauri.localhost/#page"), Decision::Stay);
        assert_eq!(
            decision("https://example.org/evidence"),
            Decision::HandOver("https://example.org/evidence".into())
        );
        assert_eq!(
            decision("mailto:mentor@example.org"),
            Decision::HandOver("mailto:mentor@example.org".into())
        );
        for refused in [
            "file:///home/user/thesis.docx",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "tauri://elsewhere/index.html",
            "about:blank",
            "ftp://example.org/x",
        ] {
            assert_eq!(
                decision(refused),
                Decision::Refuse,
                "{refused} must not load"
            );
        }
        // A lookalike host is someone else's site: handed to the browser, never loaded here.
        assert_eq!(
            decision("https://tauri.localhost.evil.example/"),
            Decision::HandOver("https://tauri.localhost.evil.example/".into())
        );
    }

    #[test]
    fn links_from_the_page_are_checked_before_the_system_sees_them() {
        assert_eq!(
            web_link(" https://example.org "),
            Some("https://example.org/".into())
        );
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(
            web_link("tauri://localhost/x"),
            None,
            "own pages are not handed over"
        );
        assert_eq!(web_link("not a url"), None);
    }
}
