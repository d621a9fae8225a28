//! Attaching evidence: the 1 MB rule, every bad input leaving the portfolio as it was, the
//! same file twice being one item, links, citations, numbering, replace and remove.

use cmalt_core::evidence::files::AttachError;
use cmalt_core::evidence::{EvidenceDetails, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{Citation, Portfolio};
use cmalt_core::session::{LinkRequest, Session, SessionError};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::macros::datetime;

const LIMIT: usize = 1_000_000;

struct Fixture {
    root: tempfile::TempDir,
    session: Session,
}

impl Fixture {
    fn new() -> Fixture {
        let root = tempfile::tempdir().unwrap();
        let framework = Arc::new(Framework::bundled().unwrap());
        let portfolio = Portfolio::new(
            "Mine",
            "Sam",
            PathwayId::Cmalt,
            datetime!(2026-11-23 10:00 UTC),
        );
        let session =
            Session::create(framework, &root.path().join("portfolio"), portfolio).unwrap();
        Fixture { root, session }
    }

    /// A file outside the portfolio, as a candidate's own document.
    fn outside(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let folder = self.root.path().join("documents");
        fs::create_dir_all(&folder).unwrap();
        let path = folder.join(name);
        fs::write(&path, bytes).unwrap();
        path
    }

    fn attach(
        &mut self,
        path: &Path,
        sections: &[&str],
    ) -> Result<cmalt_core::session::AttachOutcome, SessionError> {
        let sections: Vec<String> = sections.iter().map(|s| s.to_string()).collect();
        self.session
            .attach_file(path, "", &sections, datetime!(2026-11-23 11:00 UTC))
    }

    fn portfolio_json(&self) -> Vec<u8> {
        fs::read(self.session.folder().join("portfolio.json")).unwrap()
    }

    fn evidence_files(&self) -> Vec<String> {
        fs::read_dir(self.session.folder().join("evidence"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// Asserts a refusal left the portfolio file and the evidence folder as they were.
    fn assert_unchanged(&self, before_json: &[u8], before_files: &[String], why: &str) {
        assert_eq!(
            self.portfolio_json(),
            before_json,
            "{why}: portfolio.json must not change"
        );
        assert_eq!(
            self.evidence_files(),
            before_files,
            "{why}: no file may be added to evidence/"
        );
    }
}

fn refusal(result: Result<cmalt_core::session::AttachOutcome, SessionError>) -> AttachError {
    match result {
        Err(SessionError::Attach(error)) => error,
        Err(other) => panic!("expected a refused file, got {other}"),
        Ok(outcome) => panic!("expected a refusal, but {} was attached", outcome.item.id),
    }
}

#[test]
fn a_file_of_exactly_one_megabyte_is_accepted_and_one_byte_more_is_refused() {
    let mut fixture = Fixture::new();
    let exact = fixture.outside("exact.pdf", &vec![b'x'; LIMIT]);
    let outcome = fixture
        .attach(&exact, &["1a"])
        .expect("1,000,000 bytes is within the limit");
    assert_eq!(outcome.item.id, "E1");
    assert_eq!(outcome.item.source.bytes(), LIMIT as u64);

    let before = (fixture.portfolio_json(), fixture.evidence_files());
    let over = fixture.outside("over.pdf", &vec![b'y'; LIMIT + 1]);
    let error = refusal(fixture.attach(&over, &["1a"]));
    let message = error.to_string();
    assert!(
        message.contains("over.pdf"),
        "the message names the file: {message}"
    );
    assert!(
        message.contains("1.000001 MB") && message.contains("1 MB"),
        "size and limit in MB: {message}"
    );
    assert!(
        message.contains("link"),
        "a PDF gets the link way out: {message}"
    );
    assert!(matches!(
        error,
        AttachError::TooLarge {
            can_make_smaller: false,
            ..
        }
    ));
    fixture.assert_unchanged(&before.0, &before.1, "an oversized file");
}

#[test]
fn an_oversized_png_offers_a_smaller_copy() {
    let mut fixture = Fixture::new();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(LIMIT + 10, 0);
    let path = fixture.outside("screenshot.png", &png);
    let error = refusal(fixture.attach(&path, &[]));
    assert!(
        matches!(
            error,
            AttachError::TooLarge {
                can_make_smaller: true,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("smaller copy"), "{error}");
}

#[test]
fn bad_inputs_are_refused_with_a_message_and_change_nothing() {
    let mut fixture = Fixture::new();
    let good = fixture.outside("good.pdf", b"%PDF-1.7 good");
    fixture.attach(&good, &["1a"]).unwrap();
    let before = (fixture.portfolio_json(), fixture.evidence_files());

    let empty = fixture.outside("empty.pdf", b"");
    let folder = fixture.root.path().join("a folder");
    fs::create_dir(&folder).unwrap();
    let missing = fixture.root.path().join("gone.pdf");
    let link = fixture.root.path().join("shortcut.pdf");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&good, &link).unwrap();

    let cases: Vec<(&Path, &str)> = vec![
        (&empty, "empty"),
        (&folder, "is a folder"),
        (&missing, "could not be found"),
        #[cfg(unix)]
        (&link, "symbolic link"),
    ];
    for (path, expected) in cases {
        let message = refusal(fixture.attach(path, &["1a"])).to_string();
        assert!(
            message.contains(expected),
            "{}: expected {expected:?} in {message:?}",
            path.display()
        );
        fixture.assert_unchanged(&before.0, &before.1, expected);
    }
}

#[cfg(unix)]
#[test]
fn unusual_names_are_stored_safely_and_shown_as_they_were() {
    use std::os::unix::ffi::OsStrExt;
    let mut fixture = Fixture::new();
    let folder = fixture.root.path().join("docs");
    fs::create_dir(&folder).unwrap();
    let names: Vec<PathBuf> = vec![
        folder.join("report with spaces.pdf"),
        folder.join("Évaluation — 日本語.pdf"),
        folder.join("..pdf"),
        folder.join(std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.pdf")),
    ];
    for (index, path) in names.iter().enumerate() {
        fs::write(path, format!("content {index}")).unwrap();
        let outcome = fixture.attach(path, &[]).unwrap();
        let EvidenceSource::File {
            original_name,
            stored_name,
            ..
        } = &outcome.item.source
        else {
            panic!("a file item");
        };
        assert!(!original_name.is_empty());
        assert!(
            !stored_name.contains(['/', '\\']) && !stored_name.starts_with('.'),
            "{stored_name} must be a plain name inside evidence/"
        );
        assert!(
            fixture
                .session
                .folder()
                .join("evidence")
                .join(stored_name)
                .is_file()
        );
    }
    assert_eq!(
        fixture.session.portfolio().evidence[1].details.title,
        "Évaluation — 日本語.pdf"
    );
    assert_eq!(
        fixture.session.portfolio().evidence[3].details.title,
        "latin1-\u{fffd}t\u{fffd}.pdf"
    );
}

#[test]
fn the_same_file_twice_is_one_item_cited_from_both_sections() {
    let mut fixture = Fixture::new();
    let first = fixture.outside("report.pdf", b"%PDF same content");
    let copy = fixture.outside("report copy.pdf", b"%PDF same content");
    let one = fixture.attach(&first, &["1a"]).unwrap();
    let two = fixture.attach(&copy, &["2a"]).unwrap();
    assert!(two.already_attached, "the same content is recognised");
    assert_eq!(one.item.id, two.item.id);
    assert_eq!(fixture.session.portfolio().evidence.len(), 1);
    assert_eq!(fixture.evidence_files().len(), 1, "one copy on disk");
    assert_eq!(
        fixture.session.portfolio().sections_citing("E1"),
        ["1a", "2a"]
    );
}

#[test]
fn a_file_is_copied_so_the_original_can_change_or_go() {
    let mut fixture = Fixture::new();
    let path = fixture.outside("plan.pdf", b"%PDF plan v1");
    let outcome = fixture.attach(&path, &["1b"]).unwrap();
    fs::remove_file(&path).unwrap();
    let stored = fixture.session.evidence_path(&outcome.item).unwrap();
    assert_eq!(fs::read(stored).unwrap(), b"%PDF plan v1");
}

#[test]
fn links_must_be_web_addresses_with_a_title() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    let link = |url: &str, title: &str| LinkRequest {
        url: url.into(),
        title: title.into(),
    };
    let ok = fixture
        .session
        .attach_link(
            link("https://example.org/guide", "Guide"),
            &["3a".into()],
            at,
        )
        .unwrap();
    assert_eq!(ok.item.id, "E1");
    for bad in [
        "javascript:alert(1)",
        "file:///home/me/secret.pdf",
        "data:text/html,hi",
        "not a url",
    ] {
        let before = fixture.portfolio_json();
        let error = fixture
            .session
            .attach_link(link(bad, "Bad"), &[], at)
            .unwrap_err();
        assert!(error.to_string().contains("http"), "{bad}: {error}");
        assert_eq!(
            fixture.portfolio_json(),
            before,
            "{bad} must change nothing"
        );
    }
    assert!(
        fixture
            .session
            .attach_link(link("https://example.org/x", "  "), &[], at)
            .is_err(),
        "a title is needed"
    );
}

#[test]
fn numbers_are_stable_and_never_reused() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    for n in 1..=3 {
        let path = fixture.outside(&format!("e{n}.pdf"), format!("content {n}").as_bytes());
        fixture.attach(&path, &["1a"]).unwrap();
    }
    fixture.session.remove_evidence("E2", at).unwrap();
    let path = fixture.outside("e4.pdf", b"content 4");
    let outcome = fixture.attach(&path, &[]).unwrap();
    assert_eq!(outcome.item.id, "E4", "E2's number is not handed out again");
    let ids: Vec<&str> = fixture
        .session
        .portfolio()
        .evidence
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["E1", "E3", "E4"]);
}

#[test]
fn removing_a_cited_item_removes_its_citations_and_file_but_not_the_text() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    let path = fixture.outside("log.xlsx", b"PK spreadsheet");
    let outcome = fixture.attach(&path, &["1a", "4"]).unwrap();
    let patch = cmalt_core::session::SectionPatch {
        section_id: "1a".into(),
        description: Some("See [E1].".into()),
        ..Default::default()
    };
    fixture.session.save_section(patch, at).unwrap();
    fixture.session.remove_evidence("E1", at).unwrap();
    assert!(fixture.session.portfolio().sections_citing("E1").is_empty());
    assert!(
        !fixture
            .session
            .evidence_path(&outcome.item)
            .unwrap()
            .exists(),
        "the copy goes with it"
    );
    assert_eq!(
        fixture
            .session
            .portfolio()
            .section("1a")
            .unwrap()
            .description,
        "See [E1].",
        "the words stay"
    );
    let rendered = fixture.session.render("See [E1].");
    assert!(
        rendered.html.contains("missing"),
        "the preview marks the dangling reference: {}",
        rendered.html
    );
}

#[test]
fn replacing_a_file_keeps_number_details_and_citations() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    let old = fixture.outside("v1.pdf", b"%PDF v1");
    let outcome = fixture.attach(&old, &["2b"]).unwrap();
    let details = EvidenceDetails {
        title: "Feedback summary".into(),
        date: "2025-06".into(),
        what_it_shows: "Learners' views changed my design".into(),
        ..Default::default()
    };
    fixture
        .session
        .save_evidence_details("E1", details.clone(), at)
        .unwrap();
    let new = fixture.outside("v2.pdf", b"%PDF v2");
    fixture
        .session
        .replace_evidence_file("E1", &new, at)
        .unwrap();
    let item = fixture.session.portfolio().evidence_item("E1").unwrap();
    assert_eq!(item.details, details);
    assert_eq!(
        fs::read(fixture.session.evidence_path(item).unwrap()).unwrap(),
        b"%PDF v2"
    );
    assert!(
        !fixture
            .session
            .evidence_path(&outcome.item)
            .unwrap()
            .exists(),
        "the old copy is removed"
    );
    assert_eq!(fixture.session.portfolio().sections_citing("E1"), ["2b"]);
    assert!(
        fixture
            .session
            .save_evidence_details(
                "E1",
                EvidenceDetails {
                    date: "last spring".into(),
                    ..details
                },
                at
            )
            .is_err(),
        "dates must be dates"
    );
}

#[test]
fn citations_keep_their_order_and_notes() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    for n in 1..=2 {
        let path = fixture.outside(&format!("c{n}.pdf"), format!("c{n}").as_bytes());
        fixture.attach(&path, &["1c"]).unwrap();
    }
    let reordered = vec![
        Citation {
            evidence_id: "E2".into(),
            note: "the rollout plan".into(),
        },
        Citation {
            evidence_id: "E1".into(),
            note: String::new(),
        },
    ];
    fixture
        .session
        .set_citations("1c", reordered.clone(), at)
        .unwrap();
    assert_eq!(
        fixture.session.portfolio().section("1c").unwrap().citations,
        reordered
    );
    let unknown = vec![Citation {
        evidence_id: "E9".into(),
        note: String::new(),
    }];
    assert!(
        fixture.session.set_citations("1c", unknown, at).is_err(),
        "only items in the library can be cited"
    );
}

