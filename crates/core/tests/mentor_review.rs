//! A mentor's review, round trip through Word: the review copy opens in LibreOffice and keeps
//! its bookmarks through a save there; a reviewer's comments, tracked changes and untracked
//! edits, made by LibreOffice itself (`tests/fixtures/review/reviewer.py`, Python-UNO), come
//! back placed beside the right section and part; accepting a suggestion changes exactly its
//! passage; and files that are not a returned copy change nothing.

use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::mentor_review::{
    CommentStatus, MentorReviewError, ReviewPart, SuggestionKind, SuggestionStatus, open_items,
};
use cmalt_core::model::Portfolio;
use cmalt_core::session::{Decision, LinkRequest, SectionPatch, Session, SessionError};
use cmalt_core::store;
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 10:15 UTC);
const LATER: OffsetDateTime = datetime!(2026-12-01 09:00 UTC);

const DESCRIPTION: &str = "The first paragraph of the description, with some words about **Moodle** quizzes.\n\n\
    - a bullet with *emphasis*\n- a second bullet\n\n\
    See [the guide](https://example.org/guide) for more.\n\n\
    | Tool | Cost |\n|---|---|\n| Quiz | None |\n";
const REFLECTION: &str = "I learned that reflection matters a great deal.\n\n\
    Next year I will ask students earlier.\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review")
        .join(name)
}

fn new_session(root: &Path) -> Session {
    let framework = Arc::new(Framework::bundled().unwrap());
    let portfolio = Portfolio::new("My CMALT", "Amara Okafor", PathwayId::Cmalt, NOW);
    let mut session = Session::create(framework, &root.join("portfolio"), portfolio).unwrap();
    session
        .save_section(
            SectionPatch {
                section_id: "1a".into(),
                description: Some(DESCRIPTION.into()),
                reflection: Some(REFLECTION.into()),
                ..SectionPatch::default()
            },
            NOW,
        )
        .unwrap();
    session
        .save_section(
            SectionPatch {
                section_id: "context".into(),
                description: Some("I work in a college of further education.".into()),
                ..SectionPatch::default()
            },
            NOW,
        )
        .unwrap();
    session
        .attach_link(
            LinkRequest {
                url: "https://example.org/quiz".into(),
                title: "Quiz results".into(),
            },
            &["1a".into()],
            NOW,
        )
        .unwrap();
    session
}

/// A Python that has LibreOffice's `uno` module (Debian's python3-uno is for /usr/bin/python3).
fn uno_python() -> PathBuf {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import uno"])
            .output()
            .is_ok_and(|out| out.status.success());
        if ok {
            return PathBuf::from(candidate);
        }
    }
    panic!(
        "this test makes the returned document with LibreOffice through Python-UNO, which is not installed. Install it with `apt-get install libreoffice-writer-nogui python3-uno`."
    );
}

/// LibreOffice, as a reviewer, does what `plan` says to `copy` and saves it as `returned`.
fn review_in_libreoffice(root: &Path, copy: &Path, returned: &Path, plan: serde_json::Value) {
    let plan_file = root.join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let output = Command::new(uno_python())
        .arg(fixture("reviewer.py"))
        .arg(copy)
        .arg(returned)
        .arg(&plan_file)
        .arg(root.join("lo-profile"))
        .output()
        .unwrap_or_else(|e| panic!("the reviewer script could not be run: {e}"));
    assert!(
        output.status.success() && returned.is_file(),
        "LibreOffice did not save the reviewed copy (is soffice installed? `apt-get install libreoffice-writer-nogui`): {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `soffice --headless --convert-to docx` of `file` into `folder`: LibreOffice's own save.
fn resave_with_libreoffice(root: &Path, file: &Path, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let profile = root.join("lo-convert-profile");
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(folder)
        .arg(file)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "this test saves the review copy with LibreOffice, which could not be run ({error}). Install it with `apt-get install libreoffice-writer-nogui`."
            )
        });
    let saved = folder.join(file.file_name().unwrap());
    assert!(
        saved.is_file(),
        "soffice made no .docx: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    saved
}

fn part_of(docx: &Path, name: &str) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{} has no {name}", docx.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn bookmarks_in(docx: &Path) -> Vec<String> {
    let xml = part_of(docx, "word/document.xml");
    xml.split("w:name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| name.starts_with("cmalt_"))
        .map(str::to_string)
        .collect()
}

