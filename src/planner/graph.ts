/**
 * The planning graph: roles and qualifications as integer indices, transitions as edges
 * (one per route). Pure; built once per dataset.
 */
import type { Dataset, Qualification, Range, Role, Route, Transition } from '../domain/types';

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
  /** Incoming edges per role, for bounds computed backwards from a goal. */
  incoming: Edge[][];
  /** Per qualification: its direct prerequisites and what it awards along with it. */
  prerequisites: number[][];
  includes: number[][];
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
  for (const edges of out) {
    edges.sort((a, b) => compareIds(roles[a.to]!.id, roles[b.to]!.id) || compareIds(a.routeId, b.routeId));
  }
  const incoming: Edge[][] = roles.map(() => []);
  for (const edges of out) for (const edge of edges) incoming[edge.to]!.push(edge);
  return {
    dataset,
    roles,
    qualifications,
    roleIndex,
    qualIndex,
    out,
    incoming,
    prerequisites: qualifications.map((q) => q.requires.map(qual)),
    includes: qualifications.map((q) => q.includes.map(qual)),
  };
}

/** Plain code-unit order: stable across locales. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const ZERO: Range = { min: 0, max: 0 };

export function addRange(a: Range, b: Range): Range {
  return { min: a.min + b.min, max: a.max + b.max };
}
