//! Redacting a passage the share check found: the passage is replaced by what could stand
//! in its place ("[learner]") wherever the detector finds that same passage in that one
//! text, and only where it is plain text, so every formatting mark around it stays.

use super::part_text::PartText;
use crate::checklist::TextPlace;
use crate::find::{TextPart, escape_for_text};
use crate::model::Portfolio;
use crate::personal_data::{PersonalDataKind, find_personal_data};
use std::ops::Range;

/// Replaces `text` (found as `kind`) at `place` with `replacement`; how many passages were
/// replaced (none when the text has changed and no longer holds it).
pub(crate) fn redact(
    portfolio: &mut Portfolio,
    place: &TextPlace,
    kind: PersonalDataKind,
    text: &str,
    replacement: &str,
) -> usize {
    match place {
        TextPlace::Section { section, part } => {
            let Some(entry) = portfolio.sections.get_mut(section) else {
                return 0;
            };
            let markdown = part.of(entry);
            let read = PartText::read(markdown, *part);
            let ranges: Vec<Range<usize>> = find_personal_data(&read.visible)
                .into_iter()
                .filter(|finding| finding.kind == kind && finding.matched == text)
                .filter_map(|finding| read.source_of(&finding.range))
                .collect();
            // The topic is a plain line, shown as written; the rest is Markdown, where the
            // brackets of "[learner]" must be escaped to show as typed.
            let written = if *part == TextPart::Topic {
                replacement.to_string()
            } else {
                escape_for_text(replacement)
            };
            replace_from_the_end(part.of_mut(entry), &ranges, &written)
        }
        TextPlace::Evidence { evidence, field } => {
            let Some(item) = portfolio.evidence.iter_mut().find(|i| &i.id == evidence) else {
                return 0;
            };
            let value = field.of(&item.details);
            let ranges: Vec<Range<usize>> = find_personal_data(value)
                .into_iter()
                .filter(|finding| finding.kind == kind && finding.matched == text)
                .map(|finding| finding.range)
                .collect();
            // The library's fields are plain text, shown as written.
            replace_from_the_end(field.of_mut(&mut item.details), &ranges, replacement)
        }
    }
}

fn replace_from_the_end(text: &mut String, ranges: &[Range<usize>], replacement: &str) -> usize {
    // From the end, so earlier offsets stay true.
    for range in ranges.iter().rev() {
        text.replace_range(range.clone(), replacement);
    }
    ranges.len()
}
