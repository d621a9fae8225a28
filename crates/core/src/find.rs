//! Find and replace across the whole portfolio, in the text a reader sees: a word inside a
//! link's address or a formatting mark is never found or changed. Replacing edits the
//! Markdown only inside plain runs of text, so everything around a match stays as written.

use crate::markdown::{comrak_options, limit_nesting};
use crate::model::{Portfolio, SectionEntry};
use crate::outline::Outline;
use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use comrak::{Arena, parse_document};
use serde::{Deserialize, Serialize};

/// Characters of context either side of a match in the list of results.
const CONTEXT_CHARS: usize = 40;
/// Excerpts listed per part; the count says how many more there are.
const EXCERPTS_PER_PART: usize = 5;

/// Which of a section's texts a match is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TextPart {
    Topic,
    Description,
    Reflection,
    References,
}

impl TextPart {
    pub(crate) const ALL: [TextPart; 4] = [
        TextPart::Topic,
        TextPart::Description,
        TextPart::Reflection,
        TextPart::References,
    ];

    pub(crate) fn of(self, entry: &SectionEntry) -> &str {
        match self {
            TextPart::Topic => &entry.topic,
            TextPart::Description => &entry.description,
            TextPart::Reflection => &entry.reflection,
            TextPart::References => &entry.references,
        }
    }

