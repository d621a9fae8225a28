//! The command line stands on its own (issue 13): it links no window toolkit, so it runs on
//! a server or a CI image without WebKit or GTK, and with no verb it hands over to the
//! window's binary beside it, which says plainly when there is no display to open on.

mod cli_support;
use cli_support::{BINARY, run, text};

use std::path::Path;
use std::process::Command;

#[cfg(target_os = "linux")]
#[test]
fn the_command_line_links_no_window_toolkit() {
    let output = Command::new("ldd").arg(BINARY).output().expect("ldd runs");
    let libraries = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        libraries.contains("libc.so"),
        "ldd lists the libraries: {libraries}"
    );
    for toolkit in ["webkit", "gtk", "gdk", "javascriptcore", "soup"] {
        assert!(
            !libraries.contains(toolkit),
            "cmalt-portfolio must not link {toolkit}: {libraries}"
        );
    }
}

#[test]
fn with_no_verb_it_hands_over_to_the_window_beside_it() {
    let output = run(&[]);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    let window = Path::new(BINARY).with_file_name("cmalt-portfolio-window");
    if window.is_file() {
        // `run` removes the display: the window itself answers, so the hand-over happened.
        assert!(
            message.contains("there is no display to open the window on"),
            "{message}"
        );
    } else {
        assert!(
            message.contains("is not installed beside this command"),
            "{message}"
        );
    }
}

#[test]
fn open_refuses_a_folder_that_is_not_a_portfolio_in_plain_words() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("nowhere");
    for args in [
        vec!["open", missing.to_str().unwrap()],
        vec![missing.to_str().unwrap()],
    ] {
        let output = run(&args);
        let message = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{message}");
        assert!(message.contains("there is no folder at"), "{message}");
    }
    let output = run(&[root.path().to_str().unwrap()]);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.contains("is not a portfolio folder: it has no portfolio.json"),
        "{message}"
    );
}

#[test]
fn open_hands_a_portfolio_folder_to_the_window() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("mine");
    let created = run(&["new", folder.to_str().unwrap(), "--pathway", "cmalt"]);
    assert!(created.status.success(), "{}", text(&created.stderr));
    let output = run(&["open", folder.to_str().unwrap()]);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    // The folder passed every check here, so the window (or its absence) answers.
    let window = Path::new(BINARY).with_file_name("cmalt-portfolio-window");
    let expected = if window.is_file() {
        "there is no display to open the window on"
    } else {
        "is not installed beside this command"
    };
    assert!(message.contains(expected), "{message}");
}
