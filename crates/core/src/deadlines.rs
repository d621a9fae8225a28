//! Submitting as ALT runs it: all year round since January 2025, so what counts is the
//! candidate's own target date and the end of their registration; fixed closing days only
//! where the framework data sets them (an institution's cohort). Every date and count of
//! days the window shows is worked out and worded here.

use crate::dates::{iso_date, long_date, parse_iso_date};
use crate::framework::{Framework, SubmissionDeadline};
use crate::model::Portfolio;
use serde::Serialize;
use time::{Date, Month};

time::serde::format_description!(iso_date_serde, Date, "[year]-[month]-[day]");

/// One submission window, identified by the day it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SubmissionWindow")]
pub struct Window {
    /// The closing day, serialised as "YYYY-MM-DD".
    #[serde(with = "iso_date_serde")]
    #[ts(type = "string")]
    pub date: Date,
    /// Whole days from today to the closing day: 0 on the day itself.
    pub days_left: i64,
}

/// A date the candidate counts down to, worded for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Countdown {
    /// "YYYY-MM-DD".
    pub date: String,
    /// "13 March 2027".
    pub long: String,
    /// Whole days from today: 0 on the day, negative once it has passed.
    pub days_left: i64,
    /// "102 days to go", "1 day to go", "today", "3 days ago".
    pub days_text: String,
}

/// How and when this candidate submits, for the Ready page, the start screen and the top bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SubmissionPlan {
    pub open_all_year: bool,
    /// How submitting works, in a sentence or two.
    pub how: String,
    /// The next closing days, when the data sets any.
    pub windows: Vec<Countdown>,
    /// The date the candidate aims for, if set.
    pub target: Option<Countdown>,
    /// The target in a line for the top bar: "Aiming for 13 March 2027 · 102 days to go".
    pub aiming: Option<String>,
    /// When the candidate registered with ALT ("YYYY-MM-DD"), if entered.
    pub registered_on: Option<String>,
    /// The last day the registration covers, from `registered_on`.
    pub registration_ends: Option<Countdown>,
    pub registration_valid_years: u8,
    /// A word of warning about the dates, if one is due: a target after the registration
    /// ends, or a target that has passed.
    pub warning: Option<String>,
}

/// The plan for `portfolio` (none open: the start screen) as of `today`.
pub fn submission_plan(
    framework: &Framework,
    portfolio: Option<&Portfolio>,
    today: Date,
) -> SubmissionPlan {
    let submissions = &framework.submissions;
    let date_of = |text: &Option<String>| text.as_deref().and_then(parse_iso_date);
    let registered = portfolio.and_then(|p| date_of(&p.registered_on));
    let target = portfolio
        .and_then(|p| date_of(&p.target_window))
        .map(|date| countdown(date, today));
    let registration_ends = registered
        .map(|date| registration_end(date, submissions.registration_valid_years))
        .map(|date| countdown(date, today));
    let warning = match (&target, &registration_ends) {
        (Some(target), Some(ends)) if target.days_left > ends.days_left => Some(format!(
            "Your target, {}, is after your registration ends on {}: aim to submit by then, or ask ALT about your registration.",
            target.long, ends.long
        )),
        (Some(target), _) if target.days_left < 0 => Some(format!(
            "Your target, {}, has passed: choose the date you are aiming for now.",
            target.long
        )),
        _ => None,
    };
    SubmissionPlan {
        open_all_year: submissions.open_all_year,
        how: submissions.how.clone(),
        windows: upcoming_windows(framework, today, 3)
            .into_iter()
            .map(|window| countdown(window.date, today))
            .collect(),
        aiming: target.as_ref().map(aiming_text),
        target,
        registered_on: registered.map(iso_date),
        registration_ends,
        registration_valid_years: submissions.registration_valid_years,
        warning,
    }
}

/// `years` after registering, the day before the anniversary (29 February → 28 February).
fn registration_end(registered: Date, years: u8) -> Date {
    let year = registered.year() + i32::from(years);
    let anniversary = registered.replace_year(year).unwrap_or_else(|_| {
        Date::from_calendar_date(year, Month::March, 1).expect("1 March exists")
    });
    anniversary.previous_day().unwrap_or(anniversary)
}

