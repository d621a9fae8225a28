// "Before you share", on the Ready page: what the core's share check found that could expose a
// learner or the candidate, or fail ALT's first check (photos that say where they were taken,
// personal data, links that need a sign-in, formats an assessor may not open). Every finding is
// a warning the candidate decides on: redact, agree to keep it, or store a clean photo, each one
// click; links are tried on the web only when the candidate asks.

import { api, messageOf } from "../api";
import { h, replaceChildren, srOnly, uid } from "../dom";
import { icon } from "../icons";
import type { PageContext } from "../shell/page";
import type { Fix, Problem } from "../types";
import { destinationFor, destinationText, groupProblems } from "./problem-links";

export interface BeforeSharing {
  element: HTMLElement;
  /** Looks again (after a save, a fix or an attach): the core reads each evidence file once. */
  refresh(): Promise<void>;
  destroy(): void;
}

/** The words around a finding, the passage itself marked. */
function passageOf(problem: Problem): HTMLElement | null {
  const passage = problem.passage;
  if (!passage) return null;
  return h(
    "p",
    { class: "share-passage", "data-testid": "share-passage" },
    passage.before ? `…${passage.before}` : "",
    h("mark", null, passage.matched),
    passage.after ? `${passage.after}…` : "",
  );
}

export function createBeforeSharing(ctx: PageContext, runFix: (fix: Fix) => Promise<void>): BeforeSharing {
  const headingId = uid("before-sharing");
  const status = h("p", { class: "share-status", role: "status", "data-testid": "share-status" });
  const list = h("div", { class: "share-findings", "data-testid": "share-findings" });
  const linksStatus = h("p", { class: "share-links-status", role: "status", "data-testid": "links-status" });
  let findings: Problem[] = [];
  /** What trying the links found, kept until the next time they are tried. */
  let linkFindings: Problem[] | null = null;
  let destroyed = false;
  let sequence = 0;

  const outline = () => ctx.store.session()?.outline ?? null;

  const fixButton = (fix: Fix, testid: string) =>
    h(
      "button",
      {
        type: "button",
        class: "button small problem-fix",
        "data-testid": testid,
        "data-fix": fix.kind,
        onclick: async (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          button.disabled = true;
          try {
            await runFix(fix);
          } finally {
            await refresh();
          }
        },
      },
      fix.label,
    );

  const findingRow = (problem: Problem) => {
    const destination = destinationFor(problem, outline());
    const extras = [
      problem.fix ? fixButton(problem.fix, "share-fix") : null,
      problem.agree ? fixButton(problem.agree, "share-agree") : null,
    ];
    return h(
      "li",
      { class: "problem-row with-extras", "data-code": problem.code, "data-finding": problem.id ?? "" },
      h(
        "button",
        {
          type: "button",
          class: "problem-link severity-warning",
          "data-testid": "share-finding",
          "data-code": problem.code,
          "data-section": problem.section ?? "",
          "data-evidence": problem.evidence ?? undefined,
          onclick: () => ctx.open(destination),
        },
        icon("info"),
        h(
          "span",
          { class: "problem-text" },
          srOnly("Before you share: "),
          h("span", { class: "problem-message" }, problem.message),
          h("span", { class: "problem-go" }, destinationText(destination, outline()), icon("arrowRight")),
        ),
      ),
      passageOf(problem),
      extras.some(Boolean) ? h("div", { class: "problem-extras" }, extras) : null,
    );
  };

  const render = () => {
    const all = [...findings, ...(linkFindings ?? [])];
    status.textContent =
      all.length === 0
        ? "Nothing found that would expose a learner or you, or that assessors could not open."
        : all.length === 1
          ? "1 thing to look at before you share. You decide: none of them stops you submitting."
          : `${all.length} things to look at before you share. You decide: none of them stops you submitting.`;
    replaceChildren(
      list,
      groupProblems(all, outline()).map((group) =>
        h(
          "div",
          { class: "problem-group", "data-group": group.key },
          h("h3", { class: "problem-group-title" }, group.title),
          h("ul", { class: "problem-list" }, group.problems.map(findingRow)),
        ),
      ),
    );
  };

  async function refresh(): Promise<void> {
    const mine = ++sequence;
    await ctx.autosave.flush().catch(() => undefined);
    try {
      const found = await api.beforeSharing();
      if (destroyed || mine !== sequence) return;
      findings = found;
      render();
    } catch (error) {
      if (destroyed || mine !== sequence) return;
      status.textContent = `The check could not be made: ${messageOf(error)}`;
    }
  }

  const checkLinks = h(
    "button",
    {
      type: "button",
      class: "button",
      "data-testid": "check-links-online",
      onclick: async () => {
        checkLinks.disabled = true;
        linksStatus.textContent = "Trying each web link… This needs the internet and can take a little while.";
        try {
          const found = await api.checkLinksOnline();
          if (destroyed) return;
          linkFindings = found;
          linksStatus.textContent =
            found.length === 0
              ? "Every web link opened."
              : `${found.length} of the web links did not open as they should: see the list above.`;
          render();
        } catch (error) {
          if (!destroyed) linksStatus.textContent = `The links could not be tried: ${messageOf(error)}`;
        } finally {
          checkLinks.disabled = false;
        }
      },
    },
    icon("link"),
    "Check links online",
  );

  const element = h(
    "section",
    { class: "problem-section before-sharing", "aria-labelledby": headingId, "data-testid": "before-sharing" },
    h("h2", { id: headingId, tabindex: "-1" }, "Before you share"),
    h(
      "p",
      { class: "hint" },
      "What could expose a learner or you, or stop assessors opening something: ALT checks links, sign-ins and formats first. Nothing here leaves your computer, unless you try the links online.",
    ),
    status,
    list,
    h("div", { class: "share-links" }, checkLinks, linksStatus),
  );
  status.textContent = "Looking through your portfolio…";
  void refresh();

  return {
    element,
    refresh,
    destroy() {
      destroyed = true;
    },
  };
}
