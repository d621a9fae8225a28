// Starts the UI: loads the framework, sets up saving, and swaps between the start and portfolio screens.
import { listen } from "@tauri-apps/api/event";
import { api, messageOf, OPEN_REQUESTED_EVENT } from "../api";
import type { AppContext, Screen } from "../app-context";
import { h, replaceChildren } from "../dom";
import { createAutosave } from "../editor/autosave";
import { createStore } from "../state";
import type { Framework } from "../types";
import { openPortfolio } from "./open-flow";
import { createPortfolioScreen } from "./portfolio-screen";
import { applySpelling } from "./spelling";
import { createStartScreen } from "./start-screen";

export async function startApp(root: HTMLElement): Promise<AppContext | null> {
  let framework: Framework;
  try {
    framework = await api.framework();
  } catch (error) {
    replaceChildren(
      root,
      h(
        "main",
        { class: "start-screen fatal" },
        h("h1", null, "CMALT Portfolio could not start"),
        h("p", { "data-testid": "error-message" }, messageOf(error)),
        h("p", null, "Your portfolios are untouched. Please restart the app."),
      ),
    );
    return null;
  }

  const store = createStore(framework);
  const autosave = createAutosave({
    saveSection: api.saveSection,
    onSaved: (saved) => store.setOutline(saved.outline),
    onState: (state) => store.setSaveState(state),
    describeError: messageOf,
  });

  let screen: Screen | null = null;
  const show = (next: Screen) => {
    screen?.destroy();
    screen = next;
    replaceChildren(root, next.element);
    // A new screen opens at its top, whatever the last one was scrolled to.
    next.element.scrollTop = 0;
    document.scrollingElement?.scrollTo(0, 0);
    next.mounted?.();
  };
  // The document has nothing to scroll (base.css); should a focus or scrollIntoView still move
  // it, put it back, or the top bar would stay out of view.
  window.addEventListener("scroll", () => {
    if (window.scrollY !== 0 || window.scrollX !== 0) window.scrollTo(0, 0);
  });

  const app: AppContext = {
    root,
    store,
    autosave,
    showStart() {
      store.setOpened(null);
      show(createStartScreen(app));
      void applySpelling();
    },
    showPortfolio(opened) {
      store.setOpened(opened);
      store.setSaveState(autosave.state());
      show(createPortfolioScreen(app));
      void applySpelling();
    },
  };

  // After a reload of the web view the backend may still have a portfolio open.
  const current = await api.current().catch(() => null);
  if (current) app.showPortfolio(current);
  else {
    // Started on a folder (`cmalt-portfolio open DIR`, "Open with"): the start screen stays
    // underneath, so a refusal is explained over it and the candidate can pick another.
    app.showStart();
    await openPortfolio(app, api.openRequestedPortfolio);
  }
  // A second launch on a folder while this window is open: save what is pending, then open it.
  try {
    await listen(OPEN_REQUESTED_EVENT, () => {
      void autosave
        .flush()
        .catch(() => undefined)
        .then(() => openPortfolio(app, api.openRequestedPortfolio));
    });
  } catch {
    // Not inside Tauri (a browser during `npm run dev`): no second launches to hear about.
  }
  return app;
}
