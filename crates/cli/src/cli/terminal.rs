//! Everything the command line prints goes through here. Titles, file names and section
//! text come from files someone else may have written, and control characters in them (ESC
//! sequences, OSC 52 that writes the clipboard, bidirectional overrides that reorder what is
//! shown) would be obeyed by the terminal: plain text loses them, JSON escapes them.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::Write as _;

/// Characters a terminal may act on rather than show: C0 and C1 controls and DEL (newline
/// and tab are layout), and the bidirectional embeddings, overrides and isolates.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with everything a terminal would act on removed.
pub fn plain(text: &str) -> Cow<'_, str> {
    if text.chars().any(acts_on_terminal) {
        Cow::Owned(text.chars().filter(|&c| !acts_on_terminal(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// JSON text with the same characters written as `\uXXXX` escapes: the data is unchanged for
/// a script that parses it, and nothing reaches the terminal raw. They can only occur inside
/// strings, where the escape means the same character.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Prints plain text to standard output. A closed pipe (`check | head`) is not worth a panic.
pub fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(plain(text).as_bytes());
}

/// Prints a value as pretty JSON, with a final newline.
pub fn print_json(value: &impl serde::Serialize) {
    let mut text = serde_json::to_string_pretty(value).expect("plain data always serialises");
    text.push('\n');
    let _ = std::io::stdout().lock().write_all(json(&text).as_bytes());
}

/// Says on standard error why the command stopped.
pub fn fail(error: impl Display) {
    let message = format!("cmalt-portfolio: {error}\n");
    let _ = std::io::stderr()
        .lock()
        .write_all(plain(&message).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let hostile = "My CMALT\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202E}txt.exe";
        let shown = plain(hostile);
        assert!(
            !shown.chars().any(acts_on_terminal),
            "nothing a terminal obeys may be printed: {shown:?}"
        );
        assert_eq!(shown, "My CMALT]52;c;ZXZpbA==[2J31mtxt.exe");
        assert_eq!(plain("Line one\n\tindented"), "Line one\n\tindented");
    }

    #[test]
    fn json_keeps_the_data_and_escapes_the_controls() {
        let value = serde_json::json!({ "title": "A\u{1b}[31mB\u{9b}C\u{202E}" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(acts_on_terminal));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value, "a script reading the JSON gets the same text");
    }
}
