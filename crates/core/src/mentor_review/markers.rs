//! The marks a review copy carries so that what comes back can be placed: a bookmark around
//! every paragraph of the candidate's text (`cmalt_1a_description_3`), and the copy's
//! reference, kept as a document property and written on the title page too.

use super::model::ReviewPart;

/// Every bookmark the app writes starts with this.
pub const BOOKMARK_PREFIX: &str = "cmalt_";

/// The document property (File > Properties > Custom) holding the copy's reference.
pub const REFERENCE_PROPERTY: &str = "CMALT review copy";

/// The title page's line holding the reference, for tools that drop document properties.
pub const REFERENCE_LINE: &str = "Review copy reference: ";

/// Word allows letters, digits and `_` in a bookmark name, at most 40 characters, starting
/// with a letter: section ids such as `advanced-2` have their `-` written as `_`.
pub fn bookmark_name(section: &str, part: ReviewPart, index: usize) -> String {
    let section: String = section
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{BOOKMARK_PREFIX}{section}_{}_{index}", part.as_str())
}

/// The section, part and paragraph a bookmark names, the section found among `sections`
/// (the ids of the copy that was sent). Names the app did not write give `None`.
pub fn parse_bookmark<'a>(
    name: &str,
    sections: impl IntoIterator<Item = &'a str>,
) -> Option<(String, ReviewPart, usize)> {
    let rest = name.strip_prefix(BOOKMARK_PREFIX)?;
    let mut pieces = rest.rsplitn(3, '_');
    let index = pieces.next()?.parse().ok()?;
    let part = ReviewPart::parse(pieces.next()?)?;
    let encoded = pieces.next()?;
    sections
        .into_iter()
        .find(|id| bookmark_name(id, part, index) == name && !encoded.is_empty())
        .map(|id| (id.to_string(), part, index))
}

/// The reference in a title page line, if `line` is one.
pub fn reference_in_line(line: &str) -> Option<&str> {
    let reference = line.trim().strip_prefix(REFERENCE_LINE.trim_end())?.trim();
    is_reference(reference).then_some(reference)
}

/// References are short hex strings, as `new_reference` makes them.
pub fn is_reference(text: &str) -> bool {
    (8..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A reference for a new copy: from this portfolio (its creation time), the moment, the
/// reviewer and a random number, so that two portfolios never share one, without saying
/// any of them.
pub fn new_reference(portfolio_created: &str, sent_at: &str, reviewer: &str) -> String {
    use sha2::Digest;
    use std::hash::{BuildHasher, Hasher};
    // Seeded from the operating system's randomness for each new state.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let digest = sha2::Sha256::digest(format!(
        "{portfolio_created}\n{sent_at}\n{reviewer}\n{random}"
    ));
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_are_valid_in_word_and_read_back() {
        let name = bookmark_name("advanced-2", ReviewPart::Reflection, 12);
        assert_eq!(name, "cmalt_advanced_2_reflection_12");
        assert!(
            name.len() <= 40,
            "Word cuts bookmark names at 40 characters"
        );
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "Word drops names with other characters"
        );
        assert_eq!(
            parse_bookmark(&name, ["1a", "advanced-2"]),
            Some(("advanced-2".into(), ReviewPart::Reflection, 12))
        );
        assert_eq!(parse_bookmark("_GoBack", ["1a"]), None);
        assert_eq!(parse_bookmark("cmalt_9z_description_1", ["1a"]), None);
    }

    #[test]
    fn references_are_found_on_the_title_page() {
        let reference = new_reference("2026-01-01T00:00:00Z", "2026-03-01T10:00:00Z", "Sam");
        assert!(is_reference(&reference), "{reference}");
        let line = format!("{REFERENCE_LINE}{reference}");
        assert_eq!(reference_in_line(&line), Some(reference.as_str()));
        assert_eq!(reference_in_line("Review copy reference: <script>"), None);
    }
}
