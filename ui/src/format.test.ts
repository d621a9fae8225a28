// Tests for the friendly wording of counts, headings and shortcuts (saved times are worded
// by the core, in the candidate's time zone: crates/core/src/local_time.rs).
import { describe, expect, it } from "vitest";
import { groupHeading, shortcutText, wordsText } from "./format";
import { framework } from "./test/fixtures";

describe("format", () => {
  it("counts words", () => {
    expect(wordsText(1)).toBe("1 word");
    expect(wordsText(12)).toBe("12 words");
  });
  it("numbers core areas", () => {
    expect(groupHeading(framework, { id: "operational", title: "Operational issues" })).toBe("Core area 1: Operational issues");
    expect(groupHeading(framework, { id: "closing", title: "Finishing" })).toBe("Finishing");
  });
  it("writes shortcuts the platform's way", () => {
    expect(shortcutText("Mod-b", false)).toBe("Ctrl+B");
    expect(shortcutText("Mod-Shift-z", false)).toBe("Ctrl+Shift+Z");
    expect(shortcutText("Mod-k", true)).toBe("⌘K");
  });
});

describe("dates and counts", () => {
  it("writes dates the British way and counts things to fix", async () => {
    const { longDate, thingsToFixText } = await import("./format");
    expect(longDate("2027-01-31")).toBe("31 January 2027");
    expect(longDate("2026-09-05")).toBe("5 September 2026");
    expect(longDate("soon")).toBe("soon");
    expect(thingsToFixText(1)).toBe("1 thing to fix");
    expect(thingsToFixText(3)).toBe("3 things to fix");
  });

  it("says what the top bar aims for in the core's words, and nothing for a date the plan has not caught up with", async () => {
    const { targetText } = await import("./checklist/deadlines");
    const { planFor } = await import("./test/checklist-fixtures");
    const { portfolioFor } = await import("./test/fixtures");
    const portfolio = portfolioFor("cmalt");
    portfolio.target_window = "2027-03-13";
    expect(targetText(planFor("2027-03-13"), portfolio)).toBe("Aiming for 13 March 2027 · 110 days to go");
    expect(targetText(planFor("2026-11-10"), { ...portfolio, target_window: "2026-11-10" })).toBe(
      "Aiming for 10 November 2026 · 13 days ago",
    );
    // Just changed here, not yet counted by the core: no old date in the bar.
    expect(targetText(planFor("2027-01-31"), portfolio)).toBeNull();
    expect(targetText(planFor(null), { ...portfolio, target_window: null })).toBeNull();
    expect(targetText(null, portfolio)).toBeNull();
  });
});
