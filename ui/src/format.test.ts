// Tests for the friendly wording of dates, counts and shortcuts.
import { describe, expect, it } from "vitest";
import { friendlyDate, groupHeading, shortcutText, wordsText } from "./format";
import { framework } from "./test/fixtures";

describe("format", () => {
  const now = new Date(2025, 4, 20, 15, 30);
  it("says when, in words", () => {
    expect(friendlyDate(new Date(2025, 4, 20, 15, 29, 40).toISOString(), now)).toBe("just now");
    expect(friendlyDate(new Date(2025, 4, 20, 15, 25).toISOString(), now)).toBe("5 minutes ago");
    expect(friendlyDate(new Date(2025, 4, 20, 9, 5).toISOString(), now)).toBe("today at 09:05");
    expect(friendlyDate(new Date(2025, 4, 19, 18, 0).toISOString(), now)).toBe("yesterday at 18:00");
    expect(friendlyDate(new Date(2025, 2, 3, 10, 0).toISOString(), now)).toBe("3 March at 10:00");
    expect(friendlyDate(new Date(2024, 2, 3, 10, 0).toISOString(), now)).toBe("3 March 2024");
    expect(friendlyDate(null, now)).toBe("never");
  });
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

describe("dates for deadlines", () => {
  it("writes dates the British way and counts the days", async () => {
    const { longDate, daysBetween, daysLeftText, thingsToFixText } = await import("./format");
    expect(longDate("2027-01-31")).toBe("31 January 2027");
    expect(longDate("2026-09-05")).toBe("5 September 2026");
    expect(longDate("soon")).toBe("soon");
    expect(daysBetween("2026-11-23", "2027-01-31")).toBe(69);
    expect(daysBetween("2027-02-01", "2027-01-31")).toBe(-1);
    expect(daysLeftText(69)).toBe("69 days left");
    expect(daysLeftText(1)).toBe("1 day left");
    expect(daysLeftText(0)).toBe("closes today");
    expect(thingsToFixText(1)).toBe("1 thing to fix");
    expect(thingsToFixText(3)).toBe("3 things to fix");
  });

  it("says what the top bar aims for", async () => {
    const { targetText } = await import("./checklist/deadlines");
    const windows = [{ date: "2027-01-31", days_left: 69 }];
    expect(targetText("2027-01-31", windows)).toBe("Aiming for 31 January 2027 · 69 days");
    // Not among the next windows: counted from today.
    expect(targetText("2027-05-31", windows, "2027-05-30")).toBe("Aiming for 31 May 2027 · 1 day");
    expect(targetText("2025-05-31", [], "2025-06-01")).toBe("Aiming for 31 May 2025 · this date has passed");
  });
});
