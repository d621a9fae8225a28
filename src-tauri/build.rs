//! Build script: embeds tauri.conf.json and the UI, and generates one permission per command
//! so the capability file can allow exactly the commands the window uses.

/// Every command the window may call; keep in step with `commands.rs` and the capability.
const COMMANDS: &[&str] = &[
    "app_info",
    "framework",
    "recent_portfolios",
    "forget_recent",
    "create_portfolio",
    "open_portfolio_dialog",
    "open_recent",
    "restore_newest_backup",
    "close_portfolio",
    "current_portfolio",
    "save_section",
    "save_details",
    "save_confirmation",
    "save_assessor",
    "preview_markdown",
    "preview_pathway_change",
    "change_pathway",
    "add_area",
    "remove_area",
    "evidence_library",
    "attach_files_dialog",
    "attach_dropped",
    "make_smaller_copy",
    "attach_smaller_copy",
    "attach_link",
    "save_evidence_details",
    "replace_evidence_file",
    "remove_evidence",
    "cite",
    "uncite",
    "set_citations",
    "open_evidence",
    "open_web_link",
    "checklist",
    "submission_windows",
    "save_confirmations",
    "save_self_rating",
    "set_target_window",
    "import_draft_dialog",
    "not_placed_note",
    "set_aside_not_placed",
    "export_estimate",
    "export_portfolio",
    "open_last_export",
    "reveal_last_export",
    "print_portfolio",
    "open_bundle_dialog",
    "versions_overview",
    "take_snapshot",
    "view_snapshot",
    "compare_with_snapshot",
    "restore_snapshot_copy",
    "export_snapshot",
    "record_assessment",
    "set_accredited_on",
    "plan_upgrade",
    "upgrade_pathway",
    "start_review",
    "save_review",
    "list_backups",
    "restore_backup_copy",
];

fn main() {
    // The window embeds the built UI; a fresh clone has none yet. One plain line instead of
    // tauri's proc-macro panic about `frontendDist`.
    if !std::path::Path::new("ui/dist/index.html").is_file() {
        eprintln!(
            "The UI is not built yet (ui/dist is missing): run scripts/run.sh, which builds it, or `cd ui && npm ci && npm run build`. (The command line, crates/cli, builds without it.)"
        );
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=assets/framework.json");
    println!("cargo:rerun-if-changed=ui/dist");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
