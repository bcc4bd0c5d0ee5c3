/**
 * The one definition of the dataset's shape. TypeScript types are inferred from it
 * (`types.ts`) and the editors' JSON Schema is generated from it (`tools/build.mjs`).
 */
import { z } from 'zod';
import { DATA_LIMITS, figure, HOURS_WORDS, line, MONEY_WORDS, MONTHS_WORDS, prose } from './schema-limits';
import {
  CARE_CATEGORY_IDS,
  CONDITION_KIND_IDS,
  DATASET_SCHEMA_VERSION,
  GATE_QUALIFICATION_IDS,
  NATION_IDS,
  QUALIFICATION_KIND_IDS,
  QUALIFICATION_PURPOSE_IDS,
  SECTORS,
  SOURCE_KIND_IDS,
  TRANSITION_KINDS,
} from './vocabulary';

/** Bumped whenever the shape changes; caches and snapshots keyed on it go stale. */
export const SCHEMA_VERSION = DATASET_SCHEMA_VERSION;

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const Id = z
  .string()
  .max(DATA_LIMITS.lineLength, { error: `at most ${DATA_LIMITS.lineLength} characters` })
  .regex(ID_PATTERN, { error: 'ids use lower-case letters, digits, "_" and "-", e.g. "senior_care_worker"' });
export const SourceId = z
  .string()
  .max(DATA_LIMITS.lineLength, { error: `at most ${DATA_LIMITS.lineLength} characters` })
  .regex(SOURCE_ID_PATTERN, { error: 'source ids use letters, digits, ".", "_" and "-", e.g. "CWP-RM"' });

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are written YYYY-MM-DD, e.g. 2026-11-23' });

/** How sure the sources are: "low" facts are shown as indicative. */
export const Confidence = z.enum(['high', 'medium', 'low']);
/** The nations a fact holds for: England unless an entry (e.g. in a Wales overlay) says otherwise. */
const nations = z.array(z.enum(NATION_IDS)).min(1).default(['england']);

/**
 * A number or an inclusive range, each figure at most `max`; a single number n means {min: n, max: n}.
 * `typical` is the usual figure where a source gives one; plans are ranked on it (the middle of the
 * range when absent).
 */
const rangeOf = (max: number, words: string) =>
  z
    .union([figure(max, words), z.strictObject({ min: figure(max, words), max: figure(max, words), typical: figure(max, words).optional() })])
    .transform((value) => (typeof value === 'number' ? { min: value, max: value } : value))
    .refine((r) => r.min <= r.max, { error: 'min must not be greater than max' })
    .refine((r) => r.typical === undefined || (r.typical >= r.min && r.typical <= r.max), {
      error: 'typical must lie between min and max',
    });
/** Months: a qualification's length, a time in post. */
export const Range = rangeOf(DATA_LIMITS.months, MONTHS_WORDS);

const sourceRefs = z.array(SourceId).min(1, { error: 'cite at least one source id' });
const aliases = z.array(line().min(1)).default([]);
const notes = z.array(prose()).default([]);

export const Source = z.strictObject({
  id: SourceId,
  title: line().min(1),
  publisher: line().min(1),
  url: z.url({ error: 'url must be a full http(s) address' }).optional(),
  /** A seed document in the project's shared folder, by file name. */
  file: line().optional(),
  /** The day someone last checked the facts taken from this source. */
  reviewed: IsoDate,
  /** Who stands behind it: when sources disagree, official beats awarding body beats provider beats press. */
  kind: z.enum(SOURCE_KIND_IDS).optional(),
  /** A limit on what the source can be trusted for; printed wherever the source is listed. */
  caveat: prose().optional(),
  /** Where the document was read (e.g. a stored copy on another host) and other provenance. */
  note: prose().optional(),
});

/** A figure a funding route pays or charges, e.g. tuition per year. */
const FundingAmount = z.strictObject({
  label: line().min(1),
  amount: figure(DATA_LIMITS.money, MONEY_WORDS),
  per: z.enum(['year', 'month', 'week', 'total']),
  /** The year it applies to, e.g. "2026/27". */
  year: line().min(1),
  /** The qualifications the figure is for, when not every one the route funds: plans show it only beside them. */
  qualifications: z.array(Id).optional(),
  sources: sourceRefs.optional(),
});

