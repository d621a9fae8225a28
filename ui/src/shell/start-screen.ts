// The start screen: recent portfolios, New portfolio, Open a portfolio folder, Import a draft,
// Open an exported portfolio, About.

import { listen } from "@tauri-apps/api/event";
import { api, WORK_PROGRESS_EVENT } from "../api";
import type { AppContext, Screen } from "../app-context";
import { createStartDeadlines } from "../checklist/deadlines";
import { h, replaceChildren, uid } from "../dom";
import { pathwayName } from "../format";
import { icon } from "../icons";
import { importDraft } from "../import/import-dialog";
import type { Progress, RecentPortfolio } from "../types";
import { showAbout } from "./about";
import { showError } from "./dialogs";
import { createNewPortfolioForm } from "./new-portfolio-form";
import { openPortfolio } from "./open-flow";

/** What "Open an exported portfolio…" is for. */
export const BUNDLE_HINT =
  "Open an exported portfolio: a .zip or folder made with Export, for example to upgrade your pathway years later. It becomes a new portfolio; the export stays as it is.";

export function createStartScreen(app: AppContext): Screen {
  const { framework } = app.store;
  const bundleHintId = uid("bundle-hint");
  const recentList = h("div", { class: "recent", "aria-busy": "true" });
  const formSlot = h("div", { class: "form-slot" });

  const actions = h(
    "div",
    { class: "start-actions" },
    h(
      "button",
      { type: "button", class: "button primary large", "data-testid": "new-portfolio", onclick: () => showForm() },
      icon("plus"),
      "New portfolio",
    ),
    h(
      "button",
      {
        type: "button",
        class: "button large",
        "data-testid": "open-folder",
        onclick: () => void openPortfolio(app, () => api.openPortfolioDialog()),
      },
      icon("folder"),
      "Open a portfolio folder…",
    ),
    h(
      "button",
      { type: "button", class: "button large", "data-testid": "import-draft", onclick: () => void importDraft(app) },
      icon("note"),
      "Import a draft…",
    ),
    h(
      "button",
      {
        type: "button",
        class: "button large",
        "data-testid": "open-bundle",
        title: BUNDLE_HINT,
        "aria-describedby": bundleHintId,
        onclick: () => void openBundle(),
      },
      icon("package"),
      "Open an exported portfolio…",
    ),
    h("p", { class: "hint start-actions-hint", id: bundleHintId }, BUNDLE_HINT),
  );

  // While a large export is checked and copied in: a bar and the core's line of words.
  const bar = h("progress", { "aria-label": "Opening the exported portfolio" }) as HTMLProgressElement;
  const line = h("span", { "data-testid": "open-progress-text" });
  const progress = h("p", { class: "work-progress", "data-testid": "open-progress", role: "status", hidden: true }, bar, line);
  const showProgress = (step: Progress) => {
    progress.hidden = false;
    bar.max = Math.max(step.total, 1);
    bar.value = step.done;
    line.textContent = step.message;
  };
  const openBundle = async () => {
    const stop = await listen<Progress>(WORK_PROGRESS_EVENT, (event) => showProgress(event.payload));
    try {
      await openPortfolio(app, () => api.openBundleDialog());
    } finally {
      stop();
      progress.hidden = true;
    }
  };

  const showForm = () => {
    actions.hidden = true;
    const form = createNewPortfolioForm(app, () => {
      replaceChildren(formSlot);
      actions.hidden = false;
      actions.querySelector<HTMLElement>("[data-testid=new-portfolio]")?.focus();
    });
    replaceChildren(formSlot, form);
    form.querySelector<HTMLElement>("[data-testid=new-title]")?.focus();
  };

  const forget = async (folder: string) => {
    try {
      await api.forgetRecent(folder);
    } catch (error) {
      await showError(error);
    }
    await loadRecent();
  };

  const recentItem = (recent: RecentPortfolio) => {
    const details = [recent.candidate_name, pathwayName(framework, recent.pathway)].filter(Boolean).join(" · ");
    return h(
      "li",
      { class: recent.available ? "recent-row" : "recent-row unavailable" },
      h(
        "button",
        {
          type: "button",
          class: "recent-item",
          "data-testid": "recent-item",
          "data-folder": recent.folder,
          onclick: () => void openPortfolio(app, () => api.openRecent(recent.folder), recent.folder),
        },
        h("span", { class: "recent-title" }, recent.title || "Untitled portfolio"),
        details ? h("span", { class: "recent-details" }, details) : null,
        recent.available && recent.aiming ? h("span", { class: "recent-aiming", "data-testid": "recent-aiming" }, recent.aiming) : null,
        h("span", { class: "recent-when" }, recent.saved),
        h("span", { class: "recent-folder" }, recent.folder),
      ),
      recent.available
        ? null
        : h(
            "button",
            {
              type: "button",
              class: "button small",
              "aria-label": `Forget ${recent.title || recent.folder}`,
              onclick: () => void forget(recent.folder),
            },
            "Forget",
          ),
    );
  };

  async function loadRecent(): Promise<void> {
    let recents: RecentPortfolio[] = [];
    try {
      recents = await api.recentPortfolios();
    } catch {
      // No list is no reason to block the start screen.
    }
    recentList.removeAttribute("aria-busy");
    replaceChildren(
      recentList,
      h("h2", null, "Recent portfolios"),
      recents.length > 0
        ? h("ul", { class: "recent-list" }, recents.map(recentItem))
        : h("p", { class: "muted" }, "Portfolios you open or create will be listed here."),
    );
  }

  const element = h(
    "div",
    { class: "start-screen" },
    h(
      "main",
      { class: "start-main" },
      h(
        "header",
        { class: "start-header" },
        h("h1", null, "CMALT Portfolio"),
        h(
          "p",
          { class: "lead" },
          "Write your CMALT portfolio one section at a time, with guidance beside you and every word saved as you type.",
        ),
      ),
      actions,
      progress,
      formSlot,
      h("div", { class: "start-columns" }, recentList, createStartDeadlines()),
    ),
    h(
      "footer",
      { class: "start-footer" },
      h("button", { type: "button", class: "link-button", "data-testid": "about", onclick: () => void showAbout() }, "About"),
    ),
  );
  void loadRecent();
  return { element, destroy: () => undefined };
}
