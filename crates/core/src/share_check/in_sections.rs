//! The share check of the sections' text: every part the export shows, read once for the
//! personal data in its words, the links it makes and the pictures it has.

use super::part_text::PartText;
use super::{Finding, Found, kind_in_words, times};
use crate::checklist::{Fix, ProblemCode, TextPlace, section_name};
use crate::find::{TextPart, excerpt, part_label};
use crate::framework::{Framework, SectionKind};
use crate::link_check::{LinkFindingKind, check_link, proprietary_format};
use crate::model::{AgreedFinding, AgreedKind, Portfolio};
use crate::outline::{OutlineEntry, outline};
use crate::personal_data::{PersonalDataKind, find_personal_data};
use std::collections::HashMap;

/// The parts of a section the export shows, by its kind: statements are one text.
pub(super) fn parts_shown(kind: SectionKind) -> &'static [TextPart] {
    match kind {
        SectionKind::Statement => &[TextPart::Description],
        SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => &[
            TextPart::Topic,
            TextPart::Description,
            TextPart::Reflection,
            TextPart::References,
        ],
        // The declaration and the assessor's details are forms, not the candidate's text.
        SectionKind::Confirmation | SectionKind::Assessor => &[],
    }
}

pub(super) fn check(framework: &Framework, portfolio: &Portfolio, found: &mut Found) {
    let outline = outline(framework, portfolio);
    for entry in outline.groups.iter().flat_map(|group| &group.entries) {
        let Some(section) = portfolio.section(&entry.id) else {
            continue;
        };
        for &part in parts_shown(entry.kind) {
            let markdown = part.of(section);
            if markdown.trim().is_empty() {
                continue;
            }
            let text = PartText::read(markdown, part);
            let place = Place::new(entry, part);
            personal_data(&text, &place, found);
            links(&text, &place, found);
            pictures(&text, &place, found);
        }
    }
}

/// One part of one section, as messages and ids name it.
struct Place {
    section: String,
    part: TextPart,
    /// "Section 1a, Description".
    words: String,
    /// "section:1a:description".
    id: String,
}

impl Place {
    fn new(entry: &OutlineEntry, part: TextPart) -> Place {
        let part_name = serde_json::to_value(part)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default();
        Place {
            section: entry.id.clone(),
            part,
            words: place_in_words(entry, part),
            id: format!("section:{}:{part_name}", entry.id),
        }
    }

    fn finding(&self, code: ProblemCode, text: &str, message: String) -> Finding {
        Finding {
            code,
            section: Some(self.section.clone()),
            evidence: None,
            place: self.id.clone(),
            text: text.to_string(),
            message,
            passage: None,
            fix: None,
            agree: None,
        }
    }
}

/// "Section 1a, Description"; a statement is one text, so its name alone says where.
pub(super) fn place_in_words(entry: &OutlineEntry, part: TextPart) -> String {
    if entry.two_parts {
        format!(
            "{}, {}",
            section_name(entry),
            part_label(part, entry.two_parts)
        )
    } else {
        section_name(entry)
    }
}

/// What the candidate can do about personal data found in their own words.
pub(super) fn advice(kind: PersonalDataKind, can_redact: bool) -> String {
    let replacement = kind.replacement();
    let (instead, agree) = match kind {
        PersonalDataKind::Email => (
            format!("If it is not yours to share, replace it with “{replacement}”"),
            "if it is (your own work address, say), mark it as fine to share",
        ),
        PersonalDataKind::Phone => (
            format!("Unless assessors should have this number, replace it with “{replacement}”"),
            "if it is your organisation's, mark it as fine to share",
        ),
        PersonalDataKind::Postcode => (
            format!("A postcode can show where someone lives: replace it with “{replacement}”"),
            "if it is your organisation's, mark it as fine to share",
        ),
        PersonalDataKind::StudentId => (
            format!("A student number identifies a learner: replace it with “{replacement}”"),
            "if it is not a real learner's, mark it as fine to share",
        ),
        PersonalDataKind::LearnerName => (
            format!(
                "Assessors should not be able to tell who your learners are: replace the name with “{replacement}” or a made-up one"
            ),
            "if it is not a learner's real name, or they have agreed, mark it as fine to share",
        ),
    };
    if can_redact {
        format!("{instead}; {agree}.")
    } else {
        format!(
            "{instead} (change it in the text yourself: it runs across formatting or sits in a link, which the app does not change for you); {agree}."
        )
    }
}

