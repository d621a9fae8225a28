//! *Check links online*: every web link of the portfolio tried as an assessor's browser
//! would, on request only and never in the background. A link is tried with HEAD, and with
//! GET when HEAD is refused (some sites answer HEAD with 405 or 404 and GET with the page),
//! a few at a time, each with a short time limit. Dead links (4xx, 5xx, a name that does not
//! resolve, no answer in time) become `link_broken`; a link that leads elsewhere
//! `link_redirected` with the final address, or `link_needs_sign_in` when that is a sign-in
//! page.
//!
//! Which addresses are private is `link_check`'s concern, not this one's: this checker
//! tries whatever it is given, a local address too.
//!
//! What goes on the network is a [`Transport`], which this crate does not have: the
//! command line's (crate cmalt-links) asks the sites, so the window's binary holds no HTTP
//! client and no TLS library, and asks the command line when the candidate wants links tried.

use super::part_text::PartText;
use super::{finding_id, in_sections};
use crate::checklist::{Problem, ProblemCode, Severity};
use crate::evidence::EvidenceSource;
use crate::framework::Framework;
use crate::model::Portfolio;
use crate::outline::outline;
use crate::share_check_data::ShareCheckData;
use serde::Serialize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How links are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnlineOptions {
    /// For one request, from connecting to the end of the headers.
    pub timeout: Duration,
    /// Links tried at the same time.
    pub parallel: usize,
    /// Redirects followed at most before the link counts as broken.
    pub max_redirects: usize,
}

impl Default for OnlineOptions {
    fn default() -> OnlineOptions {
        OnlineOptions {
            timeout: Duration::from_secs(10),
            parallel: 4,
            max_redirects: 10,
        }
    }
}

/// What trying one link found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LinkReport {
    pub url: String,
    pub outcome: LinkOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkOutcome {
    /// It opens (2xx), directly or after a redirect that changes nothing that matters
    /// (http to https, a trailing slash, a DOI resolving).
    Works,
    /// It opens, at another address.
    Redirected { final_url: String },
    /// It ends at a sign-in page, or the site asks for a sign-in (401).
    NeedsSignIn { final_url: String },
    /// It does not open: why, in plain words.
    Broken { status: Option<u16>, reason: String },
    /// Not tried, or the site asked to be tried later (429): nothing to report.
    NotChecked { reason: String },
}

/// One request to a site, and what it answered: the part of trying a link that goes on the
/// network. Redirects are not followed by it: [`check_links_online`] follows them, so that
/// it can tell a moved page from a sign-in page.
pub trait Transport: Sync {
    /// HEAD, then GET when HEAD is refused; GET reads a few bytes of the page, never all of
    /// it. An error is why the site could not be asked, in plain words.
    fn request(&self, at: &url::Url) -> Result<Answer, String>;
}

/// What a site answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 2xx.
    Page,
    /// 3xx, with its `Location`.
    Redirect(Option<String>),
    /// 4xx or 5xx (or anything else).
    Status(u16),
}

/// Tries each of `links` (duplicates once) through `transport`, `options.parallel` at a
/// time; one report per distinct link, in the order given.
pub fn check_links_online(
    links: &[String],
    options: &OnlineOptions,
    transport: &dyn Transport,
) -> Vec<LinkReport> {
    let mut distinct: Vec<&String> = Vec::new();
    for link in links {
        if !distinct.contains(&link) {
            distinct.push(link);
        }
    }
    let next = AtomicUsize::new(0);
    let reports: Mutex<Vec<Option<LinkReport>>> = Mutex::new(vec![None; distinct.len()]);
    let workers = options.parallel.clamp(1, 16).min(distinct.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(link) = distinct.get(index) else {
                        break;
                    };
                    let outcome = try_link(transport, link, options);
                    let report = LinkReport {
                        url: link.to_string(),
                        outcome,
                    };
                    if let Ok(mut reports) = reports.lock() {
                        reports[index] = Some(report);
                    }
                }
            });
        }
    });
    reports
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

