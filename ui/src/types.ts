// The shapes that cross the bridge between the Rust core and this UI.
// They mirror the serde types in src-tauri/core (framework.rs, model.rs, outline.rs, store.rs).

export type PathwayId = "associate" | "cmalt" | "senior";
export type Requirement = "required" | "optional";
export type SectionKind = "statement" | "assessed" | "specialist" | "advanced" | "confirmation" | "assessor";
export type AreaKindId = "specialist" | "advanced";

// ---- The framework (assets/framework.json), read-only ----

export interface WordRange {
  min: number;
  max: number;
}

export interface Principle {
  id: number;
  title: string;
  short: string;
}

export interface AreaCount {
  min: number;
  /** null: no upper limit */
  max: number | null;
}

export interface Pathway {
  id: PathwayId;
  name: string;
  summary: string;
  who_for: string;
  specialist_areas: AreaCount;
  advanced_areas: AreaCount;
  /** the pathways a holder of this award can move up to, keeping the portfolio */
  upgrades_to: PathwayId[];
}

export interface Group {
  id: string;
  title: string;
  /** "1".."4" for the core areas, null otherwise */
  number: string | null;
  core_area: boolean;
  summary: string;
}

export interface Topic {
  label: string;
  hint: string;
  examples: string[];
}

export interface Guidance {
  guidance: string;
  description_prompts: string[];
  reflection_prompts: string[];
  must_show: string[];
  topic: Topic | null;
}

export interface Section extends Guidance {
  id: string;
  number: string | null;
  title: string;
  group: string;
  kind: SectionKind;
  assessed: boolean;
  /** pathway id -> requirement; a pathway missing here does not include the section */
  pathways: Partial<Record<PathwayId, Requirement>>;
  words: WordRange | null;
}

export interface AreaKind extends Guidance {
  group: string;
  title_prefix: string;
  id_prefix: string;
  id_style: "letter" | "number";
}

export interface PartLabel {
  label: string;
  hint: string;
}

export type OutcomeId = "pass_with_distinction" | "pass" | "referral_minor" | "referral_major" | "fail";

/** What an assessment can conclude, and when each outcome can be given. */
export interface Outcome {
  id: OutcomeId;
  name: string;
  /** the award is made: the candidate is accredited from this date */
  awarded: boolean;
  /** the candidate revises and submits again */
  referral: boolean;
  first_submission: boolean;
  resubmission: boolean;
}

/** Prompts for the review of practice every few years. */
export interface ReviewGuidance {
  guidance: string;
  what_happened_prompts: string[];
  next_plans_prompts: string[];
}

export interface Framework {
  format_version: number;
  narrative_words: WordRange;
  evidence_file_limit_bytes: number;
  submission_limit_bytes: number;
  evidence_recent_years: number;
  outcomes: Outcome[];
  review_every_years: number;
  review: ReviewGuidance;
  declaration: string;
  principles: Principle[];
  pathways: Pathway[];
  groups: Group[];
  sections: Section[];
  area_kinds: Record<AreaKindId, AreaKind>;
  parts: { description: PartLabel; reflection: PartLabel; evidence: PartLabel };
}

// ---- The portfolio (portfolio.json) ----

export interface Candidate {
  name: string;
  role: string;
  organisation: string;
  context: string;
}

export interface PreviousAward {
  pathway: PathwayId;
  year: number | null;
}

export interface Citation {
  evidence_id: string;
  note: string;
}

export interface SectionEntry {
  /** the legislation/policy of 3a/3b, the topic of a specialist or advanced area */
  topic: string;
  /** for statement sections (context, future) this is the whole text */
  description: string;
  reflection: string;
  citations: Citation[];
  principles: number[];
}

export interface Confirmation {
  declaration_accepted: boolean;
  signed_name: string;
  /** "YYYY-MM-DD", or "" when not yet dated */
  date: string;
}

export interface NominatedAssessor {
  name: string;
  organisation: string;
  email: string;
  no_conflict_confirmed: boolean;
}

