//! Opening an export again: a folder or zip becomes the same portfolio, and every hostile or
//! damaged bundle is refused with its own message, writing nothing anywhere.

use cmalt_core::evidence::files::{sha256_hex, store_bytes};
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::export::reopen::{self, MAX_ENTRIES, MAX_ZIP_BYTES, ReopenError, open_bundle};
use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::integrity::UnsafeContent;
use cmalt_core::model::{Citation, Portfolio};
use cmalt_core::store::{self, PortfolioFolder, StoreError};
use std::collections::BTreeSet;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::datetime;

const EXPORTED: OffsetDateTime = datetime!(2026-03-14 09:30 UTC);

struct Fixture {
    root: tempfile::TempDir,
    framework: Framework,
    portfolio: Portfolio,
}

/// A portfolio with text, a picture, a PDF and a link, exported by the real export code.
fn fixture() -> Fixture {
    let root = tempfile::tempdir().unwrap();
    let framework = Framework::bundled().unwrap();
    let folder = root.path().join("portfolio");
    let mut portfolio = Portfolio::new("Round trip", "Amara Whitcombe", PathwayId::Cmalt, EXPORTED);
    drop(PortfolioFolder::create(&folder, &portfolio).unwrap());
    portfolio.section_mut("1a").description =
        "I compared quiz tools [E1]. Ich habe — 日本語 — 🎓 gelernt.".into();
    portfolio.section_mut("1a").reflection = "I learned to ask learners first.".into();
    for (name, bytes, title) in [
        (
            "screen shot.png",
            b"\x89PNG\r\n\x1a\n not really a png".to_vec(),
            "Screenshot",
        ),
        ("Report.pdf", b"%PDF-1.4 the report".to_vec(), "Report"),
    ] {
        let stored = store_bytes(&folder, name, &bytes).unwrap();
        let number = portfolio.next_evidence_number;
        portfolio.next_evidence_number += 1;
        portfolio.evidence.push(EvidenceItem {
            id: EvidenceItem::id_for(number),
            number,
            details: EvidenceDetails {
                title: title.into(),
                date: "2025-01".into(),
                ..EvidenceDetails::default()
            },
            source: EvidenceSource::File {
                original_name: stored.original_name,
                stored_name: stored.stored_name,
                bytes: stored.bytes,
                sha256: stored.sha256,
                media_type: stored.media_type,
            },
            added_at: EXPORTED,
        });
        portfolio.section_mut("1a").citations.push(Citation {
            evidence_id: EvidenceItem::id_for(number),
            note: "Shows the comparison.".into(),
        });
    }
    portfolio.evidence.push(EvidenceItem {
        id: "E3".into(),
        number: 3,
        details: EvidenceDetails {
            title: "Slides".into(),
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::Link {
            url: "https://example.org/slides".into(),
        },
        added_at: EXPORTED,
    });
    portfolio.next_evidence_number = 4;
    let (opened, _) = PortfolioFolder::open(&folder).unwrap();
    opened.save(&portfolio).unwrap();
    Fixture {
        root,
        framework,
        portfolio,
    }
}

impl Fixture {
    fn export_from(
        &self,
        folder: &Path,
        portfolio: &Portfolio,
        out: &Path,
        format: ExportFormat,
        now: OffsetDateTime,
    ) {
        export::export(
            &self.framework,
            folder,
            portfolio,
            out,
            ExportOptions::new(format),
            now,
        )
        .expect("the fixture exports");
    }

    /// The fixture's export in `format`, made once.
    fn export(&self, format: ExportFormat) -> PathBuf {
        let out = self.root.path().join(match format {
            ExportFormat::Zip => "bundle.zip",
            _ => "bundle",
        });
        if out.exists() {
            return out;
        }
        self.export_from(
            &self.root.path().join("portfolio"),
            &self.portfolio,
            &out,
            format,
            EXPORTED,
        );
        out
    }

    /// The entries of the fixture's exported zip, to build hostile variants from.
    fn zip_entries(&self) -> Vec<(String, Vec<u8>)> {
        let bytes = fs::read(self.export(ExportFormat::Zip)).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .filter_map(|i| {
                let mut entry = archive.by_index(i).unwrap();
                if entry.is_dir() {
                    return None;
                }
                let mut content = Vec::new();
                entry.read_to_end(&mut content).unwrap();
                Some((entry.name().to_string(), content))
            })
            .collect()
    }
}

fn make_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn listing(folder: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            names.insert(
                path.strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
            if path.is_dir() && !path.is_symlink() {
                pending.push(path);
            }
        }
    }
    names
}

