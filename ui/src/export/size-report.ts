// How big an export is against the scheme's limit for a whole submission: a meter with words, what to
// do when it is over, the largest parts and, for a single page, the files left out of it.
import { h } from "../dom";
import { icon } from "../icons";
import type { SizeItem, SizeReport } from "../types";

const itemList = (items: SizeItem[], testid: string) =>
  h(
    "ul",
    { class: "size-list", "data-testid": testid },
    items.map((item) => h("li", null, h("span", { class: "size-name" }, item.name), h("span", { class: "size-bytes" }, item.size))),
  );

export function createSizeReport(report: SizeReport): HTMLElement {
  const over = !report.within_limit;
  return h(
    "div",
    { class: over ? "size-report over" : "size-report", "data-over": String(over) },
    h("p", { class: "size-total", "data-testid": "size-total" }, over ? icon("warning") : null, h("strong", null, report.summary)),
    h("meter", {
      class: "size-meter",
      min: "0",
      max: String(report.limit_bytes),
      value: String(Math.min(report.total_bytes, report.limit_bytes)),
      "aria-hidden": "true",
    }),
    over
      ? h(
          "p",
          { class: "size-advice", "data-testid": "size-advice" },
          "The scheme accepts at most ",
          report.limit,
          " for a whole submission. To make it smaller, link big items instead of attaching them: put a large file somewhere online your assessors can reach and add it to the Evidence library as a link. You can still export it as it is.",
        )
      : null,
    report.largest.length > 0 ? [h("h3", { class: "small-heading" }, "The largest parts"), itemList(report.largest, "size-largest")] : null,
    report.left_out.length > 0
      ? [
          h("h3", { class: "small-heading" }, "Listed by title, not inside the page"),
          h("p", { class: "hint" }, "The page names these files, but your assessors will not be able to open them from it."),
          itemList(report.left_out, "size-left-out"),
        ]
      : null,
  );
}
