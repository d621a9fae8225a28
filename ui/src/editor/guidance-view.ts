// The top of a section page: its heading, our guidance, what it must show, and prompts to help writing.
import { h, paragraphs, uid } from "../dom";
import type { Framework, Guidance, OutlineEntry } from "../types";

export function sectionHeading(entry: OutlineEntry): HTMLHeadingElement {
  return h(
    "h1",
    { class: "section-title", "data-testid": "section-title", tabindex: "-1" },
    entry.number ? h("span", { class: "section-number" }, entry.number) : null,
    entry.number ? " " : null,
    entry.title,
  );
}

export function sectionHeader(entry: OutlineEntry, groupHeading: string | null): HTMLElement {
  return h(
    "header",
    { class: "section-header" },
    groupHeading ? h("p", { class: "eyebrow" }, groupHeading) : null,
    sectionHeading(entry),
    entry.required ? null : h("p", { class: "tag" }, "Optional"),
  );
}

export function guidanceBlock(guidance: Guidance): HTMLElement | null {
  const text = paragraphs(guidance.guidance);
  const mustShow =
    guidance.must_show.length > 0
      ? h(
          "div",
          { class: "must-show" },
          h("h2", { class: "small-heading" }, "Make sure you show"),
          h(
            "ul",
            null,
            guidance.must_show.map((item) => h("li", null, item)),
          ),
        )
      : null;
  if (text.length === 0 && !mustShow) return null;
  return h("div", { class: "guidance prose" }, text, mustShow);
}

/** The collapsible "Questions to help you write", open by default while a section is empty. */
export function promptsBlock(framework: Framework, guidance: Guidance, twoParts: boolean, open: boolean): HTMLElement | null {
  const { description_prompts: description, reflection_prompts: reflection } = guidance;
  if (description.length === 0 && reflection.length === 0) return null;
  const list = (items: string[]) =>
    h(
      "ul",
      null,
      items.map((item) => h("li", null, item)),
    );
  // Label the two lists only when the section has two parts, or both lists are present.
  const labelled = twoParts || (description.length > 0 && reflection.length > 0);
  return h(
    "details",
    { class: "prompts", open },
    h("summary", null, "Questions to help you write"),
    h(
      "div",
      { class: "prompts-body" },
      description.length > 0 && labelled
        ? h("h2", { class: "small-heading" }, `For the ${framework.parts.description.label.toLowerCase()}`)
        : null,
      description.length > 0 ? list(description) : null,
      reflection.length > 0 && labelled
        ? h("h2", { class: "small-heading" }, `For the ${framework.parts.reflection.label.toLowerCase()}`)
        : null,
      reflection.length > 0 ? list(reflection) : null,
    ),
  );
}

/** A labelled single-line input with its hint, wired for screen readers. */
export function labelledInput(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
  extra?: HTMLElement | null,
): HTMLElement {
  input.id ||= uid("input");
  const hintId = hint ? uid("hint") : null;
  if (hintId) input.setAttribute("aria-describedby", hintId);
  return h(
    "div",
    { class: "form-row" },
    h("label", { for: input.id }, label),
    hint ? h("p", { id: hintId, class: "hint" }, hint) : null,
    input,
    extra,
  );
}
