/**
 * The planning graph: roles and qualifications as integer indices, transitions as edges
 * (one per route). Pure; built once per dataset.
 */
import type { Dataset, Qualification, Role, Route, Transition } from '../domain/types';

export interface Edge {
  from: number;
  to: number;
  transition: Transition;
  route: Route;
  routeId: string;
  /** Qualification indices the route names, in the order given. */
  requires: number[];
}

export interface PlanningGraph {
  dataset: Dataset;
  roles: Role[];
  qualifications: Qualification[];
  roleIndex: Map<string, number>;
  qualIndex: Map<string, number>;
  /** Outgoing edges per role, sorted by target id then route id so search order is stable. */
  out: Edge[][];
  /**
   * Incoming moves in compressed rows (typed arrays, so a backwards pass over a million moves is a
   * few milliseconds): for role r, entries reverse.start[r] to reverse.start[r+1]-1.
   */
  reverse: ReverseIndex;
  /** Per qualification: its bit in a held set (made once: BigInt shifts allocate). */
  qualBits: bigint[];
  /** Per qualification: its direct prerequisites and what it awards along with it. */
  prerequisites: number[][];
  includes: number[][];
}

export interface ReverseIndex {
  start: Int32Array;
  /** The role each incoming move comes from. */
  from: Int32Array;
  /** The least experience (months) the move's routes expect, low and high ends. */
  experienceMin: Float64Array;
  experienceMax: Float64Array;
}

/** Builds index maps and adjacency lists from a validated dataset. */
export function buildGraph(dataset: Dataset): PlanningGraph {
  const roles = dataset.roles;
  const qualifications = dataset.qualifications;
  const roleIndex = new Map(roles.map((r, i) => [r.id, i]));
  const qualIndex = new Map(qualifications.map((q, i) => [q.id, i]));
  const qual = (id: string) => qualIndex.get(id)!;
  const out: Edge[][] = roles.map(() => []);
  for (const transition of dataset.transitions) {
    const from = roleIndex.get(transition.from)!;
    const to = roleIndex.get(transition.to)!;
    transition.routes.forEach((route, index) => {
      out[from]!.push({
        from,
        to,
        transition,
        route,
        routeId: route.id ?? String(index + 1),
        requires: route.requires.map(qual),
      });
    });
  }
  // Edges in target-id order (then route id) so the search is deterministic whatever the file
  // order; comparing precomputed ranks instead of id strings keeps this cheap for a million moves.
  const rank = new Int32Array(roles.length);
  roles
    .map((r, i) => i)
    .sort((a, b) => compareIds(roles[a]!.id, roles[b]!.id))
    .forEach((role, position) => (rank[role] = position));
  for (const edges of out) edges.sort((a, b) => rank[a.to]! - rank[b.to]! || compareIds(a.routeId, b.routeId));
  const reverse = buildReverseIndex(roles.length, out);
  return {
    dataset,
    roles,
    qualifications,
    roleIndex,
    qualIndex,
    out,
    reverse,
    qualBits: qualifications.map((_, i) => 1n << BigInt(i)),
    prerequisites: qualifications.map((q) => q.requires.map(qual)),
    includes: qualifications.map((q) => q.includes.map(qual)),
  };
}

function buildReverseIndex(roleCount: number, out: Edge[][]): ReverseIndex {
  const start = new Int32Array(roleCount + 1);
  let total = 0;
  for (const edges of out) for (const edge of edges) start[edge.to + 1]!++, total++;
  for (let r = 1; r <= roleCount; r++) start[r]! += start[r - 1]!;
  const from = new Int32Array(total);
  const experienceMin = new Float64Array(total);
  const experienceMax = new Float64Array(total);
  const next = start.slice(0, roleCount);
  for (const edges of out) {
    for (const edge of edges) {
      const i = next[edge.to]!++;
      from[i] = edge.from;
      experienceMin[i] = edge.route.experienceMonths?.min ?? 0;
      experienceMax[i] = edge.route.experienceMonths?.max ?? 0;
    }
  }
  return { start, from, experienceMin, experienceMax };
}

/** Plain code-unit order: stable across locales. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
