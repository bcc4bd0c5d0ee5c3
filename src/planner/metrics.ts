/**
 * What a route costs, as one record of figures per step, and how each criterion ranks them. Pure
 * arithmetic: the search adds these up for every label it makes.
 */
import type { Optimise } from '../domain/vocabulary';

export interface StepMetrics {
  steps: number;
  monthsMin: number;
  monthsMax: number;
  /** The usual length: each part's typical figure (the middle of its range when none is given). */
  monthsTypical: number;
  /**
   * Typical months for ranking, in whole months: a time in post no source gives counts as
   * UNKNOWN_MONTHS_FOR_RANKING, an unknown qualification length as its kind and level's middle
   * (PlanningGraph.unknownLengthRanked), and a step counts longer when its sources are less sure or it skips
   * a Care Workforce Pathway category.
   */
  weighted: number;
  /** Steps that mean leaving full-time paid work. */
  leavesPaidWork: number;
  costMin: number;
  costMax: number;
  /** Qualifications gained whose cost no source gives. */
  unknownCost: number;
  /** Qualifications gained, or experience, whose length no source gives (counted as 0 months). */
  unknownDuration: number;
  /** Sideways moves: a detour is the last thing to prefer among equals. */
  sideways: number;
}

/**
 * How each criterion ranks totals: the chosen one first, then the others, then fewer sideways
 * detours. A length or cost no source gives is never taken for free: it ranks behind every known
 * one (and the planner lists such a route beside the best, so it is never hidden either).
 * `realistic` ranks on typical months weighted by confidence; equal ones go to the route that
 * keeps the person in paid work.
 */
// Written out, not spread from parts: a search scores every label it makes, mostly as cold code.
export const SCORE: Record<Optimise, (m: StepMetrics) => number[]> = {
  realistic: (m) => [m.weighted, m.leavesPaidWork, m.steps, m.unknownDuration, m.monthsMax, m.monthsMin, m.unknownCost, m.costMax, m.costMin, m.sideways],
  steps: (m) => [m.steps, m.unknownDuration, m.monthsTypical, m.monthsMax, m.monthsMin, m.unknownCost, m.costMax, m.costMin, m.sideways],
  time: (m) => [m.unknownDuration, m.monthsTypical, m.monthsMax, m.monthsMin, m.steps, m.unknownCost, m.costMax, m.costMin, m.sideways],
  cost: (m) => [m.unknownCost, m.costMax, m.costMin, m.unknownDuration, m.monthsTypical, m.monthsMax, m.monthsMin, m.steps, m.sideways],
};

/** Lexicographic comparison of two score vectors. */
export function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

export function maxMetrics(a: StepMetrics, b: StepMetrics): StepMetrics {
  const out = { ...a };
  for (const key of Object.keys(a) as (keyof StepMetrics)[]) out[key] = Math.max(a[key], b[key]);
  return out;
}

export function addMetrics(a: StepMetrics, b: StepMetrics): StepMetrics {
  return {
    steps: a.steps + b.steps,
    monthsMin: a.monthsMin + b.monthsMin,
    monthsMax: a.monthsMax + b.monthsMax,
    monthsTypical: a.monthsTypical + b.monthsTypical,
    weighted: a.weighted + b.weighted,
    leavesPaidWork: a.leavesPaidWork + b.leavesPaidWork,
    costMin: a.costMin + b.costMin,
    costMax: a.costMax + b.costMax,
    unknownCost: a.unknownCost + b.unknownCost,
    unknownDuration: a.unknownDuration + b.unknownDuration,
    sideways: a.sideways + b.sideways,
  };
}

export const NO_METRICS: StepMetrics = {
  steps: 0,
  monthsMin: 0,
  monthsMax: 0,
  monthsTypical: 0,
  weighted: 0,
  leavesPaidWork: 0,
  costMin: 0,
  costMax: 0,
  unknownCost: 0,
  unknownDuration: 0,
  sideways: 0,
};
