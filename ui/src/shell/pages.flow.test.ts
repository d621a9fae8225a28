// Flow tests for the non-prose pages and outline actions: confirmation, assessor, details, topic, add and remove areas.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { framework, openedFor, outlineFor } from "../test/fixtures";
import { $, backend, boot, byTestId, type, waitFor } from "../test/harness";
import type { OpenedPortfolio } from "../types";

const saved = () => ({ saved_at: "2025-05-20T10:00:00Z", outline: outlineFor("cmalt") });

afterEach(() => {
  clearMocks();
});

async function openAt(sectionId: string, extra: Parameters<typeof backend>[0] = {}, opened: OpenedPortfolio = openedFor("cmalt")) {
  const calls = backend({
    current_portfolio: () => opened,
    save_confirmation: () => saved(),
    save_assessor: () => saved(),
    save_details: () => saved(),
    ...extra,
  });
  const app = await boot();
  await waitFor(() => byTestId("sidebar"));
  if (sectionId === "details") byTestId("details")!.click();
  else $(`[data-section-id="${sectionId}"]`)!.click();
  await waitFor(() =>
    sectionId === "details"
      ? byTestId("pathway-select")
      : byTestId("section-title")?.textContent?.includes(framework.sections.find((s) => s.id === sectionId)!.title),
  );
  return { calls, app };
}

