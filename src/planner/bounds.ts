/**
 * Lower bounds on what is left from each role to the goal (A*'s heuristic): the fewest moves, and
 * the least months the moves demand. Each is a shortest distance backwards from the goal, so it is
 * consistent and the search stays exact.
 */
import type { PlanningGraph } from './graph';
import { Heap } from './heap';

/** Roles that cannot reach the goal sort after every role that can (when the pass ran to the end). */
export const UNREACHABLE = 1e9;

/** Per role, a lower bound on what is left to the goal. */
export interface LowerBounds {
  moves: MovesToGoal;
  /**
   * The least experience (months) the moves to the goal demand, the least ranked months of the
   * realistic objective, and the fewest moves with no time in post a source gives on the way;
   * only made when time is ranked.
   */
  months?: { min: Float64Array; max: Float64Array; ranked: Float64Array; unknown: Float64Array };
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
  // Only the latest two goals are kept (a route through a waypoint bounds the way to it too): a
  // 100,000-role graph's bounds are megabytes each.
  if (perGraph.size >= 2) perGraph.delete(perGraph.keys().next().value!);
  perGraph.set(key, made);
  return made;
}

const boundsCache = new WeakMap<PlanningGraph, Map<string, LowerBounds>>();

function computeLowerBounds(graph: PlanningGraph, goal: number, withMonths: boolean, moveBudget: number): LowerBounds {
  const moves = fewestMoves(graph, goal, moveBudget);
  // The months bounds cost four full passes; they only pay for themselves when time is what is ranked.
  if (!withMonths) return { moves };
  const { experienceMin, experienceMax, rankedMin, unknownMin } = graph.reverse;
  return {
    moves,
    months: {
      min: leastMonths(graph, goal, experienceMin),
      max: leastMonths(graph, goal, experienceMax),
      ranked: leastMonths(graph, goal, rankedMin),
      unknown: leastMonths(graph, goal, unknownMin),
    },
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
 * Least total experience to the goal, backwards: Dijkstra over whole months (rounding weights
 * down keeps the bound a lower bound). 0 where the goal cannot be reached. A binary heap, not
 * buckets sized by the largest weight: one huge figure in a data file must not size an array.
 */
function leastMonths(graph: PlanningGraph, goal: number, weight: Float64Array): Float64Array {
  const n = graph.roles.length;
  const { start, from } = graph.reverse;
  const distance = new Float64Array(n).fill(Infinity);
  // Entries are [distance, role]; a role is queued again when its distance improves, and stale entries are skipped.
  const queue = new Heap<[number, number]>((a, b) => a[0] - b[0]);
  distance[goal] = 0;
  queue.push([0, goal]);
  while (queue.size > 0) {
    const [d, role] = queue.pop()!;
    if (distance[role] !== d) continue;
    for (let i = start[role]!; i < start[role + 1]!; i++) {
      const prev = from[i]!;
      const next = d + Math.floor(weight[i]!);
      if (next < distance[prev]!) {
        distance[prev] = next;
        queue.push([next, prev]);
      }
    }
  }
  for (let r = 0; r < n; r++) if (distance[r] === Infinity) distance[r] = 0;
  return distance;
}
