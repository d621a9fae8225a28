//! `cmalt-portfolio check`: the submission checklist on the terminal, in plain words or as
//! JSON, with what to look at before sharing the portfolio ("Before you share"). Checking
//! reads `portfolio.json` without taking the folder's lock, so it can run while the app has
//! the portfolio open; the one-click fixes (`--fix-image-metadata`, `--redact`, `--agree`)
//! change the portfolio, so they open it with its lock, as the window does.

use super::terminal;
use cmalt_core::checklist::{Checklist, Fix, Problem, ProblemCode, Severity, check};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use cmalt_core::session::Session;
use cmalt_core::share_check::online::OnlineOptions;
use cmalt_core::share_check::{EvidenceTextCache, ReadyReport, check_before_sharing};
use cmalt_core::store;
use cmalt_links::check_portfolio_links_online;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// Exit codes, as `cmalt-portfolio check --help` lists them.
const NO_ERRORS: i32 = 0;
const HAS_ERRORS: i32 = 1;
const UNREADABLE: i32 = 2;
const FIX_NOT_MADE: i32 = 3;

pub struct CheckArgs<'a> {
    pub portfolio_dir: &'a Path,
    pub json: bool,
    pub links_online: bool,
    /// Only the links tried online, none of the other "Before you share" checks.
    pub only_links_online: bool,
    pub fix_image_metadata: bool,
    pub redact: &'a [String],
    pub agree: &'a [String],
}

impl CheckArgs<'_> {
    fn wants_fixes(&self) -> bool {
        self.fix_image_metadata || !self.redact.is_empty() || !self.agree.is_empty()
    }
}

pub fn run(framework: &Arc<Framework>, args: CheckArgs<'_>) -> i32 {
    // The terminal has no time zone setting to trust; a day's difference only matters for
    // evidence on the edge of the recent-years window.
    let today = time::OffsetDateTime::now_utc().date();
    let mut fixes_failed = false;
    let mut said = String::new();
    let (portfolio, mut before_sharing) = if args.wants_fixes() {
        let mut session = match Session::open(framework.clone(), args.portfolio_dir) {
            Ok(session) => session,
            Err(error) => {
                terminal::fail(&error);
                return UNREADABLE;
            }
        };
        fixes_failed = !apply_fixes(&mut session, &args, today, &mut said);
        let before_sharing = session.before_sharing();
        (session.portfolio().clone(), before_sharing)
    } else {
        let portfolio = match store::read_only(args.portfolio_dir) {
            Ok(portfolio) => portfolio,
            Err(error) => {
                terminal::fail(&error);
                return UNREADABLE;
            }
        };
        let before_sharing = if args.only_links_online {
            Vec::new()
        } else {
            let mut cache = EvidenceTextCache::new();
            check_before_sharing(framework, &portfolio, args.portfolio_dir, &mut cache)
        };
        (portfolio, before_sharing)
    };
    let links = if args.only_links_online {
        LinksTried::Only
    } else if args.links_online {
        LinksTried::Also
    } else {
        LinksTried::No
    };
    if links != LinksTried::No {
        before_sharing.extend(check_portfolio_links_online(
            framework,
            &portfolio,
            &OnlineOptions::default(),
        ));
    }
    let report = ReadyReport {
        checklist: check(framework, &portfolio, today),
        before_sharing,
    };
    if args.json {
        // Standard output is the JSON alone; what the fixes did goes to standard error.
        if !said.is_empty() {
            eprint!("{}", terminal::plain(&said));
        }
        terminal::print_json(&report);
    } else {
        terminal::print(&said);
        terminal::print(&in_plain_words(framework, &portfolio, &report, links));
    }
    if fixes_failed {
        FIX_NOT_MADE
    } else if report.checklist.ready {
        NO_ERRORS
    } else {
        HAS_ERRORS
    }
}

/// Applies the fixes asked for, in order: photos first, then redactions, then agreements,
/// each saved on its own. Says what each did in `said`; false when any could not be made.
fn apply_fixes(
    session: &mut Session,
    args: &CheckArgs<'_>,
    today: time::Date,
    said: &mut String,
) -> bool {
    let now = time::OffsetDateTime::now_utc();
    let mut all_made = true;
    if args.fix_image_metadata {
        let items: Vec<String> = session
            .before_sharing()
            .iter()
            .filter(|p| p.code == ProblemCode::ImageLocationData)
            .flat_map(|p| p.items.clone())
            .collect();
        if items.is_empty() {
            let _ = writeln!(
                said,
                "No photo in the evidence library carries personal details: nothing to remove."
            );
        } else {
            let fix = Fix::CleanImageMetadata {
                items: items.clone(),
                label: "Remove these details".into(),
            };
            match session.apply_fix(&fix, today, now) {
                Ok(_) => {
                    let _ = writeln!(
                        said,
                        "Removed the personal details from {} ({}): the portfolio now keeps clean copies. Your own files are unchanged.",
                        match items.len() {
                            1 => "1 photo".to_string(),
                            n => format!("{n} photos"),
                        },
                        items.join(", ")
                    );
                }
                Err(error) => {
                    terminal::fail(&error);
                    all_made = false;
                }
            }
        }
    }
    for id in args.redact {
        let found = session
            .before_sharing()
            .into_iter()
            .find(|p| p.id.as_deref() == Some(id));
        let outcome = match found {
            None => Err(unknown_finding(id)),
            Some(Problem {
                fix: Some(fix @ Fix::Redact { .. }),
                message,
                ..
            }) => session
                .apply_fix(&fix, today, now)
                .map(|_| redacted(&fix, &message))
                .map_err(|error| error.to_string()),
            Some(problem) => Err(format!(
                "finding {id} cannot be redacted by the app ({}). Change it yourself{}.",
                first_sentence(&problem.message),
                if problem.agree.is_some() {
                    format!(", or keep it with --agree {id}")
                } else {
                    String::new()
                }
            )),
        };
        all_made &= report_fix(outcome, said);
    }
    for id in args.agree {
        let found = session
            .before_sharing()
            .into_iter()
            .find(|p| p.id.as_deref() == Some(id));
        let outcome = match found {
            None => Err(unknown_finding(id)),
            Some(Problem {
                agree: Some(fix),
                message,
                ..
            }) => session
                .apply_fix(&fix, today, now)
                .map(|_| {
                    format!(
                        "Marked as fine to share, so it is not reported again: {}",
                        first_sentence(&message)
                    )
                })
                .map_err(|error| error.to_string()),
            Some(_) => Err(format!(
                "finding {id} is one to fix rather than agree to: see its message in `cmalt-portfolio check`."
            )),
        };
        all_made &= report_fix(outcome, said);
    }
    all_made
}

