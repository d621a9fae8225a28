//! What the running app holds: the framework, the app's data folder, and the portfolio
//! open in the window (at most one, locked on disk while it is open).

use crate::error::{CommandError, CommandResult};
use cmalt_core::framework::Framework;
use cmalt_core::recent::RecentPortfolios;
use cmalt_core::session::{OpenedPortfolio, Session, SessionError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Files the backend holds between two steps of a flow, so their paths and bytes never
/// have to pass through the webview.
#[derive(Default)]
pub struct PendingFiles {
    /// Paths last dropped on the window, waiting for the candidate to confirm.
    pub dropped: Vec<PathBuf>,
    /// Oversized images the candidate may shrink, by handle.
    pub oversized: HashMap<String, PathBuf>,
    /// Smaller copies made and shown, waiting to be attached: (file name, bytes).
    pub smaller: HashMap<String, (String, Vec<u8>)>,
    pub next_handle: u64,
}

impl PendingFiles {
    pub fn handle(&mut self) -> String {
        self.next_handle += 1;
        format!("pending-{}", self.next_handle)
    }
}

pub struct AppState {
    pub framework: Arc<Framework>,
    pub recent: RecentPortfolios,
    session: Mutex<Option<Session>>,
    pending: Mutex<PendingFiles>,
    /// Where the last export went, for "open" and "show in folder".
    last_export: Mutex<Option<PathBuf>>,
    /// A folder named on the command line or by "Open with", waiting for the window to
    /// open it: the path comes from the person, never from the webview.
    requested_folder: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn new(framework: Framework, recent: RecentPortfolios) -> Self {
        AppState {
            framework: Arc::new(framework),
            recent,
            session: Mutex::new(None),
            pending: Mutex::new(PendingFiles::default()),
            last_export: Mutex::new(None),
            requested_folder: Mutex::new(None),
        }
    }

    pub fn request_folder(&self, folder: PathBuf) {
        *self
            .requested_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(folder);
    }

    /// The folder asked for, once: a reload of the window does not open it again.
    pub fn take_requested_folder(&self) -> Option<PathBuf> {
        self.requested_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
    }

    /// Runs `action` on the open portfolio; the error every command gives when none is open.
    pub fn with_session<T>(
        &self,
        action: impl FnOnce(&mut Session) -> Result<T, SessionError>,
    ) -> CommandResult<T> {
        let mut guard = self.session();
        let session = guard.as_mut().ok_or_else(CommandError::no_portfolio_open)?;
        action(session).map_err(Into::into)
    }

    pub fn last_export(&self) -> MutexGuard<'_, Option<PathBuf>> {
        self.last_export
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes `session` the open one, remembering its folder among the recent portfolios.
    pub fn install(&self, session: Session) -> OpenedPortfolio {
        let _ = self.recent.remember(session.folder());
        let view = session.view();
        *self.session() = Some(session);
        view
    }

    /// Opens the portfolio at `folder` and only then closes the one open now, so a refusal
    /// leaves the window and the backend showing the same portfolio, still open.
    pub fn open_fresh(&self, folder: &Path) -> Result<OpenedPortfolio, SessionError> {
        let session = Session::open(self.framework.clone(), folder)?;
        Ok(self.install(session))
    }

    pub fn pending(&self) -> MutexGuard<'_, PendingFiles> {
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The open session; a panic in another command must not lock the candidate out.
    pub fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The time the commands stamp saves with: the one place the app reads the clock.
pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// Now in the candidate's time zone: their today, and saved times in their words.
pub fn clock() -> cmalt_core::local_time::LocalClock {
    cmalt_core::local_time::LocalClock::system(now())
}
