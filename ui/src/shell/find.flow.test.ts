// Flow tests for find and replace across the portfolio: Ctrl+F and Ctrl+H open the panel, the core
// finds, a result opens its section, and replacing everywhere asks first and shows the new text.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { openedFor, outlineFor } from "../test/fixtures";
import { $, backend, boot, byTestId, settled, type, waitFor } from "../test/harness";
import type { FindQuery, FindResults, OpenedPortfolio, Replaced } from "../types";

afterEach(() => {
  clearMocks();
});

const results: FindResults = {
  total: 3,
  summary: "3 matches in 2 sections",
  parts: [
    {
      section: "1a",
      section_label: "1a Constraints",
      part: "description",
      part_label: "Description",
      count: 2,
      excerpts: [
        { before: "We moved to ", matched: "Moodle", after: " in 2024." },
        { before: "", matched: "Moodle", after: " quizzes" },
      ],
    },
    {
      section: "2a",
      section_label: "2a Teaching",
      part: "reflection",
      part_label: "Reflection",
      count: 1,
      excerpts: [{ before: "On reflection, ", matched: "Moodle", after: " was easy." }],
    },
  ],
};

function press(key: string, extra: KeyboardEventInit = {}) {
  document.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, bubbles: true, ...extra }));
}

async function openPortfolio(extra: Parameters<typeof backend>[0] = {}) {
  const opened: OpenedPortfolio = openedFor("cmalt");
  const calls = backend({ current_portfolio: () => opened, find_in_portfolio: () => results, ...extra });
  await boot();
  await waitFor(() => byTestId("sidebar"));
  return { calls, opened };
}

describe("find and replace", () => {
  it("Ctrl+F opens the panel, finds through the core and lists the matches by section", async () => {
    const { calls } = await openPortfolio();
    expect(byTestId("find-panel")!.hidden).toBe(true);
    press("f");
    expect(byTestId("find-panel")!.hidden).toBe(false);
    expect(document.activeElement).toBe(byTestId("find-input"));
    type(byTestId<HTMLInputElement>("find-input")!, "moodle");
    byTestId("find-button")!.click();
    await waitFor(() => byTestId("find-summary")!.textContent === "3 matches in 2 sections");
    const query = calls.find((c) => c.cmd === "find_in_portfolio")!.args.query as FindQuery;
    expect(query).toEqual({ text: "moodle", match_case: false });
    const items = byTestId("find-results")!.querySelectorAll(":scope > li");
    expect(items).toHaveLength(2);
    expect(items[0].querySelector(".find-result-where")!.textContent).toBe("1a Constraints · Description");
    expect(items[0].querySelector("mark")!.textContent).toBe("Moodle");
    expect(items[0].querySelector(".find-excerpts li")!.textContent).toBe("We moved to Moodle in 2024.");
  });

  it("a result opens its section", async () => {
    await openPortfolio();
    press("f");
    type(byTestId<HTMLInputElement>("find-input")!, "moodle");
    byTestId("find-button")!.click();
    await waitFor(() => byTestId("find-result-2a-reflection"));
    byTestId("find-result-2a-reflection")!.click();
    // The section page opens (waitFor fails the test when it does not).
    await waitFor(() => $('[data-section="2a"]'));
    expect($('[data-section="1a"]')).toBeNull();
  });

  it("Escape closes the panel", async () => {
    await openPortfolio();
    press("f");
    byTestId("find-input")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(byTestId("find-panel")!.hidden).toBe(true);
  });

  it("replacing everywhere asks first, then sends the words and takes the new portfolio", async () => {
    const replaced = (opened: OpenedPortfolio): Replaced => ({
      outcome: { replaced: 3, left: 0, sections_changed: ["1a", "2a"], summary: "Replaced 3 matches." },
      opened: { ...opened, outline: outlineFor("cmalt", { "1a": "in_progress" }) },
    });
    let current: OpenedPortfolio | null = null;
    const { calls, opened } = await openPortfolio({
      replace_in_portfolio: () => replaced(current!),
    });
    current = opened;
    press("h");
    expect(byTestId("replace-input")!.closest<HTMLElement>(".replace-row")!.hidden).toBe(false);
    type(byTestId<HTMLInputElement>("find-input")!, "Moodle");
    type(byTestId<HTMLInputElement>("replace-input")!, "Canvas");
    byTestId("replace-everywhere")!.click();
    await waitFor(() => byTestId("replace-dialog"));
    expect(calls.some((c) => c.cmd === "replace_in_portfolio")).toBe(false);
    byTestId("replace-confirm")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "replace_in_portfolio"));
    const call = calls.find((c) => c.cmd === "replace_in_portfolio")!;
    expect(call.args).toEqual({ query: { text: "Moodle", match_case: false }, replacement: "Canvas", sectionId: null });
    await waitFor(() => byTestId("find-summary")!.textContent === "Replaced 3 matches.");
  });

  it("cancelling the question replaces nothing", async () => {
    const { calls } = await openPortfolio();
    press("h");
    type(byTestId<HTMLInputElement>("find-input")!, "Moodle");
    byTestId("replace-everywhere")!.click();
    await waitFor(() => byTestId("replace-dialog"));
    byTestId("replace-dialog")!.querySelector<HTMLButtonElement>("button")!.click();
    await settled();
    expect(calls.some((c) => c.cmd === "replace_in_portfolio")).toBe(false);
  });
});
