// "Export and share": choose the kind of file, see its size against the scheme's limit, make it, then
// open it or show it in its folder. Also opens the portfolio in the browser to print.
import { api, isAppError, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { thingsToFixText } from "../format";
import { icon } from "../icons";
import { confirmDialog, showError } from "../shell/dialogs";
import type { Page, PageContext } from "../shell/page";
import type { ExportFormat, ExportOptions, ExportOutcome, SnapshotListing } from "../types";
import { createSizeReport } from "./size-report";

interface FormatChoice {
  value: ExportFormat;
  name: string;
  tag?: string;
  text: string;
}

const FORMATS: FormatChoice[] = [
  {
    value: "zip",
    name: "Zip file",
    tag: "Recommended for submitting",
    text: "One file with the web page, your evidence and a copy of the portfolio you can open again later.",
  },
  {
    value: "single_html",
    name: "Single web page",
    text: "One .html file for e-mailing or uploading. Images are inside it; other files are listed by title.",
  },
  {
    value: "folder",
    name: "Folder",
    text: "The same files as the zip, unpacked into a folder.",
  },
  {
    value: "docx",
    name: "Word document",
    text: "One .docx with real headings, a table of contents, the pictures of your evidence and the declaration, for those who work in Word.",
  },
  {
    value: "pdf",
    name: "PDF",
    text: "One A4 PDF with bookmarks, page numbers and working links, made here: no web browser needed.",
  },
];

export const PRINT_NOTE = "Your portfolio has opened in your web browser. Choose Print (A4). Each core area starts on a new page.";

export function createExportPage(ctx: PageContext): Page {
  const options: ExportOptions = { format: "zip", embed_all_files: false, replace: false };
  let estimateRun = 0;
  let destroyed = false;
  /** the snapshot a summary of revisions is measured from; null: no summary */
  let revisionsSince: string | null = null;

  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Export and share");
  const readiness = h("div", { class: "export-readiness", "data-testid": "export-readiness" });
  const sizeSlot = h("div", { class: "export-size", "data-testid": "export-size", "aria-live": "polite" });
  const progress = h(
    "div",
    { class: "work-progress", "data-testid": "export-progress", role: "status", hidden: true },
    h("progress", { "aria-label": "Exporting" }),
    h("span", null, "Making your export…"),
  );
  const errorSlot = h("div", { class: "export-error", role: "alert", "data-testid": "export-error" });
  const resultSlot = h("div", { class: "export-result-slot" });
  const printNote = h("div", { class: "print-note", role: "status", "data-testid": "print-note" });

  // ---- the choice of format ----
  const embed = h("input", {
    type: "checkbox",
    "data-testid": "export-embed",
    checked: false,
    onchange: () => {
      options.embed_all_files = embed.checked;
      void estimate();
    },
  });
  const embedRow = h(
    "label",
    { class: "export-embed" },
    embed,
    h(
      "span",
      null,
      "Put every attached file inside the page",
      h("span", { class: "hint" }, " (a bigger page, but nothing to send separately)"),
    ),
  );

  const card = (choice: FormatChoice) => {
    const id = uid(`export-${choice.value}`);
    const textId = uid("export-text");
    // The checkbox sits outside the radio's label: labels must not nest.
    return h(
      "div",
      { class: "export-card" },
      h(
        "label",
        { class: "export-card-label", for: id },
        h(
          "span",
          { class: "card-head" },
          h("input", {
            type: "radio",
            name: "export-format",
            id,
            value: choice.value,
            checked: choice.value === options.format,
            "aria-describedby": textId,
            onchange: () => choose(choice.value),
          }),
          h("span", { class: "card-name" }, choice.name),
          choice.tag ? h("span", { class: "tag" }, choice.tag) : null,
        ),
        h("span", { class: "card-summary", id: textId }, choice.text),
      ),
      choice.value === "single_html" ? embedRow : null,
    );
  };

  const choose = (format: ExportFormat) => {
    if (options.format === format) return;
    options.format = format;
    void estimate();
  };

  // ---- the size before exporting ----
  async function estimate(): Promise<void> {
    const mine = ++estimateRun;
    sizeSlot.setAttribute("aria-busy", "true");
    replaceChildren(sizeSlot, h("p", { class: "muted" }, "Working out the size…"));
    try {
      const report = await api.exportEstimate({ ...options }, revisionsSince);
      if (mine !== estimateRun || destroyed) return;
      replaceChildren(sizeSlot, createSizeReport(report));
    } catch (error) {
      if (mine !== estimateRun || destroyed) return;
      replaceChildren(sizeSlot, h("p", { class: "muted" }, `The size could not be worked out: ${messageOf(error)}`));
    }
    sizeSlot.removeAttribute("aria-busy");
  }

  // ---- a summary of revisions, for a re-submission ----
  const revisionsSlot = h("div", { class: "export-revisions-slot" });
  async function loadSnapshots(): Promise<void> {
    let snapshots: SnapshotListing[] = [];
    try {
      snapshots = (await api.versionsOverview()).snapshots;
    } catch {
      return; // without the list there is nothing to offer; the export works as before
    }
    if (destroyed || snapshots.length === 0) return;
    const submitted = snapshots.find((s) => s.submitted) ?? null;
    const tick = h("input", { type: "checkbox", id: uid("revisions"), "data-testid": "export-revisions", checked: submitted !== null });
    const select = h(
      "select",
      {
        class: "select",
        "data-testid": "export-revisions-since",
        "aria-label": "The version to measure the revisions from",
        value: (submitted ?? snapshots[0]).id,
        disabled: submitted === null,
      },
      snapshots.map((s) => h("option", { value: s.id }, `${s.name}${s.submitted ? " (submitted)" : ""}`)),
    );
    const update = () => {
      select.disabled = !tick.checked;
      revisionsSince = tick.checked ? select.value : null;
      void estimate();
    };
    tick.addEventListener("change", update);
    select.addEventListener("change", update);
    revisionsSince = tick.checked ? select.value : null;
    replaceChildren(
      revisionsSlot,
      h(
        "fieldset",
        { class: "plain-fieldset export-revisions" },
        h("legend", null, "Summary of revisions"),
        h(
          "p",
          { class: "hint" },
          "For a re-submission: a page at the start listing what you changed in each section since an earlier version, with the added and removed passages.",
        ),
        h(
          "div",
          { class: "revisions-row" },
          h("label", { for: tick.id, class: "check-row" }, tick, "Include a summary of revisions since:"),
          select,
        ),
      ),
    );
    if (revisionsSince) void estimate();
  }

  // ---- readiness, from the checklist ----
  const renderReadiness = () => {
    const checklist = ctx.checklist.current();
    if (!checklist) {
      replaceChildren(readiness);
      return;
    }
    if (checklist.errors === 0) {
      replaceChildren(readiness, h("p", { class: "export-ready" }, icon("check"), "Your portfolio meets the checklist."));
      return;
    }
    replaceChildren(
      readiness,
      h(
        "p",
        { class: "export-not-ready" },
        icon("flag"),
        `The checklist still lists ${thingsToFixText(checklist.errors)}. You can export anyway, for example to share a draft with a mentor. `,
        h(
          "button",
          { type: "button", class: "link-button", "data-testid": "export-open-ready", onclick: () => ctx.open({ kind: "ready" }) },
          "See what is left",
        ),
      ),
    );
  };

  // ---- exporting ----
  const go = h(
    "button",
    { type: "button", class: "button primary large", "data-testid": "export-go", onclick: () => void runExport() },
    icon("export"),
    "Export…",
  );

  const setBusy = (busy: boolean) => {
    go.disabled = busy;
    progress.hidden = !busy;
  };

  async function runExport(replace = false): Promise<void> {
    if (go.disabled) return;
    replaceChildren(errorSlot);
    try {
      await ctx.autosave.flush();
    } catch (error) {
      await showError(error, "Your latest changes are not saved yet");
      return;
    }
    setBusy(true);
    let outcome: ExportOutcome | null = null;
    let failure: unknown = null;
    try {
      outcome = await api.exportPortfolio({ ...options, replace }, revisionsSince);
    } catch (error) {
      failure = error;
    }
    if (destroyed) return;
    setBusy(false);
    if (failure !== null) {
      if (isAppError(failure) && failure.code === "exists" && !replace) {
        const sure = await confirmDialog({
          title: "There is an earlier export there",
          body: h("p", null, messageOf(failure), " Replace it with this one? You will choose the place again."),
          confirmLabel: "Replace it",
          cancelLabel: "Keep it",
          testid: "export-replace-dialog",
          confirmTestid: "export-replace",
        });
        if (sure && !destroyed) await runExport(true);
        return;
      }
      replaceChildren(
        errorSlot,
        h(
          "div",
          { class: "notice" },
          h("p", null, h("strong", null, "The export could not be made")),
          h("p", { "data-testid": "export-error-message" }, messageOf(failure)),
        ),
      );
      go.focus();
      return;
    }
    // null: the candidate cancelled the place dialog; nothing changes.
    if (!outcome) return;
    showResult(outcome);
  }

  const after = (action: () => Promise<void>, title: string) => () => void action().catch((error) => showError(error, title));

  function showResult(outcome: ExportOutcome): void {
    const title = h("h2", { tabindex: "-1" }, icon("check"), "Your portfolio is exported");
    replaceChildren(
      resultSlot,
      h(
        "section",
        { class: "export-result", "data-testid": "export-result", "aria-label": "The export" },
        title,
        h("p", null, "It is here:"),
        h("p", { class: "export-path", "data-testid": "export-path" }, outcome.path),
        createSizeReport(outcome.sizes),
        h(
          "div",
          { class: "export-result-actions" },
          h(
            "button",
            {
              type: "button",
              class: "button",
              "data-testid": "export-open",
              onclick: after(() => api.openLastExport(), "It could not be opened"),
            },
            "Open",
          ),
          h(
            "button",
            {
              type: "button",
              class: "button",
              "data-testid": "export-reveal",
              onclick: after(() => api.revealLastExport(), "The folder could not be shown"),
            },
            icon("folder"),
            "Show in folder",
          ),
        ),
      ),
    );
    title.focus();
  }

  // ---- printing ----
  const print = h(
    "button",
    { type: "button", class: "button", "data-testid": "print", onclick: () => void runPrint() },
    icon("printer"),
    "Print from your web browser…",
  );

  async function runPrint(): Promise<void> {
    replaceChildren(printNote);
    print.disabled = true;
    try {
      await ctx.autosave.flush();
      await api.printPortfolio();
      if (!destroyed) replaceChildren(printNote, h("p", { class: "notice" }, PRINT_NOTE));
    } catch (error) {
      if (!destroyed)
        replaceChildren(
          printNote,
          h("p", { class: "notice", "data-testid": "print-error" }, `It could not be opened for printing: ${messageOf(error)}`),
        );
    }
    print.disabled = false;
  }

  const printTitleId = uid("export-print");
  const stop = ctx.checklist.onChange(renderReadiness);
  const element = h(
    "article",
    { class: "section-page export-page", "data-testid": "export-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h("p", { class: "lead" }, "Make the file you send to your assessors, or a copy to keep. Your portfolio here stays as it is."),
    ),
    readiness,
    h("fieldset", { class: "export-formats" }, h("legend", null, "What to make"), h("div", { class: "card-row" }, FORMATS.map(card))),
    revisionsSlot,
    h("section", { class: "export-size-section", "aria-label": "Size" }, h("h2", { class: "small-heading" }, "Size"), sizeSlot),
    h("div", { class: "export-go-row" }, go, progress),
    errorSlot,
    resultSlot,
    h(
      "section",
      { class: "export-print", "aria-labelledby": printTitleId },
      h("h2", { id: printTitleId }, "Print"),
      h("p", null, "Opens your portfolio as one page in your web browser, ready to print. To keep a PDF, choose PDF above instead."),
      print,
      printNote,
    ),
  );
  renderReadiness();
  void estimate();
  void loadSnapshots();

  return {
    element,
    focus: () => heading.focus(),
    destroy() {
      destroyed = true;
      stop();
    },
  };
}
