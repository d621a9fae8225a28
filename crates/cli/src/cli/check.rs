//! `cmalt-portfolio check`: the submission checklist on the terminal, in plain words or as
//! JSON. It reads `portfolio.json` without taking the folder's lock, so it can run while the
//! app has the portfolio open.

use super::terminal;
use cmalt_core::checklist::{Checklist, Problem, Severity, check};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use cmalt_core::store;
use std::fmt::Write as _;
use std::path::Path;

pub fn run(framework: &Framework, folder: &Path, json: bool) -> i32 {
    let portfolio = match store::read_only(folder) {
        Ok(portfolio) => portfolio,
        Err(error) => {
            terminal::fail(&error);
            return 2;
        }
    };
    // The terminal has no time zone setting to trust; a day's difference only matters for
    // evidence on the edge of the recent-years window.
    let today = time::OffsetDateTime::now_utc().date();
    let checklist = check(framework, &portfolio, today);
    if json {
        terminal::print_json(&checklist);
    } else {
        terminal::print(&in_plain_words(framework, &portfolio, &checklist));
    }
    if checklist.ready { 0 } else { 1 }
}

/// Ready or not, then the problems grouped by section in framework order (the evidence
/// library and the whole portfolio last), then a one-line summary.
fn in_plain_words(framework: &Framework, portfolio: &Portfolio, checklist: &Checklist) -> String {
    let mut out = String::new();
    let pathway = &framework.pathway(checklist.pathway).name;
    let title = portfolio.display_title();
    if checklist.ready {
        let _ = writeln!(out, "{title} ({pathway}): ready to submit.");
    } else {
        let _ = writeln!(
            out,
            "{title} ({pathway}): not ready to submit yet. {} to fix first.",
            plural(checklist.errors, "error")
        );
    }

    let mut groups: Vec<(String, Vec<&Problem>)> = checklist
        .sections
        .iter()
        .map(|section| {
            let heading = match &section.number {
                Some(number) => format!("{number}: {}", section.title),
                None => section.title.clone(),
            };
            let problems = checklist
                .problems
                .iter()
                .filter(|p| p.section.as_deref() == Some(section.id.as_str()))
                .collect();
            (heading, problems)
        })
        .collect();
    let unplaced = |wants_evidence: bool| {
        checklist
            .problems
            .iter()
            .filter(move |p| p.section.is_none() && p.evidence.is_some() == wants_evidence)
            .collect::<Vec<_>>()
    };
    groups.push(("Evidence library".into(), unplaced(true)));
    groups.push(("The whole portfolio".into(), unplaced(false)));

    for (heading, mut problems) in groups {
        if problems.is_empty() {
            continue;
        }
        problems.sort_by_key(|p| p.severity);
        let _ = writeln!(out, "\n{heading}");
        for problem in problems {
            let label = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(out, "  {label}: {}", problem.message);
        }
    }

    let _ = writeln!(
        out,
        "\n{}, {}; {} of {} required sections complete.",
        plural(checklist.errors, "error"),
        plural(checklist.warnings, "warning"),
        checklist.completed,
        checklist.total
    );
    out
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        0 => format!("no {noun}s"),
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}
