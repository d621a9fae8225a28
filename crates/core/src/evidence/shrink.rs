//! "Make a smaller copy": shrinks an oversized PNG, JPEG or WebP image until it fits the
//! scheme's size limit for one evidence file, leaving the original bytes untouched.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbaImage};
use std::fmt;
use std::io::Cursor;

/// The kinds we can read: the ones the `image` dependency is built with.
const SHRINKABLE: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];

/// More than a 40-megapixel camera needs; a decompression bomb claims far more.
const MAX_PIXELS: u64 = 40_000_000;
const MAX_ALLOC_BYTES: u64 = 512 * 1024 * 1024;

/// Sharp on any screen an assessor will use, and rarely over 1 MB as a JPEG.
const MAX_LONG_SIDE: u32 = 2400;
/// Below this an evidence image stops being legible, so we would rather say so.
const MIN_LONG_SIDE: u32 = 200;
const SHRINK_STEP: f64 = 0.8;
/// As sharp as Lanczos3 to the eye when shrinking, with two thirds of the work per pixel.
const RESIZE_FILTER: FilterType = FilterType::CatmullRom;

/// Good enough that text in a screenshot stays crisp.
const JPEG_QUALITY: u8 = 82;
/// Lower qualities tried at full size before giving up pixels; below ~60 artefacts show.
const JPEG_FALLBACK_QUALITIES: [u8; 2] = [70, 60];

#[derive(Debug, thiserror::Error)]
pub enum ShrinkError {
    /// The content is not PNG, JPEG or WebP (whatever the file is called), or is a variant
    /// of them the decoder does not support.
    #[error("This file is not a PNG, JPEG or WebP image the app can read.")]
    NotAnImage,
    /// It starts like an image but is truncated or corrupt.
    #[error(
        "This image is damaged or incomplete, so the app cannot read it. Try saving or exporting it again from the program that made it."
    )]
    Damaged(#[source] ImageError),
    /// More pixels or memory than we allow, which guards against decompression bombs.
    #[error(
        "This image is too large to process (over 40 megapixels). Make it smaller in an image editor first, or add it as a link instead."
    )]
    TooLargeToProcess,
    /// Still over the limit at the smallest size that stays legible.
    #[error("Even a copy shrunk to {MIN_LONG_SIDE} pixels across is over {}, so the app cannot make a small enough copy. Add it as a link instead, or crop it to the part that matters.", crate::evidence::files::megabytes(*.limit))]
    CannotFit { limit: u64 },
    /// Encoding in memory failed; not expected for a decoded image.
    #[error("The smaller copy could not be made ({0}).")]
    Encode(#[source] ImageError),
}

pub type Result<T> = std::result::Result<T, ShrinkError>;

pub struct SmallerCopy {
    pub bytes: Vec<u8>,
    /// "image/jpeg" or "image/png"
    pub media_type: &'static str,
    /// the file extension to use: "jpg" or "png"
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
    pub original_width: u32,
    pub original_height: u32,
}

// By hand, so a failing test or a log line shows the size rather than a megabyte of numbers.
impl fmt::Debug for SmallerCopy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmallerCopy")
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .field("media_type", &self.media_type)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("original_width", &self.original_width)
            .field("original_height", &self.original_height)
            .finish()
    }
}

/// True for the kinds we can shrink, judged by the file's content (magic bytes), not its name.
pub fn can_make_smaller(bytes: &[u8]) -> bool {
    shrinkable_format(bytes).is_some()
}

/// Makes a copy of the image that fits in `limit` bytes; the original bytes are not changed.
pub fn make_smaller_copy(bytes: &[u8], limit: u64) -> Result<SmallerCopy> {
    let image = decode(bytes)?;
    let (original_width, original_height) = (image.width(), image.height());

    // JPEG has no alpha, so only keep PNG (much bigger) when transparency would be lost.
    let rgba = image.into_rgba8();
    let transparent = rgba.pixels().any(|pixel| pixel[3] < 255);
    let image = if transparent {
        DynamicImage::ImageRgba8(rgba)
    } else {
        DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).into_rgb8())
    };

    // Later steps start from the capped image: a 40-megapixel original is resized only once.
    let image = resize_to_long_side(&image, MAX_LONG_SIDE);
    let mut long_side = image.width().max(image.height());
    let mut first_size = true;
    loop {
        let resized = resize_to_long_side(&image, long_side);
        let qualities: &[u8] = match (transparent, first_size) {
            (true, _) => &[0], // PNG is lossless; the value is unused
            (false, true) => &[
                JPEG_QUALITY,
                JPEG_FALLBACK_QUALITIES[0],
                JPEG_FALLBACK_QUALITIES[1],
            ],
            (false, false) => &JPEG_FALLBACK_QUALITIES[1..],
        };
        for &quality in qualities {
            let encoded = if transparent {
                encode_png(&resized)?
            } else {
                encode_jpeg(&resized, quality)?
            };
            if encoded.len() as u64 <= limit {
                let (media_type, extension) = if transparent {
                    ("image/png", "png")
                } else {
                    ("image/jpeg", "jpg")
                };
                return Ok(SmallerCopy {
                    bytes: encoded,
                    media_type,
                    extension,
                    width: resized.width(),
                    height: resized.height(),
                    original_width,
                    original_height,
                });
            }
        }
        first_size = false;
        // One last try at the smallest legible size rather than stopping just above it.
        long_side = match (f64::from(long_side) * SHRINK_STEP).round() as u32 {
            next if next >= MIN_LONG_SIDE => next,
            _ if long_side > MIN_LONG_SIDE => MIN_LONG_SIDE,
            _ => return Err(ShrinkError::CannotFit { limit }),
        };
    }
}

