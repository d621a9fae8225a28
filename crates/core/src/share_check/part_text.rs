//! One part of a section (its Description, Reflection, …) read as the export shows it: the
//! visible text, where each piece of it is written in the Markdown (so a passage can be
//! replaced in place), the links it makes and the pictures it has. One parse for all three.

use crate::find::{TextPart, byte_range, line_starts};
use crate::markdown::{comrak_options, limit_nesting};
use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, parse_document};
use std::ops::Range;

/// A part's text as a reader sees it.
pub(crate) struct PartText {
    /// The visible text: words across formatting marks stay together ("my student
    /// **Priya**" reads "my student Priya"), blocks are apart.
    pub visible: String,
    pieces: Vec<Piece>,
    /// Link addresses, as written, in text order.
    pub links: Vec<String>,
    pub pictures: Vec<Picture>,
}

/// A run of the visible text and where it is written in the Markdown, when it is written
/// there exactly (no escape, entity or autolink rewriting in between).
struct Piece {
    visible: Range<usize>,
    source: Option<Range<usize>>,
    /// The address of the link the piece is the text of, unless the link is the text
    /// itself (an autolink, which changes with it).
    link: Option<String>,
}

/// A picture written in the text, `![alt](address)`.
pub(crate) struct Picture {
    pub alt: String,
    pub address: String,
}

impl PartText {
    pub fn read(markdown: &str, part: TextPart) -> PartText {
        if part == TextPart::Topic {
            // The topic is one plain line, not Markdown.
            return PartText {
                visible: markdown.to_string(),
                pieces: vec![Piece {
                    visible: 0..markdown.len(),
                    source: Some(0..markdown.len()),
                    link: None,
                }],
                links: Vec::new(),
                pictures: Vec::new(),
            };
        }
        let limited = limit_nesting(markdown);
        // When the nesting limit escaped a marker, offsets are the escaped copy's: the text
        // is read, never changed in place.
        let exact = matches!(limited, std::borrow::Cow::Borrowed(_));
        let arena = Arena::new();
        let root = parse_document(&arena, &limited, &comrak_options());
        let lines = line_starts(&limited);
        let mut reading = Reading {
            markdown: &limited,
            lines: &lines,
            exact,
            text: PartText {
                visible: String::with_capacity(limited.len()),
                pieces: Vec::new(),
                links: Vec::new(),
                pictures: Vec::new(),
            },
            block: None,
            pending_gap: "",
        };
        for node in root.descendants() {
            reading.visit(node);
        }
        reading.text
    }

    /// Where `range` of the visible text is written in the Markdown, when it lies within one
    /// piece written there exactly, and replacing it there takes it out of the export: not
    /// when it is a link's text and the link's address holds it too
    /// (`[sam@x.org](mailto:sam@x.org)`).
    pub fn source_of(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let at = self
            .pieces
            .partition_point(|piece| piece.visible.end < range.end);
        let piece = self.pieces.get(at)?;
        if piece.visible.start > range.start || range.end > piece.visible.end {
            return None;
        }
        let passage = self.visible[range.clone()].to_lowercase();
        if piece
            .link
            .as_ref()
            .is_some_and(|address| address.to_lowercase().contains(&passage))
        {
            return None;
        }
        let source = piece.source.as_ref()?;
        let start = source.start + (range.start - piece.visible.start);
        Some(start..start + range.len())
    }
}

struct Reading<'m> {
    markdown: &'m str,
    lines: &'m [usize],
    exact: bool,
    text: PartText,
    /// The block the last piece of text was in, to keep blocks apart.
    block: Option<*const ()>,
    /// What separates the next piece from the last one in the same block (a line break).
    pending_gap: &'static str,
}

