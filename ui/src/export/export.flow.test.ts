// Flows for "Export and share": the format choice and its size estimate, over the limit, exporting with
// progress and a result, cancel and refusal, printing, and opening an exported portfolio from the start screen.
import { emit } from "@tauri-apps/api/event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { WORK_PROGRESS_EVENT } from "../api";
import { checklistFor, problem } from "../test/checklist-fixtures";
import { openedFor } from "../test/fixtures";
import { backend, boot, byTestId, settled, sizeReportFor, waitFor } from "../test/harness";
import type { ExportOptions, ExportOutcome, OpenedPortfolio } from "../types";
import { PRINT_NOTE } from "./export-page";

afterEach(() => {
  clearMocks();
});

type Handlers = Parameters<typeof backend>[0];

async function openExport(extra: Handlers = {}) {
  const calls = backend({ current_portfolio: () => openedFor("cmalt"), ...extra });
  await boot();
  await waitFor(() => byTestId("sidebar"));
  byTestId("export")!.click();
  await waitFor(() => byTestId("export-page"));
  await waitFor(() => byTestId("size-total"));
  return calls;
}

const estimates = (calls: ReturnType<typeof backend>) =>
  calls.filter((c) => c.cmd === "export_estimate").map((c) => c.args.options as ExportOptions);

function chooseFormat(value: string) {
  const radio = document.querySelector<HTMLInputElement>(`input[name=export-format][value=${value}]`)!;
  radio.click();
}

