//! The events the backend sends the window, with their payloads. Their names are written
//! into the UI's bindings beside the types (`EVENTS` in `ui/src/bindings.ts`), so the two
//! sides cannot spell one differently.

use serde::Serialize;

/// Files were dropped on the window; the paths stay in the backend, the window is told
/// their names.
pub const EVIDENCE_DROPPED: &str = "evidence-dropped";
/// A second launch named a folder: the window asks for it with `open_requested_portfolio`.
pub const OPEN_REQUESTED: &str = "open-requested";
/// How far a long piece of work (opening an exported portfolio) has got.
pub const WORK_PROGRESS: &str = "work-progress";

/// Every event, as the bindings list them: (name in TypeScript, name on the wire).
#[cfg(test)]
pub const ALL: [(&str, &str); 3] = [
    ("evidenceDropped", EVIDENCE_DROPPED),
    ("openRequested", OPEN_REQUESTED),
    ("workProgress", WORK_PROGRESS),
];

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EvidenceDropped {
    pub names: Vec<String>,
}
