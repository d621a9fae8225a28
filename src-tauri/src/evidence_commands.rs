//! The evidence library's commands. Files are picked (or dropped) and read in Rust; the
//! webview only ever sees names, handles and what the store serves.

use crate::blocking::off_the_event_loop;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, clock, now};
use crate::test_hooks::scripted_picks;
use cmalt_core::evidence::EvidenceDetails;
use cmalt_core::model::Citation;
use cmalt_core::session::{AttachOutcome, LibraryView, LinkRequest, OpenTarget, Saved};
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

async fn pick_files(title: &str, multiple: bool) -> Vec<PathBuf> {
    if let Some(paths) = scripted_picks() {
        return paths;
    }
    let dialog = rfd::AsyncFileDialog::new().set_title(title);
    if multiple {
        dialog
            .pick_files()
            .await
            .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
            .unwrap_or_default()
    } else {
        dialog
            .pick_file()
            .await
            .map(|f| vec![f.path().to_path_buf()])
            .unwrap_or_default()
    }
}

#[derive(Serialize, ts_rs::TS)]
pub struct AttachReport {
    name: String,
    outcome: Option<AttachOutcome>,
    error: Option<CommandError>,
}

/// Attaches each file in turn; a refusal of one does not stop the others.
fn attach_all(
    state: &AppState,
    paths: Vec<PathBuf>,
    sections: &[String],
) -> CommandResult<Vec<AttachReport>> {
    let mut reports = Vec::new();
    for path in paths {
        let name = cmalt_core::evidence::files::display_name(&path);
        let result = state.with_session(|s| s.attach_file(&path, "", sections, now()));
        reports.push(match result {
            Ok(outcome) => AttachReport {
                name,
                outcome: Some(outcome),
                error: None,
            },
            Err(mut error) => {
                if error.code == ErrorCode::NoPortfolioOpen {
                    return Err(error);
                }
                if error.can_make_smaller == Some(true) || error.code == ErrorCode::TooLarge {
                    let mut pending = state.pending();
                    let handle = pending.handle();
                    pending.oversized.insert(handle.clone(), path);
                    error.pending = Some(handle);
                }
                AttachReport {
                    name,
                    outcome: None,
                    error: Some(error),
                }
            }
        });
    }
    Ok(reports)
}

#[tauri::command(async)]
pub fn evidence_library(state: State<'_, AppState>) -> CommandResult<LibraryView> {
    state.with_session(|s| Ok(s.library_view(clock().today())))
}

#[tauri::command]
pub async fn attach_files_dialog(
    state: State<'_, AppState>,
    sections: Vec<String>,
) -> CommandResult<Vec<AttachReport>> {
    let paths = pick_files("Attach evidence", true).await;
    attach_all(&state, paths, &sections)
}

#[tauri::command(async)]
pub fn attach_dropped(
    state: State<'_, AppState>,
    sections: Vec<String>,
) -> CommandResult<Vec<AttachReport>> {
    let paths = std::mem::take(&mut state.pending().dropped);
    attach_all(&state, paths, &sections)
}

#[derive(Serialize, ts_rs::TS)]
pub struct SmallerCopyPreview {
    pending: String,
    original_name: String,
    file_name: String,
    before_bytes: u64,
    after_bytes: u64,
    /// The two sizes in words, "2.4 MB" and "640 KB".
    before_size: String,
    after_size: String,
    width: u32,
    height: u32,
    original_width: u32,
    original_height: u32,
    preview: String,
}

#[tauri::command]
pub async fn make_smaller_copy(
    state: State<'_, AppState>,
    pending: String,
) -> CommandResult<SmallerCopyPreview> {
    let path = state
        .pending()
        .oversized
        .get(&pending)
        .cloned()
        .ok_or_else(|| {
            CommandError::new(
                ErrorCode::Refused,
                "That file is no longer waiting to be attached. Please attach it again.",
            )
        })?;
    let limit = state.framework.evidence_file_limit_bytes;
    // Decoding and re-encoding a large photo takes a moment: keep it off the event loop.
    let made = off_the_event_loop(
        "Making the smaller copy stopped",
        ErrorCode::Refused,
        move || {
            cmalt_core::evidence::smaller_copy::smaller_copy_of(&path, limit)
                .map_err(|e| CommandError::new(ErrorCode::Refused, e.to_string()))
        },
    )
    .await?;
    let cmalt_core::evidence::smaller_copy::SmallerFile {
        original_name,
        file_name,
        before_bytes: size,
        copy,
    } = made;
    let preview = format!(
        "data:{};base64,{}",
        copy.media_type,
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &copy.bytes)
    );
    let handle = {
        let mut pending_files = state.pending();
        let handle = pending_files.handle();
        pending_files
            .smaller
            .insert(handle.clone(), (file_name.clone(), copy.bytes.clone()));
        handle
    };
    Ok(SmallerCopyPreview {
        pending: handle,
        original_name,
        file_name,
        before_bytes: size,
        after_bytes: copy.bytes.len() as u64,
        before_size: cmalt_core::evidence::files::megabytes(size),
        after_size: cmalt_core::evidence::files::megabytes(copy.bytes.len() as u64),
        width: copy.width,
        height: copy.height,
        original_width: copy.original_width,
        original_height: copy.original_height,
        preview,
    })
}

