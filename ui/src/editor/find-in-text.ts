// Find and replace inside one editor: every match highlighted, one of them current.
// Matches are searched in runs of text only, so never across a citation chip, a picture or a line
// break, and never in a link's address (an attribute, not text).
import { type Editor, Extension } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface FindMatch {
  from: number;
  to: number;
}

interface FindState {
  query: string;
  /** Case counts, as the find panel's "Match case" asks. */
  matchCase: boolean;
  matches: FindMatch[];
  /** index into matches, or -1 */
  current: number;
  decorations: DecorationSet;
}

type FindMeta = { query: string; matchCase: boolean; current?: number } | { current: number };

export const findKey = new PluginKey<FindState>("findInText");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** All matches of `query` in the document's runs of text, ignoring case unless `matchCase`. */
export function findMatches(doc: ProseMirrorNode, query: string, matchCase = false): FindMatch[] {
  if (query === "") return [];
  const pattern = new RegExp(escapeRegExp(query), matchCase ? "gu" : "giu");
  const matches: FindMatch[] = [];
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    // A run is consecutive text nodes; any inline node that is not text ends it.
    let run = "";
    let runStart = -1;
    const flush = () => {
      for (const match of run.matchAll(pattern)) {
        const from = runStart + (match.index ?? 0);
        matches.push({ from, to: from + match[0].length });
      }
      run = "";
      runStart = -1;
    };
    block.forEach((child, offset) => {
      if (child.isText) {
        if (runStart < 0) runStart = blockPos + 1 + offset;
        run += child.text;
      } else {
        flush();
      }
    });
    flush();
    return false;
  });
  return matches;
}

function decorate(doc: ProseMirrorNode, matches: FindMatch[], current: number): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? "find-match current" : "find-match" })),
  );
}

const EMPTY: FindState = { query: "", matchCase: false, matches: [], current: -1, decorations: DecorationSet.empty };

function nextState(tr: Transaction, previous: FindState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined;
  const query = meta && "query" in meta ? meta.query : previous.query;
  const matchCase = meta && "query" in meta ? meta.matchCase : previous.matchCase;
  if (query === "") return EMPTY;
  if (!meta && !tr.docChanged) return previous;
  const matches = meta && !("query" in meta) && !tr.docChanged ? previous.matches : findMatches(tr.doc, query, matchCase);
  let current = meta?.current ?? previous.current;
  if (matches.length === 0) current = -1;
  else current = Math.min(Math.max(current, 0), matches.length - 1);
  return { query, matchCase, matches, current, decorations: decorate(tr.doc, matches, current) };
}

export const FindInText = Extension.create({
  name: "findInText",
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: { init: () => EMPTY, apply: nextState },
        props: { decorations: (state) => findKey.getState(state)?.decorations },
      }),
    ];
  },
});

export interface FindController {
  /** Highlights every match and makes the first one current; returns how many there are. */
  find(query: string, matchCase?: boolean): number;
  next(): boolean;
  previous(): boolean;
  /** Replaces the current match, as one undoable step, and moves to the next. */
  replaceCurrent(text: string): boolean;
  /** Replaces every match, as one undoable step; returns how many. */
  replaceAll(query: string, text: string, matchCase?: boolean): number;
  clear(): void;
  state(): { query: string; matches: readonly FindMatch[]; current: number };
}

export function createFindController(editor: Editor): FindController {
  const state = () => findKey.getState(editor.state) ?? EMPTY;
  const dispatch = (tr: Transaction) => editor.view.dispatch(tr);

  const show = (index: number): boolean => {
    const { matches } = state();
    if (matches.length === 0) return false;
    const current = (index + matches.length) % matches.length;
    const match = matches[current];
    const tr = editor.state.tr.setMeta(findKey, { current });
    tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
    dispatch(tr);
    return true;
  };

  return {
    find(query, matchCase = false) {
      dispatch(editor.state.tr.setMeta(findKey, { query, matchCase, current: 0 }));
      const found = state().matches.length;
      if (found > 0) show(0);
      return found;
    },
    next: () => show(state().current + 1),
    previous: () => show(state().current - 1),
    replaceCurrent(text) {
      const { matches, current } = state();
      if (!editor.isEditable || current < 0) return false;
      const match = matches[current];
      const tr = closeHistory(editor.state.tr.insertText(text, match.from, match.to));
      tr.setMeta(findKey, { current });
      dispatch(tr);
      // The replaced text no longer matches (unless it contains the query), so `current` now
      // points at the following match; select it.
      if (state().matches.length > 0) show(state().current);
      return true;
    },
    replaceAll(query, text, matchCase = false) {
      if (!editor.isEditable) return 0;
      const matches = findMatches(editor.state.doc, query, matchCase);
      if (matches.length === 0) return 0;
      const tr = editor.state.tr;
      // From the end, so earlier positions stay valid.
      for (const match of [...matches].reverse()) tr.insertText(text, match.from, match.to);
      dispatch(closeHistory(tr));
      return matches.length;
    },
    clear() {
      dispatch(editor.state.tr.setMeta(findKey, { query: "", matchCase: false }));
    },
    state: () => {
      const { query, matches, current } = state();
      return { query, matches, current };
    },
  };
}
