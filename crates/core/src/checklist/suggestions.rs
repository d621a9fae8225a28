//! What a section's writing says that the candidate has not filled in: the law or standard
//! 3a and 3b are about, and the core principles a section shows. Offered as suggestions to
//! confirm with one click, never filled in unasked; the words come from `assets/drafts.json`.
//!
//! Each section is read once per check, in one pass over its text for every cue at once.

use crate::draft_vocabulary::{DraftVocabulary, TopicKind, normalise};
use crate::model::SectionEntry;
use aho_corasick::AhoCorasick;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a cue found in the text stands for.
#[derive(Clone, Copy)]
enum Cue {
    /// The index of a topic in the vocabulary.
    Topic(usize),
    /// A principle, and the cue's index among its cues (so each cue counts once).
    Principle(u8, usize),
}

struct Matcher {
    automaton: AhoCorasick,
    cues: Vec<Cue>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let vocabulary = DraftVocabulary::bundled();
        let mut patterns: Vec<&str> = Vec::new();
        let mut cues = Vec::new();
        for (index, topic) in vocabulary.topics.iter().enumerate() {
            for cue in &topic.cues {
                patterns.push(cue);
                cues.push(Cue::Topic(index));
            }
        }
        for principle in &vocabulary.principle_cues {
            for (index, cue) in principle.cues.iter().enumerate() {
                patterns.push(cue);
                cues.push(Cue::Principle(principle.principle, index));
            }
        }
        Matcher {
            automaton: AhoCorasick::new(patterns).expect("the vocabulary's cues make an automaton"),
            cues,
        }
    })
}

/// One section's writing, read for cues.
#[derive(Default)]
pub(super) struct Reading {
    /// Each topic named, with where it is first named.
    topics: Vec<(usize, usize)>,
    /// The principle cues found: (principle, cue index), each once.
    principle_cues: Vec<(u8, usize)>,
    /// The section's own text, for names the vocabulary cannot list (a college's policies).
    description: String,
}

/// The readings of one check, each section read at most once.
#[derive(Default)]
pub(super) struct Readings {
    by_section: HashMap<String, Reading>,
}

impl Readings {
    pub(super) fn of(&mut self, id: &str, entry: &SectionEntry) -> &Reading {
        self.by_section
            .entry(id.to_string())
            .or_insert_with(|| read(entry))
    }
}

