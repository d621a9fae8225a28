//! Moving up a pathway (Associate CMALT to CMALT, CMALT to Senior CMALT) with the same
//! portfolio: every word stays, the new pathway's sections appear, and the award held so far
//! is recorded so the contextual statement's guidance can ask how the portfolio grew.

use crate::framework::{Framework, PathwayId};
use crate::model::{Portfolio, PreviousAward};
use crate::outline::{self, SectionRef};
use serde::Serialize;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UpgradeError {
    #[error("{from} cannot be upgraded to {to}. {hint}")]
    NotAnUpgrade {
        from: String,
        to: String,
        hint: String,
    },
}

/// What an upgrade will do, shown before the candidate confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct UpgradePlan {
    pub from: PathwayId,
    pub to: PathwayId,
    pub from_name: String,
    pub to_name: String,
    /// Sections the new pathway adds to the sidebar, to be written.
    pub sections_added: Vec<SectionRef>,
    /// The award recorded as held, from the accreditation date when there is one.
    pub previous_award: PreviousAward,
}

/// The pathways the portfolio's current one can be upgraded to.
pub fn upgrades_from(framework: &Framework, portfolio: &Portfolio) -> Vec<PathwayId> {
    framework.pathway(portfolio.pathway).upgrades_to.clone()
}

pub fn plan(
    framework: &Framework,
    portfolio: &Portfolio,
    to: PathwayId,
) -> Result<UpgradePlan, UpgradeError> {
    let from = framework.pathway(portfolio.pathway);
    if !from.upgrades_to.contains(&to) {
        let hint = match from.upgrades_to.as_slice() {
            [] => format!("{} is the highest award.", from.name),
            next => format!(
                "From {} the next step is {}.",
                from.name,
                next.iter()
                    .map(|p| framework.pathway(*p).name.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        return Err(UpgradeError::NotAnUpgrade {
            from: from.name.clone(),
            to: framework.pathway(to).name.clone(),
            hint,
        });
    }
    let change = outline::pathway_change(framework, portfolio, to);
    let year = portfolio
        .accredited_on
        .as_deref()
        .and_then(crate::dates::parse_iso_date)
        .and_then(|date| u16::try_from(date.year()).ok());
    Ok(UpgradePlan {
        from: from.id,
        to,
        from_name: from.name.clone(),
        to_name: framework.pathway(to).name.clone(),
        sections_added: change.appearing,
        previous_award: PreviousAward {
            pathway: from.id,
            year,
        },
    })
}

/// Upgrades the portfolio in memory. Text is never touched; the accreditation date belongs
/// to the award now held, so the new pathway starts without one.
pub fn apply(
    framework: &Framework,
    portfolio: &mut Portfolio,
    to: PathwayId,
) -> Result<UpgradePlan, UpgradeError> {
    let plan = plan(framework, portfolio, to)?;
    portfolio.previous_award = Some(plan.previous_award.clone());
    portfolio.pathway = to;
    portfolio.accredited_on = None;
    // The candidate's own ticks were about the earlier submission.
    portfolio.confirmations = Default::default();
    Ok(plan)
}
