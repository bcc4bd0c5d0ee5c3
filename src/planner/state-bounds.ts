/**
 * What A* knows about a search state (role, waypoint passed or not): a lower bound on what is left
 * to the goal, scored like a route, and whether the state is a dead end from which no route can
 * be finished. Before the waypoint what is left is the way to it, then the way on from it.
 */
import { lowerBounds, movesLeftFrom, UNREACHABLE, type LowerBounds } from './bounds';
import type { PlanningGraph } from './graph';
import { NO_METRICS, type StepMetrics } from './metrics';

export class StateBounds {
  private readonly toGoal: LowerBounds;
  private readonly toVia: LowerBounds | undefined;
  /** Dead ends are known only when the bound's pass ran to the end. */
  private readonly pruneDeadEnds: boolean;
  /** Scored once per state met (a label per move otherwise). */
  private readonly scored = new Map<number, number[]>();

  constructor(
    graph: PlanningGraph,
    goal: number,
    private readonly via: number | undefined,
    private readonly score: (m: StepMetrics) => number[],
    options: { withMonths: boolean; moveBudget?: number; pruneDeadEnds: boolean },
  ) {
    this.toGoal = lowerBounds(graph, goal, options.withMonths, options.moveBudget);
    this.toVia = via === undefined ? undefined : lowerBounds(graph, via, options.withMonths, options.moveBudget);
    this.pruneDeadEnds = options.pruneDeadEnds && this.toGoal.moves.beyond === UNREACHABLE;
  }

  /** A role from which no route can be finished: it cannot reach the goal, or (before the waypoint) the waypoint. */
  isDeadEnd(role: number, phase: 0 | 1): boolean {
    if (!this.pruneDeadEnds) return false;
    if (this.toGoal.moves.plusOne[role] === 0) return true;
    const via = this.toVia?.moves;
    return phase === 0 && via !== undefined && via.beyond === UNREACHABLE && via.plusOne[role] === 0;
  }

  /** The bound on what is left from a state, scored (each criterion is one figure, so scores add). */
  at(role: number, phase: 0 | 1): number[] {
    const key = role * 2 + phase;
    let bound = this.scored.get(key);
    if (!bound) {
      bound = phase === 1 ? this.vector(this.toGoal, role) : addVectors(this.vector(this.toVia!, role), this.vector(this.toGoal, this.via!));
      this.scored.set(key, bound);
    }
    return bound;
  }

  private vector(bounds: LowerBounds, role: number): number[] {
    const months = bounds.months;
    const least = months?.min[role] ?? 0;
    return this.score({
      ...NO_METRICS,
      steps: movesLeftFrom(bounds.moves, role),
      monthsMin: least,
      monthsMax: months?.max[role] ?? 0,
      // Typical months are never below the least experience the moves demand; ranked months never
      // below the least each move's experience and weight give.
      monthsTypical: least,
      weighted: months?.ranked[role] ?? 0,
      // A length no source gives is counted wherever every route of a move on the way lacks one.
      unknownDuration: months?.unknown[role] ?? 0,
    });
  }
}

function addVectors(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}
