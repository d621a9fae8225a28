//! Placing what came back beside the portfolio's sections: each paragraph of the returned
//! document belongs to the section and part its bookmark names, or, where a tool dropped
//! the bookmarks, to the section and part whose headings it follows. Comments take the
//! place of the text they are attached to; tracked changes become suggestions with the
//! words around them; and edits made without tracking are found by comparing each part's
//! returned text with the text that was sent.

use super::blocks::plain_paragraphs;
use super::markers::parse_bookmark;
use super::model::{CommentReply, ReviewComment, ReviewPart, Suggestion, SuggestionKind};
use super::returned::{ChangeKind, Piece, ReturnedDocument, ReturnedParagraph};
use super::review_copy::{NOT_WRITTEN, copy_sections, part_heading, section_parts};
use crate::framework::{Framework, SectionKind};
use crate::model::Portfolio;
use crate::versions::ChunkKind;
use crate::versions::compare::diff_words;
use std::collections::{BTreeMap, HashMap};

/// Characters of context kept on each side of a suggestion, cut at a word boundary.
const CONTEXT_CHARS: usize = 40;

/// How the paragraphs were placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlacedBy {
    Bookmarks,
    /// No bookmark of the app was left: by the section and part headings only.
    Headings,
}

/// A section and a part.
type Place = (String, Option<ReviewPart>);

/// What the returned document says, placed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Placed {
    pub comments: Vec<ReviewComment>,
    pub suggestions: Vec<Suggestion>,
    pub notes: Vec<String>,
    /// Paragraphs found under a section's heading or bookmark.
    pub placed_paragraphs: usize,
    pub by_bookmarks: bool,
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The heading level of a paragraph (1 for Heading 1), from its style or its outline level.
fn heading_level(paragraph: &ReturnedParagraph) -> Option<u8> {
    if let Some(style) = &paragraph.style {
        let lower = style.to_lowercase().replace(' ', "");
        if let Some(level) = lower.strip_prefix("heading").and_then(|n| n.parse().ok()) {
            return Some(level);
        }
    }
    paragraph.outline_level.filter(|l| *l < 9).map(|l| l + 1)
}

/// Where each paragraph belongs, in order.
fn places(
    framework: &Framework,
    sent: &Portfolio,
    document: &ReturnedDocument,
) -> (Vec<Option<Place>>, Vec<bool>, PlacedBy) {
    let sections = copy_sections(framework, sent);
    let ids: Vec<&str> = sections.iter().map(|s| s.entry.id.as_str()).collect();
    let by_heading: HashMap<String, (&str, SectionKind)> = sections
        .iter()
        .map(|s| (normalise(&s.heading), (s.entry.id.as_str(), s.entry.kind)))
        .collect();
    let group_headings: Vec<String> = sections
        .iter()
        .map(|s| normalise(&s.group_heading))
        .collect();
    let part_labels: Vec<(String, ReviewPart)> = ReviewPart::ALL
        .into_iter()
        .filter_map(|part| part_heading(framework, part).map(|label| (normalise(label), part)))
        .collect();
    let any_bookmark = document.paragraphs.iter().any(|p| {
        p.bookmarks
            .iter()
            .any(|b| parse_bookmark(b, ids.iter().copied()).is_some())
    });
    let mut current: Option<Place> = None;
    let mut out = Vec::with_capacity(document.paragraphs.len());
    // Structural headings (the copy's own section and part headings) are not content.
    let mut structural = Vec::with_capacity(document.paragraphs.len());
    for paragraph in &document.paragraphs {
        let marked = paragraph
            .bookmarks
            .iter()
            .find_map(|name| parse_bookmark(name, ids.iter().copied()));
        if let Some((section, part, _)) = marked {
            current = Some((section, Some(part)));
            out.push(current.clone());
            structural.push(false);
            continue;
        }
        let text = normalise(&paragraph.current_text(&document.changes));
        if text == normalise(NOT_WRITTEN) {
            out.push(current.clone());
            structural.push(true);
            continue;
        }
        if let Some(level) = heading_level(paragraph).filter(|l| *l <= 3) {
            if let Some((id, kind)) = by_heading.get(&text) {
                let default_part = if *kind == SectionKind::Statement {
                    ReviewPart::Description
                } else {
                    ReviewPart::Topic
                };
                current = Some((id.to_string(), Some(default_part)));
                out.push(None);
                structural.push(true);
                continue;
            }
            if let Some((_, part)) = part_labels.iter().find(|(label, _)| *label == text) {
                if let Some((_, current_part)) = &mut current {
                    *current_part = Some(*part);
                }
                out.push(None);
                structural.push(true);
                continue;
            }
            if level == 1 && group_headings.contains(&text) {
                current = None;
                out.push(None);
                structural.push(true);
                continue;
            }
        }
        out.push(current.clone());
        structural.push(false);
    }
    let by = if any_bookmark {
        PlacedBy::Bookmarks
    } else {
        PlacedBy::Headings
    };
    (out, structural, by)
}

