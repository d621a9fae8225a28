// Ties saving to the window: Mod-s, leaving the window, and closing it never lose typed words.
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { AppContext } from "../app-context";
import { showError } from "./dialogs";

export function installWindowHooks(app: AppContext): void {
  const { autosave } = app;

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      autosave.flush().catch(() => undefined); // the top bar shows any failure with a retry
    }
  });

  window.addEventListener("blur", () => {
    autosave.flush().catch(() => undefined);
  });

  try {
    void getCurrentWindow()
      .onCloseRequested(async (event) => {
        try {
          await autosave.flush();
        } catch (error) {
          // Keep the window open rather than lose words that could not be written.
          event.preventDefault();
          await showError(error, "Your latest changes are not saved yet");
        }
      })
      .catch(() => undefined);
  } catch {
    // Not inside Tauri (e.g. `npm run dev` in a browser): nothing to hook.
  }
}
