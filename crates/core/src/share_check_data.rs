//! What the "safe to share" check looks for, as data (`assets/share_check.json`): the words
//! that introduce a learner or a student ID, links that need a sign-in or only work on a
//! private network, and file formats with an open alternative. `personal_data` and
//! `link_check` read it; neither keeps a list of its own.

use serde::Deserialize;
use std::net::IpAddr;
use std::sync::OnceLock;

pub const BUNDLED_SHARE_CHECK_JSON: &str = include_str!("../../../assets/share_check.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareCheckData {
    pub format_version: u32,
    #[serde(rename = "about")]
    _about: String,
    /// Words that introduce a learner in the candidate's writing ("student", "pupils").
    pub learner_cues: Vec<String>,
    /// Words between a learner word and a name ("a student called Sam").
    pub name_connectors: Vec<String>,
    /// Capitalised words that follow a learner word without being a name ("Student Voice").
    pub not_names: Vec<String>,
    /// Words that introduce a student ID ("student number", "ULN").
    pub student_id_cues: Vec<String>,
    /// In order: a link is reported under the first rule that matches it.
    pub sign_in_links: Vec<SignInRule>,
    /// Host and path patterns of sign-in pages: a link tried online that ends up at one
    /// needs a sign-in, whatever its own address looked like.
    pub sign_in_pages: Vec<String>,
    pub private_host_names: Vec<String>,
    /// Name endings that only resolve on a local network (".local").
    pub private_host_suffixes: Vec<String>,
    /// As written in the file ("192.168.0.0/16"); read into `networks` when loaded.
    private_networks: Vec<String>,
    #[serde(skip)]
    networks: Vec<IpNetwork>,
    pub proprietary_formats: Vec<ProprietaryFormat>,
}

/// A kind of link that usually opens only after signing in, and what to do about it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRule {
    /// The service as a candidate knows it ("Google Drive").
    pub service: String,
    /// Host and path patterns (`*.sharepoint.com/*`); see [`link_pattern_matches`].
    pub links: Vec<String>,
    /// Links of the service that open for anyone (a document published to the web).
    pub unless: Vec<String>,
    pub reason: String,
    pub advice: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProprietaryFormat {
    /// Lower-case, without the dot.
    pub extensions: Vec<String>,
    pub format: String,
    pub open_alternative: String,
    pub advice: String,
}

/// An address range such as 10.0.0.0/8 or fc00::/7.
#[derive(Debug, Clone, Copy)]
struct IpNetwork {
    address: IpAddr,
    prefix: u32,
}

impl IpNetwork {
    fn parse(text: &str) -> Option<IpNetwork> {
        let (address, prefix) = text.split_once('/')?;
        let address: IpAddr = address.parse().ok()?;
        let prefix: u32 = prefix.parse().ok()?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        (prefix <= bits).then_some(IpNetwork { address, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        // Compared as the top `prefix` bits of one wide number, so both families share code.
        let (network, candidate, bits) = match (self.address, address) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                (u128::from(u32::from(n)), u128::from(u32::from(a)), 32u32)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => (u128::from(n), u128::from(a), 128u32),
            _ => return false,
        };
        if self.prefix == 0 {
            return true;
        }
        let shift = bits - self.prefix;
        network >> shift == candidate >> shift
    }
}

impl ShareCheckData {
    /// The lists the app ships with, read once.
    pub fn bundled() -> &'static ShareCheckData {
        static BUNDLED: OnceLock<ShareCheckData> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            ShareCheckData::from_json(BUNDLED_SHARE_CHECK_JSON)
                .expect("assets/share_check.json is valid (a test reads it)")
        })
    }

    pub fn from_json(json: &str) -> Result<ShareCheckData, String> {
        let mut data: ShareCheckData =
            serde_json::from_str(json).map_err(|error| error.to_string())?;
        if data.format_version != 1 {
            return Err(format!(
                "share_check.json has format version {}; this app reads version 1",
                data.format_version
            ));
        }
        data.networks = data
            .private_networks
            .iter()
            .map(|text| {
                IpNetwork::parse(text).ok_or_else(|| {
                    format!("\"{text}\" in private_networks is not an address range")
                })
            })
            .collect::<Result<_, _>>()?;
        // Matching is on lower-case text, so the data is made the same once here.
        let lower = |words: &mut Vec<String>| {
            for word in words.iter_mut() {
                *word = word.trim().to_lowercase();
            }
        };
        lower(&mut data.learner_cues);
        lower(&mut data.name_connectors);
        lower(&mut data.student_id_cues);
        lower(&mut data.private_host_names);
        lower(&mut data.sign_in_pages);
        lower(&mut data.private_host_suffixes);
        for rule in &mut data.sign_in_links {
            lower(&mut rule.links);
            lower(&mut rule.unless);
        }
        for format in &mut data.proprietary_formats {
            lower(&mut format.extensions);
            for extension in &mut format.extensions {
                *extension = extension.trim_start_matches('.').to_string();
            }
        }
        Ok(data)
    }

    /// True when `address` is in one of the private, loopback or link-local ranges.
    pub fn is_private_ip(&self, address: IpAddr) -> bool {
        // ::ffff:192.168.0.1 is an IPv4 address written as IPv6.
        let address = match address {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
            v4 => v4,
        };
        self.networks
            .iter()
            .any(|network| network.contains(address))
    }

    /// True for a host name that only resolves on a local network (`localhost`, `nas.local`).
    pub fn is_private_host_name(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        self.private_host_names.iter().any(|name| name == host)
            || self
                .private_host_suffixes
                .iter()
                .any(|suffix| host.ends_with(suffix.as_str()))
    }

    /// The first sign-in rule `host` and `path` (both lower-case) match.
    pub fn sign_in_rule(&self, host: &str, path: &str) -> Option<&SignInRule> {
        let matches = |pattern: &String| link_pattern_matches(pattern, host, path);
        self.sign_in_links
            .iter()
            .find(|rule| rule.links.iter().any(matches) && !rule.unless.iter().any(matches))
    }

    /// True when `host` and `path` (both lower-case) are a sign-in page's.
    pub fn is_sign_in_page(&self, host: &str, path: &str) -> bool {
        self.sign_in_pages
            .iter()
            .any(|pattern| link_pattern_matches(pattern, host, path))
    }

    pub fn format_for_extension(&self, extension: &str) -> Option<&ProprietaryFormat> {
        self.proprietary_formats
            .iter()
            .find(|format| format.extensions.iter().any(|e| e == extension))
    }
}

