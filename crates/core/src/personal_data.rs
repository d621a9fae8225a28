//! Finding what would expose a learner or the candidate in a portfolio's text before it is
//! shared: email addresses, phone numbers, postcodes, student IDs and learners' names after
//! the words that introduce them. Each finding says where it is and what could replace it;
//! the candidate decides, so nothing is allowed through by a list of "safe" addresses.
//!
//! Every pattern runs once over the text in linear time (the `regex` crate never
//! backtracks); the checks after a match look at a few characters around it only.

use crate::share_check_data::ShareCheckData;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataKind {
    Email,
    Phone,
    Postcode,
    StudentId,
    /// A learner's name after "my student", "the learner," and the like.
    LearnerName,
}

impl PersonalDataKind {
    /// What the text could say instead.
    pub fn replacement(self) -> &'static str {
        match self {
            PersonalDataKind::Email => "[email address]",
            PersonalDataKind::Phone => "[phone number]",
            PersonalDataKind::Postcode => "[postcode]",
            PersonalDataKind::StudentId => "[student ID]",
            PersonalDataKind::LearnerName => "[learner]",
        }
    }

    /// Which of two overlapping findings is kept: the more specific shape wins (an email
    /// address with digits in it is not also a phone number).
    fn rank(self) -> u8 {
        match self {
            PersonalDataKind::Email => 0,
            PersonalDataKind::StudentId => 1,
            PersonalDataKind::Phone => 2,
            PersonalDataKind::Postcode => 3,
            PersonalDataKind::LearnerName => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonalDataFinding {
    pub kind: PersonalDataKind,
    /// Byte offsets in the text given to [`find_personal_data`].
    pub range: Range<usize>,
    pub matched: String,
    /// "[email address]", "[learner]", …: what the text could say instead.
    pub replacement: String,
}

/// Every piece of personal data in `text`, in text order, never overlapping.
pub fn find_personal_data(text: &str) -> Vec<PersonalDataFinding> {
    let patterns = &*PATTERNS;
    let links = patterns.link_spans(text);
    let mut found: Vec<(PersonalDataKind, Range<usize>)> = Vec::new();
    for m in patterns.email.find_iter(text) {
        found.push((PersonalDataKind::Email, m.range()));
    }
    // Digits inside a web address or a DOI are the address's, not a person's.
    let outside_links = |range: &Range<usize>| !overlaps_any(&links, range);
    for captures in patterns.student_id.captures_iter(text) {
        let id = captures
            .name("id")
            .expect("the pattern has an id group")
            .range();
        if outside_links(&id) {
            found.push((PersonalDataKind::StudentId, id));
        }
    }
    // After a number, the search goes on where the number ended, not where the pattern
    // did: "0161 496 0000 07700 900123" is two numbers.
    let mut at = 0;
    while let Some(m) = patterns.phone.find_at(text, at) {
        at = m.end();
        if let Some(range) = patterns.phone_number(text, m.range()) {
            at = range.end;
            if outside_links(&range) {
                found.push((PersonalDataKind::Phone, range));
            }
        }
    }
    for m in patterns.postcode.find_iter(text) {
        if is_postcode(m.as_str()) && outside_links(&m.range()) {
            found.push((PersonalDataKind::Postcode, m.range()));
        }
    }
    for m in patterns.learner_cue.find_iter(text) {
        patterns.learner_names(text, m.range(), &mut found);
    }
    found.sort_by_key(|(kind, range)| (range.start, kind.rank()));
    let mut kept: Vec<(PersonalDataKind, Range<usize>)> = Vec::with_capacity(found.len());
    for (kind, range) in found {
        match kept.last_mut() {
            Some(last) if last.1.end > range.start => {
                if kind.rank() < last.0.rank() {
                    *last = (kind, range);
                }
            }
            _ => kept.push((kind, range)),
        }
    }
    kept.into_iter()
        .map(|(kind, range)| PersonalDataFinding {
            kind,
            matched: text[range.clone()].to_string(),
            range,
            replacement: kind.replacement().to_string(),
        })
        .collect()
}

/// The patterns, compiled once, and the word lists from `assets/share_check.json`.
struct Patterns {
    email: Regex,
    /// A UK number (`07700 900123`, `(0161) 496 0000`) or an international one (`+44 …`),
    /// taken whole and checked by [`Patterns::phone_number`].
    phone: Regex,
    /// The groups of digits in a phone-like match, `(0)` on its own.
    phone_group: Regex,
    postcode: Regex,
    student_id: Regex,
    learner_cue: Regex,
    /// Web addresses and DOIs, whose digits are not personal data.
    link: Regex,
    learner_cues: HashSet<String>,
    not_names: HashSet<String>,
    name_connectors: Vec<String>,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns::new(ShareCheckData::bundled()));

// ASCII only (`-u`) wherever the shape is ASCII: a Unicode `\b` makes the regex crate leave
// its fast automaton for a slower one on any text with a curly quote or a pound sign in it,
// and a Unicode `\d` would count Arabic-Indic digits as phone digits.
const EMAIL: &str = r"(?i-u)\b[a-z0-9][a-z0-9._%+'-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}\b";
const PHONE: &str = r"(?-u)\+\d{1,3}(?:[ \t-]?\(0\))?(?:[ \t-]?\(?\d{1,5}\)?){1,6}|\(?0\d{2,4}\)?(?:[ \t-]?\d{2,8}){0,3}";
const PHONE_GROUP: &str = r"(?-u)\(0\)|\d+";
// The shapes Royal Mail uses: A9, A99, AA9, AA99, A9A, AA9A, then 9AA, with the letters
// each position allows (no Q, V or X first, no C, I, K, M, O or V in the last part).
const POSTCODE: &str = r"(?i-u)\b(?:[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?)[ \t]?\d[ABD-HJLNP-UW-Z]{2}|GIR[ \t]?0AA)\b";
const LINK: &str = r"(?i)(?:https?://|www\.|doi:[ \t]*|(?-u:\b)10\.\d{4,9}/)[^\s<>]+";

impl Patterns {
    fn new(data: &ShareCheckData) -> Patterns {
        let compile = |pattern: &str| Regex::new(pattern).expect("the pattern is valid");
        Patterns {
            email: compile(EMAIL),
            phone: compile(PHONE),
            phone_group: compile(PHONE_GROUP),
            postcode: compile(POSTCODE),
            student_id: compile(&format!(
                r"(?i-u)\b{}\b(?:[ \t]*(?:[:#=.\-]|(?:no|number|is|was)\b))*[ \t]*(?P<id>[a-z]{{1,2}}\d{{5,10}}|\d{{6,12}})\b",
                any_of_words(&data.student_id_cues)
            )),
            learner_cue: compile(&format!(r"(?i-u)\b{}\b", any_of_words(&data.learner_cues))),
            link: compile(LINK),
            learner_cues: data.learner_cues.iter().cloned().collect(),
            not_names: data.not_names.iter().map(|w| w.to_lowercase()).collect(),
            name_connectors: data.name_connectors.clone(),
        }
    }

    /// Where web addresses and DOIs are, in order.
    fn link_spans(&self, text: &str) -> Vec<Range<usize>> {
        self.link.find_iter(text).map(|m| m.range()).collect()
    }

    /// The phone number in a phone-like match, if it is one: a UK number has 10 or 11
    /// digits and starts 01, 02, 03, 05, 07, 08 or 09; an international one has 8 to 15.
    /// Trailing groups that would make it too long (a year after the number) are left off.
    fn phone_number(&self, text: &str, candidate: Range<usize>) -> Option<Range<usize>> {
        let mut start = candidate.start;
        let matched = &text[candidate.clone()];
        // "(01632 960123)": the bracket around the whole number is the sentence's.
        if matched.starts_with('(') && !matched.contains(')') {
            start += 1;
        }
        if !starts_a_number(text, start) || follows_a_book_number(text, start) {
            return None;
        }
        let international = text[start..].starts_with('+');
        let (least, most) = if international { (8, 15) } else { (10, 11) };
        let mut digits = 0;
        let mut end = None;
        for group in self.phone_group.find_iter(&text[start..candidate.end]) {
            if group.as_str() == "(0)" {
                continue;
            }
            digits += group.len();
            if digits > most {
                break;
            }
            if digits >= least {
                end = Some(start + group.end());
            }
        }
        let mut end = end?;
        let number = &text[start..end];
        if text[end..].starts_with(')') && number.contains('(') && !number.contains(')') {
            // The bracket closes one the number opened: "+1 (555 010 9999)" keeps it.
            end += 1;
        }
        let national = text[start..].trim_start_matches('(');
        if !international
            && !UK_PREFIXES
                .iter()
                .any(|prefix| national.starts_with(prefix))
        {
            return None;
        }
        ends_a_number(text, end).then_some(start..end)
    }

    /// Names after a learner cue: "my student Priya Shah", "the learner, Tom,", "pupils
    /// Oliver and Grace", "a student called Jack".
    fn learner_names(
        &self,
        text: &str,
        cue: Range<usize>,
        found: &mut Vec<(PersonalDataKind, Range<usize>)>,
    ) {
        if is_in_a_title(text, cue.start) {
            return;
        }
        let Some(mut at) = skip_name_separator(text, cue.end) else {
            return;
        };
        for connector in &self.name_connectors {
            let rest = &text[at..];
            if rest.len() > connector.len()
                && rest.is_char_boundary(connector.len())
                && rest[..connector.len()].eq_ignore_ascii_case(connector)
                && rest[connector.len()..].starts_with(' ')
            {
                at += connector.len() + 1;
                break;
            }
        }
        while let Some(name) = self.name_at(text, at) {
            let after = name.end;
            found.push((PersonalDataKind::LearnerName, name));
            // "Kasia, Dev and Ellie": the next name of a list.
            let rest = &text[after..];
            let Some(gap) = [", and ", " and ", " & ", ", "]
                .iter()
                .find(|gap| rest.starts_with(*gap))
            else {
                break;
            };
            at = after + gap.len();
        }
    }

    /// One or two name-shaped words at `at` ("Priya", "Liam O'Connor"), without a
    /// possessive 's.
    fn name_at(&self, text: &str, at: usize) -> Option<Range<usize>> {
        let first = self.name_word_at(text, at)?;
        let mut end = first.end;
        if text[end..].starts_with(' ')
            && !ends_with_possessive(&text[first.clone()])
            && let Some(second) = self.name_word_at(text, end + 1)
        {
            end = second.end;
        }
        let name = &text[at..end];
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .unwrap_or(name);
        Some(at..at + name.len())
    }

    /// A word that looks like a personal name: a capital, then letters with at least one
    /// small one (so no acronyms), hyphens or apostrophes between letters, and not one of
    /// the capitalised words that follow a learner word in ordinary writing.
    fn name_word_at(&self, text: &str, at: usize) -> Option<Range<usize>> {
        let word = &text[at..];
        let first = word.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        let mut end = first.len_utf8();
        let mut letters = 1;
        let mut has_lowercase = false;
        let mut chars = word[end..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let joins = matches!(c, '-' | '\'' | '\u{2019}')
                && chars.peek().is_some_and(|(_, next)| next.is_alphabetic());
            if c.is_alphabetic() {
                letters += 1;
                has_lowercase |= c.is_lowercase();
            } else if !joins {
                break;
            }
            end = first.len_utf8() + offset + c.len_utf8();
        }
        let without_possessive = word[..end]
            .strip_suffix("'s")
            .or_else(|| word[..end].strip_suffix("\u{2019}s"))
            .unwrap_or(&word[..end]);
        let lower = without_possessive.to_lowercase();
        let looks_like_name = letters >= 2
            && has_lowercase
            && !self.not_names.contains(&lower)
            && !self.learner_cues.contains(&lower);
        looks_like_name.then_some(at..at + end)
    }
}

/// UK numbers start 01, 02, 03, 05, 07, 08 or 09 (04 and 06 are not used, which keeps
/// most ISBN-10s out).
const UK_PREFIXES: [&str; 7] = ["01", "02", "03", "05", "07", "08", "09"];

/// `(?:first|second|…)` with longer words first, so "student number" wins over "student",
/// and the space between words matching spaces or a hyphen ("student-number").
fn any_of_words(words: &[String]) -> String {
    let mut words: Vec<&String> = words.iter().collect();
    words.sort_by_key(|word| std::cmp::Reverse(word.len()));
    let alternatives: Vec<String> = words
        .iter()
        .map(|word| {
            word.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[ \t-]+")
        })
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

fn overlaps_any(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let first_ending_after = spans.partition_point(|span| span.end <= range.start);
    spans
        .get(first_ending_after)
        .is_some_and(|span| span.start < range.end)
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// A number starts here, not in the middle of a code, an amount or a longer number.
fn starts_a_number(text: &str, at: usize) -> bool {
    char_before(text, at).is_none_or(|c| !c.is_alphanumeric() && !"._/-+@£$€#%&=\\".contains(c))
}

/// A number ends here: nothing joined on that would make it a decimal, a range, a
/// percentage or part of an address.
fn ends_a_number(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    match rest.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || "/%".contains(c) => false,
        Some('.' | ',' | '-' | ':') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// ISBN-10s look like UK landlines (0198506732); the word before them says otherwise.
fn follows_a_book_number(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_ascii_lowercase();
    before.contains("isbn") || before.contains("issn")
}

/// Postcodes written without a space must be in capitals, and `2nd` and `4th` in small
/// letters are ordinals ("E3 2nd paragraph"), not the end of a postcode.
fn is_postcode(matched: &str) -> bool {
    let compact: String = matched.split_whitespace().collect();
    if compact.len() == matched.len() && compact.chars().any(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let inward = &compact[compact.len() - 3..];
    !matches!(&inward[1..], "st" | "nd" | "rd" | "th")
}

/// "Supporting Learners Through Padlet": a capitalised learner word after a capitalised
/// word on the same line is part of a title, where every word has a capital.
fn is_in_a_title(text: &str, cue_start: usize) -> bool {
    if !text[cue_start..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let before = text[..cue_start].trim_end_matches([' ', '\t']);
    if before.len() == cue_start {
        return false;
    }
    let previous_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    previous_word.starts_with(|c: char| c.is_uppercase())
}

/// After a learner word: a space, or one comma, colon or bracket and spaces ("the learner,
/// Tom"), on the same line. A full stop ends the sentence, and an apostrophe makes it
/// possessive ("Students' Union"), so neither is followed by a name.
fn skip_name_separator(text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut punctuation = 0;
    for c in text[at..].chars() {
        match c {
            ' ' | '\t' | '\u{a0}' => {}
            ',' | ':' | '(' if punctuation == 0 => punctuation += 1,
            _ => break,
        }
        end += c.len_utf8();
        if end - at > 4 {
            return None;
        }
    }
    (end > at).then_some(end)
}

fn ends_with_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_numbers_must_have_the_length_of_a_uk_number() {
        let phones = |text: &str| {
            find_personal_data(text)
                .into_iter()
                .map(|f| f.matched)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            phones("call 0161 496 00"),
            Vec::<String>::new(),
            "too short"
        );
        assert_eq!(
            phones("call 07700 900123 2024"),
            vec!["07700 900123"],
            "a year after the number is not part of it"
        );
        assert!(phones("0412 345 6789").is_empty(), "04 is not a UK prefix");
        assert_eq!(
            phones("ring 0161 496 0000 07700 900123"),
            vec!["0161 496 0000", "07700 900123"],
            "two numbers side by side are both found"
        );
        assert!(
            phones("ISBN 0198506732").is_empty(),
            "an ISBN-10 is not a landline"
        );
    }

    #[test]
    fn postcodes_need_capitals_without_a_space_and_are_not_ordinals() {
        assert!(is_postcode("SW1A1AA"));
        assert!(
            !is_postcode("sw1a1aa"),
            "small letters without a space are too often words"
        );
        assert!(is_postcode("sw1a 1aa"));
        assert!(
            !is_postcode("E3 2nd"),
            "an ordinal after an evidence number"
        );
        assert!(
            is_postcode("B33 8TH"),
            "8TH in capitals is a real inward code"
        );
    }

    #[test]
    fn titles_are_told_apart_from_sentences() {
        assert!(is_in_a_title("Supporting Learners Through Padlet", 11));
        assert!(!is_in_a_title("Student Priya said", 0));
        assert!(!is_in_a_title("feedback from Student Priya", 14));
    }
}
