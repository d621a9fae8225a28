// Flows for bringing a draft in: the start screen action, the pathway choice, cancel and refusal in the
// dialog, the report after an import, and the "Text not placed" note and page.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { framework, openedFor, outlineFor } from "../test/fixtures";
import { $, backend, boot, byTestId, settled, waitFor } from "../test/harness";
import { IMPORTED_FOLDER, importedDraft, NOTE_TEXT, reportFor } from "../test/import-fixtures";
import { importReportBody } from "./import-report";

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, "clipboard");
});

async function openImportDialog() {
  const button = await waitFor(() => byTestId<HTMLElement>("import-draft"));
  button.click();
  return waitFor(() => byTestId("import-dialog"));
}

function choosePathway(value: string) {
  const select = byTestId<HTMLSelectElement>("import-pathway")!;
  select.value = value;
  select.dispatchEvent(new Event("change"));
}

describe("importing a draft", () => {
  it("offers Import a draft beside the other start actions and passes the chosen pathway", async () => {
    const calls = backend();
    await boot();
    const actions = byTestId("import-draft")!.closest(".start-actions")!;
    expect(Array.from(actions.querySelectorAll("button"), (b) => b.textContent)).toEqual([
      "New portfolio",
      "Open a portfolio folder…",
      "Import a draft…",
      "Open an exported portfolio…",
    ]);

    const dialog = await openImportDialog();
    expect(dialog.textContent).toContain("Markdown (.md) or Word (.docx)");
    expect(dialog.textContent).toContain("nothing is dropped");
    const select = byTestId<HTMLSelectElement>("import-pathway")!;
    expect(select.value).toBe("");
    expect(Array.from(select.options, (o) => o.textContent)).toEqual([
      "As the draft says (or work it out)",
      "Associate CMALT",
      "CMALT",
      "Senior CMALT",
    ]);

    // The default: as the draft says, sent as null.
    byTestId("import-choose")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "import_draft_dialog"));
    expect(calls.find((c) => c.cmd === "import_draft_dialog")!.args).toEqual({ pathway: null });

    // A chosen pathway is passed as it is.
    await waitFor(() => !byTestId<HTMLButtonElement>("import-choose")!.disabled);
    choosePathway("senior");
    byTestId("import-choose")!.click();
    await waitFor(() => calls.filter((c) => c.cmd === "import_draft_dialog").length === 2);
    expect(calls.filter((c) => c.cmd === "import_draft_dialog")[1].args).toEqual({ pathway: "senior" });
  });

  it("stays in the dialog, saying nothing, when the file dialog is cancelled", async () => {
    const calls = backend({ import_draft_dialog: () => null });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "import_draft_dialog"));
    await settled();
    expect(byTestId("import-dialog")).not.toBeNull();
    expect(byTestId("import-error")!.textContent).toBe("");
    expect(byTestId("error-dialog")).toBeNull();
    expect(byTestId("sidebar")).toBeNull();
    expect(byTestId<HTMLButtonElement>("import-choose")!.disabled).toBe(false);

    // Cancel closes it and leaves the start screen as it was.
    byTestId("import-cancel")!.click();
    expect(byTestId("import-dialog")).toBeNull();
    expect(byTestId("import-draft")).not.toBeNull();
  });

  it("shows a refusal inside the dialog, in the backend's words, and lets the candidate try again", async () => {
    const message = "This file is not a Markdown or Word document, so it could not be imported.";
    let refuse = true;
    const calls = backend({
      import_draft_dialog: () => {
        if (refuse) throw { code: "import_refused", message };
        return null;
      },
    });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    await waitFor(() => byTestId("import-error-message"));
    expect(byTestId("import-error-message")!.textContent).toBe(message);
    expect(byTestId("import-dialog")!.contains(byTestId("import-error-message"))).toBe(true);
    expect(byTestId("error-dialog")).toBeNull();
    expect(byTestId("sidebar")).toBeNull();

    // Trying again clears the old message first.
    refuse = false;
    await waitFor(() => !byTestId<HTMLButtonElement>("import-choose")!.disabled);
    byTestId("import-choose")!.click();
    await waitFor(() => calls.filter((c) => c.cmd === "import_draft_dialog").length === 2);
    await settled();
    expect(byTestId("import-error-message")).toBeNull();
  });

  it("shows other errors inline too", async () => {
    backend({
      import_draft_dialog: () => {
        throw { code: "io", message: "The folder for the new portfolio could not be made." };
      },
    });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    await waitFor(() => byTestId("import-error-message"));
    expect(byTestId("import-error-message")!.textContent).toBe("The folder for the new portfolio could not be made.");
  });

  it("counts each section's references in their own column when the draft has reference lists", async () => {
    const draft = importedDraft("cmalt");
    draft.report.sections[1].references = 3;
    backend({ import_draft_dialog: () => draft });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    const table = await waitFor(() => byTestId("import-sections"));
    const headings = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent);
    expect(headings.at(-1)).toBe("References");
    const row = table.querySelector<HTMLTableRowElement>("tbody tr[data-section-id='1a']")!;
    expect(row.cells[row.cells.length - 1].textContent).toBe("3");
  });

  it("opens the new portfolio and reports what went where", async () => {
    const draft = importedDraft("cmalt");
    const calls = backend({
      import_draft_dialog: () => draft,
      not_placed_note: () => ({ text: NOTE_TEXT, words: NOTE_TEXT.split(/\s+/).filter(Boolean).length }),
    });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    const report = await waitFor(() => byTestId("import-report"));
    expect(byTestId("import-dialog")).toBeNull();
    // The portfolio is open behind the report.
    expect(byTestId("sidebar")).not.toBeNull();
    expect(report.querySelector(".dialog-title")!.textContent).toBe("Your draft is now a portfolio");

    expect(byTestId("import-source")!.textContent).toBe("CMALT draft.docx (a Word document)");
    expect(report.textContent).toContain(IMPORTED_FOLDER);
    expect(byTestId("import-pathway-reason")!.textContent).toBe(
      "CMALT (worked out from the sections: one specialist area and no advanced area)",
    );
    expect(report.textContent).toContain("change it on the Portfolio details page");

    // Sections found: title, heading as written, words placed, evidence count.
    const rows = Array.from(report.querySelectorAll<HTMLTableRowElement>("[data-testid=import-sections] tbody tr"));
    expect(rows.map((r) => r.dataset.sectionId)).toEqual(["context", "1a", "5a", "5b"]);
    const cells = (row: HTMLTableRowElement) => Array.from(row.cells, (c) => c.textContent);
    expect(cells(rows[1])).toEqual(["1a Constraints and benefits of technologies", "“1a) Operational issues” line 12", "430", "2"]);
    expect(rows[2].textContent).toContain("Accessibility");
    // A section the pathway leaves out: kept aside, and said so.
    expect(rows[3].querySelector("[data-testid=import-kept-note]")!.textContent).toContain("CMALT leaves this section out");
    expect(rows[0].querySelector("[data-testid=import-kept-note]")).toBeNull();

    // Required sections the draft did not have, by title.
    const missing = byTestId("import-missing-required")!;
    expect(Array.from(missing.querySelectorAll("li"), (li) => li.textContent)).toEqual([
      "2a Teaching, learning and assessment",
      "Future plans",
    ]);

    // Evidence: the counts, the missing file with its sections, the refused file with its reason.
    const evidence = byTestId("import-evidence")!;
    expect(evidence.textContent).toContain("4 evidence items in your Evidence library");
    expect(evidence.textContent).toContain("1 link");
    const missingFile = byTestId("import-missing-files")!.querySelector("li")!;
    expect(missingFile.textContent).toContain("survey-results.pdf");
    expect(missingFile.textContent).toContain("Cited in 1a and 5a");
    expect(missingFile.textContent).toContain("Attach it from the Evidence library.");
    const refused = byTestId("import-refused-files")!.querySelector("li")!;
    expect(refused.textContent).toBe("lecture-recording.mp4 (E4): over 1 MB, the largest file the scheme accepts.");

    // Text not placed: how much, excerpts, and where it is kept.
    const notPlaced = byTestId("import-not-placed")!;
    expect(notPlaced.textContent).toContain("2 passages (17 words) could not be matched to a section");
    expect(notPlaced.textContent).toContain("Thanks to my line manager for her support…");
    expect(notPlaced.textContent).toContain("Under “Acknowledgements”, line 80: the heading does not match a CMALT section");
    expect(notPlaced.textContent).toContain("Text not placed");
    expect(byTestId("import-notes")!.textContent).toContain("The draft's title page was used as the portfolio title.");

    // The note is waiting in the sidebar, at the top.
    await waitFor(() => byTestId("not-placed"));
    expect(byTestId("sidebar")!.firstElementChild).toBe(byTestId("not-placed"));

    byTestId("import-report-close")!.click();
    expect(byTestId("import-report")).toBeNull();
    expect(calls.filter((c) => c.cmd === "import_draft_dialog")).toHaveLength(1);
    expect(document.querySelector(".topbar-title")).not.toBeNull();
  });

  it("says kindly when no heading matched a section", async () => {
    const draft = importedDraft("cmalt", {
      nothing_recognised: true,
      headings_recognised: 0,
      sections: [],
      missing_required: [],
      evidence: { items: 0, files_attached: 0, images_attached: 0, links: 0, missing: 0, refused: 0 },
      refused: [],
      missing_files: [],
      notes: [],
    });
    backend({
      import_draft_dialog: () => draft,
      not_placed_note: () => ({ text: NOTE_TEXT, words: NOTE_TEXT.split(/\s+/).filter(Boolean).length }),
    });
    await boot();
    await openImportDialog();
    byTestId("import-choose")!.click();
    const report = await waitFor(() => byTestId("import-report"));
    expect(report.querySelector(".dialog-title")!.textContent).toBe("Your draft is in, ready to sort");
    const notice = byTestId("import-nothing-recognised")!;
    expect(notice.textContent).toContain("None of the headings in your draft matched a CMALT section");
    expect(notice.textContent).toContain("every word is safe in the Text not placed note");
    expect(byTestId("import-sections")).toBeNull();
    expect(byTestId("import-evidence")!.textContent).toContain("did not name any evidence");
  });

  it("shows the pathway as chosen, without the hint to change it", () => {
    const body = importReportBody(
      framework,
      reportFor("senior", { pathway_choice: "given", pathway_inferred: false, pathway_reason: "as you chose." }),
      outlineFor("senior"),
    );
    document.body.appendChild(body);
    expect(body.querySelector("[data-testid=import-pathway-reason]")!.textContent).toBe("Senior CMALT (as you chose)");
    expect(body.textContent).not.toContain("change it on the Portfolio details page");
  });
});