/// The last `CONTEXT_CHARS` or so of `text`, starting at a word.
fn tail(text: &str) -> String {
    if text.chars().count() <= CONTEXT_CHARS {
        return text.to_string();
    }
    let start = text
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let cut = text[start..]
        .find(char::is_whitespace)
        .map_or(start, |space| start + space);
    text[cut..].to_string()
}

/// The first `CONTEXT_CHARS` or so of `text`, ending at a word.
fn head(text: &str) -> String {
    if text.chars().count() <= CONTEXT_CHARS {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    text[..cut].to_string()
}

/// Places everything `document` holds against `sent`, the portfolio the copy was made of.
pub(crate) fn place(
    framework: &Framework,
    sent: &Portfolio,
    document: &ReturnedDocument,
    reviewer: &str,
) -> Placed {
    let (places, structural, by) = places(framework, sent, document);
    let mut placed = Placed {
        by_bookmarks: by == PlacedBy::Bookmarks,
        placed_paragraphs: places.iter().filter(|p| p.is_some()).count(),
        ..Placed::default()
    };
    placed.comments = comments(document, &places);
    placed.suggestions = tracked_suggestions(document, &places);
    untracked_suggestions(
        framework,
        sent,
        document,
        &places,
        &structural,
        reviewer,
        &mut placed,
    );
    placed
}

fn comments(document: &ReturnedDocument, places: &[Option<Place>]) -> Vec<ReviewComment> {
    // Where each comment starts and ends: (paragraph, character offset in the current text).
    let mut starts: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut ends: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut marks: HashMap<&str, (usize, usize)> = HashMap::new();
    let texts: Vec<String> = document
        .paragraphs
        .iter()
        .map(|p| p.current_text(&document.changes))
        .collect();
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        let mut offset = 0;
        for piece in &paragraph.pieces {
            match piece {
                Piece::Text { text, change } => {
                    let kept =
                        change.is_none_or(|c| document.changes[c].kind == ChangeKind::Insert);
                    if kept {
                        offset += text.len();
                    }
                }
                Piece::CommentStart(id) => {
                    starts.entry(id).or_insert((index, offset));
                }
                Piece::CommentEnd(id) => {
                    ends.insert(id, (index, offset));
                }
                Piece::CommentMark(id) => {
                    marks.entry(id).or_insert((index, offset));
                }
            }
        }
    }
    let quote = |start: (usize, usize), end: (usize, usize)| -> String {
        if end < start {
            return String::new();
        }
        let mut pieces = Vec::new();
        for (index, text) in texts.iter().enumerate().take(end.0 + 1).skip(start.0) {
            let from = if index == start.0 { start.1 } else { 0 };
            let to = if index == end.0 { end.1 } else { text.len() };
            if let Some(piece) = text.get(from.min(to)..to) {
                pieces.push(piece.trim());
            }
        }
        pieces.retain(|p| !p.is_empty());
        pieces.join("\n")
    };
    let mut out: Vec<ReviewComment> = Vec::new();
    let mut by_word_id: BTreeMap<String, usize> = BTreeMap::new();
    for comment in document.comments.iter().filter(|c| c.parent.is_none()) {
        let id = comment.id.as_str();
        let start = starts.get(id).or(marks.get(id)).copied();
        let end = ends.get(id).or(marks.get(id)).copied();
        let (section, part) = start
            .and_then(|(paragraph, _)| places[paragraph].clone())
            .map_or((None, None), |(section, part)| (Some(section), part));
        by_word_id.insert(comment.id.clone(), out.len());
        out.push(ReviewComment {
            id: String::new(),
            section,
            part,
            author: comment.author.clone(),
            date: comment.date.clone(),
            text: comment.text.clone(),
            quote: match (start, end) {
                (Some(start), Some(end)) => quote(start, end),
                _ => String::new(),
            },
            replies: Vec::new(),
            status: if comment.done {
                super::model::CommentStatus::Resolved
            } else {
                super::model::CommentStatus::Open
            },
        });
    }
    for reply in document.comments.iter().filter(|c| c.parent.is_some()) {
        // A reply to a reply belongs to the same thread.
        let mut parent = reply.parent.clone();
        let mut hops = 0;
        while let Some(id) = &parent
            && !by_word_id.contains_key(id)
            && hops < 100
        {
            parent = document
                .comments
                .iter()
                .find(|c| &c.id == id)
                .and_then(|c| c.parent.clone());
            hops += 1;
        }
        if let Some(&index) = parent.as_ref().and_then(|id| by_word_id.get(id)) {
            out[index].replies.push(CommentReply {
                author: reply.author.clone(),
                date: reply.date.clone(),
                text: reply.text.clone(),
                by_candidate: false,
            });
        }
    }
    out
}

