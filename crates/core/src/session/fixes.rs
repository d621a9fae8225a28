//! The checklist's one-click fixes, applied: a proposed topic filled in, a principle tagged
//! on the sections that show it, files confirmed as anonymised or used with permission.

use super::{Result, Saved, Session, SessionError};
use crate::checklist::Fix;
use time::OffsetDateTime;

impl Session {
    /// Applies `fix` if the checklist of `today` still offers it, in one save. A fix the
    /// checklist no longer proposes (the section changed since) is refused, unapplied.
    pub fn apply_fix(
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
            return Err(SessionError::Invalid(
                "That suggestion no longer applies: the portfolio has changed since the checklist made it. Look at the checklist again.".into(),
            ));
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
        }
        self.save(now)
    }
}
