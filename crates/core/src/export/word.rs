//! The Word export: the whole portfolio as one accessible .docx that says what the web page
//! says, in the same order: a title page, a table of contents field, the summary of
//! revisions, every section under its group with its parts as real headings, the
//! declaration, the nominated assessor, and the evidence appendix with its pictures inside
//! (with alternative text) and its other files listed. `[E3]` in the text links to the item.

use super::bundle::{EvidenceFile, evidence_label, is_displayable_image};
use super::html::{
    self, MADE_WITH, ShownGroup, file_kind, item_title, readable_date, section_label, shown_groups,
    topic_label, web_address,
};
use super::revisions::{RevisionSummary, rating_name, status_words};
use super::single::Embedded;
use super::word_package::{self, PackageDetails};
use crate::dates::long_date;
use crate::evidence::files::megabytes;
use crate::evidence::refs::references_in;
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::framework::{Framework, SectionKind};
use crate::mentor_review::blocks::{self, Block, Inline, ParagraphKind};
use crate::mentor_review::review_copy::section_heading;
use crate::mentor_review::word_writer::{Element, WordDocument};
use crate::model::{Portfolio, SectionEntry};
use crate::outline::OutlineEntry;
use crate::versions::ChunkKind;
use docx_rs::{FieldCharType, Hyperlink, HyperlinkType, InstrText, InstrToC, Paragraph, Pic, Run};
use std::io::Cursor;
use time::OffsetDateTime;

/// The heading levels the table of contents lists: groups and sections, the summary of
/// revisions and the appendix with its items, as the web page's contents does. The parts
/// (Description, Reflection, Evidence) are level 3, so they do not repeat under every section.
const CONTENTS_LEVELS: u8 = 2;

/// The widest and tallest a picture is shown, in EMU (914,400 an inch): the A4 text width
/// between 2 cm margins, and a height that leaves room for its heading on the page.
const PICTURE_MAX_WIDTH: u64 = 6_120_000;
const PICTURE_MAX_HEIGHT: u64 = 7_000_000;
/// A picture's pixels at 96 dots an inch, as Word and browsers show one without its own.
const EMU_PER_PIXEL: u64 = 9_525;

/// The written document and the pictures inside it.
pub(crate) struct WordExport {
    pub bytes: Vec<u8>,
    /// Each embedded picture, with the bytes it adds.
    pub embedded: Vec<Embedded>,
}

/// One line of the table of contents: its level, its text and the bookmark it links to.
struct ContentsLine {
    level: u8,
    text: String,
    bookmark: String,
}

struct Writer<'a> {
    framework: &'a Framework,
    portfolio: &'a Portfolio,
    document: WordDocument,
    body: Vec<Element>,
    contents: Vec<ContentsLine>,
    alt_texts: Vec<String>,
    embedded: Vec<Embedded>,
}

/// A bookmark name Word accepts: a letter first, then letters, digits and `_`, at most 40.
fn bookmark_name(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut name = format!("{prefix}_{safe}");
    name.truncate(40);
    name
}

fn evidence_bookmark(id: &str) -> String {
    bookmark_name("evidence", id)
}

fn linked(text: &str, link: String) -> Inline {
    Inline {
        link: Some(link),
        ..Inline::plain(text)
    }
}

fn normal(inlines: Vec<Inline>) -> Block {
    Block::Paragraph {
        kind: ParagraphKind::Normal,
        inlines,
    }
}

fn bullet(inlines: Vec<Inline>) -> Block {
    Block::Paragraph {
        kind: ParagraphKind::ListItem {
            ordered: false,
            level: 0,
            list: 0,
            start: 1,
        },
        inlines,
    }
}

/// "Label: value" with the label in bold, as the web page's details lists.
fn detail(label: &str, value: &str) -> Block {
    normal(vec![
        Inline::bold(&format!("{label}: ")),
        Inline::plain(value.trim()),
    ])
}

