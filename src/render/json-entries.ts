/**
 * `roles`, `qualifications` and `show` under --json: the dataset's entries as lists and one in
 * full, typed by the contract (json-contract-entries.ts).
 */
import type { MoveDetails, QualificationDetails, RoleDetails } from '../domain/details';
import type { Qualification, Role } from '../domain/types';
import type { DatasetInfo } from './context';
import { datasetJson, named, OUTPUT_SCHEMA_VERSION, range, sourceJson, stringify } from './json';
import type { MoveJson, QualificationJson, QualificationsJson, RoleJson, RolesJson } from './json-contract-entries';

/** The roles list with the filter that made it. */
export function renderRolesJson(roles: Role[], filter: { sector?: Role['sector']; level?: number }, dataset: DatasetInfo): string {
  return stringify<RolesJson>({
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
  return stringify<QualificationsJson>({
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
  return details.kind === 'role' ? stringify(roleJson(details, dataset)) : stringify(qualificationJson(details, dataset));
}

function roleJson(details: RoleDetails, dataset: DatasetInfo): RoleJson {
  const r = details.role;
  const registration = r.registration;
  return {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'role',
    dataset: datasetJson(dataset),
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
      registration: registration
        ? {
            body: registration.body,
            required: registration.required,
            checks: registration.checks,
            qualification: registration.qualification,
            approval: registration.approval,
            note: registration.note,
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
  };
}

function qualificationJson(details: QualificationDetails, dataset: DatasetInfo): QualificationJson {
  const q = details.qualification;
  return {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'qualification',
    dataset: datasetJson(dataset),
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
    neededFor: details.neededFor.map((n) => ({ from: named(n.from), to: named(n.to), kind: n.kind, route: { id: n.route.id, name: n.route.name } })),
    sources: details.sources.map(sourceJson),
  };
}

function moveJson(m: MoveDetails): MoveJson {
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
