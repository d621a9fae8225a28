//! Exporting from the window: the size report before and after, the destination chosen
//! with a native dialog, then open or show the result; printing through the browser; and
//! opening an exported bundle again as a portfolio.

use crate::blocking::off_the_event_loop;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, now};
use crate::test_hooks::scripted_pick;
use cmalt_core::export::revisions::RevisionSummary;
use cmalt_core::export::sizes::SizeReport;
use cmalt_core::export::{self, ExportExtras, ExportFormat, ExportOptions, ExportOutcome};
use cmalt_core::recent::{free_folder_in, safe_folder_name};
use cmalt_core::session::OpenedPortfolio;
use cmalt_core::session::Session;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;

fn export_error(error: export::ExportError) -> CommandError {
    // "exists" lets the window offer to replace an earlier export.
    let code = match error {
        export::ExportError::TargetExists(_) => ErrorCode::Exists,
        _ => ErrorCode::Refused,
    };
    CommandError::new(code, error.to_string())
}

/// Where to export `name`: the scripted pick, or the native dialog (a new folder inside the
/// one chosen, or the file to save as, titled `save_title`); `None` when the candidate cancels.
pub(crate) async fn choose_target(
    format: ExportFormat,
    name: &str,
    save_title: &str,
) -> Option<PathBuf> {
    if let Some(path) = scripted_pick() {
        return Some(path);
    }
    let (extension, label) = match format {
        ExportFormat::Folder => {
            let parent = rfd::AsyncFileDialog::new()
                .set_title("Choose the folder to export into")
                .pick_folder()
                .await?;
            return Some(free_folder_in(parent.path(), &format!("{name}-export")));
        }
        ExportFormat::Zip => ("zip", "Zip file"),
        ExportFormat::SingleHtml => ("html", "Web page"),
        ExportFormat::Docx => ("docx", "Word document"),
        ExportFormat::Pdf => ("pdf", "PDF document"),
    };
    rfd::AsyncFileDialog::new()
        .set_title(save_title)
        .set_file_name(format!("{name}.{extension}"))
        .add_filter(label, &[extension])
        .save_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// A re-submission's summary of revisions since snapshot `since`, when one is asked for.
fn extras(session: &Session, revisions_since: Option<&str>) -> CommandResult<ExportExtras> {
    let revisions = match revisions_since {
        Some(since) => Some(
            RevisionSummary::since(
                session.framework(),
                session.folder(),
                session.portfolio(),
                since,
            )
            .map_err(|e| CommandError::new(ErrorCode::Refused, e.to_string()))?,
        ),
        None => None,
    };
    // No PDF writer: the window has none of the typesetter (see `pdf_export`).
    Ok(ExportExtras {
        revisions,
        pdf: None,
    })
}

/// What an export needs, copied under the session's lock: the export itself then runs on a
/// worker thread without it, so typing and saving never wait behind a 30 MB zip.
struct ExportInput {
    framework: std::sync::Arc<cmalt_core::framework::Framework>,
    folder: PathBuf,
    portfolio: cmalt_core::model::Portfolio,
    extras: ExportExtras,
}

fn export_input(state: &AppState, revisions_since: Option<&str>) -> CommandResult<ExportInput> {
    state.with_session(|s| {
        Ok(extras(s, revisions_since).map(|extras| ExportInput {
            framework: state.framework.clone(),
            folder: s.folder().to_path_buf(),
            portfolio: s.portfolio().clone(),
            extras,
        }))
    })?
}

#[tauri::command]
pub async fn export_estimate(
    state: State<'_, AppState>,
    options: ExportOptions,
    revisions_since: Option<String>,
) -> CommandResult<SizeReport> {
    if options.format == ExportFormat::Pdf {
        let folder = state.with_session(|s| Ok(s.folder().to_path_buf()))?;
        return off_the_event_loop("The export stopped", ErrorCode::Refused, move || {
            crate::pdf_export::estimate(&folder, revisions_since.as_deref())
        })
        .await;
    }
    let input = export_input(&state, revisions_since.as_deref())?;
    off_the_event_loop("The export stopped", ErrorCode::Refused, move || {
        export::estimate(
            &input.framework,
            &input.folder,
            &input.portfolio,
            options,
            &input.extras,
            now(),
        )
        .map_err(export_error)
    })
    .await
}

/// Asks where to export, then exports; `None` when the candidate cancels.
#[tauri::command]
pub async fn export_portfolio(
    state: State<'_, AppState>,
    options: ExportOptions,
    revisions_since: Option<String>,
) -> CommandResult<Option<ExportOutcome>> {
    let title = state.with_session(|s| Ok(s.portfolio().display_title()))?;
    let name = safe_folder_name(&title);
    let Some(target) = choose_target(options.format, &name, "Export the portfolio as").await else {
        return Ok(None);
    };
    // The native save dialog has already asked whether to replace an existing file.
    let options = ExportOptions {
        replace: options.replace
            || (options.format != ExportFormat::Folder && scripted_pick().is_none()),
        ..options
    };
    let input = export_input(&state, revisions_since.as_deref())?;
    let outcome = off_the_event_loop("The export stopped", ErrorCode::Refused, move || {
        if options.format == ExportFormat::Pdf {
            // Of the portfolio as saved: the window saves what is typed before it exports.
            return crate::pdf_export::export(
                &input.folder,
                &target,
                options.replace,
                revisions_since.as_deref(),
            );
        }
        export::export_with(
            &input.framework,
            &input.folder,
            &input.portfolio,
            &target,
            options,
            &input.extras,
            now(),
        )
        .map_err(export_error)
    })
    .await?;
    *state.last_export() = Some(outcome.path.clone());
    Ok(Some(outcome))
}

fn last_export(state: &AppState) -> CommandResult<PathBuf> {
    state.last_export().clone().ok_or_else(|| {
        CommandError::new(
            ErrorCode::Refused,
            "Nothing has been exported in this session yet.",
        )
    })
}

/// Opens the last export: a folder's `index.html`, or the file itself.
#[tauri::command(async)]
pub fn open_last_export(app: AppHandle, state: State<'_, AppState>) -> CommandResult<()> {
    let path = last_export(&state)?;
    let page = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    app.opener()
        .open_path(page.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            CommandError::new(
                ErrorCode::Refused,
                format!("The system could not open it: {e}"),
            )
        })
}