/// Tracked changes, an adjacent deletion and insertion by one author read as a replacement.
fn tracked_suggestions(document: &ReturnedDocument, places: &[Option<Place>]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        // (kind, author, date, text) runs, with the original text between them.
        let mut runs: Vec<(Option<ChangeKind>, String, String, String)> = Vec::new();
        for piece in &paragraph.pieces {
            let Piece::Text { text, change } = piece else {
                continue;
            };
            let (kind, author, date) = match change {
                Some(c) => {
                    let change = &document.changes[*c];
                    (
                        Some(change.kind),
                        change.author.clone(),
                        change.date.clone(),
                    )
                }
                None => (None, String::new(), String::new()),
            };
            match runs.last_mut() {
                Some(last) if last.0 == kind && last.1 == author => last.3.push_str(text),
                _ => runs.push((kind, author, date, text.clone())),
            }
        }
        let place = places[index].clone();
        let (section, part) = place.map_or((None, None), |(s, p)| (Some(s), p));
        let mut original_before = String::new();
        let mut at = 0;
        while at < runs.len() {
            let (kind, author, date, text) = &runs[at];
            let Some(kind) = kind else {
                original_before.push_str(text);
                at += 1;
                continue;
            };
            let replaced_by = (*kind == ChangeKind::Delete)
                .then(|| runs.get(at + 1))
                .flatten()
                .filter(|next| next.0 == Some(ChangeKind::Insert) && &next.1 == author);
            let consumed = if replaced_by.is_some() { 2 } else { 1 };
            let after: String = runs[at + consumed..]
                .iter()
                .filter(|run| run.0 != Some(ChangeKind::Insert))
                .map(|run| run.3.as_str())
                .collect();
            let suggestion =
                |kind: SuggestionKind, text: &str, replaces: Option<String>| Suggestion {
                    id: String::new(),
                    section: section.clone(),
                    part,
                    author: author.clone(),
                    date: date.clone(),
                    kind,
                    text: text.to_string(),
                    replaces,
                    before: tail(&original_before),
                    after: head(&after),
                    tracked: true,
                    status: super::model::SuggestionStatus::Open,
                };
            let made = match (kind, replaced_by) {
                (ChangeKind::Delete, Some(insert)) => Some(suggestion(
                    SuggestionKind::Replace,
                    &insert.3,
                    Some(text.clone()),
                )),
                (ChangeKind::Delete, None) => Some(suggestion(SuggestionKind::Delete, text, None)),
                (ChangeKind::Insert, _) => Some(suggestion(SuggestionKind::Insert, text, None)),
            };
            if let Some(made) = made.filter(|s| !s.text.is_empty() || s.replaces.is_some()) {
                out.push(made);
            }
            if *kind == ChangeKind::Delete {
                original_before.push_str(text);
            }
            at += consumed;
        }
    }
    out
}

