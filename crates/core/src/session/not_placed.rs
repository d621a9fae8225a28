//! The note of text an import could not place (`not-placed.md` beside `portfolio.json`):
//! shown until the candidate has moved what they need, then set aside among the backups,
//! never deleted. The note is read like every file of a folder from someone else: never
//! through a link, never more than a draft could hold.

use super::{Result, Session, SessionError};
use crate::import::{MARKDOWN_LIMIT_BYTES, NOT_PLACED_FILE};
use crate::store::backups::BACKUP_DIR;
use std::io;
use time::OffsetDateTime;

/// The note as the window shows it: its Markdown as written, and its words counted as every
/// other count in the app is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct NotPlacedNote {
    pub text: String,
    pub words: usize,
}

impl Session {
    /// The note, if one is still waiting (a note left empty is none).
    pub fn not_placed_note(&self) -> Result<Option<NotPlacedNote>> {
        let path = self.folder().join(NOT_PLACED_FILE);
        let refused = |reason: String| {
            SessionError::Invalid(format!(
                "The note of text not placed could not be read: {reason}."
            ))
        };
        let bytes = match crate::no_follow::read_capped(&path, MARKDOWN_LIMIT_BYTES) {
            Ok(crate::no_follow::Capped::Read(bytes)) => bytes,
            Ok(crate::no_follow::Capped::TooLarge(_)) => {
                return Err(refused("it is far larger than any draft".into()));
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => {
                return Err(refused(crate::store::atomic::describe_io_error_for(
                    "read", &error,
                )));
            }
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if text.trim().is_empty() {
            return Ok(None);
        }
        let words = crate::markdown::count_markdown_words(&text);
        Ok(Some(NotPlacedNote { text, words }))
    }

    /// Moves the note into `.backups/` under a dated name, so it is kept but no longer shown.
    pub fn set_aside_not_placed(&self, now: OffsetDateTime) -> Result<()> {
        let path = self.folder().join(NOT_PLACED_FILE);
        let folder = self.folder().join(BACKUP_DIR);
        let target = folder.join(format!("not-placed-{}.md", now.unix_timestamp()));
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::rename(&path, &target))
            .map_err(|error| {
                SessionError::Invalid(format!(
                    "The note could not be set aside: {}. It is still there.",
                    crate::store::atomic::describe_io_error(&error)
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::framework::{Framework, PathwayId};
    use crate::model::Portfolio;
    use crate::session::Session;
    use std::sync::Arc;
    use time::OffsetDateTime;

    #[cfg(unix)]
    #[test]
    fn a_note_that_is_a_link_to_a_file_elsewhere_is_never_read() {
        let root = tempfile::tempdir().unwrap();
        let secret = root.path().join("id_rsa");
        std::fs::write(&secret, b"PRIVATE KEY").unwrap();
        let framework = Arc::new(Framework::bundled().unwrap());
        let portfolio = Portfolio::new("T", "S", PathwayId::Cmalt, OffsetDateTime::UNIX_EPOCH);
        let session = Session::create(framework, &root.path().join("p"), portfolio).unwrap();
        assert_eq!(session.not_placed_note().unwrap(), None);
        std::os::unix::fs::symlink(&secret, root.path().join("p/not-placed.md")).unwrap();
        let error = session.not_placed_note().unwrap_err().to_string();
        assert!(error.contains("shortcut (symbolic link)"), "{error}");
        assert!(!error.contains("PRIVATE KEY"));
    }
}
