// The core principles across the portfolio: a grid of sections by the four principles, and any
// principle no section shows yet, called out with the way to fix it.
import { h, replaceChildren, srOnly } from "../dom";
import { icon } from "../icons";
import { entryLabel } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { OutlineEntry, PrincipleCoverage } from "../types";

export function createPrinciplesPage(ctx: PageContext): Page {
  const { framework } = ctx.store;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Core principles");
  const gapsSlot = h("div", { class: "principle-gaps", "data-testid": "principle-gaps" });
  const tableSlot = h("div", { class: "table-scroll" });

  const shortOf = (id: number) => framework.principles.find((p) => p.id === id)?.short ?? `Principle ${id}`;

  const sections = (): OutlineEntry[] => (ctx.store.session()?.outline.groups ?? []).flatMap((g) => g.entries).filter((e) => e.two_parts);

  const render = () => {
    const checklist = ctx.checklist.current();
    if (!checklist) {
      replaceChildren(gapsSlot, h("p", { class: "muted" }, "Checking your portfolio…"));
      replaceChildren(tableSlot);
      return;
    }
    const coverage: PrincipleCoverage[] = checklist.principles;
    const gaps = coverage.filter((p) => p.sections.length === 0);
    replaceChildren(
      gapsSlot,
      gaps.length === 0
        ? h("p", { class: "gaps-none" }, icon("check"), "All four principles are shown somewhere in your portfolio. Well done.")
        : [
            h(
              "p",
              { class: "gaps-lead" },
              icon("flag"),
              gaps.length === 1
                ? "One principle is not shown in any section yet:"
                : `${gaps.length} principles are not shown in any section yet:`,
            ),
            h(
              "ul",
              { class: "gap-list" },
              gaps.map((p) => h("li", { "data-principle": p.id }, h("strong", null, shortOf(p.id)), `: ${p.title}`)),
            ),
            h(
              "p",
              { class: "hint" },
              "Open a section where your writing demonstrates it, and tick it under “Core principles this section shows”. Only sections with writing in them count.",
            ),
          ],
    );
    const entries = sections();
    replaceChildren(
      tableSlot,
      h(
        "table",
        { class: "check-table principles-table" },
        h("caption", { class: "visually-hidden" }, "Which core principles each section shows"),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, "Section"),
            coverage.map((p) =>
              h(
                "th",
                {
                  scope: "col",
                  class: p.sections.length === 0 ? "principle-col gap" : "principle-col",
                  title: p.title,
                  "data-principle": p.id,
                },
                shortOf(p.id),
                p.sections.length === 0 ? h("span", { class: "gap-note" }, "not shown yet") : null,
              ),
            ),
          ),
        ),
        h(
          "tbody",
          null,
          entries.map((entry) =>
            h(
              "tr",
              { "data-section-id": entry.id },
              h(
                "th",
                { scope: "row" },
                h(
                  "button",
                  {
                    type: "button",
                    class: "link-button table-link",
                    onclick: () => ctx.open({ kind: "section", id: entry.id, field: "principles" }),
                  },
                  entryLabel(entry),
                ),
                entry.topic ? h("span", { class: "table-topic" }, entry.topic) : null,
              ),
              coverage.map((p) => {
                const shows = p.sections.includes(entry.id);
                return h(
                  "td",
                  { class: "principle-cell", "data-principle": p.id, "data-shows": String(shows) },
                  shows
                    ? [icon("check", "icon principle-tick"), srOnly("shows it")]
                    : [h("span", { "aria-hidden": "true", class: "muted" }, "·"), srOnly("not ticked")],
                );
              }),
            ),
          ),
        ),
      ),
    );
  };

  const stop = ctx.checklist.onChange(render);
  const element = h(
    "article",
    { class: "section-page principles-page", "data-testid": "principles-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h(
        "p",
        { class: "lead" },
        "Assessors look for the four core principles across your whole portfolio. Each section shows the ones you ticked on its page.",
      ),
    ),
    h(
      "dl",
      { class: "principle-list" },
      framework.principles.map((p) => [h("dt", null, `${p.id}. ${p.short}`), h("dd", null, p.title)]),
    ),
    gapsSlot,
    tableSlot,
    h("p", { class: "hint" }, "Choose a section to change its ticks. A tick on a section with no writing yet does not count."),
  );
  render();
  void ctx.checklist.refreshNow();

  return {
    element,
    focus: () => heading.focus(),
    destroy: stop,
  };
}
