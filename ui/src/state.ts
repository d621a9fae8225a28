// The one place that holds what is open (framework, portfolio, outline, save state) and tells screens when it changes.
import type { SaveState } from "./editor/autosave";
import type { Framework, OpenedPortfolio, Outline, Portfolio, ReviewWords, SectionEntry } from "./types";

type Listener<T> = (value: T) => void;

function emitter<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    on(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T): void {
      for (const listener of [...listeners]) listener(value);
    },
  };
}

export interface Session {
  folder: string;
  /**
   * The portfolio as the candidate sees it: edits are written here as they are typed, before they
   * are saved, so a page opened again shows the newest words even while a save is still pending.
   */
  portfolio: Portfolio;
  outline: Outline;
  /** The core's words for the reviews' comments and suggestions, as last sent. */
  review_words: ReviewWords;
}

export interface Store {
  readonly framework: Framework;
  session(): Session | null;
  setOpened(opened: OpenedPortfolio | null): void;
  setOutline(outline: Outline): void;
  onOutline(listener: Listener<Outline>): () => void;
  saveState(): SaveState;
  setSaveState(state: SaveState): void;
  onSaveState(listener: Listener<SaveState>): () => void;
  onPortfolio(listener: Listener<Portfolio>): () => void;
  /** Tell listeners (the top bar) that the portfolio object was edited in place. */
  portfolioChanged(): void;
}

export function createStore(framework: Framework): Store {
  let session: Session | null = null;
  let saveState: SaveState = { kind: "saved" };
  const outlineEvents = emitter<Outline>();
  const saveEvents = emitter<SaveState>();
  const portfolioEvents = emitter<Portfolio>();
  return {
    framework,
    session: () => session,
    setOpened(opened) {
      session = opened
        ? { folder: opened.folder, portfolio: opened.portfolio, outline: opened.outline, review_words: opened.review_words }
        : null;
    },
    setOutline(outline) {
      if (!session) return;
      session.outline = outline;
      outlineEvents.emit(outline);
    },
    onOutline: outlineEvents.on,
    saveState: () => saveState,
    setSaveState(state) {
      saveState = state;
      saveEvents.emit(state);
    },
    onSaveState: saveEvents.on,
    onPortfolio: portfolioEvents.on,
    portfolioChanged() {
      if (session) portfolioEvents.emit(session.portfolio);
    },
  };
}

export function emptyEntry(): SectionEntry {
  return { topic: "", description: "", reflection: "", references: "", citations: [], principles: [] };
}

/** The entry for a section, created in the local copy if the portfolio has none yet. */
export function entryOf(portfolio: Portfolio, sectionId: string): SectionEntry {
  let entry = portfolio.sections[sectionId];
  if (!entry) {
    entry = emptyEntry();
    portfolio.sections[sectionId] = entry;
  }
  return entry;
}
