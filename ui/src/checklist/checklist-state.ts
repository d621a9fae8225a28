// The submission checklist of the open portfolio, kept live: asked for again shortly after every save,
// one request at a time, with listeners (sidebar, top bar, Ready page) told when a new one arrives.
// Also holds the submission plan (how to submit, the target date and the registration counted
// down by the core), asked for again when the portfolio opens and after either date is saved.
import { api } from "../api";
import type { Checklist, CheckStatus, SectionCheck, SectionStatus, SubmissionPlan } from "../types";

export interface ChecklistState {
  /** the newest checklist, or null before the first one arrives (or while it cannot be read) */
  current(): Checklist | null;
  /** how and when to submit, or null before it arrives */
  plan(): SubmissionPlan | null;
  /** Ask again shortly; several asks within the delay become one request. */
  refresh(): void;
  /** Ask now. Never two requests at once: an ask during one runs once more after it. */
  refreshNow(): Promise<void>;
  /** Ask for the plan again (on opening, and after the target or registration date is saved). */
  loadPlan(): Promise<void>;
  onChange(listener: (checklist: Checklist) => void): () => void;
  onPlan(listener: (plan: SubmissionPlan) => void): () => void;
  /** the section as the checklist sees it, if the checklist has it */
  section(sectionId: string): SectionCheck | undefined;
  destroy(): void;
}

export interface ChecklistOptions {
  fetch?: () => Promise<Checklist>;
  fetchPlan?: () => Promise<SubmissionPlan>;
  /** quiet time after the last ask before asking the backend */
  delayMs?: number;
}

export function createChecklistState(options: ChecklistOptions = {}): ChecklistState {
  const fetch = options.fetch ?? (() => api.checklist());
  const fetchPlan = options.fetchPlan ?? (() => api.submissionPlan());
  const delayMs = options.delayMs ?? 400;
  const listeners = new Set<(checklist: Checklist) => void>();
  const planListeners = new Set<(plan: SubmissionPlan) => void>();
  let checklist: Checklist | null = null;
  let plan: SubmissionPlan | null = null;
  let planAsked = 0;
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
    plan: () => plan,
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
    async loadPlan() {
      // An answer to an older ask arriving after a newer one is dropped.
      const mine = ++planAsked;
      try {
        const next = await fetchPlan();
        if (destroyed || mine !== planAsked) return;
        plan = next;
        for (const listener of [...planListeners]) listener(next);
      } catch {
        // No plan is no reason to stop anything; the panels keep what they show.
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPlan(listener) {
      planListeners.add(listener);
      return () => planListeners.delete(listener);
    },
    section: (id) => checklist?.sections.find((s) => s.id === id),
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
      planListeners.clear();
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
