//! CMALT Portfolio's desktop shell: the window and its commands. The real work happens in
//! `cmalt_core`; this crate only wires it to Tauri. The command line is `crates/cli`.

mod bindings;
mod blocking;
mod checklist_commands;
mod command_line;
mod commands;
mod error;
mod events;
mod evidence_commands;
mod export_commands;
mod import_commands;
mod links_online;
mod navigation;
mod pdf_export;
mod review_commands;
mod state;
mod test_hooks;
mod versions_commands;
mod webview_setup;
mod writing_commands;

use cmalt_core::framework::Framework;
use cmalt_core::recent::RecentPortfolios;
use state::AppState;
use std::path::{Path, PathBuf};
use tauri::{DragDropEvent, Emitter, Manager, WindowEvent};

/// The portfolio folder named on a command line (`cmalt-portfolio-window DIR`, as the CLI's
/// `open` and the desktop file's `%f` pass it), made absolute against `cwd`.
fn folder_argument(args: impl IntoIterator<Item = String>, cwd: &Path) -> Option<PathBuf> {
    let named = args.into_iter().skip(1).find(|arg| !arg.starts_with('-'))?;
    let named = named.strip_prefix("file://").unwrap_or(&named).to_string();
    Some(cwd.join(named))
}

/// Opens the window and runs it until it closes. Returns the exit code.
pub fn run_window() -> i32 {
    // Without a display the toolkit panics; a plain sentence serves better (e.g. over ssh).
    let no_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .all(|name| std::env::var_os(name).is_none_or(|value| value.is_empty()));
    if cfg!(target_os = "linux") && no_display {
        eprintln!(
            "cmalt-portfolio: there is no display to open the window on. The command line works without one: see `cmalt-portfolio --help`."
        );
        return 2;
    }
    let framework = match Framework::bundled() {
        Ok(framework) => framework,
        Err(error) => {
            eprintln!("cmalt-portfolio: {error}");
            return 2;
        }
    };
    let recent = match RecentPortfolios::in_os_data_folder() {
        Ok(recent) => recent,
        Err(error) => {
            eprintln!("cmalt-portfolio: could not find a data folder for the app: {error}");
            return 2;
        }
    };
    let state = AppState::new(framework, recent);
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(folder) = folder_argument(std::env::args(), &cwd) {
        state.request_folder(folder);
    }
    let result = tauri::Builder::default()
        // A second launch brings the open window forward instead of starting a rival writer.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            if let Some(folder) = folder_argument(args, Path::new(&cwd)) {
                app.state::<AppState>().request_folder(folder);
                let _ = app.emit(events::OPEN_REQUESTED, ());
            }
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .setup(|app| {
            // Built here rather than from the config alone, so that every navigation and
            // every new-window request (a middle-click, `target=_blank`) passes the guard.
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|window| window.label == "main")
                .cloned()
                .ok_or("tauri.conf.json has no main window")?;
            let on_navigation = app.handle().clone();
            let on_new_window = app.handle().clone();
            tauri::WebviewWindowBuilder::from_config(app, &config)?
                .on_navigation(move |url| navigation::allow(&on_navigation, url))
                .on_new_window(move |url, _features| {
                    navigation::allow(&on_new_window, &url);
                    tauri::webview::NewWindowResponse::Deny
                })
                .build()?;
            // Underlines from the first keystroke, in British English until a portfolio
            // with another language opens.
            if let Some(window) = app.get_webview_window("main") {
                webview_setup::keep_caches_small(&window);
                writing_commands::apply_spelling(&window, cmalt_core::spelling::default_language());
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // Dropped files are held in Rust; the webview is told their names only.
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                let state = window.state::<AppState>();
                let names = evidence_commands::files_dropped(&state, paths.clone());
                let _ = window.emit(events::EVIDENCE_DROPPED, events::EvidenceDropped { names });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::framework,
            commands::recent_portfolios,
            commands::forget_recent,
            commands::create_portfolio,
            commands::open_portfolio_dialog,
            commands::open_recent,
            commands::open_requested_portfolio,
            commands::restore_newest_backup,
            commands::close_portfolio,
            commands::current_portfolio,
            commands::save_section,
            commands::save_details,
            commands::save_confirmation,
            commands::save_assessor,
            commands::preview_markdown,
            commands::words_note,
            commands::preview_pathway_change,
            commands::change_pathway,
            commands::add_area,
            commands::remove_area,
            evidence_commands::evidence_library,
            evidence_commands::attach_files_dialog,
            evidence_commands::attach_dropped,
            evidence_commands::make_smaller_copy,
            evidence_commands::attach_smaller_copy,
            evidence_commands::attach_link,
            evidence_commands::attach_pasted_image,
            evidence_commands::save_evidence_details,
            evidence_commands::replace_evidence_file,
            evidence_commands::remove_evidence,
            evidence_commands::cite,
            evidence_commands::uncite,
            evidence_commands::set_citations,
            evidence_commands::open_evidence,
            evidence_commands::describe_evidence_date,
            commands::open_web_link,
            writing_commands::find_in_portfolio,
            writing_commands::replace_in_portfolio,
            writing_commands::use_spelling,
            checklist_commands::checklist,
            checklist_commands::submission_plan,
            checklist_commands::apply_checklist_fix,
            checklist_commands::before_sharing,
            checklist_commands::check_links_online,
            checklist_commands::save_confirmations,
            checklist_commands::save_self_rating,
            checklist_commands::set_target_date,
            checklist_commands::set_registered_on,
            import_commands::import_draft_dialog,
            import_commands::not_placed_note,
            import_commands::set_aside_not_placed,
            export_commands::export_estimate,
            export_commands::export_portfolio,
            export_commands::open_last_export,
            export_commands::reveal_last_export,
            export_commands::print_portfolio,
            export_commands::open_bundle_dialog,
            versions_commands::versions_overview,
            versions_commands::take_snapshot,
            versions_commands::view_snapshot,
            versions_commands::compare_with_snapshot,
            versions_commands::restore_snapshot_copy,
            versions_commands::export_snapshot,
            versions_commands::record_assessment,
            versions_commands::set_accredited_on,
            versions_commands::plan_upgrade,
            versions_commands::upgrade_pathway,
            versions_commands::start_review,
            versions_commands::save_review,
            versions_commands::list_backups,
            versions_commands::restore_backup_copy,
            review_commands::mentor_reviews,
            review_commands::send_for_review,
            review_commands::bring_review_back,
            review_commands::reply_to_review_comment,
            review_commands::resolve_review_comment,
            review_commands::decide_suggestions,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("cmalt-portfolio: the window could not start: {error}");
            1
        }
    }
}
