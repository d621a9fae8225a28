//! The PDF export: the web page's content on A4 pages, written by krilla (the PDF writer
//! under Typst) as tagged PDF/UA-1 in en-GB: headings, paragraphs, lists, tables, figures
//! with their alternative text and the contents in the tag tree; bookmarks for the sections
//! and evidence items; live links (web addresses, `[E3]` to its item, the contents to each
//! section); "Page N of M" at the foot of each page; fonts from the system, embedded as
//! subsets (`fonts`). No browser and no display are needed.
//!
//! A crate of its own, apart from cmalt-core: the command line links it and the window does
//! not, so the window's binary stays small; the window asks the command line installed beside
//! it to make a PDF. It plugs into the core's export as a `PdfWriter`.

mod content;
pub mod fonts;
mod layout;

use cmalt_core::export::bundle::{EvidenceFile, evidence_label};
use cmalt_core::export::revisions::RevisionSummary;
use cmalt_core::export::{DocumentInput, ExportExtras, PdfWriter, WrittenDocument as PdfDocument};
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use content::{Block, LinkTo, TextKind};
use fonts::{Fonts, LoadedFonts, Style};
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use layout::{Fragment, Laid, Op, PAGE_HEIGHT, PAGE_WIDTH, Slot};
use std::num::NonZeroU16;
use time::OffsetDateTime;

/// The core's `PdfWriter`, with the fonts found where `places` says.
pub struct Typesetter {
    places: fonts::FontPlaces,
}

impl Typesetter {
    /// With the fonts from the system's usual folders.
    pub fn new() -> Typesetter {
        Typesetter::with_fonts(fonts::FontPlaces::system())
    }

    pub fn with_fonts(places: fonts::FontPlaces) -> Typesetter {
        Typesetter { places }
    }
}

impl Default for Typesetter {
    fn default() -> Self {
        Typesetter::new()
    }
}

impl PdfWriter for Typesetter {
    fn write(&self, input: &DocumentInput<'_>) -> Result<PdfDocument, String> {
        // Read at each export: installing the fonts after the message works at once.
        let fonts = fonts::load(&self.places).map_err(|missing| missing.to_string())?;
        document(
            input.framework,
            input.portfolio,
            input.evidence,
            input.revisions,
            input.now,
            &fonts,
        )
        .map_err(|error| error.to_string())
    }
}

/// The extras to export with: the core's own, with this PDF writer.
pub fn with_pdf_writer(mut extras: ExportExtras) -> ExportExtras {
    extras.pdf = Some(std::sync::Arc::new(Typesetter::new()));
    extras
}

/// The PDF could not be written (a damaged image it could not read, say).
#[derive(Debug, Clone, thiserror::Error)]
#[error("The PDF could not be made ({0}). Nothing was exported.")]
pub struct PdfNotMade(pub String);

/// Text colour and the colour of links (underlined too, so colour is not the only sign).
const INK: (u8, u8, u8) = (25, 25, 25);
const LINK: (u8, u8, u8) = (0, 70, 160);
const FOOTER_SIZE: f32 = 8.5;

/// Where a child sits: block, part, and its place among the part's children.
type ChildAt = (usize, usize, usize);

/// A link drawn on the page, whose annotation is added once the page's drawing is done.
struct PendingLink {
    rect: Rect,
    target: Target,
    description: String,
    at: ChildAt,
}

/// Content and decoration of one block's parts, as the drawing found them.
enum Child {
    Content(Identifier),
    /// A piece of a link: its text and, once the page is done, its annotation.
    Link(Identifier, Option<Identifier>),
}

