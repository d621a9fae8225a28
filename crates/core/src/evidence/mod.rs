//! The evidence library's items: files copied into the portfolio's `evidence/` folder and
//! links, each described (what it shows, where it comes from, when) and numbered E1, E2...

pub mod files;
pub mod photo_metadata;
pub mod refs;
pub mod shrink;
pub mod smaller_copy;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Where an item's content lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EvidenceSource {
    /// A copy inside the portfolio's `evidence/` folder.
    File {
        /// The name the candidate's file had, for display (may hold any Unicode).
        original_name: String,
        /// The name in `evidence/`: safe on every OS, unique by content.
        stored_name: String,
        bytes: u64,
        /// SHA-256 of the content, hex: the same file attached twice is one item.
        sha256: String,
        media_type: String,
    },
    /// A stable web address.
    Link { url: String },
    /// A file named in an imported draft that was not found; the candidate can attach it.
    MissingFile { original_name: String },
}

impl EvidenceSource {
    pub fn stored_name(&self) -> Option<&str> {
        match self {
            EvidenceSource::File { stored_name, .. } => Some(stored_name),
            _ => None,
        }
    }

    pub fn bytes(&self) -> u64 {
        match self {
            EvidenceSource::File { bytes, .. } => *bytes,
            _ => 0,
        }
    }
}

/// What the candidate says about an item; edited as a whole from the library view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct EvidenceDetails {
    pub title: String,
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty while unknown.
    pub date: String,
    /// Where it comes from: author, system, organisation.
    pub origin: String,
    /// Why it is included: what it proves about the practice described.
    pub what_it_shows: String,
    /// Anonymised, or the people in it have agreed to its use.
    pub permission_confirmed: bool,
    /// For items older than the recent-years window: why they still count.
    pub still_relevant_because: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct EvidenceItem {
    /// "E3": the stable reference used in citations and in the text as `[E3]`.
    pub id: String,
    pub number: u32,
    #[serde(flatten)]
    pub details: EvidenceDetails,
    pub source: EvidenceSource,
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub added_at: OffsetDateTime,
}

impl EvidenceItem {
    pub fn id_for(number: u32) -> String {
        format!("E{number}")
    }
}

/// The first day an evidence date can mean, for the age check: "2023" is 1 January 2023,
/// "2023-05" is 1 May 2023. `None` when empty or not a date.
pub fn evidence_date_start(date: &str) -> Option<time::Date> {
    // YYYY, YYYY-MM or YYYY-MM-DD exactly: "24-05-01" is not the year 24.
    let digits =
        |part: &str, width: usize| part.len() == width && part.bytes().all(|b| b.is_ascii_digit());
    let shape: Vec<&str> = date.trim().split('-').collect();
    let well_formed = match shape.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2),
        [year, month, day] => digits(year, 4) && digits(month, 2) && digits(day, 2),
        _ => false,
    };
    if !well_formed {
        return None;
    }
    let mut parts = date.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = match parts.next() {
        Some(month) => month.parse().ok()?,
        None => 1,
    };
    let day: u8 = match parts.next() {
        Some(day) => day.parse().ok()?,
        None => 1,
    };
    time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()
}

/// True when the item's date is more than `years` before `today` (so it needs a reason).
/// A path from the root of a website (`/images/poster.png`), as a web portfolio names its
/// pictures: not `//host/...`, which names another site.
pub fn is_website_path(name: &str) -> bool {
    name.starts_with('/') && !name.starts_with("//")
}

pub fn is_older_than(details: &EvidenceDetails, years: u32, today: time::Date) -> bool {
    date_is_older_than(&details.date, years, today)
}

/// True when `date` (as an item's date is written) is more than `years` before `today`.
fn date_is_older_than(date: &str, years: u32, today: time::Date) -> bool {
    let Some(date) = evidence_date_start(date) else {
        return false;
    };
    let cutoff = today
        .replace_year(today.year() - years as i32)
        .unwrap_or_else(|_| today - time::Duration::days(365 * i64::from(years)));
    date < cutoff
}

