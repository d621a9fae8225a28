//! Recognising the headings of a draft: which section, core area or part (Description,
//! Reflection, Evidence) a heading or a label stands for, however a candidate wrote it
//! (`## 1a: ...`, `1a) ...`, `Section 2b – ...`, `Core Area 1` then `a) ...`, bold lines...).

use crate::draft_vocabulary::DraftVocabulary;
use crate::framework::{AreaKindId, Framework, SectionKind};

/// The three parts of an assessed section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Description,
    Reflection,
    Evidence,
    /// A reference list ("References", "Further reading"): kept with the section, never evidence.
    References,
}

/// A heading that groups sections, so that `a)` under it can be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    /// Core area 1, 2 or 3 (core area 4 has one section, so its heading is that section).
    Core(u8),
    /// "Specialist areas" or "Advanced areas".
    Areas(AreaKindId),
}

/// What a heading stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Heading {
    /// A section listed in the framework: `context`, `1a`...`4`, `future`, `confirmation`,
    /// `assessor`, with the topic the heading names (3a and 3b only).
    Section {
        id: String,
        topic: Option<String>,
    },
    /// A specialist or advanced area; `ordinal` when the heading numbers it.
    Area {
        kind: AreaKindId,
        ordinal: Option<usize>,
        topic: Option<String>,
    },
    Group(Group),
    /// `a) ...`: a section of the group above, resolved by the reader of the draft.
    Letter {
        letter: char,
        rest: String,
    },
    Part(Part),
}

/// How the line was marked as a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A `#` heading, a Word heading style, or a line in bold on its own.
    Marked,
    /// A short line on its own with no marking: only unmistakable headings count.
    Plain,
}

pub(super) use crate::draft_vocabulary::normalise;

/// The words of a heading without Markdown emphasis, a trailing colon or full stop.
pub(super) fn clean_heading(raw: &str) -> String {
    let text = normalise(raw).replace("**", "").replace("__", "");
    text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches([':', '.', ' ', '-', '*', '_'])
        .trim()
        .to_string()
}

/// What `raw` stands for as a heading, if anything.
pub(super) fn classify(framework: &Framework, raw: &str, form: Form) -> Option<Heading> {
    let text = clean_heading(raw);
    if text.is_empty() || text.chars().count() > 200 {
        return None;
    }
    let lower = text.to_lowercase();
    if let Some(part) = part_label(&lower).or_else(|| heading_part(&lower)) {
        return Some(Heading::Part(part));
    }
    if let Some(heading) = alias(framework, &lower) {
        return Some(heading);
    }
    if let Some(id) = named_section(&lower, form) {
        return Some(Heading::Section {
            id: id.to_string(),
            topic: None,
        });
    }
    if let Some(heading) = area_heading(&text, &lower) {
        return Some(heading);
    }
    if let Some(heading) = numbered(framework, &text, &lower, form) {
        return Some(heading);
    }
    if let Some(heading) = lettered(&text) {
        return Some(heading);
    }
    by_title(framework, &text, form)
}

/// `Description`, `Reflection:`, `Evidence`, `Supporting evidence`, `Description of practice`.
pub(super) fn part_label(lower: &str) -> Option<Part> {
    let lower = lower.trim_end_matches([':', '.', ' ']);
    match lower {
        "supporting evidence" | "list of evidence" | "evidence list" | "evidence items" => {
            return Some(Part::Evidence);
        }
        "reflections" => return Some(Part::Reflection),
        _ => {}
    }
    let (first, rest) = lower.split_once(' ').unwrap_or((lower, ""));
    let part = match first {
        "description" => Part::Description,
        "reflection" => Part::Reflection,
        "evidence" => Part::Evidence,
        _ => return None,
    };
    let qualifier_allowed = rest.is_empty()
        || matches!(
            rest,
            "of practice" | "of my practice" | "of your practice" | "(optional)"
        );
    qualifier_allowed.then_some(part)
}

