//! The personal details a photo carries besides its picture (where it was taken, the camera's
//! serial number, the owner's name, …): found, and removed before the photo becomes evidence.
//!
//! Removal is segment and chunk surgery on the JPEG, PNG or WebP container, so the picture's
//! own bytes are untouched. The one exception is a photo stored sideways with an EXIF note to
//! turn it: without the note it would show sideways, so its pixels are turned and saved again
//! (keeping the colour profile) instead.
//!
//! What stays: the ICC colour profile (JPEG APP2 `ICC_PROFILE`, PNG `iCCP`, WebP `ICCP`), the
//! JFIF and Adobe segments a decoder needs, and PNG text that only names the program that made
//! the file (`Software`), ImageMagick's record of when it converted it (`date:create`,
//! `date:modify`, `date:timestamp`: a file time, not when or where the photo was taken), its
//! description of the colour profile (`icc:*`) and its copies of technical EXIF fields
//! (`exif:ColorSpace`; its copies of personal ones, `exif:GPSLatitude`, go). Other PNG text is
//! removed: a title or description is as likely as a comment to name a pupil. Data after the end
//! of a JPEG (a phone's preview image or motion-photo video) goes too, with the index to it.

use exif::{Context, Field, In, Tag};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::metadata::Orientation;
use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageFormat, ImageReader, Limits,
};
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::Png;
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::{CHUNK_VP8X, CHUNK_XMP, WebP};
use img_parts::{Bytes, ImageEXIF, ImageICC};
use serde::Serialize;
use std::fmt;
use std::io::Cursor;

/// As sharp as the original to the eye; only a photo that must be turned is saved again.
const JPEG_QUALITY: u8 = 92;
/// The same guards against decompression bombs as "make a smaller copy".
const MAX_PIXELS: u64 = 40_000_000;
const MAX_ALLOC_BYTES: u64 = 512 * 1024 * 1024;

const EXIF_PREFIX: &[u8] = b"Exif\0\0";
const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// The continuation of an XMP packet too big for one segment.
const EXTENDED_XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const MPF_PREFIX: &[u8] = b"MPF\0";
/// A JFIF extension segment holding a thumbnail.
const JFXX_PREFIX: &[u8] = b"JFXX\0";

/// PNG text that says nothing about the person, the place or the camera.
const HARMLESS_PNG_TEXT: [&[u8]; 4] = [
    b"Software",
    b"date:create",
    b"date:modify",
    b"date:timestamp",
];
const PNG_TEXT_CHUNKS: [[u8; 4]; 3] = [*b"tEXt", *b"zTXt", *b"iTXt"];
const PNG_EXIF_CHUNK: [u8; 4] = *b"eXIf";
const PNG_END_CHUNK: [u8; 4] = *b"IEND";

/// One kind of personal detail a photo can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MetadataKind {
    /// GPS coordinates (EXIF GPS).
    Location,
    /// The camera body's or the lens's serial number.
    SerialNumber,
    /// The owner's, artist's or copyright holder's name.
    OwnerName,
    /// The camera's (or lens's) make and model.
    CameraModel,
    /// When the photo was taken.
    DateTaken,
    /// An XMP packet: photo software's notes, which can hold any of the above.
    XmpPacket,
    /// An IPTC (Photoshop) block: captions, credits, places, names.
    IptcBlock,
    /// The camera maker's own undocumented notes.
    MakerNotes,
    /// A small copy of the picture kept alongside it, which editing the picture leaves as it was.
    EmbeddedThumbnail,
    /// A comment, caption or description written into the file.
    Comment,
}

impl MetadataKind {
    /// Plain words for a message: "This photo records where it was taken and the owner's name."
    pub fn label(self) -> &'static str {
        match self {
            MetadataKind::Location => "where it was taken",
            MetadataKind::SerialNumber => "the camera's serial number",
            MetadataKind::OwnerName => "the owner's name",
            MetadataKind::CameraModel => "the camera's make and model",
            MetadataKind::DateTaken => "when it was taken",
            MetadataKind::XmpPacket => "notes added by photo software",
            MetadataKind::IptcBlock => "caption and credit details",
            MetadataKind::MakerNotes => "the camera maker's private notes",
            MetadataKind::EmbeddedThumbnail => "a hidden preview copy of the picture",
            MetadataKind::Comment => "a comment or caption",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    /// It starts like a JPEG, PNG or WebP image but is truncated or corrupt.
    #[error(
        "This image is damaged or incomplete, so the app cannot remove its personal details. Try saving or exporting it again from the program that made it."
    )]
    Damaged,
    /// A photo that has to be turned upright is over the pixel or memory limits.
    #[error(
        "This image is too large to process (over 40 megapixels). Make it smaller in an image editor first, or add it as a link instead."
    )]
    TooLargeToProcess,
    /// Saving the turned picture in memory failed; not expected for a decoded image.
    #[error("The copy without personal details could not be made ({0}).")]
    Encode(#[source] ImageError),
}

