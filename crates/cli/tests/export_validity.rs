//! The exported sample portfolio checked by outside tools: the Nu HTML Checker (valid HTML),
//! axe-core in headless Chromium (accessible, on screen and in print), and Chromium's PDF
//! (a plausible page count, every section title and the declaration in the text). The
//! sample is built as a candidate would: `cmalt-portfolio new`, `attach`, then its words.
//! With CMALT_SCREENSHOTS set, the PDF's first two pages are saved there as PNGs.

use cmalt_core::evidence::EvidenceItem;
use cmalt_core::framework::Framework;
use cmalt_core::model::{Citation, Confirmation, NominatedAssessor, Portfolio};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_cmalt-portfolio");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/sample/sample-cmalt.md"
);

fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tools")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a command, killing it if it outlives `limit` (a browser that hangs must not hang CI).
fn run(command: &mut Command, limit: Duration) -> Output {
    let program = format!("{command:?}");
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("{program} must start (scripts/setup.sh test installs it): {e}")
        });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{program} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn cli(args: &[&str]) -> Output {
    let output = run(
        Command::new(BINARY)
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY"),
        Duration::from_secs(60),
    );
    assert!(
        output.status.success(),
        "cmalt-portfolio {args:?} failed: {}",
        text(&output.stderr)
    );
    output
}

/// One `- **E1 Title** (2024-05) — what it shows; file: evidence/x.pdf` line of the sample.
struct EvidenceLine {
    id: String,
    title: String,
    date: String,
    what: String,
    file: Option<String>,
    link: Option<String>,
}

fn parse_evidence(line: &str) -> Option<EvidenceLine> {
    let rest = line.strip_prefix("- **")?;
    let (head, rest) = rest.split_once("** ")?;
    let (id, title) = head.split_once(' ')?;
    let rest = rest.strip_prefix('(')?;
    let (date, rest) = rest.split_once(')')?;
    let rest = rest.trim_start().strip_prefix("— ")?;
    let (what, source) = rest
        .rsplit_once("; file: ")
        .map(|(w, f)| (w, ("file", f)))
        .or_else(|| rest.rsplit_once("; link: ").map(|(w, l)| (w, ("link", l))))?;
    let target = source.1.split_whitespace().next()?.to_string();
    Some(EvidenceLine {
        id: id.into(),
        title: title.into(),
        date: date.split(',').next()?.trim().into(),
        what: what.trim().into(),
        file: (source.0 == "file").then(|| target.clone()),
        link: (source.0 == "link").then_some(target),
    })
}

/// A section of the sample: its id and its parts, as the headings divide them.
#[derive(Default)]
struct SampleSection {
    id: String,
    topic: String,
    body: Vec<String>,
    description: Vec<String>,
    reflection: Vec<String>,
    evidence: Vec<String>,
}

fn parse_sections(markdown: &str) -> Vec<SampleSection> {
    let mut sections: Vec<SampleSection> = Vec::new();
    let mut part = "";
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let (id, topic) = match heading {
                "Contextual statement" => ("context".to_string(), String::new()),
                "Future plans" => ("future".into(), String::new()),
                "Confirmation" => ("confirmation".into(), String::new()),
                "Nominated assessor" => ("assessor".into(), String::new()),
                other => {
                    let (id, title) = other.split_once(": ").expect("a numbered heading");
                    let topic = title.strip_prefix("Specialist area: ").unwrap_or("");
                    (id.to_string(), topic.to_string())
                }
            };
            sections.push(SampleSection {
                id,
                topic,
                ..SampleSection::default()
            });
            part = "body";
            continue;
        }
        let Some(section) = sections.last_mut() else {
            continue;
        };
        match line {
            "### Description" => part = "description",
            "### Reflection" => part = "reflection",
            "### Evidence" => part = "evidence",
            _ => match part {
                "description" => section.description.push(line.into()),
                "reflection" => section.reflection.push(line.into()),
                "evidence" => section.evidence.push(line.into()),
                _ => section.body.push(line.into()),
            },
        }
    }
    sections
}

fn joined(lines: &[String]) -> String {
    lines.join("\n").trim().to_string()
}

