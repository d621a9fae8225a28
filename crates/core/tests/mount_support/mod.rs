//! What the fault tests share: a small tmpfs mounted for the test, and the mount calls they
//! use to make its folders read-only. Mounting needs root (as in CI).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `mount <args> <target>`; whether it worked.
pub fn mount(args: &[&str], target: &Path) -> bool {
    Command::new("mount")
        .args(args)
        .arg(target)
        .status()
        .is_ok_and(|s| s.success())
}

/// Unmounts `target`; lazily if it is still busy, so a failed test never leaves a mount.
pub fn unmount(target: &Path) {
    let unmounted = Command::new("umount")
        .arg(target)
        .status()
        .is_ok_and(|s| s.success());
    if !unmounted {
        let _ = Command::new("umount").arg("-l").arg(target).status();
    }
}

/// A tmpfs of `size` mounted at a temporary folder, unmounted when dropped.
pub struct SmallDisk {
    pub mount_point: PathBuf,
    _parent: tempfile::TempDir,
}

impl SmallDisk {
    /// `None` where mounting is not allowed (not root).
    pub fn mount(size: &str) -> Option<SmallDisk> {
        let parent = tempfile::tempdir().unwrap();
        let mount_point = parent.path().join("disk");
        std::fs::create_dir(&mount_point).unwrap();
        let options = format!("size={size}");
        mount(&["-t", "tmpfs", "-o", &options, "tmpfs"], &mount_point).then_some(SmallDisk {
            mount_point,
            _parent: parent,
        })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        unmount(&self.mount_point);
    }
}
