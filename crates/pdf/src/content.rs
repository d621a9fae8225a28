//! What the PDF says, in the order the web page says it (`html::document`): the title page,
//! the contents, the summary of revisions, every section the pathway shows in framework order,
//! and the evidence appendix; as blocks of styled runs for the layout to set on pages.

use super::fonts::Style;
use cmalt_core::dates::long_date;
use cmalt_core::evidence::EvidenceItem;
use cmalt_core::evidence::EvidenceSource;
use cmalt_core::evidence::files::megabytes;
use cmalt_core::evidence::refs::references_in;
use cmalt_core::export::bundle::{EvidenceFile, is_displayable_image};
use cmalt_core::export::html::{
    ShownGroup, anchor, file_kind, item_title, readable_date, section_label, shown_groups,
    topic_label, web_address,
};
use cmalt_core::export::revisions::{RevisionSummary, rating_name, status_words};
use cmalt_core::framework::{Framework, SectionKind};
use cmalt_core::mentor_review::blocks::{self as markdown_blocks, Inline, ParagraphKind};
use cmalt_core::model::{Portfolio, SectionEntry};
use cmalt_core::outline::OutlineEntry;
use time::OffsetDateTime;

/// Where a run of text leads when clicked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LinkTo {
    Web(String),
    /// A place in the document: `section-1a`, `evidence-E3`.
    Place(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub text: String,
    pub style: Style,
    pub link: Option<LinkTo>,
}

impl Run {
    pub(crate) fn plain(text: impl Into<String>) -> Run {
        Run::styled(text, Style::Regular)
    }

    pub(crate) fn styled(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
            link: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TextKind {
    /// The portfolio's title on the title page.
    Title,
    /// 1 to 6: sections are 1, their parts 2, the candidate's own headings below.
    Heading(u8),
    Paragraph,
    /// A line above a section naming its group ("Core area 1: Operational issues").
    Kicker,
    Quote,
    Code,
    /// `label` is the bullet or number.
    ListItem {
        label: String,
        level: usize,
    },
    /// A further paragraph of a list item.
    ListContinuation {
        level: usize,
    },
    /// A remark such as "Not written yet."
    Note,
}

/// An entry of the bookmarks panel, at `level` (0 is the top).
#[derive(Debug, Clone)]
pub(crate) struct Bookmark {
    pub level: usize,
    pub title: String,
}

pub(crate) enum Block {
    Text {
        kind: TextKind,
        runs: Vec<Run>,
        /// The place links to this block lead to.
        anchor: Option<String>,
        bookmark: Option<Bookmark>,
    },
    /// Rows of cells; the first row is the header.
    Table {
        rows: Vec<Vec<Vec<Run>>>,
    },
    Image {
        image: krilla::image::Image,
        alt: String,
    },
    /// The contents: each entry's words, the place it leads to and how deep it sits.
    Contents(Vec<(String, String, usize)>),
    PageBreak,
}

struct Builder<'a> {
    framework: &'a Framework,
    portfolio: &'a Portfolio,
    blocks: Vec<Block>,
}

impl Builder<'_> {
    fn text(&mut self, kind: TextKind, runs: Vec<Run>) {
        self.blocks.push(Block::Text {
            kind,
            runs,
            anchor: None,
            bookmark: None,
        });
    }

    fn heading(&mut self, level: u8, text: &str, anchor: Option<String>, bookmark: Option<usize>) {
        self.blocks.push(Block::Text {
            kind: TextKind::Heading(level),
            runs: vec![Run::styled(text, Style::Bold)],
            anchor,
            bookmark: bookmark.map(|level| Bookmark {
                level,
                title: text.to_string(),
            }),
        });
    }

    /// "Label: value", the label in bold.
    fn detail(&mut self, label: &str, value: Vec<Run>) {
        let mut runs = vec![Run::styled(format!("{label}: "), Style::Bold)];
        runs.extend(value);
        self.text(TextKind::Paragraph, runs);
    }

    fn note(&mut self, text: &str) {
        self.text(TextKind::Note, vec![Run::styled(text, Style::Italic)]);
    }