fn document(
    framework: &Framework,
    portfolio: &Portfolio,
    evidence: &[EvidenceFile<'_>],
    revisions: Option<&RevisionSummary>,
    now: OffsetDateTime,
    fonts: &LoadedFonts,
) -> Result<PdfDocument, PdfNotMade> {
    let fonts = &fonts.0;
    let blocks = content::blocks(framework, portfolio, evidence, revisions, now);
    let laid = layout::lay_out(fonts, &blocks);
    let images = evidence
        .iter()
        .filter(|file| shows_image_of(&blocks, &file.item.id))
        .map(|file| (evidence_label(file.item), file.bytes.len() as u64))
        .collect();
    let bytes = write(portfolio, now, fonts, &blocks, &laid)?;
    Ok(PdfDocument { bytes, images })
}

/// Whether the blocks show the image of item `id`.
fn shows_image_of(blocks: &[Block], id: &str) -> bool {
    let prefix = format!("{id}: ");
    blocks
        .iter()
        .any(|b| matches!(b, Block::Image { alt, .. } if alt.starts_with(&prefix)))
}

fn settings() -> SerializeSettings {
    let mut settings = SerializeSettings::default();
    if let Ok(configuration) = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
    {
        settings.configuration = configuration;
    }
    settings.enable_tagging = true;
    settings
}

fn metadata(portfolio: &Portfolio, now: OffsetDateTime) -> Metadata {
    let name = portfolio.candidate.name.trim();
    let title = if name.is_empty() {
        format!("{}: CMALT portfolio", portfolio.display_title())
    } else {
        format!("{}: CMALT portfolio of {name}", portfolio.display_title())
    };
    let mut metadata = Metadata::new()
        .title(title)
        .language(cmalt_core::export::html::LANGUAGE.to_string())
        .creator(format!("CMALT Portfolio {}", env!("CARGO_PKG_VERSION")))
        .creation_date(
            DateTime::new(now.year().clamp(0, 9999) as u16)
                .month(u8::from(now.month()))
                .day(now.day())
                .hour(now.hour())
                .minute(now.minute())
                .second(now.second()),
        );
    if !name.is_empty() {
        metadata = metadata.authors(vec![name.to_string()]);
    }
    metadata
}

fn fill(colour: (u8, u8, u8)) -> Option<Fill> {
    Some(Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        ..Fill::default()
    })
}

/// Draws `text` in `style` with its left end at `x`; returns its width.
fn draw_text(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    style: Style,
    text: &str,
    x: f32,
    baseline: f32,
    size: f32,
) -> f32 {
    let mut pen = x;
    for piece in fonts.pieces(style, text) {
        let glyphs: Vec<KrillaGlyph> = piece
            .glyphs
            .iter()
            .map(|(id, advance, range)| {
                KrillaGlyph::new(
                    GlyphId::new(id.to_u32()),
                    *advance,
                    0.0,
                    0.0,
                    0.0,
                    range.clone(),
                    None,
                )
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(pen, baseline),
            &glyphs,
            piece.face.font.clone(),
            text,
            size,
            false,
        );
        pen += piece
            .glyphs
            .iter()
            .map(|(_, advance, _)| advance)
            .sum::<f32>()
            * size;
    }
    pen - x
}

fn rule(surface: &mut Surface<'_>, x: f32, y: f32, width: f32, thickness: f32) {
    let mut path = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(x, y, width, thickness) {
        path.push_rect(rect);
    }
    if let Some(path) = path.finish() {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Layout,
        )));
        surface.draw_path(&path);
        surface.end_tagged();
    }
}

fn target(link: &LinkTo, laid: &Laid) -> Option<Target> {
    match link {
        LinkTo::Web(address) => Some(Target::Action(Action::Link(LinkAction::new(
            address.clone(),
        )))),
        LinkTo::Place(place) => {
            let (page, y) = *laid.places.get(place)?;
            Some(Target::Destination(Destination::Xyz(XyzDestination::new(
                page,
                Point::from_xy(0.0, y),
            ))))
        }
    }
}

/// What a screen reader says of a link.
fn link_description(link: &LinkTo, text: &str) -> String {
    match link {
        LinkTo::Web(address) => format!("Link to {address}"),
        LinkTo::Place(_) => format!("Go to {}", text.trim()),
    }
}

