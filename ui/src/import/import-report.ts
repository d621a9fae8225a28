// The report after importing a draft: where it came from, the pathway and why, what went where,
// what is still to write, what happened to the evidence, and where the text that was not placed is kept.

import { h } from "../dom";
import { listText, sectionShortName } from "../evidence/evidence-format";
import { pathwayName, wordsText } from "../format";
import { openDialog } from "../shell/dialogs";
import { entryLabel, findEntry, listedSection } from "../shell/framework-view";
import type { Framework, ImportReport, ImportSectionReport, Outline } from "../types";

/** How many excerpts of text not placed the report shows; the note has all of it. */
const EXCERPTS_SHOWN = 6;

/** "draft.docx" from a full path, whichever way its slashes lean. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A section's name as the sidebar shows it ("1a Constraints and…"), or what the report calls it. */
function sectionLabel(framework: Framework, outline: Outline | null, id: string, fallback = ""): string {
  const found = outline ? findEntry(outline, id) : null;
  if (found) return entryLabel(found.entry);
  const listed = listedSection(framework, id);
  if (listed) return entryLabel(listed);
  return fallback || id;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, "");
}

function part(title: string, testid: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h("section", { class: "import-part", "data-testid": testid }, h("h3", { class: "small-heading" }, title), children);
}

function sectionsTable(framework: Framework, report: ImportReport, outline: Outline | null): HTMLElement {
  const pathway = pathwayName(framework, report.pathway);
  // Only drafts with reference lists get the column: most have none.
  const withReferences = report.sections.some((section) => section.references > 0);
  const row = (section: ImportSectionReport) =>
    h(
      "tr",
      { "data-section-id": section.id, class: section.in_pathway ? null : "import-kept" },
      h(
        "th",
        { scope: "row" },
        sectionLabel(framework, outline, section.id, section.title),
        section.topic ? h("span", { class: "table-topic" }, section.topic) : null,
        section.in_pathway
          ? null
          : h(
              "span",
              { class: "import-kept-note", "data-testid": "import-kept-note" },
              `Kept aside: ${pathway} leaves this section out. Your text is kept and comes back if you change pathway.`,
            ),
      ),
      h(
        "td",
        null,
        h("span", { class: "import-heading" }, `“${section.heading}”`),
        h("span", { class: "import-line" }, ` line ${section.line}`),
      ),
      h("td", { class: "number-cell" }, String(section.words_placed)),
      h(
        "td",
        { class: "number-cell", title: section.evidence_ids.length > 0 ? section.evidence_ids.join(", ") : null },
        String(section.evidence_count),
      ),
      withReferences ? h("td", { class: "number-cell" }, String(section.references)) : null,
    );
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "check-table import-table", "data-testid": "import-sections" },
      h("caption", { class: "visually-hidden" }, "Sections found in your draft"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Section"),
          h("th", { scope: "col" }, "Heading in your draft"),
          h("th", { scope: "col", class: "number-cell" }, "Words placed"),
          h("th", { scope: "col", class: "number-cell" }, "Evidence"),
          withReferences ? h("th", { scope: "col", class: "number-cell" }, framework.parts.references.label) : null,
        ),
      ),
      h("tbody", null, report.sections.map(row)),
    ),
  );
}

function evidencePart(report: ImportReport, outline: Outline | null): HTMLElement {
  const { evidence } = report;
  const summary: string[] = [];
  if (evidence.files_attached > 0) {
    const n = evidence.images_attached;
    const images =
      n === 0
        ? ""
        : n === evidence.files_attached
          ? n === 1
            ? " (an image)"
            : " (all images)"
          : ` (${n} of them ${n === 1 ? "an image" : "images"})`;
    summary.push(`${count(evidence.files_attached, "file")} attached${images}`);
  }
  if (evidence.links > 0) summary.push(count(evidence.links, "link"));
  if (evidence.missing > 0) summary.push(`${count(evidence.missing, "file")} not found`);
  if (evidence.refused > 0) summary.push(`${count(evidence.refused, "file")} not attached`);

  const sectionsText = (ids: string[]) => listText(ids.map((id) => sectionShortName(outline, id)));

  const missing =
    report.missing_files.length > 0
      ? [
          h("p", null, "Named in your draft but not found, so not attached yet:"),
          h(
            "ul",
            { class: "import-list", "data-testid": "import-missing-files" },
            report.missing_files.map((file) =>
              h(
                "li",
                { "data-evidence-id": file.evidence_id },
                h("strong", null, file.name),
                ` (${file.evidence_id})`,
                file.reason ? `: ${withoutFullStop(file.reason)}.` : ".",
                file.sections.length > 0 ? ` Cited in ${sectionsText(file.sections)}.` : null,
                " Attach it from the Evidence library.",
              ),
            ),
          ),
        ]
      : null;

  const refused =
    report.refused.length > 0
      ? [
          h("p", null, "Found but not attached:"),
          h(
            "ul",
            { class: "import-list", "data-testid": "import-refused-files" },
            report.refused.map((file) =>
              h(
                "li",
                { "data-evidence-id": file.evidence_id },
                h("strong", null, file.name),
                ` (${file.evidence_id}): ${withoutFullStop(file.reason)}.`,
              ),
            ),
          ),
          h("p", { class: "hint" }, "You can attach a smaller copy or another file from the Evidence library."),
        ]
      : null;

  return part(
    "Evidence",
    "import-evidence",
    h(
      "p",
      null,
      evidence.items === 0
        ? "Your draft did not name any evidence. You can add it from the Evidence library as you write."
        : `${count(evidence.items, "evidence item")} in your Evidence library${summary.length > 0 ? `: ${listText(summary)}` : ""}.`,
    ),
    missing,
    refused,
  );
}

