//! "Make a smaller copy" of an oversized photo or screenshot the candidate picked: the file
//! read under a cap (a disk image is not a photo), shrunk under the evidence limit by
//! `shrink`, and named after the original, which is never touched.

use crate::evidence::files::{display_name, megabytes};
use crate::evidence::shrink::{self, SmallerCopy};
use crate::store::atomic::describe_io_error_for;
use std::io::Read;
use std::path::Path;

/// Largest original loaded to shrink: big phone photos fit, disk images do not.
pub const SHRINK_INPUT_LIMIT: u64 = 60_000_000;

#[derive(Debug, thiserror::Error)]
pub enum SmallerCopyError {
    #[error("\"{name}\" could not be read: {}. Nothing was attached.", describe_io_error_for("read", .source))]
    Unreadable {
        name: String,
        source: std::io::Error,
    },
    /// Over `SHRINK_INPUT_LIMIT`: not a photo a copy can be made of here.
    #[error(
        "\"{name}\" is too large for the app to make a smaller copy ({}). Make one in an image editor, or add it as a link.", megabytes(*.bytes)
    )]
    TooLargeToShrink { name: String, bytes: u64 },
    #[error("\"{name}\": {source}")]
    Shrink {
        name: String,
        source: shrink::ShrinkError,
    },
}

/// A smaller copy, ready to be shown and attached.
pub struct SmallerFile {
    pub original_name: String,
    /// "whiteboard (smaller).jpg".
    pub file_name: String,
    pub before_bytes: u64,
    pub copy: SmallerCopy,
}

/// Reads the file at `path` and makes a copy of it at most `limit` bytes.
pub fn smaller_copy_of(path: &Path, limit: u64) -> Result<SmallerFile, SmallerCopyError> {
    let name = display_name(path);
    let unreadable = |source| SmallerCopyError::Unreadable {
        name: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let before_bytes = file.metadata().map_err(unreadable)?.len();
    if before_bytes > SHRINK_INPUT_LIMIT {
        return Err(SmallerCopyError::TooLargeToShrink {
            name,
            bytes: before_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(before_bytes as usize);
    file.take(SHRINK_INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let copy =
        shrink::make_smaller_copy(&bytes, limit).map_err(|source| SmallerCopyError::Shrink {
            name: name.clone(),
            source,
        })?;
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    Ok(SmallerFile {
        file_name: format!("{stem} (smaller).{}", copy.extension),
        original_name: name,
        before_bytes,
        copy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_an_image_is_refused_by_name_and_nothing_is_made() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("notes.txt");
        std::fs::write(&path, b"just words").unwrap();
        let error = smaller_copy_of(&path, 1_000_000)
            .err()
            .expect("words are not a photo");
        assert!(error.to_string().starts_with("\"notes.txt\""), "{error}");
        let missing = smaller_copy_of(&folder.path().join("gone.jpg"), 1_000_000)
            .err()
            .unwrap();
        assert!(
            missing.to_string().contains("could not be read"),
            "{missing}"
        );
    }
}
