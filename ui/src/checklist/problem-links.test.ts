// Tests that every kind of problem leads to the place to fix it, and that problems group in sidebar order.
import { describe, expect, it } from "vitest";
import { problem } from "../test/checklist-fixtures";
import { outlineFor } from "../test/fixtures";
import type { ProblemCode } from "../types";
import { destinationFor, destinationText, groupProblems } from "./problem-links";

const outline = outlineFor("cmalt");

describe("problem links", () => {
  it("opens the section and the field the problem is about", () => {
    expect(destinationFor(problem("missing_reflection", "1a", "m"), outline)).toEqual({ kind: "section", id: "1a", field: "reflection" });
    expect(destinationFor(problem("missing_topic", "3a", "m"), outline)).toEqual({ kind: "section", id: "3a", field: "topic" });
    expect(destinationFor(problem("missing_evidence", "2a", "m"), outline)).toEqual({ kind: "section", id: "2a", field: "evidence" });
    expect(destinationFor(problem("declaration_not_signed", "confirmation", "m"), outline)).toEqual({
      kind: "section",
      id: "confirmation",
      field: "name",
    });
    expect(destinationFor(problem("assessor_invalid_email", "assessor", "m"), outline)).toEqual({
      kind: "section",
      id: "assessor",
      field: "email",
    });
    // A code from a newer core than this UI still opens its section.
    expect(destinationFor(problem("something_new" as ProblemCode, "4", "m"), outline)).toEqual({
      kind: "section",
      id: "4",
      field: undefined,
    });
  });

  it("opens the library for an item, the principles view, the candidate's checks, an area", () => {
    expect(destinationFor(problem("evidence_missing_what_it_shows", null, "m", { evidence: "E3" }), outline)).toEqual({
      kind: "library",
      highlight: "E3",
    });
    expect(destinationFor(problem("principle_not_addressed", null, "m"), outline)).toEqual({ kind: "principles" });
    expect(destinationFor(problem("principle_suggested", null, "m", { severity: "warning" }), outline)).toEqual({ kind: "principles" });
    expect(destinationFor(problem("topic_suggested", "3a", "m", { severity: "warning" }), outline)).toEqual({
      kind: "section",
      id: "3a",
      field: "topic",
    });
    // A grouped problem about several items opens the library itself; one item, the item.
    expect(destinationFor(problem("evidence_not_cited", null, "m", { items: ["E1", "E2"], severity: "warning" }), outline)).toEqual({
      kind: "library",
    });
    expect(destinationFor(problem("evidence_on_website", null, "m", { evidence: "E4", severity: "warning" }), outline)).toEqual({
      kind: "library",
      highlight: "E4",
    });
    expect(destinationFor(problem("confirmation_not_ticked", null, "m", { severity: "warning" }), outline)).toEqual({
      kind: "ready",
      field: "confirmations",
    });
    expect(destinationFor(problem("too_few_areas", null, "m"), outline)).toEqual({ kind: "section", id: "5a", field: "description" });
    expect(destinationFor(problem("something_new" as ProblemCode, null, "m"), outline)).toEqual({ kind: "details" });
  });

  it("says where each link goes", () => {
    expect(destinationText({ kind: "section", id: "1a" }, outline)).toBe("Open section 1a");
    expect(destinationText({ kind: "section", id: "future" }, outline)).toBe("Open Future plans");
    expect(destinationText({ kind: "library", highlight: "E3" }, outline)).toBe("Open E3 in the evidence library");
  });

  it("groups the whole portfolio first, then evidence, then sections in sidebar order", () => {
    const groups = groupProblems(
      [
        problem("missing_reflection", "2a", "a"),
        problem("missing_section", "context", "b"),
        problem("evidence_not_cited", null, "c", { evidence: "E1", severity: "warning" }),
        problem("evidence_permission_not_confirmed", null, "f", { items: ["E1", "E2"], severity: "warning" }),
        problem("principle_not_addressed", null, "d"),
        problem("missing_evidence", "2a", "e"),
      ],
      outline,
    );
    expect(groups.map((g) => g.key)).toEqual(["portfolio", "evidence", "context", "2a"]);
    // A grouped evidence problem names no single item, and still belongs with the evidence.
    expect(groups[1].problems.map((p) => p.message)).toEqual(["c", "f"]);
    expect(groups[3].title).toBe("2a Teaching, learning and assessment");
    expect(groups[3].problems.map((p) => p.message)).toEqual(["a", "e"]);
  });
});
