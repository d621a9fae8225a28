// Attaching evidence from start to finish: pick or drop files, then one calm report of what was attached,
// what was not and why, with a way forward for files over 1 MB (a smaller copy, or a link instead).
import { api, messageOf } from "../api";
import { h, replaceChildren } from "../dom";
import { openDialog, showError, showInfo } from "../shell/dialogs";
import type { AppError, AttachOutcome, AttachReport } from "../types";
import { linkDialog, smallerCopyDialog } from "./evidence-dialogs";
import { sectionShortName } from "./evidence-format";
import type { Evidence } from "./evidence-state";

/** "here", "in 1a", or null for the library only: where attached items were cited. */
function citedWhere(evidence: Evidence, sections: string[]): string | null {
  if (sections.length === 0) return null;
  if (sections.length === 1 && sections[0] === evidence.currentSection()) return "here";
  return `in ${sections.map((id) => sectionShortName(evidence.outline(), id)).join(", ")}`;
}

/** One sentence about an attached item, and what the core took out of a photo on the way in. */
export function outcomeText(outcome: AttachOutcome, where: string | null): string {
  const { item } = outcome;
  const cleaned =
    outcome.metadata_removed.length > 0 ? `. Personal details were taken out of the photo: ${outcome.metadata_removed.join(", ")}` : "";
  if (outcome.already_attached) {
    return where
      ? `already in your library as ${item.id} — cited ${where} too${cleaned}`
      : `already in your library as ${item.id}${cleaned}`;
  }
  return where ? `added to your library as ${item.id} and cited ${where}${cleaned}` : `added to your library as ${item.id}${cleaned}`;
}

/** The native file dialog, then the report. Resolves the ids of the items now in the library. */
export async function attachFiles(evidence: Evidence, sections: string[]): Promise<string[]> {
  await evidence.beforeChange();
  let reports: AttachReport[];
  try {
    reports = await api.attachFilesDialog(sections);
  } catch (error) {
    await showError(error, "The files could not be attached");
    return [];
  }
  await finish(evidence, reports, sections);
  return attachedIds(reports);
}

/** The items attached (or found already there), in the order they were picked. */
function attachedIds(reports: AttachReport[]): string[] {
  const ids = reports.map((report) => report.outcome?.item.id).filter((id): id is string => !!id);
  return [...new Set(ids)];
}

/** Pictures pasted into a section's text: each attached and cited there, its number at the cursor. */
export async function attachPastedImages(
  evidence: Evidence,
  sectionId: string,
  files: File[],
  field: { insertText(text: string, at: "cursor" | "end"): boolean },
): Promise<void> {
  await evidence.beforeChange();
  const refused: string[] = [];
  for (const file of files) {
    try {
      const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
      const outcome = await api.attachPastedImage(sectionId, bytes);
      await evidence.refresh(outcome.saved);
      field.insertText(`[${outcome.item.id}]`, "cursor");
    } catch (error) {
      refused.push(messageOf(error));
    }
  }
  if (refused.length > 0)
    await showInfo(refused.length === 1 ? "The picture was not attached" : "Some pictures were not attached", refused.join(" "));
}

/** Files dropped on the window, after the candidate said where to cite them. */
export async function attachDropped(evidence: Evidence, sections: string[]): Promise<void> {
  await evidence.beforeChange();
  let reports: AttachReport[];
  try {
    reports = await api.attachDropped(sections);
  } catch (error) {
    await showError(error, "The files could not be attached");
    return;
  }
  await finish(evidence, reports, sections);
}

async function finish(evidence: Evidence, reports: AttachReport[], sections: string[]): Promise<void> {
  if (reports.length === 0) return; // cancelled
  const saved = [...reports].reverse().find((report) => report.outcome)?.outcome?.saved ?? null;
  await evidence.refresh(saved);
  await showAttachReport(evidence, reports, sections);
}

/** "Add a link…": the dialog, then the library and page refreshed. */
export async function addLink(evidence: Evidence, sections: string[], title?: string, intro?: string): Promise<AttachOutcome | null> {
  await evidence.beforeChange();
  const outcome = await linkDialog({ sections, title, intro });
  if (!outcome) return null;
  await evidence.refresh(outcome.saved);
  if (outcome.already_attached)
    await showInfo("Already in your library", `This link is ${outcomeText(outcome, citedWhere(evidence, sections))}.`);
  return outcome;
}

