// Simple inline SVG icons (no icon font, no emoji), always hidden from screen readers.

const NS = "http://www.w3.org/2000/svg";

// 20x20 line drawings; stroke follows currentColor so both themes work.
const PATHS: Record<string, string[]> = {
  bulletList: ["M8 5h9", "M8 10h9", "M8 15h9", "M3.5 5h.01", "M3.5 10h.01", "M3.5 15h.01"],
  numberList: ["M8 5h9", "M8 10h9", "M8 15h9", "M3 3.5l1.2-.8v4", "M2.6 12.3c.4-.9 2.2-.8 2.1.3 0 .8-2.1 1.7-2.1 2.7h2.3"],
  link: ["M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1", "M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1"],
  // Two opening quotation marks.
  quote: ["M4 10.5h3.5V14H4z", "M4 10.5C4 8 5.2 6.3 7.5 5.5", "M11 10.5h3.5V14H11z", "M11 10.5c0-2.5 1.2-4.2 3.5-5"],
  undo: ["M7 5L3.5 8.5 7 12", "M4 8.5h8a4.5 4.5 0 0 1 0 9H9"],
  redo: ["M13 5l3.5 3.5L13 12", "M16 8.5H8a4.5 4.5 0 0 0 0 9h3"],
  check: ["M5 10.5l3.2 3.2L15 7"],
  plus: ["M10 4v12", "M4 10h12"],
  minus: ["M4 10h12"],
  // A grid with a header row, for tables.
  table: ["M3 4.5h14v11H3z", "M3 8h14", "M3 11.75h14", "M10 4.5v11"],
  warning: ["M10 3l8 14H2z", "M10 8v4", "M10 14.5v.01"],
  folder: ["M2.5 5.5a1 1 0 0 1 1-1h4l2 2h7a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1z"],
  close: ["M5 5l10 10", "M15 5L5 15"],
  // A paper clip, for evidence.
  paperclip: ["M14.5 9.5l-5.3 5.3a3.2 3.2 0 0 1-4.5-4.5l6-6a2.1 2.1 0 0 1 3 3l-6 6a1 1 0 0 1-1.5-1.5l5.3-5.3"],
  arrowUp: ["M10 16V4", "M5 9l5-5 5 5"],
  arrowDown: ["M10 4v12", "M5 11l5 5 5-5"],
  // A circled "i", for advice (warnings that do not stop a submission).
  info: ["M10 17.5a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15z", "M10 9v5", "M10 6.5v.01"],
  // A flag, for a target date and the Ready page.
  flag: ["M4.5 17.5V3", "M4.5 3.5h10l-2 3.5 2 3.5h-10"],
  arrowRight: ["M4 10h12", "M11 5l5 5-5 5"],
  calendar: ["M3.5 5.5h13v11h-13z", "M3.5 8.5h13", "M7 3.5v3", "M13 3.5v3"],
  // A page with lines of text, for the note of text not placed.
  note: ["M5 2.5h7l3 3v12H5z", "M12 2.5v3h3", "M7.5 9h5", "M7.5 12h5", "M7.5 15h3"],
  // A tray with an arrow leaving it, for exporting.
  export: ["M10 12.5V3", "M6 6.5L10 2.5l4 4", "M3.5 11v5.5h13V11"],
  // A box, for an exported portfolio (a .zip or folder).
  package: ["M3 6.5l7-3.5 7 3.5v7.5l-7 3.5-7-3.5z", "M3 6.5l7 3.5 7-3.5", "M10 10v7.5"],
  printer: ["M5.5 7.5V3h9v4.5", "M5.5 14H3.5V8h13v6h-2", "M5.5 11.5h9V17h-9z"],
  // A clock face with a turning arrow, for versions kept over time.
  history: ["M3.5 10a6.5 6.5 0 1 0 2-4.7", "M3 3v3.5h3.5", "M10 6.5V10l2.5 2"],
  eye: ["M1.5 10s3-6 8.5-6 8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6z", "M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z"],
};

export type IconName = keyof typeof PATHS;

export function icon(name: IconName, className = "icon"): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of PATHS[name]) {
    const path = document.createElementNS(NS, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}

/**
 * The sidebar status marks: an empty ring, a half-filled ring, a filled ring with a tick, and a ring
 * with an exclamation mark for a section that needs attention. Shape differs, not only colour.
 */
export function statusIcon(status: "empty" | "in_progress" | "complete" | "problem"): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("class", `status-icon status-${status}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const ring = document.createElementNS(NS, "circle");
  ring.setAttribute("cx", "10");
  ring.setAttribute("cy", "10");
  ring.setAttribute("r", "7.5");
  ring.setAttribute("class", "ring");
  svg.appendChild(ring);
  if (status === "in_progress") {
    const half = document.createElementNS(NS, "path");
    half.setAttribute("d", "M10 2.5a7.5 7.5 0 0 1 0 15z");
    half.setAttribute("class", "fill");
    svg.appendChild(half);
  } else if (status === "complete") {
    const tick = document.createElementNS(NS, "path");
    tick.setAttribute("d", "M6 10.3l2.7 2.7L14 7.5");
    tick.setAttribute("class", "tick");
    svg.appendChild(tick);
  } else if (status === "problem") {
    const mark = document.createElementNS(NS, "path");
    mark.setAttribute("d", "M10 5.8v5.2M10 14.2v.01");
    mark.setAttribute("class", "mark");
    svg.appendChild(mark);
  }
  return svg;
}
