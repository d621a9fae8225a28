//! Opening files without following symbolic links. A portfolio folder can come from
//! someone else (a USB stick, a shared drive), and a link inside it named `.lock` or
//! `portfolio.json` must not let the app read or overwrite a file elsewhere.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options
}

/// Opens `path` to read; a symbolic link is refused (`ELOOP` on Unix), not followed.
pub fn open_to_read(path: &Path) -> io::Result<File> {
    no_follow(OpenOptions::new().read(true)).open(path)
}

/// Opens `path` to read and write, creating it if absent, never through a link.
pub fn open_or_create(path: &Path) -> io::Result<File> {
    no_follow(
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
    .open(path)
}

/// Creates `path`, which must not exist (as a file or as a link): `O_CREAT | O_EXCL` never
/// follows a link, so a link planted under a temp name cannot redirect the write.
pub fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// What `read_capped` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    Read(Vec<u8>),
    /// Over the limit, with the size seen (the file's length, or what was read before the
    /// limit, for a file that grew while it was read).
    TooLarge(u64),
}

/// Reads `path` whole, never through a link and never more than `limit` bytes: a file from
/// someone else cannot make the app hold gigabytes. The size is checked before reading and
/// counted while reading.
pub fn read_capped(path: &Path, limit: u64) -> io::Result<Capped> {
    use std::io::Read;
    let handle = open_to_read(path)?;
    let length = handle.metadata()?.len();
    if length > limit {
        return Ok(Capped::TooLarge(length));
    }
    let mut bytes = Vec::with_capacity(length as usize);
    handle.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Capped::TooLarge(bytes.len() as u64));
    }
    Ok(Capped::Read(bytes))
}

/// Whether `path` is itself a symbolic link (a missing path is not).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The words a refusal uses when an open met a link where a file should be.
pub fn is_link_error(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_are_refused_and_their_targets_untouched() {
        let folder = tempfile::tempdir().unwrap();
        let outside = folder.path().join("thesis.docx");
        std::fs::write(&outside, b"my thesis").unwrap();
        let link = folder.path().join(".lock");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let error = open_or_create(&link).unwrap_err();
        assert!(is_link_error(&error), "{error}");
        assert!(is_link_error(&open_to_read(&link).unwrap_err()));
        assert!(
            create_new(&link).is_err(),
            "create_new must not write through a link"
        );
        assert_eq!(std::fs::read(&outside).unwrap(), b"my thesis");
        assert!(is_link(&link) && !is_link(&outside));
        assert!(is_link_error(&read_capped(&link, 100).unwrap_err()));
        assert_eq!(
            read_capped(&outside, 100).unwrap(),
            Capped::Read(b"my thesis".to_vec())
        );
        assert_eq!(read_capped(&outside, 3).unwrap(), Capped::TooLarge(9));
    }
}
