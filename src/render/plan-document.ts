/**
 * A plan as a personal development plan (PDP): plain data that the Markdown and HTML renderers
 * both lay out, so the two say the same things. Pure; no text here is escaped yet. Whatever the
 * tool does not know (the person's name, the manager, signatures) is a field with no value: a line
 * to fill in by hand, never a guess.
 */
import type { Source } from '../domain/types';
import { MOVE_KIND_WORDS, SOURCE_KINDS } from '../domain/vocabulary';
import type { GainedQualification, Plan, PlannedRoute, PlanStep } from '../planner/types';
import { longDate, type DatasetInfo, type DocumentContext } from './context';
import {
  conditionTexts,
  experiencePhrases,
  formatCost,
  formatMoney,
  formatMonths,
  formatRouteTime,
  gateText,
  nationsNote,
  plural,
  reasonText,
  servedOn,
  stepTime,
} from './format';
import { webAddress } from './markdown-escape';
import { searchCutShort } from './messages';
import { agreedActions, summaryFields, whyThisRoute, type ActionEntry, type SummaryField } from './plan-summary';

export type { ActionEntry, SummaryField } from './plan-summary';
export { webAddress } from './markdown-escape';

/** What the person gave on the command line (--name, --review); absent ones are left blank. */
export interface PdpFields {
  name?: string;
  /** YYYY-MM-DD. */
  review?: string;
}

/** A labelled value; with no value it is a line to fill in by hand. */
export interface FormField {
  label: string;
  value?: string;
}

export interface GainEntry {
  name: string;
  /** "level 3", "12–18 months". */
  facts: string[];
  indicative: boolean;
}

export interface StepEntry {
  number: number;
  from: string;
  to: string;
  /** "Step up: Level 3 diploma", with "(indicative)" when the sources are thin. */
  how: string;
  gains: GainEntry[];
  /** "12–24 months", "not known", "6 months or more". */
  time: string;
  /** The time in post the step expects, phrase by phrase. */
  experience: string[];
  /** Why no source gives the time in post, when none does. */
  experienceUnknown?: string;
  funding: string[];
  notes: string[];
  /** Numbers of the sources behind the step (its move, qualifications and their funding). */
  refs: number[];
}

/** What must be true before a step can be taken: its registration gate and conditions. */
export interface GateEntry {
  step: number;
  move: string;
  items: { label?: string; text: string; refs: number[] }[];
}

export interface ChecklistEntry {
  name: string;
  step: number;
  indicative: boolean;
  /** "level 3", "12–18 months", "cost to you £0". */
  facts: string[];
  /** "funding: ..." or "no funding listed". */
  funding: string;
  /** What it is needed before, what it includes. */
  more: string[];
}

export interface AlternativeEntry {
  number: number;
  reason: string;
  /** "3 steps", the time, the cost, and "indicative" when it is. */
  facts: string[];
  path: string[];
  gains: string[];
  funding: string;
  /** The registration gates on the way, each with the body that registers. */
  gates: { body: string; text: string }[];
}

export interface FundingEntry {
  name: string;
  summary: string;
  /** "Level 2 certificate: £1,500 (2024/25)". */
  amounts: string[];
  refs: number[];
}

export interface SourceEntry {
  number: number;
  title: string;
  publisher: string;
  kind?: string;
  /** "23 November 2026". */
  checked: string;
  caveat?: string;
  /** Only an http(s) address, normalised: anything else (javascript:, data:, file:) is never a link. */
  url?: string;
}

