//! *Check links online* against a web server in the test, on 127.0.0.1, never the internet:
//! a page that opens, one that moved, one that is gone, one that never answers, one that
//! refuses HEAD, one behind a sign-in page, a redirect loop, and a port nobody listens on.

use cmalt_core::checklist::ProblemCode;
use cmalt_core::evidence::{EvidenceDetails, EvidenceItem, EvidenceSource};
use cmalt_core::framework::{Framework, PathwayId};
use cmalt_core::model::Portfolio;
use cmalt_core::share_check::online::{LinkOutcome, OnlineOptions};
use cmalt_links::{check_links_online, check_portfolio_links_online};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A small web server on a free port of 127.0.0.1, answering each connection on a thread of
/// its own, and the requests it has had (method and path). It lives as long as the test.
struct TestServer {
    base: String,
    requests: Arc<Mutex<Vec<(String, String)>>>,
}

impl TestServer {
    fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let seen = seen.clone();
                std::thread::spawn(move || answer(stream, &seen));
            }
        });
        TestServer { base, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn requests_for(&self, path: &str) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, p)| p == path)
            .map(|(method, _)| method.clone())
            .collect()
    }
}

fn answer(stream: TcpStream, seen: &Mutex<Vec<(String, String)>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The rest of the head, up to its blank line.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let path = parts.next().unwrap_or_default().to_string();
    seen.lock().unwrap().push((method.clone(), path.clone()));
    let (status, location) = match (method.as_str(), path.as_str()) {
        (_, "/ok" | "/login") => ("200 OK", None),
        (_, "/moved") => ("301 Moved Permanently", Some("/ok")),
        (_, "/private") => ("302 Found", Some("/login")),
        (_, "/loop") => ("302 Found", Some("/loop")),
        (_, "/gone") => ("404 Not Found", None),
        (_, "/broken") => ("500 Internal Server Error", None),
        ("HEAD", "/head-refused") => ("405 Method Not Allowed", None),
        (_, "/head-refused") => ("200 OK", None),
        (_, "/slow") => {
            // Never answers: holds the connection until the client gives up.
            std::thread::sleep(Duration::from_secs(20));
            return;
        }
        _ => ("404 Not Found", None),
    };
    let body = if method == "HEAD" { "" } else { "<p>page</p>" };
    let location = location
        .map(|to| format!("Location: {to}\r\n"))
        .unwrap_or_default();
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{location}Content-Type: text/html\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{body}"
    );
}

fn quick() -> OnlineOptions {
    OnlineOptions {
        timeout: Duration::from_secs(1),
        parallel: 4,
        max_redirects: 5,
    }
}

#[test]
fn each_link_is_reported_as_it_answers() {
    let server = TestServer::start();
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/nobody", listener.local_addr().unwrap())
    };
    let links: Vec<String> = [
        "/ok",
        "/moved",
        "/gone",
        "/slow",
        "/head-refused",
        "/private",
        "/loop",
        "/broken",
    ]
    .iter()
    .map(|path| server.url(path))
    .chain([closed.clone()])
    .collect();
    let reports = check_links_online(&links, &quick());
    let outcome = |path: &str| {
        reports
            .iter()
            .find(|r| r.url == server.url(path))
            .unwrap_or_else(|| panic!("{path} was tried"))
            .outcome
            .clone()
    };
    assert_eq!(outcome("/ok"), LinkOutcome::Works);
    assert_eq!(
        outcome("/moved"),
        LinkOutcome::Redirected {
            final_url: server.url("/ok")
        },
        "a moved page is reported with where it is now"
    );
    assert!(
        matches!(outcome("/gone"), LinkOutcome::Broken { status: Some(404), ref reason } if reason.contains("not found")),
        "{:?}",
        outcome("/gone")
    );
    assert!(
        matches!(outcome("/slow"), LinkOutcome::Broken { status: None, ref reason } if reason.contains("did not answer")),
        "{:?}",
        outcome("/slow")
    );
    assert_eq!(
        outcome("/head-refused"),
        LinkOutcome::Works,
        "a site that refuses HEAD is tried with GET"
    );
    assert_eq!(server.requests_for("/head-refused"), ["HEAD", "GET"]);
    assert_eq!(
        server.requests_for("/ok").first().map(String::as_str),
        Some("HEAD")
    );
    assert_eq!(
        outcome("/private"),
        LinkOutcome::NeedsSignIn {
            final_url: server.url("/login")
        },
        "a link that ends at a sign-in page needs a sign-in"
    );
    assert!(
        matches!(outcome("/loop"), LinkOutcome::Broken { ref reason, .. } if reason.contains("loop"))
    );
    assert!(matches!(
        outcome("/broken"),
        LinkOutcome::Broken {
            status: Some(500),
            ..
        }
    ));
    let unreachable = &reports.iter().find(|r| r.url == closed).unwrap().outcome;
    assert!(
        matches!(unreachable, LinkOutcome::Broken { reason, .. } if reason.contains("could not be reached")),
        "{unreachable:?}"
    );
    assert_eq!(reports.len(), links.len(), "one report per link, in order");
    assert_eq!(reports[0].url, links[0]);
}

