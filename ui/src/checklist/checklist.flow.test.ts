// Flows for "Know what is left before submitting": live statuses, the Ready page and its links,
// fixing a problem (by hand or with one click), the candidate's own checks, principles, self-rating
// and when to submit.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyEntry } from "../state";
import { checklistFor, planFor, problem, WINDOWS } from "../test/checklist-fixtures";
import { evidenceItem, FakeLibrary } from "../test/evidence-fixtures";
import { openedFor, outlineFor } from "../test/fixtures";
import { $, backend, boot, byTestId, type, waitFor } from "../test/harness";
import { editorOf, typeAt } from "../test/rich-editor";
import type { CandidateConfirmations, Checklist, Fix, Problem, SectionPatch } from "../types";

afterEach(() => {
  clearMocks();
});

type Handlers = Parameters<typeof backend>[0];
const saved = () => ({ saved_at: "2025-05-20T10:00:00Z", outline: outlineFor("cmalt", { "1a": "in_progress" }) });

async function open(checklist: () => Checklist, extra: Handlers = {}, opened = openedFor("cmalt")) {
  const calls = backend({ current_portfolio: () => opened, checklist: () => checklist(), ...extra });
  const app = await boot();
  await waitFor(() => byTestId("sidebar"));
  return { calls, app };
}

async function openReady() {
  byTestId("ready")!.click();
  return waitFor(() => byTestId("ready-page"));
}

const problems = (severity?: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`${severity ? `[data-severity=${severity}] ` : ""}[data-testid=problem]`));
const problemWith = (code: string) => problems().find((p) => p.dataset.code === code);

const SOME_PROBLEMS: Problem[] = [
  problem("missing_section", "context", "Contextual statement is not written yet. CMALT needs it: write it before you submit."),
  problem("missing_reflection", "1a", "Section 1a has no Reflection yet. What you learned."),
  problem("thin_reflection", "2a", "Section 2a's Reflection is much shorter than its Description.", { severity: "warning" }),
  problem("evidence_missing_what_it_shows", null, "E1 “Item 1” does not say what it shows.", { evidence: "E1" }),
  problem("principle_not_addressed", null, "No section shows core principle 3, “Learning from colleagues”."),
  problem("confirmation_not_ticked", null, "Not ticked yet: “I have proofread the whole portfolio”. Tick it when done.", {
    severity: "warning",
  }),
];

