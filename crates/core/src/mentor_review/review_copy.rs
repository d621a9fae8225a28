//! The review copy: the portfolio as a Word document for a mentor to comment on, with a
//! title page asking for comments and tracked changes, every section under its number and
//! title, its Description and Reflection as sub-headings, its evidence with what each item
//! shows, and a bookmark around every paragraph naming its section and part.

use super::blocks::{self, Block, Inline, ParagraphKind};
use super::markers::{REFERENCE_LINE, REFERENCE_PROPERTY, bookmark_name};
use super::model::ReviewPart;
use super::word_writer::WordDocument;
use crate::dates::long_date;
use crate::framework::{Framework, SectionKind};
use crate::model::{Portfolio, SectionEntry};
use crate::outline::{self, OutlineEntry};

/// Written where a part has no text yet; not the candidate's words, so never compared.
pub(crate) const NOT_WRITTEN: &str = "Not written yet.";

/// What the title page says about the copy.
pub struct CopyDetails<'a> {
    pub reviewer: &'a str,
    pub reference: &'a str,
    pub date: time::Date,
}

/// A section of the copy with the heading it is written under.
pub(crate) struct CopySection {
    pub entry: OutlineEntry,
    pub group_heading: String,
    pub heading: String,
}

/// The sections a review copy holds, in the portfolio's order: the written ones of the
/// pathway (statements, assessed sections and areas); the declaration and the assessor's
/// details are forms, not writing to review.
pub(crate) fn copy_sections(framework: &Framework, portfolio: &Portfolio) -> Vec<CopySection> {
    let mut sections = Vec::new();
    for group in outline::outline(framework, portfolio).groups {
        let group_heading = framework
            .groups
            .iter()
            .find(|g| g.id == group.id)
            .map(|g| match (&g.number, g.core_area) {
                (Some(number), true) => format!("Core area {number}: {}", g.title),
                _ => g.title.clone(),
            })
            .unwrap_or(group.title.clone());
        for entry in group.entries {
            if matches!(
                entry.kind,
                SectionKind::Confirmation | SectionKind::Assessor
            ) {
                continue;
            }
            sections.push(CopySection {
                heading: section_heading(&entry),
                group_heading: group_heading.clone(),
                entry,
            });
        }
    }
    sections
}

/// "1a An understanding of...", "5a Specialist area 1: Accessible content".
pub(crate) fn section_heading(entry: &OutlineEntry) -> String {
    let mut heading = String::new();
    if let Some(number) = &entry.number {
        heading.push_str(number);
        heading.push(' ');
    }
    heading.push_str(&entry.title);
    if entry.kind.area_kind().is_some() && !entry.topic.trim().is_empty() {
        heading.push_str(": ");
        heading.push_str(entry.topic.trim());
    }
    heading
}

/// The sub-heading a part is written under (none for the topic line).
pub(crate) fn part_heading(framework: &Framework, part: ReviewPart) -> Option<&str> {
    let parts = &framework.parts;
    match part {
        ReviewPart::Topic => None,
        ReviewPart::Description => Some(&parts.description.label),
        ReviewPart::Reflection => Some(&parts.reflection.label),
        ReviewPart::Evidence => Some(&parts.evidence.label),
        ReviewPart::References => Some(&parts.references.label),
    }
}

/// The parts of a section as the copy writes them, each as blocks, in order.
pub(crate) fn section_parts(
    framework: &Framework,
    portfolio: &Portfolio,
    entry: &OutlineEntry,
) -> Vec<(ReviewPart, Vec<Block>)> {
    let empty = SectionEntry::default();
    let text = portfolio.section(&entry.id).unwrap_or(&empty);
    let mut parts = Vec::new();
    if entry.kind == SectionKind::Statement {
        parts.push((ReviewPart::Description, blocks::blocks(&text.description)));
        if !text.citations.is_empty() {
            parts.push((ReviewPart::Evidence, evidence_blocks(portfolio, text)));
        }
        return parts;
    }
    if let Some(topic) = topic_line(framework, entry, text) {
        parts.push((ReviewPart::Topic, vec![topic]));
    }
    parts.push((ReviewPart::Description, blocks::blocks(&text.description)));
    parts.push((ReviewPart::Reflection, blocks::blocks(&text.reflection)));
    parts.push((ReviewPart::Evidence, evidence_blocks(portfolio, text)));
    if !text.references.trim().is_empty() {
        parts.push((ReviewPart::References, blocks::blocks(&text.references)));
    }
    parts
}

