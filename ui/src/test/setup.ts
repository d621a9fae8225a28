// Fills gaps in jsdom that the editor (ProseMirror) touches when it measures layout, and resets state between tests.
import { afterEach } from "vitest";

// jsdom has no layout: ProseMirror asks ranges for rectangles when it scrolls the cursor into view.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
const zeroRect = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) }) as DOMRect;
if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyRects;
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = zeroRect;
if (!document.elementFromPoint) document.elementFromPoint = () => null;

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});