pub type Result<T> = std::result::Result<T, MetadataError>;

/// A photo with its personal details removed.
pub struct Cleaned {
    pub bytes: Vec<u8>,
    /// What was removed, each kind once, in the order of `MetadataKind`.
    pub removed: Vec<MetadataKind>,
    /// False when the bytes are the input's, unchanged.
    pub changed: bool,
}

// By hand, so a failing test shows the size rather than a megabyte of numbers.
impl fmt::Debug for Cleaned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cleaned")
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .field("removed", &self.removed)
            .field("changed", &self.changed)
            .finish()
    }
}

/// The personal details `bytes` carries, each kind once, in the order of `MetadataKind`.
/// Empty for a file that is not a JPEG, PNG or WebP image, or too damaged to read.
pub fn personal_metadata(bytes: &[u8]) -> Vec<MetadataKind> {
    match open(bytes) {
        Ok(Some(photo)) => survey(&photo).kinds,
        _ => Vec::new(),
    }
}

/// `bytes` without its personal details. Anything that is not a JPEG, PNG or WebP image, and
/// an image with nothing personal, comes back as it was (`changed: false`).
pub fn without_personal_metadata(bytes: &[u8]) -> Result<Cleaned> {
    let unchanged = || Cleaned {
        bytes: bytes.to_vec(),
        removed: Vec::new(),
        changed: false,
    };
    let Some(photo) = open(bytes)? else {
        return Ok(unchanged());
    };
    let findings = survey(&photo);
    if findings.kinds.is_empty() {
        return Ok(unchanged());
    }
    let bytes = match findings.orientation {
        Some(orientation) if orientation != Orientation::NoTransforms => {
            turned_upright(bytes, &photo, orientation)?
        }
        _ => stripped(photo),
    };
    Ok(Cleaned {
        bytes,
        removed: findings.kinds,
        changed: true,
    })
}

/// An image parsed into its segments (JPEG) or chunks (PNG, WebP).
enum Photo {
    Jpeg {
        jpeg: Jpeg,
        /// Bytes after the end of the picture: an appended preview image, or a phone's video.
        trailer_len: usize,
    },
    Png(Png),
    WebP(WebP),
}

/// What a photo carries, and the EXIF orientation note if it has one.
struct Findings {
    kinds: Vec<MetadataKind>,
    orientation: Option<Orientation>,
}

/// `None` for what is not a JPEG, PNG or WebP image, judged by content, not name.
fn open(bytes: &[u8]) -> Result<Option<Photo>> {
    let damaged = |_: img_parts::Error| MetadataError::Damaged;
    let contents = Bytes::copy_from_slice(bytes);
    let photo = match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => {
            let jpeg = Jpeg::from_bytes(contents).map_err(damaged)?;
            let trailer_len = jpeg_trailer_len(&jpeg).ok_or(MetadataError::Damaged)?;
            Photo::Jpeg { jpeg, trailer_len }
        }
        Ok(ImageFormat::Png) => {
            let png = Png::from_bytes(contents).map_err(damaged)?;
            // img-parts stops quietly where the bytes run out between two chunks.
            if png.chunk_by_type(PNG_END_CHUNK).is_none() {
                return Err(MetadataError::Damaged);
            }
            Photo::Png(png)
        }
        Ok(ImageFormat::WebP) => Photo::WebP(WebP::from_bytes(contents).map_err(damaged)?),
        _ => return Ok(None),
    };
    Ok(Some(photo))
}

