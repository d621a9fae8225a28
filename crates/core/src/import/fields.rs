//! Labelled lines of a draft read into fields: the preamble's `**Pathway:** CMALT` and
//! `Candidate:`, the confirmation's declaration, `Signed:` and `Date:`, and the nominated
//! assessor's name, organisation and email.

use super::dates::calendar_date;
use super::evidence_list::strip_list_marker;
use super::headings::normalise;
use crate::framework::PathwayId;
use crate::model::{Confirmation, NominatedAssessor};

/// `**Label:** value`, `**Label**: value`, `Label: value` (also as a list item): the label
/// in lower case and the value, when the label is a few words.
pub(super) fn labelled_line(line: &str) -> Option<(String, String)> {
    let line = normalise(line);
    let line = strip_list_marker(&line).unwrap_or(&line).trim();
    let (label, value) =
        if let Some(inner) = line.strip_prefix("**").or_else(|| line.strip_prefix("__")) {
            let end = inner.find("**").or_else(|| inner.find("__"))?;
            let (bold, after) = (&inner[..end], &inner[end + 2..]);
            match bold.strip_suffix(':') {
                Some(label) => (label.to_string(), after.to_string()),
                None => (bold.to_string(), after.strip_prefix(':')?.to_string()),
            }
        } else {
            let (label, value) = line.split_once(':')?;
            (label.to_string(), value.to_string())
        };
    let label = label.trim().to_lowercase();
    let words = label.split_whitespace().count();
    let plain_words = label
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-' | '\''));
    if !(1..=4).contains(&words) || !plain_words {
        return None;
    }
    let value = value
        .trim()
        .trim_end_matches('\\')
        .trim_matches(|c: char| matches!(c, '*' | '_') || c.is_whitespace())
        .to_string();
    Some((label, value))
}

/// A value that is only a blank to fill in (`________`, `[Name]`, `<date>`) is no value.
pub(super) fn filled_in(value: &str) -> Option<String> {
    let value = value.trim();
    let placeholder = (value.starts_with('[') && value.ends_with(']'))
        || (value.starts_with('<') && value.ends_with('>'));
    (!placeholder && value.chars().any(char::is_alphanumeric)).then(|| value.to_string())
}

/// The pathway a metadata line names: "Senior CMALT", "Associate", "CMALT".
pub(super) fn pathway_named(value: &str) -> Option<PathwayId> {
    let lower = value.to_lowercase();
    if lower.contains("senior") {
        Some(PathwayId::Senior)
    } else if lower.contains("associate") {
        Some(PathwayId::Associate)
    } else if lower.contains("cmalt") {
        Some(PathwayId::Cmalt)
    } else {
        None
    }
}

/// Lower-case words and digits only, so wording can be compared across quotes and breaks.
fn words_of(text: &str) -> Vec<String> {
    normalise(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn contains_sequence(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// What the confirmation section of a draft gave.
#[derive(Debug, Default)]
pub(super) struct ReadConfirmation {
    pub confirmation: Confirmation,
    /// The scheme's declaration is in the text word for word.
    pub declaration_present: bool,
    /// Lines that are neither the declaration nor a signature or date, with their number.
    pub leftover: Vec<(usize, String)>,
    pub notes: Vec<String>,
}

/// Reads the declaration, `Signed:` and `Date:`. The declaration is accepted when its
/// prescribed wording is there.
pub(super) fn read_confirmation(declaration: &str, lines: &[(usize, String)]) -> ReadConfirmation {
    let mut read = ReadConfirmation::default();
    let declaration_words = words_of(declaration);
    let all_words: Vec<String> = lines.iter().flat_map(|(_, line)| words_of(line)).collect();
    read.declaration_present = contains_sequence(&all_words, &declaration_words);
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        if let Some((label, value)) = labelled_line(line) {
            match label.as_str() {
                "signed" | "signature" | "signed by" | "name" | "print name" | "candidate"
                | "candidate name" => {
                    if let Some(name) = filled_in(&value) {
                        read.confirmation.signed_name = name;
                    }
                    continue;
                }
                "date" | "dated" | "date signed" => {
                    match filled_in(&value).map(|v| (calendar_date(&v), v)) {
                        Some((Some(date), _)) => read.confirmation.date = date,
                        Some((None, written)) => {
                            read.notes.push(format!(
                                "The confirmation's date \"{written}\" could not be read as a day; choose the date again in the app."
                            ));
                            read.leftover.push((*number, line.clone()));
                        }
                        None => {}
                    }
                    continue;
                }
                _ => {}
            }
        }
        let line_words = words_of(line);
        let part_of_declaration = read.declaration_present
            && (contains_sequence(&declaration_words, &line_words)
                || contains_sequence(&line_words, &declaration_words));
        if !part_of_declaration {
            read.leftover.push((*number, line.clone()));
        }
    }
    // The declaration written out word for word is the candidate accepting it; signing and
    // dating it are checked (and reported) on their own.
    read.confirmation.declaration_accepted = read.declaration_present;
    if !read.declaration_present && !lines.iter().all(|(_, l)| l.trim().is_empty()) {
        read.notes.push(
            "The draft's confirmation does not give the scheme's declaration word for word, so it is not marked as accepted: read and accept it in the app.".into(),
        );
    }
    read
}

/// What the nominated assessor section of a draft gave.
#[derive(Debug, Default)]
pub(super) struct ReadAssessor {
    pub assessor: Option<NominatedAssessor>,
    pub leftover: Vec<(usize, String)>,
}

/// The first email address in `text`, without `mailto:` or Markdown link syntax.
fn email_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | ','))
        .map(|token| {
            token
                .trim_start_matches("mailto:")
                .trim_end_matches(['.', ';'])
        })
        .find(|token| {
            token.contains('@')
                && token
                    .split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
        })
        .map(str::to_string)
}