fn write(
    portfolio: &Portfolio,
    now: OffsetDateTime,
    fonts: &Fonts,
    blocks: &[Block],
    laid: &Laid,
) -> Result<Vec<u8>, PdfNotMade> {
    let mut document = Document::new_with(settings());
    let total = laid.pages.len();
    // Each block's parts, in drawing order.
    let mut children: Vec<Vec<Vec<Child>>> = blocks.iter().map(|_| Vec::new()).collect();
    let add = |children: &mut Vec<Vec<Vec<Child>>>, slot: Slot, child: Child| -> ChildAt {
        let parts = &mut children[slot.block];
        if parts.len() <= slot.part {
            parts.resize_with(slot.part + 1, Vec::new);
        }
        parts[slot.part].push(child);
        (slot.block, slot.part, parts[slot.part].len() - 1)
    };
    let page_size = Size::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a size");
    for (index, ops) in laid.pages.iter().enumerate() {
        let mut page = document.start_page_with(PageSettings::new(page_size));
        let mut links: Vec<PendingLink> = Vec::new();
        {
            let mut surface = page.surface();
            for op in ops {
                match op {
                    Op::Text(Fragment {
                        x,
                        baseline,
                        size,
                        style,
                        text,
                        link,
                        slot,
                    }) => {
                        let linked = link.as_ref().and_then(|l| Some((l, target(l, laid)?)));
                        surface.set_fill(fill(if linked.is_some() { LINK } else { INK }));
                        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                        let width =
                            draw_text(&mut surface, fonts, *style, text, *x, *baseline, *size);
                        surface.end_tagged();
                        match linked {
                            Some((link, target)) => {
                                let at = add(&mut children, *slot, Child::Link(id, None));
                                rule(&mut surface, *x, baseline + size * 0.15, width, 0.6);
                                if let Some(rect) = Rect::from_xywh(
                                    *x,
                                    baseline - size * 0.95,
                                    width.max(1.0),
                                    size * 1.25,
                                ) {
                                    links.push(PendingLink {
                                        rect,
                                        target,
                                        description: link_description(link, text),
                                        at,
                                    });
                                }
                            }
                            None => {
                                add(&mut children, *slot, Child::Content(id));
                            }
                        }
                    }
                    Op::PageOf {
                        place,
                        right,
                        baseline,
                        slot,
                    } => {
                        let number = laid
                            .places
                            .get(place)
                            .map_or(String::new(), |(page, _)| (page + 1).to_string());
                        let size = layout::BODY_SIZE + 0.5;
                        let width = fonts.width(Style::Regular, &number, size);
                        surface.set_fill(fill(INK));
                        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                        draw_text(
                            &mut surface,
                            fonts,
                            Style::Regular,
                            &number,
                            right - width,
                            *baseline,
                            size,
                        );
                        surface.end_tagged();
                        add(&mut children, *slot, Child::Content(id));
                    }
                    Op::Image {
                        image,
                        x,
                        y,
                        width,
                        height,
                        slot,
                    } => {
                        let Some(size) = Size::from_wh(*width, *height) else {
                            continue;
                        };
                        let id = surface.start_tagged(ContentTag::Other);
                        surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                        surface.draw_image(image.clone(), size);
                        surface.pop();
                        surface.end_tagged();
                        add(&mut children, *slot, Child::Content(id));
                    }
                    Op::Rule { x, y, width } => {
                        surface.set_fill(fill((170, 170, 170)));
                        rule(&mut surface, *x, *y, *width, 0.5);
                    }
                }
            }
            // The foot of the page: pagination, not content.
            let footer = format!("Page {} of {total}", index + 1);
            let width = fonts.width(Style::Regular, &footer, FOOTER_SIZE);
            surface.set_fill(fill((90, 90, 90)));
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::PaginationOther,
            )));
            draw_text(
                &mut surface,
                fonts,
                Style::Regular,
                &footer,
                (PAGE_WIDTH - width) / 2.0,
                PAGE_HEIGHT - 36.0,
                FOOTER_SIZE,
            );
            surface.end_tagged();
            surface.finish();
        }
        for link in links {
            let annotation = Annotation::new_link(
                LinkAnnotation::new(link.rect, link.target),
                Some(link.description),
            );
            let id = page.add_tagged_annotation(annotation);
            let (block, part, at) = link.at;
            if let Child::Link(_, annotation) = &mut children[block][part][at] {
                *annotation = Some(id);
            }
        }
        page.finish();
    }
    document.set_tag_tree(tag_tree(blocks, children));
    document.set_outline(outline(laid));
    document.set_metadata(metadata(portfolio, now));
    document
        .finish()
        .map_err(|error| PdfNotMade(format!("{error:?}")))
}

fn nodes(children: Vec<Child>) -> Vec<Node> {
    children
        .into_iter()
        .map(|child| match child {
            Child::Content(id) => Node::from(id),
            Child::Link(text, annotation) => {
                let mut group = TagGroup::new(Tag::Link);
                group.push(text);
                if let Some(annotation) = annotation {
                    group.push(annotation);
                }
                Node::from(group)
            }
        })
        .collect()
}