#[tauri::command(async)]
pub fn attach_smaller_copy(
    state: State<'_, AppState>,
    pending: String,
    title: String,
    sections: Vec<String>,
) -> CommandResult<AttachOutcome> {
    let (file_name, bytes) = state.pending().smaller.remove(&pending).ok_or_else(|| {
        CommandError::new(
            ErrorCode::Refused,
            "That smaller copy is no longer waiting. Please make it again.",
        )
    })?;
    state.with_session(|s| s.attach_bytes(&file_name, &bytes, &title, &sections, now()))
}

/// A picture pasted into a section's text: the core checks what the bytes are and the limit.
#[tauri::command(async)]
pub fn attach_pasted_image(
    state: State<'_, AppState>,
    section_id: String,
    bytes: Vec<u8>,
) -> CommandResult<AttachOutcome> {
    state.with_session(|s| s.attach_pasted_image(&bytes, &[section_id], now()))
}

#[tauri::command(async)]
pub fn attach_link(
    state: State<'_, AppState>,
    link: LinkRequest,
    sections: Vec<String>,
) -> CommandResult<AttachOutcome> {
    state.with_session(|s| s.attach_link(link, &sections, now()))
}

#[tauri::command(async)]
pub fn save_evidence_details(
    state: State<'_, AppState>,
    evidence_id: String,
    details: EvidenceDetails,
) -> CommandResult<Saved> {
    state.with_session(|s| s.save_evidence_details(&evidence_id, details, now()))
}

#[tauri::command]
pub async fn replace_evidence_file(
    state: State<'_, AppState>,
    evidence_id: String,
) -> CommandResult<Option<Saved>> {
    let Some(path) = pick_files("Choose the new file", false)
        .await
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    state
        .with_session(|s| s.replace_evidence_file(&evidence_id, &path, now()))
        .map(Some)
}

#[tauri::command(async)]
pub fn remove_evidence(state: State<'_, AppState>, evidence_id: String) -> CommandResult<Saved> {
    state.with_session(|s| s.remove_evidence(&evidence_id, now()))
}

#[tauri::command(async)]
pub fn cite(
    state: State<'_, AppState>,
    section_id: String,
    evidence_id: String,
) -> CommandResult<Saved> {
    state.with_session(|s| s.cite(&section_id, &evidence_id, now()))
}

#[tauri::command(async)]
pub fn uncite(
    state: State<'_, AppState>,
    section_id: String,
    evidence_id: String,
) -> CommandResult<Saved> {
    state.with_session(|s| s.uncite(&section_id, &evidence_id, now()))
}

#[tauri::command(async)]
pub fn set_citations(
    state: State<'_, AppState>,
    section_id: String,
    citations: Vec<Citation>,
) -> CommandResult<Saved> {
    state.with_session(|s| s.set_citations(&section_id, citations, now()))
}

/// Opens a file from the portfolio's own evidence folder, or a checked web link; nothing else.
#[tauri::command(async)]
pub fn open_evidence(
    app: AppHandle,
    state: State<'_, AppState>,
    evidence_id: String,
) -> CommandResult<()> {
    let opened = match state.with_session(|s| s.what_to_open(&evidence_id))? {
        OpenTarget::File(path) => app.opener().open_path(path.to_string_lossy(), None::<&str>),
        OpenTarget::Link(url) => app.opener().open_url(url, None::<&str>),
    };
    opened.map_err(|e| {
        CommandError::new(
            ErrorCode::Refused,
            format!("The system could not open it: {e}"),
        )
    })
}

/// Records files dropped on the window and tells the webview their names only.
pub fn files_dropped(state: &AppState, paths: Vec<PathBuf>) -> Vec<String> {
    let names = paths
        .iter()
        .map(|p| cmalt_core::evidence::files::display_name(p))
        .collect();
    state.pending().dropped = paths;
    names
}

/// What the window says of an evidence date while it is typed: understood or not, how it
/// reads, and whether it needs a reason (older than the recent years), as the checklist says.
#[tauri::command(async)]
pub fn describe_evidence_date(
    state: State<'_, AppState>,
    date: String,
) -> cmalt_core::evidence::EvidenceDate {
    cmalt_core::evidence::describe_date(
        &date,
        state.framework.evidence_recent_years,
        clock().today(),
    )
}
