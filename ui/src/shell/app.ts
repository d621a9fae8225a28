// Starts the UI: loads the framework, sets up saving, and swaps between the start and portfolio screens.
import { api, messageOf } from "../api";
import type { AppContext, Screen } from "../app-context";
import { h, replaceChildren } from "../dom";
import { createAutosave } from "../editor/autosave";
import { createStore } from "../state";
import type { Framework } from "../types";
import { createPortfolioScreen } from "./portfolio-screen";
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
    },
    showPortfolio(opened) {
      store.setOpened(opened);
      store.setSaveState(autosave.state());
      show(createPortfolioScreen(app));
    },
  };

  // After a reload of the web view the backend may still have a portfolio open.
  const current = await api.current().catch(() => null);
  if (current) app.showPortfolio(current);
  else app.showStart();
  return app;
}