pub fn countdown(date: Date, today: Date) -> Countdown {
    let days_left = (date - today).whole_days();
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    let days_text = match days_left {
        0 => "today".to_string(),
        n if n > 0 => format!("{n} day{} to go", plural(n)),
        n => format!("{} day{} ago", -n, plural(-n)),
    };
    Countdown {
        date: iso_date(date),
        long: long_date(date),
        days_left,
        days_text,
    }
}

/// "Aiming for 13 March 2027 · 102 days to go": a portfolio's target in a line.
pub fn aiming_for(portfolio: &Portfolio, today: Date) -> Option<String> {
    let target = parse_iso_date(portfolio.target_window.as_deref()?)?;
    Some(aiming_text(&countdown(target, today)))
}

fn aiming_text(target: &Countdown) -> String {
    format!("Aiming for {} · {}", target.long, target.days_text)
}

/// The next `count` windows that close on or after `today`, soonest first. A window
/// closing today is still open, with 0 days left.
pub fn upcoming_windows(framework: &Framework, today: Date, count: usize) -> Vec<Window> {
    windows_from(&framework.submissions.windows, today, count)
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

    /// A cohort's closing days, as an institution might set them.
    fn framework() -> Framework {
        let mut framework = Framework::bundled().expect("the bundled framework must load");
        framework.submissions.windows = vec![
            SubmissionDeadline { month: 1, day: 31 },
            SubmissionDeadline { month: 5, day: 31 },
            SubmissionDeadline { month: 9, day: 30 },
        ];
        framework
    }

    fn dates(windows: &[Window]) -> Vec<Date> {
        windows.iter().map(|w| w.date).collect()
    }

    #[test]
    fn a_cohorts_windows_close_at_the_end_of_january_may_and_september() {
        let windows = upcoming_windows(&framework(), date!(2026 - 01 - 01), 3);
        assert_eq!(
            dates(&windows),
            vec![
                date!(2026 - 01 - 31),
                date!(2026 - 05 - 31),
                date!(2026 - 09 - 30)
            ],
            "the three windows, in order"
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
    fn the_bundled_scheme_takes_portfolios_all_year_so_there_are_no_windows() {
        let framework = Framework::bundled().unwrap();
        assert!(framework.submissions.open_all_year);
        assert!(upcoming_windows(&framework, date!(2026 - 03 - 01), 3).is_empty());
        let plan = submission_plan(&framework, None, date!(2026 - 03 - 01));
        assert!(plan.windows.is_empty() && plan.target.is_none());
        assert!(plan.how.contains("all year round"));
    }

    #[test]
    fn the_target_and_the_registration_count_down_in_words() {
        let framework = Framework::bundled().unwrap();
        let mut portfolio = Portfolio::new(
            "P",
            "Sam",
            crate::framework::PathwayId::Cmalt,
            time::OffsetDateTime::UNIX_EPOCH,
        );
        portfolio.target_window = Some("2027-03-13".into());
        portfolio.registered_on = Some("2026-02-29".into());
        let plan = submission_plan(&framework, Some(&portfolio), date!(2026 - 12 - 01));
        let target = plan.target.unwrap();
        assert_eq!(target.long, "13 March 2027");
        assert_eq!(target.days_left, 102);
        assert_eq!(target.days_text, "102 days to go");
        assert_eq!(
            plan.aiming.as_deref(),
            Some("Aiming for 13 March 2027 · 102 days to go")
        );
        assert_eq!(plan.registered_on, None, "29 February 2026 is no date");

        portfolio.registered_on = Some("2025-03-01".into());
        let plan = submission_plan(&framework, Some(&portfolio), date!(2027 - 02 - 28));
        let ends = plan.registration_ends.unwrap();
        assert_eq!(ends.date, "2027-02-28", "two years, to the day before");
        assert_eq!(ends.days_text, "today");
        assert_eq!(plan.target.unwrap().days_text, "13 days to go");
        assert_eq!(
            plan.warning.as_deref(),
            Some(
                "Your target, 13 March 2027, is after your registration ends on 28 February 2027: aim to submit by then, or ask ALT about your registration."
            )
        );
        let plan = submission_plan(&framework, Some(&portfolio), date!(2027 - 03 - 14));
        assert_eq!(plan.target.unwrap().days_text, "1 day ago");
        portfolio.registered_on = None;
        let plan = submission_plan(&framework, Some(&portfolio), date!(2027 - 03 - 14));
        assert!(plan.warning.unwrap().contains("has passed"));
        assert_eq!(
            registration_end(date!(2024 - 02 - 29), 2),
            date!(2026 - 02 - 28)
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
