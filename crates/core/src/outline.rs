//! What the sidebar shows for a portfolio on its pathway: which sections are in it, in
//! which group, how far each one is written, and what a change of pathway would do.

use crate::framework::{AreaKindId, Framework, PathwayId, Requirement, SectionInfo, SectionKind};
use crate::markdown::count_markdown_words;
use crate::model::{NominatedAssessor, Portfolio, SectionEntry};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    Empty,
    InProgress,
    Complete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct OutlineEntry {
    pub id: String,
    pub title: String,
    pub number: Option<String>,
    pub kind: SectionKind,
    /// Written as a Description and a Reflection (assessed sections and areas), as opposed
    /// to one statement or a form: the editor, the principles and the self-assessment ask.
    pub two_parts: bool,
    pub group: String,
    pub required: bool,
    pub status: SectionStatus,
    pub topic: String,
    /// Only the last area of a kind, beyond the pathway's minimum, can be removed, so
    /// the others keep their numbers.
    pub removable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct OutlineGroup {
    pub id: String,
    pub title: String,
    pub entries: Vec<OutlineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Outline {
    pub groups: Vec<OutlineGroup>,
    /// Sections with text that the current pathway leaves out: kept, and back if it returns.
    pub kept_aside: Vec<OutlineEntry>,
    pub can_add: Vec<AreaKindId>,
    pub completed: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SectionRef {
    pub id: String,
    pub title: String,
    pub has_text: bool,
}

/// What switching pathway would change in the sidebar. Nothing is ever deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PathwayChange {
    pub from: PathwayId,
    pub to: PathwayId,
    pub appearing: Vec<SectionRef>,
    pub leaving: Vec<SectionRef>,
}

/// A section of the pathway, before its status is worked out.
struct Member<'f> {
    id: String,
    info: SectionInfo<'f>,
    required: bool,
}

/// The sections `pathway` shows for this portfolio, in framework order: the listed ones the
/// pathway includes, then any further areas the candidate added that the pathway allows.
fn members<'f>(
    framework: &'f Framework,
    portfolio: &Portfolio,
    pathway: PathwayId,
) -> Vec<Member<'f>> {
    let mut members: Vec<Member<'f>> = framework
        .sections_of(pathway)
        .map(|section| Member {
            id: section.id.clone(),
            info: SectionInfo::Listed(section),
            required: section.requirement(pathway) == Some(Requirement::Required),
        })
        .collect();
    let pathway_data = framework.pathway(pathway);
    for id in portfolio.sections.keys() {
        if members.iter().any(|m| &m.id == id) {
            continue;
        }
        let Some(info) = framework.section(id) else {
            continue;
        };
        let Some(kind) = info.kind().area_kind() else {
            continue;
        };
        let count = pathway_data.area_count(kind);
        if count.max == Some(0) {
            continue;
        }
        members.push(Member {
            id: id.clone(),
            info,
            required: ordinal_of(&info, framework) <= count.min,
        });
    }
    // Keep areas in their numeric order, after the listed sections of their group.
    let group_order = |group: &str| framework.groups.iter().position(|g| g.id == group);
    members.sort_by_key(|m| {
        (
            group_order(group_of(&m.info)),
            area_sort_key(framework, &m.id),
        )
    });
    members
}

fn group_of<'f>(info: &SectionInfo<'f>) -> &'f str {
    match info {
        SectionInfo::Listed(section) => &section.group,
        SectionInfo::Added { area, .. } => &area.group,
    }
}

/// Position of an area among its kind (1-based); 0 for sections that are not areas.
fn ordinal_of(info: &SectionInfo<'_>, framework: &Framework) -> usize {
    match info {
        SectionInfo::Added { ordinal, .. } => *ordinal,
        SectionInfo::Listed(section) => section
            .kind
            .area_kind()
            .and_then(|kind| framework.area_kind(kind).ordinal_of(&section.id))
            .unwrap_or(0),
    }
}

