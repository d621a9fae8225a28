// The questions the Versions page asks: mark as submitted, keep a named snapshot, record an
// assessment's outcome, export a snapshot, and what to do with a copy once it is made.
import { api, messageOf } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { labelledInput } from "../editor/guidance-view";
import { longDate, todayIso } from "../format";
import { openDialog } from "../shell/dialogs";
import { entryLabel } from "../shell/framework-view";
import type {
  Assessment,
  ExportFormat,
  ExportOutcome,
  Framework,
  OpenedPortfolio,
  OutcomeId,
  Outline,
  PathwayId,
  Rating,
  RestoredCopy,
  SnapshotListing,
  SubmissionPlan,
} from "../types";
import { RATING_LETTERS, RATING_NAMES } from "./assessment-view";

/** Runs a dialog's confirming step; a refusal is shown in `error` and keeps the dialog open. */
async function showingRefusal(error: HTMLElement, step: () => Promise<boolean>): Promise<boolean> {
  try {
    return await step();
  } catch (failure) {
    error.textContent = messageOf(failure);
    return false;
  }
}

/** A line under a form that says why it was refused, read out when it appears. */
function errorLine(testid: string): HTMLElement {
  return h("p", { class: "form-error", role: "alert", "data-testid": testid });
}

function textInput(testid: string, value = "", placeholder?: string): HTMLInputElement {
  return h("input", { type: "text", class: "text-input", "data-testid": testid, value, placeholder, autocomplete: "off" });
}

/**
 * "Mark as submitted…": the date it was sent for and an optional label. Where the scheme has
 * closing days, one of them (or the candidate's target); now that ALT takes portfolios all year,
 * a date, the target or else today. Resolves the snapshot, or null.
 */
export async function markSubmittedDialog(target: string | null): Promise<SnapshotListing | null> {
  let plan: SubmissionPlan | null = null;
  try {
    plan = await api.submissionPlan();
  } catch {
    // Without the plan there are no closing days to offer: the date field stands.
  }
  const windows = plan?.windows ?? [];
  let when: HTMLSelectElement | HTMLInputElement;
  let whenHint: string;
  if (windows.length > 0) {
    const options = windows.map((w) => ({ date: w.date, text: `${w.long} (${w.days_text})` }));
    if (target && !options.some((o) => o.date === target)) {
      const counted = plan?.target?.date === target ? plan.target : null;
      options.unshift({ date: target, text: counted ? `${counted.long} (${counted.days_text})` : longDate(target) });
    }
    when = h(
      "select",
      { class: "select", "data-testid": "submit-window", "data-autofocus": true, value: target ?? options[0]?.date ?? "" },
      options.map((o) => h("option", { value: o.date }, `${o.text}${o.date === target ? ", your target" : ""}`)),
    );
    whenHint = "The closing day you submitted for.";
  } else {
    when = h("input", {
      type: "date",
      class: "text-input date-input",
      "data-testid": "submit-window",
      "data-autofocus": true,
      value: target ?? todayIso(),
    });
    whenHint = target
      ? "The date you were aiming for. Change it if you sent it on another day."
      : "The day you send it: today, unless you change it.";
  }
  const label = textInput("submit-label", "", "For example: First submission");
  const error = errorLine("submit-error");
  let made: SnapshotListing | null = null;
  const chosen = await openDialog<boolean>({
    title: "Mark as submitted",
    testid: "submit-dialog",
    body: h(
      "div",
      null,
      h(
        "p",
        null,
        "The app keeps a read-only copy of your portfolio as it is now, dated today. You can go on working; the copy never changes, and you can compare with it later.",
      ),
      labelledInput("Submitted for", when, whenHint),
      labelledInput("Label (optional)", label),
      error,
    ),
    actions: [
      { label: "Cancel", value: false },
      {
        label: "Mark as submitted",
        value: true,
        kind: "primary",
        testid: "submit-confirm",
        run: async () => {
          return showingRefusal(error, async () => {
            made = await api.takeSnapshot({ label: label.value.trim(), submitted: true, window: when.value || null });
            return true;
          });
        },
      },
    ],
    cancelValue: false,
  });
  return chosen ? made : null;
}

