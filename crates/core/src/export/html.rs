//! The exported document: one accessible page with a title page, the contents, every section
//! the pathway shows in framework order, the confirmation, the nominated assessor and the
//! evidence appendix. Candidate text goes through `markdown::render` and
//! `evidence_refs::link_references`, as in the preview; every other field is escaped here.

use super::revisions::RevisionSummary;
use crate::dates::long_date;
use crate::evidence::files::megabytes;
use crate::evidence::refs::{link_references, references_in};
use crate::evidence::{EvidenceItem, EvidenceSource, evidence_date_start};
use crate::framework::{Framework, Group, SectionInfo, SectionKind};
use crate::markdown;
use crate::model::{NominatedAssessor, Portfolio, SectionEntry};
use crate::outline::{self, OutlineEntry};
use std::fmt::Write as _;
use time::OffsetDateTime;

/// Screen and print styles, shared by every export (and free for the app to reuse).
pub const STYLESHEET: &str = include_str!("../../../../assets/export/portfolio.css");

/// The small print at the foot of every export.
pub const MADE_WITH: &str = "Made with CMALT Portfolio, an independent app not endorsed by ALT.";

/// The page's language: the scheme is British and so is the app's wording.
pub const LANGUAGE: &str = "en-GB";

/// Where the page finds its styles.
pub(crate) enum Styles {
    /// `portfolio.css` beside `index.html`.
    Linked,
    /// Inside the page, for the single-file export.
    Inline,
}

/// How the appendix offers one attached file.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileView {
    /// Where the file opens or downloads from; `None` when it is left out of this export.
    pub href: Option<String>,
    /// The file name a `data:` download is saved under.
    pub download: Option<String>,
    /// The same file shown in the page, for images a browser can display.
    pub image_src: Option<String>,
}

/// Escapes text for HTML content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A fragment identifier made only of characters that are valid everywhere.
pub fn anchor(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-{safe}")
}

/// An href for a path inside the bundle: unreserved characters kept, the rest percent-encoded,
/// so that no file name can end the attribute or read as a scheme.
pub(crate) fn path_href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Only web addresses become links: `javascript:`, `data:` and the rest are shown as text.
pub fn web_address(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// Evidence and confirmation dates as a reader says them: "May 2024", "14 March 2026";
/// anything else exactly as the candidate wrote it.
pub fn readable_date(text: &str) -> String {
    let text = text.trim();
    let Some(start) = evidence_date_start(text) else {
        return text.to_string();
    };
    match text.split('-').count() {
        1 => start.year().to_string(),
        2 => format!("{} {}", start.month(), start.year()),
        _ => long_date(start),
    }
}

/// Candidate headings nest under the heading at `parent` and never skip a level, whatever
/// levels the Markdown used, so the page's outline stays whole for screen readers.
fn nest_headings(html: &str, parent: u8) -> String {
    let mut out = String::with_capacity(html.len());
    // (level written by the candidate, level in the export) of the open outline branch.
    let mut branch: Vec<(u8, u8)> = Vec::new();
    let mut current = parent + 1;
    let mut rest = html;
    while let Some(at) = rest.find("<h").into_iter().chain(rest.find("</h")).min() {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let closing = rest.starts_with("</h");
        let digit_at = if closing { 3 } else { 2 };
        let level = rest.as_bytes().get(digit_at).copied();
        let ends = rest.as_bytes().get(digit_at + 1) == Some(&b'>');
        match level {
            Some(digit @ b'1'..=b'6') if ends => {
                let written = digit - b'0';
                if !closing {
                    while branch.last().is_some_and(|(w, _)| *w >= written) {
                        branch.pop();
                    }
                    current = branch.last().map_or(parent + 1, |(_, e)| e + 1).min(6);
                    branch.push((written, current));
                }
                let _ = write!(out, "<{}h{current}>", if closing { "/" } else { "" });
                rest = &rest[digit_at + 2..];
            }
            _ => {
                out.push_str(&rest[..digit_at]);
                rest = &rest[digit_at..];
            }
        }
    }
    out.push_str(rest);
    out
}

struct Page<'a> {
    framework: &'a Framework,
    portfolio: &'a Portfolio,
    file_view: &'a dyn Fn(&EvidenceItem) -> FileView,
    files_note: &'a str,
    out: String,
}