fn personal_data(text: &PartText, place: &Place, found: &mut Found) {
    let findings = find_personal_data(&text.visible);
    // One finding per passage: redacting replaces it wherever it is in this text.
    let mut counts: HashMap<(PersonalDataKind, &str), usize> = HashMap::new();
    for finding in &findings {
        *counts.entry((finding.kind, &finding.matched)).or_default() += 1;
    }
    for finding in &findings {
        let Some(count) = counts.remove(&(finding.kind, finding.matched.as_str())) else {
            continue;
        };
        let redactable = findings
            .iter()
            .filter(|f| f.kind == finding.kind && f.matched == finding.matched)
            .all(|f| text.source_of(&f.range).is_some());
        let agreed = AgreedFinding {
            kind: finding.kind.into(),
            text: finding.matched.clone(),
        };
        let message = format!(
            "{}: “{}” looks like {}{}. {}",
            place.words,
            finding.matched,
            kind_in_words(finding.kind),
            times(count, "in this text"),
            advice(finding.kind, redactable)
        );
        let mut problem = place.finding(ProblemCode::PersonalDataInText, &finding.matched, message);
        problem.passage = Some(excerpt(&text.visible, finding.range.clone()));
        problem.fix = redactable.then(|| Fix::Redact {
            place: TextPlace::Section {
                section: place.section.clone(),
                part: place.part,
            },
            personal_data: finding.kind,
            text: finding.matched.clone(),
            replacement: finding.kind.replacement().to_string(),
            label: format!("Replace with “{}”", finding.kind.replacement()),
        });
        problem.agree = Some(agreed);
        found.push(problem);
    }
    // An email address in a mailto: link is in the export as much as one in the words.
    for address in text
        .links
        .iter()
        .filter_map(|link| link.strip_prefix("mailto:"))
    {
        for finding in find_personal_data(address) {
            if finding.kind != PersonalDataKind::Email {
                continue;
            }
            let message = format!(
                "{}: a link writes to “{}”, which goes out with the portfolio. If it is not yours to share, take the link out or change it in the text; if it is, mark it as fine to share.",
                place.words, finding.matched
            );
            let mut problem =
                place.finding(ProblemCode::PersonalDataInText, &finding.matched, message);
            problem.agree = Some(AgreedFinding {
                kind: AgreedKind::Email,
                text: finding.matched,
            });
            found.push(problem);
        }
    }
}

fn links(text: &PartText, place: &Place, found: &mut Found) {
    for address in &text.links {
        // A link within the page (`#…`) and an email link are not addresses to open.
        if address.starts_with('#') {
            continue;
        }
        let agree = || AgreedFinding {
            kind: AgreedKind::Link,
            text: address.clone(),
        };
        for finding in check_link(address) {
            let (code, message) = match finding.kind {
                LinkFindingKind::Malformed => (
                    ProblemCode::LinkMalformed,
                    format!(
                        "{}: the link “{address}” will not open for an assessor. {} {}",
                        place.words, finding.reason, finding.advice
                    ),
                ),
                LinkFindingKind::NeedsSignIn => (
                    ProblemCode::LinkNeedsSignIn,
                    format!(
                        "{}: the link to {} ({address}) may ask assessors to sign in. {} {}",
                        place.words,
                        finding.service.as_deref().unwrap_or("this site"),
                        finding.reason,
                        finding.advice
                    ),
                ),
                LinkFindingKind::PrivateAddress => (
                    ProblemCode::LinkNeedsSignIn,
                    format!(
                        "{}: the link {address} will not open for an assessor. {} {}",
                        place.words, finding.reason, finding.advice
                    ),
                ),
            };
            let mut problem = place.finding(code, address, message);
            problem.agree = Some(agree());
            found.push(problem);
        }
        if let Some(format) = linked_format(address) {
            let message = format!(
                "{}: the link {address} opens a {} file, which an assessor may not be able to open: {} opens anywhere. {}",
                place.words, format.format, format.open_alternative, format.advice
            );
            let mut problem = place.finding(ProblemCode::ProprietaryFormat, address, message);
            problem.agree = Some(AgreedFinding {
                kind: AgreedKind::Format,
                text: address.clone(),
            });
            found.push(problem);
        }
    }
}

/// The format advice for a web link that ends in a file name (`…/slides.pptx`).
pub(super) fn linked_format(address: &str) -> Option<crate::link_check::FormatAdvice> {
    let parsed = url::Url::parse(address.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let last = parsed.path_segments()?.next_back()?;
    proprietary_format(last)
}

/// A picture written into the text (`![…](photo.png)`, from an imported draft): the export
/// shows neither it nor its words (pictures reach assessors as evidence), so whatever its
/// brackets say, an assessor gets nothing where it stands.
fn pictures(text: &PartText, place: &Place, found: &mut Found) {
    for picture in &text.pictures {
        let described = match picture.alt.trim() {
            "" => String::new(),
            alt => format!("“{alt}”, "),
        };
        let message = format!(
            "{}: a picture ({described}{}) is written into the text, where the exported portfolio shows nothing of it, not even its description. Attach it as evidence, say what it shows, and cite it here instead.",
            place.words, picture.address
        );
        found.push(place.finding(
            ProblemCode::ImageWithoutTextAlternative,
            &picture.address,
            message,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_names_the_replacement_and_the_other_choice() {
        let advice = advice(PersonalDataKind::LearnerName, true);
        assert!(advice.contains("“[learner]”"), "{advice}");
        assert!(advice.contains("mark it as fine to share"), "{advice}");
        assert!(
            super::advice(PersonalDataKind::Email, false).contains("yourself"),
            "a passage the app cannot replace says who must"
        );
    }

    #[test]
    fn only_web_links_to_a_file_are_judged_by_its_format() {
        assert_eq!(
            linked_format("https://example.org/files/slides.PPTX").map(|f| f.extension),
            Some("pptx".to_string())
        );
        assert!(linked_format("https://example.org/slides").is_none());
        assert!(linked_format("mailto:a@b.org").is_none());
    }
}