fn survey(photo: &Photo) -> Findings {
    let mut kinds = Vec::new();
    let mut orientation = None;
    let mut read_exif = |tiff: &[u8], kinds: &mut Vec<MetadataKind>| {
        let (found, note) = exif_findings(tiff);
        kinds.extend(found);
        orientation = orientation.or(note);
    };
    match photo {
        Photo::Jpeg { jpeg, trailer_len } => {
            for segment in jpeg.segments() {
                if let Some(kind) = jpeg_segment_kind(segment) {
                    kinds.push(kind);
                } else if let Some(tiff) = jpeg_exif(segment) {
                    read_exif(tiff, &mut kinds);
                }
            }
            if *trailer_len > 0 {
                kinds.push(MetadataKind::EmbeddedThumbnail);
            }
        }
        Photo::Png(png) => {
            for chunk in png.chunks() {
                if chunk.kind() == PNG_EXIF_CHUNK {
                    read_exif(chunk.contents(), &mut kinds);
                } else if PNG_TEXT_CHUNKS.contains(&chunk.kind()) {
                    kinds.extend(png_text_kind(png_text_keyword(chunk.contents())));
                }
            }
        }
        Photo::WebP(webp) => {
            if let Some(tiff) = webp.exif() {
                read_exif(&tiff, &mut kinds);
            }
            if webp.has_chunk(CHUNK_XMP) {
                kinds.push(MetadataKind::XmpPacket);
            }
        }
    }
    kinds.sort();
    kinds.dedup();
    Findings { kinds, orientation }
}

/// The personal kinds among the EXIF fields, and the orientation note of the main picture.
/// A block the reader cannot make sense of even in part names nothing we could report; it is
/// removed all the same whenever anything else personal is.
fn exif_findings(tiff: &[u8]) -> (Vec<MetadataKind>, Option<Orientation>) {
    let mut reader = exif::Reader::new();
    // A camera's odd maker tag must not hide the GPS fields read before it.
    reader.continue_on_error(true);
    let Ok(exif) = reader
        .read_raw(tiff.to_vec())
        .or_else(|error| error.distill_partial_result(|_| {}))
    else {
        return (Vec::new(), None);
    };
    let kinds = exif.fields().filter_map(exif_field_kind).collect();
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|field| field.value.get_uint(0))
        .and_then(|value| u8::try_from(value).ok())
        .and_then(Orientation::from_exif);
    (kinds, orientation)
}

fn exif_field_kind(field: &Field) -> Option<MetadataKind> {
    // Windows Explorer's own fields (XPTitle, XPComment, XPAuthor, XPKeywords, XPSubject).
    const XP_AUTHOR: u16 = 0x9c9d;
    const XP_TEXT: [u16; 4] = [0x9c9b, 0x9c9c, 0x9c9e, 0x9c9f];

    let tag = field.tag;
    if field.ifd_num == In::THUMBNAIL
        && matches!(tag, Tag::JPEGInterchangeFormat | Tag::StripOffsets)
    {
        return Some(MetadataKind::EmbeddedThumbnail);
    }
    // The version alone says only that a GPS block follows.
    if tag.context() == Context::Gps && tag != Tag::GPSVersionID {
        return Some(MetadataKind::Location);
    }
    let kind = match tag {
        Tag::BodySerialNumber | Tag::LensSerialNumber => MetadataKind::SerialNumber,
        Tag::Artist | Tag::Copyright | Tag::CameraOwnerName => MetadataKind::OwnerName,
        Tag::Make | Tag::Model | Tag::LensMake | Tag::LensModel => MetadataKind::CameraModel,
        Tag::DateTimeOriginal
        | Tag::DateTimeDigitized
        | Tag::OffsetTimeOriginal
        | Tag::OffsetTimeDigitized
        | Tag::SubSecTimeOriginal
        | Tag::SubSecTimeDigitized => MetadataKind::DateTaken,
        Tag::MakerNote => MetadataKind::MakerNotes,
        Tag::ImageDescription | Tag::UserComment => MetadataKind::Comment,
        Tag(Context::Tiff, XP_AUTHOR) => MetadataKind::OwnerName,
        Tag(Context::Tiff, number) if XP_TEXT.contains(&number) => MetadataKind::Comment,
        _ => return None,
    };
    Some(kind)
}

/// The kind of a JPEG segment that is personal as a whole; EXIF is judged by its fields.
fn jpeg_segment_kind(segment: &JpegSegment) -> Option<MetadataKind> {
    let contents = segment.contents();
    match segment.marker() {
        markers::APP1
            if contents.starts_with(XMP_PREFIX) || contents.starts_with(EXTENDED_XMP_PREFIX) =>
        {
            Some(MetadataKind::XmpPacket)
        }
        markers::APP13 => Some(MetadataKind::IptcBlock),
        markers::COM => Some(MetadataKind::Comment),
        markers::APP0 if contents.starts_with(JFXX_PREFIX) => Some(MetadataKind::EmbeddedThumbnail),
        _ => None,
    }
}

