// Reading the assessors' verdict from the portfolio: the latest outcome of the pathway worked on,
// the sections it marked R (revisions required), and the feedback beside each section.
import { h, paragraphs, srOnly } from "../dom";
import { longDate, pathwayName } from "../format";
import type { Assessment, Framework, Outcome, OutcomeId, Portfolio, PreviousAward, Rating, SectionFeedback } from "../types";

export const RATING_NAMES: Record<Rating, string> = {
  strong: "Strong",
  adequate: "Adequate",
  revisions_required: "Revisions required",
};

export const RATING_LETTERS: Record<Rating, string> = {
  strong: "S",
  adequate: "A",
  revisions_required: "R",
};

/** The latest assessment of the pathway the portfolio is on now (an upgrade starts afresh). */
export function latestAssessment(portfolio: Portfolio): Assessment | null {
  const list = portfolio.assessments ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].pathway === portfolio.pathway) return list[i];
  }
  return null;
}

export function outcomeOf(framework: Framework, id: OutcomeId): Outcome | null {
  return (framework.outcomes ?? []).find((o) => o.id === id) ?? null;
}

export function outcomeName(framework: Framework, id: OutcomeId): string {
  return outcomeOf(framework, id)?.name ?? id;
}

/** Sections the assessment marked R, in id order. */
export function sectionsToRevise(assessment: Assessment | null): string[] {
  if (!assessment) return [];
  return Object.entries(assessment.sections)
    .filter(([, f]) => f.rating === "revisions_required")
    .map(([id]) => id)
    .sort();
}

/** The sections to revise while the latest outcome is a referral; [] otherwise. */
export function openReferral(framework: Framework, portfolio: Portfolio): { assessment: Assessment; toRevise: string[] } | null {
  const latest = latestAssessment(portfolio);
  if (!latest || !outcomeOf(framework, latest.outcome)?.referral) return null;
  return { assessment: latest, toRevise: sectionsToRevise(latest) };
}

/** What the latest assessment said about one section, when it said anything. */
export function feedbackFor(portfolio: Portfolio, sectionId: string): { assessment: Assessment; feedback: SectionFeedback } | null {
  const latest = latestAssessment(portfolio);
  const feedback = latest?.sections[sectionId];
  if (!latest || !feedback || (!feedback.rating && !feedback.feedback.trim())) return null;
  return { assessment: latest, feedback };
}

/** The panel beside a section's editors: the assessors' rating and words for it. */
export function feedbackPanel(framework: Framework, portfolio: Portfolio, sectionId: string): HTMLElement | null {
  const found = feedbackFor(portfolio, sectionId);
  if (!found) return null;
  const { assessment, feedback } = found;
  const revise = feedback.rating === "revisions_required";
  return h(
    "aside",
    { class: revise ? "feedback-panel revise" : "feedback-panel", "data-testid": "feedback-panel", "aria-label": "Assessors' feedback" },
    h("h2", { class: "small-heading" }, "Assessors' feedback"),
    h(
      "p",
      { class: "feedback-meta" },
      feedback.rating
        ? h("span", { class: `rating-badge rating-${feedback.rating}`, "data-testid": "feedback-rating" }, RATING_NAMES[feedback.rating])
        : null,
      `${feedback.rating ? " · " : ""}${outcomeName(framework, assessment.outcome)}, received ${longDate(assessment.received_on)}`,
    ),
    feedback.feedback.trim() ? h("div", { class: "feedback-text", "data-testid": "feedback-text" }, paragraphs(feedback.feedback)) : null,
    revise
      ? h(
          "p",
          { class: "hint" },
          "Revise this section with their comments in mind. The summary of revisions you can add to your export shows what you changed.",
        )
      : null,
  );
}

/** The sidebar's mark on a section the assessors rated R. */
export function reviseBadge(): HTMLElement {
  return h(
    "span",
    { class: "nav-badge revise", "data-testid": "revise-badge", title: "Revisions required" },
    h("span", { "aria-hidden": "true" }, "R"),
    srOnly(", revisions required"),
  );
}

/** "You hold Associate CMALT (2024). Say how…": for the contextual statement's guidance. */
export function previousAwardText(framework: Framework, award: PreviousAward | null): string | null {
  if (!award) return null;
  const year = award.year ? ` (${award.year})` : "";
  return `You hold ${pathwayName(framework, award.pathway)}${year}. Say how this portfolio revises and adds to that one: what you have done since, and how your practice has grown.`;
}
