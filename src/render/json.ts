/**
 * The JSON output of every command: one documented, versioned shape (src/render/output.schema.json).
 * Every object is built key by key here, so key order is stable and a field added to the planner's
 * types never leaks into scripts' input by accident. Absent facts are null, never missing.
 */
import type { DatasetIssue } from '../dataset/issue';
import { formatPath } from '../dataset/issue';
import type { QualificationDetails, RoleDetails } from '../domain/details';
import type { Dataset, Qualification, Range, Role, Source } from '../domain/types';
import type { GainedQualification, Named, Plan, PlannedRoute, PlanStep, RegistrationGate, ServedExperience } from '../planner/types';
import type { NextMove, Unlocks } from '../planner/explore';
import type { DatasetInfo, DocumentContext } from './context';

/** Bumped when a field is removed or changes meaning (adding a field does not bump it). */
export const OUTPUT_SCHEMA_VERSION = 2;

/** A failure as the error boundary reports it. */
export interface ErrorReport {
  code: 'usage' | 'dataset' | 'failure' | 'cancelled' | 'internal';
  exitCode: number;
  message: string;
  hint?: string;
  /** For code dataset: each problem, as file:line:column: message. */
  problems?: string[];
}

/** A failure under --json: the `error` document, printed on stdout beside the message on stderr. */
export function renderErrorJson(report: ErrorReport): string {
  const json = {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'error',
    code: report.code,
    exitCode: report.exitCode,
    message: report.message,
    hint: report.hint ?? null,
    problems: report.problems ?? [],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The plan, best route and alternatives, with the sources behind it. */
export function renderPlanJson(plan: Plan, context: DocumentContext): string {
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'plan',
    generated: context.today,
    dataset: datasetJson(context.dataset),
    from: named(plan.from),
    to: named(plan.to),
    optimise: plan.optimise,
    have: plan.have.map(named),
    via: plan.via ? named(plan.via) : null,
    constraints: [...(plan.constraints ?? [])],
    hoursPerWeek: plan.hoursPerWeek ?? null,
    monthsInRole: plan.monthsInRole ?? null,
    best: routeJson(plan, plan.best),
    alternatives: plan.alternatives.map((route) => routeJson(plan, route)),
    searchComplete: plan.searchComplete,
    searchLimit: plan.searchLimit ?? null,
    nations: [...plan.nations],
    funding: plan.funding.map((f) => ({ id: f.id, name: f.name, summary: f.summary, amounts: f.amounts.map((a) => ({ ...a })) })),
    sources: context.sources.map(sourceJson),
  });
}

/** The moves open from a role (`careerpath next`). */
export function renderNextJson(from: Named, moves: NextMove[], dataset: DatasetInfo): string {
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'next',
    dataset: datasetJson(dataset),
    from: named(from),
    moves: moves.map((m) => ({
      to: { id: m.to.id, name: m.to.name, level: m.to.level ?? null, band: m.to.band ? range(m.to.band) : null },
      kind: m.kind,
      summary: m.summary ?? null,
      ready: m.ready,
      routes: m.routes.map((r) => ({
        id: r.id,
        name: r.name ?? null,
        requires: r.requires.map((q) => ({ id: q.id, name: q.name, held: q.held })),
        toGain: r.toGain.map(named),
        experienceMonths: r.experienceMonths ? range(r.experienceMonths) : null,
        experienceBeforeMonths: r.experienceBeforeMonths ? range(r.experienceBeforeMonths) : null,
        experienceUnknown: r.experienceUnknown ?? null,
        months: r.months ? range(r.months) : null,
        unavailable: r.unavailable ?? null,
      })),
    })),
  });
}

/** The roles a qualification opens (`careerpath unlocks`). */
export function renderUnlocksJson(unlocks: Unlocks, dataset: DatasetInfo): string {
  const list = (items: Unlocks['direct']) => items.map((u) => ({ role: named(u.role), from: u.from.map(named) }));
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'unlocks',
    dataset: datasetJson(dataset),
    qualification: named(unlocks.qualification),
    direct: list(unlocks.direct),
    oneStepOn: list(unlocks.oneStepOn),
  });
}

/** The roles list with the filter that made it. */
export function renderRolesJson(roles: Role[], filter: { sector?: string; level?: number }, dataset: DatasetInfo): string {
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'roles',
    dataset: datasetJson(dataset),
    filter: { sector: filter.sector ?? null, level: filter.level ?? null },
    count: roles.length,
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      aliases: [...r.aliases],
      sector: r.sector,
      level: r.level ?? null,
      band: r.band ? range(r.band) : null,
      careCategory: r.careCategory ?? null,
      entry: r.entry,
      registration: r.registration ? { body: r.registration.body, required: r.registration.required } : null,
      confidence: r.confidence,
      indicative: r.confidence === 'low',
    })),
  });
}

/** The qualifications list (`careerpath qualifications`). */
export function renderQualificationsJson(qualifications: Qualification[], filter: { level?: number; kind?: string }, dataset: DatasetInfo): string {
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'qualifications',
    dataset: datasetJson(dataset),
    filter: { level: filter.level ?? null, kind: filter.kind ?? null },
    count: qualifications.length,
    qualifications: qualifications.map((q) => ({
      id: q.id,
      name: q.name,
      aliases: [...q.aliases],
      kind: q.kind,
      level: q.level ?? null,
      durationMonths: q.durationMonths ? range(q.durationMonths) : null,
      closed: q.closed === true,
      nations: [...q.nations],
      confidence: q.confidence,
      indicative: q.confidence === 'low',
    })),
  });
}