/// The sample portfolio, made through the command line as a candidate would make it.
fn build_sample(root: &Path) -> PathBuf {
    let markdown = std::fs::read_to_string(SAMPLE).expect("the sample portfolio");
    let samples = Path::new(SAMPLE).parent().unwrap();
    let folder = root.join("sample");
    let folder_arg = folder.to_str().unwrap();
    cli(&[
        "new",
        folder_arg,
        "--pathway",
        "cmalt",
        "--title",
        "Amara Whitcombe, Harrowden Vale College",
        "--name",
        "Amara Whitcombe",
    ]);
    let sections = parse_sections(&markdown);
    let mut items: Vec<EvidenceLine> = Vec::new();
    for line in sections.iter().flat_map(|s| &s.evidence) {
        if let Some(item) = parse_evidence(line)
            && !items.iter().any(|known| known.id == item.id)
        {
            items.push(item);
        }
    }
    items.sort_by_key(|item| item.id[1..].parse::<u32>().unwrap());
    // Attached in number order, so the library numbers them E1, E2... as the text does.
    for item in &items {
        match (&item.file, &item.link) {
            (Some(file), _) => {
                let path = samples.join(file);
                cli(&[
                    "attach",
                    folder_arg,
                    path.to_str().unwrap(),
                    "--title",
                    &item.title,
                ])
            }
            (_, Some(link)) => cli(&["attach", folder_arg, "--url", link, "--title", &item.title]),
            _ => unreachable!(),
        };
    }

    let file = folder.join("portfolio.json");
    let mut portfolio: Portfolio = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    portfolio.candidate.role = "Digital Learning Coordinator".into();
    portfolio.candidate.organisation = "Harrowden Vale College".into();
    portfolio.candidate.context = "UK, further education".into();
    for item in &items {
        let library: &mut EvidenceItem = portfolio
            .evidence
            .iter_mut()
            .find(|e| e.id == item.id)
            .unwrap_or_else(|| panic!("{} was attached with its number", item.id));
        library.details.date = item.date.clone();
        library.details.what_it_shows = item.what.clone();
        library.details.origin = "Harrowden Vale College".into();
        library.details.permission_confirmed = true;
    }
    for section in &sections {
        match section.id.as_str() {
            "confirmation" => {
                let signed = section
                    .body
                    .iter()
                    .find_map(|l| l.strip_prefix("Signed: "))
                    .unwrap();
                portfolio.confirmation = Confirmation {
                    declaration_accepted: true,
                    signed_name: signed.into(),
                    date: "2026-03-14".into(),
                };
            }
            "assessor" => {
                let field = |label: &str| {
                    section
                        .body
                        .iter()
                        .find_map(|l| l.strip_prefix(&format!("- **{label}:** ")))
                        .unwrap()
                        .to_string()
                };
                portfolio.assessor = Some(NominatedAssessor {
                    name: field("Name"),
                    organisation: field("Institution/Organisation"),
                    email: field("Email"),
                    no_conflict_confirmed: true,
                    conflict_statement: String::new(),
                });
            }
            id => {
                let entry = portfolio.section_mut(id);
                entry.topic = section.topic.clone();
                if section.description.is_empty() {
                    entry.description = joined(&section.body);
                } else {
                    entry.description = joined(&section.description);
                    entry.reflection = joined(&section.reflection);
                }
                entry.citations = section
                    .evidence
                    .iter()
                    .filter_map(|line| parse_evidence(line))
                    .map(|item| Citation {
                        evidence_id: item.id,
                        note: item.what,
                    })
                    .collect();
            }
        }
    }
    portfolio.section_mut("3a").topic =
        "Public Sector Bodies Accessibility Regulations 2018 and the Equality Act 2010".into();
    portfolio.section_mut("3b").topic =
        "Staff guidance on generative AI in teaching and assessment".into();
    std::fs::write(&file, serde_json::to_vec_pretty(&portfolio).unwrap()).unwrap();
    folder
}