#[test]
fn the_library_view_flags_unused_and_old_items() {
    let mut fixture = Fixture::new();
    let at = datetime!(2026-11-23 11:00 UTC);
    let used = fixture.outside("used.png", b"\x89PNG used");
    let unused = fixture.outside("unused.pdf", b"%PDF unused");
    fixture.attach(&used, &["1a"]).unwrap();
    fixture.attach(&unused, &[]).unwrap();
    let old = EvidenceDetails {
        title: "Old".into(),
        date: "2019-03".into(),
        ..Default::default()
    };
    fixture
        .session
        .save_evidence_details("E2", old, at)
        .unwrap();
    let view = fixture
        .session
        .library_view(time::macros::date!(2026 - 11 - 23));
    assert!(!view.rows[0].unused && view.rows[1].unused);
    assert!(
        view.rows[1].needs_reason,
        "2019 is more than three years ago and has no reason"
    );
    assert_eq!(view.rows[0].kind_label, "PNG image");
    assert_eq!(view.rows[1].kind_label, "PDF");
    assert_eq!(view.total_bytes, 9 + 11);
    assert_eq!(view.file_limit_bytes, 1_000_000);
}

#[test]
fn a_portfolio_folder_moved_while_open_refuses_the_file_and_keeps_it_out() {
    let mut fixture = Fixture::new();
    let path = fixture.outside("plan.pdf", b"%PDF plan");
    let moved = fixture.root.path().join("moved-away");
    fs::rename(fixture.session.folder(), &moved).unwrap();
    let message = refusal(fixture.attach(&path, &["1a"])).to_string();
    assert!(message.contains("no longer there"), "{message}");
    assert!(
        !fixture.session.folder().exists(),
        "the app must not recreate the moved folder"
    );
    assert!(
        fixture.session.portfolio().evidence.is_empty(),
        "no item without its file"
    );
}

