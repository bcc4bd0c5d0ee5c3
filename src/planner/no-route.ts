/** Why there is no route: how far the person can get, what blocks the moves that would lead on, and the reason in words. */
import { fewestMoves } from './bounds';
import { compareIds, type PlanningGraph } from './graph';
import { named } from './describe';
import type { SearchLimit } from './limits';
import type { SearchResult } from './search';
import type { Blocker, NoRoute } from './types';

/**
 * How far the person can get, which reachable roles are closest to the goal (fewest moves left
 * in the whole dataset), and what blocks the moves that would lead on. The goal itself is never
 * listed as reachable: with a waypoint it may be, only not through the waypoint, and that is said.
 */
export function explainNoRoute(graph: PlanningGraph, from: number, to: number, via: number | undefined, result: SearchResult, constraints: string[]): NoRoute {
  const passedVia = via !== undefined && [...result.reached.values()].some((l) => l.phase === 1);
  const goal = via !== undefined && !passedVia ? via : to;
  const distance = movesLeft(graph, goal);
  const reachedRoles = [...result.reached.keys()].filter((r) => r !== from && r !== to);
  const closeness = (r: number) => distance[r] ?? Infinity;
  reachedRoles.sort(
    (a, b) =>
      closeness(a) - closeness(b) ||
      result.reached.get(a)!.totals.steps - result.reached.get(b)!.totals.steps ||
      compareIds(graph.roles[a]!.id, graph.roles[b]!.id),
  );
  const blockers = blockersLeadingOn(graph, result, distance);
  const toName = graph.roles[goal]!.name;
  const fromName = graph.roles[from]!.name;
  // A waypoint reached that leads nowhere near the goal is the whole answer: no constraint would change it.
  const viaDeadEnd = passedVia && distance[via!] === undefined;
  let reason: string;
  if (distance[from] === undefined) reason = `no chain of moves in the dataset leads from ${fromName} to ${toName}`;
  else if (viaDeadEnd) reason = deadEndReason(graph, via!, goal);
  else if (blockers.length > 0 || constraints.length > 0)
    reason = `every route to ${toName} is blocked${constraints.length ? ` under ${constraints.join(', ')}` : ''}`;
  else reason = `no route to ${toName} can be made from ${fromName}`;
  if (goal === via) reason = `the route cannot pass through ${toName}: ${reason}`;
  // A limit that closed (see searchRoutes) is the honest answer, unless the dataset itself rules the route out.
  if (result.stoppedEarly && distance[from] !== undefined && !viaDeadEnd) {
    reason = `the search reached its ${LIMIT_WORDS[result.stoppedBy ?? 'labels']} without reaching ${graph.roles[to]!.name}; there are too many possible routes to search them all for this question`;
  }
  return {
    from: named(graph.roles[from]!),
    to: named(graph.roles[to]!),
    reachable: reachedRoles.map((r) => named(graph.roles[r]!)),
    blockers: blockers.slice(0, 5),
    reason,
    constraints,
    reachableWithoutVia: via !== undefined && result.reached.has(to),
  };
}

const LIMIT_WORDS: Record<SearchLimit, string> = { labels: 'limit on partial routes', time: 'time limit', memory: 'memory limit' };

/** "nothing in the dataset leads on from AMHP, the role the route must pass through" (or no chain to the goal when moves out exist). */
function deadEndReason(graph: PlanningGraph, via: number, goal: number): string {
  const viaName = graph.roles[via]!.name;
  return graph.outOf(via).length === 0
    ? `nothing in the dataset leads on from ${viaName}, the role the route must pass through`
    : `no chain of moves in the dataset leads on from ${viaName}, the role the route must pass through, to ${graph.roles[goal]!.name}`;
}

/** The refused moves into roles that lead on to the goal, each reason once per move, nearest the goal first. */
function blockersLeadingOn(graph: PlanningGraph, result: SearchResult, distance: (number | undefined)[]): Blocker[] {
  const closeness = (r: number) => distance[r] ?? Infinity;
  const seen = new Set<string>();
  const blockers: Blocker[] = [];
  for (const { edge, reason } of [...result.blocked].sort((a, b) => closeness(a.edge.to) - closeness(b.edge.to))) {
    if (distance[edge.to] === undefined) continue;
    const key = `${edge.from}>${edge.to}:${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blockers.push({ from: named(graph.roles[edge.from]!), to: named(graph.roles[edge.to]!), reason });
  }
  return blockers;
}

/** Fewest moves from each role to the goal in the whole dataset (ignoring qualifications). */
function movesLeft(graph: PlanningGraph, goal: number): (number | undefined)[] {
  const { plusOne } = fewestMoves(graph, goal);
  return Array.from(plusOne, (d) => (d === 0 ? undefined : d - 1));
}
