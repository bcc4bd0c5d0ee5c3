/**
 * The labels a search has settled, state by state, and the test that lets it skip a label: k
 * settled labels at its state do at least as well. In simple mode (alternatives, --via) they
 * must also differ in their roles so far: two that differ only in qualifications can finish as
 * the same route, and would count twice.
 */
import type { PlanningGraph } from './graph';
import type { Label } from './label';
import { compareScores, type StepMetrics } from './metrics';

/**
 * Safety valves against blow-up: labels kept per state when routes must be simple (alternatives,
 * --via: enumerating simple routes to an unreachable or far goal is exponential). The search says
 * when a valve closed: the routes found are then the best among those searched.
 */
export const MAX_LABELS_PER_STATE = 64;
/** How many settled labels at a state a new label is compared with by worth (see dominated). */
export const WORTH_CHECKS_PER_STATE = 4;

export interface DominanceRules {
  graph: PlanningGraph;
  score: (m: StepMetrics) => number[];
  /** What holding a qualification can save at most; undefined when it cannot be planned. */
  worth: (q: number) => StepMetrics | undefined;
  k: number;
  simple: boolean;
  /** Settle one label per state: any later one is skipped. */
  firstLabelOnly: boolean;
}

export class SettledLabels {
  private readonly byState = new Map<number, Label[]>();
  /**
   * The held sets settled at each state (one best route only). A label settled earlier at the
   * same state scores no more (same bound, popped first), so the same held set there covers a new
   * label at once: most labels a search makes are met this way, without a scan of the state.
   */
  private readonly heldByState = new Map<number, Set<bigint>>();
  /** True once a state held MAX_LABELS_PER_STATE × k labels and a label was skipped for it. */
  valveClosed = false;

  constructor(private readonly rules: DominanceRules) {}

  add(label: Label): void {
    const key = stateKey(label);
    const atState = this.byState.get(key);
    if (atState) atState.push(label);
    else this.byState.set(key, [label]);
    if (this.rules.simple) return;
    const held = this.heldByState.get(key);
    if (held) held.add(label.held);
    else this.heldByState.set(key, new Set([label.held]));
  }

  /** True when this label can be skipped: k settled labels at its state do at least as well. */
  dominated(label: Label): boolean {
    const atState = this.byState.get(stateKey(label));
    if (!atState) return false;
    const { simple, k } = this.rules;
    if (this.rules.firstLabelOnly) return true;
    if (!simple && this.heldByState.get(stateKey(label))!.has(label.held)) return true;
    // Only simple-route searches (alternatives, --via) can blow up on real data: one best route over
    // the shipped data settles every query in milliseconds without this valve.
    if (simple && atState.length >= MAX_LABELS_PER_STATE * k) {
      this.valveClosed = true;
      return true;
    }
    let distinct: Set<string> | undefined;
    // One best route: the labels this one was compared with when it was made need no second look
    // when it is taken from the queue (simple mode counts every covering label, so it looks again).
    const first = simple ? 0 : (label.checked ?? 0);
    if (!simple) label.checked = atState.length;
    for (let i = first; i < atState.length; i++) {
      const other = atState[i]!;
      // The worth comparison is the costly part: it runs against the labels settled first (the best
      // at this state, the likeliest to cover), the rest by the held-set test alone. Skipping a
      // check only prunes less; it never changes the answer.
      if (!this.covers(other, label, i < WORTH_CHECKS_PER_STATE)) continue;
      if (!simple) return true;
      if ((other.visited & label.visited) !== other.visited) continue;
      (distinct ??= new Set()).add(other.roleTrail);
      if (distinct.size >= k) return true;
    }
    return false;
  }

  /**
   * True when `other` can finish any way `label` can for no more: it holds everything `label`
   * holds, or it is ahead by more than the worth of what it lacks (it could gain that on the way).
   */
  private covers(other: Label, label: Label, byWorth: boolean): boolean {
    if ((other.heldMask & label.heldMask) === label.heldMask && (other.held & label.held) === label.held) return true;
    if (!byWorth) return false;
    const { graph, score, worth } = this.rules;
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
  }
}

/** A search state: the role, and whether the waypoint has been passed. */
export const stateKey = (label: Label): number => label.role * 2 + label.phase;
