/** From a request to a Plan: runs the search and turns its labels into plain, renderable data. */
import type { Confidence, Qualification } from '../domain/types';
import type { PlanningGraph } from './graph';
import { labelPath, searchRoute, type Gain, type Label } from './search';
import type { GainedQualification, Named, PlanRequest, PlanResult, PlanStep, PlannedRoute } from './types';

/** Plans the best route for a request whose role and qualification ids are already resolved. */
export function planRoute(graph: PlanningGraph, request: PlanRequest): PlanResult {
  const from = graph.roleIndex.get(request.from)!;
  const to = graph.roleIndex.get(request.to)!;
  const fromRole = named(graph.roles[from]!);
  const toRole = named(graph.roles[to]!);
  if (from === to) return { kind: 'same-role', role: fromRole };

  const have = request.have.map((id) => graph.qualIndex.get(id)!);
  const result = searchRoute(graph, from, to, { optimise: request.optimise, have });
  if (!result.best) {
    const reachable = [...result.reached.values()]
      .filter((label) => label.role !== from)
      .sort((a, b) => a.totals.steps - b.totals.steps || a.trail.localeCompare(b.trail))
      .map((label) => named(graph.roles[label.role]!));
    return {
      kind: 'no-route',
      noRoute: {
        from: fromRole,
        to: toRole,
        reachable,
        reason:
          reachable.length === 0
            ? `the dataset has no move out of ${fromRole.name} that you can make`
            : `no chain of moves in the dataset leads from ${fromRole.name} to ${toRole.name}`,
      },
    };
  }
  return {
    kind: 'plan',
    plan: {
      from: fromRole,
      to: toRole,
      optimise: request.optimise,
      have: request.have.map((id) => named(graph.qualifications[graph.qualIndex.get(id)!]!)),
      best: describeRoute(graph, result.best),
      alternatives: [],
    },
  };
}

/** Turns a search label chain into steps, totals and a checklist. */
export function describeRoute(graph: PlanningGraph, last: Label): PlannedRoute {
  const steps: PlanStep[] = labelPath(last)
    .slice(1)
    .map((label) => {
      const edge = label.edge!;
      const step = label.step!;
      const gains = label.gains.map((gain) => describeGain(graph, gain));
      const confidence = lowest([
        edge.transition.confidence,
        edge.route.confidence ?? 'high',
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
  const checklist = steps.flatMap((s) => s.gains);
  return {
    steps,
    totals: {
      steps: t.steps,
      months: { min: t.monthsMin, max: t.monthsMax },
      cost: { min: t.costMin, max: t.costMax },
      unknownCost: steps.flatMap((s) => s.unknownCost),
      unknownDuration: steps.flatMap((s) => s.unknownDuration),
    },
    checklist,
    indicative: steps.some((s) => s.confidence === 'low'),
  };
}

function describeGain(graph: PlanningGraph, gain: Gain): GainedQualification {
  const q: Qualification = graph.qualifications[gain.qual]!;
  const fundingById = new Map(graph.dataset.funding.map((f) => [f.id, f]));
  return {
    id: q.id,
    name: q.name,
    kind: q.kind,
    ...(q.level !== undefined ? { level: q.level } : {}),
    ...(q.durationMonths ? { durationMonths: q.durationMonths } : {}),
    ...(q.cost ? { cost: { min: q.cost.min, max: q.cost.max } } : {}),
    funding: q.funding.map((id) => named(fundingById.get(id)!)),
    ...(gain.prerequisiteOf !== undefined ? { prerequisiteOf: graph.qualifications[gain.prerequisiteOf]!.id } : {}),
    includes: q.includes.map((id) => named(graph.qualifications[graph.qualIndex.get(id)!]!)),
    confidence: q.confidence,
  };
}

const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];

function lowest(values: Confidence[]): Confidence {
  return CONFIDENCE_ORDER.find((c) => values.includes(c)) ?? 'high';
}

function named(entry: { id: string; name: string }): Named {
  return { id: entry.id, name: entry.name };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
