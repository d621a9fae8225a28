// Asks the backend to render Markdown a moment after typing stops, ignoring answers that arrive out of order.
import type { Preview } from "../types";

export interface Previewer {
  /** Render this text soon (or now); a function is asked for the text only when it renders. */
  request(text: string | (() => string), now?: boolean): void;
  dispose(): void;
}

export function createPreviewer(
  render: (markdown: string) => Promise<Preview>,
  onResult: (preview: Preview) => void,
  onError: (error: unknown) => void,
  delayMs = 200,
): Previewer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;
  let disposed = false;

  const run = (text: string | (() => string)) => {
    const mine = ++sequence;
    render(typeof text === "function" ? text() : text).then(
      (preview) => {
        if (!disposed && mine === sequence) onResult(preview);
      },
      (error) => {
        if (!disposed && mine === sequence) onError(error);
      },
    );
  };

  return {
    request(text, now = false) {
      if (timer) clearTimeout(timer);
      timer = null;
      if (now) run(text);
      else timer = setTimeout(() => run(text), delayMs);
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
