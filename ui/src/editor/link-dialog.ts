// The Link dialog: the words shown and the address they go to, prefilled from the selection.
import { h, uid } from "../dom";
import { openDialog } from "../shell/dialogs";

export type LinkChoice = { action: "save"; text: string; href: string } | { action: "remove" } | null;

export type AddressCheck = { href: string } | { error: string };

const ADDRESS_HELP = "Addresses need to start with https://, http:// or mailto:, for example https://www.example.ac.uk.";

/**
 * The address as it will be saved, or why it cannot be. Web and email addresses typed without
 * their prefix (www.example.ac.uk, name@example.ac.uk) are completed; anything else that is not
 * http(s) or mailto (a file path, javascript:) is refused.
 */
export function checkLinkAddress(input: string): AddressCheck {
  const address = input.trim();
  if (address === "") return { error: "Type or paste the address the link goes to." };
  if (/\s/.test(address)) return { error: "An address cannot contain spaces." };
  let href = address;
  if (/^www\./i.test(address)) href = `https://${address}`;
  else if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(address)) href = `mailto:${address}`;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(href)) return { href };
  if (!/^https?:\/\//i.test(href)) return { error: ADDRESS_HELP };
  try {
    const url = new URL(href);
    if (!url.hostname.includes(".") && url.hostname !== "localhost")
      return { error: `“${url.hostname}” is not a full web address. ${ADDRESS_HELP}` };
  } catch {
    return { error: ADDRESS_HELP };
  }
  return { href };
}

export function openLinkDialog(initial: { text: string; href: string }): Promise<LinkChoice> {
  // The first empty field gets the focus: the address when words were selected, else the text.
  const textInput = h("input", {
    type: "text",
    class: "text-input",
    "data-testid": "link-text",
    value: initial.text,
    autocomplete: "off",
    "data-autofocus": initial.text ? undefined : "",
  });
  const hrefInput = h("input", {
    type: "url",
    class: "text-input",
    "data-testid": "link-address",
    value: initial.href,
    autocomplete: "off",
    spellcheck: "false",
    "data-autofocus": initial.text ? "" : undefined,
  });
  const messageId = uid("link-message");
  const message = h("p", { id: messageId, class: "field-message", role: "alert", "data-testid": "link-message" });
  hrefInput.setAttribute("aria-describedby", messageId);
  const textId = uid("link-text");
  const hrefId = uid("link-address");
  textInput.id = textId;
  hrefInput.id = hrefId;

  let result: LinkChoice = null;
  const save = () => {
    const checked = checkLinkAddress(hrefInput.value);
    if ("error" in checked) {
      message.textContent = checked.error;
      hrefInput.setAttribute("aria-invalid", "true");
      hrefInput.focus();
      return false;
    }
    result = { action: "save", text: textInput.value.trim(), href: checked.href };
    return true;
  };

  return openDialog<LinkChoice | "cancel" | "saved">({
    title: initial.href ? "Edit link" : "Add a link",
    testid: "link-dialog",
    body: h(
      "div",
      { class: "link-form" },
      h("div", { class: "form-row" }, h("label", { for: textId }, "Text"), textInput),
      h("div", { class: "form-row" }, h("label", { for: hrefId }, "Address"), hrefInput, message),
    ),
    actions: [
      ...(initial.href
        ? [{ label: "Remove link", value: { action: "remove" } as LinkChoice, kind: "plain" as const, testid: "link-remove" }]
        : []),
      { label: "Cancel", value: "cancel" as const, kind: "plain" as const },
      { label: "Save link", value: "saved" as const, kind: "primary" as const, testid: "link-save", run: save },
    ],
    cancelValue: "cancel",
  }).then((choice) => (choice === "saved" ? result : choice === "cancel" ? null : choice));
}
