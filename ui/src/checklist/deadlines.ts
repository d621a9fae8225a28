// When and how the candidate submits, as the core's submission plan says it: how submitting works,
// any closing days, the date they aim for and the end of their registration, each with its days
// counted by the core. On the Ready page (with the two dates to set), the start screen and the top bar.
import { api } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { icon } from "../icons";
import type { PageContext } from "../shell/page";
import type { Countdown, Portfolio, Saved, SubmissionPlan } from "../types";

/**
 * "Aiming for 13 March 2027 · 102 days to go", for the top bar; null without a target. A plan that
 * has not caught up with a date just changed says nothing rather than the old date.
 */
export function targetText(plan: SubmissionPlan | null, portfolio: Portfolio): string | null {
  if (!plan?.target || plan.target.date !== portfolio.target_window) return null;
  return plan.aiming;
}

function windowList(windows: Countdown[], target: string | null): HTMLElement {
  return h(
    "ul",
    { class: "deadline-list", "data-testid": "deadline-list" },
    windows.map((w) =>
      h(
        "li",
        { class: w.date === target ? "deadline is-target" : "deadline", "data-date": w.date },
        icon("calendar"),
        h("span", { class: "deadline-date" }, w.long),
        h("span", { class: "deadline-days" }, w.days_text),
        w.date === target ? h("span", { class: "tag target-tag" }, "Your target") : null,
      ),
    ),
  );
}

/** The start screen's "When you submit": how submitting works, and closing days if there are any. */
export function createStartDeadlines(load: () => Promise<SubmissionPlan> = () => api.submissionPlan()): HTMLElement {
  const headingId = uid("deadlines");
  const body = h("div", { class: "deadline-body" }, h("p", { class: "muted" }, "Looking up how to submit…"));
  const element = h(
    "section",
    { class: "deadlines-panel start-deadlines", "data-testid": "deadlines", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "When you submit"),
    body,
  );
  load().then(
    (plan) => {
      replaceChildren(
        body,
        h("p", { class: "submission-how", "data-testid": "submission-how" }, plan.how),
        plan.windows.length > 0 ? windowList(plan.windows, null) : null,
      );
    },
    () => {
      // Nothing to say is no reason to show an empty panel.
      element.hidden = true;
    },
  );
  return element;
}

export interface DeadlinesPanel {
  element: HTMLElement;
  render(): void;
  destroy(): void;
}

interface DateField {
  row: HTMLElement;
  input: HTMLInputElement;
  note: HTMLElement;
  clear: HTMLButtonElement;
}

/** A labelled date input with its hint, a Clear button and a line the plan fills in below it. */
function dateField(label: string, hint: string, testid: string, onDate: (date: string | null) => void): DateField {
  const inputId = uid(testid);
  const hintId = uid(`${testid}-hint`);
  const noteId = uid(`${testid}-note`);
  const input = h("input", {
    type: "date",
    class: "text-input date-input",
    id: inputId,
    "data-testid": testid,
    "aria-describedby": `${hintId} ${noteId}`,
    // "change", not "input": date pickers fire input for half-typed dates.
    onchange: () => onDate(input.value || null),
  });
  const clear = h(
    "button",
    {
      type: "button",
      class: "button quiet small",
      "data-testid": `${testid}-clear`,
      "aria-label": `Clear ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
      onclick: () => {
        input.value = "";
        onDate(null);
        input.focus();
      },
    },
    "Clear",
  );
  const note = h("p", { class: "date-note", id: noteId, "data-testid": `${testid}-note`, "aria-live": "polite" });
  const row = h(
    "div",
    { class: "form-row date-row" },
    h("label", { for: inputId }, label),
    h("p", { class: "hint", id: hintId }, hint),
    h("div", { class: "inline-controls" }, input, clear),
    note,
  );
  return { row, input, note, clear };
}

/** "When you submit" on the Ready page: the core's words on how, the target date and the registration. */
export function createDeadlinesPanel(ctx: PageContext): DeadlinesPanel {
  const portfolio = ctx.store.session()!.portfolio;
  const headingId = uid("deadlines");

  /** Saves a date through the autosave queue, then asks for the plan that counts down to it. */
  const saveDate = (key: string, save: (date: string | null) => Promise<Saved>) => (date: string | null) =>
    ctx.autosave.queue(key, async () => {
      const saved = await save(date);
      void ctx.checklist.loadPlan();
      return saved;
    });
  const saveTarget = saveDate("target-date", (date) => api.setTargetDate(date));
  const saveRegistered = saveDate("registered-on", (date) => api.setRegisteredOn(date));

  const target = dateField(
    "The date you are aiming for",
    "The top bar then counts the days to it. You can change it at any time.",
    "target-date",
    (date) => {
      portfolio.target_window = date;
      ctx.store.portfolioChanged();
      saveTarget(date);
      render();
    },
  );
  const registered = dateField(
    "When you registered with ALT",
    "The date on ALT's confirmation of your registration. Your portfolio is submitted while the registration runs.",
    "registered-on",
    (date) => {
      portfolio.registered_on = date;
      saveRegistered(date);
      render();
    },
  );

  const how = h("p", { class: "submission-how", "data-testid": "submission-how" });
  const warning = h("p", { class: "submission-warning", role: "status", "data-testid": "submission-warning" });
  const listSlot = h("div", { class: "deadline-windows" });

  const render = () => {
    const plan = ctx.checklist.plan();
    const aim = portfolio.target_window ?? null;
    const since = portfolio.registered_on ?? null;
    // A field being edited keeps what the candidate is typing.
    if (document.activeElement !== target.input) target.input.value = aim ?? "";
    if (document.activeElement !== registered.input) registered.input.value = since ?? "";
    target.clear.hidden = !aim;
    registered.clear.hidden = !since;

    if (plan) how.textContent = plan.how;
    how.hidden = !plan;
    replaceChildren(listSlot, plan && plan.windows.length > 0 ? windowList(plan.windows, aim) : null);

    // Only what the plan says about the dates shown: a date just changed waits for its count.
    const aimed = plan?.target && plan.target.date === aim ? plan.target : null;
    replaceChildren(target.note, aimed ? [icon("flag"), `${aimed.long} · ${aimed.days_text}`] : null);
    target.note.hidden = !aimed;
    const ends = plan?.registration_ends && plan.registered_on === since ? plan.registration_ends : null;
    replaceChildren(registered.note, ends ? `Your registration runs to ${ends.long} (${ends.days_text})` : null);
    registered.note.hidden = !ends;
    registered.note.classList.toggle("is-past", !!ends && ends.days_left < 0);
    // The core's word on the dates together (a target after the registration ends).
    const current = plan && plan.target?.date === (aim ?? undefined) && plan.registered_on === since;
    warning.textContent = current ? (plan?.warning ?? "") : "";
    warning.hidden = !warning.textContent;
  };

  const element = h(
    "section",
    { class: "deadlines-panel submission-panel", "data-testid": "deadlines", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "When you submit"),
    how,
    listSlot,
    h("div", { class: "date-fields" }, target.row, registered.row),
    warning,
  );
  render();
  const stop = ctx.checklist.onPlan(render);
  // Ask afresh on opening, as the checklist is: the days left change from day to day.
  void ctx.checklist.loadPlan();
  return { element, render, destroy: stop };
}
