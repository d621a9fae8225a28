// Every section text, loaded and saved without an edit by the candidate, must mean the same:
// the same HTML from a CommonMark + GFM renderer (markdown-it), and the same Markdown after the
// normalisation below. Saving twice must give the same text (the save is deterministic).
//
// Markdown normalisation (applied to both sides), each step a difference that renders the same:
//  1. CRLF to LF; trailing spaces before a line end become a backslash hard break, then
//     trailing whitespace goes; runs of blank lines become one; leading/trailing blank lines go.
//  2. Bullets `*` and `+` become `-`; ordered items are renumbered from their list's start.
//  3. `_em_` / `__strong__` become `*em*` / `**strong**`.
//  4. Autolinks (`<https://…>`, bare URLs and e-mail addresses) become `[url](url)`.
//  5. Entities `&nbsp; &amp; &lt; &gt;` become their characters; backslashes before characters
//     that need no escape in that place are dropped (Google Docs writes `post\-1992`).
//  6. Table rows lose their cell padding and delimiter rows are shortened to `---`, `:--` etc.
//  7. Soft-break continuation lines lose their indentation.
// HTML normalisation: whitespace runs become one space, and go between tags.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { DRAFT_SECTIONS } from "../test/roundtrip-corpus";
import { escapeLineStart } from "./markdown-escape";
import { roundTripMarkdown } from "./markdown-io";

const renderer = new MarkdownIt({ html: false, linkify: true });
// GFM links bare `www.` and e-mail addresses whatever their ending; linkify-it only for known
// top-level domains, and the drafts use the reserved `.example`.
renderer.linkify.tlds(["example"], true);

function renderedHtml(markdown: string): string {
  return renderer
    .render(markdown)
    .replace(/\u00a0/g, "&nbsp;")
    .replace(/\s+/g, " ")
    .replace(/>\s+</g, "><")
    .trim();
}

function renumber(lines: string[]): string[] {
  const counters = new Map<number, number>();
  return lines.map((line) => {
    const match = /^( *)(\d{1,9})([.)])( +)/.exec(line);
    if (!match) {
      if (line.trim() === "" || /^( *)[-*+] /.test(line)) return line;
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      for (const key of Array.from(counters.keys())) if (key >= indent) counters.delete(key);
      return line;
    }
    const indent = match[1].length;
    const n = counters.has(indent) ? (counters.get(indent) ?? 0) + 1 : Number(match[2]);
    counters.set(indent, n);
    return `${match[1]}${n}.${match[4]}${line.slice(match[0].length)}`;
  });
}

function normaliseMarkdown(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, "\n");
  text = text.replace(/ {2,}\n(?=[^\n])/g, "\\\n").replace(/[ \t]+$/gm, "");
  let lines = text.split("\n").map((line) => line.replace(/^( *)[*+] /, "$1- "));
  lines = renumber(lines);
  text = lines.join("\n");
  text = text.replace(/(^|[^\w\\_])__(?=\S)(.+?)(?<=\S)__(?!\w)/g, "$1**$2**");
  text = text.replace(/(^|[^\w\\_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)/g, "$1*$2*");
  text = text.replace(/<((?:https?:|mailto:)[^>\s]+)>/g, "$1");
  text = text.replace(/\[((?:https?:\/\/|www\.)?[^\]\s]+)\]\(((?:https?:\/\/|mailto:)?[^)\s]+)\)/g, (all, label: string, href: string) => {
    const bare = label.replace(/\\(.)/g, "$1");
    return [bare, `http://${bare}`, `mailto:${bare}`].includes(href) ? bare : all;
  });
  text = text.replace(/&(?!lt;|gt;|amp;)[A-Za-z][A-Za-z0-9]{1,31};/g, (entity) => renderer.utils.unescapeAll(entity));
  text = text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  // An escape is needed only for a character that could start inline syntax, or a block at a line start.
  text = text.replace(/(^|[^\\])\\([-&#+.!()=>:|{}'"%@$,;?/^])/gm, (all, before: string, char: string, offset: number, whole: string) => {
    const lineStart = offset + before.length === 0 || whole[offset + before.length - 1] === "\n";
    if (!lineStart) return `${before}${char}`;
    const rest = whole.slice(offset + before.length + 2, whole.indexOf("\n", offset + 1) >>> 0);
    return escapeLineStart(char + rest) === char + rest ? `${before}${char}` : all;
  });
  text = text
    .split("\n")
    .map((line) => {
      if (!/^\s*\|.*\|\s*$/.test(line)) return line.replace(/^ +(?=\S)/, (indent) => indent);
      return line
        .trim()
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/^(:?)-+(:?)$/, "$1---$2"))
        .join("|");
    })
    .join("\n");
  return text.replace(/\n{3,}/g, "\n\n").trim();
}

/** Continuation lines of a paragraph carry no meaning in their indentation. */
function withoutContinuationIndent(markdown: string): string {
  return markdown.replace(/\n {1,3}(?![-*+ ]|\d+[.)] )(?=\S)/g, "\n");
}

function compare(markdown: string) {
  const saved = roundTripMarkdown(markdown);
  return {
    saved,
    html: [renderedHtml(saved), renderedHtml(markdown)],
    markdown: [withoutContinuationIndent(normaliseMarkdown(saved)), withoutContinuationIndent(normaliseMarkdown(markdown))],
    again: roundTripMarkdown(saved),
  };
}

// The one difference left in the drafts: a setext heading over several lines (Jekyll front
// matter read as Markdown) is saved as one ATX line, so its line breaks become spaces.
const KNOWN_DIFFERENT = new Set(["guidelines-2018.md #1"]);

