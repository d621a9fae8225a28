//! Reading a review copy that came back: every paragraph of `word/document.xml` with its
//! style, the bookmarks around it, its text split into what was there, what was inserted and
//! what was deleted (tracked changes, with author and date), and where comments start and
//! end; the comments themselves from `word/comments.xml`, their replies and resolved marks
//! from `word/commentsExtended.xml`, and the copy's reference. The package passes the same
//! zip and XML guards as an imported draft first; the XML is read as a stream, never into a
//! tree, so its depth costs nothing.

use super::markers::{BOOKMARK_PREFIX, REFERENCE_PROPERTY, reference_in_line};
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};

/// At most this much of one XML part is read: far past any portfolio's document.
const PART_LIMIT_BYTES: u64 = 100_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    Insert,
    Delete,
}

/// A tracked change: who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TrackedChange {
    pub kind: ChangeKind,
    pub author: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text, and the tracked change it belongs to, if any (an index into `changes`).
    Text {
        text: String,
        change: Option<usize>,
    },
    CommentStart(String),
    CommentEnd(String),
    /// Where a comment's mark is (a comment without a range has only this).
    CommentMark(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReturnedParagraph {
    /// The paragraph style's id, e.g. `Heading2`.
    pub style: Option<String>,
    /// The outline level (0 for a first-level heading) set on the paragraph itself.
    pub outline_level: Option<u8>,
    /// The app's bookmarks open in or around the paragraph.
    pub bookmarks: Vec<String>,
    pub pieces: Vec<Piece>,
}

impl ReturnedParagraph {
    /// The text as the reviewer left it: tracked insertions in, deletions out.
    pub fn current_text(&self, changes: &[TrackedChange]) -> String {
        self.text_where(|change| change.is_none_or(|c| changes[c].kind == ChangeKind::Insert))
    }

    /// The text as it was before the tracked changes: what was sent, unless the reviewer
    /// also edited without tracking.
    pub fn original_text(&self, changes: &[TrackedChange]) -> String {
        self.text_where(|change| change.is_none_or(|c| changes[c].kind == ChangeKind::Delete))
    }

    fn text_where(&self, keep: impl Fn(Option<usize>) -> bool) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            if let Piece::Text { text, change } = piece
                && keep(*change)
            {
                out.push_str(text);
            }
        }
        out
    }
}

/// A comment as Word or LibreOffice wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordComment {
    pub id: String,
    pub author: String,
    pub date: String,
    pub text: String,
    /// The comment this one replies to (its id), from `commentsExtended.xml`.
    pub parent: Option<String>,
    pub done: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ReturnedDocument {
    pub paragraphs: Vec<ReturnedParagraph>,
    pub changes: Vec<TrackedChange>,
    pub comments: Vec<WordComment>,
    /// The copy's reference, from its document property or its title page.
    pub reference: Option<String>,
}

/// Why a returned file could not be read.
#[derive(Debug)]
pub(crate) enum ReadFailure {
    /// What the import guards said (damaged, a bomb, not a Word document...).
    Refused(crate::import::ImportError),
    Damaged(String),
}

/// Reads a returned review copy from its bytes.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<ReturnedDocument, ReadFailure> {
    match crate::import::draft_kind(name, bytes) {
        Ok(crate::import::DraftKind::Docx) => {}
        Ok(_) => {
            return Err(ReadFailure::Damaged(
                "it is not a Word document (.docx)".into(),
            ));
        }
        Err(error) => return Err(ReadFailure::Refused(error)),
    }
    crate::import::check_package(name, bytes).map_err(ReadFailure::Refused)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| ReadFailure::Damaged(error.to_string()))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| ReadFailure::Damaged("it has no document part".into()))?;
    let mut read = read_document(&document).map_err(ReadFailure::Damaged)?;
    if let Some(comments) = part(&mut archive, "word/comments.xml")? {
        let extended = part(&mut archive, "word/commentsExtended.xml")?;
        read.comments =
            read_comments(&comments, extended.as_deref()).map_err(ReadFailure::Damaged)?;
    }
    let property = match part(&mut archive, "docProps/custom.xml")? {
        Some(custom) => custom_property(&custom, REFERENCE_PROPERTY),
        None => None,
    };
    read.reference = property
        .filter(|reference| super::markers::is_reference(reference))
        .or_else(|| {
            read.paragraphs.iter().take(40).find_map(|paragraph| {
                reference_in_line(&paragraph.current_text(&read.changes)).map(str::to_string)
            })
        });
    Ok(read)
}

