// The three pathways as large radio cards: name, summary, who it is for and the sections it includes.
import { h, uid } from "../dom";
import type { Framework, PathwayId } from "../types";
import { pathwaySummaryItems } from "./framework-view";

export function createPathwayCards(framework: Framework, selected: PathwayId | null): HTMLFieldSetElement {
  return h(
    "fieldset",
    { class: "pathway-cards" },
    h("legend", null, "Which award are you working towards?"),
    h(
      "div",
      { class: "card-row" },
      framework.pathways.map((pathway) => {
        const id = uid(`pathway-${pathway.id}`);
        const includesId = uid("includes");
        return h(
          "label",
          { class: "pathway-card", for: id },
          h(
            "span",
            { class: "card-head" },
            h("input", {
              type: "radio",
              name: "pathway",
              id,
              value: pathway.id,
              checked: pathway.id === selected,
              "aria-describedby": includesId,
            }),
            h("span", { class: "card-name" }, pathway.name),
          ),
          h("span", { class: "card-summary" }, pathway.summary),
          h("span", { class: "card-who" }, pathway.who_for),
          h(
            "span",
            { class: "card-includes", id: includesId },
            h("span", { class: "card-includes-title" }, "Includes"),
            h(
              "span",
              { class: "card-list" },
              pathwaySummaryItems(framework, pathway.id).map((item) => h("span", { class: "card-item" }, item)),
            ),
          ),
        );
      }),
    ),
  );
}
