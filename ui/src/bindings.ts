// Generated from the Rust types by ts-rs (src-tauri/src/bindings.rs). Do not edit:
// `UPDATE_BINDINGS=1 cargo test -p cmalt-portfolio bindings` writes it again.

export type PathwayId = "associate" | "cmalt" | "senior";

export type Requirement = "required" | "optional";

export type SectionKind = "statement" | "assessed" | "specialist" | "advanced" | "confirmation" | "assessor";

export type AreaKindId = "specialist" | "advanced";

export type WordRange = { min: number, max: number, };

export type Principle = { id: number, title: string, short: string, };

export type AreaCount = { min: number, 
/**
 * `None`: no upper limit.
 */
max: number | null, };

export type Pathway = { id: PathwayId, name: string, summary: string, who_for: string, specialist_areas: AreaCount, advanced_areas: AreaCount, 
/**
 * The pathways a holder of this award can move up to, keeping their portfolio.
 */
upgrades_to: Array<PathwayId>, };

export type Group = { id: string, title: string, number: string | null, core_area: boolean, summary: string, };

export type Topic = { label: string, hint: string, examples: Array<string>, };

export type Guidance = { guidance: string, description_prompts: Array<string>, reflection_prompts: Array<string>, must_show: Array<string>, topic: Topic | null, };

export type Section = { id: string, number: string | null, title: string, group: string, kind: SectionKind, assessed: boolean, 
/**
 * A pathway missing from the map does not include the section.
 */
pathways: { [key in PathwayId]?: Requirement }, words: WordRange | null, guidance: string, description_prompts: Array<string>, reflection_prompts: Array<string>, must_show: Array<string>, topic: Topic | null, };

export type IdStyle = "letter" | "number";

export type AreaKind = { group: string, title_prefix: string, id_prefix: string, id_style: IdStyle, guidance: string, description_prompts: Array<string>, reflection_prompts: Array<string>, must_show: Array<string>, topic: Topic | null, };

export type PartLabel = { label: string, hint: string, };

export type Parts = { description: PartLabel, reflection: PartLabel, evidence: PartLabel, 
/**
 * A section's reference list: kept with it, apart from the evidence.
 */
references: PartLabel, };

export type NarrativeWordsWarning = { 
/**
 * Warn below this percentage of the guide's minimum.
 */
below_percent_of_min: number, 
/**
 * Warn above this percentage of the guide's maximum.
 */
above_percent_of_max: number, 
/**
 * A section counts as complete only once its narrative reaches this percentage of the
 * guide's minimum: 209 words against 500-600 is a start, not a section.
 */
complete_from_percent_of_min: number, };

export type ThinReflection = { 
/**
 * Short descriptions are left alone: a brief example needs only brief reflection.
 */
from_description_words: number, 
/**
 * Warn when the Reflection is below this percentage of the Description's words.
 */
below_percent_of_description: number, };

export type OutcomeId = "pass_with_distinction" | "pass" | "referral_minor" | "referral_major" | "fail";

export type Outcome = { id: OutcomeId, name: string, 
/**
 * The award is made: the candidate is accredited from this date.
 */
awarded: boolean, 
/**
 * The candidate revises and submits again.
 */
referral: boolean, 
/**
 * Can be the outcome of a first submission.
 */
first_submission: boolean, 
/**
 * Can be the outcome of a re-submission after a referral.
 */
resubmission: boolean, };

export type ReviewGuidance = { guidance: string, what_happened_prompts: Array<string>, next_plans_prompts: Array<string>, };

export type SubmissionDeadline = { month: number, day: number, };

export type Framework = { format_version: number, narrative_words: WordRange, evidence_file_limit_bytes: number, submission_limit_bytes: number, evidence_recent_years: number, narrative_words_warning: NarrativeWordsWarning, thin_reflection: ThinReflection, submissions: Submissions, 
/**
 * What an assessment can conclude, and when each outcome can be given.
 */
outcomes: Array<Outcome>, 
/**
 * Accreditation is kept current by a review of practice this often.
 */
review_every_years: number, review: ReviewGuidance, declaration: string, principles: Array<Principle>, pathways: Array<Pathway>, groups: Array<Group>, sections: Array<Section>, area_kinds: { [key in AreaKindId]?: AreaKind }, parts: Parts, };

export type Candidate = { name: string, role: string, organisation: string, 
/**
 * Country and sector, e.g. "UK, further education".
 */
context: string, };

export type PreviousAward = { pathway: PathwayId, year: number | null, };

export type Citation = { evidence_id: string, note: string, };