/// `[E3]` in the candidate's runs as a link to item E3 in the appendix, shown as "E3" as the
/// web page shows it; a reference to no item stays as written. Links and code are left alone.
fn link_references(inlines: Vec<Inline>, portfolio: &Portfolio) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let ids = references_in(&inline.text);
        if ids.is_empty() || inline.link.is_some() || inline.code || inline.image.is_some() {
            out.push(inline);
            continue;
        }
        let mut rest = inline.text.as_str();
        for id in ids {
            let token = format!("[{id}]");
            let at = rest.find(&token).expect("references_in found it here");
            let before = &rest[..at];
            if !before.is_empty() {
                out.push(Inline {
                    text: before.to_string(),
                    ..inline.clone()
                });
            }
            let reference = match portfolio.evidence_item(id) {
                Some(_) => Inline {
                    text: id.to_string(),
                    link: Some(format!("#{}", evidence_bookmark(id))),
                    ..inline.clone()
                },
                None => Inline {
                    text: token.clone(),
                    ..inline.clone()
                },
            };
            out.push(reference);
            rest = &rest[at + token.len()..];
        }
        if !rest.is_empty() {
            out.push(Inline {
                text: rest.to_string(),
                ..inline.clone()
            });
        }
    }
    out
}

/// The candidate's headings numbered from 1 under their part and never skipping a level,
/// whatever levels the Markdown used, as the web page nests them, so the outline stays whole.
fn nest_headings(blocks: &mut [Block]) {
    // (level the candidate wrote, level under the part) of the open branch.
    let mut branch: Vec<(u8, u8)> = Vec::new();
    for block in blocks {
        if let Block::Paragraph {
            kind: ParagraphKind::Heading(level),
            ..
        } = block
        {
            let written = *level;
            while branch.last().is_some_and(|(w, _)| *w >= written) {
                branch.pop();
            }
            *level = branch.last().map_or(1, |(_, nested)| nested + 1);
            branch.push((written, *level));
        }
    }
}

/// A picture's size on the page: its own at 96 dpi, made smaller to fit, never larger.
fn shown_size(width: u32, height: u32) -> (u32, u32) {
    let (width, height) = (
        u64::from(width.max(1)) * EMU_PER_PIXEL,
        u64::from(height.max(1)) * EMU_PER_PIXEL,
    );
    // Scale by the tighter of the two limits, in thousandths, so it stays in integers.
    let scale = (PICTURE_MAX_WIDTH * 1000 / width)
        .min(PICTURE_MAX_HEIGHT * 1000 / height)
        .min(1000);
    let shown = |emu: u64| ((emu * scale / 1000).max(1)).min(u64::from(u32::MAX)) as u32;
    (shown(width), shown(height))
}

/// The bytes Word shows and their size in pixels: PNG, JPEG and GIF as they are; WebP,
/// which older Word cannot show, as PNG (with transparency) or JPEG. `None` when the
/// picture cannot be read, so it is listed instead.
fn word_picture(bytes: &[u8], media_type: &str) -> Option<(Vec<u8>, u32, u32)> {
    match media_type {
        "image/gif" => {
            // The logical screen size, little-endian, right after "GIF89a".
            let size = bytes.get(6..10)?;
            let width = u32::from(u16::from_le_bytes([size[0], size[1]]));
            let height = u32::from(u16::from_le_bytes([size[2], size[3]]));
            (bytes.starts_with(b"GIF8") && width > 0 && height > 0)
                .then(|| (bytes.to_vec(), width, height))
        }
        "image/webp" => {
            let picture =
                image::load_from_memory_with_format(bytes, image::ImageFormat::WebP).ok()?;
            let (width, height) = (picture.width(), picture.height());
            let mut out = Cursor::new(Vec::new());
            if picture.color().has_alpha() {
                picture.write_to(&mut out, image::ImageFormat::Png).ok()?;
            } else {
                let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
                picture.to_rgb8().write_with_encoder(encoder).ok()?;
            }
            Some((out.into_inner(), width, height))
        }
        _ => {
            let (width, height) = image::ImageReader::new(Cursor::new(bytes))
                .with_guessed_format()
                .ok()?
                .into_dimensions()
                .ok()?;
            Some((bytes.to_vec(), width, height))
        }
    }
}

