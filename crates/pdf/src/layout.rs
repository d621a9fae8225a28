//! Setting the blocks on A4 pages: lines broken between words at the fonts' own widths
//! (Latin text needs no shaping), headings kept with what follows, images scaled to fit, and
//! where each place and bookmark landed, for links and the contents' page numbers.

use super::content::{Block, Bookmark, LinkTo, Run, TextKind};
use super::fonts::{Fonts, Style};
use std::collections::HashMap;

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm margins; the foot leaves room for the page number.
pub(crate) const MARGIN: f32 = 56.7;
const BOTTOM: f32 = PAGE_HEIGHT - 70.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
pub(crate) const BODY_SIZE: f32 = 10.5;
const INDENT: f32 = 18.0;

/// Which part of which block a piece of content belongs to, for the tag tree: part 0 is the
/// block's text; a list item's label is part 1; a table's cells and the contents' entries
/// count on from 0 (an entry's page number is the part after its words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub block: usize,
    pub part: usize,
}

pub(crate) struct Fragment {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub style: Style,
    pub text: String,
    pub link: Option<LinkTo>,
    pub slot: Slot,
}

pub(crate) enum Op {
    Text(Fragment),
    /// The page a place is on, right-aligned at `right` (the contents).
    PageOf {
        place: String,
        right: f32,
        baseline: f32,
        slot: Slot,
    },
    Image {
        image: krilla::image::Image,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        slot: Slot,
    },
    /// A thin line, for table borders: decoration, not content.
    Rule {
        x: f32,
        y: f32,
        width: f32,
    },
}

pub(crate) struct Laid {
    pub pages: Vec<Vec<Op>>,
    /// Page index and top of each place links lead to.
    pub places: HashMap<String, (usize, f32)>,
    pub bookmarks: Vec<(Bookmark, usize, f32)>,
}

struct Setter<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    y: f32,
    places: HashMap<String, (usize, f32)>,
    bookmarks: Vec<(Bookmark, usize, f32)>,
}

/// One word or space of a line, in one style.
struct Bit {
    text: String,
    style: Style,
    link: Option<LinkTo>,
    width: f32,
}

enum Token {
    Word(Vec<Bit>),
    Space,
    Break,
}

fn text_style(kind: &TextKind) -> (f32, f32) {
    // (font size, space above)
    match kind {
        TextKind::Title => (26.0, 12.0),
        TextKind::Heading(1) => (17.0, 6.0),
        TextKind::Heading(2) => (13.5, 12.0),
        TextKind::Heading(3) => (12.0, 10.0),
        TextKind::Heading(_) => (11.0, 8.0),
        TextKind::Kicker => (11.0, 4.0),
        TextKind::Code => (9.5, 4.0),
        TextKind::Note => (BODY_SIZE, 4.0),
        _ => (BODY_SIZE, 5.0),
    }
}

impl<'f> Setter<'f> {
    fn page(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn at_top(&self) -> bool {
        self.page_is_empty() && (self.y - MARGIN).abs() < 0.01
    }

    fn page_is_empty(&self) -> bool {
        self.pages.last().is_none_or(|p| p.is_empty())
    }

    /// Moves to a new page unless `height` fits below.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    fn mark(&mut self, anchor: &Option<String>, bookmark: &Option<Bookmark>) {
        let at = (self.pages.len() - 1, self.y);
        if let Some(anchor) = anchor {
            self.places.insert(anchor.clone(), at);
        }
        if let Some(bookmark) = bookmark {
            self.bookmarks.push((bookmark.clone(), at.0, at.1));
        }
    }