fn send(session: &mut Session, root: &Path) -> PathBuf {
    let copy = root.join("review copy.docx");
    session
        .send_for_review(&copy, "Dr Mentor", false, NOW)
        .expect("the review copy is written");
    copy
}

#[test]
fn a_review_copy_opens_in_libreoffice_and_keeps_its_marks_through_a_save() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let copy = root.path().join("review copy.docx");
    let sent = session
        .send_for_review(&copy, "Dr Mentor", false, NOW)
        .unwrap();
    assert_eq!(
        sent.snapshot.label, "Sent for review to Dr Mentor on 23 November 2026",
        "sending takes a snapshot saying to whom and when"
    );
    let kept = store::read_only(session.folder()).unwrap();
    assert_eq!(
        kept.mentor_reviews.len(),
        1,
        "the review is recorded as sent"
    );
    assert_eq!(kept.mentor_reviews[0].snapshot_id, sent.snapshot.id);

    let document = part_of(&copy, "word/document.xml");
    for heading in ["Heading1", "Heading2", "Heading3"] {
        assert!(
            document.contains(&format!("w:val=\"{heading}\"")),
            "sections and parts are real headings ({heading})"
        );
    }
    for words in [
        "Review copy",
        "track changes",
        "1a ",
        "Description",
        "Reflection",
        "Quiz results",
    ] {
        assert!(document.contains(words), "the copy says {words:?}");
    }
    assert!(
        document.contains("<w:b />") || document.contains("<w:b/>"),
        "bold is kept"
    );
    assert!(document.contains("w:hyperlink"), "links are kept");
    assert!(document.contains("<w:tbl>"), "tables are kept");
    assert!(document.contains("w:numId"), "lists are kept");

    let written = bookmarks_in(&copy);
    assert!(
        written.contains(&"cmalt_1a_description_0".to_string()),
        "{written:?}"
    );
    assert!(
        written.contains(&"cmalt_1a_reflection_1".to_string()),
        "{written:?}"
    );
    assert!(
        written.contains(&"cmalt_context_description_0".to_string()),
        "{written:?}"
    );
    let saved = resave_with_libreoffice(root.path(), &copy, &root.path().join("saved"));
    let after = bookmarks_in(&saved);
    for name in &written {
        assert!(
            after.contains(name),
            "LibreOffice keeps bookmark {name} through a save: {after:?}"
        );
    }
    let custom = part_of(&saved, "docProps/custom.xml");
    assert!(
        custom.contains(&kept.mentor_reviews[0].copy_reference),
        "the copy's reference survives LibreOffice's save: {custom}"
    );

    let again = session.send_for_review(&copy, "Dr Mentor", false, LATER);
    assert!(
        matches!(
            again,
            Err(SessionError::MentorReview(MentorReviewError::TargetExists(
                _
            )))
        ),
        "an existing file is never replaced unless asked"
    );
    assert_eq!(
        store::read_only(session.folder())
            .unwrap()
            .mentor_reviews
            .len(),
        1,
        "a refused copy records nothing"
    );
}

fn reviewer_plan() -> serde_json::Value {
    json!({"reviewer": "Dr Mentor", "steps": [
        {"do": "track", "on": true},
        {"do": "replace", "find": "some words", "with": "several words"},
        {"do": "delete", "find": "first "},
        {"do": "insert", "after": "a great deal", "text": " to my practice"},
        {"do": "comment", "find": "reflection matters", "text": "Say why it matters to your learners.", "name": "c1"},
        {"do": "comment", "find": "college of further education", "text": "Which college?"},
        {"do": "track", "on": false},
        {"do": "replace", "find": "ask students earlier", "with": "ask learners earlier"}
    ]})
}

