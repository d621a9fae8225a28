// The bar across the portfolio window: title, pathway, progress with what is left to fix, the date
// aimed for, save status and Close portfolio.

import type { ChecklistState } from "../checklist/checklist-state";
import { targetText } from "../checklist/deadlines";
import { h, replaceChildren } from "../dom";
import type { SaveState } from "../editor/autosave";
import { pathwayName, thingsToFixText } from "../format";
import { icon } from "../icons";
import type { Store } from "../state";

export interface TopbarOptions {
  store: Store;
  /** progress and things to fix come from the checklist once it has arrived */
  checklist?: ChecklistState;
  onClose(): void;
  onRetry(): void;
  /** "N things to fix" opens the Ready page */
  onReady?(): void;
}

export interface Topbar {
  element: HTMLElement;
  refresh(): void;
  destroy(): void;
}

export function saveStatusText(state: SaveState): string {
  if (state.kind === "saved") return "Saved";
  if (state.kind === "saving") return "Saving…";
  return `Not saved: ${state.message}`;
}

export function createTopbar(options: TopbarOptions): Topbar {
  const { store } = options;
  const title = h("span", { class: "topbar-title" });
  const pathway = h("span", { class: "topbar-pathway" });
  const progressText = h("span", { class: "progress-text", "data-testid": "progress" });
  const progressBar = h("progress", { class: "progress-bar", "aria-hidden": "true" });
  const toFix = h("button", {
    type: "button",
    class: "link-button to-fix",
    "data-testid": "things-to-fix",
    hidden: true,
    onclick: () => options.onReady?.(),
  });
  const target = h("span", { class: "topbar-target", "data-testid": "target-summary", hidden: true });
  const status = h("span", { class: "save-status", role: "status", "data-testid": "save-status" });
  const retry = h("button", { type: "button", class: "button small", hidden: true, onclick: () => options.onRetry() }, "Try again");
  const statusBox = h("div", { class: "save-box" }, status, retry);

  const element = h(
    "header",
    { class: "topbar" },
    h("div", { class: "topbar-name" }, title, pathway),
    h("div", { class: "topbar-progress" }, h("span", { class: "progress-line" }, progressText, toFix), progressBar, target),
    statusBox,
    h("button", { type: "button", class: "button", "data-testid": "close-portfolio", onclick: () => options.onClose() }, "Close portfolio"),
  );

  const showSave = (state: SaveState) => {
    statusBox.dataset.state = state.kind;
    // Icon plus words: the state never rests on colour alone.
    replaceChildren(
      status,
      state.kind === "saved" ? icon("check") : state.kind === "error" ? icon("warning") : null,
      saveStatusText(state),
    );
    retry.hidden = state.kind !== "error";
  };

  const refresh = () => {
    const session = store.session();
    if (!session) return;
    title.textContent = session.portfolio.title || "Untitled portfolio";
    pathway.textContent = pathwayName(store.framework, session.portfolio.pathway);
    const checklist = options.checklist?.current() ?? null;
    const { completed, total } = checklist ?? session.outline;
    progressText.textContent = `${completed} of ${total} sections complete`;
    progressBar.max = Math.max(total, 1);
    progressBar.value = completed;
    const errors = checklist?.errors ?? 0;
    toFix.hidden = errors === 0;
    replaceChildren(toFix, errors > 0 ? [icon("warning"), thingsToFixText(errors)] : null);
    const aim = targetText(options.checklist?.plan() ?? null, session.portfolio);
    target.hidden = !aim;
    replaceChildren(target, aim ? [icon("flag"), aim] : null);
  };

  const stops = [store.onOutline(refresh), store.onPortfolio(refresh), store.onSaveState(showSave)];
  if (options.checklist) stops.push(options.checklist.onChange(refresh), options.checklist.onPlan(refresh));
  refresh();
  showSave(store.saveState());
  return {
    element,
    refresh,
    destroy: () => {
      for (const stop of stops) stop();
    },
  };
}