/// Sorts listed sections by their place in the data and areas by their number.
fn area_sort_key(framework: &Framework, id: &str) -> (usize, usize) {
    match framework.sections.iter().position(|s| s.id == id) {
        Some(position) => (position, 0),
        None => match framework.section(id) {
            Some(info) => (usize::MAX, ordinal_of(&info, framework)),
            None => (usize::MAX, usize::MAX),
        },
    }
}

/// How far a section is written. Evidence and the finer rules belong to the checklist.
pub fn section_status(framework: &Framework, portfolio: &Portfolio, id: &str) -> SectionStatus {
    let Some(info) = framework.section(id) else {
        return SectionStatus::Empty;
    };
    let empty = SectionEntry::default();
    let entry = portfolio.section(id).unwrap_or(&empty);
    let filled = |text: &str| !text.trim().is_empty();
    let status_of = |parts: &[bool]| match (parts.iter().all(|p| *p), parts.iter().any(|p| *p)) {
        (true, _) => SectionStatus::Complete,
        (false, true) => SectionStatus::InProgress,
        (false, false) => SectionStatus::Empty,
    };
    match info.kind() {
        SectionKind::Statement => {
            if !filled(&entry.description) {
                return SectionStatus::Empty;
            }
            let range = match info {
                SectionInfo::Listed(section) => section.words,
                SectionInfo::Added { .. } => None,
            };
            match range {
                Some(range) => {
                    let words = count_markdown_words(&entry.description);
                    if (range.min..=range.max).contains(&words) {
                        SectionStatus::Complete
                    } else {
                        SectionStatus::InProgress
                    }
                }
                None => SectionStatus::Complete,
            }
        }
        SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
            let needs_topic = match info {
                SectionInfo::Listed(section) => framework.guidance_for(section).topic.is_some(),
                SectionInfo::Added { area, .. } => area.topic.is_some(),
            };
            let mut parts = vec![filled(&entry.description), filled(&entry.reflection)];
            if needs_topic {
                parts.push(filled(&entry.topic));
            }
            // Words are counted only for a section with every part written: the only one
            // the word guide can still hold back from complete.
            let within_reach = || {
                let narrative = count_markdown_words(&entry.description)
                    + count_markdown_words(&entry.reflection);
                narrative * 100
                    >= framework.narrative_words.min
                        * framework
                            .narrative_words_warning
                            .complete_from_percent_of_min
            };
            match status_of(&parts) {
                SectionStatus::Complete if !within_reach() => SectionStatus::InProgress,
                status => status,
            }
        }
        SectionKind::Confirmation => {
            let confirmation = &portfolio.confirmation;
            status_of(&[
                confirmation.declaration_accepted,
                filled(&confirmation.signed_name),
                filled(&confirmation.date),
            ])
        }
        SectionKind::Assessor => match &portfolio.assessor {
            None => SectionStatus::Empty,
            Some(NominatedAssessor {
                name,
                organisation,
                email,
                no_conflict_confirmed,
                ..
            }) => status_of(&[
                filled(name),
                filled(organisation),
                email.contains('@'),
                *no_conflict_confirmed,
            ]),
        },
    }
}

fn entry_for(
    framework: &Framework,
    portfolio: &Portfolio,
    member: &Member<'_>,
    removable: bool,
) -> OutlineEntry {
    let number = match member.info {
        SectionInfo::Listed(section) => section.number.clone(),
        SectionInfo::Added { area, .. } => {
            (area.id_style == crate::framework::IdStyle::Letter).then(|| member.id.clone())
        }
    };
    OutlineEntry {
        id: member.id.clone(),
        title: member.info.title(),
        number,
        kind: member.info.kind(),
        two_parts: member.info.kind().has_description_and_reflection(),
        group: group_of(&member.info).to_string(),
        required: member.required,
        status: section_status(framework, portfolio, &member.id),
        topic: portfolio
            .section(&member.id)
            .map(|entry| entry.topic.trim().to_string())
            .unwrap_or_default(),
        removable,
    }
}

