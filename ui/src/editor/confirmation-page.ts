// The signed declaration: the scheme's exact wording, an acceptance box, a name and a date.
import { api } from "../api";
import { h, uid } from "../dom";
import { groupHeading, todayIso } from "../format";
import { guidanceFor } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { OutlineEntry } from "../types";
import { guidanceBlock, labelledInput, sectionHeader } from "./guidance-view";

export function createConfirmationPage(ctx: PageContext, entry: OutlineEntry, keptAside: boolean): Page {
  const { framework } = ctx.store;
  const portfolio = ctx.store.session()!.portfolio;
  const confirmation = portfolio.confirmation;
  const group = framework.groups.find((g) => g.id === entry.group);

  const save = () => {
    const snapshot = { ...confirmation };
    ctx.autosave.queue("confirmation", () => api.saveConfirmation(snapshot));
  };

  const acceptId = uid("accept");
  const accept = h("input", {
    type: "checkbox",
    id: acceptId,
    "data-testid": "declaration-accept",
    checked: confirmation.declaration_accepted,
    disabled: keptAside,
    onchange: () => {
      confirmation.declaration_accepted = accept.checked;
      save();
    },
  });
  const signed = h("input", {
    type: "text",
    class: "text-input",
    autocomplete: "name",
    "data-testid": "declaration-name",
    readOnly: keptAside,
    value: confirmation.signed_name,
    oninput: () => {
      confirmation.signed_name = signed.value;
      save();
    },
  });
  const date = h("input", {
    type: "date",
    class: "text-input date-input",
    "data-testid": "declaration-date",
    readOnly: keptAside,
    value: confirmation.date,
    // "change", not "input": date pickers fire input for half-typed dates.
    onchange: () => {
      confirmation.date = date.value;
      save();
    },
  });
  const useToday = h(
    "button",
    {
      type: "button",
      class: "button quiet small",
      disabled: keptAside,
      onclick: () => {
        date.value = todayIso();
        confirmation.date = date.value;
        save();
      },
    },
    "Use today's date",
  );

  const heading = sectionHeader(entry, group ? groupHeading(framework, group) : null);
  const element = h(
    "article",
    { class: "section-page kind-confirmation" },
    heading,
    guidanceBlock(guidanceFor(framework, entry.id, entry.kind)),
    h("blockquote", { class: "declaration", "data-testid": "declaration" }, framework.declaration),
    h("div", { class: "check-row" }, accept, h("label", { for: acceptId }, "I accept this declaration")),
    labelledInput("Signed", signed, "Type your full name as your signature."),
    labelledInput("Date", date, undefined, h("div", { class: "inline-tools" }, useToday)),
  );
  return {
    element,
    focus: () => heading.querySelector<HTMLElement>("h1")?.focus(),
    focusField(field) {
      const target = field === "accept" ? accept : field === "name" ? signed : field === "date" ? date : null;
      target?.focus();
      return !!target;
    },
    destroy: () => undefined,
  };
}