/// Opens `input` into a fresh target and checks it is refused without writing anything
/// anywhere: the folder around the target is listed before and after.
fn refused(input: &Path) -> ReopenError {
    let work = tempfile::tempdir().unwrap();
    let target = work.path().join("opened").join("portfolio");
    let before = listing(work.path());
    let error = open_bundle(input, &target, &Framework::bundled().unwrap())
        .expect_err("a hostile or damaged bundle must be refused");
    assert!(
        !target.exists(),
        "the target must not exist after a refusal ({error})"
    );
    assert_eq!(
        listing(work.path()),
        before,
        "nothing may be written outside the target ({error})"
    );
    assert!(
        error.to_string().contains("Nothing was written"),
        "the message says so: {error}"
    );
    error
}

/// A zip with `entries` written into the fixture's folder.
fn zip_file(fixture: &Fixture, name: &str, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let path = fixture.root.path().join(name);
    fs::write(&path, make_zip(entries)).unwrap();
    path
}

/// The fixture's bundle with its `portfolio.json` changed by `edit`.
fn with_portfolio(
    fixture: &Fixture,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Vec<(String, Vec<u8>)> {
    let mut entries = fixture.zip_entries();
    let json = entries
        .iter_mut()
        .find(|(n, _)| n == "portfolio.json")
        .unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&json.1).unwrap();
    edit(&mut value);
    json.1 = serde_json::to_vec(&value).unwrap();
    entries
}

fn first_file_entry(entries: &mut [(String, Vec<u8>)]) -> &mut (String, Vec<u8>) {
    entries
        .iter_mut()
        .find(|(n, _)| n.starts_with("evidence/"))
        .unwrap()
}

/// Exports, reopens, checks the portfolio and files came back, exports again, and checks
/// the second `portfolio.json` is the first apart from its export time.
fn round_trip(fixture: &Fixture, input: &Path) {
    let opened = fixture.root.path().join("opened");
    let reopened = open_bundle(input, &opened, &fixture.framework).expect("an export opens again");
    assert_eq!(reopened.folder, opened);
    assert_eq!(reopened.evidence_files, 2);
    assert_eq!(
        reopened.portfolio, fixture.portfolio,
        "the portfolio comes back exactly"
    );
    assert_eq!(
        store::read_only(&opened).unwrap(),
        fixture.portfolio,
        "and is saved as such"
    );
    for item in &fixture.portfolio.evidence {
        if let EvidenceSource::File { stored_name, .. } = &item.source {
            assert_eq!(
                fs::read(opened.join("evidence").join(stored_name)).unwrap(),
                fs::read(
                    fixture
                        .root
                        .path()
                        .join("portfolio/evidence")
                        .join(stored_name)
                )
                .unwrap(),
                "{} comes back byte for byte",
                item.id
            );
        }
    }
    let first = fixture.root.path().join("first");
    let second = fixture.root.path().join("second");
    fixture.export_from(
        &fixture.root.path().join("portfolio"),
        &fixture.portfolio,
        &first,
        ExportFormat::Folder,
        EXPORTED,
    );
    let later = datetime!(2026-04-01 12:00 UTC);
    fixture.export_from(
        &opened,
        &reopened.portfolio,
        &second,
        ExportFormat::Folder,
        later,
    );
    let strip = |path: &Path| {
        let text = fs::read_to_string(path.join("portfolio.json")).unwrap();
        let (stamp, rest) = text.split_once('\n').unwrap().1.split_once('\n').unwrap();
        assert!(
            stamp.contains("\"exported_at\""),
            "the stamp leads the file: {stamp}"
        );
        rest.to_string()
    };
    assert_eq!(
        strip(&first),
        strip(&second),
        "exporting the reopened portfolio gives the same data"
    );
    assert_ne!(
        fs::read(first.join("portfolio.json")).unwrap(),
        fs::read(second.join("portfolio.json")).unwrap(),
        "only the export time differs"
    );
}

