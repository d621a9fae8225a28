//! Blocks of Markdown written as Word paragraphs and tables with docx-rs: real heading
//! styles (so Word's navigation pane, a table of contents and screen readers see the
//! outline), bold, italics, strike-through, code, links, bullets and numbered lists, quotes
//! and tables; each paragraph optionally inside a bookmark that names its section and part.
//! The review copy and the Word export of the portfolio (`export::word`) write through here.

use super::blocks::{Block, Inline, ParagraphKind};
use docx_rs::{
    AbstractNumbering, BookmarkStart, BreakType, Docx, Hyperlink, HyperlinkType, IndentLevel,
    Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering, NumberingId, PageMargin,
    Paragraph, ParagraphChild, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Table,
    TableCell, TableRow,
};

/// A4 in twentieths of a point, with 2 cm margins: the page the scheme's portfolios use.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
/// What is left for text between the margins.
const TEXT_WIDTH: usize = (PAGE_WIDTH as usize) - 2 * (MARGIN as usize);

const BULLETS: usize = 1;
const NUMBERS: usize = 2;
/// The numbering instance every bulleted list shares; numbered lists get their own.
const BULLET_LIST: usize = 1;

const CODE_FONT: &str = "Courier New";

/// Where a written paragraph goes: into the document body.
pub enum Element {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// A Word document being written, with what it needs to number lists and bookmarks.
pub struct WordDocument {
    docx: Docx,
    next_bookmark: usize,
    next_numbering: usize,
}

impl Default for WordDocument {
    fn default() -> Self {
        WordDocument::new()
    }
}

impl WordDocument {
    /// An empty A4 document with the app's styles.
    pub fn new() -> WordDocument {
        let mut docx = Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(PageMargin {
                top: MARGIN,
                left: MARGIN,
                bottom: MARGIN,
                right: MARGIN,
                header: 709,
                footer: 709,
                gutter: 0,
            })
            .default_size(22)
            .default_fonts(
                RunFonts::new()
                    .ascii("Calibri")
                    .hi_ansi("Calibri")
                    .cs("Calibri"),
            );
        for style in styles() {
            docx = docx.add_style(style);
        }
        let mut bullets = AbstractNumbering::new(BULLETS);
        let mut numbers = AbstractNumbering::new(NUMBERS);
        for level in 0..9 {
            let indent = 720 * (level as i32 + 1);
            let symbol = ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3];
            bullets = bullets.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new(symbol),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(indent),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            );
            numbers = numbers.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new(["decimal", "lowerLetter", "lowerRoman"][level % 3]),
                    LevelText::new(format!("%{}.", level + 1)),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(indent),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            );
        }
        docx = docx
            .add_abstract_numbering(bullets)
            .add_abstract_numbering(numbers)
            .add_numbering(Numbering::new(BULLET_LIST, BULLETS));
        WordDocument {
            docx,
            next_bookmark: 1,
            next_numbering: BULLET_LIST + 1,
        }
    }

    pub fn add(&mut self, element: Element) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = match element {
            Element::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
            Element::Table(table) => docx.add_table(*table),
        };
    }

    pub fn add_paragraph(&mut self, paragraph: Paragraph) {
        self.add(Element::Paragraph(Box::new(paragraph)));
    }

    /// Changes the document as a whole (its properties, a table of contents...).
    pub fn update(&mut self, change: impl FnOnce(Docx) -> Docx) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = change(docx);
    }

    /// The document as the bytes of a .docx file.
    pub fn to_bytes(self) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut bytes)
            .expect("writing a zip into memory cannot fail");
        bytes.into_inner()
    }

    /// A heading paragraph at `level` (1-6) of the document's outline.
    pub fn heading(&self, level: u8, text: &str) -> Paragraph {
        Paragraph::new()
            .style(&format!("Heading{}", level.clamp(1, 6)))
            .keep_next(true)
            .add_run(Run::new().add_text(text))
    }

    /// A paragraph of plain text in the body style.
    pub fn text(&self, text: &str) -> Paragraph {
        Paragraph::new().add_run(Run::new().add_text(text))
    }

    /// A label in bold followed by its value on one line ("Pathway: CMALT").
    pub fn labelled(&self, label: &str, value: &str) -> Paragraph {
        Paragraph::new()
            .add_run(Run::new().add_text(format!("{label}: ")).bold())
            .add_run(Run::new().add_text(value))
    }

    pub fn page_break(&self) -> Paragraph {
        Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
    }

    /// Writes `blocks`; the candidate's own headings sit below `heading_base`. With `mark`,
    /// every paragraph (and every table cell) is bookmarked with the name `mark` gives the
    /// paragraph's number, counted as `blocks::plain_paragraphs` counts them.
    pub fn blocks(
        &mut self,
        blocks: &[Block],
        heading_base: u8,
        mark: Option<&dyn Fn(usize) -> String>,
    ) -> Vec<Element> {
        let mut out = Vec::new();
        let mut index = 0;
        let mut numbered_lists: Vec<(usize, usize)> = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph { kind, inlines } => {
                    let paragraph =
                        self.paragraph(kind, inlines, heading_base, &mut numbered_lists);
                    out.push(Element::Paragraph(Box::new(
                        self.bookmarked(paragraph, mark, index),
                    )));
                    index += 1;
                }
                Block::Table { rows } => {
                    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                    let mut table_rows = Vec::new();
                    for (row_index, row) in rows.iter().enumerate() {
                        let mut cells = Vec::new();
                        for cell in row {
                            let mut paragraph = Paragraph::new();
                            for inline in cell {
                                paragraph = add_inline(paragraph, inline, row_index == 0);
                            }
                            let paragraph = self.bookmarked(paragraph, mark, index);
                            index += 1;
                            cells.push(TableCell::new().add_paragraph(paragraph));
                        }
                        while cells.len() < columns {
                            cells.push(TableCell::new().add_paragraph(Paragraph::new()));
                        }
                        table_rows.push(TableRow::new(cells));
                    }
                    let table = Table::new(table_rows)
                        .set_grid(vec![TEXT_WIDTH / columns; columns])
                        .style("TableGrid");
                    out.push(Element::Table(Box::new(table)));
                }
            }
        }
        out
    }

    /// `paragraph` inside a bookmark called `name`, for links and the table of contents to
    /// point at. Word takes letters, digits and `_` in a name, starting with a letter.
    pub fn bookmark(&mut self, mut paragraph: Paragraph, name: &str) -> Paragraph {
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        paragraph.children.insert(
            0,
            ParagraphChild::BookmarkStart(BookmarkStart::new(id, name)),
        );
        paragraph.add_bookmark_end(id)
    }

    fn bookmarked(
        &mut self,
        paragraph: Paragraph,
        mark: Option<&dyn Fn(usize) -> String>,
        index: usize,
    ) -> Paragraph {
        match mark {
            // The bookmark opens before the first run and closes after the last, so a
            // comment or a change anywhere in the paragraph falls inside it.
            Some(mark) => self.bookmark(paragraph, &mark(index)),
            None => paragraph,
        }
    }

    fn paragraph(
        &mut self,
        kind: &ParagraphKind,
        inlines: &[Inline],
        heading_base: u8,
        numbered_lists: &mut Vec<(usize, usize)>,
    ) -> Paragraph {
        let mut paragraph = Paragraph::new();
        match kind {
            ParagraphKind::Normal => {}
            ParagraphKind::Heading(level) => {
                let level = (heading_base + level).min(6);
                paragraph = paragraph.style(&format!("Heading{level}")).keep_next(true);
            }
            ParagraphKind::ListItem {
                ordered,
                level,
                list,
                start,
            } => {
                let level = (*level).min(8);
                let numbering = if *ordered {
                    match numbered_lists.iter().find(|(l, _)| l == list) {
                        Some((_, id)) => *id,
                        None => {
                            let id = self.next_numbering;
                            self.next_numbering += 1;
                            let start = *start;
                            self.update(|docx| {
                                docx.add_numbering(
                                    Numbering::new(id, NUMBERS)
                                        .add_override(LevelOverride::new(level).start(start)),
                                )
                            });
                            numbered_lists.push((*list, id));
                            id
                        }
                    }
                } else {
                    BULLET_LIST
                };
                paragraph = paragraph
                    .style("ListParagraph")
                    .numbering(NumberingId::new(numbering), IndentLevel::new(level));
            }
            ParagraphKind::ListContinuation { level } => {
                let indent = 720 * ((*level).min(8) as i32 + 1);
                paragraph = paragraph
                    .style("ListParagraph")
                    .indent(Some(indent), None, None, None);
            }
            ParagraphKind::Quote => paragraph = paragraph.style("Quote"),
            ParagraphKind::Code => paragraph = paragraph.style("SourceCode"),
        }
        for inline in inlines {
            paragraph = add_inline(paragraph, inline, false);
        }
        paragraph
    }
}

