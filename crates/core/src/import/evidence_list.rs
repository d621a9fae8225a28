//! Reading a section's Evidence part: one item per list line (or per line when there is no
//! list), each with its E-number, title, date, what it shows and where it lives (a file next
//! to the draft, a web link, or an image embedded in a Word document).

use super::dates::evidence_date;
use super::headings::normalise;

/// Marks an image embedded in a Word document inside the Markdown made from it:
/// `\u{FFFC}image:3\u{FFFC}` is the fourth image.
pub(super) const EMBEDDED_MARK: char = '\u{FFFC}';

/// Where an item's content is, as the draft names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ListedSource {
    /// A path as written, relative to the draft's folder.
    File(String),
    Link(String),
    /// The n-th image embedded in the Word document.
    Embedded(usize),
    /// The draft names no file and no link.
    Nothing,
}

/// One evidence listing as the draft gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ListedEvidence {
    /// `E3` in the draft, so `[E3]` in the text keeps meaning the same item.
    pub number: Option<u32>,
    pub title: String,
    pub date: String,
    pub origin: String,
    pub what_it_shows: String,
    pub still_relevant_because: String,
    pub source: ListedSource,
    /// What follows the file or link, e.g. "(also used in 1b and 2a)": kept as the note
    /// of this section's citation.
    pub note: String,
}

/// A list marker at the start of a line: `-`, `*`, `+`, `•`, `1.` or `1)`.
pub(super) fn strip_list_marker(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "– "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some(rest);
        }
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &trimmed[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest);
        }
    }
    None
}

/// The items of an Evidence part, and the lines that are not items (an introduction, say).
pub(super) fn parse_evidence_part(lines: &[String]) -> (Vec<ListedEvidence>, Vec<String>) {
    let has_list = lines.iter().any(|line| strip_list_marker(line).is_some());
    let mut texts: Vec<String> = Vec::new();
    let mut leftover: Vec<String> = Vec::new();
    if has_list {
        // An item runs on over indented or directly following lines, as in Markdown.
        let mut open = false;
        for line in lines {
            if let Some(rest) = strip_list_marker(line) {
                texts.push(rest.trim().to_string());
                open = true;
            } else if line.trim().is_empty() {
                open = false;
            } else if (open || line.starts_with([' ', '\t'])) && !texts.is_empty() {
                let item = texts.last_mut().expect("an item is open");
                item.push(' ');
                item.push_str(line.trim());
                open = true;
            } else {
                leftover.push(line.clone());
            }
        }
    } else {
        texts = table_rows(lines, &mut leftover);
    }
    let items = texts
        .iter()
        .filter(|text| !text.trim().is_empty())
        .map(|text| parse_item(text))
        .collect();
    (items, leftover)
}

/// Without list markers each non-empty line is an item; a Markdown table gives one item per
/// row, its cells joined, and its header row and separator are not items.
fn table_rows(lines: &[String], leftover: &mut Vec<String>) -> Vec<String> {
    let is_separator = |line: &str| {
        let line = line.trim();
        line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    };
    let mut texts = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_separator(trimmed) {
            continue;
        }
        if trimmed.starts_with('|') {
            let header = lines.get(index + 1).is_some_and(|next| is_separator(next));
            if header {
                leftover.push(line.clone());
                continue;
            }
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .filter(|cell| !cell.is_empty())
                .collect();
            texts.push(cells.join(" — "));
        } else {
            texts.push(trimmed.to_string());
        }
    }
    texts
}

/// File types candidates attach as evidence, to find a file name written without `file:`.
const EVIDENCE_EXTENSIONS: [&str; 30] = [
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "svg", "doc", "docx", "odt", "rtf", "txt", "md",
    "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "mp4", "mov", "m4v", "mp3", "m4a", "wav",
    "zip", "html", "htm", "epub",
];

