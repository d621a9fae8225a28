// Tests that the sidebar is built from the outline: headings, a status mark per entry, add buttons, kept-aside group.
import { describe, expect, it, vi } from "vitest";
import { checklistFor, problem } from "../test/checklist-fixtures";
import { framework, outlineFor } from "../test/fixtures";
import type { Outline } from "../types";
import { createSidebar } from "./sidebar";

function mount(outline: Outline) {
  const handlers = { onOpen: vi.fn(), onDetails: vi.fn(), onLibrary: vi.fn(), onAdd: vi.fn() };
  const sidebar = createSidebar({ framework, ...handlers });
  document.body.appendChild(sidebar.element);
  sidebar.render(outline);
  return { sidebar, ...handlers };
}

describe("sidebar", () => {
  it("lists every outline entry with its status as data, icon and words", () => {
    const { sidebar } = mount(outlineFor("cmalt", { context: "complete", "1a": "in_progress" }));
    const entries = sidebar.element.querySelectorAll<HTMLElement>("[data-section-id]");
    expect(Array.from(entries, (e) => e.dataset.sectionId)).toEqual([
      "context",
      "1a",
      "1c",
      "2a",
      "3a",
      "4",
      "5a",
      "future",
      "confirmation",
      "assessor",
    ]);
    const context = sidebar.element.querySelector<HTMLElement>('[data-section-id="context"]')!;
    expect(context.dataset.status).toBe("complete");
    expect(context.querySelector("svg.status-complete")).not.toBeNull();
    expect(context.textContent).toContain("Complete");
    const inProgress = sidebar.element.querySelector<HTMLElement>('[data-section-id="1a"]')!;
    expect(inProgress.dataset.status).toBe("in_progress");
    expect(inProgress.querySelector("svg.status-in_progress")).not.toBeNull();
    expect(inProgress.textContent).toContain("In progress");
    expect(inProgress.textContent).toContain("1a");
    const empty = sidebar.element.querySelector<HTMLElement>('[data-section-id="2a"]')!;
    expect(empty.textContent).toContain("Not started");
    const optional = sidebar.element.querySelector<HTMLElement>('[data-section-id="assessor"]')!;
    expect(optional.textContent).toContain("optional");
  });

  it("numbers the core area headings from the framework", () => {
    const { sidebar } = mount(outlineFor("cmalt"));
    const headings = Array.from(sidebar.element.querySelectorAll("h2"), (h) => h.textContent);
    expect(headings).toContain("Core area 1: Operational issues");
    expect(headings).toContain("Core area 4: Communication and working with others");
    expect(headings).toContain("About you");
  });

  it("opens sections, the details page and the evidence library", () => {
    const { sidebar, onOpen, onDetails, onLibrary } = mount(outlineFor("cmalt"));
    sidebar.element.querySelector<HTMLElement>('[data-section-id="2a"]')!.click();
    expect(onOpen).toHaveBeenCalledWith("2a");
    sidebar.element.querySelector<HTMLElement>("[data-testid=details]")!.click();
    expect(onDetails).toHaveBeenCalled();
    const library = sidebar.element.querySelector<HTMLElement>("[data-testid=library]")!;
    expect(library.textContent).toBe("Evidence library");
    // Just below "Portfolio details".
    expect(sidebar.element.querySelector("[data-testid=details]")!.nextElementSibling).toBe(library);
    library.click();
    expect(onLibrary).toHaveBeenCalled();
    sidebar.setCurrent("library");
    expect(library.getAttribute("aria-current")).toBe("page");
  });

  it("offers to add an area only when the outline allows it, inside that area's group", () => {
    const { sidebar, onAdd } = mount(outlineFor("cmalt"));
    const add = sidebar.element.querySelector<HTMLElement>("[data-testid=add-area-specialist]")!;
    expect(add.textContent).toBe("Add specialist area");
    expect(add.closest("section")!.querySelector("h2")!.textContent).toBe("Specialist areas");
    add.click();
    expect(onAdd).toHaveBeenCalledWith("specialist");
    expect(sidebar.element.querySelector("[data-testid=add-area-advanced]")).toBeNull();
    const associate = mount(outlineFor("associate"));
    expect(associate.sidebar.element.querySelector(".nav-add")).toBeNull();
  });

  it("shows sections kept from another pathway in their own quiet group", () => {
    const outline = outlineFor("associate");
    expect(mount(outline).sidebar.element.querySelector("[data-testid=kept-aside]")).toBeNull();
    outline.kept_aside = [
      {
        id: "1c",
        title: "Supporting deployment",
        number: "1c",
        kind: "assessed",
        two_parts: true,
        group: "operational",
        required: true,
        status: "in_progress",
        topic: "",
        removable: false,
      },
    ];
    const { sidebar } = mount(outline);
    const kept = sidebar.element.querySelector<HTMLElement>("[data-testid=kept-aside]")!;
    expect(kept.querySelector("h2")!.textContent).toBe("Kept from another pathway");
    const entry = kept.querySelector<HTMLElement>('[data-section-id="1c"]')!;
    expect(entry.dataset.status).toBe("in_progress");
    expect(entry.textContent).toContain("read-only");
  });

  it("marks the current page and updates statuses in place", () => {
    const { sidebar } = mount(outlineFor("cmalt"));
    sidebar.setCurrent("1a");
    expect(sidebar.element.querySelector('[aria-current="page"]')!.getAttribute("data-section-id")).toBe("1a");
    const button = sidebar.element.querySelector<HTMLElement>('[data-section-id="2a"]')!;
    button.focus();
    sidebar.render(outlineFor("cmalt", { "2a": "complete" }));
    const updated = sidebar.element.querySelector<HTMLElement>('[data-section-id="2a"]')!;
    expect(updated.dataset.status).toBe("complete");
    expect(document.activeElement).toBe(updated); // focus survives the redraw
    expect(sidebar.element.querySelector('[aria-current="page"]')!.getAttribute("data-section-id")).toBe("1a");
  });

  it("takes statuses from the checklist: a section with an error needs attention, in icon and words", () => {
    const outline = outlineFor("cmalt", { context: "complete", "1a": "in_progress", "2a": "complete" });
    const { sidebar } = mount(outline);
    const entry = (id: string) => sidebar.element.querySelector<HTMLElement>(`[data-section-id="${id}"]`)!;
    // Before the first checklist: the outline's statuses, and no badge.
    expect(entry("1a").dataset.status).toBe("in_progress");
    expect(sidebar.element.querySelector("[data-testid=ready-badge]")).toBeNull();

    sidebar.setChecklist(
      checklistFor("cmalt", {
        statuses: { context: "complete", "1a": "in_progress", "2a": "complete" },
        problems: [
          problem("missing_reflection", "1a", "Section 1a has no Reflection yet."),
          problem("missing_section", "1c", "Section 1c is not written yet."),
          problem("thin_reflection", "2a", "Short reflection.", { severity: "warning" }),
        ],
      }),
    );
    expect(entry("1a").dataset.status).toBe("problem");
    expect(entry("1a").querySelector("svg.status-problem")).not.toBeNull();
    expect(entry("1a").textContent).toContain("Needs attention");
    // A warning is advice: the section keeps its own status.
    expect(entry("2a").dataset.status).toBe("complete");
    expect(entry("context").dataset.status).toBe("complete");
    // Not started yet: the data says problem, but it is drawn calmly as "Not started".
    expect(entry("1c").dataset.status).toBe("problem");
    expect(entry("1c").querySelector("svg.status-empty")).not.toBeNull();
    expect(entry("1c").textContent).toContain("Not started");

    const ready = sidebar.element.querySelector<HTMLElement>("[data-testid=ready]")!;
    expect(ready.querySelector("[data-testid=ready-badge]")!.textContent).toBe("2, 2 things to fix");

    // The newest outline wins over an older checklist, except for a problem.
    sidebar.render(outlineFor("cmalt", { context: "complete", "1a": "in_progress", "2a": "complete", "4": "in_progress" }));
    expect(entry("4").dataset.status).toBe("in_progress");
    expect(entry("1a").dataset.status).toBe("problem");

    sidebar.setChecklist(checklistFor("cmalt", { statuses: { "1a": "complete" } }));
    expect(entry("1a").dataset.status).toBe("in_progress");
    expect(sidebar.element.querySelector("[data-testid=ready-badge]")!.textContent).toBe(", ready");
  });

  it("opens the Ready page, the principles and the self-assessment", () => {
    const onReady = vi.fn();
    const onPrinciples = vi.fn();
    const onSelfAssessment = vi.fn();
    const sidebar = createSidebar({
      framework,
      onOpen: vi.fn(),
      onDetails: vi.fn(),
      onLibrary: vi.fn(),
      onAdd: vi.fn(),
      onReady,
      onPrinciples,
      onSelfAssessment,
    });
    document.body.appendChild(sidebar.element);
    sidebar.render(outlineFor("cmalt"));
    sidebar.element.querySelector<HTMLElement>("[data-testid=ready]")!.click();
    sidebar.element.querySelector<HTMLElement>("[data-testid=principles]")!.click();
    sidebar.element.querySelector<HTMLElement>("[data-testid=self-assessment]")!.click();
    expect([onReady, onPrinciples, onSelfAssessment].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    sidebar.setCurrent("ready");
    expect(sidebar.element.querySelector("[data-testid=ready]")!.getAttribute("aria-current")).toBe("page");
  });

  it("shows the Text not placed entry at the top only while a note is waiting", () => {
    const onNotPlaced = vi.fn();
    const sidebar = createSidebar({ framework, onOpen: vi.fn(), onDetails: vi.fn(), onLibrary: vi.fn(), onAdd: vi.fn(), onNotPlaced });
    document.body.appendChild(sidebar.element);
    sidebar.render(outlineFor("cmalt"));
    expect(sidebar.element.querySelector("[data-testid=not-placed]")).toBeNull();
    sidebar.setNotPlaced(true);
    const entry = sidebar.element.querySelector<HTMLElement>("[data-testid=not-placed]")!;
    expect(sidebar.element.firstElementChild).toBe(entry);
    expect(entry.textContent).toContain("Text not placed");
    expect(entry.querySelector("[data-testid=not-placed-badge]")!.textContent).toContain("text from your draft to move into sections");
    entry.click();
    expect(onNotPlaced).toHaveBeenCalled();
    sidebar.setCurrent("not-placed");
    expect(entry.getAttribute("aria-current")).toBe("page");
    sidebar.setNotPlaced(false);
    expect(sidebar.element.querySelector("[data-testid=not-placed]")).toBeNull();
    // The rest of the list is untouched.
    expect(sidebar.element.firstElementChild).toBe(sidebar.element.querySelector("[data-testid=details]"));
  });
});
