//! Applying an accepted suggestion to the candidate's Markdown: the passage is found by its
//! words and the words around it, in the text as a reader sees it, and changed only where it
//! lies within one run of plain text, so no emphasis, link or list marker is ever cut.
//! A passage no longer there (or spanning formatting) is left alone and reported.

use super::model::Suggestion;
use crate::markdown::{comrak_options, limit_nesting};
use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, parse_document};
use std::borrow::Cow;

/// Context characters that must agree around a short passage for it to be the one meant.
const CONTEXT_NEEDED: usize = 12;
/// A removed passage this long identifies its place by itself.
const SELF_IDENTIFYING: usize = 24;

/// A run of plain text: where it is in the reader's text and in the Markdown.
struct Segment {
    plain_start: usize,
    plain_end: usize,
    source_start: usize,
    /// The Markdown holds the words exactly as read (no escapes or entities).
    exact: bool,
    source_end: usize,
}

/// The text a reader sees, with the runs of plain text in it.
struct ReadText {
    plain: String,
    segments: Vec<Segment>,
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn read_text(markdown: &str) -> Option<ReadText> {
    // Offsets into a copy with escaped markers would not be offsets into the candidate's text.
    let Cow::Borrowed(markdown) = limit_nesting(markdown) else {
        return None;
    };
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &comrak_options());
    let starts = line_starts(markdown);
    let mut read = ReadText {
        plain: String::new(),
        segments: Vec::new(),
    };
    walk(root, markdown, &starts, &mut read);
    Some(read)
}

fn walk<'a>(node: &'a AstNode<'a>, markdown: &str, starts: &[usize], read: &mut ReadText) {
    let data = node.data();
    match &data.value {
        NodeValue::Text(literal) => {
            let position = data.sourcepos.start;
            let plain_start = read.plain.len();
            read.plain.push_str(literal);
            let offset = starts
                .get(position.line.saturating_sub(1))
                .map(|line| line + position.column.saturating_sub(1));
            if let Some(offset) = offset.filter(|o| *o <= markdown.len()) {
                let end_position = data.sourcepos.end;
                let end = starts
                    .get(end_position.line.saturating_sub(1))
                    .map_or(markdown.len(), |line| line + end_position.column)
                    .min(markdown.len());
                let exact = markdown
                    .get(offset..)
                    .is_some_and(|rest| rest.starts_with(literal.as_ref()));
                read.segments.push(Segment {
                    plain_start,
                    plain_end: read.plain.len(),
                    source_start: offset,
                    source_end: if exact {
                        offset + literal.len()
                    } else {
                        end.max(offset)
                    },
                    exact,
                });
            }
            return;
        }
        NodeValue::Code(code) => {
            read.plain.push_str(&code.literal);
            return;
        }
        NodeValue::SoftBreak => {
            read.plain.push(' ');
            return;
        }
        NodeValue::LineBreak => {
            read.plain.push('\n');
            return;
        }
        value if value.block() && !read.plain.is_empty() && !read.plain.ends_with('\n') => {
            read.plain.push('\n');
        }
        _ => {}
    }
    drop(data);
    for child in node.children() {
        walk(child, markdown, starts, read);
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum()
}

/// Where in `plain` the suggestion's passage is: the best-agreeing place, if it agrees enough.
fn locate(plain: &str, suggestion: &Suggestion) -> Option<(usize, usize)> {
    let removed = suggestion.removed();
    let (before, after) = (suggestion.before.as_str(), suggestion.after.as_str());
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    if removed.is_empty() {
        if !before.is_empty() {
            candidates.extend(
                plain
                    .match_indices(before)
                    .map(|(i, m)| (i + m.len(), i + m.len())),
            );
        }
        if !after.is_empty() {
            candidates.extend(plain.match_indices(after).map(|(i, _)| (i, i)));
        }
        if before.is_empty() && after.is_empty() {
            candidates.push((plain.len(), plain.len()));
        }
    } else {
        candidates.extend(plain.match_indices(removed).map(|(i, m)| (i, i + m.len())));
    }
    let wanted = (before.len() + after.len()).min(CONTEXT_NEEDED);
    let needed = if removed.len() >= SELF_IDENTIFYING {
        0
    } else {
        wanted
    };
    candidates
        .into_iter()
        .map(|(start, end)| {
            let score =
                common_suffix(&plain[..start], before) + common_prefix(&plain[end..], after);
            (score, start, end)
        })
        .filter(|(score, _, _)| *score >= needed)
        .max_by_key(|(score, start, _)| (*score, std::cmp::Reverse(*start)))
        .map(|(_, start, end)| (start, end))
}

