//! "Before you share" through the public API, with real files: what would expose a learner
//! or the candidate (in the text, in evidence files, in a photo's details), links and formats
//! that would fail ALT's first check, pictures without a text alternative; and the one-click
//! fixes (redact, agree, clean a photo), each refused when no longer offered and all or
//! nothing when the save fails.

mod share_support;

use cmalt_core::checklist::{EvidenceField, Fix, Problem, ProblemCode, TextPlace};
use cmalt_core::evidence::EvidenceSource;
use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::find::TextPart;
use cmalt_core::model::{AgreedFinding, AgreedKind};
use cmalt_core::personal_data::PersonalDataKind;
use cmalt_core::session::{SectionPatch, Session};
use cmalt_core::share_check::{EvidenceTextCache, check_before_sharing};
use share_support::*;
use std::io::Read;
use std::path::Path;
use time::macros::datetime;

fn with_code(problems: &[Problem], code: ProblemCode) -> Vec<&Problem> {
    problems.iter().filter(|p| p.code == code).collect()
}

/// The one finding whose passage is `matched`.
fn about<'p>(problems: &'p [Problem], matched: &str) -> &'p Problem {
    let found: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.passage.as_ref().is_some_and(|x| x.matched == matched))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one finding about {matched:?} expected, got {problems:#?}"
    );
    found[0]
}

const DESCRIPTION_1A: &str = "I built the quiz with my student **Priya Shah**, who wrote to me from priya.shah2009@gmail.com and again from priya.shah2009@gmail.com.\n\nThe helpdesk is on 0161 496 0000.";

#[test]
fn personal_data_in_the_text_is_found_with_its_passage_and_an_id() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(&folder, "1a", DESCRIPTION_1A);
    let mut session = open(&folder);
    let problems = session.before_sharing();

    let email = about(&problems, "priya.shah2009@gmail.com");
    assert_eq!(email.code, ProblemCode::PersonalDataInText);
    assert_eq!(email.section.as_deref(), Some("1a"), "it names its section");
    assert!(
        email.message.starts_with("Section 1a, Description:") && email.message.contains("twice"),
        "the message says where and how often: {}",
        email.message
    );
    let passage = email.passage.as_ref().unwrap();
    assert!(
        passage.before.ends_with("wrote to me from "),
        "the passage shows the words before it: {passage:?}"
    );
    assert!(matches!(
        &email.fix,
        Some(Fix::Redact { replacement, personal_data: PersonalDataKind::Email, .. }) if replacement == "[email address]"
    ));
    assert!(matches!(
        &email.agree,
        Some(Fix::AgreeFinding { agreed, .. }) if agreed.kind == AgreedKind::Email
    ));
    let name = about(&problems, "Priya Shah");
    assert!(
        name.message.contains("a learner's name"),
        "{}",
        name.message
    );
    about(&problems, "0161 496 0000");

    let id = email.id.clone().expect("a finding has an id");
    assert_eq!(id.len(), 10);
    let again = session.before_sharing();
    assert_eq!(
        about(&again, "priya.shah2009@gmail.com").id.as_ref(),
        Some(&id),
        "the same finding keeps its id from one check to the next"
    );
}

#[test]
fn dates_money_versions_and_evidence_numbers_are_not_taken_for_personal_data() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(
        &folder,
        "1b",
        "On 12/03/2024 the licence cost £1,250 (about $1,600) for Moodle 4.1.2, as [E3] and [E12] show. \
         The 2023-24 cohort of 120 students used version 10.2.3; see ISBN 0198506732, \
         doi:10.1000/182 and https://example.org/report/07700900123. Students Union Room 2.14.",
    );
    let mut session = open(&folder);
    let found: Vec<Problem> = session
        .before_sharing()
        .into_iter()
        .filter(|p| p.code == ProblemCode::PersonalDataInText)
        .collect();
    assert!(
        found.is_empty(),
        "none of these are personal data: {found:#?}"
    );
}