export interface Portfolio {
  schema_version: number;
  title: string;
  candidate: Candidate;
  pathway: PathwayId;
  previous_award: PreviousAward | null;
  sections: Record<string, SectionEntry>;
  confirmation: Confirmation;
  assessor: NominatedAssessor | null;
  evidence: EvidenceItem[];
  next_evidence_number: number;
  self_assessment: Record<string, SelfRating>;
  confirmations: CandidateConfirmations;
  /** the submission deadline aimed at, "YYYY-MM-DD" */
  target_window: string | null;
  /** every assessment recorded, oldest first */
  assessments: Assessment[];
  /** when the current pathway's award was made, "YYYY-MM-DD" */
  accredited_on: string | null;
  /** reviews of practice, oldest first */
  reviews: PracticeReview[];
  created_at: string;
  updated_at: string;
}

// ---- Derived views computed by the core ----

export type SectionStatus = "empty" | "in_progress" | "complete";

export interface OutlineEntry {
  id: string;
  title: string;
  number: string | null;
  kind: SectionKind;
  group: string;
  required: boolean;
  status: SectionStatus;
  topic: string;
  /** specialist/advanced areas beyond the pathway's minimum can be removed */
  removable: boolean;
}

export interface OutlineGroup {
  id: string;
  title: string;
  entries: OutlineEntry[];
}

export interface Outline {
  groups: OutlineGroup[];
  /** sections with text that the current pathway does not include: kept, shown read-only */
  kept_aside: OutlineEntry[];
  can_add: AreaKindId[];
  completed: number;
  total: number;
}

export interface OpenedPortfolio {
  folder: string;
  portfolio: Portfolio;
  outline: Outline;
  /** set when the portfolio was opened from a backup or something needs telling */
  notice: string | null;
}

export interface Saved {
  saved_at: string;
  outline: Outline;
}

export interface Preview {
  html: string;
  words: number;
}

export interface SectionRef {
  id: string;
  title: string;
  has_text: boolean;
}

export interface PathwayChange {
  from: PathwayId;
  to: PathwayId;
  appearing: SectionRef[];
  leaving: SectionRef[];
}

export interface RecentPortfolio {
  folder: string;
  title: string;
  pathway: PathwayId | null;
  candidate_name: string;
  updated_at: string | null;
  /** false when the folder is gone or unreadable */
  available: boolean;
}

export interface BackupInfo {
  file_name: string;
  saved_at: string;
  bytes: number;
}

/** Every command rejects with this shape. Branch on `code`, show `message`. */
export interface AppError {
  code:
    | "unreadable" // portfolio.json is corrupt/truncated; `backups` lists what can be restored
    | "newer_schema" // made by a newer version of the app
    | "locked" // open in another window or program
    | "not_found"
    | "exists"
    | "not_a_portfolio"
    | "io"
    | "invalid"
    | "no_portfolio_open"
    | "too_large" // an evidence file over 1 MB; see can_make_smaller and pending
    | "attach_refused" // any other refused file (empty, a folder, unreadable...)
    | "import_refused" // a draft or exported bundle that could not be opened (damaged, hostile, not a draft...)
    | "versions_refused" // a snapshot or backup that could not be read, copied or found
    | "export_refused"; // an export that could not be written (a file missing from evidence/, a disk error...)
  message: string;
  folder?: string;
  backups?: BackupInfo[];
  /** too_large: the file is an image the app can shrink */
  can_make_smaller?: boolean;
  /** too_large: a handle for makeSmallerCopy (the path stays in the backend) */
  pending?: string;
}

// ---- Requests ----

export interface NewPortfolioRequest {
  title: string;
  candidate_name: string;
  pathway: PathwayId;
  /** true: ask with a native folder dialog where to create it; false: the app's own data folder */
  choose_location: boolean;
}

export interface SectionPatch {
  section_id: string;
  topic?: string;
  description?: string;
  reflection?: string;
  principles?: number[];
}

export interface DetailsPatch {
  title: string;
  candidate: Candidate;
  previous_award: PreviousAward | null;
}

// ---- Evidence library (src-tauri/core/src/evidence.rs, session/evidence.rs) ----

export type EvidenceSource =
  | { type: "file"; original_name: string; stored_name: string; bytes: number; sha256: string; media_type: string }
  | { type: "link"; url: string }
  | { type: "missing_file"; original_name: string };

export interface EvidenceDetails {
  title: string;
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" when unknown */
  date: string;
  origin: string;
  what_it_shows: string;
  permission_confirmed: boolean;
  still_relevant_because: string;
}

/** Details are flattened into the item. */
export interface EvidenceItem extends EvidenceDetails {
  /** "E3": cited as `[E3]` in the text */
  id: string;
  number: number;
  source: EvidenceSource;
  added_at: string;
}

