//! How far a long piece of work has got, for a progress bar and a line of words the window
//! shows while it runs ("Copying evidence files: 12 of 40").

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Progress {
    /// Steps done so far, out of `total`.
    pub done: u32,
    pub total: u32,
    pub message: String,
}

/// Where progress is reported; `&mut |_| {}` when nobody is watching.
pub type Report<'a> = &'a mut dyn FnMut(Progress);

impl Progress {
    pub fn new(done: usize, total: usize, message: String) -> Progress {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Progress {
            done: clamp(done),
            total: clamp(total),
            message,
        }
    }
}
