//! Rules for one section at a time: its parts and topic, the evidence it cites, its length,
//! the `[E7]` references in its text, and the declaration and assessor details.

use super::suggestions::Readings;
use super::{Found, ProblemCode, filled, section_name};
use crate::evidence::EvidenceItem;
use crate::evidence::refs::references_in;
use crate::framework::{Framework, SectionInfo, SectionKind, Topic, WordRange};
use crate::markdown::count_markdown_words;
use crate::model::{Portfolio, SectionEntry};
use crate::outline::OutlineEntry;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What the checklist reports about a section's size.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct SectionCounts {
    pub description_words: usize,
    pub reflection_words: usize,
    pub evidence_count: usize,
}

/// Stands in for a section the portfolio has never written to.
static NOTHING_WRITTEN: SectionEntry = SectionEntry {
    topic: String::new(),
    description: String::new(),
    reflection: String::new(),
    references: String::new(),
    citations: Vec::new(),
    principles: BTreeSet::new(),
};

/// The section as the rules see it, gathered once.
struct Under<'a> {
    framework: &'a Framework,
    portfolio: &'a Portfolio,
    entry: &'a OutlineEntry,
    info: SectionInfo<'a>,
    text: &'a SectionEntry,
    /// "Section 1a", "Future plans".
    name: String,
}

pub(super) fn check_section<'p>(
    framework: &'p Framework,
    portfolio: &'p Portfolio,
    library: &HashMap<&str, &EvidenceItem>,
    entry: &'p OutlineEntry,
    cited: &mut HashSet<&'p str>,
    found: &mut Found,
    readings: &mut Readings,
) -> SectionCounts {
    let Some(info) = framework.section(&entry.id) else {
        return SectionCounts::default();
    };
    let under = Under {
        framework,
        portfolio,
        entry,
        info,
        text: portfolio.section(&entry.id).unwrap_or(&NOTHING_WRITTEN),
        name: section_name(entry),
    };
    match entry.kind {
        SectionKind::Statement => check_statement(&under, library, found),
        SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
            check_narrative(&under, library, cited, found, readings)
        }
        SectionKind::Confirmation => {
            check_confirmation(&under, found);
            SectionCounts::default()
        }
        SectionKind::Assessor => {
            check_assessor(&under, found);
            SectionCounts::default()
        }
    }
}

/// The contextual statement and future plans: one text, sometimes with a word range.
fn check_statement(
    under: &Under<'_>,
    library: &HashMap<&str, &EvidenceItem>,
    found: &mut Found,
) -> SectionCounts {
    let id = Some(under.entry.id.as_str());
    let text = &under.text.description;
    if !filled(text) {
        if under.entry.required {
            found.error(
                id,
                ProblemCode::MissingSection,
                format!(
                    "{} is not written yet. {} needs it: write it before you submit.",
                    under.name,
                    pathway_name(under)
                ),
            );
        }
        return SectionCounts::default();
    }
    let words = count_markdown_words(text);
    if let Some(range) = words_range(&under.info)
        && !(range.min..=range.max).contains(&words)
    {
        let advice = if words < range.min {
            "add to it"
        } else {
            "shorten it to what matters most"
        };
        found.error(
            id,
            ProblemCode::WordsOutOfRange,
            format!(
                "{} is {words} words long; it should be between {} and {} words, so {advice}.",
                under.name, range.min, range.max
            ),
        );
    }
    check_text_references(under, library, [text.as_str()], found);
    SectionCounts {
        description_words: words,
        ..SectionCounts::default()
    }
}

/// Core areas, specialist and advanced areas: Description, Reflection, topic and evidence.
fn check_narrative<'p>(
    under: &Under<'p>,
    library: &HashMap<&str, &EvidenceItem>,
    cited: &mut HashSet<&'p str>,
    found: &mut Found,
    readings: &mut Readings,
) -> SectionCounts {
    let id = Some(under.entry.id.as_str());
    let text = under.text;
    let counts = SectionCounts {
        description_words: count_markdown_words(&text.description),
        reflection_words: count_markdown_words(&text.reflection),
        evidence_count: check_citations(under, library, cited, found),
    };
    let started = text.has_text() || !text.citations.is_empty();
    if !started {
        // An optional area left empty is simply not part of the submission.
        if under.entry.required {
            found.error(
                id,
                ProblemCode::MissingSection,
                format!(
                    "{} is not written yet. {} needs it: add a {}, a {} and the evidence that backs them up.",
                    under.name,
                    pathway_name(under),
                    parts(under).description.label,
                    parts(under).reflection.label,
                ),
            );
        }
        return counts;
    }

    let parts = parts(under);
    let has_description = filled(&text.description);
    let has_reflection = filled(&text.reflection);
    if !has_description {
        found.error(
            id,
            ProblemCode::MissingDescription,
            format!(
                "{} has no {} yet. {}",
                under.name, parts.description.label, parts.description.hint
            ),
        );
    }
    if !has_reflection {
        found.error(
            id,
            ProblemCode::MissingReflection,
            format!(
                "{} has no {} yet. {}",
                under.name, parts.reflection.label, parts.reflection.hint
            ),
        );
    }
    if let Some(topic) = topic_of(&under.info, under.framework)
        && !filled(&text.topic)
    {
        match readings.of(&under.entry.id, text).topic_for(&under.entry.id) {
            Some(named) => found.suggest(
                id,
                ProblemCode::TopicSuggested,
                format!(
                    "{}'s writing names {named}, but its “{}” is not filled in. Use that as the topic, or write your own, so assessors know what the section is about.",
                    under.name, topic.label
                ),
                super::Fix::UseTopic {
                    section: under.entry.id.clone(),
                    label: format!("Use “{named}”"),
                    topic: named,
                },
            ),
            None => found.error(
                id,
                ProblemCode::MissingTopic,
                format!(
                    "{} does not name its topic yet. Fill in “{}”, so assessors know what the section is about.",
                    under.name, topic.label
                ),
            ),
        }
    }
    if is_assessed(&under.info) && counts.evidence_count == 0 {
        found.error(
            id,
            ProblemCode::MissingEvidence,
            format!(
                "{} cites no evidence yet. Cite at least one item from your evidence library. {}",
                under.name, parts.evidence.hint
            ),
        );
    }
    // A 6,000-word Description is long whether or not a Reflection follows it.
    if (has_description || has_reflection) && is_assessed(&under.info) {
        check_length(under, counts, found);
    }
    check_text_references(
        under,
        library,
        [text.description.as_str(), text.reflection.as_str()],
        found,
    );
    counts
}

