// A pretend checklist, shaped like the core's: section checks from the fixture outline, with problems
// that mark their sections "problem" when they are errors, as the core does.
import type { Checklist, CheckStatus, Countdown, PathwayId, Problem, ProblemCode, SectionStatus, SubmissionPlan } from "../types";
import { framework, outlineFor } from "./fixtures";

export function problem(code: ProblemCode, section: string | null, message: string, partial: Partial<Problem> = {}): Problem {
  const evidence = partial.evidence ?? null;
  return {
    id: null,
    code,
    section,
    evidence,
    items: evidence ? [evidence] : [],
    severity: "error",
    message,
    fix: null,
    passage: null,
    agree: null,
    ...partial,
  };
}

export interface ChecklistSpec {
  statuses?: Record<string, SectionStatus>;
  problems?: Problem[];
  /** principle id -> section ids that show it; every principle is shown in 1a unless told */
  principles?: Record<number, string[]>;
  counts?: Record<string, { description: number; reflection: number; evidence: number }>;
}

export function checklistFor(pathway: PathwayId, spec: ChecklistSpec = {}): Checklist {
  const outline = outlineFor(pathway, spec.statuses ?? {});
  const problems = spec.problems ?? [];
  const withError = new Set(problems.filter((p) => p.severity === "error" && p.section).map((p) => p.section));
  const sections = outline.groups
    .flatMap((g) => g.entries)
    .map((entry) => {
      const status: CheckStatus = withError.has(entry.id) ? "problem" : entry.status;
      const counts = spec.counts?.[entry.id];
      return {
        id: entry.id,
        number: entry.number,
        title: entry.title,
        required: entry.required,
        status,
        description_words: counts?.description ?? 0,
        reflection_words: counts?.reflection ?? 0,
        evidence_count: counts?.evidence ?? 0,
      };
    });
  const errors = problems.filter((p) => p.severity === "error").length;
  const required = sections.filter((s) => s.required);
  return {
    ready: errors === 0,
    pathway,
    sections,
    problems,
    errors,
    warnings: problems.length - errors,
    completed: required.filter((s) => s.status === "complete").length,
    total: required.length,
    principles: framework.principles.map((p) => ({ id: p.id, title: p.title, sections: spec.principles?.[p.id] ?? ["1a"] })),
  };
}

/** Dates as the core words them on the pretend "today", 23 November 2026. */
export const COUNTDOWNS: Record<string, Countdown> = {
  "2027-01-31": { date: "2027-01-31", long: "31 January 2027", days_left: 69, days_text: "69 days to go" },
  "2027-03-13": { date: "2027-03-13", long: "13 March 2027", days_left: 110, days_text: "110 days to go" },
  "2027-05-31": { date: "2027-05-31", long: "31 May 2027", days_left: 189, days_text: "189 days to go" },
  "2027-09-30": { date: "2027-09-30", long: "30 September 2027", days_left: 311, days_text: "311 days to go" },
  "2026-11-10": { date: "2026-11-10", long: "10 November 2026", days_left: -13, days_text: "13 days ago" },
  "2028-03-14": { date: "2028-03-14", long: "14 March 2028", days_left: 477, days_text: "477 days to go" },
};

/** When the registration of a known date ends (two years, to the day before). */
const REGISTRATION_ENDS: Record<string, string> = { "2026-03-15": "2028-03-14", "2024-11-11": "2026-11-10" };

/** Closing days, for a scheme (or cohort) that has them. */
export const WINDOWS = ["2027-01-31", "2027-05-31", "2027-09-30"];

const countdown = (date: string): Countdown => {
  const known = COUNTDOWNS[date];
  if (!known) throw new Error(`no pretend countdown for ${date}: add it to COUNTDOWNS`);
  return known;
};

/** The plan as the core would send it: all year round unless `windows` are given. */
export function planFor(
  target: string | null = null,
  registeredOn: string | null = null,
  windows: string[] = [],
  how = "ALT takes portfolios all year round, so you submit when your portfolio is ready.",
): SubmissionPlan {
  const ends = registeredOn ? REGISTRATION_ENDS[registeredOn] : null;
  return {
    open_all_year: windows.length === 0,
    how,
    windows: windows.map(countdown),
    target: target ? countdown(target) : null,
    aiming: target ? `Aiming for ${countdown(target).long} · ${countdown(target).days_text}` : null,
    registered_on: registeredOn,
    registration_ends: ends ? countdown(ends) : null,
    registration_valid_years: 2,
    warning: null,
  };
}
