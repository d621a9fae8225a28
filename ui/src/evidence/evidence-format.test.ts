// Tests for evidence wording: dates as people write them, the recent-years rule, flags and short lists.
import { describe, expect, it } from "vitest";
import { evidenceItem } from "../test/evidence-fixtures";
import { outlineFor } from "../test/fixtures";
import {
  evidenceDateText,
  evidenceFlags,
  evidenceIdFromHref,
  isEvidenceDate,
  isOlderThan,
  listText,
  sectionShortName,
} from "./evidence-format";

describe("evidence format", () => {
  it("accepts a year, a month or a day, and nothing else", () => {
    for (const ok of ["", "2024", "2024-05", "2024-02-29", " 2024-05-17 "]) expect(isEvidenceDate(ok)).toBe(true);
    for (const bad of ["May 2024", "2024-13", "2023-02-29", "24-05-01", "2024/05"]) expect(isEvidenceDate(bad)).toBe(false);
  });

  it("writes dates in words", () => {
    expect(evidenceDateText("2024")).toBe("2024");
    expect(evidenceDateText("2024-05")).toBe("May 2024");
    expect(evidenceDateText("2024-05-03")).toBe("3 May 2024");
    expect(evidenceDateText("soon")).toBe("soon");
  });

  it("calls an item old as the core does: before the same day, years ago", () => {
    const today = new Date(2026, 10, 23);
    expect(isOlderThan("2019-06", 3, today)).toBe(true);
    expect(isOlderThan("2023-11-22", 3, today)).toBe(true);
    expect(isOlderThan("2023-11-23", 3, today)).toBe(false);
    expect(isOlderThan("2025", 3, today)).toBe(false);
    expect(isOlderThan("", 3, today)).toBe(false);
  });

  it("flags what an item still needs, in words", () => {
    const row = {
      item: evidenceItem(2, { what_it_shows: " ", permission_confirmed: false }),
      cited_in: [],
      unused: true,
      needs_reason: true,
      kind_label: "PDF",
      size: "12 KB",
    };
    expect(evidenceFlags(row, 3).map((f) => f.text)).toEqual([
      "Not cited anywhere",
      "Needs a reason: older than 3 years",
      "What it shows is missing",
      "No permission ticked",
    ]);
    const fine = { item: evidenceItem(1), cited_in: ["1a"], unused: false, needs_reason: false, kind_label: "PDF", size: "12 KB" };
    expect(evidenceFlags(fine, 3)).toEqual([]);
  });

  it("names sections and lists them", () => {
    const outline = outlineFor("cmalt");
    expect(sectionShortName(outline, "1a")).toBe("1a");
    expect(sectionShortName(outline, "context")).toBe("Contextual statement");
    expect(sectionShortName(outline, "gone")).toBe("gone");
    expect(listText(["1a"])).toBe("1a");
    expect(listText(["1a", "3a"])).toBe("1a and 3a");
    expect(listText(["1a", "2b", "3a"])).toBe("1a, 2b and 3a");
  });

  it("reads the item from a preview link", () => {
    expect(evidenceIdFromHref("#evidence-E12")).toBe("E12");
    expect(evidenceIdFromHref("https://example.org")).toBeNull();
  });
});