fn read(entry: &SectionEntry) -> Reading {
    let description = normalise(&entry.description);
    let mut text = description.to_lowercase();
    text.push(' ');
    text.push_str(&normalise(&entry.reflection).to_lowercase());
    let matcher = matcher();
    let mut reading = Reading {
        description,
        ..Reading::default()
    };
    for found in matcher.automaton.find_overlapping_iter(&text) {
        // A cue counts at the start of a word: "qaa" is not found inside "aqaa".
        let at_word_start = text[..found.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !at_word_start {
            continue;
        }
        match matcher.cues[found.pattern().as_usize()] {
            Cue::Topic(index) => {
                if !reading.topics.iter().any(|(known, _)| *known == index) {
                    reading.topics.push((index, found.start()));
                }
            }
            Cue::Principle(principle, cue) => {
                if !reading.principle_cues.contains(&(principle, cue)) {
                    reading.principle_cues.push((principle, cue));
                }
            }
        }
    }
    reading
}

impl Reading {
    /// The topics `section`'s writing names, in the order it first names them, as the text
    /// of its topic field ("Public Sector Bodies Accessibility Regulations 2018 and Equality
    /// Act 2010"); `None` when it names none or the section has no topic of this kind.
    pub(super) fn topic_for(&self, section: &str) -> Option<String> {
        let vocabulary = DraftVocabulary::bundled();
        let kinds = &vocabulary
            .topic_sections
            .iter()
            .find(|topics| topics.section == section)?
            .kinds;
        let mut named: Vec<(usize, String)> = self
            .topics
            .iter()
            .map(|(index, first)| (&vocabulary.topics[*index], *first))
            .filter(|(topic, _)| kinds.contains(&topic.kind))
            .map(|(topic, first)| (first, topic.name.clone()))
            .collect();
        if kinds.contains(&TopicKind::Policy) {
            let policies = named_policies(&self.description);
            if !policies.is_empty() {
                // "the Learning Analytics Policy" says more than "institutional policy".
                named.retain(|(_, name)| {
                    vocabulary
                        .topics
                        .iter()
                        .any(|topic| topic.name == *name && topic.kind != TopicKind::Policy)
                });
                named.extend(policies);
            }
        }
        named.sort();
        // "WCAG" says less than a "WCAG 2.2" named anywhere in the section.
        let all: Vec<&str> = named.iter().map(|(_, name)| name.as_str()).collect();
        let chosen: Vec<&str> = all
            .iter()
            .copied()
            .filter(|name| {
                !all.iter()
                    .any(|other| other != name && other.contains(name))
            })
            .take(vocabulary.topic_suggestion_limit)
            .collect();
        (!chosen.is_empty()).then(|| super::in_words_list(&chosen))
    }

    /// True when the writing has enough of principle `id`'s cues to say it shows it.
    pub(super) fn shows_principle(&self, id: u8) -> bool {
        let found = self
            .principle_cues
            .iter()
            .filter(|(principle, _)| *principle == id)
            .count();
        found >= DraftVocabulary::bundled().principle_min_cues
    }
}

/// Policies and strategies the text names with capitals ("the university's Learning
/// Analytics Policy"), where it names them: the words before "Policy" or "Strategy" that
/// start with a capital, up to four.
fn named_policies(text: &str) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    for (index, (_, word)) in words.iter().enumerate() {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !matches!(bare, "Policy" | "Strategy") {
            continue;
        }
        let mut first = index;
        while first > 0 && index - first < 4 {
            let before = words[first - 1].1;
            let capital = before.starts_with(|c: char| c.is_uppercase())
                && !before.ends_with(['.', ',', ';', ':'])
                && !matches!(before, "The" | "A" | "Our" | "My" | "This");
            if !capital {
                break;
            }
            first -= 1;
        }
        if first < index {
            let name = words[first..=index]
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            let name = name
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            if !found.iter().any(|(_, known)| *known == name) {
                found.push((words[first].0, name));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(description: &str) -> Reading {
        read(&SectionEntry {
            description: description.into(),
            ..SectionEntry::default()
        })
    }

    #[test]
    fn the_laws_a_section_names_become_its_topic_in_the_order_named() {
        let reading = written(
            "We must meet the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 and WCAG 2.2 AA. We also have duties under the Equality Act 2010.",
        );
        assert_eq!(
            reading.topic_for("3a").as_deref(),
            Some("Public Sector Bodies Accessibility Regulations 2018 and Equality Act 2010"),
            "3a is about legislation, so the standard is left out"
        );
        assert_eq!(
            reading.topic_for("3b").as_deref(),
            Some(
                "Public Sector Bodies Accessibility Regulations 2018, WCAG 2.2 and Equality Act 2010"
            ),
            "WCAG 2.2 is named, so plain WCAG is not repeated"
        );
        assert_eq!(reading.topic_for("1a"), None);
        assert_eq!(written("I ran a quiz pilot.").topic_for("3a"), None);
        assert_eq!(
            written("The aqaa board met.").topic_for("3b"),
            None,
            "a cue inside a word is no cue"
        );
    }

    #[test]
    fn a_policy_named_with_capitals_is_proposed_as_itself() {
        let reading = written(
            "My policy area is the school\u{2019}s Online Safety Policy, which puts the standards into practice.",
        );
        assert_eq!(
            reading.topic_for("3b").as_deref(),
            Some("Online Safety Policy")
        );
    }

    #[test]
    fn a_principle_needs_more_than_one_cue() {
        assert!(
            written("I presented the results at a regional network meeting.").shows_principle(4)
        );
        assert!(!written("I shared a file.").shows_principle(4));
        assert!(
            !written("I shared it and shared it again.").shows_principle(4),
            "one cue twice is still one cue"
        );
    }
}
