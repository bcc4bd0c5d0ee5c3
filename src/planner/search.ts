/**
 * Qualification-aware route search. A search state is (role, qualifications held, waypoint
 * passed): a route's cost depends on what the person already holds, so a role-only Dijkstra
 * counts a qualification twice or picks the wrong route. Best-first search over states is exact
 * because every step costs >= 0 on every criterion.
 *
 * Pruning, two ways (see dominance.ts):
 * - one best route: a state is skipped when one settled at the same role (and waypoint phase) holds a
 *   superset of its qualifications. This finds the best walk; it is almost always simple. When it
 *   is not (a loop that picks up a qualification no other way can give, found by the property
 *   tests), the search runs again in the second way.
 * - several routes, or that rerun: routes must be simple, so a label is skipped only
 *   when k settled labels at its state hold a superset of its qualifications AND visited a subset
 *   of its roles (each can finish any way it can, for no more).
 *
 * Every search is bounded: labels settled and made, and the plan's shared budget (limits.ts).
 * Once a limit closes nothing more is made, and what is already queued is still read for routes
 * to the goal, so a search cut short still returns the best routes it found.
 */
import type { Optimise } from '../domain/vocabulary';
import { SettledLabels, stateKey } from './dominance';
import type { Edge, PlanningGraph } from './graph';
import { Heap } from './heap';
import { compareLabels, isSimple, maskOf, priorityAbove, trails, type Label } from './label';
import type { SearchBudget, SearchLimit } from './limits';
import { addMetrics, compareScores, NO_METRICS, SCORE, type StepMetrics } from './metrics';
import { StateBounds } from './state-bounds';
import { evaluateRoute, qualificationWorth, startingHeld, type RouteCostOptions } from './route-cost';

export { compareLabels, labelPath, type Label } from './label';
export { MAX_LABELS_PER_STATE, WORTH_CHECKS_PER_STATE } from './dominance';

export interface SearchOptions extends RouteCostOptions {
  optimise: Optimise;
  /** Qualification indices held at the start. */
  have: number[];
  /** How many distinct routes to find (1 = the best only). */
  k?: number;
  /** A role index the route must pass through. */
  via?: number;
  /** Roles that may not be used (by index). */
  avoidRoles?: Set<number>;
  /** Months already served in the starting role: counted against the time in post of the first move only. */
  monthsInRole?: number;
  /** Labels settled before the search gives up (MAX_SETTLED_LABELS when absent): alternatives get less. */
  maxSettled?: number;
  /**
   * Labels made (one per move weighed from a settled label, kept or not) before the search stops
   * making them (MAX_LABELS_MADE when absent).
   */
  maxMade?: number;
  /**
   * A score no route worth finding exceeds (one already found has it): a label whose priority is
   * above it can only lead to worse routes, and is never queued.
   */
  ceiling?: number[];
  /** The plan's budget, shared by all its searches; none when absent (tests, one-off searches). */
  budget?: SearchBudget;
  /** The plan's best route: its quick search (see searchRoutes) runs even when the budget is spent. */
  mustAnswer?: boolean;
  maxMonths?: number;
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
   * True when a limit cut the search short (labels settled or made, a state that reached
   * MAX_LABELS_PER_STATE, the plan's time or memory): the routes found are the best among those
   * searched.
   */
  stoppedEarly: boolean;
  /** Which limit, when one did. */
  stoppedBy?: SearchLimit;
}

/** Labels one search may settle, and make, before it stops. */
export const MAX_SETTLED_LABELS = 50_000;
export const MAX_LABELS_MADE = 200_000;

/**
 * Finds up to k best simple routes from one role to another. One best route is searched in up to
 * three goes, each only when the one before was cut short: the exact search on a small allowance
 * (every shipped question ends there), a quick search that settles each state once (the first and
 * best label to reach it: a route, seldom the best, on a small bound of its own), then the exact
 * search again, never queueing a label that cannot beat the quick route. When that too is cut
 * short before the goal, the quick route is the answer.
 */
export function searchRoutes(graph: PlanningGraph, from: number, to: number, options: SearchOptions): SearchResult {
  const k = Math.max(1, options.k ?? 1);
  options = { ...options, homeSectors: options.homeSectors ?? new Set([graph.roles[from]!.sector, graph.roles[to]!.sector]) };
  if (k > 1 || options.firstLabelOnly) return exactSearch(graph, from, to, options, k);
  const maxMade = options.maxMade ?? MAX_LABELS_MADE;
  const first = exactSearch(graph, from, to, { ...options, maxMade: Math.min(maxMade, FIRST_TRY_MADE) }, 1);
  if (!first.stoppedBy) return first;
  // The quick search counts against the plan's budget, except for the best route's: a route that
  // exists is always shown.
  const quick = exactSearch(
    graph,
    from,
    to,
    { ...options, firstLabelOnly: true, maxMade: QUICK_SEARCH_MADE, ...(options.mustAnswer ? { budget: undefined } : {}) },
    1,
  );
  const known = [first.routes[0], quick.routes[0]].filter((l) => l !== undefined).sort((a, b) => compareScores(a.score, b.score))[0];
  const result =
    options.budget?.exceeded || maxMade <= FIRST_TRY_MADE
      ? first
      : exactSearch(graph, from, to, { ...options, maxMade: maxMade - FIRST_TRY_MADE, ...(known ? { ceiling: known.score } : {}) }, 1);
  // The exact search may end without meeting the known route again: every label that could beat it
  // was searched (no limit closed), or it was cut short. Either way the known route is the best.
  if (result.routes.length === 0 && known) return { ...result, routes: [known] };
  return result;
}

/** Labels the first, exact go may make; and the quick search after it. */
export const FIRST_TRY_MADE = 5_000;
export const QUICK_SEARCH_MADE = 20_000;

/**
 * The exact search. A waypoint needs no simple-route search of its own: the state holds whether
 * it was passed, so the best walk through it is found like any other, and checked like any other.
 */
function exactSearch(graph: PlanningGraph, from: number, to: number, options: SearchOptions, k: number): SearchResult {
  const simple = k > 1;
  const result = new RouteSearch(graph, to, options, k, simple).run(from);
  const best = result.routes[0];
  if (!simple && best && !isSimple(best)) return new RouteSearch(graph, to, options, k, true).run(from);
  return result;
}

/** One search: its queue, what it has settled, and the tests that let it skip labels. */
class RouteSearch {
  private readonly score: (m: StepMetrics) => number[];
  private readonly avoid: ReadonlySet<number>;
  private readonly bounds: StateBounds;
  /**
   * Visited roles as bits numbered in the order the search meets them: on a 100,000-role graph a
   * bit per role index would make every label carry (and copy) a 12 KB number.
   */
  private readonly localBit = new Map<number, bigint>();
  private readonly queue = new Heap<Label>(compareLabels);
  private readonly settled: SettledLabels;
  private readonly bestQueued = new Map<number, Label>();
  private readonly reached = new Map<number, Label>();
  private readonly blocked: BlockedMove[] = [];
  private readonly routes: Label[] = [];
  /** A route that only differs in a route id but gains the same qualifications is not an alternative. */
  private readonly signatures = new Set<string>();
  private made = 0;
  private stoppedBy: SearchLimit | undefined;

