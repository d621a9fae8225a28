// Thin typed wrappers over the Rust commands (src-tauri/src/commands.rs).
// Every call rejects with an AppError ({ code, message }).
import { invoke } from "@tauri-apps/api/core";
import { EVENTS } from "./bindings";
import type {
  AppError,
  AppInfo,
  AreaKindId,
  Assessment,
  AttachOutcome,
  AttachReport,
  BackupVersion,
  CandidateConfirmations,
  Checklist,
  Citation,
  Comparison,
  Confirmation,
  Decision,
  DetailsPatch,
  EvidenceDate,
  EvidenceDetails,
  EvidenceDropped,
  ExportFormat,
  ExportOptions,
  ExportOutcome,
  FindQuery,
  FindResults,
  Fix,
  Framework,
  ImportedDraft,
  LibraryView,
  NewPortfolioRequest,
  NominatedAssessor,
  NotPlacedNote,
  OpenedPortfolio,
  PathwayChange,
  PathwayId,
  Preview,
  Problem,
  RecentPortfolio,
  Replaced,
  RestoredCopy,
  ReviewBrought,
  ReviewPatch,
  ReviewSent,
  ReviewSummary,
  Saved,
  SectionPatch,
  SelfRating,
  SizeReport,
  SmallerCopyPreview,
  SnapshotListing,
  SnapshotRequest,
  SnapshotView,
  SpellingStatus,
  SubmissionPlan,
  SuggestionsDecided,
  UpgradePlan,
  VersionsOverview,
  WordsNote,
} from "./types";

