//! *Check links online* with a real HTTP client: the [`Transport`] the core's link checker
//! (`cmalt_core::share_check::online`) asks sites through. Only the command line links this
//! crate; the window runs `cmalt-portfolio check --links-online --json` when the candidate
//! asks, so the window's process has no HTTP client and no TLS library.

use cmalt_core::checklist::Problem;
use cmalt_core::framework::Framework;
use cmalt_core::model::Portfolio;
use cmalt_core::share_check::online::{self, Answer, LinkReport, OnlineOptions, Transport};
use std::io::Read;

/// Asks sites as the candidate's browser would: the system's TLS and the certificates it
/// trusts, no redirects followed (the core follows them), an answer within the time limit.
pub struct Web {
    agent: ureq::Agent,
}

impl Web {
    pub fn new(options: &OnlineOptions) -> Web {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(0)
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .provider(ureq::tls::TlsProvider::NativeTls)
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            )
            .http_status_as_error(false)
            .user_agent(concat!(
                "Mozilla/5.0 (compatible; CMALT-Portfolio/",
                env!("CARGO_PKG_VERSION"),
                "; link check)"
            ))
            .build()
            .into();
        Web { agent }
    }
}

impl Transport for Web {
    fn request(&self, at: &url::Url) -> Result<Answer, String> {
        let answer = |response: &ureq::http::Response<ureq::Body>| {
            let code = response.status().as_u16();
            match code {
                200..=299 => Answer::Page,
                300..=399 => Answer::Redirect(
                    response
                        .headers()
                        .get("location")
                        .and_then(|value| value.to_str().ok())
                        .map(str::to_string),
                ),
                _ => Answer::Status(code),
            }
        };
        let head = self
            .agent
            .head(at.as_str())
            .call()
            .map_err(error_in_words)?;
        let first = answer(&head);
        if !matches!(first, Answer::Status(_)) {
            return Ok(first);
        }
        let mut get = self.agent.get(at.as_str()).call().map_err(error_in_words)?;
        let second = answer(&get);
        let mut start = [0u8; 512];
        let _ = get.body_mut().as_reader().take(512).read(&mut start);
        Ok(second)
    }
}

fn error_in_words(error: ureq::Error) -> String {
    match error {
        ureq::Error::Timeout(_) => "the site did not answer in time".into(),
        ureq::Error::HostNotFound => {
            "the website's name was not found (check how it is spelt)".into()
        }
        ureq::Error::ConnectionFailed | ureq::Error::Io(_) => {
            "the website could not be reached".into()
        }
        ureq::Error::BadUri(_) => "the address is not one a browser can open".into(),
        ureq::Error::NativeTls(_) | ureq::Error::Tls(_) => {
            "the site's security certificate could not be checked".into()
        }
        _ => "the site could not be opened".into(),
    }
}

/// Tries each of `links` on the internet: [`online::check_links_online`] through [`Web`].
pub fn check_links_online(links: &[String], options: &OnlineOptions) -> Vec<LinkReport> {
    online::check_links_online(links, options, &Web::new(options))
}

/// Every web link of `portfolio` tried on the internet, the ones that do not work as
/// warnings: [`online::check_portfolio_links_online`] through [`Web`].
pub fn check_portfolio_links_online(
    framework: &Framework,
    portfolio: &Portfolio,
    options: &OnlineOptions,
) -> Vec<Problem> {
    online::check_portfolio_links_online(framework, portfolio, options, &Web::new(options))
}
