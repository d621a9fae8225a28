//! What the share-check tests share: real files made by real tools (ExifTool writes a photo's
//! details, LibreOffice makes the PDF and Word files), and a portfolio whose evidence files
//! were put in its folder the way an older version of the app left them, without going
//! through attach (which takes a photo's details out on the way in).
//!
//! Needs `libimage-exiftool-perl` and `libreoffice-writer-nogui` (scripts/setup.sh test); a
//! missing tool fails the test with the package to install, it is never skipped.

#![allow(dead_code)]

use cmalt_core::evidence::files::{safe_file_name, sha256_hex};
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::session::Session;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use time::OffsetDateTime;
use time::macros::datetime;

pub const NOW: OffsetDateTime = datetime!(2026-05-04 09:00 UTC);
pub const TODAY: time::Date = time::macros::date!(2026 - 05 - 04);

/// What a phone or camera writes, as ExifTool options: where, which camera, whose.
pub const PHONE_TAGS: &[&str] = &[
    "-GPSLatitude=51.5072",
    "-GPSLatitudeRef=N",
    "-GPSLongitude=0.1276",
    "-GPSLongitudeRef=W",
    "-SerialNumber=SN-4471-0093",
    "-BodySerialNumber=SN-4471-0093",
    "-OwnerName=Sam Example",
    "-Artist=Sam Example",
    "-Make=Canon",
    "-Model=EOS 250D",
];
/// Tags that must not be in a photo that leaves the app.
pub const PERSONAL_TAGS: [&str; 8] = [
    "GPSLatitude",
    "GPSLongitude",
    "GPSPosition",
    "SerialNumber",
    "BodySerialNumber",
    "OwnerName",
    "Artist",
    "Model",
];

pub fn framework() -> Arc<Framework> {
    Arc::new(Framework::bundled().expect("the bundled framework reads"))
}

/// Runs `program` with `args`, failing the test with the package to install when missing.
pub fn run(program: &str, args: &[&str], package: &str) -> std::process::Output {
    let output = Command::new(program).args(args).output().unwrap_or_else(|error| {
        panic!(
            "`{program}` could not be run ({error}): install it with `apt-get install -y {package}` (scripts/setup.sh test)"
        )
    });
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A photo-sized JPEG encoded by the `image` crate: soft colour gradients, as a camera's.
pub fn jpeg(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            ((x * 255 / width.max(1)) ^ seed) as u8,
            ((y * 255 / height.max(1)) + seed) as u8,
            ((x + y + seed) % 256) as u8,
        ])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("a JPEG encodes");
    bytes.into_inner()
}

/// `bytes` (a JPEG) with `tags` written into it by ExifTool, in `dir`.
pub fn with_exif(dir: &Path, bytes: &[u8], tags: &[&str]) -> Vec<u8> {
    let path = dir.join(format!("tagged-{}.jpg", &sha256_hex(bytes)[..8]));
    std::fs::write(&path, bytes).unwrap();
    let mut args: Vec<&str> = vec!["-q", "-overwrite_original"];
    args.extend_from_slice(tags);
    let target = path.to_str().unwrap().to_string();
    args.push(&target);
    run("exiftool", &args, "libimage-exiftool-perl");
    let tagged = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    tagged
}

/// A photo from a phone: GPS, serial number, owner and camera written by ExifTool.
pub fn phone_photo(dir: &Path, seed: u32) -> Vec<u8> {
    with_exif(dir, &jpeg(320, 240, seed), PHONE_TAGS)
}

/// What ExifTool reads in a file, by tag name (the group dropped).
pub fn exiftool_reads(dir: &Path, bytes: &[u8], extension: &str) -> Map<String, Value> {
    let path = dir.join(format!("read-{}.{extension}", &sha256_hex(bytes)[..8]));
    std::fs::write(&path, bytes).unwrap();
    let output = run(
        "exiftool",
        &["-j", "-a", path.to_str().unwrap()],
        "libimage-exiftool-perl",
    );
    std::fs::remove_file(&path).unwrap();
    let mut list: Vec<Map<String, Value>> =
        serde_json::from_slice(&output.stdout).expect("exiftool -j prints a JSON list");
    list.remove(0)
}

/// Fails unless ExifTool finds none of the personal tags in `bytes`.
pub fn assert_no_personal_tags(dir: &Path, bytes: &[u8], what: &str) {
    let tags = exiftool_reads(dir, bytes, "jpg");
    for tag in PERSONAL_TAGS {
        assert!(
            !tags.contains_key(tag),
            "{what} still carries {tag} = {:?}",
            tags[tag]
        );
    }
}

/// Fails unless ExifTool finds the phone's GPS, serial number and owner in `bytes`.
pub fn assert_phone_tags(dir: &Path, bytes: &[u8], what: &str) {
    let tags = exiftool_reads(dir, bytes, "jpg");
    for tag in ["GPSLatitude", "SerialNumber", "OwnerName"] {
        assert!(tags.contains_key(tag), "{what} should still carry {tag}");
    }
}

