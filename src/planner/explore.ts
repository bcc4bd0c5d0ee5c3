/** "Where can I go next" and "what does this qualification open": pure queries over the graph. */
import type { Range, TransitionKind } from '../domain/types';
import type { PlanningGraph } from './graph';
import { compareNames } from '../domain/names';
import { evaluateRoute, startingHeld } from './route-cost';
import type { Named } from './types';

export interface NextRoute {
  id: string;
  name?: string;
  /** Every qualification the route names, and whether it is already held. */
  requires: (Named & { held: boolean })[];
  /** What is still to gain, prerequisites first; empty when the move is open now. */
  toGain: Named[];
  experienceMonths?: Range;
  /** Time that must be served before the course starts. */
  experienceBeforeMonths?: Range;
  /** Why no source gives the experience the route needs. */
  experienceUnknown?: string;
  months?: Range;
  /** Why the route cannot be taken at all (a closed qualification), if so. */
  unavailable?: string;
}

export interface NextMove {
  to: Named & { level?: number; band?: Range };
  kind: TransitionKind;
  summary?: string;
  routes: NextRoute[];
  /** True when some route needs nothing new. */
  ready: boolean;
}

const KIND_ORDER: TransitionKind[] = ['up', 'specialise', 'sideways', 'professional'];

/** The moves open from a role: up, specialise, sideways, professional; within each, ready first, then by level. */
export function listNextMoves(graph: PlanningGraph, roleId: string, have: string[]): NextMove[] {
  const from = graph.roleIndex.get(roleId)!;
  const held = startingHeld(
    graph,
    from,
    have.map((id) => graph.qualIndex.get(id)!),
  );
  const byTarget = new Map<number, NextMove>();
  for (const edge of graph.outOf(from)) {
    const target = graph.roles[edge.to]!;
    let move = byTarget.get(edge.to);
    if (!move) {
      move = {
        to: {
          id: target.id,
          name: target.name,
          ...(target.level !== undefined ? { level: target.level } : {}),
          ...(target.band ? { band: target.band } : {}),
        },
        kind: edge.transition.kind,
        ...(edge.transition.summary ? { summary: edge.transition.summary } : {}),
        routes: [],
        ready: false,
      };
      byTarget.set(edge.to, move);
    }
    const evaluation = evaluateRoute(graph, edge, held);
    const requires = edge.requires.map((q) => ({
      id: graph.qualifications[q]!.id,
      name: graph.qualifications[q]!.name,
      held: (held & graph.qualBits[q]!) !== 0n,
    }));
    const route: NextRoute = {
      id: edge.routeId,
      ...(edge.route.name ? { name: edge.route.name } : {}),
      requires,
      toGain: evaluation.ok ? evaluation.gains.map((g) => named(graph.qualifications[g.qual]!)) : [],
      ...(edge.route.experienceMonths ? { experienceMonths: edge.route.experienceMonths } : {}),
      ...(edge.route.experienceBeforeMonths ? { experienceBeforeMonths: edge.route.experienceBeforeMonths } : {}),
      ...(edge.route.experienceUnknown !== undefined ? { experienceUnknown: edge.route.experienceUnknown } : {}),
      ...(evaluation.ok ? { months: { min: evaluation.step.monthsMin, max: evaluation.step.monthsMax } } : { unavailable: evaluation.reason }),
    };
    move.routes.push(route);
    if (evaluation.ok && route.toGain.length === 0) move.ready = true;
  }
  // Within a move: routes open now first, then those needing least, unavailable ones last.
  const need = (r: NextRoute) => (r.unavailable ? Infinity : r.toGain.length);
  for (const move of byTarget.values()) move.routes.sort((a, b) => need(a) - need(b));
  const rank = (m: NextMove) => m.to.level ?? m.to.band?.min ?? 0;
  return [...byTarget.values()].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || Number(b.ready) - Number(a.ready) || rank(a) - rank(b) || compareNames(a.to.name, b.to.name),
  );
}

export interface Unlocked {
  role: Named;
  /** The moves (from → this role) whose routes need the qualification. */
  from: Named[];
}

export interface Unlocks {
  qualification: Named;
  /** Roles a route needing this qualification (or one that includes it) leads to. */
  direct: Unlocked[];
  /** Roles one further move from those. */
  oneStepOn: Unlocked[];
}

/** The roles a qualification opens directly, and those one move further on. */
export function listUnlocks(graph: PlanningGraph, qualId: string): Unlocks {
  const q = graph.qualIndex.get(qualId)!;
  // Holding q also means holding what it includes (an apprenticeship's diploma).
  const covered = new Set<number>([q]);
  for (const stack = [q]; stack.length > 0; ) {
    for (const inc of graph.includes[stack.pop()!]!) {
      if (covered.has(inc)) continue;
      covered.add(inc);
      stack.push(inc);
    }
  }
  const direct = new Map<number, Set<number>>();
  graph.roles.forEach((_, from) => {
    for (const edge of graph.outOf(from)) {
      if (edge.requires.some((r) => covered.has(r))) {
        if (!direct.has(edge.to)) direct.set(edge.to, new Set());
        direct.get(edge.to)!.add(from);
      }
    }
  });
  const onward = new Map<number, Set<number>>();
  for (const role of direct.keys()) {
    for (const edge of graph.outOf(role)) {
      if (direct.has(edge.to)) continue;
      if (!onward.has(edge.to)) onward.set(edge.to, new Set());
      onward.get(edge.to)!.add(role);
    }
  }
  const list = (map: Map<number, Set<number>>): Unlocked[] =>
    [...map.entries()]
      .map(([role, froms]) => ({
        role: named(graph.roles[role]!),
        from: [...froms].map((f) => named(graph.roles[f]!)).sort((a, b) => compareNames(a.name, b.name)),
      }))
      .sort((a, b) => compareNames(a.role.name, b.role.name));
  return { qualification: named(graph.qualifications[q]!), direct: list(direct), oneStepOn: list(onward) };
}

function named(entry: { id: string; name: string }): Named {
  return { id: entry.id, name: entry.name };
}