/// A real PNG, encoded by the image crate, as a screenshot tool puts one on the clipboard.
fn png_bytes(width: u32, height: u32) -> Vec<u8> {
    // Noise (xorshift), so the PNG cannot compress below its raw size.
    let mut state: u32 = 0x9e37_79b9;
    let picture = image::RgbImage::from_fn(width, height, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        };
        image::Rgb([next(), next(), next()])
    });
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

#[test]
fn a_pasted_picture_is_attached_as_a_file_named_by_what_it_is() {
    let mut fixture = Fixture::new();
    let bytes = png_bytes(40, 30);
    let outcome = fixture
        .session
        .attach_pasted_image(
            &bytes,
            &["1a".to_string()],
            datetime!(2026-12-02 09:15:07 UTC),
        )
        .unwrap();
    assert_eq!(outcome.item.id, "E1");
    assert_eq!(outcome.item.details.title, "Pasted picture");
    assert_eq!(fixture.evidence_files().len(), 1);
    let stored = &fixture.evidence_files()[0];
    assert!(
        stored.ends_with("-Pasted-picture-2026-12-02-09-15-07.png"),
        "{stored}"
    );
    assert_eq!(
        fs::read(fixture.session.folder().join("evidence").join(stored)).unwrap(),
        bytes
    );
    assert!(
        fixture.session.portfolio().sections["1a"]
            .citations
            .iter()
            .any(|c| c.evidence_id == "E1")
    );
}