#[test]
fn redacting_replaces_every_copy_of_the_passage_and_nothing_around_it() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(&folder, "1a", DESCRIPTION_1A);
    let mut session = open(&folder);
    let problems = session.before_sharing();
    for matched in ["priya.shah2009@gmail.com", "Priya Shah"] {
        let fix = about(&problems, matched).fix.clone().unwrap();
        session
            .apply_fix(&fix, TODAY, datetime!(2026-05-04 09:10 UTC))
            .expect("the redaction applies");
    }
    let text = &session.portfolio().sections["1a"].description;
    assert_eq!(
        text,
        "I built the quiz with my student **\\[learner\\]**, who wrote to me from \\[email address\\] and again from \\[email address\\].\n\nThe helpdesk is on 0161 496 0000.",
        "both copies of the address go, the bold stays, the other number is the candidate's to decide"
    );
    assert_eq!(
        cmalt_core::markdown::render(text).html,
        "<p>I built the quiz with my student <strong>[learner]</strong>, who wrote to me from [email address] and again from [email address].</p>\n<p>The helpdesk is on 0161 496 0000.</p>\n",
        "the reader sees the replacement as it is written"
    );
    let saved = load(&folder);
    assert_eq!(
        &saved.sections["1a"].description, text,
        "the redaction is saved"
    );
    let after = session.before_sharing();
    assert!(
        after
            .iter()
            .all(|p| p.passage.as_ref().is_none_or(|x| x.matched != "Priya Shah")),
        "a redacted passage is not reported again"
    );
}

#[test]
fn a_passage_in_an_evidence_items_description_is_redacted_there() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let id = put_link(&folder, "https://example.org/quiz", "Quiz results");
    let mut portfolio = load(&folder);
    portfolio.evidence[0].details.what_it_shows =
        "Scores of my learner Tom Baker, ID: S1234567, after the change".into();
    store(&folder, &portfolio);
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let student = about(&problems, "S1234567");
    assert_eq!(student.evidence.as_deref(), Some(id.as_str()));
    assert_eq!(student.items, vec![id.clone()]);
    let Some(Fix::Redact { place, .. }) = &student.fix else {
        panic!("an item's description can be redacted: {student:#?}");
    };
    assert_eq!(
        place,
        &TextPlace::Evidence {
            evidence: id.clone(),
            field: EvidenceField::WhatItShows
        }
    );
    let fix = student.fix.clone().unwrap();
    session.apply_fix(&fix, TODAY, NOW).unwrap();
    assert_eq!(
        session.portfolio().evidence[0].details.what_it_shows,
        "Scores of my learner Tom Baker, ID: [student ID], after the change",
        "the library's fields are plain text: the replacement is written as it is"
    );
}

#[test]
fn a_fix_the_check_no_longer_offers_is_refused_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(&folder, "1a", DESCRIPTION_1A);
    let mut session = open(&folder);
    let fix = about(&session.before_sharing(), "0161 496 0000")
        .fix
        .clone()
        .unwrap();
    session
        .save_section(
            SectionPatch {
                section_id: "1a".into(),
                description: Some("All rewritten, no number left.".into()),
                ..SectionPatch::default()
            },
            NOW,
        )
        .unwrap();
    let before = session.portfolio().clone();
    let refused = session.apply_fix(&fix, TODAY, NOW);
    assert!(
        refused.is_err(),
        "the passage is gone, so the fix no longer applies"
    );
    assert_eq!(session.portfolio(), &before);

    let invented = Fix::Redact {
        place: TextPlace::Section {
            section: "1a".into(),
            part: TextPart::Description,
        },
        personal_data: PersonalDataKind::Email,
        text: "rewritten".into(),
        replacement: "[email address]".into(),
        label: "Replace".into(),
    };
    assert!(
        session.apply_fix(&invented, TODAY, NOW).is_err(),
        "a redaction the check never offered is refused, so no word can be replaced by a made-up fix"
    );
    assert_eq!(session.portfolio(), &before);
}