  constructor(
    private readonly graph: PlanningGraph,
    private readonly to: number,
    private readonly options: SearchOptions,
    private readonly k: number,
    private readonly simple: boolean,
  ) {
    this.score = SCORE[options.optimise];
    this.avoid = options.avoidRoles ?? new Set<number>();
    this.bounds = new StateBounds(graph, to, options.via, this.score, {
      withMonths: options.optimise === 'time' || options.optimise === 'realistic',
      moveBudget: options.boundMoveBudget,
      // When the start is a dead end there is no route at all.
      pruneDeadEnds: options.pruneDeadEnds !== false,
    });
    this.settled = new SettledLabels({
      graph,
      score: this.score,
      worth: qualificationWorth(graph, options.refuse),
      k,
      simple,
      firstLabelOnly: options.firstLabelOnly === true,
    });
  }

  run(from: number): SearchResult {
    const start = this.startLabel(from);
    if (!this.bounds.isDeadEnd(from, start.phase)) this.queue.push(start);
    let settledCount = 0;
    while (this.queue.size > 0) {
      if (!this.stoppedBy && ++settledCount > (this.options.maxSettled ?? MAX_SETTLED_LABELS)) this.stoppedBy = 'labels';
      const label = this.queue.pop()!;
      const atGoal = label.role === this.to && label.phase === 1;
      // Once a limit has closed, only what is queued at the goal is still read.
      if (this.stoppedBy && !atGoal) continue;
      if (this.simple) {
        if (this.signatures.has(label.signature)) continue;
        this.signatures.add(label.signature);
      }
      if (this.settled.dominated(label)) continue;
      this.settled.add(label);
      if (!this.reached.has(label.role)) this.reached.set(label.role, label);
      if (atGoal) {
        this.routes.push(label);
        if (this.routes.length === this.k) break;
        continue;
      }
      this.expand(label);
    }
    if (this.settled.valveClosed) this.stoppedBy ??= 'labels';
    if (process.env.DBG_OFF)
      console.error(
        'run',
        this.simple ? 'simple' : 'walk',
        this.options.firstLabelOnly ? 'first' : '',
        this.options.ceiling ? 'ceil' : '',
        'opt',
        this.options.optimise,
        'made',
        this.made,
        'q',
        this.queue.size,
        'settled',
        settledCount,
        'by',
        this.stoppedBy,
        'routes',
        this.routes.length,
        this.routes[0]?.score.slice(0, 4).join(','),
        'cpu',
        (process.cpuUsage().user / 1000).toFixed(0),
      );
    return {
      routes: this.routes,
      reached: this.reached,
      blocked: this.blocked,
      stoppedEarly: this.stoppedBy !== undefined,
      ...(this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
    };
  }

  private aboveCeiling(label: Label): boolean {
    const { ceiling } = this.options;
    return ceiling !== undefined && priorityAbove(label, ceiling);
  }

  /** Counts a label about to be made, unless a limit has closed (and notes which). */
  private mayMake(): boolean {
    if (this.stoppedBy) return false;
    const { budget } = this.options;
    if (this.made >= (this.options.maxMade ?? MAX_LABELS_MADE)) this.stoppedBy = 'labels';
    else if (budget && !budget.take()) this.stoppedBy = budget.exceeded;
    if (this.stoppedBy) return false;
    this.made++;
    return true;
  }

  private startLabel(from: number): Label {
    const phase: 0 | 1 = this.options.via === undefined || this.options.via === from ? 1 : 0;
    const heldList: number[] = [];
    const zero = this.score(NO_METRICS);
    return {
      role: from,
      held: startingHeld(this.graph, from, this.options.have, heldList),
      heldList,
      heldMask: maskOf(heldList),
      phase,
      visited: this.simple ? this.roleBit(from) : 0n,
      totals: NO_METRICS,
      score: zero,
      bound: this.bounds.at(from, phase),
      trail: this.graph.roles[from]!.id,
      signature: String(from),
      roleTrail: String(from),
      // Stryker disable next-line StringLiteral: every qualification trail starts here, so a different start leaves which signatures are equal unchanged
      qualTrail: '',
      gains: [],
    };
  }

  /** Queues a label for each move out of a settled label's role that can be taken. */
  private expand(label: Label): void {
    const edges = this.graph.outOf(label.role);
    for (let e = 0; e < edges.length; e++) {
      if (!this.mayMake()) return;
      const next = this.follow(label, edges[e]!);
      if (!next || this.aboveCeiling(next) || this.settled.dominated(next)) continue;
      if (this.options.firstLabelOnly) {
        // Only the best label queued for a role can be its first: the rest are never queued.
        const key = stateKey(next);
        const queued = this.bestQueued.get(key);
        if (queued && compareLabels(queued, next) <= 0) continue;
        this.bestQueued.set(key, next);
      }
      this.queue.push(next);
    }
  }

  /** The label for taking `edge` from `label`, or undefined (noting why, when it is a refusal). */
  private follow(label: Label, edge: Edge): Label | undefined {
    const { graph, options, simple } = this;
    const phase = label.phase === 1 || edge.to === options.via ? 1 : 0;
    if (this.bounds.isDeadEnd(edge.to, phase)) return undefined;
    if (this.avoid.has(edge.to)) {
      this.blocked.push({ edge, reason: `${graph.roles[edge.to]!.name} is excluded by --avoid` });
      return undefined;
    }
    if (simple && (label.visited & this.roleBit(edge.to)) !== 0n) return undefined;
    // Only a move out of the start label is credited. No other label's moves are, so the bound on
    // what is left from it stays a lower bound; the start label's own priority orders nothing (it is
    // alone in the queue). Dominance stays sound: the start label is settled first at its state, and
    // its moves cost no more than those of any later label there.
    const served = label.parent === undefined ? (options.monthsInRole ?? 0) : 0;
    const taken = evaluateRoute(graph, edge, label.held, options, served);
    if (!taken.ok) {
      this.blocked.push({ edge, reason: taken.reason });
      return undefined;
    }
    const totals = addMetrics(label.totals, taken.step);
    const tooLong = tooLongFor(totals, options.maxMonths);
    if (tooLong) {
      this.blocked.push({ edge, reason: tooLong });
      return undefined;
    }
    const score = this.score(totals);
    const trail = trails(label, edge.to, taken.gains, simple);
    return {
      role: edge.to,
      held: taken.held,
      heldList: taken.added.length > 0 ? [...label.heldList, ...taken.added] : label.heldList,
      heldMask: maskOf(taken.added, label.heldMask),
      phase,
      visited: simple ? label.visited | this.roleBit(edge.to) : 0n,
      totals,
      score,
      bound: this.bounds.at(edge.to, phase),
      signature: trail.signature,
      roleTrail: trail.roleTrail,
      qualTrail: trail.qualTrail,
      parent: label,
      edge,
      gains: taken.gains,
      step: taken.step,
    };
  }

  private roleBit(role: number): bigint {
    let b = this.localBit.get(role);
    if (b === undefined) this.localBit.set(role, (b = 1n << BigInt(this.localBit.size)));
    return b;
  }
}

/**
 * Why a route's totals break --max-months, or undefined. A length no source gives is never taken
 * for 0 months: such a route could take any time, so it cannot be promised within the limit.
 */
function tooLongFor(totals: StepMetrics, maxMonths: number | undefined): string | undefined {
  if (maxMonths === undefined) return undefined;
  if (totals.monthsMax > maxMonths) return `would take the route past ${maxMonths} months`;
  if (totals.unknownDuration > 0) return `its length is not in the sources, so it may take more than ${maxMonths} months`;
  return undefined;
}
