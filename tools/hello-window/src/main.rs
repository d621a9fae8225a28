//! A minimal Tauri 2 window showing a one-line page: the app's weight is measured against it.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the hello window could not start");
}