export type SectionEntry = { 
/**
 * The legislation or policy of 3a/3b, the topic of a specialist or advanced area.
 */
topic: string, 
/**
 * The Description; for statement sections (context, future plans) the whole text.
 */
description: string, reflection: string, 
/**
 * The section's reference list (Markdown): works it draws on, kept apart from the
 * evidence, outside the word count and the evidence rules.
 */
references: string, citations: Array<Citation>, 
/**
 * Which of the four core principles this section demonstrates (1-4).
 */
principles: Array<number>, };

export type Confirmation = { declaration_accepted: boolean, signed_name: string, 
/**
 * "YYYY-MM-DD", or empty while undated.
 */
date: string, };

export type NominatedAssessor = { name: string, organisation: string, email: string, no_conflict_confirmed: boolean, 
/**
 * What an imported draft said about conflicts of interest, for the candidate to confirm.
 */
conflict_statement: string, };

export type Rating = "strong" | "adequate" | "revisions_required";

export type SelfRating = { rating: Rating | null, note: string, };

export type CandidateConfirmations = { described_clearly: boolean, reflected: boolean, evidence_recent_and_succinct: boolean, principles_addressed: boolean, proofread: boolean, };

export type SectionFeedback = { rating: Rating | null, feedback: string, };

export type Assessment = { outcome: OutcomeId, 
/**
 * The pathway assessed: an upgrade starts a new pathway's history.
 */
pathway: PathwayId, 
/**
 * When the result arrived, "YYYY-MM-DD".
 */
received_on: string, 
/**
 * The submitted snapshot this assessment is of, when there is one.
 */
snapshot_id: string | null, overall_feedback: string, 
/**
 * Keyed by section id.
 */
sections: { [key in string]: SectionFeedback }, };

export type PracticeReview = { 
/**
 * "YYYY-MM-DD".
 */
started_on: string, 
/**
 * The future plans as they stood when the review started: what is reviewed.
 */
plans_reviewed: string, 
/**
 * What came of those plans.
 */
what_happened: string, 
/**
 * Plans for the years until the next review.
 */
next_plans: string, 
/**
 * "YYYY-MM-DD" once the candidate marks the review done.
 */
completed_on: string | null, };

export type Portfolio = { schema_version: number, title: string, candidate: Candidate, pathway: PathwayId, previous_award: PreviousAward | null, 
/**
 * Keyed by section id (`context`, `1a`, `5c`, `advanced-2`, `future`...).
 */
sections: { [key in string]: SectionEntry }, confirmation: Confirmation, assessor: NominatedAssessor | null, 
/**
 * The evidence library, in the order items were added.
 */
evidence: Array<EvidenceItem>, 
/**
 * The number the next item gets (E1, E2...): numbers are never reused, so a
 * reference like `[E3]` in the text keeps meaning the same item.
 */
next_evidence_number: number, 
/**
 * Self-assessment per assessed section id.
 */
self_assessment: { [key in string]: SelfRating }, confirmations: CandidateConfirmations, 
/**
 * The date the candidate aims to submit by, "YYYY-MM-DD" (named from the years of
 * fixed submission windows; any date now that ALT takes portfolios all year).
 */
target_window: string | null, 
/**
 * When the candidate registered with ALT, "YYYY-MM-DD": the registration's end follows.
 */
registered_on?: string | null, 
/**
 * The language the text is spell-checked in ("en-GB"); none means the default.
 */
spelling_language?: string | null, 
/**
 * Every assessment recorded, oldest first.
 */
assessments: Array<Assessment>, 
/**
 * When the current pathway's award was made, "YYYY-MM-DD".
 */
accredited_on: string | null, 
/**
 * Reviews of practice, oldest first.
 */
reviews: Array<PracticeReview>, 
/**
 * Review copies sent to a mentor or colleague, and what came back, oldest first.
 */
mentor_reviews?: Array<MentorReview>, 
/**
 * "Before you share" findings the candidate has reviewed and agreed to keep. Not part
 * of an export's `portfolio.json`: the list can name what was agreed to, such as an
 * address later taken out of the text.
 */
share_check_agreed?: Array<AgreedFinding>, created_at: string, updated_at: string, };

export type EvidenceSource = { "type": "file", 
/**
 * The name the candidate's file had, for display (may hold any Unicode).
 */
original_name: string, 
/**
 * The name in `evidence/`: safe on every OS, unique by content.
 */
stored_name: string, bytes: number, 
/**
 * SHA-256 of the content, hex: the same file attached twice is one item.
 */
sha256: string, media_type: string, } | { "type": "link", url: string, } | { "type": "missing_file", original_name: string, };

export type EvidenceDetails = { title: string, 
/**
 * "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty while unknown.
 */
date: string, 
/**
 * Where it comes from: author, system, organisation.
 */
origin: string, 
/**
 * Why it is included: what it proves about the practice described.
 */
what_it_shows: string, 
/**
 * Anonymised, or the people in it have agreed to its use.
 */
permission_confirmed: boolean, 
/**
 * For items older than the recent-years window: why they still count.
 */
still_relevant_because: string, };

