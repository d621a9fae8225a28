//! A Word document (.docx) as Markdown, so that it is read by the same rules as a Markdown
//! draft: Heading 1-6 styles become `#` headings, bold and italic runs `**`/`*`, lists `-`
//! and `1.`, links `[text](url)`, simple tables Markdown tables, and each embedded image a
//! mark that the importer turns into an evidence item.

use super::evidence_list::EMBEDDED_MARK;
use super::{EmbeddedImage, ImportError, Result};
use docx_rs::{
    DocumentChild, Docx, DrawingData, HyperlinkData, Paragraph, ParagraphChild, Run, RunChild,
    StructuredDataTagChild, Table, TableCellContent, TableChild, TableRowChild,
};
use std::collections::HashMap;
use std::io::{self, Cursor, Read};

/// A Word document's parts may unpack to at most this much: a zip bomb is refused while it
/// is being unpacked, while a long portfolio with screenshots stays far below it.
const UNPACKED_LIMIT_BYTES: u64 = 500_000_000;
/// XML elements nested deeper than this are refused before the Word parser sees them: it
/// descends recursively, and 500 tables inside each other (a 3 KB file) overflow its stack.
/// Real documents stay under 40, even with tables in tables in text boxes.
pub(super) const MAX_XML_DEPTH: usize = 120;

/// The document as Markdown, with the images it embeds in order of appearance.
#[derive(Debug)]
pub(super) struct DocxDraft {
    pub markdown: String,
    pub images: Vec<EmbeddedImage>,
}

/// Checks that `bytes` are a Word document that can be opened, then reads it.
pub(super) fn read(name: &str, bytes: &[u8]) -> Result<DocxDraft> {
    check_package(name, bytes)?;
    let options = docx_rs::ReadDocxOptions::default().with_image_previews(false);
    let docx =
        docx_rs::read_docx_with_options(bytes, options).map_err(|error| ImportError::Corrupt {
            name: name.to_string(),
            detail: error.to_string(),
        })?;
    Ok(Converter::new(&docx).convert())
}

/// The zip package holds a Word document (not a spreadsheet, a presentation or an
/// OpenDocument file) and does not unpack to an absurd size.
pub(crate) fn check_package(name: &str, bytes: &[u8]) -> Result<()> {
    check_package_within(name, bytes, UNPACKED_LIMIT_BYTES)
}

/// Evidence files are at most 1 MB: their parts unpack to far less than a draft's may, so
/// reading their text stops much sooner on a zip bomb.
const EVIDENCE_UNPACKED_LIMIT_BYTES: u64 = 50_000_000;
/// The parts of a Word document that hold text a reader sees, by the start of their names.
const TEXT_PARTS: [&str; 6] = [
    "word/document.xml",
    "word/header",
    "word/footer",
    "word/footnotes.xml",
    "word/endnotes.xml",
    "word/comments.xml",
];
/// More text than any 1 MB document holds; reading stops there.
const MAX_TEXT_BYTES: usize = 8_000_000;

/// The text of a Word document attached as evidence, as a reader sees it: the body, then
/// headers, footers, footnotes, endnotes and comments, a paragraph a line. The same guards
/// as importing a draft (zip bombs, duplicate parts, deep nesting) come first.
pub(crate) fn evidence_text(name: &str, bytes: &[u8]) -> Result<String> {
    check_package_within(name, bytes, EVIDENCE_UNPACKED_LIMIT_BYTES)?;
    let corrupt = |detail: String| ImportError::Corrupt {
        name: name.to_string(),
        detail,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| corrupt(format!("it is not a complete zip package ({error})")))?;
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|part| {
            let lower = part.to_ascii_lowercase();
            TEXT_PARTS.iter().any(|start| lower.starts_with(start)) && lower.ends_with(".xml")
        })
        .map(str::to_string)
        .collect();
    // The body first, then the rest in a fixed order.
    names.sort_by_key(|part| {
        (
            !part.eq_ignore_ascii_case("word/document.xml"),
            part.clone(),
        )
    });
    let mut text = String::new();
    for part in names {
        let entry = archive
            .by_name(&part)
            .map_err(|error| corrupt(format!("a part of it cannot be unpacked ({error})")))?;
        read_text_runs(entry, &mut text)
            .map_err(|error| corrupt(format!("its part {part} cannot be read ({error})")))?;
        if text.len() > MAX_TEXT_BYTES {
            break;
        }
    }
    Ok(text)
}

