//! Removing personal details from photos made by the real tools: ImageMagick draws each picture
//! and ExifTool writes the details into it, as a camera, a phone or photo software would; then
//! ExifTool reads the cleaned file to say what is left.
//!
//! Needs `imagemagick`, `libimage-exiftool-perl` and `icc-profiles-free` (for an sRGB profile);
//! a missing one fails the test with the package to install, it is never skipped.

use cmalt_core::evidence::photo_metadata::{
    MetadataError, MetadataKind, personal_metadata, without_personal_metadata,
};
use serde_json::{Map, Value};
use std::path::Path;
use std::process::Command;

use MetadataKind::*;

const ICC_PROFILE: &str = "/usr/share/color/icc/sRGB.icc";

/// What a phone or camera writes, as ExifTool options, with the kinds they are.
const GPS: &[&str] = &[
    "-GPSLatitude=51.5",
    "-GPSLatitudeRef=N",
    "-GPSLongitude=0.12",
    "-GPSLongitudeRef=W",
];
const SERIAL: &[&str] = &["-SerialNumber=ABC123456", "-BodySerialNumber=ABC123456"];
const OWNER: &[&str] = &[
    "-Artist=Sam Example",
    "-OwnerName=Sam Example",
    "-Copyright=Sam Example",
];
const CAMERA: &[&str] = &["-Make=Canon", "-Model=EOS 5D"];
const DATE_TAKEN: &[&str] = &["-DateTimeOriginal=2024:05:01 10:00:00"];
const XMP: &[&str] = &["-XMP-dc:Creator=Sam Example"];
const IPTC: &[&str] = &["-IPTC:By-line=Sam Example"];
const COMMENT: &[&str] = &["-Comment=taken in class 9B"];

/// Tag names that must not survive cleaning, as `exiftool -j -G -a` names them after the group.
const PERSONAL_TAGS: [&str; 18] = [
    "GPSLatitude",
    "GPSLongitude",
    "GPSPosition",
    "SerialNumber",
    "BodySerialNumber",
    "Artist",
    "OwnerName",
    "Copyright",
    "Creator",
    "By-line",
    "Make",
    "Model",
    "DateTimeOriginal",
    "Comment",
    "ThumbnailImage",
    "ThumbnailLength",
    "ThumbnailOffset",
    "Orientation",
];
/// Values written above, which must be nowhere in what ExifTool reads back.
const PERSONAL_VALUES: [&str; 4] = ["Sam Example", "ABC123456", "class 9B", "Canon"];

/// Fails, never skips, when a tool the tests need is missing.
fn require_tools() {
    for (program, version, package) in [
        ("convert", "-version", "imagemagick"),
        ("exiftool", "-ver", "libimage-exiftool-perl"),
    ] {
        let runs = Command::new(program)
            .arg(version)
            .output()
            .is_ok_and(|output| output.status.success());
        assert!(
            runs,
            "`{program}` is missing: install it with `apt-get install -y {package}` (scripts/setup.sh)"
        );
    }
    assert!(
        Path::new(ICC_PROFILE).is_file(),
        "{ICC_PROFILE} is missing: install it with `apt-get install -y icc-profiles-free`"
    );
}

fn run(program: &str, args: &[&str]) -> Vec<u8> {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{program} could not be started: {error}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A 64x48 picture, red at the top and blue at the bottom, with an sRGB profile, and the
/// ExifTool options `tags` written into it.
fn photo(extension: &str, tags: &[&[&str]]) -> Vec<u8> {
    require_tools();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(format!("photo.{extension}"));
    let path_text = path.to_str().unwrap();
    run(
        "convert",
        &[
            "-size",
            "64x48",
            "gradient:red-blue",
            "-profile",
            ICC_PROFILE,
            path_text,
        ],
    );
    let tags: Vec<&str> = tags
        .iter()
        .flat_map(|group| group.iter().copied())
        .collect();
    if !tags.is_empty() {
        let mut args = vec!["-overwrite_original", "-n"];
        args.extend(&tags);
        args.push(path_text);
        run("exiftool", &args);
    }
    std::fs::read(&path).unwrap()
}

/// What ExifTool reads in `bytes`, as "Group:Tag" to value.
fn exiftool_reads(bytes: &[u8], extension: &str) -> Map<String, Value> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(format!("cleaned.{extension}"));
    std::fs::write(&path, bytes).unwrap();
    let json = run("exiftool", &["-j", "-G", "-a", path.to_str().unwrap()]);
    let mut files: Vec<Map<String, Value>> =
        serde_json::from_slice(&json).expect("exiftool -j prints a JSON list");
    files.remove(0)
}

fn tag_names(tags: &Map<String, Value>) -> Vec<&str> {
    tags.keys()
        .map(|key| key.split_once(':').map_or(key.as_str(), |(_, name)| name))
        .collect()
}