/// Saving fails: `portfolio.json` cannot be replaced (a folder stands in its place).
fn break_saving(folder: &Path) {
    std::fs::remove_file(folder.join("portfolio.json")).unwrap();
    std::fs::create_dir(folder.join("portfolio.json")).unwrap();
}

#[test]
fn a_redaction_or_agreement_that_cannot_be_saved_changes_nothing_in_memory() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(&folder, "1a", DESCRIPTION_1A);
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let email = about(&problems, "priya.shah2009@gmail.com");
    let (redact, agree) = (email.fix.clone().unwrap(), email.agree.clone().unwrap());
    let before = session.portfolio().clone();
    break_saving(&folder);
    assert!(session.apply_fix(&redact, TODAY, NOW).is_err());
    assert_eq!(
        session.portfolio(),
        &before,
        "a failed save leaves the text as it was"
    );
    assert!(session.apply_fix(&agree, TODAY, NOW).is_err());
    assert_eq!(
        session.portfolio(),
        &before,
        "a failed save leaves no agreement behind"
    );
}

#[test]
fn an_agreed_finding_is_not_reported_again_wherever_the_same_text_is() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(
        &folder,
        "1a",
        "Questions to me at Sam.Example@college.ac.uk, please.",
    );
    let mut session = open(&folder);
    let agree = about(&session.before_sharing(), "Sam.Example@college.ac.uk")
        .agree
        .clone()
        .unwrap();
    session.apply_fix(&agree, TODAY, NOW).unwrap();
    assert_eq!(
        load(&folder).share_check_agreed,
        vec![AgreedFinding {
            kind: AgreedKind::Email,
            text: "Sam.Example@college.ac.uk".into()
        }],
        "the agreement is kept in the portfolio"
    );
    session
        .save_section(
            SectionPatch {
                section_id: "2a".into(),
                description: Some("As before, sam.example@college.ac.uk answers.".into()),
                ..SectionPatch::default()
            },
            NOW,
        )
        .unwrap();
    let problems = session.before_sharing();
    assert!(
        with_code(&problems, ProblemCode::PersonalDataInText).is_empty(),
        "the address agreed to is not reported, in another section or other capitals: {problems:#?}"
    );

    // The agreement stays with the candidate: it is not in what goes to the assessors.
    let out = root.path().join("export.zip");
    export::export(
        session.framework(),
        &folder,
        session.portfolio(),
        &out,
        ExportOptions::new(ExportFormat::Zip),
        NOW,
    )
    .unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut json = String::new();
    archive
        .by_name("portfolio.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    assert!(
        !json.contains("share_check_agreed"),
        "the list of agreements is not exported"
    );
}

#[test]
fn an_agreement_of_a_kind_this_app_does_not_know_is_ignored_not_refused() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("portfolio.json")).unwrap()).unwrap();
    json["share_check_agreed"] = serde_json::json!([
        {"kind": "email", "text": "a@b.org"},
        {"kind": "face_in_photo", "text": "E3"}
    ]);
    std::fs::write(
        folder.join("portfolio.json"),
        serde_json::to_vec(&json).unwrap(),
    )
    .unwrap();
    let session = open(&folder);
    assert_eq!(
        session.portfolio().share_check_agreed,
        vec![AgreedFinding {
            kind: AgreedKind::Email,
            text: "a@b.org".into()
        }],
        "a newer app's agreement costs only a repeated finding, never the portfolio"
    );
}