/// Appends the text of one WordprocessingML part: `w:t` runs, with a tab for `w:tab`, a line
/// for `w:br`, `w:cr` and the end of each paragraph.
fn read_text_runs(input: impl Read, text: &mut String) -> std::result::Result<(), String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(io::BufReader::new(input));
    reader.config_mut().check_end_names = false;
    let mut buffer = Vec::new();
    let mut in_text = false;
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|error| error.to_string())?;
        match event {
            Event::Start(start) if start.local_name().as_ref() == b"t" => in_text = true,
            Event::End(end) if end.local_name().as_ref() == b"t" => in_text = false,
            Event::End(end) if end.local_name().as_ref() == b"p" => text.push('\n'),
            Event::Empty(empty) => match empty.local_name().as_ref() {
                b"tab" => text.push('\t'),
                b"br" | b"cr" => text.push('\n'),
                _ => {}
            },
            Event::Text(run) if in_text => {
                // Entities come as `GeneralRef` events of their own, so this text has none.
                let decoded = run.decode().map_err(|error| error.to_string())?;
                text.push_str(&decoded);
            }
            Event::GeneralRef(reference) if in_text => {
                // `&amp;` and the like come apart from the text around them.
                let name = reference.decode().map_err(|error| error.to_string())?;
                let entity = format!("&{name};");
                if let Ok(unescaped) = quick_xml::escape::unescape(&entity) {
                    text.push_str(&unescaped);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        if text.len() > MAX_TEXT_BYTES {
            return Ok(());
        }
        buffer.clear();
    }
}

fn check_package_within(name: &str, bytes: &[u8], unpacked_limit: u64) -> Result<()> {
    let corrupt = |detail: String| ImportError::Corrupt {
        name: name.to_string(),
        detail,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| corrupt(format!("it is not a complete zip package ({error})")))?;
    let kept = archive.len();
    if crate::zip_names::has_duplicate_names(&mut Cursor::new(bytes), kept) {
        return Err(corrupt(
            "it holds two parts of the same name, which Word never writes".into(),
        ));
    }
    check_parts(&mut archive, unpacked_limit).map_err(corrupt)?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let has = |wanted: &str| names.iter().any(|n| n.eq_ignore_ascii_case(wanted));
    if has("word/document.xml") {
        return Ok(());
    }
    let what = if has("xl/workbook.xml") {
        "an Excel workbook"
    } else if has("ppt/presentation.xml") {
        "a PowerPoint presentation"
    } else if has("mimetype") {
        let mut mimetype = String::new();
        let _ = archive
            .by_name("mimetype")
            .map(|file| file.take(200).read_to_string(&mut mimetype));
        if mimetype.contains("opendocument.text") {
            "an OpenDocument text (.odt) file"
        } else {
            "an OpenDocument file"
        }
    } else {
        "a zip archive"
    };
    Err(ImportError::NotAWordDocument {
        name: name.to_string(),
        what: what.to_string(),
    })
}

/// Unpacks every part once, counting the bytes as they are inflated (headers may not say:
/// LibreOffice writes sizes after the data, and a bomb can lie), and measures how deeply
/// each XML part nests its elements.
fn check_parts(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    limit: u64,
) -> std::result::Result<(), String> {
    let mut budget = limit;
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|error| format!("a part of it cannot be unpacked ({error})"))?;
        let name = String::from_utf8_lossy(entry.name_raw()).to_ascii_lowercase();
        let is_xml = name.ends_with(".xml") || name.ends_with(".rels");
        let mut limited = entry.take(budget + 1);
        let read = if is_xml {
            xml_depth_within(&mut limited, MAX_XML_DEPTH)
        } else {
            io::copy(&mut limited, &mut io::sink()).map(|_| true)
        };
        let used = limited.limit();
        // What `take` has left tells how much was inflated, whatever the header claimed.
        let inflated = budget + 1 - used;
        if inflated > budget {
            return Err(format!(
                "its contents would unpack to more than {} MB, which no portfolio needs",
                limit / 1_000_000
            ));
        }
        budget -= inflated;
        match read {
            Ok(true) => {}
            Ok(false) => {
                return Err(format!(
                    "its part {name} nests more than {MAX_XML_DEPTH} levels deep (for example tables inside tables), which no real document does"
                ));
            }
            Err(error) => return Err(format!("a part of it cannot be unpacked ({error})")),
        }
    }
    Ok(())
}