fn assert_nothing_personal_left(bytes: &[u8], extension: &str) {
    let tags = exiftool_reads(bytes, extension);
    let names = tag_names(&tags);
    for personal in PERSONAL_TAGS {
        assert!(
            !names.contains(&personal),
            "{extension}: {personal} must be gone from the cleaned file, ExifTool still reads {tags:#?}"
        );
    }
    let text = Value::Object(tags.clone()).to_string();
    for value in PERSONAL_VALUES {
        assert!(
            !text.contains(value),
            "{extension}: \"{value}\" must be nowhere in the cleaned file: {tags:#?}"
        );
    }
    assert!(
        tags.keys().any(|key| key.starts_with("ICC_Profile:")),
        "{extension}: the colour profile must stay, or colours shift: {tags:#?}"
    );
}

fn decoded(bytes: &[u8], what: &str) -> image::DynamicImage {
    image::load_from_memory(bytes)
        .unwrap_or_else(|error| panic!("{what} must still be a picture `image` reads: {error}"))
}

/// Everything a camera writes, cleaned away losslessly; `written` are ExifTool's options for
/// this format and `expected` the kinds they make.
fn assert_cleaned_losslessly(extension: &str, written: &[&[&str]], expected: &[MetadataKind]) {
    let original = photo(extension, written);
    assert_eq!(
        personal_metadata(&original),
        expected,
        "{extension}: the survey must name exactly what ExifTool wrote"
    );

    let cleaned = without_personal_metadata(&original).expect("a healthy photo can be cleaned");

    assert!(
        cleaned.changed,
        "{extension}: there was something to remove"
    );
    assert_eq!(
        cleaned.removed, expected,
        "{extension}: it says what it removed"
    );
    assert!(
        cleaned.bytes.len() < original.len(),
        "{extension}: only removing, never adding"
    );
    assert_nothing_personal_left(&cleaned.bytes, extension);
    assert_eq!(
        decoded(&cleaned.bytes, "the cleaned photo").as_bytes(),
        decoded(&original, "the original").as_bytes(),
        "{extension}: an upright photo is not saved again, so every pixel is the same"
    );
    assert!(
        personal_metadata(&cleaned.bytes).is_empty(),
        "{extension}: the survey finds nothing left"
    );
}

#[test]
fn a_camera_jpeg_loses_every_personal_detail_and_keeps_its_colour_profile() {
    assert_cleaned_losslessly(
        "jpg",
        &[GPS, SERIAL, OWNER, CAMERA, DATE_TAKEN, XMP, IPTC, COMMENT],
        &[
            Location,
            SerialNumber,
            OwnerName,
            CameraModel,
            DateTaken,
            XmpPacket,
            IptcBlock,
            Comment,
        ],
    );
}

#[test]
fn a_png_loses_every_personal_detail_and_keeps_its_colour_profile() {
    // ExifTool writes EXIF as an eXIf chunk, XMP as iTXt, IPTC as "Raw profile type iptc",
    // and Artist, Make, Model, Copyright and Comment as PNG text as well.
    assert_cleaned_losslessly(
        "png",
        &[GPS, SERIAL, OWNER, CAMERA, DATE_TAKEN, XMP, IPTC, COMMENT],
        &[
            Location,
            SerialNumber,
            OwnerName,
            CameraModel,
            DateTaken,
            XmpPacket,
            IptcBlock,
            Comment,
        ],
    );
}

#[test]
fn a_webp_loses_every_personal_detail_and_keeps_its_colour_profile() {
    // WebP has no place for IPTC or a comment; ExifTool writes the EXIF and XMP chunks.
    assert_cleaned_losslessly(
        "webp",
        &[GPS, SERIAL, OWNER, CAMERA, DATE_TAKEN, XMP],
        &[
            Location,
            SerialNumber,
            OwnerName,
            CameraModel,
            DateTaken,
            XmpPacket,
        ],
    );
}

#[test]
fn a_sideways_photo_is_turned_upright_and_loses_its_orientation_note() {
    for extension in ["jpg", "png", "webp"] {
        // 6: stored sideways, to be turned 90 degrees clockwise to show, as phones do.
        let original = photo(extension, &[GPS, OWNER, &["-Orientation=6"]]);

        let cleaned = without_personal_metadata(&original).expect("a sideways photo is cleaned");

        assert!(
            cleaned.changed,
            "{extension}: there was something to remove"
        );
        assert_eq!(cleaned.removed, [Location, OwnerName], "{extension}");
        assert_nothing_personal_left(&cleaned.bytes, extension);
        let tags = exiftool_reads(&cleaned.bytes, extension);
        assert_eq!(
            tags.get("Composite:ImageSize").and_then(Value::as_str),
            Some("48x64"),
            "{extension}: turned upright, the 64x48 picture is 48 wide and 64 high: {tags:#?}"
        );
        let upright = decoded(&cleaned.bytes, "the turned photo").into_rgb8();
        assert_eq!(upright.dimensions(), (48, 64), "{extension}");
        // The red top of the stored picture is on the right once turned clockwise.
        let right = upright.get_pixel(46, 32);
        let left = upright.get_pixel(1, 32);
        assert!(
            right[0] > right[2] && left[2] > left[0],
            "{extension}: turned clockwise, red on the right and blue on the left: {right:?} {left:?}"
        );
    }
}

