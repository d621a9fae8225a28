//! Times as the candidate reads them: in the time zone their computer is set to, "today at
//! 14:05", "yesterday at 09:12", "3 March 2025". Saves are stamped in UTC; only the words
//! shown are local, and each time is turned local with the offset of its own day, so a
//! backup from July still reads in summer time in December.

use time::{Date, OffsetDateTime, UtcOffset};

/// Now, and the rules of the time zone the words are in.
#[derive(Debug, Clone)]
pub struct LocalClock {
    now: OffsetDateTime,
    zone: jiff::tz::TimeZone,
}

/// Whether a time shows its seconds: two backups can be saved in the same minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Minutes,
    Seconds,
}

impl LocalClock {
    /// The computer's own time zone (`TZ`, else `/etc/localtime`); UTC when it has none
    /// that can be read, which only shifts the hours shown.
    pub fn system(now: OffsetDateTime) -> LocalClock {
        let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
        LocalClock { now, zone }
    }

    /// A clock in the zone a POSIX `TZ` rule gives ("GMT0BST,M3.5.0/1,M10.5.0"): the same
    /// words on every machine, for tests.
    pub fn with_rule(now: OffsetDateTime, rule: &str) -> Option<LocalClock> {
        let zone = jiff::tz::TimeZone::posix(rule).ok()?;
        Some(LocalClock { now, zone })
    }

    /// `at` as the clock on the wall showed it.
    pub fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        let offset = jiff::Timestamp::from_second(at.unix_timestamp())
            .map(|stamp| self.zone.to_offset(stamp).seconds())
            .ok()
            .and_then(|seconds| UtcOffset::from_whole_seconds(seconds).ok())
            .unwrap_or(UtcOffset::UTC);
        at.to_offset(offset)
    }

    /// The candidate's today: after midnight in London it is tomorrow, whatever UTC says.
    pub fn today(&self) -> Date {
        self.local(self.now).date()
    }

    /// "just now", "5 minutes ago", "today at 14:05", "yesterday at 09:12", "3 March at
    /// 10:00" (this year), "3 March 2024" (before).
    pub fn when(&self, at: OffsetDateTime) -> String {
        let ago = self.now - at;
        if !ago.is_negative() && ago < time::Duration::MINUTE {
            return "just now".into();
        }
        if !ago.is_negative() && ago < time::Duration::HOUR {
            let minutes = ago.whole_minutes();
            return format!(
                "{minutes} minute{} ago",
                if minutes == 1 { "" } else { "s" }
            );
        }
        let local = self.local(at);
        let today = self.today();
        let clock = clock_text(local, Precision::Minutes);
        if local.date() == today {
            format!("today at {clock}")
        } else if today.previous_day() == Some(local.date()) {
            format!("yesterday at {clock}")
        } else if local.year() == today.year() {
            format!("{} {} at {clock}", local.day(), local.month())
        } else {
            format!("{} {} {}", local.day(), local.month(), local.year())
        }
    }

    /// "31 January 2027 at 14:05" (or "at 14:05:09"): a time to tell versions apart by.
    pub fn date_and_time(&self, at: OffsetDateTime, precision: Precision) -> String {
        let local = self.local(at);
        format!(
            "{} at {}",
            crate::dates::long_date(local.date()),
            clock_text(local, precision)
        )
    }

    /// As [`LocalClock::when`], for a time kept as RFC 3339 text; text that is not one is
    /// shown as it is.
    pub fn when_text(&self, rfc3339: &str) -> String {
        parse_rfc3339(rfc3339).map_or_else(|| rfc3339.to_string(), |at| self.when(at))
    }

    /// As [`LocalClock::date_and_time`], for a time kept as RFC 3339 text.
    pub fn date_and_time_text(&self, rfc3339: &str, precision: Precision) -> String {
        parse_rfc3339(rfc3339).map_or_else(
            || rfc3339.to_string(),
            |at| self.date_and_time(at, precision),
        )
    }
}

fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

fn clock_text(at: OffsetDateTime, precision: Precision) -> String {
    match precision {
        Precision::Minutes => format!("{:02}:{:02}", at.hour(), at.minute()),
        Precision::Seconds => format!("{:02}:{:02}:{:02}", at.hour(), at.minute(), at.second()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const LONDON: &str = "GMT0BST,M3.5.0/1,M10.5.0";

    fn london(now: OffsetDateTime) -> LocalClock {
        LocalClock::with_rule(now, LONDON).unwrap()
    }

    #[test]
    fn recent_saves_read_as_minutes_ago() {
        let clock = london(datetime!(2026-12-02 15:00:00 UTC));
        assert_eq!(clock.when(datetime!(2026-12-02 14:59:31 UTC)), "just now");
        assert_eq!(
            clock.when(datetime!(2026-12-02 14:59:00 UTC)),
            "1 minute ago"
        );
        assert_eq!(
            clock.when(datetime!(2026-12-02 14:05:00 UTC)),
            "55 minutes ago"
        );
        assert_eq!(
            clock.when(datetime!(2026-12-02 09:12:00 UTC)),
            "today at 09:12"
        );
    }

    #[test]
    fn days_are_the_candidates_days_not_utc_ones() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
        let clock = london(datetime!(2026-07-01 12:00:00 UTC));
        assert_eq!(
            clock.when(datetime!(2026-06-30 23:30:00 UTC)),
            "today at 00:30"
        );
        assert_eq!(
            clock.when(datetime!(2026-06-30 22:30:00 UTC)),
            "yesterday at 23:30"
        );
        assert_eq!(clock.today(), time::macros::date!(2026 - 07 - 01));
        let late = london(datetime!(2026-06-30 23:30:00 UTC));
        assert_eq!(late.today(), time::macros::date!(2026 - 07 - 01));
    }

    #[test]
    fn a_summer_time_reads_in_summer_time_in_winter() {
        let clock = london(datetime!(2026-12-02 15:00:00 UTC));
        assert_eq!(
            clock.when(datetime!(2026-07-14 09:05:00 UTC)),
            "14 July at 10:05"
        );
        assert_eq!(
            clock.date_and_time(datetime!(2026-07-14 09:05:07 UTC), Precision::Seconds),
            "14 July 2026 at 10:05:07"
        );
        assert_eq!(
            clock.date_and_time(datetime!(2026-12-01 09:05:07 UTC), Precision::Minutes),
            "1 December 2026 at 09:05"
        );
    }

    #[test]
    fn other_years_give_the_date_only_and_bad_text_is_kept() {
        let clock = london(datetime!(2026-12-02 15:00:00 UTC));
        assert_eq!(
            clock.when(datetime!(2024-03-03 10:00:00 UTC)),
            "3 March 2024"
        );
        assert_eq!(clock.when_text("2025-12-31T23:59:59Z"), "31 December 2025");
        assert_eq!(clock.when_text("not a time"), "not a time");
        // A save stamped after now (another computer's clock) is never "minutes ago".
        assert_eq!(
            clock.when(datetime!(2026-12-02 15:10:00 UTC)),
            "today at 15:10"
        );
    }
}