fn try_link(transport: &dyn Transport, link: &str, options: &OnlineOptions) -> LinkOutcome {
    let Ok(mut at) = url::Url::parse(link.trim()) else {
        return LinkOutcome::NotChecked {
            reason: "it is not a web address".into(),
        };
    };
    if !matches!(at.scheme(), "http" | "https") {
        return LinkOutcome::NotChecked {
            reason: "it is not a web address".into(),
        };
    }
    let first = at.clone();
    let mut redirects = 0;
    loop {
        let status = match transport.request(&at) {
            Ok(status) => status,
            Err(reason) => {
                return LinkOutcome::Broken {
                    status: None,
                    reason,
                };
            }
        };
        match status {
            Answer::Page => return arrived(&first, &at),
            Answer::Redirect(location) => {
                redirects += 1;
                let Some(next) = location.and_then(|location| at.join(&location).ok()) else {
                    return LinkOutcome::Broken {
                        status: None,
                        reason: "the site sends it on to an address that does not work".into(),
                    };
                };
                if redirects > options.max_redirects {
                    return LinkOutcome::Broken {
                        status: None,
                        reason: "the site sends it round in a loop of redirects".into(),
                    };
                }
                at = next;
            }
            Answer::Status(401) => {
                return LinkOutcome::NeedsSignIn {
                    final_url: at.to_string(),
                };
            }
            Answer::Status(429) => {
                return LinkOutcome::NotChecked {
                    reason: "the site asked to be tried again later".into(),
                };
            }
            Answer::Status(code) => {
                if is_sign_in_page(&at) {
                    return LinkOutcome::NeedsSignIn {
                        final_url: at.to_string(),
                    };
                }
                return LinkOutcome::Broken {
                    status: Some(code),
                    reason: status_in_words(code),
                };
            }
        }
    }
}

/// Where the link ended up, once a page answered.
fn arrived(first: &url::Url, last: &url::Url) -> LinkOutcome {
    if is_sign_in_page(last) {
        return LinkOutcome::NeedsSignIn {
            final_url: last.to_string(),
        };
    }
    if first == last || same_place(first, last) || is_permanent_identifier(first) {
        return LinkOutcome::Works;
    }
    LinkOutcome::Redirected {
        final_url: last.to_string(),
    }
}

/// The same page for a reader: http to https, `www.` added or dropped, a trailing slash.
fn same_place(a: &url::Url, b: &url::Url) -> bool {
    let host = |u: &url::Url| {
        u.host_str()
            .unwrap_or_default()
            .trim_start_matches("www.")
            .to_ascii_lowercase()
    };
    let path = |u: &url::Url| u.path().trim_end_matches('/').to_string();
    host(a) == host(b) && path(a) == path(b) && a.query() == b.query()
}

/// DOIs and handles are meant to redirect: they are the address to keep.
fn is_permanent_identifier(link: &url::Url) -> bool {
    matches!(
        link.host_str().map(str::to_ascii_lowercase).as_deref(),
        Some("doi.org" | "dx.doi.org" | "hdl.handle.net" | "purl.org" | "n2t.net")
    )
}

fn is_sign_in_page(at: &url::Url) -> bool {
    let host = at.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = at.path().to_ascii_lowercase();
    ShareCheckData::bundled().is_sign_in_page(&host, &path)
}

fn status_in_words(code: u16) -> String {
    match code {
        404 | 410 => format!("the page was not found ({code})"),
        403 => format!(
            "the site refused to show it ({code}); if it opens in a private browser window, the site may only be refusing programs like this one"
        ),
        400..=499 => format!("the site refused the request ({code})"),
        500..=599 => format!("the site had a problem ({code}); try again later"),
        _ => format!("the site gave an answer browsers cannot show ({code})"),
    }
}

/// Where a link is in the portfolio, for the messages.
struct LinkPlaces {
    url: String,
    /// "Section 2a, Description", "E6".
    named: Vec<String>,
    first_section: Option<String>,
    items: Vec<String>,
}

/// The web links of the sections the export shows and of the evidence library, each once
/// with where it is, in the order the check reports them.
fn links_with_places(framework: &Framework, portfolio: &Portfolio) -> Vec<LinkPlaces> {
    let mut places: Vec<LinkPlaces> = Vec::new();
    let mut add = |url: &str, named: String, section: Option<&str>, item: Option<&str>| {
        let is_web = url::Url::parse(url.trim())
            .is_ok_and(|parsed| matches!(parsed.scheme(), "http" | "https"));
        if !is_web {
            return;
        }
        let at = match places.iter().position(|p| p.url == url) {
            Some(at) => at,
            None => {
                places.push(LinkPlaces {
                    url: url.to_string(),
                    named: Vec::new(),
                    first_section: None,
                    items: Vec::new(),
                });
                places.len() - 1
            }
        };
        let place = &mut places[at];
        if !place.named.contains(&named) {
            place.named.push(named);
        }
        if place.first_section.is_none() {
            place.first_section = section.map(str::to_string);
        }
        if let Some(item) = item
            && !place.items.iter().any(|i| i == item)
        {
            place.items.push(item.to_string());
        }
    };
    for entry in outline(framework, portfolio)
        .groups
        .iter()
        .flat_map(|group| &group.entries)
    {
        let Some(section) = portfolio.section(&entry.id) else {
            continue;
        };
        for &part in in_sections::parts_shown(entry.kind) {
            let markdown = part.of(section);
            if markdown.trim().is_empty() {
                continue;
            }
            for link in PartText::read(markdown, part).links {
                add(
                    &link,
                    in_sections::place_in_words(entry, part),
                    Some(&entry.id),
                    None,
                );
            }
        }
    }
    for item in &portfolio.evidence {
        if let EvidenceSource::Link { url } = &item.source {
            add(url, item.id.clone(), None, Some(&item.id));
        }
    }
    places
}