describe("live statuses", () => {
  it("shows section statuses, the things to fix and the Ready badge from the checklist", async () => {
    const opened = openedFor("cmalt");
    opened.outline = outlineFor("cmalt", { "1a": "in_progress" });
    const { calls } = await open(() => checklistFor("cmalt", { statuses: { "1a": "in_progress" }, problems: SOME_PROBLEMS }), {}, opened);
    const entry = await waitFor(() => $('[data-section-id="1a"][data-status="problem"]'));
    expect(entry.textContent).toContain("Needs attention");
    expect(calls.filter((c) => c.cmd === "checklist").length).toBeGreaterThanOrEqual(1);
    expect(byTestId("ready-badge")!.textContent).toContain("4 things to fix");
    const toFix = byTestId("things-to-fix")!;
    expect(toFix.hidden).toBe(false);
    expect(toFix.textContent).toBe("4 things to fix");
    expect(byTestId("progress")!.textContent).toBe("0 of 9 sections complete");
    toFix.click();
    await waitFor(() => byTestId("ready-page"));
    expect(document.activeElement!.textContent).toBe("Ready to submit?");
  });

  it("asks again after a save, once, and never while another request runs", async () => {
    let asked = 0;
    const { app } = await open(
      () => {
        asked++;
        return checklistFor("cmalt");
      },
      { save_section: () => saved() },
    );
    await waitFor(() => byTestId("ready-badge"));
    const before = asked;
    $('[data-section-id="1a"]')!.click();
    await waitFor(() => byTestId("editor-description"));
    // Every timer from here on is run on purpose, so "once" is checked after all of them.
    vi.useFakeTimers();
    try {
      typeAt(editorOf("description"), 1, "I ran workshops");
      await app.autosave.flush();
      await vi.runAllTimersAsync();
      expect(asked).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the checklist after a pathway change", () => {
  it("asks at once, so statuses match the new list of sections", async () => {
    let pathway: "cmalt" | "associate" = "cmalt";
    await open(
      () =>
        checklistFor(pathway, {
          problems: pathway === "associate" ? [problem("missing_reflection", "2a", "Section 2a has no Reflection yet.")] : [],
        }),
      {
        preview_pathway_change: () => ({ from: "cmalt", to: "associate", appearing: [], leaving: [] }),
        change_pathway: () => {
          pathway = "associate";
          const opened = openedFor("associate");
          opened.outline = outlineFor("associate", { "2a": "in_progress" });
          return opened;
        },
      },
    );
    byTestId("details")!.click();
    const select = await waitFor(() => byTestId<HTMLSelectElement>("pathway-select"));
    select.value = "associate";
    select.dispatchEvent(new Event("change"));
    (await waitFor(() => byTestId<HTMLElement>("pathway-confirm"))).click();
    await waitFor(() => $('[data-section-id="2a"]')?.dataset.status === "problem");
    expect(byTestId("things-to-fix")!.textContent).toBe("1 thing to fix");
  });
});

describe("the Ready page", () => {
  it("lists errors then warnings, grouped in sidebar order, with the messages as written", async () => {
    const library = new FakeLibrary([evidenceItem(1)]);
    await open(() => checklistFor("cmalt", { problems: SOME_PROBLEMS }), { ...library.handlers() });
    await openReady();
    const summary = await waitFor(() => (byTestId("ready-summary")!.dataset.ready === "false" ? byTestId("ready-summary") : null));
    expect(summary.textContent).toContain("Not ready yet: 4 things to fix");
    expect(problems("error").map((p) => p.dataset.code)).toEqual([
      "principle_not_addressed",
      "evidence_missing_what_it_shows",
      "missing_section",
      "missing_reflection",
    ]);
    expect(problems("warning").map((p) => p.dataset.code)).toEqual(["confirmation_not_ticked", "thin_reflection"]);
    const reflection = problemWith("missing_reflection")!;
    expect(reflection.dataset.section).toBe("1a");
    expect(reflection.textContent).toContain("Section 1a has no Reflection yet. What you learned.");
    expect(reflection.textContent).toContain("Open section 1a");
    expect(reflection.closest(".problem-group")!.querySelector("h3")!.textContent).toBe("1a Constraints and benefits of technologies");
    expect(problemWith("principle_not_addressed")!.dataset.section).toBe("");
    expect(problemWith("evidence_missing_what_it_shows")!.dataset.evidence).toBe("E1");
  });

  it("opens the place to fix each problem", async () => {
    const library = new FakeLibrary([evidenceItem(1)]);
    await open(() => checklistFor("cmalt", { problems: SOME_PROBLEMS }), { ...library.handlers() });

    // A section problem: the section, with its reflection editor focused.
    await openReady();
    (await waitFor(() => problemWith("missing_reflection"))).click();
    await waitFor(
      () => byTestId("section-title")?.textContent?.startsWith("1a") && byTestId("editor-reflection")!.contains(document.activeElement),
    );

    // An evidence problem: the library, with the item highlighted and focused.
    await openReady();
    (await waitFor(() => problemWith("evidence_missing_what_it_shows"))).click();
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E1"]'));
    expect(row.classList.contains("highlight")).toBe(true);
    expect(document.activeElement).toBe(row);

    // A principle problem: the principles view.
    await openReady();
    (await waitFor(() => problemWith("principle_not_addressed"))).click();
    await waitFor(() => byTestId("principles-page"));
    expect(document.activeElement!.textContent).toBe("Core principles");

    // A missing statement: the section with its text focused.
    await openReady();
    (await waitFor(() => problemWith("missing_section"))).click();
    await waitFor(
      () =>
        byTestId("section-title")?.textContent === "Contextual statement" &&
        byTestId("editor-description")!.contains(document.activeElement),
    );
  });

  it("opens the evidence panel for missing evidence and the declaration field for the confirmation", async () => {
    await open(() =>
      checklistFor("cmalt", {
        problems: [
          problem("missing_evidence", "2a", "Section 2a cites no evidence yet."),
          problem("declaration_not_signed", "confirmation", "The declaration is not signed yet."),
        ],
      }),
    );
    await openReady();
    (await waitFor(() => problemWith("missing_evidence"))).click();
    await waitFor(() => byTestId("evidence-panel")?.querySelector("h2") === document.activeElement);
    await openReady();
    (await waitFor(() => problemWith("declaration_not_signed"))).click();
    await waitFor(() => document.activeElement === byTestId("declaration-name"));
  });

  it("drops a problem once it is fixed", async () => {
    let fixed = false;
    const { app, calls } = await open(
      () =>
        checklistFor("cmalt", {
          statuses: { "1a": "in_progress" },
          problems: fixed ? [] : [problem("missing_reflection", "1a", "Section 1a has no Reflection yet.")],
        }),
      {
        save_section: (args) => {
          if ((args.patch as SectionPatch).reflection) fixed = true;
          return saved();
        },
      },
    );
    await openReady();
    (await waitFor(() => problemWith("missing_reflection"))).click();
    await waitFor(() => byTestId("editor-reflection")?.contains(document.activeElement));
    expect($('[data-section-id="1a"]')!.dataset.status).toBe("problem");
    typeAt(editorOf("reflection"), 1, "I learned to plan for accessibility.");
    await app.autosave.flush();
    expect(calls.some((c) => c.cmd === "save_section" && (c.args.patch as SectionPatch).section_id === "1a")).toBe(true);
    // The sidebar follows a moment after the save.
    await waitFor(() => $('[data-section-id="1a"]')!.dataset.status === "in_progress");
    expect(byTestId("things-to-fix")!.hidden).toBe(true);

    await openReady();
    await waitFor(() => byTestId("ready-summary")!.dataset.ready === "true");
    expect(problemWith("missing_reflection")).toBeUndefined();
    expect(byTestId("ready-summary")!.textContent).toContain("Your portfolio meets the checklist");
    expect(byTestId("ready-badge")!.textContent).toBe(", ready");
  });

  it("saves the candidate's own checks, and their reminders go as they are ticked", async () => {
    let ticks: CandidateConfirmations = {
      described_clearly: false,
      reflected: false,
      evidence_recent_and_succinct: false,
      principles_addressed: false,
      proofread: false,
    };
    const { app, calls } = await open(
      () =>
        checklistFor("cmalt", {
          problems: Object.entries(ticks)
            .filter(([, ticked]) => !ticked)
            .map(([field]) => problem("confirmation_not_ticked", null, `Not ticked yet: ${field}.`, { severity: "warning" })),
        }),
      {
        save_confirmations: (args) => {
          ticks = args.confirmations as CandidateConfirmations;
          return saved();
        },
      },
    );
    await openReady();
    await waitFor(() => problems("warning").length === 5);
    // The reminder leads to the first box not ticked.
    problems("warning")[0].click();
    expect(document.activeElement).toBe(byTestId("confirm-described_clearly"));

    byTestId<HTMLInputElement>("confirm-described_clearly")!.click();
    byTestId<HTMLInputElement>("confirm-proofread")!.click();
    expect(byTestId("candidate-checks")!.textContent).toContain("2 of 5 ticked.");
    expect(byTestId("candidate-checks")!.textContent).toContain("I described my examples clearly and concisely");
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_confirmations");
    expect(saves).toHaveLength(1);
    expect(saves[0].args.confirmations).toEqual({
      described_clearly: true,
      reflected: false,
      evidence_recent_and_succinct: false,
      principles_addressed: false,
      proofread: true,
    });
    await waitFor(() => problems("warning").length === 3);
  });
});

describe("principles and self-assessment", () => {
  it("saves the principles a section shows", async () => {
    const { app, calls } = await open(() => checklistFor("cmalt"), { save_section: () => saved() });
    // A statement has no principles to tick.
    await waitFor(() => byTestId("section-title")?.textContent === "Contextual statement");
    expect(byTestId("principle-1")).toBeNull();

    $('[data-section-id="1a"]')!.click();
    const first = await waitFor(() => byTestId<HTMLInputElement>("principle-1"));
    expect(first.closest(".principle-choice")!.textContent).toContain("Technology and learning");
    expect(document.getElementById(first.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Exploring the interplay between technology and learning.",
    );
    byTestId<HTMLInputElement>("principle-3")!.click();
    first.click();
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_section");
    expect(saves).toHaveLength(1);
    expect(saves[0].args.patch).toEqual({ section_id: "1a", principles: [1, 3] });

    // Unticking saves too, and the ticks survive leaving the page.
    first.click();
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "save_section").at(-1)!.args.patch).toEqual({ section_id: "1a", principles: [3] });
    $('[data-section-id="2a"]')!.click();
    await waitFor(() => byTestId("section-title")?.textContent?.startsWith("2a"));
    $('[data-section-id="1a"]')!.click();
    await waitFor(() => byTestId("section-title")?.textContent?.startsWith("1a"));
    expect(byTestId<HTMLInputElement>("principle-3")!.checked).toBe(true);
    expect(byTestId<HTMLInputElement>("principle-1")!.checked).toBe(false);
  });

  it("shows the principles grid with the gaps called out", async () => {
    await open(() => checklistFor("cmalt", { principles: { 1: ["1a", "2a"], 2: ["1a"], 3: [], 4: ["4"] } }));
    byTestId("principles")!.click();
    await waitFor(() => byTestId("principles-page")?.querySelector("table"));
    const gaps = byTestId("principle-gaps")!;
    expect(gaps.textContent).toContain("One principle is not shown in any section yet");
    expect(Array.from(gaps.querySelectorAll("[data-principle]"), (li) => li.textContent)).toEqual([
      "Learning from others: Learning from colleagues of other backgrounds.",
    ]);
    const cell = (section: string, principle: number) => $(`tr[data-section-id="${section}"] td[data-principle="${principle}"]`)!;
    expect(cell("2a", 1).dataset.shows).toBe("true");
    expect(cell("2a", 1).textContent).toBe("shows it");
    expect(cell("3a", 1).dataset.shows).toBe("false");
    expect($('th[data-principle="3"]')!.textContent).toContain("not shown yet");
    // Rows are the sections that can show principles, in sidebar order.
    expect(Array.from(document.querySelectorAll<HTMLElement>("tbody tr"), (tr) => tr.dataset.sectionId)).toEqual([
      "1a",
      "1c",
      "2a",
      "3a",
      "4",
      "5a",
    ]);

    // A section opens with its principle ticks focused.
    $<HTMLButtonElement>('tr[data-section-id="3a"] button')!.click();
    await waitFor(() => document.activeElement === byTestId("principle-1"));
  });

  it("saves the candidate's own rating and shows it on the self-assessment form", async () => {
    const { app, calls } = await open(() =>
      checklistFor("cmalt", { counts: { "1a": { description: 320, reflection: 180, evidence: 2 } } }),
    );
    $('[data-section-id="1a"]')!.click();
    const adequate = await waitFor(() => byTestId<HTMLInputElement>("rating-adequate"));
    expect(byTestId("rating-field")!.textContent).toContain("How would you rate this section?");
    expect(byTestId("rating-revisions_required")!.closest(".rating-choice")!.textContent).toContain("Something essential is still missing");
    adequate.click();
    type(byTestId<HTMLInputElement>("rating-note")!, "Add the impact on students");
    await app.autosave.flush();
    const saves = calls.filter((c) => c.cmd === "save_self_rating");
    expect(saves).toHaveLength(1); // the choice and the note become one save
    expect(saves[0].args).toEqual({ sectionId: "1a", rating: { rating: "adequate", note: "Add the impact on students" } });

    byTestId("self-assessment")!.click();
    const row = await waitFor(() => $<HTMLElement>('[data-testid=self-assessment-page] tr[data-section-id="1a"]'));
    expect(row.dataset.rating).toBe("adequate");
    expect(row.querySelector('[data-letter="A"]')!.textContent).toBe("Adequate");
    expect(row.querySelector('[data-letter="S"]')!.textContent).toBe("");
    expect(row.textContent).toContain("Add the impact on students");
    await waitFor(() => row.isConnected && row.textContent!.includes("500"));
    expect(byTestId("self-summary")!.textContent).toContain("You have rated 1 of 6 sections: 1 adequate.");

    // Clearing the rating and the note clears it in the portfolio.
    $<HTMLButtonElement>('tr[data-section-id="1a"] button')!.click();
    await waitFor(() => document.activeElement === byTestId("rating-adequate"));
    byTestId("rating-clear")!.click();
    type(byTestId<HTMLInputElement>("rating-note")!, "");
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "save_self_rating").at(-1)!.args).toEqual({ sectionId: "1a", rating: null });
  });
});

