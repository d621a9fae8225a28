//! Offline checks of an evidence link and an evidence file's format before a portfolio is
//! shared: what would fail ALT's first administrative check because an assessor cannot
//! open it (an address that is not a link, one that needs a sign-in, one on the
//! candidate's own network) or may not have the program for it (a Word or Pages file).
//!
//! Nothing here goes on the network: whether a Google document is shared with "anyone with
//! the link" cannot be seen from its address, so such links are warnings to check.

use crate::checklist::Severity;
use crate::share_check_data::ShareCheckData;
use serde::Serialize;
use url::{Host, Url};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkFindingKind {
    /// Not a web (http, https) or email (mailto) address that opens as written.
    Malformed,
    /// A service whose pages usually open only after signing in (warning).
    NeedsSignIn,
    /// An address on the candidate's own computer or network.
    PrivateAddress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LinkFinding {
    pub kind: LinkFindingKind,
    /// Errors stop an assessor opening the link at all; warnings may be fine once checked.
    pub severity: Severity,
    /// The service a sign-in finding is about ("Google Drive"), as a candidate knows it.
    pub service: Option<String>,
    /// What is wrong, in plain words.
    pub reason: String,
    /// What to do about it.
    pub advice: String,
}

/// A file format an assessor may not be able to open, and what to save it as instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FormatAdvice {
    /// As the file name has it, lower-case and without the dot ("docx").
    pub extension: String,
    /// "Microsoft Word".
    pub format: String,
    /// "PDF or ODT".
    pub open_alternative: String,
    /// One sentence for the candidate.
    pub advice: String,
}

/// What would stop an assessor opening `address`: nothing for a public web page.
pub fn check_link(address: &str) -> Vec<LinkFinding> {
    let data = ShareCheckData::bundled();
    let address = address.trim();
    let parsed = match parse(address) {
        Ok(parsed) => parsed,
        Err(finding) => return vec![finding],
    };
    let mut findings = Vec::new();
    let Some(host) = parsed.host() else {
        return findings; // mailto: has no host; `parse` has checked its address.
    };
    if let Some(reason) = private_host(data, &host) {
        findings.push(LinkFinding {
            kind: LinkFindingKind::PrivateAddress,
            severity: Severity::Error,
            service: None,
            reason: reason.to_string(),
            advice: "Put the file or page somewhere public (or attach the file to the \
                     evidence library) and link to that instead."
                .to_string(),
        });
    }
    let host = host.to_string().to_lowercase();
    let path = parsed.path().to_lowercase();
    if let Some(rule) = data.sign_in_rule(&host, &path) {
        findings.push(LinkFinding {
            kind: LinkFindingKind::NeedsSignIn,
            severity: Severity::Warning,
            service: Some(rule.service.clone()),
            reason: rule.reason.clone(),
            advice: rule.advice.clone(),
        });
    }
    findings
}

/// The advice for a file an assessor may not have the program for, from its name.
pub fn proprietary_format(file_name: &str) -> Option<FormatAdvice> {
    let name = file_name.trim().rsplit(['/', '\\']).next()?;
    let (stem, extension) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None; // ".docx" on its own is a hidden file's name, not a Word document.
    }
    let extension = extension.to_lowercase();
    let format = ShareCheckData::bundled().format_for_extension(&extension)?;
    Some(FormatAdvice {
        extension,
        format: format.format.clone(),
        open_alternative: format.open_alternative.clone(),
        advice: format.advice.clone(),
    })
}

fn malformed(reason: &str, advice: &str) -> LinkFinding {
    LinkFinding {
        kind: LinkFindingKind::Malformed,
        severity: Severity::Error,
        service: None,
        reason: reason.to_string(),
        advice: advice.to_string(),
    }
}

const COPY_AGAIN: &str = "Copy the address again from your browser's address bar.";