export type EvidenceItem = { 
/**
 * "E3": the stable reference used in citations and in the text as `[E3]`.
 */
id: string, number: number, source: EvidenceSource, added_at: string, title: string, 
/**
 * "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty while unknown.
 */
date: string, 
/**
 * Where it comes from: author, system, organisation.
 */
origin: string, 
/**
 * Why it is included: what it proves about the practice described.
 */
what_it_shows: string, 
/**
 * Anonymised, or the people in it have agreed to its use.
 */
permission_confirmed: boolean, 
/**
 * For items older than the recent-years window: why they still count.
 */
still_relevant_because: string, };

export type EvidenceDate = { 
/**
 * Empty, or a year, a month or a day the app understands (2023-02-29 is not one).
 */
understood: boolean, 
/**
 * "2024", "May 2024", "3 May 2024"; the text as written when it is not understood.
 */
text: string, 
/**
 * Older than the recent-years window, so the item needs a reason it still counts.
 */
needs_reason: boolean, };

export type SectionStatus = "empty" | "in_progress" | "complete";

export type OutlineEntry = { id: string, title: string, number: string | null, kind: SectionKind, 
/**
 * Written as a Description and a Reflection (assessed sections and areas), as opposed
 * to one statement or a form: the editor, the principles and the self-assessment ask.
 */
two_parts: boolean, group: string, required: boolean, status: SectionStatus, topic: string, 
/**
 * Only the last area of a kind, beyond the pathway's minimum, can be removed, so
 * the others keep their numbers.
 */
removable: boolean, };

export type OutlineGroup = { id: string, title: string, entries: Array<OutlineEntry>, };

export type Outline = { groups: Array<OutlineGroup>, 
/**
 * Sections with text that the current pathway leaves out: kept, and back if it returns.
 */
kept_aside: Array<OutlineEntry>, can_add: Array<AreaKindId>, completed: number, total: number, };

export type SectionRef = { id: string, title: string, has_text: boolean, };

export type PathwayChange = { from: PathwayId, to: PathwayId, appearing: Array<SectionRef>, leaving: Array<SectionRef>, };

export type OpenedPortfolio = { folder: string, portfolio: Portfolio, outline: Outline, notice: string | null, 
/**
 * How the reviews' comments and suggestions are worded beside the sections.
 */
review_words: ReviewWords, };

export type Saved = { saved_at: string, outline: Outline, };

export type SectionPatch = { section_id: string, topic?: string, description?: string, reflection?: string, principles?: Array<number>, 
/**
 * The section's reference list (Markdown).
 */
references?: string, };

export type DetailsPatch = { title: string, candidate: Candidate, previous_award: PreviousAward | null, 
/**
 * A language code from `spelling::languages()`; absent leaves the choice as it is.
 */
spelling_language?: string, };

export type LinkRequest = { url: string, title: string, };

export type AttachOutcome = { item: EvidenceItem, 
/**
 * True when the same content was already in the library: no new item was made.
 */
already_attached: boolean, 
/**
 * What was taken out of a photo on the way in ("where it was taken", …); empty when
 * there was nothing personal in it, or it is not a photo.
 */
metadata_removed: Array<string>, saved: Saved, };

export type LibraryRow = { item: EvidenceItem, 
/**
 * Section ids citing it, in framework order.
 */
cited_in: Array<string>, unused: boolean, 
/**
 * Dated more than the recent-years window ago, with no reason given.
 */
needs_reason: boolean, 
/**
 * "PDF", "PNG image", "Link"...
 */
kind_label: string, 
/**
 * A file's size, "250 KB"; none for links and missing files.
 */
size: string | null, 
/**
 * Its date as shown ("May 2024"), and whether the app understands it.
 */
date: EvidenceDate, };

export type LibraryView = { rows: Array<LibraryRow>, total_bytes: number, file_limit_bytes: number, submission_limit_bytes: number, recent_years: number, 
/**
 * The sizes above in words: "3.2 MB", "1 MB", "10 MB".
 */
total: string, file_limit: string, submission_limit: string, 
/**
 * How far the total is over the submission limit, "1.5 MB"; none within it.
 */
over_by: string | null, };

export type NotPlacedNote = { text: string, words: number, };

export type Preview = { 
/**
 * Sanitised HTML: no script, no event handler, no `javascript:` or `data:` link.
 */
html: string, 
/**
 * Words of the visible text, by Unicode word boundaries; Markdown syntax not counted.
 */
words: number, };