export const api = {
  appInfo: () => invoke<AppInfo>("app_info"),
  framework: () => invoke<Framework>("framework"),
  recentPortfolios: () => invoke<RecentPortfolio[]>("recent_portfolios"),
  forgetRecent: (folder: string) => invoke<void>("forget_recent", { folder }),
  createPortfolio: (request: NewPortfolioRequest) => invoke<OpenedPortfolio | null>("create_portfolio", { request }),
  /** native folder dialog; null when the candidate cancels */
  openPortfolioDialog: () => invoke<OpenedPortfolio | null>("open_portfolio_dialog"),
  openRecent: (folder: string) => invoke<OpenedPortfolio>("open_recent", { folder }),
  /** the folder named on the command line or by "Open with", once; null when none was */
  openRequestedPortfolio: () => invoke<OpenedPortfolio | null>("open_requested_portfolio"),
  /** after an "unreadable" error: keep the bad file aside and open the newest good backup */
  restoreNewestBackup: (folder: string) => invoke<OpenedPortfolio>("restore_newest_backup", { folder }),
  closePortfolio: () => invoke<void>("close_portfolio"),
  current: () => invoke<OpenedPortfolio | null>("current_portfolio"),
  saveSection: (patch: SectionPatch) => invoke<Saved>("save_section", { patch }),
  saveDetails: (patch: DetailsPatch) => invoke<Saved>("save_details", { patch }),
  saveConfirmation: (confirmation: Confirmation) => invoke<Saved>("save_confirmation", { confirmation }),
  saveAssessor: (assessor: NominatedAssessor | null) => invoke<Saved>("save_assessor", { assessor }),
  previewMarkdown: (markdown: string) => invoke<Preview>("preview_markdown", { markdown }),
  /** the note under a section's word count, from the same thresholds as the checklist */
  wordsNote: (sectionId: string, descriptionWords: number, reflectionWords: number) =>
    invoke<WordsNote | null>("words_note", { sectionId, descriptionWords, reflectionWords }),
  previewPathwayChange: (pathway: PathwayId) => invoke<PathwayChange>("preview_pathway_change", { pathway }),
  changePathway: (pathway: PathwayId) => invoke<OpenedPortfolio>("change_pathway", { pathway }),
  addArea: (kind: AreaKindId) => invoke<{ opened: OpenedPortfolio; section_id: string }>("add_area", { kind }),
  removeArea: (sectionId: string) => invoke<OpenedPortfolio>("remove_area", { sectionId }),

  // Evidence library. After a change, refresh with current() and evidenceLibrary().
  evidenceLibrary: () => invoke<LibraryView>("evidence_library"),
  /** native multi-file dialog; one report per chosen file; [] when cancelled */
  attachFilesDialog: (sections: string[]) => invoke<AttachReport[]>("attach_files_dialog", { sections }),
  /** attaches the files last dropped on the window (see the "evidence-dropped" event) */
  attachDropped: (sections: string[]) => invoke<AttachReport[]>("attach_dropped", { sections }),
  makeSmallerCopy: (pending: string) => invoke<SmallerCopyPreview>("make_smaller_copy", { pending }),
  attachSmallerCopy: (pending: string, title: string, sections: string[]) =>
    invoke<AttachOutcome>("attach_smaller_copy", { pending, title, sections }),
  attachLink: (url: string, title: string, sections: string[]) => invoke<AttachOutcome>("attach_link", { link: { url, title }, sections }),
  saveEvidenceDetails: (evidenceId: string, details: EvidenceDetails) => invoke<Saved>("save_evidence_details", { evidenceId, details }),
  /** native dialog; null when cancelled */
  replaceEvidenceFile: (evidenceId: string) => invoke<Saved | null>("replace_evidence_file", { evidenceId }),
  removeEvidence: (evidenceId: string) => invoke<Saved>("remove_evidence", { evidenceId }),
  cite: (sectionId: string, evidenceId: string) => invoke<Saved>("cite", { sectionId, evidenceId }),
  uncite: (sectionId: string, evidenceId: string) => invoke<Saved>("uncite", { sectionId, evidenceId }),
  setCitations: (sectionId: string, citations: Citation[]) => invoke<Saved>("set_citations", { sectionId, citations }),
  /** opens the file with the system's default app, or the link in the browser */
  openEvidence: (evidenceId: string) => invoke<void>("open_evidence", { evidenceId }),
  /** how an evidence date reads and whether it needs a reason, as the core judges it */
  describeEvidenceDate: (date: string) => invoke<EvidenceDate>("describe_evidence_date", { date }),
  /** opens a web or e-mail link in the system's browser or mail app, never in the window */
  openWebLink: (address: string) => invoke<void>("open_web_link", { address }),
  /** a picture pasted into a section's text, as evidence cited there; bytes checked by the core */
  attachPastedImage: (sectionId: string, bytes: number[]) => invoke<AttachOutcome>("attach_pasted_image", { sectionId, bytes }),
  findInPortfolio: (query: FindQuery) => invoke<FindResults>("find_in_portfolio", { query }),
  replaceInPortfolio: (query: FindQuery, replacement: string, sectionId: string | null) =>
    invoke<Replaced>("replace_in_portfolio", { query, replacement, sectionId }),
  /** turns spelling on in the open portfolio's language (British English by default) */
  useSpelling: () => invoke<SpellingStatus>("use_spelling"),

  // Checklist: recompute after saves (it is cheap) to keep statuses and problems live.
  checklist: () => invoke<Checklist>("checklist"),
  /** applies a one-click fix the checklist offers; refused when the checklist no longer offers it */
  applyChecklistFix: (fix: Fix) => invoke<Saved>("apply_checklist_fix", { fix }),
  /** how and when to submit, with the target and registration counted down; works with no portfolio open */
  submissionPlan: () => invoke<SubmissionPlan>("submission_plan"),
  saveConfirmations: (confirmations: CandidateConfirmations) => invoke<Saved>("save_confirmations", { confirmations }),
  /** null clears the rating */
  saveSelfRating: (sectionId: string, rating: SelfRating | null) => invoke<Saved>("save_self_rating", { sectionId, rating }),
  /** "YYYY-MM-DD"; null clears it */
  setTargetDate: (date: string | null) => invoke<Saved>("set_target_date", { date }),
  /** when the candidate registered with ALT, "YYYY-MM-DD"; null clears it */
  setRegisteredOn: (date: string | null) => invoke<Saved>("set_registered_on", { date }),

  // Importing a Markdown or Word draft as a new portfolio (opened at once).
  /** native dialog; null when cancelled; pathway null = as the draft says or inferred */
  importDraftDialog: (pathway: PathwayId | null) => invoke<ImportedDraft | null>("import_draft_dialog", { pathway }),
  /** the text an import could not place, while it is still waiting; null when none */
  notPlacedNote: () => invoke<NotPlacedNote | null>("not_placed_note"),
  /** keeps the note in the portfolio's backups and hides it */
  setAsideNotPlaced: () => invoke<void>("set_aside_not_placed"),

  // Export and reopening an export.
  /** the size report without writing anything (before exporting) */
  /** `revisionsSince`: a snapshot id, to add a summary of revisions since that version */
  exportEstimate: (options: ExportOptions, revisionsSince: string | null = null) =>
    invoke<SizeReport>("export_estimate", revisionsSince ? { options, revisionsSince } : { options }),
  /** native dialog for the destination, then the export; null when cancelled */
  exportPortfolio: (options: ExportOptions, revisionsSince: string | null = null) =>
    invoke<ExportOutcome | null>("export_portfolio", revisionsSince ? { options, revisionsSince } : { options }),
  /** opens the last export (a folder's index.html, or the file) with the system's app */
  openLastExport: () => invoke<void>("open_last_export"),
  /** shows the last export in the file manager */
  revealLastExport: () => invoke<void>("reveal_last_export"),
  /** opens the portfolio as one page in the browser, whose Print dialog saves a PDF; returns its path */
  printPortfolio: () => invoke<string>("print_portfolio"),
  /** native dialog for an exported .zip (or index.html / portfolio.json in an exported folder); opens it as a new portfolio; null when cancelled */
  openBundleDialog: () => invoke<OpenedPortfolio | null>("open_bundle_dialog"),

  // Versions: snapshots, the outcome of an assessment, upgrading, the review of practice, backups.
  /** everything the Versions page shows: snapshots (newest first), assessment stage, review, upgrades */
  versionsOverview: () => invoke<VersionsOverview>("versions_overview"),
  takeSnapshot: (request: SnapshotRequest) => invoke<SnapshotListing>("take_snapshot", { request }),
  viewSnapshot: (id: string) => invoke<SnapshotView>("view_snapshot", { id }),
  /** what changed in the working portfolio since snapshot `id` */
  compareWithSnapshot: (id: string) => invoke<Comparison>("compare_with_snapshot", { id }),
  /** a new portfolio made from the snapshot; the working one is not touched */
  restoreSnapshotCopy: (id: string) => invoke<RestoredCopy>("restore_snapshot_copy", { id }),
  /** native dialog for the destination, then the export of the snapshot as it was; null when cancelled */
  exportSnapshot: (id: string, format: ExportFormat) => invoke<ExportOutcome | null>("export_snapshot", { id, format }),
  recordAssessment: (assessment: Assessment) => invoke<OpenedPortfolio>("record_assessment", { assessment }),
  /** null clears it */
  setAccreditedOn: (date: string | null) => invoke<OpenedPortfolio>("set_accredited_on", { date }),
  planUpgrade: (to: PathwayId) => invoke<UpgradePlan>("plan_upgrade", { to }),
  /** keeps a snapshot first, then moves up; every word is kept */
  upgradePathway: (to: PathwayId) => invoke<OpenedPortfolio>("upgrade_pathway", { to }),
  startReview: () => invoke<OpenedPortfolio>("start_review"),
  saveReview: (patch: ReviewPatch) => invoke<Saved>("save_review", { patch }),
  /** newest first */
  listBackups: () => invoke<BackupVersion[]>("list_backups"),
  // Before you share: the core's share check (reads evidence files, so not with every keystroke).
  beforeSharing: () => invoke<Problem[]>("before_sharing"),
  /** Tries every web link on the internet; only when the candidate asks. */
  checkLinksOnline: () => invoke<Problem[]>("check_links_online"),
  // A mentor's review, round trip through Word.
  mentorReviews: () => invoke<ReviewSummary[]>("mentor_reviews"),
  /** Asks where to save the review copy; null when cancelled. */
  sendForReview: (reviewer: string) => invoke<ReviewSent | null>("send_for_review", { reviewer }),
  /** Asks for the returned file; null when cancelled. */
  bringReviewBack: () => invoke<ReviewBrought | null>("bring_review_back"),
  replyToReviewComment: (review: string, comment: string, text: string) =>
    invoke<OpenedPortfolio>("reply_to_review_comment", { review, comment, text }),
  resolveReviewComment: (review: string, comment: string, resolved: boolean) =>
    invoke<OpenedPortfolio>("resolve_review_comment", { review, comment, resolved }),
  /** One suggestion, or with `suggestion` null every one of the review still open. */
  decideSuggestions: (review: string, suggestion: string | null, decision: Decision) =>
    invoke<SuggestionsDecided>("decide_suggestions", { review, suggestion, decision }),
  restoreBackupCopy: (fileName: string) => invoke<RestoredCopy>("restore_backup_copy", { fileName }),
};

/** Emitted when files are dropped on the window; the paths stay in the backend. */
export const EVIDENCE_DROPPED_EVENT = EVENTS.evidenceDropped;
/** A second launch named a folder: ask for it with `openRequestedPortfolio`. */
export const OPEN_REQUESTED_EVENT = EVENTS.openRequested;
/** How far opening an exported portfolio has got (a `Progress`). */
export const WORK_PROGRESS_EVENT = EVENTS.workProgress;
export type EvidenceDroppedPayload = EvidenceDropped;

export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** A message a candidate can read, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
