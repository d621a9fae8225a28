// Saves what the candidate types shortly after they pause, one save at a time, retrying until it lands.
import type { Saved, SectionPatch } from "../types";

export type SaveState =
  | { kind: "saved" }
  /** changes are waiting for the pause in typing, or being written */
  | { kind: "saving" }
  | { kind: "error"; message: string };

export type TextField = "description" | "reflection" | "topic" | "references";
export type SaveJob = () => Promise<Saved | void>;

export interface AutosaveOptions {
  saveSection: (patch: SectionPatch) => Promise<Saved>;
  onSaved?: (saved: Saved) => void;
  onState?: (state: SaveState) => void;
  describeError?: (error: unknown) => string;
  /** quiet time after the last change before saving */
  delayMs?: number;
  /** first wait before retrying a failed save; doubles up to maxRetryMs */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface Autosave {
  /** Queue the newest text of one field of one section; a function is asked for it when the save runs. */
  changeSection(sectionId: string, field: TextField, text: string | (() => string)): void;
  /** Queue any save under a key; a later job with the same key replaces an unsaved earlier one. */
  queue(key: string, job: SaveJob): void;
  /** Save everything now. Rejects with the error when something could not be saved (it stays queued). */
  flush(): Promise<void>;
  pendingCount(): number;
  state(): SaveState;
  /** Stops timers; anything still queued is dropped, so flush first. */
  dispose(): void;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? 600;
  const firstRetry = options.retryMs ?? 2000;
  const maxRetry = options.maxRetryMs ?? 30000;
  const describe = options.describeError ?? ((error: unknown) => String(error));

  // Keyed by (section, field): the newest text replaces older unsaved text, so a burst of typing
  // becomes one save and a field is never saved with stale words after newer ones.
  const pending = new Map<string, SaveJob>();
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = firstRetry;
  let running: Promise<void> | null = null;
  let current: SaveState = { kind: "saved" };

  function setState(next: SaveState): void {
    if (next.kind === current.kind && (next.kind !== "error" || (current.kind === "error" && current.message === next.message))) return;
    current = next;
    options.onState?.(next);
  }

  function cancelTimers(): void {
    if (debounce) clearTimeout(debounce);
    if (retryTimer) clearTimeout(retryTimer);
    debounce = null;
    retryTimer = null;
  }

  function scheduleRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      drain().catch(() => undefined);
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, maxRetry);
  }

  function drain(): Promise<void> {
    if (running) return running;
    running = (async () => {
      try {
        while (pending.size > 0) {
          const [key, job] = pending.entries().next().value as [string, SaveJob];
          pending.delete(key);
          if (current.kind !== "error") setState({ kind: "saving" });
          let result: Saved | void;
          try {
            result = await job();
          } catch (error) {
            // Put it back unless newer text for the same field arrived while saving.
            if (!pending.has(key)) pending.set(key, job);
            setState({ kind: "error", message: describe(error) });
            scheduleRetry();
            throw error;
          }
          retryDelay = firstRetry;
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = null;
          if (result) options.onSaved?.(result);
          // Still typing: wait for the pause rather than saving every keystroke.
          if (debounce) {
            setState({ kind: "saving" });
            break;
          }
        }
        if (pending.size === 0) setState({ kind: "saved" });
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function queue(key: string, job: SaveJob): void {
    pending.set(key, job);
    if (current.kind !== "error") setState({ kind: "saving" });
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      drain().catch(() => undefined);
    }, delayMs);
  }

  return {
    changeSection(sectionId, field, text) {
      queue(`section:${sectionId}:${field}`, () =>
        options.saveSection({ section_id: sectionId, [field]: typeof text === "function" ? text() : text }),
      );
    },
    queue,
    async flush() {
      cancelTimers();
      while (running) await running.catch(() => undefined);
      while (pending.size > 0) {
        cancelTimers();
        await drain();
      }
    },
    pendingCount: () => pending.size,
    state: () => current,
    dispose() {
      cancelTimers();
      pending.clear();
    },
  };
}
