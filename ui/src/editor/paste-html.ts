// Clipboard HTML from Google Docs, Word, LibreOffice and web pages, cut down to what the text can
// hold: headings, paragraphs, bold, italic, strikethrough, links, lists, quotes, tables, code.
// Fonts, colours, classes, comments and tracked deletions go; tracked insertions stay as text.

const DROPPED = new Set([
  "script",
  "style",
  "meta",
  "link",
  "title",
  "head",
  "img",
  "picture",
  "svg",
  "video",
  "audio",
  "canvas",
  "iframe",
  "object",
  "embed",
  "noscript",
  "template",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  // tracked deletions
  "del",
  // Word's empty-paragraph filler
  "o:p",
]);

const KEPT = new Set([
  "p",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "br",
  "hr",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "strong",
  "em",
  "s",
  "a",
]);

// The section's title is the page's top heading, so a pasted one comes in a level down.
const RENAMED: Record<string, string> = { b: "strong", i: "em", strike: "s", h1: "h2" };
const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr"]);

const SAFE_HREF = /^(https?:|mailto:)/i;
const WORD_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\s*(\(?[0-9]{1,3}|[a-z]|[ivxlc]{1,5})[.)]/i;

/** Google Docs exports some links through its redirector; the address is the `q` parameter. */
function unwrapRedirect(href: string): string {
  const match = /^https:\/\/www\.google\.com\/url\?(.*)$/.exec(href);
  const target = match ? new URLSearchParams(match[1]).get("q") : null;
  return target ?? href;
}

function styleOf(element: Element): string {
  return (element.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
}

function classOf(element: Element): string {
  return (element.getAttribute("class") ?? "").toLowerCase();
}

/** Word comment marks, comment lists, hidden text, Word's typed bullets: none of it is the candidate's text. */
function isNoise(element: Element): boolean {
  const style = styleOf(element);
  const className = classOf(element);
  return (
    className.includes("msocommentreference") ||
    className.includes("msocomanchor") ||
    className.includes("msodel") ||
    style.includes("mso-element:comment") ||
    style.includes("mso-list:ignore") ||
    style.includes("display:none")
  );
}

/**
 * Word pastes list items as paragraphs (`class=MsoListParagraph style='mso-list:l0 level1 lfo1'`)
 * with the bullet typed in a span. Runs of them become real, nested lists.
 */
function rebuildWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.querySelectorAll("p")).filter((p) => WORD_LIST.test(p.getAttribute("style") ?? ""));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    const run: Element[] = [first];
    let next = first.nextElementSibling;
    while (next && next.tagName === "P" && WORD_LIST.test(next.getAttribute("style") ?? "")) {
      run.push(next);
      next = next.nextElementSibling;
    }
    const root = doc.createElement("div");
    first.before(root);
    // stack[level - 1] is the open list at that level
    const stack: HTMLElement[] = [];
    let listId = "";
    for (const p of run) {
      done.add(p);
      const [, id, levelText] = WORD_LIST.exec(p.getAttribute("style") ?? "") ?? [];
      const level = Math.max(1, Number(levelText));
      const marker = Array.from(p.querySelectorAll("span")).find((span) => styleOf(span).includes("mso-list:ignore"))?.textContent ?? "";
      const tag = ORDERED_MARKER.test(marker) ? "ol" : "ul";
      if (id !== listId) stack.length = 0;
      listId = id;
      stack.length = Math.min(stack.length, level);
      while (stack.length < level) {
        const list = doc.createElement(tag);
        const parentItem = stack.length > 0 ? stack[stack.length - 1].lastElementChild : null;
        if (parentItem) parentItem.appendChild(list);
        else root.appendChild(list);
        stack.push(list);
      }
      const item = doc.createElement("li");
      const body = doc.createElement("p");
      while (p.firstChild) body.appendChild(p.firstChild);
      item.appendChild(body);
      stack[level - 1].appendChild(item);
      p.remove();
    }
    root.replaceWith(...Array.from(root.childNodes));
  }
}

function wrap(doc: Document, tag: string, children: Node[]): Node[] {
  if (children.length === 0) return [];
  const element = doc.createElement(tag);
  for (const child of children) element.appendChild(child);
  return [element];
}

function cleanChildren(doc: Document, element: Node): Node[] {
  return Array.from(element.childNodes).flatMap((child) => cleanNode(doc, child));
}

