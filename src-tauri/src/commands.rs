//! The commands the window calls. Each one is a thin adapter: it takes the open session,
//! calls the core, and turns errors into `{ code, message }`.

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, clock, now};
use cmalt_core::framework::{AreaKindId, Framework, PathwayId};
use cmalt_core::markdown::{self, Rendered};
use cmalt_core::model::{Confirmation, NominatedAssessor, Portfolio};
use cmalt_core::outline::PathwayChange;
use cmalt_core::recent::{RecentPortfolio, free_folder_in};
use cmalt_core::session::{
    DetailsPatch, OpenedPortfolio, Saved, SectionPatch, Session, SessionError,
};
use cmalt_core::store::StoreError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::State;

#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    name: &'static str,
    version: &'static str,
    data_folder: String,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        name: "CMALT Portfolio",
        version: env!("CARGO_PKG_VERSION"),
        data_folder: state.recent.data_folder().to_string_lossy().into_owned(),
    }
}

#[tauri::command(async)]
pub fn framework(state: State<'_, AppState>) -> Framework {
    (*state.framework).clone()
}

#[tauri::command(async)]
pub fn recent_portfolios(state: State<'_, AppState>) -> Vec<RecentPortfolio> {
    state.recent.recent(&clock())
}

#[tauri::command(async)]
pub fn forget_recent(state: State<'_, AppState>, folder: String) -> CommandResult<()> {
    state.recent.forget(Path::new(&folder)).map_err(|e| {
        CommandError::new(
            ErrorCode::Refused,
            format!("Could not update the recent list: {e}"),
        )
    })
}

#[derive(Deserialize, ts_rs::TS)]
pub struct NewPortfolioRequest {
    title: String,
    candidate_name: String,
    pathway: PathwayId,
    choose_location: bool,
}

/// Asks for a folder with the native dialog, off the main thread; `None` if cancelled.
async fn pick_folder(title: &str) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .pick_folder()
        .await
        .map(|handle| handle.path().to_path_buf())
}

#[tauri::command]
pub async fn create_portfolio(
    state: State<'_, AppState>,
    request: NewPortfolioRequest,
) -> CommandResult<Option<OpenedPortfolio>> {
    let folder = if request.choose_location {
        match pick_folder("Choose where to keep your new portfolio").await {
            Some(parent) => free_folder_in(&parent, &request.title),
            None => return Ok(None),
        }
    } else {
        state.recent.folder_for_new(&request.title)
    };
    let portfolio = Portfolio::new(
        &request.title,
        &request.candidate_name,
        request.pathway,
        now(),
    );
    // Release the folder of any portfolio open before, so it can be reopened later.
    *state.session() = None;
    let session = Session::create(state.framework.clone(), &folder, portfolio)?;
    Ok(Some(state.install(session)))
}

#[tauri::command]
pub async fn open_portfolio_dialog(
    state: State<'_, AppState>,
) -> CommandResult<Option<OpenedPortfolio>> {
    let Some(folder) = pick_folder("Open a portfolio folder").await else {
        return Ok(None);
    };
    open_folder(&state, &folder).map(Some)
}

/// The folder named on the command line (`cmalt-portfolio open DIR`, a bare folder path, or
/// the file manager's "Open with"), if one is waiting; opened once.
#[tauri::command(async)]
pub fn open_requested_portfolio(
    state: State<'_, AppState>,
) -> CommandResult<Option<OpenedPortfolio>> {
    match state.take_requested_folder() {
        Some(folder) => open_folder(&state, &folder).map(Some),
        None => Ok(None),
    }
}

fn open_folder(state: &AppState, folder: &Path) -> CommandResult<OpenedPortfolio> {
    // One look under the lock: the folder open now is shown again, not opened twice.
    let already_open = state
        .session()
        .as_ref()
        .filter(|session| session.folder() == folder)
        .map(|session| session.view());
    if let Some(view) = already_open {
        return Ok(view);
    }
    state.open_fresh(folder).map_err(|error| {
        // Remembered even when unreadable, so "open the newest backup" can name it.
        if matches!(error, SessionError::Store(StoreError::Unreadable { .. })) {
            let _ = state.recent.remember(folder);
        }
        error.into()
    })
}

/// Only folders already in the recent list: the window cannot name arbitrary paths.
fn recent_folder(state: &AppState, folder: &str) -> CommandResult<PathBuf> {
    let folder = PathBuf::from(folder);
    if state.recent.is_recent(&folder) {
        Ok(folder)
    } else {
        Err(CommandError::new(
            ErrorCode::Refused,
            "That portfolio is not in the recent list any more. Use \"Open a portfolio folder…\" to find it.",
        ))
    }
}

