//! `cmalt-portfolio import <BUNDLE>`: an exported folder or zip opens again as the same
//! portfolio; a bundle with a path that climbs out of the target is refused.

mod cli_support;
use cli_support::run;

use std::io::Write;
use std::path::Path;

fn ok(args: &[&str]) {
    let output = run(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn portfolio_without_export_stamp(folder: &Path) -> serde_json::Value {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("portfolio.json")).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("exported_at");
    json
}

#[test]
fn an_exported_zip_and_folder_reopen_as_the_same_portfolio() {
    let root = tempfile::tempdir().unwrap();
    let path = |name: &str| root.path().join(name).to_str().unwrap().to_string();
    ok(&[
        "new",
        &path("original"),
        "--pathway",
        "cmalt",
        "--title",
        "Round trip",
    ]);
    std::fs::write(root.path().join("plan.pdf"), b"%PDF-1.7 plan").unwrap();
    ok(&[
        "attach",
        &path("original"),
        &path("plan.pdf"),
        "--title",
        "Plan",
        "--section",
        "1a",
    ]);
    for (format, out) in [("zip", "bundle.zip"), ("html", "bundle-folder")] {
        ok(&[
            "export",
            &path("original"),
            "--format",
            format,
            "--out",
            &path(out),
        ]);
        let reopened = format!("reopened-{format}");
        ok(&["import", &path(out), "--out", &path(&reopened)]);
        assert_eq!(
            portfolio_without_export_stamp(&root.path().join(&reopened)),
            portfolio_without_export_stamp(&root.path().join("original")),
            "the {format} bundle reopens identical"
        );
        let evidence = std::fs::read_dir(root.path().join(&reopened).join("evidence"))
            .unwrap()
            .count();
        assert_eq!(evidence, 1, "its evidence file comes back too");
    }
}

#[test]
fn a_zip_that_climbs_out_of_the_target_is_refused_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let zip_path = root.path().join("hostile.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("portfolio.json", options).unwrap();
    zip.write_all(b"{}").unwrap();
    zip.start_file("../escaped.txt", options).unwrap();
    zip.write_all(b"out").unwrap();
    zip.finish().unwrap();
    let before: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let out = root.path().join("target-portfolio");
    let output = run(&[
        "import",
        zip_path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "a hostile bundle is refused");
    assert!(
        !String::from_utf8_lossy(&output.stderr).trim().is_empty(),
        "with a message"
    );
    let after: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        before, after,
        "nothing is written beside or outside the target"
    );
}
