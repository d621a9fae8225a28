//! Versions of the open portfolio: snapshots (a submitted one dated with its window), the
//! outcome of an assessment, upgrading the pathway, and the review of practice. Each change
//! is saved at once, like every other edit.

use super::{OpenedPortfolio, Result, Saved, Session, SessionError};
use crate::framework::PathwayId;
use crate::model::Assessment;
use crate::versions::assessment::{self, AssessmentStage};
use crate::versions::review::{self, ReviewPatch, ReviewStatus};
use crate::versions::upgrade::{self, UpgradePlan};
use crate::versions::{self, Comparison, SnapshotInfo};
use time::OffsetDateTime;

fn invalid(error: impl std::fmt::Display) -> SessionError {
    SessionError::Invalid(error.to_string())
}

impl Session {
    /// Keeps the portfolio as it is now. Marking it submitted records the submission window
    /// it was sent for (also kept as the portfolio's target).
    pub fn take_snapshot(
        &mut self,
        label: &str,
        submitted: bool,
        window: Option<String>,
        now: OffsetDateTime,
    ) -> Result<SnapshotInfo> {
        if let Some(window) = window.filter(|_| submitted) {
            self.set_target_window(Some(window), now)?;
        }
        Ok(versions::take_snapshot(
            self.folder(),
            &self.portfolio,
            label,
            submitted,
            now,
        )?)
    }

    pub fn snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        Ok(versions::list_snapshots(self.folder())?)
    }

    /// What changed in the working portfolio since snapshot `id`.
    pub fn changes_since(&self, id: &str) -> Result<Comparison> {
        let then = versions::load_snapshot(self.folder(), id)?;
        Ok(versions::compare(&self.framework, &then, &self.portfolio))
    }

    /// The newest snapshot marked submitted, the usual one to compare with.
    pub fn last_submitted(&self) -> Result<Option<SnapshotInfo>> {
        Ok(self.snapshots()?.into_iter().find(|s| s.submitted))
    }

    pub fn assessment_stage(&self) -> AssessmentStage {
        assessment::stage(&self.framework, &self.portfolio)
    }

    /// Records an assessment's outcome and feedback; without a snapshot named, it is taken
    /// to be of the last version marked submitted.
    pub fn record_assessment(
        &mut self,
        mut recorded: Assessment,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        if recorded.snapshot_id.is_none() {
            recorded.snapshot_id = self.last_submitted()?.map(|s| s.id);
        }
        assessment::record(&self.framework, &mut self.portfolio, recorded).map_err(invalid)?;
        self.save(now)
    }

    /// Sets or clears the date of the award held, which the review of practice counts from.
    pub fn set_accredited_on(
        &mut self,
        date: Option<String>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let date = date.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
        if let Some(text) = &date
            && crate::dates::parse_iso_date(text).is_none()
        {
            return Err(SessionError::Invalid(format!(
                "\"{text}\" is not a date. Use the form 2026-11-23."
            )));
        }
        self.portfolio.accredited_on = date;
        self.save(now)
    }

    pub fn plan_upgrade(&self, to: PathwayId) -> Result<UpgradePlan> {
        upgrade::plan(&self.framework, &self.portfolio, to).map_err(invalid)
    }

    /// Moves up to pathway `to`, first keeping a snapshot of the portfolio as it was.
    pub fn upgrade(&mut self, to: PathwayId, now: OffsetDateTime) -> Result<OpenedPortfolio> {
        let plan = self.plan_upgrade(to)?;
        let label = format!("Before the upgrade to {}", plan.to_name);
        versions::take_snapshot(self.folder(), &self.portfolio, &label, false, now)?;
        upgrade::apply(&self.framework, &mut self.portfolio, to).map_err(invalid)?;
        self.save(now)?;
        Ok(self.view())
    }

    pub fn review_status(&self, today: time::Date) -> ReviewStatus {
        review::status(&self.framework, &self.portfolio, today)
    }

    pub fn start_review(&mut self, now: OffsetDateTime) -> Result<ReviewStatus> {
        review::start(&mut self.portfolio, now.date()).map_err(invalid)?;
        self.save(now)?;
        Ok(self.review_status(now.date()))
    }

    pub fn save_review(&mut self, patch: ReviewPatch, now: OffsetDateTime) -> Result<Saved> {
        review::update(&mut self.portfolio, patch).map_err(invalid)?;
        self.save(now)
    }
}
