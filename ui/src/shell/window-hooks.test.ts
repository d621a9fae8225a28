// Tests that closing the window, leaving it and Mod-s all save first, and a failed save keeps the window open.
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../app-context";
import type { Autosave } from "../editor/autosave";
import { settled, waitFor } from "../test/harness";
import { installWindowHooks } from "./window-hooks";

function fakeApp(flush: () => Promise<void>): AppContext {
  const autosave = { flush: vi.fn(flush) } as unknown as Autosave;
  return { autosave } as unknown as AppContext;
}

afterEach(() => {
  clearMocks();
});

describe("window hooks", () => {
  it("flushes before the window closes, then closes it", async () => {
    const commands: string[] = [];
    mockWindows("main");
    mockIPC((cmd) => void commands.push(cmd), { shouldMockEvents: true });
    const order: string[] = [];
    const app = fakeApp(async () => void order.push("flush"));
    installWindowHooks(app);
    await settled(); // the listener registers through the mocked IPC
    await emit("tauri://close-requested");
    await waitFor(() => commands.includes("plugin:window|destroy"));
    expect(app.autosave.flush).toHaveBeenCalled();
  });

  it("keeps the window open and says so when the last save fails", async () => {
    const commands: string[] = [];
    mockWindows("main");
    mockIPC((cmd) => void commands.push(cmd), { shouldMockEvents: true });
    installWindowHooks(fakeApp(async () => Promise.reject({ code: "refused", message: "The disk is full" })));
    await settled(); // the listener registers through the mocked IPC
    await emit("tauri://close-requested");
    const message = await waitFor(() => document.querySelector("[data-testid=error-message]"));
    expect(message.textContent).toBe("The disk is full");
    expect(commands).not.toContain("plugin:window|destroy");
  });

  it("saves on Mod-s and when the window loses focus", async () => {
    mockWindows("main");
    mockIPC(() => undefined, { shouldMockEvents: true });
    const app = fakeApp(async () => undefined);
    installWindowHooks(app);
    const event = new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(app.autosave.flush).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("blur"));
    expect(app.autosave.flush).toHaveBeenCalledTimes(2);
  });
});
