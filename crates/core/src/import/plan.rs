//! From a draft read into sections to the portfolio it will become: the pathway (given,
//! stated in the draft, or inferred), one evidence item per distinct E-number, file or link
//! with the draft's numbers kept, and the section texts with their references filled in.

use super::evidence_list::{ListedEvidence, ListedSource};
use super::fields::{self, pathway_named};
use super::markdown::{DraftSection, ParsedDraft, Unplaced, item_mark};
use super::report::NotPlaced;
use super::{DraftKind, EmbeddedImage};
use crate::evidence::{EvidenceDetails, EvidenceItem};
use crate::framework::{Framework, PathwayId, SectionInfo, SectionKind};
use crate::markdown::count_markdown_words;
use crate::model::{Candidate, Citation, Confirmation, NominatedAssessor};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the pathway of the import came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PathwayChoice {
    /// Chosen by the candidate for this import.
    Given,
    /// Named in the draft (`**Pathway:** CMALT`).
    Stated,
    /// Worked out from the sections the draft has.
    Inferred,
}

/// A section of the new portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSection {
    pub id: String,
    /// The heading as the draft wrote it, and its line.
    pub heading: String,
    pub line: usize,
    pub topic: String,
    pub description: String,
    pub reflection: String,
    pub references: String,
    pub citations: Vec<Citation>,
    /// Words of the confirmation or assessor text that were read into fields.
    pub field_words: usize,
}

/// Where an item's content will come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlannedSource {
    /// A file named in the draft, relative to the draft's folder.
    File(String),
    /// A checked http(s) address.
    Link(String),
    /// The n-th image embedded in the Word document.
    Embedded(usize),
    /// An address that is not a web address; kept for the candidate to correct.
    BadLink(String),
    /// The draft names no file and no link.
    Nothing,
}

/// An evidence item of the new portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedItem {
    pub number: u32,
    pub details: EvidenceDetails,
    pub source: PlannedSource,
}

impl PlannedItem {
    pub fn id(&self) -> String {
        EvidenceItem::id_for(self.number)
    }
}

/// A draft read and mapped, ready to be written as a new portfolio.
#[derive(Debug, Clone)]
pub struct DraftImport {
    pub kind: DraftKind,
    /// The draft's file name, for the report.
    pub source_name: String,
    /// Where files the draft names are looked for.
    pub source_folder: Option<PathBuf>,
    pub title: String,
    pub candidate: Candidate,
    pub pathway: PathwayId,
    pub pathway_choice: PathwayChoice,
    /// Why this pathway, in words for the report.
    pub pathway_reason: String,
    /// In the order the draft has them.
    pub sections: Vec<PlannedSection>,
    /// In number order.
    pub evidence: Vec<PlannedItem>,
    pub confirmation: Confirmation,
    pub assessor: Option<NominatedAssessor>,
    pub not_placed: Vec<NotPlaced>,
    /// Things the candidate should know: a repeated section, an E-number used twice...
    pub notes: Vec<String>,
    pub headings_recognised: usize,
    pub images: Vec<EmbeddedImage>,
}