/// Parts only a heading names, as the vocabulary lists them: "Further reading", "What I
/// learned" (a line starting "Summary: ..." is a sentence, so these are not inline labels).
fn heading_part(lower: &str) -> Option<Part> {
    let vocabulary = DraftVocabulary::bundled();
    if vocabulary.is_reference_heading(lower) {
        Some(Part::References)
    } else if vocabulary.is_reflection_heading(lower) {
        Some(Part::Reflection)
    } else {
        None
    }
}

/// A group or section by another of its names ("Specialist options", "The wider context").
fn alias(framework: &Framework, lower: &str) -> Option<Heading> {
    let vocabulary = DraftVocabulary::bundled();
    if let Some(id) = vocabulary.section_named(lower) {
        return Some(Heading::Section {
            id: id.to_string(),
            topic: None,
        });
    }
    let group = vocabulary.group_named(lower)?;
    if let Some(kind) = framework
        .area_kinds
        .iter()
        .find(|(_, area)| area.group == group)
        .map(|(kind, _)| *kind)
    {
        return Some(Heading::Group(Group::Areas(kind)));
    }
    let number = framework
        .groups
        .iter()
        .find(|g| g.id == group && g.core_area)?
        .number
        .as_deref()?
        .parse::<u8>()
        .ok()?;
    Some(Heading::Group(Group::Core(number)))
}

/// The sections named in words: context, future plans, confirmation, assessor.
fn named_section(lower: &str, form: Form) -> Option<&'static str> {
    let words = lower.split_whitespace().count();
    let exact = |names: &[&str]| names.contains(&lower);
    if lower.starts_with("contextual statement")
        || exact(&["context", "contextual information", "context statement"])
    {
        return Some("context");
    }
    if (lower.contains("future plan") || lower.contains("plans for the future")) && words <= 6 {
        return Some("future");
    }
    let declaration_words = [
        "confirmation",
        "declaration",
        "signed declaration",
        "candidate declaration",
        "candidate's declaration",
        "confirmation (signed declaration)",
        "confirmation and declaration",
    ];
    if exact(&declaration_words)
        || (form == Form::Marked
            && (lower.starts_with("confirmation") || lower.starts_with("declaration"))
            && words <= 5)
    {
        return Some("confirmation");
    }
    let assessor = lower.contains("assessor")
        && words <= 5
        && (form == Form::Marked || lower.starts_with("nominated") || lower == "assessor");
    assessor.then_some("assessor")
}

/// `Specialist area 1: <topic>`, `Specialist Area: <topic>`, `Advanced area`, `Advanced
/// area 2: <topic>`, `Specialist areas` (the group).
fn area_heading(text: &str, lower: &str) -> Option<Heading> {
    const NAMES: [(&str, AreaKindId); 2] = [
        ("specialist area", AreaKindId::Specialist),
        ("advanced area", AreaKindId::Advanced),
    ];
    let (name, kind) = NAMES.iter().find(|(name, _)| lower.starts_with(name))?;
    let mut after = text.get(name.len()..)?;
    let plural = after.starts_with(['s', 'S']);
    if plural {
        after = &after[1..];
    }
    if after.starts_with(|c: char| c.is_alphanumeric()) && !after.starts_with(char::is_numeric) {
        // "Specialist areal..." is some other word.
        return None;
    }
    let after = after.trim_start();
    let (ordinal, rest) = leading_ordinal(after);
    let topic = topic_text(rest);
    if plural && ordinal.is_none() && topic.is_none() {
        return Some(Heading::Group(Group::Areas(*kind)));
    }
    Some(Heading::Area {
        kind: *kind,
        ordinal,
        topic,
    })
}