describe("one-click fixes", () => {
  const USE_TOPIC: Fix = { kind: "use_topic", section: "3a", topic: "Equality Act 2010", label: "Use “Equality Act 2010”" };
  const topicSuggested = problem(
    "topic_suggested",
    "3a",
    "Section 3a's writing names Equality Act 2010, but its “Legislation” is not filled in.",
    { severity: "warning", fix: USE_TOPIC },
  );

  it("applies the problem's fix, then shows the portfolio and the list as the core has them", async () => {
    let fixed = false;
    let release: () => void = () => undefined;
    const opened = openedFor("cmalt");
    const { calls } = await open(
      () => checklistFor("cmalt", { problems: fixed ? [] : [topicSuggested] }),
      {
        // A copy each time, as the bridge gives: the window's portfolio changes only by taking the fix.
        current_portfolio: () => structuredClone(opened),
        apply_checklist_fix: () =>
          new Promise((resolve) => {
            release = () => {
              fixed = true;
              opened.portfolio.sections["3a"] = { ...emptyEntry(), topic: "Equality Act 2010" };
              resolve(saved());
            };
          }),
      },
      opened,
    );
    await openReady();
    const button = await waitFor(() => byTestId<HTMLButtonElement>("problem-fix"));
    expect(button.textContent).toBe("Use “Equality Act 2010”");
    expect(button.dataset.code).toBe("topic_suggested");
    // Beside the message, in the same row, which keeps its link.
    const row = button.closest<HTMLElement>("li")!;
    expect(row.dataset.code).toBe("topic_suggested");
    expect(row.querySelector<HTMLElement>("[data-testid=problem]")!.dataset.section).toBe("3a");
    expect(button.disabled).toBe(false);

    button.focus();
    button.click();
    await waitFor(() => calls.some((c) => c.cmd === "apply_checklist_fix"));
    expect(calls.find((c) => c.cmd === "apply_checklist_fix")!.args).toEqual({ fix: USE_TOPIC });
    // Once only, however often it is clicked while the core works.
    expect(byTestId<HTMLButtonElement>("problem-fix")!.disabled).toBe(true);
    byTestId<HTMLButtonElement>("problem-fix")!.click();
    release();
    await waitFor(() => !byTestId("problem-fix"));
    expect(calls.filter((c) => c.cmd === "apply_checklist_fix")).toHaveLength(1);
    expect(problemWith("topic_suggested")).toBeUndefined();
    // The portfolio was read again after the fix, and focus did not fall off the page.
    expect(calls.filter((c) => c.cmd === "current_portfolio").length).toBeGreaterThanOrEqual(2);
    expect(document.activeElement).not.toBe(document.body);

    // The section shows the topic the core filled in.
    $('[data-section-id="3a"]')!.click();
    await waitFor(() => byTestId<HTMLInputElement>("topic")?.value === "Equality Act 2010");
  });

  it("shows the core's refusal of a fix on the page and keeps the button", async () => {
    const refusal = "That suggestion no longer applies: the portfolio has changed since the checklist made it.";
    const { calls } = await open(() => checklistFor("cmalt", { problems: [topicSuggested] }), {
      apply_checklist_fix: () => {
        throw { code: "refused", message: refusal };
      },
    });
    await openReady();
    const error = byTestId("fix-error")!;
    expect(error.hidden).toBe(true);
    (await waitFor(() => byTestId<HTMLButtonElement>("problem-fix"))).click();
    await waitFor(() => byTestId("fix-error")!.textContent === refusal);
    expect(error.hidden).toBe(false);
    expect(error.getAttribute("role")).toBe("alert");
    await waitFor(() => byTestId<HTMLButtonElement>("problem-fix")?.disabled === false);
    // The list is asked for again, as the portfolio has changed under it.
    const asked = calls.filter((c) => c.cmd === "checklist").length;
    byTestId<HTMLButtonElement>("problem-fix")!.click();
    await waitFor(() => calls.filter((c) => c.cmd === "checklist").length > asked);
  });

  it("lists a grouped problem's items, each opening the library at it, and confirms them all at once", async () => {
    const library = new FakeLibrary([evidenceItem(1), evidenceItem(2), evidenceItem(3)]);
    const confirm: Fix = { kind: "confirm_permission", items: ["E1", "E2", "E3"], label: "Confirm all 3" };
    let fixed = false;
    const { calls } = await open(
      () =>
        checklistFor("cmalt", {
          problems: fixed
            ? []
            : [
                problem(
                  "evidence_permission_not_confirmed",
                  null,
                  "Confirm that these 3 files and images are anonymised, or that the people in them agreed to their use: E1, E2 and E3.",
                  { severity: "warning", items: ["E1", "E2", "E3"], fix: confirm },
                ),
              ],
        }),
      {
        ...library.handlers(),
        apply_checklist_fix: () => {
          fixed = true;
          return saved();
        },
      },
    );
    await openReady();
    const link = await waitFor(() => problemWith("evidence_permission_not_confirmed"));
    expect(link.dataset.evidence).toBeUndefined();
    expect(link.closest(".problem-group")!.querySelector("h3")!.textContent).toBe("Evidence library");
    expect(link.textContent).toContain("Open the evidence library");
    const items = () => Array.from(link.closest("li")!.querySelectorAll<HTMLElement>("[data-testid=problem-item]"));
    expect(items().map((item) => item.textContent)).toEqual(["E1", "E2", "E3"]);
    await waitFor(() => items()[1].getAttribute("aria-label") === "Open E2 in the evidence library: Item 2");

    items()[1].click();
    const row = await waitFor(() => $('[data-testid=library-row][data-evidence-id="E2"]'));
    expect(row.classList.contains("highlight")).toBe(true);

    await openReady();
    const button = await waitFor(() => byTestId<HTMLButtonElement>("problem-fix"));
    expect(button.textContent).toBe("Confirm all 3");
    const libraryReads = calls.filter((c) => c.cmd === "evidence_library").length;
    button.click();
    await waitFor(() => !problemWith("evidence_permission_not_confirmed"));
    expect(calls.find((c) => c.cmd === "apply_checklist_fix")!.args).toEqual({ fix: confirm });
    // The library is read again, so its flags follow.
    expect(calls.filter((c) => c.cmd === "evidence_library").length).toBeGreaterThan(libraryReads);
  });
});