/// The address as a web or email link, or why an assessor could not open it.
fn parse(address: &str) -> Result<Url, LinkFinding> {
    if address.is_empty() {
        return Err(malformed("The link is empty.", COPY_AGAIN));
    }
    if address.chars().any(char::is_whitespace) {
        // A browser would quietly change the space, but a PDF reader or email may cut the
        // link there.
        return Err(malformed(
            "The address has a space in it, so it may not open as written.",
            "Copy the address again from your browser's address bar, where a space is written as %20.",
        ));
    }
    let parsed = match Url::parse(address) {
        Ok(parsed) => parsed,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            return Err(malformed(
                "The address does not start with https://, so it will not open as a link.",
                "Add https:// at the start, or copy the address from your browser's address bar.",
            ));
        }
        Err(url::ParseError::EmptyHost) => {
            return Err(malformed(
                "The address has no website name after https://.",
                COPY_AGAIN,
            ));
        }
        Err(_) => {
            return Err(malformed(
                "This is not a web address the app can read.",
                COPY_AGAIN,
            ));
        }
    };
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|host| !host.is_empty()) => Ok(parsed),
        "http" | "https" => Err(malformed(
            "The address has no website name after https://.",
            COPY_AGAIN,
        )),
        "mailto" if is_email_address(parsed.path()) => Ok(parsed),
        "mailto" => Err(malformed(
            "The email link has no email address in it.",
            "Write the link as mailto: followed by the address, such as mailto:name@example.ac.uk.",
        )),
        "file" => Err(malformed(
            "This points at a file on your own computer, which an assessor cannot open.",
            "Attach the file to the evidence library instead of linking to it.",
        )),
        _ => Err(malformed(
            "Only web links (https://) and email links (mailto:) open for an assessor.",
            "Link to a web page that shows the evidence, or attach the file to the evidence library.",
        )),
    }
}

/// One address or several with commas, as a mailto: link may have, each with a name, an @
/// and a domain with a dot.
fn is_email_address(path: &str) -> bool {
    !path.is_empty()
        && path.split(',').all(|address| {
            address.split_once('@').is_some_and(|(name, domain)| {
                !name.is_empty() && domain.contains('.') && !domain.starts_with('.')
            })
        })
}

/// Why `host` can only be reached from the candidate's own computer or network, if it can.
fn private_host(data: &ShareCheckData, host: &Host<&str>) -> Option<&'static str> {
    let ip = match host {
        Host::Ipv4(address) => (*address).into(),
        Host::Ipv6(address) => (*address).into(),
        Host::Domain(name) => {
            let name = name.to_lowercase();
            if data.is_private_host_name(&name) {
                return Some(
                    "This address only works on your own computer or local network, so an \
                     assessor cannot open it.",
                );
            }
            if !name.trim_end_matches('.').contains('.') {
                // "intranet", "sharepoint": a name with no dot is looked up on the local
                // network only.
                return Some(
                    "This address has no domain (such as .ac.uk), so it only works inside \
                     your organisation's network.",
                );
            }
            return None;
        }
    };
    data.is_private_ip(ip).then_some(
        "This is a private or local network address, so an assessor outside your \
         organisation cannot open it.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_needs_a_real_address() {
        assert!(is_email_address("a@b.org"));
        assert!(is_email_address("a@b.org,c@d.ac.uk"));
        assert!(!is_email_address("not-an-address"));
        assert!(
            !is_email_address("a@localhost"),
            "an assessor's mail cannot reach it"
        );
        assert!(!is_email_address(""));
    }

    #[test]
    fn decimal_and_mapped_forms_of_private_addresses_are_caught() {
        // The url crate reads these as 127.0.0.1 and 192.168.0.1, as browsers do.
        for address in [
            "http://2130706433/",
            "http://0x7f.1/",
            "http://[::ffff:192.168.0.1]/",
        ] {
            let kinds: Vec<_> = check_link(address).into_iter().map(|f| f.kind).collect();
            assert_eq!(kinds, vec![LinkFindingKind::PrivateAddress], "{address}");
        }
    }

    #[test]
    fn a_hidden_file_name_is_not_a_format() {
        assert_eq!(proprietary_format(".docx"), None);
        assert_eq!(
            proprietary_format("notes.DOCX").map(|a| a.extension),
            Some("docx".to_string()),
            "the extension is reported in lower case"
        );
    }
}