function notPlacedPart(report: ImportReport): HTMLElement | null {
  const passages = report.not_placed;
  if (passages.length === 0) return null;
  const words = passages.reduce((sum, p) => sum + p.words, 0);
  const shown = passages.slice(0, EXCERPTS_SHOWN);
  const more = passages.length - shown.length;
  return part(
    "Text not placed",
    "import-not-placed",
    h(
      "p",
      null,
      `${count(passages.length, "passage")} (${wordsText(words)}) could not be matched to a section. `,
      "Nothing is lost: all of it is kept, word for word, in the ",
      h("strong", null, "Text not placed"),
      " note at the top of the sidebar, ready for you to copy into the right sections.",
    ),
    h(
      "ul",
      { class: "import-list import-excerpts" },
      shown.map((passage) =>
        h(
          "li",
          null,
          h(
            "span",
            { class: "import-where" },
            passage.heading ? `Under “${passage.heading}”, line ${passage.line}` : `Line ${passage.line}`,
            passage.reason ? `: ${withoutFullStop(passage.reason)}` : null,
          ),
          h("span", { class: "import-excerpt" }, passage.excerpt),
        ),
      ),
    ),
    more > 0 ? h("p", { class: "hint" }, `And ${count(more, "more passage")}, all in the note.`) : null,
  );
}

/** The report's content, for the dialog (and for tests). */
export function importReportBody(framework: Framework, report: ImportReport, outline: Outline | null): HTMLElement {
  const pathway = pathwayName(framework, report.pathway);
  const kind = report.kind === "docx" ? "a Word document" : "a Markdown file";
  const reason = withoutFullStop(report.pathway_reason);

  const missingRequired =
    report.missing_required.length > 0
      ? part(
          "Still to write",
          "import-missing-required",
          h(
            "p",
            null,
            `${pathway} asks for these sections, which your draft did not have yet. They are in your portfolio, ready for you to write:`,
          ),
          h(
            "ul",
            { class: "import-list" },
            report.missing_required.map((id) => h("li", { "data-section-id": id }, sectionLabel(framework, outline, id))),
          ),
        )
      : null;

  return h(
    "div",
    // The report can be long: focus starts at its top rather than on the button at its end.
    { class: "import-report", tabindex: "-1", "data-autofocus": true },
    report.nothing_recognised
      ? h(
          "div",
          { class: "notice", "data-testid": "import-nothing-recognised" },
          h("p", null, "None of the headings in your draft matched a CMALT section, so no text could be placed in a section this time."),
          h(
            "p",
            null,
            "That is all right: every word is safe in the ",
            h("strong", null, "Text not placed"),
            " note at the top of the sidebar. Open it, copy each part and paste it into the section where it belongs.",
          ),
        )
      : null,
    h(
      "dl",
      { class: "facts" },
      h("dt", null, "From"),
      h("dd", { "data-testid": "import-source" }, h("strong", null, fileNameOf(report.source)), ` (${kind})`),
      h("dt", null, "Kept in"),
      h("dd", { class: "path" }, report.portfolio_folder),
      h("dt", null, "Pathway"),
      h("dd", { "data-testid": "import-pathway-reason" }, h("strong", null, pathway), reason ? ` (${reason})` : null),
    ),
    report.pathway_choice === "given"
      ? null
      : h(
          "p",
          { class: "hint" },
          "If this is not the award you are working towards, change it on the Portfolio details page. No text is lost.",
        ),
    report.sections.length > 0
      ? part(
          `Sections found (${report.sections.length})`,
          "import-found",
          h("p", null, "Your text is now in these sections, as your headings said:"),
          sectionsTable(framework, report, outline),
        )
      : null,
    missingRequired,
    evidencePart(report, outline),
    notPlacedPart(report),
    report.notes.length > 0
      ? part(
          "Also worth knowing",
          "import-notes",
          h(
            "ul",
            { class: "import-list" },
            report.notes.map((note) => h("li", null, note)),
          ),
        )
      : null,
  );
}

/** Shows the report over the newly opened portfolio; resolves when "Start writing" closes it. */
export function showImportReport(framework: Framework, report: ImportReport, outline: Outline | null): Promise<void> {
  return openDialog<void>({
    title: report.nothing_recognised ? "Your draft is in, ready to sort" : "Your draft is now a portfolio",
    testid: "import-report",
    wide: true,
    body: importReportBody(framework, report, outline),
    actions: [{ label: "Start writing", value: undefined, kind: "primary", testid: "import-report-close" }],
    cancelValue: undefined,
  });
}
