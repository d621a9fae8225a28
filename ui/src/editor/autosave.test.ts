// Tests for autosave: debounce, coalescing, one save at a time, flush, and retry after an error.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { outlineFor } from "../test/fixtures";
import type { Saved, SectionPatch } from "../types";
import { createAutosave, type SaveState } from "./autosave";

const saved = (): Saved => ({ saved_at: "2025-01-01T10:00:00Z", outline: outlineFor("cmalt") });

interface Call {
  patch: SectionPatch;
  resolve: (value: Saved) => void;
  reject: (error: unknown) => void;
}

/** A save function whose calls stay pending until the test settles them. */
function manualSave() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fn = vi.fn(
    (patch: SectionPatch) =>
      new Promise<Saved>((resolve, reject) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const done = () => inFlight--;
        calls.push({
          patch,
          resolve: (v) => {
            done();
            resolve(v);
          },
          reject: (e) => {
            done();
            reject(e);
          },
        });
      }),
  );
  return { fn, calls, maxInFlight: () => maxInFlight };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  it("saves once, 600 ms after typing stops, with the newest text", async () => {
    const save = vi.fn(async () => saved());
    const autosave = createAutosave({ saveSection: save });
    autosave.changeSection("1a", "description", "H");
    await vi.advanceTimersByTimeAsync(300);
    autosave.changeSection("1a", "description", "He");
    await vi.advanceTimersByTimeAsync(300);
    autosave.changeSection("1a", "description", "Hello");
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ section_id: "1a", description: "Hello" });
  });

  it("keeps different fields apart and saves each", async () => {
    const save = vi.fn(async () => saved());
    const autosave = createAutosave({ saveSection: save });
    autosave.changeSection("1a", "description", "D");
    autosave.changeSection("1a", "reflection", "R");
    autosave.changeSection("3a", "topic", "GDPR");
    await vi.advanceTimersByTimeAsync(600);
    expect(save.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { section_id: "1a", description: "D" },
      { section_id: "1a", reflection: "R" },
      { section_id: "3a", topic: "GDPR" },
    ]);
  });

  it("never runs two saves at once and saves the newest text typed during a save", async () => {
    const { fn, calls, maxInFlight } = manualSave();
    const autosave = createAutosave({ saveSection: fn });
    autosave.changeSection("1a", "description", "first");
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    autosave.changeSection("1a", "description", "second");
    autosave.changeSection("1a", "description", "third");
    await vi.advanceTimersByTimeAsync(600); // the pause is over, but the first save is still running
    expect(calls).toHaveLength(1);
    calls[0].resolve(saved());
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1].patch).toEqual({ section_id: "1a", description: "third" });
    calls[1].resolve(saved());
    await vi.advanceTimersByTimeAsync(0);
    expect(maxInFlight()).toBe(1);
    expect(autosave.pendingCount()).toBe(0);
    expect(autosave.state()).toEqual({ kind: "saved" });
  });

  it("flush saves at once and resolves when everything is written", async () => {
    const save = vi.fn(async () => saved());
    const onSaved = vi.fn();
    const autosave = createAutosave({ saveSection: save, onSaved });
    autosave.changeSection("1a", "description", "words");
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(autosave.pendingCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1); // the cancelled debounce does not save again
  });

  it("flush waits for a save already running and then saves what came after", async () => {
    const { fn, calls } = manualSave();
    const autosave = createAutosave({ saveSection: fn });
    autosave.changeSection("1a", "description", "one");
    await vi.advanceTimersByTimeAsync(600);
    autosave.changeSection("1a", "description", "two");
    let flushed = false;
    const flushing = autosave.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0].resolve(saved());
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(flushed).toBe(false);
    calls[1].resolve(saved());
    await flushing;
    expect(calls[1].patch.description).toBe("two");
  });

  it("shows the error, keeps the text and retries after a failure", async () => {
    const states: SaveState[] = [];
    const save = vi
      .fn<(patch: SectionPatch) => Promise<Saved>>()
      .mockRejectedValueOnce({ code: "refused", message: "The disk is full" })
      .mockResolvedValue(saved());
    const autosave = createAutosave({
      saveSection: save,
      onState: (s) => states.push(s),
      describeError: (e) => (e as { message: string }).message,
      retryMs: 2000,
    });
    autosave.changeSection("1a", "description", "precious words");
    await vi.advanceTimersByTimeAsync(600);
    expect(autosave.state()).toEqual({ kind: "error", message: "The disk is full" });
    expect(autosave.pendingCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ section_id: "1a", description: "precious words" });
    expect(autosave.state()).toEqual({ kind: "saved" });
    expect(states.map((s) => s.kind)).toEqual(["saving", "error", "saved"]);
  });

  it("does not put back stale text when newer text arrived during a failed save", async () => {
    const { fn, calls } = manualSave();
    const autosave = createAutosave({ saveSection: fn, retryMs: 1000 });
    autosave.changeSection("1a", "description", "old");
    await vi.advanceTimersByTimeAsync(600);
    autosave.changeSection("1a", "description", "new");
    calls[0].reject(new Error("busy"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(calls[1].patch.description).toBe("new");
  });

  it("flush rejects when a save fails, keeping the change queued", async () => {
    const save = vi.fn(async () => {
      throw { code: "refused", message: "Read-only disk" };
    });
    const autosave = createAutosave({ saveSection: save });
    autosave.changeSection("future", "description", "plans");
    await expect(autosave.flush()).rejects.toEqual({ code: "refused", message: "Read-only disk" });
    expect(autosave.pendingCount()).toBe(1);
    autosave.dispose();
  });

  it("runs queued jobs of other kinds in the same single line", async () => {
    const { fn, calls, maxInFlight } = manualSave();
    const other = vi.fn(async () => saved());
    const autosave = createAutosave({ saveSection: fn });
    autosave.changeSection("1a", "description", "text");
    autosave.queue("details", other);
    const flushing = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(other).not.toHaveBeenCalled();
    calls[0].resolve(saved());
    await flushing;
    expect(other).toHaveBeenCalledTimes(1);
    expect(maxInFlight()).toBe(1);
  });
});
