/**
 * The one definition of the dataset's shape. TypeScript types are inferred from it
 * (`domain/types.ts`) and the editors' JSON Schema is generated from it (`tools/build.mjs`).
 */
import { z } from 'zod';

/** Bumped whenever the shape changes; caches and snapshots keyed on it go stale. */
export const SCHEMA_VERSION = 1;

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, { error: 'ids use lower-case letters, digits, "_" and "-", e.g. "senior_care_worker"' });
export const SourceId = z
  .string()
  .regex(SOURCE_ID_PATTERN, { error: 'source ids use letters, digits, ".", "_" and "-", e.g. "CWP-RM"' });

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are written YYYY-MM-DD, e.g. 2026-11-23' });

/** How sure the sources are: "low" facts are shown as indicative. */
export const Confidence = z.enum(['high', 'medium', 'low']);

/** A number or an inclusive range; a single number n means {min: n, max: n}. */
const RangeInput = z.union([
  z.number().nonnegative(),
  z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() }),
]);
export const Range = RangeInput.transform((value) =>
  typeof value === 'number' ? { min: value, max: value } : value,
).refine((r) => r.min <= r.max, { error: 'min must not be greater than max' });

const sourceRefs = z.array(SourceId).min(1, { error: 'cite at least one source id' });
const aliases = z.array(z.string().min(1)).default([]);

export const Source = z.strictObject({
  id: SourceId,
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url({ error: 'url must be a full http(s) address' }).optional(),
  /** A seed document in the project's shared folder, by file name. */
  file: z.string().optional(),
  /** The day someone last checked the facts taken from this source. */
  reviewed: IsoDate,
  note: z.string().optional(),
});

export const Funding = z.strictObject({
  id: Id,
  name: z.string().min(1),
  summary: z.string().min(1),
  rules: z.array(z.string()).default([]),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const QualificationKind = z.enum([
  'induction',
  'standards',
  'certificate',
  'diploma',
  'apprenticeship',
  'degree',
  'postgraduate',
  'programme',
  'gcse',
  'functional-skills',
  'cpd',
  'award',
]);

/** Money to the learner in GBP; `note` explains what the figure covers. */
const Money = z.strictObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  note: z.string().optional(),
});

export const Qualification = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases,
  kind: QualificationKind,
  /** RQF level (1–8); absent for induction standards and programmes with no level. */
  level: z.int().min(1).max(8).optional(),
  summary: z.string().min(1),
  /** Typical months to complete; absent when no source gives it. */
  durationMonths: Range.optional(),
  /** Total qualification time in hours (TQT), where a source gives it: lets --hours-per-week set the pace. */
  studyHours: Range.optional(),
  /** Typical cost to the learner; absent when no source gives it. */
  cost: Money.refine((m) => m.min <= m.max, { error: 'min must not be greater than max' }).optional(),
  funding: z.array(Id).default([]),
  /** Qualifications that must be held before starting this one. */
  requires: z.array(Id).default([]),
  /** Qualifications awarded along with this one (an apprenticeship's mandatory diploma). */
  includes: z.array(Id).default([]),
  /** True when it can be done while employed (apprenticeships, employer-funded diplomas). */
  inWork: z.boolean().optional(),
  /** True for routes only a university offers (full-time degrees). */
  university: z.boolean().optional(),
  /** No new registrations: still counts when held, never planned. */
  closed: z.boolean().optional(),
  notes: z.array(z.string()).default([]),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Sector = z.enum(['adult-social-care', 'social-work', 'nhs']);

const Pay = z.strictObject({
  min: z.number().positive(),
  max: z.number().positive().optional(),
  per: z.enum(['hour', 'year']),
  /** The year or date the figure applies to, e.g. "2025/26" or "Dec 2025". */
  year: z.string().min(1),
  basis: z.string().optional(),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Role = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases,
  sector: Sector,
  /** RQF level usually associated with the role. */
  level: z.int().min(1).max(8).optional(),
  /** NHS Agenda for Change band(s). */
  band: Range.optional(),
  /** The Care Workforce Pathway role category, where one applies. */
  careCategory: z.string().optional(),
  summary: z.string().min(1),
  /** True when someone can start here with no earlier role (e.g. new to care). */
  entry: z.boolean().default(false),
  registration: z
    .strictObject({
      body: z.string().min(1),
      required: z.boolean(),
      note: z.string().optional(),
    })
    .optional(),
  /** Qualifications anyone in this role is taken to hold already. */
  holds: z.array(Id).default([]),
  pay: Pay.optional(),
  notes: z.array(z.string()).default([]),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const TransitionKind = z.enum(['up', 'sideways', 'specialise', 'professional']);

export const Route = z.strictObject({
  /** Unique within its transition; defaults to its position ("1", "2", ...). */
  id: Id.optional(),
  name: z.string().min(1).optional(),
  requires: z.array(Id).default([]),
  /** Months of experience in the "from" role this route usually expects. */
  experienceMonths: Range.optional(),
  notes: z.array(z.string()).default([]),
  confidence: Confidence.optional(),
  sources: z.array(SourceId).optional(),
});

export const Transition = z.strictObject({
  from: Id,
  to: Id,
  kind: TransitionKind,
  summary: z.string().optional(),
  routes: z.array(Route).min(1, { error: 'give at least one route (an empty "requires" list is fine)' }),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Meta = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  updated: IsoDate,
  description: z.string().optional(),
});

export const OverlayMeta = z.strictObject({ name: z.string().min(1), description: z.string().optional() });

/** One YAML file: a whole dataset (`dataset:` header), or an overlay on the data below it. */
export const DatasetFile = z.strictObject({
  dataset: Meta.optional(),
  overlay: OverlayMeta.optional(),
  sources: z.array(Source).default([]),
  funding: z.array(Funding).default([]),
  qualifications: z.array(Qualification).default([]),
  roles: z.array(Role).default([]),
  transitions: z.array(Transition).default([]),
});

/** The collections of a dataset file, in the order they are validated and reported. */
export const COLLECTIONS = ['sources', 'funding', 'qualifications', 'roles', 'transitions'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const COLLECTION_SCHEMAS = {
  sources: Source,
  funding: Funding,
  qualifications: Qualification,
  roles: Role,
  transitions: Transition,
} as const;
