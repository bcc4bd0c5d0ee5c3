/**
 * Qualification-aware route search. A search state is (role, qualifications held, waypoint
 * passed): a route's cost depends on what the person already holds, so a role-only Dijkstra
 * counts a qualification twice or picks the wrong route. Best-first search over states is exact
 * because every step costs >= 0 on every criterion.
 *
 * Pruning, two ways:
 * - one best route, no waypoint: a state is skipped when one settled at the same role holds a
 *   superset of its qualifications. This finds the best walk; it is almost always simple. When it
 *   is not (a loop that picks up a qualification no other way can give, found by the property
 *   tests), the search runs again in the second way.
 * - several routes, a waypoint, or that rerun: routes must be simple, so a label is skipped only
 *   when k settled labels at its state hold a superset of its qualifications AND visited a subset
 *   of its roles (each can finish any way it can, for no more).
 */
import type { Qualification, Range } from '../domain/types';
import { CATEGORY_SKIP_WEIGHT, CONFIDENCE_WEIGHT, DETOUR_WEIGHT, MAX_STEP_WEIGHT, UNUSUAL_ENTRY_WEIGHT, UNKNOWN_MONTHS_FOR_RANKING, type Optimise } from '../domain/vocabulary';
import { compareIds, lowestConfidence, typicalOf, type Edge, type PlanningGraph } from './graph';

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

export interface Gain {
  qual: number;
  /** The qualification that needed it, when it was added as a prerequisite. */
  prerequisiteOf?: number;
}

export interface Label {
  role: number;
  held: bigint;
  /** The same qualifications as a list, for the worth-based dominance check. */
  heldList: number[];
  /** 1 once the waypoint (if any) has been passed. */
  phase: 0 | 1;
  /** Roles on the route so far, as a bit set in the order the search met them (0n unless routes must be simple). */
  visited: bigint;
  totals: StepMetrics;
  score: number[];
  /** score plus a lower bound on what is left to the goal (A*); the queue order. */
  priority: number[];
  /** Role and route ids from the start, for the final, deterministic tie-break. */
  trail: string;
  /** Roles, then qualifications gained, so far (simple mode): equal signatures are the same route. */
  signature: string;
  roleTrail: string;
  qualTrail: string;
  parent?: Label;
  edge?: Edge;
  gains: Gain[];
  step?: StepMetrics;
}

/** Why a qualification may not be planned; undefined when it may. */
export type QualificationFilter = (q: Qualification, index: number) => string | undefined;

export interface SearchOptions {
  optimise: Optimise;
  /** Qualification indices held at the start. */
  have: number[];
  /** How many distinct routes to find (1 = the best only). */
  k?: number;
  /** A role index the route must pass through. */
  via?: number;
  /** Roles that may not be used (by index). */
  avoidRoles?: Set<number>;
  /** Qualifications that may not be planned, with the reason (avoid, no degree, in work only). */
  refuse?: QualificationFilter;
  /** Routes that may not be taken whatever they gain, with the reason (a route that leaves paid work). */
  refuseRoute?: (edge: Edge) => string | undefined;
  /** Labels settled before the search gives up (MAX_SETTLED_LABELS when absent): alternatives get less. */
  maxSettled?: number;
  /** The sectors of the start and the goal: a step into any other sector is a detour (ranked longer). */
  homeSectors?: ReadonlySet<string>;
  maxMonths?: number;
  /** Study hours a week: qualifications with known study hours take hours ÷ this. */
  hoursPerWeek?: number;
  /** How far the fewest-moves bound may look (BOUND_MOVE_BUDGET); tests set it small to cut it short. */
  boundMoveBudget?: number;
  /**
   * false to follow moves into roles that cannot lead to the goal, as "how far can I get" needs
   * when there is no route. By default they are never taken: no route passes through them.
   */
  pruneDeadEnds?: boolean;
  /**
   * Settle one label per role (and waypoint phase), the first and best: enough to say how far the
   * person can get when there is no route, where every other label only multiplies the work.
   */
  firstLabelOnly?: boolean;
}

/** A route that could not be used from a reached role, and why. */
export interface BlockedMove {
  edge: Edge;
  reason: string;
}

