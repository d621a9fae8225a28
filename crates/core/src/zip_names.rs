//! Whether a zip holds two entries of one name. The zip reader keeps one entry per name and
//! drops the rest without a word, so "the" `portfolio.json` of a bundle, or "the"
//! `word/document.xml` of a Word file, would be whichever it kept: a checked part could
//! stand beside an unchecked one of the same name. The end record's own count tells.

use std::io::{self, Read, Seek, SeekFrom};

const END_SIGNATURE: &[u8; 4] = b"PK\x05\x06";
const ZIP64_LOCATOR_SIGNATURE: &[u8; 4] = b"PK\x06\x07";
/// The end record is 22 bytes plus a comment of at most 65,535.
const END_SEARCH: u64 = 22 + 65_535;

/// The number of entries the zip's end record declares (its ZIP64 record when it has one),
/// or `None` when no end record is found.
pub fn declared_entries(input: &mut (impl Read + Seek)) -> io::Result<Option<u64>> {
    let length = input.seek(SeekFrom::End(0))?;
    let start = length.saturating_sub(END_SEARCH);
    input.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::with_capacity((length - start) as usize);
    input.take(END_SEARCH).read_to_end(&mut tail)?;
    let Some(at) = tail.windows(4).rposition(|w| w == END_SIGNATURE) else {
        return Ok(None);
    };
    let Some(count) = tail.get(at + 10..at + 12) else {
        return Ok(None);
    };
    let count = u16::from_le_bytes([count[0], count[1]]);
    if count != u16::MAX {
        return Ok(Some(u64::from(count)));
    }
    // ZIP64: the locator just before the end record gives the offset of the ZIP64 record,
    // whose total entry count sits 32 bytes in.
    let Some(locator) = at.checked_sub(20).and_then(|l| tail.get(l..l + 20)) else {
        return Ok(None);
    };
    if &locator[..4] != ZIP64_LOCATOR_SIGNATURE {
        return Ok(None);
    }
    let offset = u64::from_le_bytes(locator[8..16].try_into().expect("eight bytes"));
    input.seek(SeekFrom::Start(offset.saturating_add(32)))?;
    let mut count = [0u8; 8];
    input.read_exact(&mut count)?;
    Ok(Some(u64::from_le_bytes(count)))
}

/// True when the zip declares more entries than the reader kept, one per name.
pub fn has_duplicate_names(input: &mut (impl Read + Seek), entries_kept: usize) -> bool {
    declared_entries(input)
        .ok()
        .flatten()
        .is_some_and(|declared| declared > entries_kept as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn zip_of(names: &[&str]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut writer = zip::ZipWriter::new(Cursor::new(&mut bytes));
        for name in names {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(name.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        bytes
    }

    #[test]
    fn the_end_record_counts_every_entry() {
        let bytes = zip_of(&["index.html", "portfolio.json", "evidence/a.pdf"]);
        assert_eq!(declared_entries(&mut Cursor::new(&bytes)).unwrap(), Some(3));
        let archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        assert!(!has_duplicate_names(
            &mut Cursor::new(&bytes),
            archive.len()
        ));
    }

    #[test]
    fn a_second_entry_of_one_name_is_seen_though_the_reader_drops_it() {
        // Written as `b.json` and renamed to `a.json` in both headers, as an attacker would.
        let mut bytes = zip_of(&["a.json", "b.json"]);
        let mut at = 0;
        while let Some(found) = bytes[at..].windows(6).position(|w| w == b"b.json") {
            bytes[at + found] = b'a';
            at += found + 6;
        }
        let archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        assert_eq!(archive.len(), 1, "the reader keeps one entry per name");
        assert!(has_duplicate_names(&mut Cursor::new(&bytes), archive.len()));
    }

    #[test]
    fn no_end_record_is_not_a_duplicate() {
        assert_eq!(
            declared_entries(&mut Cursor::new(b"not a zip")).unwrap(),
            None
        );
    }
}
