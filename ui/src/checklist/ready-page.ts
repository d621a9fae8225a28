// "Ready to submit?": whether the portfolio meets the checklist, what is left (errors, then advice),
// each item a link to the place to fix it (with a one-click fix where the core offers one, and the
// items of a grouped problem each linked), then the candidate's own checks and when to submit.

import { messageOf } from "../api";
import { h, replaceChildren, srOnly, uid } from "../dom";
import { thingsToFixText } from "../format";
import { icon } from "../icons";
import type { Page, PageContext } from "../shell/page";
import type { Checklist, Fix, Problem, Severity } from "../types";
import { applyFix } from "./apply-fix";
import { createBeforeSharing } from "./before-sharing";
import { createCandidateChecks } from "./candidate-checks";
import { createDeadlinesPanel } from "./deadlines";
import { destinationFor, destinationText, groupProblems, itemDestination, problemItems } from "./problem-links";

const problemKey = (p: Problem) => [p.code, p.section ?? "", p.evidence ?? "", p.message].join("|");

export function createReadyPage(ctx: PageContext): Page {
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Ready to submit?");
  const summary = h("div", { class: "ready-summary", "data-testid": "ready-summary" });
  const problemsSlot = h("div", { class: "ready-problems" });
  // Why a fix did not go through, in the core's words.
  const fixError = h("p", { class: "form-error fix-error", role: "alert", "data-testid": "fix-error", hidden: true });
  /** Fixes under way, by their JSON: their buttons stay disabled across redraws. */
  const running = new Set<string>();
  let destroyed = false;
  /** Where focus goes back once a fix started from the keyboard is done (its button is disabled meanwhile). */
  let focusAfterFix: { key: string | null; severity: string | null } | null = null;
  const checks = createCandidateChecks(ctx);
  const sharing = createBeforeSharing(ctx, (fix) => runFix(fix));
  const deadlines = createDeadlinesPanel(ctx);

  const outline = () => ctx.store.session()?.outline ?? null;

  const open = (problem: Problem) => {
    const destination = destinationFor(problem, outline());
    // The candidate's own checks are on this page already.
    if (destination.kind === "ready") checks.focus();
    else ctx.open(destination);
  };

  const runFix = async (fix: Fix) => {
    const key = JSON.stringify(fix);
    if (running.has(key)) return;
    running.add(key);
    const button =
      document.activeElement instanceof HTMLElement && problemsSlot.contains(document.activeElement) ? document.activeElement : null;
    if (button)
      focusAfterFix = {
        key: button.dataset.key ?? null,
        severity: button.closest<HTMLElement>("[data-severity]")?.dataset.severity ?? null,
      };
    fixError.hidden = true;
    fixError.textContent = "";
    render();
    try {
      await applyFix(ctx, fix);
    } catch (error) {
      if (!destroyed) {
        fixError.textContent = messageOf(error);
        fixError.hidden = false;
        fixError.scrollIntoView?.({ block: "nearest" });
      }
    } finally {
      running.delete(key);
      if (!destroyed) render();
      focusAfterFix = null;
    }
  };

  const fixButton = (problem: Problem, fix: Fix) => {
    const busy = running.has(JSON.stringify(fix));
    return h(
      "button",
      {
        type: "button",
        class: "button small problem-fix",
        "data-testid": "problem-fix",
        "data-code": problem.code,
        "data-fix": fix.kind,
        "data-key": `${problemKey(problem)}|fix`,
        disabled: busy,
        "aria-busy": busy ? "true" : undefined,
        onclick: () => void runFix(fix),
      },
      fix.label,
    );
  };

  /** A grouped problem's items, each a link to it in the library. */
  const itemLinks = (problem: Problem, items: string[]) =>
    h(
      "ul",
      { class: "problem-items", "aria-label": "Items" },
      items.map((id) => {
        const title = ctx.evidence.row(id)?.item.title.trim();
        return h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "link-button problem-item",
              "data-testid": "problem-item",
              "data-evidence": id,
              "data-key": `${problemKey(problem)}|${id}`,
              title: title || undefined,
              "aria-label": `${destinationText(itemDestination(id), outline())}${title ? `: ${title}` : ""}`,
              onclick: () => ctx.open(itemDestination(id)),
            },
            id,
          ),
        );
      }),
    );

  const problemButton = (problem: Problem) => {
    const destination = destinationFor(problem, outline());
    const items = problemItems(problem);
    const grouped = items.length > 1 ? itemLinks(problem, items) : null;
    const fix = problem.fix ? fixButton(problem, problem.fix) : null;
    return h(
      "li",
      { class: grouped || fix ? "problem-row with-extras" : "problem-row", "data-code": problem.code },
      h(
        "button",
        {
          type: "button",
          class: `problem-link severity-${problem.severity}`,
          "data-testid": "problem",
          "data-code": problem.code,
          "data-section": problem.section ?? "",
          "data-evidence": problem.evidence ?? undefined,
          "data-key": problemKey(problem),
          onclick: () => open(problem),
        },
        icon(problem.severity === "error" ? "warning" : "info"),
        h(
          "span",
          { class: "problem-text" },
          srOnly(problem.severity === "error" ? "To fix: " : "Worth a look: "),
          h("span", { class: "problem-message" }, problem.message),
          h("span", { class: "problem-go" }, destinationText(destination, outline()), icon("arrowRight")),
        ),
      ),
      grouped || fix ? h("div", { class: "problem-extras" }, grouped, fix) : null,
    );
  };

  const problemSection = (severity: Severity, problems: Problem[]) => {
    if (problems.length === 0) return null;
    const headingId = uid("problems");
    const errors = severity === "error";
    return h(
      "section",
      { class: `problem-section ${severity}s`, "aria-labelledby": headingId, "data-severity": severity },
      h(
        "h2",
        { id: headingId, tabindex: "-1" },
        errors ? `To fix before you submit (${problems.length})` : `Worth a look (${problems.length})`,
      ),
      h(
        "p",
        { class: "hint" },
        errors
          ? "Each of these would stop your portfolio passing the checklist. Choose one to go to the place to fix it."
          : "These do not stop you submitting, but an assessor may notice them.",
      ),
      groupProblems(problems, outline()).map((group) =>
        h(
          "div",
          { class: "problem-group", "data-group": group.key },
          h("h3", { class: "problem-group-title" }, group.title),
          h("ul", { class: "problem-list" }, group.problems.map(problemButton)),
        ),
      ),
    );
  };

  const renderSummary = (checklist: Checklist | null) => {
    if (!checklist) {
      summary.dataset.ready = "";
      replaceChildren(summary, h("p", { class: "muted" }, "Checking your portfolio…"));
      return;
    }
    summary.dataset.ready = String(checklist.ready);
    const progress = h("p", { class: "ready-progress" }, `${checklist.completed} of ${checklist.total} sections complete.`);
    const advice =
      checklist.warnings > 0
        ? h(
            "p",
            null,
            checklist.warnings === 1
              ? "There is one suggestion below. It does not stop you submitting, but it is worth a look."
              : `There are ${checklist.warnings} suggestions below. None of them stops you submitting, but they are worth a look.`,
          )
        : null;
    if (checklist.ready) {
      replaceChildren(
        summary,
        h("p", { class: "ready-headline" }, icon("check"), "Your portfolio meets the checklist"),
        h("p", null, "Well done. Every required part is in place and nothing essential is missing."),
        advice,
        h("p", null, "Read it through once more, tick your own checks below, then make the file to send on the Export and share page."),
      );
    } else {
      replaceChildren(
        summary,
        h("p", { class: "ready-headline" }, icon("flag"), `Not ready yet: ${thingsToFixText(checklist.errors)}`),
        h(
          "p",
          null,
          "That is normal while you are still writing. Each item below takes you to the place to fix it, and this list updates as you work.",
        ),
        progress,
        advice,
      );
    }
  };

  const render = () => {
    const checklist = ctx.checklist.current();
    // Keep keyboard focus on the same item across the redraw; if it was fixed, land on its list.
    const active =
      document.activeElement instanceof HTMLElement && problemsSlot.contains(document.activeElement) ? document.activeElement : null;
    const kept = active
      ? { key: active.dataset.key ?? null, severity: active.closest<HTMLElement>("[data-severity]")?.dataset.severity ?? null }
      : !document.activeElement || document.activeElement === document.body
        ? focusAfterFix
        : null;
    const keptKey = kept?.key ?? null;
    const keptSeverity = kept?.severity ?? null;

    renderSummary(checklist);
    if (!checklist) {
      replaceChildren(problemsSlot);
    } else {
      const errors = checklist.problems.filter((p) => p.severity === "error");
      const warnings = checklist.problems.filter((p) => p.severity === "warning");
      replaceChildren(problemsSlot, problemSection("error", errors), problemSection("warning", warnings));
    }
    if (kept) {
      const same = keptKey
        ? Array.from(problemsSlot.querySelectorAll<HTMLElement>("[data-key]")).find((b) => b.dataset.key === keptKey)
        : undefined;
      const fallback =
        problemsSlot.querySelector<HTMLElement>(`[data-severity="${keptSeverity}"] h2`) ?? problemsSlot.querySelector<HTMLElement>("h2");
      (same ?? fallback ?? heading).focus();
    }
  };

  const stop = ctx.checklist.onChange(render);
  // Item titles for the links under grouped problems come from the library.
  const stopEvidence = ctx.evidence.onChange(render);
  const element = h(
    "article",
    { class: "section-page ready-page", "data-testid": "ready-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h("p", { class: "lead" }, "What is left before you send your portfolio. It updates as you write."),
    ),
    summary,
    h(
      "ul",
      { class: "ready-links" },
      h(
        "li",
        null,
        h(
          "button",
          { type: "button", class: "button", "data-testid": "open-principles", onclick: () => ctx.open({ kind: "principles" }) },
          "The core principles across your sections",
        ),
      ),
      h(
        "li",
        null,
        h(
          "button",
          { type: "button", class: "button", "data-testid": "open-self-assessment", onclick: () => ctx.open({ kind: "self-assessment" }) },
          "Rate your sections as an assessor would",
        ),
      ),
      h(
        "li",
        null,
        h(
          "button",
          {
            type: "button",
            class: "button",
            "data-testid": "go-before-sharing",
            onclick: () => {
              sharing.element.scrollIntoView?.({ block: "start" });
              sharing.element.querySelector<HTMLElement>("h2")?.focus();
            },
          },
          "Before you share",
        ),
      ),
      h(
        "li",
        null,
        h(
          "button",
          { type: "button", class: "button", "data-testid": "open-export", onclick: () => ctx.open({ kind: "export" }) },
          icon("export"),
          "Export and share",
        ),
      ),
    ),
    fixError,
    problemsSlot,
    sharing.element,
    checks.element,
    deadlines.element,
  );
  render();
  // Ask afresh on opening: the page must never show an old list.
  void ctx.checklist.refreshNow();

  return {
    element,
    focus: () => heading.focus(),
    focusField(field) {
      if (field !== "confirmations") return false;
      checks.focus();
      return true;
    },
    destroy() {
      destroyed = true;
      stop();
      stopEvidence();
      deadlines.destroy();
      sharing.destroy();
    },
  };
}