impl DraftImport {
    pub(super) fn plan(
        framework: &Framework,
        parsed: ParsedDraft,
        kind: DraftKind,
        source_folder: Option<&Path>,
        pathway: Option<PathwayId>,
        images: Vec<EmbeddedImage>,
    ) -> DraftImport {
        let mut notes = parsed.notes;
        let mut unplaced: Vec<Unplaced> = parsed.unplaced;
        let mut confirmation = Confirmation::default();
        let mut assessor = None;
        let mut field_words: BTreeMap<String, usize> = BTreeMap::new();
        for section in &parsed.sections {
            if section.repeated {
                notes.push(format!(
                    "The draft has the heading of section {} more than once; its parts were joined in order.",
                    section.id
                ));
            }
            let leftover = match section.id.as_str() {
                "confirmation" => {
                    let read = fields::read_confirmation(&framework.declaration, &section.body);
                    confirmation = read.confirmation;
                    notes.extend(read.notes);
                    read.leftover
                }
                "assessor" => {
                    let read = fields::read_assessor(&section.body);
                    assessor = read.assessor;
                    read.leftover
                }
                _ => continue,
            };
            let all: usize = section
                .body
                .iter()
                .map(|(_, l)| count_markdown_words(l))
                .sum();
            let left: usize = leftover.iter().map(|(_, l)| count_markdown_words(l)).sum();
            field_words.insert(section.id.clone(), all.saturating_sub(left));
            if let Some((line, _)) = leftover.first() {
                unplaced.push(Unplaced {
                    heading: Some(section.heading.clone()),
                    line: *line,
                    text: leftover
                        .iter()
                        .map(|(_, l)| l.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    reason: format!("in the {} section, but not one of its fields", section.id),
                });
            }
        }

        let (mut evidence, item_ids) = plan_evidence(&parsed.sections, &mut notes);
        for item in &mut evidence {
            if let PlannedSource::Embedded(index) = item.source
                && let Some(image) = images.get(index)
                && !image.caption.is_empty()
                && item.details.title == format!("Image {}", index + 1)
            {
                item.details.title.clone_from(&image.caption);
            }
        }
        let sections = parsed
            .sections
            .iter()
            .zip(&item_ids)
            .map(|(section, ids)| planned_section(section, ids, &field_words))
            .collect::<Vec<_>>();

        let (title, candidate, stated) =
            read_preamble(&parsed.title, &parsed.fields, &confirmation);
        let present: Vec<&str> = sections
            .iter()
            .filter(|s| {
                !s.description.trim().is_empty()
                    || !s.reflection.trim().is_empty()
                    || !s.citations.is_empty()
            })
            .map(|s| s.id.as_str())
            .collect();
        let (pathway, pathway_choice, pathway_reason) = match (pathway, stated) {
            (Some(given), _) => (
                given,
                PathwayChoice::Given,
                "chosen for this import".to_string(),
            ),
            (None, Some((stated, written))) => (
                stated,
                PathwayChoice::Stated,
                format!("the draft says “Pathway: {written}”"),
            ),
            (None, None) => {
                let (inferred, reason) = infer_pathway(framework, &present);
                (inferred, PathwayChoice::Inferred, reason)
            }
        };

        if parsed.recognised == 0 {
            notes.push(
                "No heading in the draft names a CMALT section, so everything is kept in “not placed”: copy each part into its section in the app.".into(),
            );
        }
        let mut not_placed: Vec<NotPlaced> =
            unplaced.into_iter().map(NotPlaced::from_unplaced).collect();
        not_placed.sort_by_key(|n| n.line);

        DraftImport {
            kind,
            source_name: "draft".into(),
            source_folder: source_folder.map(Path::to_path_buf),
            title,
            candidate,
            pathway,
            pathway_choice,
            pathway_reason,
            sections,
            evidence,
            confirmation,
            assessor,
            not_placed,
            notes,
            headings_recognised: parsed.recognised,
            images,
        }
    }
}

fn planned_section(
    section: &DraftSection,
    item_ids: &[String],
    field_words: &BTreeMap<String, usize>,
) -> PlannedSection {
    let with_references = |text: &str| {
        let mut text = text.to_string();
        for (index, id) in item_ids.iter().enumerate() {
            text = text.replace(&item_mark(index), &format!("[{id}]"));
        }
        text
    };
    let mut citations: Vec<Citation> = Vec::new();
    for (listing, id) in section.evidence.iter().zip(item_ids) {
        if !citations.iter().any(|c| &c.evidence_id == id) {
            citations.push(Citation {
                evidence_id: id.clone(),
                note: listing.note.clone(),
            });
        }
    }
    PlannedSection {
        id: section.id.clone(),
        heading: section.heading.clone(),
        line: section.line,
        topic: section.topic.clone(),
        description: with_references(&section.description),
        reflection: with_references(&section.reflection),
        references: section.references.clone(),
        citations,
        field_words: field_words.get(&section.id).copied().unwrap_or(0),
    }
}

/// One listing gathered into an item, with the sections that list it.
struct Gathered {
    number: Option<u32>,
    key: Option<String>,
    listing: ListedEvidence,
}

/// What identifies a file or link across sections, however its path is written.
fn source_key(source: &ListedSource) -> Option<String> {
    match source {
        ListedSource::File(path) => Some(format!(
            "file:{}",
            path.trim()
                .replace('\\', "/")
                .trim_start_matches("./")
                .to_lowercase()
        )),
        ListedSource::Link(url) => Some(format!("link:{}", url.trim().trim_end_matches('/'))),
        ListedSource::Embedded(index) => Some(format!("image:{index}")),
        ListedSource::Nothing => None,
    }
}

fn same_title(a: &ListedEvidence, b: &ListedEvidence) -> bool {
    let norm = |t: &str| super::headings::normalise(t).to_lowercase();
    !a.title.trim().is_empty() && norm(&a.title) == norm(&b.title)
}

/// The distinct items of the draft, numbered (the draft's E-numbers kept, the rest after the
/// highest), and for each section the item id of each of its listings.
fn plan_evidence(
    sections: &[DraftSection],
    notes: &mut Vec<String>,
) -> (Vec<PlannedItem>, Vec<Vec<String>>) {
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut positions: Vec<Vec<usize>> = Vec::new();
    for section in sections {
        let mut section_positions = Vec::new();
        for listing in &section.evidence {
            let key = source_key(&listing.source);
            let mut number = listing.number;
            let mut found = None;
            if let Some(n) = number
                && let Some(at) = gathered.iter().position(|g| g.number == Some(n))
            {
                let compatible =
                    key.is_none() || gathered[at].key.is_none() || gathered[at].key == key;
                if compatible {
                    found = Some(at);
                } else {
                    notes.push(format!(
                        "E{n} is used for two different items (in section {} it names another file or link); the second is imported under a new number.",
                        section.id
                    ));
                    number = None;
                }
            }
            if found.is_none()
                && key.is_some()
                && let Some(at) = gathered.iter().position(|g| g.key == key)
            {
                if let (Some(ours), Some(theirs)) = (number, gathered[at].number)
                    && ours != theirs
                {
                    notes.push(format!(
                        "E{ours} in section {} names the same file or link as E{theirs}, so they are one item, E{theirs}.",
                        section.id
                    ));
                }
                found = Some(at);
            }
            if found.is_none() && number.is_none() && key.is_none() {
                found = gathered.iter().position(|g| {
                    g.key.is_none() && g.number.is_none() && same_title(&g.listing, listing)
                });
            }
            let at = match found {
                Some(at) => {
                    merge(&mut gathered[at], listing, number, key);
                    at
                }
                None => {
                    gathered.push(Gathered {
                        number,
                        key,
                        listing: listing.clone(),
                    });
                    gathered.len() - 1
                }
            };
            section_positions.push(at);
        }
        positions.push(section_positions);
    }

    let mut next = gathered.iter().filter_map(|g| g.number).max().unwrap_or(0) + 1;
    let numbers: Vec<u32> = gathered
        .iter()
        .map(|g| {
            g.number.unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    let mut items: Vec<PlannedItem> = gathered
        .iter()
        .zip(&numbers)
        .map(|(g, number)| planned_item(*number, &g.listing, notes))
        .collect();
    items.sort_by_key(|item| item.number);
    let ids = positions
        .iter()
        .map(|section| {
            section
                .iter()
                .map(|at| EvidenceItem::id_for(numbers[*at]))
                .collect()
        })
        .collect();
    (items, ids)
}

/// A later listing of the same item fills in what the first left out.
fn merge(
    gathered: &mut Gathered,
    listing: &ListedEvidence,
    number: Option<u32>,
    key: Option<String>,
) {
    if gathered.number.is_none() {
        gathered.number = number;
    }
    if gathered.key.is_none() && key.is_some() {
        gathered.key = key;
        gathered.listing.source = listing.source.clone();
    }
    let first = &mut gathered.listing;
    for (mine, theirs) in [
        (&mut first.title, &listing.title),
        (&mut first.date, &listing.date),
        (&mut first.origin, &listing.origin),
        (&mut first.what_it_shows, &listing.what_it_shows),
        (
            &mut first.still_relevant_because,
            &listing.still_relevant_because,
        ),
    ] {
        if mine.trim().is_empty() {
            mine.clone_from(theirs);
        }
    }
}

fn planned_item(number: u32, listing: &ListedEvidence, notes: &mut Vec<String>) -> PlannedItem {
    let source = match &listing.source {
        ListedSource::File(path) => PlannedSource::File(path.clone()),
        ListedSource::Embedded(index) => PlannedSource::Embedded(*index),
        ListedSource::Nothing => PlannedSource::Nothing,
        ListedSource::Link(url) => {
            let with_scheme = if url.starts_with("www.") {
                format!("https://{url}")
            } else {
                url.clone()
            };
            match crate::session::check_link(&with_scheme) {
                Ok(url) => PlannedSource::Link(url),
                Err(_) => {
                    notes.push(format!(
                        "E{number}'s link “{url}” is not a web address; correct it in the evidence library."
                    ));
                    PlannedSource::BadLink(url.clone())
                }
            }
        }
    };
    PlannedItem {
        number,
        details: EvidenceDetails {
            title: listing.title.clone(),
            date: listing.date.clone(),
            origin: listing.origin.clone(),
            what_it_shows: listing.what_it_shows.clone(),
            // Only the candidate can confirm that: the app asks.
            permission_confirmed: false,
            still_relevant_because: listing.still_relevant_because.clone(),
        },
        source,
    }
}

/// The title, the candidate and a stated pathway from the lines before the first section.
fn read_preamble(
    title: &str,
    fields: &[(String, String)],
    confirmation: &Confirmation,
) -> (String, Candidate, Option<(PathwayId, String)>) {
    let mut candidate = Candidate::default();
    let mut title = title.to_string();
    let mut stated = None;
    for (label, value) in fields {
        match label.as_str() {
            "pathway" => stated = pathway_named(value).map(|p| (p, value.clone())),
            "candidate" => {
                // "Name, Role, Organisation" as the sample writes it.
                let parts: Vec<&str> = value.split(", ").map(str::trim).collect();
                candidate.name = parts[0].to_string();
                match parts.len() {
                    1 => {}
                    2 => candidate.organisation = parts[1].to_string(),
                    _ => {
                        candidate.role = parts[1].to_string();
                        candidate.organisation = parts[2..].join(", ");
                    }
                }
            }
            "name" | "candidate name" => candidate.name = value.clone(),
            "role" | "job title" => candidate.role = value.clone(),
            "organisation" | "organization" | "institution" | "employer" => {
                candidate.organisation = value.clone()
            }
            "title" => title = value.clone(),
            _ => {}
        }
    }
    if candidate.name.is_empty() {
        candidate.name = confirmation.signed_name.clone();
    }
    (title, candidate, stated)
}

/// True when `pathway` has room for the section `id`.
pub(super) fn in_pathway(framework: &Framework, id: &str, pathway: PathwayId) -> bool {
    match framework.section(id) {
        Some(SectionInfo::Listed(section)) if section.kind.area_kind().is_none() => {
            section.requirement(pathway).is_some()
        }
        Some(info) => {
            let Some(kind) = info.kind().area_kind() else {
                return false;
            };
            let ordinal = framework.area_kind(kind).ordinal_of(id).unwrap_or(1);
            framework
                .pathway(pathway)
                .area_count(kind)
                .max
                .is_none_or(|max| ordinal <= max)
        }
        None => false,
    }
}

/// The pathway a draft's sections point to: an advanced area means Senior CMALT; anything
/// beyond Associate's sections (a specialist area, 1c, 2b, 3b) means CMALT.
fn infer_pathway(framework: &Framework, present: &[&str]) -> (PathwayId, String) {
    let kind = |id: &str| framework.section(id).map(|info| info.kind());
    let list = |ids: Vec<&str>| ids.join(", ");
    let advanced: Vec<&str> = present
        .iter()
        .copied()
        .filter(|id| kind(id) == Some(SectionKind::Advanced))
        .collect();
    if !advanced.is_empty() {
        let specialist = present
            .iter()
            .filter(|id| kind(id) == Some(SectionKind::Specialist))
            .count();
        return (
            PathwayId::Senior,
            format!(
                "inferred: the draft has an advanced area ({}) and {specialist} specialist area(s), which only Senior CMALT includes",
                list(advanced)
            ),
        );
    }
    let beyond_associate: Vec<&str> = present
        .iter()
        .copied()
        .filter(|id| !in_pathway(framework, id, PathwayId::Associate))
        .collect();
    if !beyond_associate.is_empty() {
        return (
            PathwayId::Cmalt,
            format!(
                "inferred: the draft has {}, which Associate CMALT does not include",
                list(beyond_associate)
            ),
        );
    }
    (
        PathwayId::Associate,
        "inferred: every section of the draft is one Associate CMALT includes".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::bundled().expect("the bundled framework loads")
    }

    #[test]
    fn the_pathway_follows_the_sections() {
        let framework = framework();
        assert_eq!(
            infer_pathway(&framework, &["1a", "1b", "4"]).0,
            PathwayId::Associate
        );
        assert_eq!(infer_pathway(&framework, &["1a", "2b"]).0, PathwayId::Cmalt);
        assert_eq!(infer_pathway(&framework, &["1a", "5a"]).0, PathwayId::Cmalt);
        assert_eq!(
            infer_pathway(&framework, &["5a", "5b", "advanced-1"]).0,
            PathwayId::Senior
        );
    }

    #[test]
    fn one_item_per_number_or_file_and_new_numbers_after_the_highest() {
        let framework = framework();
        let draft = super::super::import_markdown(
            &framework,
            "## 1a Constraints\n\n### Evidence\n\n- **E3 Report** (2025-03) — shows it; file: r.pdf\n- A plain link https://example.org/x\n\n## 1b Technical\n\n### Evidence\n\n- E3 Report again; file: ./r.pdf\n- **E7 Guide** — the guide; link: https://example.org/guide\n",
            None,
            None,
        );
        let ids: Vec<String> = draft.evidence.iter().map(PlannedItem::id).collect();
        assert_eq!(
            ids,
            ["E3", "E7", "E8"],
            "E3 once, the unnumbered link after E7"
        );
        let cited = |id: &str| -> Vec<String> {
            draft
                .sections
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .citations
                .iter()
                .map(|c| c.evidence_id.clone())
                .collect()
        };
        assert_eq!(cited("1a"), ["E3", "E8"]);
        assert_eq!(cited("1b"), ["E3", "E7"]);
    }
}