/// Reads XML from `input` to its end; `false` as soon as elements nest deeper than `limit`.
/// XML that does not parse is left for the Word parser to judge.
fn xml_depth_within(input: &mut impl Read, limit: usize) -> io::Result<bool> {
    let mut reader = quick_xml::Reader::from_reader(io::BufReader::new(input));
    reader.config_mut().check_end_names = false;
    let mut buffer = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Start(_)) => {
                depth += 1;
                if depth > limit {
                    return Ok(false);
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) => return Ok(true),
            Ok(_) => {}
            Err(quick_xml::Error::Io(error)) => {
                return Err(io::Error::new(error.kind(), error.to_string()));
            }
            // Not well-formed: skip the rest of the part, still counting its bytes.
            Err(_) => {
                io::copy(reader.get_mut(), &mut io::sink())?;
                return Ok(true);
            }
        }
        buffer.clear();
    }
}

/// A run of text with its emphasis, or a mark standing for something else.
#[derive(Debug, Clone, PartialEq)]
struct Span {
    text: String,
    bold: bool,
    italic: bool,
}

struct Converter<'d> {
    docx: &'d Docx,
    links: HashMap<&'d str, &'d str>,
    media: HashMap<&'d str, (&'d str, &'d [u8])>,
    /// The index of each image already met, by its relationship id.
    image_index: HashMap<String, usize>,
    images: Vec<EmbeddedImage>,
    blocks: Vec<Block>,
}

/// A block of the Markdown output: list items stay together, other blocks are separated by
/// a blank line.
struct Block {
    text: String,
    list_item: bool,
}

impl<'d> Converter<'d> {
    fn new(docx: &'d Docx) -> Self {
        Converter {
            docx,
            links: docx
                .hyperlinks
                .iter()
                .map(|(id, target, _)| (id.as_str(), target.as_str()))
                .collect(),
            media: docx
                .images
                .iter()
                .map(|(id, path, image, _)| (id.as_str(), (path.as_str(), image.0.as_slice())))
                .collect(),
            image_index: HashMap::new(),
            images: Vec::new(),
            blocks: Vec::new(),
        }
    }