/// `2`, `2:`, `b)`: the number of an area in a heading, and what follows it.
fn leading_ordinal(text: &str) -> (Option<usize>, &str) {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let ordinal = text[..digits].parse::<usize>().ok().filter(|n| *n > 0);
        return (ordinal, &text[digits..]);
    }
    let mut chars = text.chars();
    if let (Some(letter), next) = (chars.next(), chars.next())
        && letter.is_ascii_lowercase()
        && next.is_none_or(|c| !c.is_alphanumeric())
        && ('a'..='e').contains(&letter)
        && next.is_some_and(|c| matches!(c, ')' | ':' | '.'))
    {
        return (Some((letter as u8 - b'a') as usize + 1), &text[1..]);
    }
    (None, text)
}

/// What is left of a heading once separators are gone, if anything.
fn topic_text(rest: &str) -> Option<String> {
    let topic = rest
        .trim_start_matches(|c: char| matches!(c, ':' | ')' | '.' | '-' | ',') || c.is_whitespace())
        .trim_end_matches(|c: char| matches!(c, ':' | '.' | '-') || c.is_whitespace())
        .trim();
    let topic = topic
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(topic)
        .trim();
    (!topic.is_empty() && !topic.eq_ignore_ascii_case("optional")).then(|| topic.to_string())
}

/// Words that introduce a section number: `Section 2b`, `Core Area 1`, `Area 3a`.
const NUMBER_PREFIXES: [&str; 5] = ["core area", "section", "area", "part", "core"];

/// `1a: ...`, `1a) ...`, `1.a ...`, `Section 2b - ...`, `Core Area 1: Operational Issues`,
/// `4 Communication...`, `5a: Specialist area: <topic>`.
fn numbered(framework: &Framework, text: &str, lower: &str, form: Form) -> Option<Heading> {
    let mut prefixed = false;
    let mut rest = text;
    for prefix in NUMBER_PREFIXES {
        if let Some(after) = lower.strip_prefix(prefix)
            && after.starts_with([' ', '\u{a0}'])
        {
            rest = text.get(prefix.len()..)?.trim_start();
            prefixed = true;
            break;
        }
    }
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let number = first.to_digit(10)? as u8;
    let after_number = &rest[1..];
    if after_number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (letter, after) = section_letter(after_number);
    if !at_boundary(after) {
        return None;
    }
    let rest = after.trim_start_matches(|c: char| {
        matches!(c, ':' | ')' | '.' | '-' | ',') || c.is_whitespace()
    });
    let section_id = |letter: Option<char>| match letter {
        Some(letter) => format!("{number}{letter}"),
        None => number.to_string(),
    };
    let listed = |id: &str| {
        framework
            .sections
            .iter()
            .any(|s| s.id == id && s.kind == SectionKind::Assessed)
    };
    // A plain line needs a clear sign it is a heading, not a sentence that starts with a digit.
    let clear = prefixed || letter.is_some() || form == Form::Marked;
    match (number, letter) {
        (1..=3, Some(letter)) if listed(&section_id(Some(letter))) => {
            let id = section_id(Some(letter));
            let topic = section_topic(framework, &id, rest);
            Some(Heading::Section { id, topic })
        }
        (4, _) if clear => Some(Heading::Section {
            id: "4".into(),
            topic: None,
        }),
        (5, Some(letter)) => Some(Heading::Area {
            kind: AreaKindId::Specialist,
            ordinal: Some((letter as u8 - b'a') as usize + 1),
            topic: area_topic(rest),
        }),
        (5, None) if clear => {
            let topic = area_topic(rest);
            let plural_only = rest.to_lowercase().starts_with("specialist areas");
            if topic.is_none() && (rest.is_empty() || plural_only) {
                Some(Heading::Group(Group::Areas(AreaKindId::Specialist)))
            } else {
                Some(Heading::Area {
                    kind: AreaKindId::Specialist,
                    ordinal: None,
                    topic,
                })
            }
        }
        (1..=3, None) => {
            let group_title = framework
                .groups
                .iter()
                .find(|g| g.number.as_deref() == Some(&number.to_string()))
                .map(|g| g.title.as_str())
                .unwrap_or_default();
            let named_like_group = matches_title(rest, group_title, Form::Marked);
            (prefixed || form == Form::Marked || named_like_group)
                .then_some(Heading::Group(Group::Core(number)))
        }
        _ => None,
    }
}