/// A group of the outline with the entries the export shows.
pub struct ShownGroup<'a> {
    pub group: Option<&'a Group>,
    pub id: String,
    pub entries: Vec<OutlineEntry>,
}

impl ShownGroup<'_> {
    pub fn heading(&self) -> String {
        match self.group {
            Some(group) if group.core_area => match &group.number {
                Some(number) => format!("Core area {number}: {}", group.title),
                None => group.title.clone(),
            },
            Some(group) => group.title.clone(),
            None => self.id.clone(),
        }
    }
}

/// The sections the export shows, in the sidebar's order: what the pathway includes (kept-
/// aside sections of another pathway are not exported), without an assessor nobody named.
pub fn shown_groups<'a>(framework: &'a Framework, portfolio: &Portfolio) -> Vec<ShownGroup<'a>> {
    let named = |assessor: &Option<NominatedAssessor>| {
        assessor.as_ref().is_some_and(|a| {
            [&a.name, &a.organisation, &a.email]
                .iter()
                .any(|t| !t.trim().is_empty())
        })
    };
    outline::outline(framework, portfolio)
        .groups
        .into_iter()
        .map(|group| ShownGroup {
            group: framework.groups.iter().find(|g| g.id == group.id),
            id: group.id,
            entries: group
                .entries
                .into_iter()
                .filter(|e| e.kind != SectionKind::Assessor || named(&portfolio.assessor))
                .collect(),
        })
        .filter(|group| !group.entries.is_empty())
        .collect()
}

/// "1a An understanding of...", "5a Specialist area 1: Accessible content", as HTML.
fn section_heading(entry: &OutlineEntry) -> String {
    let mut heading = String::new();
    if let Some(number) = &entry.number {
        let _ = write!(
            heading,
            "<span class=\"section-number\">{}</span> ",
            escape(number)
        );
    }
    heading.push_str(&escape(&entry.title));
    if entry.kind.area_kind().is_some() && !entry.topic.is_empty() {
        let _ = write!(heading, ": {}", escape(&entry.topic));
    }
    heading
}

/// The label of a section's topic line ("Legislation or policy" for 3a and 3b), when it has
/// one to show: areas carry their topic in their heading instead. Every export says it so.
pub fn topic_label(
    framework: &Framework,
    entry: &OutlineEntry,
    text: &SectionEntry,
) -> Option<String> {
    if entry.kind.area_kind().is_some() || text.topic.trim().is_empty() {
        return None;
    }
    let label = match framework.section(&entry.id) {
        Some(SectionInfo::Listed(section)) => framework
            .guidance_for(section)
            .topic
            .map(|topic| topic.label),
        _ => None,
    };
    Some(label.unwrap_or_else(|| "Topic".to_string()))
}

/// How a section is named where it is linked to: its number, else its title.
pub fn section_label(entry: &OutlineEntry) -> String {
    entry.number.clone().unwrap_or_else(|| entry.title.clone())
}