/// An evidence date as the window shows it while the candidate types it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EvidenceDate {
    /// Empty, or a year, a month or a day the app understands (2023-02-29 is not one).
    pub understood: bool,
    /// "2024", "May 2024", "3 May 2024"; the text as written when it is not understood.
    pub text: String,
    /// Older than the recent-years window, so the item needs a reason it still counts.
    pub needs_reason: bool,
}

/// What the window says of `date` (as typed), judged as the checklist judges it.
pub fn describe_date(date: &str, years: u32, today: time::Date) -> EvidenceDate {
    let written = date.trim();
    let Some(start) = evidence_date_start(written) else {
        return EvidenceDate {
            understood: written.is_empty(),
            text: written.to_string(),
            needs_reason: false,
        };
    };
    let month = || start.month().to_string();
    let text = match written.matches('-').count() {
        0 => start.year().to_string(),
        1 => format!("{} {}", month(), start.year()),
        _ => crate::dates::long_date(start),
    };
    EvidenceDate {
        understood: true,
        text,
        needs_reason: date_is_older_than(written, years, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_are_described_as_the_window_shows_them() {
        let today = date!(2026 - 12 - 01);
        assert_eq!(describe_date("2024-05-03", 3, today).text, "3 May 2024");
        assert_eq!(describe_date("2024-05", 3, today).text, "May 2024");
        assert_eq!(describe_date(" 2024 ", 3, today).text, "2024");
        let leap = describe_date("2023-02-29", 3, today);
        assert!(!leap.understood, "no 29 February in 2023");
        assert!(
            describe_date("", 3, today).understood,
            "no date yet is fine"
        );
        assert!(describe_date("2019-06", 3, today).needs_reason);
        assert!(!describe_date("2025-06", 3, today).needs_reason);
        for bad in ["May 2024", "2024-13", "24-05-01", "2024/05", "last year"] {
            assert!(
                !describe_date(bad, 3, today).understood,
                "{bad:?} is not a date"
            );
        }
        // Old means before the same day, `years` ago.
        let on = date!(2026 - 11 - 23);
        assert!(describe_date("2023-11-22", 3, on).needs_reason);
        assert!(!describe_date("2023-11-23", 3, on).needs_reason);
    }

    #[test]
    fn partial_dates_are_understood() {
        assert_eq!(evidence_date_start("2024-05"), Some(date!(2024 - 05 - 01)));
        assert_eq!(evidence_date_start("2023"), Some(date!(2023 - 01 - 01)));
        assert_eq!(
            evidence_date_start("2024-02-29"),
            Some(date!(2024 - 02 - 29))
        );
        assert_eq!(evidence_date_start("2023-02-29"), None, "not a real day");
        assert_eq!(evidence_date_start("May 2024"), None);
        assert_eq!(evidence_date_start(""), None);
    }

    #[test]
    fn items_more_than_three_years_old_need_a_reason() {
        let today = date!(2026 - 11 - 23);
        let dated = |date: &str| EvidenceDetails {
            date: date.into(),
            ..EvidenceDetails::default()
        };
        assert!(is_older_than(&dated("2019-06"), 3, today));
        assert!(is_older_than(&dated("2023-11-22"), 3, today));
        assert!(
            !is_older_than(&dated("2023-11-23"), 3, today),
            "exactly three years is recent"
        );
        assert!(!is_older_than(&dated("2025"), 3, today));
        assert!(
            !is_older_than(&dated(""), 3, today),
            "undated items are not called old"
        );
    }

    #[test]
    fn items_serialise_with_a_tagged_source() {
        let item = EvidenceItem {
            id: "E1".into(),
            number: 1,
            details: EvidenceDetails {
                title: "Survey".into(),
                ..EvidenceDetails::default()
            },
            source: EvidenceSource::Link {
                url: "https://example.org/survey".into(),
            },
            added_at: OffsetDateTime::UNIX_EPOCH,
        };
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["source"]["type"], "link");
        assert_eq!(
            json["title"], "Survey",
            "details are flattened into the item"
        );
        let back: EvidenceItem = serde_json::from_value(json).unwrap();
        assert_eq!(back, item);
    }
}