describe("pages", () => {
  it("shows the declaration verbatim and saves acceptance, name and date", async () => {
    const { calls, app } = await openAt("confirmation");
    expect(byTestId("declaration")!.textContent).toBe(framework.declaration);
    const accept = byTestId<HTMLInputElement>("declaration-accept")!;
    accept.click();
    type(byTestId<HTMLInputElement>("declaration-name")!, "Sam Jones");
    const date = byTestId<HTMLInputElement>("declaration-date")!;
    date.value = "2025-05-20";
    date.dispatchEvent(new Event("change"));
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_confirmation");
    expect(saves).toHaveLength(1); // coalesced into one save with the newest values
    expect(saves[0].args.confirmation).toEqual({ declaration_accepted: true, signed_name: "Sam Jones", date: "2025-05-20" });
  });

  it("nominates an assessor and asks before clearing filled details", async () => {
    const { calls, app } = await openAt("assessor");
    const toggle = byTestId<HTMLInputElement>("assessor-toggle")!;
    expect(document.querySelector<HTMLElement>(".assessor-details")!.hidden).toBe(true);
    toggle.click();
    expect(document.querySelector<HTMLElement>(".assessor-details")!.hidden).toBe(false);
    type(byTestId<HTMLInputElement>("assessor-name")!, "Alex Reviewer");
    type(byTestId<HTMLInputElement>("assessor-email")!, "alex@example.ac.uk");
    byTestId<HTMLInputElement>("assessor-no-conflict")!.click();
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "save_assessor").at(-1)!.args.assessor).toEqual({
      name: "Alex Reviewer",
      organisation: "",
      email: "alex@example.ac.uk",
      no_conflict_confirmed: true,
      conflict_statement: "",
    });

    // Turning it off with details filled asks first; "Keep them" keeps everything.
    toggle.click();
    let dialog = await waitFor(() => $("dialog"));
    expect(dialog.textContent).toContain("Clear the nominated assessor?");
    Array.from(dialog.querySelectorAll("button"))
      .find((b) => b.textContent === "Keep them")!
      .click();
    await waitFor(() => !$("dialog"));
    expect(toggle.checked).toBe(true);

    toggle.click();
    dialog = await waitFor(() => $("dialog"));
    Array.from(dialog.querySelectorAll("button"))
      .find((b) => b.textContent === "Clear details")!
      .click();
    await waitFor(() => !$("dialog"));
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "save_assessor").at(-1)!.args.assessor).toBeNull();
    expect(byTestId<HTMLInputElement>("assessor-name")!.value).toBe("");
  });

  it("saves details and updates the title in the top bar", async () => {
    const { calls, app } = await openAt("details");
    type(byTestId<HTMLInputElement>("details-title")!, "Portfolio 2025");
    type(byTestId<HTMLInputElement>("details-role")!, "Learning technologist");
    const award = byTestId<HTMLSelectElement>("details-award")!;
    award.value = "associate";
    award.dispatchEvent(new Event("change"));
    type(byTestId<HTMLInputElement>("details-award-year")!, "2021");
    expect(document.querySelector(".topbar-title")!.textContent).toBe("Portfolio 2025");
    await app.autosave.flush();
    const patch = calls.filter((c) => c.cmd === "save_details").at(-1)!.args.patch as Record<string, unknown>;
    expect(patch.title).toBe("Portfolio 2025");
    expect(patch.previous_award).toEqual({ pathway: "associate", year: 2021 });
    expect((patch.candidate as Record<string, string>).role).toBe("Learning technologist");
  });

  it("does not save details while the title is empty", async () => {
    const { calls, app } = await openAt("details");
    type(byTestId<HTMLInputElement>("details-title")!, "  ");
    await app.autosave.flush();
    expect(calls.some((c) => c.cmd === "save_details")).toBe(false);
    expect(document.querySelector(".field-note")!.textContent).toContain("needs a title");
  });

  it("saves the topic with a list of examples to pick from", async () => {
    const { calls, app } = await openAt("3a");
    const topic = byTestId<HTMLInputElement>("topic")!;
    expect(document.getElementById(topic.getAttribute("list")!)!.querySelectorAll("option")).toHaveLength(2);
    type(topic, "GDPR");
    await app.autosave.flush();
    expect(calls.find((c) => c.cmd === "save_section")!.args.patch).toEqual({ section_id: "3a", topic: "GDPR" });
  });

  it("keeps a reference list below the evidence, opened on request and saved as typed", async () => {
    const { calls, app } = await openAt("1a", { save_section: () => saved() });
    const part = byTestId("references-part")!;
    // Nothing listed yet: only the offer to add a list.
    expect(part.hidden).toBe(true);
    const add = byTestId("add-references")!;
    expect(add.hidden).toBe(false);
    // Below the Evidence part.
    expect(byTestId("evidence-panel")!.compareDocumentPosition(part) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    add.click();
    expect(part.hidden).toBe(false);
    expect(add.hidden).toBe(true);
    const textarea = byTestId<HTMLTextAreaElement>("references")!;
    expect(document.activeElement).toBe(textarea);
    expect(part.textContent).toContain("They are not counted in the word count.");
    expect(textarea.getAttribute("aria-label")).toBe("References, section 1a");
    type(textarea as unknown as HTMLInputElement, "Beetham, H. (2019) Rethinking Pedagogy.\nSharpe, R. (2010) Digital learners.");
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_section");
    expect(saves).toHaveLength(1);
    expect(saves[0].args.patch).toEqual({
      section_id: "1a",
      references: "Beetham, H. (2019) Rethinking Pedagogy.\nSharpe, R. (2010) Digital learners.",
    });
  });

  it("shows a section's reference list from an imported draft at once, and none on a statement", async () => {
    const opened = openedFor("cmalt");
    opened.portfolio.sections["2a"] = {
      topic: "",
      description: "I redesigned the module.",
      reflection: "",
      references: "- Laurillard, D. (2012) Teaching as a Design Science.",
      citations: [],
      principles: [],
    };
    await openAt("2a", {}, opened);
    expect(byTestId("references-part")!.hidden).toBe(false);
    expect(byTestId<HTMLTextAreaElement>("references")!.value).toBe("- Laurillard, D. (2012) Teaching as a Design Science.");
    expect(byTestId("add-references")!.hidden).toBe(true);

    $('[data-section-id="context"]')!.click();
    await waitFor(() => byTestId("section-title")?.textContent === "Contextual statement");
    expect(byTestId("references-part")).toBeNull();
    expect(byTestId("add-references")).toBeNull();
  });

  it("adds a specialist area and opens it, then removes it after a warning", async () => {
    const withArea = openedFor("cmalt");
    const group = withArea.outline.groups.find((g) => g.id === "specialist")!;
    group.entries.push({
      id: "5b",
      title: "Specialist area 2",
      number: "5b",
      kind: "specialist",
      two_parts: true,
      group: "specialist",
      required: false,
      status: "empty",
      topic: "",
      removable: true,
    });
    const { calls } = await openAt("1a", {
      add_area: () => ({ opened: withArea, section_id: "5b" }),
      remove_area: () => openedFor("cmalt"),
    });
    byTestId("add-area-specialist")!.click();
    await waitFor(() => byTestId("section-title")?.textContent === "5b Specialist area 2");
    expect(calls.find((c) => c.cmd === "add_area")!.args).toEqual({ kind: "specialist" });
    // Specialist areas take their guidance and topic from the area kind.
    expect(document.querySelector(".guidance")!.textContent).toContain("Say what makes this work distinct.");
    expect(document.querySelector("#page label")!.textContent).toBe("Specialist topic");

    byTestId("remove-area")!.click();
    const dialog = await waitFor(() => byTestId("remove-dialog"));
    expect(dialog.textContent).toContain("deletes the text you wrote in it");
    expect(document.activeElement!.textContent).toBe("Keep it"); // the safe choice has focus
    byTestId("remove-confirm")!.click();
    await waitFor(() => !$('[data-section-id="5b"]'));
    expect(calls.find((c) => c.cmd === "remove_area")!.args).toEqual({ sectionId: "5b" });
    expect(byTestId("section-title")!.textContent).toBe("5a Specialist area 1");
  });

  it("shows future plans against the words asked for", async () => {
    await openAt("future");
    await waitFor(() => byTestId("words-description")!.textContent === "0 words");
    expect(document.querySelector(".words-guide")!.textContent).toContain("200–500 words asked for");
  });

  it("closes a dialog on Escape and returns focus", async () => {
    await openAt("details", {
      preview_pathway_change: () => ({
        from: "cmalt",
        to: "senior",
        appearing: [{ id: "5b", title: "Specialist area 2", has_text: false }],
        leaving: [],
      }),
    });
    const select = byTestId<HTMLSelectElement>("pathway-select")!;
    select.focus();
    select.value = "senior";
    select.dispatchEvent(new Event("change"));
    const dialog = await waitFor(() => byTestId("pathway-dialog"));
    dialog.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await waitFor(() => !byTestId("pathway-dialog") && select.value === "cmalt");
    expect(document.activeElement).toBe(select);
  });
});