#[tauri::command(async)]
pub fn reveal_last_export(app: AppHandle, state: State<'_, AppState>) -> CommandResult<()> {
    let path = last_export(&state)?;
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        CommandError::new(
            ErrorCode::Refused,
            format!("The system could not show it: {e}"),
        )
    })
}

/// Writes the portfolio as one page in a temporary folder and opens it in the browser,
/// whose Print dialog saves it as a PDF with the export's print stylesheet.
#[tauri::command(async)]
pub fn print_portfolio(app: AppHandle, state: State<'_, AppState>) -> CommandResult<String> {
    let folder = state.recent.private_folder("print").map_err(|e| {
        CommandError::new(
            ErrorCode::Refused,
            format!("A temporary file could not be made: {e}"),
        )
    })?;
    let options = ExportOptions {
        format: ExportFormat::SingleHtml,
        embed_all_files: false,
        replace: true,
    };
    let outcome = state
        .with_session(|s| {
            let page = folder.join(format!(
                "{}.html",
                safe_folder_name(&s.portfolio().display_title())
            ));
            Ok(export::export(
                s.framework(),
                s.folder(),
                s.portfolio(),
                &page,
                options,
                now(),
            ))
        })?
        .map_err(export_error)?;
    if scripted_pick().is_none() {
        app.opener()
            .open_path(outcome.path.to_string_lossy(), None::<&str>)
            .map_err(|e| {
                CommandError::new(
                    ErrorCode::Refused,
                    format!("The browser could not be opened: {e}"),
                )
            })?;
    }
    Ok(outcome.path.to_string_lossy().into_owned())
}

/// The folder a picked bundle file stands for: a zip is itself; `index.html` or
/// `portfolio.json` inside an exported folder stand for that folder.
fn bundle_of(picked: &Path) -> PathBuf {
    let is_zip = picked
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    match picked.parent() {
        Some(folder) if !is_zip && picked.is_file() => folder.to_path_buf(),
        _ => picked.to_path_buf(),
    }
}

/// Opens an exported bundle (a zip, or a folder through its index.html or portfolio.json)
/// as a new portfolio in the app's data folder; `None` when the candidate cancels.
#[tauri::command]
pub async fn open_bundle_dialog(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<OpenedPortfolio>> {
    let picked = match scripted_pick() {
        Some(path) => Some(path),
        None => rfd::AsyncFileDialog::new()
            .set_title("Open an exported portfolio (its .zip, or index.html in its folder)")
            .add_filter("Exported portfolio", &["zip", "html", "json"])
            .pick_file()
            .await
            .map(|file| file.path().to_path_buf()),
    };
    let Some(picked) = picked else {
        return Ok(None);
    };
    let bundle = bundle_of(&picked);
    let stem = bundle
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = state.recent.folder_for_new(&stem);
    // A line of progress while a large bundle is checked and copied.
    let reopened = export::reopen::open_bundle_reporting(
        &bundle,
        &folder,
        &state.framework,
        &mut |progress| {
            let _ = app.emit(crate::events::WORK_PROGRESS, progress);
        },
    )
    .map_err(|e| CommandError::new(ErrorCode::Refused, e.to_string()))?;
    Ok(Some(state.open_fresh(&reopened.folder)?))
}
