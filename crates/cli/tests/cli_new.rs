//! `cmalt-portfolio new`: creates a portfolio folder headless, and refuses, changing
//! nothing, when one is already there.

mod cli_support;
use cli_support::run;

#[test]
fn new_creates_a_portfolio_without_a_display() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("my portfolio ✓");
    let folder_arg = folder.to_str().unwrap();
    let output = run(&[
        "new",
        folder_arg,
        "--pathway",
        "senior",
        "--title",
        "Senior CMALT 2027",
        "--name",
        "Sam Ó Briain",
    ]);
    assert!(
        output.status.success(),
        "new must succeed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("Senior CMALT"),
        "it says what it made"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("portfolio.json")).unwrap()).unwrap();
    assert_eq!(json["pathway"], "senior");
    assert_eq!(json["title"], "Senior CMALT 2027");
    assert_eq!(json["candidate"]["name"], "Sam Ó Briain");
    assert!(
        folder.join("evidence").is_dir(),
        "the evidence folder is made with it"
    );
}

#[test]
fn new_refuses_an_existing_portfolio_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("p");
    let folder_arg = folder.to_str().unwrap();
    assert!(
        run(&["new", folder_arg, "--pathway", "cmalt", "--title", "First"])
            .status
            .success()
    );
    let before = std::fs::read(folder.join("portfolio.json")).unwrap();
    let output = run(&[
        "new",
        folder_arg,
        "--pathway",
        "associate",
        "--title",
        "Second",
    ]);
    assert_eq!(output.status.code(), Some(1), "a refusal exits 1");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("already a portfolio"),
        "the refusal says why: {message}"
    );
    assert_eq!(
        std::fs::read(folder.join("portfolio.json")).unwrap(),
        before,
        "the first portfolio is untouched"
    );
}

#[test]
fn an_unknown_pathway_is_refused_with_the_choices() {
    let root = tempfile::tempdir().unwrap();
    let output = run(&[
        "new",
        root.path().join("p").to_str().unwrap(),
        "--pathway",
        "gold",
    ]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("associate") && message.contains("senior"),
        "{message}"
    );
    assert!(!root.path().join("p").exists(), "nothing is created");
}