fn shrinkable_format(bytes: &[u8]) -> Option<ImageFormat> {
    image::guess_format(bytes)
        .ok()
        .filter(|format| SHRINKABLE.contains(format))
}

fn decode(bytes: &[u8]) -> Result<DynamicImage> {
    let format = shrinkable_format(bytes).ok_or(ShrinkError::NotAnImage)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(read_error)?;

    // The header is read by now, so a bomb is refused before its pixels are allocated.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ShrinkError::TooLargeToProcess);
    }
    // `into_decoder` leaves the output buffer out of the allowance; `ImageReader::decode` would not.
    limits.reserve(decoder.total_bytes()).map_err(read_error)?;

    // A phone photo taken upright is stored sideways with an EXIF note; a bad note is ignored
    // rather than refusing a picture that otherwise reads fine.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(read_error)?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn read_error(error: ImageError) -> ShrinkError {
    match error {
        ImageError::Limits(_) => ShrinkError::TooLargeToProcess,
        ImageError::Unsupported(_) => ShrinkError::NotAnImage,
        other => ShrinkError::Damaged(other),
    }
}

/// Scales so the longer side is `long_side`, keeping the aspect ratio; never enlarges.
fn resize_to_long_side(image: &DynamicImage, long_side: u32) -> DynamicImage {
    let (width, height) = (image.width(), image.height());
    let current = width.max(height);
    if long_side >= current {
        return image.clone();
    }
    let scale = f64::from(long_side) / f64::from(current);
    let scaled = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    let (new_width, new_height) = (scaled(width), scaled(height));
    match image {
        // The filter would otherwise blend in the colour of invisible pixels (often black),
        // leaving a dark fringe around a transparent cut-out.
        DynamicImage::ImageRgba8(rgba) => {
            let mut premultiplied = rgba.clone();
            for pixel in premultiplied.pixels_mut() {
                let alpha = u16::from(pixel[3]);
                for channel in &mut pixel.0[..3] {
                    *channel = ((u16::from(*channel) * alpha + 127) / 255) as u8;
                }
            }
            let mut resized =
                image::imageops::resize(&premultiplied, new_width, new_height, RESIZE_FILTER);
            unpremultiply(&mut resized);
            DynamicImage::ImageRgba8(resized)
        }
        _ => image.resize_exact(new_width, new_height, RESIZE_FILTER),
    }
}

fn unpremultiply(image: &mut RgbaImage) {
    for pixel in image.pixels_mut() {
        let alpha = u16::from(pixel[3]);
        if alpha == 0 {
            pixel.0 = [0, 0, 0, 0];
            continue;
        }
        for channel in &mut pixel.0[..3] {
            *channel = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
        }
    }
}

fn encode_jpeg(image: &DynamicImage, quality: u8) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    image
        .write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, quality))
        .map_err(ShrinkError::Encode)?;
    Ok(bytes)
}

