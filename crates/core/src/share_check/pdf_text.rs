//! The text of a PDF attached as evidence, for the share check to look through. A PDF can
//! come from anywhere, so the reading is fenced in: `lopdf` bounds how far each stream may
//! inflate, only the first pages are read, a panic in the parser is caught, and a file that
//! takes too long is given up on. Whatever goes wrong, the answer is "could not be read",
//! never a crash or a hang of the check.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

/// A 1 MB evidence file's streams inflate to far less than this; a bomb stops here.
const MAX_INFLATED_BYTES: usize = 32 * 1024 * 1024;
/// Pages read at most: a long report's personal data is as likely early as late, and the
/// time a hostile file can take grows with the pages it claims.
const MAX_PAGES: usize = 300;
/// How long one PDF may take before it is reported as unreadable.
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Why a PDF's text could not be read, in plain words for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PdfProblem {
    Damaged,
    Protected,
    TooSlow,
}

impl PdfProblem {
    pub fn describe(&self) -> &'static str {
        match self {
            PdfProblem::Damaged => "it is damaged or not a PDF the app can read",
            PdfProblem::Protected => "it is protected with a password",
            PdfProblem::TooSlow => "it took too long to read",
        }
    }
}

/// The text of `bytes`, page after page; empty for a PDF with no text (a scan).
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, PdfProblem> {
    let (send, receive) = mpsc::channel();
    let owned = bytes.to_vec();
    // A thread of its own, so a file that takes too long can be left behind: the check goes
    // on, and the thread ends when the parser does (every stream it inflates is bounded).
    let spawned = std::thread::Builder::new()
        .name("pdf-text".into())
        .spawn(move || {
            let result =
                catch_unwind(AssertUnwindSafe(|| read(&owned))).unwrap_or(Err(PdfProblem::Damaged));
            let _ = send.send(result);
        });
    if spawned.is_err() {
        // No thread to be had: read here, still catching a panic.
        return catch_unwind(AssertUnwindSafe(|| read(bytes))).unwrap_or(Err(PdfProblem::Damaged));
    }
    match receive.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(PdfProblem::TooSlow),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(PdfProblem::Damaged),
    }
}

fn read(bytes: &[u8]) -> Result<String, PdfProblem> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_INFLATED_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let document = lopdf::Document::load_mem_with_options(bytes, options).map_err(|error| {
        if matches!(
            error,
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword
        ) {
            PdfProblem::Protected
        } else {
            PdfProblem::Damaged
        }
    })?;
    if document.is_encrypted() {
        return Err(PdfProblem::Protected);
    }
    let pages: Vec<u32> = document.get_pages().into_keys().take(MAX_PAGES).collect();
    let mut text = String::new();
    let mut read_any = pages.is_empty();
    for page in pages {
        // One page that cannot be read does not hide the others.
        let mut page_text = String::new();
        let chunks = document.extract_text_chunks_with_limit(&[page], MAX_INFLATED_BYTES);
        // A page with no text at all (a scan) was read as much as one with text.
        read_any |= chunks.is_empty();
        for chunk in chunks.into_iter().flatten() {
            page_text.push_str(&chunk);
            page_text.push(' ');
            read_any = true;
        }
        // Lines in a PDF are where the layout broke them (each piece of text ends one, even
        // a bold name in mid-sentence), so a page is read as one run of words.
        let words: Vec<&str> = page_text.split_whitespace().collect();
        text.push_str(&words.join(" "));
        text.push('\n');
    }
    if read_any {
        Ok(text)
    } else {
        Err(PdfProblem::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_pdf_is_damaged_not_a_panic() {
        assert_eq!(pdf_text(b"not a pdf at all"), Err(PdfProblem::Damaged));
        assert_eq!(
            pdf_text(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"),
            Err(PdfProblem::Damaged),
            "a PDF cut off in its first object cannot be read"
        );
        assert_eq!(pdf_text(b""), Err(PdfProblem::Damaged));
    }
}
