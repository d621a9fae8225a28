// Checks the UI's framework readers against the real data file the app ships (assets/framework.json).
import { describe, expect, it } from "vitest";
import data from "../../../assets/framework.json";
import { groupHeading } from "../format";
import type { Framework } from "../types";
import { guidanceFor, pathwaySummaryItems, sectionsOfPathway } from "./framework-view";

const framework = data as unknown as Framework;

describe("the shipped framework", () => {
  it("gives every pathway a readable list of what it includes", () => {
    for (const pathway of framework.pathways) {
      const items = pathwaySummaryItems(framework, pathway.id);
      expect(items.length).toBeGreaterThan(3);
      expect(items.some((item) => item.startsWith("Core areas "))).toBe(true);
      expect(sectionsOfPathway(framework, pathway.id).length).toBeGreaterThan(5);
    }
    expect(sectionsOfPathway(framework, "associate").length).toBeLessThan(sectionsOfPathway(framework, "senior").length);
  });

  it("has guidance for every section and a word guide for every written one", () => {
    for (const section of framework.sections) {
      const guidance = guidanceFor(framework, section.id, section.kind);
      expect(guidance.guidance.trim().length, `${section.id} has guidance to show`).toBeGreaterThan(0);
      if (section.kind === "statement" && section.id !== "context") {
        expect(section.words, `${section.id} has the range it asks for`).not.toBeNull();
      }
    }
  });

  it("names core areas by number", () => {
    const core = framework.groups.filter((g) => g.core_area);
    expect(core.length).toBe(4);
    for (const group of core) expect(groupHeading(framework, group)).toMatch(/^Core area \d: /);
  });
});