#[test]
fn a_tagged_photo_is_flagged_and_leaves_every_export_without_its_details() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let photo = phone_photo(root.path(), 7);
    assert_phone_tags(root.path(), &photo, "the photo as ExifTool wrote it");
    let id = put_evidence(
        &folder,
        "IMG_2041.jpg",
        &photo,
        "image/jpeg",
        "Padlet wall from the induction",
    );
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let flagged = with_code(&problems, ProblemCode::ImageLocationData);
    assert_eq!(flagged.len(), 1, "{problems:#?}");
    assert_eq!(flagged[0].evidence.as_deref(), Some(id.as_str()));
    for said in ["where it was taken", "serial number", "owner's name"] {
        assert!(
            flagged[0].message.contains(said),
            "the message says what the photo carries: {}",
            flagged[0].message
        );
    }
    assert_eq!(
        flagged[0].fix,
        Some(Fix::CleanImageMetadata {
            items: vec![id.clone()],
            label: "Remove these details".into()
        })
    );

    let framework = framework();
    let exports = root.path().join("exports");
    let options = |format| ExportOptions::new(format);
    let portfolio = session.portfolio().clone();
    // The web folder.
    let web = exports.join("web");
    export::export(
        &framework,
        &folder,
        &portfolio,
        &web,
        options(ExportFormat::Folder),
        NOW,
    )
    .unwrap();
    let in_folder: Vec<_> = std::fs::read_dir(web.join("evidence"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(in_folder.len(), 1);
    assert_no_personal_tags(root.path(), &in_folder[0], "the web folder's copy");
    // The zip.
    let zipped = exports.join("portfolio.zip");
    export::export(
        &framework,
        &folder,
        &portfolio,
        &zipped,
        options(ExportFormat::Zip),
        NOW,
    )
    .unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zipped).unwrap()).unwrap();
    let name = archive
        .file_names()
        .find(|n| n.starts_with("evidence/") && n.ends_with(".jpg"))
        .unwrap()
        .to_string();
    let mut in_zip = Vec::new();
    archive
        .by_name(&name)
        .unwrap()
        .read_to_end(&mut in_zip)
        .unwrap();
    assert_no_personal_tags(root.path(), &in_zip, "the zip's copy");
    // The single page, with the photo as a data: URL.
    let page = exports.join("portfolio.html");
    export::export(
        &framework,
        &folder,
        &portfolio,
        &page,
        options(ExportFormat::SingleHtml),
        NOW,
    )
    .unwrap();
    let html = std::fs::read_to_string(&page).unwrap();
    let start = html
        .find("data:image/jpeg;base64,")
        .expect("the photo is in the page")
        + "data:image/jpeg;base64,".len();
    let end = start + html[start..].find('"').unwrap();
    use base64::Engine as _;
    let in_page = base64::engine::general_purpose::STANDARD
        .decode(&html[start..end])
        .unwrap();
    assert_no_personal_tags(root.path(), &in_page, "the single page's copy");

    // The exported portfolio describes the clean copy, so the zip opens again as a portfolio.
    let reopened = root.path().join("reopened");
    export::reopen::open_bundle(&zipped, &reopened, &framework)
        .expect("the export opens again: its portfolio.json matches its files");
    assert_eq!(
        std::fs::read(
            folder
                .join("evidence")
                .join(portfolio.evidence[0].source.stored_name().unwrap())
        )
        .unwrap(),
        photo,
        "exporting never changes the portfolio's own copy"
    );
}

#[test]
fn the_one_click_fix_stores_a_clean_copy_and_leaves_the_candidates_file_alone() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let own_copy = root.path().join("Pictures").join("IMG_2041.jpg");
    std::fs::create_dir_all(own_copy.parent().unwrap()).unwrap();
    let photo = phone_photo(root.path(), 9);
    std::fs::write(&own_copy, &photo).unwrap();
    let id = put_evidence(&folder, "IMG_2041.jpg", &photo, "image/jpeg", "Class visit");
    let old_name = load(&folder).evidence[0]
        .source
        .stored_name()
        .unwrap()
        .to_string();
    let mut session = open(&folder);
    let fix = with_code(&session.before_sharing(), ProblemCode::ImageLocationData)[0]
        .fix
        .clone()
        .unwrap();
    session
        .apply_fix(&fix, TODAY, NOW)
        .expect("the photo is cleaned");

    let saved = load(&folder);
    let EvidenceSource::File {
        stored_name,
        bytes,
        sha256,
        ..
    } = &saved.evidence[0].source
    else {
        panic!("still a file");
    };
    assert_ne!(stored_name, &old_name, "the clean copy is a new file");
    let clean = std::fs::read(folder.join("evidence").join(stored_name)).unwrap();
    assert_eq!(
        *bytes,
        clean.len() as u64,
        "the item records the clean copy's size"
    );
    assert_eq!(
        sha256,
        &cmalt_core::evidence::files::sha256_hex(&clean),
        "and its hash"
    );
    assert_no_personal_tags(root.path(), &clean, "the portfolio's clean copy");
    assert_eq!(
        evidence_files(&folder),
        vec![stored_name.clone()],
        "the copy with the details is removed once the portfolio is saved"
    );
    assert_eq!(
        std::fs::read(&own_copy).unwrap(),
        photo,
        "the candidate's own file elsewhere is never touched"
    );
    assert_eq!(saved.evidence[0].id, id, "the item keeps its number");
    assert!(
        with_code(&session.before_sharing(), ProblemCode::ImageLocationData).is_empty(),
        "a cleaned photo is not flagged again"
    );
    assert!(
        session.apply_fix(&fix, TODAY, NOW).is_err(),
        "cleaning again is no longer offered"
    );
}

