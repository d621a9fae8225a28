//! The app's own data folder (from the OS, via `directories`): where new portfolios go by
//! default, and the list of recently opened portfolio folders.

use crate::framework::PathwayId;
use crate::local_time::LocalClock;
use crate::model::Portfolio;
use crate::store::PORTFOLIO_FILE;
use crate::store::atomic::write_atomically;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const RECENT_FILE: &str = "recent.json";
const PORTFOLIOS_DIR: &str = "portfolios";
const MAX_RECENT: usize = 12;

/// The app's data folder and what it keeps there.
#[derive(Debug, Clone)]
pub struct RecentPortfolios {
    data_folder: PathBuf,
    /// Held across each read-change-write of the recent list, so two commands of the window
    /// running at once (an import finishing as a portfolio is opened) never lose an entry.
    recent_list: std::sync::Arc<std::sync::Mutex<()>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecentPortfolio {
    pub folder: String,
    pub title: String,
    pub pathway: Option<PathwayId>,
    pub candidate_name: String,
    /// "Last saved today at 14:05", or why it cannot be opened as it is.
    pub saved: String,
    pub available: bool,
    /// "Aiming for 13 March 2027 · 102 days to go", when it has a target date.
    pub aiming: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, ts_rs::TS)]
struct RecentList {
    folders: Vec<PathBuf>,
}

impl RecentPortfolios {
    /// The OS's data folder for this app (e.g. `~/.local/share/cmalt-portfolio`).
    pub fn in_os_data_folder() -> io::Result<RecentPortfolios> {
        let dirs = directories::ProjectDirs::from("org", "CMALT Portfolio", "cmalt-portfolio")
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no home folder"))?;
        Ok(RecentPortfolios::at(dirs.data_dir()))
    }

    pub fn at(data_folder: &Path) -> RecentPortfolios {
        RecentPortfolios {
            data_folder: data_folder.to_path_buf(),
            recent_list: Default::default(),
        }
    }

    pub fn data_folder(&self) -> &Path {
        &self.data_folder
    }

    /// A folder of the app's own for temporary files such as the print copy: inside the data
    /// folder, readable by this user only (0700), never a link, never a shared `/tmp` name
    /// that another user could read or make first.
    pub fn private_folder(&self, purpose: &str) -> io::Result<PathBuf> {
        let folder = self.data_folder.join("tmp").join(purpose);
        crate::private_folder::ensure(&folder)?;
        Ok(folder)
    }

    /// A new, unused folder for a portfolio called `title` in the app's data folder.
    pub fn folder_for_new(&self, title: &str) -> PathBuf {
        free_folder_in(&self.data_folder.join(PORTFOLIOS_DIR), title)
    }

