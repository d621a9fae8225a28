//! Dates as candidates write them (`14 March 2026`, `March 14, 2026`, `14/03/2026`,
//! `2024-05`, `May 2024`), read into the forms the model keeps.

use time::{Date, Month};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_named(word: &str) -> Option<u8> {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|month| month.starts_with(&word) && (word.len() >= 3))
        .filter(|index| word == MONTHS[*index] || word.len() <= 4 || word == "sept")
        .map(|index| index as u8 + 1)
}

fn year_of(word: &str) -> Option<i32> {
    let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
    (digits.len() == 4 && word.chars().filter(char::is_ascii_digit).count() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|year| (1950..=2100).contains(year))
}

fn day_of(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let trimmed = lower
        .trim_end_matches([',', '.'])
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    trimmed
        .parse::<u8>()
        .ok()
        .filter(|day| (1..=31).contains(day))
}

fn ymd(year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    ))
}

/// A full calendar date as "YYYY-MM-DD", from the ways a declaration is dated. Numeric dates
/// are read day first (14/03/2026), as the scheme is British.
pub(super) fn calendar_date(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('.');
    if let Some(iso) = iso_date(text).filter(|iso| iso.len() == 10) {
        return Some(iso);
    }
    let numeric: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        let day = numeric[0].parse().ok()?;
        let month = numeric[1].parse().ok()?;
        let year: i32 = match numeric[2].parse().ok()? {
            year @ 0..=99 => 2000 + year,
            year => year,
        };
        return ymd(year, month, day);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let month_at = words.iter().position(|w| month_named(w).is_some())?;
    let month = month_named(words[month_at])?;
    let year = words.iter().find_map(|w| year_of(w))?;
    let day = words[..month_at]
        .iter()
        .rev()
        .find_map(|w| day_of(w))
        .or_else(|| words.get(month_at + 1).and_then(|w| day_of(w)))?;
    ymd(year, month, day)
}

/// `2024-05-12`, `2024-05` or `2024` at the start of `text`, checked to be real.
fn iso_date(text: &str) -> Option<String> {
    let token: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let token = token.trim_end_matches('-');
    let after = &text[token.len()..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let valid = match token.len() {
        4 | 7 | 10 => crate::evidence::evidence_date_start(token).is_some(),
        _ => false,
    };
    valid.then(|| token.to_string())
}

/// An evidence item's date in the library's forms ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), from
/// the first date in `text`: `2024-11, reviewed 2025-11` is 2024-11, `May 2024` is 2024-05.
pub(super) fn evidence_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (index, word) in words.iter().enumerate() {
        if let Some(iso) = iso_date(word) {
            return Some(iso);
        }
        if let Some(month) = month_named(word)
            && let Some(year) = words.get(index + 1).and_then(|w| year_of(w))
        {
            let day = index
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .and_then(|w| day_of(w));
            return match day {
                Some(day) => ymd(year, month, day),
                None => Some(format!("{year:04}-{month:02}")),
            };
        }
        if let Some((month, year)) = word.split_once('/')
            && let (Ok(month), Some(year)) = (month.parse::<u8>(), year_of(year))
            && (1..=12).contains(&month)
        {
            return Some(format!("{year:04}-{month:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_dates_in_the_usual_forms() {
        for (written, expected) in [
            ("14 March 2026", "2026-03-14"),
            ("14th March 2026", "2026-03-14"),
            ("March 14, 2026", "2026-03-14"),
            ("14 Mar 2026", "2026-03-14"),
            ("2026-03-14", "2026-03-14"),
            ("14/03/2026", "2026-03-14"),
            ("14.3.26", "2026-03-14"),
        ] {
            assert_eq!(
                calendar_date(written).as_deref(),
                Some(expected),
                "{written}"
            );
        }
        for bad in ["31 February 2026", "soon", "", "March 2026", "2026-13-01"] {
            assert_eq!(calendar_date(bad), None, "{bad} is no full date");
        }
    }

    #[test]
    fn evidence_dates_keep_their_precision() {
        for (written, expected) in [
            ("2024-05", Some("2024-05")),
            ("2024-11, reviewed 2025-11", Some("2024-11")),
            ("May 2024", Some("2024-05")),
            ("12 May 2024", Some("2024-05-12")),
            ("2019", Some("2019")),
            ("05/2024", Some("2024-05")),
            ("see 1b", None),
            ("58 responses", None),
        ] {
            assert_eq!(evidence_date(written).as_deref(), expected, "{written}");
        }
    }
}