export interface LibraryRow {
  item: EvidenceItem;
  cited_in: string[];
  unused: boolean;
  needs_reason: boolean;
  kind_label: string;
}

export interface LibraryView {
  rows: LibraryRow[];
  total_bytes: number;
  file_limit_bytes: number;
  submission_limit_bytes: number;
  recent_years: number;
}

export interface AttachOutcome {
  item: EvidenceItem;
  already_attached: boolean;
  saved: Saved;
}

/** One file of a multi-file attach: either an outcome or the refusal for that file. */
export interface AttachReport {
  name: string;
  outcome: AttachOutcome | null;
  error: AppError | null;
}

export interface SmallerCopyPreview {
  /** pass back to attachSmallerCopy */
  pending: string;
  original_name: string;
  file_name: string;
  before_bytes: number;
  after_bytes: number;
  width: number;
  height: number;
  original_width: number;
  original_height: number;
  /** data: URL of the smaller copy, for the preview image */
  preview: string;
}

// ---- Checklist (src-tauri/core/src/checklist/, deadlines.rs) ----

export type CheckStatus = "empty" | "in_progress" | "complete" | "problem";
export type Severity = "error" | "warning";

export interface SectionCheck {
  id: string;
  number: string | null;
  title: string;
  required: boolean;
  status: CheckStatus;
  description_words: number;
  reflection_words: number;
  evidence_count: number;
}

export interface Problem {
  /** a section id, or null for the whole portfolio */
  section: string | null;
  /** an evidence item id ("E3") when the problem is about one item */
  evidence: string | null;
  severity: Severity;
  /** the rule, stable: branch on this, never on the message */
  code: string;
  message: string;
}

export interface PrincipleCoverage {
  id: number;
  title: string;
  sections: string[];
}

export interface Checklist {
  ready: boolean;
  pathway: PathwayId;
  sections: SectionCheck[];
  problems: Problem[];
  errors: number;
  warnings: number;
  completed: number;
  total: number;
  principles: PrincipleCoverage[];
}

export interface SubmissionWindow {
  /** "YYYY-MM-DD", the day the window closes */
  date: string;
  days_left: number;
}

export type Rating = "strong" | "adequate" | "revisions_required";

export interface SelfRating {
  rating: Rating | null;
  note: string;
}

export interface CandidateConfirmations {
  described_clearly: boolean;
  reflected: boolean;
  evidence_recent_and_succinct: boolean;
  principles_addressed: boolean;
  proofread: boolean;
}

// ---- Importing a draft (src-tauri/core/src/import/report.rs) ----

export interface ImportSectionReport {
  id: string;
  title: string;
  /** the heading as the draft wrote it */
  heading: string;
  line: number;
  /** false when the pathway leaves the section out: its text is kept aside */
  in_pathway: boolean;
  topic: string;
  description_words: number;
  reflection_words: number;
  words_placed: number;
  evidence_count: number;
  evidence_ids: string[];
}

export interface ImportNotPlaced {
  heading: string | null;
  line: number;
  reason: string;
  words: number;
  excerpt: string;
  text: string;
}

export interface ImportReport {
  source: string;
  kind: "markdown" | "docx";
  portfolio_folder: string;
  title: string;
  candidate: string;
  pathway: PathwayId;
  pathway_inferred: boolean;
  pathway_choice: "given" | "stated" | "inferred";
  pathway_reason: string;
  headings_recognised: number;
  nothing_recognised: boolean;
  sections: ImportSectionReport[];
  missing_required: string[];
  evidence: { items: number; files_attached: number; images_attached: number; links: number; missing: number; refused: number };
  not_placed: ImportNotPlaced[];
  not_placed_file: string | null;
  refused: { evidence_id: string; name: string; reason: string }[];
  missing_files: { evidence_id: string; name: string; sections: string[]; reason: string }[];
  notes: string[];
}

export interface ImportedDraft {
  opened: OpenedPortfolio;
  report: ImportReport;
}

// ---- Export (src-tauri/core/src/export/) ----

export type ExportFormat = "folder" | "zip" | "single_html";

export interface ExportOptions {
  format: ExportFormat;
  /** single page only: embed every attached file, not only the images */
  embed_all_files: boolean;
  /** replace an earlier export at the same place */
  replace: boolean;
}

