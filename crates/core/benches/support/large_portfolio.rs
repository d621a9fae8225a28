//! The generated large portfolio the benchmarks and `export-bench` measure: Senior pathway,
//! every section about 1,000 words, and 100 evidence items, either as links (the text alone)
//! or as about 30 MB of real files attached through the app's own attach path.
//! Shared by `benches/portfolio.rs` and `src/bin/export-bench.rs` through `#[path]`.

#![allow(dead_code)]

use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{Citation, Portfolio};
use cmalt_core::session::Session;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::OffsetDateTime;
use time::macros::datetime;

pub const EVIDENCE_ITEMS: u32 = 100;
/// The moment every generated portfolio is made, saved and exported at, so runs compare.
pub const NOW: OffsetDateTime = datetime!(2026-11-23 10:00 UTC);

/// Text of about `words` words with the Markdown a candidate uses.
pub fn prose(words: usize, seed: usize) -> String {
    const VOCABULARY: [&str; 16] = [
        "learners",
        "feedback",
        "Moodle",
        "quizzes",
        "colleagues",
        "accessibility",
        "reflection",
        "evidence",
        "designed",
        "improved",
        "because",
        "students",
        "**support**",
        "_practice_",
        "technology",
        "assessment",
    ];
    let mut text = String::new();
    for i in 0..words {
        text.push_str(VOCABULARY[(i * 7 + seed) % VOCABULARY.len()]);
        text.push(if i % 60 == 59 { '\n' } else { ' ' });
        if i % 180 == 179 {
            text.push_str("\n\n- a point in a list\n- another one [E3]\n\n");
        }
    }
    text
}

fn senior_section_ids(framework: &Framework) -> Vec<String> {
    framework
        .sections_of(PathwayId::Senior)
        .map(|s| s.id.clone())
        .collect()
}

fn details_of(number: u32) -> EvidenceDetails {
    EvidenceDetails {
        title: format!("Evidence item {number}"),
        date: "2025-03".into(),
        origin: "My college".into(),
        what_it_shows: "How the change reached learners".into(),
        permission_confirmed: true,
        still_relevant_because: String::new(),
    }
}

/// Every section written (600 words of Description, 400 of Reflection), no evidence yet.
fn written_portfolio(framework: &Framework) -> Portfolio {
    let mut portfolio = Portfolio::new("Large", "Bench Candidate", PathwayId::Senior, NOW);
    for (index, id) in senior_section_ids(framework).iter().enumerate() {
        let entry = portfolio.section_mut(id);
        entry.topic = "Accessibility".into();
        entry.description = prose(600, index);
        entry.reflection = prose(400, index + 3);
        entry.principles = [1, 2, 3, 4].into_iter().collect();
    }
    portfolio
}

/// The large portfolio with its 100 items as links: the text alone, nothing to copy.
pub fn with_links(framework: &Framework) -> Portfolio {
    let mut portfolio = written_portfolio(framework);
    for number in 1..=EVIDENCE_ITEMS {
        portfolio.evidence.push(EvidenceItem {
            id: EvidenceItem::id_for(number),
            number,
            details: details_of(number),
            source: EvidenceSource::Link {
                url: format!("https://example.org/evidence/{number}"),
            },
            added_at: NOW,
        });
    }
    portfolio.next_evidence_number = EVIDENCE_ITEMS + 1;
    for (index, id) in senior_section_ids(framework).iter().enumerate() {
        portfolio.section_mut(id).citations = (0..8)
            .map(|n| Citation {
                evidence_id: EvidenceItem::id_for((index * 8 + n) as u32 % EVIDENCE_ITEMS + 1),
                note: String::new(),
            })
            .collect();
    }
    portfolio
}

