// Submission deadlines: the next windows with the days left, the target the candidate aims for,
// on the Ready page (with a choice of target), the start screen and the top bar.
import { api } from "../api";
import { h, replaceChildren, uid } from "../dom";
import { daysBetween, daysLeftText, longDate, todayIso } from "../format";
import { icon } from "../icons";
import type { PageContext } from "../shell/page";
import type { SubmissionWindow } from "../types";

/** Days left until a target: from the windows when it is one of them, else counted from today. */
export function daysUntil(date: string, windows: SubmissionWindow[] | null, today: string = todayIso()): number | null {
  const known = windows?.find((w) => w.date === date);
  return known ? known.days_left : daysBetween(today, date);
}

/** "Aiming for 31 January 2027 · 69 days", for the top bar. */
export function targetText(target: string, windows: SubmissionWindow[] | null, today: string = todayIso()): string {
  const days = daysUntil(target, windows, today);
  const when =
    days === null ? "" : days < 0 ? " · this date has passed" : days === 0 ? " · closes today" : ` · ${days} day${days === 1 ? "" : "s"}`;
  return `Aiming for ${longDate(target)}${when}`;
}

function windowList(windows: SubmissionWindow[], target: string | null): HTMLElement {
  return h(
    "ul",
    { class: "deadline-list" },
    windows.map((w) =>
      h(
        "li",
        { class: w.date === target ? "deadline is-target" : "deadline", "data-date": w.date },
        icon("calendar"),
        h("span", { class: "deadline-date" }, longDate(w.date)),
        h("span", { class: "deadline-days" }, daysLeftText(w.days_left)),
        w.date === target ? h("span", { class: "tag target-tag" }, "Your target") : null,
      ),
    ),
  );
}

/** The small "Next submission deadlines" panel of the start screen; quiet if the dates cannot be read. */
export function createStartDeadlines(load: () => Promise<SubmissionWindow[]> = () => api.submissionWindows()): HTMLElement {
  const headingId = uid("deadlines");
  const body = h("div", { class: "deadline-body" }, h("p", { class: "muted" }, "Looking up the dates…"));
  const element = h(
    "section",
    { class: "deadlines-panel start-deadlines", "data-testid": "deadlines", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Next submission deadlines"),
    body,
  );
  load().then(
    (windows) => {
      if (windows.length === 0) {
        element.hidden = true;
        return;
      }
      replaceChildren(
        body,
        windowList(windows, null),
        h(
          "p",
          { class: "hint" },
          "Portfolios are assessed three times a year. Aim for a date that leaves you time to reflect and proofread.",
        ),
      );
    },
    () => {
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

/** The deadlines on the Ready page, with the choice of a target window. */
export function createDeadlinesPanel(ctx: PageContext): DeadlinesPanel {
  const portfolio = ctx.store.session()!.portfolio;
  const headingId = uid("deadlines");
  const selectId = uid("target");
  const hintId = uid("target-hint");
  const body = h("div", { class: "deadline-body" });

  const select = h("select", {
    class: "select",
    id: selectId,
    "data-testid": "target-window",
    "aria-describedby": hintId,
    onchange: () => {
      const date = select.value || null;
      portfolio.target_window = date;
      ctx.store.portfolioChanged();
      ctx.autosave.queue("target-window", () => api.setTargetWindow(date));
      renderList();
    },
  });

  const renderSelect = () => {
    const windows = ctx.checklist.windows() ?? [];
    const target = portfolio.target_window;
    const dates = windows.map((w) => w.date);
    // A target that is no longer among the next windows (passed, or further off) stays choosable.
    if (target && !dates.includes(target)) dates.unshift(target);
    replaceChildren(
      select,
      h("option", { value: "" }, "No target"),
      dates.map((date) => {
        const days = daysUntil(date, windows);
        const note = days === null ? "" : ` (${daysLeftText(days)})`;
        return h("option", { value: date }, `${longDate(date)}${note}`);
      }),
    );
    select.value = target ?? "";
  };

  const listSlot = h("div");
  const renderList = () => {
    const windows = ctx.checklist.windows();
    replaceChildren(
      listSlot,
      windows === null
        ? h("p", { class: "muted" }, "Looking up the dates…")
        : windows.length === 0
          ? h("p", { class: "muted" }, "No dates are known just now.")
          : windowList(windows, portfolio.target_window),
    );
  };

  const render = () => {
    renderList();
    renderSelect();
  };

  replaceChildren(
    body,
    listSlot,
    h(
      "div",
      { class: "form-row target-row" },
      h("label", { for: selectId }, "The deadline you are aiming for"),
      h("p", { class: "hint", id: hintId }, "The top bar then counts the days to it. You can change it at any time."),
      select,
    ),
  );

  const element = h(
    "section",
    { class: "deadlines-panel", "data-testid": "deadlines", "aria-labelledby": headingId },
    h("h2", { id: headingId }, "Submission deadlines"),
    body,
  );
  render();
  const stop = ctx.checklist.onWindows(render);
  return { element, render, destroy: stop };
}
