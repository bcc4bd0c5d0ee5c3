/** The --json contract of `careerpath plan`: the plan, its routes, steps, gates and qualifications (see json-contract.ts). */
import { z } from 'zod';
import { Confidence, TransitionKind } from '../domain/schema';
import { CONDITION_KIND_IDS, GATE_QUALIFICATION_IDS, OPTIMISE_CHOICES } from '../domain/vocabulary';
import { ROUTE_REASON_LABEL, type RouteReason } from '../planner/types';
import { atLeastZero, head, isoDate, NamedJson, RangeJson, SourceJson, strings, whole } from './json-contract';

export const GateJson = z
  .strictObject({
    step: whole(1).describe('The step whose move passes through this gate.'),
    role: NamedJson,
    body: z.string(),
    required: z.boolean(),
    checks: z.string().nullable(),
    qualification: z.enum(GATE_QUALIFICATION_IDS).nullable().describe('Whether the qualification must be held before registering, or can be worked towards.'),
    approval: z.string().nullable().describe('A further approval the role needs, e.g. a local authority approving an AMHP.'),
    sources: strings,
  })
  .meta({ id: 'gate' });

export const GainedQualificationJson = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    level: whole(1).max(8).nullable(),
    durationMonths: RangeJson.nullable(),
    cost: RangeJson.nullable().describe('Cost to the learner in GBP; null when no source gives it.'),
    funding: z.array(NamedJson),
    prerequisiteOf: z.string().nullable().describe('Set when the planner added it because this later qualification (id) needs it.'),
    includes: z.array(NamedJson),
    confidence: Confidence,
    indicative: z.boolean(),
  })
  .meta({ id: 'gainedQualification' });

export const StepJson = z
  .strictObject({
    number: whole(1),
    from: NamedJson,
    to: NamedJson,
    kind: TransitionKind,
    routeId: z.string(),
    routeName: z.string().nullable(),
    months: RangeJson,
    typicalMonths: atLeastZero,
    experience: z.strictObject({
      before: RangeJson.nullable(),
      alongside: RangeJson.nullable(),
      unknown: z.string().nullable().describe('Why no source gives the time in role.'),
      served: z
        .strictObject({ months: whole(0), before: RangeJson.nullable(), alongside: RangeJson.nullable() })
        .nullable()
        .describe(
          'On the first step only, when the plan was given months already served in the starting role (monthsInRole) and the step asks for time in post: those months, and what is still to serve of before and alongside after them.',
        ),
    }),
    cost: RangeJson.nullable().describe('Null when any part of the cost is unknown; knownCost is then the known part.'),
    knownCost: RangeJson,
    conditions: z.array(z.strictObject({ kind: z.enum(CONDITION_KIND_IDS), text: z.string() })),
    gate: GateJson.nullable(),
    qualifications: z.array(GainedQualificationJson),
    notes: strings,
    confidence: Confidence,
    indicative: z.boolean(),
    sources: strings,
  })
  .meta({ id: 'step' });

/** Why a route is shown: the reasons the planner gives, each with its words in ROUTE_REASON_LABEL. */
const RouteReasonJson = z.enum(Object.keys(ROUTE_REASON_LABEL) as [RouteReason, ...RouteReason[]]);

export const RouteJson = z
  .strictObject({
    path: z.array(NamedJson).describe('The roles from start to goal.'),
    reasons: z.array(RouteReasonJson).describe('Why the route is shown.'),
    totals: z.strictObject({
      steps: whole(0),
      months: RangeJson,
      typicalMonths: atLeastZero.describe('The usual length, what plans are ranked on.'),
      monthsComplete: z.boolean().describe('False when some duration or time in role is not in the sources: months is then a lower bound.'),
      cost: RangeJson.nullable().describe('Null when any part of the cost is unknown.'),
      knownCost: RangeJson,
      costComplete: z.boolean().describe('False when some qualification has no known cost.'),
      unknownCost: strings,
      unknownDuration: strings,
      unknownExperience: whole(0),
      leavesPaidWork: whole(0),
    }),
    gates: z.array(GateJson).describe('Every registration or approval the route passes through.'),
    indicative: z.boolean(),
    steps: z.array(StepJson),
    checklist: z.array(GainedQualificationJson),
  })
  .meta({ id: 'route' });

const FundingJson = z.strictObject({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  amounts: z.array(z.strictObject({ label: z.string(), amount: atLeastZero, per: z.enum(['year', 'month', 'week', 'total']), year: z.string() })),
});

export const PlanJson = z
  .strictObject({
    ...head('plan'),
    generated: isoDate,
    from: NamedJson,
    to: NamedJson,
    optimise: z.enum(OPTIMISE_CHOICES),
    have: z.array(NamedJson),
    via: NamedJson.nullable(),
    constraints: strings,
    hoursPerWeek: whole(1).nullable(),
    monthsInRole: whole(0).nullable().describe("Months already served in the starting role (--months-in-role), counted against the first step's time in post."),
    best: RouteJson,
    alternatives: z.array(RouteJson),
    searchComplete: z
      .boolean()
      .describe('False when a limit cut the search short: the routes shown are the best found; a better route or more alternatives may exist.'),
    searchLimit: z.enum(['labels', 'time', 'memory']).nullable().describe('Which limit cut the search short (null when none did).'),
    nations: strings.describe("The nations the plan's roles and qualifications hold for (england for the shipped data)."),
    funding: z.array(FundingJson).describe('The funding routes the plan names, with their figures (e.g. tuition per year).'),
    sources: z.array(SourceJson),
  })
  .meta({ id: 'plan' });

export type GateJson = z.output<typeof GateJson>;
export type GainedQualificationJson = z.output<typeof GainedQualificationJson>;
export type StepJson = z.output<typeof StepJson>;
export type RouteJson = z.output<typeof RouteJson>;
export type PlanJson = z.output<typeof PlanJson>;
