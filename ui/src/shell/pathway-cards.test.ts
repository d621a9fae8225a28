// Tests that the pathway chooser derives what each pathway includes from the framework data.
import { describe, expect, it } from "vitest";
import { framework } from "../test/fixtures";
import { pathwaySummaryItems, sectionsOfPathway } from "./framework-view";
import { createPathwayCards } from "./pathway-cards";

describe("pathway chooser", () => {
  it("lists the sections each pathway includes, from the sections' pathways map", () => {
    expect(sectionsOfPathway(framework, "associate").map((s) => s.id)).toEqual([
      "context",
      "1a",
      "2a",
      "3a",
      "4",
      "future",
      "confirmation",
      "assessor",
    ]);
    expect(sectionsOfPathway(framework, "senior").map((s) => s.id)).toContain("advanced-1");
    expect(sectionsOfPathway(framework, "cmalt").find((s) => s.id === "assessor")?.requirement).toBe("optional");
  });

  it("summarises core areas by number and keeps other titles", () => {
    expect(pathwaySummaryItems(framework, "associate")).toEqual([
      "Contextual statement",
      "Core areas 1a, 2a, 3a, 4",
      "Future plans",
      "Confirmation",
      "Nominated assessor (optional)",
    ]);
    expect(pathwaySummaryItems(framework, "senior")).toEqual([
      "Contextual statement",
      "Core areas 1a, 1c, 2a, 3a, 4",
      "Specialist area 1",
      "Specialist area 2",
      "Advanced area 1",
      "Future plans",
      "Confirmation",
      "Nominated assessor (optional)",
    ]);
  });

  it("renders one radio card per pathway with its name, summary, audience and sections", () => {
    const cards = createPathwayCards(framework, null);
    const radios = cards.querySelectorAll<HTMLInputElement>("input[name=pathway]");
    expect(Array.from(radios, (r) => r.value)).toEqual(["associate", "cmalt", "senior"]);
    expect(Array.from(radios).some((r) => r.checked)).toBe(false);
    const cmalt = radios[1].closest("label")!;
    expect(cmalt.textContent).toContain("CMALT");
    expect(cmalt.textContent).toContain("The main award.");
    expect(cmalt.textContent).toContain("Experienced practitioners.");
    expect(cmalt.textContent).toContain("Specialist area 1");
    expect(cmalt.textContent).not.toContain("Specialist area 2");
  });
});
