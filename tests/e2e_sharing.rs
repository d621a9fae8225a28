//! End to end through the real window: "Before you share" on the Ready page finds a learner's
//! email address in a Reflection and a classroom photo that still says where it was taken
//! (written by ExifTool, as a phone would), and fixes both with one click each: the address
//! is redacted in `portfolio.json`, and the photo in the portfolio is stored again without
//! its details, while the candidate's own copy of it is left exactly as it was.

mod support;

use cmalt_core::evidence::files::sha256_hex;
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::PathwayId;
use cmalt_core::model::Portfolio;
use cmalt_core::recent::RecentPortfolios;
use cmalt_core::store::PortfolioFolder;
use std::path::Path;
use std::process::Command;
use support::{App, Home};

const EMAIL: &str = "sam.jones@student.example.ac.uk";
const PERSONAL_TAGS: [&str; 3] = ["GPSLatitude", "SerialNumber", "OwnerName"];

fn run(program: &str, args: &[&str]) -> Vec<u8> {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("`{program}` could not be run ({error}): scripts/setup.sh test installs it")
        });
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The tags ExifTool finds in `file`, by name.
fn tags_in(file: &Path) -> serde_json::Map<String, serde_json::Value> {
    let json = run("exiftool", &["-j", "-a", file.to_str().unwrap()]);
    let mut list: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_slice(&json).unwrap();
    list.remove(0)
}

/// A photo as a phone leaves it: drawn by ImageMagick, then GPS, serial and owner by ExifTool.
fn phone_photo(path: &Path) {
    let target = path.to_str().unwrap();
    run(
        "convert",
        &["-size", "320x240", "gradient:skyblue-khaki", target],
    );
    run(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-GPSLatitude=51.5072",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=0.1276",
            "-GPSLongitudeRef=W",
            "-SerialNumber=SN-4471-0093",
            "-OwnerName=Sam Example",
            target,
        ],
    );
    let tags = tags_in(path);
    for tag in PERSONAL_TAGS {
        assert!(tags.contains_key(tag), "ExifTool wrote {tag}");
    }
}

/// A portfolio as an older version of the app left it: the photo copied in with its details.
fn home_with_a_portfolio_to_share(photo: &Path) -> Home {
    let home = Home::new();
    let folder = home.data_folder().join("portfolios/sharing");
    let bytes = std::fs::read(photo).unwrap();
    let stored_name = "class-photo.jpg".to_string();
    let mut portfolio = Portfolio::new(
        "Sharing",
        "Sam Patel",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    portfolio.section_mut("1a").reflection =
        format!("After the pilot I emailed {EMAIL} to ask how the quizzes felt [E1].");
    portfolio.evidence.push(EvidenceItem {
        id: "E1".into(),
        number: 1,
        details: EvidenceDetails {
            title: "Class photo".into(),
            what_it_shows: "Students using the quiz in class".into(),
            permission_confirmed: true,
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::File {
            original_name: "IMG_2041.jpg".into(),
            stored_name: stored_name.clone(),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
            media_type: "image/jpeg".into(),
        },
        added_at: time::OffsetDateTime::now_utc(),
    });
    portfolio.next_evidence_number = 2;
    drop(PortfolioFolder::create(&folder, &portfolio).expect("the portfolio is written"));
    std::fs::create_dir_all(folder.join("evidence")).unwrap();
    std::fs::write(folder.join("evidence").join(&stored_name), &bytes).unwrap();
    RecentPortfolios::at(&home.data_folder())
        .remember(&folder)
        .unwrap();
    home
}

fn saved_portfolio(home: &Home) -> serde_json::Value {
    let file = home.data_folder().join("portfolios/sharing/portfolio.json");
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_learners_email_and_a_photos_location_are_found_and_fixed_before_sharing() {
    let originals = tempfile::tempdir().unwrap();
    let photo = originals.path().join("IMG_2041.jpg");
    phone_photo(&photo);
    let original_bytes = std::fs::read(&photo).unwrap();
    let home = home_with_a_portfolio_to_share(&photo);

    let app = App::launch(&home).await;
    app.click("[data-testid=\"recent-item\"]").await;
    app.click("[data-testid=\"ready\"]").await;
    let email = "[data-testid=\"share-finding\"][data-code=\"personal_data_in_text\"]";
    let location = "[data-testid=\"share-finding\"][data-code=\"image_location_data\"]";
    app.wait_for_text(email, "email").await;
    app.wait_for_text(location, "E1").await;
    assert!(
        app.text_of("[data-testid=\"share-passage\"]")
            .await
            .contains(EMAIL),
        "the passage is shown"
    );
    app.click("[data-testid=\"go-before-sharing\"]").await;
    app.screenshot("sharing-01-findings").await;

    app.click("[data-testid=\"share-fix\"][data-fix=\"redact\"]")
        .await;
    app.wait_until("the email is no longer reported", || async {
        !app.exists(email).await
    })
    .await;
    let reflection = saved_portfolio(&home)["sections"]["1a"]["reflection"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!reflection.contains(EMAIL), "{reflection}");
    assert!(
        // Escaped, so the stand-in reads as words and is never taken for a link or a citation.
        reflection
            == "After the pilot I emailed \\[email address\\] to ask how the quizzes felt [E1].",
        "only the address is replaced: {reflection}"
    );

    app.click("[data-testid=\"share-fix\"][data-fix=\"clean_image_metadata\"]")
        .await;
    app.wait_until("the photo is no longer reported", || async {
        !app.exists(location).await
    })
    .await;
    app.screenshot("sharing-02-fixed").await;
    app.quit().await;

    let saved = saved_portfolio(&home);
    let stored = saved["evidence"][0]["source"]["stored_name"]
        .as_str()
        .unwrap()
        .to_string();
    let clean = home
        .data_folder()
        .join("portfolios/sharing/evidence")
        .join(&stored);
    let tags = tags_in(&clean);
    for tag in PERSONAL_TAGS {
        assert!(!tags.contains_key(tag), "the stored copy still has {tag}");
    }
    assert_eq!(
        std::fs::read(&photo).unwrap(),
        original_bytes,
        "the candidate's own photo is never touched"
    );
}
