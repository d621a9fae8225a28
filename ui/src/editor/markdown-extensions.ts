// The document schema and its Markdown form, shared by the editor and the headless round trip,
// so what the editor saves is exactly what `roundTripMarkdown` produces.
import type { AnyExtension, JSONContent, MarkdownRendererHelpers, MarkdownToken, RenderContext } from "@tiptap/core";
import { Extension } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Heading from "@tiptap/extension-heading";
import Link from "@tiptap/extension-link";
import { BulletList, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { EvidenceCitation, type EvidenceCitationOptions } from "./evidence-citation";
import { ImageReference } from "./image-reference";
import { escapeBlockStarts, linkDestination, linkTitle } from "./markdown-escape";

const NBSP = "\u00a0";

/**
 * A textblock's inline Markdown. Rendered in runs between citations (which carry no marks, so
 * nothing spans them) so that a `(`, `[` or line-start `:` right after `[E3]` can be escaped:
 * otherwise `[E3](…)` would read back as a link and `[E3]: …` as a link definition.
 */
function renderInline(content: JSONContent[], h: MarkdownRendererHelpers): string {
  let out = "";
  let run: JSONContent[] = [];
  let afterCitation: "none" | "mid-line" | "line-start" = "none";
  const flush = () => {
    if (run.length === 0) return;
    let text = h.renderChildren(run);
    if (afterCitation !== "none" && /^[([]/.test(text)) text = `\\${text}`;
    else if (afterCitation === "line-start" && text.startsWith(":")) text = `\\${text}`;
    out += text;
    run = [];
  };
  for (const child of content) {
    if (child.type !== "evidenceCitation") {
      run.push(child);
      continue;
    }
    // `[E3][E4]` would read as a reference link, not two citations.
    if (run.length === 0 && afterCitation !== "none" && out.endsWith("]")) out += " ";
    flush();
    afterCitation = out === "" || out.endsWith("\n") ? "line-start" : "mid-line";
    out += `[${child.attrs?.id ?? ""}]`;
  }
  flush();
  return escapeBlockStarts(out);
}

const isSpacer = (content: JSONContent[] | undefined) =>
  (content ?? []).length === 1 && content?.[0].type === "text" && content[0].text === NBSP;

const MarkdownParagraph = Paragraph.extend({
  // Not Tiptap's, which reads an `&nbsp;` paragraph as an empty one: here it stays a paragraph
  // holding a no-break space, the spacer the candidate (or Google Docs) put there, wherever it is.
  parseMarkdown(token: MarkdownToken, helpers) {
    return helpers.createNode("paragraph", undefined, helpers.parseInline(token.tokens ?? []));
  },
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers, ctx: RenderContext) {
    const content = node.content ?? [];
    if (isSpacer(content)) return "&nbsp;";
    if (content.length === 0) {
      // An empty paragraph typed between blocks shows as a gap, so it is saved as a spacer too.
      return ctx.parentType === "doc" || ctx.parentType === "blockquote" ? "&nbsp;" : "";
    }
    return renderInline(content, h);
  },
});

const MarkdownHeading = Heading.extend({
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers) {
    const level = Number(node.attrs?.level ?? 1);
    const text = renderInline(node.content ?? [], h).replace(/\n/g, " ");
    // A heading whose text ends in `#`s would lose them as a closing sequence.
    return `${"#".repeat(level)} ${text.replace(/(^|\s)(#+)$/, "$1\\$2")}`.trimEnd();
  },
});

const MarkdownDocument = Document.extend({
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers) {
    const blocks = [...(node.content ?? [])];
    // Empty paragraphs at either end are where the cursor sat, not spacing the candidate meant.
    const empty = (block?: JSONContent) => block?.type === "paragraph" && (block.content ?? []).length === 0;
    while (empty(blocks[0])) blocks.shift();
    while (empty(blocks[blocks.length - 1])) blocks.pop();
    return h.renderChildren(blocks, "\n\n");
  },
});