/// Counts the distinct library items a section cites, noting them as cited, and warns of
/// citations whose item has gone.
fn check_citations<'p>(
    under: &Under<'p>,
    library: &HashMap<&str, &EvidenceItem>,
    cited: &mut HashSet<&'p str>,
    found: &mut Found,
) -> usize {
    let mut seen: Vec<&str> = Vec::with_capacity(under.text.citations.len());
    for citation in &under.text.citations {
        let evidence_id = citation.evidence_id.as_str();
        if seen.contains(&evidence_id) {
            continue;
        }
        seen.push(evidence_id);
        if library.contains_key(evidence_id) {
            cited.insert(evidence_id);
        } else {
            found.warning(
                Some(&under.entry.id),
                ProblemCode::UnknownCitation,
                format!(
                    "{} cites {evidence_id}, which is not in your evidence library. Remove the citation, or add the item again.",
                    under.name
                ),
            );
        }
    }
    seen.iter().filter(|id| library.contains_key(*id)).count()
}

/// Warnings about the narrative's length against the guide, and a thin reflection.
fn check_length(under: &Under<'_>, counts: SectionCounts, found: &mut Found) {
    let id = Some(under.entry.id.as_str());
    let framework = under.framework;
    let guide = framework.narrative_words;
    let narrative = counts.description_words + counts.reflection_words;
    let parts = parts(under);
    let (description, reflection) = (&parts.description.label, &parts.reflection.label);
    let far = crate::word_guide::far_from_guide(framework, narrative);
    if far == Some(crate::word_guide::FarFromGuide::Below) {
        found.warning(
            id,
            ProblemCode::NarrativeFarFromGuide,
            format!(
                "{}'s {description} and {reflection} come to {narrative} words, far below the guide of about {}–{} words. There is no fixed minimum, but assessors may not find enough to judge: say more about what you did and what you learned.",
                under.name, guide.min, guide.max
            ),
        );
    } else if far == Some(crate::word_guide::FarFromGuide::Above) {
        found.warning(
            id,
            ProblemCode::NarrativeFarFromGuide,
            format!(
                "{}'s {description} and {reflection} come to {narrative} words, far above the guide of about {}–{} words. There is no fixed limit, but a shorter section is easier to assess: keep the examples that show your practice best.",
                under.name, guide.min, guide.max
            ),
        );
    }
    let thin = framework.thin_reflection;
    if counts.description_words >= thin.from_description_words
        && counts.reflection_words * 100
            < counts.description_words * thin.below_percent_of_description
    {
        found.warning(
            id,
            ProblemCode::ThinReflection,
            format!(
                "{}'s {reflection} ({} words) is much shorter than its {description} ({} words). Thin reflection is the most common reason portfolios are sent back: say what you learned, what you would do differently, and what difference it made to learners and your organisation.",
                under.name, counts.reflection_words, counts.description_words
            ),
        );
    }
}

/// Warns of `[E7]` in the text when the library has no E7, once per id and section.
fn check_text_references<'t>(
    under: &Under<'_>,
    library: &HashMap<&str, &EvidenceItem>,
    texts: impl IntoIterator<Item = &'t str>,
    found: &mut Found,
) {
    let mut reported: Vec<&str> = Vec::new();
    for text in texts {
        for evidence_id in references_in(text) {
            if library.contains_key(evidence_id) || reported.contains(&evidence_id) {
                continue;
            }
            reported.push(evidence_id);
            found.warning(
                Some(&under.entry.id),
                ProblemCode::UnknownEvidenceReference,
                format!(
                    "{} refers to [{evidence_id}], but there is no item {evidence_id} in your evidence library. Add the item, or correct the reference.",
                    under.name
                ),
            );
        }
    }
}

