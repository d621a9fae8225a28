//! One writer per portfolio folder: an OS lock on `.lock`, released by the OS if the
//! app crashes, so a second window or a script never writes over the first.

use crate::no_follow;
use std::fs::{File, TryLockError};
use std::io::{self, Write};
use std::path::Path;

pub const LOCK_FILE: &str = ".lock";

/// Held while a portfolio is open; dropping it releases the folder.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

pub enum LockOutcome {
    Acquired(FolderLock),
    HeldElsewhere,
}

impl FolderLock {
    pub fn try_acquire(folder: &Path) -> io::Result<LockOutcome> {
        // Never through a link: a `.lock` pointing elsewhere would have that file overwritten.
        let mut file = no_follow::open_or_create(&folder.join(LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => {
                // For a person who wonders who holds it; the lock itself is what counts.
                let _ = file.set_len(0);
                let _ = writeln!(file, "pid {}", std::process::id());
                Ok(LockOutcome::Acquired(FolderLock { _file: file }))
            }
            Err(TryLockError::WouldBlock) => Ok(LockOutcome::HeldElsewhere),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_until_the_first_is_dropped() {
        let folder = tempfile::tempdir().unwrap();
        let first = FolderLock::try_acquire(folder.path()).unwrap();
        assert!(matches!(first, LockOutcome::Acquired(_)));
        assert!(
            matches!(
                FolderLock::try_acquire(folder.path()).unwrap(),
                LockOutcome::HeldElsewhere
            ),
            "two writers on one folder must not both get the lock"
        );
        drop(first);
        assert!(matches!(
            FolderLock::try_acquire(folder.path()).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }
}