/** "Keep a snapshot…": a named copy at any time. Resolves the snapshot, or null. */
export async function keepSnapshotDialog(): Promise<SnapshotListing | null> {
  const label = textInput("snapshot-label", "", "For example: Before my mentor's comments");
  label.setAttribute("data-autofocus", "");
  const error = errorLine("snapshot-error");
  let made: SnapshotListing | null = null;
  const chosen = await openDialog<boolean>({
    title: "Keep a snapshot",
    testid: "snapshot-dialog",
    body: h(
      "div",
      null,
      h("p", null, "A read-only copy of your portfolio as it is now, to look back at or compare with later."),
      labelledInput("Name", label, "A few words to recognise it by."),
      error,
    ),
    actions: [
      { label: "Cancel", value: false },
      {
        label: "Keep snapshot",
        value: true,
        kind: "primary",
        testid: "snapshot-confirm",
        run: async () => {
          if (!label.value.trim()) {
            error.textContent = "Give the snapshot a name.";
            label.focus();
            return false;
          }
          return showingRefusal(error, async () => {
            made = await api.takeSnapshot({ label: label.value.trim(), submitted: false, window: null });
            return true;
          });
        },
      },
    ],
    cancelValue: false,
  });
  return chosen ? made : null;
}

const RATINGS: Rating[] = ["strong", "adequate", "revisions_required"];

/** The sections the assessors rate: the assessed ones of the current outline. */
export function assessedSections(outline: Outline): { id: string; label: string }[] {
  return outline.groups
    .flatMap((g) => g.entries)
    .filter((entry) => entry.two_parts)
    .map((entry) => ({ id: entry.id, label: entryLabel(entry) }));
}

/** "Record an outcome…": the result, when it came, and the feedback per section. Resolves the new state, or null. */
export async function recordOutcomeDialog(
  framework: Framework,
  outline: Outline,
  outcomes: OutcomeId[],
  pathway: PathwayId,
): Promise<OpenedPortfolio | null> {
  const group = uid("outcome");
  const outcomeList = h(
    "fieldset",
    { class: "plain-fieldset outcome-choices" },
    h("legend", null, "Outcome"),
    outcomes.map((id, index) => {
      const inputId = uid("outcome");
      return h(
        "div",
        { class: "check-row" },
        h("input", {
          type: "radio",
          name: group,
          id: inputId,
          value: id,
          "data-testid": `outcome-${id}`,
          "data-autofocus": index === 0 ? true : undefined,
        }),
        h("label", { for: inputId }, framework.outcomes.find((o) => o.id === id)?.name ?? id),
      );
    }),
  );
  const date = textInput("outcome-date", todayIso());
  const overall = h("textarea", { class: "text-input", rows: "3", "data-testid": "outcome-overall" });

  const sections = assessedSections(outline);
  const rows = sections.map((section) => {
    const name = uid(`rating-${section.id}`);
    const feedback = h("textarea", {
      class: "text-input",
      rows: "2",
      "data-testid": `feedback-${section.id}`,
      "aria-label": `Assessors' comments on ${section.label}`,
    });
    const radios = [null, ...RATINGS].map((rating) => {
      const inputId = uid("rating");
      return h(
        "span",
        { class: "rating-choice" },
        h("input", {
          type: "radio",
          name,
          id: inputId,
          value: rating ?? "",
          checked: rating === null,
          "data-testid": `rating-${section.id}-${rating ? RATING_LETTERS[rating] : "none"}`,
        }),
        h(
          "label",
          { for: inputId, title: rating ? RATING_NAMES[rating] : "Not rated" },
          rating ? RATING_LETTERS[rating] : "None",
          rating ? h("span", { class: "visually-hidden" }, `, ${RATING_NAMES[rating]}`) : null,
        ),
      );
    });
    const element = h(
      "fieldset",
      { class: "feedback-row", "data-section": section.id },
      h("legend", null, section.label),
      h("div", { class: "rating-choices" }, radios),
      feedback,
    );
    const read = () => {
      const picked = element.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "";
      return { rating: (picked || null) as Rating | null, feedback: feedback.value };
    };
    return { id: section.id, element, read };
  });

  const error = errorLine("outcome-error");
  let opened: OpenedPortfolio | null = null;
  const saved = await openDialog<boolean>({
    title: "Record an outcome",
    testid: "outcome-dialog",
    wide: true,
    body: h(
      "div",
      { class: "outcome-form" },
      h("p", null, "Copy in what the assessors sent you. Their comments then sit beside each section while you revise."),
      outcomeList,
      labelledInput("Date received", date, "For example 2026-11-23."),
      labelledInput("Overall feedback", overall),
      sections.length > 0
        ? h(
            "section",
            { class: "feedback-rows", "aria-label": "Feedback per section" },
            h("h3", { class: "small-heading" }, "Feedback per section"),
            h("p", { class: "hint" }, "S: strong, A: adequate, R: revisions required. Leave a section as None if they did not rate it."),
            rows.map((r) => r.element),
          )
        : null,
      error,
    ),
    actions: [
      { label: "Cancel", value: false },
      {
        label: "Save the outcome",
        value: true,
        kind: "primary",
        testid: "outcome-save",
        run: async () => {
          const outcome = outcomeList.querySelector<HTMLInputElement>("input:checked")?.value as OutcomeId | undefined;
          if (!outcome) {
            error.textContent = "Choose the outcome.";
            outcomeList.querySelector<HTMLInputElement>("input")?.focus();
            return false;
          }
          const assessment: Assessment = {
            outcome,
            pathway,
            received_on: date.value.trim(),
            snapshot_id: null,
            overall_feedback: overall.value,
            sections: Object.fromEntries(rows.map((r) => [r.id, r.read()])),
          };
          return showingRefusal(error, async () => {
            opened = await api.recordAssessment(assessment);
            return true;
          });
        },
      },
    ],
    cancelValue: false,
  });
  return saved ? opened : null;
}