#[test]
fn a_review_returned_from_libreoffice_is_placed_and_accepted_passage_by_passage() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let copy = send(&mut session, root.path());
    let returned = root.path().join("returned.docx");
    review_in_libreoffice(root.path(), &copy, &returned, reviewer_plan());
    let before = session.portfolio().sections.clone();

    let started = std::time::Instant::now();
    let import = session.import_review(&returned, LATER).unwrap();
    eprintln!("import of the returned copy: {:?}", started.elapsed());
    assert!(
        !import.placed_by_headings,
        "the bookmarks came back: {:?}",
        import.notes
    );
    assert_eq!(
        session.portfolio().sections,
        before,
        "nothing in the candidate's words changes on import"
    );

    let comment = import
        .comments
        .iter()
        .find(|c| c.text.contains("Say why"))
        .expect("the comment on the reflection is read");
    assert_eq!(comment.author, "Dr Mentor");
    assert_eq!(comment.section.as_deref(), Some("1a"));
    assert_eq!(comment.part, Some(ReviewPart::Reflection));
    assert_eq!(
        comment.quote, "reflection matters",
        "the passage it is attached to"
    );
    assert!(!comment.date.is_empty(), "LibreOffice dates its comments");
    let context = import
        .comments
        .iter()
        .find(|c| c.text == "Which college?")
        .unwrap();
    assert_eq!(
        (context.section.as_deref(), context.part),
        (Some("context"), Some(ReviewPart::Description))
    );

    let find = |kind: SuggestionKind, text: &str| {
        import
            .suggestions
            .iter()
            .find(|s| s.kind == kind && s.text == text)
            .unwrap_or_else(|| panic!("a {kind:?} of {text:?}: {:#?}", import.suggestions))
    };
    let replace = find(SuggestionKind::Replace, "several words");
    assert_eq!(replace.replaces.as_deref(), Some("some words"));
    assert_eq!(
        (replace.section.as_deref(), replace.part, replace.tracked),
        (Some("1a"), Some(ReviewPart::Description), true)
    );
    assert_eq!(
        replace.author, "Dr Mentor",
        "tracked changes carry their author"
    );
    assert!(replace.before.ends_with("with "), "{:?}", replace.before);
    assert!(
        replace.after.starts_with(" about Moodle"),
        "{:?}",
        replace.after
    );
    let delete = find(SuggestionKind::Delete, "first ");
    assert_eq!(delete.part, Some(ReviewPart::Description));
    let insert = find(SuggestionKind::Insert, " to my practice");
    assert_eq!(insert.part, Some(ReviewPart::Reflection));
    let untracked = find(SuggestionKind::Replace, "learners");
    assert_eq!(untracked.replaces.as_deref(), Some("students"));
    assert!(
        !untracked.tracked && untracked.part == Some(ReviewPart::Reflection),
        "an edit made without tracking is found by comparing with the copy sent"
    );
    assert_eq!(import.suggestions.len(), 4, "{:#?}", import.suggestions);

    // The same file again: nothing is added.
    let again = session.import_review(&returned, LATER).unwrap();
    assert!(again.already_imported);
    assert_eq!((again.new_comments, again.new_suggestions), (0, 0));
    let review = &session.portfolio().mentor_reviews[0];
    assert_eq!((review.comments.len(), review.suggestions.len()), (2, 4));

    // Accepting one changes exactly its passage.
    let review_id = review.id.clone();
    let replace_id = replace.id.clone();
    let outcome = session
        .decide_suggestion(&review_id, &replace_id, Decision::Accept, LATER)
        .unwrap();
    assert_eq!(outcome.decisions[0].status, SuggestionStatus::Accepted);
    let description = &session.portfolio().sections["1a"].description;
    assert_eq!(
        description,
        &DESCRIPTION.replace("some words", "several words"),
        "only that passage changed, formatting kept"
    );
    // A passage the candidate has rewritten since no longer applies.
    session
        .save_section(
            SectionPatch {
                section_id: "1a".into(),
                reflection: Some(
                    "I now think differently.\n\nNext year I will ask students earlier.\n".into(),
                ),
                ..SectionPatch::default()
            },
            LATER,
        )
        .unwrap();
    let insert_id = insert.id.clone();
    let outcome = session
        .decide_suggestion(&review_id, &insert_id, Decision::Accept, LATER)
        .unwrap();
    assert_eq!(
        outcome.decisions[0].status,
        SuggestionStatus::NoLongerApplies,
        "its passage has gone, so it is reported, not applied"
    );
    assert_eq!(outcome.decisions[0].text, " to my practice");
    // All the rest at once.
    let outcome = session
        .decide_all_suggestions(&review_id, Decision::Accept, LATER)
        .unwrap();
    assert_eq!(
        outcome.decisions.len(),
        2,
        "the delete and the untracked edit"
    );
    let entry = &session.portfolio().sections["1a"];
    assert!(
        entry
            .description
            .starts_with("The paragraph of the description, with several words")
    );
    assert!(entry.reflection.contains("ask learners earlier"));

    // Replies and resolving, each saved.
    let comment_id = comment.id.clone();
    session
        .reply_to_review_comment(&review_id, &comment_id, "I will add an example.", LATER)
        .unwrap();
    session
        .set_review_comment_resolved(&review_id, &comment_id, true, LATER)
        .unwrap();
    let saved = store::read_only(session.folder()).unwrap();
    let kept = &saved.mentor_reviews[0];
    let kept_comment = kept.comments.iter().find(|c| c.id == comment_id).unwrap();
    assert_eq!(kept_comment.status, CommentStatus::Resolved);
    assert_eq!(kept_comment.replies[0].author, "Amara Okafor");
    let summary = &open_items(&saved)[0];
    assert_eq!(
        (
            summary.comments_open,
            summary.suggestions_open,
            summary.suggestions_no_longer_applying
        ),
        (1, 0, 1)
    );
}