    fn title_page(&mut self, now: OffsetDateTime) {
        let portfolio = self.portfolio;
        let candidate = &portfolio.candidate;
        self.text(
            TextKind::Kicker,
            vec![Run::styled("CMALT portfolio", Style::Bold)],
        );
        self.blocks.push(Block::Text {
            kind: TextKind::Title,
            runs: vec![Run::styled(portfolio.display_title(), Style::Bold)],
            anchor: None,
            bookmark: Some(Bookmark {
                level: 0,
                title: portfolio.display_title(),
            }),
        });
        let pathway = self.framework.pathway(portfolio.pathway).name.clone();
        let mut details: Vec<(&str, String)> = vec![
            ("Candidate", candidate.name.clone()),
            ("Role", candidate.role.clone()),
            ("Organisation", candidate.organisation.clone()),
            ("Context", candidate.context.clone()),
            ("Pathway", pathway),
        ];
        if let Some(award) = &portfolio.previous_award {
            let held = &self.framework.pathway(award.pathway).name;
            details.push((
                "Already holds",
                match award.year {
                    Some(year) => format!("{held} ({year})"),
                    None => held.clone(),
                },
            ));
        }
        details.push(("Exported", long_date(now.date())));
        for (label, value) in details {
            if !value.trim().is_empty() {
                self.detail(label, vec![Run::plain(value.trim())]);
            }
        }
        self.blocks.push(Block::PageBreak);
    }

