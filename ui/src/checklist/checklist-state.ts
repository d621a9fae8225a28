// The submission checklist of the open portfolio, kept live: asked for again shortly after every save,
// one request at a time, with listeners (sidebar, top bar, Ready page) told when a new one arrives.
// Also holds the next submission windows, which change only from day to day.
import { api } from "../api";
import type { Checklist, CheckStatus, SectionCheck, SectionStatus, SubmissionWindow } from "../types";

export interface ChecklistState {
  /** the newest checklist, or null before the first one arrives (or while it cannot be read) */
  current(): Checklist | null;
  /** the next submission windows, or null before they arrive */
  windows(): SubmissionWindow[] | null;
  /** Ask again shortly; several asks within the delay become one request. */
  refresh(): void;
  /** Ask now. Never two requests at once: an ask during one runs once more after it. */
  refreshNow(): Promise<void>;
  loadWindows(): Promise<void>;
  onChange(listener: (checklist: Checklist) => void): () => void;
  onWindows(listener: (windows: SubmissionWindow[]) => void): () => void;
  /** the section as the checklist sees it, if the checklist has it */
  section(sectionId: string): SectionCheck | undefined;
  destroy(): void;
}

export interface ChecklistOptions {
  fetch?: () => Promise<Checklist>;
  fetchWindows?: () => Promise<SubmissionWindow[]>;
  /** quiet time after the last ask before asking the backend */
  delayMs?: number;
}

export function createChecklistState(options: ChecklistOptions = {}): ChecklistState {
  const fetch = options.fetch ?? (() => api.checklist());
  const fetchWindows = options.fetchWindows ?? (() => api.submissionWindows());
  const delayMs = options.delayMs ?? 400;
  const listeners = new Set<(checklist: Checklist) => void>();
  const windowListeners = new Set<(windows: SubmissionWindow[]) => void>();
  let checklist: Checklist | null = null;
  let windows: SubmissionWindow[] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let destroyed = false;

  const run = (): Promise<void> => {
    if (destroyed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          try {
            const next = await fetch();
            if (destroyed) return;
            checklist = next;
            for (const listener of [...listeners]) listener(next);
          } catch {
            // Keep what was shown; the next save asks again.
          }
        } while (again && !destroyed);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    current: () => checklist,
    windows: () => windows,
    refresh() {
      if (destroyed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, delayMs);
    },
    refreshNow() {
      if (timer) clearTimeout(timer);
      timer = null;
      return run();
    },
    async loadWindows() {
      try {
        const next = await fetchWindows();
        if (destroyed) return;
        windows = next;
        for (const listener of [...windowListeners]) listener(next);
      } catch {
        // No dates is no reason to stop anything; the panels stay quiet.
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWindows(listener) {
      windowListeners.add(listener);
      return () => windowListeners.delete(listener);
    },
    section: (id) => checklist?.sections.find((s) => s.id === id),
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
      windowListeners.clear();
    },
  };
}

/**
 * The status a sidebar entry carries: "problem" when the checklist found an error in the section,
 * else the outline's own status, which is always the newest (it comes back with every save, while
 * the checklist follows a moment later).
 */
export function entryStatus(outlineStatus: SectionStatus, check: SectionCheck | undefined): CheckStatus {
  return check?.status === "problem" ? "problem" : outlineStatus;
}

/**
 * How that status is drawn. A required section nobody has started is something to do, not
 * something wrong: it keeps its quiet "Not started" ring rather than a warning mark on every
 * entry of a new portfolio. The Ready page still lists it.
 */
export function shownStatus(outlineStatus: SectionStatus, status: CheckStatus): CheckStatus {
  return status === "problem" && outlineStatus === "empty" ? "empty" : status;
}