/// Edits made with tracking off: each editable part's text as returned (tracked changes
/// undone) against the text sent, word by word.
fn untracked_suggestions(
    framework: &Framework,
    sent: &Portfolio,
    document: &ReturnedDocument,
    places: &[Option<Place>],
    structural: &[bool],
    reviewer: &str,
    placed: &mut Placed,
) {
    let mut returned: BTreeMap<(String, ReviewPart), Vec<String>> = BTreeMap::new();
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if structural[index] {
            continue;
        }
        if let Some((section, Some(part))) = &places[index] {
            let text = paragraph.original_text(&document.changes);
            if !text.trim().is_empty() {
                returned
                    .entry((section.clone(), *part))
                    .or_default()
                    .push(text);
            }
        }
    }
    for section in copy_sections(framework, sent) {
        for (part, blocks) in section_parts(framework, sent, &section.entry) {
            if !part.is_editable_text() {
                continue;
            }
            let key = (section.entry.id.clone(), part);
            let was = plain_paragraphs(&blocks).join("\n");
            let now = returned.remove(&key).unwrap_or_default().join("\n");
            if normalise(&was) == normalise(&now) {
                continue;
            }
            let (chunks, added, removed) = diff_words(&was, &now);
            let words = crate::markdown::count_words(&was).max(1);
            if removed * 2 > words && now.trim().is_empty() {
                placed.notes.push(format!(
                    "The {} of {} did not come back in the returned file; nothing of it was changed.",
                    part.as_str(),
                    section.heading
                ));
                continue;
            }
            if (added + removed) > words * 3 / 2 {
                placed.notes.push(format!(
                    "The {} of {} reads very differently in the returned file, so its edits were not listed one by one; compare it with the returned file yourself.",
                    part.as_str(),
                    section.heading
                ));
                continue;
            }
            changes_from_chunks(&chunks, &key, reviewer, &mut placed.suggestions);
        }
    }
}

fn changes_from_chunks(
    chunks: &[crate::versions::Chunk],
    (section, part): &(String, ReviewPart),
    reviewer: &str,
    out: &mut Vec<Suggestion>,
) {
    let mut before = String::new();
    let mut at = 0;
    while at < chunks.len() {
        let chunk = &chunks[at];
        if chunk.kind == ChunkKind::Equal {
            before.push_str(&chunk.text);
            at += 1;
            continue;
        }
        let mut removed = String::new();
        let mut added = String::new();
        while at < chunks.len() && chunks[at].kind != ChunkKind::Equal {
            match chunks[at].kind {
                ChunkKind::Removed => removed.push_str(&chunks[at].text),
                _ => added.push_str(&chunks[at].text),
            }
            at += 1;
        }
        let after: String = chunks[at..]
            .iter()
            .filter(|c| c.kind != ChunkKind::Added)
            .map(|c| c.text.as_str())
            .collect();
        // Context stays within the paragraph, as for tracked changes.
        let before_line = before.rsplit('\n').next().unwrap_or("");
        let after_line = after.split('\n').next().unwrap_or("");
        let (kind, text, replaces) = match (removed.is_empty(), added.is_empty()) {
            (true, false) => (SuggestionKind::Insert, added, None),
            (false, true) => (SuggestionKind::Delete, removed.clone(), None),
            _ => (SuggestionKind::Replace, added, Some(removed.clone())),
        };
        out.push(Suggestion {
            id: String::new(),
            section: Some(section.clone()),
            part: Some(*part),
            author: reviewer.to_string(),
            date: String::new(),
            kind,
            text,
            replaces,
            before: tail(before_line),
            after: head(after_line),
            tracked: false,
            status: super::model::SuggestionStatus::Open,
        });
        before.push_str(&removed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_at_words() {
        let long = "one two three four five six seven eight nine ten eleven twelve";
        let before = tail(long);
        assert!(
            long.ends_with(&before) && before.len() <= CONTEXT_CHARS + 1,
            "{before:?}"
        );
        assert!(before.starts_with(' ') || long.starts_with(&before));
        let after = head(long);
        assert!(
            long.starts_with(&after) && !after.ends_with("twel"),
            "{after:?}"
        );
        assert_eq!(tail("short"), "short");
    }
}
