// Spelling: the core turns the web view's checker on in the portfolio's language; the page says
// which language it is written in, so screen readers pronounce it right.
import { api } from "../api";

/** Applies the open portfolio's spelling language; `note` shows why words are not underlined, if so. */
export async function applySpelling(note?: HTMLElement): Promise<void> {
  try {
    const status = await api.useSpelling();
    document.documentElement.lang = status.language.code;
    if (note) note.textContent = status.note ?? "";
  } catch {
    // Spelling stays as it was; writing goes on.
  }
}
