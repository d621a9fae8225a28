//! `cmalt-portfolio review export`, `review import` and `review list`: a review copy for a
//! mentor as a Word document, the returned file read back beside the sections, and what is
//! still open. Export and import write the portfolio, so they take its lock like the window.

use super::terminal;
use clap::Subcommand;
use cmalt_core::framework::Framework;
use cmalt_core::mentor_review::{ReviewImport, open_items};
use cmalt_core::session::Session;
use cmalt_core::store;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Write a review copy (.docx) for a mentor to comment on, keep a snapshot of what was
    /// sent and record the review. Exits 0 when written, 1 when refused, 2 when unreadable.
    Export {
        portfolio_dir: PathBuf,
        /// The Word document to write; it must not exist yet (see --replace).
        #[arg(long)]
        out: PathBuf,
        /// Whom the copy is for, shown on its title page and in the snapshot's label.
        #[arg(long, default_value = "")]
        reviewer: String,
        /// Replace a file already at --out.
        #[arg(long)]
        replace: bool,
    },
    /// Read the file a reviewer returned: comments, replies, tracked changes and untracked
    /// edits, placed beside each section. The candidate's words are not changed.
    /// Exits 0 when read, 1 when refused, 2 when the portfolio cannot be opened.
    Import {
        portfolio_dir: PathBuf,
        /// The returned Word document.
        returned: PathBuf,
        /// Print what was found as JSON instead of plain words.
        #[arg(long)]
        json: bool,
    },
    /// List the reviews sent, with the comments and suggestions still open.
    List {
        portfolio_dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(framework: Arc<Framework>, command: ReviewCommand) -> i32 {
    match command {
        ReviewCommand::Export {
            portfolio_dir,
            out,
            reviewer,
            replace,
        } => export(framework, &portfolio_dir, &out, &reviewer, replace),
        ReviewCommand::Import {
            portfolio_dir,
            returned,
            json,
        } => import(framework, &portfolio_dir, &returned, json),
        ReviewCommand::List {
            portfolio_dir,
            json,
        } => list(&portfolio_dir, json),
    }
}

fn open(framework: Arc<Framework>, folder: &Path) -> Option<Session> {
    match Session::open(framework, folder) {
        Ok(session) => Some(session),
        Err(error) => {
            terminal::fail(&error);
            None
        }
    }
}

fn export(
    framework: Arc<Framework>,
    folder: &Path,
    out: &Path,
    reviewer: &str,
    replace: bool,
) -> i32 {
    let Some(mut session) = open(framework, folder) else {
        return 2;
    };
    match session.send_for_review(out, reviewer, replace, time::OffsetDateTime::now_utc()) {
        Ok(sent) => {
            terminal::print(&format!(
                "Wrote the review copy to {} ({} KB).\nKept snapshot {}: {}.\nAsk your reviewer to comment, to turn on track changes before changing any words, and to send the file back; then run `cmalt-portfolio review import`.\n",
                out.display(),
                sent.bytes.div_ceil(1000),
                sent.snapshot.id,
                sent.snapshot.label
            ));
            0
        }
        Err(error) => {
            terminal::fail(&error);
            1
        }
    }
}

/// The JSON of `review import`: what the file held, in the shape.
#[derive(Serialize)]
struct ImportJson<'a> {
    #[serde(flatten)]
    import: &'a ReviewImport,
}

fn import(framework: Arc<Framework>, folder: &Path, returned: &Path, json: bool) -> i32 {
    let Some(mut session) = open(framework, folder) else {
        return 2;
    };
    match session.import_review(returned, time::OffsetDateTime::now_utc()) {
        Ok(import) => {
            if json {
                terminal::print_json(&ImportJson { import: &import });
            } else {
                terminal::print(&in_plain_words(&import));
            }
            0
        }
        Err(error) => {
            terminal::fail(&error);
            1
        }
    }
}

fn place(section: &Option<String>, part: Option<cmalt_core::mentor_review::ReviewPart>) -> String {
    match (section, part) {
        (Some(section), Some(part)) => format!("{section} {}", part.as_str()),
        (Some(section), None) => section.clone(),
        _ => "title page".to_string(),
    }
}

fn in_plain_words(import: &ReviewImport) -> String {
    let mut out = String::new();
    if import.already_imported {
        let _ = writeln!(
            out,
            "\"{}\" was read before; nothing new was added.",
            import.file_name
        );
    }
    let _ = writeln!(
        out,
        "From {} ({}): {} comments and {} suggestions ({} new).",
        if import.reviewer.is_empty() {
            "your reviewer"
        } else {
            &import.reviewer
        },
        import.review_id,
        import.comments.len(),
        import.suggestions.len(),
        import.new_comments + import.new_suggestions
    );
    for note in &import.notes {
        let _ = writeln!(out, "Note: {note}");
    }
    for comment in &import.comments {
        let quote = if comment.quote.is_empty() {
            String::new()
        } else {
            format!(" on \u{201c}{}\u{201d}", comment.quote)
        };
        let _ = writeln!(
            out,
            "  {} [{}] {}{quote}: {}",
            comment.id,
            place(&comment.section, comment.part),
            comment.author,
            comment.text
        );
        for reply in &comment.replies {
            let _ = writeln!(out, "      reply from {}: {}", reply.author, reply.text);
        }
    }
    for suggestion in &import.suggestions {
        let what = match (&suggestion.replaces, suggestion.kind) {
            (Some(old), _) => format!(
                "replace \u{201c}{old}\u{201d} with \u{201c}{}\u{201d}",
                suggestion.text
            ),
            (None, cmalt_core::mentor_review::SuggestionKind::Delete) => {
                format!("delete \u{201c}{}\u{201d}", suggestion.text)
            }
            (None, _) => format!("insert \u{201c}{}\u{201d}", suggestion.text),
        };
        let tracked = if suggestion.tracked {
            ""
        } else {
            " (edited without tracking)"
        };
        let _ = writeln!(
            out,
            "  {} [{}] {}: {what}{tracked}",
            suggestion.id,
            place(&suggestion.section, suggestion.part),
            suggestion.author
        );
    }
    out
}

fn list(folder: &Path, json: bool) -> i32 {
    let portfolio = match store::read_only(folder) {
        Ok(portfolio) => portfolio,
        Err(error) => {
            terminal::fail(&error);
            return 2;
        }
    };
    let items = open_items(&portfolio);
    if json {
        terminal::print_json(&items);
        return 0;
    }
    let mut out = String::new();
    if items.is_empty() {
        out.push_str("No review copies sent yet. `cmalt-portfolio review export` makes one.\n");
    }
    for item in items {
        let _ = writeln!(
            out,
            "{}  sent {} to {}  {}: {} of {} comments open, {} of {} suggestions open",
            item.review_id,
            item.sent_on,
            if item.reviewer.is_empty() {
                "(no name)"
            } else {
                &item.reviewer
            },
            if item.returned {
                "returned"
            } else {
                "not back yet"
            },
            item.comments_open,
            item.comments,
            item.suggestions_open,
            item.suggestions
        );
    }
    terminal::print(&out);
    0
}
