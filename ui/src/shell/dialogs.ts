// Modal dialogs on <dialog>: focus stays inside, Escape cancels, focus returns where it was.
import { messageOf } from "../api";
import { type Child, focusables, h, uid } from "../dom";

export interface DialogAction<T> {
  label: string;
  value: T;
  kind?: "primary" | "danger" | "plain";
  testid?: string;
  /** receives focus when the dialog opens (the safe choice, for destructive questions) */
  focus?: boolean;
  /**
   * Work to do before the dialog closes with this action (e.g. saving what the form says).
   * Resolve false to keep the dialog open, for example to show a refusal inline. While it runs
   * the buttons are disabled and Escape waits.
   */
  run?: () => boolean | Promise<boolean>;
}

export interface DialogOptions<T> {
  title: string;
  body?: Child;
  /** builds the body with a way to close the dialog from inside it (e.g. a list of choices) */
  build?: (close: (value: T) => void) => Child;
  actions: DialogAction<T>[];
  /** what Escape means */
  cancelValue: T;
  testid?: string;
  wide?: boolean;
}

export function openDialog<T>(options: DialogOptions<T>): Promise<T> {
  return new Promise<T>((resolve) => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const titleId = uid("dialog-title");
    let done = false;
    let busy = false;

    const finish = (value: T) => {
      if (done) return;
      done = true;
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      dialog.remove();
      // The opener may be gone (a dialog shown after the screen changed): land on the page heading.
      if (previous?.isConnected) previous.focus();
      else document.querySelector<HTMLElement>("main h1[tabindex='-1']")?.focus();
      resolve(value);
    };

    const buttons = options.actions.map((action) =>
      h(
        "button",
        {
          type: "button",
          class: `button ${action.kind ?? "plain"}`,
          "data-testid": action.testid,
          onclick: () => void choose(action),
        },
        action.label,
      ),
    );

    const choose = async (action: DialogAction<T>) => {
      if (busy || done) return;
      if (!action.run) {
        finish(action.value);
        return;
      }
      busy = true;
      dialog.setAttribute("aria-busy", "true");
      for (const button of buttons) button.disabled = true;
      let ok = false;
      try {
        ok = await action.run();
      } catch (error) {
        console.error(error);
      }
      busy = false;
      dialog.removeAttribute("aria-busy");
      for (const button of buttons) button.disabled = false;
      if (ok) finish(action.value);
    };

    const dialog = h(
      "dialog",
      {
        class: options.wide ? "dialog wide" : "dialog",
        "aria-labelledby": titleId,
        "aria-modal": "true",
        "data-testid": options.testid,
      },
      h("h2", { id: titleId, class: "dialog-title" }, options.title),
      h("div", { class: "dialog-body" }, options.build ? options.build(finish) : options.body),
      h("div", { class: "dialog-actions" }, buttons),
    );

    dialog.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        if (!busy) finish(options.cancelValue);
      } else if (event.key === "Enter" && !event.defaultPrevented && !event.isComposing && isTextInput(event.target)) {
        // Enter in a one-line field does what the main button says, as in a form.
        const primary = options.actions.findIndex((a) => a.kind === "primary");
        if (primary >= 0) {
          event.preventDefault();
          buttons[primary].click();
        }
      } else if (event.key === "Tab") {
        trapTab(dialog, event);
      }
    });
    // The browser's own Escape handling, in case the key event did not reach us first.
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      if (!busy) finish(options.cancelValue);
    });

    document.body.appendChild(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");

    // A field marked data-autofocus (the first thing to fill in) wins over the buttons.
    const field = dialog.querySelector<HTMLElement>("[data-autofocus]");
    const chosen = options.actions.findIndex((a) => a.focus);
    const primary = options.actions.findIndex((a) => a.kind === "primary");
    const index = chosen >= 0 ? chosen : primary >= 0 ? primary : 0;
    (field ?? buttons[index] ?? focusables(dialog)[0])?.focus();
  });
}

function isTextInput(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && ["text", "url", "search", "email"].includes(target.type);
}

/** Keeps Tab and Shift+Tab cycling within the dialog. */
function trapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  const items = focusables(dialog);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Any error, told calmly, with OK. */
export function showError(error: unknown, title = "That did not work"): Promise<void> {
  return openDialog<void>({
    title,
    testid: "error-dialog",
    body: h("p", { "data-testid": "error-message" }, messageOf(error)),
    actions: [{ label: "OK", value: undefined, kind: "primary" }],
    cancelValue: undefined,
  });
}

export function showInfo(title: string, body: Child): Promise<void> {
  return openDialog<void>({
    title,
    body: typeof body === "string" ? h("p", null, body) : body,
    actions: [{ label: "OK", value: undefined, kind: "primary" }],
    cancelValue: undefined,
  });
}

export interface ConfirmOptions {
  title: string;
  body: Child;
  confirmLabel: string;
  cancelLabel?: string;
  /** destructive: the confirm button is marked as such and focus starts on Cancel */
  danger?: boolean;
  testid?: string;
  confirmTestid?: string;
  cancelTestid?: string;
  wide?: boolean;
}

export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return openDialog<boolean>({
    title: options.title,
    testid: options.testid,
    wide: options.wide,
    body: typeof options.body === "string" ? h("p", null, options.body) : options.body,
    actions: [
      { label: options.cancelLabel ?? "Cancel", value: false, testid: options.cancelTestid, focus: options.danger },
      {
        label: options.confirmLabel,
        value: true,
        kind: options.danger ? "danger" : "primary",
        testid: options.confirmTestid,
      },
    ],
    cancelValue: false,
  });
}
