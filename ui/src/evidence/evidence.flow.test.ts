// Flows for evidence: the section panel, the cite picker, attach reports with a smaller copy, links, the library, removing.
import { emit } from "@tauri-apps/api/event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { EVIDENCE_DROPPED_EVENT } from "../api";
import { evidenceItem, FakeLibrary, fileSource, saved } from "../test/evidence-fixtures";
import { $, backend, boot, byTestId, settled, type, waitFor } from "../test/harness";
import { editorOf, markdownOf, typeAt } from "../test/rich-editor";
import type { AttachReport, SmallerCopyPreview } from "../types";

afterEach(() => {
  clearMocks();
});

type Handlers = Parameters<typeof backend>[0];

async function openAt(library: FakeLibrary, target: string, extra: Handlers = {}) {
  const calls = backend({ ...library.handlers(), ...extra });
  const app = await boot();
  await waitFor(() => byTestId("sidebar"));
  if (target === "library") byTestId("library")!.click();
  else $(`[data-section-id="${target}"]`)!.click();
  await waitFor(() => (target === "library" ? byTestId("library-page") : byTestId("evidence-panel")));
  return { calls, app };
}

const citationIds = () => Array.from(document.querySelectorAll<HTMLElement>("[data-testid=citation]"), (row) => row.dataset.evidenceId);

const buttonIn = (root: Element, text: string) => Array.from(root.querySelectorAll("button")).find((b) => b.textContent === text)!;

describe("evidence in a section", () => {
  it("lists the section's citations in order, reorders them and saves notes", async () => {
    const library = new FakeLibrary(
      [
        evidenceItem(1, { title: "Quiz report" }),
        evidenceItem(2, { title: "Workshop photo", source: fileSource("photo.png", 400_000, "image/png") }),
      ],
      { "1a": [{ id: "E2", note: "the whiteboard" }, "E1"] },
    );
    const { calls, app } = await openAt(library, "1a");
    const panel = byTestId("evidence-panel")!;
    expect(panel.querySelector("h2")!.textContent).toBe("Evidence");
    expect(panel.textContent).toContain("What proves it.");
    await waitFor(() => panel.textContent!.includes("Workshop photo"));
    expect(citationIds()).toEqual(["E2", "E1"]);
    const first = $('[data-testid=citation][data-evidence-id="E2"]')!;
    expect(first.textContent).toContain("PNG image");
    expect(first.querySelector<HTMLInputElement>("[data-testid=citation-note]")!.value).toBe("the whiteboard");
    expect(first.querySelector<HTMLButtonElement>("[data-testid=citation-up]")!.disabled).toBe(true);

    // Move E2 down: it becomes last, so focus lands on its Up button (Down is now disabled).
    first.querySelector<HTMLButtonElement>("[data-testid=citation-down]")!.click();
    expect(citationIds()).toEqual(["E1", "E2"]);
    const moved = $('[data-testid=citation][data-evidence-id="E2"]')!;
    expect(document.activeElement).toBe(moved.querySelector("[data-testid=citation-up]"));

    type(moved.querySelector<HTMLInputElement>("[data-testid=citation-note]")!, "see the whiteboard");
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "set_citations");
    expect(saves).toHaveLength(1); // the move and the note become one save
    expect(saves[0].args).toEqual({
      sectionId: "1a",
      citations: [
        { evidence_id: "E1", note: "" },
        { evidence_id: "E2", note: "see the whiteboard" },
      ],
    });
  });

  it("removes an item from the section only", async () => {
    const library = new FakeLibrary([evidenceItem(1), evidenceItem(2)], { "1a": ["E1", "E2"] });
    const { calls } = await openAt(library, "1a");
    await waitFor(() => citationIds().length === 2);
    $('[data-evidence-id="E1"] [data-testid=citation-remove]')!.click();
    await waitFor(() => citationIds().length === 1);
    expect(calls.find((c) => c.cmd === "uncite")!.args).toEqual({ sectionId: "1a", evidenceId: "E1" });
    expect(citationIds()).toEqual(["E2"]);
    expect(document.activeElement).toBe($('[data-evidence-id="E2"] [data-testid=citation-remove]'));
  });

  it("cites from the library: calls cite and writes [E3] at the cursor", async () => {
    const library = new FakeLibrary(
      [evidenceItem(1, { title: "Quiz report" }), evidenceItem(2, { title: "Staff survey" }), evidenceItem(3, { title: "Student survey" })],
      { "1a": ["E1"] },
    );
    const { calls } = await openAt(library, "1a");
    const editor = editorOf("description");
    typeAt(editor, 1, "I ran workshops");
    // The cursor after "I ran" (position 1 is the start of the text).
    editor.commands.setTextSelection(6);
    editor.view.dom.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));

    byTestId("cite-picker-open")!.click();
    const picker = await waitFor(() => byTestId("cite-picker"));
    const options = () => Array.from(picker.querySelectorAll<HTMLElement>("[data-testid=cite-option]"), (o) => o.dataset.evidenceId);
    // E1 is cited here already: listed last, marked, and still there to write its number again.
    expect(options()).toEqual(["E2", "E3", "E1"]);
    expect(picker.querySelector('[data-evidence-id="E1"] .picker-meta')!.textContent).toContain("already cited here");
    type(picker.querySelector<HTMLInputElement>("[data-testid=cite-search]")!, "student");
    expect(options()).toEqual(["E3"]);
    picker.querySelector<HTMLElement>('[data-testid=cite-option][data-evidence-id="E3"]')!.click();

    await waitFor(() => citationIds().includes("E3"));
    expect(calls.find((c) => c.cmd === "cite")!.args).toEqual({ sectionId: "1a", evidenceId: "E3" });
    expect(markdownOf("description")).toBe("I ran [E3] workshops");
    expect(editor.view.dom.querySelector(".evidence-chip")?.getAttribute("data-evidence")).toBe("E3");
    expect(citationIds()).toEqual(["E1", "E3"]);

    // The preview links [E3] to the library; a click opens it with E3 highlighted.
    const link = await waitFor(() => byTestId("preview-description")!.querySelector<HTMLAnchorElement>("a.evidence-ref"));
    link.click();
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E3"]'));
    expect(row.classList.contains("highlight")).toBe(true);
    expect(document.activeElement).toBe(row);
  });

  it("puts the citation at the end of the description when no editor was used, from the toolbar too", async () => {
    const library = new FakeLibrary([evidenceItem(1), evidenceItem(2)]);
    const { calls } = await openAt(library, "1a");
    const editor = editorOf("description");
    typeAt(editor, 1, "As the survey shows.");
    byTestId("editor-description")!.parentElement!.querySelector<HTMLElement>("[data-testid=toolbar-cite]")!.click();
    const picker = await waitFor(() => byTestId("cite-picker"));
    // Enter in the search takes the first match.
    const search = picker.querySelector<HTMLInputElement>("[data-testid=cite-search]")!;
    type(search, "item 2");
    search.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    await waitFor(() => citationIds().includes("E2"));
    expect(calls.find((c) => c.cmd === "cite")!.args).toEqual({ sectionId: "1a", evidenceId: "E2" });
    expect(markdownOf("description")).toBe("As the survey shows. [E2]");
  });
});

