// Words for evidence: dates as people write them, how old an item is, where it is cited, what needs attention.
import { findEntry } from "../shell/framework-view";
import type { EvidenceItem, LibraryRow, Outline } from "../types";

/** How a section is named in short lists: its number ("1a"), else its title. */
export function sectionShortName(outline: Outline | null | undefined, sectionId: string): string {
  const found = outline ? findEntry(outline, sectionId) : null;
  if (!found) return sectionId;
  return found.entry.number ?? found.entry.title;
}

/** "1a", "1a and 3a", "1a, 2b and 3a". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export interface EvidenceFlag {
  id: "missing-file" | "unused" | "needs-reason" | "no-description" | "no-permission";
  text: string;
}

/** What an item still needs, in words (shown as badges, never colour alone). */
export function evidenceFlags(row: LibraryRow, recentYears: number): EvidenceFlag[] {
  const { item } = row;
  const flags: EvidenceFlag[] = [];
  if (item.source.type === "missing_file") flags.push({ id: "missing-file", text: "File not found: attach it" });
  if (row.unused) flags.push({ id: "unused", text: "Not cited anywhere" });
  if (row.needs_reason) flags.push({ id: "needs-reason", text: `Needs a reason: older than ${recentYears} years` });
  if (!item.what_it_shows.trim()) flags.push({ id: "no-description", text: "What it shows is missing" });
  if (!item.permission_confirmed) flags.push({ id: "no-permission", text: "No permission ticked" });
  return flags;
}

/** The item's name as people read it in a sentence: "E3 “Quiz report”". */
export function itemName(item: Pick<EvidenceItem, "id" | "title">): string {
  return item.title.trim() ? `${item.id} “${item.title.trim()}”` : item.id;
}

/** The id in a preview link's href "#evidence-E3", or null. */
export function evidenceIdFromHref(href: string | null): string | null {
  const match = /#evidence-(E\d+)$/.exec(href ?? "");
  return match ? match[1] : null;
}
