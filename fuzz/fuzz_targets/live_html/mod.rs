//! Finds what would run in a browser in a piece of HTML: script elements, event handler
//! attributes (`onclick=`...) and script or data URLs. It tokenises tags as a browser does
//! (quoted attribute values may hold `<` and `>`), because a plain substring search would
//! both flag harmless text (`<p>onclick=</p>`, a title that says `<script>`) and miss a tag
//! that only a browser sees.

/// Attributes whose value a browser follows or loads as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "longdesc",
    "data",
    "srcset",
];

/// Elements whose content a browser reads as raw text up to their end tag.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The first live piece of code in `html`, described, or `None` if there is none.
pub fn first_live_code(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        at += offset + 1;
        match bytes.get(at) {
            Some(b'!') => {
                at = skip_markup_declaration(html, at);
                continue;
            }
            Some(b'/') if bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) => {
                // An end tag: its attributes are ignored by browsers.
                at = html[at..].find('>').map_or(html.len(), |end| at + end + 1);
                continue;
            }
            Some(byte) if byte.is_ascii_alphabetic() => {}
            _ => continue,
        }
        let (tag, attributes, end) = read_start_tag(html, at);
        if tag == "script" {
            return Some(format!("a <script> element near byte {at}"));
        }
        for (name, value) in &attributes {
            if name.starts_with("on") {
                return Some(format!("the event handler {name}=\"{value}\" on <{tag}>"));
            }
            if URL_ATTRIBUTES.contains(&name.as_str()) && is_script_or_data_url(value) {
                return Some(format!("the URL {name}=\"{value}\" on <{tag}>"));
            }
        }
        at = end;
        if RAW_TEXT_ELEMENTS.contains(&tag.as_str()) {
            let closing = format!("</{tag}");
            at = html[at..]
                .to_ascii_lowercase()
                .find(&closing)
                .map_or(html.len(), |offset| at + offset);
        }
    }
    None
}

/// Past a comment (`<!-- -->`) or a doctype, from just after its `<`.
fn skip_markup_declaration(html: &str, at: usize) -> usize {
    if html[at..].starts_with("!--") {
        html[at + 3..]
            .find("-->")
            .map_or(html.len(), |end| at + 3 + end + 3)
    } else {
        html[at..].find('>').map_or(html.len(), |end| at + end + 1)
    }
}

/// The lower-case name and attributes of the start tag whose name begins at `at`, and the
/// position just after it.
fn read_start_tag(html: &str, mut at: usize) -> (String, Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let ends_name = |byte: u8| byte.is_ascii_whitespace() || byte == b'/' || byte == b'>';
    let start = at;
    while at < bytes.len() && !ends_name(bytes[at]) {
        at += 1;
    }
    let tag = html[start..at].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (tag, attributes, at);
        }
        if bytes[at] == b'>' {
            return (tag, attributes, at + 1);
        }
        // A name may start with `=`; after that `=` ends it.
        let name_start = at;
        at += 1;
        while at < bytes.len() && !ends_name(bytes[at]) && bytes[at] != b'=' {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let value_end;
            match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    at += 1;
                    value_end = html[at..]
                        .find(quote as char)
                        .map_or(html.len(), |end| at + end);
                    value = decode_entities(&html[at..value_end]);
                    at = (value_end + 1).min(html.len());
                }
                _ => {
                    let start = at;
                    while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>'
                    {
                        at += 1;
                    }
                    value_end = at;
                    value = decode_entities(&html[start..value_end]);
                }
            }
        }
        attributes.push((name, value));
    }
}

/// Character references as a browser reads them in an attribute value: the named ones an
/// HTML serialiser writes, and numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // A reference is short; look for its `;` in the first dozen bytes, cut at a character
        // boundary (a multi-byte character can straddle byte 12).
        let mut window = rest.len().min(12);
        while !rest.is_char_boundary(window) {
            window -= 1;
        }
        let Some(semicolon) = rest[..window].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semicolon];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some('\u{a0}'),
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(character) => {
                out.push(character);
                rest = &rest[semicolon + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A URL a browser would run or load inline: `javascript:`, `vbscript:` or `data:`, however
/// it is cased or broken up with the tabs and new lines that URL parsers drop.
fn is_script_or_data_url(value: &str) -> bool {
    let squeezed: String = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .flat_map(char::to_lowercase)
        .collect();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::first_live_code;

    #[test]
    fn a_multi_byte_character_after_an_ampersand_is_read_not_split() {
        // Found by the fuzzer: `&gt;y` then a 2-byte character straddling the 12th byte.
        let html = "<a href=\"https://a\" title=\"x&gt;y\u{208}\u{208}\u{208}\u{208}\u{208}\">a</a>";
        assert_eq!(first_live_code(html), None);
    }

    #[test]
    fn text_that_only_looks_like_code_is_not_flagged() {
        let html = "<p>onclick=alert(1) javascript:x &lt;script&gt;</p><a href=\"https://a\" title=\"<script>\">a</a>";
        assert_eq!(
            first_live_code(html),
            None,
            "escaped text and quoted titles are inert"
        );
    }

    #[test]
    fn live_code_is_found() {
        for html in [
            "<SCRIPT>x</SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<a title=\"x\" ONclick='y'>",
            "<a href=\" JaVa&#x53;cript&colon;alert(1)\">",
            "<a title=\"x><span class=\" a\">[E1]</span><img src=x onerror=alert(1)>\">",
        ] {
            assert!(first_live_code(html).is_some(), "{html} has live code");
        }
    }
}
