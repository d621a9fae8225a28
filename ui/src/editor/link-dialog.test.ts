// The Link dialog accepts web and e-mail addresses only, and says why in plain English.
import { describe, expect, it } from "vitest";
import { byTestId, waitFor } from "../test/harness";
import { checkLinkAddress, openLinkDialog } from "./link-dialog";

describe("link addresses", () => {
  it("accepts http, https and mailto, completing www. and bare e-mail addresses", () => {
    expect(checkLinkAddress(" https://example.ac.uk/guide ")).toEqual({ href: "https://example.ac.uk/guide" });
    expect(checkLinkAddress("http://example.ac.uk")).toEqual({ href: "http://example.ac.uk" });
    expect(checkLinkAddress("mailto:a.venn@kingsmere.example")).toEqual({ href: "mailto:a.venn@kingsmere.example" });
    expect(checkLinkAddress("www.example.ac.uk")).toEqual({ href: "https://www.example.ac.uk" });
    expect(checkLinkAddress("a.venn@kingsmere.example")).toEqual({ href: "mailto:a.venn@kingsmere.example" });
  });

  it("refuses anything else with a plain-English message", () => {
    expect(checkLinkAddress("")).toEqual({ error: "Type or paste the address the link goes to." });
    expect(checkLinkAddress("javascript:alert(1)")).toEqual({
      error: "Addresses need to start with https://, http:// or mailto:, for example https://www.example.ac.uk.",
    });
    expect(checkLinkAddress("file:///C:/report.docx")).toHaveProperty("error");
    expect(checkLinkAddress("https://intranet")).toHaveProperty("error");
    expect(checkLinkAddress("https://example.ac.uk/a b")).toEqual({ error: "An address cannot contain spaces." });
  });
});

describe("link dialog", () => {
  it("is prefilled, refuses a bad address inline, and saves a good one", async () => {
    const result = openLinkDialog({ text: "the guide", href: "" });
    const dialog = await waitFor(() => byTestId("link-dialog"));
    const address = byTestId("link-address") as HTMLInputElement;
    expect((byTestId("link-text") as HTMLInputElement).value).toBe("the guide");
    expect(document.activeElement).toBe(address);
    expect(byTestId("link-remove")).toBeNull();
    address.value = "C:\\guide.docx";
    byTestId("link-save")!.click();
    await waitFor(() => byTestId("link-message")!.textContent !== "");
    expect(byTestId("link-message")!.textContent).toContain("https://");
    expect(address.getAttribute("aria-invalid")).toBe("true");
    expect(dialog.isConnected).toBe(true);
    address.value = "www.example.ac.uk/guide";
    byTestId("link-save")!.click();
    expect(await result).toEqual({ action: "save", text: "the guide", href: "https://www.example.ac.uk/guide" });
  });

  it("offers Remove link for an existing link", async () => {
    const result = openLinkDialog({ text: "policy", href: "https://example.ac.uk/policy" });
    await waitFor(() => byTestId("link-dialog"));
    expect((byTestId("link-address") as HTMLInputElement).value).toBe("https://example.ac.uk/policy");
    byTestId("link-remove")!.click();
    expect(await result).toEqual({ action: "remove" });
  });
});
