/** A route the search found, as plain data: its steps, gains, gates, conditions, totals and checklist. */
import type { Qualification, Range } from '../domain/types';
import { experienceLeft } from './experience';
import { lowestConfidence, type Edge, type PlanningGraph } from './graph';
import { isUniversityOnly, qualificationMonths, type Gain } from './route-cost';
import { labelPath, type Label } from './search';
import type { GainedQualification, Named, PlanStep, PlannedRoute, RegistrationGate, ServedExperience, StepCondition } from './types';

/** Turns a search label chain into steps, totals and a checklist; `monthsInRole` as the search counted it (first step only). */
export function describeRoute(graph: PlanningGraph, last: Label, hoursPerWeek?: number, monthsInRole = 0): PlannedRoute {
  const steps: PlanStep[] = labelPath(last)
    .slice(1)
    .map((label, index) => {
      const edge = label.edge!;
      const step = label.step!;
      const gains = label.gains.map((gain) => describeGain(graph, gain, hoursPerWeek));
      const confidence = lowestConfidence([
        edge.transition.confidence,
        edge.route.confidence,
        graph.roles[edge.to]!.confidence,
        ...gains.map((g) => g.confidence),
      ]);
      const { experienceMonths, experienceBeforeMonths, experienceUnknown } = edge.route;
      // A step that qualifies for no new profession, from a role on the same register, keeps the registration.
      const qualifiesAnew = label.gains.some((g) => graph.qualifications[g.qual]!.purpose === 'professional-entry');
      const gate = registrationGate(graph, edge.to, qualifiesAnew ? undefined : edge.from);
      return {
        from: named(graph.roles[edge.from]!),
        to: named(graph.roles[edge.to]!),
        kind: edge.transition.kind,
        routeId: edge.routeId,
        ...(edge.route.name ? { routeName: edge.route.name } : {}),
        notes: edge.route.notes,
        gains,
        experience: {
          ...(experienceBeforeMonths ? { before: experienceBeforeMonths } : {}),
          ...(experienceMonths ? { alongside: experienceMonths } : {}),
          ...(experienceUnknown !== undefined ? { unknown: experienceUnknown } : {}),
          ...(index === 0 ? servedExperience(edge, monthsInRole) : {}),
        },
        months: { min: step.monthsMin, max: step.monthsMax },
        typicalMonths: step.monthsTypical,
        cost: { min: step.costMin, max: step.costMax },
        unknownCost: gains.filter((g) => !g.cost).map((g) => g.id),
        unknownDuration: gains.filter((g) => !g.durationMonths).map((g) => g.id),
        conditions: stepConditions(graph, edge, label.gains),
        ...(gate ? { gate } : {}),
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
      typicalMonths: t.monthsTypical,
      leavesPaidWork: t.leavesPaidWork,
      unknownExperience: steps.filter((s) => s.experience.unknown !== undefined).length,
      cost: { min: t.costMin, max: t.costMax },
      unknownCost: steps.flatMap((s) => s.unknownCost),
      unknownDuration: steps.flatMap((s) => s.unknownDuration),
    },
    checklist: steps.flatMap((s) => s.gains),
    indicative: steps.some((s) => s.confidence === 'low'),
    reasons: [],
  };
}

/** What the months already served counted for on a move, and what is left; nothing when the move asks for no time the sources give. */
function servedExperience(edge: Edge, months: number): { served?: ServedExperience } {
  const { experienceBeforeMonths: before, experienceMonths: alongside } = edge.route;
  const asks = (r: Range | undefined): r is Range => r !== undefined && r.max > 0;
  if (months <= 0 || (!asks(before) && !asks(alongside))) return {};
  const left = experienceLeft(edge.route, months);
  const range = (r: Range): Range => ({ min: r.min, max: r.max });
  return {
    served: { months, ...(asks(before) ? { before: range(left.before) } : {}), ...(asks(alongside) ? { alongside: range(left.alongside) } : {}) },
  };
}

/**
 * The registration a step into a role passes, if any. A step from `alreadyFrom`, a role on the same
 * register (a nurse taking a care home or clinical lead post), passes no new gate: the person stays
 * registered. Approvals (an AMHP's) are always shown.
 */
function registrationGate(graph: PlanningGraph, role: number, alreadyFrom?: number): RegistrationGate | undefined {
  const r = graph.roles[role]!;
  const reg = r.registration;
  if (!reg || (!reg.required && reg.approval === undefined)) return undefined;
  const before = alreadyFrom === undefined ? undefined : graph.roles[alreadyFrom]!.registration;
  if (before?.required && before.body === reg.body && reg.approval === undefined) return undefined;
  return {
    role: named(r),
    body: reg.body,
    required: reg.required,
    ...(reg.checks !== undefined ? { checks: reg.checks } : {}),
    ...(reg.qualification !== undefined ? { qualification: reg.qualification } : {}),
    ...(reg.approval !== undefined ? { approval: reg.approval } : {}),
    sources: reg.sources ?? r.sources,
  };
}

/**
 * What decides whether a person can take the step: the route's own conditions, then those the
 * qualifications imply (an apprenticeship needs an employer who offers it; a university-only
 * course means leaving full-time paid work), each said once.
 */
function stepConditions(graph: PlanningGraph, edge: Edge, gains: Gain[]): StepCondition[] {
  const out: StepCondition[] = [...(edge.route.conditions ?? [])];
  const has = (kind: StepCondition['kind']) => out.some((c) => c.kind === kind);
  for (const { qual } of gains) {
    const q: Qualification = graph.qualifications[qual]!;
    if (q.kind === 'apprenticeship' && !has('employer-offers')) {
      out.push({ kind: 'employer-offers', text: `Needs an employer who offers the ${q.name} and takes you on as an apprentice` });
    }
    if (isUniversityOnly(q) && !has('leaves-paid-work')) {
      out.push({ kind: 'leaves-paid-work', text: `${q.name} is a university course: full-time study means leaving full-time paid work` });
    }
  }
  return out;
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

export function named(entry: { id: string; name: string }): Named {
  return { id: entry.id, name: entry.name };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
