/**
 * The --json contract: every document the commands print, written once as zod schemas (here the
 * parts every document shares, the error and the validation report; the plan and the dataset's
 * entries in the two files beside it). The renderers (json*.ts) are typed by the shapes inferred
 * from these, so the compiler lists any field a renderer adds, drops or mistypes, and the build
 * turns the same schemas into the published JSON Schema (`output-schema.ts`, printed by
 * `careerpath schema output`). Renderers import types only: zod never loads to print a document.
 * Adding a field: add it to its schema, then to its renderer. Absent facts are null, never missing.
 */
import { z } from 'zod';
import { SOURCE_KIND_IDS } from '../domain/vocabulary';

/** Bumped when a field is removed or changes meaning (adding a field does not bump it). */
export const SchemaVersion = z.literal(2);

/** A whole number, at least `min` when given. */
export const whole = (min?: number) => (min === undefined ? z.int() : z.int().min(min));
export const atLeastZero = z.number().min(0);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const strings = z.array(z.string());

export const NamedJson = z.strictObject({ id: z.string(), name: z.string() }).meta({ id: 'named' });

export const RangeJson = z
  .strictObject({ min: atLeastZero, max: atLeastZero })
  .meta({ id: 'range', description: 'An inclusive range; min = max for a single figure.' });

export const DatasetJson = z
  .strictObject({
    name: z.string(),
    version: z.string(),
    updated: isoDate,
    overlays: strings.describe('Names of the overlays layered on top, bottom first.'),
  })
  .meta({ id: 'dataset' });

export const SourceJson = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    url: z.string().nullable(),
    reviewed: isoDate,
    kind: z.enum(SOURCE_KIND_IDS).nullable().describe('Who stands behind the source.'),
    caveat: z.string().nullable().describe('A limit on what the source can be trusted for.'),
  })
  .meta({ id: 'source' });

/** The fields a document about the dataset's facts starts with. */
export const head = <K extends string>(kind: K) => ({ schemaVersion: SchemaVersion, kind: z.literal(kind), dataset: DatasetJson });

/** What `careerpath validate` found. */
export const ValidationJson = z
  .strictObject({
    schemaVersion: SchemaVersion,
    kind: z.literal('validation'),
    valid: z.boolean(),
    files: strings,
    problems: z.array(z.strictObject({ file: z.string(), line: whole(1).nullable(), column: whole(1).nullable(), path: z.string(), message: z.string() })),
    dataset: DatasetJson.nullable(),
    counts: z.strictObject({ roles: whole(0), qualifications: whole(0), transitions: whole(0), funding: whole(0), sources: whole(0) }).nullable(),
  })
  .meta({ id: 'validation' });

/** A failure under --json, printed on stdout beside the message on stderr. */
export const ErrorJson = z
  .strictObject({
    schemaVersion: SchemaVersion,
    kind: z.literal('error'),
    code: z
      .enum(['usage', 'dataset', 'failure', 'cancelled', 'internal'])
      .describe(
        'usage: a bad command line (exit 2); dataset: data that failed to load or validate; failure: anything else the user can fix, e.g. no route or a file that exists (exit 1); cancelled (exit 130); internal: a bug.',
      ),
    exitCode: whole(0),
    message: z.string(),
    hint: z.string().nullable(),
    problems: strings.describe('For code dataset: each problem, as file:line:column: message.'),
  })
  .meta({ id: 'error' });

export type SchemaVersion = z.output<typeof SchemaVersion>;
export type NamedJson = z.output<typeof NamedJson>;
export type RangeJson = z.output<typeof RangeJson>;
export type DatasetJson = z.output<typeof DatasetJson>;
export type SourceJson = z.output<typeof SourceJson>;
export type ValidationJson = z.output<typeof ValidationJson>;
export type ErrorJson = z.output<typeof ErrorJson>;