describe("attaching", () => {
  const preview: SmallerCopyPreview = {
    pending: "small-1",
    original_name: "whiteboard.jpg",
    file_name: "whiteboard (smaller).jpg",
    before_bytes: 3_240_000,
    after_bytes: 850_000,
    before_size: "3.24 MB",
    after_size: "850 KB",
    width: 1600,
    height: 1200,
    original_width: 4032,
    original_height: 3024,
    preview: "data:image/jpeg;base64,AAAA",
  };

  it("reports a too-large photo and attaches a smaller copy instead", async () => {
    const library = new FakeLibrary([evidenceItem(1)]);
    const reports = (): AttachReport[] => [
      { name: "notes.pdf", outcome: library.add(evidenceItem(2, { title: "notes.pdf" }), ["1a"]), error: null },
      {
        name: "whiteboard.jpg",
        outcome: null,
        error: {
          code: "too_large",
          message: "“whiteboard.jpg” is 3.24 MB. Evidence files can be up to 1 MB.",
          can_make_smaller: true,
          pending: "big-1",
        },
      },
      { name: "empty.txt", outcome: null, error: { code: "refused", message: "“empty.txt” is empty. Nothing was attached." } },
    ];
    const { calls } = await openAt(library, "1a", {
      attach_files_dialog: () => reports(),
      make_smaller_copy: () => preview,
      attach_smaller_copy: (args) => library.add(evidenceItem(3, { title: String(args.title) }), args.sections as string[]),
    });
    byTestId("attach-file")!.click();
    const report = await waitFor(() => byTestId("attach-report"));
    expect(calls.find((c) => c.cmd === "attach_files_dialog")!.args).toEqual({ sections: ["1a"] });
    expect(report.querySelector(".dialog-title")!.textContent).toBe("1 attached, 2 not attached");
    expect(report.textContent).toContain("notes.pdf: added to your library as E2 and cited here.");
    const messages = Array.from(report.querySelectorAll("[data-testid=attach-report-message]"), (m) => m.textContent);
    expect(messages).toEqual([
      "“whiteboard.jpg” is 3.24 MB. Evidence files can be up to 1 MB.",
      "“empty.txt” is empty. Nothing was attached.",
    ]);
    expect(report.querySelectorAll("[data-testid=make-smaller]")).toHaveLength(1);
    await waitFor(() => citationIds().includes("E2")); // the page behind is up to date

    byTestId("make-smaller")!.click();
    const dialog = await waitFor(() => byTestId("smaller-dialog"));
    expect(calls.find((c) => c.cmd === "make_smaller_copy")!.args).toEqual({ pending: "big-1" });
    expect(byTestId<HTMLImageElement>("smaller-preview")!.getAttribute("src")).toBe(preview.preview);
    expect(byTestId("smaller-before")!.textContent).toBe("whiteboard.jpg: 3.24 MB, 4032 × 3024 pixels");
    expect(byTestId("smaller-after")!.textContent).toBe("850 KB, 1600 × 1200 pixels");
    expect(dialog.textContent).toContain("Your original file is not changed.");
    const title = byTestId<HTMLInputElement>("smaller-title")!;
    expect(title.value).toBe("whiteboard.jpg");
    type(title, "Whiteboard after the workshop");
    byTestId("attach-smaller")!.click();

    await waitFor(() => !byTestId("smaller-dialog"));
    expect(calls.find((c) => c.cmd === "attach_smaller_copy")!.args).toEqual({
      pending: "small-1",
      title: "Whiteboard after the workshop",
      sections: ["1a"],
    });
    expect(report.textContent).toContain("A smaller copy is added to your library as E3 and cited here.");
    expect(report.querySelector("[data-testid=make-smaller]")).toBeNull();
    await waitFor(() => citationIds().includes("E3"));
    byTestId("attach-report-close")!.click();
    await waitFor(() => !byTestId("attach-report"));
  });

  it("says when a file is already in the library, and offers a link for other large files", async () => {
    const library = new FakeLibrary([evidenceItem(3)]);
    const { calls } = await openAt(library, "1a", {
      attach_files_dialog: () => [
        {
          name: "item-3.pdf",
          outcome: { item: library.items[0], already_attached: true, metadata_removed: [], saved: saved() },
          error: null,
        },
        {
          name: "lecture.mp4",
          outcome: null,
          error: { code: "too_large", message: "“lecture.mp4” is 48 MB.", can_make_smaller: false, pending: "big-2" },
        },
      ],
      attach_link: (args) =>
        library.add(
          evidenceItem(4, { title: (args.link as { title: string }).title, source: { type: "link", url: "https://x.org" } }),
          args.sections as string[],
        ),
    });
    byTestId("attach-file")!.click();
    const report = await waitFor(() => byTestId("attach-report"));
    expect(report.textContent).toContain("item-3.pdf: already in your library as E3 — cited here too.");
    buttonIn(report, "Add as a link instead").click();
    await waitFor(() => byTestId("link-dialog"));
    expect(byTestId<HTMLInputElement>("link-title")!.value).toBe("lecture.mp4");
    type(byTestId<HTMLInputElement>("link-url")!, "https://video.example.ac.uk/lecture");
    byTestId("link-save")!.click();
    await waitFor(() => !byTestId("link-dialog"));
    expect(calls.find((c) => c.cmd === "attach_link")!.args).toEqual({
      link: { url: "https://video.example.ac.uk/lecture", title: "lecture.mp4" },
      sections: ["1a"],
    });
    expect(report.textContent).toContain("Added as a link: added to your library as E4 and cited here.");
  });

  it("shows the refusal of a link inside the dialog and keeps what was typed", async () => {
    const library = new FakeLibrary([]);
    const { calls } = await openAt(library, "1a", {
      attach_link: (args) => {
        const link = args.link as { url: string; title: string };
        if (!link.url.startsWith("https://")) {
          throw {
            code: "invalid",
            message: 'Only web addresses starting with https:// or http:// can be evidence links (this one starts with "javascript:").',
          };
        }
        return library.add(evidenceItem(1, { title: link.title, source: { type: "link", url: link.url } }), args.sections as string[]);
      },
    });
    byTestId("add-link")!.click();
    await waitFor(() => byTestId("link-dialog"));
    expect(document.activeElement).toBe(byTestId("link-title")); // the first field to fill in
    byTestId("link-save")!.click();
    expect(byTestId("link-error")!.textContent).toContain("Give the link a title");
    await waitFor(() => !byTestId<HTMLButtonElement>("link-save")!.disabled);
    type(byTestId<HTMLInputElement>("link-title")!, "Course page");
    type(byTestId<HTMLInputElement>("link-url")!, "javascript:alert(1)");
    byTestId("link-save")!.click();
    await waitFor(() => byTestId("link-error")!.textContent!.includes("Only web addresses"));
    expect(byTestId("link-dialog")).not.toBeNull();
    expect(byTestId<HTMLInputElement>("link-url")!.getAttribute("aria-invalid")).toBe("true");
    expect(byTestId<HTMLInputElement>("link-title")!.value).toBe("Course page");

    await waitFor(() => !byTestId<HTMLButtonElement>("link-save")!.disabled); // buttons wait while saving
    type(byTestId<HTMLInputElement>("link-url")!, "https://vle.example.ac.uk/course");
    // Enter in a field saves, as in a form.
    byTestId("link-url")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    await waitFor(() => !byTestId("link-dialog"));
    expect(calls.filter((c) => c.cmd === "attach_link")).toHaveLength(2);
    await waitFor(() => citationIds().includes("E1"));
  });

  it("asks where to cite dropped files, defaulting to the open section", async () => {
    const library = new FakeLibrary([]);
    const { calls } = await openAt(library, "2a", {
      attach_dropped: (args) => [
        { name: "a.pdf", outcome: library.add(evidenceItem(1, { title: "a.pdf" }), args.sections as string[]), error: null },
        { name: "b.pdf", outcome: library.add(evidenceItem(2, { title: "b.pdf" }), args.sections as string[]), error: null },
      ],
    });
    await settled(); // the listener registers through the mocked IPC
    await emit(EVIDENCE_DROPPED_EVENT, { names: ["a.pdf", "b.pdf"] });
    const dialog = await waitFor(() => byTestId("drop-dialog"));
    expect(dialog.querySelector(".dialog-title")!.textContent).toBe("Attach 2 files?");
    expect(Array.from(dialog.querySelectorAll(".file-list li"), (li) => li.textContent)).toEqual(["a.pdf", "b.pdf"]);
    const select = byTestId<HTMLSelectElement>("drop-section")!;
    expect(select.value).toBe("2a");
    expect(select.options[0].textContent).toContain("Library only");
    byTestId("drop-attach")!.click();
    const report = await waitFor(() => byTestId("attach-report"));
    expect(calls.find((c) => c.cmd === "attach_dropped")!.args).toEqual({ sections: ["2a"] });
    expect(report.querySelector(".dialog-title")!.textContent).toBe("2 files attached");
    await waitFor(() => citationIds().length === 2);
  });
});

