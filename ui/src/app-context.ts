// What the screens share: the store, the autosave, and how to move between the start and portfolio screens.
import type { Autosave } from "./editor/autosave";
import type { Store } from "./state";
import type { OpenedPortfolio } from "./types";

export interface Screen {
  element: HTMLElement;
  /** called after the element is in the document */
  mounted?(): void;
  destroy(): void;
}

export interface AppContext {
  root: HTMLElement;
  store: Store;
  autosave: Autosave;
  showStart(): void;
  showPortfolio(opened: OpenedPortfolio): void;
}
