//! What changed between two versions of a portfolio, section by section: words added and
//! removed, and the diff itself as chunks of text for a highlighted view.

use crate::framework::Framework;
use crate::model::{Portfolio, SectionEntry};
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ChangeStatus")]
pub enum SectionStatus {
    /// Has text now and had none before.
    New,
    /// Had text before and has none now.
    Removed,
    Changed,
    Untouched,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ChunkKind {
    Equal,
    Added,
    Removed,
}

/// A run of text, whitespace included, that is the same, new or gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub text: String,
    /// A long unchanged stretch as it is shown: its words next to the changes, around "…".
    /// The comparison in the window and the summary of revisions in an export both show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gap: Option<Gap>,
}

/// What is kept of a long unchanged stretch: enough words on each side to find the place
/// (none before the first change or after the last), cut at word boundaries, never inside
/// a character.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Gap {
    pub head: String,
    pub tail: String,
}

/// Words kept on each side of a shortened unchanged stretch.
pub const GAP_CONTEXT_WORDS: usize = 20;

/// Marks the long unchanged chunks of `chunks` with what is shown of them.
fn mark_gaps(chunks: &mut [Chunk]) {
    let count = chunks.len();
    for (index, chunk) in chunks.iter_mut().enumerate() {
        if chunk.kind != ChunkKind::Equal {
            continue;
        }
        let pieces: Vec<&str> = chunk.text.split_word_bounds().collect();
        let word_positions: Vec<usize> = pieces
            .iter()
            .enumerate()
            .filter(|(_, piece)| piece.unicode_words().next().is_some())
            .map(|(at, _)| at)
            .collect();
        if word_positions.len() <= GAP_CONTEXT_WORDS * 2 + 5 {
            continue;
        }
        let head = if index == 0 {
            String::new()
        } else {
            pieces[..=word_positions[GAP_CONTEXT_WORDS - 1]].concat()
        };
        let tail = if index + 1 == count {
            String::new()
        } else {
            pieces[word_positions[word_positions.len() - GAP_CONTEXT_WORDS]..].concat()
        };
        chunk.gap = Some(Gap { head, tail });
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SectionChange {
    pub id: String,
    /// The section's number as the scheme gives it ("2b"), for listed sections.
    pub number: Option<String>,
    pub title: String,
    pub status: SectionStatus,
    pub changed: bool,
    pub words_added: usize,
    pub words_removed: usize,
    pub diff: Vec<Chunk>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Comparison {
    pub sections: Vec<SectionChange>,
}

impl Comparison {
    pub fn changed(&self) -> impl Iterator<Item = &SectionChange> {
        self.sections.iter().filter(|s| s.changed)
    }
}

/// Compares every section either version has, in framework order, then added areas.
pub fn compare(framework: &Framework, before: &Portfolio, after: &Portfolio) -> Comparison {
    let mut ids: Vec<&str> = framework
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| before.sections.contains_key(*id) || after.sections.contains_key(*id))
        .collect();
    // The maps are sorted, so the others come in a stable order (5c, advanced-1...).
    let others: std::collections::BTreeSet<&str> = before
        .sections
        .keys()
        .chain(after.sections.keys())
        .map(String::as_str)
        .filter(|id| !framework.sections.iter().any(|s| s.id == *id))
        .collect();
    ids.extend(others);
    let sections = ids
        .into_iter()
        .map(|id| {
            let info = framework.section(id);
            let title = info.map_or_else(|| id.to_string(), |info| info.title());
            let number = match info {
                Some(crate::framework::SectionInfo::Listed(section)) => section.number.clone(),
                _ => None,
            };
            let mut change = compare_section(id, title, before.section(id), after.section(id));
            change.number = number;
            change
        })
        .collect();
    Comparison { sections }
}

fn compare_section(
    id: &str,
    title: String,
    before: Option<&SectionEntry>,
    after: Option<&SectionEntry>,
) -> SectionChange {
    let old_text = before.map(section_text).unwrap_or_default();
    let new_text = after.map(section_text).unwrap_or_default();
    let (diff, words_added, words_removed) = diff_words(&old_text, &new_text);
    let had = before.is_some_and(SectionEntry::has_text);
    let has = after.is_some_and(SectionEntry::has_text);
    let status = match (had, has) {
        (false, true) => SectionStatus::New,
        (true, false) => SectionStatus::Removed,
        _ if old_text != new_text => SectionStatus::Changed,
        _ => SectionStatus::Untouched,
    };
    SectionChange {
        id: id.to_string(),
        number: None,
        title,
        status,
        changed: status != SectionStatus::Untouched,
        words_added,
        words_removed,
        diff,
    }
}

/// Topic, description and reflection as one text, blank lines between the parts present.
fn section_text(entry: &SectionEntry) -> String {
    [&entry.topic, &entry.description, &entry.reflection]
        .into_iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The diff over word-boundary pieces (words, spaces and punctuation), so whitespace is kept,
/// with the number of words added and removed.
pub fn diff_words(old: &str, new: &str) -> (Vec<Chunk>, usize, usize) {
    let old_pieces: Vec<&str> = old.split_word_bounds().collect();
    let new_pieces: Vec<&str> = new.split_word_bounds().collect();
    let mut chunks: Vec<Chunk> = Vec::new();
    let (mut added, mut removed) = (0, 0);
    let mut push = |kind: ChunkKind, pieces: &[&str]| {
        if pieces.is_empty() {
            return;
        }
        let text = pieces.concat();
        match chunks.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => chunks.push(Chunk {
                kind,
                text,
                gap: None,
            }),
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, &old_pieces, &new_pieces) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let gone = &old_pieces[old_range];
        let came = &new_pieces[new_range];
        match tag {
            DiffTag::Equal => push(ChunkKind::Equal, came),
            DiffTag::Delete => {
                removed += words_in(gone);
                push(ChunkKind::Removed, gone);
            }
            DiffTag::Insert => {
                added += words_in(came);
                push(ChunkKind::Added, came);
            }
            DiffTag::Replace => {
                removed += words_in(gone);
                added += words_in(came);
                push(ChunkKind::Removed, gone);
                push(ChunkKind::Added, came);
            }
        }
    }
    mark_gaps(&mut chunks);
    (chunks, added, removed)
}

#[cfg(test)]
mod gap_tests {
    use super::*;

    #[test]
    fn long_unchanged_stretches_keep_whole_words_on_each_side() {
        let middle = "日本語 ".repeat(100);
        let (chunks, _, _) = diff_words(&format!("one {middle}two"), &format!("uno {middle}dos"));
        let gap = chunks
            .iter()
            .find_map(|c| c.gap.as_ref())
            .expect("the long middle is shortened");
        assert_eq!(gap.head.unicode_words().count(), GAP_CONTEXT_WORDS);
        assert_eq!(gap.tail.unicode_words().count(), GAP_CONTEXT_WORDS);
        let (short, _, _) = diff_words("a few words here", "a few words there");
        assert!(
            short.iter().all(|c| c.gap.is_none()),
            "short text is shown whole"
        );
    }
}

/// Pieces that are words as `count_words` sees them (not spaces or punctuation).
fn words_in(pieces: &[&str]) -> usize {
    pieces
        .iter()
        .filter(|piece| piece.unicode_words().next().is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuilt(chunks: &[Chunk], skip: ChunkKind) -> String {
        chunks
            .iter()
            .filter(|c| c.kind != skip)
            .map(|c| c.text.as_str())
            .collect()
    }

    #[test]
    fn one_replaced_word_counts_once_each_way() {
        let (chunks, added, removed) = diff_words("I used Moodle quizzes.", "I used H5P quizzes.");
        assert_eq!((added, removed), (1, 1));
        assert_eq!(rebuilt(&chunks, ChunkKind::Added), "I used Moodle quizzes.");
        assert_eq!(
            rebuilt(&chunks, ChunkKind::Removed),
            "I used H5P quizzes.",
            "the chunks must rebuild both texts, whitespace and punctuation included"
        );
    }

    #[test]
    fn identical_texts_are_one_equal_chunk() {
        let (chunks, added, removed) = diff_words("Same words.", "Same words.");
        assert_eq!((added, removed), (0, 0));
        assert_eq!(chunks.len(), 1);
    }
}
