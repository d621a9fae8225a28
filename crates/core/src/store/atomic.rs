//! Writing a file so that a crash, a kill or a power cut leaves either the old
//! contents or the new, never a mixture: temp file in the same folder, fsync, rename,
//! fsync the folder.

use crate::{no_follow, staging};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = staging::parent_of(path);
    // A dot-name in the same folder: rename is atomic only within one file system, the dot
    // keeps a stray temp file out of the candidate's sight, and the name is this call's own.
    let temp_path = staging::sibling(path, "w")?;
    let result = write_and_sync(&temp_path, bytes).and_then(|()| fs::rename(&temp_path, path));
    if result.is_err() {
        // Leave nothing half-written behind; the original is untouched.
        let _ = fs::remove_file(&temp_path);
    }
    result?;
    sync_folder(folder)
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A new file, never an existing one or a link planted under its name.
    let mut file = no_follow::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename inside `folder` durable. Windows has no directory fsync; NTFS journals it.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

/// Says in plain words what went wrong with the disk, for a candidate to act on.
pub fn describe_io_error(error: &io::Error) -> String {
    if no_follow::is_link_error(error) {
        return "it is a shortcut (symbolic link) to somewhere else, which the app does not follow"
            .into();
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied => {
            "the app is not allowed to write there (the folder may be read-only)".into()
        }
        io::ErrorKind::ReadOnlyFilesystem => "the disk or folder is read-only".into(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full".into(),
        io::ErrorKind::NotFound => {
            "the folder is no longer there (was it moved, renamed, or its drive removed?)".into()
        }
        io::ErrorKind::IsADirectory => "a folder is in the way of the file".into(),
        _ => error.to_string(),
    }
}

/// As `describe_io_error`, in the words of what was being done: a file the app may not read
/// is not a folder it may not write to.
pub fn describe_io_error_for(action: &str, error: &io::Error) -> String {
    let reading = matches!(action, "read" | "open" | "copy" | "read the backups of");
    if reading && error.kind() == io::ErrorKind::PermissionDenied {
        "the app is not allowed to read it (check the file's permissions)".into()
    } else {
        describe_io_error(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temp_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("portfolio.json");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the file itself may remain: {names:?}");
    }

    #[test]
    fn a_failed_write_leaves_no_temp_file() {
        let folder = tempfile::tempdir().unwrap();
        // A folder with something in it where the file should go: the rename fails last.
        let path = folder.path().join("portfolio.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("keep.txt"), b"good").unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(fs::read(path.join("keep.txt")).unwrap(), b"good");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "the temp file must be removed: {names:?}");
    }

    #[test]
    fn a_file_that_may_not_be_read_is_not_called_a_folder_that_may_not_be_written() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(describe_io_error_for("read", &denied).contains("not allowed to read it"));
        assert!(describe_io_error_for("save", &denied).contains("not allowed to write there"));
    }
}
