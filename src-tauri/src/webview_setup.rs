//! The web view's own settings, made once the window exists.

/// The window shows only the app's own pages, never the web: WebKit's smallest cache model
/// keeps no page or resource caches for going back and forth, which a browser needs and
/// this window does not, and so the app uses less memory.
pub fn keep_caches_small(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
