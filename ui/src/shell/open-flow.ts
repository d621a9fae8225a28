// Opening a portfolio, and saying calmly what went wrong: offers the newest backup when the file is unreadable.
import { api, isAppError } from "../api";
import type { AppContext } from "../app-context";
import { h } from "../dom";
import type { AppError, OpenedPortfolio } from "../types";
import { openDialog, showError, showInfo } from "./dialogs";

/** Runs an open/create action; null from it means the candidate cancelled. Resolves true when a portfolio opened. */
export async function openPortfolio(app: AppContext, action: () => Promise<OpenedPortfolio | null>, folder?: string): Promise<boolean> {
  let opened: OpenedPortfolio | null;
  try {
    opened = await action();
  } catch (error) {
    if (isAppError(error) && error.code === "unreadable") return offerBackup(app, error, folder);
    await showError(error, "This portfolio could not be opened");
    return false;
  }
  if (!opened) return false;
  await showOpened(app, opened);
  return true;
}

/**
 * Shows a portfolio that has just been opened, created or imported, then what the backend asked to
 * tell (a notice). `first` runs in between, for a report that belongs to how it was opened.
 */
export async function showOpened(app: AppContext, opened: OpenedPortfolio, first?: () => Promise<void>): Promise<void> {
  app.showPortfolio(opened);
  if (first) await first();
  if (opened.notice) await showInfo("Please note", opened.notice);
}

async function offerBackup(app: AppContext, error: AppError, fallbackFolder?: string): Promise<boolean> {
  const folder = error.folder ?? fallbackFolder;
  const backups = [...(error.backups ?? [])].sort((a, b) => b.saved_at.localeCompare(a.saved_at));
  const canRestore = !!folder && backups.length > 0;
  const body = h(
    "div",
    null,
    h("p", { "data-testid": "error-message" }, error.message),
    canRestore
      ? [
          h("p", null, "The app keeps backups as you work. These are the ones it found, newest first:"),
          h(
            "ul",
            { class: "backup-list" },
            backups.map((backup) => h("li", null, `Saved ${backup.saved_when}`, h("span", { class: "muted" }, ` (${backup.size})`))),
          ),
          h("p", null, "Opening the newest backup keeps the damaged file aside, so nothing is thrown away."),
        ]
      : h("p", null, "No backup was found to open instead."),
  );
  const restore = await openDialog<boolean>({
    title: "This portfolio could not be read",
    testid: "error-dialog",
    body,
    actions: canRestore
      ? [
          { label: "Cancel", value: false },
          { label: "Open the newest good backup", value: true, kind: "primary", testid: "restore-backup" },
        ]
      : [{ label: "OK", value: false, kind: "primary" }],
    cancelValue: false,
  });
  if (!restore || !folder) return false;
  return openPortfolio(app, () => api.restoreNewestBackup(folder), folder);
}
