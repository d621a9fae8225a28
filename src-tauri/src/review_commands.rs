//! A mentor's review from the window: send a review copy (Word) chosen with a save dialog,
//! bring the returned file back with an open dialog, then reply, resolve, accept or reject.
//! Each change answers with the portfolio as it now is, so the window shows it at once.

use crate::error::CommandResult;
use crate::state::{AppState, now};
use crate::test_hooks::scripted_pick;
use cmalt_core::mentor_review::{ReviewImport, ReviewSummary};
use cmalt_core::recent::safe_folder_name;
use cmalt_core::session::{Decision, OpenedPortfolio, SentReview, SuggestionDecision};
use serde::Serialize;
use tauri::State;

/// A review copy written, with the portfolio that now records it.
#[derive(Serialize, ts_rs::TS)]
pub struct ReviewSent {
    pub sent: SentReview,
    pub opened: OpenedPortfolio,
}

/// A returned file read, with the portfolio that now keeps its comments and suggestions.
#[derive(Serialize, ts_rs::TS)]
pub struct ReviewBrought {
    pub report: ReviewImport,
    pub opened: OpenedPortfolio,
}

/// Suggestions decided, what became of each, and the portfolio with its text as it now is.
#[derive(Serialize, ts_rs::TS)]
pub struct SuggestionsDecided {
    pub decisions: Vec<SuggestionDecision>,
    /// "Accepted 3 suggestions.", in the core's words.
    pub notice: String,
    pub opened: OpenedPortfolio,
}

#[tauri::command(async)]
pub fn mentor_reviews(state: State<'_, AppState>) -> CommandResult<Vec<ReviewSummary>> {
    state.with_session(|s| Ok(s.mentor_reviews()))
}

/// Asks where to save the review copy for `reviewer`, then writes it; `None` when cancelled.
#[tauri::command]
pub async fn send_for_review(
    state: State<'_, AppState>,
    reviewer: String,
) -> CommandResult<Option<ReviewSent>> {
    let title = state.with_session(|s| Ok(s.portfolio().display_title()))?;
    let out = match scripted_pick() {
        Some(path) => Some(path),
        None => rfd::AsyncFileDialog::new()
            .set_title("Save the review copy (a Word document to send)")
            .set_file_name(format!("{} - review copy.docx", safe_folder_name(&title)))
            .add_filter("Word document", &["docx"])
            .save_file()
            .await
            .map(|file| file.path().to_path_buf()),
    };
    let Some(out) = out else {
        return Ok(None);
    };
    // The dialog has asked about replacing a file that is there already.
    state.with_session(|s| {
        let sent = s.send_for_review(&out, &reviewer, true, now())?;
        Ok(Some(ReviewSent {
            sent,
            opened: s.view(),
        }))
    })
}

/// Asks for the file a reviewer sent back, then reads it in; `None` when cancelled.
#[tauri::command]
pub async fn bring_review_back(state: State<'_, AppState>) -> CommandResult<Option<ReviewBrought>> {
    state.with_session(|_| Ok(()))?;
    let file = match scripted_pick() {
        Some(path) => Some(path),
        None => rfd::AsyncFileDialog::new()
            .set_title("Bring a review back (the Word document your reviewer returned)")
            .add_filter("Word document", &["docx"])
            .pick_file()
            .await
            .map(|file| file.path().to_path_buf()),
    };
    let Some(file) = file else {
        return Ok(None);
    };
    state.with_session(|s| {
        let report = s.import_review(&file, now())?;
        Ok(Some(ReviewBrought {
            report,
            opened: s.view(),
        }))
    })
}

#[tauri::command(async)]
pub fn reply_to_review_comment(
    state: State<'_, AppState>,
    review: String,
    comment: String,
    text: String,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.reply_to_review_comment(&review, &comment, &text, now())?;
        Ok(s.view())
    })
}

#[tauri::command(async)]
pub fn resolve_review_comment(
    state: State<'_, AppState>,
    review: String,
    comment: String,
    resolved: bool,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.set_review_comment_resolved(&review, &comment, resolved, now())?;
        Ok(s.view())
    })
}

/// Accepts or rejects one suggestion, or with no `suggestion` every one still open.
#[tauri::command(async)]
pub fn decide_suggestions(
    state: State<'_, AppState>,
    review: String,
    suggestion: Option<String>,
    decision: Decision,
) -> CommandResult<SuggestionsDecided> {
    state.with_session(|s| {
        let outcome = match &suggestion {
            Some(id) => s.decide_suggestion(&review, id, decision, now())?,
            None => s.decide_all_suggestions(&review, decision, now())?,
        };
        Ok(SuggestionsDecided {
            decisions: outcome.decisions,
            notice: outcome.notice,
            opened: s.view(),
        })
    })
}
