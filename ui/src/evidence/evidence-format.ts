// Words for evidence: dates as people write them, how old an item is, where it is cited, what needs attention.
import { findEntry } from "../shell/framework-view";
import type { EvidenceItem, LibraryRow, Outline } from "../types";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first day an evidence date can mean ("2024-05" is 1 May 2024), or null when it is not one. */
export function evidenceDateStart(text: string): Date | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12) return null;
  const date = new Date(year, month - 1, day);
  // Refuses 2023-02-29 and the like rather than rolling over into March.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** "" (unknown) or a date written as YYYY, YYYY-MM or YYYY-MM-DD. */
export function isEvidenceDate(text: string): boolean {
  return text.trim() === "" || evidenceDateStart(text) !== null;
}

/** "2024" -> "2024", "2024-05" -> "May 2024", "2024-05-03" -> "3 May 2024"; "" -> "". */
export function evidenceDateText(text: string): string {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match || !evidenceDateStart(text)) return text.trim();
  const [, year, month, day] = match;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Same rule as the core: dated before the same day `years` years ago (an undated item is not old). */
export function isOlderThan(date: string, years: number, today: Date = new Date()): boolean {
  const start = evidenceDateStart(date);
  if (!start) return false;
  const cutoff = new Date(today.getFullYear() - years, today.getMonth(), today.getDate());
  return start.getTime() < cutoff.getTime();
}

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