export type WordsNote = { 
/**
 * The words counted: Description and Reflection together, or a statement's text.
 */
total: number, 
/**
 * The guide (two-part sections) or the range asked for (statements such as future plans).
 */
range: WordRange, 
/**
 * True for a statement's required range, false for a guide.
 */
required: boolean, 
/**
 * The count is within the range.
 */
within: boolean, 
/**
 * A gentle note, or "" when nothing needs saying.
 */
text: string, };

export type RecentPortfolio = { folder: string, title: string, pathway: PathwayId | null, candidate_name: string, 
/**
 * "Last saved today at 14:05", or why it cannot be opened as it is.
 */
saved: string, available: boolean, 
/**
 * "Aiming for 13 March 2027 · 102 days to go", when it has a target date.
 */
aiming: string | null, };

export type TextPart = "topic" | "description" | "reflection" | "references";

export type FindQuery = { text: string, match_case: boolean, };

export type FoundExcerpt = { before: string, matched: string, after: string, };

export type PartMatches = { section: string, 
/**
 * "1a Operational issues", as the sidebar names it.
 */
section_label: string, part: TextPart, 
/**
 * "Description", "Reflection", …: the part as the page heads it.
 */
part_label: string, count: number, excerpts: Array<FoundExcerpt>, };

export type FindResults = { total: number, parts: Array<PartMatches>, 
/**
 * One sentence for the panel: "12 matches in 4 sections", "No matches".
 */
summary: string, };

export type ReplaceOutcome = { replaced: number, 
/**
 * Matches that touch formatting marks or escapes, left for the candidate to change.
 */
left: number, sections_changed: Array<string>, summary: string, };

export type SpellingLanguage = { 
/**
 * BCP 47, as HTML's `lang` takes it: "en-GB".
 */
code: string, 
/**
 * As the candidate picks it: "English (United Kingdom)".
 */
name: string, 
/**
 * The hunspell/enchant dictionary name: "en_GB".
 */
dictionary: string, 
/**
 * The Debian package that holds the dictionary, for the "not installed" hint.
 */
package: string, };

export type Replaced = { outcome: ReplaceOutcome, 
/**
 * The portfolio after the replace, for the window to show.
 */
opened: OpenedPortfolio, };

export type SpellingStatus = { language: SpellingLanguage, languages: Array<SpellingLanguage>, 
/**
 * Why words are not underlined, when the dictionary is missing.
 */
note: string | null, };

export type Checklist = { 
/**
 * No errors: the portfolio can be submitted (warnings are advice).
 */
ready: boolean, pathway: PathwayId, 
/**
 * Every section the pathway shows, in the outline's order.
 */
sections: Array<SectionCheck>, 
/**
 * Section problems in outline order, then those of the whole portfolio.
 */
problems: Array<Problem>, errors: number, warnings: number, 
/**
 * Required sections that are complete and have no error, for a progress figure.
 */
completed: number, total: number, principles: Array<PrincipleCoverage>, };

export type SectionCheck = { id: string, number: string | null, title: string, required: boolean, status: CheckStatus, 
/**
 * For statement sections (context, future plans) the words of the whole text.
 */
description_words: number, reflection_words: number, 
/**
 * Distinct evidence items the section cites that exist in the library.
 */
evidence_count: number, };

export type CheckStatus = "empty" | "in_progress" | "complete" | "problem";

export type Severity = "error" | "warning";

export type ProblemCode = "missing_section" | "missing_description" | "missing_reflection" | "missing_evidence" | "missing_topic" | "topic_suggested" | "unknown_citation" | "words_out_of_range" | "too_few_areas" | "too_many_areas" | "declaration_not_accepted" | "declaration_not_signed" | "declaration_not_dated" | "assessor_missing_name" | "assessor_missing_organisation" | "assessor_invalid_email" | "assessor_conflict_not_confirmed" | "assessor_conflict_suggested" | "evidence_missing_what_it_shows" | "evidence_old_without_reason" | "evidence_link_missing_url" | "evidence_file_missing" | "evidence_on_website" | "evidence_permission_not_confirmed" | "evidence_not_cited" | "principle_not_addressed" | "principle_suggested" | "narrative_far_from_guide" | "thin_reflection" | "unknown_evidence_reference" | "confirmation_not_ticked" | "image_location_data" | "personal_data_in_text" | "personal_data_in_evidence" | "link_needs_sign_in" | "link_malformed" | "link_broken" | "link_redirected" | "proprietary_format" | "image_without_text_alternative";