impl Page<'_> {
    fn render_text(&self, markdown_text: &str, parent_heading: u8) -> String {
        if markdown_text.trim().is_empty() {
            return "<p class=\"not-written\">Not written yet.</p>\n".to_string();
        }
        let html = markdown::render(markdown_text).html;
        let linked = link_references(&html, |id| {
            self.portfolio
                .evidence_item(id)
                .map(|item| item.details.title.clone())
        });
        let mut text = String::from("<div class=\"text\">\n");
        text.push_str(&nest_headings(&linked, parent_heading));
        text.push_str("</div>\n");
        text
    }

    fn head(&mut self, styles: &Styles) {
        let portfolio = self.portfolio;
        let title = portfolio.display_title();
        let name = portfolio.candidate.name.trim();
        let page_title = if name.is_empty() {
            format!("{title}: CMALT portfolio")
        } else {
            format!("{title}: CMALT portfolio of {name}")
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{LANGUAGE}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"CMALT Portfolio {}\">\n<title>{}</title>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&page_title)
        );
        match styles {
            Styles::Linked => self
                .out
                .push_str("<link rel=\"stylesheet\" href=\"portfolio.css\">\n"),
            Styles::Inline => {
                // The stylesheet is ours, but a `</style` inside it would end the element early.
                let _ = write!(
                    self.out,
                    "<style>\n{}</style>\n",
                    STYLESHEET.replace("</", "<\\/")
                );
            }
        }
        self.out.push_str("</head>\n<body>\n");
        self.out
            .push_str("<a class=\"skip-link\" href=\"#main\">Skip to the portfolio</a>\n");
    }

    fn title_page(&mut self, now: OffsetDateTime) {
        let portfolio = self.portfolio;
        let candidate = &portfolio.candidate;
        let pathway = &self.framework.pathway(portfolio.pathway).name;
        let _ = write!(
            self.out,
            "<header class=\"title-page\">\n<p class=\"kicker\">CMALT portfolio</p>\n<h1>{}</h1>\n<dl class=\"details\">\n",
            escape(&portfolio.display_title())
        );
        let mut detail = |label: &str, value: &str| {
            if !value.trim().is_empty() {
                let _ = writeln!(
                    self.out,
                    "<div><dt>{label}</dt><dd>{}</dd></div>",
                    escape(value.trim())
                );
            }
        };
        detail("Candidate", &candidate.name);
        detail("Role", &candidate.role);
        detail("Organisation", &candidate.organisation);
        detail("Context", &candidate.context);
        detail("Pathway", pathway);
        if let Some(award) = &portfolio.previous_award {
            let held = &self.framework.pathway(award.pathway).name;
            let held = match award.year {
                Some(year) => format!("{held} ({year})"),
                None => held.clone(),
            };
            detail("Already holds", &held);
        }
        let date = now.date();
        let _ = write!(
            self.out,
            "<div><dt>Exported</dt><dd><time datetime=\"{}\">{}</time></dd></div>\n</dl>\n</header>\n",
            date,
            long_date(date)
        );
    }

    fn contents(&mut self, groups: &[ShownGroup<'_>], with_revisions: bool) {
        self.out.push_str(
            "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">Contents</h2>\n<ol>\n",
        );
        if with_revisions {
            self.out
                .push_str("<li><a href=\"#revisions\">Summary of revisions</a></li>\n");
        }
        for group in groups {
            let _ = writeln!(
                self.out,
                "<li><a href=\"#{}\">{}</a>\n<ol>",
                anchor("group", &group.id),
                escape(&group.heading())
            );
            for entry in &group.entries {
                let _ = writeln!(
                    self.out,
                    "<li><a href=\"#{}\">{}</a></li>",
                    anchor("section", &entry.id),
                    section_heading(entry)
                );
            }
            self.out.push_str("</ol></li>\n");
        }
        self.out
            .push_str("<li><a href=\"#evidence\">Evidence appendix</a></li>\n</ol>\n</nav>\n");
    }

    fn main(&mut self, groups: &[ShownGroup<'_>], revisions: Option<&RevisionSummary>) {
        self.out.push_str("<main id=\"main\" tabindex=\"-1\">\n");
        if let Some(summary) = revisions {
            self.out
                .push_str(&super::revisions::section_html(self.framework, summary));
        }
        for group in groups {
            let class = match group.group {
                Some(g) if g.core_area => "group core-area",
                _ => "group",
            };
            let _ = writeln!(
                self.out,
                "<section class=\"{class}\" id=\"{}\">\n<h2>{}</h2>",
                anchor("group", &group.id),
                escape(&group.heading())
            );
            for entry in &group.entries {
                self.section(entry);
            }
            self.out.push_str("</section>\n");
        }
    }

    fn section(&mut self, entry: &OutlineEntry) {
        let _ = writeln!(
            self.out,
            "<section class=\"entry\" id=\"{}\">\n<h3>{}</h3>",
            anchor("section", &entry.id),
            section_heading(entry)
        );
        self.section_body(entry);
        self.out.push_str("</section>\n");
    }

    fn section_body(&mut self, entry: &OutlineEntry) {
        let empty = SectionEntry::default();
        let text = self.portfolio.section(&entry.id).unwrap_or(&empty);
        let parts = &self.framework.parts;
        match entry.kind {
            SectionKind::Statement => {
                let rendered = self.render_text(&text.description, 3);
                self.out.push_str(&rendered);
                if !text.citations.is_empty() {
                    let _ = writeln!(self.out, "<h4>{}</h4>", escape(&parts.evidence.label));
                    self.cited_evidence(text);
                }
            }
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                self.topic_line(entry, text);
                for (label, body) in [
                    (&parts.description.label, &text.description),
                    (&parts.reflection.label, &text.reflection),
                ] {
                    let _ = writeln!(self.out, "<h4>{}</h4>", escape(label));
                    let rendered = self.render_text(body, 4);
                    self.out.push_str(&rendered);
                }
                let _ = writeln!(self.out, "<h4>{}</h4>", escape(&parts.evidence.label));
                self.cited_evidence(text);
                if !text.references.trim().is_empty() {
                    let _ = writeln!(self.out, "<h4>{}</h4>", escape(&parts.references.label));
                    let rendered = self.render_text(&text.references, 4);
                    let _ = writeln!(self.out, "<div class=\"references\">{rendered}</div>");
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
        let _ = writeln!(
            self.out,
            "<p class=\"topic\"><span class=\"label\">{}:</span> {}</p>",
            escape(&label),
            escape(text.topic.trim())
        );
    }

    fn cited_evidence(&mut self, text: &SectionEntry) {
        if text.citations.is_empty() {
            self.out
                .push_str("<p class=\"not-written\">No evidence cited.</p>\n");
            return;
        }
        self.out.push_str("<ul class=\"cited-evidence\">\n");
        for citation in &text.citations {
            let note = citation.note.trim();
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"note\">{}</span>", escape(note))
            };
            match self.portfolio.evidence_item(&citation.evidence_id) {
                Some(item) => {
                    let _ = writeln!(
                        self.out,
                        "<li><a href=\"#{}\"><span class=\"evidence-number\">{}</span> {}</a>{note}</li>",
                        anchor("evidence", &item.id),
                        escape(&item.id),
                        escape(&item_title(item))
                    );
                }
                None => {
                    let _ = writeln!(
                        self.out,
                        "<li><span class=\"evidence-number\">{}</span> (not in the evidence library){note}</li>",
                        escape(&citation.evidence_id)
                    );
                }
            }
        }
        self.out.push_str("</ul>\n");
    }

    fn confirmation(&mut self) {
        let confirmation = &self.portfolio.confirmation;
        let _ = writeln!(
            self.out,
            "<blockquote class=\"declaration\"><p>{}</p></blockquote>",
            escape(&self.framework.declaration)
        );
        if !confirmation.declaration_accepted {
            self.out.push_str(
                "<p class=\"not-written\">The candidate has not confirmed this declaration yet.</p>\n",
            );
        }
        let signed = confirmation.signed_name.trim();
        let date = confirmation.date.trim();
        let _ = writeln!(
            self.out,
            "<dl class=\"details signature\">\n<div><dt>Signed:</dt><dd>{}</dd></div>\n<div><dt>Date:</dt><dd>{}</dd></div>\n</dl>",
            if signed.is_empty() {
                "Not signed yet".to_string()
            } else {
                escape(signed)
            },
            if date.is_empty() {
                "Not dated yet".to_string()
            } else {
                escape(&readable_date(date))
            }
        );
    }

    fn assessor(&mut self) {
        let Some(assessor) = &self.portfolio.assessor else {
            return;
        };
        self.out.push_str("<dl class=\"details\">\n");
        for (label, value) in [
            ("Name", &assessor.name),
            ("Institution or organisation", &assessor.organisation),
        ] {
            if !value.trim().is_empty() {
                let _ = writeln!(
                    self.out,
                    "<div><dt>{label}</dt><dd>{}</dd></div>",
                    escape(value.trim())
                );
            }
        }
        let email = assessor.email.trim();
        if !email.is_empty() {
            let plain = email.contains('@')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || "<>\"'():;,\\".contains(c));
            let shown = if plain {
                format!("<a href=\"mailto:{}\">{}</a>", escape(email), escape(email))
            } else {
                escape(email)
            };
            let _ = writeln!(self.out, "<div><dt>Email</dt><dd>{shown}</dd></div>");
        }
        self.out.push_str("</dl>\n");
    }

    fn appendix(&mut self, groups: &[ShownGroup<'_>]) {
        self.out
            .push_str("<section class=\"appendix\" id=\"evidence\">\n<h2>Evidence appendix</h2>\n");
        if self.portfolio.evidence.is_empty() {
            self.out
                .push_str("<p class=\"not-written\">The evidence library is empty.</p>\n");
        } else {
            let _ = writeln!(
                self.out,
                "<p class=\"intro\">Each item is numbered as it is cited in the text (E1, E2…). {}</p>",
                self.files_note
            );
        }
        let entries: Vec<&OutlineEntry> = groups.iter().flat_map(|g| &g.entries).collect();
        for item in &self.portfolio.evidence {
            self.evidence_item(item, &entries);
        }
        self.out.push_str("</section>\n");
    }

    fn evidence_item(&mut self, item: &EvidenceItem, entries: &[&OutlineEntry]) {
        let details = &item.details;
        let _ = write!(
            self.out,
            "<article class=\"evidence-item\" id=\"{}\">\n<h3><span class=\"evidence-number\">{}</span> {}</h3>\n<dl class=\"details\">\n",
            anchor("evidence", &item.id),
            escape(&item.id),
            escape(&item_title(item))
        );
        let detail = |out: &mut String, label: &str, value: &str| {
            if !value.trim().is_empty() {
                let _ = writeln!(
                    out,
                    "<div><dt>{label}</dt><dd>{}</dd></div>",
                    escape(value.trim())
                );
            }
        };
        detail(&mut self.out, "Date", &readable_date(&details.date));
        detail(&mut self.out, "Origin", &details.origin);
        detail(&mut self.out, "What it shows", &details.what_it_shows);
        detail(
            &mut self.out,
            "Why it still counts",
            &details.still_relevant_because,
        );
        let citing: Vec<String> = entries
            .iter()
            .filter(|entry| self.cites(&entry.id, &item.id))
            .map(|entry| {
                format!(
                    "<a href=\"#{}\">{}</a>",
                    anchor("section", &entry.id),
                    escape(&section_label(entry))
                )
            })
            .collect();
        let _ = writeln!(
            self.out,
            "<div><dt>Cited in</dt><dd>{}</dd></div>",
            if citing.is_empty() {
                "No section".to_string()
            } else {
                citing.join(", ")
            }
        );
        let mut image = None;
        match &item.source {
            EvidenceSource::File {
                original_name,
                bytes,
                ..
            } => {
                let view = (self.file_view)(item);
                let kind = file_kind(original_name);
                let about = format!("{kind}, {}", megabytes(*bytes));
                let shown = match (&view.href, &view.image_src) {
                    (Some(href), _) => {
                        let download = view
                            .download
                            .as_deref()
                            .map(|name| format!(" download=\"{}\"", escape(name)))
                            .unwrap_or_default();
                        format!(
                            "<a href=\"{}\"{download}>{}</a> ({})",
                            escape(href),
                            escape(original_name),
                            escape(&about)
                        )
                    }
                    (None, Some(_)) => format!(
                        "{} ({}), shown below",
                        escape(original_name),
                        escape(&about)
                    ),
                    (None, None) => format!(
                        "{} ({}): not included in this single-page copy; it is in the web bundle of this portfolio.",
                        escape(original_name),
                        escape(&about)
                    ),
                };
                let _ = writeln!(self.out, "<div><dt>File</dt><dd>{shown}</dd></div>");
                image = view.image_src;
            }
            EvidenceSource::Link { url } => {
                let shown = match web_address(url) {
                    Some(address) => format!(
                        "<a class=\"address\" href=\"{}\">{}</a>",
                        escape(&address),
                        escape(url.trim())
                    ),
                    None => format!(
                        "{} (not linked: only web addresses starting http:// or https:// are)",
                        escape(url.trim())
                    ),
                };
                let _ = writeln!(self.out, "<div><dt>Link</dt><dd>{shown}</dd></div>");
            }
            EvidenceSource::MissingFile { original_name } => {
                let _ = writeln!(
                    self.out,
                    "<div><dt>File</dt><dd>{}: not attached</dd></div>",
                    escape(original_name)
                );
            }
        }
        self.out.push_str("</dl>\n");
        if let Some(src) = image {
            let _ = writeln!(
                self.out,
                "<figure><img src=\"{}\" alt=\"{}\"></figure>",
                escape(&src),
                escape(&format!("{}: {}", item.id, item_title(item)))
            );
        }
        self.out.push_str("</article>\n");
    }

    fn cites(&self, section_id: &str, evidence_id: &str) -> bool {
        cites(self.portfolio, section_id, evidence_id)
    }

    fn footer(&mut self) {
        let _ = write!(
            self.out,
            "</main>\n<footer class=\"made-with\">\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
            escape(MADE_WITH)
        );
    }
}

/// A section cites an item by a citation or by `[E3]` in its text.
pub(crate) fn cites(portfolio: &Portfolio, section_id: &str, evidence_id: &str) -> bool {
    portfolio.section(section_id).is_some_and(|entry| {
        entry.citations.iter().any(|c| c.evidence_id == evidence_id)
            || [&entry.description, &entry.reflection]
                .iter()
                .any(|text| references_in(text).contains(&evidence_id))
    })
}

pub fn item_title(item: &EvidenceItem) -> String {
    match item.details.title.trim() {
        "" => "Untitled item".to_string(),
        title => title.to_string(),
    }
}

/// "PDF", "PNG", from the name the candidate's file had.
pub fn file_kind(original_name: &str) -> String {
    match original_name.rsplit_once('.') {
        Some((_, ext)) if !ext.is_empty() && ext.len() <= 10 => ext.to_ascii_uppercase(),
        _ => "File".to_string(),
    }
}

/// The whole page. `file_view` says how each attached file is offered (linked beside the
/// page, embedded, or left out) and `files_note` tells the reader where the files are.
pub(crate) fn document(
    framework: &Framework,
    portfolio: &Portfolio,
    now: OffsetDateTime,
    styles: Styles,
    file_view: &dyn Fn(&EvidenceItem) -> FileView,
    files_note: &str,
    revisions: Option<&RevisionSummary>,
) -> String {
    let groups = shown_groups(framework, portfolio);
    let mut page = Page {
        framework,
        portfolio,
        file_view,
        files_note,
        out: String::with_capacity(64 * 1024),
    };
    page.head(&styles);
    page.title_page(now);
    page.contents(&groups, revisions.is_some());
    page.main(&groups, revisions);
    page.appendix(&groups);
    page.footer();
    page.out
}

/// One section as the export shows it (its topic, parts, evidence, declaration), without its
/// heading: for reading a snapshot in the window by the same renderer as the export.
pub fn section_body_html(
    framework: &Framework,
    portfolio: &Portfolio,
    entry: &OutlineEntry,
) -> String {
    let no_files = |_: &EvidenceItem| FileView::default();
    let mut page = Page {
        framework,
        portfolio,
        file_view: &no_files,
        files_note: "",
        out: String::new(),
    };
    page.section_body(entry);
    page.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidate_headings_nest_under_the_part_without_skipping() {
        assert_eq!(
            nest_headings("<h1>A</h1><p>x</p><h3>B</h3><h2>C</h2>", 4),
            "<h5>A</h5><p>x</p><h6>B</h6><h6>C</h6>",
            "h1 > h3 becomes 5 > 6, and the h2 is still inside the h1"
        );
        assert_eq!(
            nest_headings("<h3>Only</h3><h1>Top</h1>", 3),
            "<h4>Only</h4><h4>Top</h4>",
            "a first heading of any level starts right under the parent"
        );
        assert_eq!(
            nest_headings("<p>a <em>h</em> <hr> <a href=\"#h1\">x</a></p>", 4),
            "<p>a <em>h</em> <hr> <a href=\"#h1\">x</a></p>",
            "other tags starting with h are left alone"
        );
    }

    #[test]
    fn deep_headings_stop_at_six() {
        assert_eq!(
            nest_headings("<h1>a</h1><h2>b</h2><h3>c</h3>", 4),
            "<h5>a</h5><h6>b</h6><h6>c</h6>"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address(" https://example.org/a b "),
            Some("https://example.org/a%20b".into())
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("data:text/html,<b>x</b>"), None);
        assert_eq!(web_address("JaVaScRiPt:alert(1)"), None);
    }

    #[test]
    fn dates_read_as_a_person_says_them() {
        assert_eq!(readable_date("2024-05"), "May 2024");
        assert_eq!(readable_date("2026-03-14"), "14 March 2026");
        assert_eq!(readable_date("2019"), "2019");
        assert_eq!(readable_date("Spring 2024"), "Spring 2024");
    }

    #[test]
    fn bundle_paths_cannot_break_out_of_the_attribute() {
        assert_eq!(
            path_href("evidence/ab12-日本.pdf"),
            "evidence/ab12-%E6%97%A5%E6%9C%AC.pdf"
        );
        assert_eq!(path_href("a\"b<c> d:e"), "a%22b%3Cc%3E%20d%3Ae");
    }
}