/// `source_text` saved as `name` in `dir`, converted by LibreOffice `to` ("pdf", "docx", or
/// a filter with options), and the converted file's bytes.
pub fn libreoffice(dir: &Path, name: &str, source_text: &str, to: &str) -> Vec<u8> {
    let source = dir.join(name);
    std::fs::write(&source, source_text).unwrap();
    // A profile of its own, so a desktop LibreOffice that is open does not take the job.
    let profile = dir.join("lo-profile");
    let out = dir.join(format!("converted-{}", to.len()));
    let profile_arg = format!("-env:UserInstallation=file://{}", profile.display());
    run(
        "soffice",
        &[
            &profile_arg,
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            out.to_str().unwrap(),
            source.to_str().unwrap(),
        ],
        "libreoffice-writer-nogui",
    );
    let extension = to.split(':').next().unwrap();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let converted = out.join(format!("{stem}.{extension}"));
    let bytes = std::fs::read(&converted)
        .unwrap_or_else(|_| panic!("LibreOffice made no {}", converted.display()));
    std::fs::remove_dir_all(&out).unwrap();
    bytes
}

/// A LibreOffice document (flat ODT) whose body, page header and footnote each hold personal
/// data, beside dates, money, a version number and an evidence number that are not.
pub fn report_fodt(body: &str, header: &str, footnote: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/></style:page-layout>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>{header}</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:p>Quiz feedback, spring term</text:p>
   <text:p>{body}<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>{footnote}</text:p></text:note-body></text:note></text:p>
   <text:p>On 12/03/2024 the licence cost £1,250 and Moodle 4.1.2 was used, as [E3] shows; call 2023-24 the pilot year.</text:p>
  </office:text>
 </office:body>
</office:document>
"#
    )
}

/// The report most tests use: a learner's name, her parent's email in a footnote, and the
/// tutor's mobile in the page header.
pub fn learner_report() -> String {
    report_fodt(
        "My student <text:span text:style-name=\"T1\">Priya Shah</text:span> asked for extra time.",
        "Tutor's mobile 07700 900123",
        "Her mother wrote from priya.shah2009@gmail.com.",
    )
}

/// A LibreOffice document with only a picture on its page, as a scanned page is: no text.
pub fn scanned_page_fodt() -> String {
    let picture =
        image::RgbImage::from_fn(60, 40, |x, y| image::Rgb([x as u8 * 4, y as u8 * 6, 120]));
    let mut png = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut png, image::ImageFormat::Png).unwrap();
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(png.into_inner());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body>
  <office:text>
   <text:p><draw:frame draw:name="Scan" svg:width="15cm" svg:height="10cm"><draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>
  </office:text>
 </office:body>
</office:document>
"#
    )
}

/// A new, empty Senior portfolio in `root/portfolio`, closed again.
pub fn new_portfolio(root: &Path) -> PathBuf {
    let folder = root.join("portfolio");
    let portfolio = Portfolio::new("Safe to share", "Sam Example", PathwayId::Senior, NOW);
    drop(Session::create(framework(), &folder, portfolio).expect("a new portfolio"));
    folder
}

pub fn load(folder: &Path) -> Portfolio {
    serde_json::from_slice(&std::fs::read(folder.join("portfolio.json")).unwrap()).unwrap()
}

pub fn store(folder: &Path, portfolio: &Portfolio) {
    std::fs::write(
        folder.join("portfolio.json"),
        serde_json::to_vec_pretty(portfolio).unwrap(),
    )
    .unwrap();
}

/// Puts `bytes` in the portfolio's `evidence/` folder and lists it in `portfolio.json`, as
/// an older version of the app (or a copy made by hand) left it: nothing is taken out.
/// Returns the new item's id. The portfolio must not be open.
pub fn put_evidence(
    folder: &Path,
    original_name: &str,
    bytes: &[u8],
    media_type: &str,
    title: &str,
) -> String {
    let sha256 = sha256_hex(bytes);
    let stored_name = format!("{}-{}", &sha256[..12], safe_file_name(original_name));
    std::fs::write(folder.join("evidence").join(&stored_name), bytes).unwrap();
    let mut portfolio = load(folder);
    let number = portfolio.next_evidence_number;
    portfolio.next_evidence_number += 1;
    let id = EvidenceItem::id_for(number);
    portfolio.evidence.push(EvidenceItem {
        id: id.clone(),
        number,
        details: EvidenceDetails {
            title: title.to_string(),
            what_it_shows: "How the activity went".into(),
            permission_confirmed: true,
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::File {
            original_name: original_name.to_string(),
            stored_name,
            bytes: bytes.len() as u64,
            sha256,
            media_type: media_type.to_string(),
        },
        added_at: NOW,
    });
    store(folder, &portfolio);
    id
}

/// Adds a link item to a closed portfolio; returns its id.
pub fn put_link(folder: &Path, url: &str, title: &str) -> String {
    let mut portfolio = load(folder);
    let number = portfolio.next_evidence_number;
    portfolio.next_evidence_number += 1;
    let id = EvidenceItem::id_for(number);
    portfolio.evidence.push(EvidenceItem {
        id: id.clone(),
        number,
        details: EvidenceDetails {
            title: title.to_string(),
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::Link {
            url: url.to_string(),
        },
        added_at: NOW,
    });
    store(folder, &portfolio);
    id
}

/// Writes `description` into a section of a closed portfolio.
pub fn write_section(folder: &Path, section: &str, description: &str) {
    let mut portfolio = load(folder);
    portfolio.section_mut(section).description = description.to_string();
    store(folder, &portfolio);
}

pub fn open(folder: &Path) -> Session {
    Session::open(framework(), folder).expect("the portfolio opens")
}

/// The files in the portfolio's `evidence/` folder, by name.
pub fn evidence_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder.join("evidence"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