fn report_fix(outcome: Result<String, String>, said: &mut String) -> bool {
    match outcome {
        Ok(done) => {
            let _ = writeln!(said, "{done}");
            true
        }
        Err(why) => {
            terminal::fail(why);
            false
        }
    }
}

fn unknown_finding(id: &str) -> String {
    format!(
        "there is no finding {id} now (it may have been fixed already). Run `cmalt-portfolio check` to see the findings and their ids."
    )
}

fn redacted(fix: &Fix, message: &str) -> String {
    match fix {
        Fix::Redact {
            text, replacement, ..
        } => format!(
            "Replaced “{text}” with “{replacement}” ({}).",
            message.split(':').next().unwrap_or_default()
        ),
        _ => String::new(),
    }
}

/// The first sentence of a message, for a one-line report.
fn first_sentence(message: &str) -> &str {
    match message.find(". ") {
        Some(end) => &message[..=end],
        None => message,
    }
}

/// Ready or not, then the problems grouped by section in framework order (the evidence
/// library and the whole portfolio last), then what to look at before sharing, then a
/// one-line summary.
fn in_plain_words(
    framework: &Framework,
    portfolio: &Portfolio,
    report: &ReadyReport,
    links: LinksTried,
) -> String {
    let checklist = &report.checklist;
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
    checklist_groups(checklist, &mut out);
    before_you_share(&report.before_sharing, links, &mut out);
    let _ = writeln!(
        out,
        "\n{}, {}; {} of {} required sections complete; {} before you share.",
        plural(checklist.errors, "error"),
        plural(checklist.warnings, "warning"),
        checklist.completed,
        checklist.total,
        match report.before_sharing.len() {
            0 => "nothing to look at".to_string(),
            1 => "1 thing to look at".to_string(),
            count => format!("{count} things to look at"),
        }
    );
    out
}

fn checklist_groups(checklist: &Checklist, out: &mut String) {
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
}

/// Whether the web links were tried online, besides the other "Before you share" checks or
/// instead of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinksTried {
    No,
    Also,
    Only,
}

/// The share check's findings, each with its passage and the flags that deal with it.
fn before_you_share(findings: &[Problem], links: LinksTried, out: &mut String) {
    let _ = writeln!(out, "\nBefore you share");
    if findings.is_empty() {
        let _ = match links {
            LinksTried::No => writeln!(
                out,
                "  Nothing found that would expose a learner or fail ALT's first check (links were not tried online: add --links-online)."
            ),
            LinksTried::Also => writeln!(
                out,
                "  Nothing found that would expose a learner or fail ALT's first check."
            ),
            LinksTried::Only => writeln!(
                out,
                "  Every web link opened (only the links were tried: leave out --only-links-online for the other checks)."
            ),
        };
        return;
    }
    for finding in findings {
        // Not "warning": these are for the candidate to decide, and the summary's count of
        // warnings is the checklist's own.
        let _ = writeln!(out, "  to look at: {}", finding.message);
        if let Some(passage) = &finding.passage {
            let _ = writeln!(
                out,
                "    passage: {}>>{}<<{}",
                passage.before, passage.matched, passage.after
            );
        }
        let Some(id) = &finding.id else { continue };
        let mut choices = Vec::new();
        match &finding.fix {
            Some(Fix::Redact { replacement, .. }) => {
                choices.push(format!("--redact {id} replaces it with “{replacement}”"));
            }
            Some(Fix::CleanImageMetadata { .. }) => {
                choices.push("--fix-image-metadata removes them".to_string());
            }
            _ => {}
        }
        if finding.agree.is_some() {
            choices.push(format!("--agree {id} keeps it"));
        }
        if choices.is_empty() {
            let _ = writeln!(out, "    [{id}]");
        } else {
            let _ = writeln!(out, "    [{id}] {}.", choices.join("; "));
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        0 => format!("no {noun}s"),
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}
