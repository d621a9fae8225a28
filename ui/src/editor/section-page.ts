// Picks the page for a section by its kind.

import type { FoundEntry } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import { createAssessorPage } from "./assessor-page";
import { createConfirmationPage } from "./confirmation-page";
import { createWritingPage } from "./writing-page";

export function createSectionPage(ctx: PageContext, found: FoundEntry): Page {
  const { entry, keptAside } = found;
  switch (entry.kind) {
    case "confirmation":
      return createConfirmationPage(ctx, entry, keptAside);
    case "assessor":
      return createAssessorPage(ctx, entry, keptAside);
    default:
      return createWritingPage(ctx, entry, keptAside);
  }
}
