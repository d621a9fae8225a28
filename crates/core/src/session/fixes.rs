//! The checklist's one-click fixes, applied: a proposed topic filled in, a principle tagged
//! on the sections that show it, files confirmed as anonymised or used with permission;
//! and those of the "before you share" check (see `share_fixes`).

use super::{Result, Saved, Session, SessionError};
use crate::checklist::Fix;
use time::OffsetDateTime;

const NO_LONGER_APPLIES: &str = "That suggestion no longer applies: the portfolio has changed since the checklist made it. Look at the checklist again.";

impl Session {
    /// Applies `fix` if the check that offers it (the checklist of `today`, or the "before
    /// you share" check) still does, in one save. A fix no longer proposed (the section
    /// changed since) is refused, unapplied.
    pub fn apply_fix(
        &mut self,
        fix: &Fix,
        today: time::Date,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        match fix {
            Fix::Redact { .. } | Fix::AgreeFinding { .. } | Fix::CleanImageMetadata { .. } => {
                self.apply_share_fix(fix, now)
            }
            _ => self.apply_checklist_fix(fix, today, now),
        }
    }

    fn apply_checklist_fix(
        &mut self,
        fix: &Fix,
        today: time::Date,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let offered = self
            .checklist(today)
            .problems
            .iter()
            .any(|problem| problem.fix.as_ref() == Some(fix));
        if !offered {
            return Err(no_longer_applies());
        }
        match fix {
            Fix::UseTopic { section, topic, .. } => {
                self.portfolio.section_mut(section).topic.clone_from(topic);
            }
            Fix::TagPrinciple {
                principle,
                sections,
                ..
            } => {
                for section in sections {
                    self.portfolio
                        .section_mut(section)
                        .principles
                        .insert(*principle);
                }
            }
            Fix::ConfirmNoConflict { .. } => {
                if let Some(assessor) = &mut self.portfolio.assessor {
                    assessor.no_conflict_confirmed = true;
                }
            }
            Fix::ConfirmPermission { items, .. } => {
                for item in &mut self.portfolio.evidence {
                    if items.contains(&item.id) {
                        item.details.permission_confirmed = true;
                    }
                }
            }
            // The checklist never offers these; `apply_fix` sends them to the share check.
            Fix::Redact { .. } | Fix::AgreeFinding { .. } | Fix::CleanImageMetadata { .. } => {
                return Err(no_longer_applies());
            }
        }
        self.save(now)
    }
}

pub(super) fn no_longer_applies() -> SessionError {
    SessionError::Invalid(NO_LONGER_APPLIES.into())
}
