//! Assessment outcomes as the candidate records them: which outcomes can be given now (a
//! first submission or a re-submission after a referral), what recording one changes, and
//! the feedback to revise against.

use crate::dates::parse_iso_date;
use crate::framework::{Framework, OutcomeId};
use crate::model::{Assessment, Portfolio, Rating};
use serde::Serialize;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AssessmentError {
    #[error("{outcome} is not an outcome of {stage}. Choose one of: {allowed}.")]
    NotAllowedNow {
        outcome: String,
        stage: &'static str,
        allowed: String,
    },
    #[error("\"{0}\" is not a date. Use the form 2026-11-23.")]
    BadDate(String),
    #[error("There is no section called \"{0}\" in this portfolio.")]
    UnknownSection(String),
}

/// Where the candidate is in the assessment of their current pathway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssessmentStage {
    /// The next result would be of a re-submission after a referral.
    pub resubmission: bool,
    /// The outcomes that can be recorded now, in the framework's order.
    pub outcomes: Vec<OutcomeId>,
    /// The latest assessment of this pathway, whose feedback is shown while revising.
    pub latest: Option<Assessment>,
    /// Sections the latest assessment marked R (revisions required), in id order.
    pub to_revise: Vec<String>,
}

/// The latest assessment of the portfolio's current pathway.
pub fn latest(portfolio: &Portfolio) -> Option<&Assessment> {
    portfolio
        .assessments
        .iter()
        .rev()
        .find(|a| a.pathway == portfolio.pathway)
}

pub fn stage(framework: &Framework, portfolio: &Portfolio) -> AssessmentStage {
    let latest = latest(portfolio);
    let resubmission = latest.is_some_and(|a| framework.outcome(a.outcome).referral);
    let outcomes = framework
        .outcomes
        .iter()
        .filter(|o| {
            if resubmission {
                o.resubmission
            } else {
                o.first_submission
            }
        })
        .map(|o| o.id)
        .collect();
    let to_revise = latest
        .map(|a| {
            a.sections
                .iter()
                .filter(|(_, f)| f.rating == Some(Rating::RevisionsRequired))
                .map(|(id, _)| id.clone())
                .collect()
        })
        .unwrap_or_default();
    AssessmentStage {
        resubmission,
        outcomes,
        latest: latest.cloned(),
        to_revise,
    }
}

/// Adds `assessment` to the portfolio's history. An outcome that makes the award dates the
/// accreditation (the three-yearly review counts from it).
pub fn record(
    framework: &Framework,
    portfolio: &mut Portfolio,
    mut assessment: Assessment,
) -> Result<(), AssessmentError> {
    let stage = stage(framework, portfolio);
    if !stage.outcomes.contains(&assessment.outcome) {
        let names: Vec<&str> = stage
            .outcomes
            .iter()
            .map(|id| framework.outcome(*id).name.as_str())
            .collect();
        return Err(AssessmentError::NotAllowedNow {
            outcome: framework.outcome(assessment.outcome).name.clone(),
            stage: if stage.resubmission {
                "a re-submission after a referral"
            } else {
                "a first submission"
            },
            allowed: names.join(", "),
        });
    }
    let date = assessment.received_on.trim().to_string();
    if parse_iso_date(&date).is_none() {
        return Err(AssessmentError::BadDate(date));
    }
    if let Some(unknown) = assessment
        .sections
        .keys()
        .find(|id| framework.section(id).is_none())
    {
        return Err(AssessmentError::UnknownSection(unknown.clone()));
    }
    // Feedback with neither a rating nor words says nothing; keeping it would clutter.
    assessment
        .sections
        .retain(|_, f| f.rating.is_some() || !f.feedback.trim().is_empty());
    assessment.received_on = date.clone();
    assessment.pathway = portfolio.pathway;
    if framework.outcome(assessment.outcome).awarded {
        portfolio.accredited_on = Some(date);
    }
    portfolio.assessments.push(assessment);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::PathwayId;
    use crate::model::SectionFeedback;

    fn assessment(outcome: OutcomeId, on: &str) -> Assessment {
        Assessment {
            outcome,
            pathway: PathwayId::Cmalt,
            received_on: on.into(),
            snapshot_id: None,
            overall_feedback: String::new(),
            sections: Default::default(),
        }
    }

    fn portfolio() -> Portfolio {
        Portfolio::new(
            "T",
            "Sam",
            PathwayId::Cmalt,
            time::OffsetDateTime::UNIX_EPOCH,
        )
    }

    #[test]
    fn a_referral_is_followed_by_pass_or_fail_only() {
        let framework = Framework::bundled().unwrap();
        let mut portfolio = portfolio();
        let first = stage(&framework, &portfolio);
        assert!(!first.resubmission);
        assert!(!first.outcomes.contains(&OutcomeId::Fail));
        let mut referral = assessment(OutcomeId::ReferralMinor, "2027-05-01");
        referral.sections.insert(
            "2b".into(),
            SectionFeedback {
                rating: Some(Rating::RevisionsRequired),
                feedback: "Say more about the outcome.".into(),
            },
        );
        referral
            .sections
            .insert("1a".into(), SectionFeedback::default());
        record(&framework, &mut portfolio, referral).unwrap();
        let after = stage(&framework, &portfolio);
        assert!(after.resubmission);
        assert_eq!(after.outcomes, vec![OutcomeId::Pass, OutcomeId::Fail]);
        assert_eq!(after.to_revise, vec!["2b".to_string()]);
        assert_eq!(
            after.latest.unwrap().sections.len(),
            1,
            "empty feedback is not kept"
        );
        assert!(portfolio.accredited_on.is_none());

        let refused = record(
            &framework,
            &mut portfolio,
            assessment(OutcomeId::ReferralMajor, "2027-09-01"),
        );
        assert!(matches!(
            refused,
            Err(AssessmentError::NotAllowedNow { .. })
        ));
        record(
            &framework,
            &mut portfolio,
            assessment(OutcomeId::Pass, "2027-10-02"),
        )
        .unwrap();
        assert_eq!(portfolio.accredited_on.as_deref(), Some("2027-10-02"));
        assert!(!stage(&framework, &portfolio).resubmission);
    }

    #[test]
    fn bad_dates_and_unknown_sections_are_refused_and_change_nothing() {
        let framework = Framework::bundled().unwrap();
        let mut portfolio = portfolio();
        let before = portfolio.clone();
        assert_eq!(
            record(
                &framework,
                &mut portfolio,
                assessment(OutcomeId::Pass, "23/11/2026")
            ),
            Err(AssessmentError::BadDate("23/11/2026".into()))
        );
        let mut odd = assessment(OutcomeId::Pass, "2026-11-23");
        odd.sections
            .insert("../x".into(), SectionFeedback::default());
        assert!(matches!(
            record(&framework, &mut portfolio, odd),
            Err(AssessmentError::UnknownSection(_))
        ));
        assert_eq!(portfolio, before);
    }
}
