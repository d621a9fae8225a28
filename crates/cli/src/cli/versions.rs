//! `cmalt-portfolio snapshot`, `snapshots` and `changes`: keep a version of the portfolio,
//! list the versions kept, and say what changed since one. All three read `portfolio.json`
//! without its lock and never write it.

use super::terminal;
use cmalt_core::framework::Framework;
use cmalt_core::store;
use cmalt_core::versions::{
    Comparison, SectionStatus, VersionsError, compare, list_snapshots, load_snapshot, take_snapshot,
};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// Prints only the new id on stdout, so a script can capture it.
pub fn snapshot(folder: &Path, label: &str, submitted: bool) -> i32 {
    let portfolio = match store::read_only(folder) {
        Ok(portfolio) => portfolio,
        Err(error) => return unreadable(&error),
    };
    match take_snapshot(
        folder,
        &portfolio,
        label,
        submitted,
        time::OffsetDateTime::now_utc(),
    ) {
        Ok(info) => {
            terminal::print(&format!("{}\n", info.id));
            0
        }
        Err(error) => refused(&error),
    }
}

pub fn snapshots(folder: &Path) -> i32 {
    if let Err(error) = store::read_only(folder) {
        return unreadable(&error);
    }
    let list = match list_snapshots(folder) {
        Ok(list) => list,
        Err(error) => return refused(&error),
    };
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("No snapshots yet. `cmalt-portfolio snapshot` keeps one.\n");
    }
    for info in list {
        let date = info
            .taken_at
            .format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .expect("the date format is valid");
        let submitted = if info.submitted { "  (submitted)" } else { "" };
        let _ = writeln!(out, "{:<18} {date}  {}{submitted}", info.id, info.label);
    }
    terminal::print(&out);
    0
}

#[derive(Serialize)]
struct ChangesJson<'a> {
    since: &'a str,
    #[serde(flatten)]
    comparison: &'a Comparison,
}

pub fn changes(framework: &Framework, folder: &Path, since: &str, json: bool) -> i32 {
    let now = match store::read_only(folder) {
        Ok(portfolio) => portfolio,
        Err(error) => return unreadable(&error),
    };
    let then = match load_snapshot(folder, since) {
        Ok(portfolio) => portfolio,
        Err(error) => return refused(&error),
    };
    let comparison = compare(framework, &then, &now);
    if json {
        terminal::print_json(&ChangesJson {
            since,
            comparison: &comparison,
        });
    } else {
        terminal::print(&in_plain_words(since, &comparison));
    }
    0
}

/// One line per changed section, then how many were left as they were.
fn in_plain_words(since: &str, comparison: &Comparison) -> String {
    let mut out = String::new();
    let changed: Vec<_> = comparison.changed().collect();
    if changed.is_empty() {
        let _ = writeln!(out, "Nothing has changed since {since}.");
        return out;
    }
    let _ = writeln!(out, "Changes since {since}:");
    for section in &changed {
        let what = match section.status {
            SectionStatus::New => "  (new)",
            SectionStatus::Removed => "  (emptied)",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  {}: {}  +{} \u{2212}{} words{what}",
            section.id, section.title, section.words_added, section.words_removed
        );
    }
    let untouched: Vec<&str> = comparison
        .sections
        .iter()
        .filter(|s| !s.changed)
        .map(|s| s.id.as_str())
        .collect();
    if !untouched.is_empty() {
        let _ = writeln!(
            out,
            "Untouched ({}): {}",
            untouched.len(),
            untouched.join(", ")
        );
    }
    out
}

fn unreadable(error: &store::StoreError) -> i32 {
    terminal::fail(error);
    2
}

fn refused(error: &VersionsError) -> i32 {
    terminal::fail(error);
    1
}