fn has_evidence_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && EVIDENCE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// Reads one item: `**E1 Title** (2024-05) — what it shows; file: evidence/x.pdf`, or plainer
/// forms such as `Staff survey, May 2024 https://...` or `E4: screenshot.png`.
pub(super) fn parse_item(text: &str) -> ListedEvidence {
    let text = plain_item_number(text.trim());
    let text = text.as_str();
    let (number, mut title, mut rest, source, note) = match leading_link(text) {
        // `E4 [Course template](https://...) – shows ...`: the link's text is the title.
        Some((number, label, source, rest)) => (number, label, rest, source, String::new()),
        None => {
            let (source, before, note) = take_source(text);
            let (bold, after_bold) = leading_bold(&before);
            let head = bold.as_deref().unwrap_or(&before);
            let (number, head) = leading_number(head);
            let (title, rest) = match &bold {
                // `**E1** – Homework platform comparison (2024) – ...`: only the number is bold.
                Some(_) if head.trim().is_empty() => {
                    split_title(after_bold.trim_start_matches(|c: char| {
                        matches!(c, ':' | '.' | '-' | '—' | '–') || c.is_whitespace()
                    }))
                }
                Some(_) => (head.to_string(), after_bold.to_string()),
                None => split_title(head),
            };
            (number, title, rest, source, note)
        }
    };
    let mut date = String::new();
    // Words beside the date in its brackets ("2024-11, reviewed 2025-11") are kept.
    let mut date_remark = String::new();
    if let Some((found, remark, without)) = parenthesised_date(&rest) {
        (date, date_remark, rest) = (found, remark, without);
    } else if let Some((found, remark, without)) = parenthesised_date(&title) {
        (date, date_remark, title) = (found, remark, without);
    } else if let Some(found) = evidence_date(&rest).or_else(|| evidence_date(&title)) {
        date = found;
    }
    let mut rest = rest
        .trim()
        .trim_start_matches(|c: char| {
            matches!(c, '-' | ':' | ',' | ';' | '—' | '–') || c.is_whitespace()
        })
        .trim_end_matches(|c: char| c == ';' || c.is_whitespace())
        .to_string();
    if rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/'))
    {
        // Only the date, as in a table row: it says nothing about what the item shows.
        rest.clear();
    }
    if !date_remark.is_empty() {
        rest = format!("{rest} ({date_remark})").trim().to_string();
    }
    let (what_it_shows, origin) = split_origin(&tidy_words(&rest));
    let still_relevant_because = what_it_shows
        .split([';', '.'])
        .map(str::trim)
        .find(|clause| {
            let lower = normalise(clause).to_lowercase();
            [
                "included because",
                "still relevant because",
                "relevant because",
                "still counts because",
            ]
            .iter()
            .any(|start| lower.starts_with(start))
        })
        .unwrap_or_default()
        .to_string();
    let title = without_markdown(&clean_title(&title));
    let title = if title.is_empty() {
        fallback_title(&source, &what_it_shows)
    } else {
        title
    };
    ListedEvidence {
        number,
        title,
        date,
        origin,
        what_it_shows,
        still_relevant_because,
        source,
        note,
    }
}

/// An item that starts (after its number) with a link or a picture: its number, the link's
/// text as the title, the source, and the words after it, which say what it shows.
fn leading_link(text: &str) -> Option<(Option<u32>, String, ListedSource, String)> {
    let (number, after) = leading_number(text);
    let after = after.trim_start();
    let (label, target, length) = markdown_link_at(after)?;
    let label = without_markdown(&label);
    let path = target.split(['#', '?']).next().unwrap_or(&target);
    let source = if target.starts_with("http://") || target.starts_with("https://") {
        ListedSource::Link(target.clone())
    } else if has_evidence_extension(path) {
        ListedSource::File(target.clone())
    } else {
        return None;
    };
    if label.is_empty() {
        return None;
    }
    Some((number, label, source, after[length..].to_string()))
}

