//! Writing a file so that a crash, a kill or a power cut leaves either the old
//! contents or the new, never a mixture: temp file in the same folder, fsync, rename,
//! fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A bare file name has an empty parent: that is the current folder.
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    // A dot-name in the same folder: rename is atomic only within one file system,
    // and the dot keeps a stray temp file out of the candidate's sight.
    let temp_path = folder.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_and_sync(&temp_path, bytes).and_then(|()| fs::rename(&temp_path, path));
    if result.is_err() {
        // Leave nothing half-written behind; the original is untouched.
        let _ = fs::remove_file(&temp_path);
    }
    result?;
    sync_folder(folder)
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
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
    fn a_failed_write_keeps_the_old_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("portfolio.json");
        write_atomically(&path, b"good").unwrap();
        // A folder where the temp file would go makes the write fail part-way.
        let blocker = folder
            .path()
            .join(format!(".portfolio.json.{}.tmp", std::process::id()));
        fs::create_dir(&blocker).unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(
            fs::read(&path).unwrap(),
            b"good",
            "the last good version must stay"
        );
    }
}
