// Tests for evidence wording: dates as people write them, the recent-years rule, flags and short lists.
import { describe, expect, it } from "vitest";
import { evidenceItem } from "../test/evidence-fixtures";
import { outlineFor } from "../test/fixtures";
import { evidenceFlags, evidenceIdFromHref, listText, sectionShortName } from "./evidence-format";

describe("evidence format", () => {
  it("flags what an item still needs, in words", () => {
    const row = {
      item: evidenceItem(2, { what_it_shows: " ", permission_confirmed: false }),
      cited_in: [],
      unused: true,
      needs_reason: true,
      kind_label: "PDF",
      size: "12 KB",
      date: { understood: true, text: "2019", needs_reason: true },
    };
    expect(evidenceFlags(row, 3).map((f) => f.text)).toEqual([
      "Not cited anywhere",
      "Needs a reason: older than 3 years",
      "What it shows is missing",
      "No permission ticked",
    ]);
    const fine = {
      item: evidenceItem(1),
      cited_in: ["1a"],
      unused: false,
      needs_reason: false,
      kind_label: "PDF",
      size: "12 KB",
      date: { understood: true, text: "", needs_reason: false },
    };
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
