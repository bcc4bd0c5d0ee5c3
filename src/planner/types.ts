/** What the planner is asked and what it answers: plain data, ready for any renderer. */
import type { Confidence, Range, TransitionKind } from '../domain/types';
import type { ConditionKind, GateQualification, Nation, Optimise } from '../domain/vocabulary';
import type { SearchLimit } from './limits';

export { OPTIMISE_CHOICES, type Optimise } from '../domain/vocabulary';

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
  /**
   * Months already served in the starting role. They
   * count against the first step's time in post only: the time before the course first, then the
   * time alongside it.
   */
  monthsInRole?: number;
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

/** A condition that decides whether a person can take a step at all. */
export interface StepCondition {
  kind: ConditionKind;
  text: string;
}

/** The registration (or approval) a step into a registered role passes through. */
export interface RegistrationGate {
  role: Named;
  body: string;
  required: boolean;
  checks?: string;
  qualification?: GateQualification;
  approval?: string;
  sources: string[];
}

/** The time in post a step expects: before the course starts, alongside it, or not in the sources. */
export interface StepExperience {
  before?: Range;
  alongside?: Range;
  /** Why no source gives the experience; the step's length is then unknown. */
  unknown?: string;
  /** The months already served in the starting role that counted (first step only), and what is left of each need after them. */
  served?: ServedExperience;
}

export interface ServedExperience {
  months: number;
  /** What is still to serve of `before` and `alongside` (each present when the need is). */
  before?: Range;
  alongside?: Range;
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
  experience: StepExperience;
  /** before + max(study, alongside) for this step. */
  months: Range;
  /** The usual length, what plans are ranked on. */
  typicalMonths: number;
  /** Known costs to the learner; see unknownCost. */
  cost: Range;
  unknownCost: string[];
  unknownDuration: string[];
  conditions: StepCondition[];
  gate?: RegistrationGate;
  confidence: Confidence;
  sources: string[];
}

export interface RouteTotals {
  steps: number;
  months: Range;
  typicalMonths: number;
  /** Steps that mean leaving full-time paid work (university-only courses). */
  leavesPaidWork: number;
  /** Steps whose experience no source gives: the month total is then a lower bound. */
  unknownExperience: number;
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
  /** Why this route is shown: the best, or what an alternative is best at. */
  reasons: RouteReason[];
}

/** What a route shown in a plan is best at, among the routes shown. */
export type RouteReason =
  | 'realistic'
  | 'firmer-sources'
  | 'fastest'
  | 'earn-while-learning'
  | 'cheapest'
  | 'fewest-moves'
  | 'registers-on-the-way'
  | 'time-unknown'
  | 'next-best';
export const ROUTE_REASON_LABEL: Record<RouteReason, string> = {
  realistic: 'most realistic',
  'firmer-sources': 'rests on firmer sources',
  fastest: 'fastest of the routes whose lengths are all known',
  'earn-while-learning': 'earn while you learn',
  cheapest: 'cheapest',
  'fewest-moves': 'fewest job changes',
  'registers-on-the-way': 'a registered role on the way',
  'time-unknown': 'length not in the sources: may be quicker',
  'next-best': 'next most realistic',
};

export interface Plan {
  from: Named;
  to: Named;
  optimise: Optimise;
  have: Named[];
  via?: Named;
  /** The constraints in force, in words ("no university-only routes"), for the summary. */
  constraints: string[];
  hoursPerWeek?: number;
  /** The request's months already served in the starting role. */
  monthsInRole?: number;
  best: PlannedRoute;
  alternatives: PlannedRoute[];
  /**
   * False when a limit cut a search short: the routes shown are the best found, and a better one
   * or more alternatives may exist.
   */
  searchComplete: boolean;
  /** Which limit did (labels, time or memory), when one did. */
  searchLimit?: SearchLimit;
  /** The funding routes the plan's qualifications name, with their figures (tuition per year ...). */
  funding: FundingDetails[];
  /** The nations the plan's roles and qualifications hold for (England for the shipped data). */
  nations: Nation[];
}

export interface FundingDetails extends Named {
  summary: string;
  amounts: { label: string; amount: number; per: 'year' | 'month' | 'week' | 'total'; year: string }[];
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
  /** True when the goal can be reached, only not through the role the route must pass through. */
  reachableWithoutVia: boolean;
}

export type PlanResult = { kind: 'plan'; plan: Plan } | { kind: 'no-route'; noRoute: NoRoute } | { kind: 'same-role'; role: Named };