describe("when you submit", () => {
  it("says on the start screen how submitting works, with no dates when there are none", async () => {
    backend();
    await boot();
    const panel = await waitFor(() => (byTestId("submission-how") ? byTestId("deadlines") : null));
    expect(panel.querySelector("h2")!.textContent).toBe("When you submit");
    expect(byTestId("submission-how")!.textContent).toBe(planFor().how);
    expect(panel.querySelector(".deadline-list")).toBeNull();
  });

  it("lists the closing days on the start screen where the scheme has them", async () => {
    backend({ submission_plan: () => planFor(null, null, WINDOWS) });
    await boot();
    const panel = await waitFor(() => (byTestId("deadlines")?.querySelector(".deadline-list") ? byTestId("deadlines") : null));
    const items = Array.from(panel.querySelectorAll("li"), (li) => li.textContent);
    expect(items).toEqual(["31 January 202769 days to go", "31 May 2027189 days to go", "30 September 2027311 days to go"]);
  });

  it("saves the date aimed for, which the page and the top bar count down to from the core's plan", async () => {
    let target: string | null = null;
    const { app, calls } = await open(() => checklistFor("cmalt"), {
      set_target_date: (args) => {
        target = args.date as string | null;
        return saved();
      },
      submission_plan: () => planFor(target),
    });
    await openReady();
    const panel = byTestId("deadlines")!;
    await waitFor(() => byTestId("submission-how")!.textContent === planFor().how);
    expect(panel.querySelector("h2")!.textContent).toBe("When you submit");
    expect(panel.querySelector(".deadline-list")).toBeNull(); // all year round: no closing days
    expect(byTestId("target-summary")!.hidden).toBe(true);
    const field = byTestId<HTMLInputElement>("target-date")!;
    expect(field.type).toBe("date");
    expect(document.querySelector(`label[for="${field.id}"]`)!.textContent).toBe("The date you are aiming for");
    expect(byTestId("target-date-note")!.hidden).toBe(true);

    field.value = "2027-03-13";
    field.dispatchEvent(new Event("change"));
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "set_target_date").at(-1)!.args).toEqual({ date: "2027-03-13" });
    await waitFor(() => byTestId("target-summary")!.textContent === "Aiming for 13 March 2027 · 110 days to go");
    expect(byTestId("target-summary")!.hidden).toBe(false);
    expect(byTestId("target-date-note")!.textContent).toBe("13 March 2027 · 110 days to go");
    expect(byTestId("target-date-note")!.hidden).toBe(false);

    // An empty field clears it.
    field.value = "";
    field.dispatchEvent(new Event("change"));
    // At once: the old date is not shown while the change is saved.
    expect(byTestId("target-summary")!.hidden).toBe(true);
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "set_target_date").at(-1)!.args).toEqual({ date: null });
    expect(byTestId("target-summary")!.hidden).toBe(true);
    expect(byTestId("target-date-note")!.hidden).toBe(true);
  });

  it("saves when the candidate registered and says when the registration runs to", async () => {
    let registered: string | null = null;
    const { app, calls } = await open(() => checklistFor("cmalt"), {
      set_registered_on: (args) => {
        registered = args.date as string | null;
        return saved();
      },
      submission_plan: () => planFor(null, registered),
    });
    await openReady();
    const field = await waitFor(() => byTestId<HTMLInputElement>("registered-on"));
    expect(document.querySelector(`label[for="${field.id}"]`)!.textContent).toBe("When you registered with ALT");
    field.value = "2026-03-15";
    field.dispatchEvent(new Event("change"));
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "set_registered_on").at(-1)!.args).toEqual({ date: "2026-03-15" });
    await waitFor(() => byTestId("registered-on-note")!.textContent === "Your registration runs to 14 March 2028 (477 days to go)");

    byTestId("registered-on-clear")!.click();
    await app.autosave.flush();
    expect(calls.filter((c) => c.cmd === "set_registered_on").at(-1)!.args).toEqual({ date: null });
    expect(field.value).toBe("");
    expect(byTestId("registered-on-note")!.hidden).toBe(true);
  });

  it("lists closing days on the Ready page where the scheme has them, the target marked", async () => {
    const opened = openedFor("cmalt");
    opened.portfolio.target_window = "2027-05-31";
    await open(() => checklistFor("cmalt"), { submission_plan: () => planFor("2027-05-31", null, WINDOWS) }, opened);
    await openReady();
    const list = await waitFor(() => byTestId("deadline-list"));
    expect(Array.from(list.querySelectorAll("li"), (li) => li.dataset.date)).toEqual(WINDOWS);
    expect(list.querySelector(".is-target")!.textContent).toContain("31 May 2027");
    expect(list.querySelector(".is-target")!.textContent).toContain("Your target");
    expect(byTestId<HTMLInputElement>("target-date")!.value).toBe("2027-05-31");
  });

  it("shows the core's warning when the target falls after the registration ends", async () => {
    const opened = openedFor("cmalt");
    opened.portfolio.target_window = "2027-05-31";
    opened.portfolio.registered_on = "2024-11-11";
    const warning =
      "Your target, 31 May 2027, is after your registration ends on 10 November 2026: aim to submit by then, or ask ALT about your registration.";
    await open(() => checklistFor("cmalt"), { submission_plan: () => ({ ...planFor("2027-05-31", "2024-11-11"), warning }) }, opened);
    await openReady();
    await waitFor(() => byTestId("submission-warning")?.textContent === warning);
    expect(byTestId("submission-warning")!.hidden).toBe(false);
  });

  it("shows a target already set when the portfolio opens", async () => {
    const opened = openedFor("cmalt");
    opened.portfolio.target_window = "2027-05-31";
    backend({ current_portfolio: () => opened, submission_plan: () => planFor("2027-05-31") });
    await boot();
    await waitFor(() => byTestId("target-summary")?.textContent === "Aiming for 31 May 2027 · 189 days to go");
  });
});
