//! The one error shape the window sees: `{ code, message }`, plus what the code needs
//! (the folder and its backups when a portfolio cannot be read). The UI branches on `code`
//! and shows `message` as it is.

use cmalt_core::evidence::files::AttachError;
use cmalt_core::session::SessionError;
use cmalt_core::store::StoreError;
use cmalt_core::versions::{BackupVersion, list_backups};
use serde::Serialize;

/// What kind of refusal: the UI branches on it (an unreadable file offers its backups, an
/// oversized image a smaller copy, an existing export to replace it) and shows the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// `portfolio.json` is damaged or cut short; `backups` lists what can be restored.
    Unreadable,
    /// Something is already where it would go (an export, a new portfolio's folder): the
    /// window offers to replace an earlier export.
    Exists,
    /// An evidence file over 1 MB; see `can_make_smaller` and `pending`.
    TooLarge,
    NoPortfolioOpen,
    /// Anything else the app refused or could not do: `message` says what and why. Only the
    /// codes above change what the window does, so only they are told apart.
    Refused,
}

/// Every command rejects with this shape. Branch on `code`, show `message`.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "AppError")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub backups: Option<Vec<BackupVersion>>,
    /// too_large: the file is an image the app can make a smaller copy of.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub can_make_smaller: Option<bool>,
    /// too_large: the handle of the file held in the backend, for "make a smaller copy".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pending: Option<String>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
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
            ErrorCode::NoPortfolioOpen,
            "No portfolio is open. Open or create one from the start screen.",
        )
    }
}

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        let message = error.to_string();
        match error {
            StoreError::Unreadable { folder, .. } => CommandError {
                code: ErrorCode::Unreadable,
                message,
                // With what each holds and when it was saved in the candidate's words, as
                // the Versions page lists them.
                backups: Some(list_backups(&folder, &crate::state::clock()).unwrap_or_default()),
                folder: Some(folder.to_string_lossy().into_owned()),
                can_make_smaller: None,
                pending: None,
            },
            StoreError::NewerSchema { .. } => CommandError::new(ErrorCode::Refused, message),
            StoreError::Locked(_) => CommandError::new(ErrorCode::Refused, message),
            StoreError::NotFound(_) | StoreError::NoBackup(_) => {
                CommandError::new(ErrorCode::Refused, message)
            }
            // A folder the app will not use as it is: the window shows why, as for any folder
            // that is not a portfolio.
            StoreError::NotAPortfolio(_)
            | StoreError::Unsafe { .. }
            | StoreError::LinkInside { .. }
            | StoreError::TooLarge { .. } => CommandError::new(ErrorCode::Refused, message),
            StoreError::Exists(_) | StoreError::FolderNotEmpty(_) => {
                CommandError::new(ErrorCode::Exists, message)
            }
            StoreError::Io { .. } => CommandError::new(ErrorCode::Refused, message),
        }
    }
}

impl From<SessionError> for CommandError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::Store(store) => store.into(),
            SessionError::Attach(attach) => attach.into(),
            other => CommandError::new(ErrorCode::Refused, other.to_string()),
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
                ..CommandError::new(ErrorCode::TooLarge, message)
            },
            _ => CommandError::new(ErrorCode::Refused, message),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
