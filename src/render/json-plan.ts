/** `careerpath plan --json`: the plan, its routes and their steps, typed by the contract (json-contract-plan.ts). */
import type { GainedQualification, Plan, PlannedRoute, PlanStep, RegistrationGate, ServedExperience } from '../planner/types';
import type { DocumentContext } from './context';
import { datasetJson, named, OUTPUT_SCHEMA_VERSION, range, sourceJson, stringify } from './json';
import type { GainedQualificationJson, GateJson, PlanJson, RouteJson, StepJson } from './json-contract-plan';

/** The plan, best route and alternatives, with the sources behind it. */
export function renderPlanJson(plan: Plan, context: DocumentContext): string {
  return stringify<PlanJson>({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'plan',
    generated: context.today,
    dataset: datasetJson(context.dataset),
    from: named(plan.from),
    to: named(plan.to),
    optimise: plan.optimise,
    have: plan.have.map(named),
    via: plan.via ? named(plan.via) : null,
    constraints: [...plan.constraints],
    hoursPerWeek: plan.hoursPerWeek ?? null,
    monthsInRole: plan.monthsInRole ?? null,
    best: routeJson(plan, plan.best),
    alternatives: plan.alternatives.map((route) => routeJson(plan, route)),
    searchComplete: plan.searchComplete,
    searchLimit: plan.searchLimit ?? null,
    nations: [...plan.nations],
    funding: plan.funding.map((f) => ({
      id: f.id,
      name: f.name,
      summary: f.summary,
      amounts: f.amounts.map((a) => ({ label: a.label, amount: a.amount, per: a.per, year: a.year })),
    })),
    sources: context.sources.map(sourceJson),
  });
}

function routeJson(plan: Plan, route: PlannedRoute): RouteJson {
  const t = route.totals;
  return {
    path: [plan.from, ...route.steps.map((s) => s.to)].map(named),
    reasons: [...route.reasons],
    totals: {
      steps: t.steps,
      months: range(t.months),
      typicalMonths: t.typicalMonths,
      monthsComplete: t.unknownDuration.length === 0 && t.unknownExperience === 0,
      cost: t.unknownCost.length === 0 ? range(t.cost) : null,
      knownCost: range(t.cost),
      costComplete: t.unknownCost.length === 0,
      unknownCost: [...t.unknownCost],
      unknownDuration: [...t.unknownDuration],
      unknownExperience: t.unknownExperience,
      leavesPaidWork: t.leavesPaidWork,
    },
    gates: route.steps.flatMap((s, i) => (s.gate ? [gateJson(s.gate, i + 1)] : [])),
    indicative: route.indicative,
    steps: route.steps.map(stepJson),
    checklist: route.checklist.map(qualificationJson),
  };
}

function stepJson(step: PlanStep, index: number): StepJson {
  return {
    number: index + 1,
    from: named(step.from),
    to: named(step.to),
    kind: step.kind,
    routeId: step.routeId,
    routeName: step.routeName ?? null,
    months: range(step.months),
    typicalMonths: step.typicalMonths,
    experience: {
      before: step.experience.before ? range(step.experience.before) : null,
      alongside: step.experience.alongside ? range(step.experience.alongside) : null,
      unknown: step.experience.unknown ?? null,
      served: servedJson(step.experience.served),
    },
    cost: step.unknownCost.length === 0 ? range(step.cost) : null,
    knownCost: range(step.cost),
    conditions: step.conditions.map((c) => ({ kind: c.kind, text: c.text })),
    gate: step.gate ? gateJson(step.gate, index + 1) : null,
    qualifications: step.gains.map(qualificationJson),
    notes: [...step.notes],
    confidence: step.confidence,
    indicative: step.confidence === 'low',
    sources: [...step.sources],
  };
}

function qualificationJson(g: GainedQualification): GainedQualificationJson {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    level: g.level ?? null,
    durationMonths: g.durationMonths ? range(g.durationMonths) : null,
    cost: g.cost ? range(g.cost) : null,
    funding: g.funding.map(named),
    prerequisiteOf: g.prerequisiteOf ?? null,
    includes: g.includes.map(named),
    confidence: g.confidence,
    indicative: g.confidence === 'low',
  };
}

function gateJson(g: RegistrationGate, step: number): GateJson {
  return {
    step,
    role: named(g.role),
    body: g.body,
    required: g.required,
    checks: g.checks ?? null,
    qualification: g.qualification ?? null,
    approval: g.approval ?? null,
    sources: [...g.sources],
  };
}

/** What months already served took off a step's time in post, or null when none were counted. */
function servedJson(served: ServedExperience | undefined) {
  if (!served) return null;
  return { months: served.months, before: served.before ? range(served.before) : null, alongside: served.alongside ? range(served.alongside) : null };
}