fn run_for(inline: &Inline, bold: bool) -> Run {
    if inline.line_break {
        return Run::new().add_break(BreakType::TextWrapping);
    }
    let text = match &inline.image {
        Some(_) if inline.text.trim().is_empty() => "[Image]".to_string(),
        Some(_) => format!("[Image: {}]", inline.text.trim()),
        None => inline.text.clone(),
    };
    let mut run = Run::new().add_text(text);
    if inline.bold || bold {
        run = run.bold();
    }
    if inline.italic {
        run = run.italic();
    }
    if inline.strike {
        run = run.strike();
    }
    if inline.code {
        run = run.fonts(RunFonts::new().ascii(CODE_FONT).hi_ansi(CODE_FONT));
    }
    run
}

fn add_inline(paragraph: Paragraph, inline: &Inline, bold: bool) -> Paragraph {
    let run = run_for(inline, bold);
    match &inline.link {
        // `#name` points at a bookmark in the same document (an evidence reference).
        Some(url) if url.starts_with('#') => paragraph.add_hyperlink(
            Hyperlink::new(&url[1..], HyperlinkType::Anchor).add_run(run.style("Hyperlink")),
        ),
        Some(url) => paragraph.add_hyperlink(
            Hyperlink::new(url, HyperlinkType::External).add_run(run.style("Hyperlink")),
        ),
        None => paragraph.add_run(run),
    }
}

