//! The window stays locked down: a strict CSP with no remote origins and no eval, and a
//! capability that grants only our own commands plus the window's close handling. A change
//! that loosens either fails here and has to be argued for.

use std::collections::BTreeSet;

fn read_json(path: &str) -> serde_json::Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_slice(&std::fs::read(&full).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

include!("../src-tauri/command_list.rs");

/// The commands the window has, from the one list of them (lib.rs's `generate_handler!`),
/// read as build.rs reads it for the permissions.
fn declared_commands() -> BTreeSet<String> {
    let lib_rs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/src/lib.rs"))
            .unwrap();
    handler_commands(&lib_rs).into_iter().collect()
}

/// The commands the UI calls, from its one wrapper module.
fn invoked_by_the_ui() -> BTreeSet<String> {
    let api =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/api.ts")).unwrap();
    api.split("invoke<")
        .skip(1)
        .filter_map(|call| call.split('"').nth(1))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_ui_calls_exactly_the_commands_the_window_has() {
    assert_eq!(
        invoked_by_the_ui(),
        declared_commands(),
        "ui/src/api.ts and lib.rs's generate_handler! must list the same commands"
    );
}

#[test]
fn the_csp_allows_no_remote_content_and_no_eval() {
    let config = read_json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("the CSP is a directive map");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(
        csp["script-src"], "'self'",
        "scripts only from the app itself"
    );
    assert_eq!(csp["object-src"], "'none'");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        assert!(
            !value.contains("unsafe-eval"),
            "{directive} must not allow eval"
        );
        for source in value.split_whitespace() {
            let remote = source.starts_with("http") && source != "http://ipc.localhost";
            assert!(
                !remote && source != "*" && !source.starts_with("https:"),
                "{directive} allows remote {source}"
            );
        }
    }
    assert!(
        !csp["script-src"]
            .as_str()
            .unwrap()
            .contains("unsafe-inline"),
        "no inline scripts"
    );
    assert!(
        config["app"]["withGlobalTauri"].is_null() || config["app"]["withGlobalTauri"] == false,
        "the Tauri API is not put on window for any script to find"
    );
}

#[test]
fn the_capability_grants_only_what_the_window_needs() {
    let capability = read_json("src-tauri/capabilities/main-window.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are plain identifiers, no scopes")
                .to_string()
        })
        .collect();
    let mut expected: BTreeSet<String> = declared_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // The close handler listens for the close request and then closes the window itself.
    expected.extend(
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-destroy",
        ]
        .map(String::from),
    );
    assert_eq!(
        granted, expected,
        "every permission must be one the window uses, and nothing more"
    );
    let config = read_json("tauri.conf.json");
    assert_eq!(
        config["app"]["security"]["capabilities"],
        serde_json::json!(["main-window"])
    );
}
