/** Builders for small in-memory datasets used by the planner unit tests. */
import type { Dataset, Qualification, Role, Transition } from '../../src/domain/types';

export function role(id: string, extra: Partial<Role> = {}): Role {
  return {
    id,
    name: id.toUpperCase(),
    aliases: [],
    sector: 'adult-social-care',
    summary: id,
    entry: false,
    holds: [],
    notes: [],
    nations: ['england'],
    confidence: 'high',
    sources: ['S'],
    ...extra,
  };
}

export function qual(id: string, months: number, extra: Partial<Qualification> = {}): Qualification {
  return {
    id,
    name: `Qualification ${id}`,
    aliases: [],
    kind: 'diploma',
    summary: id,
    durationMonths: { min: months, max: months },
    funding: [],
    requires: [],
    includes: [],
    notes: [],
    nations: ['england'],
    confidence: 'high',
    sources: ['S'],
    ...extra,
  };
}

/** A move with one route per entry of `routes` (each a list of required qualification ids). */
export function move(from: string, to: string, routes: string[][] = [[]], experience?: number): Transition {
  return {
    from,
    to,
    kind: 'up',
    routes: routes.map((requires, i) => ({
      id: `r${i + 1}`,
      requires,
      notes: [],
      ...(experience !== undefined ? { experienceMonths: { min: experience, max: experience } } : {}),
    })),
    nations: ['england'],
    confidence: 'high',
    sources: ['S'],
  };
}

export function dataset(parts: { roles: Role[]; qualifications?: Qualification[]; transitions: Transition[] }): Dataset {
  return {
    meta: { name: 'test', version: '1', updated: '2026-11-23' },
    sources: [{ id: 'S', title: 'S', publisher: 'P', reviewed: '2026-11-23' }],
    funding: [],
    qualifications: parts.qualifications ?? [],
    roles: parts.roles,
    transitions: parts.transitions,
  };
}