/** A command that answers only when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the export page", () => {
  it("is in the sidebar and on the Ready page, and shows the checklist's state", async () => {
    const problems = [
      problem("missing_reflection", "1a", "Section 1a has no Reflection yet."),
      problem("missing_section", "context", "Contextual statement is not written yet."),
    ];
    await openExport({ checklist: () => checklistFor("cmalt", { problems }) });
    expect(byTestId("export")!.getAttribute("aria-current")).toBe("page");
    expect(document.activeElement!.textContent).toBe("Export and share");
    const readiness = await waitFor(() => byTestId<HTMLElement>("export-open-ready"));
    expect(byTestId("export-readiness")!.textContent).toContain("The checklist still lists 2 things to fix");
    // Exporting is allowed anyway.
    expect(byTestId<HTMLButtonElement>("export-go")!.disabled).toBe(false);

    readiness.click();
    await waitFor(() => byTestId("ready-page"));
    byTestId("open-export")!.click();
    await waitFor(() => byTestId("export-page"));
  });

  it("asks for a new estimate when the format or the embedding changes", async () => {
    const calls = await openExport();
    const radios = Array.from(document.querySelectorAll<HTMLInputElement>("input[name=export-format]"));
    expect(radios.map((r) => r.value)).toEqual(["zip", "single_html", "folder", "docx", "pdf"]);
    expect(radios[0].checked).toBe(true);
    expect(byTestId("export-page")!.textContent).toContain("Recommended for submitting");
    expect(estimates(calls)).toEqual([{ format: "zip", embed_all_files: false, replace: false }]);
    expect(byTestId("export-size")!.textContent).toContain("2.4 MB of the 10 MB limit");
    expect(byTestId("export-size")!.textContent).toContain("E1 Quiz screenshot");

    chooseFormat("single_html");
    await waitFor(() => estimates(calls).length === 2);
    expect(estimates(calls)[1]).toEqual({ format: "single_html", embed_all_files: false, replace: false });

    byTestId<HTMLInputElement>("export-embed")!.click();
    await waitFor(() => estimates(calls).length === 3);
    expect(estimates(calls)[2]).toEqual({ format: "single_html", embed_all_files: true, replace: false });

    chooseFormat("folder");
    await waitFor(() => estimates(calls).length === 4);
    expect(estimates(calls)[3].format).toBe("folder");
  });

  it("says how far over the limit it is, what to do, and what a single page leaves out", async () => {
    await openExport({
      export_estimate: (args) => {
        const options = args.options as ExportOptions;
        return options.format === "single_html"
          ? sizeReportFor("single_html", 12_000_000, { left_out: [{ name: "E3 Lecture recording", bytes: 900_000, size: "900 KB" }] })
          : sizeReportFor(options.format, 12_000_000);
      },
    });
    const size = byTestId("export-size")!;
    expect(byTestId("size-total")!.textContent).toBe("12 MB, 2 MB over the 10 MB limit");
    expect(byTestId("size-advice")!.textContent).toContain("link big items instead of attaching them");
    expect(size.querySelector("[data-testid=size-left-out]")).toBeNull();

    chooseFormat("single_html");
    const leftOut = await waitFor(() => byTestId("size-left-out"));
    expect(leftOut.textContent).toContain("E3 Lecture recording");
    expect(leftOut.textContent).toContain("900 KB");
  });

  it("exports with a progress bar, then shows where it went with Open and Show in folder", async () => {
    const answer = deferred<ExportOutcome>();
    const calls = await openExport({ export_portfolio: () => answer.promise });
    const go = byTestId<HTMLButtonElement>("export-go")!;
    expect(byTestId("export-progress")!.hidden).toBe(true);

    go.click();
    await waitFor(() => calls.some((c) => c.cmd === "export_portfolio"));
    expect(calls.find((c) => c.cmd === "export_portfolio")!.args).toEqual({
      options: { format: "zip", embed_all_files: false, replace: false },
    });
    expect(byTestId("export-progress")!.hidden).toBe(false);
    expect(byTestId("export-progress")!.querySelector("progress")!.hasAttribute("value")).toBe(false);
    expect(go.disabled).toBe(true);

    answer.resolve({ path: "/home/sam/Desktop/CMALT portfolio.zip", format: "zip", sizes: sizeReportFor("zip", 3_100_000) });
    const result = await waitFor(() => byTestId("export-result"));
    expect(byTestId("export-progress")!.hidden).toBe(true);
    expect(go.disabled).toBe(false);
    expect(byTestId("export-path")!.textContent).toBe("/home/sam/Desktop/CMALT portfolio.zip");
    expect(result.textContent).toContain("3.1 MB of the 10 MB limit");

    byTestId("export-open")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "open_last_export"));
    byTestId("export-reveal")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "reveal_last_export"));
    expect(byTestId("error-dialog")).toBeNull();
  });

  it("does nothing when the place dialog is cancelled", async () => {
    const calls = await openExport({ export_portfolio: () => null });
    byTestId("export-go")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "export_portfolio"));
    await settled();
    expect(byTestId("export-result")).toBeNull();
    expect(byTestId("export-error")!.textContent).toBe("");
    expect(byTestId("error-dialog")).toBeNull();
    expect(byTestId("export-progress")!.hidden).toBe(true);
    expect(byTestId<HTMLButtonElement>("export-go")!.disabled).toBe(false);
  });

  it("shows a refused export calmly, in the backend's words", async () => {
    const message = "E2 “Feedback.pdf” is missing from the evidence folder, so the export was not made.";
    const calls = await openExport({
      export_portfolio: () => {
        throw { code: "refused", message };
      },
    });
    byTestId("export-go")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "export_portfolio"));
    const shown = await waitFor(() => byTestId("export-error-message"));
    expect(shown.textContent).toBe(message);
    expect(byTestId("export-error")!.textContent).toContain("The export could not be made");
    expect(byTestId("export-result")).toBeNull();
    expect(byTestId<HTMLButtonElement>("export-go")!.disabled).toBe(false);
  });

  it("opens the portfolio in the browser for printing", async () => {
    const calls = await openExport();
    byTestId("print")!.click();
    await waitFor(() => calls.some((c) => c.cmd === "print_portfolio"));
    const note = await waitFor(() => (byTestId("print-note")!.textContent ? byTestId("print-note") : null));
    expect(note.textContent).toBe(PRINT_NOTE);
    expect(note.textContent).toContain("Choose Print (A4)");
  });
});

describe("opening an exported portfolio", () => {
  it("opens what the dialog returns, like any other portfolio", async () => {
    const opened = openedFor("senior", "/home/sam/CMALT/From export");
    const calls = backend({ open_bundle_dialog: () => opened });
    await boot();
    const button = await waitFor(() => byTestId<HTMLElement>("open-bundle"));
    expect(button.textContent).toBe("Open an exported portfolio…");
    expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toContain("a .zip or folder made with Export");
    button.click();
    await waitFor(() => byTestId("sidebar"));
    expect(calls.filter((c) => c.cmd === "open_bundle_dialog")).toHaveLength(1);
  });

  it("shows the core's progress while a large export is checked and copied in, then hides it", async () => {
    const opened = openedFor("cmalt", "/home/sam/CMALT/From export");
    let finish: (value: OpenedPortfolio) => void = () => {};
    backend({ open_bundle_dialog: () => new Promise<OpenedPortfolio>((resolve) => (finish = resolve)) });
    await boot();
    const button = await waitFor(() => byTestId<HTMLElement>("open-bundle"));
    expect(byTestId("open-progress")!.hidden).toBe(true);
    button.click();
    await settled();
    await emit(WORK_PROGRESS_EVENT, { done: 13, total: 40, message: "Copying evidence files: 14 of 20" });
    const line = await waitFor(() => (byTestId("open-progress")!.hidden ? null : byTestId("open-progress")!));
    expect(line.getAttribute("role")).toBe("status");
    expect(byTestId("open-progress-text")!.textContent).toBe("Copying evidence files: 14 of 20");
    const bar = line.querySelector("progress")!;
    expect([bar.value, bar.max]).toEqual([13, 40]);
    finish(opened);
    await waitFor(() => byTestId("sidebar"));
  });

  it("stays on the start screen when cancelled, and shows a refusal in the error dialog", async () => {
    let answer: () => unknown = () => null;
    const calls = backend({ open_bundle_dialog: () => answer() });
    await boot();
    const button = await waitFor(() => byTestId<HTMLElement>("open-bundle"));
    button.click();
    await waitFor(() => calls.some((c) => c.cmd === "open_bundle_dialog"));
    await settled();
    expect(byTestId("error-dialog")).toBeNull();
    expect(byTestId("sidebar")).toBeNull();

    answer = () => {
      throw { code: "refused", message: "This zip was not made by CMALT Portfolio's Export." };
    };
    button.click();
    const dialog = await waitFor(() => byTestId("error-dialog"));
    expect(dialog.querySelector("[data-testid=error-message]")!.textContent).toBe("This zip was not made by CMALT Portfolio's Export.");
    expect(byTestId("sidebar")).toBeNull();
  });
});
