//! Markdown to safe HTML, and word counts of the text as a reader sees it. The preview and
//! the export both render through here, so what a candidate previews is what assessors get.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// A rendered piece of Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "Preview")]
pub struct Rendered {
    /// Sanitised HTML: no script, no event handler, no `javascript:` or `data:` link.
    pub html: String,
    /// Words of the visible text, by Unicode word boundaries; Markdown syntax not counted.
    pub words: usize,
}

/// The CommonMark + GFM options every reading of a candidate's text uses.
pub(crate) fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    // Raw HTML in a candidate's text is shown as omitted, never passed through.
    options.render.r#unsafe = false;
    options
}

/// The one whitelist every rendered fragment passes through, after comrak's own escaping,
/// so that no later change to the Markdown options can let live code through.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .rm_tags(["img"]);
    builder
});

/// Quotes and lists opened on one line deeper than this are written out as plain text. No
/// one's writing nests beyond a handful; past it, the HTML parser of the sanitiser (and the
/// browser) do work that grows with the square of the depth: 100,000 `>` took 35 s.
pub const MAX_NESTING: usize = 32;

/// `markdown` with every container marker past `MAX_NESTING` on a line escaped, so it shows
/// as the character it is instead of opening one more level. One pass, linear in the text;
/// text within the limit (all real writing) is returned as it is, without a copy.
pub fn limit_nesting(markdown: &str) -> Cow<'_, str> {
    // Cheap test first: a line can only nest past the limit if it has that many markers.
    let mut out: Option<String> = None;
    let mut start = 0;
    for line in markdown.split_inclusive('\n') {
        if let Some(cut) = marker_past_limit(line.as_bytes()) {
            let text = out.get_or_insert_with(|| String::with_capacity(markdown.len() + 16));
            text.push_str(&markdown[start..start + cut]);
            text.push('\\');
            text.push_str(&markdown[start + cut..start + line.len()]);
        } else if let Some(text) = &mut out {
            text.push_str(line);
        }
        start += line.len();
    }
    match out {
        Some(text) => Cow::Owned(text),
        None => Cow::Borrowed(markdown),
    }
}

