// Tests that the checklist is asked for shortly after changes, never twice at once, and how statuses merge.
import { afterEach, describe, expect, it, vi } from "vitest";
import { checklistFor } from "../test/checklist-fixtures";
import { settled } from "../test/harness";
import type { Checklist } from "../types";
import { createChecklistState, entryStatus, shownStatus } from "./checklist-state";

afterEach(() => {
  vi.useRealTimers();
});

describe("checklist state", () => {
  it("turns a burst of asks into one request after the pause", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => checklistFor("cmalt"));
    const state = createChecklistState({ fetch, delayMs: 400 });
    const seen = vi.fn();
    state.onChange(seen);
    state.refresh();
    await vi.advanceTimersByTimeAsync(200);
    state.refresh();
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).not.toHaveBeenCalled(); // still within the pause after the last ask
    await vi.advanceTimersByTimeAsync(250);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(state.current()?.pathway).toBe("cmalt");
  });

  it("never overlaps requests: an ask during one runs once more afterwards", async () => {
    let release: (value: Checklist) => void = () => undefined;
    let running = 0;
    let most = 0;
    const fetch = vi.fn(
      () =>
        new Promise<Checklist>((resolve) => {
          running++;
          most = Math.max(most, running);
          release = (value) => {
            running--;
            resolve(value);
          };
        }),
    );
    const state = createChecklistState({ fetch });
    const first = state.refreshNow();
    void state.refreshNow();
    void state.refreshNow();
    expect(fetch).toHaveBeenCalledTimes(1);
    release(checklistFor("cmalt"));
    await settled();
    expect(fetch).toHaveBeenCalledTimes(2); // the asks made meanwhile became one more request
    release(checklistFor("senior"));
    await first;
    expect(most).toBe(1);
    expect(state.current()?.pathway).toBe("senior");
  });

  it("keeps the last checklist when a request fails", async () => {
    const fetch = vi.fn().mockResolvedValueOnce(checklistFor("cmalt")).mockRejectedValueOnce({ code: "refused", message: "busy" });
    const state = createChecklistState({ fetch });
    await state.refreshNow();
    await state.refreshNow();
    expect(state.current()?.pathway).toBe("cmalt");
  });

  it("marks a section with an error as a problem, else keeps the newer outline status", () => {
    expect(entryStatus("in_progress", { status: "problem" } as never)).toBe("problem");
    expect(entryStatus("complete", { status: "in_progress" } as never)).toBe("complete");
    expect(entryStatus("empty", undefined)).toBe("empty");
    // A required section nobody has started is drawn as "Not started", not as a warning.
    expect(shownStatus("empty", "problem")).toBe("empty");
    expect(shownStatus("in_progress", "problem")).toBe("problem");
  });
});