    pub(crate) fn of_mut(self, entry: &mut SectionEntry) -> &mut String {
        match self {
            TextPart::Topic => &mut entry.topic,
            TextPart::Description => &mut entry.description,
            TextPart::Reflection => &mut entry.reflection,
            TextPart::References => &mut entry.references,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct FindQuery {
    pub text: String,
    #[serde(default)]
    pub match_case: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct FoundExcerpt {
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// The matches in one part of one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PartMatches {
    pub section: String,
    /// "1a Operational issues", as the sidebar names it.
    pub section_label: String,
    pub part: TextPart,
    /// "Description", "Reflection", …: the part as the page heads it.
    pub part_label: String,
    pub count: usize,
    pub excerpts: Vec<FoundExcerpt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FindResults {
    pub total: usize,
    pub parts: Vec<PartMatches>,
    /// One sentence for the panel: "12 matches in 4 sections", "No matches".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReplaceOutcome {
    pub replaced: usize,
    /// Matches that touch formatting marks or escapes, left for the candidate to change.
    pub left: usize,
    pub sections_changed: Vec<String>,
    pub summary: String,
}

/// A run of text as the reader sees it, and where it sits in the Markdown when it is
/// written there exactly (no escapes or entities), so it can be changed in place.
struct TextRun {
    text: String,
    source: Option<std::ops::Range<usize>>,
}

/// Every match of `query` in the portfolio, section by section in the sidebar's order.
pub fn find(portfolio: &Portfolio, outline: &Outline, query: &FindQuery) -> FindResults {
    let mut parts = Vec::new();
    let mut total = 0;
    if !query.text.trim().is_empty() {
        for entry in outline.groups.iter().flat_map(|group| &group.entries) {
            let Some(section) = portfolio.sections.get(&entry.id) else {
                continue;
            };
            let label = section_label(entry.number.as_deref(), &entry.title);
            for part in TextPart::ALL {
                let markdown = part.of(section);
                if markdown.is_empty() {
                    continue;
                }
                let mut count = 0;
                let mut excerpts = Vec::new();
                for run in text_runs(markdown, part) {
                    for range in matches(&run.text, &query.text, query.match_case) {
                        count += 1;
                        if excerpts.len() < EXCERPTS_PER_PART {
                            excerpts.push(excerpt(&run.text, range));
                        }
                    }
                }
                if count > 0 {
                    total += count;
                    parts.push(PartMatches {
                        section: entry.id.clone(),
                        section_label: label.clone(),
                        part,
                        part_label: part_label(part, entry.two_parts).to_string(),
                        count,
                        excerpts,
                    });
                }
            }
        }
    }
    let sections = {
        let mut ids: Vec<&str> = parts.iter().map(|p| p.section.as_str()).collect();
        ids.dedup();
        ids.len()
    };
    FindResults {
        total,
        summary: match (total, sections) {
            (0, _) => "No matches".to_string(),
            (1, _) => "1 match".to_string(),
            (n, 1) => format!("{n} matches in 1 section"),
            (n, s) => format!("{n} matches in {s} sections"),
        },
        parts,
    }
}

/// Replaces every match in the portfolio's text with `replacement`, in place in the
/// Markdown. Returns what changed; `portfolio` is changed only where a match was replaced.
pub fn replace_all(
    portfolio: &mut Portfolio,
    query: &FindQuery,
    replacement: &str,
    only_section: Option<&str>,
) -> ReplaceOutcome {
    let mut replaced = 0;
    let mut left = 0;
    let mut sections_changed = Vec::new();
    if !query.text.trim().is_empty() {
        for (id, section) in portfolio.sections.iter_mut() {
            if only_section.is_some_and(|only| only != id) {
                continue;
            }
            let mut changed = false;
            for part in TextPart::ALL {
                let markdown = part.of(section);
                let mut edits: Vec<std::ops::Range<usize>> = Vec::new();
                for run in text_runs(markdown, part) {
                    let found = matches(&run.text, &query.text, query.match_case);
                    match &run.source {
                        Some(source) => edits.extend(
                            found
                                .into_iter()
                                .map(|m| source.start + m.start..source.start + m.end),
                        ),
                        None => left += found.len(),
                    }
                }
                if edits.is_empty() {
                    continue;
                }
                replaced += edits.len();
                let escaped = escape_for_text(replacement);
                let text = part.of_mut(section);
                // From the end, so earlier offsets stay true.
                for range in edits.into_iter().rev() {
                    text.replace_range(range, &escaped);
                }
                changed = true;
            }
            if changed {
                sections_changed.push(id.clone());
            }
        }
    }
    let summary = match (replaced, left) {
        (0, 0) => "Nothing to replace.".to_string(),
        (n, 0) => format!("Replaced {}.", plural(n, "match", "matches")),
        (n, l) => format!(
            "Replaced {}. {} beside formatting marks {} left as {}: change {} by hand.",
            plural(n, "match", "matches"),
            plural(l, "match", "matches"),
            if l == 1 { "was" } else { "were" },
            if l == 1 { "it was" } else { "they were" },
            if l == 1 { "it" } else { "them" },
        ),
    };
    ReplaceOutcome {
        replaced,
        left,
        sections_changed,
        summary,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn section_label(number: Option<&str>, title: &str) -> String {
    match number {
        Some(number) if !number.is_empty() => format!("{number} {title}"),
        _ => title.to_string(),
    }
}

pub(crate) fn part_label(part: TextPart, two_parts: bool) -> &'static str {
    match part {
        TextPart::Topic => "Topic",
        TextPart::Description if two_parts => "Description",
        TextPart::Description => "Text",
        TextPart::Reflection => "Reflection",
        TextPart::References => "References",
    }
}

/// The visible text of a part, in runs that never cross a formatting mark or a block.
/// The topic is a plain line, not Markdown: one run, the whole of it.
fn text_runs(markdown: &str, part: TextPart) -> Vec<TextRun> {
    if part == TextPart::Topic {
        return vec![TextRun {
            text: markdown.to_string(),
            source: Some(0..markdown.len()),
        }];
    }
    let markdown = limit_nesting(markdown);
    let arena = Arena::new();
    // Parsed as the preview and the export parse it, so the runs are the text they show.
    let options = comrak_options();
    let root = parse_document(&arena, &markdown, &options);
    let lines = line_starts(&markdown);
    let mut runs = Vec::new();
    let mut current: Option<TextRun> = None;
    let mut previous: Option<&AstNode> = None;
    for node in root.descendants() {
        let NodeValue::Text(literal) = &node.data().value else {
            continue;
        };
        let literal: &str = literal.as_ref();
        // An address written out as the link's own text (an autolink) is the address too:
        // found, but never changed in place.
        let is_address = node
            .parent()
            .is_some_and(|parent| match &parent.data().value {
                NodeValue::Link(link) => link
                    .url
                    .strip_suffix(literal)
                    .is_some_and(|scheme| ["", "mailto:", "http://"].contains(&scheme)),
                _ => false,
            });
        let source = byte_range(&lines, node.data().sourcepos, markdown.len())
            .filter(|range| !is_address && markdown.get(range.clone()) == Some(literal));
        let follows = previous.is_some_and(|p| p.next_sibling().is_some_and(|n| n.same_node(node)));
        match (&mut current, follows) {
            (Some(run), true) => {
                run.source = match (&run.source, &source) {
                    (Some(a), Some(b)) if a.end == b.start => Some(a.start..b.end),
                    _ => None,
                };
                run.text.push_str(literal);
            }
            _ => {
                if let Some(run) = current.take() {
                    runs.push(run);
                }
                current = Some(TextRun {
                    text: literal.to_string(),
                    source,
                });
            }
        }
        previous = Some(node);
    }
    runs.extend(current);
    // When the nesting limit escaped a marker, offsets are the escaped copy's: find only.
    if matches!(markdown, std::borrow::Cow::Owned(_)) {
        for run in &mut runs {
            run.source = None;
        }
    }
    runs
}

pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A node's source position as byte offsets; columns are 1-based bytes, the end inclusive.
pub(crate) fn byte_range(
    lines: &[usize],
    pos: Sourcepos,
    len: usize,
) -> Option<std::ops::Range<usize>> {
    let start = lines.get(pos.start.line.checked_sub(1)?)? + pos.start.column.checked_sub(1)?;
    let end = lines.get(pos.end.line.checked_sub(1)?)? + pos.end.column;
    (start < end && end <= len).then_some(start..end)
}

/// Byte ranges of every match of `needle` in `haystack`, not overlapping.
fn matches(haystack: &str, needle: &str, match_case: bool) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    if match_case {
        return haystack
            .match_indices(needle)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    let (folded, origin) = fold(haystack);
    let (needle, _) = fold(needle);
    folded
        .match_indices(&needle)
        .filter_map(|(i, m)| {
            let start = origin[i];
            let end = origin[i + m.len()];
            (start < end).then_some(start..end)
        })
        .collect()
}

/// `text` in lower case, and for each byte of it the byte of `text` it came from (one past
/// the end included), so a match in the folded text maps back to the original.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.extend(std::iter::repeat_n(i, lower.len_utf8()));
        }
    }
    origin.push(text.len());
    (folded, origin)
}

pub(crate) fn excerpt(text: &str, range: std::ops::Range<usize>) -> FoundExcerpt {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let before_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let lead = if before_start > 0 { "…" } else { "" };
    let trail = if after_end < after.len() { "…" } else { "" };
    FoundExcerpt {
        before: format!("{lead}{}", &before[before_start..]),
        matched: text[range].to_string(),
        after: format!("{}{trail}", &after[..after_end]),
    }
}

/// The replacement as Markdown text: characters that would start formatting are escaped,
/// so what the candidate typed is what the reader sees.
pub(crate) fn escape_for_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(markdown: &str) -> Vec<(String, Option<String>)> {
        text_runs(markdown, TextPart::Description)
            .into_iter()
            .map(|run| {
                let source = run.source.map(|r| markdown[r].to_string());
                (run.text, source)
            })
            .collect()
    }

    #[test]
    fn runs_are_the_visible_text_at_its_place_in_the_markdown() {
        let found = runs("I used **Moodle** and [the VLE](https://moodle.example/vle) daily.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["I used ", "Moodle", " and ", "the VLE", " daily."]);
        assert!(found.iter().all(|(t, s)| s.as_deref() == Some(t.as_str())));
    }

    #[test]
    fn a_word_in_a_links_address_is_not_found() {
        let ranges: usize = text_runs("See [this](https://moodle.example).", TextPart::Reflection)
            .iter()
            .map(|run| matches(&run.text, "moodle", false).len())
            .sum();
        assert_eq!(ranges, 0);
    }

    #[test]
    fn case_folding_maps_back_to_the_original_bytes() {
        let text = "Straße and STRASSE and İstanbul";
        let found = matches(text, "strasse", false);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "STRASSE");
        let found = matches(text, "i̇stanbul", false);
        assert_eq!(&text[found[0].clone()], "İstanbul");
    }

    #[test]
    fn escaped_text_is_found_but_left_for_the_candidate() {
        let found = runs(r"A 5\*star rating");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "A 5*star rating");
        assert_eq!(found[0].1, None);
    }

    #[test]
    fn replacement_text_is_escaped_so_it_shows_as_typed() {
        assert_eq!(escape_for_text("*new* [VLE]"), r"\*new\* \[VLE\]");
    }

    #[test]
    fn excerpts_are_cut_at_characters_not_bytes() {
        let text = format!("{}Moodle{}", "é".repeat(60), "ü".repeat(60));
        let range = matches(&text, "moodle", false)[0].clone();
        let excerpt = excerpt(&text, range);
        assert_eq!(excerpt.before.chars().count(), CONTEXT_CHARS + 1);
        assert_eq!(excerpt.matched, "Moodle");
        assert!(excerpt.after.ends_with('…'));
    }
}
