// Markdown in and out of the editor's document, headless: the same extensions and the same code
// path as the editor, so a round trip here is exactly what the editor would save.
import type { AnyExtension, JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { Marked, Tokenizer, type Tokens } from "marked";
import { decodeNamedEntities } from "./html-entities";
import { markdownExtensions } from "./markdown-extensions";

/**
 * A marked instance of our own for each manager: Tiptap registers its tokenizers with `use()`,
 * which on the shared default instance would pile up with every editor opened.
 */
function createMarked(): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    tokenizer: {
      // Inline raw HTML (`<b>`, `<br>`) is text to us, as it is shown; see RawHtmlAsText.
      // Not marked's own tag(): that also tracks `<a>` and `<pre>` state, which text must not change.
      tag(src) {
        const match = this.rules.inline.tag.exec(src);
        return match ? ({ type: "text", raw: match[0], text: match[0] } as unknown as Tokens.Tag) : undefined;
      },
      // `&nbsp;`, `&ndash;` and friends: Tiptap decodes only a handful of entities itself.
      inlineText(src) {
        const token = Tokenizer.prototype.inlineText.call(this, src);
        if (token && !token.escaped) token.text = decodeNamedEntities(token.text);
        return token;
      },
    },
  });
}

export function createMarkdownManager(extensions: AnyExtension[] = markdownExtensions()): MarkdownManager {
  // marked's own types differ from the copy @tiptap/markdown was built against only in name.
  return new MarkdownManager({ marked: createMarked() as never, extensions });
}

function isEmptyParagraph(node: JSONContent): boolean {
  return node.type === "paragraph" && (node.content ?? []).length === 0;
}

/** Tiptap reads extra blank lines as empty paragraphs; CommonMark does not, so they go. */
function dropBlankLineParagraphs(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const kept = node.content.filter((child) => !isEmptyParagraph(child));
  // A container needs a child (an empty list item keeps its one empty paragraph).
  const content = (kept.length > 0 ? kept : node.content.slice(0, 1)).map(dropBlankLineParagraphs);
  return { ...node, content };
}

/** Markdown to the editor's JSON document. */
export function parseMarkdown(manager: MarkdownManager, markdown: string): JSONContent {
  const doc = dropBlankLineParagraphs(manager.parse(markdown));
  if (!doc.content || doc.content.length === 0) return { type: "doc", content: [{ type: "paragraph" }] };
  return doc;
}

/** The editor's JSON document to Markdown. */
export function serializeMarkdown(manager: MarkdownManager, doc: JSONContent): string {
  return manager.serialize(doc);
}

let shared: MarkdownManager | null = null;

/** Markdown as the editor would save it after loading it: parse and serialise, nothing else. */
export function roundTripMarkdown(markdown: string): string {
  shared ??= createMarkdownManager();
  return serializeMarkdown(shared, parseMarkdown(shared, markdown));
}
