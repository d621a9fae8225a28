// Tests that no link navigates the window: web links go to the system browser, others nowhere.
import { afterEach, describe, expect, it, vi } from "vitest";
import { installLinkGuard } from "./link-guard";

function page(html: string): { root: Document; open: ReturnType<typeof vi.fn> } {
  const root = document.implementation.createHTMLDocument("app");
  root.body.innerHTML = html;
  const open = vi.fn(async () => undefined);
  installLinkGuard(open, root);
  return { root, open };
}

function click(root: Document, selector: string, init: MouseEventInit = {}, type = "click"): MouseEvent {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, ...init });
  root.querySelector(selector)!.dispatchEvent(event);
  return event;
}

afterEach(() => vi.restoreAllMocks());

describe("link guard", () => {
  it("hands web and e-mail links to the system instead of loading them", () => {
    const { root, open } = page('<p><a id="web" href="https://example.org/x">site</a> <a id="mail" href="mailto:m@example.org">m</a></p>');
    const event = click(root, "#web");
    expect(event.defaultPrevented, "the window must not navigate").toBe(true);
    click(root, "#mail");
    expect(open.mock.calls).toEqual([["https://example.org/x"], ["mailto:m@example.org"]]);
  });

  it("opens nothing for other schemes, and still keeps the window", () => {
    const { root, open } = page(
      '<a id="file" href="file:///etc/passwd">f</a><a id="js" href="javascript:alert(1)">j</a><a id="rel" href="other.html">r</a>',
    );
    for (const id of ["#file", "#js", "#rel"]) {
      expect(click(root, id).defaultPrevented, `${id} must not navigate`).toBe(true);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it("treats a middle-click like a click and never opens a second window", () => {
    const { root, open } = page('<a id="web" href="https://example.org/">site</a>');
    const event = click(root, "#web", { button: 1 }, "auxclick");
    expect(event.defaultPrevented).toBe(true);
    expect(open).toHaveBeenCalledWith("https://example.org/");
  });

  it("leaves same-page links and links a page handles itself alone", () => {
    const { root, open } = page('<a id="jump" href="#change-1a">1a</a><a id="own" class="evidence-ref" href="https://x.org/E3">E3</a>');
    expect(click(root, "#jump").defaultPrevented).toBe(false);
    root.querySelector("#own")!.addEventListener("click", (event) => event.preventDefault());
    click(root, "#own");
    expect(open, "a handled click is the page's own").not.toHaveBeenCalled();
  });
});
