// Flows for "Before you share" on the Ready page: the core's findings with their passages, a
// redaction and an agreement in one click each, a clean copy of a photo, and the links tried
// online only when asked.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { checklistFor, problem } from "../test/checklist-fixtures";
import { openedFor, outlineFor } from "../test/fixtures";
import { backend, boot, byTestId, waitFor } from "../test/harness";
import type { Fix, Problem } from "../types";

afterEach(() => {
  clearMocks();
});

const redact: Fix = {
  kind: "redact",
  place: { in: "section", section: "1a", part: "reflection" },
  personal_data: "email",
  text: "sam.jones@student.example.ac.uk",
  replacement: "[email address]",
  label: "Replace with “[email address]”",
};
const agree: Fix = {
  kind: "agree_finding",
  agreed: { kind: "email", text: "sam.jones@student.example.ac.uk" },
  label: "It is fine to share",
};
const clean: Fix = { kind: "clean_image_metadata", items: ["E2"], label: "Store a copy without them" };

const EMAIL = problem(
  "personal_data_in_text",
  "1a",
  "Section 1a's Reflection has an email address in it. Assessors and anyone you share with will see it.",
  {
    id: "a1b2c3d4e5",
    severity: "warning",
    fix: redact,
    agree,
    passage: { before: "I wrote to ", matched: "sam.jones@student.example.ac.uk", after: " about it" },
  },
);
const PHOTO = problem("image_location_data", null, "E2 “Class photo” still says where it was taken (GPS position).", {
  id: "f6e5d4c3b2",
  severity: "warning",
  evidence: "E2",
  fix: clean,
});
const BROKEN = problem("link_broken", "1b", "The link https://old.example/page (1b) did not open: the page was not found (404).", {
  id: "0011223344",
  severity: "warning",
});

async function openReady(found: () => Problem[], extra: Parameters<typeof backend>[0] = {}) {
  const calls = backend({
    current_portfolio: () => openedFor("cmalt"),
    checklist: () => checklistFor("cmalt"),
    before_sharing: () => found(),
    ...extra,
  });
  await boot();
  await waitFor(() => byTestId("sidebar"));
  byTestId("ready")!.click();
  await waitFor(() => byTestId("before-sharing"));
  return calls;
}

const findings = () => Array.from(document.querySelectorAll<HTMLElement>("[data-testid=share-finding]"));

describe("before you share", () => {
  it("lists the core's findings with the passage marked, grouped by where they are", async () => {
    await openReady(() => [EMAIL, PHOTO]);
    await waitFor(() => (findings().length === 2 ? true : null));
    expect(byTestId("share-status")!.textContent).toContain("2 things to look at before you share");
    const passage = byTestId("share-passage")!;
    expect(passage.querySelector("mark")!.textContent).toBe("sam.jones@student.example.ac.uk");
    expect(passage.textContent).toBe("…I wrote to sam.jones@student.example.ac.uk about it…");
    const groups = Array.from(document.querySelectorAll("[data-testid=before-sharing] .problem-group-title"), (t) => t.textContent);
    expect(groups).toEqual(["Evidence library", "1a Constraints and benefits of technologies"]);
  });

  it("redacts in one click through the core, then looks again", async () => {
    let found = [EMAIL];
    const calls = await openReady(() => found, {
      apply_checklist_fix: () => {
        found = [];
        return { saved_at: "2026-12-02T10:00:00Z", outline: outlineFor("cmalt") };
      },
    });
    const button = await waitFor(() => document.querySelector<HTMLButtonElement>("[data-testid=share-fix][data-fix=redact]"));
    expect(button.textContent).toBe("Replace with “[email address]”");
    button.click();
    await waitFor(() => (byTestId("share-status")!.textContent!.startsWith("Nothing found") ? true : null));
    expect(calls.find((c) => c.cmd === "apply_checklist_fix")!.args).toEqual({ fix: redact });
    expect(calls.filter((c) => c.cmd === "before_sharing").length).toBeGreaterThanOrEqual(2);
  });

  it("agrees to a finding, and offers a clean copy of a photo", async () => {
    const calls = await openReady(() => [EMAIL, PHOTO], {
      apply_checklist_fix: () => ({ saved_at: "2026-12-02T10:00:00Z", outline: outlineFor("cmalt") }),
    });
    (await waitFor(() => byTestId<HTMLButtonElement>("share-agree"))).click();
    await waitFor(() => calls.some((c) => c.cmd === "apply_checklist_fix"));
    expect(calls.find((c) => c.cmd === "apply_checklist_fix")!.args).toEqual({ fix: agree });
    const cleanButton = await waitFor(() =>
      document.querySelector<HTMLButtonElement>("[data-testid=share-fix][data-fix=clean_image_metadata]"),
    );
    expect(cleanButton.textContent).toBe("Store a copy without them");
  });

  it("tries the links online only when asked, and lists what did not open", async () => {
    const calls = await openReady(() => [], { check_links_online: () => [BROKEN] });
    await waitFor(() => (byTestId("share-status")!.textContent!.startsWith("Nothing found") ? true : null));
    expect(calls.some((c) => c.cmd === "check_links_online")).toBe(false);
    byTestId("check-links-online")!.click();
    await waitFor(() => (findings().length === 1 ? true : null));
    expect(findings()[0].dataset.code).toBe("link_broken");
    expect(byTestId("links-status")!.textContent).toBe("1 of the web links did not open as they should: see the list above.");
  });

  it("shows the core's refusal to check as it is", async () => {
    await openReady(() => {
      throw { code: "refused", message: "The evidence folder could not be read." };
    });
    await waitFor(() => (byTestId("share-status")!.textContent!.includes("could not be made") ? true : null));
    expect(byTestId("share-status")!.textContent).toBe("The check could not be made: The evidence folder could not be read.");
  });
});