    fn contents(&mut self, groups: &[ShownGroup<'_>], with_revisions: bool) {
        self.heading(1, "Contents", Some("contents".into()), Some(0));
        let mut entries = Vec::new();
        if with_revisions {
            entries.push(("Summary of revisions".to_string(), "revisions".into(), 0));
        }
        for group in groups {
            let single = group.entries.len() == 1;
            if !single {
                entries.push((group.heading(), anchor("group", &group.id), 0));
            }
            for entry in &group.entries {
                let depth = usize::from(!single);
                entries.push((section_heading(entry), anchor("section", &entry.id), depth));
            }
        }
        entries.push(("Evidence appendix".into(), "evidence".into(), 0));
        self.blocks.push(Block::Contents(entries));
        self.blocks.push(Block::PageBreak);
    }

    fn revisions(&mut self, summary: &RevisionSummary) {
        self.heading(1, "Summary of revisions", Some("revisions".into()), Some(0));
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
        self.text(
            TextKind::Paragraph,
            vec![Run::plain(format!(
                "What changed in each section since {what} on {} {} {}{label}.",
                when.day(),
                when.month(),
                when.year()
            ))],
        );
        if let Some(assessment) = &summary.assessment {
            self.detail(
                "Outcome of that assessment",
                vec![Run::plain(format!(
                    "{}, received {}",
                    self.framework.outcome(assessment.outcome).name,
                    assessment.received_on
                ))],
            );
        }
        let with_ratings = summary.assessment.is_some();
        let mut header = vec![vec![Run::styled("Section", Style::Bold)]];
        if with_ratings {
            header.push(vec![Run::styled("Assessors' rating", Style::Bold)]);
        }
        for title in ["Change", "Words added", "Words removed"] {
            header.push(vec![Run::styled(title, Style::Bold)]);
        }
        let mut rows = vec![header];
        for change in &summary.comparison.sections {
            let name = match &change.number {
                Some(number) => format!("{number} {}", change.title),
                None => change.title.clone(),
            };
            let mut row = vec![vec![Run::plain(name)]];
            if with_ratings {
                row.push(vec![Run::plain(rating_name(summary.rating(&change.id)))]);
            }
            row.push(vec![Run::plain(status_words(change))]);
            row.push(vec![Run::plain(change.words_added.to_string())]);
            row.push(vec![Run::plain(change.words_removed.to_string())]);
            rows.push(row);
        }
        self.blocks.push(Block::Table { rows });
        self.blocks.push(Block::PageBreak);
    }

    fn sections(&mut self, groups: &[ShownGroup<'_>]) {
        for group in groups {
            let single = group.entries.len() == 1;
            let mut kicker = Some(group.heading());
            for entry in &group.entries {
                // A group of several sections: its name above the first, and a bookmark
                // holding theirs.
                if !single && let Some(heading) = kicker.take() {
                    self.blocks.push(Block::Text {
                        kind: TextKind::Kicker,
                        runs: vec![Run::styled(heading.clone(), Style::Bold)],
                        anchor: Some(anchor("group", &group.id)),
                        bookmark: Some(Bookmark {
                            level: 0,
                            title: heading,
                        }),
                    });
                }
                let title = section_heading(entry);
                self.heading(
                    1,
                    &title,
                    Some(anchor("section", &entry.id)),
                    Some(usize::from(!single)),
                );
                self.section_body(entry);
                self.blocks.push(Block::PageBreak);
            }
        }
    }

    fn section_body(&mut self, entry: &OutlineEntry) {
        let empty = SectionEntry::default();
        let text = self.portfolio.section(&entry.id).unwrap_or(&empty);
        let parts = &self.framework.parts;
        match entry.kind {
            SectionKind::Statement => {
                self.markdown(&text.description, 1);
                if !text.citations.is_empty() {
                    self.heading(2, &parts.evidence.label, None, None);
                    self.cited_evidence(text);
                }
            }
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                self.topic_line(entry, text);
                for (label, body) in [
                    (&parts.description.label, &text.description),
                    (&parts.reflection.label, &text.reflection),
                ] {
                    self.heading(2, label, None, None);
                    self.markdown(body, 2);
                }
                self.heading(2, &parts.evidence.label, None, None);
                self.cited_evidence(text);
                if !text.references.trim().is_empty() {
                    self.heading(2, &parts.references.label, None, None);
                    self.markdown(&text.references, 2);
                }
            }
            SectionKind::Confirmation => self.confirmation(),
            SectionKind::Assessor => self.assessor(),
        }
    }

    fn topic_line(&mut self, entry: &OutlineEntry, text: &SectionEntry) {
        let Some(label) = topic_label(self.framework, entry, text) else {
            return;
        };
        self.detail(&label, vec![Run::plain(text.topic.trim())]);
    }

    fn cited_evidence(&mut self, text: &SectionEntry) {
        if text.citations.is_empty() {
            self.note("No evidence cited.");
            return;
        }
        for citation in &text.citations {
            let mut runs = match self.portfolio.evidence_item(&citation.evidence_id) {
                Some(item) => vec![Run {
                    text: format!("{} {}", item.id, item_title(item)),
                    style: Style::Regular,
                    link: Some(LinkTo::Place(anchor("evidence", &item.id))),
                }],
                None => vec![Run::plain(format!(
                    "{} (not in the evidence library)",
                    citation.evidence_id
                ))],
            };
            let note = citation.note.trim();
            if !note.is_empty() {
                runs.push(Run::styled(format!(" {note}"), Style::Italic));
            }
            self.text(
                TextKind::ListItem {
                    label: "•".into(),
                    level: 0,
                },
                runs,
            );
        }
    }

    fn confirmation(&mut self) {
        let confirmation = &self.portfolio.confirmation;
        self.text(
            TextKind::Quote,
            vec![Run::plain(self.framework.declaration.clone())],
        );
        if !confirmation.declaration_accepted {
            self.note("The candidate has not confirmed this declaration yet.");
        }
        let signed = confirmation.signed_name.trim();
        let date = confirmation.date.trim();
        self.detail(
            "Signed",
            vec![Run::plain(if signed.is_empty() {
                "Not signed yet".to_string()
            } else {
                signed.to_string()
            })],
        );
        self.detail(
            "Date",
            vec![Run::plain(if date.is_empty() {
                "Not dated yet".to_string()
            } else {
                readable_date(date)
            })],
        );
    }

    fn assessor(&mut self) {
        let Some(assessor) = &self.portfolio.assessor else {
            return;
        };
        for (label, value) in [
            ("Name", &assessor.name),
            ("Institution or organisation", &assessor.organisation),
            ("Email", &assessor.email),
        ] {
            if !value.trim().is_empty() {
                self.detail(label, vec![Run::plain(value.trim())]);
            }
        }
    }

    /// The candidate's Markdown, its headings nested under `parent` without skipping a level.
    fn markdown(&mut self, text: &str, parent: u8) {
        if text.trim().is_empty() {
            self.note("Not written yet.");
            return;
        }
        // (level the candidate wrote, level in the export) of the open branch of headings.
        let mut branch: Vec<(u8, u8)> = Vec::new();
        for block in markdown_blocks::blocks(text) {
            match block {
                markdown_blocks::Block::Paragraph { kind, inlines } => {
                    let runs = self.runs(&inlines);
                    if runs.iter().all(|r| r.text.trim().is_empty()) {
                        continue;
                    }
                    let kind = match kind {
                        ParagraphKind::Normal => TextKind::Paragraph,
                        ParagraphKind::Heading(written) => {
                            while branch.last().is_some_and(|(w, _)| *w >= written) {
                                branch.pop();
                            }
                            let level = branch.last().map_or(parent + 1, |(_, e)| e + 1).min(6);
                            branch.push((written, level));
                            TextKind::Heading(level)
                        }
                        ParagraphKind::ListItem {
                            ordered,
                            level,
                            start,
                            ..
                        } => TextKind::ListItem {
                            label: if ordered {
                                format!("{start}.")
                            } else {
                                "•".into()
                            },
                            level,
                        },
                        ParagraphKind::ListContinuation { level } => {
                            TextKind::ListContinuation { level }
                        }
                        ParagraphKind::Quote => TextKind::Quote,
                        ParagraphKind::Code => TextKind::Code,
                    };
                    self.text(kind, runs);
                }
                markdown_blocks::Block::Table { rows } => {
                    let rows = rows
                        .iter()
                        .enumerate()
                        .map(|(at, row)| {
                            row.iter()
                                .map(|cell| {
                                    let mut runs = self.runs(cell);
                                    if at == 0 {
                                        for run in &mut runs {
                                            run.style = Style::Bold;
                                        }
                                    }
                                    runs
                                })
                                .collect()
                        })
                        .collect();
                    self.blocks.push(Block::Table { rows });
                }
            }
        }
    }

    /// Markdown runs as styled runs: web links live, `[E3]` a link to item E3.
    fn runs(&self, inlines: &[Inline]) -> Vec<Run> {
        let mut runs = Vec::new();
        for inline in inlines {
            if inline.line_break {
                runs.push(Run::plain("\n"));
                continue;
            }
            let style = if inline.code {
                Style::Mono
            } else {
                Style::with(inline.bold, inline.italic)
            };
            let link = inline
                .link
                .as_deref()
                .and_then(web_address)
                .map(LinkTo::Web);
            if link.is_some() || inline.code {
                runs.push(Run {
                    text: inline.text.clone(),
                    style,
                    link,
                });
                continue;
            }
            self.with_references(&inline.text, style, &mut runs);
        }
        runs
    }

    /// Splits `text` at each `[E3]` of an item in the library, which becomes a link.
    fn with_references(&self, text: &str, style: Style, runs: &mut Vec<Run>) {
        let mut rest = text;
        for id in references_in(text) {
            let reference = format!("[{id}]");
            let Some(at) = rest.find(&reference) else {
                continue;
            };
            if self.portfolio.evidence_item(id).is_none() {
                continue;
            }
            if at > 0 {
                runs.push(Run::styled(&rest[..at], style));
            }
            runs.push(Run {
                text: reference.clone(),
                style,
                link: Some(LinkTo::Place(anchor("evidence", id))),
            });
            rest = &rest[at + reference.len()..];
        }
        if !rest.is_empty() {
            runs.push(Run::styled(rest, style));
        }
    }

    fn appendix(&mut self, groups: &[ShownGroup<'_>], evidence: &[EvidenceFile<'_>]) {
        self.heading(1, "Evidence appendix", Some("evidence".into()), Some(0));
        if self.portfolio.evidence.is_empty() {
            self.note("The evidence library is empty.");
        } else {
            self.text(
                TextKind::Paragraph,
                vec![Run::plain(
                    "Each item is numbered as it is cited in the text (E1, E2…). Images are shown here; other attached files are in the web bundle of this portfolio.",
                )],
            );
        }
        let entries: Vec<&OutlineEntry> = groups.iter().flat_map(|g| &g.entries).collect();
        for item in &self.portfolio.evidence {
            self.evidence_item(item, &entries, evidence);
        }
    }

    fn evidence_item(
        &mut self,
        item: &EvidenceItem,
        entries: &[&OutlineEntry],
        evidence: &[EvidenceFile<'_>],
    ) {
        let title = format!("{} {}", item.id, item_title(item));
        self.heading(2, &title, Some(anchor("evidence", &item.id)), Some(1));
        let details = &item.details;
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
                self.detail(label, vec![Run::plain(value.trim())]);
            }
        }
        let mut citing = Vec::new();
        for entry in entries.iter().filter(|e| self.cites(&e.id, &item.id)) {
            if !citing.is_empty() {
                citing.push(Run::plain(", "));
            }
            citing.push(Run {
                text: section_label(entry),
                style: Style::Regular,
                link: Some(LinkTo::Place(anchor("section", &entry.id))),
            });
        }
        if citing.is_empty() {
            citing.push(Run::plain("No section"));
        }
        self.detail("Cited in", citing);
        match &item.source {
            EvidenceSource::File {
                original_name,
                bytes,
                ..
            } => {
                let about = format!("{}, {}", file_kind(original_name), megabytes(*bytes));
                let file = evidence.iter().find(|f| std::ptr::eq(f.item, item));
                let image = file.and_then(|f| picture(f.media_type, &f.bytes));
                let shown = if image.is_some() {
                    format!("{original_name} ({about}), shown below")
                } else {
                    format!(
                        "{original_name} ({about}): not inside this PDF; it is in the web bundle of this portfolio."
                    )
                };
                self.detail("File", vec![Run::plain(shown)]);
                if let Some(image) = image {
                    self.blocks.push(Block::Image {
                        image,
                        alt: format!("{}: {}", item.id, item_title(item)),
                    });
                }
            }
            EvidenceSource::Link { url } => {
                let shown = match web_address(url) {
                    Some(address) => Run {
                        text: url.trim().to_string(),
                        style: Style::Regular,
                        link: Some(LinkTo::Web(address)),
                    },
                    None => Run::plain(format!(
                        "{} (not linked: only web addresses starting http:// or https:// are)",
                        url.trim()
                    )),
                };
                self.detail("Link", vec![shown]);
            }
            EvidenceSource::MissingFile { original_name } => {
                self.detail(
                    "File",
                    vec![Run::plain(format!("{original_name}: not attached"))],
                );
            }
        }
    }

