//! `cmalt-portfolio export`: writes a web folder, a zip, a single page or a PDF, prints where and the
//! size against the 10 MB limit; exits 1 when refused (an existing target is never
//! overwritten) and 2 when the portfolio cannot be read.

mod cli_support;
use cli_support::{BINARY, run, text};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A portfolio made by `new`, with one attached file cited from 1a.
fn portfolio(root: &Path) -> PathBuf {
    let folder = root.join("portfolio");
    let folder_arg = folder.to_str().unwrap();
    let made = run(&[
        "new",
        folder_arg,
        "--pathway",
        "cmalt",
        "--title",
        "My CMALT",
        "--name",
        "Sam Ó Briain",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let file = root.join("Quiz report.pdf");
    fs::write(&file, b"%PDF-1.4 quiz report").unwrap();
    let attached = run(&[
        "attach",
        folder_arg,
        file.to_str().unwrap(),
        "--title",
        "Quiz report",
        "--section",
        "1a",
    ]);
    assert!(attached.status.success(), "{}", text(&attached.stderr));
    folder
}

fn export(folder: &Path, format: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        folder.to_str().unwrap(),
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn each_format_is_written_and_its_size_reported() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    for (format, name) in [
        ("html", "web"),
        ("zip", "portfolio.zip"),
        ("single-html", "portfolio.html"),
    ] {
        let out = root.path().join(name);
        let output = export(&folder, format, &out, &[]);
        let stdout = text(&output.stdout);
        assert!(
            output.status.success(),
            "{format}: {}",
            text(&output.stderr)
        );
        assert!(
            stdout.contains(&format!("to {}", out.display())),
            "it says where it wrote: {stdout}"
        );
        assert!(
            stdout.contains("of the 10 MB limit"),
            "it gives the size against the limit: {stdout}"
        );
        assert!(
            stdout.contains("Largest parts:"),
            "and the largest parts: {stdout}"
        );
        assert!(out.exists(), "{format} must be written");
    }
    assert!(root.path().join("web/index.html").is_file());
    assert!(
        fs::read(root.path().join("portfolio.zip"))
            .unwrap()
            .starts_with(b"PK"),
        "a zip is a zip"
    );
    let page = fs::read_to_string(root.path().join("portfolio.html")).unwrap();
    assert!(
        !page.contains("data:application/pdf"),
        "the PDF is left out of the page by default"
    );
}

/// `--format pdf` writes an A4 PDF with no browser and no display, and reports its size.
#[test]
fn a_pdf_is_written_without_a_display_and_its_size_reported() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    let out = root.path().join("portfolio.pdf");
    let output = Command::new(BINARY)
        .args([
            "export",
            folder.to_str().unwrap(),
            "--format",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains(&format!("as a PDF document to {}", out.display())),
        "it says what and where: {stdout}"
    );
    assert!(
        stdout.contains("Size: ") && stdout.contains("of the 10 MB limit"),
        "it gives the size against the limit: {stdout}"
    );
    assert!(
        fs::read(&out).unwrap().starts_with(b"%PDF-"),
        "a PDF is a PDF"
    );
    let again = export(&folder, "pdf", &out, &["--replace"]);
    assert!(
        again.status.success(),
        "an earlier PDF is replaced when asked: {}",
        text(&again.stderr)
    );
}

/// `--out portfolio.zip`, a bare name in the current folder, once failed as "the folder is
/// no longer there": its parent is the empty path.
#[test]
fn a_bare_file_name_is_written_in_the_current_folder() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    for (format, name) in [
        ("zip", "portfolio.zip"),
        ("single-html", "page.html"),
        ("html", "web"),
    ] {
        let output = Command::new(BINARY)
            .args([
                "export",
                folder.to_str().unwrap(),
                "--format",
                format,
                "--out",
                name,
            ])
            .current_dir(root.path())
            .env_remove("DISPLAY")
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {}", text(&output.stderr));
        assert!(
            root.path().join(name).exists(),
            "{name} is written beside the command"
        );
    }
}

#[test]
fn embed_files_puts_every_file_inside_the_single_page() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    let out = root.path().join("all.html");
    let output = export(&folder, "single-html", &out, &["--embed-files"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = fs::read_to_string(&out).unwrap();
    assert!(
        page.contains("href=\"data:application/pdf;base64,"),
        "the PDF is a download in the page"
    );
    let without = root.path().join("some.html");
    let output = export(&folder, "single-html", &without, &[]);
    assert!(
        text(&output.stdout).contains("Listed but not inside the page"),
        "the report says what was left out: {}",
        text(&output.stdout)
    );
}

#[test]
fn an_existing_target_is_refused_with_exit_1_and_replaced_only_when_asked() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    let out = root.path().join("portfolio.zip");
    fs::write(&out, b"someone else's file").unwrap();
    let output = export(&folder, "zip", &out, &[]);
    assert_eq!(output.status.code(), Some(1), "a refusal exits 1");
    assert!(
        text(&output.stderr).contains("already exists"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        fs::read(&out).unwrap(),
        b"someone else's file",
        "the existing file is untouched"
    );

    let output = export(&folder, "zip", &out, &["--replace"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        fs::read(&out).unwrap().starts_with(b"PK"),
        "--replace replaces an earlier file"
    );
}

#[test]
fn a_portfolio_that_cannot_be_read_exits_2() {
    let root = tempfile::tempdir().unwrap();
    let output = export(
        &root.path().join("nowhere"),
        "html",
        &root.path().join("web"),
        &[],
    );
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("could not be found"),
        "{}",
        text(&output.stderr)
    );
    assert!(!root.path().join("web").exists(), "nothing is written");
}

#[test]
fn docx_writes_a_word_document_and_reports_its_size() {
    let root = tempfile::tempdir().unwrap();
    let folder = portfolio(root.path());
    let out = root.path().join("x.docx");
    let output = export(&folder, "docx", &out, &[]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains(&format!("as a Word document to {}", out.display())),
        "it says what and where it wrote: {stdout}"
    );
    assert!(
        stdout.contains("Size: ") && stdout.contains("of the 10 MB limit"),
        "it gives the size against the limit: {stdout}"
    );
    assert!(
        stdout.contains("The portfolio's text"),
        "and what the size is made of: {stdout}"
    );
    let bytes = fs::read(&out).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/document.xml")
            .expect("with its document"),
        &mut document,
    )
    .unwrap();
    assert!(
        document.contains("Quiz report.pdf") && document.contains("Evidence appendix"),
        "the attached file is listed in the appendix"
    );
    let again = export(&folder, "docx", &out, &[]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing document is not overwritten"
    );
}
