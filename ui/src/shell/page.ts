// What every page in the portfolio window shares: its lifecycle and the actions it may ask for.

import type { ChecklistState } from "../checklist/checklist-state";
import type { Autosave } from "../editor/autosave";
import type { Evidence } from "../evidence/evidence-state";
import type { Store } from "../state";
import type { OpenedPortfolio, OutlineEntry, PathwayId, TextPart } from "../types";

/**
 * A place in the portfolio window. `field` names a control to focus when the page opens (the
 * reflection editor of a section, the evidence panel…), for links from the Ready page.
 */
export type Destination =
  | { kind: "details" }
  | { kind: "library"; highlight?: string }
  | { kind: "section"; id: string; field?: string }
  | { kind: "ready"; field?: string }
  | { kind: "principles" }
  | { kind: "self-assessment" }
  /** Export and share: the file to send, and printing */
  | { kind: "export" }
  /** the text an import could not place, while it is waiting to be moved */
  | { kind: "not-placed" }
  /** snapshots, outcome, review and backups; `note` says what was just done */
  | { kind: "versions"; note?: string }
  /** a snapshot read-only */
  | { kind: "snapshot"; id: string }
  /** the working portfolio compared with a snapshot */
  | { kind: "compare"; id: string }
  /** the review of practice under way */
  | { kind: "review" }
  /** copies sent to a mentor or colleague, and their comments and suggestions */
  | { kind: "reviews" };

export interface Page {
  element: HTMLElement;
  /** Move focus to the page heading, so keyboard and screen reader users land on the new page. */
  focus(): void;
  /** Focus a named control instead of the heading; false when the page has no such control. */
  focusField?(field: string): boolean;
  /** Highlight the matches of a find in the page's editors (a section page); `part` is scrolled to. */
  showFind?(query: string, matchCase: boolean, part: TextPart): void;
  /** Remove the highlights of a find. */
  clearFind?(): void;
  /** Stop editors and timers; the autosave has already been flushed. */
  destroy(): void;
}

export interface PageContext {
  store: Store;
  autosave: Autosave;
  /** the evidence library of the open portfolio */
  evidence: Evidence;
  /** Ask, then remove a specialist/advanced area. */
  removeArea(entry: OutlineEntry): void;
  /** Ask, then change pathway; resolves true when it changed. */
  changePathway(pathway: PathwayId): Promise<boolean>;
  /** the submission checklist, live */
  checklist: ChecklistState;
  /** Show another page (after saving what is pending). */
  open(destination: Destination): void;
  /** Take a new state of the portfolio from the backend (after an outcome, an upgrade…) and redraw. */
  applyOpened(opened: OpenedPortfolio): void;
  /** Save what is pending, then open another portfolio folder (a copy just made) in this window. */
  openCopy(folder: string): Promise<void>;
}

/**
 * Whether previews sit open; remembered across sections and runs. Closed unless asked for: the
 * editor shows the formatting itself, so the preview is only for checking what the core renders.
 */
export function previewPreference(): boolean {
  try {
    const stored = localStorage.getItem("cmalt.preview-visible");
    if (stored === "true" || stored === "false") return stored === "true";
  } catch {
    // storage unavailable: the default
  }
  return false;
}

export function setPreviewPreference(visible: boolean): void {
  try {
    localStorage.setItem("cmalt.preview-visible", String(visible));
  } catch {
    // not remembered; harmless
  }
}
