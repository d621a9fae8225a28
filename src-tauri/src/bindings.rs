//! The UI's TypeScript types, generated from the Rust types the commands take and return
//! (ts-rs, reading our serde attributes), into `ui/src/bindings.ts`. The UI imports them
//! from there, so a field renamed or added in Rust is a type error in the UI, not a silent
//! `undefined`. A test fails when the committed file is stale; `UPDATE_BINDINGS=1 cargo
//! test -p cmalt-portfolio bindings` writes it again.

#[cfg(test)]
mod tests {
    use cmalt_core as core;
    use ts_rs::{Config, TS};

    /// Every type that crosses the boundary, with what they refer to. A type missing here
    /// that another refers to makes the UI's type check fail, so the list cannot fall short.
    macro_rules! declarations {
        ($config:expr; $($type:ty),* $(,)?) => {
            vec![$(format!("export {}", <$type as TS>::decl($config))),*]
        };
    }

    fn bindings() -> String {
        // `number`, not `bigint`: serde_json writes sizes as plain JSON numbers.
        let config = Config::new().with_large_int("number");
        let config = &config;
        let declarations = declarations![config;
            // The framework (assets/framework.json).
            core::framework::PathwayId,
            core::framework::Requirement,
            core::framework::SectionKind,
            core::framework::AreaKindId,
            core::framework::WordRange,
            core::framework::Principle,
            core::framework::AreaCount,
            core::framework::Pathway,
            core::framework::Group,
            core::framework::Topic,
            core::framework::Guidance,
            core::framework::Section,
            core::framework::IdStyle,
            core::framework::AreaKind,
            core::framework::PartLabel,
            core::framework::Parts,
            core::framework::NarrativeWordsWarning,
            core::framework::ThinReflection,
            core::framework::OutcomeId,
            core::framework::Outcome,
            core::framework::ReviewGuidance,
            core::framework::SubmissionDeadline,
            core::framework::Framework,
            // The portfolio as saved.
            core::model::Candidate,
            core::model::PreviousAward,
            core::model::Citation,
            core::model::SectionEntry,
            core::model::Confirmation,
            core::model::NominatedAssessor,
            core::model::Rating,
            core::model::SelfRating,
            core::model::CandidateConfirmations,
            core::model::SectionFeedback,
            core::model::Assessment,
            core::model::PracticeReview,
            core::model::Portfolio,
            core::evidence::EvidenceSource,
            core::evidence::EvidenceDetails,
            core::evidence::EvidenceItem,
            core::evidence::EvidenceDate,
            // The open portfolio.
            core::outline::SectionStatus,
            core::outline::OutlineEntry,
            core::outline::OutlineGroup,
            core::outline::Outline,
            core::outline::SectionRef,
            core::outline::PathwayChange,
            core::session::OpenedPortfolio,
            core::session::Saved,
            core::session::SectionPatch,
            core::session::DetailsPatch,
            core::session::LinkRequest,
            core::session::AttachOutcome,
            core::session::LibraryRow,
            core::session::LibraryView,
            core::session::NotPlacedNote,
            core::markdown::Rendered,
            core::word_guide::WordsNote,
            core::recent::RecentPortfolio,
            // Writing: find and replace, spelling.
            core::find::TextPart,
            core::find::FindQuery,
            core::find::FoundExcerpt,
            core::find::PartMatches,
            core::find::FindResults,
            core::find::ReplaceOutcome,
            core::spelling::SpellingLanguage,
            crate::writing_commands::Replaced,
            crate::writing_commands::SpellingStatus,
            // The checklist.
            core::checklist::Checklist,
            core::checklist::SectionCheck,
            core::checklist::CheckStatus,
            core::checklist::Severity,
            core::checklist::ProblemCode,
            core::checklist::Problem,
            core::checklist::PrincipleCoverage,
            core::checklist::Fix,
            core::deadlines::Window,
            core::deadlines::Countdown,
            core::deadlines::SubmissionPlan,
            core::framework::Submissions,
            // Import and export.
            core::import::DraftKind,
            core::import::PathwayChoice,
            core::import::ImportReport,
            core::import::SectionReport,
            core::import::EvidenceTally,
            core::import::NotPlaced,
            core::import::RefusedItem,
            core::import::MissingFile,
            core::export::ExportFormat,
            core::export::ExportOptions,
            core::export::ExportOutcome,
            core::export::sizes::SizeItem,
            core::export::sizes::SizeReport,
            // Versions.
            core::versions::assessment::AssessmentStage,
            core::versions::BackupVersion,
            core::versions::SectionStatus,
            core::versions::ChunkKind,
            core::versions::Chunk,
            core::versions::Gap,
            core::versions::SectionChange,
            core::versions::Comparison,
            core::versions::review::ReviewStatus,
            core::versions::review::ReviewPatch,
            core::versions::SnapshotInfo,
            core::versions::SnapshotListing,
            core::versions::upgrade::UpgradePlan,
            // The window's own.
            crate::error::ErrorCode,
            crate::error::CommandError,
            crate::commands::AppInfo,
            crate::commands::NewPortfolioRequest,
            crate::commands::AddedArea,
            crate::evidence_commands::AttachReport,
            crate::evidence_commands::SmallerCopyPreview,
            crate::import_commands::ImportedDraft,
            crate::versions_commands::VersionsOverview,
            crate::versions_commands::SnapshotRequest,
            core::versions::SnapshotSection,
            core::versions::SnapshotView,
            crate::versions_commands::RestoredCopy,
            crate::events::EvidenceDropped,
            // Before you share.
            core::checklist::TextPlace,
            core::checklist::EvidenceField,
            core::model::AgreedFinding,
            core::model::AgreedKind,
            core::personal_data::PersonalDataKind,
            // A mentor's review.
            core::mentor_review::ReviewPart,
            core::mentor_review::CommentStatus,
            core::mentor_review::CommentReply,
            core::mentor_review::ReviewComment,
            core::mentor_review::SuggestionKind,
            core::mentor_review::SuggestionStatus,
            core::mentor_review::Suggestion,
            core::mentor_review::ReturnedFile,
            core::mentor_review::MentorReview,
            core::mentor_review::ReviewImport,
            core::mentor_review::ReviewSummary,
            core::mentor_review::wording::ReviewWords,
            core::mentor_review::wording::SuggestionWords,
            core::mentor_review::wording::CommentWords,
            core::session::SentReview,
            core::session::Decision,
            core::session::SuggestionDecision,
            crate::review_commands::ReviewSent,
            crate::review_commands::ReviewBrought,
            crate::review_commands::SuggestionsDecided,
            core::progress::Progress,
        ];
        let mut file = String::from(
            "// Generated from the Rust types by ts-rs (src-tauri/src/bindings.rs). Do not edit:\n// `UPDATE_BINDINGS=1 cargo test -p cmalt-portfolio bindings` writes it again.\n\n",
        );
        file.push_str(&declarations.join("\n\n"));
        file.push_str("\n\n/** The events the backend sends the window, by name. */\nexport const EVENTS = {\n");
        for (name, wire) in crate::events::ALL {
            file.push_str(&format!("  {name}: \"{wire}\",\n"));
        }
        file.push_str("} as const;\n");
        file
    }

    #[test]
    fn the_ui_bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
        let generated = bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/bindings.ts is stale: the Rust types changed. Run `UPDATE_BINDINGS=1 cargo test -p cmalt-portfolio bindings` and commit the file."
        );
    }
}