function refusalTitle(attached: number, refused: number): string {
  if (refused === 0) return attached === 1 ? "File attached" : `${attached} files attached`;
  if (attached === 0) return refused === 1 ? "The file was not attached" : "The files were not attached";
  return `${attached} attached, ${refused} not attached`;
}

/** The report of one attach: what went in, what did not and why, with the ways forward. */
export function showAttachReport(evidence: Evidence, reports: AttachReport[], sections: string[]): Promise<void> {
  const where = () => citedWhere(evidence, sections);
  const attached = reports.filter((report) => report.outcome);
  const refused = reports.filter((report) => !report.outcome);
  const anyNew = attached.some((report) => !report.outcome!.already_attached);

  const doneRow = (name: string, outcome: AttachOutcome) =>
    h("li", { class: "report-done", "data-evidence-id": outcome.item.id }, h("strong", null, name), `: ${outcomeText(outcome, where())}.`);

  const refusedRow = (report: AttachReport) => {
    const error = report.error ?? ({ code: "refused", message: "It could not be attached." } as AppError);
    const status = h("p", { class: "report-status", role: "status" });
    const actions = h("div", { class: "report-actions" });
    const row = h(
      "li",
      { class: "report-refused" },
      h("strong", null, report.name),
      h("p", { class: "report-message", "data-testid": "attach-report-message" }, error.message),
      actions,
      status,
    );
    let working = false;

    /** The file went in after all: say so where the way forward was, and keep focus there. */
    const resolved = (text: string) => {
      actions.remove();
      row.classList.add("resolved");
      const done = h("p", { class: "report-resolved", tabindex: "-1" }, text);
      replaceChildren(status);
      status.before(done);
      done.focus();
    };

    if (error.code === "too_large" && error.can_make_smaller && error.pending) {
      const pending = error.pending;
      const button = h(
        "button",
        {
          type: "button",
          class: "button small",
          "data-testid": "make-smaller",
          onclick: async () => {
            if (working) return;
            working = true;
            button.setAttribute("aria-disabled", "true");
            status.textContent = "Making a smaller copy…";
            try {
              const preview = await api.makeSmallerCopy(pending);
              status.textContent = "";
              const outcome = await smallerCopyDialog(preview, sections);
              if (outcome) {
                await evidence.refresh(outcome.saved);
                resolved(`A smaller copy is ${outcomeText(outcome, where())}.`);
              }
            } catch (error) {
              status.textContent = messageOf(error);
            } finally {
              working = false;
              button.removeAttribute("aria-disabled");
            }
          },
        },
        "Make a smaller copy",
      );
      actions.append(button);
    } else if (error.code === "too_large") {
      const button = h(
        "button",
        {
          type: "button",
          class: "button small",
          "data-testid": "link-instead",
          onclick: async () => {
            if (working) return;
            working = true;
            try {
              const outcome = await addLink(
                evidence,
                sections,
                report.name,
                "Put the file where your assessors can open it (for example your organisation’s file sharing), then paste its address here.",
              );
              if (outcome) resolved(`Added as a link: ${outcomeText(outcome, where())}.`);
            } finally {
              working = false;
            }
          },
        },
        "Add as a link instead",
      );
      actions.append(button);
    }
    return row;
  };

  const body = h(
    "div",
    { class: "attach-report" },
    attached.length > 0
      ? [
          refused.length > 0 ? h("h3", { class: "small-heading" }, "Attached") : null,
          h(
            "ul",
            { class: "report-list" },
            attached.map((report) => doneRow(report.name, report.outcome!)),
          ),
        ]
      : null,
    refused.length > 0
      ? [
          attached.length > 0 ? h("h3", { class: "small-heading" }, "Not attached") : null,
          h("ul", { class: "report-list" }, refused.map(refusedRow)),
          h(
            "p",
            { class: "muted" },
            "Nothing else was changed.",
            refused.some((report) => report.error?.code === "too_large")
              ? ` Each evidence file can be up to ${evidence.view()?.file_limit ?? "1 MB"}.`
              : null,
          ),
        ]
      : null,
    anyNew
      ? h("p", { class: "muted" }, "In the Evidence library, say for each item what it shows, where it comes from and when it was made.")
      : null,
  );

  return openDialog<void>({
    title: refusalTitle(attached.length, refused.length),
    testid: "attach-report",
    wide: true,
    body,
    actions: [{ label: "Close", value: undefined, kind: "primary", testid: "attach-report-close" }],
    cancelValue: undefined,
  });
}