#[tauri::command(async)]
pub fn open_recent(state: State<'_, AppState>, folder: String) -> CommandResult<OpenedPortfolio> {
    let folder = recent_folder(&state, &folder)?;
    open_folder(&state, &folder)
}

#[tauri::command(async)]
pub fn restore_newest_backup(
    state: State<'_, AppState>,
    folder: String,
) -> CommandResult<OpenedPortfolio> {
    let folder = recent_folder(&state, &folder)?;
    *state.session() = None;
    let session = Session::restore_newest_backup(state.framework.clone(), &folder, now())?;
    Ok(state.install(session))
}

#[tauri::command(async)]
pub fn close_portfolio(state: State<'_, AppState>) {
    *state.session() = None;
}

#[tauri::command(async)]
pub fn current_portfolio(state: State<'_, AppState>) -> Option<OpenedPortfolio> {
    state.session().as_ref().map(Session::view)
}

#[tauri::command(async)]
pub fn save_section(state: State<'_, AppState>, patch: SectionPatch) -> CommandResult<Saved> {
    state.with_session(|s| s.save_section(patch, now()))
}

#[tauri::command(async)]
pub fn save_details(state: State<'_, AppState>, patch: DetailsPatch) -> CommandResult<Saved> {
    state.with_session(|s| s.save_details(patch, now()))
}

#[tauri::command(async)]
pub fn save_confirmation(
    state: State<'_, AppState>,
    confirmation: Confirmation,
) -> CommandResult<Saved> {
    state.with_session(|s| s.save_confirmation(confirmation, now()))
}

#[tauri::command(async)]
pub fn save_assessor(
    state: State<'_, AppState>,
    assessor: Option<NominatedAssessor>,
) -> CommandResult<Saved> {
    state.with_session(|s| s.save_assessor(assessor, now()))
}

#[tauri::command(async)]
pub fn preview_markdown(state: State<'_, AppState>, markdown: String) -> Rendered {
    // With a portfolio open, `[E3]` links to its evidence library.
    match state.session().as_ref() {
        Some(session) => session.render(&markdown),
        None => markdown::render(&markdown),
    }
}

/// The note under a section's word count, judged as the checklist judges it.
#[tauri::command(async)]
pub fn words_note(
    state: State<'_, AppState>,
    section_id: String,
    description_words: usize,
    reflection_words: usize,
) -> Option<cmalt_core::word_guide::WordsNote> {
    cmalt_core::word_guide::words_note(
        &state.framework,
        &section_id,
        description_words,
        reflection_words,
    )
}

#[tauri::command(async)]
pub fn preview_pathway_change(
    state: State<'_, AppState>,
    pathway: PathwayId,
) -> CommandResult<PathwayChange> {
    state.with_session(|s| Ok(s.preview_pathway_change(pathway)))
}

#[tauri::command(async)]
pub fn change_pathway(
    state: State<'_, AppState>,
    pathway: PathwayId,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| s.change_pathway(pathway, now()))
}

#[derive(Serialize, ts_rs::TS)]
pub struct AddedArea {
    opened: OpenedPortfolio,
    section_id: String,
}

#[tauri::command(async)]
pub fn add_area(state: State<'_, AppState>, kind: AreaKindId) -> CommandResult<AddedArea> {
    state.with_session(|s| {
        let section_id = s.add_area(kind, now())?;
        Ok(AddedArea {
            opened: s.view(),
            section_id,
        })
    })
}

#[tauri::command(async)]
pub fn remove_area(
    state: State<'_, AppState>,
    section_id: String,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.remove_area(&section_id, now())?;
        Ok(s.view())
    })
}

/// Opens a web or e-mail link from one of the app's pages in the system's browser or mail
/// app, after the same check the navigation guard makes; the window itself never leaves.
#[tauri::command(async)]
pub fn open_web_link(app: tauri::AppHandle, address: String) -> CommandResult<()> {
    match crate::navigation::web_link(&address) {
        Some(checked) => {
            crate::navigation::hand_over(&app, &checked);
            Ok(())
        }
        None => Err(CommandError::new(
            ErrorCode::Refused,
            "This link cannot be opened: only web addresses (https://…) and e-mail addresses open from the app.",
        )),
    }
}