function cleanNode(doc: Document, node: Node): Node[] {
  if (node.nodeType === Node.TEXT_NODE) {
    // Word and Google Docs space with no-break spaces; in the text they would stick words together.
    return [doc.createTextNode((node.textContent ?? "").replace(/\u00a0/g, " "))];
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const element = node as Element;
  const tag = element.localName.toLowerCase();
  if (DROPPED.has(tag) || isNoise(element)) return [];

  const style = styleOf(element);
  const children = cleanChildren(doc, element);

  if (tag === "b" || tag === "strong") {
    // Google Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-…">.
    if (/(^|;)font-weight:(normal|[1-4]00)/.test(style)) return children;
  }
  if (tag === "a") {
    const href = unwrapRedirect(element.getAttribute("href")?.trim() ?? "");
    if (!SAFE_HREF.test(href)) return children;
    const link = doc.createElement("a");
    link.setAttribute("href", href);
    for (const child of children) link.appendChild(child);
    return [link];
  }
  if (tag === "div") {
    // A div of blocks is only a wrapper; a div of text is a paragraph (web pages, Outlook).
    const hasBlocks = Array.from(element.children).some((child) => BLOCKS.has(child.localName.toLowerCase()));
    return hasBlocks ? children : wrap(doc, "p", children);
  }
  const name = RENAMED[tag] ?? tag;
  if (KEPT.has(name)) {
    const clean = doc.createElement(name);
    if (name === "ol") {
      const start = Number(element.getAttribute("start"));
      if (Number.isInteger(start) && start > 1) clean.setAttribute("start", String(start));
    }
    for (const child of children) clean.appendChild(child);
    return [clean];
  }
  // Any other element (span, font, u, sup, ins, section…) gives only its content, with the
  // formatting Google Docs and Word express as styles rather than tags.
  let content = children;
  // Anchored at a declaration's start: Word writes `mso-bidi-font-weight:normal` on bold text.
  if (/(^|;)text-decoration(-line)?:[^;]*line-through/.test(style)) content = wrap(doc, "s", content);
  if (/(^|;)font-style:italic/.test(style)) content = wrap(doc, "em", content);
  if (/(^|;)font-weight:(bold|bolder|[6-9]00)/.test(style)) content = wrap(doc, "strong", content);
  return content;
}

/** A Markdown table needs a header row: Google Docs and Word tables have none, so the first row is it. */
function ensureHeaderRows(root: Element): void {
  for (const table of Array.from(root.querySelectorAll("table"))) {
    if (table.querySelector("th")) continue;
    const first = table.querySelector("tr");
    for (const cell of Array.from(first?.children ?? [])) {
      if (cell.tagName !== "TD") continue;
      const header = cell.ownerDocument.createElement("th");
      header.append(...Array.from(cell.childNodes));
      cell.replaceWith(header);
    }
  }
}

/** Google Docs puts a nested list straight inside its parent list, after the item it belongs to. */
function nestStrayLists(root: Element): void {
  for (const list of Array.from(root.querySelectorAll("ul > ul, ul > ol, ol > ul, ol > ol"))) {
    const item = list.previousElementSibling;
    if (item?.tagName === "LI") {
      item.appendChild(list);
    } else {
      const holder = list.ownerDocument.createElement("li");
      list.replaceWith(holder);
      holder.appendChild(list);
    }
  }
}

const isBlank = (element: Element) => (element.textContent ?? "").trim() === "" && !element.querySelector("hr");

/** Paragraphs that held only spacing, line breaks between blocks, formatting with nothing in it. */
function dropEmpty(root: Element): void {
  for (const br of Array.from(root.children)) if (br.tagName === "BR") br.remove();
  for (const element of Array.from(root.querySelectorAll("p, h2, h3, h4, h5, h6, strong, em, s, a"))) {
    if (isBlank(element) && !element.closest("td, th, li")) element.remove();
    else if (isBlank(element) && /^(STRONG|EM|S|A)$/.test(element.tagName)) element.replaceWith(...Array.from(element.childNodes));
  }
}

/** Word's conditional comments (`<!--[if …]>…<![endif]-->`) and downlevel ones (`<![if …]>`). */
function stripConditionals(html: string): string {
  return (
    html
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
      // Downlevel-revealed content (Word's typed list bullets) stays until the lists are rebuilt.
      .replace(/<!\[(if[^\]]*|endif)\]>/gi, "")
      .replace(/<!--[\s\S]*?-->/g, "")
  );
}

/** Pasted HTML, cleaned for the editor (used as ProseMirror's transformPastedHTML). */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(stripConditionals(html), "text/html");
  rebuildWordLists(doc);
  const out = doc.createElement("div");
  for (const node of cleanChildren(doc, doc.body)) out.appendChild(node);
  nestStrayLists(out);
  ensureHeaderRows(out);
  dropEmpty(out);
  return out.innerHTML;
}

/** Pictures in pasted HTML as data: URLs, as files. */
export function dataUrlImages(html: string): File[] {
  const files: File[] = [];
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?(data:image\/([a-z+.-]+);base64,([a-z0-9+/=\s]+))/gi)) {
    const [, , subtype, data] = match;
    try {
      const bytes = Uint8Array.from(atob(data.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
      const extension = subtype === "jpeg" ? "jpg" : subtype.replace("+xml", "");
      files.push(new File([bytes], `pasted-picture-${files.length + 1}.${extension}`, { type: `image/${subtype}` }));
    } catch {
      // Not valid base64: nothing to hand over.
    }
  }
  return files;
}

/**
 * Pictures on the clipboard go to `onImages` and never into the text. Returns true when the paste
 * was only pictures (so the editor does nothing more); HTML or text is then pasted as usual, with
 * its pictures dropped by `cleanPastedHtml`. Word also puts a picture of the copied text on the
 * clipboard next to the HTML: with HTML there, clipboard files are ignored.
 */
export function handlePastedImages(data: DataTransfer | null, onImages?: (files: File[]) => void): boolean {
  if (!data) return false;
  const html = data.getData("text/html");
  const text = data.getData("text/plain");
  if (html || text) {
    const embedded = html ? dataUrlImages(html) : [];
    if (embedded.length > 0) onImages?.(embedded);
    return false;
  }
  const files = Array.from(data.files ?? []).filter((file) => file.type.startsWith("image/"));
  if (files.length === 0) return false;
  onImages?.(files);
  return true;
}
