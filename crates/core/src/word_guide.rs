//! How a section's length stands against the scheme's word guide: the one judgement the
//! checklist's warning and the editor's note under the word count both come from, with the
//! thresholds from the framework data.

use crate::framework::{Framework, SectionInfo, WordRange};
use serde::Serialize;

/// Far enough from the guide to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FarFromGuide {
    Below,
    Above,
}

/// Whether `narrative` words (Description and Reflection together) are far from the guide,
/// by the percentages in `narrative_words_warning`. Nothing written is not "far below".
pub fn far_from_guide(framework: &Framework, narrative: usize) -> Option<FarFromGuide> {
    let guide = framework.narrative_words;
    let limits = framework.narrative_words_warning;
    if narrative > 0 && narrative * 100 < guide.min * limits.below_percent_of_min {
        Some(FarFromGuide::Below)
    } else if narrative * 100 > guide.max * limits.above_percent_of_max {
        Some(FarFromGuide::Above)
    } else {
        None
    }
}

/// What the editor shows under a section's word count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct WordsNote {
    /// The words counted: Description and Reflection together, or a statement's text.
    pub total: usize,
    /// The guide (two-part sections) or the range asked for (statements such as future plans).
    pub range: WordRange,
    /// True for a statement's required range, false for a guide.
    pub required: bool,
    /// The count is within the range.
    pub within: bool,
    /// A gentle note, or "" when nothing needs saying.
    pub text: String,
}

/// The note for section `section_id` with these counts; `None` for sections with no word
/// guide (the declaration, the assessor).
pub fn words_note(
    framework: &Framework,
    section_id: &str,
    description_words: usize,
    reflection_words: usize,
) -> Option<WordsNote> {
    let info = framework.section(section_id)?;
    if info.kind().has_description_and_reflection() {
        let total = description_words + reflection_words;
        let range = framework.narrative_words;
        let text = match far_from_guide(framework, total) {
            Some(FarFromGuide::Above) => {
                "This is well over the guide. Shorter, focused writing is easier for assessors to follow."
            }
            Some(FarFromGuide::Below) => {
                "Well under the guide so far. That is fine while you draft."
            }
            None => "",
        };
        return Some(WordsNote {
            total,
            range,
            required: false,
            within: (range.min..=range.max).contains(&total),
            text: text.to_string(),
        });
    }
    let SectionInfo::Listed(section) = info else {
        return None;
    };
    let range = section.words?;
    let total = description_words;
    let asked = format!("{}–{} words asked for", range.min, range.max);
    let text = if total == 0 {
        format!("{asked}.")
    } else if total < range.min {
        format!(
            "{asked}; {} more to reach {}.",
            range.min - total,
            range.min
        )
    } else if total > range.max {
        format!("{asked}; {} over {}.", total - range.max, range.max)
    } else {
        format!("Within the {asked}.")
    };
    Some(WordsNote {
        total,
        range,
        required: true,
        within: (range.min..=range.max).contains(&total),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_and_the_checklist_judge_by_the_same_thresholds() {
        let framework = Framework::bundled().unwrap();
        let guide = framework.narrative_words;
        let limits = framework.narrative_words_warning;
        // The editor once said "well under" below 50 % while the checklist warned below 40 %.
        let just_under = guide.min * limits.below_percent_of_min / 100 - 1;
        let just_over_the_line = guide.min * limits.below_percent_of_min / 100 + 1;
        assert_eq!(
            far_from_guide(&framework, just_under),
            Some(FarFromGuide::Below)
        );
        assert_eq!(far_from_guide(&framework, just_over_the_line), None);
        let note = words_note(&framework, "1a", just_under, 0).unwrap();
        assert!(note.text.contains("Well under"), "{note:?}");
        assert!(
            words_note(&framework, "1a", just_over_the_line, 0)
                .unwrap()
                .text
                .is_empty()
        );
        assert_eq!(
            far_from_guide(&framework, 0),
            None,
            "an empty section is not far below"
        );
    }

    #[test]
    fn future_plans_count_against_the_range_asked_for() {
        let framework = Framework::bundled().unwrap();
        let range = words_note(&framework, "future", 0, 0).unwrap().range;
        assert_eq!(
            words_note(&framework, "future", range.min - 10, 0)
                .unwrap()
                .text,
            format!(
                "{}–{} words asked for; 10 more to reach {}.",
                range.min, range.max, range.min
            )
        );
        assert!(
            words_note(&framework, "future", range.min, 0)
                .unwrap()
                .within
        );
        assert!(words_note(&framework, "confirmation", 5, 0).is_none());
    }
}
