/** From a request to a Plan: runs the search and turns its labels into plain, renderable data. */
import type { Confidence, Qualification } from '../domain/types';
import type { PlanningGraph } from './graph';
import { fewestMoves, labelPath, qualificationMonths, searchRoutes, type Gain, type Label, type QualificationFilter, type SearchResult } from './search';
import type { Blocker, GainedQualification, Named, PlanRequest, PlanResult, PlanStep, PlannedRoute } from './types';

/** True for qualifications only a university offers (full-time degrees). */
export function isUniversityOnly(q: Qualification): boolean {
  return q.university ?? ((q.kind === 'degree' || q.kind === 'postgraduate') && q.inWork !== true);
}

/** True for qualifications that can be done while employed: apprenticeships and employer-funded training. */
export function canDoInWork(q: Qualification): boolean {
  return q.inWork ?? (q.kind === 'apprenticeship' || q.funding.includes('employer'));
}

/** The constraints of a request, in words. */
export function describeConstraints(request: PlanRequest, name: (id: string) => string): string[] {
  const out: string[] = [];
  if (request.noDegree) out.push('no university-only routes');
  if (request.earnWhileLearning) out.push('only routes you can do while working');
  if (request.maxMonths !== undefined) out.push(`at most ${request.maxMonths} months`);
  for (const id of request.avoid ?? []) out.push(`avoiding ${name(id)}`);
  return out;
}

/** Plans the best route (and alternatives) for a request whose ids are already resolved. */
export function planRoute(graph: PlanningGraph, request: PlanRequest): PlanResult {
  const from = graph.roleIndex.get(request.from)!;
  const to = graph.roleIndex.get(request.to)!;
  const fromRole = named(graph.roles[from]!);
  const toRole = named(graph.roles[to]!);
  if (from === to) return { kind: 'same-role', role: fromRole };

  const avoid = new Set(request.avoid);
  const refuse: QualificationFilter = (q) => {
    if (avoid.has(q.id)) return 'is excluded by --avoid';
    if (request.noDegree && isUniversityOnly(q)) return 'is university-only (--no-degree)';
    if (request.earnWhileLearning && !canDoInWork(q)) return 'cannot be done while working (--earn-while-learning)';
    return undefined;
  };
  // Stryker disable next-line MethodExpression: unfiltered, a qualification id maps to undefined, which is no role index
  const avoidRoles = new Set([...avoid].filter((id) => graph.roleIndex.has(id)).map((id) => graph.roleIndex.get(id)!));
  const via = request.via === undefined ? undefined : graph.roleIndex.get(request.via)!;
  const result = searchRoutes(graph, from, to, {
    optimise: request.optimise,
    have: request.have.map((id) => graph.qualIndex.get(id)!),
    k: 1 + (request.alternatives ?? 0),
    via,
    avoidRoles,
    refuse,
    maxMonths: request.maxMonths,
    hoursPerWeek: request.hoursPerWeek,
  });
  const nameOf = (id: string) => (graph.roleIndex.has(id) ? graph.roles[graph.roleIndex.get(id)!]!.name : graph.qualifications[graph.qualIndex.get(id)!]!.name);
  const constraints = describeConstraints(request, nameOf);

  const [best, ...alternatives] = result.routes;
  if (!best) return { kind: 'no-route', noRoute: explainNoRoute(graph, from, to, via, result, constraints) };
  const describe = (label: Label) => describeRoute(graph, label, request.hoursPerWeek);
  return {
    kind: 'plan',
    plan: {
      from: fromRole,
      to: toRole,
      optimise: request.optimise,
      have: request.have.map((id) => named(graph.qualifications[graph.qualIndex.get(id)!]!)),
      ...(via !== undefined ? { via: named(graph.roles[via]!) } : {}),
      constraints,
      ...(request.hoursPerWeek !== undefined ? { hoursPerWeek: request.hoursPerWeek } : {}),
      best: describe(best),
      alternatives: alternatives.map(describe),
      searchComplete: !result.stoppedEarly,
    },
  };
}

/**
 * How far the person can get, which reachable roles are closest to the goal (fewest moves left
 * in the whole dataset), and what blocks the moves that would lead on.
 */
