// The Evidence library page: every item with what it still needs, the total against the submission limit,
// and describe, open, replace and remove.
import { api } from "../api";
import { h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { showError } from "../shell/dialogs";
import type { Page, PageContext } from "../shell/page";
import type { LibraryRow, LibraryView } from "../types";
import { addLink, attachFiles } from "./attach-flow";
import { confirmRemoveEvidence, editEvidenceDialog } from "./evidence-dialogs";
import { evidenceFlags, sectionShortName } from "./evidence-format";

export function createLibraryPage(ctx: PageContext, highlight: string | null): Page {
  const { evidence } = ctx;
  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Evidence library");
  const total = h("div", { class: "library-total", "data-testid": "library-total" });
  const content = h("div", { class: "library-content" });
  const announce = h("p", { class: "visually-hidden", role: "status" });
  let busy = false;

  const say = (text: string) => {
    announce.textContent = text;
  };

  const change = async (action: () => Promise<void>, failure: string) => {
    if (busy) return;
    busy = true;
    try {
      await action();
    } catch (error) {
      await showError(error, failure);
    } finally {
      busy = false;
    }
  };

  const focusIn = (evidenceId: string, role: string) => {
    const row = content.querySelector<HTMLElement>(`[data-evidence-id="${evidenceId}"]`);
    (row?.querySelector<HTMLElement>(`[data-role="${role}"]`) ?? row)?.focus();
  };

  const edit = (row: LibraryRow, view: LibraryView) =>
    change(async () => {
      const saved = await editEvidenceDialog(row, view.recent_years);
      if (!saved) return;
      await evidence.refresh(saved);
      focusIn(row.item.id, "edit");
      say(`${row.item.id} saved.`);
    }, "The details could not be saved");

  const replace = (row: LibraryRow) =>
    change(async () => {
      await evidence.beforeChange();
      const saved = await api.replaceEvidenceFile(row.item.id);
      if (!saved) return; // cancelled
      await evidence.refresh(saved);
      focusIn(row.item.id, "replace");
      say(`The file of ${row.item.id} was replaced.`);
    }, "The file could not be replaced");

  const remove = (row: LibraryRow) =>
    change(async () => {
      const sure = await confirmRemoveEvidence(row, evidence.outline());
      if (!sure) return;
      await evidence.beforeChange();
      const rows = evidence.view()?.rows ?? [];
      const index = rows.findIndex((r) => r.item.id === row.item.id);
      const saved = await api.removeEvidence(row.item.id);
      await evidence.refresh(saved);
      say(`${row.item.id} was removed from your library.`);
      const next = evidence.view()?.rows[Math.min(index, (evidence.view()?.rows.length ?? 0) - 1)];
      if (next) focusIn(next.item.id, "remove");
      else heading.focus();
    }, "It could not be removed");

  const citedIn = (row: LibraryRow) => {
    if (row.cited_in.length === 0) return null;
    const outline = evidence.outline();
    const links = row.cited_in.map((id) =>
      h(
        "button",
        {
          type: "button",
          class: "link-button cited-link",
          "data-section-id": id,
          "aria-label": `Open section ${sectionShortName(outline, id)}`,
          onclick: () => evidence.openSection(id),
        },
        sectionShortName(outline, id),
      ),
    );
    return h(
      "p",
      { class: "library-cited" },
      "Cited in ",
      links.flatMap((link, i) => (i === 0 ? [link] : [", ", link])),
    );
  };

  const itemRow = (row: LibraryRow, view: LibraryView) => {
    const { item, kind_label } = row;
    const source = item.source;
    const flags = evidenceFlags(row, view.recent_years);
    const meta = [kind_label, row.size, item.date ? row.date.text : "No date yet"].filter(Boolean);
    const where =
      source.type === "link"
        ? h("p", { class: "library-source" }, h("span", { class: "path" }, source.url))
        : h("p", { class: "library-source muted" }, source.original_name);
    const tool = (label: string, role: string, onclick: () => void, testid?: string, extraClass = "") =>
      h(
        "button",
        {
          type: "button",
          class: `button small ${extraClass}`.trim(),
          "data-role": role,
          "data-testid": testid,
          "aria-label": `${label} ${item.id}`,
          onclick,
        },
        label,
      );
    return h(
      "li",
      {
        class: item.id === highlight ? "library-row highlight" : "library-row",
        "data-testid": "library-row",
        "data-evidence-id": item.id,
        tabindex: "-1",
        "aria-labelledby": `library-title-${item.id}`,
      },
      h("span", { class: "evidence-number", "aria-hidden": "true" }, item.id),
      h(
        "div",
        { class: "library-row-text" },
        h(
          "h2",
          { class: "library-title", id: `library-title-${item.id}` },
          h("span", { class: "visually-hidden" }, `${item.id}: `),
          item.title || "Untitled",
        ),
        h("p", { class: "library-meta muted" }, meta.join(" · ")),
        where,
        item.what_it_shows.trim() ? h("p", { class: "library-shows" }, item.what_it_shows) : null,
        citedIn(row),
        flags.length > 0
          ? h(
              "ul",
              { class: "badges", "aria-label": "Needs attention" },
              flags.map((flag) => h("li", { class: "badge warn", "data-flag": flag.id }, icon("warning"), flag.text)),
            )
          : h("p", { class: "badge ok" }, icon("check"), "Ready"),
      ),
      h(
        "div",
        { class: "library-row-tools" },
        tool("Edit", "edit", () => void edit(row, view), "evidence-edit"),
        source.type !== "missing_file"
          ? tool("Open", "open", () => void api.openEvidence(item.id).catch((error) => showError(error, "It could not be opened")))
          : null,
        source.type !== "link" ? tool("Replace file…", "replace", () => void replace(row), "evidence-replace") : null,
        tool("Remove", "remove", () => void remove(row), "evidence-remove", "danger-quiet"),
      ),
    );
  };

  const renderTotal = (view: LibraryView) => {
    const over = view.total_bytes > view.submission_limit_bytes;
    const meter = h("meter", {
      class: "size-meter",
      min: "0",
      max: String(view.submission_limit_bytes),
      value: String(Math.min(view.total_bytes, view.submission_limit_bytes)),
      "aria-hidden": "true",
    });
    replaceChildren(
      total,
      h(
        "p",
        { class: over ? "total-text over" : "total-text" },
        over ? icon("warning") : null,
        h("strong", null, `${view.total} of ${view.submission_limit}`),
        view.over_by
          ? `: ${view.over_by} over the limit for a whole submission. Make some files smaller, or add them as links instead.`
          : " (the limit for a whole submission)",
      ),
      meter,
      h("p", { class: "hint" }, `Each file can be up to ${view.file_limit}. Links do not count towards the total.`),
    );
  };

  const render = () => {
    const view = evidence.view();
    const active =
      document.activeElement instanceof HTMLElement && content.contains(document.activeElement) ? document.activeElement : null;
    const keep = active ? { id: active.closest<HTMLElement>("[data-evidence-id]")?.dataset.evidenceId, role: active.dataset.role } : null;
    if (!view) {
      replaceChildren(total);
      replaceChildren(content, h("p", { class: "muted" }, "Opening your evidence library…"));
      return;
    }
    renderTotal(view);
    if (view.rows.length === 0) {
      replaceChildren(
        content,
        h(
          "div",
          { class: "library-empty", "data-testid": "library-empty" },
          h(
            "p",
            null,
            "Evidence shows that what you write about your practice really happened: a handout, a screenshot, feedback from a colleague or a link to a course page.",
          ),
          h("p", null, "Attach it here or from a section, then cite it in your writing by its number, such as [E1]."),
        ),
      );
      return;
    }
    replaceChildren(
      content,
      h(
        "ul",
        { class: "library-list" },
        view.rows.map((row) => itemRow(row, view)),
      ),
    );
    if (keep?.id && keep.role) focusIn(keep.id, keep.role);
  };

  const retry = async () => {
    replaceChildren(content, h("p", { class: "muted" }, "Opening your evidence library…"));
    if (!(await evidence.load())) {
      replaceChildren(
        content,
        h(
          "div",
          { class: "notice" },
          h("p", null, "The evidence library could not be opened just now. Your files and text are not affected."),
          h("button", { type: "button", class: "button small", onclick: () => void retry() }, "Try again"),
        ),
      );
    }
  };

  const stop = evidence.onChange(render);
  const element = h(
    "article",
    { class: "section-page library-page", "data-testid": "library-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h(
        "p",
        { class: "lead" },
        "Every file and link in this portfolio, numbered E1, E2 and so on. The numbers never change, so your text can cite them.",
      ),
    ),
    h(
      "div",
      { class: "library-tools" },
      h(
        "button",
        {
          type: "button",
          class: "button",
          "data-testid": "attach-file",
          onclick: () => void change(async () => void (await attachFiles(evidence, [])), "The files could not be attached"),
        },
        icon("paperclip"),
        "Attach a file…",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button",
          "data-testid": "add-link",
          onclick: () => void change(async () => void (await addLink(evidence, [])), "The link could not be added"),
        },
        icon("link"),
        "Add a link…",
      ),
    ),
    total,
    content,
    announce,
  );
  render();
  if (!evidence.view()) void retry();

  return {
    element,
    focus: () => {
      const row = highlight ? content.querySelector<HTMLElement>(`[data-evidence-id="${highlight}"]`) : null;
      if (row) {
        row.scrollIntoView?.({ block: "center" });
        row.focus();
      } else heading.focus();
    },
    destroy: stop,
  };
}
