//! Bringing a draft in from the start screen: the draft is picked and read in Rust, written
//! as a new portfolio in the app's data folder, and opened with its import report. The text
//! that fitted no section stays in `not-placed.md` until the candidate sets it aside.

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, now};
use cmalt_core::framework::PathwayId;
use cmalt_core::import::{ImportReport, read_draft};
use cmalt_core::session::OpenedPortfolio;
use serde::Serialize;
use tauri::State;

#[derive(Serialize, ts_rs::TS)]
pub struct ImportedDraft {
    opened: OpenedPortfolio,
    report: ImportReport,
}

fn import_error(error: cmalt_core::import::ImportError) -> CommandError {
    match error {
        cmalt_core::import::ImportError::Store(store) => store.into(),
        other => CommandError::new(ErrorCode::Refused, other.to_string()),
    }
}

/// Asks for a Markdown or Word draft and imports it; `None` when the candidate cancels.
#[tauri::command]
pub async fn import_draft_dialog(
    state: State<'_, AppState>,
    pathway: Option<PathwayId>,
) -> CommandResult<Option<ImportedDraft>> {
    let picked = match crate::test_hooks::scripted_picks() {
        Some(paths) => paths.into_iter().next(),
        None => rfd::AsyncFileDialog::new()
            .set_title("Import a draft")
            .add_filter("Markdown or Word", &["md", "markdown", "txt", "docx"])
            .pick_file()
            .await
            .map(|file| file.path().to_path_buf()),
    };
    let Some(path) = picked else {
        return Ok(None);
    };
    let draft = read_draft(&state.framework, &path, pathway).map_err(import_error)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = state
        .recent
        .folder_for_new(if draft.title.trim().is_empty() {
            &stem
        } else {
            &draft.title
        });
    let report = draft
        .write_new_portfolio(&state.framework, &folder, now())
        .map_err(import_error)?;
    let opened = state.open_fresh(&folder)?;
    Ok(Some(ImportedDraft { opened, report }))
}

/// The text an import could not place, if any is still waiting.
#[tauri::command(async)]
pub fn not_placed_note(
    state: State<'_, AppState>,
) -> CommandResult<Option<cmalt_core::session::NotPlacedNote>> {
    state.with_session(|s| s.not_placed_note())
}

/// Moves the note into the portfolio's backups once the candidate has moved what they
/// need: it is kept, never deleted.
#[tauri::command(async)]
pub fn set_aside_not_placed(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_session(|s| s.set_aside_not_placed(now()))
}
