// Entry point: loads the styles and starts the app in #app.
import "./styles/base.css";
import "./styles/start.css";
import "./styles/portfolio.css";
import "./styles/section.css";
import "./styles/editor.css";
import "./styles/dialogs.css";
import "./styles/evidence.css";
import "./styles/checklist.css";
import "./styles/import.css";
import "./styles/export.css";
import "./styles/versions.css";
import "./styles/reviews.css";
import { api } from "./api";
import { startApp } from "./shell/app";
import { installLinkGuard } from "./shell/link-guard";
import { installWindowHooks } from "./shell/window-hooks";

installLinkGuard(api.openWebLink);

const root = document.getElementById("app");
if (root) {
  void startApp(root).then((app) => {
    if (app) installWindowHooks(app);
  });
}
