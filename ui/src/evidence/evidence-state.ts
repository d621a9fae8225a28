// The evidence library as the open portfolio window knows it: loaded once, refreshed after every change,
// with listeners (the section panel, the library page) redrawn when it changes.
import { api } from "../api";
import type { Autosave } from "../editor/autosave";
import { entryOf, type Store } from "../state";
import type { LibraryRow, LibraryView, Outline, Portfolio, Saved } from "../types";

export interface Evidence {
  /** the newest library view, or null before it has loaded (or when it could not) */
  view(): LibraryView | null;
  row(evidenceId: string): LibraryRow | undefined;
  outline(): Outline | null;
  /** Load the library (when the portfolio opens); resolves false when it could not be read. */
  load(): Promise<boolean>;
  /** Write pending typing first, so an evidence change never races a save of the same section. */
  beforeChange(): Promise<void>;
  /** Reload the portfolio's citations and the library after a change; `saved` carries the newest outline. */
  refresh(saved?: Saved | null): Promise<void>;
  onChange(listener: () => void): () => void;
  /** Show the library page, optionally with one item highlighted. */
  openLibrary(highlight?: string): void;
  openSection(sectionId: string): void;
  /** the section page shown now, if any (where dropped files are cited by default) */
  currentSection(): string | null;
}

export interface EvidenceOptions {
  store: Store;
  autosave: Autosave;
  openLibrary(highlight?: string): void;
  openSection(sectionId: string): void;
  currentSection(): string | null;
}

/**
 * Takes the citations from a freshly loaded portfolio into the local copy, leaving everything else
 * (words typed but perhaps not saved yet) as it is. Pages hold the local section objects, so those
 * objects are updated in place rather than replaced.
 */
export function mergeCitations(local: Portfolio, fresh: Portfolio): void {
  for (const [id, entry] of Object.entries(fresh.sections)) {
    entryOf(local, id).citations = entry.citations.map((c) => ({ ...c }));
  }
  for (const [id, entry] of Object.entries(local.sections)) {
    if (!fresh.sections[id]) entry.citations = [];
  }
}

export function createEvidence(options: EvidenceOptions): Evidence {
  const { store, autosave } = options;
  const listeners = new Set<() => void>();
  let view: LibraryView | null = null;
  let sequence = 0;
  let loading: Promise<boolean> | null = null;

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  return {
    view: () => view,
    row: (id) => view?.rows.find((row) => row.item.id === id),
    outline: () => store.session()?.outline ?? null,
    load() {
      // One load at a time: the screen and the library page may both ask at the start.
      if (loading) return loading;
      const mine = ++sequence;
      loading = api
        .evidenceLibrary()
        .then(
          (library) => {
            // A refresh started since then brings a newer view.
            if (mine === sequence) {
              view = library;
              emit();
            }
            return true;
          },
          () => false,
        )
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    async beforeChange() {
      await autosave.flush().catch(() => undefined);
    },
    async refresh(saved) {
      const mine = ++sequence;
      if (saved) store.setOutline(saved.outline);
      const [opened, library] = await Promise.all([api.current().catch(() => null), api.evidenceLibrary().catch(() => null)]);
      // An older refresh finishing late must not undo a newer one.
      if (mine !== sequence) return;
      const session = store.session();
      if (!session) return;
      if (opened && opened.folder === session.folder) {
        mergeCitations(session.portfolio, opened.portfolio);
        if (!saved) store.setOutline(opened.outline);
      }
      if (library) view = library;
      emit();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openLibrary: (highlight) => options.openLibrary(highlight),
    openSection: (id) => options.openSection(id),
    currentSection: () => options.currentSection(),
  };
}
