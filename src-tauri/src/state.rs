//! What the running app holds: the framework, the app's data folder, and the portfolio
//! open in the window (at most one, locked on disk while it is open).

use cmalt_core::framework::Framework;
use cmalt_core::library::Library;
use cmalt_core::session::Session;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct AppState {
    pub framework: Arc<Framework>,
    pub library: Library,
    session: Mutex<Option<Session>>,
}

impl AppState {
    pub fn new(framework: Framework, library: Library) -> Self {
        AppState {
            framework: Arc::new(framework),
            library,
            session: Mutex::new(None),
        }
    }

    /// The open session; a panic in another command must not lock the candidate out.
    pub fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
