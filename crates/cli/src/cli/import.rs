//! `cmalt-portfolio import`: brings a draft (Markdown or Word) in as a new portfolio and
//! prints what went where, in plain words or as JSON. A refusal (not a draft, a portfolio
//! already there) changes nothing.

use super::terminal;
use cmalt_core::evidence::files::display_name;
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::import::{self, ImportReport};
use std::fmt::Write as _;
use std::path::Path;

pub struct ImportArgs<'a> {
    pub input: &'a Path,
    pub out: &'a Path,
    pub pathway: Option<PathwayId>,
    pub json: bool,
}

/// An exported portfolio (a folder, or a `.zip`) rather than a draft to read.
fn is_bundle(input: &Path) -> bool {
    input.is_dir()
        || input
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"))
}

pub fn run(framework: &Framework, args: ImportArgs<'_>) -> i32 {
    let now = time::OffsetDateTime::now_utc();
    if is_bundle(args.input) {
        return reopen_bundle(framework, &args);
    }
    let report = match import::import_file(framework, args.input, args.out, args.pathway, now) {
        Ok(report) => report,
        Err(error) => {
            terminal::fail(&error);
            return 1;
        }
    };
    if args.json {
        terminal::print_json(&report);
    } else {
        terminal::print(&in_plain_words(framework, &report, args.input));
    }
    0
}

/// Opens an exported bundle as a portfolio again, exactly as it was exported.
fn reopen_bundle(framework: &Framework, args: &ImportArgs<'_>) -> i32 {
    match cmalt_core::export::reopen::open_bundle(args.input, args.out, framework) {
        Ok(reopened) => {
            let summary = serde_json::json!({
                "portfolio_folder": reopened.folder,
                "title": reopened.portfolio.display_title(),
                "pathway": reopened.portfolio.pathway,
                "evidence_files": reopened.evidence_files,
            });
            if args.json {
                terminal::print_json(&summary);
            } else {
                terminal::print(&format!(
                    "Opened the exported portfolio \"{}\" into {} ({} evidence files).\n",
                    reopened.portfolio.display_title(),
                    reopened.folder.display(),
                    reopened.evidence_files
                ));
            }
            0
        }
        Err(error) => {
            terminal::fail(&error);
            1
        }
    }
}

fn in_plain_words(framework: &Framework, report: &ImportReport, input: &Path) -> String {
    let mut out = String::new();
    let pathway = &framework.pathway(report.pathway).name;
    let _ = writeln!(
        out,
        "Imported {} into {}.\nPathway: {pathway} ({}).",
        display_name(input),
        report.portfolio_folder,
        report.pathway_reason
    );
    if report.nothing_recognised {
        let _ = writeln!(
            out,
            "\nNo heading in the draft names a CMALT section, so all of its text is kept as not placed."
        );
    }
    if !report.sections.is_empty() {
        let _ = writeln!(out, "\nSections");
    }
    for section in &report.sections {
        let words = if section.reflection_words > 0 {
            format!(
                "{} + {} words",
                section.description_words, section.reflection_words
            )
        } else {
            format!("{} words", section.words_placed)
        };
        let evidence = match section.evidence_count {
            0 => String::new(),
            _ => format!(", evidence {}", section.evidence_ids.join(" ")),
        };
        let references = match section.references {
            0 => String::new(),
            1 => ", 1 reference".to_string(),
            count => format!(", {count} references"),
        };
        let topic = match section.topic.as_str() {
            "" => String::new(),
            topic => format!(" “{topic}”"),
        };
        let aside = if section.in_pathway {
            ""
        } else {
            " (not part of this pathway: kept aside)"
        };
        let _ = writeln!(
            out,
            "  {:<12} {}{topic}: {words}{evidence}{references}{aside}",
            section.id, section.title
        );
    }
    let tally = &report.evidence;
    let _ = writeln!(
        out,
        "\nEvidence: {} items; {} files and {} images attached, {} links, {} missing, {} refused.",
        tally.items,
        tally.files_attached,
        tally.images_attached,
        tally.links,
        tally.missing,
        tally.refused
    );
    for refused in &report.refused {
        let _ = writeln!(out, "  refused {}: {}", refused.evidence_id, refused.reason);
    }
    for missing in &report.missing_files {
        let _ = writeln!(
            out,
            "  missing {} “{}” (cited in {}): {}",
            missing.evidence_id,
            missing.name,
            missing.sections.join(", "),
            missing.reason
        );
    }
    if !report.not_placed.is_empty() {
        let place = report
            .not_placed_file
            .as_deref()
            .map_or(String::new(), |file| format!(", kept in {file}"));
        let _ = writeln!(out, "\nNot placed{place}:");
        for block in &report.not_placed {
            let _ = writeln!(
                out,
                "  line {}, {} ({} words): {}",
                block.line, block.reason, block.words, block.excerpt
            );
        }
    }
    if !report.missing_required.is_empty() {
        let _ = writeln!(
            out,
            "\nStill to write for {pathway}: {}.",
            report.missing_required.join(", ")
        );
    }
    for note in &report.notes {
        let _ = writeln!(out, "\nNote: {note}");
    }
    out
}
