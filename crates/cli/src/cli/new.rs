//! `cmalt-portfolio new`: creates a portfolio folder, refusing where one already is.

use super::terminal;
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::Session;
use std::path::Path;
use std::sync::Arc;

pub fn run(
    framework: Arc<Framework>,
    folder: &Path,
    pathway: PathwayId,
    title: &str,
    name: &str,
) -> i32 {
    let portfolio = Portfolio::new(title, name, pathway, time::OffsetDateTime::now_utc());
    match Session::create(framework.clone(), folder, portfolio) {
        Ok(_) => {
            terminal::print(&format!(
                "Created a new {} portfolio in {}\n",
                framework.pathway(pathway).name,
                folder.display()
            ));
            0
        }
        Err(error) => {
            terminal::fail(&error);
            1
        }
    }
}