describe("round trip of the untidy drafts", () => {
  it("has the drafts' section texts", () => {
    expect(DRAFT_SECTIONS.length).toBeGreaterThan(100);
  });

  for (const { source, markdown } of DRAFT_SECTIONS) {
    it(`keeps ${source}`, () => {
      const result = compare(markdown);
      expect(result.html[0]).toBe(result.html[1]);
      if (!KNOWN_DIFFERENT.has(source)) expect(result.markdown[0]).toBe(result.markdown[1]);
      expect(result.again).toBe(result.saved);
    });
  }
});

// Each construct: [stored Markdown, what a save writes back exactly].
const CONSTRUCTS: [string, string, string][] = [
  ["headings", "# One\n\n## Two\n\n### Three\n\n###### Six", "# One\n\n## Two\n\n### Three\n\n###### Six"],
  ["bold and italic", "**bold**, *italic*, ***both***", "**bold**, *italic*, ***both***"],
  ["underscore emphasis", "_italic_ and __bold__", "*italic* and **bold**"],
  ["bold touching a word", "**bold**text", "**bold**text"],
  ["links", "[the guide](https://example.ac.uk/guide)", "[the guide](https://example.ac.uk/guide)"],
  ["link with a title", '[guide](https://example.ac.uk "The guide")', '[guide](https://example.ac.uk "The guide")'],
  [
    "URL with parentheses",
    "[Wiki](https://en.wikipedia.example/wiki/Moodle_(software))",
    "[Wiki](https://en.wikipedia.example/wiki/Moodle_(software))",
  ],
  ["URL with a space", "[file](<https://example.ac.uk/my file.pdf>)", "[file](<https://example.ac.uk/my file.pdf>)"],
  [
    "autolinks",
    "See <https://example.ac.uk> and https://jisc.example/x.",
    "See [https://example.ac.uk](https://example.ac.uk) and [https://jisc.example/x](https://jisc.example/x).",
  ],
  ["bullets", "* one\n* two", "- one\n- two"],
  ["numbered list keeps its start", "3. three\n4. four", "3. three\n4. four"],
  ["nested lists three deep", "- a\n  - b\n    - c\n- d", "- a\n  - b\n    - c\n- d"],
  ["numbered inside bullets", "- a\n  1. b\n  2. c", "- a\n  1. b\n  2. c"],
  ["loose list", "- a\n\n- b", "- a\n\n- b"],
  ["list then paragraph", "- item\n\nparagraph", "- item\n\nparagraph"],
  ["block quote", "> quoted\n> text\n\n> second", "> quoted\n> text\n\n> second"],
  ["table with alignment", "| A | B |\n|:--|--:|\n| 1 | 2 |", "| A   | B   |\n| :--- | ---: |\n| 1   | 2   |"],
  ["table cell with a pipe", "| A | B |\n|---|---|\n| x \\| y | 2 |", "| A      | B   |\n| ------ | --- |\n| x \\| y | 2   |"],
  ["hard break, backslash", "line one\\\nline two", "line one\\\nline two"],
  ["hard break, two spaces", "line one  \nline two", "line one\\\nline two"],
  ["soft break", "line one\nline two", "line one\nline two"],
  ["inline code", "use `a*b_c` here", "use `a*b_c` here"],
  ["horizontal rule", "above\n\n---\n\nbelow", "above\n\n---\n\nbelow"],
  ["strikethrough", "~~old~~ new", "~~old~~ new"],
  ["citations", "As [E3] shows, and [E12].", "As [E3] shows, and [E12]."],
  ["citation-like link stays a link", "[E3](https://example.ac.uk)", "[E3](https://example.ac.uk)"],
  ["citation at a line start before a colon", "[E3]: the survey", "[E3]\\: the survey"],
  ["escaped stars", "4\\* or 5\\*", "4\\* or 5\\*"],
  ["escaped hash at line start", "\\#NorthDigiEd", "#NorthDigiEd"],
  ["hash and space at line start", "\\# not a heading", "\\# not a heading"],
  ["escaped numbering", "1\\. Marking workflow", "1\\. Marking workflow"],
  ["HTML typed as text", "a &lt;b&gt; tag", "a &lt;b&gt; tag"],
  ["raw HTML kept as text", "a <b>bold</b> tag", "a &lt;b&gt;bold&lt;/b&gt; tag"],
  ["spacer paragraphs", "A\n\n&nbsp;\n\nB", "A\n\n&nbsp;\n\nB"],
  ["named entities", "Moodle&nbsp;4.5 &ndash; &copy;", "Moodle\u00a04.5 – ©"],
  ["blank-line runs", "A\n\n\n\nB", "A\n\nB"],
  ["picture", "![Poster](/images/vr-poster.png#poster)", "![Poster](/images/vr-poster.png#poster)"],
  ["code block", "```\ncode *here*\n```", "```\ncode *here*\n```"],
];

describe("round trip of each construct", () => {
  for (const [name, stored, saved] of CONSTRUCTS) {
    it(name, () => {
      const result = compare(stored);
      expect(result.saved).toBe(saved);
      expect(result.html[0]).toBe(result.html[1]);
      expect(result.markdown[0]).toBe(result.markdown[1]);
      expect(result.again).toBe(saved);
    });
  }

  it("keeps very long text", () => {
    const paragraph = "The quiz bank grew from 40 to 400 questions over the year, **with** *care*. ".repeat(400);
    const stored = Array.from({ length: 20 }, () => paragraph.trim()).join("\n\n");
    const result = compare(stored);
    expect(result.saved).toBe(stored);
  });

  it("is deterministic", () => {
    const text = DRAFT_SECTIONS.map((s) => s.markdown).join("\n\n");
    expect(roundTripMarkdown(text)).toBe(roundTripMarkdown(text));
  });
});