impl Writer<'_> {
    fn add(&mut self, paragraph: Paragraph) {
        self.body.push(Element::Paragraph(Box::new(paragraph)));
    }

    fn add_blocks(&mut self, blocks: &[Block], heading_base: u8) {
        let elements = self.document.blocks(blocks, heading_base, None);
        self.body.extend(elements);
    }

    /// A heading; those the contents lists carry a bookmark for it to link to.
    fn heading(&mut self, level: u8, text: &str, bookmark: Option<String>) {
        let paragraph = self.document.heading(level, text);
        let paragraph = match bookmark {
            Some(name) => {
                if level <= CONTENTS_LEVELS {
                    self.contents.push(ContentsLine {
                        level,
                        text: text.to_string(),
                        bookmark: name.clone(),
                    });
                }
                self.document.bookmark(paragraph, &name)
            }
            None => paragraph,
        };
        self.add(paragraph);
    }

    /// The candidate's Markdown with its formatting, evidence references linked; their
    /// own headings sit below `heading_base`.
    fn candidate_text(&mut self, markdown: &str, heading_base: u8) {
        if markdown.trim().is_empty() {
            self.add_blocks(
                &[normal(vec![Inline::italic("Not written yet.")])],
                heading_base,
            );
            return;
        }
        let mut written: Vec<Block> = blocks::blocks(markdown)
            .into_iter()
            .map(|block| match block {
                Block::Paragraph { kind, inlines } => Block::Paragraph {
                    kind,
                    inlines: link_references(inlines, self.portfolio),
                },
                Block::Table { rows } => Block::Table {
                    rows: rows
                        .into_iter()
                        .map(|row| {
                            row.into_iter()
                                .map(|cell| link_references(cell, self.portfolio))
                                .collect()
                        })
                        .collect(),
                },
            })
            .collect();
        nest_headings(&mut written);
        self.add_blocks(&written, heading_base);
    }

    fn title_page(&mut self, now: OffsetDateTime) -> Vec<Paragraph> {
        let portfolio = self.portfolio;
        let candidate = &portfolio.candidate;
        let mut page = vec![
            self.document.text("CMALT portfolio"),
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(portfolio.display_title())),
        ];
        let mut details = Vec::new();
        for (label, value) in [
            ("Candidate", &candidate.name),
            ("Role", &candidate.role),
            ("Organisation", &candidate.organisation),
            ("Context", &candidate.context),
        ] {
            if !value.trim().is_empty() {
                details.push((label, value.trim().to_string()));
            }
        }
        details.push((
            "Pathway",
            self.framework.pathway(portfolio.pathway).name.clone(),
        ));
        if let Some(award) = &portfolio.previous_award {
            let held = &self.framework.pathway(award.pathway).name;
            let held = match award.year {
                Some(year) => format!("{held} ({year})"),
                None => held.clone(),
            };
            details.push(("Already holds", held));
        }
        details.push(("Exported", long_date(now.date())));
        for (label, value) in details {
            page.push(self.document.labelled(label, &value));
        }
        page
    }

    /// The table of contents: a real TOC field (Word fills in page numbers when it updates
    /// it), holding the headings it will list as links, so it reads right before any
    /// update too (LibreOffice and Google Docs show it as written).
    fn contents_field(&self) -> Vec<Paragraph> {
        let instruction = InstrToC::new()
            .heading_styles_range(1, usize::from(CONTENTS_LEVELS))
            .hyperlink()
            .hide_tab_and_page_numbers_in_webview()
            .use_applied_paragraph_line_level();
        let begin = Run::new()
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(InstrText::TOC(instruction))
            .add_field_char(FieldCharType::Separate, false);
        let end = || Run::new().add_field_char(FieldCharType::End, false);
        let mut paragraphs = vec![
            Paragraph::new()
                .style("TOCHeading")
                .add_run(Run::new().add_text("Contents")),
        ];
        let mut begin = Some(begin);
        for line in &self.contents {
            let mut paragraph = Paragraph::new().style(&format!("TOC{}", line.level));
            if let Some(begin) = begin.take() {
                paragraph = paragraph.add_run(begin);
            }
            paragraphs.push(
                paragraph.add_hyperlink(
                    Hyperlink::new(&line.bookmark, HyperlinkType::Anchor)
                        .add_run(Run::new().add_text(&line.text)),
                ),
            );
        }
        match begin {
            // Nothing to list: the field still stands, for Word to fill.
            Some(begin) => paragraphs.push(Paragraph::new().add_run(begin).add_run(end())),
            None => paragraphs.push(Paragraph::new().style("TOC1").add_run(end())),
        }
        paragraphs
    }

    fn revisions(&mut self, summary: &RevisionSummary) {
        self.heading(1, "Summary of revisions", Some("revisions".into()));
        let when = summary.since.taken_at.date();
        let what = if summary.since.submitted {
            "the version submitted"
        } else {
            "the version kept"
        };
        let label = match summary.since.label.trim() {
            "" => String::new(),
            label => format!(" (“{label}”)"),
        };
        let mut intro = vec![normal(vec![Inline::plain(&format!(
            "What changed in each section since {what} on {}{label}.",
            long_date(when)
        ))])];
        if let Some(assessment) = &summary.assessment {
            intro.push(normal(vec![
                Inline::plain("Outcome of that assessment: "),
                Inline::bold(&self.framework.outcome(assessment.outcome).name),
                Inline::plain(&format!(", received {}.", assessment.received_on)),
            ]));
        }
        let with_ratings = summary.assessment.is_some();
        let mut header = vec![vec![Inline::plain("Section")]];
        if with_ratings {
            header.push(vec![Inline::plain("Assessors' rating")]);
        }
        for column in ["Change", "Words added", "Words removed"] {
            header.push(vec![Inline::plain(column)]);
        }
        let mut rows = vec![header];
        for change in &summary.comparison.sections {
            let mut row = vec![vec![Inline::plain(&change_heading(change))]];
            if with_ratings {
                row.push(vec![Inline::plain(rating_name(summary.rating(&change.id)))]);
            }
            row.push(vec![Inline::plain(status_words(change))]);
            row.push(vec![Inline::plain(&change.words_added.to_string())]);
            row.push(vec![Inline::plain(&change.words_removed.to_string())]);
            rows.push(row);
        }
        intro.push(Block::Table { rows });
        let changed: Vec<_> = summary.comparison.changed().collect();
        intro.push(normal(vec![Inline::plain(if changed.is_empty() {
            "No section has changed."
        } else {
            "In the passages below, added text is underlined and removed text is struck through. Long unchanged stretches are shortened to “…”."
        })]));
        self.add_blocks(&intro, 1);
        for change in changed {
            self.heading(
                2,
                &change_heading(change),
                Some(bookmark_name("revised", &change.id)),
            );
            if let Some(feedback) = summary
                .assessment
                .as_ref()
                .and_then(|a| a.sections.get(&change.id))
                .filter(|f| !f.feedback.trim().is_empty())
            {
                self.add_blocks(
                    &[Block::Paragraph {
                        kind: ParagraphKind::Quote,
                        inlines: vec![
                            Inline::bold("Assessors' feedback: "),
                            Inline::plain(feedback.feedback.trim()),
                        ],
                    }],
                    2,
                );
            }
            let mut paragraph = Paragraph::new();
            for chunk in &change.diff {
                let run = match chunk.kind {
                    ChunkKind::Equal => Run::new().add_text(match &chunk.gap {
                        Some(gap) => format!("{} … {}", gap.head, gap.tail),
                        None => chunk.text.clone(),
                    }),
                    ChunkKind::Added => Run::new().add_text(&chunk.text).underline("single"),
                    ChunkKind::Removed => Run::new().add_text(&chunk.text).strike(),
                };
                paragraph = paragraph.add_run(run);
            }
            self.add(paragraph);
        }
    }

    fn group(&mut self, group: &ShownGroup<'_>) {
        self.heading(1, &group.heading(), Some(bookmark_name("group", &group.id)));
        for entry in &group.entries {
            self.heading(
                2,
                &section_heading(entry),
                Some(bookmark_name("section", &entry.id)),
            );
            self.section_body(entry);
        }
    }

    fn section_body(&mut self, entry: &OutlineEntry) {
        let empty = SectionEntry::default();
        let text = self.portfolio.section(&entry.id).unwrap_or(&empty);
        let parts = &self.framework.parts;
        match entry.kind {
            SectionKind::Statement => {
                self.candidate_text(&text.description, 2);
                if !text.citations.is_empty() {
                    self.heading(3, &parts.evidence.label, None);
                    self.cited_evidence(text);
                }
            }
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                self.topic_line(entry, text);
                for (label, body) in [
                    (&parts.description.label, &text.description),
                    (&parts.reflection.label, &text.reflection),
                ] {
                    self.heading(3, label, None);
                    self.candidate_text(body, 3);
                }
                self.heading(3, &parts.evidence.label, None);
                self.cited_evidence(text);
                if !text.references.trim().is_empty() {
                    self.heading(3, &parts.references.label, None);
                    self.candidate_text(&text.references, 3);
                }
            }
            SectionKind::Confirmation => self.confirmation(),
            SectionKind::Assessor => self.assessor(),
        }
    }

    /// The legislation or policy of 3a and 3b; areas carry their topic in the heading.
    fn topic_line(&mut self, entry: &OutlineEntry, text: &SectionEntry) {
        let Some(label) = topic_label(self.framework, entry, text) else {
            return;
        };
        self.add_blocks(&[detail(&label, &text.topic)], 2);
    }

    /// One item per citation: its number linked to the appendix, its title, what it shows
    /// and the section's note on it.
    fn cited_evidence(&mut self, text: &SectionEntry) {
        if text.citations.is_empty() {
            self.add_blocks(&[normal(vec![Inline::italic("No evidence cited.")])], 3);
            return;
        }
        let mut items = Vec::new();
        for citation in &text.citations {
            let mut inlines = Vec::new();
            match self.portfolio.evidence_item(&citation.evidence_id) {
                Some(item) => {
                    inlines.push(Inline {
                        bold: true,
                        ..linked(&item.id, format!("#{}", evidence_bookmark(&item.id)))
                    });
                    inlines.push(Inline::plain(&format!(" {}", item_title(item))));
                    let shows = item.details.what_it_shows.trim();
                    if !shows.is_empty() {
                        inlines.push(Inline::plain(&format!(": {shows}")));
                    }
                }
                None => {
                    inlines.push(Inline::bold(&citation.evidence_id));
                    inlines.push(Inline::plain(" (not in the evidence library)"));
                }
            }
            let note = citation.note.trim();
            if !note.is_empty() {
                inlines.push(Inline::italic(&format!(" ({note})")));
            }
            items.push(bullet(inlines));
        }
        self.add_blocks(&items, 3);
    }

    fn confirmation(&mut self) {
        let confirmation = &self.portfolio.confirmation;
        let mut out = vec![Block::Paragraph {
            kind: ParagraphKind::Quote,
            inlines: vec![Inline::plain(&self.framework.declaration)],
        }];
        if !confirmation.declaration_accepted {
            out.push(normal(vec![Inline::italic(
                "The candidate has not confirmed this declaration yet.",
            )]));
        }
        let signed = confirmation.signed_name.trim();
        let date = confirmation.date.trim();
        out.push(detail(
            "Signed",
            if signed.is_empty() {
                "Not signed yet"
            } else {
                signed
            },
        ));
        out.push(detail(
            "Date",
            &if date.is_empty() {
                "Not dated yet".to_string()
            } else {
                readable_date(date)
            },
        ));
        self.add_blocks(&out, 2);
    }

    fn assessor(&mut self) {
        let Some(assessor) = &self.portfolio.assessor else {
            return;
        };
        let mut out = Vec::new();
        for (label, value) in [
            ("Name", &assessor.name),
            ("Institution or organisation", &assessor.organisation),
        ] {
            if !value.trim().is_empty() {
                out.push(detail(label, value));
            }
        }
        let email = assessor.email.trim();
        if !email.is_empty() {
            let plain_address = email.contains('@')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || "<>\"'():;,\\".contains(c));
            let shown = if plain_address {
                linked(email, format!("mailto:{email}"))
            } else {
                Inline::plain(email)
            };
            out.push(normal(vec![Inline::bold("Email: "), shown]));
        }
        self.add_blocks(&out, 2);
    }

    fn appendix(&mut self, groups: &[ShownGroup<'_>], evidence: &[EvidenceFile<'_>]) {
        self.heading(1, "Evidence appendix", Some("evidence".into()));
        let intro = if self.portfolio.evidence.is_empty() {
            "The evidence library is empty.".to_string()
        } else {
            let files_note = if evidence.iter().all(|f| is_displayable_image(f.media_type)) {
                ""
            } else {
                " Pictures are shown in this document; other attached files are listed, and are in the web export of this portfolio."
            };
            format!("Each item is numbered as it is cited in the text (E1, E2…).{files_note}")
        };
        self.add_blocks(&[normal(vec![Inline::plain(&intro)])], 1);
        let entries: Vec<&OutlineEntry> = groups.iter().flat_map(|g| &g.entries).collect();
        for item in &self.portfolio.evidence {
            let file = evidence.iter().find(|f| std::ptr::eq(f.item, item));
            self.evidence_item(item, file, &entries);
        }
    }

    fn evidence_item(
        &mut self,
        item: &EvidenceItem,
        file: Option<&EvidenceFile<'_>>,
        entries: &[&OutlineEntry],
    ) {
        let title = item_title(item);
        self.heading(
            2,
            &format!("{} {title}", item.id),
            Some(evidence_bookmark(&item.id)),
        );
        let details = &item.details;
        let mut out = Vec::new();
        for (label, value) in [
            ("Date", readable_date(&details.date)),
            ("Origin", details.origin.clone()),
            ("What it shows", details.what_it_shows.clone()),
            (
                "Why it still counts",
                details.still_relevant_because.clone(),
            ),
        ] {
            if !value.trim().is_empty() {
                out.push(detail(label, &value));
            }
        }
        let mut cited_in = vec![Inline::bold("Cited in: ")];
        let citing: Vec<&&OutlineEntry> = entries
            .iter()
            .filter(|entry| html::cites(self.portfolio, &entry.id, &item.id))
            .collect();
        if citing.is_empty() {
            cited_in.push(Inline::plain("No section"));
        }
        for (index, entry) in citing.iter().enumerate() {
            if index > 0 {
                cited_in.push(Inline::plain(", "));
            }
            cited_in.push(linked(
                &section_label(entry),
                format!("#{}", bookmark_name("section", &entry.id)),
            ));
        }
        out.push(normal(cited_in));
        let mut picture = None;
        match &item.source {
            EvidenceSource::File {
                original_name,
                bytes,
                ..
            } => {
                let about = format!("{}, {}", file_kind(original_name), megabytes(*bytes));
                let shown = file
                    .filter(|f| is_displayable_image(f.media_type))
                    .and_then(|f| word_picture(&f.bytes, f.media_type));
                let where_it_is = if shown.is_some() {
                    "shown below"
                } else {
                    "in the web export of this portfolio"
                };
                out.push(detail(
                    "File",
                    &format!("{original_name} ({about}), {where_it_is}"),
                ));
                picture = shown;
            }
            EvidenceSource::Link { url } => {
                let shown = match web_address(url) {
                    Some(address) => linked(url.trim(), address),
                    None => Inline::plain(&format!(
                        "{} (not linked: only web addresses starting http:// or https:// are)",
                        url.trim()
                    )),
                };
                out.push(normal(vec![Inline::bold("Link: "), shown]));
            }
            EvidenceSource::MissingFile { original_name } => {
                out.push(detail("File", &format!("{original_name}: not attached")));
            }
        }
        self.add_blocks(&out, 2);
        if let Some((bytes, width, height)) = picture {
            let (shown_width, shown_height) = shown_size(width, height);
            self.embedded.push(Embedded {
                label: evidence_label(item),
                bytes: bytes.len() as u64,
            });
            let shows = details.what_it_shows.trim();
            self.alt_texts.push(if shows.is_empty() {
                format!("{}: {title}", item.id)
            } else {
                format!("{}: {title}. {shows}", item.id)
            });
            let pic =
                Pic::new_with_dimensions(bytes, width, height).size(shown_width, shown_height);
            self.add(Paragraph::new().add_run(Run::new().add_image(pic)));
        }
    }
}