fn jpeg_exif(segment: &JpegSegment) -> Option<&[u8]> {
    (segment.marker() == markers::APP1)
        .then(|| segment.contents().strip_prefix(EXIF_PREFIX))
        .flatten()
}

/// Whether stripping drops `segment`: everything personal, and all of EXIF (its orientation
/// is 1 or absent here, or the picture would be saved again instead).
fn is_removed_jpeg_segment(segment: &JpegSegment) -> bool {
    jpeg_segment_kind(segment).is_some() || jpeg_exif(segment).is_some()
}

/// How many bytes follow the picture's end (EOI), or `None` when it never ends (truncated).
/// img-parts keeps everything after the first scan header as that scan's data, later scans of a
/// progressive JPEG and any appended file included, so the end is found here.
fn jpeg_trailer_len(jpeg: &Jpeg) -> Option<usize> {
    let scan = jpeg
        .segments()
        .iter()
        .find(|segment| segment.has_entropy())?;
    let encoded = scan.clone().encoder().bytes();
    // Marker (2 bytes), length (2) and the scan header, then the scan data.
    let data = encoded.get(4 + scan.contents().len()..)?;
    let end = end_of_scans(data)?;
    let trailer = &data[end..];
    // Some cameras pad the file; padding hides nothing.
    Some(if trailer.iter().all(|&byte| byte == 0) {
        0
    } else {
        trailer.len()
    })
}

/// The offset just past the EOI marker in `data`, the bytes after the first scan header.
fn end_of_scans(data: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at + 1 < data.len() {
        if data[at] != 0xFF {
            at += 1;
            continue;
        }
        match data[at + 1] {
            // A data byte 0xFF (stuffed), a restart marker, or fill before a marker.
            0x00 | markers::RST0..=markers::RST7 => at += 2,
            0xFF => at += 1,
            markers::EOI => return Some(at + 2),
            // A table or the next scan's header of a progressive JPEG: skip its length.
            _ => {
                let length = data.get(at + 2..at + 4)?;
                at += 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
            }
        }
    }
    None
}

/// The keyword a PNG text chunk starts with (up to its NUL).
fn png_text_keyword(contents: &[u8]) -> &[u8] {
    contents.split(|&byte| byte == 0).next().unwrap_or_default()
}

/// What a PNG text chunk holds, judged by its keyword; `None` for harmless text.
fn png_text_kind(keyword: &[u8]) -> Option<MetadataKind> {
    // ImageMagick copies each EXIF field into text as "exif:GPSLatitude" and the like, and
    // describes the colour profile as "icc:description": judged by the field they copy.
    if let Some(field) = keyword.strip_prefix(b"exif:") {
        return exif_name_kind(field);
    }
    if HARMLESS_PNG_TEXT.contains(&keyword) || keyword.starts_with(b"icc:") {
        return None;
    }
    let kind = match keyword {
        // ImageMagick keeps a JPEG's XMP, IPTC and Photoshop blocks as "Raw profile type …".
        b"XML:com.adobe.xmp" | b"Raw profile type xmp" => MetadataKind::XmpPacket,
        b"Raw profile type iptc" | b"Raw profile type 8bim" => MetadataKind::IptcBlock,
        b"Author" => MetadataKind::OwnerName,
        b"Creation Time" => MetadataKind::DateTaken,
        // "Source" is the PNG keyword for the device that made the image.
        b"Source" => MetadataKind::CameraModel,
        // ExifTool writes "Artist", "Make", "Model" and "Copyright" under their EXIF names.
        _ => exif_name_kind(keyword).unwrap_or(MetadataKind::Comment),
    };
    Some(kind)
}