/// The letter after a section number (`1a`, `1.a`, `1 a)`, `2-b`), if there is one.
fn section_letter(after_number: &str) -> (Option<char>, &str) {
    let skipped = after_number
        .strip_prefix(['.', '-', ' '])
        .map(|s| s.trim_start())
        .unwrap_or(after_number);
    let mut chars = skipped.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), next)
            if ('a'..='e').contains(&letter.to_ascii_lowercase())
                && next.is_none_or(|c| !c.is_alphanumeric()) =>
        {
            // "1 A level..." would be read as 1a: only accept a capital letter directly after
            // the number or before a closing bracket or colon.
            let directly_after = skipped.len() == after_number.len();
            let closed = matches!(next, Some(')' | ':' | '.') | None);
            if letter.is_ascii_lowercase() || directly_after || closed {
                (Some(letter.to_ascii_lowercase()), &skipped[1..])
            } else {
                (None, after_number)
            }
        }
        _ => (None, after_number),
    }
}

fn at_boundary(text: &str) -> bool {
    text.chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | ')' | '.' | '-' | ','))
}

/// `a) An understanding...`, `(b) ...`, `c. ...`, `a: ...`.
fn lettered(text: &str) -> Option<Heading> {
    let text = text.strip_prefix('(').unwrap_or(text);
    let mut chars = text.chars();
    let letter = chars.next()?.to_ascii_lowercase();
    let mark = chars.next()?;
    if !('a'..='e').contains(&letter) || !matches!(mark, ')' | '.' | ':') {
        return None;
    }
    let rest = text[2..].trim();
    if !rest.is_empty() && !text[2..].starts_with(' ') {
        return None;
    }
    Some(Heading::Letter {
        letter,
        rest: rest.to_string(),
    })
}

/// A heading that is a section's or core area's title without its number.
fn by_title(framework: &Framework, text: &str, form: Form) -> Option<Heading> {
    let mut best: Option<(f32, Heading)> = None;
    let mut consider = |score: Option<f32>, heading: Heading| {
        if let Some(score) = score
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score, heading));
        }
    };
    for section in &framework.sections {
        if section.kind != SectionKind::Assessed {
            continue;
        }
        consider(
            title_score(text, &section.title, form),
            Heading::Section {
                id: section.id.clone(),
                topic: section_topic(framework, &section.id, text),
            },
        );
    }
    for group in &framework.groups {
        let Some(number) = group.number.as_deref().and_then(|n| n.parse::<u8>().ok()) else {
            continue;
        };
        if !(1..=3).contains(&number) {
            continue;
        }
        consider(
            title_score(text, &group.title, form),
            Heading::Group(Group::Core(number)),
        );
    }
    best.map(|(_, heading)| heading)
}

/// The topic a 3a or 3b heading names after its title (`3a: Legislation: GDPR`,
/// `3b Understanding... (Equality Act 2010)`); none for other sections.
pub(super) fn section_topic(framework: &Framework, id: &str, rest: &str) -> Option<String> {
    let section = framework.sections.iter().find(|s| s.id == id)?;
    section.topic.as_ref()?;
    const LABELS: [&str; 14] = [
        "legislation",
        "legislative area",
        "second legislative area",
        "policy",
        "policies",
        "policies and standards",
        "policy and standards",
        "standards",
        "standard",
        "policy or standard",
        "policy area",
        "topic",
        "area",
        "optional",
    ];
    let pieces: Vec<&str> = rest
        .split([':', '(', ')', '|'])
        .flat_map(|piece| piece.split(" - "))
        .map(|piece| {
            piece.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-'))
        })
        .filter(|piece| !piece.is_empty())
        .filter(|piece| !LABELS.contains(&piece.to_lowercase().as_str()))
        .filter(|piece| !matches_title(piece, &section.title, Form::Marked))
        .collect();
    (!pieces.is_empty()).then(|| pieces.join(": "))
}

