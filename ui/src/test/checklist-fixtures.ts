// A pretend checklist, shaped like the core's: section checks from the fixture outline, with problems
// that mark their sections "problem" when they are errors, as the core does.
import type { Checklist, CheckStatus, PathwayId, Problem, ProblemCode, SectionStatus, SubmissionWindow } from "../types";
import { framework, outlineFor } from "./fixtures";

export function problem(code: ProblemCode, section: string | null, message: string, partial: Partial<Problem> = {}): Problem {
  return { code, section, evidence: null, severity: "error", message, ...partial };
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

export const windows: SubmissionWindow[] = [
  { date: "2027-01-31", days_left: 69 },
  { date: "2027-05-31", days_left: 189 },
  { date: "2027-09-30", days_left: 311 },
];