/// Every web link of the portfolio, each once.
pub fn web_links(framework: &Framework, portfolio: &Portfolio) -> Vec<String> {
    links_with_places(framework, portfolio)
        .into_iter()
        .map(|place| place.url)
        .collect()
}

/// Tries every web link of `portfolio` and says which do not work as warnings, with the
/// sections and items they are in. Links the candidate has agreed to are tried too: that a
/// link opens for anyone does not mean it still opens at all.
pub fn check_portfolio_links_online(
    framework: &Framework,
    portfolio: &Portfolio,
    options: &OnlineOptions,
    transport: &dyn Transport,
) -> Vec<Problem> {
    let places = links_with_places(framework, portfolio);
    let links: Vec<String> = places.iter().map(|place| place.url.clone()).collect();
    let reports = check_links_online(&links, options, transport);
    problems_from(&places, &reports)
}

fn problems_from(places: &[LinkPlaces], reports: &[LinkReport]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for report in reports {
        let Some(place) = places.iter().find(|place| place.url == report.url) else {
            continue;
        };
        let url = &report.url;
        let where_ = crate::checklist::in_words_list(&place.named);
        let (code, message) = match &report.outcome {
            LinkOutcome::Works | LinkOutcome::NotChecked { .. } => continue,
            LinkOutcome::Broken { reason, .. } => (
                ProblemCode::LinkBroken,
                format!(
                    "The link {url} ({where_}) did not open: {reason}. Check the address in your browser, and link to where the page is now or take the link out."
                ),
            ),
            LinkOutcome::Redirected { final_url } => (
                ProblemCode::LinkRedirected,
                format!(
                    "The link {url} ({where_}) now leads to {final_url}. Link to that address instead, so the link keeps working."
                ),
            ),
            LinkOutcome::NeedsSignIn { final_url } => (
                ProblemCode::LinkNeedsSignIn,
                format!(
                    "The link {url} ({where_}) leads to a sign-in page ({}), so assessors would have to sign in to see it. Share it with \"anyone with the link\", or attach a PDF copy or screenshots instead.",
                    url::Url::parse(final_url)
                        .ok()
                        .and_then(|u| u.host_str().map(str::to_string))
                        .unwrap_or_else(|| final_url.clone())
                ),
            ),
        };
        problems.push(Problem {
            id: Some(finding_id(code, "online", url)),
            section: place.first_section.clone(),
            evidence: place.items.first().cloned(),
            items: place.items.clone(),
            severity: Severity::Warning,
            code,
            message,
            fix: None,
            passage: None,
            agree: None,
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivial_and_identifier_redirects_are_not_reported() {
        let url = |text: &str| url::Url::parse(text).unwrap();
        assert!(same_place(
            &url("http://example.org/page"),
            &url("https://www.example.org/page/")
        ));
        assert!(!same_place(
            &url("https://example.org/old"),
            &url("https://example.org/new")
        ));
        assert_eq!(
            arrived(
                &url("https://doi.org/10.1000/1"),
                &url("https://publisher.example/a")
            ),
            LinkOutcome::Works,
            "a DOI is the address to keep, wherever it leads"
        );
        assert!(matches!(
            arrived(
                &url("https://drive.google.com/file/d/1"),
                &url("https://accounts.google.com/ServiceLogin?continue=x")
            ),
            LinkOutcome::NeedsSignIn { .. }
        ));
    }

    #[test]
    fn statuses_read_as_plain_words() {
        assert!(status_in_words(404).contains("not found"));
        assert!(status_in_words(503).contains("try again later"));
    }
}
