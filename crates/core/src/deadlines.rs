//! The scheme's submission windows: the next closing dates after a given day, and how many
//! days are left until each, from the month/day list in the framework data.

use crate::framework::{Framework, SubmissionDeadline};
use serde::Serialize;
use time::{Date, Month};

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// One submission window, identified by the day it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SubmissionWindow")]
pub struct Window {
    /// The closing day, serialised as "YYYY-MM-DD".
    #[serde(with = "iso_date")]
    #[ts(type = "string")]
    pub date: Date,
    /// Whole days from today to the closing day: 0 on the day itself.
    pub days_left: i64,
}

/// The next `count` windows that close on or after `today`, soonest first. A window
/// closing today is still open, with 0 days left.
pub fn upcoming_windows(framework: &Framework, today: Date, count: usize) -> Vec<Window> {
    windows_from(&framework.submission_deadlines, today, count)
}

fn windows_from(deadlines: &[SubmissionDeadline], today: Date, count: usize) -> Vec<Window> {
    let mut windows = Vec::with_capacity(count);
    if deadlines.is_empty() {
        return windows;
    }
    let mut in_year_order = deadlines.to_vec();
    in_year_order.sort_by_key(|deadline| (deadline.month, deadline.day));
    // Each year holds at least one valid deadline (the framework data is validated), so
    // this loop ends; the bound is a guard against data that slipped past validation.
    let last_year = today.year().saturating_add(count as i32 + 1);
    for year in today.year()..=last_year {
        for deadline in &in_year_order {
            let Some(date) = closing_day(year, deadline) else {
                continue;
            };
            if date < today {
                continue;
            }
            if windows.len() == count {
                return windows;
            }
            windows.push(Window {
                date,
                days_left: (date - today).whole_days(),
            });
        }
    }
    windows
}

fn closing_day(year: i32, deadline: &SubmissionDeadline) -> Option<Date> {
    let month = Month::try_from(deadline.month).ok()?;
    Date::from_calendar_date(year, month, deadline.day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn framework() -> Framework {
        Framework::bundled().expect("the bundled framework must load")
    }

    fn dates(windows: &[Window]) -> Vec<Date> {
        windows.iter().map(|w| w.date).collect()
    }

    #[test]
    fn the_bundled_windows_close_at_the_end_of_january_may_and_september() {
        let windows = upcoming_windows(&framework(), date!(2026 - 01 - 01), 3);
        assert_eq!(
            dates(&windows),
            vec![
                date!(2026 - 01 - 31),
                date!(2026 - 05 - 31),
                date!(2026 - 09 - 30)
            ],
            "the scheme's three windows, in order"
        );
        assert_eq!(windows[0].days_left, 30, "1 to 31 January is 30 days");
    }

    #[test]
    fn a_window_closing_today_is_still_upcoming_with_no_days_left() {
        let windows = upcoming_windows(&framework(), date!(2026 - 05 - 31), 2);
        assert_eq!(
            windows[0],
            Window {
                date: date!(2026 - 05 - 31),
                days_left: 0
            },
            "on the closing day the window is still open"
        );
        assert_eq!(windows[1].date, date!(2026 - 09 - 30));
    }

    #[test]
    fn the_day_after_a_window_closes_points_at_the_next_one() {
        let windows = upcoming_windows(&framework(), date!(2026 - 06 - 01), 1);
        assert_eq!(dates(&windows), vec![date!(2026 - 09 - 30)]);
        assert_eq!(
            windows[0].days_left, 121,
            "June 30 + July 31 + August 31 + 29"
        );
    }

    #[test]
    fn after_the_last_window_of_a_year_the_next_is_in_january() {
        let windows = upcoming_windows(&framework(), date!(2026 - 10 - 01), 2);
        assert_eq!(
            dates(&windows),
            vec![date!(2027 - 01 - 31), date!(2027 - 05 - 31)],
            "the search carries over the year end"
        );
        let new_years_eve = upcoming_windows(&framework(), date!(2026 - 12 - 31), 1);
        assert_eq!(new_years_eve[0].days_left, 31, "31 December to 31 January");
    }

    #[test]
    fn many_windows_run_on_over_several_years() {
        let windows = upcoming_windows(&framework(), date!(2026 - 09 - 30), 7);
        assert_eq!(
            dates(&windows),
            vec![
                date!(2026 - 09 - 30),
                date!(2027 - 01 - 31),
                date!(2027 - 05 - 31),
                date!(2027 - 09 - 30),
                date!(2028 - 01 - 31),
                date!(2028 - 05 - 31),
                date!(2028 - 09 - 30),
            ]
        );
        assert!(
            windows.windows(2).all(|pair| pair[0].date < pair[1].date),
            "soonest first"
        );
    }

    #[test]
    fn days_left_counts_across_a_leap_day() {
        let windows = upcoming_windows(&framework(), date!(2028 - 02 - 01), 1);
        assert_eq!(windows[0].date, date!(2028 - 05 - 31));
        assert_eq!(windows[0].days_left, 120, "February 2028 has 29 days");
    }

    #[test]
    fn no_windows_asked_or_none_in_the_data_gives_none() {
        assert!(upcoming_windows(&framework(), date!(2026 - 03 - 01), 0).is_empty());
        assert!(windows_from(&[], date!(2026 - 03 - 01), 3).is_empty());
    }

    #[test]
    fn deadlines_listed_out_of_order_still_come_soonest_first() {
        let deadlines = [
            SubmissionDeadline { month: 9, day: 30 },
            SubmissionDeadline { month: 1, day: 31 },
        ];
        let windows = windows_from(&deadlines, date!(2026 - 02 - 01), 2);
        assert_eq!(
            dates(&windows),
            vec![date!(2026 - 09 - 30), date!(2027 - 01 - 31)]
        );
    }

    #[test]
    fn windows_serialise_with_iso_dates() {
        let window = Window {
            date: date!(2027 - 01 - 31),
            days_left: 5,
        };
        let json = serde_json::to_value(window).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "date": "2027-01-31", "days_left": 5 }),
            "the UI reads a plain date string"
        );
    }
}
