// A one-click fix from the checklist (a proposed topic, principle tags, permission confirmed),
// applied by the core and then taken into the open portfolio as any other save is.
import { api } from "../api";
import type { PageContext } from "../shell/page";
import { entryOf } from "../state";
import type { Fix, Portfolio } from "../types";

/**
 * Takes what `fix` changed from a freshly loaded portfolio into the local copy, in place (pages
 * hold the local section objects), leaving everything else as the candidate sees it.
 */
export function takeFixed(local: Portfolio, fresh: Portfolio, fix: Fix): void {
  switch (fix.kind) {
    case "use_topic":
      entryOf(local, fix.section).topic = fresh.sections[fix.section]?.topic ?? fix.topic;
      break;
    case "tag_principle":
      for (const id of fix.sections) {
        const principles = fresh.sections[id]?.principles;
        if (principles) entryOf(local, id).principles = [...principles];
      }
      break;
    case "confirm_permission":
      local.evidence = fresh.evidence;
      break;
    case "confirm_no_conflict":
      local.assessor = fresh.assessor;
      break;
    case "redact":
      if (fix.place.in === "section") {
        const entry = entryOf(local, fix.place.section);
        const updated = fresh.sections[fix.place.section];
        if (updated) {
          entry.topic = updated.topic;
          entry.description = updated.description;
          entry.reflection = updated.reflection;
          entry.references = updated.references;
        }
      } else {
        local.evidence = fresh.evidence;
      }
      break;
    case "agree_finding":
      local.share_check_agreed = fresh.share_check_agreed;
      break;
    case "clean_image_metadata":
      local.evidence = fresh.evidence;
      break;
  }
}

/** Applies `fix`, then brings the outline, the portfolio, the library and the checklist up to date. Rejects with the core's refusal. */
export async function applyFix(ctx: PageContext, fix: Fix): Promise<void> {
  // The core judges the fix against the saved text: write what is still being typed first.
  await ctx.autosave.flush().catch(() => undefined);
  try {
    const saved = await api.applyChecklistFix(fix);
    ctx.store.setOutline(saved.outline);
    const opened = await api.current().catch(() => null);
    const session = ctx.store.session();
    if (opened && session && opened.folder === session.folder) {
      takeFixed(session.portfolio, opened.portfolio, fix);
      ctx.store.portfolioChanged();
    }
    const libraryChanged =
      fix.kind === "confirm_permission" || fix.kind === "clean_image_metadata" || (fix.kind === "redact" && fix.place.in === "evidence");
    if (libraryChanged) await ctx.evidence.refresh(saved);
  } finally {
    // Refused or not, the list shown must be the one the core has now.
    await ctx.checklist.refreshNow();
  }
}
