// Reads the framework data for the UI: what a pathway includes, a section's guidance and word guide.
import type { Framework, Guidance, Outline, OutlineEntry, PathwayId, Requirement, Section, SectionKind, WordRange } from "../types";

export interface IncludedSection {
  id: string;
  number: string | null;
  title: string;
  requirement: Requirement;
}

/** The listed sections a pathway includes, in framework order (from each section's `pathways` map). */
export function sectionsOfPathway(framework: Framework, pathway: PathwayId): IncludedSection[] {
  return framework.sections.flatMap((section) => {
    const requirement = section.pathways[pathway];
    return requirement ? [{ id: section.id, number: section.number, title: section.title, requirement }] : [];
  });
}

/**
 * A short, readable list of what a pathway asks for: consecutive core-area sections merge into
 * "Core areas 1a, 1b, 2a", other sections keep their titles, optional ones say so.
 */
export function pathwaySummaryItems(framework: Framework, pathway: PathwayId): string[] {
  const coreGroups = new Set(framework.groups.filter((g) => g.core_area).map((g) => g.id));
  const items: string[] = [];
  let core: string[] = [];
  const flushCore = () => {
    if (core.length > 0) items.push(`${core.length === 1 ? "Core area" : "Core areas"} ${core.join(", ")}`);
    core = [];
  };
  for (const section of framework.sections) {
    const requirement = section.pathways[pathway];
    if (!requirement) continue;
    if (coreGroups.has(section.group) && section.number) {
      core.push(section.number);
      continue;
    }
    flushCore();
    items.push(requirement === "optional" ? `${section.title} (optional)` : section.title);
  }
  flushCore();
  return items;
}

export function listedSection(framework: Framework, id: string): Section | undefined {
  return framework.sections.find((s) => s.id === id);
}

const EMPTY_GUIDANCE: Guidance = {
  guidance: "",
  description_prompts: [],
  reflection_prompts: [],
  must_show: [],
  topic: null,
};

/** Specialist and advanced areas share their kind's guidance; every other section has its own. */
export function guidanceFor(framework: Framework, id: string, kind: SectionKind): Guidance {
  if (kind === "specialist" || kind === "advanced") return framework.area_kinds[kind] ?? EMPTY_GUIDANCE;
  return listedSection(framework, id) ?? EMPTY_GUIDANCE;
}

/** A listed section's own word range (future plans), if it has one. */
export function listedSectionWords(framework: Framework, id: string): WordRange | null {
  return listedSection(framework, id)?.words ?? null;
}

export interface FoundEntry {
  entry: OutlineEntry;
  keptAside: boolean;
}

export function findEntry(outline: Outline, id: string): FoundEntry | null {
  for (const group of outline.groups) {
    const entry = group.entries.find((e) => e.id === id);
    if (entry) return { entry, keptAside: false };
  }
  const kept = outline.kept_aside.find((e) => e.id === id);
  return kept ? { entry: kept, keptAside: true } : null;
}

export function firstEntry(outline: Outline): OutlineEntry | null {
  for (const group of outline.groups) if (group.entries.length > 0) return group.entries[0];
  return null;
}

/** "1a An understanding of…", or the plain title when a section has no number. */
export function entryLabel(entry: Pick<OutlineEntry, "number" | "title">): string {
  return entry.number ? `${entry.number} ${entry.title}` : entry.title;
}
