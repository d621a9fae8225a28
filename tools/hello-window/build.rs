//! Build script: embeds tauri.conf.json and the one-line page.

fn main() {
    tauri_build::build();
}
