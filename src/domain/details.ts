/**
 * One role or qualification in full, with the moves around it: plain data for `careerpath show`,
 * built from the dataset alone (pure). Absent facts are null so every renderer sees the same keys.
 */
import { compareNames } from './names';
import type { Nation } from './vocabulary';
import type { Confidence, Dataset, Qualification, Range, Role, Sector, Source, Transition, TransitionKind } from './types';

export interface Ref {
  id: string;
  name: string;
}

export interface RouteDetails {
  id: string;
  name: string | null;
  requires: Ref[];
  /** Time in the from-role alongside study, before the course, or why no source gives it. */
  experienceMonths: Range | null;
  experienceBeforeMonths: Range | null;
  experienceUnknown: string | null;
  conditions: { kind: string; text: string }[];
  notes: string[];
  indicative: boolean;
}

/** A move to or from the role shown; `role` is the role at the other end. */
export interface MoveDetails {
  role: Ref;
  kind: TransitionKind;
  summary: string | null;
  routes: RouteDetails[];
  indicative: boolean;
}

export interface PayDetails {
  min: number;
  max: number | null;
  per: 'hour' | 'year';
  year: string;
  basis: string | null;
  indicative: boolean;
}

export interface RoleDetails {
  kind: 'role';
  role: {
    id: string;
    name: string;
    aliases: string[];
    sector: Sector;
    level: number | null;
    band: Range | null;
    careCategory: string | null;
    summary: string;
    /** The nations these facts hold for. */
    nations: Nation[];
    entry: boolean;
    registration: {
      body: string;
      required: boolean;
      checks: string | null;
      qualification: 'held' | 'working-towards' | null;
      approval: string | null;
      note: string | null;
    } | null;
    holds: Ref[];
    pay: PayDetails | null;
    notes: string[];
    confidence: Confidence;
    indicative: boolean;
  };
  leadsTo: MoveDetails[];
  leadsFrom: MoveDetails[];
  sources: Source[];
}

export interface QualificationDetails {
  kind: 'qualification';
  qualification: {
    id: string;
    name: string;
    aliases: string[];
    kind: string;
    level: number | null;
    summary: string;
    /** The nations these facts hold for. */
    nations: Nation[];
    durationMonths: Range | null;
    studyHours: Range | null;
    cost: { min: number; max: number; note: string | null } | null;
    funding: (Ref & { summary: string })[];
    requires: Ref[];
    includes: Ref[];
    includedIn: Ref[];
    requiredBy: Ref[];
    heldBy: Ref[];
    inWork: boolean | null;
    university: boolean | null;
    closed: boolean;
    notes: string[];
    confidence: Confidence;
    indicative: boolean;
  };
  /** Moves with a route that names this qualification. */
  neededFor: { from: Ref; to: Ref; kind: TransitionKind; route: { id: string; name: string | null } }[];
  sources: Source[];
}

const KIND_ORDER: TransitionKind[] = ['up', 'specialise', 'sideways', 'professional'];

