// A pretend evidence library for flow tests: items and citations kept in one place, served like the real commands.
import type { AttachOutcome, EvidenceDetails, EvidenceItem, EvidenceSource, LibraryView, OpenedPortfolio, Saved } from "../types";
import { openedFor, outlineFor, sizeText } from "./fixtures";

export function fileSource(name: string, bytes: number, media_type = "application/pdf"): EvidenceSource {
  return { type: "file", original_name: name, stored_name: name, bytes, sha256: `sha-${name}`, media_type };
}

export function evidenceItem(number: number, partial: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id: `E${number}`,
    number,
    title: `Item ${number}`,
    date: "2025-03",
    origin: "My VLE course",
    what_it_shows: "The course page I built.",
    permission_confirmed: true,
    still_relevant_because: "",
    source: fileSource(`item-${number}.pdf`, 100_000),
    added_at: "2025-05-01T10:00:00Z",
    ...partial,
  };
}

const KIND: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image" };

export const saved = (): Saved => ({ saved_at: "2025-05-20T10:00:00Z", outline: outlineFor("cmalt") });

/**
 * The backend's evidence state: `items` and the citations in `opened`. `handlers()` gives the
 * commands for `backend(...)`; each answer is a copy, as the real bridge would send.
 */
export class FakeLibrary {
  items: EvidenceItem[];
  opened: OpenedPortfolio;
  /** the dates the fake calls old: set per test */
  old = new Set<string>();

  constructor(items: EvidenceItem[], citations: Record<string, (string | { id: string; note: string })[]> = {}) {
    this.items = items;
    this.opened = openedFor("cmalt");
    for (const [section, list] of Object.entries(citations)) {
      this.opened.portfolio.sections[section] = {
        topic: "",
        description: "",
        reflection: "",
        references: "",
        principles: [],
        citations: list.map((c) => (typeof c === "string" ? { evidence_id: c, note: "" } : { evidence_id: c.id, note: c.note })),
      };
    }
  }

  citedIn(id: string): string[] {
    return Object.entries(this.opened.portfolio.sections)
      .filter(([, entry]) => entry.citations.some((c) => c.evidence_id === id))
      .map(([section]) => section);
  }

  view(): LibraryView {
    return {
      rows: this.items.map((item) => ({
        item,
        cited_in: this.citedIn(item.id),
        unused: this.citedIn(item.id).length === 0,
        needs_reason: this.old.has(item.date) && !item.still_relevant_because,
        size: item.source.type === "file" ? sizeText(item.source.bytes) : null,
        date: { understood: understoodDate(item.date), text: dateWords(item.date), needs_reason: this.old.has(item.date) },
        kind_label:
          item.source.type === "link"
            ? "Link"
            : item.source.type === "missing_file"
              ? "Missing file"
              : (KIND[item.source.media_type] ?? "File"),
      })),
      total_bytes: this.total(),
      file_limit_bytes: 1_000_000,
      submission_limit_bytes: 10_000_000,
      recent_years: 3,
      total: sizeText(this.total()),
      file_limit: "1 MB",
      submission_limit: "10 MB",
      over_by: this.total() > 10_000_000 ? sizeText(this.total() - 10_000_000) : null,
    };
  }

  total(): number {
    return this.items.reduce((sum, item) => sum + (item.source.type === "file" ? item.source.bytes : 0), 0);
  }

  cite(section: string, id: string): void {
    this.opened.portfolio.sections[section] ??= {
      topic: "",
      description: "",
      reflection: "",
      references: "",
      principles: [],
      citations: [],
    };
    const entry = this.opened.portfolio.sections[section];
    if (!entry.citations.some((c) => c.evidence_id === id)) entry.citations.push({ evidence_id: id, note: "" });
  }

  add(item: EvidenceItem, sections: string[]): AttachOutcome {
    this.items.push(item);
    for (const section of sections) this.cite(section, item.id);
    return { item, already_attached: false, metadata_removed: [], saved: saved() };
  }

  handlers(): Record<string, (args: Record<string, unknown>) => unknown> {
    const copy = <T>(value: T): T => structuredClone(value);
    return {
      current_portfolio: () => copy(this.opened),
      evidence_library: () => copy(this.view()),
      // Shaped as the core's describe_date: the fake calls old what the test put in `old`.
      describe_evidence_date: (args) => {
        const date = String(args.date).trim();
        const understood = understoodDate(date);
        return { understood, text: dateWords(date), needs_reason: understood && this.old.has(date) };
      },
      cite: (args) => {
        this.cite(String(args.sectionId), String(args.evidenceId));
        return saved();
      },
      uncite: (args) => {
        const entry = this.opened.portfolio.sections[String(args.sectionId)];
        entry.citations = entry.citations.filter((c) => c.evidence_id !== args.evidenceId);
        return saved();
      },
      set_citations: (args) => {
        this.opened.portfolio.sections[String(args.sectionId)].citations = copy(args.citations as never);
        return saved();
      },
      remove_evidence: (args) => {
        this.items = this.items.filter((item) => item.id !== args.evidenceId);
        for (const entry of Object.values(this.opened.portfolio.sections)) {
          entry.citations = entry.citations.filter((c) => c.evidence_id !== args.evidenceId);
        }
        return saved();
      },
      save_evidence_details: (args) => {
        const details = args.details as EvidenceDetails;
        if (!understoodDate(details.date)) {
          throw { code: "refused", message: `"${details.date}" is not a date. Write it as YYYY-MM-DD, YYYY-MM or YYYY.` };
        }
        const item = this.items.find((i) => i.id === args.evidenceId)!;
        Object.assign(item, details);
        return saved();
      },
      // `[E3]` becomes a link when E3 exists, as the core's preview does.
      preview_markdown: (args) => {
        const markdown = String(args.markdown);
        const html = markdown.replace(/\[(E\d+)\]/g, (token, id: string) => {
          const item = this.items.find((i) => i.id === id);
          return item
            ? `<a class="evidence-ref" href="#evidence-${id}" title="${item.title}">${id}</a>`
            : `<span class="evidence-ref missing">${token}</span>`;
        });
        return { html: markdown ? `<p>${html}</p>` : "", words: markdown.split(/\s+/).filter(Boolean).length };
      },
    };
  }
}

/** The pretend core's reading of an evidence date: a year, a month or a day. */
function understoodDate(date: string): boolean {
  return date.trim() === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date.trim());
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2025-03" as the core writes it ("March 2025"), for the pretend library's rows. */
function dateWords(date: string): string {
  const [year, month, day] = date.trim().split("-");
  if (!understoodDate(date) || !month) return date.trim();
  const name = MONTH_NAMES[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
