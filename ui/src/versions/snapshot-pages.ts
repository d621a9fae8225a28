// A snapshot read as it was, and "What changed": the working portfolio compared with a snapshot,
// section by section, with added and removed passages highlighted.
import { api, messageOf } from "../api";
import { h, replaceChildren, srOnly } from "../dom";
import { wordsText } from "../format";
import { icon } from "../icons";
import type { Page, PageContext } from "../shell/page";
import type { ChangeStatus, Chunk, Comparison, SectionChange } from "../types";

export const CHANGE_NAMES: Record<ChangeStatus, string> = {
  new: "New",
  changed: "Changed",
  untouched: "Unchanged",
  removed: "Removed",
};

/** The diff as DOM nodes: text nodes only, never parsed as HTML. */
export function diffNodes(chunks: Chunk[]): Node[] {
  return chunks.map((chunk) => {
    if (chunk.kind === "added") return h("ins", null, srOnly("Added: "), chunk.text, srOnly(" (end of added text)"));
    if (chunk.kind === "removed") return h("del", null, srOnly("Removed: "), chunk.text, srOnly(" (end of removed text)"));
    // The core decides what of a long unchanged stretch is shown (whole words, as the export).
    if (!chunk.gap) return document.createTextNode(chunk.text);
    return h(
      "span",
      { class: "diff-gap" },
      chunk.gap.head,
      h("span", { class: "diff-ellipsis", title: "Unchanged text left out" }, " … "),
      chunk.gap.tail,
    );
  });
}

function backRow(ctx: PageContext): HTMLElement {
  return h(
    "p",
    { class: "back-row" },
    h(
      "button",
      { type: "button", class: "link-button", "data-testid": "back-to-versions", onclick: () => ctx.open({ kind: "versions" }) },
      "← Back to Versions",
    ),
  );
}

/** The snapshot read-only, section by section, as the core renders it. */
export function createSnapshotPage(ctx: PageContext, id: string): Page {
  let destroyed = false;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Snapshot");
  const meta = h("p", { class: "lead", "data-testid": "snapshot-meta" });
  const body = h(
    "div",
    { class: "snapshot-body", "data-testid": "snapshot-body", "aria-busy": "true" },
    h("p", { class: "muted" }, "Loading…"),
  );
  const compareRow = h(
    "p",
    { class: "snapshot-tools", hidden: true },
    h(
      "button",
      { type: "button", class: "button small", "data-testid": "snapshot-to-compare", onclick: () => ctx.open({ kind: "compare", id }) },
      "Compare with now",
    ),
  );

  void api
    .viewSnapshot(id)
    .then((view) => {
      if (destroyed) return;
      heading.textContent = view.title;
      meta.textContent = `${view.info.name}. Read-only: this is the portfolio exactly as it was then.`;
      compareRow.hidden = false;
      replaceChildren(
        body,
        view.sections.length === 0
          ? h("p", { class: "muted" }, "Nothing was written yet when this snapshot was kept.")
          : view.sections.map((section) => {
              const html = h("div", { class: "prose" });
              // Rendered from Markdown and sanitised by the core, as the preview is.
              html.innerHTML = section.html;
              return h("section", { class: "snapshot-section", "data-section": section.id }, h("h2", null, section.heading), html);
            }),
      );
      body.removeAttribute("aria-busy");
    })
    .catch((error) => {
      if (!destroyed) replaceChildren(body, h("p", { class: "notice" }, `The snapshot could not be read: ${messageOf(error)}`));
    });

  const element = h(
    "article",
    { class: "section-page snapshot-page", "data-testid": "snapshot-page" },
    backRow(ctx),
    h("header", { class: "section-header" }, h("p", { class: "eyebrow" }, "Snapshot, read-only"), heading, meta, compareRow),
    body,
  );
  return { element, focus: () => heading.focus(), destroy: () => (destroyed = true) };
}

/** "2b An understanding of your target learners", or the title alone when unnumbered. */
export function changeTitle(change: SectionChange): string {
  return change.number ? `${change.number} ${change.title}` : change.title;
}