/// "2b An understanding of your target learners", as the rest of the document heads it.
fn change_heading(change: &crate::versions::SectionChange) -> String {
    match &change.number {
        Some(number) => format!("{number} {}", change.title),
        None => change.title.clone(),
    }
}

/// The Word document of `portfolio`, its pictures from `evidence` (photos already without
/// their personal details).
pub(crate) fn document(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: &[EvidenceFile<'_>],
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
) -> WordExport {
    let groups = shown_groups(framework, portfolio);
    let mut writer = Writer {
        framework,
        portfolio,
        document: WordDocument::new(),
        body: Vec::new(),
        contents: Vec::new(),
        alt_texts: Vec::new(),
        embedded: Vec::new(),
    };
    // The body first, so the contents know its headings; the title page goes before both.
    writer.add(writer.document.page_break());
    if let Some(summary) = revisions {
        writer.revisions(summary);
    }
    for group in &groups {
        writer.group(group);
    }
    writer.appendix(&groups, evidence);
    writer.add_blocks(&[normal(vec![Inline::italic(MADE_WITH)])], 1);

    let mut document = std::mem::take(&mut writer.document);
    for paragraph in writer.title_page(now) {
        document.add_paragraph(paragraph);
    }
    document.add_paragraph(document.page_break());
    for paragraph in writer.contents_field() {
        document.add_paragraph(paragraph);
    }
    for element in std::mem::take(&mut writer.body) {
        document.add(element);
    }
    let name = portfolio.candidate.name.trim();
    let title = portfolio.display_title();
    let title = if name.is_empty() {
        format!("{title}: CMALT portfolio")
    } else {
        format!("{title}: CMALT portfolio of {name}")
    };
    let packed = document.to_bytes();
    let bytes = word_package::finish(
        &packed,
        &PackageDetails {
            title: &title,
            author: name,
            created: now,
            alt_texts: &writer.alt_texts,
        },
    );
    WordExport {
        bytes,
        embedded: writer.embedded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_are_ones_word_accepts() {
        assert_eq!(bookmark_name("section", "advanced-1"), "section_advanced_1");
        assert_eq!(bookmark_name("evidence", "E12"), "evidence_E12");
        assert_eq!(bookmark_name("group", &"x".repeat(60)).len(), 40);
    }

    #[test]
    fn candidate_headings_nest_under_the_part_without_skipping() {
        let heading = |level| Block::Paragraph {
            kind: ParagraphKind::Heading(level),
            inlines: vec![Inline::plain("h")],
        };
        let mut blocks = vec![heading(1), heading(3), heading(2), heading(1), heading(4)];
        nest_headings(&mut blocks);
        let levels: Vec<u8> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph {
                    kind: ParagraphKind::Heading(level),
                    ..
                } => *level,
                _ => 0,
            })
            .collect();
        assert_eq!(
            levels,
            [1, 2, 2, 1, 2],
            "# > ### becomes 1 > 2, and ## stays inside #"
        );
    }

    #[test]
    fn pictures_shrink_to_fit_the_page_and_never_grow() {
        assert_eq!(
            shown_size(100, 50),
            (952_500, 476_250),
            "small stays as it is"
        );
        let (width, height) = shown_size(4000, 3000);
        assert!(width <= PICTURE_MAX_WIDTH as u32 && height <= PICTURE_MAX_HEIGHT as u32);
        assert!(
            (width as f64 / height as f64 - 4.0 / 3.0).abs() < 0.01,
            "shape kept"
        );
        let (_, tall) = shown_size(500, 20_000);
        assert!(
            tall <= PICTURE_MAX_HEIGHT as u32,
            "a tall screenshot fits the page"
        );
    }

    #[test]
    fn references_link_to_the_item_and_keep_their_formatting() {
        let portfolio = Portfolio::new(
            "t",
            "n",
            crate::framework::PathwayId::Cmalt,
            time::macros::datetime!(2026-01-01 0:00 UTC),
        );
        let inlines = link_references(
            vec![Inline {
                bold: true,
                ..Inline::plain("See [E1] and [E2].")
            }],
            &portfolio,
        );
        let texts: Vec<&str> = inlines.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            ["See ", "[E1]", " and ", "[E2]", "."],
            "references to no item stay as written"
        );
        assert!(inlines.iter().all(|i| i.bold), "the run's bold is kept");
    }
}
