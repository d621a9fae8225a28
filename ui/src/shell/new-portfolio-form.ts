// The "New portfolio" form: title, name, pathway and where to keep the folder.
import { api } from "../api";
import type { AppContext } from "../app-context";
import { h, uid } from "../dom";
import { labelledInput } from "../editor/guidance-view";
import type { PathwayId } from "../types";
import { openPortfolio } from "./open-flow";
import { createPathwayCards } from "./pathway-cards";

export function createNewPortfolioForm(app: AppContext, onCancel: () => void): HTMLFormElement {
  const title = h("input", { type: "text", class: "text-input", "data-testid": "new-title", autocomplete: "off", value: "" });
  const name = h("input", { type: "text", class: "text-input", "data-testid": "new-name", autocomplete: "name", value: "" });
  const cards = createPathwayCards(app.store.framework, null);
  const problems = h("div", { class: "form-problems", role: "alert" });

  const locationName = uid("location");
  const appFolderId = uid("loc-app");
  const chooseId = uid("loc-choose");
  const location = h(
    "fieldset",
    { class: "plain-fieldset" },
    h("legend", null, "Where to keep it"),
    h(
      "div",
      { class: "check-row" },
      h("input", { type: "radio", name: locationName, id: appFolderId, value: "app", checked: true }),
      h("label", { for: appFolderId }, "Keep it in the app's own folder (recommended)"),
    ),
    h(
      "div",
      { class: "check-row" },
      h("input", { type: "radio", name: locationName, id: chooseId, value: "choose" }),
      h("label", { for: chooseId }, "Choose a folder…"),
    ),
  );

  const submit = h("button", { type: "submit", class: "button primary", "data-testid": "create-portfolio" }, "Create portfolio");
  const form = h(
    "form",
    { class: "new-form", novalidate: true, "aria-labelledby": "new-form-title" },
    h("h2", { id: "new-form-title" }, "New portfolio"),
    problems,
    labelledInput("Portfolio title", title, "For example: My CMALT portfolio 2025."),
    labelledInput("Your name", name, "As it should appear on your portfolio."),
    cards,
    location,
    h("div", { class: "form-actions" }, h("button", { type: "button", class: "button", onclick: onCancel }, "Cancel"), submit),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const pathway = form.querySelector<HTMLInputElement>("input[name=pathway]:checked")?.value as PathwayId | undefined;
    const missing: { text: string; focus: HTMLElement }[] = [];
    if (!title.value.trim()) missing.push({ text: "Give your portfolio a title.", focus: title });
    if (!name.value.trim()) missing.push({ text: "Add your name.", focus: name });
    if (!pathway) missing.push({ text: "Choose the award you are working towards.", focus: cards.querySelector("input")! });
    title.setAttribute("aria-invalid", String(!title.value.trim()));
    name.setAttribute("aria-invalid", String(!name.value.trim()));
    problems.replaceChildren(...missing.map((m) => h("p", null, m.text)));
    if (missing.length > 0 || !pathway) {
      missing[0].focus.focus();
      return;
    }
    const chooseLocation = form.querySelector<HTMLInputElement>(`#${chooseId}`)!.checked;
    submit.disabled = true;
    try {
      await openPortfolio(app, () =>
        api.createPortfolio({ title: title.value.trim(), candidate_name: name.value.trim(), pathway, choose_location: chooseLocation }),
      );
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
