/**
 * What taking one move costs a person, given what they already hold: the qualifications it adds
 * (prerequisites first, nothing held counted twice) and the step's figures. Also what holding a
 * qualification can save at most, for the search's dominance test.
 */
import type { Qualification, Range } from '../domain/types';
import {
  CATEGORY_SKIP_WEIGHT,
  CONFIDENCE_WEIGHT,
  DETOUR_WEIGHT,
  MAX_STEP_WEIGHT,
  UNUSUAL_ENTRY_WEIGHT,
  UNKNOWN_MONTHS_FOR_RANKING,
} from '../domain/vocabulary';
import { typicalOf, type Edge, type PlanningGraph } from './graph';
import { experienceLeft } from './experience';
import { addMetrics, maxMetrics, NO_METRICS, type StepMetrics } from './metrics';

export interface Gain {
  qual: number;
  /** The qualification that needed it, when it was added as a prerequisite. */
  prerequisiteOf?: number;
}

/** Why a qualification may not be planned; undefined when it may. */
export type QualificationFilter = (q: Qualification, index: number) => string | undefined;

/** What a request says about which qualifications and moves may be used, and at what pace. */
export interface RouteCostOptions {
  /** Qualifications that may not be planned, with the reason (avoid, no degree, in work only). */
  refuse?: QualificationFilter;
  /** Routes that may not be taken whatever they gain, with the reason (a route that leaves paid work). */
  refuseRoute?: (edge: Edge) => string | undefined;
  /** The sectors of the start and the goal: a step into any other sector is a detour (ranked longer). */
  homeSectors?: ReadonlySet<string>;
  /** Study hours a week: qualifications with known study hours take hours ÷ this. */
  hoursPerWeek?: number;
}

/** The held set closed under "includes": a diploma that comes with an apprenticeship is held too. */
export function closeHeld(graph: PlanningGraph, held: bigint, quals: readonly number[], added?: number[]): bigint {
  const stack = quals.slice();
  while (stack.length > 0) {
    const q = stack.pop()!;
    const bit = graph.qualBits[q]!;
    if ((held & bit) !== 0n) continue;
    held |= bit;
    added?.push(q);
    const includes = graph.includes[q]!;
    for (let i = 0; i < includes.length; i++) stack.push(includes[i]!);
  }
  return held;
}

export const hasQual = (graph: PlanningGraph, held: bigint, q: number) => (held & graph.qualBits[q]!) !== 0n;

/** Months a qualification takes: from study hours at the person's pace when both are known. */
export function qualificationMonths(q: Qualification, hoursPerWeek?: number): Range | undefined {
  if (hoursPerWeek && q.studyHours) {
    const weeksPerMonth = 52 / 12;
    const months = (hours: number) => Math.ceil(hours / hoursPerWeek / weeksPerMonth);
    return { min: months(q.studyHours.min), max: months(q.studyHours.max) };
  }
  return q.durationMonths;
}

export type RouteEvaluation = { ok: true; gains: Gain[]; held: bigint; added: number[]; step: StepMetrics } | { ok: false; reason: string };

/** True for qualifications only a university offers (full-time degrees): taking one means leaving paid work. */
export function isUniversityOnly(q: Qualification): boolean {
  return q.university ?? ((q.kind === 'degree' || q.kind === 'postgraduate') && q.inWork !== true);
}

/** True for qualifications that can be done while employed: apprenticeships and employer-funded training. */
export function canDoInWork(q: Qualification): boolean {
  return q.inWork ?? (q.kind === 'apprenticeship' || q.funding.includes('employer'));
}

/** True when a route, whatever it gains, means leaving paid work (a condition the data states). */
export const routeLeavesPaidWork = (edge: Edge): boolean => edge.leavesPaidWork;

/**
 * What taking a route costs given what is held: missing prerequisites are added first
 * (transitively), nothing held is counted again. An entry requirement met by any of several
 * qualifications is met by the first one allowed. Refused when a needed qualification is closed
 * or filtered out. `served`: months already served in the role the move leaves, counted against
 * its time in post (see experienceLeft).
 */
export function evaluateRoute(graph: PlanningGraph, edge: Edge, held: bigint, options: RouteCostOptions = {}, served = 0): RouteEvaluation {
  const routeRefusal = options.refuseRoute?.(edge);
  if (routeRefusal) return { ok: false, reason: routeRefusal };
  const requires = edge.requires;
  // Most moves a search weighs late in a route need nothing new: no plan of gains to make.
  let missing = false;
  for (let i = 0; i < requires.length && !missing; i++) missing = !hasQual(graph, held, requires[i]!);
  if (!missing) return { ok: true, gains: NO_GAINS, held, added: NO_ADDED, step: stepMetrics(graph, edge, NO_GAINS, options, served) };
  const plan = new GainsPlan(graph, held, options.refuse, edge.transition.kind === 'professional');
  for (let i = 0; i < requires.length; i++) if (!plan.add(requires[i]!)) return { ok: false, reason: plan.refusal ?? 'a prerequisite loops' };
  return { ok: true, gains: plan.gains, held: plan.held, added: plan.added, step: stepMetrics(graph, edge, plan.gains, options, served) };
}

