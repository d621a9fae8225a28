// A small framework and portfolio shaped like types.ts, for tests that must not depend on assets/framework.json.
import type { Framework, OpenedPortfolio, Outline, OutlineEntry, PathwayId, Portfolio, Section } from "../types";

const noGuidance = { description_prompts: [], reflection_prompts: [], must_show: [], topic: null };

function section(partial: Partial<Section> & Pick<Section, "id" | "title" | "group" | "kind" | "pathways">): Section {
  return {
    number: null,
    assessed: partial.kind === "assessed" || partial.kind === "specialist" || partial.kind === "advanced",
    words: null,
    guidance: `Guidance for ${partial.title}.`,
    ...noGuidance,
    ...partial,
  };
}

const all = { associate: "required", cmalt: "required", senior: "required" } as const;

export const framework: Framework = {
  format_version: 1,
  narrative_words: { min: 500, max: 600 },
  narrative_words_warning: { below_percent_of_min: 40, above_percent_of_max: 150, complete_from_percent_of_min: 50 },
  thin_reflection: { from_description_words: 150, below_percent_of_description: 33 },
  submissions: {
    open_all_year: true,
    open_all_year_since: "2025-01-01",
    how: "ALT takes portfolios all year round, so you submit when your portfolio is ready.",
    registration_valid_years: 2,
    windows: [],
  },
  evidence_file_limit_bytes: 1_000_000,
  submission_limit_bytes: 10_000_000,
  evidence_recent_years: 3,
  declaration:
    "I declare that, to the best of my knowledge, the statements and evidence included in this submission accurately describe my practice and are drawn from my own work, with the input and support of others duly and clearly recognised.",
  outcomes: [
    {
      id: "pass_with_distinction",
      name: "Pass with Distinction",
      awarded: true,
      referral: false,
      first_submission: true,
      resubmission: false,
    },
    { id: "pass", name: "Pass", awarded: true, referral: false, first_submission: true, resubmission: true },
    {
      id: "referral_minor",
      name: "Referral (minor revisions)",
      awarded: false,
      referral: true,
      first_submission: true,
      resubmission: false,
    },
    {
      id: "referral_major",
      name: "Referral (major revisions)",
      awarded: false,
      referral: true,
      first_submission: true,
      resubmission: false,
    },
    { id: "fail", name: "Fail", awarded: false, referral: false, first_submission: false, resubmission: true },
  ],
  review_every_years: 3,
  review: {
    guidance: "Every three years you look back at your plans.",
    what_happened_prompts: ["Which plans did you carry out?"],
    next_plans_prompts: ["What do you want to develop next?"],
  },
  principles: [
    { id: 1, title: "Exploring the interplay between technology and learning.", short: "Technology and learning" },
    { id: 2, title: "Keeping up to date with new technologies.", short: "Keeping up to date" },
    { id: 3, title: "Learning from colleagues of other backgrounds.", short: "Learning from others" },
    { id: 4, title: "Communicating and sharing effective practice.", short: "Sharing good practice" },
  ],
  pathways: [
    {
      id: "associate",
      name: "Associate CMALT",
      summary: "For those starting out.",
      who_for: "Early-career staff.",
      specialist_areas: { min: 0, max: 0 },
      advanced_areas: { min: 0, max: 0 },
      upgrades_to: ["cmalt"],
    },
    {
      id: "cmalt",
      name: "CMALT",
      summary: "The main award.",
      who_for: "Experienced practitioners.",
      specialist_areas: { min: 1, max: 2 },
      advanced_areas: { min: 0, max: 0 },
      upgrades_to: ["senior"],
    },
    {
      id: "senior",
      name: "Senior CMALT",
      summary: "For leaders.",
      who_for: "Senior staff.",
      specialist_areas: { min: 2, max: 2 },
      advanced_areas: { min: 1, max: null },
      upgrades_to: [],
    },
  ],
  groups: [
    { id: "context", title: "About you", number: null, core_area: false, summary: "" },
    { id: "operational", title: "Operational issues", number: "1", core_area: true, summary: "" },
    { id: "teaching", title: "Teaching, learning and assessment processes", number: "2", core_area: true, summary: "" },
    { id: "wider", title: "The wider context", number: "3", core_area: true, summary: "" },
    { id: "communication", title: "Communication and working with others", number: "4", core_area: true, summary: "" },
    { id: "specialist", title: "Specialist areas", number: null, core_area: false, summary: "" },
    { id: "advanced", title: "Advanced areas", number: null, core_area: false, summary: "" },
    { id: "closing", title: "Finishing", number: null, core_area: false, summary: "" },
  ],
  sections: [
    section({
      id: "context",
      title: "Contextual statement",
      group: "context",
      kind: "statement",
      pathways: all,
      description_prompts: ["What is your role?"],
    }),
    section({
      id: "1a",
      number: "1a",
      title: "Constraints and benefits of technologies",
      group: "operational",
      kind: "assessed",
      pathways: all,
      description_prompts: ["Which technologies?"],
      reflection_prompts: ["What did you learn?"],
      must_show: ["Your own role"],
    }),
    section({
      id: "1c",
      number: "1c",
      title: "Supporting deployment",
      group: "operational",
      kind: "assessed",
      pathways: { cmalt: "required", senior: "required" },
    }),
    section({ id: "2a", number: "2a", title: "Teaching, learning and assessment", group: "teaching", kind: "assessed", pathways: all }),
    section({
      id: "3a",
      number: "3a",
      title: "Legislation",
      group: "wider",
      kind: "assessed",
      pathways: all,
      topic: { label: "Legislation", hint: "Name the law.", examples: ["GDPR", "Equality Act 2010"] },
    }),
    section({ id: "4", number: "4", title: "Communication", group: "communication", kind: "assessed", pathways: all }),
    section({
      id: "5a",
      number: "5a",
      title: "Specialist area 1",
      group: "specialist",
      kind: "specialist",
      pathways: { cmalt: "required", senior: "required" },
    }),
    section({
      id: "5b",
      number: "5b",
      title: "Specialist area 2",
      group: "specialist",
      kind: "specialist",
      pathways: { senior: "required" },
    }),
    section({ id: "advanced-1", title: "Advanced area 1", group: "advanced", kind: "advanced", pathways: { senior: "required" } }),
    section({ id: "future", title: "Future plans", group: "closing", kind: "statement", pathways: all, words: { min: 200, max: 500 } }),
    section({ id: "confirmation", title: "Confirmation", group: "closing", kind: "confirmation", pathways: all }),
    section({
      id: "assessor",
      title: "Nominated assessor",
      group: "closing",
      kind: "assessor",
      pathways: { associate: "optional", cmalt: "optional", senior: "optional" },
    }),
  ],
  area_kinds: {
    specialist: {
      group: "specialist",
      title_prefix: "Specialist area",
      id_prefix: "5",
      id_style: "letter",
      guidance: "Say what makes this work distinct.",
      description_prompts: ["What is the area?"],
      reflection_prompts: ["What changed?"],
      must_show: ["Distinct from common practice"],
      topic: { label: "Specialist topic", hint: "Name the area.", examples: ["Accessibility"] },
    },
    advanced: {
      group: "advanced",
      title_prefix: "Advanced area",
      id_prefix: "advanced-",
      id_style: "number",
      guidance: "Leadership at scale.",
      description_prompts: [],
      reflection_prompts: [],
      must_show: [],
      topic: { label: "Advanced topic", hint: "", examples: [] },
    },
  },
  parts: {
    description: { label: "Description", hint: "What you did." },
    reflection: { label: "Reflection", hint: "What you learned." },
    evidence: { label: "Evidence", hint: "What proves it." },
    references: {
      label: "References",
      hint: "Works you draw on, listed apart from your evidence. They are not counted in the word count.",
    },
  },
};

