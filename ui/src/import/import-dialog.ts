// "Import a draft…": what importing does, a pathway choice, then the native file dialog. A refusal
// is shown inside the dialog, as the backend words it; on success the new portfolio opens with its report.
import { api, messageOf } from "../api";
import type { AppContext } from "../app-context";
import { h } from "../dom";
import { labelledInput } from "../editor/guidance-view";
import { openDialog } from "../shell/dialogs";
import { showOpened } from "../shell/open-flow";
import type { ImportedDraft, PathwayId } from "../types";
import { showImportReport } from "./import-report";

/** The words of the pathway choice; "" stands for null: as the draft says, or worked out from it. */
export const AS_THE_DRAFT_SAYS = "As the draft says (or work it out)";

/** Asks for a draft and imports it. Resolves true when a new portfolio opened. */
export async function importDraft(app: AppContext): Promise<boolean> {
  const { framework } = app.store;
  let imported: ImportedDraft | null = null;

  const problems = h("div", { class: "form-problems", role: "alert", "data-testid": "import-error" });
  const pathway = h(
    "select",
    {
      class: "select",
      "data-testid": "import-pathway",
      value: "",
      onchange: () => problems.replaceChildren(),
    },
    h("option", { value: "" }, AS_THE_DRAFT_SAYS),
    framework.pathways.map((p) => h("option", { value: p.id }, p.name)),
  );

  const body = h(
    "div",
    { class: "import-intro" },
    h(
      "p",
      null,
      "Choose a draft you have written in Markdown (.md) or Word (.docx), for example one written in the scheme's template, and it becomes a new portfolio.",
    ),
    h(
      "p",
      null,
      "Each section's text is placed where its heading says and nothing is dropped: anything that cannot be placed is kept in a note for you to move by hand.",
    ),
    labelledInput("Pathway", pathway, "The award the portfolio is for. You can change it later on the Portfolio details page."),
    problems,
  );

  const choose = async (): Promise<boolean> => {
    problems.replaceChildren();
    const chosen = (pathway.value || null) as PathwayId | null;
    try {
      imported = await api.importDraftDialog(chosen);
    } catch (error) {
      problems.replaceChildren(h("p", { "data-testid": "import-error-message" }, messageOf(error)));
      // The buttons were disabled while the file dialog was open: give focus back to this one.
      const button = body.closest("dialog")?.querySelector<HTMLElement>("[data-testid=import-choose]");
      setTimeout(() => button?.focus(), 0);
      return false;
    }
    // null: the file dialog was cancelled; stay here, nothing to say.
    return imported !== null;
  };

  const done = await openDialog<boolean>({
    title: "Import a draft",
    testid: "import-dialog",
    body,
    actions: [
      { label: "Cancel", value: false, testid: "import-cancel" },
      { label: "Choose the draft…", value: true, kind: "primary", testid: "import-choose", run: choose },
    ],
    cancelValue: false,
  });
  // Set inside `choose`, which TypeScript cannot follow.
  const result = imported as ImportedDraft | null;
  if (!done || !result) return false;
  await showOpened(app, result.opened, () => showImportReport(framework, result.report, result.opened.outline));
  return true;
}