fn check_confirmation(under: &Under<'_>, found: &mut Found) {
    let confirmation = &under.portfolio.confirmation;
    let started = confirmation.declaration_accepted
        || filled(&confirmation.signed_name)
        || filled(&confirmation.date);
    if !under.entry.required && !started {
        return;
    }
    let id = Some(under.entry.id.as_str());
    if !confirmation.declaration_accepted {
        found.error(
            id,
            ProblemCode::DeclarationNotAccepted,
            "The declaration is not accepted yet. Read it and tick to accept it: the scheme needs it signed before you submit.".into(),
        );
    }
    if !filled(&confirmation.signed_name) {
        found.error(
            id,
            ProblemCode::DeclarationNotSigned,
            "The declaration is not signed yet. Type your name where it says “Signed”.".into(),
        );
    }
    let date = confirmation.date.trim();
    if date.is_empty() {
        found.error(
            id,
            ProblemCode::DeclarationNotDated,
            "The declaration has no date yet. Add the date you sign it.".into(),
        );
    } else if crate::dates::parse_iso_date(date).is_none() {
        found.error(
            id,
            ProblemCode::DeclarationNotDated,
            format!("The declaration's date, “{date}”, is not a date. Choose the date again."),
        );
    }
}

/// The nominated assessor is optional; once nominated, the details must be complete.
fn check_assessor(under: &Under<'_>, found: &mut Found) {
    let Some(assessor) = &under.portfolio.assessor else {
        return;
    };
    let id = Some(under.entry.id.as_str());
    if !filled(&assessor.name) {
        found.error(
            id,
            ProblemCode::AssessorMissingName,
            "Your nominated assessor has no name yet. Add it, or remove the nomination: it is optional.".into(),
        );
    }
    if !filled(&assessor.organisation) {
        found.error(
            id,
            ProblemCode::AssessorMissingOrganisation,
            "Add your nominated assessor's institution or organisation.".into(),
        );
    }
    let email = assessor.email.trim();
    if email.is_empty() {
        found.error(
            id,
            ProblemCode::AssessorInvalidEmail,
            "Add your nominated assessor's email address.".into(),
        );
    } else if !looks_like_email(email) {
        found.error(
            id,
            ProblemCode::AssessorInvalidEmail,
            format!(
                "“{email}” does not look like an email address. Check your nominated assessor's address."
            ),
        );
    }
    if !assessor.no_conflict_confirmed && !assessor.conflict_statement.trim().is_empty() {
        found.suggest(
            id,
            ProblemCode::AssessorConflictSuggested,
            format!(
                "Your draft says of your nominated assessor: “{}”. Confirm there is no conflict of interest: they are not your line manager, nor someone you line-manage.",
                assessor.conflict_statement.trim()
            ),
            super::Fix::ConfirmNoConflict {
                label: "Confirm: no conflict of interest".into(),
            },
        );
    } else if !assessor.no_conflict_confirmed {
        found.error(
            id,
            ProblemCode::AssessorConflictNotConfirmed,
            "Confirm that your nominated assessor has no conflict of interest: they must not be your line manager, nor someone you line-manage.".into(),
        );
    }
}

/// One @, no spaces, and a domain with a dot between non-empty parts.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
}

fn pathway_name<'a>(under: &Under<'a>) -> &'a str {
    &under.framework.pathway(under.portfolio.pathway).name
}

fn parts<'a>(under: &Under<'a>) -> &'a crate::framework::Parts {
    &under.framework.parts
}

fn words_range(info: &SectionInfo<'_>) -> Option<WordRange> {
    match info {
        SectionInfo::Listed(section) => section.words,
        SectionInfo::Added { .. } => None,
    }
}

fn is_assessed(info: &SectionInfo<'_>) -> bool {
    match info {
        SectionInfo::Listed(section) => section.assessed,
        // Added areas are more specialist or advanced areas, which are always assessed.
        SectionInfo::Added { .. } => true,
    }
}

/// The topic a section must name: its own (3a, 3b) or its area kind's.
fn topic_of<'a>(info: &SectionInfo<'a>, framework: &'a Framework) -> Option<&'a Topic> {
    match info {
        SectionInfo::Listed(section) => match section.kind.area_kind() {
            Some(kind) => framework.area_kind(kind).topic.as_ref(),
            None => section.topic.as_ref(),
        },
        SectionInfo::Added { area, .. } => area.topic.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_need_one_at_a_dotted_domain_and_no_spaces() {
        assert!(looks_like_email("r.ellery@fenbridge.example"));
        assert!(looks_like_email("ana+cmalt@uni.ac.uk"));
        for bad in [
            "rowan",
            "rowan@",
            "@fenbridge.example",
            "rowan@localhost",
            "rowan@fen@bridge.example",
            "rowan ellery@fenbridge.example",
            "rowan@fenbridge.",
            "rowan@.example",
        ] {
            assert!(!looks_like_email(bad), "{bad} must not pass as an email");
        }
    }
}