#[test]
fn a_pasted_picture_over_the_limit_or_not_a_picture_is_refused_with_nothing_changed() {
    let mut fixture = Fixture::new();
    let before = (fixture.portfolio_json(), fixture.evidence_files());
    // A real PNG of noise, too big to fit: the message gives its size and the way forward.
    let big = png_bytes(800, 600);
    assert!(big.len() > LIMIT, "the noise PNG is {} bytes", big.len());
    let error = fixture
        .session
        .attach_pasted_image(&big, &[], datetime!(2026-12-02 09:15 UTC))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("over the 1 MB limit") && error.contains("smaller copy"),
        "{error}"
    );
    let error = fixture
        .session
        .attach_pasted_image(
            b"<html>not a picture</html>",
            &[],
            datetime!(2026-12-02 09:15 UTC),
        )
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a picture"), "{error}");
    fixture.assert_unchanged(&before.0, &before.1, "refused pastes");
}

/// A classroom photo as a phone leaves it: where it was taken, the camera and its serial
/// number, and the owner's name, written by ExifTool into a picture ImageMagick made.
fn phone_photo(folder: &Path) -> PathBuf {
    let path = folder.join("class-photo.jpg");
    let run = |program: &str, args: &[&str]| {
        let output = std::process::Command::new(program)
            .args(args)
            .output()
            .unwrap_or_else(|error| {
                panic!("{program} is needed (apt-get install imagemagick libimage-exiftool-perl): {error}")
            });
        assert!(
            output.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let path_text = path.to_str().unwrap();
    run(
        "convert",
        &["-size", "64x48", "gradient:red-blue", path_text],
    );
    run(
        "exiftool",
        &[
            "-overwrite_original",
            "-GPSLatitude=51.5",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=0.12",
            "-GPSLongitudeRef=W",
            "-SerialNumber=ABC123456",
            "-OwnerName=Sam Example",
            "-Make=Canon",
            "-Model=EOS 5D",
            path_text,
        ],
    );
    path
}

#[test]
fn a_photo_is_stored_without_where_it_was_taken_and_the_original_is_untouched() {
    let mut fixture = Fixture::new();
    let documents = fixture.root.path().join("documents");
    fs::create_dir_all(&documents).unwrap();
    let original = phone_photo(&documents);
    let before = fs::read(&original).unwrap();
    assert!(
        cmalt_core::evidence::photo_metadata::personal_metadata(&before)
            .contains(&cmalt_core::evidence::photo_metadata::MetadataKind::Location),
        "the test photo carries a location"
    );
    let outcome = fixture.attach(&original, &["1a"]).unwrap();
    assert!(
        outcome
            .metadata_removed
            .iter()
            .any(|what| what == "where it was taken"),
        "the attach says what was taken out: {:?}",
        outcome.metadata_removed
    );
    let stored = &fixture.evidence_files()[0];
    let kept = fs::read(fixture.session.folder().join("evidence").join(stored)).unwrap();
    assert_eq!(
        cmalt_core::evidence::photo_metadata::personal_metadata(&kept),
        []
    );
    image::load_from_memory(&kept).expect("the stored photo still opens");
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "the candidate's own file is never changed"
    );
    // The item describes the file as stored.
    assert_eq!(outcome.item.source.bytes(), kept.len() as u64);

    // Attached again, it is the same item: the clean copy is what is compared.
    let again = fixture.attach(&original, &["1b"]).unwrap();
    assert!(again.already_attached);
    assert_eq!(again.item.id, outcome.item.id);
}

#[test]
fn a_photo_with_nothing_personal_is_stored_as_it_is() {
    let mut fixture = Fixture::new();
    let plain = png_bytes(40, 30);
    let path = fixture.outside("chart.png", &plain);
    let outcome = fixture.attach(&path, &["1a"]).unwrap();
    assert!(outcome.metadata_removed.is_empty());
    let stored = &fixture.evidence_files()[0];
    assert_eq!(
        fs::read(fixture.session.folder().join("evidence").join(stored)).unwrap(),
        plain
    );
}
