//! Versions from the window: snapshots (take, view, compare, export, restore as a copy),
//! the outcome of an assessment, upgrading the pathway, the review of practice, and the
//! rolling backups. Thin adapters over `cmalt_core::session` and `cmalt_core::versions`.

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::export_commands::choose_target;
use crate::state::{AppState, clock, now};
use cmalt_core::export::{self, ExportFormat, ExportOptions, ExportOutcome};
use cmalt_core::framework::PathwayId;
use cmalt_core::model::{Assessment, Portfolio};
use cmalt_core::recent::safe_folder_name;
use cmalt_core::session::{OpenedPortfolio, Saved};
use cmalt_core::versions::assessment::AssessmentStage;
use cmalt_core::versions::review::{ReviewPatch, ReviewStatus};
use cmalt_core::versions::upgrade::{self, UpgradePlan};
use cmalt_core::versions::{
    self, BackupVersion, Comparison, SNAPSHOT_DIR, SnapshotListing, VersionsError,
};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::State;

fn versions_error(error: VersionsError) -> CommandError {
    CommandError::new(ErrorCode::Refused, error.to_string())
}

/// Everything the Versions page shows at once.
#[derive(Serialize, ts_rs::TS)]
pub struct VersionsOverview {
    snapshots: Vec<SnapshotListing>,
    stage: AssessmentStage,
    review: ReviewStatus,
    upgrades: Vec<PathwayId>,
}

#[tauri::command(async)]
pub fn versions_overview(state: State<'_, AppState>) -> CommandResult<VersionsOverview> {
    state.with_session(|s| {
        Ok(VersionsOverview {
            snapshots: s
                .snapshots()?
                .into_iter()
                .map(|info| info.listed(&clock()))
                .collect(),
            stage: s.assessment_stage(),
            review: s.review_status(clock().today()),
            upgrades: upgrade::upgrades_from(s.framework(), s.portfolio()),
        })
    })
}

#[derive(Deserialize, ts_rs::TS)]
pub struct SnapshotRequest {
    label: String,
    submitted: bool,
    /// The submission window a submitted version was sent for, "YYYY-MM-DD".
    window: Option<String>,
}

#[tauri::command(async)]
pub fn take_snapshot(
    state: State<'_, AppState>,
    request: SnapshotRequest,
) -> CommandResult<SnapshotListing> {
    state
        .with_session(|s| s.take_snapshot(&request.label, request.submitted, request.window, now()))
        .map(|info| info.listed(&clock()))
}

#[tauri::command(async)]
pub fn view_snapshot(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<versions::SnapshotView> {
    let (folder, framework) =
        state.with_session(|s| Ok((s.folder().to_path_buf(), state.framework.clone())))?;
    let info = versions::snapshot_info(&folder, &id).map_err(versions_error)?;
    let portfolio = versions::load_snapshot(&folder, &id).map_err(versions_error)?;
    Ok(versions::snapshot_view(
        &framework,
        info.listed(&clock()),
        &portfolio,
    ))
}

#[tauri::command(async)]
pub fn compare_with_snapshot(state: State<'_, AppState>, id: String) -> CommandResult<Comparison> {
    state.with_session(|s| s.changes_since(&id))
}

/// A new portfolio made from a snapshot or a backup, kept among the recent portfolios.
#[derive(Serialize, ts_rs::TS)]
pub struct RestoredCopy {
    folder: String,
    title: String,
}

fn remember_copy(state: &AppState, folder: PathBuf, portfolio: &Portfolio) -> RestoredCopy {
    let _ = state.recent.remember(&folder);
    RestoredCopy {
        folder: folder.to_string_lossy().into_owned(),
        title: portfolio.display_title(),
    }
}

#[tauri::command(async)]
pub fn restore_snapshot_copy(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<RestoredCopy> {
    // The new folder is named after the portfolio; the copy's own title says which version.
    let (folder, title) =
        state.with_session(|s| Ok((s.folder().to_path_buf(), s.portfolio().display_title())))?;
    let target = state
        .recent
        .folder_for_new(&format!("{title} snapshot {id}"));
    let portfolio = versions::restore_as_copy(&folder, &id, &target).map_err(versions_error)?;
    Ok(remember_copy(&state, target, &portfolio))
}

/// Exports a snapshot as it was, through the same dialog as the working portfolio's export;
/// `None` when the candidate cancels.
#[tauri::command]
pub async fn export_snapshot(
    state: State<'_, AppState>,
    id: String,
    format: ExportFormat,
) -> CommandResult<Option<ExportOutcome>> {
    let folder = state.with_session(|s| Ok(s.folder().to_path_buf()))?;
    let portfolio = versions::load_snapshot(&folder, &id).map_err(versions_error)?;
    let snapshot_folder = folder.join(SNAPSHOT_DIR).join(&id);
    let name = format!("{}-{id}", safe_folder_name(&portfolio.display_title()));
    let Some(target) = choose_target(format, &name, "Export this snapshot as").await else {
        return Ok(None);
    };
    let options = ExportOptions {
        replace: true,
        ..ExportOptions::new(format)
    };
    let outcome = export::export(
        &state.framework,
        &snapshot_folder,
        &portfolio,
        &target,
        options,
        now(),
    )
    .map_err(|e| CommandError::new(ErrorCode::Refused, e.to_string()))?;
    *state.last_export() = Some(outcome.path.clone());
    Ok(Some(outcome))
}

#[tauri::command(async)]
pub fn record_assessment(
    state: State<'_, AppState>,
    assessment: Assessment,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.record_assessment(assessment, now())?;
        Ok(s.view())
    })
}

#[tauri::command(async)]
pub fn set_accredited_on(
    state: State<'_, AppState>,
    date: Option<String>,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.set_accredited_on(date, now())?;
        Ok(s.view())
    })
}

#[tauri::command(async)]
pub fn plan_upgrade(state: State<'_, AppState>, to: PathwayId) -> CommandResult<UpgradePlan> {
    state.with_session(|s| s.plan_upgrade(to))
}

#[tauri::command(async)]
pub fn upgrade_pathway(
    state: State<'_, AppState>,
    to: PathwayId,
) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| s.upgrade(to, now()))
}

#[tauri::command(async)]
pub fn start_review(state: State<'_, AppState>) -> CommandResult<OpenedPortfolio> {
    state.with_session(|s| {
        s.start_review(now())?;
        Ok(s.view())
    })
}

#[tauri::command(async)]
pub fn save_review(state: State<'_, AppState>, patch: ReviewPatch) -> CommandResult<Saved> {
    state.with_session(|s| s.save_review(patch, now()))
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupVersion>> {
    let folder = state.with_session(|s| Ok(s.folder().to_path_buf()))?;
    versions::list_backups(&folder, &clock()).map_err(versions_error)
}

#[tauri::command(async)]
pub fn restore_backup_copy(
    state: State<'_, AppState>,
    file_name: String,
) -> CommandResult<RestoredCopy> {
    // The new folder is named after the portfolio; the copy's own title says which version.
    let (folder, title) =
        state.with_session(|s| Ok((s.folder().to_path_buf(), s.portfolio().display_title())))?;
    let target = state.recent.folder_for_new(&format!("{title} backup"));
    let portfolio =
        versions::restore_backup_as_copy(&folder, &file_name, &target).map_err(versions_error)?;
    Ok(remember_copy(&state, target, &portfolio))
}