export const Funding = z.strictObject({
  id: Id,
  name: line().min(1),
  summary: prose().min(1),
  rules: z.array(prose()).default([]),
  amounts: z.array(FundingAmount).optional(),
  nations,
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const QualificationKind = z.enum(QUALIFICATION_KIND_IDS);

/** Money to the learner in GBP; `note` explains what the figure covers. */
const Money = z.strictObject({
  min: figure(DATA_LIMITS.money, MONEY_WORDS),
  max: figure(DATA_LIMITS.money, MONEY_WORDS),
  note: prose().optional(),
});

export const Qualification = z.strictObject({
  id: Id,
  name: line().min(1),
  aliases,
  kind: QualificationKind,
  /** What it is for (progression when absent). Induction and baseline qualifications never carry a step up on their own. */
  purpose: z.enum(QUALIFICATION_PURPOSE_IDS).optional(),
  /**
   * For an entry requirement (kind "requirement"): the qualifications that meet it, the one to plan
   * first when none is held. Holding any of them counts as holding the requirement.
   */
  meetBy: z.array(Id).optional(),
  /** RQF level (1–8); absent for induction standards and programmes with no level. */
  level: z.int().min(1).max(8).optional(),
  summary: prose().min(1),
  /** Typical months to complete; absent when no source gives it. */
  durationMonths: Range.optional(),
  /** Total qualification time in hours (TQT), where a source gives it: lets --hours-per-week set the pace. */
  studyHours: rangeOf(DATA_LIMITS.studyHours, HOURS_WORDS).optional(),
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
  notes,
  nations,
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Sector = z.enum(SECTORS);

const Pay = z.strictObject({
  min: figure(DATA_LIMITS.money, MONEY_WORDS).positive(),
  max: figure(DATA_LIMITS.money, MONEY_WORDS).positive().optional(),
  per: z.enum(['hour', 'year']),
  /** The year or date the figure applies to, e.g. "2025/26" or "Dec 2025". */
  year: line().min(1),
  basis: prose().optional(),
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Role = z.strictObject({
  id: Id,
  name: line().min(1),
  aliases,
  sector: Sector,
  /** RQF level usually associated with the role. */
  level: z.int().min(1).max(8).optional(),
  /** NHS Agenda for Change band(s). */
  band: rangeOf(9, 'band 9').optional(),
  /** The Care Workforce Pathway role category, where one applies. */
  careCategory: z.enum(CARE_CATEGORY_IDS).optional(),
  summary: prose().min(1),
  /** True when someone can start here with no earlier role (e.g. new to care). */
  entry: z.boolean().default(false),
  /** The registration gate: plans show it on every step into this role. */
  registration: z
    .strictObject({
      body: line().min(1),
      required: z.boolean(),
      /** What the body checks before it registers (or approves) someone. */
      checks: prose().optional(),
      /** Whether the role's qualification must be held first, or can be worked towards once registered. */
      qualification: z.enum(GATE_QUALIFICATION_IDS).optional(),
      /** A further approval the role needs, e.g. a local authority approving an AMHP. */
      approval: prose().optional(),
      note: prose().optional(),
      sources: sourceRefs.optional(),
    })
    .optional(),
  /**
   * The roles people usually come to this one from, where a source says so: plans reach the role
   * from any other role only when nothing usual is open (such a step is ranked as longer).
   */
  typicalFrom: z.array(Id).optional(),
  /** Qualifications anyone in this role is taken to hold already. */
  holds: z.array(Id).default([]),
  pay: Pay.optional(),
  notes,
  nations,
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const TransitionKind = z.enum(TRANSITION_KINDS);

/** Something that decides whether a person can take a route at all. */
export const Condition = z.strictObject({
  kind: z.enum(CONDITION_KIND_IDS),
  /** In plain words, e.g. "Open only to nurses on the adult part of the NMC register". */
  text: prose().min(1),
});

export const Route = z.strictObject({
  /** Unique within its transition; defaults to its position ("1", "2", ...). */
  id: Id.optional(),
  name: line().min(1).optional(),
  requires: z.array(Id).default([]),
  /** Months in the "from" role that run alongside study: the step lasts the longer of the two. */
  experienceMonths: Range.optional(),
  /** Months that must be served before the course starts (e.g. two years after registering): added to it. */
  experienceBeforeMonths: Range.optional(),
  /** Why no figure is given when no source states the experience this route needs. */
  experienceUnknown: prose().min(1).optional(),
  conditions: z.array(Condition).optional(),
  /** The route skips a Care Workforce Pathway category; needs its own sources. */
  skipsCategory: z.boolean().optional(),
  notes,
  confidence: Confidence.optional(),
  sources: z.array(SourceId).optional(),
});

export const Transition = z.strictObject({
  from: Id,
  to: Id,
  kind: TransitionKind,
  summary: prose().optional(),
  routes: z.array(Route).min(1, { error: 'give at least one route (an empty "requires" list is fine)' }),
  nations,
  confidence: Confidence.default('high'),
  sources: sourceRefs,
});

export const Meta = z.strictObject({
  name: line().min(1),
  version: line().min(1),
  updated: IsoDate,
  description: prose().optional(),
});

export const OverlayMeta = z.strictObject({ name: line().min(1), description: prose().optional() });

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
