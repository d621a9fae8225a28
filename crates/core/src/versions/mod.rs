//! Versions of a portfolio: snapshots kept whole in the portfolio folder (the version sent
//! for assessment, the one before a referral's revisions), word-level comparisons between
//! any two versions, the rolling backups as versions, and the journeys between versions:
//! an assessment's outcome, an upgrade to the next pathway, the review of practice.

pub mod assessment;
pub mod backup_copies;
pub mod compare;
pub mod reading;
pub mod review;
pub mod snapshots;
pub mod upgrade;

pub use backup_copies::{BackupVersion, list_backups, restore_backup_as_copy};
pub use compare::{Chunk, ChunkKind, Comparison, Gap, SectionChange, SectionStatus, compare};
pub use reading::{SnapshotSection, SnapshotView, snapshot_view};
pub use snapshots::{
    Result, SNAPSHOT_DIR, SnapshotInfo, SnapshotListing, VersionsError, list_snapshots,
    load_snapshot, restore_as_copy, snapshot_info, take_snapshot,
};