/** A role with its pay, registration, where it leads and what leads to it. */
export function describeRole(dataset: Dataset, role: Role): RoleDetails {
  const roles = new Map(dataset.roles.map((r) => [r.id, r]));
  const quals = refs(dataset.qualifications);
  const move = (t: Transition, other: string): MoveDetails => ({
    role: ref(roles.get(other)!),
    kind: t.kind,
    summary: t.summary ?? null,
    routes: t.routes.map((route, i) => ({
      id: route.id ?? String(i + 1),
      name: route.name ?? null,
      requires: route.requires.map(quals),
      experienceMonths: route.experienceMonths ?? null,
      experienceBeforeMonths: route.experienceBeforeMonths ?? null,
      experienceUnknown: route.experienceUnknown ?? null,
      conditions: (route.conditions ?? []).map((c) => ({ kind: c.kind, text: c.text })),
      notes: route.notes,
      indicative: (route.confidence ?? t.confidence) === 'low',
    })),
    indicative: t.confidence === 'low',
  });
  const order = (a: MoveDetails, b: MoveDetails) =>
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (roles.get(a.role.id)?.level ?? 0) - (roles.get(b.role.id)?.level ?? 0) ||
    compareNames(a.role.name, b.role.name);
  const outgoing = dataset.transitions.filter((t) => t.from === role.id);
  const incoming = dataset.transitions.filter((t) => t.to === role.id);
  const sourceIds = [
    ...role.sources,
    ...(role.pay?.sources ?? []),
    ...(role.registration?.sources ?? []),
    ...[...outgoing, ...incoming].flatMap((t) => [...t.sources, ...t.routes.flatMap((r) => r.sources ?? [])]),
  ];
  return {
    kind: 'role',
    role: {
      id: role.id,
      name: role.name,
      aliases: role.aliases,
      sector: role.sector,
      level: role.level ?? null,
      band: role.band ?? null,
      careCategory: role.careCategory ?? null,
      summary: role.summary,
      nations: [...role.nations],
      entry: role.entry,
      registration: role.registration
        ? {
            body: role.registration.body,
            required: role.registration.required,
            checks: role.registration.checks ?? null,
            qualification: role.registration.qualification ?? null,
            approval: role.registration.approval ?? null,
            note: role.registration.note ?? null,
          }
        : null,
      holds: role.holds.map(quals),
      pay: role.pay
        ? {
            min: role.pay.min,
            max: role.pay.max ?? null,
            per: role.pay.per,
            year: role.pay.year,
            basis: role.pay.basis ?? null,
            indicative: role.pay.confidence === 'low',
          }
        : null,
      notes: role.notes,
      confidence: role.confidence,
      indicative: role.confidence === 'low',
    },
    leadsTo: outgoing.map((t) => move(t, t.to)).sort(order),
    leadsFrom: incoming.map((t) => move(t, t.from)).sort(order),
    sources: sources(dataset, sourceIds),
  };
}

/** A qualification with its funding, prerequisites, what includes or needs it, and the moves it opens. */
export function describeQualification(dataset: Dataset, q: Qualification): QualificationDetails {
  const quals = refs(dataset.qualifications);
  const fundingById = new Map(dataset.funding.map((f) => [f.id, f]));
  const roles = new Map(dataset.roles.map((r) => [r.id, r]));
  const funding = q.funding.flatMap((id) => {
    const f = fundingById.get(id);
    return f ? [{ id: f.id, name: f.name, summary: f.summary }] : [];
  });
  const neededFor = dataset.transitions.flatMap((t) =>
    t.routes.flatMap((route, i) =>
      route.requires.includes(q.id)
        ? [{ from: ref(roles.get(t.from)!), to: ref(roles.get(t.to)!), kind: t.kind, route: { id: route.id ?? String(i + 1), name: route.name ?? null } }]
        : [],
    ),
  );
  const sourceIds = [...q.sources, ...q.funding.flatMap((id) => fundingById.get(id)?.sources ?? [])];
  return {
    kind: 'qualification',
    qualification: {
      id: q.id,
      name: q.name,
      aliases: q.aliases,
      kind: q.kind,
      level: q.level ?? null,
      summary: q.summary,
      nations: [...q.nations],
      durationMonths: q.durationMonths ?? null,
      studyHours: q.studyHours ?? null,
      cost: q.cost ? { min: q.cost.min, max: q.cost.max, note: q.cost.note ?? null } : null,
      funding,
      requires: q.requires.map(quals),
      includes: q.includes.map(quals),
      includedIn: dataset.qualifications.filter((other) => other.includes.includes(q.id)).map(ref),
      requiredBy: dataset.qualifications.filter((other) => other.requires.includes(q.id)).map(ref),
      heldBy: dataset.roles.filter((r) => r.holds.includes(q.id)).map(ref),
      inWork: q.inWork ?? null,
      university: q.university ?? null,
      closed: q.closed === true,
      notes: q.notes,
      confidence: q.confidence,
      indicative: q.confidence === 'low',
    },
    neededFor,
    sources: sources(dataset, sourceIds),
  };
}

function ref(entry: { id: string; name: string }): Ref {
  return { id: entry.id, name: entry.name };
}

function refs(entries: { id: string; name: string }[]): (id: string) => Ref {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (id) => ref(byId.get(id) ?? { id, name: id });
}

function sources(dataset: Dataset, ids: string[]): Source[] {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}
