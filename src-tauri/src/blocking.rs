//! Work that blocks (exports, decoding a large photo) runs on a thread of its own, off the
//! window's event loop, so the window keeps answering while it runs.

use crate::error::{CommandError, CommandResult, ErrorCode};

/// Runs `work` on a thread for blocking work. `stopped` says in the candidate's words what
/// stopped if the thread itself fails (it panicked): "The export stopped".
pub async fn off_the_event_loop<T: Send + 'static>(
    stopped: &'static str,
    code: ErrorCode,
    work: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::new(code, format!("{stopped}: {e}")))?
}
