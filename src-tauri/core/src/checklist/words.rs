//! Word counts for the checklist from a Markdown parse alone. They must equal
//! `markdown::count_markdown_words`, which renders and sanitises HTML only to count and so
//! costs about three times as much: too slow to count every section of a large portfolio on
//! each check. The tests below hold the two counts together.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use unicode_segmentation::UnicodeSegmentation;

/// The parse options of `markdown::render` that change what counts as text.
fn parse_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options
}

/// Words of Markdown as a reader sees them, by Unicode word boundaries.
pub(super) fn count_words(markdown: &str) -> usize {
    if markdown.trim().is_empty() {
        return 0;
    }
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &parse_options());
    let mut visible_text = String::with_capacity(markdown.len());
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Text(text) => visible_text.push_str(text),
            NodeValue::Code(code) => visible_text.push_str(&code.literal),
            NodeValue::CodeBlock(block) => {
                visible_text.push(' ');
                visible_text.push_str(&block.literal);
            }
            // Block starts and line breaks separate the words on either side of them.
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
    visible_text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::count_markdown_words;

    #[test]
    fn counts_agree_with_the_editors_word_count() {
        let samples = [
            "",
            "   \n\n ",
            "Plain words, don't — stop; naïve café 日本語 🎓.",
            "## A heading\n\n**Bold** and _italic_ with a [link](https://example.org).\n\n- one\n- two\n",
            "in**cred**ible result ~~struck~~ https://example.org/auto link",
            "| Tool | Cost |\n|---|---|\n| Moodle Quiz | None |\n| H5P | n=58 (41%) |\n",
            "> quoted line\n>\n> — attribution, December 2024\n\n1. **Lead-in.** text\n2) more",
            "Code `let x = 1;` inline\n\n```\nfn main() {}\n```\n\nafter",
            "line one  \nline two\\\nline three\nsoft",
            "<b>raw html</b> and <script>alert(1)</script> text",
            "e-portfolio 16-18 6,800 learners; E3 [E7] [note][1]\n\n[1]: https://example.org",
        ];
        for markdown in samples {
            assert_eq!(
                count_words(markdown),
                count_markdown_words(markdown),
                "the checklist and the editor must show the same count for {markdown:?}"
            );
        }
    }
}