/// The topic after a specialist or advanced area's number: `Specialist area: X` or `X`.
fn area_topic(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    for name in ["specialist areas", "specialist area", "advanced area"] {
        if lower.starts_with(name) {
            let (_, after) = leading_ordinal(rest.get(name.len()..)?.trim_start());
            return topic_text(after);
        }
    }
    topic_text(rest)
}

/// Words that say little about which section a heading means.
const STOP_WORDS: [&str; 14] = [
    "a", "an", "the", "of", "and", "or", "in", "to", "for", "with", "your", "my", "on", "our",
];

/// The content words of `text`, cut to six letters so "technology" and "technologies",
/// "learner" and "learners" compare equal.
fn content_words(text: &str) -> Vec<String> {
    normalise(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !STOP_WORDS.contains(word))
        .map(|word| word.chars().take(6).collect())
        .collect()
}

/// How well `text` matches `title`: `None` when it does not, else a score to rank matches.
fn title_score(text: &str, title: &str, form: Form) -> Option<f32> {
    let ours = content_words(text);
    let theirs = content_words(title);
    if ours.is_empty() || theirs.is_empty() {
        return None;
    }
    let matched_ours = ours.iter().filter(|w| theirs.contains(w)).count();
    let matched_theirs = theirs.iter().filter(|w| ours.contains(w)).count();
    let ours_covered = matched_ours as f32 / ours.len() as f32;
    let theirs_covered = matched_theirs as f32 / theirs.len() as f32;
    let (need_ours, need_theirs) = match form {
        Form::Marked => (0.75, 0.5),
        Form::Plain => (0.9, 0.7),
    };
    (matched_ours >= 2.min(theirs.len())
        && ours_covered >= need_ours
        && theirs_covered >= need_theirs)
        .then_some(ours_covered + theirs_covered)
}