#[test]
fn links_are_tried_a_few_at_a_time() {
    let server = TestServer::start();
    // Four different links to the page that never answers (a fragment is not sent).
    let links: Vec<String> = (0..4).map(|n| server.url(&format!("/slow#{n}"))).collect();
    let started = Instant::now();
    let reports = check_links_online(&links, &quick());
    let took = started.elapsed();
    assert_eq!(reports.len(), 4);
    assert!(
        reports
            .iter()
            .all(|r| matches!(r.outcome, LinkOutcome::Broken { .. })),
        "{reports:?}"
    );
    assert!(
        took < Duration::from_millis(3500),
        "four links that never answer, four at a time, take about one time limit, not four: {took:?}"
    );
}

#[test]
fn the_portfolios_links_become_warnings_where_they_are() {
    let server = TestServer::start();
    let mut portfolio = Portfolio::new(
        "Safe to share",
        "Sam Example",
        PathwayId::Senior,
        time::macros::datetime!(2026-05-04 09:00 UTC),
    );
    portfolio.section_mut("1a").description = format!(
        "See [the old page]({}) and [the live one]({}).",
        server.url("/gone"),
        server.url("/ok")
    );
    let moved = EvidenceItem::id_for(portfolio.next_evidence_number);
    portfolio.evidence.push(EvidenceItem {
        id: moved.clone(),
        number: portfolio.next_evidence_number,
        details: EvidenceDetails {
            title: "Workshop slides".into(),
            ..EvidenceDetails::default()
        },
        source: EvidenceSource::Link {
            url: server.url("/moved"),
        },
        added_at: time::macros::datetime!(2026-05-04 09:00 UTC),
    });
    let framework = Framework::bundled().expect("the bundled framework reads");
    let problems = check_portfolio_links_online(&framework, &portfolio, &quick());
    assert_eq!(
        problems.len(),
        2,
        "the live page is not reported: {problems:#?}"
    );
    let broken = &problems[0];
    assert_eq!(broken.code, ProblemCode::LinkBroken);
    assert_eq!(broken.section.as_deref(), Some("1a"));
    assert!(
        broken.message.contains("Section 1a, Description") && broken.message.contains("not found"),
        "{}",
        broken.message
    );
    let redirected = &problems[1];
    assert_eq!(redirected.code, ProblemCode::LinkRedirected);
    assert_eq!(redirected.evidence.as_deref(), Some(moved.as_str()));
    assert!(
        redirected.message.contains(&server.url("/ok")),
        "the final address is named: {}",
        redirected.message
    );
    assert!(
        problems.iter().all(|p| p.id.is_some()),
        "online findings have ids too"
    );
}

/// A site whose certificate no one vouches for (self-signed, made here by `openssl`) is
/// reported in plain words: the system's TLS is used, and it refuses what it cannot trust.
#[test]
fn a_certificate_the_system_does_not_trust_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (key, cert) = (dir.path().join("key.pem"), dir.path().join("cert.pem"));
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=127.0.0.1", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl runs (apt-get install -y openssl)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = std::process::Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept"])
        .arg(port.to_string())
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("openssl s_server starts");
    // Wait until it listens (at most 5 s).
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "s_server never listened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let link = format!("https://127.0.0.1:{port}/");
    let reports = check_links_online(std::slice::from_ref(&link), &quick());
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        matches!(&reports[0].outcome, LinkOutcome::Broken { status: None, reason } if reason.contains("security certificate")),
        "{:?}",
        reports[0].outcome
    );
}
