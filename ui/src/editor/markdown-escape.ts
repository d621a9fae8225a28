// Escapes for text the candidate typed that Markdown would otherwise read as structure.
// Tiptap already escapes inline markers (`* _ [ ] ~ \` and `< > &` as entities); these cover
// what only matters at the start of a line, plus link destinations.

// Each rule puts a backslash before the one character that would start a block.
const LINE_START_RULES: [RegExp, string][] = [
  // `# Heading`
  [/^( {0,3})(#{1,6})(?=[ \t]|$)/, "$1\\$2"],
  // `- item`, `+ item`
  [/^( {0,3})([-+])(?=[ \t]|$)/, "$1\\$2"],
  // `1. item`, `1) item`
  [/^( {0,3})(\d{1,9})([.)])(?=[ \t]|$)/, "$1$2\\$3"],
  // `> quote` (a typed ">" arrives as &gt;, so only a raw one from elsewhere matters)
  [/^( {0,3})>/, "$1\\>"],
  // `===` or `---` under a line makes it a heading; `- - -` a rule
  [/^( {0,3})([=-])(?=[ \t=-]*$)/, "$1\\$2"],
  // `|--|--|` under a line makes a table
  [/^( {0,3})([|:-])(?=[ \t|:-]*$)/, "$1\\$2"],
];

/** Escapes block syntax at the start of one line of paragraph text. */
export function escapeLineStart(line: string): string {
  for (const [pattern, replacement] of LINE_START_RULES) {
    if (pattern.test(line)) return line.replace(pattern, replacement);
  }
  return line;
}

/**
 * Escapes block syntax at the start of every line of a paragraph's inline Markdown. A line here
 * starts after a soft break (a newline in the text) or a hard break (`\` + newline).
 */
export function escapeBlockStarts(inline: string): string {
  return inline.split("\n").map(escapeLineStart).join("\n");
}

function balancedParentheses(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** A link destination that reads back as the same address: bare when it can be, else in `<…>`. */
export function linkDestination(href: string): string {
  if (href === "") return "<>";
  if (!/[\s<>\\]/.test(href) && balancedParentheses(href)) return href;
  return `<${href.replace(/[<>\\]/g, "\\$&").replace(/\n/g, "%0A")}>`;
}

/** A link title in double quotes. */
export function linkTitle(title: string): string {
  return `"${title.replace(/["\\]/g, "\\$&")}"`;
}
