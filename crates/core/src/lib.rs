//! The CMALT Portfolio core: plain Rust that knows nothing of windows. The desktop app and
//! the command line are thin layers over it.

pub mod checklist;
pub mod dates;
pub mod deadlines;
pub mod draft_vocabulary;
pub mod evidence;
pub mod export;
pub mod find;
pub mod framework;
pub mod import;
pub mod integrity;
pub mod link_check;
pub mod local_time;
pub mod markdown;
pub mod mentor_review;
pub mod model;
pub mod no_follow;
pub mod outline;
pub mod personal_data;
pub mod private_folder;
pub mod progress;
pub mod recent;
pub mod session;
pub mod share_check;
pub mod share_check_data;
pub mod spelling;
pub mod staging;
pub mod store;
pub mod versions;
pub mod word_guide;
pub mod zip_names;
