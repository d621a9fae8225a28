//! An open portfolio being edited: every change is applied to the portfolio in memory and
//! saved at once. If a save fails the change stays in memory, so the next save carries it.

use crate::dates::parse_iso_date;
use crate::find::{FindQuery, FindResults, ReplaceOutcome};
use crate::framework::{AreaKindId, Framework, PathwayId};
use crate::model::{
    Candidate, CandidateConfirmations, Confirmation, NominatedAssessor, Portfolio, PreviousAward,
    SelfRating,
};
use crate::outline::{self, Outline, PathwayChange};
use crate::share_check::EvidenceTextCache;
use crate::store::{PortfolioFolder, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

mod evidence;
mod fixes;
mod mentor_review;
pub use mentor_review::{Decision, DecisionOutcome, SentReview, SuggestionDecision};
mod not_placed;
mod share_fixes;
pub use not_placed::NotPlacedNote;
mod versions;
pub use evidence::{AttachOutcome, LibraryRow, LibraryView, LinkRequest, OpenTarget, check_link};

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The UI asked for a section the framework does not know.
    #[error("There is no section called \"{0}\" in this portfolio.")]
    UnknownSection(String),
    /// A value the candidate entered cannot be used as it is.
    #[error("{0}")]
    Invalid(String),
    /// A file could not be attached; the portfolio is unchanged.
    #[error(transparent)]
    Attach(#[from] crate::evidence::files::AttachError),
    #[error("There is no evidence item {0} in this portfolio.")]
    UnknownEvidence(String),
    /// A snapshot could not be taken, read or compared; the portfolio is unchanged.
    #[error(transparent)]
    Versions(#[from] crate::versions::VersionsError),
    /// A review copy could not be made, or a returned one read; the portfolio is unchanged.
    #[error(transparent)]
    MentorReview(#[from] crate::mentor_review::MentorReviewError),
}

pub type Result<T> = std::result::Result<T, SessionError>;

/// Changes to one section; fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct SectionPatch {
    pub section_id: String,
    #[ts(optional)]
    pub topic: Option<String>,
    #[ts(optional)]
    pub description: Option<String>,
    #[ts(optional)]
    pub reflection: Option<String>,
    #[ts(optional)]
    pub principles: Option<BTreeSet<u8>>,
    /// The section's reference list (Markdown).
    #[ts(optional)]
    pub references: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct DetailsPatch {
    pub title: String,
    pub candidate: Candidate,
    pub previous_award: Option<PreviousAward>,
    /// A language code from `spelling::languages()`; absent leaves the choice as it is.
    #[serde(default)]
    #[ts(optional)]
    pub spelling_language: Option<String>,
}

/// Everything the window needs to show an open portfolio.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OpenedPortfolio {
    pub folder: String,
    pub portfolio: Portfolio,
    pub outline: Outline,
    pub notice: Option<String>,
    /// How the reviews' comments and suggestions are worded beside the sections.
    pub review_words: crate::mentor_review::wording::ReviewWords,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Saved {
    pub saved_at: String,
    pub outline: Outline,
}

#[derive(Debug)]
pub struct Session {
    framework: Arc<Framework>,
    folder: PortfolioFolder,
    portfolio: Portfolio,
    notice: Option<String>,
    /// What the share check has read out of the evidence files, by content hash.
    share_cache: EvidenceTextCache,
}

impl Session {
    pub fn create(
        framework: Arc<Framework>,
        folder: &Path,
        portfolio: Portfolio,
    ) -> Result<Session> {
        let opened = PortfolioFolder::create(folder, &portfolio)?;
        Ok(Session {
            framework,
            folder: opened,
            portfolio,
            notice: None,
            share_cache: EvidenceTextCache::new(),
        })
    }

    pub fn open(framework: Arc<Framework>, folder: &Path) -> Result<Session> {
        let (opened, portfolio) = PortfolioFolder::open(folder)?;
        Ok(Session {
            framework,
            folder: opened,
            portfolio,
            notice: None,
            share_cache: EvidenceTextCache::new(),
        })
    }

    pub fn restore_newest_backup(
        framework: Arc<Framework>,
        folder: &Path,
        now: OffsetDateTime,
    ) -> Result<Session> {
        let (opened, portfolio) = PortfolioFolder::restore_newest_backup(folder, now)?;
        let saved = portfolio.updated_at.format(&Rfc3339).unwrap_or_default();
        Ok(Session {
            framework,
            folder: opened,
            portfolio,
            notice: Some(format!(
                "This is the newest good backup, saved at {saved}. The file that could not be read was kept in the portfolio folder with \"unreadable\" in its name."
            )),
            share_cache: EvidenceTextCache::new(),
        })
    }

    pub fn portfolio(&self) -> &Portfolio {
        &self.portfolio
    }

    pub fn folder(&self) -> &Path {
        self.folder.path()
    }

    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    pub fn view(&self) -> OpenedPortfolio {
        OpenedPortfolio {
            folder: self.folder.path().to_string_lossy().into_owned(),
            portfolio: self.portfolio.clone(),
            outline: self.outline(),
            notice: self.notice.clone(),
            review_words: crate::mentor_review::wording::review_words(
                &self.portfolio.mentor_reviews,
            ),
        }
    }

    pub fn outline(&self) -> Outline {
        outline::outline(&self.framework, &self.portfolio)
    }

    pub(crate) fn save(&mut self, now: OffsetDateTime) -> Result<Saved> {
        self.portfolio.updated_at = now.replace_nanosecond(0).unwrap_or(now);
        self.folder.save(&self.portfolio)?;
        Ok(Saved {
            saved_at: self
                .portfolio
                .updated_at
                .format(&Rfc3339)
                .unwrap_or_default(),
            outline: self.outline(),
        })
    }

    /// Saves again what is in memory, e.g. after a failed save once the disk has room.
    pub fn save_now(&mut self, now: OffsetDateTime) -> Result<Saved> {
        self.save(now)
    }

    pub fn save_section(&mut self, patch: SectionPatch, now: OffsetDateTime) -> Result<Saved> {
        if self.framework.section(&patch.section_id).is_none() {
            return Err(SessionError::UnknownSection(patch.section_id));
        }
        if let Some(principles) = &patch.principles {
            let known = 1..=self.framework.principles.len() as u8;
            if let Some(bad) = principles.iter().find(|p| !known.contains(p)) {
                return Err(SessionError::Invalid(format!(
                    "There is no core principle {bad}."
                )));
            }
        }
        let entry = self.portfolio.section_mut(&patch.section_id);
        if let Some(topic) = patch.topic {
            entry.topic = topic;
        }
        if let Some(description) = patch.description {
            entry.description = description;
        }
        if let Some(reflection) = patch.reflection {
            entry.reflection = reflection;
        }
        if let Some(principles) = patch.principles {
            entry.principles = principles;
        }
        if let Some(references) = patch.references {
            entry.references = references;
        }
        self.save(now)
    }

    /// Every match of `query` in the portfolio's text.
    pub fn find(&self, query: &FindQuery) -> FindResults {
        crate::find::find(&self.portfolio, &self.outline(), query)
    }

    /// Replaces every match, in one section or everywhere, as one save: on a failed save the
    /// portfolio in memory is as it was, and the disk too. Nothing replaced, nothing saved.
    pub fn replace_all(
        &mut self,
        query: &FindQuery,
        replacement: &str,
        only_section: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<ReplaceOutcome> {
        if let Some(id) = only_section
            && self.framework.section(id).is_none()
        {
            return Err(SessionError::UnknownSection(id.to_string()));
        }
        let before = self.portfolio.clone();
        let outcome =
            crate::find::replace_all(&mut self.portfolio, query, replacement, only_section);
        if outcome.replaced > 0
            && let Err(error) = self.save(now)
        {
            self.portfolio = before;
            return Err(error);
        }
        Ok(outcome)
    }

    pub fn save_details(&mut self, patch: DetailsPatch, now: OffsetDateTime) -> Result<Saved> {
        if let Some(code) = &patch.spelling_language
            && crate::spelling::language(code).is_none()
        {
            return Err(SessionError::Invalid(format!(
                "Spelling in \"{code}\" is not offered; please pick a language from the list."
            )));
        }
        self.portfolio.title = patch.title;
        self.portfolio.candidate = patch.candidate;
        self.portfolio.previous_award = patch.previous_award;
        if let Some(code) = patch.spelling_language {
            self.portfolio.spelling_language = Some(code);
        }
        self.save(now)
    }

    pub fn save_confirmation(
        &mut self,
        confirmation: Confirmation,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let date = confirmation.date.trim();
        if !date.is_empty() && parse_iso_date(date).is_none() {
            return Err(SessionError::Invalid(format!(
                "\"{date}\" is not a date. Please use the date picker, or write it as YYYY-MM-DD."
            )));
        }
        self.portfolio.confirmation = confirmation;
        self.save(now)
    }

    pub fn save_assessor(
        &mut self,
        assessor: Option<NominatedAssessor>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.portfolio.assessor = assessor;
        self.save(now)
    }

    /// The candidate's own ticks from the scheme's submission checklist.
    pub fn save_confirmations(
        &mut self,
        confirmations: CandidateConfirmations,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.portfolio.confirmations = confirmations;
        self.save(now)
    }

    /// A self-assessment of an assessed section; `None` clears it.
    pub fn save_self_rating(
        &mut self,
        section_id: &str,
        rating: Option<SelfRating>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        let assessed = self
            .framework
            .section(section_id)
            .is_some_and(|info| info.kind().has_description_and_reflection());
        if !assessed {
            return Err(SessionError::Invalid(format!(
                "Section {section_id} is not one the assessors rate."
            )));
        }
        match rating {
            Some(rating) => self
                .portfolio
                .self_assessment
                .insert(section_id.to_string(), rating),
            None => self.portfolio.self_assessment.remove(section_id),
        };
        self.save(now)
    }

    /// When the candidate registered with ALT ("YYYY-MM-DD"), or none.
    pub fn set_registered_on(
        &mut self,
        date: Option<String>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.portfolio.registered_on = real_date(date)?;
        self.save(now)
    }

    pub fn submission_plan(&self, today: time::Date) -> crate::deadlines::SubmissionPlan {
        crate::deadlines::submission_plan(&self.framework, Some(&self.portfolio), today)
    }

    /// The date the candidate aims to submit by ("YYYY-MM-DD"), or none.
    pub fn set_target_window(
        &mut self,
        date: Option<String>,
        now: OffsetDateTime,
    ) -> Result<Saved> {
        self.portfolio.target_window = real_date(date)?;
        self.save(now)
    }

    pub fn checklist(&self, today: time::Date) -> crate::checklist::Checklist {
        crate::checklist::check(&self.framework, &self.portfolio, today)
    }

    /// The "before you share" findings (`share_check`), reading each evidence file once per
    /// content for as long as the session is open.
    pub fn before_sharing(&mut self) -> Vec<crate::checklist::Problem> {
        crate::share_check::check_before_sharing(
            &self.framework,
            &self.portfolio,
            self.folder.path(),
            &mut self.share_cache,
        )
    }

    /// The checklist and the "before you share" findings together, for the Ready page.
    pub fn ready_report(&mut self, today: time::Date) -> crate::share_check::ReadyReport {
        crate::share_check::ReadyReport {
            checklist: self.checklist(today),
            before_sharing: self.before_sharing(),
        }
    }

    /// What the share check has read so far (how many files, for instance).
    pub fn share_cache(&self) -> &EvidenceTextCache {
        &self.share_cache
    }

    pub fn preview_pathway_change(&self, to: PathwayId) -> PathwayChange {
        outline::pathway_change(&self.framework, &self.portfolio, to)
    }

    /// Switches pathway. No text is deleted: sections that leave are kept aside.
    pub fn change_pathway(
        &mut self,
        to: PathwayId,
        now: OffsetDateTime,
    ) -> Result<OpenedPortfolio> {
        self.portfolio.pathway = to;
        self.save(now)?;
        Ok(self.view())
    }

    /// Adds the next specialist or advanced area and returns its id.
    pub fn add_area(&mut self, kind: AreaKindId, now: OffsetDateTime) -> Result<String> {
        let pathway = self.framework.pathway(self.portfolio.pathway);
        if pathway.area_count(kind).max == Some(0) {
            return Err(SessionError::Invalid(format!(
                "{} does not include {} areas.",
                pathway.name,
                self.framework.area_kind(kind).title_prefix.to_lowercase()
            )));
        }
        let id = outline::next_area_id(&self.framework, &self.portfolio, kind);
        self.portfolio.section_mut(&id);
        self.save(now)?;
        Ok(id)
    }

    /// Removes an added area and its text (the window asks the candidate first).
    pub fn remove_area(&mut self, id: &str, now: OffsetDateTime) -> Result<()> {
        if !outline::is_removable(&self.framework, &self.portfolio, id) {
            return Err(SessionError::Invalid(
                "This area cannot be removed: the pathway needs it, or a later area depends on its number.".into(),
            ));
        }
        self.portfolio.sections.remove(id);
        self.save(now)?;
        Ok(())
    }
}

/// `date` when it is a real "YYYY-MM-DD" day (or none), else the refusal the window shows.
fn real_date(date: Option<String>) -> Result<Option<String>> {
    match &date {
        Some(text) if parse_iso_date(text).is_none() => {
            Err(SessionError::Invalid(format!("\"{text}\" is not a date.")))
        }
        _ => Ok(date),
    }
}