/// The part called `name` (any case), read up to the limit.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, ReadFailure> {
    let Some(index) = (0..archive.len()).find(|&index| {
        archive
            .name_for_index(index)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }) else {
        return Ok(None);
    };
    let entry = archive
        .by_index(index)
        .map_err(|error| ReadFailure::Damaged(error.to_string()))?;
    let mut bytes = Vec::new();
    entry
        .take(PART_LIMIT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|error| ReadFailure::Damaged(error.to_string()))?;
    Ok(Some(bytes))
}

fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// What the reader is inside of, for the elements whose meaning depends on it.
#[derive(Default)]
struct DocumentState {
    paragraphs: Vec<ReturnedParagraph>,
    changes: Vec<TrackedChange>,
    current: Option<ReturnedParagraph>,
    /// The tracked change the text being read belongs to.
    change: Option<usize>,
    /// Bookmarks of the app open now, by their ids.
    open_bookmarks: BTreeMap<String, String>,
    /// Inside `w:pPr`/`w:rPr` (where `w:ins` marks a changed paragraph mark, not text).
    in_properties: usize,
    /// Inside `w:t` or `w:delText`.
    in_text: bool,
    /// Inside something whose text is not the paragraph's: a text box, a fallback copy, a
    /// field's instructions. Counted, as they nest.
    skipping: usize,
}

impl DocumentState {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let change = self.change;
        if let Some(paragraph) = &mut self.current {
            match paragraph.pieces.last_mut() {
                Some(Piece::Text {
                    text: last,
                    change: c,
                }) if *c == change => last.push_str(text),
                _ => paragraph.pieces.push(Piece::Text {
                    text: text.to_string(),
                    change,
                }),
            }
        }
    }

    fn push_piece(&mut self, piece: Piece) {
        if let Some(paragraph) = &mut self.current {
            paragraph.pieces.push(piece);
        }
    }

    fn start(&mut self, element: &BytesStart<'_>, empty: bool) {
        let name = element.name();
        let name = name.as_ref();
        if self.skipping > 0 {
            if !empty && is_skipped(name) {
                self.skipping += 1;
            }
            return;
        }
        if is_skipped(name) {
            if !empty {
                self.skipping = 1;
            }
            return;
        }
        match name {
            b"w:p" => {
                let mut paragraph = ReturnedParagraph {
                    bookmarks: self.open_bookmarks.values().cloned().collect(),
                    ..ReturnedParagraph::default()
                };
                if empty {
                    self.paragraphs.push(paragraph);
                } else {
                    paragraph.pieces.clear();
                    self.current = Some(paragraph);
                }
            }
            b"w:pPr" | b"w:rPr" if !empty => self.in_properties += 1,
            b"w:pStyle" if self.in_properties > 0 => {
                if let Some(paragraph) = &mut self.current {
                    paragraph.style = attribute(element, b"w:val");
                }
            }
            b"w:outlineLvl" if self.in_properties > 0 => {
                if let Some(paragraph) = &mut self.current {
                    paragraph.outline_level =
                        attribute(element, b"w:val").and_then(|v| v.parse().ok());
                }
            }
            b"w:ins" | b"w:del" | b"w:moveTo" | b"w:moveFrom"
                if self.in_properties == 0 && !empty =>
            {
                let kind = if matches!(name, b"w:ins" | b"w:moveTo") {
                    ChangeKind::Insert
                } else {
                    ChangeKind::Delete
                };
                self.changes.push(TrackedChange {
                    kind,
                    author: attribute(element, b"w:author").unwrap_or_default(),
                    date: attribute(element, b"w:date").unwrap_or_default(),
                });
                self.change = Some(self.changes.len() - 1);
            }
            b"w:t" | b"w:delText" if !empty => self.in_text = true,
            b"w:tab" if self.in_properties == 0 => self.push_text("\t"),
            // A page break is layout; a line break is part of the words' shape.
            b"w:br" | b"w:cr"
                if attribute(element, b"w:type").is_none_or(|t| t == "textWrapping") =>
            {
                self.push_text("\n")
            }
            b"w:noBreakHyphen" => self.push_text("-"),
            b"w:bookmarkStart" => {
                if let (Some(id), Some(name)) =
                    (attribute(element, b"w:id"), attribute(element, b"w:name"))
                    && name.starts_with(BOOKMARK_PREFIX)
                {
                    if let Some(paragraph) = &mut self.current
                        && !paragraph.bookmarks.contains(&name)
                    {
                        paragraph.bookmarks.push(name.clone());
                    }
                    self.open_bookmarks.insert(id, name);
                }
            }
            b"w:bookmarkEnd" => {
                if let Some(id) = attribute(element, b"w:id") {
                    self.open_bookmarks.remove(&id);
                }
            }
            b"w:commentRangeStart" => {
                if let Some(id) = attribute(element, b"w:id") {
                    self.push_piece(Piece::CommentStart(id));
                }
            }
            b"w:commentRangeEnd" => {
                if let Some(id) = attribute(element, b"w:id") {
                    self.push_piece(Piece::CommentEnd(id));
                }
            }
            b"w:commentReference" => {
                if let Some(id) = attribute(element, b"w:id") {
                    self.push_piece(Piece::CommentMark(id));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            if is_skipped(name) {
                self.skipping -= 1;
            }
            return;
        }
        match name {
            b"w:p" => {
                if let Some(paragraph) = self.current.take() {
                    self.paragraphs.push(paragraph);
                }
            }
            b"w:pPr" | b"w:rPr" => self.in_properties = self.in_properties.saturating_sub(1),
            b"w:ins" | b"w:del" | b"w:moveTo" | b"w:moveFrom" if self.in_properties == 0 => {
                self.change = None
            }
            b"w:t" | b"w:delText" => self.in_text = false,
            _ => {}
        }
    }
}

/// Elements whose text is not the paragraph's own words.
fn is_skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"w:txbxContent"
            | b"mc:Fallback"
            | b"w:instrText"
            | b"w:delInstrText"
            | b"w:footnoteReference"
    )
}

