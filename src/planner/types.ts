/** What the planner is asked and what it answers: plain data, ready for any renderer. */
import type { Confidence, Range, TransitionKind } from '../domain/types';

export type Optimise = 'steps' | 'time' | 'cost';
export const OPTIMISE_CHOICES: readonly Optimise[] = ['steps', 'time', 'cost'];

export interface PlanRequest {
  /** Role ids (already resolved from what the user typed). */
  from: string;
  to: string;
  /** Qualification ids the person already holds. */
  have: string[];
  optimise: Optimise;
  /** Routes wanted after the best one. */
  alternatives?: number;
  /** A role id the route must pass through. */
  via?: string;
  /** Role or qualification ids never to use. */
  avoid?: string[];
  maxMonths?: number;
  /** No university-only qualifications (degree apprenticeships stay allowed). */
  noDegree?: boolean;
  /** Only qualifications that can be done while employed. */
  earnWhileLearning?: boolean;
  /** Study pace: qualifications with known study hours take hours ÷ this. */
  hoursPerWeek?: number;
}

export interface Named {
  id: string;
  name: string;
}

export interface GainedQualification extends Named {
  kind: string;
  level?: number;
  durationMonths?: Range;
  cost?: Range;
  funding: Named[];
  /** Set when the planner added it because a later qualification needs it. */
  prerequisiteOf?: string;
  /** Other qualifications awarded with it (an apprenticeship's diploma). */
  includes: Named[];
  confidence: Confidence;
}

export interface PlanStep {
  from: Named;
  to: Named;
  kind: TransitionKind;
  routeId: string;
  routeName?: string;
  notes: string[];
  /** Qualifications gained on this step, prerequisites first. */
  gains: GainedQualification[];
  experienceMonths?: Range;
  /** max(experience, total study) for this step. */
  months: Range;
  /** Known costs to the learner; see unknownCost. */
  cost: Range;
  unknownCost: string[];
  unknownDuration: string[];
  confidence: Confidence;
  sources: string[];
}

export interface RouteTotals {
  steps: number;
  months: Range;
  cost: Range;
  /** Qualification ids whose cost no source gives: the cost total is a lower bound. */
  unknownCost: string[];
  unknownDuration: string[];
}

export interface PlannedRoute {
  steps: PlanStep[];
  totals: RouteTotals;
  /** Every qualification to gain, in the order the route gains them. */
  checklist: GainedQualification[];
  /** True when any fact on the route is marked low confidence. */
  indicative: boolean;
}

export interface Plan {
  from: Named;
  to: Named;
  optimise: Optimise;
  have: Named[];
  via?: Named;
  /** The constraints in force, in words ("no university-only routes"), for the summary. */
  constraints: string[];
  hoursPerWeek?: number;
  best: PlannedRoute;
  alternatives: PlannedRoute[];
  /** False when the search was cut short by a safety valve (alternatives may be missing). */
  searchComplete: boolean;
}

/** A move that would lead on towards the goal but cannot be used, and why. */
export interface Blocker {
  from: Named;
  to: Named;
  reason: string;
}

/** Why there is no plan, with what is within reach instead. */
export interface NoRoute {
  from: Named;
  to: Named;
  /** Roles reachable from the start under the constraints, closest to the goal first. */
  reachable: Named[];
  /** Moves that would lead on towards the goal, and what blocks each. */
  blockers: Blocker[];
  reason: string;
  constraints: string[];
}

export type PlanResult = { kind: 'plan'; plan: Plan } | { kind: 'no-route'; noRoute: NoRoute } | { kind: 'same-role'; role: Named };