export interface PlanDocument {
  from: string;
  to: string;
  person: FormField[];
  /** Why this route is the one planned: the criterion and what it is best at. */
  why: string;
  summary: SummaryField[];
  /** The warning a route resting on thin sources carries; absent when it does not. */
  indicativeNote?: string;
  /** Role names from the start to the goal. */
  route: string[];
  steps: StepEntry[];
  gates: GateEntry[];
  checklist: ChecklistEntry[];
  alternatives: AlternativeEntry[];
  /** Said when the search stopped early; else absent. */
  searchCutShort?: string;
  funding: FundingEntry[];
  actions: ActionEntry[];
  review: FormField;
  /** The signatures the form asks for, each with a date beside it. */
  signatures: string[];
  /** "These facts are for England: ...". */
  scope: string;
  made: { date: string; toolVersion: string; dataset: DatasetInfo };
  sources: SourceEntry[];
  /** The closing word on figures. */
  caution: string;
}

const INDICATIVE_NOTE =
  'Part of this route rests on a single source or a low-confidence fact (marked “indicative” below). Check it with your manager or training provider before you rely on it.';
const CAUTION =
  'Costs, funding rules and pay change: check the figures with your employer or training provider. A cost no source gives is left out of the totals, never guessed.';

const PER = { year: ' a year', month: ' a month', week: ' a week', total: '' } as const;

/** The whole plan as a PDP: sections in the order a reader meets them. */
export function buildPlanDocument(plan: Plan, context: DocumentContext, fields: PdpFields = {}): PlanDocument {
  const refs = citer(context);
  const citations = context.citations ?? { qualifications: {}, funding: {} };
  return {
    from: plan.from.name,
    to: plan.to.name,
    person: [
      { label: 'Name', ...given(fields.name) },
      { label: 'Current role', value: plan.from.name },
      { label: 'Goal', value: plan.to.name },
      { label: 'Employer or service' },
      { label: 'Manager or supervisor' },
      { label: 'Date of this plan', value: longDate(context.today) },
    ],
    why: whyThisRoute(plan),
    summary: summaryFields(plan, context.today),
    ...(plan.best.indicative ? { indicativeNote: INDICATIVE_NOTE } : {}),
    route: routePath(plan, plan.best),
    steps: plan.best.steps.map((step, i) =>
      stepEntry(step, i + 1, refs([...step.sources, ...step.gains.flatMap((g) => citations.qualifications[g.id] ?? [])])),
    ),
    gates: gateEntries(plan.best, refs),
    checklist: checklistEntries(plan.best),
    alternatives: plan.alternatives.map((route, i) => alternativeEntry(plan, route, i + 2)),
    ...(plan.searchComplete ? {} : { searchCutShort: searchCutShort(plan.searchLimit) }),
    funding: plan.funding.map((f) => ({
      name: f.name,
      summary: f.summary,
      amounts: f.amounts.map((a) => `${a.label}: ${formatMoney({ min: a.amount, max: a.amount })}${PER[a.per]} (${a.year})`),
      refs: refs(citations.funding[f.id] ?? []),
    })),
    actions: agreedActions(plan),
    review: { label: 'Review date', ...(fields.review ? { value: longDate(fields.review) } : {}) },
    signatures: ['Worker’s signature', 'Manager’s signature'],
    scope: nationsNote(plan.nations),
    made: { date: longDate(context.today), toolVersion: context.toolVersion, dataset: context.dataset },
    sources: context.sources.map(sourceEntry),
    caution: CAUTION,
  };
}

function given(value: string | undefined): { value?: string } {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? { value: trimmed } : {};
}

/** Turns source ids into their numbers in the document's source list (unknown ids are dropped). */
function citer(context: DocumentContext): (ids: readonly string[]) => number[] {
  const numberOf = new Map(context.sources.map((s, i) => [s.id, i + 1]));
  return (ids) => [...new Set(ids.flatMap((id) => numberOf.get(id) ?? []))].sort((a, b) => a - b);
}

