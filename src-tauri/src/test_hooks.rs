//! What the end-to-end tests drive in place of a person: answers to the native file dialogs,
//! which WebDriver cannot click, and a note of the addresses the system browser would open. Compiled only into a build made for tests (the `test-hooks`
//! feature, which `scripts/test.sh` turns on); in the released app nothing here exists, so
//! nothing that launches it can attach files without a dialog.

use std::path::PathBuf;

/// Set to a list of paths (separated like PATH) to answer the file dialogs without showing
/// them.
#[cfg(feature = "test-hooks")]
const PICK_FILES_ENV: &str = "CMALT_PORTFOLIO_PICK_FILES";

/// The paths a test set in place of any file dialog, if it did.
#[cfg(feature = "test-hooks")]
pub fn scripted_picks() -> Option<Vec<PathBuf>> {
    std::env::var_os(PICK_FILES_ENV).map(|paths| std::env::split_paths(&paths).collect())
}

/// The released app always shows the dialog.
#[cfg(not(feature = "test-hooks"))]
pub fn scripted_picks() -> Option<Vec<PathBuf>> {
    None
}

/// The first scripted path, for dialogs that pick one file or folder.
pub fn scripted_pick() -> Option<PathBuf> {
    scripted_picks().and_then(|paths| paths.into_iter().next())
}

/// Set to a file: addresses the app would hand to the system browser are appended to it
/// instead, so a test can see where a link went without a browser opening.
#[cfg(feature = "test-hooks")]
const HANDED_OVER_ENV: &str = "CMALT_PORTFOLIO_HANDED_OVER_LOG";

/// Writes down `address` for the test that asked for it; `false` when no test did.
#[cfg(feature = "test-hooks")]
pub fn record_handed_over(address: &str) -> bool {
    let Some(log) = std::env::var_os(HANDED_OVER_ENV) else {
        return false;
    };
    use std::io::Write as _;
    let _ = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut file| writeln!(file, "{address}"));
    true
}

/// The released app always hands the address to the system.
#[cfg(not(feature = "test-hooks"))]
pub fn record_handed_over(_address: &str) -> bool {
    false
}
