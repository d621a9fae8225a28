//! The one error shape the window sees: `{ code, message }`, plus what the code needs
//! (the folder and its backups when a portfolio cannot be read). The UI branches on `code`
//! and shows `message` as it is.

use cmalt_core::backups::BackupInfo;
use cmalt_core::evidence_files::AttachError;
use cmalt_core::session::SessionError;
use cmalt_core::store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backups: Option<Vec<BackupInfo>>,
    /// too_large: the file is an image the app can make a smaller copy of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_make_smaller: Option<bool>,
    /// too_large: the handle of the file held in the backend, for "make a smaller copy".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<String>,
}

impl CommandError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
            folder: None,
            backups: None,
            can_make_smaller: None,
            pending: None,
        }
    }

    pub fn no_portfolio_open() -> Self {
        CommandError::new(
            "no_portfolio_open",
            "No portfolio is open. Open or create one from the start screen.",
        )
    }
}

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        let message = error.to_string();
        match error {
            StoreError::Unreadable {
                folder, backups, ..
            } => CommandError {
                code: "unreadable",
                message,
                folder: Some(folder.to_string_lossy().into_owned()),
                backups: Some(backups),
                can_make_smaller: None,
                pending: None,
            },
            StoreError::NewerSchema { .. } => CommandError::new("newer_schema", message),
            StoreError::Locked(_) => CommandError::new("locked", message),
            StoreError::NotFound(_) | StoreError::NoBackup(_) => {
                CommandError::new("not_found", message)
            }
            // A folder the app will not use as it is: the window shows why, as for any folder
            // that is not a portfolio.
            StoreError::NotAPortfolio(_)
            | StoreError::Unsafe { .. }
            | StoreError::LinkInside { .. }
            | StoreError::TooLarge { .. } => CommandError::new("not_a_portfolio", message),
            StoreError::Exists(_) | StoreError::FolderNotEmpty(_) => {
                CommandError::new("exists", message)
            }
            StoreError::Io { .. } => CommandError::new("io", message),
        }
    }
}

impl From<SessionError> for CommandError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::Store(store) => store.into(),
            SessionError::Attach(attach) => attach.into(),
            other => CommandError::new("invalid", other.to_string()),
        }
    }
}

impl From<AttachError> for CommandError {
    fn from(error: AttachError) -> Self {
        let message = error.to_string();
        match error {
            AttachError::TooLarge {
                can_make_smaller, ..
            } => CommandError {
                can_make_smaller: Some(can_make_smaller),
                ..CommandError::new("too_large", message)
            },
            _ => CommandError::new("attach_refused", message),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