/** "Export…" for a snapshot: zip or single page, then the save dialog. Resolves the outcome, or null. */
export async function exportSnapshotDialog(snapshot: SnapshotListing): Promise<ExportOutcome | null> {
  const group = uid("snapshot-format");
  const choice = (value: ExportFormat, name: string, text: string, checked: boolean) => {
    const id = uid("format");
    return h(
      "div",
      { class: "check-row" },
      h("input", {
        type: "radio",
        name: group,
        id,
        value,
        checked,
        "data-testid": `snapshot-format-${value}`,
        "data-autofocus": checked ? true : undefined,
      }),
      h("label", { for: id }, h("strong", null, name), ` ${text}`),
    );
  };
  const formats = h(
    "fieldset",
    { class: "plain-fieldset" },
    h("legend", null, "What to make"),
    choice("zip", "Zip file.", "The web page, the evidence files and a copy you can open again.", true),
    choice("single_html", "Single web page.", "One .html file; images are inside it.", false),
  );
  const error = errorLine("snapshot-export-error");
  let outcome: ExportOutcome | null = null;
  const done = await openDialog<boolean>({
    title: "Export this snapshot",
    testid: "snapshot-export-dialog",
    body: h(
      "div",
      null,
      h("p", null, `The portfolio exactly as it was on ${longDate(snapshot.taken_at.slice(0, 10))}, not as it is now.`),
      formats,
      error,
    ),
    actions: [
      { label: "Cancel", value: false },
      {
        label: "Export…",
        value: true,
        kind: "primary",
        testid: "snapshot-export-go",
        run: async () => {
          const format = (formats.querySelector<HTMLInputElement>("input:checked")?.value ?? "zip") as ExportFormat;
          return showingRefusal(error, async () => {
            outcome = await api.exportSnapshot(snapshot.id, format);
            return outcome !== null;
          });
        },
      },
    ],
    cancelValue: false,
  });
  return done ? outcome : null;
}

/** After a copy is made: say where, and offer to open it. Resolves true to open it. */
export function copyMadeDialog(copy: RestoredCopy): Promise<boolean> {
  const body = h("div", null);
  replaceChildren(
    body,
    h("p", { "data-testid": "copy-made" }, `A copy was made: ${copy.title}`),
    h("p", { class: "hint" }, "It is a separate portfolio, listed on the start screen. The portfolio you are working on has not changed."),
  );
  return openDialog<boolean>({
    title: "A copy was made",
    testid: "copy-dialog",
    body,
    actions: [
      { label: "Stay here", value: false },
      { label: "Open the copy", value: true, kind: "primary", testid: "open-copy" },
    ],
    cancelValue: false,
  });
}