/// The personal kind of an EXIF field by its name, as ImageMagick and ExifTool spell it.
fn exif_name_kind(name: &[u8]) -> Option<MetadataKind> {
    let kind = match name {
        // The version and the pointer to the GPS block say nothing of the place.
        b"GPSVersionID" | b"GPSInfo" => return None,
        gps if gps.starts_with(b"GPS") => MetadataKind::Location,
        b"BodySerialNumber" | b"SerialNumber" | b"LensSerialNumber" => MetadataKind::SerialNumber,
        b"Artist" | b"Copyright" | b"CameraOwnerName" | b"OwnerName" => MetadataKind::OwnerName,
        b"Make" | b"Model" | b"LensMake" | b"LensModel" => MetadataKind::CameraModel,
        b"DateTimeOriginal"
        | b"DateTimeDigitized"
        | b"SubSecTimeOriginal"
        | b"SubSecTimeDigitized"
        | b"OffsetTimeOriginal"
        | b"OffsetTimeDigitized" => MetadataKind::DateTaken,
        b"MakerNote" => MetadataKind::MakerNotes,
        b"UserComment" | b"ImageDescription" => MetadataKind::Comment,
        _ => return None,
    };
    Some(kind)
}

/// The photo with its personal segments or chunks removed; the picture's bytes are untouched.
fn stripped(photo: Photo) -> Vec<u8> {
    match photo {
        Photo::Jpeg {
            mut jpeg,
            trailer_len,
        } => {
            jpeg.segments_mut()
                .retain(|segment| !is_removed_jpeg_segment(segment));
            if trailer_len > 0 {
                // The multi-picture index points into the trailer, which goes with it.
                jpeg.segments_mut().retain(|segment| {
                    !(segment.marker() == markers::APP2
                        && segment.contents().starts_with(MPF_PREFIX))
                });
            }
            // The trailer is the end of the last segment's scan data.
            let mut bytes = jpeg.encoder().bytes().to_vec();
            bytes.truncate(bytes.len() - trailer_len);
            bytes
        }
        Photo::Png(mut png) => {
            png.chunks_mut().retain(|chunk| {
                let text = PNG_TEXT_CHUNKS.contains(&chunk.kind());
                chunk.kind() != PNG_EXIF_CHUNK
                    && !(text && png_text_kind(png_text_keyword(chunk.contents())).is_some())
            });
            png.encoder().bytes().to_vec()
        }
        Photo::WebP(mut webp) => {
            webp.remove_chunks_by_id(CHUNK_XMP);
            // Also clears the VP8X header's EXIF flag; img-parts leaves its XMP flag alone, and
            // a decoder then looks for the XMP chunk the flag promises and refuses the file.
            webp.set_exif(None);
            clear_webp_xmp_flag(&mut webp);
            webp.encoder().bytes().to_vec()
        }
    }
}

fn clear_webp_xmp_flag(webp: &mut WebP) {
    // The first byte of the VP8X header's flags: ICC, alpha, EXIF, XMP, animation.
    const XMP_FLAG: u8 = 0b0000_0100;
    let header = webp
        .chunks_mut()
        .iter_mut()
        .find(|chunk| chunk.id() == CHUNK_VP8X)
        .map(RiffChunk::content_mut);
    if let Some(RiffContent::Data(data)) = header
        && let Some(&flags) = data.first()
    {
        let mut cleared = data.to_vec();
        cleared[0] = flags & !XMP_FLAG;
        *data = Bytes::from(cleared);
    }
}

/// The picture turned as its orientation note says and saved again in its own format with only
/// its colour profile, so it shows upright without the note.
fn turned_upright(bytes: &[u8], photo: &Photo, orientation: Orientation) -> Result<Vec<u8>> {
    let (format, icc_profile) = match photo {
        Photo::Jpeg { jpeg, .. } => (ImageFormat::Jpeg, jpeg.icc_profile()),
        Photo::Png(png) => (ImageFormat::Png, png.icc_profile()),
        Photo::WebP(webp) => (ImageFormat::WebP, webp.icc_profile()),
    };
    let mut image = decode(bytes, format)?;
    image.apply_orientation(orientation);
    let icc_profile = icc_profile.filter(|profile| describes_pixels_of(profile, &image));

    let mut encoded = Vec::new();
    let result = match format {
        ImageFormat::Jpeg => encode(
            &image,
            JpegEncoder::new_with_quality(&mut encoded, JPEG_QUALITY),
            icc_profile,
        ),
        ImageFormat::Png => encode(&image, PngEncoder::new(&mut encoded), icc_profile),
        // The only WebP encoder `image` has is lossless: larger, but nothing is lost.
        _ => encode(&image, WebPEncoder::new_lossless(&mut encoded), icc_profile),
    };
    result.map_err(MetadataError::Encode)?;
    Ok(encoded)
}

