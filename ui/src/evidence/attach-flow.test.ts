// The sentence an attach report gives for one item, including what was taken out of a photo.
import { describe, expect, it } from "vitest";
import { evidenceItem } from "../test/evidence-fixtures";
import type { AttachOutcome } from "../types";
import { outcomeText } from "./attach-flow";

const outcome = (partial: Partial<AttachOutcome>): AttachOutcome => ({
  item: evidenceItem(4),
  already_attached: false,
  metadata_removed: [],
  saved: { saved_at: "2026-12-02T10:00:00Z", outline: { groups: [], kept_aside: [], can_add: [], completed: 0, total: 0 } },
  ...partial,
});

describe("outcomeText", () => {
  it("says where a new item is cited", () => {
    expect(outcomeText(outcome({}), "here")).toBe("added to your library as E4 and cited here");
  });

  it("names the personal details taken out of a photo", () => {
    expect(outcomeText(outcome({ metadata_removed: ["where it was taken", "the camera's serial number"] }), "here")).toBe(
      "added to your library as E4 and cited here. Personal details were taken out of the photo: where it was taken, the camera's serial number",
    );
  });
});