export interface SizeItem {
  /** e.g. "E4 Quiz screenshot", "The portfolio page (index.html)" */
  name: string;
  bytes: number;
}

export interface SizeReport {
  format: ExportFormat;
  total_bytes: number;
  limit_bytes: number;
  within_limit: boolean;
  /** the largest parts, largest first (at most 5) */
  largest: SizeItem[];
  /** single page only: attached files listed but not inside it */
  left_out: SizeItem[];
}

export interface ExportOutcome {
  path: string;
  format: ExportFormat;
  sizes: SizeReport;
}

// ---- Versions: snapshots, assessments, upgrades, reviews, backups (src-tauri/core/src/versions/) ----

/** What the assessors said about one section. */
export interface SectionFeedback {
  /** "revisions_required" marks a section to revise (R) */
  rating: Rating | null;
  feedback: string;
}

/** The result of one assessment, as the candidate recorded it. */
export interface Assessment {
  outcome: OutcomeId;
  /** the pathway assessed; set by the backend */
  pathway: PathwayId;
  /** "YYYY-MM-DD" */
  received_on: string;
  /** the submitted snapshot assessed; the backend fills in the last submitted one when null */
  snapshot_id: string | null;
  overall_feedback: string;
  /** keyed by section id */
  sections: Record<string, SectionFeedback>;
}

export interface PracticeReview {
  /** "YYYY-MM-DD" */
  started_on: string;
  /** the future plans as they stood when the review started */
  plans_reviewed: string;
  what_happened: string;
  next_plans: string;
  /** "YYYY-MM-DD" once marked done */
  completed_on: string | null;
}

export interface SnapshotInfo {
  id: string;
  label: string;
  /** RFC 3339 */
  taken_at: string;
  /** the version sent to the assessors */
  submitted: boolean;
  pathway: PathwayId;
  /** a submitted version's submission window, "YYYY-MM-DD" */
  submission_window: string | null;
}

export interface AssessmentStage {
  /** the next result would be of a re-submission after a referral */
  resubmission: boolean;
  /** the outcomes that can be recorded now, in the framework's order */
  outcomes: OutcomeId[];
  latest: Assessment | null;
  /** sections the latest assessment marked R */
  to_revise: string[];
}

export interface ReviewStatus {
  accredited_on: string | null;
  /** "YYYY-MM-DD"; null until the award is dated */
  due_on: string | null;
  /** negative once overdue */
  days_left: number | null;
  /** the review under way */
  open: PracticeReview | null;
  completed: number;
}

export interface VersionsOverview {
  /** newest first */
  snapshots: SnapshotInfo[];
  stage: AssessmentStage;
  review: ReviewStatus;
  upgrades: PathwayId[];
}

export interface SnapshotRequest {
  label: string;
  submitted: boolean;
  /** the submission window, "YYYY-MM-DD", for a submitted version */
  window: string | null;
}

export interface SnapshotSection {
  id: string;
  title: string;
  /** rendered by the core from Markdown, sanitised */
  html: string;
}

export interface SnapshotView {
  info: SnapshotInfo;
  title: string;
  sections: SnapshotSection[];
}

export type ChangeStatus = "new" | "removed" | "changed" | "untouched";
export type ChunkKind = "equal" | "added" | "removed";

export interface Chunk {
  kind: ChunkKind;
  text: string;
}

export interface SectionChange {
  id: string;
  /** "2b" for a numbered section; null otherwise */
  number?: string | null;
  title: string;
  status: ChangeStatus;
  changed: boolean;
  words_added: number;
  words_removed: number;
  diff: Chunk[];
}

export interface Comparison {
  sections: SectionChange[];
}

/** A new portfolio made from a snapshot or a backup, listed among the recent portfolios. */
export interface RestoredCopy {
  folder: string;
  title: string;
}

export interface UpgradePlan {
  from: PathwayId;
  to: PathwayId;
  from_name: string;
  to_name: string;
  sections_added: SectionRef[];
  previous_award: PreviousAward;
}

export interface ReviewPatch {
  what_happened?: string;
  next_plans?: string;
  /** "YYYY-MM-DD" marks the review done */
  completed_on?: string;
}

export interface BackupVersion {
  file_name: string;
  saved_at: string;
  bytes: number;
  /** null when the backup cannot be read */
  title: string | null;
  words: number | null;
  sections_written: number | null;
}
