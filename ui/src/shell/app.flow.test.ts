// End-to-end flows through the real UI modules against a mocked backend (mockIPC): create, write, save, open errors, pathway change.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { openedFor } from "../test/fixtures";
import { $, backend, boot, byTestId, type, waitFor } from "../test/harness";
import { editorOf, typeAt } from "../test/rich-editor";
import type { PathwayId } from "../types";

afterEach(() => {
  clearMocks();
});

describe("flows", () => {
  it("creates a portfolio from the start screen and shows the editor", async () => {
    const calls = backend();
    await boot();
    expect(document.querySelector("h1")!.textContent).toBe("CMALT Portfolio");
    byTestId("new-portfolio")!.click();
    type(byTestId<HTMLInputElement>("new-title")!, "My CMALT portfolio");
    type(byTestId<HTMLInputElement>("new-name")!, "Sam Jones");
    $<HTMLInputElement>("input[name=pathway][value=cmalt]")!.click();
    byTestId("create-portfolio")!.click();

    await waitFor(() => byTestId("sidebar"));
    expect(calls.find((c) => c.cmd === "create_portfolio")!.args.request).toEqual({
      title: "My CMALT portfolio",
      candidate_name: "Sam Jones",
      pathway: "cmalt",
      choose_location: false,
    });
    expect(byTestId("progress")!.textContent).toBe("0 of 9 sections complete");
    expect(document.querySelector(".topbar-title")!.textContent).toBe("My CMALT portfolio");
    expect(byTestId("section-title")!.textContent).toBe("Contextual statement");
    expect(byTestId("editor-description")!.querySelector(".editor-content")).not.toBeNull();
    expect(byTestId("editor-reflection")).toBeNull();

    // Open an assessed section: two editors, the topic-less page, prompts open while empty.
    $('[data-section-id="1a"]')!.click();
    await waitFor(() => byTestId("editor-reflection"));
    expect(byTestId("section-title")!.textContent).toBe("1a Constraints and benefits of technologies");
    expect($<HTMLDetailsElement>("details.prompts")!.open).toBe(true);
    await waitFor(() => byTestId("words-description")!.textContent === "0 words");

    // Type: the preview, the count and the save all follow.
    // Type, then make one word bold from the toolbar: the Markdown saved has the asterisks.
    const editor = editorOf("description");
    typeAt(editor, 1, "I ran three workshops");
    editor.commands.setTextSelection({ from: 7, to: 12 });
    byTestId("editor-description")!.parentElement!.querySelector<HTMLButtonElement>("[data-action=bold]")!.click();
    await waitFor(() => byTestId("words-description")!.textContent === "4 words");
    expect(byTestId("preview-description")!.innerHTML).toContain("I ran **three** workshops");
    expect(byTestId("words-total")!.textContent).toContain("4 words in total");
    await waitFor(() => calls.some((c) => c.cmd === "save_section"));
    expect(calls.find((c) => c.cmd === "save_section")!.args.patch).toEqual({ section_id: "1a", description: "I ran **three** workshops" });
    await waitFor(() => byTestId("save-status")!.textContent === "Saved");
    expect($('[data-section-id="1a"]')!.dataset.status).toBe("in_progress");

    // The newest words survive leaving and coming back.
    $('[data-section-id="2a"]')!.click();
    await waitFor(() => byTestId("section-title")!.textContent!.startsWith("2a"));
    $('[data-section-id="1a"]')!.click();
    await waitFor(() => byTestId("section-title")!.textContent!.startsWith("1a"));
    expect(byTestId("editor-description")!.textContent).toContain("I ran three workshops");
    expect(byTestId("editor-description")!.querySelector("strong")!.textContent).toBe("three");

    byTestId("close-portfolio")!.click();
    await waitFor(() => byTestId("new-portfolio"));
  });

  it("asks for what is missing instead of creating", async () => {
    const calls = backend();
    await boot();
    byTestId("new-portfolio")!.click();
    byTestId("create-portfolio")!.click();
    // The form answers the click itself; only once it has can "nothing was sent" mean anything.
    await waitFor(() => document.querySelector(".form-problems")?.textContent?.includes("Give your portfolio a title."));
    expect(calls.some((c) => c.cmd === "create_portfolio")).toBe(false);
  });

  it("offers the newest backup when a recent portfolio is unreadable", async () => {
    const folder = "/home/sam/CMALT/Broken";
    const calls = backend({
      recent_portfolios: () => [
        {
          folder,
          title: "Broken",
          pathway: "cmalt",
          candidate_name: "Sam",
          saved: "Last saved 19 May at 11:00",
          available: true,
          aiming: "Aiming for 13 March 2027 · 102 days to go",
        },
        {
          folder: "/gone",
          title: "Gone",
          pathway: null,
          candidate_name: "",
          saved: "Not found where it was last kept",
          available: false,
          aiming: null,
        },
      ],
      open_recent: () => {
        throw {
          code: "unreadable",
          message: "portfolio.json is damaged.",
          folder,
          backups: [
            { file_name: "a.json", saved_at: "2025-05-18T10:00:00Z", saved_when: "18 May at 11:00", bytes: 2048, size: "2 KB" },
            { file_name: "b.json", saved_at: "2025-05-19T09:00:00Z", saved_when: "yesterday at 10:00", bytes: 2100, size: "2 KB" },
          ],
        };
      },
      restore_newest_backup: () => ({ ...openedFor("cmalt", folder), notice: "Opened from the backup of 19 May." }),
    });
    await boot();
    const items = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>("[data-testid=recent-item]");
      return found.length === 2 ? found : null;
    });
    expect(items[0].dataset.folder).toBe(folder);
    expect(items[0].querySelector("[data-testid=recent-aiming]")!.textContent).toBe("Aiming for 13 March 2027 · 102 days to go");
    expect(items[0].textContent).toContain("Last saved 19 May at 11:00");
    expect(items[1].querySelector("[data-testid=recent-aiming]")).toBeNull();
    expect(items[1].textContent).toContain("Not found where it was last kept");
    expect(items[1].closest("li")!.classList.contains("unavailable")).toBe(true);
    expect(items[1].closest("li")!.textContent).toContain("Forget");

    items[0].click();
    const dialog = await waitFor(() => byTestId("error-dialog"));
    expect(byTestId("error-message")!.textContent).toBe("portfolio.json is damaged.");
    expect(dialog.querySelectorAll(".backup-list li")).toHaveLength(2);
    expect(dialog.querySelector(".backup-list li")!.textContent).toBe("Saved yesterday at 10:00 (2 KB)");
    byTestId("restore-backup")!.click();
    await waitFor(() => byTestId("sidebar"));
    expect(calls.find((c) => c.cmd === "restore_newest_backup")!.args).toEqual({ folder });
    // The notice from the backend is told, then dismissed.
    await waitFor(() => document.querySelector("dialog")?.textContent?.includes("Opened from the backup"));
  });

  it("shows other open errors with their message and OK", async () => {
    backend({
      open_portfolio_dialog: () => {
        throw { code: "locked", message: "This portfolio is open in another window." };
      },
    });
    await boot();
    byTestId("open-folder")!.click();
    await waitFor(() => byTestId("error-dialog"));
    expect(byTestId("error-message")!.textContent).toBe("This portfolio is open in another window.");
    expect(byTestId("error-dialog")!.querySelectorAll("button")).toHaveLength(1);
    byTestId("error-dialog")!.querySelector("button")!.click();
    expect(byTestId("error-dialog")).toBeNull();
  });

  it("changes pathway only after showing what appears and what leaves", async () => {
    let pathway: PathwayId = "cmalt";
    const calls = backend({
      current_portfolio: () => openedFor(pathway),
      preview_pathway_change: (args) => ({
        from: "cmalt",
        to: args.pathway,
        appearing: [],
        leaving: [
          { id: "1c", title: "Supporting deployment", has_text: true },
          { id: "5a", title: "Specialist area 1", has_text: false },
        ],
      }),
      change_pathway: (args) => {
        pathway = args.pathway as PathwayId;
        const opened = openedFor(pathway);
        opened.outline.kept_aside = [
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
        return opened;
      },
    });
    await boot();
    await waitFor(() => byTestId("sidebar"));
    byTestId("details")!.click();
    const select = await waitFor(() => byTestId<HTMLSelectElement>("pathway-select"));
    expect(select.value).toBe("cmalt");

    // Cancel first: nothing changes.
    select.value = "associate";
    select.dispatchEvent(new Event("change"));
    await waitFor(() => byTestId("pathway-dialog"));
    byTestId("pathway-cancel")!.click();
    await waitFor(() => !byTestId("pathway-dialog") && byTestId<HTMLSelectElement>("pathway-select")!.value === "cmalt");
    expect(calls.some((c) => c.cmd === "change_pathway")).toBe(false);

    select.value = "associate";
    select.dispatchEvent(new Event("change"));
    const dialog = await waitFor(() => byTestId("pathway-dialog"));
    expect(dialog.textContent).toContain("Supporting deployment");
    expect(dialog.textContent).toContain("Your text in these sections is kept and comes back if you switch back.");
    byTestId("pathway-confirm")!.click();
    await waitFor(() => byTestId("kept-aside"));
    expect(calls.find((c) => c.cmd === "change_pathway")!.args).toEqual({ pathway: "associate" });
    expect(document.querySelector(".topbar-pathway")!.textContent).toBe("Associate CMALT");
    expect(byTestId<HTMLSelectElement>("pathway-select")!.value).toBe("associate");

    // A kept-aside section opens read-only with a note.
    $('[data-testid=kept-aside] [data-section-id="1c"]')!.click();
    await waitFor(() => byTestId("section-title")?.textContent?.startsWith("1c"));
    expect(document.querySelector(".notice")!.textContent).toContain("comes back");
    expect(byTestId("editor-description")!.querySelector(".editor-content")!.getAttribute("contenteditable")).toBe("false");
    expect(document.querySelector(".toolbar")).toBeNull();
  });
});