function explainNoRoute(
  graph: PlanningGraph,
  from: number,
  to: number,
  via: number | undefined,
  result: SearchResult,
  constraints: string[],
) {
  const goal = via !== undefined && ![...result.reached.values()].some((l) => l.phase === 1) ? via : to;
  const distance = movesLeft(graph, goal);
  const reachedRoles = [...result.reached.keys()].filter((r) => r !== from);
  const closeness = (r: number) => distance[r] ?? Infinity;
  reachedRoles.sort(
    (a, b) =>
      closeness(a) - closeness(b) ||
      result.reached.get(a)!.totals.steps - result.reached.get(b)!.totals.steps ||
      graph.roles[a]!.id.localeCompare(graph.roles[b]!.id),
  );
  const leadsOn = (r: number) => distance[r] !== undefined;
  const seen = new Set<string>();
  const blockers: Blocker[] = [];
  for (const { edge, reason } of [...result.blocked].sort((a, b) => closeness(a.edge.to) - closeness(b.edge.to))) {
    if (!leadsOn(edge.to)) continue;
    const key = `${edge.from}>${edge.to}:${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blockers.push({ from: named(graph.roles[edge.from]!), to: named(graph.roles[edge.to]!), reason });
  }
  const toName = graph.roles[goal]!.name;
  const fromName = graph.roles[from]!.name;
  let reason: string;
  if (distance[from] === undefined) reason = `no chain of moves in the dataset leads from ${fromName} to ${toName}`;
  else if (blockers.length > 0 || constraints.length > 0) reason = `every route to ${toName} is blocked${constraints.length ? ` under ${constraints.join(', ')}` : ''}`;
  else reason = `no route to ${toName} can be made from ${fromName}`;
  if (goal === via) reason = `the route cannot pass through ${toName}: ${reason}`;
  // A safety valve that closed (see searchRoutes) is the honest answer, unless no chain of moves exists at all.
  if (result.stoppedEarly && distance[from] !== undefined) {
    reason = `the search reached its limit on partial routes without reaching ${graph.roles[to]!.name}; there are too many possible routes to search them all for this question`;
  }
  return {
    from: named(graph.roles[from]!),
    to: named(graph.roles[to]!),
    reachable: reachedRoles.map((r) => named(graph.roles[r]!)),
    blockers: blockers.slice(0, 5),
    reason,
    constraints,
  };
}

/** Fewest moves from each role to the goal in the whole dataset (ignoring qualifications). */
function movesLeft(graph: PlanningGraph, goal: number): (number | undefined)[] {
  const { plusOne } = fewestMoves(graph, goal);
  return Array.from(plusOne, (d) => (d === 0 ? undefined : d - 1));
}

/** Turns a search label chain into steps, totals and a checklist. */
export function describeRoute(graph: PlanningGraph, last: Label, hoursPerWeek?: number): PlannedRoute {
  const steps: PlanStep[] = labelPath(last)
    .slice(1)
    .map((label) => {
      const edge = label.edge!;
      const step = label.step!;
      const gains = label.gains.map((gain) => describeGain(graph, gain, hoursPerWeek));
      const confidence = lowest([
        edge.transition.confidence,
        edge.route.confidence,
        graph.roles[edge.to]!.confidence,
        ...gains.map((g) => g.confidence),
      ]);
      return {
        from: named(graph.roles[edge.from]!),
        to: named(graph.roles[edge.to]!),
        kind: edge.transition.kind,
        routeId: edge.routeId,
        ...(edge.route.name ? { routeName: edge.route.name } : {}),
        notes: edge.route.notes,
        gains,
        ...(edge.route.experienceMonths ? { experienceMonths: edge.route.experienceMonths } : {}),
        months: { min: step.monthsMin, max: step.monthsMax },
        cost: { min: step.costMin, max: step.costMax },
        unknownCost: gains.filter((g) => !g.cost).map((g) => g.id),
        unknownDuration: gains.filter((g) => !g.durationMonths).map((g) => g.id),
        confidence,
        sources: unique([...(edge.route.sources ?? []), ...edge.transition.sources]),
      };
    });
  const t = last.totals;
  return {
    steps,
    totals: {
      steps: t.steps,
      months: { min: t.monthsMin, max: t.monthsMax },
      cost: { min: t.costMin, max: t.costMax },
      unknownCost: steps.flatMap((s) => s.unknownCost),
      unknownDuration: steps.flatMap((s) => s.unknownDuration),
    },
    checklist: steps.flatMap((s) => s.gains),
    indicative: steps.some((s) => s.confidence === 'low'),
  };
}

function describeGain(graph: PlanningGraph, gain: Gain, hoursPerWeek?: number): GainedQualification {
  const q: Qualification = graph.qualifications[gain.qual]!;
  const fundingById = new Map(graph.dataset.funding.map((f) => [f.id, f]));
  const months = qualificationMonths(q, hoursPerWeek);
  return {
    id: q.id,
    name: q.name,
    kind: q.kind,
    ...(q.level !== undefined ? { level: q.level } : {}),
    ...(months ? { durationMonths: months } : {}),
    ...(q.cost ? { cost: { min: q.cost.min, max: q.cost.max } } : {}),
    funding: q.funding.map((id) => named(fundingById.get(id)!)),
    ...(gain.prerequisiteOf !== undefined ? { prerequisiteOf: graph.qualifications[gain.prerequisiteOf]!.id } : {}),
    includes: q.includes.map((id) => named(graph.qualifications[graph.qualIndex.get(id)!]!)),
    confidence: q.confidence,
  };
}

/** The lowest confidence given (a route's own may be absent): low, else medium, else high. */
function lowest(values: (Confidence | undefined)[]): Confidence {
  return (['low', 'medium'] as const).find((c) => values.includes(c)) ?? 'high';
}

function named(entry: { id: string; name: string }): Named {
  return { id: entry.id, name: entry.name };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