/// `**E1**`, `**E1:**` or `Evidence 12:` at the start, written as `E1` / `E12:` so the
/// number reads the same however the draft marks it.
fn plain_item_number(text: &str) -> String {
    for mark in ["**", "__"] {
        if let Some(inner) = text.strip_prefix(mark)
            && let Some(end) = inner.find(mark)
        {
            let bold = &inner[..end];
            let (number, rest) = leading_number(bold);
            if number.is_some() && rest.trim().is_empty() {
                return format!("{}{}", bold.trim(), &inner[end + mark.len()..]);
            }
        }
    }
    let lower = text.to_lowercase();
    for word in ["evidence item ", "evidence ", "item "] {
        if lower.starts_with(word) && text[word.len()..].starts_with(|c: char| c.is_ascii_digit()) {
            return format!("E{}", &text[word.len()..]);
        }
    }
    text.to_string()
}

/// Words left where a date in brackets was taken out, and Google Docs' backslash escapes,
/// made plain: `two\-page briefing ; shows` is `two-page briefing; shows`.
fn tidy_words(text: &str) -> String {
    plain_words(text, false)
        .replace(" ;", ";")
        .replace(" ,", ",")
        .replace(" .", ".")
}

/// A title as words only: no emphasis marks, code ticks, brackets left from a link, or
/// backslash escapes (`\-` from Google Docs).
fn without_markdown(text: &str) -> String {
    plain_words(text, true)
}

/// `text` with Markdown's backslash escapes undone (an escaped character stays, as itself)
/// and white space in single spaces; with `drop_marks`, emphasis marks, code ticks and link
/// brackets are left out too.
fn plain_words(text: &str, drop_marks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|next| next.is_ascii_punctuation()) => {
                out.extend(chars.next());
            }
            '*' | '`' | '[' | ']' if drop_marks => {}
            '_' if drop_marks
                && (out.is_empty()
                    || out.ends_with(' ')
                    || chars.peek().is_none_or(|next| !next.is_alphanumeric())) => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_title(title: &str) -> String {
    title
        .trim()
        .trim_matches(|c: char| {
            matches!(c, '*' | '_' | ',' | ';' | ':' | '-' | '—' | '–') || c.is_whitespace()
        })
        .to_string()
}

fn fallback_title(source: &ListedSource, what_it_shows: &str) -> String {
    match source {
        ListedSource::File(path) => path.rsplit(['/', '\\']).next().unwrap_or(path).to_string(),
        ListedSource::Link(url) => url.clone(),
        ListedSource::Embedded(index) => format!("Image {}", index + 1),
        ListedSource::Nothing => what_it_shows.chars().take(80).collect(),
    }
}

/// `**...**` or `__...__` at the start, and what follows it.
fn leading_bold(text: &str) -> (Option<String>, &str) {
    for mark in ["**", "__"] {
        if let Some(inner) = text.strip_prefix(mark)
            && let Some(end) = inner.find(mark)
        {
            return (
                Some(inner[..end].trim().to_string()),
                &inner[end + mark.len()..],
            );
        }
    }
    (None, text)
}

/// `E3`, `[E3]`, `E3:` at the start: the item's number in the draft.
fn leading_number(text: &str) -> (Option<u32>, &str) {
    let trimmed = text.trim_start();
    let unbracketed = trimmed.strip_prefix(['[', '(']).unwrap_or(trimmed);
    let Some(after_e) = unbracketed.strip_prefix(['E', 'e']) else {
        return (None, text);
    };
    let digits = after_e.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return (None, text);
    }
    let after = &after_e[digits..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return (None, text);
    }
    let number = after_e[..digits].parse::<u32>().ok().filter(|n| *n > 0);
    let after = after
        .trim_start_matches([']', ')'])
        .trim_start_matches(|c: char| {
            matches!(c, ':' | '.' | '-' | '—' | '–') || c.is_whitespace()
        });
    (number, after)
}

/// The title of an item without bold: up to the date in brackets or the first dash or colon.
fn split_title(text: &str) -> (String, String) {
    let separators = [" (", " — ", " – ", " - ", ": ", "; "];
    let cut = separators
        .iter()
        .filter_map(|separator| text.find(separator))
        .min();
    match cut {
        Some(at) => (text[..at].to_string(), text[at..].to_string()),
        None => (text.to_string(), String::new()),
    }
}

