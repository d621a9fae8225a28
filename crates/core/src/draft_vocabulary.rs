//! How real drafts are written, as data (`assets/drafts.json`): the 2018 guidelines' group
//! names, reference-list and reflection headings, the words that open a reflection, and the
//! laws, standards and habits a section's prose names. The import reads headings with it and
//! the checklist proposes topics and principles from it.

use serde::Deserialize;
use std::sync::OnceLock;

pub const BUNDLED_DRAFTS_JSON: &str = include_str!("../../../assets/drafts.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftVocabulary {
    pub format_version: u32,
    #[serde(rename = "about")]
    _about: String,
    pub group_aliases: Vec<GroupAlias>,
    pub section_aliases: Vec<SectionAlias>,
    /// How a draft says its nominated assessor has no conflict of interest.
    pub conflict_statement: ConflictStatement,
    pub reference_headings: Vec<String>,
    pub reflection_headings: Vec<String>,
    pub reflection_openings: Vec<String>,
    pub topics: Vec<NamedTopic>,
    /// Which kinds of topic each section with a topic field is about.
    pub topic_sections: Vec<TopicSection>,
    /// At most this many topics are proposed for one section.
    pub topic_suggestion_limit: usize,
    pub principle_cues: Vec<PrincipleCues>,
    /// Distinct cues a section's prose must have before it is said to show a principle.
    pub principle_min_cues: usize,
}

/// Other names of a group of the framework (`core-3`, `specialist`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupAlias {
    pub group: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionAlias {
    pub section: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictStatement {
    /// Words that show a line is about conflicts of interest.
    pub mentions: Vec<String>,
    /// Words that say there is none (matched in the lower-cased line, spaces kept).
    pub none: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    Legislation,
    Standard,
    Policy,
}

/// A law, standard or kind of policy, with the words that name it in prose.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedTopic {
    pub name: String,
    pub kind: TopicKind,
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSection {
    pub section: String,
    pub kinds: Vec<TopicKind>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipleCues {
    pub principle: u8,
    pub cues: Vec<String>,
}

impl DraftVocabulary {
    /// The vocabulary the app ships with, read once.
    pub fn bundled() -> &'static DraftVocabulary {
        static BUNDLED: OnceLock<DraftVocabulary> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            DraftVocabulary::from_json(BUNDLED_DRAFTS_JSON)
                .expect("assets/drafts.json is valid (a test reads it)")
        })
    }

    pub fn from_json(json: &str) -> Result<DraftVocabulary, String> {
        let mut vocabulary: DraftVocabulary =
            serde_json::from_str(json).map_err(|error| error.to_string())?;
        // Matching is on normalised lower-case text, so the data is made the same once here.
        let lower = |words: &mut Vec<String>| {
            for word in words.iter_mut() {
                *word = normalise(word).to_lowercase();
            }
        };
        for alias in &mut vocabulary.group_aliases {
            lower(&mut alias.names);
        }
        for alias in &mut vocabulary.section_aliases {
            lower(&mut alias.names);
        }
        lower(&mut vocabulary.conflict_statement.mentions);
        lower(&mut vocabulary.reference_headings);
        lower(&mut vocabulary.reflection_headings);
        lower(&mut vocabulary.reflection_openings);
        for topic in &mut vocabulary.topics {
            lower(&mut topic.cues);
        }
        for principle in &mut vocabulary.principle_cues {
            lower(&mut principle.cues);
        }
        if vocabulary.format_version != 1 {
            return Err(format!(
                "drafts.json has format version {}; this app reads version 1",
                vocabulary.format_version
            ));
        }
        Ok(vocabulary)
    }

    /// The group a heading names by one of its other names (`the wider context`).
    pub fn group_named(&self, lower: &str) -> Option<&str> {
        self.group_aliases
            .iter()
            .find(|alias| alias.names.iter().any(|name| name == lower))
            .map(|alias| alias.group.as_str())
    }

    pub fn section_named(&self, lower: &str) -> Option<&str> {
        self.section_aliases
            .iter()
            .find(|alias| alias.names.iter().any(|name| name == lower))
            .map(|alias| alias.section.as_str())
    }

    pub fn is_reference_heading(&self, lower: &str) -> bool {
        self.reference_headings.iter().any(|name| name == lower)
    }

    pub fn is_reflection_heading(&self, lower: &str) -> bool {
        self.reflection_headings.iter().any(|name| name == lower)
    }

    /// True when `line` says there is no conflict of interest ("Conflict of interest: none").
    pub fn says_no_conflict(&self, line: &str) -> bool {
        let lower = format!("{} ", normalise(line).to_lowercase());
        let statement = &self.conflict_statement;
        statement
            .mentions
            .iter()
            .any(|m| lower.contains(m.as_str()))
            && statement.none.iter().any(|n| lower.contains(n.as_str()))
    }

    /// True when a paragraph opens as a reflection does ("On reflection, ...").
    pub fn opens_reflection(&self, paragraph: &str) -> bool {
        let text = normalise(paragraph).to_lowercase();
        let text = text.trim_start_matches(['*', '_', ' ']);
        self.reflection_openings.iter().any(|opening| {
            text.strip_prefix(opening.as_str()).is_some_and(|rest| {
                let rest = rest.trim_start_matches(['*', '_']);
                rest.is_empty() || rest.starts_with([' ', ',', ':', '.'])
            })
        })
    }
}

/// Smart quotes, dashes, no-break and zero-width spaces as plain ASCII, runs of white
/// space as one space: what word processors paste in, made comparable.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => out.push('"'),
            '\u{2026}' => out.push_str("..."),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_vocabulary_reads_and_its_groups_exist_in_the_framework() {
        let vocabulary = DraftVocabulary::bundled();
        let framework = crate::framework::Framework::bundled().unwrap();
        for alias in &vocabulary.group_aliases {
            assert!(
                framework.groups.iter().any(|g| g.id == alias.group),
                "{} is not a group of the framework",
                alias.group
            );
        }
        for alias in &vocabulary.section_aliases {
            assert!(framework.section(&alias.section).is_some());
        }
        for cues in &vocabulary.principle_cues {
            assert!(framework.principles.iter().any(|p| p.id == cues.principle));
        }
    }

    #[test]
    fn reflections_open_with_their_cue_words_only() {
        let vocabulary = DraftVocabulary::bundled();
        assert!(vocabulary.opens_reflection("On reflection, the pilot was too short."));
        assert!(vocabulary.opens_reflection("In reflection I would start earlier."));
        assert!(vocabulary.opens_reflection("**Looking back**, the survey mattered most."));
        assert!(!vocabulary.opens_reflection("Reflectional surfaces were used in the VR."));
        assert!(!vocabulary.opens_reflection("I ran the pilot in 2024."));
    }
}