#[test]
fn an_exported_folder_opens_as_the_same_portfolio() {
    let fixture = fixture();
    let bundle = fixture.export(ExportFormat::Folder);
    round_trip(&fixture, &bundle);
}

#[test]
fn an_exported_zip_opens_as_the_same_portfolio() {
    let fixture = fixture();
    let bundle = fixture.export(ExportFormat::Zip);
    round_trip(&fixture, &bundle);
}

#[test]
fn a_zip_of_the_exported_folder_made_by_the_candidate_opens_too() {
    let fixture = fixture();
    let nested: Vec<(String, Vec<u8>)> = fixture
        .zip_entries()
        .into_iter()
        .map(|(name, bytes)| (format!("My portfolio/{name}"), bytes))
        .collect();
    let input = zip_file(&fixture, "rezipped.zip", &nested);
    let opened = fixture.root.path().join("opened");
    let reopened = open_bundle(&input, &opened, &fixture.framework).unwrap();
    assert_eq!(reopened.portfolio, fixture.portfolio);
}

#[test]
fn opening_a_bundle_reports_each_file_checked_then_copied() {
    let fixture = fixture();
    let bundle = fixture.export(ExportFormat::Zip);
    let opened = fixture.root.path().join("opened-with-progress");
    let mut seen = Vec::new();
    let reopened =
        reopen::open_bundle_reporting(&bundle, &opened, &fixture.framework, &mut |step| {
            seen.push(step)
        })
        .unwrap();
    let files = reopened.evidence_files;
    assert!(files > 0, "the fixture has evidence files");
    assert_eq!(seen.len(), files * 2 + 1, "{seen:?}");
    assert_eq!(
        seen[0].message,
        format!("Checking evidence files: 1 of {files}")
    );
    assert_eq!(
        seen[files].message,
        format!("Copying evidence files: 1 of {files}")
    );
    let last = seen.last().unwrap();
    assert_eq!(
        (last.done, last.total),
        (2 * files as u32, 2 * files as u32)
    );
    assert!(
        seen.windows(2).all(|pair| pair[0].done < pair[1].done),
        "progress only goes forward: {seen:?}"
    );
}

#[test]
fn a_target_that_holds_a_portfolio_is_refused_and_kept() {
    let fixture = fixture();
    let bundle = fixture.export(ExportFormat::Zip);
    let existing = fixture.root.path().join("portfolio");
    let before = fs::read(existing.join("portfolio.json")).unwrap();
    let error = open_bundle(&bundle, &existing, &fixture.framework).unwrap_err();
    assert!(
        matches!(error, ReopenError::Target(StoreError::Exists(_))),
        "{error}"
    );
    assert_eq!(
        fs::read(existing.join("portfolio.json")).unwrap(),
        before,
        "the portfolio there is untouched"
    );
}

#[test]
fn entries_that_would_leave_the_target_are_refused() {
    let fixture = fixture();
    for (case, hostile) in [
        ("dotdot", "../evil.txt"),
        ("deep-dotdot", "evidence/../../evil.txt"),
        ("absolute", "/tmp/evil.txt"),
        ("drive", "C:/Windows/evil.txt"),
        ("backslash", "evidence\\..\\..\\evil.txt"),
    ] {
        let mut entries = fixture.zip_entries();
        entries.push((hostile.to_string(), b"owned".to_vec()));
        let error = refused(&zip_file(&fixture, &format!("{case}.zip"), &entries));
        assert!(
            matches!(&error, ReopenError::UnsafePath { name } if name == hostile),
            "{case}: {error}"
        );
        assert!(
            error
                .to_string()
                .contains("points outside the portfolio folder"),
            "{error}"
        );
    }
    // The same trick through the data: an evidence file named with a path.
    let entries = with_portfolio(&fixture, |json| {
        json["evidence"][0]["source"]["stored_name"] = "../../evil.png".into();
    });
    let error = refused(&zip_file(&fixture, "stored-name.zip", &entries));
    assert!(
        matches!(
            &error,
            ReopenError::Unsafe(UnsafeContent::FileNameLeavesEvidence { id, .. }) if id == "E1"
        ),
        "the one gate every portfolio.json passes refuses it, naming the item: {error}"
    );
}

