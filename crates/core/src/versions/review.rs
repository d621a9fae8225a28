//! The review of practice that keeps an accreditation current: when the next one is due
//! (every few years from the award, then from the last review finished), and starting one
//! from the future plans the candidate wrote.

use crate::dates::{iso_date, long_date, parse_iso_date};
use crate::framework::Framework;
use crate::model::{Portfolio, PracticeReview};
use serde::Serialize;
use time::Date;

pub const FUTURE_PLANS: &str = "future";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReviewError {
    #[error(
        "A review starts once you are accredited. Record the date of your award first (Versions, then Outcome)."
    )]
    NotAccredited,
    #[error("A review is already under way, started on {0}. Finish it before starting another.")]
    AlreadyStarted(String),
    #[error("There is no review under way to change.")]
    NoneOpen,
    #[error("\"{0}\" is not a date. Use the form 2026-11-23.")]
    BadDate(String),
}

/// When the next review is due, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReviewStatus {
    pub accredited_on: Option<String>,
    /// "YYYY-MM-DD"; none until the award is dated.
    pub due_on: Option<String>,
    /// Negative once overdue.
    pub days_left: Option<i64>,
    /// "Your review of practice is due on 1 June 2029 (912 days).", as the window says it.
    pub due_text: Option<String>,
    /// The review under way, if any: the last one, not yet finished.
    pub open: Option<PracticeReview>,
    pub completed: usize,
}

/// When the review is due, in words, counting the days either way.
fn due_text(due: Date, days_left: i64) -> String {
    let days = |n: i64| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    match days_left {
        ..0 => format!(
            "Your review of practice was due on {} ({} ago).",
            long_date(due),
            days(-days_left)
        ),
        0 => format!("Your review of practice is due today, {}.", long_date(due)),
        _ => format!(
            "Your review of practice is due on {} ({}).",
            long_date(due),
            days(days_left)
        ),
    }
}

pub fn status(framework: &Framework, portfolio: &Portfolio, today: Date) -> ReviewStatus {
    let due = due_on(framework, portfolio);
    ReviewStatus {
        accredited_on: portfolio.accredited_on.clone(),
        due_on: due.map(iso_date),
        days_left: due.map(|date| (date - today).whole_days()),
        due_text: due.map(|date| due_text(date, (date - today).whole_days())),
        open: open_review(portfolio).cloned(),
        completed: portfolio
            .reviews
            .iter()
            .filter(|r| r.completed_on.is_some())
            .count(),
    }
}

/// The award date, or the last review finished since, plus the review period.
fn due_on(framework: &Framework, portfolio: &Portfolio) -> Option<Date> {
    let accredited = portfolio
        .accredited_on
        .as_deref()
        .and_then(parse_iso_date)?;
    let last_review = portfolio
        .reviews
        .iter()
        .filter_map(|r| r.completed_on.as_deref().and_then(parse_iso_date))
        .filter(|date| *date >= accredited)
        .max();
    Some(add_years(
        last_review.unwrap_or(accredited),
        framework.review_every_years,
    ))
}

/// The same day `years` later; 29 February becomes 28 February in a common year.
fn add_years(date: Date, years: u8) -> Date {
    let year = date.year() + i32::from(years);
    date.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, date.month(), 28))
        .unwrap_or(date)
}

fn open_review(portfolio: &Portfolio) -> Option<&PracticeReview> {
    portfolio
        .reviews
        .last()
        .filter(|review| review.completed_on.is_none())
}

/// Starts a review with the future plans as they stand, which it then keeps unchanged.
pub fn start(portfolio: &mut Portfolio, today: Date) -> Result<&PracticeReview, ReviewError> {
    if portfolio.accredited_on.is_none() {
        return Err(ReviewError::NotAccredited);
    }
    if let Some(open) = open_review(portfolio) {
        return Err(ReviewError::AlreadyStarted(open.started_on.clone()));
    }
    let plans = portfolio
        .section(FUTURE_PLANS)
        .map(|entry| entry.description.clone())
        .unwrap_or_default();
    portfolio.reviews.push(PracticeReview {
        started_on: iso_date(today),
        plans_reviewed: plans,
        ..PracticeReview::default()
    });
    Ok(portfolio.reviews.last().expect("just pushed"))
}