    fn tokens(&self, runs: &[Run], size: f32) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut word: Vec<Bit> = Vec::new();
        let flush = |word: &mut Vec<Bit>, tokens: &mut Vec<Token>| {
            if !word.is_empty() {
                tokens.push(Token::Word(std::mem::take(word)));
            }
        };
        for run in runs {
            let mut current = String::new();
            let push_bit = |current: &mut String, word: &mut Vec<Bit>| {
                if !current.is_empty() {
                    let text = std::mem::take(current);
                    word.push(Bit {
                        width: self.fonts.width(run.style, &text, size),
                        text,
                        style: run.style,
                        link: run.link.clone(),
                    });
                }
            };
            for c in run.text.chars() {
                if c == '\n' {
                    push_bit(&mut current, &mut word);
                    flush(&mut word, &mut tokens);
                    tokens.push(Token::Break);
                } else if c.is_whitespace() {
                    push_bit(&mut current, &mut word);
                    flush(&mut word, &mut tokens);
                    if !matches!(tokens.last(), Some(Token::Space) | None) {
                        tokens.push(Token::Space);
                    }
                } else {
                    current.push(c);
                }
            }
            push_bit(&mut current, &mut word);
        }
        flush(&mut word, &mut tokens);
        tokens
    }

    /// Lines of `runs` within `width`, each a row of bits with their x offsets.
    fn lines(&self, runs: &[Run], size: f32, width: f32) -> Vec<Vec<(f32, Bit)>> {
        let space = self.fonts.width(Style::Regular, " ", size);
        let mut lines = Vec::new();
        let mut line: Vec<(f32, Bit)> = Vec::new();
        let mut x = 0.0;
        let mut pending_space = false;
        for token in self.tokens(runs, size) {
            match token {
                Token::Break => {
                    lines.push(std::mem::take(&mut line));
                    x = 0.0;
                    pending_space = false;
                }
                Token::Space => pending_space = !line.is_empty(),
                Token::Word(bits) => {
                    let word_width: f32 = bits.iter().map(|b| b.width).sum();
                    let gap = if pending_space { space } else { 0.0 };
                    if !line.is_empty() && x + gap + word_width > width {
                        lines.push(std::mem::take(&mut line));
                        x = 0.0;
                    } else if pending_space {
                        // The space is real text, so a copied line reads as written.
                        if let Some((_, last)) = line.last_mut() {
                            last.text.push(' ');
                            last.width += space;
                        }
                        x += space;
                    }
                    pending_space = false;
                    for bit in bits {
                        for part in self.split_to_fit(bit, width, size) {
                            if x + part.width > width && !line.is_empty() {
                                lines.push(std::mem::take(&mut line));
                                x = 0.0;
                            }
                            let w = part.width;
                            line.push((x, part));
                            x += w;
                        }
                    }
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A word wider than the line (a long address) is cut between characters.
    fn split_to_fit(&self, bit: Bit, width: f32, size: f32) -> Vec<Bit> {
        if bit.width <= width {
            return vec![bit];
        }
        let mut parts = Vec::new();
        let mut current = String::new();
        let mut current_width = 0.0;
        for c in bit.text.chars() {
            let w = self
                .fonts
                .width(bit.style, c.encode_utf8(&mut [0; 4]), size);
            if current_width + w > width && !current.is_empty() {
                parts.push(Bit {
                    text: std::mem::take(&mut current),
                    style: bit.style,
                    link: bit.link.clone(),
                    width: current_width,
                });
                current_width = 0.0;
            }
            current.push(c);
            current_width += w;
        }
        parts.push(Bit {
            text: current,
            style: bit.style,
            link: bit.link,
            width: current_width,
        });
        parts
    }

    /// Sets `runs` as lines from the current position, `left` from the margin.
    fn paragraph(&mut self, runs: &[Run], size: f32, left: f32, width: f32, slot: Slot) {
        let line_height = size * 1.4;
        for line in self.lines(runs, size, width) {
            self.room_for(line_height);
            let baseline = self.y + size;
            self.place_line(line, MARGIN + left, baseline, size, slot);
            self.y += line_height;
        }
    }

    /// Joins neighbouring bits of one style and link into one fragment each.
    fn place_line(
        &mut self,
        line: Vec<(f32, Bit)>,
        left: f32,
        baseline: f32,
        size: f32,
        slot: Slot,
    ) {
        let mut merged: Vec<Fragment> = Vec::new();
        for (x, bit) in line {
            if let Some(last) = merged.last_mut()
                && last.style == bit.style
                && last.link == bit.link
            {
                last.text.push_str(&bit.text);
                continue;
            }
            merged.push(Fragment {
                x: left + x,
                baseline,
                size,
                style: bit.style,
                text: bit.text,
                link: bit.link,
                slot,
            });
        }
        let page = self.page();
        page.extend(merged.into_iter().map(Op::Text));
    }

    fn text_block(&mut self, index: usize, kind: &TextKind, runs: &[Run]) {
        let (size, above) = text_style(kind);
        let body = Slot {
            block: index,
            part: 0,
        };
        if !self.at_top() {
            self.y += above;
        }
        match kind {
            TextKind::Heading(_) | TextKind::Title | TextKind::Kicker => {
                // A heading is kept with at least two lines of what follows.
                self.room_for(size * 1.4 + BODY_SIZE * 4.0);
                self.paragraph(runs, size, 0.0, TEXT_WIDTH, body);
                self.y += 2.0;
            }
            TextKind::ListItem { label, level } => {
                let left = INDENT * (*level as f32 + 1.0);
                self.room_for(size * 1.4);
                let label_x = MARGIN + left - INDENT + 4.0;
                let baseline = self.y + size;
                self.page().push(Op::Text(Fragment {
                    x: label_x,
                    baseline,
                    size,
                    style: Style::Regular,
                    text: label.clone(),
                    link: None,
                    slot: Slot {
                        block: index,
                        part: 1,
                    },
                }));
                self.paragraph(runs, size, left, TEXT_WIDTH - left, body);
            }
            TextKind::ListContinuation { level } => {
                let left = INDENT * (*level as f32 + 1.0);
                self.paragraph(runs, size, left, TEXT_WIDTH - left, body);
            }
            TextKind::Quote | TextKind::Code => {
                self.paragraph(runs, size, INDENT, TEXT_WIDTH - INDENT * 2.0, body)
            }
            _ => self.paragraph(runs, size, 0.0, TEXT_WIDTH, body),
        }
    }

    fn table(&mut self, index: usize, rows: &[Vec<Vec<Run>>]) {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let column_width = TEXT_WIDTH / columns as f32;
        let size = BODY_SIZE - 1.0;
        let line_height = size * 1.4;
        self.y += 6.0;
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<Vec<(f32, Bit)>>> = row
                .iter()
                .map(|cell| self.lines(cell, size, column_width - 8.0))
                .collect();
            let height =
                cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_height + 4.0;
            self.room_for(height);
            let top = self.y;
            self.page().push(Op::Rule {
                x: MARGIN,
                y: top,
                width: TEXT_WIDTH,
            });
            for (c, lines) in cells.into_iter().enumerate() {
                let slot = Slot {
                    block: index,
                    part: r * columns + c,
                };
                for (n, line) in lines.into_iter().enumerate() {
                    let baseline = top + 2.0 + size + n as f32 * line_height;
                    self.place_line(
                        line,
                        MARGIN + c as f32 * column_width + 4.0,
                        baseline,
                        size,
                        slot,
                    );
                }
            }
            self.y = top + height;
        }
        let y = self.y;
        self.page().push(Op::Rule {
            x: MARGIN,
            y,
            width: TEXT_WIDTH,
        });
        self.y += 4.0;
    }

    fn image(&mut self, index: usize, image: &krilla::image::Image) {
        let (pixels_wide, pixels_high) = image.size();
        if pixels_wide == 0 || pixels_high == 0 {
            return;
        }
        // At 96 pixels to the inch, shrunk to the text's width and half a page's height.
        let natural = (pixels_wide as f32 * 0.75, pixels_high as f32 * 0.75);
        let scale = (TEXT_WIDTH / natural.0)
            .min((BOTTOM - MARGIN) * 0.5 / natural.1)
            .min(1.0);
        let (width, height) = (natural.0 * scale, natural.1 * scale);
        self.y += 6.0;
        self.room_for(height);
        let y = self.y;
        self.page().push(Op::Image {
            image: image.clone(),
            x: MARGIN,
            y,
            width,
            height,
            slot: Slot {
                block: index,
                part: 0,
            },
        });
        self.y += height + 6.0;
    }

    fn contents(&mut self, index: usize, entries: &[(String, String, usize)]) {
        let size = BODY_SIZE + 0.5;
        let line_height = size * 1.6;
        let number_room = 36.0;
        for (n, (words, place, depth)) in entries.iter().enumerate() {
            let left = INDENT * *depth as f32;
            let style = if *depth == 0 {
                Style::Bold
            } else {
                Style::Regular
            };
            let runs = [Run {
                text: words.clone(),
                style,
                link: Some(LinkTo::Place(place.clone())),
            }];
            let lines = self.lines(&runs, size, TEXT_WIDTH - left - number_room);
            let count = lines.len();
            for (at, line) in lines.into_iter().enumerate() {
                self.room_for(line_height);
                let baseline = self.y + size;
                let slot = Slot {
                    block: index,
                    part: n * 2,
                };
                self.place_line(line, MARGIN + left, baseline, size, slot);
                if at + 1 == count {
                    self.page().push(Op::PageOf {
                        place: place.clone(),
                        right: MARGIN + TEXT_WIDTH,
                        baseline,
                        slot: Slot {
                            block: index,
                            part: n * 2 + 1,
                        },
                    });
                }
                self.y += line_height;
            }
        }
    }
}

/// Sets every block on pages.
pub(crate) fn lay_out(fonts: &Fonts, blocks: &[Block]) -> Laid {
    let mut setter = Setter {
        fonts,
        pages: vec![Vec::new()],
        y: MARGIN,
        places: HashMap::new(),
        bookmarks: Vec::new(),
    };
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Text {
                kind,
                runs,
                anchor,
                bookmark,
            } => {
                // The place is where the block starts, after any move to a new page.
                let (size, above) = text_style(kind);
                let keep = if matches!(
                    kind,
                    TextKind::Heading(_) | TextKind::Kicker | TextKind::Title
                ) {
                    size * 1.4 + BODY_SIZE * 4.0
                } else {
                    size * 1.4
                };
                setter.room_for(above + keep);
                setter.mark(anchor, bookmark);
                setter.text_block(index, kind, runs);
            }
            Block::Table { rows } => setter.table(index, rows),
            Block::Image { image, .. } => setter.image(index, image),
            Block::Contents(entries) => setter.contents(index, entries),
            Block::PageBreak => {
                if !setter.page_is_empty() {
                    setter.new_page();
                }
            }
        }
    }
    if setter.pages.len() > 1 && setter.page_is_empty() {
        setter.pages.pop();
    }
    Laid {
        pages: setter.pages,
        places: setter.places,
        bookmarks: setter.bookmarks,
    }
}