/// The first `( ... )` holding a date: the date, the other words in the brackets, and the
/// text without the brackets.
fn parenthesised_date(text: &str) -> Option<(String, String, String)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| i + from) {
        let close = text[open..].find(')').map(|i| i + open)?;
        let inside = &text[open + 1..close];
        if let Some(date) = evidence_date(inside) {
            let without = format!("{}{}", &text[..open], &text[close + 1..]);
            let remark = inside
                .split_once([',', ';'])
                .map(|(_, remark)| remark.trim().to_string())
                .unwrap_or_default();
            return Some((date, remark, without));
        }
        from = close + 1;
    }
    None
}

/// `origin: ...`, `source: ...` or `from: ...` as a clause of its own.
fn split_origin(text: &str) -> (String, String) {
    let mut origin = String::new();
    let mut kept: Vec<&str> = Vec::new();
    for clause in text.split("; ") {
        let lower = clause.trim().to_lowercase();
        let label = ["origin:", "source:", "from:"]
            .iter()
            .find(|label| lower.starts_with(*label));
        match label {
            Some(label) if origin.is_empty() => {
                origin = clause.trim()[label.len()..].trim().to_string()
            }
            _ => kept.push(clause),
        }
    }
    (kept.join("; ").trim().to_string(), origin)
}

/// Finds the file, link or embedded image an item names. Returns it, the text before it
/// (label and separators removed) and any note after it.
fn take_source(text: &str) -> (ListedSource, String, String) {
    if let Some(found) = embedded(text) {
        return found;
    }
    if let Some(found) = labelled(text) {
        return found;
    }
    if let Some(found) = markdown_link(text) {
        return found;
    }
    if let Some(start) = text.find("https://").or_else(|| text.find("http://")) {
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| i + start);
        let url = trim_url(&text[start..end]);
        let before = format!("{}{}", &text[..start], &text[start + url.len()..]);
        return (
            ListedSource::Link(url.to_string()),
            tidy_before(&before),
            String::new(),
        );
    }
    let mut position = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let token = word
            .trim()
            .trim_matches(|c: char| {
                matches!(
                    c,
                    '(' | ')' | '[' | ']' | '"' | '\'' | '`' | ',' | ';' | '<' | '>'
                )
            })
            .trim_end_matches('.');
        if has_evidence_extension(token) && !token.contains("://") {
            let start = position + word.find(token).unwrap_or(0);
            let before = format!("{}{}", &text[..start], &text[start + token.len()..]);
            return (
                ListedSource::File(token.to_string()),
                tidy_before(&before),
                String::new(),
            );
        }
        position += word.len();
    }
    (ListedSource::Nothing, text.to_string(), String::new())
}

fn embedded(text: &str) -> Option<(ListedSource, String, String)> {
    let start = text.find(EMBEDDED_MARK)?;
    let after = &text[start + EMBEDDED_MARK.len_utf8()..];
    let end = after.find(EMBEDDED_MARK)?;
    let index = after[..end].strip_prefix("image:")?.parse().ok()?;
    let before = format!(
        "{}{}",
        &text[..start],
        &after[end + EMBEDDED_MARK.len_utf8()..]
    );
    Some((
        ListedSource::Embedded(index),
        tidy_before(&before),
        String::new(),
    ))
}