    /// A section cites an item by a citation or by `[E3]` in its text.
    fn cites(&self, section_id: &str, evidence_id: &str) -> bool {
        self.portfolio.section(section_id).is_some_and(|entry| {
            entry.citations.iter().any(|c| c.evidence_id == evidence_id)
                || [&entry.description, &entry.reflection]
                    .iter()
                    .any(|text| references_in(text).contains(&evidence_id))
        })
    }
}

/// A photo or screenshot as a PDF image; a JPEG goes in as it is, undecoded.
fn picture(media_type: &str, bytes: &[u8]) -> Option<krilla::image::Image> {
    if !is_displayable_image(media_type) {
        return None;
    }
    let data: krilla::Data = bytes.to_vec().into();
    match media_type {
        "image/png" => krilla::image::Image::from_png(data, true).ok(),
        "image/jpeg" => krilla::image::Image::from_jpeg(data, true).ok(),
        "image/webp" => krilla::image::Image::from_webp(data, true).ok(),
        _ => None,
    }
}

/// "1a An understanding of…", "5a Specialist area 1: Accessible content".
fn section_heading(entry: &OutlineEntry) -> String {
    let mut heading = match &entry.number {
        Some(number) => format!("{number} {}", entry.title),
        None => entry.title.clone(),
    };
    if entry.kind.area_kind().is_some() && !entry.topic.is_empty() {
        heading.push_str(": ");
        heading.push_str(&entry.topic);
    }
    heading
}

/// The whole document as blocks, in reading order.
pub(crate) fn blocks(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: &[EvidenceFile<'_>],
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
) -> Vec<Block> {
    let groups = shown_groups(framework, portfolio);
    let mut builder = Builder {
        framework,
        portfolio,
        blocks: Vec::new(),
    };
    builder.title_page(now);
    builder.contents(&groups, revisions.is_some());
    if let Some(summary) = revisions {
        builder.revisions(summary);
    }
    builder.sections(&groups);
    builder.appendix(&groups, evidence);
    builder.blocks
}
