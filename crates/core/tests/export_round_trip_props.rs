//! Property test: whatever a candidate writes (any Unicode, in any section, on any pathway)
//! and whatever files they attach (any name, any bytes), exporting as a zip or a folder and
//! opening the export again gives back exactly the same portfolio and the same files.

use cmalt_core::evidence::EvidenceSource;
use cmalt_core::export::reopen::open_bundle;
use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{LinkRequest, SectionPatch, Session};
use cmalt_core::store::EVIDENCE_DIR;
use proptest::prelude::*;
use std::sync::{Arc, LazyLock};

static FRAMEWORK: LazyLock<Arc<Framework>> =
    LazyLock::new(|| Arc::new(Framework::bundled().unwrap()));

fn pathway() -> impl Strategy<Value = PathwayId> {
    prop_oneof![
        Just(PathwayId::Associate),
        Just(PathwayId::Cmalt),
        Just(PathwayId::Senior)
    ]
}

fn section_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = FRAMEWORK.sections.iter().map(|s| s.id.clone()).collect();
    proptest::sample::select(ids)
}

/// An attached file: any name a candidate's file could have, with a common extension (which
/// decides how the export shows it), any bytes, any title.
fn attached_file() -> impl Strategy<Value = (String, Vec<u8>, String)> {
    (
        "\\PC{1,24}",
        proptest::sample::select(vec!["png", "pdf", "docx", "txt", "jpeg"]),
        proptest::collection::vec(any::<u8>(), 1..4_000),
        "\\PC{0,30}",
    )
        .prop_map(|(stem, extension, bytes, title)| (format!("{stem}.{extension}"), bytes, title))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn exporting_and_opening_again_gives_back_the_same_portfolio(
        pathway in pathway(),
        title in "\\PC{0,40}",
        name in "\\PC{1,30}",
        edits in proptest::collection::vec((section_id(), "\\PC{0,300}", "\\PC{0,300}", "\\PC{0,30}"), 1..4),
        files in proptest::collection::vec(attached_file(), 1..3),
        link_title in "\\PC{1,30}",
    ) {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("p");
        let now = time::macros::datetime!(2026-11-23 10:00 UTC);
        let portfolio = Portfolio::new(&title, &name, pathway, now);
        let mut session = Session::create(FRAMEWORK.clone(), &folder, portfolio).unwrap();
        for (section, description, reflection, topic) in edits {
            let patch = SectionPatch {
                section_id: section.clone(),
                description: Some(description),
                reflection: Some(reflection),
                topic: Some(topic),
                ..SectionPatch::default()
            };
            session.save_section(patch, now).unwrap();
        }
        for (index, (file_name, mut bytes, file_title)) in files.into_iter().enumerate() {
            // Distinct content, so each file is its own item.
            bytes.push(index as u8);
            session.attach_bytes(&file_name, &bytes, &file_title, &["1a".into()], now).unwrap();
        }
        let link = LinkRequest { url: "https://example.org/slides?q=1".into(), title: link_title };
        session.attach_link(link, &["1b".into()], now).unwrap();
        let written = session.portfolio().clone();

        for (format, target) in [(ExportFormat::Zip, "export.zip"), (ExportFormat::Folder, "export")] {
            let bundle = root.path().join(target);
            export::export(&FRAMEWORK, &folder, &written, &bundle, ExportOptions::new(format), now)
                .unwrap();
            let reopened_folder = root.path().join(format!("reopened from {target}"));
            let reopened = open_bundle(&bundle, &reopened_folder, &FRAMEWORK).unwrap();
            prop_assert_eq!(&reopened.portfolio, &written, "{:?} gives back the portfolio", format);
            let on_disk = cmalt_core::store::read_only(&reopened_folder).unwrap();
            prop_assert_eq!(&on_disk, &written, "{:?}: and so does the folder it became", format);
            for item in &written.evidence {
                if let EvidenceSource::File { stored_name, .. } = &item.source {
                    let original = std::fs::read(folder.join(EVIDENCE_DIR).join(stored_name)).unwrap();
                    let copy = std::fs::read(reopened_folder.join(EVIDENCE_DIR).join(stored_name)).unwrap();
                    prop_assert!(original == copy, "{:?}: {} comes back byte for byte", format, item.id);
                }
            }
        }
    }
}