/// True when `text` is (close to) `title`.
pub(super) fn matches_title(text: &str, title: &str, form: Form) -> bool {
    title_score(text, title, form).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::bundled().expect("the bundled framework loads")
    }

    fn section(id: &str) -> Option<Heading> {
        Some(Heading::Section {
            id: id.into(),
            topic: None,
        })
    }

    #[test]
    fn numbered_section_headings_in_the_ways_people_write_them() {
        let framework = framework();
        for (raw, id) in [
            (
                "1a: An understanding of the constraints and benefits of different technologies",
                "1a",
            ),
            ("1a) An understanding of the constraints", "1a"),
            (
                "Section 2b – An understanding of your target learners",
                "2b",
            ),
            (
                "Section 2b — An understanding of your target learners:",
                "2b",
            ),
            ("1.a An understanding of the constraints", "1a"),
            (
                "**1b Technical knowledge and ability in the use of learning technology…**",
                "1b",
            ),
            ("1C: Supporting the deployment", "1c"),
            ("4: Communication and working with others", "4"),
            ("Core area 4 - Communication and working with others", "4"),
        ] {
            assert_eq!(
                classify(&framework, raw, Form::Marked),
                section(id),
                "{raw}"
            );
        }
    }

    #[test]
    fn core_areas_group_the_lettered_headings_below_them() {
        let framework = framework();
        assert_eq!(
            classify(&framework, "Core Area 1: Operational Issues", Form::Plain),
            Some(Heading::Group(Group::Core(1)))
        );
        assert_eq!(
            classify(
                &framework,
                "The wider context: legislation, policies and standards",
                Form::Marked
            ),
            Some(Heading::Group(Group::Core(3)))
        );
        assert_eq!(
            classify(
                &framework,
                "a) An understanding of the constraints",
                Form::Marked
            ),
            Some(Heading::Letter {
                letter: 'a',
                rest: "An understanding of the constraints".into()
            })
        );
    }

    #[test]
    fn specialist_and_advanced_areas_carry_their_topic() {
        let framework = framework();
        let area = |kind, ordinal, topic: Option<&str>| {
            Some(Heading::Area {
                kind,
                ordinal,
                topic: topic.map(str::to_string),
            })
        };
        use AreaKindId::{Advanced, Specialist};
        for (raw, expected) in [
            (
                "Specialist area 1: Open educational resources",
                area(Specialist, Some(1), Some("Open educational resources")),
            ),
            (
                "Specialist Area: Accessible digital content",
                area(Specialist, None, Some("Accessible digital content")),
            ),
            (
                "5a: Specialist area: Accessible digital content",
                area(Specialist, Some(1), Some("Accessible digital content")),
            ),
            (
                "5b Learning analytics",
                area(Specialist, Some(2), Some("Learning analytics")),
            ),
            ("Advanced area", area(Advanced, None, None)),
            (
                "Advanced area 2 – Leading institutional change",
                area(Advanced, Some(2), Some("Leading institutional change")),
            ),
            (
                "Specialist areas",
                Some(Heading::Group(Group::Areas(Specialist))),
            ),
        ] {
            assert_eq!(classify(&framework, raw, Form::Marked), expected, "{raw}");
        }
    }

    #[test]
    fn named_sections_and_parts_are_recognised() {
        let framework = framework();
        for (raw, id) in [
            ("Contextual statement", "context"),
            ("Future plans:", "future"),
            ("Declaration", "confirmation"),
            ("Confirmation", "confirmation"),
            ("Nominated assessor (optional)", "assessor"),
        ] {
            assert_eq!(
                classify(&framework, raw, Form::Marked),
                section(id),
                "{raw}"
            );
        }
        assert_eq!(
            classify(&framework, "Reflection:", Form::Plain),
            Some(Heading::Part(Part::Reflection))
        );
        assert_eq!(
            classify(&framework, "**Evidence**", Form::Marked),
            Some(Heading::Part(Part::Evidence))
        );
        assert_eq!(
            classify(&framework, "Description of practice", Form::Marked),
            Some(Heading::Part(Part::Description))
        );
    }

    #[test]
    fn titles_without_numbers_find_their_section() {
        let framework = framework();
        assert_eq!(
            classify(
                &framework,
                "Technical knowledge and ability in the use of learning technology",
                Form::Marked
            ),
            section("1b")
        );
        assert_eq!(
            classify(
                &framework,
                "Understanding and engaging with policies and standards",
                Form::Marked
            ),
            section("3b"),
            "3b's own wording, not 3a's"
        );
    }

    #[test]
    fn topics_of_3a_and_3b_come_from_the_words_after_the_title() {
        let framework = framework();
        assert_eq!(
            classify(
                &framework,
                "3a: Understanding and engaging with legislation: the Equality Act 2010",
                Form::Marked
            ),
            Some(Heading::Section {
                id: "3a".into(),
                topic: Some("the Equality Act 2010".into())
            })
        );
        assert_eq!(
            classify(&framework, "3a Legislation – GDPR", Form::Marked),
            Some(Heading::Section {
                id: "3a".into(),
                topic: Some("GDPR".into())
            })
        );
        assert_eq!(
            classify(
                &framework,
                "3b: Understanding and engaging with policies and standards",
                Form::Marked
            ),
            section("3b"),
            "a title alone names no topic"
        );
    }

    #[test]
    fn sentences_and_other_numbers_are_not_headings() {
        let framework = framework();
        for raw in [
            "2024 review of quiz tools",
            "1 in 5 learners had no laptop",
            "A short note on the pilot",
            "6a: Something else",
            "Appendix",
        ] {
            assert_eq!(classify(&framework, raw, Form::Plain), None, "{raw}");
        }
        assert_eq!(
            classify(&framework, "3 things I learned", Form::Plain),
            None
        );
    }
}