export type Problem = { 
/**
 * A stable id for a "before you share" finding (a short hash of its code, its place and
 * the text found), by which the window and `check --redact ID` refer to it; `None` for
 * the checklist's own problems.
 */
id: string | null, 
/**
 * The section id, or `None` for the portfolio as a whole.
 */
section: string | null, 
/**
 * The evidence item the problem is about (`E4`), if any.
 */
evidence: string | null, 
/**
 * For a grouped problem, every evidence item it is about, in library order (the one
 * item of an ungrouped problem too).
 */
items: Array<string>, severity: Severity, code: ProblemCode, 
/**
 * Plain words for the candidate: what is wrong and what to do about it.
 */
message: string, 
/**
 * What one click does about it, when the app can do it for the candidate.
 */
fix: Fix | null, 
/**
 * The passage a "before you share" finding is about, with a little text either side.
 */
passage: FoundExcerpt | null, 
/**
 * Marking the finding as reviewed and fine to share ("this is my own address"), when
 * the candidate may decide so: it is not reported again.
 */
agree: Fix | null, };

export type PrincipleCoverage = { id: number, title: string, 
/**
 * Sections with writing in them that are tagged with this principle, in outline order.
 */
sections: Array<string>, };

export type Fix = { "kind": "use_topic", section: string, topic: string, 
/**
 * The button's words: "Use “Equality Act 2010”".
 */
label: string, } | { "kind": "tag_principle", principle: number, sections: Array<string>, label: string, } | { "kind": "confirm_permission", items: Array<string>, label: string, } | { "kind": "confirm_no_conflict", label: string, } | { "kind": "redact", place: TextPlace, personal_data: PersonalDataKind, 
/**
 * The passage as found.
 */
text: string, 
/**
 * "[email address]", "[learner]", … (`PersonalDataKind::replacement`).
 */
replacement: string, label: string, } | { "kind": "agree_finding", agreed: AgreedFinding, label: string, } | { "kind": "clean_image_metadata", items: Array<string>, label: string, };

export type SubmissionWindow = { 
/**
 * The closing day, serialised as "YYYY-MM-DD".
 */
date: string, 
/**
 * Whole days from today to the closing day: 0 on the day itself.
 */
days_left: number, };

export type Countdown = { 
/**
 * "YYYY-MM-DD".
 */
date: string, 
/**
 * "13 March 2027".
 */
long: string, 
/**
 * Whole days from today: 0 on the day, negative once it has passed.
 */
days_left: number, 
/**
 * "102 days to go", "1 day to go", "today", "3 days ago".
 */
days_text: string, };

export type SubmissionPlan = { open_all_year: boolean, 
/**
 * How submitting works, in a sentence or two.
 */
how: string, 
/**
 * The next closing days, when the data sets any.
 */
windows: Array<Countdown>, 
/**
 * The date the candidate aims for, if set.
 */
target: Countdown | null, 
/**
 * The target in a line for the top bar: "Aiming for 13 March 2027 · 102 days to go".
 */
aiming: string | null, 
/**
 * When the candidate registered with ALT ("YYYY-MM-DD"), if entered.
 */
registered_on: string | null, 
/**
 * The last day the registration covers, from `registered_on`.
 */
registration_ends: Countdown | null, registration_valid_years: number, 
/**
 * A word of warning about the dates, if one is due: a target after the registration
 * ends, or a target that has passed.
 */
warning: string | null, };

export type Submissions = { open_all_year: boolean, 
/**
 * "YYYY-MM-DD".
 */
open_all_year_since: string, 
/**
 * How submitting works, in our words, for the Ready page and the start screen.
 */
how: string, 
/**
 * A registration lasts this long: the portfolio is submitted within it.
 */
registration_valid_years: number, 
/**
 * Closing days, the same every year; none when portfolios are taken all year.
 */
windows: Array<SubmissionDeadline>, };

export type DraftKind = "markdown" | "docx";

export type PathwayChoice = "given" | "stated" | "inferred";

export type ImportReport = { 
/**
 * The draft's file name.
 */
source: string, kind: DraftKind, 
/**
 * The new portfolio's folder.
 */
portfolio_folder: string, title: string, candidate: string, pathway: PathwayId, 
/**
 * True when the pathway was worked out from the sections, not given or stated.
 */
pathway_inferred: boolean, pathway_choice: PathwayChoice, pathway_reason: string, headings_recognised: number, 
/**
 * No heading named a section: everything is in `not_placed`.
 */
nothing_recognised: boolean, 
/**
 * In the order the draft has them.
 */
sections: Array<ImportSectionReport>, 
/**
 * Sections the pathway requires that the draft did not have.
 */
missing_required: Array<string>, evidence: EvidenceTally, 
/**
 * Text kept aside, in the order of the draft.
 */
not_placed: Array<ImportNotPlaced>, 
/**
 * `not-placed.md` in the portfolio folder, when there was text to keep aside.
 */
not_placed_file: string | null, 
/**
 * Items whose file was not attached because a rule refused it (e.g. over 1 MB).
 */
refused: Array<RefusedItem>, 
/**
 * Items whose file was not found (or that name no file or link).
 */
missing_files: Array<MissingFile>, notes: Array<string>, };