#[test]
fn cleaning_photos_that_cannot_be_saved_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    put_evidence(
        &folder,
        "a.jpg",
        &phone_photo(root.path(), 1),
        "image/jpeg",
        "One",
    );
    put_evidence(
        &folder,
        "b.jpg",
        &phone_photo(root.path(), 2),
        "image/jpeg",
        "Two",
    );
    let mut session = open(&folder);
    let items: Vec<String> = with_code(&session.before_sharing(), ProblemCode::ImageLocationData)
        .iter()
        .map(|p| p.evidence.clone().unwrap())
        .collect();
    assert_eq!(items.len(), 2);
    let files_before = evidence_files(&folder);
    let before = session.portfolio().clone();
    break_saving(&folder);
    let both = Fix::CleanImageMetadata {
        items,
        label: "Remove these details".into(),
    };
    assert!(session.apply_fix(&both, TODAY, NOW).is_err());
    assert_eq!(session.portfolio(), &before, "no item points at a new copy");
    assert_eq!(
        evidence_files(&folder),
        files_before,
        "the clean copies written before the save failed are taken back; the old ones stay"
    );
}

#[test]
fn personal_data_in_pdf_word_and_text_evidence_is_found_and_read_only_once() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let report = learner_report();
    let pdf = libreoffice(root.path(), "report.fodt", &report, "pdf");
    let docx = libreoffice(root.path(), "report.fodt", &report, "docx");
    let pdf_id = put_evidence(
        &folder,
        "Quiz report.pdf",
        &pdf,
        "application/pdf",
        "Quiz report",
    );
    let docx_id = put_evidence(
        &folder,
        "Quiz report.docx",
        &docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Quiz report (Word)",
    );
    let txt_id = put_evidence(
        &folder,
        "marks.csv",
        "name,email,mark\nPriya,priya.shah2009@gmail.com,71\nTom,tom.b@example.org,64\n".as_bytes(),
        "text/csv",
        "Marks",
    );
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let in_evidence = |id: &str| -> Vec<String> {
        problems
            .iter()
            .filter(|p| {
                p.code == ProblemCode::PersonalDataInEvidence && p.evidence.as_deref() == Some(id)
            })
            .filter_map(|p| p.passage.as_ref().map(|x| x.matched.clone()))
            .collect()
    };
    for (id, what) in [(&pdf_id, "the PDF"), (&docx_id, "the Word file")] {
        let found = in_evidence(id);
        for expected in ["Priya Shah", "priya.shah2009@gmail.com", "07700 900123"] {
            assert!(
                found.iter().any(|f| f == expected),
                "{what} has {expected:?} in its body, header or footnote: {found:?}"
            );
        }
        assert_eq!(
            found.len(),
            3,
            "dates, money, the version number and [E3] are not reported in {what}: {found:?}"
        );
    }
    assert_eq!(
        in_evidence(&txt_id),
        vec!["priya.shah2009@gmail.com", "tom.b@example.org"]
    );
    let pdf_email = problems
        .iter()
        .find(|p| {
            p.evidence.as_deref() == Some(pdf_id.as_str())
                && p.passage.as_ref().is_some_and(|x| x.matched.contains('@'))
        })
        .unwrap();
    assert!(
        pdf_email.message.contains("Replace file") && pdf_email.fix.is_none(),
        "a file's text is the candidate's to change: {}",
        pdf_email.message
    );
    assert!(pdf_email.agree.is_some(), "but it can be agreed to");

    let read = session.share_cache().files_read();
    assert_eq!(read, 3, "each file was read once");
    let again = session.before_sharing();
    assert_eq!(
        session.share_cache().files_read(),
        read,
        "a second check reads and parses no file again"
    );
    assert_eq!(again, problems, "and finds the same");

    // The cache belongs to the caller: a fresh one reads again, and finds the same.
    let mut cache = EvidenceTextCache::new();
    let fresh = check_before_sharing(
        session.framework(),
        session.portfolio(),
        &folder,
        &mut cache,
    );
    assert_eq!(fresh, problems);
    assert_eq!(cache.files_read(), 3);
}

