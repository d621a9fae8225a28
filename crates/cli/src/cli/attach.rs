//! `cmalt-portfolio attach`: adds a file or a link to a portfolio's evidence library,
//! refusing with the same message as the window (e.g. over 1 MB).

use super::terminal;
use cmalt_core::framework::Framework;
use cmalt_core::session::{AttachOutcome, LinkRequest, Session};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct AttachArgs {
    pub portfolio_dir: PathBuf,
    pub file: Option<PathBuf>,
    pub url: Option<String>,
    pub title: String,
    pub sections: Vec<String>,
}

pub fn run(framework: Arc<Framework>, args: AttachArgs) -> i32 {
    let now = time::OffsetDateTime::now_utc();
    let mut session = match Session::open(framework, &args.portfolio_dir) {
        Ok(session) => session,
        Err(error) => {
            terminal::fail(&error);
            return 2;
        }
    };
    let result = match (&args.file, &args.url) {
        (Some(file), None) => session.attach_file(file, &args.title, &args.sections, now),
        (None, Some(url)) => {
            let link = LinkRequest {
                url: url.clone(),
                title: args.title.clone(),
            };
            session.attach_link(link, &args.sections, now)
        }
        _ => {
            terminal::fail("give either a FILE or --url, not both");
            return 2;
        }
    };
    match result {
        Ok(outcome) => {
            terminal::print(&format!("{}\n", describe(&outcome, args.file.as_deref())));
            0
        }
        Err(error) => {
            terminal::fail(&error);
            1
        }
    }
}

fn describe(outcome: &AttachOutcome, file: Option<&Path>) -> String {
    let item = &outcome.item;
    let what = file.map_or_else(
        || "the link".to_string(),
        |f| format!("\"{}\"", f.display()),
    );
    let said = if outcome.already_attached {
        format!(
            "{what} is already in the library as {}: {}",
            item.id, item.details.title
        )
    } else {
        format!("Attached {what} as {}: {}", item.id, item.details.title)
    };
    if outcome.metadata_removed.is_empty() {
        said
    } else {
        format!(
            "{said}\nPersonal details were taken out of the photo: {}. Your own file is unchanged.",
            outcome.metadata_removed.join(", ")
        )
    }
}