/// `pattern` is a host pattern, then the path pattern from the first `/`
/// (`*.instructure.com/courses/*`); `*` in either stands for any run of characters. The two
/// are matched apart so a host pattern can never match text in the path.
pub fn link_pattern_matches(pattern: &str, host: &str, path: &str) -> bool {
    let (host_pattern, path_pattern) = match pattern.find('/') {
        Some(slash) => pattern.split_at(slash),
        None => (pattern, "*"),
    };
    glob_matches(host_pattern.as_bytes(), host.as_bytes())
        && glob_matches(path_pattern.as_bytes(), path.as_bytes())
}

/// Wildcard matching with `*` only, by the usual one-pass method with one point to return
/// to: linear in practice, never exponential however many stars a pattern has.
fn glob_matches(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&b| b == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lists_read_and_every_range_parses() {
        let data = ShareCheckData::bundled();
        assert_eq!(
            data.networks.len(),
            data.private_networks.len(),
            "every private network in the data must be read"
        );
        assert!(
            data.learner_cues.iter().all(|cue| !cue.is_empty()),
            "an empty cue would match everywhere"
        );
        for format in &data.proprietary_formats {
            assert!(
                !format.extensions.is_empty(),
                "{} names no extension",
                format.format
            );
        }
    }

    #[test]
    fn unknown_fields_and_other_versions_are_refused() {
        let with_extra = BUNDLED_SHARE_CHECK_JSON.replacen('{', "{ \"surprise\": 1,", 1);
        assert!(
            ShareCheckData::from_json(&with_extra).is_err(),
            "a misspelt field must not be ignored silently"
        );
        let version_two =
            BUNDLED_SHARE_CHECK_JSON.replacen("\"format_version\": 1", "\"format_version\": 2", 1);
        assert!(ShareCheckData::from_json(&version_two).is_err());
        let bad_range = BUNDLED_SHARE_CHECK_JSON.replacen("10.0.0.0/8", "10.0.0.0/33", 1);
        assert!(
            ShareCheckData::from_json(&bad_range).is_err(),
            "a range that cannot be read must be refused, not skipped"
        );
    }

    #[test]
    fn address_ranges_contain_only_their_own_addresses() {
        let data = ShareCheckData::bundled();
        let private = |text: &str| data.is_private_ip(text.parse().unwrap());
        for inside in [
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.10",
            "127.0.0.1",
            "169.254.10.10",
            "::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:192.168.0.1",
        ] {
            assert!(private(inside), "{inside} is a private address");
        }
        for outside in [
            "172.32.0.1",
            "172.15.255.255",
            "8.8.8.8",
            "193.62.83.1",
            "2001:db8::1",
        ] {
            assert!(!private(outside), "{outside} is a public address");
        }
    }

    #[test]
    fn link_patterns_match_host_and_path_apart() {
        assert!(link_pattern_matches(
            "*.sharepoint.com/*",
            "uni.sharepoint.com",
            "/sites/x"
        ));
        assert!(
            !link_pattern_matches("*.sharepoint.com/*", "evil.example", "/x.sharepoint.com/"),
            "a host pattern must not match text in the path"
        );
        assert!(link_pattern_matches(
            "*/*/mod/*.php",
            "vle.ac.uk",
            "/moodle/mod/page/view.php"
        ));
        assert!(!link_pattern_matches(
            "*/course/view.php",
            "vle.ac.uk",
            "/course/view.php/x"
        ));
        assert!(glob_matches(b"a*b*c", b"aXXbYYc"));
        assert!(!glob_matches(b"a*b*c", b"aXXbYY"));
    }
}
