//! Versions of a portfolio: snapshots kept whole in the portfolio folder (the version sent
//! for assessment, the one before a referral's revisions) and word-level comparisons
//! between any two versions.

pub mod compare;
pub mod snapshots;

pub use compare::{Chunk, ChunkKind, Comparison, SectionChange, SectionStatus, compare};
pub use snapshots::{
    SNAPSHOT_DIR, SnapshotInfo, VersionsError, list_snapshots, load_snapshot, restore_as_copy,
    take_snapshot,
};