#[test]
fn a_photo_with_nothing_personal_comes_back_byte_identical() {
    for extension in ["jpg", "png", "webp"] {
        // ImageMagick's own PNG text (the conversion time, the profile's name) is kept.
        let original = photo(extension, &[]);
        assert_eq!(
            personal_metadata(&original),
            [],
            "{extension}: a plain picture carries nothing personal"
        );

        let cleaned = without_personal_metadata(&original).expect("a plain picture is fine");

        assert!(!cleaned.changed, "{extension}: nothing to remove");
        assert!(cleaned.removed.is_empty(), "{extension}");
        assert!(
            cleaned.bytes == original,
            "{extension}: the bytes come back exactly as they were"
        );
    }
}

#[test]
fn a_sideways_photo_with_nothing_personal_is_left_as_it_was() {
    // Nothing to remove, so nothing is saved again and the note still turns it.
    let original = photo("jpg", &[&["-Orientation=6"]]);
    let cleaned = without_personal_metadata(&original).unwrap();
    assert!(
        !cleaned.changed,
        "an orientation note alone is not personal"
    );
    assert!(cleaned.bytes == original, "and the bytes are untouched");
}

#[test]
fn a_truncated_photo_is_an_error_not_a_panic() {
    for extension in ["jpg", "png", "webp"] {
        let original = photo(extension, &[GPS, OWNER]);
        for cut in 0..original.len() {
            let truncated = &original[..cut];
            // Whatever the survey makes of a broken file, it must not panic.
            personal_metadata(truncated);
            match without_personal_metadata(truncated) {
                Err(MetadataError::Damaged) => {}
                // Too short to be recognised as an image at all: not ours to judge.
                Ok(cleaned) if !cleaned.changed && image::guess_format(truncated).is_err() => {}
                other => panic!(
                    "{extension} cut to {cut} of {} bytes must be refused as damaged, got {other:?}",
                    original.len()
                ),
            }
        }
    }
}

#[test]
fn personal_metadata_lists_exactly_the_kinds_written() {
    let folder = tempfile::tempdir().unwrap();
    let thumbnail = folder.path().join("thumbnail.jpg");
    run(
        "convert",
        &[
            "-size",
            "16x12",
            "gradient:red-blue",
            thumbnail.to_str().unwrap(),
        ],
    );
    let thumbnail_tag = format!("-ThumbnailImage<={}", thumbnail.display());
    let cases: [(&[&str], MetadataKind); 9] = [
        (GPS, Location),
        (SERIAL, SerialNumber),
        (OWNER, OwnerName),
        (CAMERA, CameraModel),
        (DATE_TAKEN, DateTaken),
        (XMP, XmpPacket),
        (IPTC, IptcBlock),
        (COMMENT, Comment),
        (&[thumbnail_tag.as_str()], EmbeddedThumbnail),
    ];
    for (tags, kind) in cases {
        let original = photo("jpg", &[tags]);
        assert_eq!(
            personal_metadata(&original),
            [kind],
            "{tags:?} must be reported as {kind:?} alone"
        );
        let cleaned = without_personal_metadata(&original).unwrap();
        assert_eq!(cleaned.removed, [kind], "{tags:?}");
        assert_nothing_personal_left(&cleaned.bytes, "jpg");
    }
}

#[test]
fn each_kind_reads_as_plain_words() {
    assert_eq!(Location.label(), "where it was taken");
    assert_eq!(SerialNumber.label(), "the camera's serial number");
    assert_eq!(OwnerName.label(), "the owner's name");
}

#[test]
fn a_picture_appended_after_a_jpeg_goes_with_its_details() {
    // Phones append a preview or a motion-photo video after the picture's end, where editors
    // never look; here a second camera JPEG with its GPS and owner stands in for it.
    let picture = photo("jpg", &[]);
    let appended = photo("jpg", &[GPS, OWNER]);
    let joined = [picture.as_slice(), appended.as_slice()].concat();

    assert_eq!(
        personal_metadata(&joined),
        [EmbeddedThumbnail],
        "what follows the picture is reported as a hidden copy"
    );
    let cleaned = without_personal_metadata(&joined).unwrap();
    assert!(
        cleaned.bytes == picture,
        "only the picture itself is left, byte for byte"
    );
}
