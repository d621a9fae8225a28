//! Benchmarks on a generated large portfolio (Senior pathway, every section about 1,000
//! words, 100 evidence items): open, save with fsync, render a 600-word section, check.
//! Run with `cargo bench -p cmalt-core`.

use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::{Citation, Portfolio};
use cmalt_core::store::PortfolioFolder;
use std::sync::LazyLock;
use time::macros::{date, datetime};

fn main() {
    divan::main();
}

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| Framework::bundled().unwrap());

/// Text of about `words` words with the Markdown a candidate uses.
fn prose(words: usize, seed: usize) -> String {
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

fn large_portfolio() -> Portfolio {
    let mut portfolio = Portfolio::new(
        "Large",
        "Bench Candidate",
        PathwayId::Senior,
        datetime!(2026-11-23 10:00 UTC),
    );
    for item in 1..=100u32 {
        portfolio.evidence.push(EvidenceItem {
            id: EvidenceItem::id_for(item),
            number: item,
            details: EvidenceDetails {
                title: format!("Evidence item {item}"),
                date: "2025-03".into(),
                origin: "My college".into(),
                what_it_shows: "How the change reached learners".into(),
                permission_confirmed: true,
                still_relevant_because: String::new(),
            },
            source: EvidenceSource::Link {
                url: format!("https://example.org/evidence/{item}"),
            },
            added_at: datetime!(2026-11-23 10:00 UTC),
        });
    }
    portfolio.next_evidence_number = 101;
    let ids: Vec<String> = FRAMEWORK
        .sections_of(PathwayId::Senior)
        .map(|s| s.id.clone())
        .collect();
    for (index, id) in ids.iter().enumerate() {
        let entry = portfolio.section_mut(id);
        entry.topic = "Accessibility".into();
        entry.description = prose(600, index);
        entry.reflection = prose(400, index + 3);
        entry.principles = [1, 2, 3, 4].into_iter().collect();
        entry.citations = (0..8)
            .map(|n| Citation {
                evidence_id: EvidenceItem::id_for((index * 8 + n) as u32 % 100 + 1),
                note: String::new(),
            })
            .collect();
    }
    portfolio
}

static LARGE: LazyLock<Portfolio> = LazyLock::new(large_portfolio);

#[divan::bench]
fn render_600_words_for_the_preview(bencher: divan::Bencher) {
    let text = prose(600, 1);
    bencher.bench(|| cmalt_core::markdown::render(divan::black_box(&text)));
}

#[divan::bench]
fn checklist_of_a_large_senior_portfolio(bencher: divan::Bencher) {
    bencher.bench(|| {
        cmalt_core::checklist::check(&FRAMEWORK, divan::black_box(&LARGE), date!(2026 - 11 - 23))
    });
}

#[divan::bench]
fn outline_of_a_large_senior_portfolio(bencher: divan::Bencher) {
    bencher.bench(|| cmalt_core::outline::outline(&FRAMEWORK, divan::black_box(&LARGE)));
}

#[divan::bench(sample_count = 30)]
fn save_with_fsync_and_backup(bencher: divan::Bencher) {
    let root = tempfile::tempdir().unwrap();
    let folder = PortfolioFolder::create(&root.path().join("p"), &LARGE).unwrap();
    bencher.bench_local(|| folder.save(&LARGE).unwrap());
}

/// The floor a save is measured against: the same bytes written and fsynced once.
#[divan::bench(sample_count = 30)]
fn write_and_fsync_the_same_bytes_once(bencher: divan::Bencher) {
    use std::io::Write;
    let root = tempfile::tempdir().unwrap();
    let bytes = serde_json::to_vec_pretty(&*LARGE).unwrap();
    let path = root.path().join("plain.json");
    bencher.bench_local(|| {
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(&bytes).unwrap();
        file.sync_all().unwrap();
    });
}

#[divan::bench(sample_count = 30)]
fn open_a_large_portfolio(bencher: divan::Bencher) {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("p");
    drop(PortfolioFolder::create(&path, &LARGE).unwrap());
    bencher.bench_local(|| PortfolioFolder::open(&path).unwrap());
}