#[test]
fn symlinks_are_refused_in_a_zip_and_in_a_folder() {
    let fixture = fixture();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in fixture.zip_entries() {
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer
        .add_symlink(
            "evidence/passwd",
            "/etc/passwd",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    let path = fixture.root.path().join("symlink.zip");
    fs::write(&path, writer.finish().unwrap().into_inner()).unwrap();
    let error = refused(&path);
    assert!(
        matches!(&error, ReopenError::Symlink { name } if name == "evidence/passwd"),
        "{error}"
    );

    #[cfg(unix)]
    {
        let folder = fixture.export(ExportFormat::Folder);
        std::os::unix::fs::symlink("/etc/passwd", folder.join("evidence/passwd")).unwrap();
        let error = refused(&folder);
        assert!(matches!(error, ReopenError::Symlink { .. }), "{error}");
        fs::remove_file(folder.join("evidence/passwd")).unwrap();
        let data = folder.join("portfolio.json");
        fs::rename(&data, fixture.root.path().join("elsewhere.json")).unwrap();
        std::os::unix::fs::symlink(fixture.root.path().join("elsewhere.json"), &data).unwrap();
        let error = refused(&folder);
        assert!(
            matches!(&error, ReopenError::Symlink { name } if name == "portfolio.json"),
            "{error}"
        );
    }
}

#[test]
fn a_missing_damaged_or_newer_portfolio_json_is_refused() {
    let fixture = fixture();
    let mut entries = fixture.zip_entries();
    entries.retain(|(name, _)| name != "portfolio.json");
    let error = refused(&zip_file(&fixture, "missing.zip", &entries));
    assert!(matches!(error, ReopenError::MissingPortfolio), "{error}");

    let mut entries = fixture.zip_entries();
    entries
        .iter_mut()
        .find(|(n, _)| n == "portfolio.json")
        .unwrap()
        .1 = b"{\"schema_version\": 1, \"title\": ".to_vec();
    let error = refused(&zip_file(&fixture, "cut.zip", &entries));
    assert!(
        matches!(error, ReopenError::CorruptPortfolio { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("cut short"), "{error}");

    let entries = with_portfolio(&fixture, |json| json["pathway"] = "grandmaster".into());
    let error = refused(&zip_file(&fixture, "odd.zip", &entries));
    assert!(
        matches!(error, ReopenError::CorruptPortfolio { .. }),
        "{error}"
    );

    let entries = with_portfolio(&fixture, |json| json["schema_version"] = 99.into());
    let error = refused(&zip_file(&fixture, "newer.zip", &entries));
    assert!(
        matches!(error, ReopenError::NewerSchema { found: 99, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("update the app"), "{error}");
}

#[test]
fn evidence_over_the_limit_or_not_matching_its_hash_is_refused() {
    let fixture = fixture();
    // An item that says it is over 1 MB.
    let big = vec![7u8; 1_200_000];
    let mut entries = with_portfolio(&fixture, |json| {
        json["evidence"][1]["source"]["bytes"] = big.len().into();
        json["evidence"][1]["source"]["sha256"] = sha256_hex(&big).into();
    });
    let report = entries
        .iter_mut()
        .find(|(n, _)| n.ends_with("Report.pdf"))
        .unwrap();
    report.1 = big.clone();
    let error = refused(&zip_file(&fixture, "big.zip", &entries));
    assert!(
        matches!(&error, ReopenError::EvidenceTooLarge { id, .. } if id == "E2"),
        "{error}"
    );
    assert!(error.to_string().contains("over the 1 MB limit"), "{error}");

    // An item that says it is small, with a file that is not.
    let mut entries = fixture.zip_entries();
    entries
        .iter_mut()
        .find(|(n, _)| n.ends_with("Report.pdf"))
        .unwrap()
        .1 = big;
    let error = refused(&zip_file(&fixture, "grown.zip", &entries));
    assert!(
        matches!(error, ReopenError::EvidenceTooLarge { .. }),
        "{error}"
    );

    // Same length, other content.
    let mut entries = fixture.zip_entries();
    let file = first_file_entry(&mut entries);
    file.1.iter_mut().for_each(|b| *b = b.wrapping_add(1));
    let error = refused(&zip_file(&fixture, "changed.zip", &entries));
    assert!(
        matches!(error, ReopenError::EvidenceMismatch { .. }),
        "{error}"
    );

    let mut entries = fixture.zip_entries();
    entries.retain(|(n, _)| !n.ends_with("Report.pdf"));
    let error = refused(&zip_file(&fixture, "lost.zip", &entries));
    assert!(
        matches!(&error, ReopenError::EvidenceMissing { id, .. } if id == "E2"),
        "{error}"
    );
}

#[test]
fn an_oversized_zip_or_one_with_too_many_entries_is_refused_unopened() {
    let fixture = fixture();
    let huge = fixture.root.path().join("huge.zip");
    let mut file = fs::File::create(&huge).unwrap();
    file.write_all(b"PK\x03\x04").unwrap();
    // Sparse: the size is real to the file system but costs no disk.
    file.set_len(MAX_ZIP_BYTES + 1).unwrap();
    drop(file);
    let error = refused(&huge);
    assert!(matches!(error, ReopenError::ZipTooLarge { .. }), "{error}");

    let mut entries = fixture.zip_entries();
    entries.extend((0..MAX_ENTRIES).map(|n| (format!("filler/{n}.txt"), Vec::new())));
    let error = refused(&zip_file(&fixture, "crowded.zip", &entries));
    assert!(
        matches!(error, ReopenError::TooManyEntries { .. }),
        "{error}"
    );
}

/// Rewrites the sizes an entry's local and central headers declare, as a zip bomb does.
fn declare_size(zip: &mut [u8], name: &str, declared: u32) {
    let mut patched = 0;
    for at in 0..zip.len().saturating_sub(46) {
        let (name_len_at, size_at, name_at) = match &zip[at..at + 4] {
            b"PK\x03\x04" => (at + 26, at + 22, at + 30),
            b"PK\x01\x02" => (at + 28, at + 24, at + 46),
            _ => continue,
        };
        let len = u16::from_le_bytes([zip[name_len_at], zip[name_len_at + 1]]) as usize;
        if zip.get(name_at..name_at + len) == Some(name.as_bytes()) {
            zip[size_at..size_at + 4].copy_from_slice(&declared.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers of {name} are rewritten");
}

#[test]
fn a_zip_bomb_is_caught_while_reading_not_trusted_from_its_headers() {
    let fixture = fixture();
    // Honest headers: a portfolio.json far larger than any portfolio's words.
    let mut entries = fixture.zip_entries();
    let json = entries
        .iter_mut()
        .find(|(n, _)| n == "portfolio.json")
        .unwrap();
    let mut padded = vec![b' '; reopen::MAX_PORTFOLIO_JSON_BYTES as usize + 1];
    padded.extend_from_slice(&json.1);
    json.1 = padded;
    let error = refused(&zip_file(&fixture, "bomb.zip", &entries));
    assert!(
        matches!(&error, ReopenError::EntryTooLarge { name, .. } if name == "portfolio.json"),
        "{error}"
    );

    // Lying headers: an evidence file that says 20 bytes and unpacks to 5 MB.
    let mut entries = fixture.zip_entries();
    let file = entries
        .iter_mut()
        .find(|(n, _)| n.ends_with("Report.pdf"))
        .unwrap();
    let name = file.0.clone();
    file.1 = vec![0u8; 5_000_000];
    let mut zip = make_zip(&entries);
    declare_size(&mut zip, &name, 20);
    let path = fixture.root.path().join("liar.zip");
    fs::write(&path, zip).unwrap();
    let error = refused(&path);
    // The zip reader stops at the declared size ("larger than its declared uncompressed
    // size"); the 1 MB cap on reading would stop it otherwise.
    assert!(
        matches!(
            error,
            ReopenError::EvidenceTooLarge { .. } | ReopenError::Damaged { .. }
        ),
        "more bytes than declared must stop the read: {error}"
    );
}

#[test]
fn a_single_page_export_or_any_other_file_is_not_a_bundle() {
    let fixture = fixture();
    let page = fixture.root.path().join("page.html");
    fixture.export_from(
        &fixture.root.path().join("portfolio"),
        &fixture.portfolio,
        &page,
        ExportFormat::SingleHtml,
        EXPORTED,
    );
    let error = refused(&page);
    assert!(matches!(error, ReopenError::NotABundle(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("a single web page, a Word document or a PDF cannot be opened again"),
        "{error}"
    );
    let error = refused(&fixture.root.path().join("nowhere.zip"));
    assert!(matches!(error, ReopenError::NotFound(_)), "{error}");
}
