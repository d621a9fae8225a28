// An import report shaped like types.ts (ImportReport), for the import flow tests.
import type { ImportedDraft, ImportReport, ImportSectionReport, PathwayId } from "../types";
import { openedFor } from "./fixtures";

export const IMPORTED_FOLDER = "/home/sam/CMALT/My draft";

function found(partial: Partial<ImportSectionReport> & Pick<ImportSectionReport, "id" | "title" | "heading">): ImportSectionReport {
  return {
    line: 1,
    in_pathway: true,
    topic: "",
    description_words: 0,
    reflection_words: 0,
    words_placed: 0,
    evidence_count: 0,
    evidence_ids: [],
    references: 0,
    ...partial,
  };
}

export function reportFor(pathway: PathwayId = "cmalt", overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    source: "/home/sam/Documents/CMALT draft.docx",
    kind: "docx",
    portfolio_folder: IMPORTED_FOLDER,
    title: "CMALT draft",
    candidate: "Sam Jones",
    pathway,
    pathway_inferred: true,
    pathway_choice: "inferred",
    pathway_reason: "worked out from the sections: one specialist area and no advanced area",
    headings_recognised: 4,
    nothing_recognised: false,
    sections: [
      found({
        id: "context",
        title: "Contextual statement",
        heading: "Contextual statement",
        line: 3,
        description_words: 310,
        words_placed: 310,
      }),
      found({
        id: "1a",
        title: "Constraints and benefits of technologies",
        heading: "1a) Operational issues",
        line: 12,
        description_words: 250,
        reflection_words: 180,
        words_placed: 430,
        evidence_count: 2,
        evidence_ids: ["E1", "E2"],
      }),
      found({
        id: "5a",
        title: "Specialist area 1",
        heading: "Specialist area: Accessibility",
        line: 40,
        topic: "Accessibility",
        words_placed: 520,
        evidence_count: 1,
        evidence_ids: ["E3"],
      }),
      found({
        id: "5b",
        title: "Specialist area 2",
        heading: "Specialist area: Open education",
        line: 60,
        topic: "Open education",
        in_pathway: false,
        words_placed: 120,
      }),
    ],
    missing_required: ["2a", "future"],
    evidence: { items: 4, files_attached: 1, images_attached: 1, links: 1, missing: 1, refused: 1 },
    not_placed: [
      {
        heading: "Acknowledgements",
        line: 80,
        reason: "the heading does not match a CMALT section",
        words: 12,
        excerpt: "Thanks to my line manager for her support…",
        text: "Thanks to my line manager for her support and patience throughout.",
      },
      {
        heading: null,
        line: 1,
        reason: "before the first heading",
        words: 5,
        excerpt: "Draft 3, not for sharing",
        text: "Draft 3, not for sharing",
      },
    ],
    not_placed_file: "not-placed.md",
    refused: [{ evidence_id: "E4", name: "lecture-recording.mp4", reason: "over 1 MB, the largest file the scheme accepts" }],
    missing_files: [{ evidence_id: "E2", name: "survey-results.pdf", sections: ["1a", "5a"], reason: "not found next to the draft" }],
    notes: ["The draft's title page was used as the portfolio title."],
    ...overrides,
  };
}

export function importedDraft(pathway: PathwayId = "cmalt", overrides: Partial<ImportReport> = {}): ImportedDraft {
  return { opened: openedFor(pathway, IMPORTED_FOLDER), report: reportFor(pathway, overrides) };
}

export const NOTE_TEXT =
  "## Acknowledgements\n\nThanks to my line manager for her support and patience throughout.\n\nDraft 3, not for sharing";
