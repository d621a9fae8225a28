//! Markdown to safe HTML, and word counts of the text as a reader sees it. The preview and
//! the export both render through here, so what a candidate previews is what assessors get.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};
use serde::Serialize;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// A rendered piece of Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// Sanitised HTML: no script, no event handler, no `javascript:` or `data:` link.
    pub html: String,
    /// Words of the visible text, by Unicode word boundaries; Markdown syntax not counted.
    pub words: usize,
}

fn comrak_options() -> Options<'static> {
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

/// Renders Markdown to sanitised HTML and counts its words, from one parse.
pub fn render(markdown: &str) -> Rendered {
    let arena = Arena::new();
    let options = comrak_options();
    let root = parse_document(&arena, markdown, &options);
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
    visible_words(parse_document(&arena, markdown, &comrak_options()))
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