fn encode(
    image: &DynamicImage,
    mut encoder: impl ImageEncoder,
    icc_profile: Option<Bytes>,
) -> image::ImageResult<()> {
    if let Some(profile) = icc_profile {
        // All three encoders take a profile; one that did not would still save a picture.
        let _ = encoder.set_icc_profile(profile.to_vec());
    }
    image.write_with_encoder(encoder)
}

/// Whether an ICC profile describes the colour model the decoded pixels are in: a CMYK JPEG
/// decodes to RGB, and its CMYK profile would then turn the colours wrong.
fn describes_pixels_of(profile: &[u8], image: &DynamicImage) -> bool {
    let expected: &[u8] = if image.color().has_color() {
        b"RGB "
    } else {
        b"GRAY"
    };
    profile.get(16..20) == Some(expected)
}

fn decode(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    reader.limits(limits.clone());
    let decoder = reader.into_decoder().map_err(read_error)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MetadataError::TooLargeToProcess);
    }
    limits.reserve(decoder.total_bytes()).map_err(read_error)?;
    DynamicImage::from_decoder(decoder).map_err(read_error)
}

fn read_error(error: ImageError) -> MetadataError {
    match error {
        ImageError::Limits(_) => MetadataError::TooLargeToProcess,
        _ => MetadataError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_picture_is_found_past_stuffed_bytes_restarts_and_a_second_scan() {
        // Scan data with a stuffed 0xFF, a restart marker, a table between two scans of a
        // progressive JPEG (whose contents hold the bytes of an EOI), then EOI and a trailer.
        let data = [
            0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, // first scan
            0xFF, 0xC4, 0x00, 0x04, 0xFF, 0xD9, // DHT holding FF D9
            0xFF, 0xDA, 0x00, 0x02, 0x78, // second scan header and data
            0xFF, 0xD9, b'x', b'y',
        ];
        assert_eq!(
            end_of_scans(&data),
            Some(20),
            "the EOI after the second scan ends the picture, not the bytes inside the table"
        );
        assert_eq!(
            end_of_scans(&data[..18]),
            None,
            "a picture cut off before its EOI is damaged"
        );
        assert_eq!(
            end_of_scans(&[0xFF, 0xC4, 0xFF]),
            None,
            "a length running past the end is damaged, not a panic"
        );
    }

    #[test]
    fn png_text_that_names_no_one_is_kept_and_the_rest_is_named() {
        assert_eq!(
            png_text_kind(b"Software"),
            None,
            "the program's name is harmless"
        );
        assert_eq!(
            png_text_kind(b"date:modify"),
            None,
            "a conversion time is a file time"
        );
        assert_eq!(png_text_kind(b"Author"), Some(MetadataKind::OwnerName));
        assert_eq!(
            png_text_kind(b"exif:GPSLatitude"),
            Some(MetadataKind::Location),
            "ImageMagick's copy of an EXIF field is judged like the field"
        );
        assert_eq!(
            png_text_kind(b"exif:ColorSpace"),
            None,
            "a technical EXIF copy names no one"
        );
        assert_eq!(
            png_text_kind(b"XML:com.adobe.xmp"),
            Some(MetadataKind::XmpPacket)
        );
        assert_eq!(
            png_text_kind(b"Title"),
            Some(MetadataKind::Comment),
            "a title can name a pupil as easily as a comment can"
        );
        assert_eq!(png_text_keyword(b"Comment\0hello"), b"Comment");
    }

    #[test]
    fn every_kind_has_a_label_and_a_snake_case_name() {
        assert_eq!(MetadataKind::Location.label(), "where it was taken");
        assert_eq!(
            serde_json::to_string(&MetadataKind::EmbeddedThumbnail).unwrap(),
            "\"embedded_thumbnail\"",
            "the UI reads the kinds by these names"
        );
    }

    #[test]
    fn what_is_not_a_photo_comes_back_unchanged() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        let cleaned = without_personal_metadata(gif).expect("a GIF is not refused");
        assert!(!cleaned.changed, "a GIF is not ours to change");
        assert_eq!(cleaned.bytes, gif, "its bytes come back as they were");
        assert!(
            personal_metadata(b"%PDF-1.7").is_empty(),
            "a PDF is not surveyed"
        );
    }

    #[test]
    fn a_jpeg_cut_off_in_its_header_is_damaged() {
        let error = without_personal_metadata(&[0xFF, 0xD8, 0xFF, 0xE1, 0x10])
            .expect_err("a header cut short cannot be cleaned");
        assert!(matches!(error, MetadataError::Damaged), "{error}");
    }
}