/// A file a candidate might attach: a mix of photos, screenshots, PDFs and Word files,
/// 150 to 450 KB (300 KB on average, under the 1 MB rule). The bytes are deterministic and
/// incompressible, like real images and documents, so a zip gains nothing from them.
pub fn evidence_file(number: u32) -> (String, Vec<u8>) {
    let (extension, magic): (&str, &[u8]) = match number % 4 {
        0 => ("png", b"\x89PNG\r\n\x1a\n"),
        1 => ("jpg", b"\xff\xd8\xff\xe0"),
        2 => ("pdf", b"%PDF-1.7\n"),
        _ => ("docx", b"PK\x03\x04"),
    };
    let size = 150_000 + (number as usize * 37 % 11) * 30_000;
    let mut bytes = magic.to_vec();
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ u64::from(number);
    while bytes.len() < size {
        // xorshift64: fast, and the same bytes on every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(size);
    (format!("evidence-{number:03}.{extension}"), bytes)
}

/// The large portfolio in `root/portfolio`, its 100 files (about 30 MB) attached from
/// `root/sources` the way the app attaches them (checked, hashed, copied into `evidence/`,
/// cited, saved), then described. Returns the folder and the portfolio as saved; the
/// folder is closed again, so it can be opened or exported.
pub fn with_files_on_disk(framework: &Arc<Framework>, root: &Path) -> (PathBuf, Portfolio) {
    let sources = root.join("sources");
    std::fs::create_dir_all(&sources).expect("a folder for the files to attach");
    let folder = root.join("portfolio");
    let mut session = Session::create(framework.clone(), &folder, written_portfolio(framework))
        .expect("the large portfolio can be created");
    let sections = senior_section_ids(framework);
    for number in 1..=EVIDENCE_ITEMS {
        let (name, bytes) = evidence_file(number);
        let source = sources.join(&name);
        std::fs::write(&source, &bytes).expect("a file to attach");
        let index = number as usize;
        let cited_from = [
            sections[index % sections.len()].clone(),
            sections[index * 7 % sections.len()].clone(),
        ];
        let attached = session
            .attach_file(&source, "", &cited_from, NOW)
            .expect("each file is under the 1 MB rule");
        session
            .save_evidence_details(&attached.item.id, details_of(number), NOW)
            .expect("the details are valid");
    }
    let _ = std::fs::remove_dir_all(&sources);
    let portfolio = session.portfolio().clone();
    (folder, portfolio)
}

/// Bytes of every attached file, as stored.
pub fn evidence_bytes(portfolio: &Portfolio) -> u64 {
    portfolio
        .evidence
        .iter()
        .map(|item| item.source.bytes())
        .sum()
}

/// A Senior CMALT draft of about `words` words as a candidate writes one: numbered headings,
/// bold part labels, a reflection opened by "On reflection,", evidence as links and a
/// "Further reading" list in every assessed section.
pub fn draft_markdown(framework: &Framework, words: usize) -> String {
    use cmalt_core::framework::SectionKind;
    let sections: Vec<_> = framework
        .sections_of(PathwayId::Senior)
        .filter(|s| {
            matches!(
                s.kind,
                SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced
            )
        })
        .collect();
    let per_section = words / sections.len().max(1);
    let mut out = String::from("# CMALT portfolio\n\n**Pathway:** Senior CMALT\n\n");
    let mut number = 0;
    for (index, section) in sections.iter().enumerate() {
        out.push_str(&format!(
            "## {}: {}\n\n**Description**\n\n",
            section.id, section.title
        ));
        out.push_str(&prose(per_section * 2 / 3, index));
        out.push_str("\n\nOn reflection, ");
        out.push_str(&prose(per_section / 3, index + 50));
        out.push_str("\n\n**Evidence**\n\n");
        for _ in 0..3 {
            number += 1;
            out.push_str(&format!(
                "- E{number} [Report {number}](https://example.org/evidence/{number}) – shows what changed (2025)\n"
            ));
        }
        out.push_str("\n**Further reading**\n\n- Carr, P. (2023). *Digital Transformation 101*. London: Example Press.\n- Beetham, H. and Sharpe, R. (2019) *Rethinking Pedagogy for a Digital Age*. 3rd edn. London: Routledge.\n\n");
    }
    out
}