/** A role or qualification in full (`careerpath show`). */
export function renderDetailsJson(details: RoleDetails | QualificationDetails, dataset: DatasetInfo): string {
  const head = { schemaVersion: OUTPUT_SCHEMA_VERSION, kind: details.kind, dataset: datasetJson(dataset) };
  if (details.kind === 'role') {
    const r = details.role;
    return stringify({
      ...head,
      role: {
        id: r.id,
        name: r.name,
        aliases: [...r.aliases],
        sector: r.sector,
        level: r.level,
        band: r.band ? range(r.band) : null,
        careCategory: r.careCategory,
        summary: r.summary,
        nations: [...r.nations],
        entry: r.entry,
        registration: r.registration
          ? {
              body: r.registration.body,
              required: r.registration.required,
              checks: r.registration.checks,
              qualification: r.registration.qualification,
              approval: r.registration.approval,
              note: r.registration.note,
            }
          : null,
        holds: r.holds.map(named),
        pay: r.pay ? { min: r.pay.min, max: r.pay.max, per: r.pay.per, year: r.pay.year, basis: r.pay.basis, indicative: r.pay.indicative } : null,
        notes: [...r.notes],
        confidence: r.confidence,
        indicative: r.indicative,
      },
      leadsTo: details.leadsTo.map(moveJson),
      leadsFrom: details.leadsFrom.map(moveJson),
      sources: details.sources.map(sourceJson),
    });
  }
  const q = details.qualification;
  return stringify({
    ...head,
    qualification: {
      id: q.id,
      name: q.name,
      aliases: [...q.aliases],
      kind: q.kind,
      level: q.level,
      summary: q.summary,
      nations: [...q.nations],
      durationMonths: q.durationMonths ? range(q.durationMonths) : null,
      studyHours: q.studyHours ? range(q.studyHours) : null,
      cost: q.cost ? { min: q.cost.min, max: q.cost.max, note: q.cost.note } : null,
      funding: q.funding.map((f) => ({ id: f.id, name: f.name, summary: f.summary })),
      requires: q.requires.map(named),
      includes: q.includes.map(named),
      includedIn: q.includedIn.map(named),
      requiredBy: q.requiredBy.map(named),
      heldBy: q.heldBy.map(named),
      inWork: q.inWork,
      university: q.university,
      closed: q.closed,
      notes: [...q.notes],
      confidence: q.confidence,
      indicative: q.indicative,
    },
    neededFor: details.neededFor.map((n) => ({
      from: named(n.from),
      to: named(n.to),
      kind: n.kind,
      route: { id: n.route.id, name: n.route.name },
    })),
    sources: details.sources.map(sourceJson),
  });
}

/** What `careerpath validate` found: every problem with its position, or the counts of a clean dataset. */
export function renderValidationJson(result: { files: string[]; issues: DatasetIssue[]; dataset?: Dataset }): string {
  const d = result.dataset;
  return stringify({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'validation',
    valid: result.issues.length === 0 && d !== undefined,
    files: [...result.files],
    problems: result.issues.map((i) => ({
      file: i.file,
      line: i.position?.line ?? null,
      column: i.position?.column ?? null,
      path: formatPath(i.path),
      message: i.message,
    })),
    dataset: d ? datasetJson({ name: d.meta.name, version: d.meta.version, updated: d.meta.updated, overlays: (d.overlays ?? []).map((o) => o.name) }) : null,
    counts: d
      ? {
          roles: d.roles.length,
          qualifications: d.qualifications.length,
          transitions: d.transitions.length,
          funding: d.funding.length,
          sources: d.sources.length,
        }
      : null,
  });
}

function routeJson(plan: Plan, route: PlannedRoute) {
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

function stepJson(step: PlanStep, index: number) {
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

function servedJson(served: ServedExperience | undefined) {
  if (!served) return null;
  return { months: served.months, before: served.before ? range(served.before) : null, alongside: served.alongside ? range(served.alongside) : null };
}

function qualificationJson(g: GainedQualification) {
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

function moveJson(m: RoleDetails['leadsTo'][number]) {
  return {
    role: named(m.role),
    kind: m.kind,
    summary: m.summary,
    routes: m.routes.map((r) => ({
      id: r.id,
      name: r.name,
      requires: r.requires.map(named),
      experienceMonths: r.experienceMonths ? range(r.experienceMonths) : null,
      experienceBeforeMonths: r.experienceBeforeMonths ? range(r.experienceBeforeMonths) : null,
      experienceUnknown: r.experienceUnknown,
      conditions: r.conditions.map((c) => ({ kind: c.kind, text: c.text })),
      notes: [...r.notes],
      indicative: r.indicative,
    })),
    indicative: m.indicative,
  };
}

function datasetJson(d: DatasetInfo) {
  return { name: d.name, version: d.version, updated: d.updated, overlays: [...d.overlays] };
}

function sourceJson(s: Source) {
  return { id: s.id, title: s.title, publisher: s.publisher, url: s.url ?? null, reviewed: s.reviewed, kind: s.kind ?? null, caveat: s.caveat ?? null };
}

function gateJson(g: RegistrationGate, step: number) {
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

function named(n: Named) {
  return { id: n.id, name: n.name };
}

function range(r: Range) {
  return { min: r.min, max: r.max };
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