// A backslash break survives editors and tools that strip trailing spaces.
const MarkdownHardBreak = HardBreak.extend({
  renderMarkdown: () => "\\\n",
});

// Loose lists (blank lines between items) render their items as paragraphs; keep that.
const looseAttribute = {
  loose: { default: false, rendered: false, keepOnSplit: true },
};

function renderList(node: JSONContent, h: MarkdownRendererHelpers): string {
  if (!node.content) return "";
  return h.renderChildren(node.content, node.attrs?.loose ? "\n\n" : "\n");
}

function withLoose(parsed: unknown, token: MarkdownToken): unknown {
  if (!parsed || Array.isArray(parsed) || typeof parsed !== "object") return parsed;
  const json = parsed as JSONContent;
  return token.loose ? { ...json, attrs: { ...json.attrs, loose: true } } : json;
}

const MarkdownBulletList = BulletList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...looseAttribute };
  },
  parseMarkdown(token: MarkdownToken, helpers) {
    return withLoose(this.parent?.(token, helpers), token) as JSONContent;
  },
  renderMarkdown: renderList,
});

const MarkdownOrderedList = OrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...looseAttribute };
  },
  // marked's own CommonMark list reader, rather than Tiptap's, which nests by its own rules.
  markdownTokenizer: null as unknown as undefined,
  // Tiptap's reads the items of marked's tokens as plain text; each item is a list_item token
  // that the list item extension parses, as for bullets.
  parseMarkdown(token: MarkdownToken, helpers) {
    if (token.type !== "list" || !token.ordered) return [];
    const start = Number(token.start ?? 1);
    const attrs = { ...(start !== 1 ? { start } : {}), ...(token.loose ? { loose: true } : {}) };
    return helpers.createNode("orderedList", attrs, helpers.parseChildren(token.items ?? []));
  },
  renderMarkdown: renderList,
});

const MarkdownLink = Link.extend({
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers) {
    const href = String(node.attrs?.href ?? "");
    const title = node.attrs?.title ? ` ${linkTitle(String(node.attrs.title))}` : "";
    return `[${h.renderChildren(node)}](${linkDestination(href)}${title})`;
  },
});

// Tiptap pads a table with blank lines; the document already separates its blocks.
const MarkdownTable = Table.extend({
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers, ctx: RenderContext) {
    return String(this.parent?.(node, h, ctx) ?? "").replace(/^\n+|\n+$/g, "");
  },
});

/**
 * Raw HTML in the Markdown is shown and kept as the text it is. The core does not pass it
 * through, and reading it as formatting would make the editor's text differ from what the core
 * renders; as text it is at least visible, and saved escaped.
 */
const RawHtmlAsText = Extension.create({
  name: "rawHtmlAsText",
  markdownTokenName: "html",
  parseMarkdown(token: MarkdownToken, helpers) {
    const text = String(token.raw ?? token.text ?? "").replace(/\s+$/, "");
    return helpers.createNode("paragraph", undefined, [helpers.createTextNode(text)]);
  },
});

export interface SchemaOptions {
  citation?: EvidenceCitationOptions;
}

/** The nodes and marks of a section text, each with its Markdown parse and render. */
export function markdownExtensions(options: SchemaOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      paragraph: false,
      heading: false,
      hardBreak: false,
      bulletList: false,
      orderedList: false,
      link: false,
      // Markdown has no underline: Ctrl+U would make text that cannot be saved.
      underline: false,
      // It adds a paragraph after a final list or table on any transaction, even a click, which
      // would count as an edit and rewrite the stored text; the gap cursor reaches there instead.
      trailingNode: false,
    }),
    MarkdownDocument,
    MarkdownParagraph,
    MarkdownHeading.configure({ levels: [1, 2, 3, 4, 5, 6] }),
    MarkdownHardBreak,
    MarkdownBulletList,
    MarkdownOrderedList,
    MarkdownLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ["http", "https", "mailto"],
      defaultProtocol: "https",
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    }),
    MarkdownTable.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    EvidenceCitation.configure(options.citation ?? {}),
    ImageReference,
    RawHtmlAsText,
  ];
}
