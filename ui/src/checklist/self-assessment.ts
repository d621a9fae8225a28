// The self-assessment view, laid out like the assessors' form: each assessed section with the
// candidate's own S / A / R, their note, and the section's word and evidence counts.
import { h, replaceChildren, srOnly } from "../dom";
import { icon } from "../icons";
import { entryLabel } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { OutlineEntry } from "../types";
import { RATINGS } from "./rating-field";

export function createSelfAssessmentPage(ctx: PageContext): Page {
  const portfolio = ctx.store.session()!.portfolio;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Self-assessment");
  const summary = h("p", { class: "self-summary", "data-testid": "self-summary" });
  const tableSlot = h("div", { class: "table-scroll" });

  const assessed = (): OutlineEntry[] => (ctx.store.session()?.outline.groups ?? []).flatMap((g) => g.entries).filter((e) => e.two_parts);

  const row = (entry: OutlineEntry) => {
    const rating = portfolio.self_assessment[entry.id];
    const check = ctx.checklist.section(entry.id);
    const words = check ? String(check.description_words + check.reflection_words) : "–";
    const evidence = check ? String(check.evidence_count) : "–";
    return h(
      "tr",
      { "data-section-id": entry.id, "data-rating": rating?.rating ?? "" },
      h(
        "th",
        { scope: "row" },
        h(
          "button",
          { type: "button", class: "link-button table-link", onclick: () => ctx.open({ kind: "section", id: entry.id, field: "rating" }) },
          entryLabel(entry),
        ),
        entry.topic ? h("span", { class: "table-topic" }, entry.topic) : null,
      ),
      RATINGS.map((r) =>
        h(
          "td",
          { class: "rating-cell", "data-letter": r.letter },
          rating?.rating === r.id ? [icon("check", "icon rating-tick"), srOnly(r.label)] : null,
        ),
      ),
      h("td", { class: "note-cell" }, rating?.note ? rating.note : h("span", { class: "muted" }, rating?.rating ? "" : "Not rated yet")),
      h("td", { class: "number-cell" }, words),
      h("td", { class: "number-cell" }, evidence),
    );
  };

  const render = () => {
    const entries = assessed();
    const rated = entries.filter((e) => portfolio.self_assessment[e.id]?.rating);
    const counts = RATINGS.map((r) => ({ r, n: rated.filter((e) => portfolio.self_assessment[e.id]?.rating === r.id).length })).filter(
      (c) => c.n > 0,
    );
    const needsWork = counts.find((c) => c.r.id === "revisions_required");
    summary.textContent =
      rated.length === 0
        ? "You have not rated any section yet. Rate each one at the end of its page, as an assessor would."
        : `You have rated ${rated.length} of ${entries.length} sections: ${counts.map((c) => `${c.n} ${c.r.label.toLowerCase()}`).join(", ")}.` +
          (needsWork ? " The sections you marked R are a good place to start." : "");
    replaceChildren(
      tableSlot,
      h(
        "table",
        { class: "check-table self-table" },
        h("caption", { class: "visually-hidden" }, "Your rating of each assessed section"),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, "Section"),
            RATINGS.map((r) =>
              h(
                "th",
                { scope: "col", class: "rating-cell", title: r.label },
                h("span", { "aria-hidden": "true" }, r.letter),
                srOnly(r.label),
              ),
            ),
            h("th", { scope: "col" }, "Your note"),
            h("th", { scope: "col", class: "number-cell" }, "Words"),
            h("th", { scope: "col", class: "number-cell" }, "Evidence"),
          ),
        ),
        h("tbody", null, entries.map(row)),
      ),
    );
  };

  const stop = ctx.checklist.onChange(render);
  const element = h(
    "article",
    { class: "section-page self-page", "data-testid": "self-assessment-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h(
        "p",
        { class: "lead" },
        "Two assessors will rate each section S (strong), A (adequate) or R (revisions required), on how well it is described, evidenced and reflected upon. Here is how you rate it yourself.",
      ),
    ),
    h(
      "dl",
      { class: "rubric-list" },
      RATINGS.map((r) => [h("dt", null, `${r.letter}: ${r.label}`), h("dd", null, r.rubric)]),
    ),
    summary,
    tableSlot,
    h("p", { class: "hint" }, "Words counts the description and reflection together. Choose a section to change your rating."),
  );
  render();
  void ctx.checklist.refreshNow();

  return {
    element,
    focus: () => heading.focus(),
    destroy: stop,
  };
}
