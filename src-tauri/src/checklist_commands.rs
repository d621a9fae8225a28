//! The checklist's commands: what is left before submitting and its one-click fixes, the
//! candidate's own ticks and ratings, and when and how they submit.

use crate::blocking::off_the_event_loop;
use crate::error::{CommandResult, ErrorCode};
use crate::links_online;
use crate::state::{AppState, clock, now};
use cmalt_core::checklist::{Checklist, Fix, Problem};
use cmalt_core::deadlines::{self, SubmissionPlan};
use cmalt_core::model::{CandidateConfirmations, SelfRating};
use cmalt_core::session::Saved;
use tauri::State;

#[tauri::command(async)]
pub fn checklist(state: State<'_, AppState>) -> CommandResult<Checklist> {
    state.with_session(|s| Ok(s.checklist(clock().today())))
}

/// How and when to submit, whether or not a portfolio is open (the start screen shows it).
#[tauri::command(async)]
pub fn submission_plan(state: State<'_, AppState>) -> SubmissionPlan {
    let session = state.session();
    deadlines::submission_plan(
        &state.framework,
        session.as_ref().map(|s| s.portfolio()),
        clock().today(),
    )
}

/// "Before you share": what could expose a learner or the candidate, or fail ALT's first
/// check. Reads evidence files (each once per portfolio session), so only when the Ready
/// page asks, never with each keystroke.
#[tauri::command(async)]
pub fn before_sharing(state: State<'_, AppState>) -> CommandResult<Vec<Problem>> {
    state.with_session(|s| Ok(s.before_sharing()))
}

/// Tries every web link of the portfolio on the internet, on the candidate's request, by
/// the command line (`links_online`): the window itself never goes on the internet. The
/// session is free meanwhile: the command reads the saved portfolio, which is the session's.
#[tauri::command]
pub async fn check_links_online(state: State<'_, AppState>) -> CommandResult<Vec<Problem>> {
    let folder = state.with_session(|s| Ok(s.folder().to_path_buf()))?;
    off_the_event_loop("Trying the links stopped", ErrorCode::Refused, move || {
        links_online::check(&folder)
    })
    .await
}

/// Applies a fix the checklist offers (a proposed topic, principle tags, permission).
#[tauri::command(async)]
pub fn apply_checklist_fix(state: State<'_, AppState>, fix: Fix) -> CommandResult<Saved> {
    state.with_session(|s| s.apply_fix(&fix, clock().today(), now()))
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
pub fn set_target_date(state: State<'_, AppState>, date: Option<String>) -> CommandResult<Saved> {
    state.with_session(|s| s.set_target_window(date, now()))
}

#[tauri::command(async)]
pub fn set_registered_on(state: State<'_, AppState>, date: Option<String>) -> CommandResult<Saved> {
    state.with_session(|s| s.set_registered_on(date, now()))
}
