//! Times our export of the generated large portfolio against pandoc on the same text, side
//! by side in one run, and fails when ours is not at least `--min-ratio` (20) times faster.
//! A measuring tool for `scripts/bench-pandoc.sh`, not shipped with the app.
//!
//! With `--cli PATH` it also times the command line as a person runs it, whole process:
//! `cmalt-portfolio --version`, and `cmalt-portfolio export` of the same portfolio against
//! pandoc; and the web bundle with 30 MB of files against copying and fsyncing those files.
//!
//! Usage: export-bench [--runs N] [--pandoc PATH] [--min-ratio R] [--cli PATH]

#[path = "../../benches/support/large_portfolio.rs"]
mod large_portfolio;

use cmalt_core::export::{self, ExportFormat, ExportOptions};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use large_portfolio::NOW;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Settings {
    runs: usize,
    pandoc: String,
    min_ratio: f64,
    cli: Option<String>,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        runs: 11,
        pandoc: "pandoc".into(),
        min_ratio: 20.0,
        cli: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--runs" => settings.runs = value()?.parse().map_err(|_| "--runs takes a number")?,
            "--pandoc" => settings.pandoc = value()?,
            "--cli" => settings.cli = Some(value()?),
            "--min-ratio" => {
                settings.min_ratio = value()?.parse().map_err(|_| "--min-ratio takes a number")?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if settings.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(settings)
}

/// A working folder removed when the run ends, however it ends.
struct WorkFolder(PathBuf);

impl Drop for WorkFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The portfolio's text as one Markdown draft, the way a candidate writes it before
/// importing: a title block, then each section as `## 1a: Title` with its Description and
/// Reflection, then the evidence list.
fn markdown_draft(framework: &Framework, portfolio: &Portfolio) -> String {
    let mut draft = format!(
        "# CMALT Portfolio: {}\n\n**Pathway:** Senior CMALT  \n**Candidate:** {}\n\n",
        portfolio.title, portfolio.candidate.name
    );
    for section in framework.sections_of(PathwayId::Senior) {
        let Some(entry) = portfolio.sections.get(&section.id) else {
            continue;
        };
        let heading = match &section.number {
            Some(number) => format!("{number}: {}", section.title),
            None => section.title.clone(),
        };
        draft.push_str(&format!("## {heading}\n\n"));
        if !entry.topic.is_empty() {
            draft.push_str(&format!("**Topic:** {}\n\n", entry.topic));
        }
        draft.push_str(&format!("### Description\n\n{}\n\n", entry.description));
        if !entry.reflection.is_empty() {
            draft.push_str(&format!("### Reflection\n\n{}\n\n", entry.reflection));
        }
    }
    draft.push_str("## Evidence\n\n");
    for item in &portfolio.evidence {
        draft.push_str(&format!(
            "- **{} {}** ({}), {}: {}\n",
            item.id,
            item.details.title,
            item.details.date,
            item.details.origin,
            item.details.what_it_shows
        ));
    }
    draft
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Median time of `runs` calls of `once`, after one untimed call to warm the disk cache.
fn time_median(
    runs: usize,
    mut once: impl FnMut() -> Result<(), String>,
) -> Result<Duration, String> {
    once()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        once()?;
        times.push(start.elapsed());
    }
    Ok(median(times))
}

/// Median time of our export to a fresh target each run (the old one removed untimed).
fn time_export(
    framework: &Framework,
    folder: &Path,
    portfolio: &Portfolio,
    format: ExportFormat,
    target: &Path,
    runs: usize,
) -> Result<Duration, String> {
    let mut times = Vec::with_capacity(runs);
    for run in 0..=runs {
        let _ = std::fs::remove_dir_all(target);
        let _ = std::fs::remove_file(target);
        let start = Instant::now();
        export::export(
            framework,
            folder,
            portfolio,
            target,
            ExportOptions::new(format),
            NOW,
        )
        .map_err(|e| e.to_string())?;
        // The first run warms the disk cache, as pandoc's first run does.
        if run > 0 {
            times.push(start.elapsed());
        }
    }
    Ok(median(times))
}

/// Median time of copying every file of `from` into a new folder, each fsynced, and the
/// folder too: the floor under an export that must write those files.
fn time_copy_and_fsync(from: &Path, work: &Path, runs: usize) -> Result<Duration, String> {
    let mut round = 0;
    time_median(runs, || {
        round += 1;
        let to = work.join(format!("copy-{round}"));
        std::fs::create_dir_all(&to).map_err(|e| e.to_string())?;
        for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            let target = to.join(entry.file_name());
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
            std::fs::File::open(&target)
                .and_then(|f| f.sync_all())
                .map_err(|e| e.to_string())?;
        }
        std::fs::File::open(&to)
            .and_then(|f| f.sync_all())
            .map_err(|e| e.to_string())
    })
}