#[test]
fn a_pdf_that_cannot_be_read_is_reported_for_the_candidate_to_look_through() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let report = learner_report();
    let pdf = libreoffice(root.path(), "report.fodt", &report, "pdf");
    let protected = libreoffice(
        root.path(),
        "report.fodt",
        &report,
        r#"pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}"#,
    );
    let no_text = libreoffice(root.path(), "scan.fodt", &scanned_page_fodt(), "pdf");
    let cut = pdf[..pdf.len() / 3].to_vec();
    let mut garbled = pdf.clone();
    for (index, byte) in garbled.iter_mut().enumerate().skip(600) {
        if index % 7 == 0 {
            *byte ^= 0x5A;
        }
    }
    let ids = [
        put_evidence(
            &folder,
            "protected.pdf",
            &protected,
            "application/pdf",
            "Protected",
        ),
        put_evidence(&folder, "cut.pdf", &cut, "application/pdf", "Cut short"),
        put_evidence(
            &folder,
            "garbled.pdf",
            &garbled,
            "application/pdf",
            "Garbled",
        ),
        put_evidence(
            &folder,
            "not a pdf.pdf",
            b"this is plain text",
            "application/pdf",
            "Renamed",
        ),
    ];
    let no_text_id = put_evidence(&folder, "scan.pdf", &no_text, "application/pdf", "Scan");
    let mut session = open(&folder);
    let started = std::time::Instant::now();
    let problems = session.before_sharing();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "hostile PDFs are given up on, not waited for"
    );
    let about_item = |id: &str| -> Vec<&Problem> {
        problems
            .iter()
            .filter(|p| {
                p.evidence.as_deref() == Some(id) && p.code == ProblemCode::PersonalDataInEvidence
            })
            .collect()
    };
    let protected_said = about_item(&ids[0]);
    assert_eq!(protected_said.len(), 1, "{problems:#?}");
    assert!(
        protected_said[0].message.contains("password"),
        "{}",
        protected_said[0].message
    );
    for id in &ids {
        let said = about_item(id);
        // A garbled file may still give up some of its text; what matters is no crash and a
        // message either way.
        assert!(
            !said.is_empty(),
            "{id} gets a message, not silence: {problems:#?}"
        );
    }
    for id in &ids[1..] {
        let unreadable = about_item(id)
            .iter()
            .any(|p| p.message.contains("could not be read") || p.passage.is_some());
        assert!(unreadable, "{id}: {problems:#?}");
    }
    let scan = about_item(&no_text_id);
    assert!(
        scan.len() == 1 && scan[0].message.contains("no text the app can read"),
        "{scan:#?}"
    );
    let Some(Fix::AgreeFinding { agreed, .. }) = &scan[0].agree else {
        panic!("a file the candidate has looked through can be agreed to");
    };
    assert_eq!(agreed.kind, AgreedKind::UnreadFile);
    let agree = scan[0].agree.clone().unwrap();
    session.apply_fix(&agree, TODAY, NOW).unwrap();
    assert!(
        session
            .before_sharing()
            .iter()
            .all(|p| p.evidence.as_deref() != Some(no_text_id.as_str())),
        "once looked through, the scan is not reported again"
    );
}