    fn convert(mut self) -> DocxDraft {
        for child in &self.docx.document.children {
            match child {
                DocumentChild::Paragraph(paragraph) => self.paragraph(paragraph),
                DocumentChild::Table(table) => self.table(table),
                DocumentChild::StructuredDataTag(tag) => self.tag_blocks(&tag.children),
                // A table of contents repeats the headings; reading it would place them twice.
                _ => {}
            }
        }
        let mut markdown = String::new();
        let mut previous_list = false;
        for block in &self.blocks {
            if !markdown.is_empty() {
                markdown.push_str(if block.list_item && previous_list {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            markdown.push_str(&block.text);
            previous_list = block.list_item;
        }
        markdown.push('\n');
        DocxDraft {
            markdown,
            images: self.images,
        }
    }

    fn tag_blocks(&mut self, children: &[StructuredDataTagChild]) {
        let mut runs = Vec::new();
        for child in children {
            match child {
                StructuredDataTagChild::Paragraph(paragraph) => self.paragraph(paragraph),
                StructuredDataTagChild::Table(table) => self.table(table),
                StructuredDataTagChild::StructuredDataTag(tag) => self.tag_blocks(&tag.children),
                StructuredDataTagChild::Run(run) => self.run(run, &mut runs),
                _ => {}
            }
        }
        let text = render_spans(&runs);
        if !text.trim().is_empty() {
            self.push(text, false);
        }
    }

    fn push(&mut self, text: String, list_item: bool) {
        self.blocks.push(Block { text, list_item });
    }

    /// The heading level of a paragraph's style (Heading 1-6, Title), if it is a heading.
    fn heading_level(&self, paragraph: &Paragraph) -> Option<usize> {
        let property = &paragraph.property;
        if let Some(style) = &property.style {
            let by_id = self
                .docx
                .styles
                .styles
                .iter()
                .find(|s| s.style_id == style.val);
            let level = by_id
                .and_then(|s| {
                    if s.name.starts_with("Title") {
                        Some(1)
                    } else {
                        s.name.get_heading_number()
                    }
                })
                .or_else(|| {
                    let id = style.val.to_lowercase();
                    id.strip_prefix("heading")
                        .and_then(|n| n.trim().parse().ok())
                });
            if let Some(level) = level {
                return Some(level);
            }
        }
        property
            .outline_lvl
            .as_ref()
            .filter(|outline| outline.v < 9)
            .map(|outline| outline.v + 1)
    }

    /// `- ` or `1. `, indented by level, when the paragraph is numbered.
    fn list_marker(&self, paragraph: &Paragraph) -> Option<String> {
        let numbering = paragraph.property.numbering_property.as_ref()?;
        let id = numbering.id.as_ref()?.id;
        if id == 0 {
            // Word's way of saying "no numbering here".
            return None;
        }
        let level = numbering.level.as_ref().map_or(0, |level| level.val);
        let numberings = &self.docx.numberings;
        let bullet = numberings
            .numberings
            .iter()
            .find(|n| n.id == id)
            .and_then(|n| {
                numberings
                    .abstract_nums
                    .iter()
                    .find(|a| a.id == n.abstract_num_id)
            })
            .and_then(|a| a.levels.iter().find(|l| l.level == level))
            .is_none_or(|l| l.format.val == "bullet" || l.format.val == "none");
        let indent = "  ".repeat(level.min(5));
        Some(format!("{indent}{}", if bullet { "- " } else { "1. " }))
    }

    fn paragraph(&mut self, paragraph: &Paragraph) {
        let mut spans = Vec::new();
        self.paragraph_children(&paragraph.children, &mut spans);
        if let Some(level) = self.heading_level(paragraph) {
            let text: String = spans.iter().map(|s| s.text.as_str()).collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                self.push(format!("{} {text}", "#".repeat(level.clamp(1, 6))), false);
            }
            return;
        }
        let text = render_spans(&spans);
        if text.trim().is_empty() {
            return;
        }
        self.caption_previous_image(paragraph, &spans);
        match self.list_marker(paragraph) {
            Some(marker) => self.push(format!("{marker}{}", text.trim()), true),
            None => {
                // A literal "#" opening a paragraph would read as a heading.
                let text = if text.starts_with('#') {
                    format!("\\{text}")
                } else {
                    text
                };
                self.push(text, false)
            }
        }
    }

    fn paragraph_children(&mut self, children: &[ParagraphChild], spans: &mut Vec<Span>) {
        for child in children {
            match child {
                ParagraphChild::Run(run) => self.run(run, spans),
                ParagraphChild::Insert(insert) => {
                    for child in &insert.children {
                        if let docx_rs::InsertChild::Run(run) = child {
                            self.run(run, spans);
                        }
                    }
                }
                ParagraphChild::Hyperlink(link) => {
                    let mut inner = Vec::new();
                    self.paragraph_children(&link.children, &mut inner);
                    let text = render_spans(&inner);
                    let url = match &link.link {
                        HyperlinkData::External { rid, path } => self
                            .links
                            .get(rid.as_str())
                            .copied()
                            .or((!path.is_empty()).then_some(path.as_str())),
                        HyperlinkData::Anchor { .. } => None,
                    };
                    let rendered = match url {
                        Some(url) if text.trim() == url || text.trim().is_empty() => {
                            url.to_string()
                        }
                        Some(url) => format!("[{}]({url})", text.trim()),
                        None => text,
                    };
                    spans.push(plain(rendered));
                }
                ParagraphChild::StructuredDataTag(tag) => {
                    for child in &tag.children {
                        if let StructuredDataTagChild::Run(run) = child {
                            self.run(run, spans);
                        }
                    }
                }
                // Deleted text (tracked changes) is not part of the document.
                _ => {}
            }
        }
    }

    fn run(&mut self, run: &Run, spans: &mut Vec<Span>) {
        let property = &run.run_property;
        let bold = property.bold == Some(docx_rs::Bold::new());
        let italic = property.italic == Some(docx_rs::Italic::new());
        for child in &run.children {
            match child {
                RunChild::Text(text) => spans.push(Span {
                    text: text.text.clone(),
                    bold,
                    italic,
                }),
                RunChild::Tab(_) | RunChild::PTab(_) => spans.push(Span {
                    text: " ".into(),
                    bold,
                    italic,
                }),
                RunChild::Break(_) | RunChild::CarriageReturn(_) => spans.push(plain("\n".into())),
                RunChild::Sym(_) => {}
                RunChild::Drawing(drawing) => match &drawing.data {
                    Some(DrawingData::Pic(pic)) => {
                        if let Some(mark) = self.image_mark(&pic.id) {
                            spans.push(plain(mark));
                        }
                    }
                    Some(DrawingData::TextBox(text_box)) => {
                        // A text box's words are kept, after the paragraph it is anchored in.
                        for child in &text_box.children {
                            match child {
                                docx_rs::TextBoxContentChild::Paragraph(p) => {
                                    let mut inner = Vec::new();
                                    self.paragraph_children(&p.children, &mut inner);
                                    spans.push(plain(format!("\n{}", render_spans(&inner))));
                                }
                                docx_rs::TextBoxContentChild::Table(table) => self.table(table),
                            }
                        }
                    }
                    None => {}
                },
                _ => {}
            }
        }
    }

    /// A caption paragraph (Word's "Caption" style, pandoc's "Image Caption") right after a
    /// paragraph holding only an image names that image. The caption stays in the text too.
    fn caption_previous_image(&mut self, paragraph: &Paragraph, spans: &[Span]) {
        let is_caption = paragraph
            .property
            .style
            .as_ref()
            .is_some_and(|style| style.val.to_lowercase().contains("caption"));
        let Some(previous) = self.blocks.last() else {
            return;
        };
        let mark = previous.text.trim();
        let index = mark
            .strip_prefix(EMBEDDED_MARK)
            .and_then(|rest| rest.strip_suffix(EMBEDDED_MARK))
            .and_then(|inner| inner.strip_prefix("image:"))
            .and_then(|n| n.parse::<usize>().ok());
        if let (true, Some(index)) = (is_caption, index) {
            let caption: String = spans.iter().map(|s| s.text.as_str()).collect();
            if let Some(image) = self.images.get_mut(index) {
                image.caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
    }

    /// The mark for the image with relationship id `id`, recording it the first time.
    fn image_mark(&mut self, id: &str) -> Option<String> {
        let index = match self.image_index.get(id) {
            Some(index) => *index,
            None => {
                let (path, bytes) = self.media.get(id)?;
                let name = path.rsplit('/').next().unwrap_or(path).to_string();
                self.images.push(EmbeddedImage {
                    name,
                    caption: String::new(),
                    bytes: bytes.to_vec(),
                });
                let index = self.images.len() - 1;
                self.image_index.insert(id.to_string(), index);
                index
            }
        };
        Some(format!("{EMBEDDED_MARK}image:{index}{EMBEDDED_MARK}"))
    }

    /// A table of single-paragraph cells becomes a Markdown table; a table used to lay out a
    /// form (cells with several paragraphs, headings, lists or part labels) is read cell by
    /// cell, so its headings and labels are recognised like any others.
    fn table(&mut self, table: &Table) {
        let rows: Vec<Vec<&Vec<TableCellContent>>> = table
            .rows
            .iter()
            .map(|TableChild::TableRow(row)| {
                row.cells
                    .iter()
                    .map(|TableRowChild::TableCell(cell)| &cell.children)
                    .collect()
            })
            .collect();
        let layout = rows.iter().flatten().any(|cell| self.is_layout_cell(cell));
        if layout {
            for cell in rows.iter().flatten() {
                self.cell_blocks(cell);
            }
            return;
        }
        let rendered: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| self.cell_text(cell)).collect())
            .collect();
        let columns = rendered.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let mut lines = Vec::new();
        for (index, row) in rendered.iter().enumerate() {
            let mut cells = row.clone();
            cells.resize(columns, String::new());
            lines.push(format!("| {} |", cells.join(" | ")));
            if index == 0 {
                lines.push(format!("|{}", "---|".repeat(columns)));
            }
        }
        self.push(lines.join("\n"), false);
    }

    fn is_layout_cell(&self, cell: &[TableCellContent]) -> bool {
        let paragraphs: Vec<&Paragraph> = cell
            .iter()
            .filter_map(|content| match content {
                TableCellContent::Paragraph(p) => Some(p.as_ref()),
                _ => None,
            })
            .collect();
        let nested = cell
            .iter()
            .any(|c| !matches!(c, TableCellContent::Paragraph(_)));
        let non_empty = paragraphs
            .iter()
            .filter(|p| !plain_text(p).trim().is_empty())
            .count();
        nested
            || non_empty > 1
            || paragraphs.iter().any(|p| {
                self.heading_level(p).is_some()
                    || self.list_marker(p).is_some()
                    || super::headings::part_label(&plain_text(p).trim().to_lowercase()).is_some()
            })
    }

    fn cell_blocks(&mut self, cell: &[TableCellContent]) {
        for content in cell {
            match content {
                TableCellContent::Paragraph(paragraph) => self.paragraph(paragraph),
                TableCellContent::Table(table) => self.table(table),
                TableCellContent::StructuredDataTag(tag) => self.tag_blocks(&tag.children),
                TableCellContent::TableOfContents(_) => {}
            }
        }
    }

    fn cell_text(&mut self, cell: &[TableCellContent]) -> String {
        let mut parts = Vec::new();
        for content in cell {
            if let TableCellContent::Paragraph(paragraph) = content {
                let mut spans = Vec::new();
                self.paragraph_children(&paragraph.children, &mut spans);
                let text = render_spans(&spans);
                if !text.trim().is_empty() {
                    parts.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
        }
        parts.join(" ").replace('|', "\\|")
    }
}

fn plain(text: String) -> Span {
    Span {
        text,
        bold: false,
        italic: false,
    }
}

/// The words of a paragraph without any formatting, to recognise labels.
fn plain_text(paragraph: &Paragraph) -> String {
    let mut text = String::new();
    for child in &paragraph.children {
        if let ParagraphChild::Run(run) = child {
            for child in &run.children {
                if let RunChild::Text(t) = child {
                    text.push_str(&t.text);
                }
            }
        }
    }
    text
}

/// Spans as Markdown: neighbours with the same emphasis are joined, and the markers hug the
/// words (`**Pathway:** CMALT`, not `**Pathway: **CMALT`).
fn render_spans(spans: &[Span]) -> String {
    let mut merged: Vec<Span> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.bold == span.bold && last.italic == span.italic => {
                last.text.push_str(&span.text)
            }
            _ => merged.push(span.clone()),
        }
    }
    let mut out = String::new();
    for span in &merged {
        let marker = match (span.bold, span.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let core = span.text.trim();
        if marker.is_empty() || core.is_empty() {
            out.push_str(&span.text);
            continue;
        }
        let leading = &span.text[..span.text.len() - span.text.trim_start().len()];
        let trailing = &span.text[span.text.trim_end().len()..];
        out.push_str(leading);
        // A marker inside a line break would not close; each line gets its own.
        let lines: Vec<String> = core
            .split('\n')
            .map(|line| match line.trim() {
                "" => String::new(),
                line => format!("{marker}{line}{marker}"),
            })
            .collect();
        out.push_str(&lines.join("\n"));
        out.push_str(trailing);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn emphasis_markers_hug_the_words() {
        let spans = [
            span("Pathway:", true, false),
            span(" ", false, false),
            span("CMALT", false, false),
            span(" and ", false, false),
            span("some ", false, true),
            span("words", false, true),
        ];
        assert_eq!(render_spans(&spans), "**Pathway:** CMALT and *some words*");
    }

    #[test]
    fn bold_across_a_line_break_is_closed_on_each_line() {
        let spans = [span("One\nTwo", true, false)];
        assert_eq!(render_spans(&spans), "**One**\n**Two**");
    }

    /// A zip whose one part inflates to `bytes`, packed streamed (sizes after the data).
    fn streamed_zip_of(bytes: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = zip::ZipWriter::new_stream(&mut out);
        writer
            .start_file(
                "word/media/padding.bin",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        std::io::Write::write_all(&mut writer, &vec![0u8; bytes]).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn the_unpacked_size_is_counted_as_it_inflates_whatever_the_headers_say() {
        let fits = streamed_zip_of(900_000);
        let mut archive = zip::ZipArchive::new(Cursor::new(fits.as_slice())).unwrap();
        assert_eq!(check_parts(&mut archive, 1_000_000), Ok(()));
        let bomb = streamed_zip_of(2_000_000);
        assert!(bomb.len() < 10_000, "two megabytes of zeros pack small");
        let mut archive = zip::ZipArchive::new(Cursor::new(bomb.as_slice())).unwrap();
        let refusal = check_parts(&mut archive, 1_000_000).unwrap_err();
        assert!(refusal.contains("more than 1 MB"), "{refusal}");
    }

    #[test]
    fn a_spreadsheet_in_a_zip_is_named_as_such() {
        let mut bytes = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(Cursor::new(&mut bytes));
            writer
                .start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, b"<workbook/>").unwrap();
            writer.finish().unwrap();
        }
        let error = read("marks.docx", &bytes).unwrap_err();
        assert!(error.to_string().contains("an Excel workbook"), "{error}");
    }
}
