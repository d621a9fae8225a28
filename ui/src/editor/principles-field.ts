// "Core principles this section shows": four tick boxes on a section page, saved with the section.
import { api } from "../api";
import { h, uid } from "../dom";
import type { Framework, SectionEntry } from "../types";
import type { Autosave } from "./autosave";

export interface PrinciplesFieldOptions {
  framework: Framework;
  autosave: Autosave;
  sectionId: string;
  /** the local copy of the section; its principles are edited in place */
  section: SectionEntry;
}

export interface PrinciplesField {
  element: HTMLElement;
  focus(): void;
}

export function createPrinciplesField(options: PrinciplesFieldOptions): PrinciplesField {
  const { framework, section, sectionId } = options;
  const hintId = uid("principles-hint");

  const save = () => {
    const principles = [...section.principles];
    options.autosave.queue(`principles:${sectionId}`, () => api.saveSection({ section_id: sectionId, principles }));
  };

  const boxes = framework.principles.map((principle) => {
    const id = uid(`principle-${principle.id}`);
    const descriptionId = uid("principle-title");
    const box = h("input", {
      type: "checkbox",
      id,
      "data-testid": `principle-${principle.id}`,
      "aria-describedby": descriptionId,
      checked: section.principles.includes(principle.id),
      onchange: () => {
        const others = section.principles.filter((p) => p !== principle.id);
        section.principles = box.checked ? [...others, principle.id].sort((a, b) => a - b) : others;
        save();
      },
    });
    return h(
      "div",
      { class: "principle-choice" },
      box,
      h(
        "label",
        { for: id },
        h("span", { class: "principle-short" }, principle.short),
        h("span", { class: "principle-title", id: descriptionId }, principle.title),
      ),
    );
  });

  const element = h(
    "fieldset",
    { class: "principles-field", "data-testid": "principles-field", "aria-describedby": hintId },
    h("legend", null, "Core principles this section shows"),
    h(
      "p",
      { class: "hint", id: hintId },
      "Tick those your writing here demonstrates. Assessors look for all four across your portfolio, not in every section.",
    ),
    h("div", { class: "principle-choices" }, boxes),
  );

  return {
    element,
    focus() {
      element.scrollIntoView?.({ block: "center" });
      element.querySelector<HTMLInputElement>("input")?.focus();
    },
  };
}