impl<'m> Reading<'m> {
    fn visit<'a>(&mut self, node: &'a AstNode<'a>) {
        match &node.data().value {
            NodeValue::Text(literal) => {
                let literal: &str = literal.as_ref();
                let source = byte_range(self.lines, node.data().sourcepos, self.markdown.len())
                    .filter(|range| {
                        self.exact && self.markdown.get(range.clone()) == Some(literal)
                    });
                let link = self.link_around(node, source.as_ref());
                self.push(node, literal, source, link);
            }
            NodeValue::Code(code) => self.push(node, &code.literal, None, None),
            NodeValue::CodeBlock(block) => self.push(node, &block.literal, None, None),
            NodeValue::SoftBreak => self.pending_gap = " ",
            NodeValue::LineBreak => self.pending_gap = "\n",
            NodeValue::Link(link) => self.text.links.push(link.url.to_string()),
            NodeValue::Image(link) => self.text.pictures.push(Picture {
                alt: visible_text_of(node),
                address: link.url.to_string(),
            }),
            _ => {}
        }
    }

    /// The address of the link `node` is the text of, unless it is an autolink: the address
    /// written out as it is (`sam@x.org`, `<https://x.org>`), which changes with its text.
    /// An autolink is known by its place: it covers exactly the text (or the text in `<>`).
    fn link_around<'a>(
        &self,
        node: &'a AstNode<'a>,
        text: Option<&Range<usize>>,
    ) -> Option<String> {
        node.ancestors()
            .find_map(|ancestor| match &ancestor.data().value {
                NodeValue::Link(link) => {
                    let place =
                        byte_range(self.lines, ancestor.data().sourcepos, self.markdown.len());
                    let autolink = match (place, text) {
                        (Some(place), Some(text)) => {
                            place == *text
                                || (place.start + 1 == text.start && place.end == text.end + 1)
                        }
                        _ => false,
                    };
                    (!autolink).then(|| link.url.to_string())
                }
                _ => None,
            })
    }

    fn push<'a>(
        &mut self,
        node: &'a AstNode<'a>,
        literal: &str,
        source: Option<Range<usize>>,
        link: Option<String>,
    ) {
        let block = node
            .ancestors()
            .find(|ancestor| ancestor.data().value.block())
            .map(|block| block as *const AstNode<'a> as *const ());
        if !self.text.visible.is_empty() {
            if block != self.block {
                self.text.visible.push_str("\n\n");
            } else {
                self.text.visible.push_str(self.pending_gap);
            }
        }
        self.block = block;
        self.pending_gap = "";
        let start = self.text.visible.len();
        self.text.visible.push_str(literal);
        let visible = start..self.text.visible.len();
        // Text next to text in the Markdown (comrak splits a run at some characters) is one
        // piece, so a passage across the split can still be replaced.
        if let Some(last) = self.text.pieces.last_mut()
            && last.visible.end == visible.start
            && last.link == link
            && let (Some(before), Some(after)) = (&last.source, &source)
            && before.end == after.start
        {
            last.visible.end = visible.end;
            last.source = Some(before.start..after.end);
            return;
        }
        self.text.pieces.push(Piece {
            visible,
            source,
            link,
        });
    }
}

/// The words of a picture's alternative text, `![these words](…)`.
fn visible_text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        match &descendant.data().value {
            NodeValue::Text(literal) => text.push_str(literal.as_ref()),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_across_formatting_read_together_and_blocks_stay_apart() {
        let markdown = "My student **Priya** said\nso.\n\nNext *paragraph*.";
        let text = PartText::read(markdown, TextPart::Description);
        assert_eq!(text.visible, "My student Priya said so.\n\nNext paragraph.");
        let priya = text.visible.find("Priya").unwrap();
        let source = text
            .source_of(&(priya..priya + 5))
            .expect("Priya is plain text");
        assert_eq!(&markdown[source], "Priya");
    }

    #[test]
    fn a_passage_across_a_formatting_mark_has_no_one_place_in_the_markdown() {
        let markdown = "call 07700 **900123**";
        let text = PartText::read(markdown, TextPart::Reflection);
        let start = text.visible.find("07700").unwrap();
        assert_eq!(text.source_of(&(start..start + 12)), None);
    }

    #[test]
    fn a_links_text_that_its_address_repeats_has_no_place_to_replace() {
        let markdown = "Mail [sam@x.org](mailto:sam@x.org) or sam@x.org.";
        let text = PartText::read(markdown, TextPart::Description);
        let first = text.visible.find("sam@x.org").unwrap();
        assert_eq!(
            text.source_of(&(first..first + 9)),
            None,
            "replacing the text would leave the address in the link"
        );
        let second = text.visible.rfind("sam@x.org").unwrap();
        let source = text
            .source_of(&(second..second + 9))
            .expect("an autolinked address changes with its text");
        assert_eq!(&markdown[source], "sam@x.org");
    }

    #[test]
    fn links_and_pictures_are_collected_with_their_alternative_text() {
        let markdown =
            "See [the form](https://forms.gle/abc) and ![](shot.png) and ![A chart](c.png).";
        let text = PartText::read(markdown, TextPart::Description);
        assert_eq!(text.links, ["https://forms.gle/abc"]);
        let alts: Vec<&str> = text.pictures.iter().map(|p| p.alt.as_str()).collect();
        assert_eq!(alts, ["", "A chart"]);
    }

    #[test]
    fn escaped_text_is_read_but_has_no_place_to_replace() {
        let markdown = r"a\*b j.smith@uni.ac.uk";
        let text = PartText::read(markdown, TextPart::Description);
        assert_eq!(text.visible, "a*b j.smith@uni.ac.uk");
        assert_eq!(
            text.source_of(&(0..3)),
            None,
            "the Markdown has a backslash where the reader sees nothing"
        );
    }
}