/// Median time of running `cli` with `args` to its end, as a whole process.
fn time_process(
    cli: &str,
    runs: usize,
    mut args: impl FnMut() -> Vec<std::ffi::OsString>,
) -> Result<Duration, String> {
    time_median(runs, || {
        let status = Command::new(cli)
            .args(args())
            .stdout(Stdio::null())
            .stdin(Stdio::null())
            .status()
            .map_err(|e| format!("could not run {cli}: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or(format!("{cli} failed: {status}"))
    })
}

fn run(settings: &Settings) -> Result<bool, String> {
    let framework = Arc::new(Framework::bundled().map_err(|e| e.to_string())?);
    let work =
        WorkFolder(std::env::temp_dir().join(format!("cmalt-export-bench-{}", std::process::id())));
    std::fs::create_dir_all(&work.0).map_err(|e| e.to_string())?;

    let text_only = large_portfolio::with_links(&framework);
    let (with_files_folder, with_files) = large_portfolio::with_files_on_disk(&framework, &work.0);
    let no_files_folder = work.0.join("no-files");
    std::fs::create_dir_all(&no_files_folder).map_err(|e| e.to_string())?;

    let draft = markdown_draft(&framework, &text_only);
    let draft_path = work.0.join("draft.md");
    std::fs::write(&draft_path, &draft).map_err(|e| e.to_string())?;
    let words = draft.split_whitespace().count();

    let pandoc_out = work.0.join("pandoc.html");
    let pandoc = time_median(settings.runs, || {
        let status = Command::new(&settings.pandoc)
            .args(["--standalone", "-f", "markdown", "-t", "html"])
            .args(["--metadata", "pagetitle=CMALT Portfolio"])
            .arg("-o")
            .arg(&pandoc_out)
            .arg(&draft_path)
            .stdin(Stdio::null())
            .status()
            .map_err(|e| format!("could not run {}: {e}", settings.pandoc))?;
        status
            .success()
            .then_some(())
            .ok_or(format!("pandoc failed: {status}"))
    })?;
    let pandoc_bytes = std::fs::metadata(&pandoc_out).map(|m| m.len()).unwrap_or(0);

    let runs = settings.runs;
    let out = |name: &str| work.0.join(name);
    let single_text = time_export(
        &framework,
        &no_files_folder,
        &text_only,
        ExportFormat::SingleHtml,
        &out("text.html"),
        runs,
    )?;
    let bundle_text = time_export(
        &framework,
        &no_files_folder,
        &text_only,
        ExportFormat::Folder,
        &out("text-bundle"),
        runs,
    )?;
    let single_files = time_export(
        &framework,
        &with_files_folder,
        &with_files,
        ExportFormat::SingleHtml,
        &out("files.html"),
        runs,
    )?;
    let bundle_files = time_export(
        &framework,
        &with_files_folder,
        &with_files,
        ExportFormat::Folder,
        &out("files-bundle"),
        runs,
    )?;
    let single_bytes = std::fs::metadata(out("text.html"))
        .map(|m| m.len())
        .unwrap_or(0);

    let ratio = |ours: Duration| pandoc.as_secs_f64() / ours.as_secs_f64();
    let megabytes = large_portfolio::evidence_bytes(&with_files) as f64 / 1e6;
    let version = Command::new(&settings.pandoc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|text| text.lines().next().map(str::to_string))
        .unwrap_or_default();

    println!(
        "Large Senior portfolio: {words} words of Markdown ({} KB), {} evidence items ({megabytes:.1} MB of files when attached)",
        draft.len() / 1000,
        with_files.evidence.len()
    );
    println!("Median of {runs} runs each, after one warm-up, same machine, same run:");
    println!(
        "  {version}, --standalone markdown to html: {:8.2} ms  ({} KB page)",
        milliseconds(pandoc),
        pandoc_bytes / 1000
    );
    println!(
        "  ours, single page, the text:              {:8.2} ms  ({} KB page)  {:6.1}x faster",
        milliseconds(single_text),
        single_bytes / 1000,
        ratio(single_text)
    );
    println!(
        "  ours, web bundle folder, the text:        {:8.2} ms                {:6.1}x faster",
        milliseconds(bundle_text),
        ratio(bundle_text)
    );
    println!(
        "  ours, single page, images embedded:       {:8.2} ms                {:6.1}x",
        milliseconds(single_files),
        ratio(single_files)
    );
    println!(
        "  ours, web bundle folder, {megabytes:.0} MB of files:   {:8.2} ms                {:6.1}x",
        milliseconds(bundle_files),
        ratio(bundle_files)
    );
    let copy_floor = time_copy_and_fsync(
        &with_files_folder.join(cmalt_core::store::EVIDENCE_DIR),
        &work.0,
        runs,
    )?;
    println!(
        "  copying and fsyncing the same {megabytes:.0} MB of files: {:8.2} ms  (the web bundle takes {:.2}x that; target 1.5x)",
        milliseconds(copy_floor),
        bundle_files.as_secs_f64() / copy_floor.as_secs_f64()
    );
    let slowest_text_export = single_text.max(bundle_text);
    let mut passed = ratio(slowest_text_export) >= settings.min_ratio;
    if let Some(cli) = &settings.cli {
        // The same text as a portfolio folder, exported by the command line as a person runs it.
        let folder = work.0.join("cli-portfolio");
        drop(
            cmalt_core::store::PortfolioFolder::create(&folder, &text_only)
                .map_err(|e| e.to_string())?,
        );
        let version = time_process(cli, runs, || vec!["--version".into()])?;
        let mut round = 0;
        let whole = time_process(cli, runs, || {
            round += 1;
            vec![
                "export".into(),
                folder.clone().into(),
                "--format".into(),
                "single-html".into(),
                "--out".into(),
                work.0.join(format!("cli-{round}.html")).into(),
            ]
        })?;
        println!("The command line, whole process (start, work, exit):");
        println!(
            "  cmalt-portfolio --version:                {:8.2} ms  (target: under 5 ms)",
            milliseconds(version)
        );
        println!(
            "  cmalt-portfolio export --format single-html: {:5.2} ms  {:6.1}x faster than pandoc (target: at least {}x)",
            milliseconds(whole),
            ratio(whole),
            settings.min_ratio
        );
        passed &= version < Duration::from_millis(5) && ratio(whole) >= settings.min_ratio;
    }
    println!(
        "{}: our export of the same text is {:.1}x faster than pandoc (target: at least {}x; the exports with files also copy them, with an fsync each, so they are shown for scale)",
        if passed { "PASS" } else { "FAIL" },
        ratio(slowest_text_export),
        settings.min_ratio
    );
    Ok(passed)
}

fn main() -> ExitCode {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("export-bench: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&settings) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("export-bench: {message}");
            ExitCode::from(2)
        }
    }
}
