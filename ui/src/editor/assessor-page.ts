// The optional nominated assessor: a switch, then name, organisation, email and the no-conflict check.
import { api } from "../api";
import { h, uid } from "../dom";
import { groupHeading } from "../format";
import { confirmDialog } from "../shell/dialogs";
import { guidanceFor } from "../shell/framework-view";
import type { Page, PageContext } from "../shell/page";
import type { NominatedAssessor, OutlineEntry } from "../types";
import { guidanceBlock, labelledInput, sectionHeader } from "./guidance-view";

function emptyAssessor(): NominatedAssessor {
  return { name: "", organisation: "", email: "", no_conflict_confirmed: false, conflict_statement: "" };
}

function hasDetails(assessor: NominatedAssessor | null): boolean {
  return (
    !!assessor &&
    (assessor.name.trim() !== "" || assessor.organisation.trim() !== "" || assessor.email.trim() !== "" || assessor.no_conflict_confirmed)
  );
}

export function createAssessorPage(ctx: PageContext, entry: OutlineEntry, keptAside: boolean): Page {
  const { framework } = ctx.store;
  const portfolio = ctx.store.session()!.portfolio;
  const group = framework.groups.find((g) => g.id === entry.group);

  const save = () => {
    const snapshot = portfolio.assessor ? { ...portfolio.assessor } : null;
    ctx.autosave.queue("assessor", () => api.saveAssessor(snapshot));
  };

  const text = (key: "name" | "organisation" | "email", type: string, autocomplete: string) => {
    const input = h("input", {
      type,
      class: "text-input",
      autocomplete,
      "data-testid": `assessor-${key}`,
      readOnly: keptAside,
      value: portfolio.assessor?.[key] ?? "",
      oninput: () => {
        portfolio.assessor ??= emptyAssessor();
        portfolio.assessor[key] = input.value;
        save();
      },
    });
    return input;
  };
  const name = text("name", "text", "off");
  const organisation = text("organisation", "text", "off");
  const email = text("email", "email", "off");
  const emailNote = h("p", { class: "field-note", "aria-live": "polite" });
  email.addEventListener("blur", () => {
    emailNote.textContent = email.value && !email.checkValidity() ? "That does not look like an email address yet." : "";
  });

  const conflictId = uid("conflict");
  const conflict = h("input", {
    type: "checkbox",
    id: conflictId,
    "data-testid": "assessor-no-conflict",
    checked: portfolio.assessor?.no_conflict_confirmed ?? false,
    disabled: keptAside,
    onchange: () => {
      portfolio.assessor ??= emptyAssessor();
      portfolio.assessor.no_conflict_confirmed = conflict.checked;
      save();
    },
  });

  const details = h(
    "fieldset",
    { class: "assessor-details", hidden: !portfolio.assessor },
    h("legend", null, "Your nominated assessor"),
    labelledInput("Name", name),
    labelledInput("Institution or organisation", organisation),
    labelledInput("Email", email, undefined, emailNote),
    h(
      "div",
      { class: "check-row" },
      conflict,
      h("label", { for: conflictId }, "This person is not my line manager and I do not line-manage them"),
    ),
  );

  const toggleId = uid("nominate");
  const toggle = h("input", {
    type: "checkbox",
    id: toggleId,
    "data-testid": "assessor-toggle",
    checked: !!portfolio.assessor,
    disabled: keptAside,
    onchange: async () => {
      if (toggle.checked) {
        portfolio.assessor ??= emptyAssessor();
        details.hidden = false;
        save();
        name.focus();
        return;
      }
      if (hasDetails(portfolio.assessor)) {
        const clear = await confirmDialog({
          title: "Clear the nominated assessor?",
          body: "The name, organisation and email you entered will be removed from your portfolio.",
          confirmLabel: "Clear details",
          cancelLabel: "Keep them",
          danger: true,
        });
        if (!clear) {
          toggle.checked = true;
          return;
        }
      }
      portfolio.assessor = null;
      for (const input of [name, organisation, email]) input.value = "";
      conflict.checked = false;
      details.hidden = true;
      save();
    },
  });

  const heading = sectionHeader(entry, group ? groupHeading(framework, group) : null);
  const element = h(
    "article",
    { class: "section-page kind-assessor" },
    heading,
    guidanceBlock(guidanceFor(framework, entry.id, entry.kind)),
    h("div", { class: "check-row switch-row" }, toggle, h("label", { for: toggleId }, "I want to nominate an assessor")),
    details,
  );
  return {
    element,
    focus: () => heading.querySelector<HTMLElement>("h1")?.focus(),
    focusField(field) {
      const target = ({ name, organisation, email, conflict } as Record<string, HTMLElement>)[field];
      if (!target) return false;
      (details.hidden ? toggle : target).focus();
      return true;
    },
    destroy: () => undefined,
  };
}