/** A step's row; `refs` are the numbers of its move's sources and its qualifications'. */
function stepEntry(step: PlanStep, number: number, refs: number[]): StepEntry {
  return {
    number,
    from: step.from.name,
    to: step.to.name,
    how: `${MOVE_KIND_WORDS[step.kind].document}${step.routeName ? `: ${step.routeName}` : ''}${step.confidence === 'low' ? ' (indicative)' : ''}`,
    gains: step.gains.map((g) => ({ name: g.name, facts: [levelText(g), formatMonths(g.durationMonths)], indicative: g.confidence === 'low' })),
    time: stepTime(step),
    experience: experiencePhrases(step.experience, 'long'),
    ...(step.experience.unknown !== undefined ? { experienceUnknown: step.experience.unknown } : {}),
    funding: fundingNames(step.gains),
    notes: step.notes,
    refs,
  };
}

function gateEntries(route: PlannedRoute, refs: (ids: readonly string[]) => number[]): GateEntry[] {
  return route.steps.flatMap((step, i) => {
    const items = [
      ...(step.gate ? [{ label: 'Registration gate', text: gateText(step.gate), refs: refs(step.gate.sources) }] : []),
      ...conditionTexts(step.conditions).map((text) => ({ text, refs: [] })),
    ];
    return items.length > 0 ? [{ step: i + 1, move: `${step.from.name} → ${step.to.name}`, items }] : [];
  });
}

function checklistEntries(route: PlannedRoute): ChecklistEntry[] {
  const stepOf = new Map<GainedQualification, number>();
  route.steps.forEach((step, i) => {
    step.gains.forEach((g) => {
      stepOf.set(g, i + 1);
    });
  });
  const nameOf = new Map(route.checklist.map((g) => [g.id, g.name]));
  return route.checklist.map((g) => {
    const more: string[] = [];
    if (g.prerequisiteOf)
      more.push(`needed before ${nameOf.get(g.prerequisiteOf) ?? g.prerequisiteOf}, unless you already hold it or something that counts instead`);
    if (g.includes.length > 0) more.push(`includes ${g.includes.map((i) => i.name).join(', ')}`);
    return {
      name: g.name,
      step: stepOf.get(g) ?? 0,
      indicative: g.confidence === 'low',
      facts: [levelText(g), formatMonths(g.durationMonths), `cost to you ${g.cost ? formatMoney(g.cost) : 'not in the sources'}`],
      funding: g.funding.length > 0 ? `funding: ${g.funding.map((f) => f.name).join(', ')}` : 'no funding listed',
      more,
    };
  });
}

function alternativeEntry(plan: Plan, route: PlannedRoute, number: number): AlternativeEntry {
  const t = route.totals;
  return {
    number,
    reason: reasonText(route.reasons),
    facts: [
      plural(t.steps, 'step'),
      formatRouteTime(t, servedOn(route)),
      `cost to you ${formatCost(t.cost, t.unknownCost.length)}`,
      ...(route.indicative ? ['indicative'] : []),
    ],
    path: routePath(plan, route),
    gains: route.checklist.map((g) => g.name),
    funding: fundingNames(route.checklist).join('; ') || (route.checklist.length > 0 ? 'none in the sources' : 'none needed'),
    gates: route.steps.flatMap((s) => (s.gate ? [{ body: s.gate.body, text: gateText(s.gate) }] : [])),
  };
}

function sourceEntry(source: Source, i: number): SourceEntry {
  const url = webAddress(source.url);
  return {
    number: i + 1,
    title: source.title,
    publisher: source.publisher,
    ...(source.kind ? { kind: SOURCE_KINDS[source.kind] } : {}),
    checked: longDate(source.reviewed),
    ...(source.caveat ? { caveat: source.caveat } : {}),
    ...(url ? { url } : {}),
  };
}

export function routePath(plan: Plan, route: PlannedRoute): string[] {
  return [plan.from.name, ...route.steps.map((s) => s.to.name)];
}

export function fundingNames(gains: GainedQualification[]): string[] {
  return [...new Set(gains.flatMap((g) => g.funding.map((f) => f.name)))];
}

function levelText(g: GainedQualification): string {
  return g.level !== undefined ? `level ${g.level}` : g.kind;
}