/// Changes to the review under way; fields left out stay as they are.
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
pub struct ReviewPatch {
    #[ts(optional)]
    pub what_happened: Option<String>,
    #[ts(optional)]
    pub next_plans: Option<String>,
    /// "YYYY-MM-DD" marks the review finished.
    #[ts(optional)]
    pub completed_on: Option<String>,
}

pub fn update(portfolio: &mut Portfolio, patch: ReviewPatch) -> Result<(), ReviewError> {
    if let Some(date) = &patch.completed_on
        && parse_iso_date(date.trim()).is_none()
    {
        return Err(ReviewError::BadDate(date.clone()));
    }
    let Some(review) = portfolio
        .reviews
        .last_mut()
        .filter(|r| r.completed_on.is_none())
    else {
        return Err(ReviewError::NoneOpen);
    };
    if let Some(text) = patch.what_happened {
        review.what_happened = text;
    }
    if let Some(text) = patch.next_plans {
        review.next_plans = text;
    }
    if let Some(date) = patch.completed_on {
        review.completed_on = Some(date.trim().to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_due_date_is_said_in_words_either_way() {
        let due = time::macros::date!(2029 - 06 - 01);
        assert_eq!(
            due_text(due, 912),
            "Your review of practice is due on 1 June 2029 (912 days)."
        );
        assert_eq!(
            due_text(due, 1),
            "Your review of practice is due on 1 June 2029 (1 day)."
        );
        assert_eq!(
            due_text(due, 0),
            "Your review of practice is due today, 1 June 2029."
        );
        assert_eq!(
            due_text(due, -3),
            "Your review of practice was due on 1 June 2029 (3 days ago)."
        );
    }
    use crate::framework::PathwayId;
    use time::macros::date;

    fn accredited(on: &str) -> Portfolio {
        let mut portfolio = Portfolio::new(
            "T",
            "Sam",
            PathwayId::Cmalt,
            time::OffsetDateTime::UNIX_EPOCH,
        );
        portfolio.accredited_on = Some(on.into());
        portfolio.section_mut(FUTURE_PLANS).description = "Lead a move to open textbooks.".into();
        portfolio
    }

    #[test]
    fn the_review_is_due_three_years_after_the_award_then_after_each_review() {
        let framework = Framework::bundled().unwrap();
        let mut portfolio = accredited("2024-02-29");
        let before = status(&framework, &portfolio, date!(2026 - 11 - 23));
        assert_eq!(before.due_on.as_deref(), Some("2027-02-28"));
        assert_eq!(before.days_left, Some(97));

        start(&mut portfolio, date!(2027 - 01 - 10)).unwrap();
        update(
            &mut portfolio,
            ReviewPatch {
                completed_on: Some("2027-02-01".into()),
                ..ReviewPatch::default()
            },
        )
        .unwrap();
        let after = status(&framework, &portfolio, date!(2027 - 02 - 02));
        assert_eq!(after.due_on.as_deref(), Some("2030-02-01"));
        assert_eq!(after.completed, 1);
        assert!(after.open.is_none());
    }

    #[test]
    fn a_review_starts_from_the_future_plans_and_keeps_them_as_they_were() {
        let mut portfolio = accredited("2023-06-01");
        let review = start(&mut portfolio, date!(2026 - 05 - 01)).unwrap();
        assert_eq!(review.plans_reviewed, "Lead a move to open textbooks.");
        portfolio.section_mut(FUTURE_PLANS).description = "New plans".into();
        assert_eq!(
            portfolio.reviews[0].plans_reviewed, "Lead a move to open textbooks.",
            "later edits to the plans do not change what is reviewed"
        );
        assert!(matches!(
            start(&mut portfolio, date!(2026 - 05 - 02)),
            Err(ReviewError::AlreadyStarted(_))
        ));
    }

    #[test]
    fn no_review_before_the_award() {
        let mut portfolio = Portfolio::new(
            "T",
            "Sam",
            PathwayId::Cmalt,
            time::OffsetDateTime::UNIX_EPOCH,
        );
        assert_eq!(
            start(&mut portfolio, date!(2026 - 05 - 01)).err(),
            Some(ReviewError::NotAccredited)
        );
        let framework = Framework::bundled().unwrap();
        assert_eq!(
            status(&framework, &portfolio, date!(2026 - 05 - 01)).due_on,
            None
        );
    }
}