describe("the Text not placed note", () => {
  it("shows no entry when no note is waiting", async () => {
    const calls = backend({ current_portfolio: () => openedFor("cmalt") });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    await waitFor(() => calls.some((c) => c.cmd === "not_placed_note"));
    await settled();
    expect(byTestId("not-placed")).toBeNull();
  });

  it("appears for any opened portfolio with a note, shows it read-only, and goes once set aside", async () => {
    let note: string | null = NOTE_TEXT;
    const calls = backend({
      current_portfolio: () => openedFor("cmalt"),
      not_placed_note: () => (note === null ? null : { text: note, words: note.split(/\s+/).filter(Boolean).length }),
      set_aside_not_placed: () => {
        note = null;
        return null;
      },
    });
    await boot();
    const entry = await waitFor(() => byTestId<HTMLElement>("not-placed"));
    expect(entry.textContent).toContain("Text not placed");
    expect(byTestId("not-placed-badge")).not.toBeNull();
    expect(byTestId("sidebar")!.firstElementChild).toBe(entry);

    entry.click();
    const page = await waitFor(() => byTestId("not-placed-page"));
    expect(entry.getAttribute("aria-current")).toBe("page");
    const text = byTestId("not-placed-text")!;
    expect(text.tagName).toBe("PRE");
    expect(text.textContent).toBe(NOTE_TEXT);
    expect(page.querySelector("textarea, [contenteditable=true]")).toBeNull();
    expect(page.textContent).toContain("nothing is lost");

    // Copy all puts the whole text on the clipboard.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    byTestId("not-placed-copy")!.click();
    await waitFor(() => byTestId("not-placed-status")!.textContent!.startsWith("Copied"));
    expect(writeText).toHaveBeenCalledWith(NOTE_TEXT);

    // Keeping it: nothing changes.
    byTestId("not-placed-done")!.click();
    await waitFor(() => byTestId("not-placed-confirm-dialog"));
    byTestId("not-placed-keep")!.click();
    await settled();
    expect(calls.some((c) => c.cmd === "set_aside_not_placed")).toBe(false);
    expect(byTestId("not-placed")).not.toBeNull();

    // Setting it aside: asked first, told where it is kept, then the entry goes.
    byTestId("not-placed-done")!.click();
    const confirm = await waitFor(() => byTestId("not-placed-confirm-dialog"));
    expect(confirm.textContent).toContain("backups");
    byTestId("not-placed-confirm")!.click();
    const info = await waitFor(() => Array.from(document.querySelectorAll("dialog")).find((d) => d.textContent!.includes("set aside")));
    expect(info.textContent).toContain("kept in your portfolio's backups");
    expect(calls.filter((c) => c.cmd === "set_aside_not_placed")).toHaveLength(1);
    info.querySelector("button")!.click();
    await waitFor(() => !byTestId("not-placed") && !byTestId("not-placed-page"));
    await waitFor(() => byTestId("section-title")?.textContent === "Contextual statement");
  });

  it("selects the text when the clipboard cannot be used", async () => {
    backend({
      current_portfolio: () => openedFor("cmalt"),
      not_placed_note: () => ({ text: NOTE_TEXT, words: NOTE_TEXT.split(/\s+/).filter(Boolean).length }),
    });
    await boot();
    (await waitFor(() => byTestId<HTMLElement>("not-placed"))).click();
    await waitFor(() => byTestId("not-placed-page"));
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: vi.fn().mockRejectedValue(new Error("not allowed")) },
      configurable: true,
    });
    byTestId("not-placed-copy")!.click();
    await waitFor(() => byTestId("not-placed-status")!.textContent!.includes("selected"));
    const selection = window.getSelection()!;
    expect(selection.rangeCount).toBe(1);
    expect(selection.getRangeAt(0).toString()).toBe(NOTE_TEXT);
    expect(document.activeElement).toBe(byTestId("not-placed-text"));
  });

  it("keeps the entry when setting aside fails", async () => {
    backend({
      current_portfolio: () => openedFor("cmalt"),
      not_placed_note: () => ({ text: NOTE_TEXT, words: NOTE_TEXT.split(/\s+/).filter(Boolean).length }),
      set_aside_not_placed: () => {
        throw { code: "io", message: "The backups folder could not be written." };
      },
    });
    await boot();
    (await waitFor(() => byTestId<HTMLElement>("not-placed"))).click();
    await waitFor(() => byTestId("not-placed-page"));
    byTestId("not-placed-done")!.click();
    await waitFor(() => byTestId("not-placed-confirm"));
    byTestId("not-placed-confirm")!.click();
    await waitFor(() => byTestId("error-dialog"));
    expect(byTestId("error-message")!.textContent).toBe("The backups folder could not be written.");
    byTestId("error-dialog")!.querySelector("button")!.click();
    expect(byTestId("not-placed")).not.toBeNull();
    expect(byTestId("not-placed-page")).not.toBeNull();
  });

  it("is checked when a portfolio is opened from the start screen too", async () => {
    backend({
      open_portfolio_dialog: () => openedFor("cmalt"),
      not_placed_note: () => ({ text: NOTE_TEXT, words: NOTE_TEXT.split(/\s+/).filter(Boolean).length }),
    });
    await boot();
    byTestId("open-folder")!.click();
    await waitFor(() => byTestId("not-placed"));
    expect($('[data-testid="not-placed"] .nav-title')!.textContent).toBe("Text not placed");
  });
});