#[test]
fn replies_and_resolved_marks_are_read_as_word_writes_them() {
    use docx_rs::{Comment, Docx, Paragraph, Run};
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let copy = send(&mut session, root.path());
    // Word keeps the copy's bookmarks and its reference; this document imitates Word's XML
    // for comments and replies (commentsExtended.xml, w15:paraIdParent) around them.
    let reference = session.portfolio().mentor_reviews[0].copy_reference.clone();
    let question = Comment::new(1)
        .author("Dr Mentor")
        .date("2026-11-30T10:00:00Z")
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Which learners?")));
    let answer = Comment::new(2)
        .author("Second Reader")
        .date("2026-11-30T11:00:00Z")
        .parent_comment_id(1)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Adult learners, I think.")));
    let paragraph = Paragraph::new()
        .add_bookmark_start(1, "cmalt_1a_reflection_1")
        .add_comment_start(question)
        .add_comment_start(answer)
        .add_run(Run::new().add_text("Next year I will ask students earlier."))
        .add_comment_end(1)
        .add_comment_end(2)
        .add_bookmark_end(1);
    let mut bytes = std::io::Cursor::new(Vec::new());
    Docx::new()
        .custom_property("CMALT review copy", reference)
        .add_paragraph(paragraph)
        .build()
        .pack(&mut bytes)
        .unwrap();
    let returned = root.path().join("from-word.docx");
    std::fs::write(&returned, bytes.into_inner()).unwrap();
    let _ = copy;
    let import = session.import_review(&returned, LATER).unwrap();
    assert_eq!(
        import.comments.len(),
        1,
        "a reply is not a comment of its own: {:#?}",
        import.comments
    );
    let comment = &import.comments[0];
    assert_eq!(
        (comment.section.as_deref(), comment.part),
        (Some("1a"), Some(ReviewPart::Reflection))
    );
    assert_eq!(comment.quote, "Next year I will ask students earlier.");
    assert_eq!(comment.replies.len(), 1);
    assert_eq!(comment.replies[0].author, "Second Reader");
    assert_eq!(comment.replies[0].text, "Adult learners, I think.");
}

