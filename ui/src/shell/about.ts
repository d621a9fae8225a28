// The About dialog: version, where data lives, and that the app is independent of ALT.
import { api } from "../api";
import { h } from "../dom";
import { showInfo } from "./dialogs";

export const INDEPENDENCE =
  "CMALT Portfolio is an independent app. It is not made or endorsed by the Association for Learning Technology (ALT). CMALT is a trademark of ALT.";

export async function showAbout(): Promise<void> {
  const info = await api.appInfo().catch(() => null);
  await showInfo(
    "About CMALT Portfolio",
    h(
      "div",
      { class: "about" },
      info
        ? h(
            "dl",
            { class: "facts" },
            h("dt", null, "Version"),
            h("dd", null, info.version),
            h("dt", null, "Data folder"),
            h("dd", { class: "path" }, info.data_folder),
          )
        : null,
      h("p", null, INDEPENDENCE),
    ),
  );
}