/// Backslash-escapes what would turn inserted words into formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `markdown` with the suggestion applied, or `None` when its passage is not there as plain
/// text any more.
pub(crate) fn apply(markdown: &str, suggestion: &Suggestion) -> Option<String> {
    let read = read_text(markdown)?;
    let (start, end) = locate(&read.plain, suggestion)?;
    let inside = |s: &&Segment| {
        s.plain_start <= start && end <= s.plain_end && (start < s.plain_end || start == end)
    };
    let segment = read
        .segments
        .iter()
        .filter(inside)
        // An insertion at a boundary goes into the run it continues.
        .min_by_key(|s| {
            if start == end && s.plain_end == start {
                0
            } else {
                1
            }
        })?;
    let added = escape(suggestion.added());
    let (source_start, source_end) = if segment.exact {
        (
            segment.source_start + (start - segment.plain_start),
            segment.source_start + (end - segment.plain_start),
        )
    } else {
        // Escapes or entities in this run: only a removal found once in its Markdown is safe.
        let removed = suggestion.removed();
        let source = markdown.get(segment.source_start..segment.source_end)?;
        if removed.is_empty() || source.matches(removed).count() != 1 {
            return None;
        }
        let at = segment.source_start + source.find(removed)?;
        (at, at + removed.len())
    };
    let mut out = String::with_capacity(markdown.len() + added.len());
    out.push_str(markdown.get(..source_start)?);
    out.push_str(&added);
    out.push_str(markdown.get(source_end..)?);
    Some(out)
}

/// The same for plain text (a topic line): the passage found by its context.
pub(crate) fn apply_plain(text: &str, suggestion: &Suggestion) -> Option<String> {
    let (start, end) = locate(text, suggestion)?;
    Some(format!(
        "{}{}{}",
        &text[..start],
        suggestion.added(),
        &text[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentor_review::model::{SuggestionKind, SuggestionStatus};

    fn suggestion(
        kind: SuggestionKind,
        text: &str,
        replaces: Option<&str>,
        before: &str,
        after: &str,
    ) -> Suggestion {
        Suggestion {
            id: "s1".into(),
            section: Some("1a".into()),
            part: None,
            author: "M".into(),
            date: String::new(),
            kind,
            text: text.into(),
            replaces: replaces.map(str::to_string),
            before: before.into(),
            after: after.into(),
            tracked: true,
            status: SuggestionStatus::Open,
        }
    }

    #[test]
    fn a_replacement_changes_exactly_its_passage_and_keeps_the_formatting() {
        let markdown = "I used **Moodle** quizzes with some words.\n\n- some words here\n";
        let s = suggestion(
            SuggestionKind::Replace,
            "several words",
            Some("some words"),
            "quizzes with ",
            ".",
        );
        assert_eq!(
            apply(markdown, &s).as_deref(),
            Some("I used **Moodle** quizzes with several words.\n\n- some words here\n"),
            "the context picks the first paragraph's words, not the list item's"
        );
    }

    #[test]
    fn insertions_and_deletions_land_beside_their_context() {
        let markdown = "It matters a great deal.\n";
        let insert = suggestion(
            SuggestionKind::Insert,
            " to my practice",
            None,
            "a great deal",
            ".",
        );
        assert_eq!(
            apply(markdown, &insert).as_deref(),
            Some("It matters a great deal to my practice.\n")
        );
        let delete = suggestion(
            SuggestionKind::Delete,
            "great ",
            None,
            "matters a ",
            "deal.",
        );
        assert_eq!(
            apply(markdown, &delete).as_deref(),
            Some("It matters a deal.\n")
        );
    }

    #[test]
    fn a_passage_that_changed_or_spans_formatting_is_not_applied() {
        let s = suggestion(
            SuggestionKind::Replace,
            "x",
            Some("some words"),
            "with ",
            ".",
        );
        assert_eq!(apply("Now it says other things.\n", &s), None);
        let across = suggestion(
            SuggestionKind::Replace,
            "a strong",
            Some("some bold"),
            "",
            " words",
        );
        assert_eq!(
            apply("some **bold** words\n", &across),
            None,
            "cutting through ** would break the emphasis"
        );
    }

    #[test]
    fn inserted_markdown_characters_stay_text() {
        let s = suggestion(SuggestionKind::Insert, " *really*", None, "It is", ".");
        assert_eq!(
            apply("It is.\n", &s).as_deref(),
            Some("It is \\*really\\*.\n")
        );
    }
}
