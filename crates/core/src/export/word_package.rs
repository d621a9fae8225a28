//! The finishing touches docx-rs cannot write, made to the parts of the package it wrote:
//! each picture's alternative text and its own number (docx-rs gives every picture
//! `id="1" name="Figure"` and no `descr`), the document's title, author and language
//! (docx-rs has no setters for them), the language on the styles for screen readers and
//! spelling, `updateFields` so Word fills the table of contents on opening, and the right
//! name for JPEG and GIF pictures (docx-rs names every picture `.png`), numbered in order.

use super::html::LANGUAGE;
use std::io::{Cursor, Read, Write};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// What the finished package says about itself.
pub(crate) struct PackageDetails<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub created: OffsetDateTime,
    /// The alternative text of each picture, in the order they appear in the document.
    pub alt_texts: &'a [String],
}

/// What docx-rs writes for every picture.
const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;

/// Text for an XML attribute or element: markup escaped, line breaks and other control
/// characters (which XML 1.0 does not allow) as spaces.
pub(crate) fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Every picture with its own number, a name, and its alternative text.
fn describe_pictures(document: &str, alt_texts: &[String]) -> String {
    let mut out = String::with_capacity(document.len() + alt_texts.len() * 100);
    let mut rest = document;
    let mut number = 0;
    while let Some(at) = rest.find(DOC_PR) {
        out.push_str(&rest[..at]);
        number += 1;
        let alt = alt_texts.get(number - 1).map(String::as_str).unwrap_or("");
        out.push_str(&format!(
            r#"<wp:docPr id="{number}" name="Picture {number}" descr="{}" />"#,
            xml_text(alt)
        ));
        rest = &rest[at + DOC_PR.len()..];
    }
    out.push_str(rest);
    out
}

/// The document's properties, as Word's File > Info and a screen reader show them.
fn core_properties(details: &PackageDetails<'_>) -> String {
    let when = details
        .created
        .replace_nanosecond(0)
        .unwrap_or(details.created)
        .to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default();
    let author = match details.author.trim() {
        "" => String::new(),
        name => format!(
            "<dc:creator>{0}</dc:creator><cp:lastModifiedBy>{0}</cp:lastModifiedBy>",
            xml_text(name)
        ),
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title>{author}<dc:language>{LANGUAGE}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        xml_text(details.title)
    )
}

/// The language on the document's default run properties, which every style inherits.
fn with_language(styles: &str) -> String {
    let lang = format!(r#"<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA" />"#);
    match styles.find("<w:rPrDefault>") {
        Some(start) => match styles[start..].find("</w:rPr>") {
            Some(end) => {
                let at = start + end;
                format!("{}{lang}{}", &styles[..at], &styles[at..])
            }
            None => styles.to_string(),
        },
        None => styles.to_string(),
    }
}

/// `updateFields` comes before `compat` in the settings' schema order.
fn with_update_fields(settings: &str) -> String {
    match settings.find("<w:compat") {
        Some(at) => format!(
            r#"{}<w:updateFields w:val="true" />{}"#,
            &settings[..at],
            &settings[at..]
        ),
        None => settings.to_string(),
    }
}

/// The extension a picture's bytes call for, when it is not the `.png` docx-rs gave it.
fn picture_extension(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpeg")
    } else if bytes.starts_with(b"GIF8") {
        Some("gif")
    } else {
        None
    }
}

/// `docx` (as docx-rs packed it) with the touches above.
pub(crate) fn finish(docx: &[u8], details: &PackageDetails<'_>) -> Vec<u8> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(docx)).expect("docx-rs writes a readable zip");
    // Pictures are named for their place and their type, found before the relationships
    // that name them are rewritten: docx-rs names them by a counter shared by every
    // document the app writes, and always `.png`.
    let mut renames: Vec<(String, String)> = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry of our own zip");
        let Some(file) = entry.name().strip_prefix("word/media/").map(str::to_string) else {
            continue;
        };
        if file.is_empty() || entry.is_dir() {
            continue;
        }
        let mut head = [0u8; 4];
        let extension = match entry.read_exact(&mut head) {
            Ok(()) => picture_extension(&head).unwrap_or("png"),
            Err(_) => "png",
        };
        let new = format!("image{}.{extension}", renames.len() + 1);
        renames.push((file, new));
    }
    let text_options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let media_options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(docx.len() + 4096)));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry of our own zip");
        let name = entry.name().to_string();
        if entry.is_dir() {
            writer
                .add_directory(name, text_options)
                .expect("writing a zip to memory cannot fail");
            continue;
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .read_to_end(&mut bytes)
            .expect("reading our own zip from memory cannot fail");
        let changed_text =
            |change: &dyn Fn(&str) -> String| change(&String::from_utf8_lossy(&bytes)).into_bytes();
        let (name, bytes, options) = match name.as_str() {
            "word/document.xml" => (
                name,
                changed_text(&|xml| describe_pictures(xml, details.alt_texts)),
                text_options,
            ),
            "word/styles.xml" => (name, changed_text(&with_language), text_options),
            "word/settings.xml" => (name, changed_text(&with_update_fields), text_options),
            "docProps/core.xml" => (name, core_properties(details).into_bytes(), text_options),
            "word/_rels/document.xml.rels" => (
                name,
                changed_text(&|xml| {
                    let mut xml = xml.to_string();
                    for (old, new) in &renames {
                        xml = xml.replace(&format!("\"media/{old}\""), &format!("\"media/{new}\""));
                    }
                    xml
                }),
                text_options,
            ),
            media if media.starts_with("word/media/") => {
                let file = &media["word/media/".len()..];
                let renamed = renames
                    .iter()
                    .find(|(old, _)| old == file)
                    .map(|(_, new)| format!("word/media/{new}"))
                    .unwrap_or_else(|| media.to_string());
                // Pictures are compressed already: deflate would only spend time.
                (renamed, bytes, media_options)
            }
            _ => (name, bytes, text_options),
        };
        writer
            .start_file(name, options)
            .and_then(|()| writer.write_all(&bytes).map_err(Into::into))
            .expect("writing a zip to memory cannot fail");
    }
    writer
        .finish()
        .expect("writing a zip to memory cannot fail")
        .into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_picture_gets_its_own_number_and_its_alt_text_escaped() {
        let xml = format!("<a>{DOC_PR}</a><b>{DOC_PR}</b>");
        let alt = vec!["E1: \"Quiz\" <results>\n& more".to_string()];
        assert_eq!(
            describe_pictures(&xml, &alt),
            r#"<a><wp:docPr id="1" name="Picture 1" descr="E1: &quot;Quiz&quot; &lt;results&gt; &amp; more" /></a><b><wp:docPr id="2" name="Picture 2" descr="" /></b>"#,
            "a quote or a line break in a description cannot break the attribute"
        );
    }

    #[test]
    fn the_language_goes_into_the_default_run_properties_only() {
        let styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\" /></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr></w:rPr></w:style>";
        let out = with_language(styles);
        assert_eq!(out.matches("w:lang").count(), 1);
        assert!(
            out.contains("<w:sz w:val=\"22\" /><w:lang w:val=\"en-GB\""),
            "{out}"
        );
    }

    #[test]
    fn jpeg_and_gif_pictures_are_named_for_what_they_are() {
        assert_eq!(picture_extension(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpeg"));
        assert_eq!(picture_extension(b"GIF89a"), Some("gif"));
        assert_eq!(picture_extension(b"\x89PNG"), None);
    }
}
