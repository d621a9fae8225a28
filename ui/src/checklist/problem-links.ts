// Where each checklist problem is fixed: from its stable code, section and evidence item to a page,
// and the control on it to focus. Branches on `code` only, never on the wording of the message.
import { entryLabel, findEntry } from "../shell/framework-view";
import type { Destination } from "../shell/page";
import type { Outline, Problem } from "../types";

/** The control to focus on a section page, by problem code. */
const SECTION_FIELD: Record<string, string> = {
  missing_section: "description",
  missing_description: "description",
  words_out_of_range: "description",
  narrative_far_from_guide: "description",
  unknown_evidence_reference: "description",
  missing_reflection: "reflection",
  thin_reflection: "reflection",
  missing_topic: "topic",
  topic_suggested: "topic",
  missing_evidence: "evidence",
  unknown_citation: "evidence",
  declaration_not_accepted: "accept",
  declaration_not_signed: "name",
  declaration_not_dated: "date",
  assessor_missing_name: "name",
  assessor_missing_organisation: "organisation",
  assessor_invalid_email: "email",
  assessor_conflict_not_confirmed: "conflict",
};

/** The evidence library with one item highlighted: where an item's own problem is fixed. */
export function itemDestination(evidenceId: string): Destination {
  return { kind: "library", highlight: evidenceId };
}

/** The evidence items a problem is about (older cores sent only `evidence`). */
export function problemItems(problem: Problem): string[] {
  return problem.items?.length ? problem.items : problem.evidence ? [problem.evidence] : [];
}

/** The page (and control) that fixes a problem. */
export function destinationFor(problem: Problem, outline: Outline | null): Destination {
  if (problem.evidence) return itemDestination(problem.evidence);
  // A grouped problem about several items: the library, each item linked under the message.
  if (!problem.section && problemItems(problem).length > 1) return { kind: "library" };
  if (problem.code === "principle_not_addressed" || problem.code === "principle_suggested") return { kind: "principles" };
  if (problem.code === "confirmation_not_ticked") return { kind: "ready", field: "confirmations" };
  if (problem.section && outline && findEntry(outline, problem.section)) {
    // A passage the share check found: the part of the section it is in.
    const fix = problem.fix;
    const part = fix?.kind === "redact" && fix.place.in === "section" ? fix.place.part : undefined;
    return { kind: "section", id: problem.section, field: part ?? SECTION_FIELD[problem.code] };
  }
  if (problem.code === "too_few_areas" || problem.code === "too_many_areas") {
    // The areas live in the sidebar: open the first one still to write, else the first there is.
    const areas = (outline?.groups ?? []).flatMap((g) => g.entries).filter((e) => e.kind === "specialist" || e.kind === "advanced");
    const area = areas.find((e) => e.status !== "complete") ?? areas[0];
    if (area) return { kind: "section", id: area.id, field: problem.code === "too_few_areas" ? "description" : undefined };
  }
  return { kind: "details" };
}

/** What the link says it opens: "Open section 1a", "Open E3 in the evidence library". */
export function destinationText(destination: Destination, outline: Outline | null): string {
  switch (destination.kind) {
    case "library":
      return destination.highlight ? `Open ${destination.highlight} in the evidence library` : "Open the evidence library";
    case "principles":
      return "Open the core principles";
    case "ready":
      return "Go to your own checks";
    case "self-assessment":
      return "Open the self-assessment";
    case "details":
      return "Open Portfolio details";
    case "not-placed":
      return "Open the text not placed";
    case "export":
      return "Open Export and share";
    case "versions":
    case "snapshot":
    case "compare":
      return "Open Versions";
    case "review":
      return "Open the review of practice";
    case "reviews":
      return "Open Reviews";
    case "section": {
      const found = outline ? findEntry(outline, destination.id) : null;
      if (!found) return "Open the section";
      return found.entry.number ? `Open section ${found.entry.number}` : `Open ${found.entry.title}`;
    }
  }
}

export interface ProblemGroup {
  /** a section id, "portfolio" or "evidence" */
  key: string;
  title: string;
  problems: Problem[];
}

/**
 * Problems grouped for reading: the portfolio as a whole first, then evidence items, then each
 * section in sidebar order. Sections the outline does not know come last, under their own id.
 */
export function groupProblems(problems: Problem[], outline: Outline | null): ProblemGroup[] {
  const order: string[] = ["portfolio", "evidence"];
  const titles = new Map<string, string>([
    ["portfolio", "Your portfolio as a whole"],
    ["evidence", "Evidence library"],
  ]);
  for (const entry of (outline?.groups ?? []).flatMap((g) => g.entries)) {
    order.push(entry.id);
    titles.set(entry.id, entryLabel(entry));
  }
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = problem.section ?? (problemItems(problem).length > 0 ? "evidence" : "portfolio");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(problem);
    if (!order.includes(key)) {
      order.push(key);
      titles.set(key, key);
    }
  }
  return order.filter((key) => groups.has(key)).map((key) => ({ key, title: titles.get(key) ?? key, problems: groups.get(key)! }));
}
