//! A snapshot read in the window: each section that holds words, numbered and titled as the
//! outline names it, its body drawn by the export's renderer (topic, parts, `[E3]` links,
//! evidence list), so what the window shows of a kept version is what its export shows.

use super::SnapshotListing;
use crate::export::html::section_body_html;
use crate::framework::Framework;
use crate::model::Portfolio;
use crate::outline::outline;
use serde::Serialize;

/// One section of a snapshot, rendered for reading.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SnapshotSection {
    pub id: String,
    /// "2b An understanding of…": the number the scheme gives it, then its title.
    pub heading: String,
    /// Sanitised HTML, as in the export.
    pub html: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SnapshotView {
    pub info: SnapshotListing,
    pub title: String,
    pub sections: Vec<SnapshotSection>,
}

/// The snapshot's sections with text, in outline order, then those its pathway had set aside.
pub fn snapshot_view(
    framework: &Framework,
    info: SnapshotListing,
    portfolio: &Portfolio,
) -> SnapshotView {
    let shape = outline(framework, portfolio);
    let entries = shape
        .groups
        .iter()
        .flat_map(|group| group.entries.iter())
        .chain(shape.kept_aside.iter());
    let sections = entries
        .filter(|entry| portfolio.section(&entry.id).is_some_and(|e| e.has_text()))
        .map(|entry| SnapshotSection {
            id: entry.id.clone(),
            heading: match &entry.number {
                Some(number) if !entry.title.starts_with(number.as_str()) => {
                    format!("{number} {}", entry.title)
                }
                _ => entry.title.clone(),
            },
            html: section_body_html(framework, portfolio, entry),
        })
        .collect();
    SnapshotView {
        info,
        title: portfolio.display_title(),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::PathwayId;
    use time::OffsetDateTime;

    #[test]
    fn a_snapshot_reads_as_its_export_with_numbers_topics_and_references() {
        let framework = Framework::bundled().unwrap();
        let mut portfolio =
            Portfolio::new("Mine", "Sam", PathwayId::Cmalt, OffsetDateTime::UNIX_EPOCH);
        let entry = portfolio.section_mut("3a");
        entry.topic = "The Equality Act 2010".into();
        entry.description = "I audited our courses [E1].".into();
        let info = crate::versions::SnapshotInfo {
            id: "20261201-100000".into(),
            label: String::new(),
            taken_at: OffsetDateTime::UNIX_EPOCH,
            submitted: false,
            pathway: PathwayId::Cmalt,
            submission_window: None,
        };
        let clock = crate::local_time::LocalClock::with_rule(
            OffsetDateTime::UNIX_EPOCH,
            "GMT0BST,M3.5.0/1,M10.5.0",
        )
        .unwrap();
        let view = snapshot_view(&framework, info.listed(&clock), &portfolio);
        assert_eq!(view.info.name, "Snapshot, kept 1 January 1970 at 00:00");
        assert_eq!(view.sections.len(), 1, "only sections with words are shown");
        let section = &view.sections[0];
        assert!(section.heading.starts_with("3a "), "{}", section.heading);
        assert!(
            section.html.contains("The Equality Act 2010"),
            "the topic is shown: {}",
            section.html
        );
        assert!(
            !section.html.contains("<h4>Topic</h4>"),
            "under the framework's own label, not \"Topic\""
        );
        assert!(section.html.contains("E1"), "{}", section.html);
    }
}