export type ImportSectionReport = { id: string, 
/**
 * The framework's title ("Specialist area 1").
 */
title: string, 
/**
 * The heading as the draft wrote it, and its line (in the Markdown made from a Word
 * document, for .docx drafts).
 */
heading: string, line: number, 
/**
 * False when the pathway leaves the section out: its text is kept aside in the app.
 */
in_pathway: boolean, topic: string, description_words: number, reflection_words: number, 
/**
 * All the words the section took: description, reflection, topic, and for the
 * confirmation and assessor the words read into their fields.
 */
words_placed: number, evidence_count: number, evidence_ids: Array<string>, 
/**
 * Works in the section's reference list, kept apart from its evidence.
 */
references: number, };

export type EvidenceTally = { items: number, files_attached: number, images_attached: number, links: number, missing: number, refused: number, };

export type ImportNotPlaced = { heading: string | null, line: number, 
/**
 * Why it was not placed ("before the first section").
 */
reason: string, words: number, 
/**
 * The start of the text, on one line.
 */
excerpt: string, 
/**
 * The whole text, as written.
 */
text: string, };

export type RefusedItem = { evidence_id: string, name: string, 
/**
 * The same message the window gives when attaching the file by hand.
 */
reason: string, };

export type MissingFile = { evidence_id: string, 
/**
 * The file name as the draft wrote it (the item's title when it names none).
 */
name: string, sections: Array<string>, reason: string, };

export type ExportFormat = "folder" | "zip" | "single_html" | "pdf" | "docx";

export type ExportOptions = { format: ExportFormat, 
/**
 * Single page only: embed every attached file as a download, not only the images.
 */
embed_all_files: boolean, 
/**
 * Replace an earlier export at the target; without it an existing target is refused.
 */
replace: boolean, };

export type ExportOutcome = { path: string, format: ExportFormat, sizes: SizeReport, };

export type SizeItem = { 
/**
 * What a candidate would call it: "E4 Quiz screenshot", "The portfolio page (index.html)".
 */
name: string, bytes: number, 
/**
 * "250 KB", in the scheme's decimal units.
 */
size: string, };

export type SizeReport = { format: ExportFormat, 
/**
 * The one file or zip; for a folder, all its files together.
 */
total_bytes: number, limit_bytes: number, within_limit: boolean, 
/**
 * The largest parts, largest first, at most `LARGEST_SHOWN`; in a zip, as compressed.
 */
largest: Array<SizeItem>, 
/**
 * Single page only: attached files listed in it but not inside it.
 */
left_out: Array<SizeItem>, 
/**
 * "2.4 MB of the 10 MB limit" or "12 MB, 2 MB over the 10 MB limit".
 */
summary: string, 
/**
 * "10 MB".
 */
limit: string, };

export type AssessmentStage = { 
/**
 * The next result would be of a re-submission after a referral.
 */
resubmission: boolean, 
/**
 * The outcomes that can be recorded now, in the framework's order.
 */
outcomes: Array<OutcomeId>, 
/**
 * The latest assessment of this pathway, whose feedback is shown while revising.
 */
latest: Assessment | null, 
/**
 * Sections the latest assessment marked R (revisions required), in id order.
 */
to_revise: Array<string>, };

export type BackupVersion = { file_name: string, saved_at: string, 
/**
 * "today at 14:05", as a list of recent saves reads.
 */
saved_when: string, 
/**
 * "1 December 2026 at 14:05:09": two backups can be a few seconds apart.
 */
saved_time: string, bytes: number, 
/**
 * "12 KB".
 */
size: string, 
/**
 * What it held; `None` when the backup cannot be read.
 */
title: string | null, words: number | null, sections_written: number | null, };

export type ChangeStatus = "new" | "removed" | "changed" | "untouched";

export type ChunkKind = "equal" | "added" | "removed";

export type Chunk = { kind: ChunkKind, text: string, 
/**
 * A long unchanged stretch as it is shown: its words next to the changes, around "…".
 * The comparison in the window and the summary of revisions in an export both show it.
 */
gap?: Gap, };

export type Gap = { head: string, tail: string, };

export type SectionChange = { id: string, 
/**
 * The section's number as the scheme gives it ("2b"), for listed sections.
 */
number: string | null, title: string, status: ChangeStatus, changed: boolean, words_added: number, words_removed: number, diff: Array<Chunk>, };

export type Comparison = { sections: Array<SectionChange>, };

