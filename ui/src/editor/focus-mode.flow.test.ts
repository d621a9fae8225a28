// Flow test for focus mode: the guidance and the sidebar step aside, and the choice is remembered.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { openedFor } from "../test/fixtures";
import { $, backend, boot, byTestId, waitFor } from "../test/harness";

afterEach(() => {
  clearMocks();
  localStorage.clear();
  document.body.classList.remove("focus-writing");
});

async function openSection(id: string) {
  backend({ current_portfolio: () => openedFor("cmalt") });
  await boot();
  await waitFor(() => byTestId("sidebar"));
  $(`[data-section-id="${id}"]`)!.click();
  await waitFor(() => $(`[data-section="${id}"]`));
}

describe("focus on writing", () => {
  it("hides the guidance and the sidebar, and is remembered for the next section", async () => {
    await openSection("1a");
    const toggle = byTestId("focus-toggle")!;
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(document.querySelectorAll("[data-section='1a'] .writing-guidance").length).toBe(2);
    toggle.click();
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(document.body.classList.contains("focus-writing")).toBe(true);
    expect(localStorage.getItem("cmalt.focus-writing")).toBe("true");

    // Another section opens in focus mode too; turning it off brings everything back.
    byTestId("sidebar")!.querySelector<HTMLElement>('[data-section-id="2a"]')!.click();
    await waitFor(() => $('[data-section="2a"]'));
    expect(byTestId("focus-toggle")!.getAttribute("aria-pressed")).toBe("true");
    byTestId("focus-toggle")!.click();
    expect(document.body.classList.contains("focus-writing")).toBe(false);
  });
});
