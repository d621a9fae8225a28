//! The rich-text editor keeps the Markdown the core renders: every section of every draft
//! fixture, the sample and the fuzz seeds goes through the editor's own parse and save
//! (`ui/dist-tools/roundtrip.mjs`, the same Tiptap extensions the window runs, in Node), and
//! comrak must render what comes back as it rendered what went in.
//!
//! One difference is by design and checked as such: raw HTML, which comrak leaves out of
//! the page, is shown by the editor as the text the candidate typed, so once edited it is
//! kept as that text (escaped) and the reader sees it too.

use cmalt_core::framework::Framework;
use cmalt_core::import;
use cmalt_core::markdown;
use cmalt_core::model::Portfolio;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use time::macros::datetime;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every text a candidate has in a portfolio: topic aside, the Markdown parts.
fn texts_of(portfolio: &Portfolio, origin: &str, into: &mut Vec<(String, String)>) {
    for (id, section) in &portfolio.sections {
        for (part, text) in [
            ("description", &section.description),
            ("reflection", &section.reflection),
            ("references", &section.references),
        ] {
            if !text.trim().is_empty() {
                into.push((format!("{origin} {id} {part}"), text.clone()));
            }
        }
    }
}

fn corpus() -> Vec<(String, String)> {
    let framework = Framework::bundled().unwrap();
    let mut texts = Vec::new();
    let drafts: Vec<PathBuf> = [
        "tests/fixtures/drafts",
        "tests/fixtures/sample",
        "fuzz/seeds/import_markdown",
    ]
    .iter()
    .flat_map(|folder| std::fs::read_dir(root().join(folder)).unwrap())
    .map(|entry| entry.unwrap().path())
    .filter(|path| path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md"))
    .collect();
    assert!(
        drafts.len() >= 5,
        "the draft fixtures are there: {drafts:?}"
    );
    for draft in &drafts {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("p");
        import::import_file(
            &framework,
            draft,
            &target,
            None,
            datetime!(2026-12-02 10:00 UTC),
        )
        .unwrap_or_else(|e| panic!("{} imports: {e}", draft.display()));
        let saved = std::fs::read_to_string(target.join("portfolio.json")).unwrap();
        let portfolio: Portfolio = serde_json::from_str(&saved).unwrap();
        texts_of(
            &portfolio,
            &draft.file_name().unwrap().to_string_lossy(),
            &mut texts,
        );
        // The draft whole, too: headings, front matter and all.
        texts.push((
            format!("{} whole", draft.display()),
            std::fs::read_to_string(draft).unwrap(),
        ));
    }
    for folder in ["fuzz/seeds/load_portfolio", "fuzz/seeds/hostile_folder"] {
        for entry in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let Ok(portfolio) =
                serde_json::from_str::<Portfolio>(&std::fs::read_to_string(&path).unwrap())
            else {
                continue;
            };
            texts_of(&portfolio, &path.display().to_string(), &mut texts);
        }
    }
    for seed in std::fs::read_dir(root().join("fuzz/seeds/markdown_sanitise")).unwrap() {
        let path = seed.unwrap().path();
        texts.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    texts
}

/// The round-trip tool run on `input` (what it reads on stdin).
fn run_the_tool(input: &[u8]) -> std::process::Output {
    let tool = root().join("ui/dist-tools/roundtrip.mjs");
    assert!(
        tool.is_file(),
        "{} is missing: scripts/test.sh builds it (cd ui && npm run build:tools)",
        tool.display()
    );
    let mut node = Command::new("node")
        .arg(&tool)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/setup.sh checks for it)");
    node.stdin.take().unwrap().write_all(input).unwrap();
    node.wait_with_output().unwrap()
}

/// The editor's parse and save of each text, in the order given.
fn through_the_editor(texts: &[String]) -> Vec<String> {
    let output = run_the_tool(serde_json::to_string(texts).unwrap().as_bytes());
    assert!(
        output.status.success(),
        "the round-trip tool failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the tool prints a JSON array of strings")
}

/// HTML compared as a reader sees it: runs of whitespace are one space, none between tags.
fn normalised(html: &str) -> String {
    let collapsed: String = html.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("> <", "><")
        .replace(" </", "</")
        .replace("> ", ">")
}

/// Whether comrak reads raw HTML in the text (which the page leaves out).
fn has_raw_html(markdown: &str) -> bool {
    raw_html_in(markdown).is_some()
}

/// The first raw HTML comrak reads in the text.
fn raw_html_in(markdown: &str) -> Option<String> {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    comrak::parse_document(&arena, markdown, &options)
        .descendants()
        .find_map(|node| match &node.data().value {
            comrak::nodes::NodeValue::HtmlInline(html) => Some(html.to_string()),
            comrak::nodes::NodeValue::HtmlBlock(block) => Some(block.literal.clone()),
            _ => None,
        })
}

#[test]
fn every_section_renders_the_same_after_the_editor_saves_it() {
    let corpus = corpus();
    assert!(
        corpus.len() > 100,
        "only {} texts in the corpus",
        corpus.len()
    );
    let texts: Vec<String> = corpus.iter().map(|(_, text)| text.clone()).collect();
    let saved = through_the_editor(&texts);
    assert_eq!(saved.len(), texts.len());

    let mut differ = Vec::new();
    let mut raw_html = 0;
    for ((origin, before), after) in corpus.iter().zip(&saved) {
        let (was, now) = (markdown::render(before).html, markdown::render(after).html);
        if has_raw_html(before) {
            // Shown as text in the editor, kept as text: the reader sees no less than before.
            raw_html += 1;
            if let Some(html) = raw_html_in(after) {
                panic!("{origin}: raw HTML {html:?} survived an edit:\n{after}");
            }
            assert!(
                now.contains("&lt;"),
                "{origin}: the HTML typed is shown as text:\n{now}"
            );
            continue;
        }
        if normalised(&was) != normalised(&now) {
            differ.push(format!(
                "--- {origin}\nmarkdown before:\n{before}\nmarkdown after:\n{after}\nhtml before:\n{}\nhtml after:\n{}",
                normalised(&was),
                normalised(&now)
            ));
        }
    }
    eprintln!(
        "{} texts through the editor, {raw_html} with raw HTML kept as text, {} differ",
        corpus.len(),
        differ.len()
    );
    assert!(
        differ.is_empty(),
        "{} of {} texts render differently after the editor saves them:\n{}",
        differ.len(),
        corpus.len(),
        differ.join("\n")
    );
    let again = through_the_editor(&saved);
    for (((origin, _), once), twice) in corpus.iter().zip(&saved).zip(&again) {
        assert_eq!(once, twice, "{origin}: a second save changed the text");
    }
}

#[test]
fn the_tool_refuses_what_is_not_a_list_of_texts() {
    let output = run_the_tool(b"{\"not\": \"a list\"}");
    assert!(!output.status.success(), "bad input must fail loudly");
}