export type ReviewStatus = { accredited_on: string | null, 
/**
 * "YYYY-MM-DD"; none until the award is dated.
 */
due_on: string | null, 
/**
 * Negative once overdue.
 */
days_left: number | null, 
/**
 * "Your review of practice is due on 1 June 2029 (912 days).", as the window says it.
 */
due_text: string | null, 
/**
 * The review under way, if any: the last one, not yet finished.
 */
open: PracticeReview | null, completed: number, };

export type ReviewPatch = { what_happened?: string, next_plans?: string, 
/**
 * "YYYY-MM-DD" marks the review finished.
 */
completed_on?: string, };

export type SnapshotInfo = { id: string, label: string, taken_at: string, 
/**
 * This is the version sent to the assessors.
 */
submitted: boolean, pathway: PathwayId, 
/**
 * For a submitted version: the submission window it was sent for, "YYYY-MM-DD".
 */
submission_window: string | null, };

export type SnapshotListing = { 
/**
 * "Sent for assessment, kept 31 January 2027 at 14:05"; an unlabelled one is
 * "Snapshot" or "Submitted version".
 */
name: string, 
/**
 * "31 January 2027 at 14:05".
 */
kept: string, id: string, label: string, taken_at: string, 
/**
 * This is the version sent to the assessors.
 */
submitted: boolean, pathway: PathwayId, 
/**
 * For a submitted version: the submission window it was sent for, "YYYY-MM-DD".
 */
submission_window: string | null, };

export type UpgradePlan = { from: PathwayId, to: PathwayId, from_name: string, to_name: string, 
/**
 * Sections the new pathway adds to the sidebar, to be written.
 */
sections_added: Array<SectionRef>, 
/**
 * The award recorded as held, from the accreditation date when there is one.
 */
previous_award: PreviousAward, };

export type ErrorCode = "unreadable" | "exists" | "too_large" | "no_portfolio_open" | "refused";

export type AppError = { code: ErrorCode, message: string, folder?: string, backups?: Array<BackupVersion>, 
/**
 * too_large: the file is an image the app can make a smaller copy of.
 */
can_make_smaller?: boolean, 
/**
 * too_large: the handle of the file held in the backend, for "make a smaller copy".
 */
pending?: string, };

export type AppInfo = { name: string, version: string, data_folder: string, };

export type NewPortfolioRequest = { title: string, candidate_name: string, pathway: PathwayId, choose_location: boolean, };

export type AddedArea = { opened: OpenedPortfolio, section_id: string, };

export type AttachReport = { name: string, outcome: AttachOutcome | null, error: AppError | null, };

export type SmallerCopyPreview = { pending: string, original_name: string, file_name: string, before_bytes: number, after_bytes: number, 
/**
 * The two sizes in words, "2.4 MB" and "640 KB".
 */
before_size: string, after_size: string, width: number, height: number, original_width: number, original_height: number, preview: string, };

export type ImportedDraft = { opened: OpenedPortfolio, report: ImportReport, };

export type VersionsOverview = { snapshots: Array<SnapshotListing>, stage: AssessmentStage, review: ReviewStatus, upgrades: Array<PathwayId>, };

export type SnapshotRequest = { label: string, submitted: boolean, 
/**
 * The submission window a submitted version was sent for, "YYYY-MM-DD".
 */
window: string | null, };

export type SnapshotSection = { id: string, 
/**
 * "2b An understanding of…": the number the scheme gives it, then its title.
 */
heading: string, 
/**
 * Sanitised HTML, as in the export.
 */
html: string, };

export type SnapshotView = { info: SnapshotListing, title: string, sections: Array<SnapshotSection>, };

export type RestoredCopy = { folder: string, title: string, };

export type EvidenceDropped = { names: Array<string>, };

export type TextPlace = { "in": "section", section: string, part: TextPart, } | { "in": "evidence", evidence: string, field: EvidenceField, };

export type EvidenceField = "title" | "origin" | "what_it_shows" | "still_relevant_because";

export type AgreedFinding = { kind: AgreedKind, 
/**
 * The text as it was found: the address, the number, the link, the file's name.
 */
text: string, };

export type AgreedKind = "email" | "phone" | "postcode" | "student_id" | "learner_name" | "link" | "format" | "unread_file";

export type PersonalDataKind = "email" | "phone" | "postcode" | "student_id" | "learner_name";

export type ReviewPart = "topic" | "description" | "reflection" | "evidence" | "references";

export type CommentStatus = "open" | "resolved";

export type CommentReply = { author: string, 
/**
 * As the file or the app dated it (RFC 3339), empty when the file gave none.
 */
date: string, text: string, 
/**
 * Written in the app by the candidate, not read from a returned file.
 */
by_candidate: boolean, };