/// The sidebar for the portfolio's own pathway.
pub fn outline(framework: &Framework, portfolio: &Portfolio) -> Outline {
    let pathway = framework.pathway(portfolio.pathway);
    let members = members(framework, portfolio, portfolio.pathway);

    let removable_id = |kind: AreaKindId| {
        members
            .iter()
            .filter(|m| m.info.kind().area_kind() == Some(kind))
            .max_by_key(|m| ordinal_of(&m.info, framework))
            .filter(|m| ordinal_of(&m.info, framework) > pathway.area_count(kind).min)
            .map(|m| m.id.clone())
    };
    let removable: Vec<String> = [AreaKindId::Specialist, AreaKindId::Advanced]
        .into_iter()
        .filter_map(removable_id)
        .collect();

    let mut groups: Vec<OutlineGroup> = Vec::new();
    for member in &members {
        let entry = entry_for(framework, portfolio, member, removable.contains(&member.id));
        match groups.last_mut() {
            Some(group) if group.id == entry.group => group.entries.push(entry),
            _ => {
                let title = framework
                    .groups
                    .iter()
                    .find(|g| g.id == entry.group)
                    .map(|g| g.title.clone())
                    .unwrap_or_default();
                groups.push(OutlineGroup {
                    id: entry.group.clone(),
                    title,
                    entries: vec![entry],
                });
            }
        }
    }

    let kept_aside = portfolio
        .sections
        .iter()
        .filter(|(id, entry)| entry.has_text() && !members.iter().any(|m| &m.id == *id))
        .filter_map(|(id, _)| {
            let info = framework.section(id)?;
            let member = Member {
                id: id.clone(),
                info,
                required: false,
            };
            Some(entry_for(framework, portfolio, &member, false))
        })
        .collect();

    let can_add = [AreaKindId::Specialist, AreaKindId::Advanced]
        .into_iter()
        .filter(|kind| pathway.area_count(*kind).max != Some(0))
        .collect();

    let required: Vec<&OutlineEntry> = groups
        .iter()
        .flat_map(|g| &g.entries)
        .filter(|e| e.required)
        .collect();
    Outline {
        completed: required
            .iter()
            .filter(|e| e.status == SectionStatus::Complete)
            .count(),
        total: required.len(),
        groups,
        kept_aside,
        can_add,
    }
}

/// Which sections appear and which leave the sidebar if the pathway becomes `to`.
pub fn pathway_change(
    framework: &Framework,
    portfolio: &Portfolio,
    to: PathwayId,
) -> PathwayChange {
    let before = members(framework, portfolio, portfolio.pathway);
    let after = members(framework, portfolio, to);
    let reference = |member: &Member<'_>| SectionRef {
        id: member.id.clone(),
        title: member.info.title(),
        has_text: match member.info.kind() {
            SectionKind::Confirmation | SectionKind::Assessor => false,
            _ => portfolio
                .section(&member.id)
                .is_some_and(SectionEntry::has_text),
        },
    };
    PathwayChange {
        from: portfolio.pathway,
        to,
        appearing: after
            .iter()
            .filter(|a| !before.iter().any(|b| b.id == a.id))
            .map(reference)
            .collect(),
        leaving: before
            .iter()
            .filter(|b| !after.iter().any(|a| a.id == b.id))
            .map(reference)
            .collect(),
    }
}

/// The id the next area of `kind` would take: one past the highest shown or kept.
pub fn next_area_id(framework: &Framework, portfolio: &Portfolio, kind: AreaKindId) -> String {
    let area = framework.area_kind(kind);
    let highest_listed = framework
        .sections_of(portfolio.pathway)
        .filter_map(|s| area.ordinal_of(&s.id))
        .max()
        .unwrap_or(0);
    let highest_written = portfolio
        .sections
        .keys()
        .filter_map(|id| area.ordinal_of(id))
        .max()
        .unwrap_or(0);
    area.section_id(highest_listed.max(highest_written) + 1)
}

/// Whether `id` is the area the outline lets the candidate remove.
pub fn is_removable(framework: &Framework, portfolio: &Portfolio, id: &str) -> bool {
    outline(framework, portfolio)
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .any(|e| e.id == id && e.removable)
}