/// Reads `Name:`, `Institution/Organisation:`, `Email:` and a statement that there is no
/// conflict of interest.
pub(super) fn read_assessor(lines: &[(usize, String)]) -> ReadAssessor {
    let mut assessor = NominatedAssessor::default();
    let mut leftover = Vec::new();
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        // The draft's word is kept for the candidate to confirm in the app, not taken as
        // the confirmation itself: that is theirs to give.
        if crate::draft_vocabulary::DraftVocabulary::bundled().says_no_conflict(line) {
            assessor.conflict_statement = normalise(line)
                .trim_start_matches(['-', '*', ' '])
                .replace("**", "")
                .trim()
                .to_string();
            continue;
        }
        if let Some((label, value)) = labelled_line(line) {
            let value = filled_in(&value).unwrap_or_default();
            let field = match label.as_str() {
                "name" | "assessor" | "assessor name" | "assessor's name"
                | "nominated assessor" | "full name" => Some(&mut assessor.name),
                "institution"
                | "organisation"
                | "organization"
                | "institution/organisation"
                | "institution/organization"
                | "organisation/institution"
                | "employer"
                | "institution or organisation" => Some(&mut assessor.organisation),
                "email" | "e-mail" | "email address" | "e-mail address" | "contact" => {
                    assessor.email = email_in(&value).unwrap_or(value);
                    continue;
                }
                _ => None,
            };
            if let Some(field) = field {
                *field = value;
                continue;
            }
        }
        match email_in(line) {
            Some(email) if assessor.email.is_empty() && line.split_whitespace().count() <= 3 => {
                assessor.email = email
            }
            _ => leftover.push((*number, line.clone())),
        }
    }
    let named = [&assessor.name, &assessor.organisation, &assessor.email]
        .iter()
        .any(|field| !field.trim().is_empty());
    ReadAssessor {
        assessor: named.then_some(assessor),
        leftover,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECLARATION: &str = "I declare that, to the best of my knowledge, the statements and evidence included in this submission accurately describe my practice and are drawn from my own work, with the input and support of others duly and clearly recognised.";

    fn numbered(lines: &[&str]) -> Vec<(usize, String)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    #[test]
    fn labels_are_read_bold_or_plain() {
        assert_eq!(
            labelled_line("**Pathway:** CMALT  "),
            Some(("pathway".into(), "CMALT".into()))
        );
        assert_eq!(
            labelled_line("- **Email**: a@b.example"),
            Some(("email".into(), "a@b.example".into()))
        );
        assert_eq!(
            labelled_line("Signed: Amara Whitcombe"),
            Some(("signed".into(), "Amara Whitcombe".into()))
        );
        assert_eq!(
            labelled_line("In 2024: we began"),
            None,
            "a sentence with a colon is no label"
        );
    }

    #[test]
    fn a_signed_declaration_is_accepted_and_dated() {
        let read = read_confirmation(
            DECLARATION,
            &numbered(&[
                "I declare that, to the best of my knowledge, the statements and evidence included in this submission",
                "accurately describe my practice and are drawn from my own work, with the input and support of others duly and clearly recognised.",
                "",
                "**Signed:** Amara Whitcombe",
                "Date: 14 March 2026",
            ]),
        );
        assert!(
            read.confirmation.declaration_accepted,
            "wording present and signed"
        );
        assert_eq!(read.confirmation.signed_name, "Amara Whitcombe");
        assert_eq!(read.confirmation.date, "2026-03-14");
        assert!(read.leftover.is_empty(), "{:?}", read.leftover);
    }

    #[test]
    fn an_unsigned_declaration_is_accepted_unsigned_and_a_reworded_one_not_at_all() {
        let unsigned = read_confirmation(
            DECLARATION,
            &numbered(&[DECLARATION, "Signed: ________", "Date:"]),
        );
        assert!(
            unsigned.confirmation.declaration_accepted,
            "the wording written out is the candidate's acceptance"
        );
        assert_eq!(
            unsigned.confirmation.signed_name, "",
            "a blank signature signs nothing"
        );
        assert_eq!(unsigned.confirmation.date, "");
        let reworded = read_confirmation(
            DECLARATION,
            &numbered(&["I confirm this is my work.", "Signed: Sam"]),
        );
        assert!(!reworded.confirmation.declaration_accepted);
        assert_eq!(
            reworded.leftover.len(),
            1,
            "the other wording is kept for the candidate"
        );
        assert_eq!(reworded.notes.len(), 1);
    }

    #[test]
    fn the_assessor_fields_and_a_conflict_statement() {
        let read = read_assessor(&numbered(&[
            "- **Name:** Dr Rowan Ellery",
            "- **Institution/Organisation:** Fenbridge College Group",
            "- **Email:** [r.ellery@fenbridge.example](mailto:r.ellery@fenbridge.example)",
            "Rowan is not my line manager and has no conflict of interest.",
        ]));
        let assessor = read.assessor.expect("an assessor is named");
        assert_eq!(assessor.name, "Dr Rowan Ellery");
        assert_eq!(assessor.organisation, "Fenbridge College Group");
        assert_eq!(assessor.email, "r.ellery@fenbridge.example");
        assert!(
            !assessor.no_conflict_confirmed,
            "the draft's statement is for the candidate to confirm in the app"
        );
        assert_eq!(
            assessor.conflict_statement,
            "Rowan is not my line manager and has no conflict of interest."
        );
        assert!(
            read_assessor(&numbered(&["Name: ____", "Email:"]))
                .assessor
                .is_none(),
            "an empty template names nobody"
        );
    }
}