#[test]
fn a_word_file_that_unpacks_to_too_much_is_refused_quickly() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let mut bomb = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut bomb);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        writer.start_file("word/document.xml", options).unwrap();
        let chunk = vec![b' '; 1_000_000];
        for _ in 0..80 {
            std::io::Write::write_all(&mut writer, &chunk).unwrap();
        }
        writer.finish().unwrap();
    }
    let bomb = bomb.into_inner();
    assert!(bomb.len() < 1_000_000, "it fits under the 1 MB rule");
    let id = put_evidence(
        &folder,
        "bomb.docx",
        &bomb,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Bomb",
    );
    let mut session = open(&folder);
    let started = std::time::Instant::now();
    let problems = session.before_sharing();
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let said: Vec<&Problem> = problems
        .iter()
        .filter(|p| {
            p.evidence.as_deref() == Some(id.as_str())
                && p.code == ProblemCode::PersonalDataInEvidence
        })
        .collect();
    assert!(
        said.len() == 1 && said[0].message.contains("could not be read"),
        "{problems:#?}"
    );
}

#[test]
fn links_that_need_a_sign_in_or_will_not_open_are_flagged_where_they_are() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(
        &folder,
        "2a",
        "Learners filled in [the form](https://docs.google.com/forms/d/1FAIpQ/viewform), \
         read [the notes](http://192.168.1.10/notes) and [the report](evidence/report.pdf), \
         and saw [the public page](https://www.alt.ac.uk/about) and [this part](#evidence).",
    );
    let linked = put_link(
        &folder,
        "https://college.sharepoint.com/sites/elearning/Shared%20Documents/plan.docx",
        "Action plan",
    );
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let sign_in = with_code(&problems, ProblemCode::LinkNeedsSignIn);
    let places: Vec<(Option<&str>, Option<&str>)> = sign_in
        .iter()
        .map(|p| (p.section.as_deref(), p.evidence.as_deref()))
        .collect();
    assert_eq!(
        places,
        vec![
            (Some("2a"), None),
            (Some("2a"), None),
            (None, Some(linked.as_str()))
        ],
        "the form, the private address and the SharePoint item: {sign_in:#?}"
    );
    assert!(
        sign_in[0].message.contains("Google Forms"),
        "{}",
        sign_in[0].message
    );
    assert!(
        sign_in[1].message.contains("private or local network"),
        "{}",
        sign_in[1].message
    );
    let malformed = with_code(&problems, ProblemCode::LinkMalformed);
    assert_eq!(malformed.len(), 1, "only the relative link: {malformed:#?}");
    assert!(malformed[0].message.contains("evidence/report.pdf"));
    let format = with_code(&problems, ProblemCode::ProprietaryFormat);
    assert_eq!(format.len(), 1, "the link opens a Word file: {format:#?}");
    assert!(format[0].message.contains("PDF or ODT"));

    let agree = sign_in[0].agree.clone().unwrap();
    session.apply_fix(&agree, TODAY, NOW).unwrap();
    assert_eq!(
        with_code(&session.before_sharing(), ProblemCode::LinkNeedsSignIn).len(),
        2,
        "a link the candidate has checked is not reported again"
    );
}

#[test]
fn files_in_formats_an_assessor_may_not_open_are_flagged_with_the_open_alternative() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let docx = libreoffice(
        root.path(),
        "plan.fodt",
        &report_fodt("The plan for next year.", "", "Sources."),
        "docx",
    );
    let id = put_evidence(
        &folder,
        "plan.docx",
        &docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Plan",
    );
    put_evidence(
        &folder,
        "plan.pdf",
        b"%PDF-1.7",
        "application/pdf",
        "Plan as PDF",
    );
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let format = with_code(&problems, ProblemCode::ProprietaryFormat);
    assert_eq!(format.len(), 1, "{format:#?}");
    assert_eq!(format[0].evidence.as_deref(), Some(id.as_str()));
    assert!(
        format[0].message.contains("Microsoft Word") && format[0].message.contains("PDF"),
        "{}",
        format[0].message
    );
}

