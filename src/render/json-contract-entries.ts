/**
 * The --json contract of the commands about the dataset's entries (see json-contract.ts): the
 * lists (`roles`, `qualifications`), one entry in full (`show`), and the moves around a role or
 * qualification (`next`, `unlocks`).
 */
import { z } from 'zod';
import { Confidence, Sector, TransitionKind } from '../domain/schema';
import { GATE_QUALIFICATION_IDS } from '../domain/vocabulary';
import { atLeastZero, head, NamedJson, RangeJson, SourceJson, strings, whole } from './json-contract';

export const RolesJson = z
  .strictObject({
    ...head('roles'),
    filter: z.strictObject({ sector: Sector.nullable(), level: whole().nullable() }),
    count: whole(0),
    roles: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        aliases: strings,
        sector: Sector,
        level: whole().nullable(),
        band: RangeJson.nullable(),
        careCategory: z.string().nullable(),
        entry: z.boolean(),
        registration: z.strictObject({ body: z.string(), required: z.boolean() }).nullable(),
        confidence: Confidence,
        indicative: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'roles' });

export const QualificationsJson = z
  .strictObject({
    ...head('qualifications'),
    filter: z.strictObject({ level: whole().nullable(), kind: z.string().nullable() }),
    count: whole(0),
    qualifications: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        aliases: strings,
        kind: z.string(),
        level: whole().nullable(),
        durationMonths: RangeJson.nullable(),
        closed: z.boolean(),
        nations: strings,
        confidence: Confidence,
        indicative: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'qualifications' });

/** A move to or from the role `show` describes. */
export const MoveJson = z
  .strictObject({
    role: NamedJson.describe('The role at the other end of the move.'),
    kind: TransitionKind,
    summary: z.string().nullable(),
    routes: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string().nullable(),
        requires: z.array(NamedJson),
        experienceMonths: RangeJson.nullable(),
        experienceBeforeMonths: RangeJson.nullable(),
        experienceUnknown: z.string().nullable(),
        conditions: z.array(z.strictObject({ kind: z.string(), text: z.string() })),
        notes: strings,
        indicative: z.boolean(),
      }),
    ),
    indicative: z.boolean(),
  })
  .meta({ id: 'move' });

export const RoleJson = z
  .strictObject({
    ...head('role'),
    role: z.strictObject({
      id: z.string(),
      name: z.string(),
      aliases: strings,
      sector: Sector,
      level: whole().nullable(),
      band: RangeJson.nullable(),
      careCategory: z.string().nullable(),
      summary: z.string(),
      nations: strings,
      entry: z.boolean(),
      registration: z
        .strictObject({
          body: z.string(),
          required: z.boolean(),
          checks: z.string().nullable(),
          qualification: z.enum(GATE_QUALIFICATION_IDS).nullable(),
          approval: z.string().nullable(),
          note: z.string().nullable(),
        })
        .nullable(),
      holds: z.array(NamedJson),
      pay: z
        .strictObject({
          min: z.number(),
          max: z.number().nullable(),
          per: z.enum(['hour', 'year']),
          year: z.string(),
          basis: z.string().nullable(),
          indicative: z.boolean(),
        })
        .nullable(),
      notes: strings,
      confidence: Confidence,
      indicative: z.boolean(),
    }),
    leadsTo: z.array(MoveJson),
    leadsFrom: z.array(MoveJson),
    sources: z.array(SourceJson),
  })
  .meta({ id: 'role' });

export const QualificationJson = z
  .strictObject({
    ...head('qualification'),
    qualification: z.strictObject({
      id: z.string(),
      name: z.string(),
      aliases: strings,
      kind: z.string(),
      level: whole().nullable(),
      summary: z.string(),
      nations: strings,
      durationMonths: RangeJson.nullable(),
      studyHours: RangeJson.nullable(),
      cost: z.strictObject({ min: atLeastZero, max: atLeastZero, note: z.string().nullable() }).nullable(),
      funding: z.array(z.strictObject({ id: z.string(), name: z.string(), summary: z.string() })),
      requires: z.array(NamedJson),
      includes: z.array(NamedJson),
      includedIn: z.array(NamedJson),
      requiredBy: z.array(NamedJson),
      heldBy: z.array(NamedJson),
      inWork: z.boolean().nullable(),
      university: z.boolean().nullable(),
      closed: z.boolean(),
      notes: strings,
      confidence: Confidence,
      indicative: z.boolean(),
    }),
    neededFor: z.array(
      z.strictObject({ from: NamedJson, to: NamedJson, kind: TransitionKind, route: z.strictObject({ id: z.string(), name: z.string().nullable() }) }),
    ),
    sources: z.array(SourceJson),
  })
  .meta({ id: 'qualification' });

export const NextJson = z
  .strictObject({
    ...head('next'),
    from: NamedJson,
    moves: z.array(
      z.strictObject({
        to: z.strictObject({ id: z.string(), name: z.string(), level: whole().nullable(), band: RangeJson.nullable() }),
        kind: TransitionKind,
        summary: z.string().nullable(),
        ready: z.boolean().describe('True when some route needs nothing new.'),
        routes: z.array(
          z.strictObject({
            id: z.string(),
            name: z.string().nullable(),
            requires: z.array(z.strictObject({ id: z.string(), name: z.string(), held: z.boolean() })),
            toGain: z.array(NamedJson),
            experienceMonths: RangeJson.nullable(),
            experienceBeforeMonths: RangeJson.nullable(),
            experienceUnknown: z.string().nullable(),
            months: RangeJson.nullable(),
            unavailable: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'next' });

const UnlockedJson = z.strictObject({ role: NamedJson, from: z.array(NamedJson) });

export const UnlocksJson = z
  .strictObject({ ...head('unlocks'), qualification: NamedJson, direct: z.array(UnlockedJson), oneStepOn: z.array(UnlockedJson) })
  .meta({ id: 'unlocks' });

export type RolesJson = z.output<typeof RolesJson>;
export type QualificationsJson = z.output<typeof QualificationsJson>;
export type MoveJson = z.output<typeof MoveJson>;
export type RoleJson = z.output<typeof RoleJson>;
export type QualificationJson = z.output<typeof QualificationJson>;
export type NextJson = z.output<typeof NextJson>;
export type UnlocksJson = z.output<typeof UnlocksJson>;
