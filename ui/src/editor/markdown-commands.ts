// Markdown formatting as pure functions over (text, selection), so every toolbar button is testable.

/** A selection in the document: `from <= to`, character offsets. */
export interface Selection {
  from: number;
  to: number;
}

/** One replacement of doc[from, to) by `insert`, and the selection to show afterwards (in the new text). */
export interface Edit {
  from: number;
  to: number;
  insert: string;
  selection: Selection;
}

export function applyEdit(doc: string, edit: Edit): string {
  return doc.slice(0, edit.from) + edit.insert + doc.slice(edit.to);
}

const WORD_CHAR = /[\p{L}\p{N}_'’-]/u;

/** The word around a cursor, or null when the cursor is not touching one. */
export function wordAt(doc: string, pos: number): Selection | null {
  let from = pos;
  let to = pos;
  while (from > 0 && WORD_CHAR.test(doc[from - 1])) from--;
  while (to < doc.length && WORD_CHAR.test(doc[to])) to++;
  return from === to ? null : { from, to };
}

function countBefore(doc: string, pos: number, char: string): number {
  let n = 0;
  while (pos - n - 1 >= 0 && doc[pos - n - 1] === char) n++;
  return n;
}

function countAfter(doc: string, pos: number, char: string): number {
  let n = 0;
  while (pos + n < doc.length && doc[pos + n] === char) n++;
  return n;
}

// `*` and `**` share a character: italic counts as present only on an odd run (`*x*`, `***x***`),
// bold on a run of two or more, so italic never eats half of a bold marker.
function markerPresent(before: number, after: number, marker: string): boolean {
  return marker.length === 2 ? before >= 2 && after >= 2 : before % 2 === 1 && after % 2 === 1;
}

function toggleInline(doc: string, selection: Selection, marker: string): Edit {
  const m = marker.length;
  const cursor = selection.from === selection.to ? selection.from : null;
  let { from, to } = selection;

  if (cursor !== null) {
    const word = wordAt(doc, cursor);
    if (!word) {
      if (markerPresent(countBefore(doc, from, "*"), countAfter(doc, from, "*"), marker)) {
        return { from: from - m, to: to + m, insert: "", selection: { from: from - m, to: from - m } };
      }
      return { from, to, insert: marker + marker, selection: { from: from + m, to: from + m } };
    }
    ({ from, to } = word);
  } else {
    // Markdown ignores `** word**`: keep spaces at the edges outside the markers.
    while (from < to && /\s/.test(doc[from])) from++;
    while (to > from && /\s/.test(doc[to - 1])) to--;
    if (from === to) return { from, to, insert: marker + marker, selection: { from: from + m, to: from + m } };
  }

  const text = doc.slice(from, to);

  if (markerPresent(countBefore(doc, from, "*"), countAfter(doc, to, "*"), marker)) {
    const start = from - m;
    const moved = cursor !== null ? { from: cursor - m, to: cursor - m } : { from: start, to: start + text.length };
    return { from: start, to: to + m, insert: text, selection: moved };
  }
  const lead = countAfter(text, 0, "*");
  const trail = countBefore(text, text.length, "*");
  if (cursor === null && text.length > 2 * m && markerPresent(lead, trail, marker)) {
    const inner = text.slice(m, text.length - m);
    return { from, to, insert: inner, selection: { from, to: from + inner.length } };
  }
  const wrapped = marker + text + marker;
  const after = cursor !== null ? { from: cursor + m, to: cursor + m } : { from: from + m, to: from + m + text.length };
  return { from, to, insert: wrapped, selection: after };
}

export function toggleBold(doc: string, selection: Selection): Edit {
  return toggleInline(doc, selection, "**");
}

export function toggleItalic(doc: string, selection: Selection): Edit {
  return toggleInline(doc, selection, "*");
}

interface LineBlock {
  start: number;
  end: number;
  lines: string[];
}

/** The whole lines the selection touches; a selection ending at a line start does not take that line. */
export function selectedLines(doc: string, selection: Selection): LineBlock {
  // lastIndexOf clamps a negative start to 0, which would find a newline at 0 for a cursor at 0.
  const start = selection.from === 0 ? 0 : doc.lastIndexOf("\n", selection.from - 1) + 1;
  let last = selection.to;
  if (selection.to > selection.from && doc[selection.to - 1] === "\n") last = selection.to - 1;
  let end = doc.indexOf("\n", Math.max(last, start));
  if (end === -1) end = doc.length;
  return { start, end, lines: doc.slice(start, end).split("\n") };
}

function replaceLines(selection: Selection, block: LineBlock, lines: string[]): Edit {
  const insert = lines.join("\n");
  if (block.lines.length === 1) {
    // One line: keep the cursor or selection on the same words, shifted by what changed at the start.
    // Markers change only at the line start, so positions after them move by the length change.
    const delta = insert.length - block.lines[0].length;
    const clamp = (pos: number) => Math.min(Math.max(pos, block.start), block.start + insert.length);
    const from = clamp(selection.from + delta);
    return { from: block.start, to: block.end, insert, selection: { from, to: Math.max(from, clamp(selection.to + delta)) } };
  }
  return { from: block.start, to: block.end, insert, selection: { from: block.start, to: block.start + insert.length } };
}

const BULLET = /^(\s*)[-*+]\s+/;
const NUMBERED = /^(\s*)(\d+)[.)]\s+/;
const QUOTE = /^>\s?/;
const HEADING = /^(#{1,6})\s+/;

function stripListMarker(line: string): { indent: string; rest: string } {
  const match = BULLET.exec(line) ?? NUMBERED.exec(line);
  if (match) return { indent: match[1], rest: line.slice(match[0].length) };
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  return { indent, rest: line.slice(indent.length) };
}

function contentLines(lines: string[]): string[] {
  const filled = lines.filter((line) => line.trim() !== "");
  return filled.length > 0 ? filled : lines;
}

export function toggleBulletList(doc: string, selection: Selection): Edit {
  const block = selectedLines(doc, selection);
  const targets = contentLines(block.lines);
  const allBullets = targets.every((line) => BULLET.test(line));
  const lines = block.lines.map((line) => {
    if (!targets.includes(line)) return line;
    if (allBullets) return line.replace(BULLET, "$1");
    const { indent, rest } = stripListMarker(line);
    return `${indent}- ${rest}`;
  });
  return replaceLines(selection, block, lines);
}

export function toggleNumberedList(doc: string, selection: Selection): Edit {
  const block = selectedLines(doc, selection);
  const targets = contentLines(block.lines);
  const allNumbered = targets.every((line) => NUMBERED.test(line));
  // Continue the numbering of a list just above, so adding item 4 does not restart at 1.
  const previousLine = block.start > 0 ? doc.slice(doc.lastIndexOf("\n", block.start - 2) + 1, block.start - 1) : "";
  const previous = NUMBERED.exec(previousLine);
  let n = previous ? Number(previous[2]) + 1 : 1;
  const lines = block.lines.map((line) => {
    if (!targets.includes(line)) return line;
    if (allNumbered) return line.replace(NUMBERED, "$1");
    const { indent, rest } = stripListMarker(line);
    return `${indent}${n++}. ${rest}`;
  });
  return replaceLines(selection, block, lines);
}

export function toggleQuote(doc: string, selection: Selection): Edit {
  const block = selectedLines(doc, selection);
  const targets = contentLines(block.lines);
  const allQuoted = targets.every((line) => QUOTE.test(line));
  const lines = block.lines.map((line) => {
    if (allQuoted) return line.replace(QUOTE, "");
    // Blank lines get a bare ">" so a multi-paragraph quote stays one quote.
    return line.trim() === "" && block.lines.length > 1 ? ">" : `> ${line}`;
  });
  return replaceLines(selection, block, lines);
}

/** Cycles the line(s) through no heading, `### ` and `#### `: section titles already use the top levels. */
export function cycleHeading(doc: string, selection: Selection): Edit {
  const block = selectedLines(doc, selection);
  const current = HEADING.exec(block.lines[0])?.[1].length ?? 0;
  const next = current === 0 ? 3 : current === 3 ? 4 : current === 4 ? 0 : 3;
  const lines = block.lines.map((line) => {
    const rest = line.replace(HEADING, "");
    return next === 0 ? rest : `${"#".repeat(next)} ${rest}`;
  });
  return replaceLines(selection, block, lines);
}

const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i;

/**
 * Makes a link. Selected text becomes `[text](https://)` with the address part selected, ready to
 * paste over; a selected address becomes `[link text](address)` with "link text" selected; with
 * nothing selected the word at the cursor is used, or a `[link text](https://)` template inserted.
 */
export function insertLink(doc: string, selection: Selection): Edit {
  let { from, to } = selection;
  if (from === to) {
    const word = wordAt(doc, from);
    if (word) ({ from, to } = word);
  }
  const text = doc.slice(from, to);
  if (text === "" || URL_LIKE.test(text.trim())) {
    const url = text.trim() === "" ? "https://" : text.trim();
    const insert = `[link text](${url})`;
    return { from, to, insert, selection: { from: from + 1, to: from + 1 + "link text".length } };
  }
  const insert = `[${text}](https://)`;
  const urlStart = from + text.length + 3;
  return { from, to, insert, selection: { from: urlStart, to: urlStart + "https://".length } };
}