/// Where in `line` the first quote or list marker past the nesting limit is (for an ordered
/// list, its `.` or `)`), if the line opens that many.
fn marker_past_limit(line: &[u8]) -> Option<usize> {
    let mut at = 0;
    let mut depth = 0;
    loop {
        while at < line.len() && matches!(line[at], b' ' | b'\t') {
            at += 1;
        }
        let followed_by_space =
            |end: usize| end >= line.len() || matches!(line[end], b' ' | b'\t' | b'\n' | b'\r');
        let (marker, end) = match line.get(at)? {
            b'>' => (at, at + 1),
            b'-' | b'+' | b'*' if followed_by_space(at + 1) => (at, at + 1),
            b'0'..=b'9' => {
                let digits = line[at..]
                    .iter()
                    .take(10)
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let punctuation = at + digits;
                match line.get(punctuation) {
                    Some(b'.' | b')') if digits <= 9 && followed_by_space(punctuation + 1) => {
                        (punctuation, punctuation + 1)
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        depth += 1;
        if depth > MAX_NESTING {
            return Some(marker);
        }
        at = end;
    }
}

/// Renders Markdown to sanitised HTML and counts its words, from one parse.
pub fn render(markdown: &str) -> Rendered {
    let arena = Arena::new();
    let options = comrak_options();
    let markdown = limit_nesting(markdown);
    let root = parse_document(&arena, &markdown, &options);
    let words = visible_words(root);
    let mut raw_html = String::with_capacity(markdown.len() * 2);
    format_html(root, &options, &mut raw_html).expect("writing to a String cannot fail");
    Rendered {
        html: SANITISER.clean(&raw_html).to_string(),
        words,
    }
}

/// Words of the text a reader sees in a parsed document.
fn visible_words<'a>(root: &'a comrak::nodes::AstNode<'a>) -> usize {
    let mut visible_text = String::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Text(text) => visible_text.push_str(text),
            NodeValue::Code(code) => visible_text.push_str(&code.literal),
            NodeValue::CodeBlock(block) => {
                visible_text.push(' ');
                visible_text.push_str(&block.literal);
            }
            // Block starts, cells and line breaks separate the words on either side of them.
            value
                if value.block()
                    || matches!(
                        value,
                        NodeValue::SoftBreak | NodeValue::LineBreak | NodeValue::TableCell
                    ) =>
            {
                visible_text.push(' ')
            }
            _ => {}
        }
    }
    count_words(&visible_text)
}

/// Words in plain text, by Unicode word boundaries ("don't" is one word, "—" none).
pub fn count_words(text: &str) -> usize {
    text.unicode_words().count()
}

/// Words of Markdown as a reader sees them: the preview's count, from a parse alone
/// (rendering and sanitising would triple the cost of checking a whole portfolio).
pub fn count_markdown_words(markdown: &str) -> usize {
    if markdown.trim().is_empty() {
        return 0;
    }
    let arena = Arena::new();
    visible_words(parse_document(
        &arena,
        &limit_nesting(markdown),
        &comrak_options(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_not_counted() {
        let markdown = "## A heading\n\n**Bold** and _italic_ with a [link](https://example.org).\n\n- one\n- two\n";
        assert_eq!(
            render(markdown).words,
            10,
            "heading, emphasis, link text and list items count; markers and the URL do not"
        );
    }

    #[test]
    fn words_split_across_emphasis_stay_one_word() {
        assert_eq!(count_markdown_words("in**cred**ible result"), 2);
    }

    #[test]
    fn tables_count_each_cell() {
        let markdown = "| Tool | Cost |\n|---|---|\n| Moodle Quiz | None |\n";
        assert_eq!(count_markdown_words(markdown), 5);
    }

    #[test]
    fn unicode_text_counts_by_word_boundaries() {
        assert_eq!(count_words("don't — stop, naïve café"), 4);
        assert_eq!(count_markdown_words(""), 0);
        assert_eq!(count_markdown_words("   \n\n "), 0);
    }

    #[test]
    fn scripts_and_raw_html_never_come_through() {
        let hostile = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
                       [click](javascript:alert(1)) [data](data:text/html,<b>x</b>) \
                       <a href=\"https://x.org\" onclick=\"alert(1)\">x</a>";
        let html = render(hostile).html;
        for needle in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "data:",
            "<img",
        ] {
            assert!(!html.contains(needle), "{needle} must not survive: {html}");
        }
    }

    #[test]
    fn nesting_past_the_limit_is_shown_as_text_and_nothing_is_lost() {
        let deep_quote = format!("{}deep", "> ".repeat(50));
        let limited = limit_nesting(&deep_quote);
        assert_eq!(
            limited.replacen('\\', "", 1),
            deep_quote,
            "only one backslash is added; every character stays"
        );
        let html = render(&deep_quote).html;
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        assert!(html.contains("deep"), "the words still show: {html}");

        let deep_list = format!("{}item", "- ".repeat(40));
        let html = render(&deep_list).html;
        assert_eq!(html.matches("<ul>").count(), MAX_NESTING);
        let deep_numbers = format!("{}item", "1. ".repeat(40));
        assert_eq!(
            render(&deep_numbers).html.matches("<ol>").count(),
            MAX_NESTING
        );
    }

    #[test]
    fn ordinary_writing_is_never_copied_or_changed() {
        for text in [
            "> a quote\n> > nested\n\n- one\n  - two\n    1. three\n",
            "2026. A year. 3) not a list? - dash - text * star",
            "",
        ] {
            assert!(
                matches!(limit_nesting(text), Cow::Borrowed(_)),
                "{text:?} is within the limit"
            );
        }
    }

    #[test]
    fn ordinary_formatting_survives_sanitising() {
        let html = render("**bold** [site](https://example.org)\n\n> quoted\n\n1. first\n").html;
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(
            html.contains("<blockquote>") && html.contains("<ol>"),
            "{html}"
        );
    }
}