fn group(tag: impl Into<TagKind>, children: Vec<Child>) -> TagGroup {
    TagGroup::with_children(tag, nodes(children))
}

/// The logical structure, in reading order: one group per block, lists gathered into `L`.
fn tag_tree(blocks: &[Block], children: Vec<Vec<Vec<Child>>>) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(cmalt_core::export::html::LANGUAGE.to_string()));
    let mut list: Option<TagGroup> = None;
    for (block, mut parts) in blocks.iter().zip(children) {
        let mut take = |part: usize| {
            if part < parts.len() {
                std::mem::take(&mut parts[part])
            } else {
                Vec::new()
            }
        };
        let in_list = matches!(
            block,
            Block::Text {
                kind: TextKind::ListItem { .. } | TextKind::ListContinuation { .. },
                ..
            }
        );
        if !in_list && let Some(done) = list.take() {
            tree.push(done);
        }
        let node: Option<TagGroup> = match block {
            Block::Text { kind, runs, .. } => match kind {
                TextKind::Heading(level) => {
                    let title: String = runs.iter().map(|r| r.text.as_str()).collect();
                    let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
                    Some(group(Tag::Hn(level, Some(title)), take(0)))
                }
                TextKind::Quote => Some(group(Tag::BlockQuote, take(0))),
                TextKind::ListItem { label, .. } => {
                    let numbering = if label.ends_with('.') {
                        ListNumbering::Decimal
                    } else {
                        ListNumbering::Circle
                    };
                    let mut item = TagGroup::new(Tag::LI);
                    item.push(group(Tag::Lbl, take(1)));
                    item.push(group(Tag::LBody, take(0)));
                    list.get_or_insert_with(|| TagGroup::new(Tag::L(numbering)))
                        .push(item);
                    None
                }
                TextKind::ListContinuation { .. } => {
                    let mut item = TagGroup::new(Tag::LI);
                    item.push(group(Tag::LBody, take(0)));
                    list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::None)))
                        .push(item);
                    None
                }
                _ => Some(group(Tag::P, take(0))),
            },
            Block::Table { rows } => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
                let mut table = TagGroup::new(Tag::Table);
                for (r, row) in rows.iter().enumerate() {
                    let mut tr = TagGroup::new(Tag::TR);
                    for c in 0..row.len() {
                        let cell = take(r * columns + c);
                        if r == 0 {
                            tr.push(group(Tag::TH(TableHeaderScope::Column), cell));
                        } else {
                            tr.push(group(Tag::TD, cell));
                        }
                    }
                    table.push(tr);
                }
                Some(table)
            }
            Block::Image { alt, .. } => Some(group(Tag::Figure(Some(alt.clone())), take(0))),
            Block::Contents(entries) => {
                let mut contents = TagGroup::new(Tag::TOC);
                for n in 0..entries.len() {
                    let mut entry = TagGroup::new(Tag::TOCI);
                    for node in nodes(take(n * 2)).into_iter().chain(nodes(take(n * 2 + 1))) {
                        entry.push(node);
                    }
                    contents.push(entry);
                }
                Some(contents)
            }
            Block::PageBreak => None,
        };
        if let Some(node) = node {
            tree.push(node);
        }
    }
    if let Some(done) = list {
        tree.push(done);
    }
    tree
}

/// The bookmarks: the contents, each section (under its core area), the appendix and its
/// items.
fn outline(laid: &Laid) -> Outline {
    // Items before any top-level bookmark (none today) stay at the top.
    let mut top: Vec<OutlineNode> = Vec::new();
    let mut outline = Outline::new();
    let mut pending: Option<OutlineNode> = None;
    for (bookmark, page, y) in &laid.bookmarks {
        let node = OutlineNode::new(
            bookmark.title.clone(),
            XyzDestination::new(*page, Point::from_xy(0.0, *y)),
        );
        if bookmark.level == 0 {
            if let Some(done) = pending.take() {
                outline.push_child(done);
            }
            pending = Some(node);
        } else if let Some(parent) = pending.as_mut() {
            parent.push_child(node);
        } else {
            top.push(node);
        }
    }
    for node in top {
        outline.push_child(node);
    }
    if let Some(done) = pending {
        outline.push_child(done);
    }
    outline
}
