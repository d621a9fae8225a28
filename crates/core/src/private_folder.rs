//! Folders only this user can enter (mode 0700 on Unix), for the app's temporary files. A
//! print copy holds a whole portfolio: in a fixed, world-readable `/tmp` name, another local
//! user could read it, or create the name first and have the app write into their folder.

use std::fs;
use std::io;
use std::path::Path;

/// Makes `folder` (and its parents) if needed, then checks it is a real folder, not a link,
/// owned by this user and closed to everyone else, tightening it to 0700 if it was looser.
pub fn ensure(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)?;
    let metadata = fs::symlink_metadata(folder)?;
    if !metadata.file_type().is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "something other than a folder is in the way",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if metadata.uid() != me {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the folder belongs to another user",
            ));
        }
        if metadata.mode() & 0o077 != 0 {
            fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_folder_is_closed_to_other_users_and_never_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("tmp/print");
        ensure(&folder).unwrap();
        let mode = fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "only this user may enter it");

        fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).unwrap();
        ensure(&folder).unwrap();
        let mode = fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "a loosened folder is tightened again");

        let elsewhere = root.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let link = root.path().join("tmp/linked");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        assert!(
            ensure(&link).is_err(),
            "a link in its place must be refused"
        );
    }
}