function changeTable(comparison: Comparison): HTMLElement {
  return h(
    "table",
    { class: "change-table", "data-testid": "change-table" },
    h("caption", null, "Each section and what changed"),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, "Section"),
        h("th", { scope: "col" }, "Change"),
        h("th", { scope: "col" }, "Words added"),
        h("th", { scope: "col" }, "Words removed"),
      ),
    ),
    h(
      "tbody",
      null,
      comparison.sections.map((change) =>
        h(
          "tr",
          { "data-section": change.id, "data-status": change.status, class: change.changed ? "is-changed" : null },
          h(
            "th",
            { scope: "row" },
            change.changed
              ? h("a", { href: `#change-${change.id}`, onclick: (event: MouseEvent) => jumpTo(event, change.id) }, changeTitle(change))
              : changeTitle(change),
          ),
          h("td", null, h("span", { class: `change-status status-${change.status}` }, CHANGE_NAMES[change.status])),
          h("td", { class: "num" }, change.words_added > 0 ? `+${change.words_added}` : "0"),
          h("td", { class: "num" }, change.words_removed > 0 ? `−${change.words_removed}` : "0"),
        ),
      ),
    ),
  );
}

function jumpTo(event: MouseEvent, id: string): void {
  event.preventDefault();
  const target = document.getElementById(`change-${id}`);
  target?.scrollIntoView?.({ block: "start" });
  target?.focus();
}

/** "What changed": the working portfolio against snapshot `id`. */
export function createComparePage(ctx: PageContext, id: string): Page {
  let destroyed = false;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "What changed");
  const meta = h("p", { class: "lead", "data-testid": "compare-meta" }, "Your portfolio now, compared with a snapshot.");
  const body = h(
    "div",
    { class: "compare-body", "data-testid": "compare-body", "aria-busy": "true" },
    h("p", { class: "muted" }, "Comparing…"),
  );

  void Promise.all([api.compareWithSnapshot(id), api.versionsOverview().catch(() => null)])
    .then(([comparison, overview]) => {
      if (destroyed) return;
      const info = overview?.snapshots.find((s) => s.id === id);
      if (info) meta.textContent = `Your portfolio now, compared with “${info.name}”.`;
      const changed = comparison.sections.filter((s) => s.changed);
      const added = changed.reduce((sum, s) => sum + s.words_added, 0);
      const removed = changed.reduce((sum, s) => sum + s.words_removed, 0);
      replaceChildren(
        body,
        h(
          "p",
          { class: "compare-summary", "data-testid": "compare-summary" },
          changed.length === 0
            ? "Nothing has changed since then."
            : `${changed.length} section${changed.length === 1 ? "" : "s"} changed: ${wordsText(added)} added, ${wordsText(removed)} removed.`,
        ),
        comparison.sections.length > 0 ? changeTable(comparison) : null,
        changed.length > 0
          ? h(
              "p",
              { class: "diff-key" },
              "In the passages below, ",
              h("ins", null, "added text is underlined"),
              " and ",
              h("del", null, "removed text is struck through"),
              ".",
            )
          : null,
        changed.map((change) =>
          h(
            "section",
            { class: "diff-section", "data-testid": "diff-section", "data-section": change.id, "aria-labelledby": `change-${change.id}` },
            h(
              "h2",
              { id: `change-${change.id}`, tabindex: "-1" },
              changeTitle(change),
              " ",
              h("span", { class: `change-status status-${change.status}` }, CHANGE_NAMES[change.status]),
            ),
            h("p", { class: "muted diff-counts" }, `${wordsText(change.words_added)} added, ${wordsText(change.words_removed)} removed`),
            h("div", { class: "diff-text" }, diffNodes(change.diff)),
            change.status === "removed"
              ? null
              : h(
                  "p",
                  null,
                  h(
                    "button",
                    {
                      type: "button",
                      class: "link-button",
                      "aria-label": `Edit ${changeTitle(change)}`,
                      onclick: () => ctx.open({ kind: "section", id: change.id }),
                    },
                    icon("arrowRight"),
                    "Edit this section",
                  ),
                ),
          ),
        ),
      );
      body.removeAttribute("aria-busy");
    })
    .catch((error) => {
      if (!destroyed) replaceChildren(body, h("p", { class: "notice" }, `The comparison could not be made: ${messageOf(error)}`));
    });

  const element = h(
    "article",
    { class: "section-page compare-page", "data-testid": "compare-page" },
    backRow(ctx),
    h("header", { class: "section-header" }, heading, meta),
    body,
  );
  return { element, focus: () => heading.focus(), destroy: () => (destroyed = true) };
}