#[test]
fn pictures_with_nothing_to_say_what_they_show_are_flagged() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(
        &folder,
        "1a",
        "The wall: ![](wall.png) and the chart ![Bar chart of quiz scores](chart.png).",
    );
    let untitled = put_evidence(
        &folder,
        "IMG_2044.jpg",
        &jpeg(40, 30, 1),
        "image/jpeg",
        "IMG_2044.jpg",
    );
    put_evidence(
        &folder,
        "IMG_2045.jpg",
        &jpeg(40, 30, 2),
        "image/jpeg",
        "Padlet wall from week one",
    );
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let flagged = with_code(&problems, ProblemCode::ImageWithoutTextAlternative);
    let places: Vec<(Option<&str>, Option<&str>)> = flagged
        .iter()
        .map(|p| (p.section.as_deref(), p.evidence.as_deref()))
        .collect();
    assert_eq!(
        places,
        vec![
            (Some("1a"), None),
            (Some("1a"), None),
            (None, Some(untitled.as_str()))
        ],
        "both pictures in the text (the export shows neither, described or not), and the photo titled by its file name: {flagged:#?}"
    );
    assert!(flagged[0].message.contains("(wall.png)"));
    assert!(
        flagged[1]
            .message
            .contains("(“Bar chart of quiz scores”, chart.png)")
    );
    assert!(flagged[0].message.contains("Attach it as evidence"));
    assert!(
        with_code(&problems, ProblemCode::ImageLocationData).is_empty(),
        "photos made without details are not flagged for them"
    );
}

#[test]
fn the_ready_report_keeps_the_checklists_meaning_and_adds_the_findings() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    write_section(&folder, "1a", DESCRIPTION_1A);
    let mut session: Session = open(&folder);
    let report = session.ready_report(TODAY);
    let checklist = session.checklist(TODAY);
    assert_eq!(
        report.checklist, checklist,
        "the checklist is the live one, unchanged"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["ready"], checklist.ready);
    assert_eq!(json["errors"], checklist.errors);
    assert_eq!(
        json["warnings"], checklist.warnings,
        "the findings do not change the checklist's counts"
    );
    let findings = json["before_sharing"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert_eq!(findings[0]["code"], "personal_data_in_text");
    assert_eq!(findings[0]["severity"], "warning");
    assert!(findings[0]["id"].is_string() && findings[0]["passage"]["matched"].is_string());
    assert!(
        checklist.problems.iter().all(|p| p.id.is_none()),
        "the checklist's own problems have no finding id"
    );
}

#[test]
fn a_topic_is_plain_text_so_its_redaction_is_written_as_it_is() {
    let root = tempfile::tempdir().unwrap();
    let folder = new_portfolio(root.path());
    let mut portfolio = load(&folder);
    portfolio.section_mut("3a").topic = "Data protection, with help from j.smith@uni.ac.uk".into();
    portfolio.section_mut("context").description =
        "Call me on 07700 900123 about the pilot.".into();
    store(&folder, &portfolio);
    let mut session = open(&folder);
    let problems = session.before_sharing();
    let phone = about(&problems, "07700 900123");
    assert!(
        phone.message.starts_with("Contextual statement: "),
        "a statement is one text, named by the section alone: {}",
        phone.message
    );
    let email = about(&problems, "j.smith@uni.ac.uk");
    assert!(email.message.contains(", Topic:"), "{}", email.message);
    let fix = email.fix.clone().unwrap();
    session.apply_fix(&fix, TODAY, NOW).unwrap();
    assert_eq!(
        session.portfolio().sections["3a"].topic,
        "Data protection, with help from [email address]",
        "no Markdown escapes in a plain line"
    );
}
