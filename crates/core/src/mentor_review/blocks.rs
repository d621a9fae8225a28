//! A candidate's Markdown as the blocks a Word document is made of: paragraphs, headings,
//! list items, quotes, code and tables, each a row of runs with their emphasis and links.
//! Parsed by comrak with the app's own options, so Word shows what the preview shows; the
//! same blocks give the plain text each paragraph was sent with, to compare the returned
//! document against.

use crate::markdown::{comrak_options, limit_nesting};
use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, parse_document};

/// A run of text with one formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    /// The address of the link the run is part of.
    pub link: Option<String>,
    /// A line break (`text` is empty).
    pub line_break: bool,
    /// An image: its address (the run's text is its alternative text).
    pub image: Option<String>,
}

impl Inline {
    /// Plain text, with no formatting.
    pub fn plain(text: &str) -> Inline {
        Inline {
            text: text.to_string(),
            ..Inline::default()
        }
    }

    pub fn bold(text: &str) -> Inline {
        Inline {
            bold: true,
            ..Inline::plain(text)
        }
    }

    pub fn italic(text: &str) -> Inline {
        Inline {
            italic: true,
            ..Inline::plain(text)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParagraphKind {
    Normal,
    /// A heading the candidate wrote, 1-6 as in the Markdown.
    Heading(u8),
    /// A list item; `list` numbers the lists of one text, so each numbered list starts
    /// again at its own `start`.
    ListItem {
        ordered: bool,
        level: usize,
        list: usize,
        start: usize,
    },
    /// A further paragraph of a list item, indented like it and not numbered.
    ListContinuation {
        level: usize,
    },
    Quote,
    Code,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph {
        kind: ParagraphKind,
        inlines: Vec<Inline>,
    },
    /// Rows of cells; the first row is the header.
    Table { rows: Vec<Vec<Vec<Inline>>> },
}

/// The blocks of `markdown`.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let arena = Arena::new();
    let markdown = limit_nesting(markdown);
    let root = parse_document(&arena, &markdown, &comrak_options());
    let mut reader = Reader::default();
    for child in root.children() {
        reader.block(child, &Context::default());
    }
    reader.blocks
}

/// The plain text of each paragraph as written into Word, in order: one per paragraph
/// block and one per table cell. Bookmark `n` of a part marks the `n`-th of these.
pub fn plain_paragraphs(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { inlines, .. } => out.push(plain_text(inlines)),
            Block::Table { rows } => {
                for cell in rows.iter().flatten() {
                    out.push(plain_text(cell));
                }
            }
        }
    }
    out
}

/// The words of a row of runs as a reader sees them.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        if inline.line_break {
            text.push('\n');
        } else {
            text.push_str(&inline.text);
        }
    }
    text
}

#[derive(Debug, Clone, Default)]
struct Context {
    /// Inside how many lists, and whether the innermost is numbered.
    list_level: usize,
    quote: bool,
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    lists: usize,
}

impl Reader {
    fn block<'a>(&mut self, node: &'a AstNode<'a>, context: &Context) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Paragraph => {
                let kind = if context.quote {
                    ParagraphKind::Quote
                } else if context.list_level > 0 {
                    ParagraphKind::ListContinuation {
                        level: context.list_level - 1,
                    }
                } else {
                    ParagraphKind::Normal
                };
                self.paragraph(kind, inlines_of(node));
            }
            NodeValue::Heading(heading) => {
                self.paragraph(ParagraphKind::Heading(heading.level), inlines_of(node));
            }
            NodeValue::List(list) => {
                self.lists += 1;
                let list_number = self.lists;
                let ordered = list.list_type == ListType::Ordered;
                let inner = Context {
                    list_level: context.list_level + 1,
                    quote: context.quote,
                };
                for item in node.children() {
                    let mut first = true;
                    for child in item.children() {
                        if first && matches!(child.data().value, NodeValue::Paragraph) {
                            first = false;
                            self.paragraph(
                                ParagraphKind::ListItem {
                                    ordered,
                                    level: context.list_level,
                                    list: list_number,
                                    start: list.start,
                                },
                                inlines_of(child),
                            );
                        } else {
                            first = false;
                            self.block(child, &inner);
                        }
                    }
                }
            }
            NodeValue::BlockQuote => {
                let inner = Context {
                    quote: true,
                    ..context.clone()
                };
                for child in node.children() {
                    self.block(child, &inner);
                }
            }
            NodeValue::CodeBlock(code) => {
                let mut inlines = Vec::new();
                for (index, line) in code.literal.trim_end_matches('\n').split('\n').enumerate() {
                    if index > 0 {
                        inlines.push(Inline {
                            line_break: true,
                            ..Inline::default()
                        });
                    }
                    inlines.push(Inline {
                        text: line.to_string(),
                        code: true,
                        ..Inline::default()
                    });
                }
                self.paragraph(ParagraphKind::Code, inlines);
            }
            NodeValue::Table(_) => {
                let rows = node
                    .children()
                    .map(|row| row.children().map(inlines_of).collect())
                    .collect();
                self.blocks.push(Block::Table { rows });
            }
            // Raw HTML is never passed on (the preview shows it as omitted); a rule is layout.
            NodeValue::HtmlBlock(_) | NodeValue::ThematicBreak => {}
            _ => {
                for child in node.children() {
                    self.block(child, context);
                }
            }
        }
    }

    fn paragraph(&mut self, kind: ParagraphKind, inlines: Vec<Inline>) {
        if inlines
            .iter()
            .all(|i| i.text.trim().is_empty() && !i.line_break)
        {
            return;
        }
        self.blocks.push(Block::Paragraph { kind, inlines });
    }
}

