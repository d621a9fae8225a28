// Test helpers: a pretend backend over mockIPC and small DOM utilities for flow tests.
import { mockIPC } from "@tauri-apps/api/mocks";
import { expect } from "vitest";
import type { AppContext } from "../app-context";
import { startApp } from "../shell/app";
import type {
  ExportFormat,
  ExportOptions,
  NewPortfolioRequest,
  OpenedPortfolio,
  SectionPatch,
  SizeReport,
  VersionsOverview,
} from "../types";
import { checklistFor, planFor } from "./checklist-fixtures";
import { framework, openedFor, outlineFor, sizeText } from "./fixtures";

export type Calls = { cmd: string; args: Record<string, unknown> }[];

/** A pretend backend: enough of the commands in api.ts for the screens to run. */
export function backend(overrides: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const calls: Calls = [];
  let opened: OpenedPortfolio | null = null;
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (overrides[cmd]) return overrides[cmd](args);
      switch (cmd) {
        case "framework":
          return framework;
        case "current_portfolio":
          return null;
        // Started without a folder on the command line, unless a test says otherwise.
        case "open_requested_portfolio":
          return null;
        case "use_spelling":
          return {
            language: { code: "en-GB", name: "English (United Kingdom)", dictionary: "en_GB", package: "hunspell-en-gb" },
            languages: [{ code: "en-GB", name: "English (United Kingdom)", dictionary: "en_GB", package: "hunspell-en-gb" }],
            note: null,
          };
        case "recent_portfolios":
          return [];
        case "create_portfolio": {
          const request = args.request as NewPortfolioRequest;
          opened = openedFor(request.pathway);
          opened.portfolio.title = request.title;
          opened.portfolio.candidate.name = request.candidate_name;
          return opened;
        }
        case "preview_markdown": {
          const markdown = String(args.markdown);
          const words = markdown.split(/\s+/).filter(Boolean).length;
          return { html: markdown ? `<p>${markdown}</p>` : "", words };
        }
        case "words_note": {
          // Shaped as the core's word_guide::words_note; the wording is the core's to test.
          const id = String(args.sectionId);
          const description = Number(args.descriptionWords);
          const section = framework.sections.find((s) => s.id === id);
          if (section?.words) {
            const { min, max } = section.words;
            const within = description >= min && description <= max;
            return { total: description, range: section.words, required: true, within, text: `${min}–${max} words asked for.` };
          }
          const total = description + Number(args.reflectionWords);
          const { min, max } = framework.narrative_words;
          return { total, range: framework.narrative_words, required: false, within: total >= min && total <= max, text: "" };
        }
        case "save_section": {
          const patch = args.patch as SectionPatch;
          return {
            saved_at: "2025-05-20T10:00:00Z",
            outline: outlineFor(opened?.portfolio.pathway ?? "cmalt", { [patch.section_id]: "in_progress" }),
          };
        }
        case "close_portfolio":
          return null;
        case "checklist":
          return checklistFor(opened?.portfolio.pathway ?? "cmalt");
        case "submission_plan":
          return planFor(opened?.portfolio.target_window ?? null, opened?.portfolio.registered_on ?? null);
        case "save_confirmations":
        case "save_self_rating":
        case "set_target_date":
        case "set_registered_on":
        case "apply_checklist_fix":
          return { saved_at: "2025-05-20T10:00:00Z", outline: outlineFor(opened?.portfolio.pathway ?? "cmalt") };
        // Importing a draft: the file dialog is cancelled and no note is waiting unless a test says otherwise.
        case "import_draft_dialog":
          return null;
        case "not_placed_note":
          return null;
        case "set_aside_not_placed":
          return null;
        case "evidence_library":
          return { rows: [], total_bytes: 0, file_limit_bytes: 1_000_000, submission_limit_bytes: 10_000_000, recent_years: 3 };
        // Export: a small estimate for whatever was chosen; the place dialog is cancelled unless a test says otherwise.
        case "export_estimate": {
          const options = args.options as ExportOptions;
          return sizeReportFor(options.format, 2_400_000);
        }
        case "export_portfolio":
          return null;
        case "open_last_export":
        case "reveal_last_export":
          return null;
        case "print_portfolio":
          return "/tmp/cmalt-print/portfolio.html";
        case "open_bundle_dialog":
          return null;
        // Versions: nothing kept yet, no outcome, not accredited.
        case "versions_overview":
          return emptyOverview();
        case "list_backups":
          return [];
        // Before you share: nothing found, unless a test says otherwise.
        case "before_sharing":
        case "check_links_online":
          return [];
        default:
          throw { code: "refused", message: `unexpected command ${cmd}` };
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

export async function waitFor<T>(check: () => T | null | undefined | false, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Resolves once every promise chain under way has run to its end. The mocked IPC answers
 * without timers, so each answer and whatever the UI does with it (more commands included)
 * runs as microtasks, and all of them finish before the next task: this waits for that task,
 * not for a length of time. Code that waits on a timer (a debounce) needs fake timers instead.
 */
export const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector);
export const byTestId = <E extends Element = HTMLElement>(id: string) => $<E>(`[data-testid="${id}"]`);

export function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export async function boot(): Promise<AppContext> {
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = await startApp(root);
  expect(app).not.toBeNull();
  return app!;
}

/** A size report for an export of `total` bytes against the 10 MB limit. */
export function sizeReportFor(format: ExportFormat, total: number, partial: Partial<SizeReport> = {}): SizeReport {
  const within = total <= 10_000_000;
  return {
    format,
    total_bytes: total,
    limit_bytes: 10_000_000,
    within_limit: within,
    largest: [{ name: "E1 Quiz screenshot", bytes: Math.round(total / 2), size: sizeText(Math.round(total / 2)) }],
    left_out: [],
    summary: within ? `${sizeText(total)} of the 10 MB limit` : `${sizeText(total)}, ${sizeText(total - 10_000_000)} over the 10 MB limit`,
    limit: "10 MB",
    ...partial,
  };
}

/** The Versions page's overview of a portfolio with no snapshot, outcome or review yet. */
export function emptyOverview(partial: Partial<VersionsOverview> = {}): VersionsOverview {
  return {
    snapshots: [],
    stage: {
      resubmission: false,
      outcomes: ["pass_with_distinction", "pass", "referral_minor", "referral_major"],
      latest: null,
      to_revise: [],
    },
    review: { accredited_on: null, due_on: null, days_left: null, due_text: null, open: null, completed: 0 },
    upgrades: ["senior"],
    ...partial,
  };
}