export interface SearchResult {
  /** Up to k labels at the goal, best first, distinct in roles or qualifications. */
  routes: Label[];
  /** Best label per role reached, for "how far can I get". */
  reached: Map<number, Label>;
  /** Moves out of reached roles that were refused, with the first reason met. */
  blocked: BlockedMove[];
  /**
   * True when a safety valve cut the search short (MAX_SETTLED_LABELS, or a state that reached
   * MAX_LABELS_PER_STATE): the routes found are still the best among those searched.
   */
  stoppedEarly: boolean;
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

export { typicalOf };

export { lowestConfidence };

/** Lexicographic comparison of two score vectors. */
export function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Priority first, then trail, so equal routes always come out in the same order. */
export function compareLabels(a: Label, b: Label): number {
  return compareScores(a.priority, b.priority) || compareIds(a.trail, b.trail);
}

/** Roles that cannot reach the goal sort after every role that can (when the pass ran to the end). */
export const UNREACHABLE = 1e9;

/** Per role, a lower bound on what is left to the goal. */
export interface LowerBounds {
  moves: MovesToGoal;
  /**
   * The least experience (months) the moves to the goal demand, and the least ranked months of the
   * realistic objective; only made when time is ranked.
   */
  months?: { min: Float64Array; max: Float64Array; ranked: Float64Array };
}

/** Fewest moves from each role to the goal. */
export interface MovesToGoal {
  /** Per role, one more than its exact figure where the backwards pass reached it, else 0. */
  plusOne: Int32Array;
  /**
   * The bound for every other role: UNREACHABLE when the pass ran to the end, else one more than
   * the deepest layer it finished (every role nearer than that was reached).
   */
  beyond: number;
}

/** The fewest moves left from a role: exact where the pass reached it, else the bound beyond. */
export function movesLeftFrom(moves: MovesToGoal, role: number): number {
  const plusOne = moves.plusOne[role]!;
  return plusOne === 0 ? moves.beyond : plusOne - 1;
}

/**
 * How many incoming moves the fewest-moves pass may scan before it stops at the end of a layer.
 * On a big graph the layers grow about fivefold, so the last ones cover most roles while the
 * search only looks near its route: stopping early took a 100,000-role query from ~13 ms to ~2.
 * Small datasets (the shipped one has under 100 moves) always get the exact distances.
 */
export const BOUND_MOVE_BUDGET = 20_000;

/**
 * A lower bound on what is left from each role to the goal, per criterion: the fewest moves, and
 * the least experience the moves demand (study may already be held, so it counts as 0). Each is
 * a shortest distance backwards from the goal, so the bound is consistent and A* stays exact.
 */
export function lowerBounds(graph: PlanningGraph, goal: number, withMonths = true, moveBudget = BOUND_MOVE_BUDGET): LowerBounds {
  // A plan runs several searches to one goal (the best route, then its alternatives): the bounds
  // depend only on the graph and the goal, so they are worked out once per goal.
  const key = `${goal}:${withMonths}:${moveBudget}`;
  const cached = boundsCache.get(graph)?.get(key);
  if (cached) return cached;
  const made = computeLowerBounds(graph, goal, withMonths, moveBudget);
  let perGraph = boundsCache.get(graph);
  if (!perGraph) boundsCache.set(graph, (perGraph = new Map()));
  // Only the latest goal is kept: a 100,000-role graph's bounds are megabytes each.
  perGraph.clear();
  perGraph.set(key, made);
  return made;
}

const boundsCache = new WeakMap<PlanningGraph, Map<string, LowerBounds>>();

function computeLowerBounds(graph: PlanningGraph, goal: number, withMonths: boolean, moveBudget: number): LowerBounds {
  const moves = fewestMoves(graph, goal, moveBudget);
  // The months bounds cost two full passes; they only pay for themselves when time is what is ranked.
  if (!withMonths) return { moves };
  const { experienceMin, experienceMax, rankedMin } = graph.reverse;
  return {
    moves,
    months: { min: leastMonths(graph, goal, experienceMin), max: leastMonths(graph, goal, experienceMax), ranked: leastMonths(graph, goal, rankedMin) },
  };
}

/**
 * Fewest moves from each role to the goal, breadth-first backwards. Once `moveBudget` incoming
 * moves have been scanned it stops at the end of a layer: roles within that depth have their
 * exact figure and the rest get depth + 1. That is still a lower bound, and a consistent one (a
 * move changes it by at most 1), so A* over it stays exact.
 */
export function fewestMoves(graph: PlanningGraph, goal: number, moveBudget = Infinity): MovesToGoal {
  const { start, from } = graph.reverse;
  // Zeroed on allocation, and nothing here runs over every role: on a 100,000-role graph filling
  // and copying whole arrays per query cost more than the search.
  const plusOne = new Int32Array(graph.roles.length);
  plusOne[goal] = 1;
  let layer = [goal];
  let scanned = 0;
  for (let depth = 0; layer.length > 0; depth++) {
    if (scanned >= moveBudget) return { plusOne, beyond: depth + 1 };
    const next: number[] = [];
    for (const role of layer) {
      const last = start[role + 1]!;
      scanned += last - start[role]!;
      for (let i = start[role]!; i < last; i++) {
        const prev = from[i]!;
        if (plusOne[prev] === 0) {
          plusOne[prev] = depth + 2;
          next.push(prev);
        }
      }
    }
    layer = next;
  }
  return { plusOne, beyond: UNREACHABLE };
}

/**
 * Least total experience to the goal, backwards, by Dial's bucket queue on whole months (rounding
 * weights down keeps the bound a lower bound). 0 where the goal cannot be reached.
 */
function leastMonths(graph: PlanningGraph, goal: number, weight: Float64Array): Float64Array {
  const n = graph.roles.length;
  const { start, from } = graph.reverse;
  let maxWeight = 0;
  for (let i = 0; i < weight.length; i++) if (weight[i]! > maxWeight) maxWeight = weight[i]!;
  const width = Math.floor(maxWeight) + 1;
  const distance = new Float64Array(n).fill(Infinity);
  const buckets: number[][] = Array.from({ length: width }, () => []);
  distance[goal] = 0;
  buckets[0]!.push(goal);
  let pending = 1;
  for (let d = 0; pending > 0; d++) {
    const bucket = buckets[d % width]!;
    while (bucket.length > 0) {
      const role = bucket.pop()!;
      pending--;
      if (distance[role] !== d) continue;
      for (let i = start[role]!; i < start[role + 1]!; i++) {
        const prev = from[i]!;
        const next = d + Math.floor(weight[i]!);
        if (next < distance[prev]!) {
          distance[prev] = next;
          buckets[next % width]!.push(prev);
          pending++;
        }
      }
    }
  }
  for (let r = 0; r < n; r++) if (distance[r] === Infinity) distance[r] = 0;
  return distance;
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
const bit = (i: number) => 1n << BigInt(i);

/** Months a qualification takes: from study hours at the person's pace when both are known. */
export function qualificationMonths(q: Qualification, hoursPerWeek?: number): Range | undefined {
  if (hoursPerWeek && q.studyHours) {
    const weeksPerMonth = 52 / 12;
    const months = (hours: number) => Math.ceil(hours / hoursPerWeek / weeksPerMonth);
    return { min: months(q.studyHours.min), max: months(q.studyHours.max) };
  }
  return q.durationMonths;
}

export type RouteEvaluation =
  | { ok: true; gains: Gain[]; held: bigint; added: number[]; step: StepMetrics }
  | { ok: false; reason: string };

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
 * or filtered out.
 */
export function evaluateRoute(
  graph: PlanningGraph,
  edge: Edge,
  held: bigint,
  options: Pick<SearchOptions, 'refuse' | 'hoursPerWeek' | 'refuseRoute' | 'homeSectors'> = {},
): RouteEvaluation {
  const routeRefusal = options.refuseRoute?.(edge);
  if (routeRefusal) return { ok: false, reason: routeRefusal };
  const gains: Gain[] = [];
  const added: number[] = [];
  let current = held;
  let refusal: string | undefined;
  // Qualifications being added further up the chain of prerequisites (a loop otherwise).
  const inProgress: number[] = [];
  const add = (q: number, prerequisiteOf?: number): boolean => {
    if (hasQual(graph, current, q)) return true;
    const qualification = graph.qualifications[q]!;
    if (qualification.closed) {
      refusal = `${qualification.name} is closed to new learners`;
      return false;
    }
    const refused = options.refuse?.(qualification, q);
    if (refused) {
      refusal = `${qualification.name} ${refused}`;
      return false;
    }
    if (inProgress.includes(q)) return false;
    inProgress.push(q);
    const meetBy = graph.meetBy[q]!;
    if (meetBy.length > 0) {
      // Met by any one of its options: plan the first that can be planned (each closes q through includes).
      const before = { current, gains: gains.length, added: added.length, inProgress: inProgress.length };
      for (const option of meetBy) {
        refusal = undefined;
        if (add(option, prerequisiteOf)) return true;
        // Undo the failed option's part-work before trying the next.
        current = before.current;
        gains.length = before.gains;
        added.length = before.added;
        inProgress.length = before.inProgress;
      }
      refusal ??= `no way to meet ${qualification.name} is open`;
      return false;
    }
    const prerequisites = graph.prerequisites[q]!;
    for (let i = 0; i < prerequisites.length; i++) if (!add(prerequisites[i]!, q)) return false;
    gains.push(prerequisiteOf === undefined ? { qual: q } : { qual: q, prerequisiteOf });
    current = closeHeld(graph, current, [q], added);
    return true;
  };
  const requires = edge.requires;
  for (let i = 0; i < requires.length; i++) if (!add(requires[i]!)) return { ok: false, reason: refusal ?? 'a prerequisite loops' };

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
  const { experienceMonths: alongside = ZERO, experienceBeforeMonths: before = ZERO, experienceUnknown } = edge.route;
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
  const step: StepMetrics = {
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
  return { ok: true, gains, held: current, added, step };
}

const ZERO: Range = { min: 0, max: 0 };

function maxMetrics(a: StepMetrics, b: StepMetrics): StepMetrics {
  const out = { ...a };
  for (const key of Object.keys(a) as (keyof StepMetrics)[]) out[key] = Math.max(a[key], b[key]);
  return out;
}

function addMetrics(a: StepMetrics, b: StepMetrics): StepMetrics {
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
function qualificationWorth(graph: PlanningGraph, refuse: QualificationFilter | undefined): (q: number) => StepMetrics | undefined {
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

/**
 * Safety valves against blow-up: labels kept per state when routes must be simple (alternatives,
 * --via: enumerating simple routes to an unreachable or far goal is exponential), and labels
 * settled in all (huge synthetic graphs with thousands of qualifications). The result says when a
 * valve closed: the routes found are then the best among those searched.
 */
export const MAX_LABELS_PER_STATE = 64;
/** How many settled labels at a state a new label is compared with by worth (see dominated). */
export const WORTH_CHECKS_PER_STATE = 4;
export const MAX_SETTLED_LABELS = 50_000;

/** Finds up to k best simple routes from one role to another. */
export function searchRoutes(graph: PlanningGraph, from: number, to: number, options: SearchOptions): SearchResult {
  const k = Math.max(1, options.k ?? 1);
  options = { ...options, homeSectors: options.homeSectors ?? new Set([graph.roles[from]!.sector, graph.roles[to]!.sector]) };
  const simple = k > 1 || options.via !== undefined;
  const result = search(graph, from, to, options, k, simple);
  const best = result.routes[0];
  if (!simple && best && !isSimple(best)) return search(graph, from, to, options, k, true);
  return result;
}

function isSimple(label: Label): boolean {
  const seen = new Set<number>();
  for (let l: Label | undefined = label; l; l = l.parent) {
    if (seen.has(l.role)) return false;
    seen.add(l.role);
  }
  return true;
}

function search(graph: PlanningGraph, from: number, to: number, options: SearchOptions, k: number, simple: boolean): SearchResult {
  const score = SCORE[options.optimise];
  const avoid = options.avoidRoles ?? new Set<number>();
  // Before the waypoint nothing useful is known about what is left, so the bound is 0 there.
  const bounds = lowerBounds(graph, to, options.optimise === 'time' || options.optimise === 'realistic', options.boundMoveBudget);
  const worth = qualificationWorth(graph, options.refuse);
  // A role no chain of moves leads on from to the goal (known only when the bound's pass ran to the
  // end) is a dead end: no route passes through it. When the start is one there is no route at all.
  const { plusOne, beyond } = bounds.moves;
  const pruneDeadEnds = options.pruneDeadEnds !== false && beyond === UNREACHABLE;
  const zero = score(NO_METRICS);
  // The bound depends only on the role, so it is scored once per role met (a label per move otherwise).
  const boundOf = new Map<number, number[]>();
  const priority = (s: number[], role: number, phase: 0 | 1) => {
    if (phase === 0) return s;
    let h = boundOf.get(role);
    if (!h) {
      const least = bounds.months?.min[role] ?? 0;
      h = score({
        ...NO_METRICS,
        steps: movesLeftFrom(bounds.moves, role),
        monthsMin: least,
        monthsMax: bounds.months?.max[role] ?? 0,
        // Typical months are never below the least experience the moves demand; ranked months never
        // below the least each move's experience and weight give.
        monthsTypical: least,
        weighted: bounds.months?.ranked[role] ?? 0,
      });
      boundOf.set(role, h);
    }
    const out = new Array<number>(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s[i]! + h[i]!;
    return out;
  };
  // Visited roles as bits numbered in the order the search meets them: on a 100,000-role graph a
  // bit per role index would make every label carry (and copy) a 12 KB number.
  const localBit = new Map<number, bigint>();
  const roleBit = (role: number): bigint => {
    let b = localBit.get(role);
    if (b === undefined) localBit.set(role, (b = bit(localBit.size)));
    return b;
  };
  const startPhase: 0 | 1 = options.via === undefined || options.via === from ? 1 : 0;
  const startList: number[] = [];
  const start: Label = {
    role: from,
    held: startingHeld(graph, from, options.have, startList),
    heldList: startList,
    phase: startPhase,
    visited: simple ? roleBit(from) : 0n,
    totals: NO_METRICS,
    score: zero,
    priority: priority(zero, from, startPhase),
    trail: graph.roles[from]!.id,
    signature: String(from),
    roleTrail: String(from),
    // Stryker disable next-line StringLiteral: every qualification trail starts here, so a different start leaves which signatures are equal unchanged
    qualTrail: '',
    gains: [],
  };
  const queue = new Heap<Label>(compareLabels);
  if (!(pruneDeadEnds && plusOne[from] === 0)) queue.push(start);
  const settled = new Map<number, Label[]>();
  const bestQueued = new Map<number, Label>();
  const reached = new Map<number, Label>();
  const blocked: BlockedMove[] = [];
  const routes: Label[] = [];
  let stoppedEarly = false;
  // A route that only differs in a route id but gains the same qualifications is not an alternative.
  const signatures = new Set<string>();

  /**
   * True when this label can be skipped: k settled labels at its state do at least as well. In
   * simple mode they must differ in their roles so far: two that differ only in qualifications
   * can finish as the same route, and would count twice.
   */
  const dominated = (label: Label): boolean => {
    const atState = settled.get(label.role * 2 + label.phase);
    if (!atState) return false;
    if (options.firstLabelOnly) return true;
    // Only simple-route searches (alternatives, --via) can blow up on real data: one best route over
    // the shipped data settles every query in milliseconds without this valve.
    if (simple && atState.length >= MAX_LABELS_PER_STATE * k) {
      stoppedEarly = true;
      return true;
    }
    let distinct: Set<string> | undefined;
    for (let i = 0; i < atState.length; i++) {
      const other = atState[i]!;
      // The worth comparison is the costly part: it runs against the labels settled first (the best
      // at this state, the likeliest to cover), the rest by the held-set test alone. Skipping a
      // check only prunes less; it never changes the answer.
      if (!covers(other, label, i < WORTH_CHECKS_PER_STATE)) continue;
      if (!simple) return true;
      if ((other.visited & label.visited) !== other.visited) continue;
      (distinct ??= new Set()).add(other.roleTrail);
      if (distinct.size >= k) return true;
    }
    return false;
  };

  /**
   * True when `other` can finish any way `label` can for no more: it holds everything `label`
   * holds, or it is ahead by more than the worth of what it lacks (it could gain that on the way).
   */
  const covers = (other: Label, label: Label, byWorth = true): boolean => {
    if ((other.held & label.held) === label.held) return true;
    if (!byWorth) return false;
    // Adding what other lacks only makes its totals larger, so a worse score cannot end up better.
    if (compareScores(other.score, label.score) > 0) return false;
    const extra = { ...other.totals };
    const heldList = label.heldList;
    for (let i = 0; i < heldList.length; i++) {
      const q = heldList[i]!;
      if ((other.held & graph.qualBits[q]!) !== 0n) continue;
      const value = worth(q);
      if (!value) return false;
      extra.monthsMin += value.monthsMin;
      extra.monthsMax += value.monthsMax;
      extra.monthsTypical += value.monthsTypical;
      extra.weighted += value.weighted;
      extra.leavesPaidWork += value.leavesPaidWork;
      extra.costMin += value.costMin;
      extra.costMax += value.costMax;
      extra.unknownCost += value.unknownCost;
      extra.unknownDuration += value.unknownDuration;
    }
    return compareScores(score(extra), label.score) <= 0;
  };

  let settledCount = 0;
  while (queue.size > 0) {
    if (++settledCount > (options.maxSettled ?? MAX_SETTLED_LABELS)) {
      stoppedEarly = true;
      break;
    }
    const label = queue.pop()!;
    if (simple) {
      if (signatures.has(label.signature)) continue;
      signatures.add(label.signature);
    }
    if (dominated(label)) continue;
    const key = label.role * 2 + label.phase;
    const atState = settled.get(key);
    if (atState) atState.push(label);
    else settled.set(key, [label]);
    if (!reached.has(label.role)) reached.set(label.role, label);

    if (label.role === to && label.phase === 1) {
      routes.push(label);
      if (routes.length === k) break;
      continue;
    }

    const edges = graph.outOf(label.role);
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e]!;
      if (pruneDeadEnds && plusOne[edge.to] === 0) continue;
      if (avoid.has(edge.to)) {
        blocked.push({ edge, reason: `${graph.roles[edge.to]!.name} is excluded by --avoid` });
        continue;
      }
      if (simple && (label.visited & roleBit(edge.to)) !== 0n) continue;
      const taken = evaluateRoute(graph, edge, label.held, options);
      if (!taken.ok) {
        blocked.push({ edge, reason: taken.reason });
        continue;
      }
      const totals = addMetrics(label.totals, taken.step);
      if (options.maxMonths !== undefined && totals.monthsMax > options.maxMonths) {
        blocked.push({ edge, reason: `would take the route past ${options.maxMonths} months` });
        continue;
      }
      const phase = label.phase === 1 || edge.to === options.via ? 1 : 0;
      const nextScore = score(totals);
      const trail = trails(label, edge.to, taken.gains, simple);
      const next: Label = {
        role: edge.to,
        held: taken.held,
        heldList: taken.added.length > 0 ? [...label.heldList, ...taken.added] : label.heldList,
        phase,
        visited: simple ? label.visited | roleBit(edge.to) : 0n,
        totals,
        score: nextScore,
        priority: priority(nextScore, edge.to, phase),
        trail: `${label.trail}>${graph.roles[edge.to]!.id}#${edge.routeId}`,
        signature: trail.signature,
        roleTrail: trail.roleTrail,
        qualTrail: trail.qualTrail,
        parent: label,
        edge,
        gains: taken.gains,
        step: taken.step,
      };
      if (dominated(next)) continue;
      if (options.firstLabelOnly) {
        // Only the best label queued for a role can be its first: the rest are never queued.
        const key = next.role * 2 + next.phase;
        const queued = bestQueued.get(key);
        if (queued && compareLabels(queued, next) <= 0) continue;
        bestQueued.set(key, next);
      }
      queue.push(next);
    }
  }
  return { routes, reached, blocked, stoppedEarly };
}

/** A route is its sequence of roles and its sequence of qualifications gained, nothing else. */
function trails(label: Label, role: number, gains: Gain[], simple: boolean) {
  // Stryker disable next-line ObjectLiteral,StringLiteral: a search for one best walk never reads the trails
  if (!simple) return { signature: '', roleTrail: '', qualTrail: '' };
  const roleTrail = `${label.roleTrail},${role}`;
  const qualTrail = gains.reduce((t, g) => (t ? `${t},${g.qual}` : String(g.qual)), label.qualTrail);
  return { signature: `${roleTrail}|${qualTrail}`, roleTrail, qualTrail };
}

/** The labels from the start to this one. */
export function labelPath(label: Label): Label[] {
  const path: Label[] = [];
  for (let l: Label | undefined = label; l; l = l.parent) path.push(l);
  return path.reverse();
}

/** A binary min-heap. */
export class Heap<T> {
  private items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last!;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