fn read_document(xml: &[u8]) -> Result<ReturnedDocument, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut state = DocumentState::default();
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) => state.start(&element, false),
            Ok(Event::Empty(element)) => state.start(&element, true),
            Ok(Event::End(element)) => state.end(element.name().as_ref()),
            Ok(Event::Text(text)) if state.in_text && state.skipping == 0 => {
                let text = text
                    .xml10_content()
                    .map_err(|error| format!("its text cannot be read ({error})"))?;
                state.push_text(&text);
            }
            Ok(Event::GeneralRef(reference)) if state.in_text && state.skipping == 0 => {
                let text = resolve_reference(&reference);
                state.push_text(&text);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => return Err(format!("its document part is not well-formed ({error})")),
        }
        buffer.clear();
    }
    Ok(ReturnedDocument {
        paragraphs: state.paragraphs,
        changes: state.changes,
        ..ReturnedDocument::default()
    })
}

/// `&amp;`, `&#233;` and the other references quick-xml hands over apart from the text.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = String::from_utf8_lossy(reference.as_ref()).into_owned();
    match name.as_str() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => String::new(),
    }
}

/// The comments, each with its text (paragraphs joined by line breaks), the comment it
/// replies to and whether it was marked done, from `commentsExtended.xml` when there is one.
fn read_comments(xml: &[u8], extended: Option<&[u8]>) -> Result<Vec<WordComment>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut comments = Vec::new();
    // The w14:paraId of each comment's last paragraph: what commentsExtended refers to.
    let mut para_ids: HashMap<String, usize> = HashMap::new();
    let mut current: Option<WordComment> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut last_para_id = None;
    let mut in_text = false;
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) | Ok(Event::Empty(element)) => {
                match element.name().as_ref() {
                    b"w:comment" => {
                        current = Some(WordComment {
                            id: attribute(&element, b"w:id").unwrap_or_default(),
                            author: attribute(&element, b"w:author").unwrap_or_default(),
                            date: attribute(&element, b"w:date").unwrap_or_default(),
                            ..WordComment::default()
                        });
                        paragraphs.clear();
                        last_para_id = None;
                    }
                    b"w:p" if current.is_some() => {
                        paragraphs.push(String::new());
                        last_para_id = attribute(&element, b"w14:paraId");
                    }
                    b"w:t" => in_text = true,
                    b"w:br" | b"w:cr" => {
                        if let Some(last) = paragraphs.last_mut() {
                            last.push('\n');
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(element)) => match element.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:comment" => {
                    if let Some(mut comment) = current.take() {
                        comment.text = paragraphs
                            .iter()
                            .map(|p| p.trim())
                            .filter(|p| !p.is_empty())
                            .collect::<Vec<_>>()
                            .join("\n");
                        if let Some(id) = last_para_id.take() {
                            para_ids.insert(id, comments.len());
                        }
                        comments.push(comment);
                    }
                }
                _ => {}
            },
            Ok(Event::Text(text)) if in_text => {
                if let (Some(last), Ok(text)) = (paragraphs.last_mut(), text.xml10_content()) {
                    last.push_str(&text);
                }
            }
            Ok(Event::GeneralRef(reference)) if in_text => {
                if let Some(last) = paragraphs.last_mut() {
                    last.push_str(&resolve_reference(&reference));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => return Err(format!("its comments are not well-formed ({error})")),
        }
        buffer.clear();
    }
    if let Some(extended) = extended {
        let mut reader = quick_xml::Reader::from_reader(extended);
        let mut buffer = Vec::new();
        loop {
            match reader.read_event_into(&mut buffer) {
                Ok(Event::Start(element)) | Ok(Event::Empty(element))
                    if element.name().as_ref() == b"w15:commentEx" =>
                {
                    let Some(&index) =
                        attribute(&element, b"w15:paraId").and_then(|id| para_ids.get(&id))
                    else {
                        continue;
                    };
                    comments[index].done = attribute(&element, b"w15:done").as_deref() == Some("1");
                    comments[index].parent = attribute(&element, b"w15:paraIdParent")
                        .and_then(|parent| para_ids.get(&parent))
                        .filter(|&&parent| parent != index)
                        .map(|&parent| comments[parent].id.clone());
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
            buffer.clear();
        }
    }
    Ok(comments)
}

/// The text value of the custom document property called `name`.
fn custom_property(xml: &[u8], name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut inside = false;
    let mut value = String::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) if element.local_name().as_ref() == b"property" => {
                inside = attribute(&element, b"name").as_deref() == Some(name);
            }
            Ok(Event::Text(text)) if inside => {
                value.push_str(&text.xml10_content().ok()?);
            }
            Ok(Event::End(element)) if element.local_name().as_ref() == b"property" => {
                if inside {
                    return Some(value.trim().to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_changes_comments_and_bookmarks_are_read_from_the_xml() {
        let xml = br#"<w:document xmlns:w="x"><w:body>
            <w:bookmarkStart w:id="7" w:name="cmalt_1a_description_0"/>
            <w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr>
            <w:r><w:t xml:space="preserve">The </w:t></w:r>
            <w:del w:id="2" w:author="Dr M" w:date="2026-03-01T10:00:00Z"><w:r><w:delText>old</w:delText></w:r></w:del>
            <w:ins w:id="3" w:author="Dr M"><w:r><w:t>new &amp; better</w:t></w:r></w:ins>
            <w:commentRangeStart w:id="0"/><w:r><w:t> words</w:t></w:r><w:commentRangeEnd w:id="0"/>
            <w:r><w:commentReference w:id="0"/></w:r>
            <w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>
            </w:p><w:bookmarkEnd w:id="7"/>
            <w:p><w:r><w:t>After</w:t></w:r></w:p></w:body></w:document>"#;
        let document = read_document(xml).unwrap();
        assert_eq!(document.paragraphs.len(), 2);
        let first = &document.paragraphs[0];
        assert_eq!(first.bookmarks, ["cmalt_1a_description_0"]);
        assert_eq!(first.style.as_deref(), Some("Normal"));
        assert_eq!(first.original_text(&document.changes), "The old words");
        assert_eq!(
            first.current_text(&document.changes),
            "The new & better words"
        );
        assert_eq!(
            document.changes.len(),
            2,
            "a paragraph mark's change is not text"
        );
        assert!(
            document.paragraphs[1].bookmarks.is_empty(),
            "the bookmark closed"
        );
        assert!(
            first.pieces.contains(&Piece::CommentStart("0".into()))
                && first.pieces.contains(&Piece::CommentEnd("0".into()))
        );
    }

    #[test]
    fn replies_and_resolved_marks_come_from_the_extended_part() {
        let comments = br#"<w:comments>
            <w:comment w:id="0" w:author="Dr M" w:date="2026-03-01T10:00:00Z"><w:p w14:paraId="AA"><w:r><w:t>Why?</w:t></w:r></w:p></w:comment>
            <w:comment w:id="1" w:author="Sam"><w:p w14:paraId="BB"><w:r><w:t>Because.</w:t></w:r></w:p></w:comment>
            </w:comments>"#;
        let extended = br#"<w15:commentsEx><w15:commentEx w15:paraId="AA" w15:done="1"/>
            <w15:commentEx w15:paraId="BB" w15:paraIdParent="AA" w15:done="0"/></w15:commentsEx>"#;
        let read = read_comments(comments, Some(extended)).unwrap();
        assert_eq!(read[0].text, "Why?");
        assert!(read[0].done);
        assert_eq!(read[1].parent.as_deref(), Some("0"));
    }
}
