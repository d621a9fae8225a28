//! What the command-line tests share: running the built binary headless, and reading what
//! it printed.

#![allow(dead_code)]

use std::process::{Command, Output};

pub const BINARY: &str = env!("CARGO_BIN_EXE_cmalt-portfolio");

/// Runs `cmalt-portfolio` with `args` and no display, as a script would.
pub fn run(args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

/// Output as text, whatever bytes it held.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