/** The outline the backend would compute for a pathway, every section empty unless told otherwise. */
export function outlineFor(pathway: PathwayId, statuses: Record<string, OutlineEntry["status"]> = {}): Outline {
  const groups = framework.groups
    .map((group) => ({
      id: group.id,
      title: group.title,
      entries: framework.sections
        .filter((s) => s.group === group.id && s.pathways[pathway])
        .map<OutlineEntry>((s) => ({
          id: s.id,
          title: s.title,
          number: s.number,
          kind: s.kind,
          two_parts: s.kind === "assessed" || s.kind === "specialist" || s.kind === "advanced",
          group: s.group,
          required: s.pathways[pathway] === "required",
          status: statuses[s.id] ?? "empty",
          topic: "",
          removable: false,
        })),
    }))
    .filter((group) => group.entries.length > 0);
  // As the core counts: required sections only.
  const entries = groups.flatMap((g) => g.entries).filter((e) => e.required);
  return {
    groups,
    kept_aside: [],
    can_add: pathway === "cmalt" ? ["specialist"] : pathway === "senior" ? ["advanced"] : [],
    completed: entries.filter((e) => e.status === "complete").length,
    total: entries.length,
  };
}

export function portfolioFor(pathway: PathwayId, title = "My portfolio", name = "Sam Jones"): Portfolio {
  return {
    schema_version: 1,
    title,
    candidate: { name, role: "", organisation: "", context: "" },
    pathway,
    previous_award: null,
    sections: {},
    confirmation: { declaration_accepted: false, signed_name: "", date: "" },
    assessor: null,
    evidence: [],
    next_evidence_number: 1,
    self_assessment: {},
    confirmations: {
      described_clearly: false,
      reflected: false,
      evidence_recent_and_succinct: false,
      principles_addressed: false,
      proofread: false,
    },
    target_window: null,
    registered_on: null,
    assessments: [],
    accredited_on: null,
    reviews: [],
    created_at: "2025-01-10T09:00:00Z",
    updated_at: "2025-01-10T09:00:00Z",
  };
}

export function openedFor(pathway: PathwayId, folder = "/home/sam/CMALT/My portfolio"): OpenedPortfolio {
  return {
    folder,
    portfolio: portfolioFor(pathway),
    outline: outlineFor(pathway),
    notice: null,
    review_words: { suggestions: [], comments: [] },
  };
}

/** A size as the core writes it ("250 KB", "2.4 MB"), for the pretend backend's replies. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.min(Math.round(bytes / 1000), 999)} KB`;
  return `${Number((bytes / 1_000_000).toFixed(2))} MB`;
}
