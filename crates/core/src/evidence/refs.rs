//! Evidence references in the candidate's text: `[E3]` becomes a link to item E3 in the
//! preview and the export, so both number evidence the same way.

/// The ids (`E3`) referenced as `[E3]` in `text`, in order of appearance.
pub fn references_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[E") {
        let after = &rest[start + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after.as_bytes().get(digits) == Some(&b']') {
            found.push(&rest[start + 1..start + 2 + digits]);
            rest = &after[digits + 1..];
        } else {
            rest = after;
        }
    }
    found
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Turns `[E3]` in the text of sanitised `html` into a link to `#evidence-E3`. `title_of`
/// gives an item's title, or `None` when the library has no such item (then the reference
/// is marked as missing instead). Text inside tags, links, code and preformatted blocks is
/// left alone.
pub fn link_references(html: &str, title_of: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    let mut skip_depth = 0usize;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if matches!(name.as_str(), "a" | "code" | "pre") {
                if tag.starts_with("</") {
                    skip_depth = skip_depth.saturating_sub(1);
                } else {
                    skip_depth += 1;
                }
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if skip_depth > 0 {
            out.push_str(text);
        } else {
            link_in_text(text, &title_of, &mut out);
        }
        rest = &rest[text_end..];
    }
    out
}

fn link_in_text(text: &str, title_of: &impl Fn(&str) -> Option<String>, out: &mut String) {
    let mut rest = text;
    for id in references_in(text) {
        let token = format!("[{id}]");
        let at = rest.find(&token).expect("references_in found it here");
        out.push_str(&rest[..at]);
        match title_of(id) {
            Some(title) => out.push_str(&format!(
                "<a class=\"evidence-ref\" href=\"#evidence-{id}\" title=\"{}\">{id}</a>",
                escape_attribute(&title)
            )),
            None => out.push_str(&format!(
                "<span class=\"evidence-ref missing\" title=\"There is no evidence item {id} in the library\">[{id}]</span>"
            )),
        }
        rest = &rest[at + token.len()..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(id: &str) -> Option<String> {
        (id == "E1").then(|| "Quiz \"report\" <2025>".to_string())
    }

    #[test]
    fn references_are_found_in_order() {
        assert_eq!(
            references_in("See [E3], [E12] and [E3]. Not [E], [Ex] or [E4"),
            ["E3", "E12", "E3"]
        );
    }

    #[test]
    fn known_references_link_and_unknown_ones_are_marked() {
        let html = link_references("<p>As [E1] shows (and [E9]).</p>", titles);
        assert_eq!(
            html,
            "<p>As <a class=\"evidence-ref\" href=\"#evidence-E1\" title=\"Quiz &quot;report&quot; &lt;2025&gt;\">E1</a> shows (and <span class=\"evidence-ref missing\" title=\"There is no evidence item E9 in the library\">[E9]</span>).</p>"
        );
    }

    #[test]
    fn code_links_and_attributes_are_left_alone() {
        let html = "<p><code>[E1]</code> <a href=\"https://x.org\">[E1]</a> <span title=\"[E1]\">x</span></p>";
        assert_eq!(link_references(html, titles), html);
    }
}
