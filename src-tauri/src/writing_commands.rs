//! Commands for the writing surface: find and replace across the portfolio, and the spelling
//! language the web view checks in.

use crate::error::CommandResult;
use crate::state::{AppState, now};
use cmalt_core::find::{FindQuery, FindResults, ReplaceOutcome};
use cmalt_core::session::OpenedPortfolio;
use cmalt_core::spelling::{self, SpellingLanguage};
use serde::Serialize;
use tauri::State;

#[tauri::command(async)]
pub fn find_in_portfolio(
    state: State<'_, AppState>,
    query: FindQuery,
) -> CommandResult<FindResults> {
    state.with_session(|session| Ok(session.find(&query)))
}

#[derive(Serialize, ts_rs::TS)]
pub struct Replaced {
    pub outcome: ReplaceOutcome,
    /// The portfolio after the replace, for the window to show.
    pub opened: OpenedPortfolio,
}

#[tauri::command(async)]
pub fn replace_in_portfolio(
    state: State<'_, AppState>,
    query: FindQuery,
    replacement: String,
    section_id: Option<String>,
) -> CommandResult<Replaced> {
    state.with_session(|session| {
        let outcome = session.replace_all(&query, &replacement, section_id.as_deref(), now())?;
        Ok(Replaced {
            outcome,
            opened: session.view(),
        })
    })
}

#[derive(Serialize, ts_rs::TS)]
pub struct SpellingStatus {
    pub language: SpellingLanguage,
    pub languages: Vec<SpellingLanguage>,
    /// Why words are not underlined, when the dictionary is missing.
    pub note: Option<String>,
}

/// Turns the web view's spell checker on in the open portfolio's language (the default
/// with none open), and says so when the dictionary is not installed.
#[tauri::command(async)]
pub fn use_spelling(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
) -> CommandResult<SpellingStatus> {
    let chosen = state
        .session()
        .as_ref()
        .and_then(|session| session.portfolio().spelling_language.clone());
    let language = spelling::for_portfolio(chosen.as_deref()).clone();
    apply_spelling(&window, &language);
    let note = (!spelling::dictionary_installed(&language)).then(|| {
        format!(
            "Spelling is not checked: the {} dictionary is not installed on this computer (it is in the package {}).",
            language.name, language.package
        )
    });
    Ok(SpellingStatus {
        language,
        languages: spelling::languages().to_vec(),
        note,
    })
}

/// WebKitGTK leaves spell checking off until the app turns it on in the web context.
pub fn apply_spelling(window: &tauri::WebviewWindow, language: &SpellingLanguage) {
    #[cfg(target_os = "linux")]
    {
        let dictionary = language.dictionary.clone();
        let _ = window.with_webview(move |webview| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_spell_checking_enabled(true);
                context.set_spell_checking_languages(&[dictionary.as_str()]);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, language);
}
