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

export interface Framework {
  format_version: number;
  narrative_words: WordRange;
  evidence_file_limit_bytes: number;
  submission_limit_bytes: number;
  evidence_recent_years: number;
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
    | "no_portfolio_open";
  message: string;
  folder?: string;
  backups?: BackupInfo[];
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