    fn read_list(&self) -> RecentList {
        fs::read(self.data_folder.join(RECENT_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn write_list(&self, list: &RecentList) -> io::Result<()> {
        fs::create_dir_all(&self.data_folder)?;
        let bytes = serde_json::to_vec_pretty(list).expect("a list of paths serialises");
        write_atomically(&self.data_folder.join(RECENT_FILE), &bytes)
    }

    /// Puts `folder` at the top of the recent list.
    pub fn remember(&self, folder: &Path) -> io::Result<()> {
        let _one_at_a_time = self.recent_list.lock().unwrap_or_else(|e| e.into_inner());
        let mut list = self.read_list();
        list.folders.retain(|f| f != folder);
        list.folders.insert(0, folder.to_path_buf());
        list.folders.truncate(MAX_RECENT);
        self.write_list(&list)
    }

    pub fn forget(&self, folder: &Path) -> io::Result<()> {
        let _one_at_a_time = self.recent_list.lock().unwrap_or_else(|e| e.into_inner());
        let mut list = self.read_list();
        list.folders.retain(|f| f != folder);
        self.write_list(&list)
    }

    pub fn is_recent(&self, folder: &Path) -> bool {
        self.read_list().folders.iter().any(|f| f == folder)
    }

    /// The recent portfolios, newest first, with what their files say about them as the
    /// candidate's `clock` reads (when each was saved, the days left to its target).
    pub fn recent(&self, clock: &LocalClock) -> Vec<RecentPortfolio> {
        self.read_list()
            .folders
            .into_iter()
            .map(|folder| describe(&folder, clock))
            .collect()
    }
}

fn describe(folder: &Path, clock: &LocalClock) -> RecentPortfolio {
    let today = clock.today();
    let file = folder.join(PORTFOLIO_FILE);
    // Through the store's gate: a folder from someone else gets its size cap and checks.
    let portfolio: Option<Portfolio> = crate::store::read_only(folder).ok();
    let fallback_title = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    RecentPortfolio {
        folder: folder.to_string_lossy().into_owned(),
        available: file.is_file(),
        title: portfolio
            .as_ref()
            .map(Portfolio::display_title)
            .unwrap_or(fallback_title),
        pathway: portfolio.as_ref().map(|p| p.pathway),
        candidate_name: portfolio
            .as_ref()
            .map(|p| p.candidate.name.clone())
            .unwrap_or_default(),
        saved: match (&portfolio, file.is_file()) {
            (Some(portfolio), _) => format!("Last saved {}", clock.when(portfolio.updated_at)),
            (None, true) => "It could not be read: open it to see its backups".into(),
            (None, false) => "Not found where it was last kept".into(),
        },
        aiming: portfolio
            .as_ref()
            .and_then(|p| crate::deadlines::aiming_for(p, today)),
    }
}

/// A folder name made from `title` that is safe on every OS and not yet taken in `parent`.
pub fn free_folder_in(parent: &Path, title: &str) -> PathBuf {
    let base = safe_folder_name(title);
    (1..)
        .map(|n| match n {
            1 => parent.join(&base),
            n => parent.join(format!("{base}-{n}")),
        })
        .find(|candidate| !candidate.exists())
        .expect("some numbered name is free")
}

/// Letters, digits and hyphens only, so the name works on Windows, macOS and Linux alike.
pub fn safe_folder_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(60).collect();
    if name.is_empty() {
        "portfolio".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_safe_everywhere() {
        assert_eq!(
            safe_folder_name("My CMALT: 2026/27 draft"),
            "my-cmalt-2026-27-draft"
        );
        assert_eq!(safe_folder_name("../../etc"), "etc");
        assert_eq!(safe_folder_name("   "), "portfolio");
        assert_eq!(safe_folder_name("Portfólio Ñandú"), "portfólio-ñandú");
    }

    #[test]
    fn taken_names_get_a_number() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("mine")).unwrap();
        assert_eq!(
            free_folder_in(root.path(), "Mine"),
            root.path().join("mine-2")
        );
    }

    #[test]
    fn portfolios_remembered_at_the_same_moment_are_all_kept() {
        let root = tempfile::tempdir().unwrap();
        let library = RecentPortfolios::at(root.path());
        let threads: Vec<_> = (0..8)
            .map(|n| {
                let library = library.clone();
                std::thread::spawn(move || library.remember(Path::new(&format!("/p/{n}"))).unwrap())
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(
            library
                .recent(&clock_on(time::macros::datetime!(2026-11-23 12:00 UTC)))
                .len(),
            8,
            "no entry may be lost to a concurrent write"
        );
    }

    #[test]
    fn a_recent_portfolio_says_how_long_to_its_target() {
        let root = tempfile::tempdir().unwrap();
        let library = RecentPortfolios::at(&root.path().join("library"));
        let folder = root.path().join("mine");
        let mut portfolio = Portfolio::new(
            "Mine",
            "Sam",
            PathwayId::Cmalt,
            time::OffsetDateTime::UNIX_EPOCH,
        );
        portfolio.target_window = Some("2027-03-13".into());
        crate::store::PortfolioFolder::create(&folder, &portfolio).unwrap();
        library.remember(&folder).unwrap();
        let recent = library.recent(&clock_on(time::macros::datetime!(2026-12-01 12:00 UTC)));
        assert_eq!(
            recent[0].aiming.as_deref(),
            Some("Aiming for 13 March 2027 · 102 days to go")
        );
        assert_eq!(recent[0].saved, "Last saved 1 January 1970");
    }

    #[test]
    fn recent_list_keeps_newest_first_without_duplicates() {
        let root = tempfile::tempdir().unwrap();
        let library = RecentPortfolios::at(root.path());
        library.remember(Path::new("/a")).unwrap();
        library.remember(Path::new("/b")).unwrap();
        library.remember(Path::new("/a")).unwrap();
        let folders: Vec<String> = library
            .recent(&clock_on(time::macros::datetime!(2026-11-23 12:00 UTC)))
            .into_iter()
            .map(|r| r.folder)
            .collect();
        assert_eq!(folders, ["/a", "/b"]);
        assert!(
            !library.recent(&clock_on(time::macros::datetime!(2026-11-23 12:00 UTC)))[0].available,
            "a folder that is gone shows as unavailable"
        );
        assert_eq!(
            library.recent(&clock_on(time::macros::datetime!(2026-11-23 12:00 UTC)))[0].saved,
            "Not found where it was last kept"
        );
    }

    fn clock_on(now: time::OffsetDateTime) -> LocalClock {
        LocalClock::with_rule(now, "GMT0BST,M3.5.0/1,M10.5.0").unwrap()
    }
}