fn encode_png(image: &DynamicImage) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, PngFilter::Adaptive);
    image
        .write_with_encoder(encoder)
        .map_err(ShrinkError::Encode)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, RgbImage, Rgba};

    const LIMIT: u64 = 1_000_000;

    /// xorshift32: deterministic noise without another crate.
    struct Noise(u32);

    impl Noise {
        fn next(&mut self) -> u8 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 17;
            self.0 ^= self.0 << 5;
            (self.0 >> 24) as u8
        }
    }

    /// A gradient with grain: like a photo, so deflate cannot squeeze it but JPEG can.
    fn photo_like(width: u32, height: u32) -> RgbImage {
        let mut noise = Noise(0x9E37_79B9);
        RgbImage::from_fn(width, height, |x, y| {
            let r = (x * 255 / width) as u8;
            let g = (y * 255 / height) as u8;
            let mut grain = |base: u8| base.wrapping_add(noise.next() >> 3);
            Rgb([grain(r), grain(g), grain(128)])
        })
    }

    /// Photo-like, with a transparent border so the image has meaningful alpha.
    fn cut_out(width: u32, height: u32) -> RgbaImage {
        let photo = photo_like(width, height);
        RgbaImage::from_fn(width, height, |x, y| {
            let Rgb([r, g, b]) = *photo.get_pixel(x, y);
            let inside = x > width / 8 && x < width * 7 / 8 && y > height / 8 && y < height * 7 / 8;
            Rgba([r, g, b, if inside { 255 } else { 0 }])
        })
    }

    fn png(image: &DynamicImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        PngEncoder::new_with_quality(&mut bytes, CompressionType::Fast, PngFilter::NoFilter)
            .write_image(
                image.as_bytes(),
                image.width(),
                image.height(),
                image.color().into(),
            )
            .expect("a test image encodes as PNG");
        bytes
    }

    fn assert_same_aspect(copy: &SmallerCopy) {
        let original = f64::from(copy.original_width) / f64::from(copy.original_height);
        let shrunk = f64::from(copy.width) / f64::from(copy.height);
        assert!(
            (shrunk / original - 1.0).abs() < 0.01,
            "the copy should keep the aspect ratio within 1%: {copy:?}"
        );
    }

    fn decoded(copy: &SmallerCopy) -> DynamicImage {
        image::load_from_memory(&copy.bytes).expect("the smaller copy should itself be readable")
    }

    #[test]
    fn an_opaque_image_over_the_limit_becomes_a_jpeg_that_fits() {
        // Wide rather than 3000 x 2000: as many columns to cap, a third of the pixels, so the
        // resize stays quick in a debug build.
        let original = png(&DynamicImage::ImageRgb8(photo_like(3000, 600)));
        assert!(
            original.len() as u64 > LIMIT,
            "the test image must start over the limit"
        );
        let before = original.clone();

        let copy = make_smaller_copy(&original, LIMIT).expect("an opaque photo can be shrunk");

        assert!(
            copy.bytes.len() as u64 <= LIMIT,
            "the copy must fit the limit: {copy:?}"
        );
        assert_eq!(
            (copy.media_type, copy.extension),
            ("image/jpeg", "jpg"),
            "opaque images go JPEG"
        );
        assert_eq!((copy.original_width, copy.original_height), (3000, 600));
        assert_eq!(
            (copy.width, copy.height),
            (MAX_LONG_SIDE, 480),
            "the long side is capped at 2400 px"
        );
        let image = decoded(&copy);
        assert_eq!(
            (image.width(), image.height()),
            (copy.width, copy.height),
            "reported size is the real one"
        );
        assert_eq!(original, before, "the original bytes must not change");
    }

    #[test]
    fn an_opaque_image_shrinks_until_it_fits() {
        let original = png(&DynamicImage::ImageRgb8(photo_like(1000, 750)));
        let limit = 60_000;

        let copy = make_smaller_copy(&original, limit).expect("an opaque photo can be shrunk");

        assert!(
            copy.bytes.len() as u64 <= limit,
            "the copy must fit the limit: {copy:?}"
        );
        assert!(
            copy.width < 1000,
            "a lower JPEG quality alone cannot fit 60 KB: {copy:?}"
        );
        assert!(
            copy.width.max(copy.height) >= MIN_LONG_SIDE,
            "never below 200 px: {copy:?}"
        );
        assert_same_aspect(&copy);
        decoded(&copy);
    }

    #[test]
    fn a_transparent_image_stays_png_and_keeps_its_transparency() {
        let original = png(&DynamicImage::ImageRgba8(cut_out(600, 400)));
        let limit = 200_000;
        assert!(
            original.len() as u64 > limit,
            "the test image must start over the limit"
        );

        let copy = make_smaller_copy(&original, limit).expect("a transparent image can be shrunk");

        assert!(
            copy.bytes.len() as u64 <= limit,
            "the copy must fit the limit: {copy:?}"
        );
        assert_eq!(
            (copy.media_type, copy.extension),
            ("image/png", "png"),
            "transparency needs PNG"
        );
        assert!(copy.width < 600, "it had to shrink to fit: {copy:?}");
        assert_same_aspect(&copy);
        let image = decoded(&copy).into_rgba8();
        assert_eq!(
            image.get_pixel(0, 0)[3],
            0,
            "the transparent border must stay transparent"
        );
        let centre = image.get_pixel(copy.width / 2, copy.height / 2);
        assert_eq!(centre[3], 255, "the opaque middle must stay opaque");
    }

    #[test]
    fn a_png_with_an_alpha_channel_but_no_transparency_goes_jpeg() {
        let opaque = DynamicImage::ImageRgb8(photo_like(400, 300)).into_rgba8();
        let copy = make_smaller_copy(&png(&DynamicImage::ImageRgba8(opaque)), LIMIT)
            .expect("an opaque RGBA image can be shrunk");
        assert_eq!(
            copy.media_type, "image/jpeg",
            "an alpha channel that is all 255 is not transparency"
        );
    }

    #[test]
    fn a_small_image_under_the_limit_keeps_its_size() {
        let original = png(&DynamicImage::ImageRgb8(photo_like(300, 200)));
        let copy = make_smaller_copy(&original, LIMIT).expect("a small image still gets a copy");
        assert_eq!(
            (copy.width, copy.height),
            (300, 200),
            "nothing to shrink, so no pixels are lost"
        );
        assert!(
            copy.bytes.len() as u64 <= LIMIT,
            "the copy must fit the limit: {copy:?}"
        );
        decoded(&copy);
    }

    #[test]
    fn a_limit_too_small_for_even_200_pixels_is_refused() {
        let original = png(&DynamicImage::ImageRgb8(photo_like(600, 400)));
        let error =
            make_smaller_copy(&original, 1000).expect_err("1 KB cannot hold a legible image");
        assert!(
            matches!(error, ShrinkError::CannotFit { limit: 1000 }),
            "got {error:?}"
        );
        assert!(
            error.to_string().contains("200 pixels"),
            "the message says how far we tried: {error}"
        );
    }

    #[test]
    fn something_that_is_not_an_image_is_refused_plainly() {
        let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        assert!(
            !can_make_smaller(pdf),
            "a PDF is not an image we can shrink"
        );
        let error = make_smaller_copy(pdf, LIMIT).expect_err("a PDF cannot be shrunk");
        assert!(matches!(error, ShrinkError::NotAnImage), "got {error:?}");
        assert_eq!(
            error.to_string(),
            "This file is not a PNG, JPEG or WebP image the app can read."
        );
        assert!(!can_make_smaller(b""), "an empty file is not an image");
    }

    #[test]
    fn the_kind_is_judged_by_content() {
        let mut jpeg = Vec::new();
        JpegEncoder::new(&mut jpeg)
            .encode_image(&photo_like(16, 16))
            .expect("a tiny JPEG encodes");
        assert!(
            can_make_smaller(&png(&DynamicImage::ImageRgb8(photo_like(4, 4)))),
            "PNG is shrinkable"
        );
        assert!(can_make_smaller(&jpeg), "JPEG is shrinkable");
        assert!(
            can_make_smaller(b"RIFF\x24\0\0\0WEBPVP8 "),
            "WebP is shrinkable"
        );
        assert!(
            !can_make_smaller(b"GIF89a\x01\0\x01\0"),
            "GIF is not a kind the app can read"
        );
    }

    #[test]
    fn a_truncated_image_is_reported_as_damaged() {
        let whole = png(&DynamicImage::ImageRgb8(photo_like(300, 200)));
        for cut in [whole.len() / 2, 40, 8] {
            let error = make_smaller_copy(&whole[..cut], LIMIT)
                .expect_err("half an image cannot be shrunk");
            assert!(
                matches!(error, ShrinkError::Damaged(_)),
                "cut at {cut} bytes: got {error:?}"
            );
            assert!(
                error.to_string().contains("damaged"),
                "the message says why: {error}"
            );
        }
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_decoding() {
        // A valid header claiming 50,000 x 50,000 pixels, then the start of the pixel data,
        // which would never be read.
        let mut header = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut size = 50_000u32.to_be_bytes().repeat(2);
        size.extend_from_slice(&[8, 2, 0, 0, 0]);
        png_chunk(&mut header, b"IHDR", &size);
        png_chunk(&mut header, b"IDAT", &[]);

        let error = make_smaller_copy(&header, LIMIT).expect_err("2.5 gigapixels is refused");
        assert!(
            matches!(error, ShrinkError::TooLargeToProcess),
            "got {error:?}"
        );
        assert!(
            error.to_string().contains("too large to process"),
            "the message is plain: {error}"
        );
    }

    #[test]
    fn an_exif_rotated_jpeg_comes_out_upright() {
        // Orientation 6: stored landscape, shown portrait.
        let mut jpeg = Vec::new();
        let mut encoder = JpegEncoder::new(&mut jpeg);
        let exif = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0".to_vec();
        encoder
            .set_exif_metadata(exif)
            .expect("the JPEG encoder takes EXIF");
        encoder
            .encode_image(&photo_like(300, 200))
            .expect("a JPEG encodes");

        let copy = make_smaller_copy(&jpeg, LIMIT).expect("a rotated JPEG can be shrunk");
        assert_eq!(
            (copy.width, copy.height),
            (200, 300),
            "the EXIF rotation is applied"
        );
    }

    /// Appends a PNG chunk with its CRC-32, so the bomb's header reads as valid.
    fn png_chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let mut crc = !0u32;
        for &byte in &png[start..] {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        png.extend_from_slice(&(!crc).to_be_bytes());
    }
}