/// The legislation or policy of 3a and 3b; areas carry their topic in the heading.
fn topic_line(framework: &Framework, entry: &OutlineEntry, text: &SectionEntry) -> Option<Block> {
    let label = crate::export::html::topic_label(framework, entry, text)?;
    Some(Block::Paragraph {
        kind: ParagraphKind::Normal,
        inlines: vec![
            Inline::bold(&format!("{label}: ")),
            Inline::plain(text.topic.trim()),
        ],
    })
}

/// One list item per cited item: its number, title, what it shows and the section's note.
fn evidence_blocks(portfolio: &Portfolio, text: &SectionEntry) -> Vec<Block> {
    if text.citations.is_empty() {
        return vec![Block::Paragraph {
            kind: ParagraphKind::Normal,
            inlines: vec![Inline::plain("No evidence cited.")],
        }];
    }
    text.citations
        .iter()
        .map(|citation| {
            let mut inlines = vec![Inline::bold(&citation.evidence_id), Inline::plain(" ")];
            match portfolio.evidence_item(&citation.evidence_id) {
                Some(item) => {
                    let title = item.details.title.trim();
                    inlines.push(Inline::plain(if title.is_empty() {
                        "Untitled"
                    } else {
                        title
                    }));
                    let shows = item.details.what_it_shows.trim();
                    if !shows.is_empty() {
                        inlines.push(Inline::plain(&format!(": {shows}")));
                    }
                }
                None => inlines.push(Inline::plain("(not in the evidence library)")),
            }
            let note = citation.note.trim();
            if !note.is_empty() {
                inlines.push(Inline {
                    italic: true,
                    ..Inline::plain(&format!(" ({note})"))
                });
            }
            Block::Paragraph {
                kind: ParagraphKind::ListItem {
                    ordered: false,
                    level: 0,
                    list: 0,
                    start: 1,
                },
                inlines,
            }
        })
        .collect()
}

/// The review copy of `portfolio`, as the bytes of a .docx file.
pub fn review_copy(
    framework: &Framework,
    portfolio: &Portfolio,
    details: &CopyDetails<'_>,
) -> Vec<u8> {
    let mut document = WordDocument::new();
    title_page(&mut document, framework, portfolio, details);
    let mut group = None;
    for section in copy_sections(framework, portfolio) {
        if group.as_ref() != Some(&section.group_heading) {
            document.add_paragraph(document.heading(1, &section.group_heading));
            group = Some(section.group_heading.clone());
        }
        document.add_paragraph(document.heading(2, &section.heading));
        let statement = section.entry.kind == SectionKind::Statement;
        for (part, blocks) in section_parts(framework, portfolio, &section.entry) {
            let heading = part_heading(framework, part)
                .filter(|_| !statement || part != ReviewPart::Description);
            if let Some(heading) = heading {
                document.add_paragraph(document.heading(3, heading));
            }
            if blocks.is_empty() {
                document.add_paragraph(document.text(NOT_WRITTEN));
                continue;
            }
            let id = section.entry.id.clone();
            let mark = move |index: usize| bookmark_name(&id, part, index);
            let base = if heading.is_some() { 3 } else { 2 };
            for element in document.blocks(&blocks, base, Some(&mark)) {
                document.add(element);
            }
        }
    }
    let reference = details.reference.to_string();
    document.update(|docx| docx.custom_property(REFERENCE_PROPERTY, reference));
    document.to_bytes()
}

fn title_page(
    document: &mut WordDocument,
    framework: &Framework,
    portfolio: &Portfolio,
    details: &CopyDetails<'_>,
) {
    let title = docx_rs::Paragraph::new()
        .style("Title")
        .add_run(docx_rs::Run::new().add_text("Review copy"));
    document.add_paragraph(title);
    document.add_paragraph(document.text(&portfolio.display_title()));
    let candidate = portfolio.candidate.name.trim();
    if !candidate.is_empty() {
        document.add_paragraph(document.labelled("Candidate", candidate));
    }
    let pathway = &framework.pathway(portfolio.pathway).name;
    document.add_paragraph(document.labelled("Pathway", pathway));
    if !details.reviewer.trim().is_empty() {
        document.add_paragraph(document.labelled("For", details.reviewer.trim()));
    }
    document.add_paragraph(document.labelled("Date", &long_date(details.date)));
    document.add_paragraph(document.text(
        "Thank you for reading this portfolio. Please add your comments beside the text \
         (Review > New Comment in Word, Insert > Comment in LibreOffice), and turn on \
         track changes before you change any wording (Review > Track Changes in Word, \
         Edit > Track Changes > Record in LibreOffice), so that each change comes back as a \
         suggestion the candidate can accept or reject. Please keep the headings as they \
         are and save the file as a Word document (.docx).",
    ));
    document.add_paragraph(document.text(&format!("{REFERENCE_LINE}{}", details.reference)));
    document.add_paragraph(document.page_break());
}