/** Shared by every evaluation that gains nothing: never changed. */
const NO_GAINS: Gain[] = [];
const NO_ADDED: number[] = [];

/** The qualifications a move adds to what is held, prerequisites first, each at most once. */
class GainsPlan {
  readonly gains: Gain[] = [];
  /** Every qualification newly held, those that come included with a gain too. */
  readonly added: number[] = [];
  /** Why the last qualification could not be added. */
  refusal: string | undefined;
  /** Qualifications being added further up the chain of prerequisites (a loop otherwise). */
  private readonly inProgress: number[] = [];

  constructor(
    private readonly graph: PlanningGraph,
    public held: bigint,
    private readonly refuse: QualificationFilter | undefined,
    /** True on a move into a profession: the only kind of step that may gain a professional qualification. */
    private readonly intoProfession: boolean,
  ) {}

  /** Plans `q` (and what it needs first); false, with the refusal, when it cannot be planned. */
  add(q: number, prerequisiteOf?: number): boolean {
    const { graph } = this;
    if (hasQual(graph, this.held, q)) return true;
    const qualification = graph.qualifications[q]!;
    if (qualification.closed) {
      this.refusal = `${qualification.name} is closed to new learners`;
      return false;
    }
    // A degree that qualifies for a profession is the move into it (with its first year in practice),
    // never a side task of another step: an AMHP who is a nurse becomes a social worker by the
    // social work routes, not by taking the degree on the way to a social work grade.
    if (qualification.purpose === 'professional-entry' && !this.intoProfession) {
      this.refusal = `${qualification.name} qualifies for a profession: it is planned as the move into that profession, not within this step`;
      return false;
    }
    const refused = this.refuse?.(qualification, q);
    if (refused) {
      this.refusal = `${qualification.name} ${refused}`;
      return false;
    }
    if (this.inProgress.includes(q)) return false;
    this.inProgress.push(q);
    if (graph.meetBy[q]!.length > 0) return this.addOneOf(q, prerequisiteOf);
    const prerequisites = graph.prerequisites[q]!;
    for (let i = 0; i < prerequisites.length; i++) if (!this.add(prerequisites[i]!, q)) return false;
    this.gains.push(prerequisiteOf === undefined ? { qual: q } : { qual: q, prerequisiteOf });
    this.held = closeHeld(graph, this.held, [q], this.added);
    return true;
  }

  /** An entry requirement met by any one of its options: the first that can be planned (each closes it through includes). */
  private addOneOf(q: number, prerequisiteOf: number | undefined): boolean {
    const before = { held: this.held, gains: this.gains.length, added: this.added.length, inProgress: this.inProgress.length };
    for (const option of this.graph.meetBy[q]!) {
      this.refusal = undefined;
      if (this.add(option, prerequisiteOf)) return true;
      // Undo the failed option's part-work before trying the next.
      this.held = before.held;
      this.gains.length = before.gains;
      this.added.length = before.added;
      this.inProgress.length = before.inProgress;
    }
    this.refusal ??= `no way to meet ${this.graph.qualifications[q]!.name} is open`;
    return false;
  }
}

