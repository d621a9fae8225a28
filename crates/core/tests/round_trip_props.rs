//! Property test: whatever a candidate types (any Unicode, any length, in any section, on
//! any pathway), saving and opening again gives back exactly the same portfolio.

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{SectionPatch, Session};
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn saving_and_opening_gives_back_every_word(
        pathway in pathway(),
        title in "\\PC{0,40}",
        edits in proptest::collection::vec((section_id(), "\\PC{0,300}", "\\PC{0,300}", "\\PC{0,30}"), 1..8),
    ) {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("p");
        let now = time::macros::datetime!(2026-11-23 10:00 UTC);
        let portfolio = Portfolio::new(&title, "Sam", pathway, now);
        let mut session = Session::create(FRAMEWORK.clone(), &folder, portfolio).unwrap();
        for (section, description, reflection, topic) in edits {
            let patch = SectionPatch {
                section_id: section,
                description: Some(description),
                reflection: Some(reflection),
                topic: Some(topic),
                ..SectionPatch::default()
            };
            session.save_section(patch, now).unwrap();
        }
        let written = session.portfolio().clone();
        drop(session);
        let reopened = Session::open(FRAMEWORK.clone(), &folder).unwrap();
        prop_assert_eq!(reopened.portfolio(), &written);
    }
}
