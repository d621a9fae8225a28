// A tiny element builder and a few DOM utilities, so screens read as structure rather than plumbing.

export type Child = Node | string | number | null | undefined | false | Child[];
export type Props = Record<string, unknown>;

// Set as properties after children are appended: a <select>'s value needs its options first.
const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "open", "selected", "readOnly", "required", "indeterminate"]);

/** Creates an element: `class`, `on<event>` listeners, boolean and string attributes, then children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const later: [string, unknown][] = [];
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === "class") {
      element.className = String(value);
    } else if (PROPERTIES.has(key)) {
      later.push([key, value]);
    } else if (value === true) {
      element.setAttribute(key, "");
    } else if (value !== false) {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  for (const [key, value] of later) (element as unknown as Record<string, unknown>)[key] = value;
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = "id"): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Text only screen readers hear: paired with icons so status is never colour or shape alone. */
export function srOnly(text: string): HTMLSpanElement {
  return h("span", { class: "visually-hidden" }, text);
}

/** Splits plain guidance text into paragraphs at blank lines; never parsed as HTML. */
export function paragraphs(text: string, className?: string): HTMLParagraphElement[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => h("p", { class: className }, part));
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Elements reachable with Tab inside `root`, in document order. */
export function focusables(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest("[hidden]"));
}

/** True on macOS, where shortcuts use Cmd rather than Ctrl. */
export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
