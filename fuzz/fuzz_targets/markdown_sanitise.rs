//! Any text as a candidate's Markdown, rendered as the preview and the export render it
//! (`markdown::render`, then `[E3]` linked by `evidence_refs::link_references`). Nothing
//! that would run in a browser may come out: no script element, no event handler attribute,
//! no `javascript:` (or `vbscript:`, `data:`) URL. Any that does panics, as a bug.

#![no_main]

mod live_html;

use cmalt_core::evidence::refs as evidence_refs;
use cmalt_core::markdown;
use libfuzzer_sys::fuzz_target;

/// Odd-numbered items exist (linked, with a title full of characters to escape); even ones
/// are missing (marked), so both kinds of reference are exercised.
fn title_of(id: &str) -> Option<String> {
    let odd = id
        .bytes()
        .last()
        .is_some_and(|digit| (digit - b'0') % 2 == 1);
    odd.then(|| format!("Item {id} \"quoted\" <b> & 'more'"))
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let rendered = markdown::render(&text);
    if let Some(live) = live_html::first_live_code(&rendered.html) {
        panic!("the sanitised HTML has {live}:\n{}", rendered.html);
    }
    let linked = evidence_refs::link_references(&rendered.html, title_of);
    if let Some(live) = live_html::first_live_code(&linked) {
        panic!("after linking evidence references the HTML has {live}:\n{linked}");
    }
    markdown::count_markdown_words(&text);
});