describe("the evidence library", () => {
  function sample() {
    const library = new FakeLibrary(
      [
        evidenceItem(1, { title: "Quiz report", source: fileSource("quiz.pdf", 2_000_000) }),
        evidenceItem(2, {
          title: "Old handbook",
          date: "2019-06",
          what_it_shows: "",
          permission_confirmed: false,
          source: fileSource("handbook.pdf", 300_000),
        }),
        evidenceItem(3, { title: "Lost photo", source: { type: "missing_file", original_name: "photo.png" } }),
        evidenceItem(4, { title: "Course page", source: { type: "link", url: "https://vle.example.ac.uk/c/1" } }),
      ],
      { "1a": ["E1", "E4"], "3a": ["E1"], "2a": ["E3"] },
    );
    library.old.add("2019-06");
    return library;
  }

  it("lists every item with its flags in words and the total against the limit", async () => {
    await openAt(sample(), "library");
    const rows = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>("[data-testid=library-row]");
      return found.length === 4 ? Array.from(found) : null;
    });
    expect(rows.map((r) => r.dataset.evidenceId)).toEqual(["E1", "E2", "E3", "E4"]);
    const flags = (row: HTMLElement) => Array.from(row.querySelectorAll<HTMLElement>(".badge.warn"), (b) => b.textContent);
    expect(flags(rows[0])).toEqual([]);
    expect(rows[0].textContent).toContain("Ready");
    expect(rows[0].textContent).toContain("PDF · 2 MB · March 2025");
    expect(flags(rows[1])).toEqual([
      "Not cited anywhere",
      "Needs a reason: older than 3 years",
      "What it shows is missing",
      "No permission ticked",
    ]);
    expect(flags(rows[2])).toEqual(["File not found: attach it"]);
    expect(rows[2].querySelector("[data-testid=evidence-replace]")!.textContent).toBe("Replace file…");
    expect(buttonIn(rows[2], "Open")).toBeUndefined();
    expect(rows[3].querySelector("[data-testid=evidence-replace]")).toBeNull(); // links have no file
    expect(rows[3].textContent).toContain("https://vle.example.ac.uk/c/1");

    expect(byTestId("library-total")!.textContent).toContain("2.3 MB of 10 MB");
    expect(byTestId("library")!.getAttribute("aria-current")).toBe("page");

    // "Cited in" names sections by number and opens them.
    const cited = Array.from(rows[0].querySelectorAll<HTMLElement>(".cited-link"));
    expect(cited.map((c) => c.textContent)).toEqual(["1a", "3a"]);
    cited[1].click();
    await waitFor(() => byTestId("section-title")?.textContent?.startsWith("3a"));
  });

  it("explains evidence when the library is empty", async () => {
    await openAt(new FakeLibrary([]), "library");
    const empty = await waitFor(() => byTestId("library-empty"));
    expect(empty.querySelectorAll("p")).toHaveLength(2);
    expect(byTestId("library-total")!.textContent).toContain("0 bytes of 10 MB");
  });

  it("asks before removing an item and says which citations go with it", async () => {
    const library = sample();
    const { calls } = await openAt(library, "library");
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E1"]'));
    row.querySelector<HTMLElement>("[data-testid=evidence-remove]")!.click();
    const dialog = await waitFor(() => byTestId("remove-evidence-dialog"));
    expect(dialog.textContent).toContain("It is cited in sections 1a and 3a.");
    expect(dialog.textContent).toContain("Those citations are removed too.");
    expect(dialog.textContent).toContain("Where you wrote [E1] in your text, it stays");
    expect(document.activeElement!.textContent).toBe("Keep it"); // the safe choice has focus
    byTestId("remove-evidence-confirm")!.click();
    await waitFor(() => !$('[data-testid=library-row][data-evidence-id="E1"]'));
    expect(calls.find((c) => c.cmd === "remove_evidence")!.args).toEqual({ evidenceId: "E1" });
    expect(byTestId("library-total")!.textContent).toContain("300 KB of 10 MB");
  });

  it("does not mention citations when removing an unused item", async () => {
    await openAt(sample(), "library");
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E2"]'));
    row.querySelector<HTMLElement>("[data-testid=evidence-remove]")!.click();
    const dialog = await waitFor(() => byTestId("remove-evidence-dialog"));
    expect(dialog.querySelector("[data-testid=remove-evidence-cited]")).toBeNull();
    buttonIn(dialog, "Keep it").click();
    await waitFor(() => !byTestId("remove-evidence-dialog"));
  });

  it("edits an item's details and asks why an old item still matters", async () => {
    const library = sample();
    library.old.add("2018"); // the pretend core calls 2018 and 2019-06 old
    const { calls } = await openAt(library, "library");
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E2"]'));
    row.querySelector<HTMLElement>("[data-testid=evidence-edit]")!.click();
    await waitFor(() => byTestId("evidence-dialog"));
    const reasonRow = () => byTestId("evidence-reason")!.closest<HTMLElement>(".form-row")!;
    await waitFor(() => reasonRow().hidden === false); // 2019 is older than 3 years
    const date = byTestId<HTMLInputElement>("evidence-date")!;
    type(date, "2025-02");
    await waitFor(() => reasonRow().hidden === true);
    type(date, "last year");
    byTestId("evidence-save")!.click();
    // The core refuses the date, in its own words.
    await waitFor(() => byTestId("evidence-error")!.textContent!.includes("is not a date"));
    await waitFor(() => !byTestId<HTMLButtonElement>("evidence-save")!.disabled);
    type(date, "2018");
    await waitFor(() => reasonRow().hidden === false);
    type(byTestId<HTMLInputElement>("evidence-reason")!, "The handbook is still in use.");
    type(byTestId<HTMLInputElement>("evidence-shows")!, "The guidance I wrote for staff.");
    byTestId<HTMLInputElement>("evidence-permission")!.click();
    byTestId("evidence-save")!.click();
    await waitFor(() => !byTestId("evidence-dialog"));
    // The last save is the one that went through (the one with "last year" was refused).
    expect(calls.filter((c) => c.cmd === "save_evidence_details").at(-1)!.args).toEqual({
      evidenceId: "E2",
      details: {
        title: "Old handbook",
        date: "2018",
        origin: "My VLE course",
        what_it_shows: "The guidance I wrote for staff.",
        permission_confirmed: true,
        still_relevant_because: "The handbook is still in use.",
      },
    });
    const flags = Array.from($('[data-evidence-id="E2"]')!.querySelectorAll(".badge.warn"), (b) => b.textContent);
    expect(flags).toEqual(["Not cited anywhere"]);
  });
});
