//! Dates as the portfolio keeps them, "YYYY-MM-DD": the declaration, the target window, an
//! assessment's arrival, the award and the reviews of practice.

use time::Date;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// The date `text` names, or `None` when it is not a real "YYYY-MM-DD" date.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    Date::parse(text, ISO_DATE).ok()
}

/// "14 March 2026", as a letter writes a day.
pub fn long_date(date: Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// `date` as "YYYY-MM-DD".
pub fn iso_date(date: Date) -> String {
    date.format(ISO_DATE).expect("the date format is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_round_trip_and_others_are_refused() {
        let date = parse_iso_date("2028-02-29").unwrap();
        assert_eq!(iso_date(date), "2028-02-29");
        for bad in ["2027-02-29", "23/11/2026", "2026-11-23T10:00", ""] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }
}
