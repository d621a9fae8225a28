//! The "summary of revisions" a re-submission includes: what changed in each section since
//! the version that was assessed, with the assessors' ratings beside it and the revised
//! passages highlighted.

use super::html::escape;
use crate::framework::Framework;
use crate::model::{Assessment, Portfolio, Rating};
use crate::versions::{self, ChunkKind, Comparison, SectionChange, SectionStatus, SnapshotInfo};
use std::fmt::Write as _;
use std::path::Path;

/// Everything the summary shows, gathered before the export is built.
#[derive(Debug, Clone)]
pub struct RevisionSummary {
    pub since: SnapshotInfo,
    pub comparison: Comparison,
    /// The assessment of that version, whose ratings and feedback are shown.
    pub assessment: Option<Assessment>,
}

impl RevisionSummary {
    /// The summary of what changed in `portfolio` since snapshot `since` of `folder`.
    pub fn since(
        framework: &Framework,
        folder: &Path,
        portfolio: &Portfolio,
        since: &str,
    ) -> versions::Result<RevisionSummary> {
        let then = versions::load_snapshot(folder, since)?;
        let info = versions::snapshot_info(folder, since)?;
        let assessment = portfolio
            .assessments
            .iter()
            .rev()
            .find(|a| a.snapshot_id.as_deref() == Some(since))
            .cloned();
        Ok(RevisionSummary {
            since: info,
            comparison: versions::compare(framework, &then, portfolio),
            assessment,
        })
    }

    pub fn rating(&self, section_id: &str) -> Option<Rating> {
        self.assessment
            .as_ref()?
            .sections
            .get(section_id)
            .and_then(|f| f.rating)
    }
}

pub fn rating_name(rating: Option<Rating>) -> &'static str {
    match rating {
        Some(Rating::Strong) => "S (strong)",
        Some(Rating::Adequate) => "A (adequate)",
        Some(Rating::RevisionsRequired) => "R (revisions required)",
        None => "",
    }
}

pub fn status_words(change: &SectionChange) -> &'static str {
    match change.status {
        SectionStatus::New => "New section",
        SectionStatus::Removed => "Removed",
        SectionStatus::Changed => "Revised",
        SectionStatus::Untouched => "Unchanged",
    }
}

/// The summary as a section of the exported page, headed at level 2.
pub(crate) fn section_html(framework: &Framework, summary: &RevisionSummary) -> String {
    let mut out = String::new();
    let when = summary.since.taken_at.date();
    let what = if summary.since.submitted {
        "the version submitted"
    } else {
        "the version kept"
    };
    let _ = writeln!(
        out,
        "<section class=\"revisions\" id=\"revisions\" aria-labelledby=\"revisions-title\">\n<h2 id=\"revisions-title\">Summary of revisions</h2>\n<p>What changed in each section since {what} on {} {} {}{}.</p>",
        when.day(),
        when.month(),
        when.year(),
        match summary.since.label.trim() {
            "" => String::new(),
            label => format!(" (“{}”)", escape(label)),
        }
    );
    if let Some(assessment) = &summary.assessment {
        let _ = writeln!(
            out,
            "<p>Outcome of that assessment: <strong>{}</strong>, received {}.</p>",
            escape(&framework.outcome(assessment.outcome).name),
            escape(&assessment.received_on)
        );
    }
    let with_ratings = summary.assessment.is_some();
    out.push_str("<table class=\"revision-table\">\n<caption>Sections and what changed</caption>\n<thead><tr><th scope=\"col\">Section</th>");
    if with_ratings {
        out.push_str("<th scope=\"col\">Assessors' rating</th>");
    }
    out.push_str("<th scope=\"col\">Change</th><th scope=\"col\">Words added</th><th scope=\"col\">Words removed</th></tr></thead>\n<tbody>\n");
    for change in &summary.comparison.sections {
        let rating = summary.rating(&change.id);
        let class = if rating == Some(Rating::RevisionsRequired) {
            " class=\"marked-r\""
        } else {
            ""
        };
        let _ = write!(out, "<tr{class}><th scope=\"row\">{}</th>", heading(change));
        if with_ratings {
            let _ = write!(out, "<td>{}</td>", rating_name(rating));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            status_words(change),
            change.words_added,
            change.words_removed
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let changed: Vec<&SectionChange> = summary.comparison.changed().collect();
    if changed.is_empty() {
        out.push_str("<p>No section has changed.</p>\n");
    } else {
        out.push_str("<p class=\"revision-key\">In the passages below, <ins>added text is underlined</ins> and <del>removed text is struck through</del>. Long unchanged stretches are shortened to “…”.</p>\n");
    }
    for change in changed {
        let _ = writeln!(
            out,
            "<h3 id=\"revised-{}\">{}</h3>",
            anchor_safe(&change.id),
            heading(change)
        );
        if let Some(feedback) = summary
            .assessment
            .as_ref()
            .and_then(|a| a.sections.get(&change.id))
            .filter(|f| !f.feedback.trim().is_empty())
        {
            let _ = writeln!(
                out,
                "<blockquote class=\"assessor-feedback\"><p><span class=\"label\">Assessors' feedback:</span> {}</p></blockquote>",
                escape(feedback.feedback.trim())
            );
        }
        out.push_str("<p class=\"revision-diff\">");
        for chunk in &change.diff {
            match chunk.kind {
                ChunkKind::Equal => match &chunk.gap {
                    Some(gap) => out.push_str(&escape(&format!("{} … {}", gap.head, gap.tail))),
                    None => out.push_str(&escape(&chunk.text)),
                },
                ChunkKind::Added => {
                    let _ = write!(out, "<ins>{}</ins>", escape(&chunk.text));
                }
                ChunkKind::Removed => {
                    let _ = write!(out, "<del>{}</del>", escape(&chunk.text));
                }
            }
        }
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
    out
}

/// "2b An understanding of your target learners", as the rest of the export heads it.
fn heading(change: &SectionChange) -> String {
    match &change.number {
        Some(number) => format!(
            "<span class=\"section-number\">{}</span> {}",
            escape(number),
            escape(&change.title)
        ),
        None => escape(&change.title),
    }
}

fn anchor_safe(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
