//! Build script: embeds tauri.conf.json and the UI, and generates one permission per command
//! so the capability file can allow exactly the commands the window uses. The commands are
//! read from lib.rs's `generate_handler!`, the one list of them.

include!("command_list.rs");

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
    println!("cargo:rerun-if-changed=src-tauri/src/lib.rs");
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    let lib_rs = std::fs::read_to_string("src-tauri/src/lib.rs").expect("src-tauri/src/lib.rs");
    // tauri-build wants a static list; the build script ends right after, so leaking is free.
    let commands: &'static [&'static str] = Box::leak(
        handler_commands(&lib_rs)
            .into_iter()
            .map(|name| &*Box::leak(name.into_boxed_str()))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    println!("cargo:rerun-if-changed=assets/framework.json");
    println!("cargo:rerun-if-changed=ui/dist");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