/// The runs of an inline container (a paragraph, a heading, a table cell).
fn inlines_of<'a>(node: &'a AstNode<'a>) -> Vec<Inline> {
    let mut out = Vec::new();
    for child in node.children() {
        inline(child, &Inline::default(), &mut out);
    }
    // Neighbours with the same formatting are one run.
    let mut merged: Vec<Inline> = Vec::with_capacity(out.len());
    for run in out {
        match merged.last_mut() {
            Some(last) if same_format(last, &run) && !run.line_break && !last.line_break => {
                last.text.push_str(&run.text)
            }
            _ => merged.push(run),
        }
    }
    merged
}

fn same_format(a: &Inline, b: &Inline) -> bool {
    (a.bold, a.italic, a.strike, a.code, &a.link, &a.image)
        == (b.bold, b.italic, b.strike, b.code, &b.link, &b.image)
}

fn inline<'a>(node: &'a AstNode<'a>, format: &Inline, out: &mut Vec<Inline>) {
    let value = node.data().value.clone();
    let text = |text: &str| Inline {
        text: text.to_string(),
        ..format.clone()
    };
    match value {
        NodeValue::Text(literal) => out.push(text(&literal)),
        NodeValue::Code(code) => out.push(Inline {
            code: true,
            ..text(&code.literal)
        }),
        NodeValue::SoftBreak => out.push(text(" ")),
        NodeValue::LineBreak => out.push(Inline {
            line_break: true,
            ..Inline::default()
        }),
        NodeValue::HtmlInline(_) => {}
        NodeValue::Strong => children(
            node,
            &Inline {
                bold: true,
                ..format.clone()
            },
            out,
        ),
        NodeValue::Emph => children(
            node,
            &Inline {
                italic: true,
                ..format.clone()
            },
            out,
        ),
        NodeValue::Strikethrough => children(
            node,
            &Inline {
                strike: true,
                ..format.clone()
            },
            out,
        ),
        NodeValue::Link(link) => {
            let link = web_or_mail(&link.url);
            children(
                node,
                &Inline {
                    link,
                    ..format.clone()
                },
                out,
            )
        }
        NodeValue::Image(image) => {
            let mut alt = Vec::new();
            children(node, &Inline::default(), &mut alt);
            out.push(Inline {
                text: plain_text(&alt),
                image: Some(image.url.to_string()),
                ..format.clone()
            });
        }
        _ => children(node, format, out),
    }
}

fn children<'a>(node: &'a AstNode<'a>, format: &Inline, out: &mut Vec<Inline>) {
    for child in node.children() {
        inline(child, format, out);
    }
}

/// Only http(s) and mailto addresses become links in Word, as in the web export.
fn web_or_mail(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https" | "mailto").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_lists_and_tables_become_blocks() {
        let blocks = blocks(
            "Some **bold** and *italic* [link](https://example.org).\n\n\
             1. one\n2. two\n   - inner\n\n| A | B |\n|---|---|\n| c | d |\n",
        );
        let Block::Paragraph { inlines, .. } = &blocks[0] else {
            panic!("a paragraph first: {blocks:?}");
        };
        assert!(inlines.iter().any(|i| i.bold && i.text == "bold"));
        assert!(inlines.iter().any(|i| i.italic && i.text == "italic"));
        assert!(
            inlines
                .iter()
                .any(|i| i.link.as_deref() == Some("https://example.org/"))
        );
        assert!(matches!(
            blocks[1],
            Block::Paragraph {
                kind: ParagraphKind::ListItem {
                    ordered: true,
                    level: 0,
                    ..
                },
                ..
            }
        ));
        assert!(matches!(
            blocks[3],
            Block::Paragraph {
                kind: ParagraphKind::ListItem {
                    ordered: false,
                    level: 1,
                    ..
                },
                ..
            }
        ));
        assert!(matches!(&blocks[4], Block::Table { rows } if rows.len() == 2));
        assert_eq!(
            plain_paragraphs(&blocks),
            [
                "Some bold and italic link.",
                "one",
                "two",
                "inner",
                "A",
                "B",
                "c",
                "d"
            ]
        );
    }

    #[test]
    fn script_links_and_raw_html_are_not_passed_on() {
        let blocks = blocks("[x](javascript:alert(1)) <b>y</b>\n\n<div>raw</div>\n");
        assert_eq!(blocks.len(), 1, "the raw HTML block is left out");
        let Block::Paragraph { inlines, .. } = &blocks[0] else {
            panic!()
        };
        assert!(inlines.iter().all(|i| i.link.is_none()));
        assert_eq!(plain_text(inlines), "x y");
    }
}
