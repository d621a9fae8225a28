// Portfolio details: title, the candidate, any previous award, and the pathway (changed only after a clear question).
import { api } from "../api";
import { h, replaceChildren } from "../dom";
import { labelledInput } from "../editor/guidance-view";
import type { DetailsPatch, PathwayId } from "../types";
import type { Page, PageContext } from "./page";
import { applySpelling } from "./spelling";

export function createDetailsPage(ctx: PageContext): Page {
  const { framework } = ctx.store;
  const portfolio = ctx.store.session()!.portfolio;

  const titleNote = h("p", { class: "field-note", "aria-live": "polite" });
  const save = () => {
    if (!portfolio.title.trim()) {
      // The backend needs a title; wait for one rather than show a save error mid-edit.
      titleNote.textContent = "A portfolio needs a title. Your other changes will be saved once it has one.";
      return;
    }
    titleNote.textContent = "";
    const patch: DetailsPatch = {
      title: portfolio.title,
      candidate: { ...portfolio.candidate },
      previous_award: portfolio.previous_award ? { ...portfolio.previous_award } : null,
      ...(portfolio.spelling_language ? { spelling_language: portfolio.spelling_language } : {}),
    };
    ctx.autosave.queue("details", () => api.saveDetails(patch));
    ctx.store.portfolioChanged();
  };

  const input = (testid: string, value: string, onValue: (value: string) => void, autocomplete = "off") => {
    const element = h("input", {
      type: "text",
      class: "text-input",
      "data-testid": testid,
      autocomplete,
      value,
      oninput: () => {
        onValue(element.value);
        save();
      },
    });
    return element;
  };

  const title = input("details-title", portfolio.title, (v) => (portfolio.title = v));
  const name = input("details-name", portfolio.candidate.name, (v) => (portfolio.candidate.name = v), "name");
  const role = input("details-role", portfolio.candidate.role, (v) => (portfolio.candidate.role = v), "organization-title");
  const organisation = input(
    "details-organisation",
    portfolio.candidate.organisation,
    (v) => (portfolio.candidate.organisation = v),
    "organization",
  );
  const context = input("details-context", portfolio.candidate.context, (v) => (portfolio.candidate.context = v));

  // ---- previous award ----
  const year = h("input", {
    type: "text",
    inputmode: "numeric",
    pattern: "[0-9]{4}",
    maxlength: "4",
    class: "text-input year-input",
    "data-testid": "details-award-year",
    value: portfolio.previous_award?.year ? String(portfolio.previous_award.year) : "",
    oninput: () => {
      if (!portfolio.previous_award) return;
      const parsed = Number.parseInt(year.value, 10);
      portfolio.previous_award.year = /^\d{4}$/.test(year.value.trim()) ? parsed : null;
      save();
    },
  });
  const yearRow = labelledInput("Year awarded", year, "Optional, for example 2021.");
  const award = h(
    "select",
    {
      class: "select",
      "data-testid": "details-award",
      value: portfolio.previous_award?.pathway ?? "",
      onchange: () => {
        const chosen = award.value as PathwayId | "";
        portfolio.previous_award = chosen ? { pathway: chosen, year: portfolio.previous_award?.year ?? null } : null;
        yearRow.hidden = !chosen;
        save();
      },
    },
    h("option", { value: "" }, "None"),
    framework.pathways.map((p) => h("option", { value: p.id }, p.name)),
  );
  yearRow.hidden = !portfolio.previous_award;

  // ---- spelling ----
  // The languages and the one in use come from the core, which also turns the checker on.
  const spellingNote = h("p", { class: "field-note", "data-testid": "spelling-note", "aria-live": "polite" });
  const spelling = h("select", {
    class: "select",
    "data-testid": "spelling-select",
    onchange: () => {
      portfolio.spelling_language = spelling.value;
      save();
      void ctx.autosave
        .flush()
        .then(() => applySpelling(spellingNote))
        .catch(() => undefined);
    },
  });
  void api
    .useSpelling()
    .then((status) => {
      replaceChildren(spelling, ...status.languages.map((language) => h("option", { value: language.code }, language.name)));
      spelling.value = status.language.code;
      spellingNote.textContent = status.note ?? "";
    })
    .catch(() => undefined);

  // ---- pathway ----
  const pathwaySummary = h("p", { class: "hint" });
  let changing = false;
  const showSummary = () => {
    const pathway = framework.pathways.find((p) => p.id === portfolio.pathway);
    pathwaySummary.textContent = pathway ? `${pathway.summary} ${pathway.who_for}` : "";
  };
  const pathway = h(
    "select",
    {
      class: "select",
      "data-testid": "pathway-select",
      value: portfolio.pathway,
      // Not disabled while asking: the dialog hands focus back to this select when it closes.
      onchange: async () => {
        if (changing) return;
        changing = true;
        try {
          const changed = await ctx.changePathway(pathway.value as PathwayId);
          if (!changed) pathway.value = ctx.store.session()?.portfolio.pathway ?? portfolio.pathway;
        } finally {
          changing = false;
        }
      },
    },
    framework.pathways.map((p) => h("option", { value: p.id }, p.name)),
  );
  showSummary();

  const heading = h("h1", { class: "section-title", tabindex: "-1" }, "Portfolio details");
  const element = h(
    "article",
    { class: "section-page details-page" },
    h(
      "header",
      { class: "section-header" },
      heading,
      h("p", { class: "lead" }, "About you and this portfolio. These details go at the start of what you submit."),
    ),
    h(
      "div",
      { class: "form-grid" },
      labelledInput("Portfolio title", title, undefined, titleNote),
      labelledInput("Your name", name),
      labelledInput("Your role", role, "Your job title, for example Learning Technologist."),
      labelledInput("Organisation", organisation),
      labelledInput(
        "Country and context",
        context,
        "Where you work and what kind of place it is, for example a further education college in Wales.",
      ),
    ),
    h(
      "fieldset",
      { class: "plain-fieldset" },
      h("legend", null, "Previous award"),
      h(
        "p",
        { class: "hint" },
        "If you already hold a CMALT award, say which. Your contextual statement should then say how this portfolio builds on the earlier one.",
      ),
      labelledInput("Award you hold", award),
      yearRow,
    ),
    h(
      "fieldset",
      { class: "plain-fieldset" },
      h("legend", null, "Spelling"),
      labelledInput(
        "Check spelling in",
        spelling,
        "Misspelt words are underlined as you write; right-click one for suggestions.",
        spellingNote,
      ),
    ),
    h(
      "fieldset",
      { class: "plain-fieldset" },
      h("legend", null, "Pathway"),
      labelledInput("The award you are working towards", pathway, undefined, pathwaySummary),
    ),
  );
  return {
    element,
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
