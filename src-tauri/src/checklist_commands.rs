//! The checklist's commands: what is left before submitting, the candidate's own ticks and
//! ratings, and the submission windows.

use crate::error::CommandResult;
use crate::state::{AppState, now};
use cmalt_core::checklist::Checklist;
use cmalt_core::deadlines::{Window, upcoming_windows};
use cmalt_core::model::{CandidateConfirmations, SelfRating};
use cmalt_core::session::Saved;
use tauri::State;

#[tauri::command(async)]
pub fn checklist(state: State<'_, AppState>) -> CommandResult<Checklist> {
    state.with_session(|s| Ok(s.checklist(now().date())))
}

/// The next three windows, whether or not a portfolio is open (the start screen shows them).
#[tauri::command(async)]
pub fn submission_windows(state: State<'_, AppState>) -> Vec<Window> {
    upcoming_windows(&state.framework, now().date(), 3)
}

#[tauri::command(async)]
pub fn save_confirmations(
    state: State<'_, AppState>,
    confirmations: CandidateConfirmations,
) -> CommandResult<Saved> {
    state.with_session(|s| s.save_confirmations(confirmations, now()))
}

#[tauri::command(async)]
pub fn save_self_rating(
    state: State<'_, AppState>,
    section_id: String,
    rating: Option<SelfRating>,
) -> CommandResult<Saved> {
    state.with_session(|s| s.save_self_rating(&section_id, rating, now()))
}

#[tauri::command(async)]
pub fn set_target_window(state: State<'_, AppState>, date: Option<String>) -> CommandResult<Saved> {
    state.with_session(|s| s.set_target_window(date, now()))
}
