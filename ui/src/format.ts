// Turns data into the short, friendly phrases people read: dates, word counts, headings, sizes.
import type { CheckStatus, Framework, OutlineGroup, PathwayId, WordRange } from "./types";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function wordsText(count: number): string {
  return `${count} word${count === 1 ? "" : "s"}`;
}

export function rangeText(range: WordRange): string {
  return `${range.min}–${range.max}`;
}

export function pathwayName(framework: Framework, id: PathwayId | null | undefined): string {
  if (!id) return "";
  return framework.pathways.find((p) => p.id === id)?.name ?? id;
}

/** "Core area 1: Operational issues" for core areas, the plain title otherwise. */
export function groupHeading(framework: Framework, group: Pick<OutlineGroup, "id" | "title">): string {
  const known = framework.groups.find((g) => g.id === group.id);
  const title = group.title || known?.title || group.id;
  if (known?.core_area && known.number) return `Core area ${known.number}: ${title}`;
  return title;
}

export const STATUS_TEXT: Record<CheckStatus, string> = {
  empty: "Not started",
  in_progress: "In progress",
  complete: "Complete",
  problem: "Needs attention",
};

function isoParts(iso: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return [year, month, day];
}

/** "2027-01-31" -> "31 January 2027", the British way; anything else is shown as it is. */
export function longDate(iso: string): string {
  const parts = isoParts(iso);
  if (!parts) return iso;
  const [year, month, day] = parts;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Today as "YYYY-MM-DD" in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** "1 thing to fix", "3 things to fix". */
export function thingsToFixText(count: number): string {
  return `${count} thing${count === 1 ? "" : "s"} to fix`;
}

/** "Ctrl+B" or "⌘B": the way the shortcut is written on this system. */
export function shortcutText(shortcut: string, mac: boolean): string {
  const parts = shortcut.split("-");
  const key = parts.pop() ?? "";
  const mods = parts.map((mod) => {
    if (mod === "Mod") return mac ? "⌘" : "Ctrl";
    if (mod === "Shift") return mac ? "⇧" : "Shift";
    if (mod === "Alt") return mac ? "⌥" : "Alt";
    return mod;
  });
  const shown = key.length === 1 ? key.toUpperCase() : key;
  return mac ? [...mods, shown].join("") : [...mods, shown].join("+");
}

/** The aria-keyshortcuts form of a CodeMirror key name: "Mod-b" -> "Control+B". */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  const parts = shortcut.split("-");
  const key = parts.pop() ?? "";
  const mods = parts.map((mod) => (mod === "Mod" ? (mac ? "Meta" : "Control") : mod));
  return [...mods, key.length === 1 ? key.toUpperCase() : key].join("+");
}
