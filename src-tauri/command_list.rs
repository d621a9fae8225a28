// The window's command names, read from the one place they are listed: the
// `tauri::generate_handler![...]` of src-tauri/src/lib.rs. Included by build.rs (for the
// permissions it generates) and by tests/security_config.rs (for the capability and the UI's
// api.ts), so none of them keeps a copy.

/// The command names in `generate_handler![module::name, ...]` of `lib_rs`, in order.
pub fn handler_commands(lib_rs: &str) -> Vec<String> {
    let list = lib_rs
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("src-tauri/src/lib.rs lists its commands in tauri::generate_handler![...]");
    list.split(',')
        .map(|path| path.trim())
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_string())
        .collect()
}