/// The Nu HTML Checker, errors only: any error fails.
/// Records a referral of snapshot `since` with 2b rated R, then adds a sentence to 2b, as a
/// candidate revising would (by editing `portfolio.json`, as another tool could).
fn revise_2b_after_a_referral(folder: &Path, since: &str) {
    let file = folder.join("portfolio.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["assessments"] = serde_json::json!([{
        "outcome": "referral_minor",
        "pathway": json["pathway"],
        "received_on": "2027-05-20",
        "snapshot_id": since,
        "overall_feedback": "Nearly there.",
        "sections": {
            "2b": { "rating": "revisions_required", "feedback": "Say what the learners gained." },
            "1a": { "rating": "strong", "feedback": "" }
        }
    }]);
    let description = json["sections"]["2b"]["description"]
        .as_str()
        .unwrap()
        .to_string();
    json["sections"]["2b"]["description"] =
        format!("{description}\n\nLearners said the captions helped them revise.").into();
    std::fs::write(&file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

fn check_html(pages: &[&Path]) {
    let jar = tools().join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "vnu.jar is missing: run scripts/setup.sh test"
    );
    let output = run(
        Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--format", "text"])
            .args(pages),
        Duration::from_secs(180),
    );
    assert!(
        output.status.success(),
        "the Nu HTML Checker found errors:\n{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

/// axe-core in headless Chromium, on screen and in print: any violation fails.
fn check_accessibility(pages: &[&Path]) {
    let output = run(
        Command::new("node")
            .arg(tools().join("axe-check.mjs"))
            .args(pages)
            .current_dir(tools()),
        Duration::from_secs(150),
    );
    assert!(
        output.status.success(),
        "axe-core found accessibility problems:\n{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

/// Chromium's own PDF of the page, as a candidate's "Print to PDF" would make it.
fn print_to_pdf(page: &Path, pdf: &Path, profile: &Path) {
    let output = run(
        Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display())),
        Duration::from_secs(120),
    );
    assert!(
        pdf.is_file(),
        "Chromium made no PDF: {}",
        text(&output.stderr)
    );
}

/// Text of the PDF with every run of white space as one space, and ligatures undone.
fn pdf_text(pdf: &Path) -> String {
    let output = run(
        Command::new("pdftotext").arg(pdf).arg("-"),
        Duration::from_secs(60),
    );
    assert!(
        output.status.success(),
        "pdftotext: {}",
        text(&output.stderr)
    );
    text(&output.stdout)
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_pages(pdf: &Path) -> usize {
    let output = run(Command::new("pdfinfo").arg(pdf), Duration::from_secs(60));
    text(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

#[test]
fn the_exported_sample_is_valid_accessible_html_and_prints_to_a_sensible_pdf() {
    let root = tempfile::tempdir().unwrap();
    let sample = build_sample(root.path());
    let web = root.path().join("web");
    let single = root.path().join("portfolio.html");
    let started = Instant::now();
    let output = cli(&[
        "export",
        sample.to_str().unwrap(),
        "--format",
        "html",
        "--out",
        web.to_str().unwrap(),
    ]);
    eprintln!("exporting the sample took {:?}", started.elapsed());
    assert!(
        text(&output.stdout).contains("of the 10 MB limit"),
        "{}",
        text(&output.stdout)
    );
    // The single page is a re-submission: referred with 2b marked R, then 2b revised, so
    // the summary of revisions (table, ratings, highlighted passages) is checked too.
    let snapshot = cli(&["snapshot", sample.to_str().unwrap(), "--submitted"]);
    let since = text(&snapshot.stdout).trim().to_string();
    revise_2b_after_a_referral(&sample, &since);
    let output = cli(&[
        "export",
        sample.to_str().unwrap(),
        "--format",
        "single-html",
        "--out",
        single.to_str().unwrap(),
        "--revisions-since",
        &since,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        std::fs::read_to_string(&single)
            .unwrap()
            .contains("id=\"revised-2b\"")
    );
    let index = web.join("index.html");

    check_html(&[&index, &single]);
    check_accessibility(&[&index, &single]);

    let pdf = root.path().join("portfolio.pdf");
    print_to_pdf(&index, &pdf, &root.path().join("chromium-profile"));
    let pages = pdf_pages(&pdf);
    assert!(
        (12..=80).contains(&pages),
        "about 9,000 words with a page per core area should print on 12 to 80 A4 pages, not {pages}"
    );
    let printed = pdf_text(&pdf);
    let framework = Framework::bundled().unwrap();
    for section in framework.sections_of(cmalt_core::framework::PathwayId::Cmalt) {
        assert!(
            printed.contains(&section.title),
            "the PDF must show the section title \"{}\"",
            section.title
        );
    }
    assert!(
        printed.contains(&framework.declaration),
        "the PDF must carry the declaration word for word"
    );
    // A long address may wrap anywhere, so it is looked for with the spaces taken out.
    let squeezed: String = printed.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        squeezed.contains("(https://www.legislation.gov.uk/uksi/2018/952/contents/made)"),
        "a link in the text is printed with its address after it"
    );

    if let Some(folder) = std::env::var_os("CMALT_SCREENSHOTS") {
        let folder = PathBuf::from(folder);
        std::fs::create_dir_all(&folder).unwrap();
        let output = run(
            Command::new("pdftoppm")
                .args(["-r", "60", "-png", "-f", "1", "-l", "2"])
                .arg(&pdf)
                .arg(folder.join("export-pdf-page")),
            Duration::from_secs(60),
        );
        assert!(
            output.status.success(),
            "pdftoppm: {}",
            text(&output.stderr)
        );
    }
}