/// `file: evidence/x.pdf (note)` or `link: https://...`.
fn labelled(text: &str) -> Option<(ListedSource, String, String)> {
    let lower = text.to_lowercase();
    const LABELS: [(&str, bool); 7] = [
        ("file:", true),
        ("attachment:", true),
        ("attached:", true),
        ("link:", false),
        ("url:", false),
        ("web:", false),
        ("online:", false),
    ];
    let (at, label, is_file) = LABELS
        .iter()
        .filter_map(|(label, is_file)| {
            lower.match_indices(label).find_map(|(at, _)| {
                let starts_word = at == 0
                    || lower[..at]
                        .ends_with(|c: char| c.is_whitespace() || matches!(c, ';' | '(' | ','));
                starts_word.then_some((at, *label, *is_file))
            })
        })
        .min_by_key(|(at, _, _)| *at)?;
    let value_start = at + label.len();
    let value = text[value_start..].trim_start();
    let value_start = text.len() - value.len();
    let (target, consumed) = if let Some((_, target, length)) = markdown_link_at(value) {
        (target, length)
    } else if is_file {
        let until = value.find(';').unwrap_or(value.len());
        let path = file_path_in(&value[..until]);
        (path.to_string(), path.len())
    } else {
        let end = value.find(char::is_whitespace).unwrap_or(value.len());
        let url = trim_url(&value[..end]);
        (url.to_string(), url.len())
    };
    let target = target
        .trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | '<' | '>'))
        .to_string();
    if target.is_empty() {
        return None;
    }
    let note = text[value_start + consumed..]
        .trim()
        .trim_start_matches(';')
        .trim();
    let note = note.trim_matches(|c: char| matches!(c, '.' | ';' | ',') || c.is_whitespace());
    let note = note
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .unwrap_or(note)
        .trim()
        .to_string();
    let source = if is_file && !target.starts_with("http://") && !target.starts_with("https://") {
        ListedSource::File(target)
    } else {
        ListedSource::Link(target)
    };
    Some((source, tidy_before(&text[..at]), note))
}

/// A path up to the end of its extension: `evidence/My report.pdf (also in 2a)` gives
/// `evidence/My report.pdf`.
fn file_path_in(value: &str) -> &str {
    let value = value.trim();
    for (index, _) in value.match_indices('.') {
        let ext: String = value[index + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let end = index + 1 + ext.len();
        let at_end = value[end..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ',' | ';' | '`' | '"'));
        if !ext.is_empty() && ext.len() <= 5 && at_end && index > 0 {
            return &value[..end];
        }
    }
    value.split_whitespace().next().unwrap_or("")
}

fn trim_url(url: &str) -> &str {
    url.trim_matches(|c: char| matches!(c, '<' | '>' | '`'))
        .trim_end_matches(['.', ',', ';', ')', ']', '>', '`'])
}

/// `[text](target)` or `![alt](target)` at the start of `text`: text, target, length.
fn markdown_link_at(text: &str) -> Option<(String, String, usize)> {
    let bang = usize::from(text.starts_with('!'));
    let inner = text[bang..].strip_prefix('[')?;
    let close = inner.find("](")?;
    let label = &inner[..close];
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    let target = after[..end].trim();
    let target = target.split_whitespace().next().unwrap_or(target);
    let length = bang + 1 + close + 2 + end + 1;
    Some((
        label.to_string(),
        target.trim_matches(['<', '>']).to_string(),
        length,
    ))
}

/// The first Markdown link or image anywhere in `text`; its visible text stays.
fn markdown_link(text: &str) -> Option<(ListedSource, String, String)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        let start = if open > 0 && text[..open].ends_with('!') {
            open - 1
        } else {
            open
        };
        if let Some((label, target, length)) = markdown_link_at(&text[start..]) {
            let source = if target.starts_with("http://") || target.starts_with("https://") {
                ListedSource::Link(target)
            } else if has_evidence_extension(&target) || target.contains('/') {
                ListedSource::File(target)
            } else {
                from = open + 1;
                continue;
            };
            let before = format!("{}{}{}", &text[..start], label, &text[start + length..]);
            return Some((source, before, String::new()));
        }
        from = open + 1;
    }
    None
}