export type ReviewComment = { 
/**
 * "c1", "c2"... within its review; never reused.
 */
id: string, 
/**
 * The section the comment is beside; `None` when it is on the title page or on text
 * that belongs to no section.
 */
section: string | null, part: ReviewPart | null, author: string, date: string, text: string, 
/**
 * The passage the comment is attached to, as the returned file shows it.
 */
quote: string, replies: Array<CommentReply>, status: CommentStatus, };

export type SuggestionKind = "insert" | "delete" | "replace";

export type SuggestionStatus = "open" | "accepted" | "rejected" | "no_longer_applies";

export type Suggestion = { 
/**
 * "s1", "s2"... within its review; never reused.
 */
id: string, section: string | null, part: ReviewPart | null, author: string, date: string, kind: SuggestionKind, 
/**
 * The words inserted, or for a deletion the words deleted.
 */
text: string, 
/**
 * For a replacement, the words it replaces.
 */
replaces?: string | null, 
/**
 * The candidate's words just before and after the passage, to find it again.
 */
before: string, after: string, 
/**
 * A tracked change; false for an edit found by comparison with the copy sent.
 */
tracked: boolean, status: SuggestionStatus, };

export type ReturnedFile = { file_name: string, 
/**
 * SHA-256 of the file, hex.
 */
sha256: string, imported_at: string, };

export type MentorReview = { 
/**
 * "review-1", "review-2"...
 */
id: string, 
/**
 * Whom the copy was for; may be empty.
 */
reviewer: string, sent_at: string, 
/**
 * The snapshot taken when the copy was made: the text the returned file is compared to.
 */
snapshot_id: string, 
/**
 * The reference written into the copy, which ties a returned file to this review.
 */
copy_reference: string, returned: Array<ReturnedFile>, comments: Array<ReviewComment>, suggestions: Array<Suggestion>, };

export type ReviewImport = { review_id: string, reviewer: string, file_name: string, 
/**
 * This very file was read before: nothing was added.
 */
already_imported: boolean, 
/**
 * The bookmarks were gone, so everything was placed by the section headings.
 */
placed_by_headings: boolean, 
/**
 * Every comment and suggestion of this file, with the ids the review keeps them under.
 */
comments: Array<ReviewComment>, suggestions: Array<Suggestion>, 
/**
 * How many of them were not in the review before.
 */
new_comments: number, new_suggestions: number, notes: Array<string>, 
/**
 * What the window says once the file is read (`wording::brought_back_notice`).
 */
notice: string, };

export type ReviewSummary = { review_id: string, reviewer: string, 
/**
 * "YYYY-MM-DD".
 */
sent_on: string, snapshot_id: string, returned: boolean, comments: number, comments_open: number, suggestions: number, suggestions_open: number, 
/**
 * Suggestions whose passage has changed since, still to read and clear.
 */
suggestions_no_longer_applying: number, 
/**
 * "Dr Mentor, sent 3 December 2026".
 */
heading: string, 
/**
 * "2 of 3 comments open · 4 of 6 suggestions to decide", or that it is not back yet.
 */
progress: string, };

export type ReviewWords = { suggestions: Array<SuggestionWords>, comments: Array<CommentWords>, };

export type SuggestionWords = { review_id: string, suggestion_id: string, 
/**
 * "Suggests changing · Dr Mentor, 3 December 2026", and whether it was tracked.
 */
heading: string, 
/**
 * The candidate's words it takes out (struck through); empty for an insertion.
 */
removed: string, 
/**
 * The words it puts in (underlined); empty for a deletion.
 */
added: string, 
/**
 * "Accepted", "Rejected", or why it no longer applies; `None` while it is open.
 */
status: string | null, };

export type CommentWords = { review_id: string, comment_id: string, byline: string, 
/**
 * In the order of the comment's replies.
 */
reply_bylines: Array<string>, };

export type SentReview = { review: MentorReview, snapshot: SnapshotInfo, file: string, bytes: number, 
/**
 * What the window says once the copy is written.
 */
notice: string, };

export type Decision = "accept" | "reject";

export type SuggestionDecision = { suggestion_id: string, status: SuggestionStatus, 
/**
 * The words of the suggestion, to show beside "no longer applies".
 */
text: string, };

export type ReviewSent = { sent: SentReview, opened: OpenedPortfolio, };

export type ReviewBrought = { report: ReviewImport, opened: OpenedPortfolio, };

export type SuggestionsDecided = { decisions: Array<SuggestionDecision>, 
/**
 * "Accepted 3 suggestions.", in the core's words.
 */
notice: string, opened: OpenedPortfolio, };

export type Progress = { 
/**
 * Steps done so far, out of `total`.
 */
done: number, total: number, message: string, };

/** The events the backend sends the window, by name. */
export const EVENTS = {
  evidenceDropped: "evidence-dropped",
  openRequested: "open-requested",
  workProgress: "work-progress",
} as const;
