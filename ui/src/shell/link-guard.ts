// The window stays the app's: a link anywhere in its pages (the preview, a snapshot, the
// review page, an import report) never loads in the window. Links to a place on the same
// page, and links a page handles itself (it cancels the click, as an [E3] reference does),
// are left alone; web and e-mail links open in the system's browser or mail app, through
// Rust, which checks them again; nothing else opens at all. Click, Enter (which clicks) and
// middle-click all come here; Rust's navigation guard is the backstop.

/** Where a link points when it leaves the page, or null for a place on the same page. */
export function leavesThePage(link: Element): string | null {
  const href = link.getAttribute("href");
  if (href === null || href.trim() === "" || href.startsWith("#")) return null;
  return href.trim();
}

const HANDED_OVER = /^(https?:|mailto:)/i;

export function installLinkGuard(open: (address: string) => Promise<void>, root: Document = document): void {
  const guard = (event: MouseEvent) => {
    if (event.defaultPrevented) return;
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!link) return;
    const address = leavesThePage(link);
    if (address === null) return;
    event.preventDefault();
    if (HANDED_OVER.test(address)) open(address).catch(() => undefined);
  };
  // Bubble phase, so that a page's own handler runs first and can claim the click.
  root.addEventListener("click", guard);
  root.addEventListener("auxclick", (event) => {
    if (event.button === 1) guard(event);
    else if ((event.target as Element | null)?.closest?.("a[href]")) event.preventDefault();
  });
}