/// The text around a source, without the separators left dangling where it was.
fn tidy_before(text: &str) -> String {
    let text = text.replace("  ", " ");
    text.trim()
        .trim_end_matches(|c: char| {
            matches!(c, ';' | ',' | ':' | '-' | '—' | '–' | '(') || c.is_whitespace()
        })
        .trim_end_matches("()")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_item_form_is_read_whole() {
        let item = parse_item(
            "**E3 Moodle quiz redesign report** (2025-03) — shows how the recommendation was put into practice; file: evidence/quiz-report.pdf (also used in 1b and 2a)",
        );
        assert_eq!(item.number, Some(3));
        assert_eq!(item.title, "Moodle quiz redesign report");
        assert_eq!(item.date, "2025-03");
        assert_eq!(
            item.what_it_shows,
            "shows how the recommendation was put into practice"
        );
        assert_eq!(
            item.source,
            ListedSource::File("evidence/quiz-report.pdf".into())
        );
        assert_eq!(
            item.note, "also used in 1b and 2a",
            "the note after the path is kept"
        );
    }

    #[test]
    fn titles_carry_no_markdown_and_a_leading_link_names_the_item() {
        let item = parse_item(
            "E4 [Moodle course template](https://vle.example/course/1) – shows the template staff now use (2025)",
        );
        assert_eq!(item.number, Some(4));
        assert_eq!(item.title, "Moodle course template");
        assert_eq!(item.what_it_shows, "shows the template staff now use");
        assert_eq!(item.date, "2025");
        assert_eq!(
            item.source,
            ListedSource::Link("https://vle.example/course/1".into())
        );
        let item = parse_item("*Staff \\- guide* to `quizzes` (2024), file: evidence/guide.pdf");
        assert_eq!(item.title, "Staff - guide to quizzes");
    }

    #[test]
    fn links_and_reasons_for_old_items() {
        let item = parse_item(
            "**E20 Captioning guide** (2019-06) — written at my previous college; included because it is the origin of the current workflow; link: https://example.org/guide.",
        );
        assert_eq!(
            item.source,
            ListedSource::Link("https://example.org/guide".into())
        );
        assert_eq!(item.date, "2019-06");
        assert_eq!(
            item.still_relevant_because,
            "included because it is the origin of the current workflow",
            "a stated reason is kept where the checklist looks for it"
        );
    }

    #[test]
    fn plainer_items_still_give_title_date_and_source() {
        let item = parse_item("Staff survey results, May 2024 https://forms.example/results");
        assert_eq!(item.number, None);
        assert_eq!(item.title, "Staff survey results, May 2024");
        assert_eq!(item.date, "2024-05");
        assert_eq!(
            item.source,
            ListedSource::Link("https://forms.example/results".into())
        );

        let item = parse_item("E4: Screenshot of the report builder (report.png)");
        assert_eq!(item.number, Some(4));
        assert_eq!(item.source, ListedSource::File("report.png".into()));
        assert_eq!(item.title, "Screenshot of the report builder");

        let item = parse_item(
            "[Accessibility statement](https://example.org/a11y) – the published statement",
        );
        assert_eq!(
            item.source,
            ListedSource::Link("https://example.org/a11y".into())
        );
        assert_eq!(item.title, "Accessibility statement");
        assert_eq!(item.what_it_shows, "the published statement");

        let item = parse_item("Certificate of completion");
        assert_eq!(item.source, ListedSource::Nothing);
        assert_eq!(item.title, "Certificate of completion");
    }

    #[test]
    fn parts_without_a_list_have_one_item_per_line_and_tables_one_per_row() {
        let lines: Vec<String> = [
            "| Ref | Item | Date |",
            "|---|---|---|",
            "| E1 | Survey summary | 2024-05 |",
            "| E2 | Minutes | 2024-10 |",
        ]
        .map(String::from)
        .to_vec();
        let (items, leftover) = parse_evidence_part(&lines);
        assert_eq!(items.len(), 2, "the header row is no item");
        assert_eq!(items[1].number, Some(2));
        assert_eq!(items[1].date, "2024-10");
        assert_eq!(leftover.len(), 1, "the header is kept, not dropped");
    }

    #[test]
    fn text_around_a_list_is_not_lost() {
        let lines: Vec<String> = [
            "These items support the section:",
            "",
            "- E1 Survey (2024) file: a.pdf",
            "  which ran for a month",
            "- E2 Minutes",
        ]
        .map(String::from)
        .to_vec();
        let (items, leftover) = parse_evidence_part(&lines);
        assert_eq!(items.len(), 2);
        assert_eq!(
            leftover,
            vec!["These items support the section:".to_string()]
        );
        assert_eq!(items[0].source, ListedSource::File("a.pdf".into()));
        assert_eq!(items[0].note, "which ran for a month");
    }
}
