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
import type { Optimise } from '../domain/vocabulary';
import { lowerBounds, movesLeftFrom, UNREACHABLE, type LowerBounds } from './bounds';
import { compareIds, type Edge, type PlanningGraph } from './graph';
import { Heap } from './heap';
import { addMetrics, compareScores, NO_METRICS, SCORE, type StepMetrics } from './metrics';
import { evaluateRoute, qualificationWorth, startingHeld, type Gain, type RouteCostOptions } from './route-cost';

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
   * True when a safety valve cut the search short (MAX_SETTLED_LABELS, or a state that reached
   * MAX_LABELS_PER_STATE): the routes found are still the best among those searched.
   */
  stoppedEarly: boolean;
}

/** Priority first, then trail, so equal routes always come out in the same order. */
export function compareLabels(a: Label, b: Label): number {
  return compareScores(a.priority, b.priority) || compareIds(a.trail, b.trail);
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
  const result = new RouteSearch(graph, to, options, k, simple).run(from);
  const best = result.routes[0];
  if (!simple && best && !isSimple(best)) return new RouteSearch(graph, to, options, k, true).run(from);
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

/** One search: its queue, what it has settled, and the tests that let it skip labels. */
class RouteSearch {
  private readonly score: (m: StepMetrics) => number[];
  private readonly avoid: ReadonlySet<number>;
  private readonly bounds: LowerBounds;
  private readonly worth: (q: number) => StepMetrics | undefined;
  /** Moves into roles that cannot lead to the goal are never taken (see SearchOptions.pruneDeadEnds). */
  private readonly pruneDeadEnds: boolean;
  /** The bound depends only on the role, so it is scored once per role met (a label per move otherwise). */
  private readonly boundOf = new Map<number, number[]>();
  /**
   * Visited roles as bits numbered in the order the search meets them: on a 100,000-role graph a
   * bit per role index would make every label carry (and copy) a 12 KB number.
   */
  private readonly localBit = new Map<number, bigint>();
  private readonly queue = new Heap<Label>(compareLabels);
  private readonly settled = new Map<number, Label[]>();
  private readonly bestQueued = new Map<number, Label>();
  private readonly reached = new Map<number, Label>();
  private readonly blocked: BlockedMove[] = [];
  private readonly routes: Label[] = [];
  /** A route that only differs in a route id but gains the same qualifications is not an alternative. */
  private readonly signatures = new Set<string>();
  private stoppedEarly = false;

  constructor(
    private readonly graph: PlanningGraph,
    private readonly to: number,
    private readonly options: SearchOptions,
    private readonly k: number,
    private readonly simple: boolean,
  ) {
    this.score = SCORE[options.optimise];
    this.avoid = options.avoidRoles ?? new Set<number>();
    // Before the waypoint nothing useful is known about what is left, so the bound is 0 there.
    this.bounds = lowerBounds(graph, to, options.optimise === 'time' || options.optimise === 'realistic', options.boundMoveBudget);
    this.worth = qualificationWorth(graph, options.refuse);
    // A dead end is known only when the bound's pass ran to the end. When the start is one there is no route at all.
    this.pruneDeadEnds = options.pruneDeadEnds !== false && this.bounds.moves.beyond === UNREACHABLE;
  }

  run(from: number): SearchResult {
    if (!this.isDeadEnd(from)) this.queue.push(this.startLabel(from));
    let settledCount = 0;
    while (this.queue.size > 0) {
      if (++settledCount > (this.options.maxSettled ?? MAX_SETTLED_LABELS)) {
        this.stoppedEarly = true;
        break;
      }
      const label = this.queue.pop()!;
      if (this.simple) {
        if (this.signatures.has(label.signature)) continue;
        this.signatures.add(label.signature);
      }
      if (this.dominated(label)) continue;
      const key = label.role * 2 + label.phase;
      const atState = this.settled.get(key);
      if (atState) atState.push(label);
      else this.settled.set(key, [label]);
      if (!this.reached.has(label.role)) this.reached.set(label.role, label);

      if (label.role === this.to && label.phase === 1) {
        this.routes.push(label);
        if (this.routes.length === this.k) break;
        continue;
      }
      this.expand(label);
    }
    return { routes: this.routes, reached: this.reached, blocked: this.blocked, stoppedEarly: this.stoppedEarly };
  }

  private isDeadEnd(role: number): boolean {
    return this.pruneDeadEnds && this.bounds.moves.plusOne[role] === 0;
  }

  private startLabel(from: number): Label {
    const phase: 0 | 1 = this.options.via === undefined || this.options.via === from ? 1 : 0;
    const heldList: number[] = [];
    const zero = this.score(NO_METRICS);
    return {
      role: from,
      held: startingHeld(this.graph, from, this.options.have, heldList),
      heldList,
      phase,
      visited: this.simple ? this.roleBit(from) : 0n,
      totals: NO_METRICS,
      score: zero,
      priority: this.priority(zero, from, phase),
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
      const next = this.follow(label, edges[e]!);
      if (!next || this.dominated(next)) continue;
      if (this.options.firstLabelOnly) {
        // Only the best label queued for a role can be its first: the rest are never queued.
        const key = next.role * 2 + next.phase;
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
    if (this.isDeadEnd(edge.to)) return undefined;
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
    if (options.maxMonths !== undefined && totals.monthsMax > options.maxMonths) {
      this.blocked.push({ edge, reason: `would take the route past ${options.maxMonths} months` });
      return undefined;
    }
    const phase = label.phase === 1 || edge.to === options.via ? 1 : 0;
    const score = this.score(totals);
    const trail = trails(label, edge.to, taken.gains, simple);
    return {
      role: edge.to,
      held: taken.held,
      heldList: taken.added.length > 0 ? [...label.heldList, ...taken.added] : label.heldList,
      phase,
      visited: simple ? label.visited | this.roleBit(edge.to) : 0n,
      totals,
      score,
      priority: this.priority(score, edge.to, phase),
      trail: `${label.trail}>${graph.roles[edge.to]!.id}#${edge.routeId}`,
      signature: trail.signature,
      roleTrail: trail.roleTrail,
      qualTrail: trail.qualTrail,
      parent: label,
      edge,
      gains: taken.gains,
      step: taken.step,
    };
  }

  /** A score plus the bound on what is left from the role (0 before the waypoint is passed). */
  private priority(score: number[], role: number, phase: 0 | 1): number[] {
    if (phase === 0) return score;
    let bound = this.boundOf.get(role);
    if (!bound) {
      const months = this.bounds.months;
      const least = months?.min[role] ?? 0;
      bound = this.score({
        ...NO_METRICS,
        steps: movesLeftFrom(this.bounds.moves, role),
        monthsMin: least,
        monthsMax: months?.max[role] ?? 0,
        // Typical months are never below the least experience the moves demand; ranked months never
        // below the least each move's experience and weight give.
        monthsTypical: least,
        weighted: months?.ranked[role] ?? 0,
      });
      this.boundOf.set(role, bound);
    }
    const out = new Array<number>(score.length);
    for (let i = 0; i < score.length; i++) out[i] = score[i]! + bound[i]!;
    return out;
  }

  private roleBit(role: number): bigint {
    let b = this.localBit.get(role);
    if (b === undefined) this.localBit.set(role, (b = 1n << BigInt(this.localBit.size)));
    return b;
  }

  /**
   * True when this label can be skipped: k settled labels at its state do at least as well. In
   * simple mode they must differ in their roles so far: two that differ only in qualifications
   * can finish as the same route, and would count twice.
   */
  private dominated(label: Label): boolean {
    const atState = this.settled.get(label.role * 2 + label.phase);
    if (!atState) return false;
    if (this.options.firstLabelOnly) return true;
    // Only simple-route searches (alternatives, --via) can blow up on real data: one best route over
    // the shipped data settles every query in milliseconds without this valve.
    if (this.simple && atState.length >= MAX_LABELS_PER_STATE * this.k) {
      this.stoppedEarly = true;
      return true;
    }
    let distinct: Set<string> | undefined;
    for (let i = 0; i < atState.length; i++) {
      const other = atState[i]!;
      // The worth comparison is the costly part: it runs against the labels settled first (the best
      // at this state, the likeliest to cover), the rest by the held-set test alone. Skipping a
      // check only prunes less; it never changes the answer.
      if (!this.covers(other, label, i < WORTH_CHECKS_PER_STATE)) continue;
      if (!this.simple) return true;
      if ((other.visited & label.visited) !== other.visited) continue;
      (distinct ??= new Set()).add(other.roleTrail);
      if (distinct.size >= this.k) return true;
    }
    return false;
  }

  /**
   * True when `other` can finish any way `label` can for no more: it holds everything `label`
   * holds, or it is ahead by more than the worth of what it lacks (it could gain that on the way).
   */
  private covers(other: Label, label: Label, byWorth: boolean): boolean {
    if ((other.held & label.held) === label.held) return true;
    if (!byWorth) return false;
    // Adding what other lacks only makes its totals larger, so a worse score cannot end up better.
    if (compareScores(other.score, label.score) > 0) return false;
    const extra = { ...other.totals };
    const heldList = label.heldList;
    for (let i = 0; i < heldList.length; i++) {
      const q = heldList[i]!;
      if ((other.held & this.graph.qualBits[q]!) !== 0n) continue;
      const value = this.worth(q);
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
    return compareScores(this.score(extra), label.score) <= 0;
  }
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
