//! End to end through the real window: *Check links online* on the Ready page. The window
//! has no HTTP client of its own; it asks the command line beside it, which tries each link
//! on a web server in this test (127.0.0.1, never the internet). A page that is gone is
//! reported where it is, a page that opens is not, and what the window's own check already
//! lists (a learner's email address) is not listed twice.

mod support;

use cmalt_core::framework::PathwayId;
use cmalt_core::model::Portfolio;
use cmalt_core::recent::RecentPortfolios;
use cmalt_core::store::PortfolioFolder;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use support::{App, Home};

/// A web server on a free port of 127.0.0.1: `/ok` opens, anything else is not found.
fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The headers, up to the empty line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let status = if path == "/ok" {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let body = "<!doctype html><title>page</title>";
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

fn home_with_links(base: &str) -> Home {
    let home = Home::new();
    let folder = home.data_folder().join("portfolios/links");
    let mut portfolio = Portfolio::new(
        "Links",
        "Sam Patel",
        PathwayId::Cmalt,
        time::OffsetDateTime::now_utc(),
    );
    portfolio.section_mut("1a").description =
        format!("Our [quiz guide]({base}/gone) and [the live handbook]({base}/ok) helped staff.");
    portfolio.section_mut("1a").reflection =
        "Afterwards I emailed sam.jones@student.example.ac.uk to ask how it went.".into();
    drop(PortfolioFolder::create(&folder, &portfolio).expect("the portfolio is written"));
    RecentPortfolios::at(&home.data_folder())
        .remember(&folder)
        .unwrap();
    home
}

/// The codes of the findings listed, sorted.
async fn finding_codes(app: &App) -> Vec<String> {
    let findings = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=\"share-finding\"]"))
        .await
        .unwrap();
    let mut codes = Vec::new();
    for finding in &findings {
        codes.push(finding.attr("data-code").await.unwrap().unwrap_or_default());
    }
    codes.sort();
    codes
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_that_is_gone_is_found_by_trying_the_links_online() {
    let base = start_server();
    let home = home_with_links(&base);
    let app = App::launch(&home).await;
    app.click("[data-testid=\"recent-item\"]").await;
    app.click("[data-testid=\"ready\"]").await;
    let email = "[data-testid=\"share-finding\"][data-code=\"personal_data_in_text\"]";
    let broken = "[data-testid=\"share-finding\"][data-code=\"link_broken\"]";
    app.wait_for_text(email, "email").await;
    assert!(!app.exists(broken).await, "nothing is tried before asking");
    // Offline the check already says the two local addresses open only on this computer.
    let offline = finding_codes(&app).await;
    assert_eq!(
        offline,
        [
            "link_needs_sign_in",
            "link_needs_sign_in",
            "personal_data_in_text"
        ]
    );

    app.click("[data-testid=\"check-links-online\"]").await;
    app.wait_for_text(broken, &format!("{base}/gone")).await;
    let finding = app.text_of(broken).await;
    assert!(
        finding.contains("not found") && finding.contains("Section 1a"),
        "where the link is and why it failed: {finding}"
    );
    let mut expected = offline.clone();
    expected.push("link_broken".to_string());
    expected.sort();
    assert_eq!(
        finding_codes(&app).await,
        expected,
        "the live page is not reported, and what was found offline is listed once"
    );
    app.screenshot("links-online-01-gone").await;
    app.quit().await;
}