#[test]
fn files_that_are_not_a_returned_copy_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let folder = session.folder().to_path_buf();
    let _ = send(&mut session, root.path());
    let unchanged = std::fs::read(folder.join("portfolio.json")).unwrap();

    // A Word document that was never a review copy.
    let mut plain = std::io::Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(
            docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("My holiday")),
        )
        .build()
        .pack(&mut plain)
        .unwrap();
    let stranger = root.path().join("holiday.docx");
    std::fs::write(&stranger, plain.into_inner()).unwrap();
    let error = session.import_review(&stranger, LATER).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is not a review copy made by this app"),
        "{error}"
    );

    // A review copy of another portfolio.
    let other_root = tempfile::tempdir().unwrap();
    let mut other = new_session(other_root.path());
    let foreign = send(&mut other, other_root.path());
    let error = session.import_review(&foreign, LATER).unwrap_err();
    assert!(
        matches!(
            error,
            SessionError::MentorReview(MentorReviewError::OtherPortfolio(_))
        ),
        "{error}"
    );

    // A zip bomb: refused by the same guard as an imported draft.
    let bomb = root.path().join("bomb.docx");
    {
        let file = std::fs::File::create(&bomb).unwrap();
        let mut writer = zip::ZipWriter::new(file);
        writer
            .start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        let chunk = vec![b' '; 1_000_000];
        for _ in 0..600 {
            writer.write_all(&chunk).unwrap();
        }
        writer.finish().unwrap();
    }
    let error = session.import_review(&bomb, LATER).unwrap_err();
    assert!(error.to_string().contains("more than 500 MB"), "{error}");

    // Damaged: the copy cut in half.
    let copy = std::fs::read(root.path().join("review copy.docx")).unwrap();
    let cut = root.path().join("cut.docx");
    std::fs::write(&cut, &copy[..copy.len() / 2]).unwrap();
    assert!(session.import_review(&cut, LATER).is_err());

    assert_eq!(
        std::fs::read(folder.join("portfolio.json")).unwrap(),
        unchanged,
        "no refused file changes the portfolio"
    );
}

#[test]
fn a_large_portfolio_writes_and_reads_its_review_copy_quickly() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let paragraph = "Assessment design with **quizzes** and *feedback* across the course, discussed with colleagues and learners. ";
    let long = format!("{}\n\n", paragraph.repeat(6)).repeat(12);
    for id in ["1a", "1b", "1c", "2a", "2b", "3a", "3b", "4"] {
        session
            .save_section(
                SectionPatch {
                    section_id: id.into(),
                    description: Some(long.clone()),
                    reflection: Some(long.clone()),
                    ..SectionPatch::default()
                },
                NOW,
            )
            .unwrap();
    }
    let copy = root.path().join("large.docx");
    let started = std::time::Instant::now();
    session
        .send_for_review(&copy, "Dr Mentor", false, NOW)
        .unwrap();
    let written = started.elapsed();
    let started = std::time::Instant::now();
    let import = session.import_review(&copy, LATER).unwrap();
    let read = started.elapsed();
    eprintln!(
        "large portfolio ({} KB copy): written in {written:?}, read back in {read:?}",
        std::fs::metadata(&copy).unwrap().len() / 1000
    );
    assert!(
        import.comments.is_empty() && import.suggestions.is_empty(),
        "the copy read back unchanged has nothing to suggest: {:#?}",
        import.suggestions
    );
}

#[test]
fn a_copy_that_lost_its_marks_is_placed_by_its_headings() {
    let root = tempfile::tempdir().unwrap();
    let mut session = new_session(root.path());
    let copy = send(&mut session, root.path());
    let returned = root.path().join("no-marks.docx");
    let mut plan = reviewer_plan();
    plan["steps"]
        .as_array_mut()
        .unwrap()
        .insert(0, json!({"do": "drop_marks"}));
    review_in_libreoffice(root.path(), &copy, &returned, plan);
    assert!(
        bookmarks_in(&returned).is_empty(),
        "LibreOffice took the bookmarks out"
    );

    let import = session.import_review(&returned, LATER).unwrap();
    assert!(import.placed_by_headings, "placed by the section headings");
    assert!(
        import
            .notes
            .iter()
            .any(|n| n.contains("placed by the section headings")),
        "the candidate is told to check the placing: {:?}",
        import.notes
    );
    let comment = import
        .comments
        .iter()
        .find(|c| c.text.contains("Say why"))
        .unwrap();
    assert_eq!(
        (comment.section.as_deref(), comment.part),
        (Some("1a"), Some(ReviewPart::Reflection))
    );
    let replace = import
        .suggestions
        .iter()
        .find(|s| s.text == "several words")
        .unwrap();
    assert_eq!(
        (replace.section.as_deref(), replace.part),
        (Some("1a"), Some(ReviewPart::Description))
    );
    assert!(
        import
            .suggestions
            .iter()
            .any(|s| !s.tracked && s.text == "learners"),
        "untracked edits are still found: {:#?}",
        import.suggestions
    );
}