/** The figures of one step: its study, experience, cost and unknowns, weighted by how sure and how usual it is. */
function stepMetrics(graph: PlanningGraph, edge: Edge, gains: Gain[], options: RouteCostOptions, served: number): StepMetrics {
  let studyMin = 0;
  let studyMax = 0;
  let studyTypical = 0;
  let studyRanked = 0;
  let costMin = 0;
  let costMax = 0;
  let unknownCost = 0;
  let unknownDuration = 0;
  let leavesPaidWork = edge.leavesPaidWork;
  // The least sure fact sets the weight: the route's own, or a qualification's it gains.
  let confidence = edge.confidence;
  for (let i = 0; i < gains.length; i++) {
    const qual = gains[i]!.qual;
    const q = graph.qualifications[qual]!;
    if (CONFIDENCE_WEIGHT[q.confidence] > CONFIDENCE_WEIGHT[confidence]) confidence = q.confidence;
    if (isUniversityOnly(q)) leavesPaidWork = true;
    const months = qualificationMonths(q, options.hoursPerWeek);
    if (months) {
      studyMin += months.min;
      studyMax += months.max;
      studyTypical += typicalOf(months);
      studyRanked += typicalOf(months);
    } else {
      unknownDuration++;
      studyRanked += graph.unknownLengthRanked[qual]!;
    }
    if (q.cost) {
      costMin += q.cost.min;
      costMax += q.cost.max;
    } else unknownCost++;
  }
  const { experienceUnknown } = edge.route;
  const { before, alongside } =
    served > 0 ? experienceLeft(edge.route, served) : { before: edge.route.experienceBeforeMonths ?? ZERO, alongside: edge.route.experienceMonths ?? ZERO };
  if (experienceUnknown !== undefined) unknownDuration++;
  // Time served before the course comes first; time in role then runs alongside study.
  const monthsTypical = typicalOf(before) + Math.max(typicalOf(alongside), studyTypical);
  const alongsideRanked = experienceUnknown !== undefined ? Math.max(typicalOf(alongside), UNKNOWN_MONTHS_FOR_RANKING) : typicalOf(alongside);
  const ranked = typicalOf(before) + Math.max(alongsideRanked, studyRanked);
  const detour = options.homeSectors !== undefined && !options.homeSectors.has(graph.roles[edge.to]!.sector);
  const weight =
    CONFIDENCE_WEIGHT[confidence] *
    (edge.route.skipsCategory ? CATEGORY_SKIP_WEIGHT : 1) *
    (detour ? DETOUR_WEIGHT : 1) *
    (edge.unusual ? UNUSUAL_ENTRY_WEIGHT : 1);
  return {
    steps: 1,
    monthsMin: before.min + Math.max(alongside.min, studyMin),
    monthsMax: before.max + Math.max(alongside.max, studyMax),
    monthsTypical,
    weighted: Math.round(ranked * weight),
    leavesPaidWork: leavesPaidWork ? 1 : 0,
    costMin,
    costMax,
    unknownCost,
    unknownDuration,
    sideways: edge.transition.kind === 'sideways' ? 1 : 0,
  };
}

const ZERO: Range = { min: 0, max: 0 };

/** The qualifications held at the start: what the person has, plus what their role implies. */
export function startingHeld(graph: PlanningGraph, from: number, have: number[], list?: number[]): bigint {
  return closeHeld(graph, 0n, [...have, ...graph.roles[from]!.holds.map((id) => graph.qualIndex.get(id)!)], list);
}

/**
 * The most holding a qualification can save a route: its own study, cost and unknowns plus its
 * prerequisites' (it may be needed with all of them missing). Infinite for what cannot be
 * gained again (closed, or refused by the request), which then never counts as replaceable.
 * Worked out on demand: a search compares few qualifications, a big dataset has thousands.
 */
export function qualificationWorth(graph: PlanningGraph, refuse: QualificationFilter | undefined): (q: number) => StepMetrics | undefined {
  const worth: (StepMetrics | undefined | null)[] = graph.qualifications.map(() => null);
  const visit = (q: number): StepMetrics | undefined => {
    const known = worth[q];
    if (known !== null) return known;
    worth[q] = undefined; // a cycle (validation forbids them) counts as irreplaceable
    const qualification = graph.qualifications[q]!;
    if (qualification.closed || refuse?.(qualification, q)) return undefined;
    // Gaining a less certain qualification re-weights its whole step, so what holding it saves has no
    // simple bound: it never counts as replaceable.
    if (qualification.confidence !== 'high') return undefined;
    const typical = qualification.durationMonths ? typicalOf(qualification.durationMonths) : 0;
    const ranked = qualification.durationMonths ? typical : graph.unknownLengthRanked[q]!;
    let total: StepMetrics = {
      ...NO_METRICS,
      monthsMin: qualification.durationMonths?.min ?? 0,
      monthsMax: qualification.durationMonths?.max ?? 0,
      monthsTypical: typical,
      // Holding it can save at most its ranked time at the heaviest weight, rounded up.
      weighted: Math.ceil(ranked * MAX_STEP_WEIGHT),
      leavesPaidWork: isUniversityOnly(qualification) ? 1 : 0,
      costMin: qualification.cost?.min ?? 0,
      costMax: qualification.cost?.max ?? 0,
      unknownCost: qualification.cost ? 0 : 1,
      unknownDuration: qualification.durationMonths ? 0 : 1,
    };
    // A requirement met by several options is worth its dearest option; never less than any one.
    for (const option of graph.meetBy[q]!) {
      const part = visit(option);
      if (!part) return undefined;
      total = maxMetrics(total, part);
    }
    for (const p of graph.prerequisites[q]!) {
      const part = visit(p);
      if (!part) return undefined;
      total = addMetrics(total, part);
    }
    worth[q] = total;
    return total;
  };
  return visit;
}