/// The styles every document of the app uses, named as Word names its built-in ones so
/// that Word, LibreOffice and Google Docs treat them as theirs.
fn styles() -> Vec<Style> {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color("1F3864")
            .outline_lvl(level - 1)
    };
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(52)
            .color("1F3864"),
        heading(1, 36),
        heading(2, 30),
        heading(3, 26),
        heading(4, 24),
        heading(5, 22),
        heading(6, 22),
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .q_format(true)
            .italic()
            .indent(Some(720), None, Some(720), None),
        Style::new("SourceCode", StyleType::Paragraph)
            .name("Source Code")
            .based_on("Normal")
            .fonts(RunFonts::new().ascii(CODE_FONT).hi_ansi(CODE_FONT))
            .size(20),
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true),
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
        Style::new("TableGrid", StyleType::Table).name("Table Grid"),
        // The heading of a table of contents, outside the outline so it does not list itself.
        Style::new("TOCHeading", StyleType::Paragraph)
            .name("TOC Heading")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(36)
            .bold()
            .color("1F3864"),
        toc_entry(1),
        toc_entry(2),
        toc_entry(3),
    ]
}

/// The style of a table of contents' entries at `level`, as Word names its own.
fn toc_entry(level: usize) -> Style {
    Style::new(format!("TOC{level}"), StyleType::Paragraph)
        .name(format!("toc {level}"))
        .based_on("Normal")
        .next("Normal")
        .indent(Some(240 * (level as i32 - 1)), None, None, None)
}
