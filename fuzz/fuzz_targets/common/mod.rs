//! What the fuzz targets share: the bundled framework, a fixed clock, and a scratch folder
//! for the code that reads and writes files rather than bytes.

#![allow(dead_code)] // each target uses only part of this

use cmalt_core::framework::Framework;
use std::path::Path;
use std::sync::LazyLock;
use time::OffsetDateTime;

/// The framework the app ships with, parsed once per process rather than once per input.
pub static FRAMEWORK: LazyLock<Framework> =
    LazyLock::new(|| Framework::bundled().expect("the bundled framework is valid"));

/// A fixed "now", so a crashing input replays the same way on any day.
pub const NOW: OffsetDateTime = time::macros::datetime!(2026-03-01 12:00 UTC);

/// One scratch folder per fuzzing process (in `TMPDIR`; `scripts/fuzz.sh` points that at
/// memory), removed when the process exits normally.
pub static SCRATCH: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    tempfile::Builder::new()
        .prefix("cmalt-fuzz-")
        .tempdir()
        .expect("a scratch folder can be made")
});

/// Writes `bytes` to `name` in the scratch folder and returns its path.
pub fn scratch_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = SCRATCH.path().join(name);
    std::fs::write(&path, bytes).expect("the scratch folder is writable");
    path
}

/// Removes what a run left at `path`, so the next run starts from the same empty state.
pub fn clear(path: &Path) {
    if path.is_dir() {
        std::fs::remove_dir_all(path).expect("a scratch folder can be removed");
    } else if path.exists() {
        std::fs::remove_file(path).expect("a scratch file can be removed");
    }
}
