/**
 * The prose a plan document makes from a plan: the summary, why the route was chosen, and the
 * actions it implies. Pure and unescaped; only what the plan says, nothing guessed.
 */
import { OPTIMISE, type Optimise } from '../domain/vocabulary';
import type { GainedQualification, Plan, PlannedRoute } from '../planner/types';
import { formatMoney, formatRouteTime, monthYear, nationsNote, plural, servedOn, servedSummary } from './format';

/** A summary line; `repeats` marks one the document also gives in a place of its own (the route drawing, why this route, the scope note), which a page short of room may leave out here. */
export interface SummaryField {
  label: string;
  value: string;
  repeats?: 'route' | 'why' | 'scope';
}

/** One row of the agreed-actions table: an action the plan implies, or (without one) a row to fill in. Owner and date are always left to the people agreeing it. */
export interface ActionEntry {
  action?: string;
}

/** Why the best route under each criterion was chosen, in words. */
const CHOSEN: Record<Optimise, string> = {
  realistic: 'Chosen as the most realistic route: routes were ranked on the usual time of each step, counting a step as longer the less sure its sources are.',
  steps: 'Chosen as the route with the fewest job changes; among those, the shortest usual time.',
  time: 'Chosen as the fastest route: the shortest usual time among the routes whose lengths the sources give.',
  cost: 'Chosen as the cheapest route: the lowest cost to you among the routes whose costs the sources give.',
};

/** How many empty rows the agreed-actions table ends with, for actions agreed on the day. */
export const EMPTY_ACTION_ROWS = 2;

/** "Chosen as the most realistic route: ...", and that the other routes shown say what they are best at. */
export function whyThisRoute(plan: Plan): string {
  const n = plan.alternatives.length;
  const others = n === 0 ? '' : n === 1 ? ' One other route follows, with what it is best at.' : ` ${n} other routes follow, each with what it is best at.`;
  return `${CHOSEN[plan.optimise]}${others}`;
}

/** Route, steps, time, cost, funding, ranking, scope, and the conditions asked for. */
export function summaryFields(plan: Plan, today: string): SummaryField[] {
  const best = plan.best;
  const t = best.totals;
  const fields: SummaryField[] = [
    { label: 'Route', value: [plan.from.name, ...best.steps.map((s) => s.to.name)].join(' → '), repeats: 'route' },
    { label: 'Steps', value: String(t.steps) },
    { label: 'Time', value: `${formatRouteTime(t, servedOn(best))}${unknownTimeText(best)}` },
    { label: 'Cost to you', value: costText(best) },
    { label: 'Funding', value: fundingList(best.checklist) || (best.checklist.length > 0 ? 'none in the sources' : 'none needed') },
    { label: 'Ranked by', value: OPTIMISE[plan.optimise], repeats: 'why' },
    { label: 'Where', value: nationsNote(plan.nations), repeats: 'scope' },
  ];
  if (plan.have.length > 0) fields.push({ label: 'Already held, not counted', value: plan.have.map((q) => q.name).join('; ') });
  const served = servedSummary(plan);
  if (served) fields.push({ label: 'Already served', value: served });
  const conditions = [...(plan.via ? [`through ${plan.via.name}`] : []), ...(plan.constraints ?? [])];
  if (conditions.length > 0) fields.push({ label: 'Conditions', value: conditions.join('; ') });
  if (plan.hoursPerWeek !== undefined) fields.push({ label: 'Study pace', value: `${plan.hoursPerWeek} hours a week; ${finishRange(best, today)}` });
  return fields;
}

function costText(route: PlannedRoute): string {
  const t = route.totals;
  if (t.unknownCost.length === 0) return formatMoney(t.cost);
  return `not known: the sources give no cost for ${names(route, t.unknownCost)}${t.cost.max > 0 ? `; the known part is ${formatMoney(t.cost)}` : ''}`;
}

/** "finish between March 2028 and May 2029" counted from the document's date (first of the month). */
function finishRange(route: PlannedRoute, today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const at = (months: number) => monthYear(new Date(Date.UTC(year, month - 1 + Math.ceil(months), 1)));
  const { min, max } = route.totals.months;
  const range = at(min) === at(max) ? `finish around ${at(min)}` : `finish between ${at(min)} and ${at(max)}`;
  return `${range}${route.totals.unknownDuration.length > 0 ? ' or later' : ''}`;
}

/** ": no source gives the length of X, or the time in role for 1 step" (empty when all is known). */
function unknownTimeText(route: PlannedRoute): string {
  const t = route.totals;
  const parts = [
    ...(t.unknownDuration.length > 0 ? [`the length of ${names(route, t.unknownDuration)}`] : []),
    ...(t.unknownExperience > 0 ? [`the time in role for ${plural(t.unknownExperience, 'step')}`] : []),
  ];
  return parts.length > 0 ? `: no source gives ${parts.join(', or ')}` : '';
}

/**
 * The actions the best route implies, in order, then empty rows: funding agreed for what the
 * first step gains, what to find out where the sources give no cost, each application, and each
 * registration.
 */
export function agreedActions(plan: Plan): ActionEntry[] {
  const actions: string[] = [];
  const first = plan.best.steps.findIndex((s) => s.gains.length > 0);
  const nameOf = new Map(plan.best.checklist.map((g) => [g.id, g.name]));
  plan.best.steps.forEach((step, i) => {
    const where = ` (step ${i + 1})`;
    for (const g of step.gains) {
      if (g.prerequisiteOf) {
        actions.push(
          `Check whether you already hold ${g.name}, or something that counts instead: it is needed before ${nameOf.get(g.prerequisiteOf) ?? g.prerequisiteOf}`,
        );
        continue;
      }
      if (i === first) actions.push(fundingAction(g));
      if (!g.cost) actions.push(`Find out what ${g.name} would cost you: the sources give no cost`);
      actions.push(`Apply for ${g.name}${where}`);
    }
    if (step.gate?.required) actions.push(`Apply to register with ${step.gate.body}${where}`);
    else if (step.gate?.approval) actions.push(`Ask for approval: ${step.gate.approval}${where}`);
  });
  return [...actions.map((action) => ({ action })), ...Array.from({ length: EMPTY_ACTION_ROWS }, () => ({}))];
}

function fundingAction(g: GainedQualification): string {
  const funding = g.funding.map((f) => f.name);
  return funding.length > 0
    ? `Agree funding for ${g.name} with your manager: ${joinOr(funding)}`
    : `Agree with your manager who pays for ${g.name}: the sources list no funding`;
}

function names(route: PlannedRoute, ids: string[]): string {
  const byId = new Map(route.checklist.map((g) => [g.id, g.name]));
  return joinAnd(ids.map((id) => byId.get(id) ?? id));
}

function fundingList(gains: GainedQualification[]): string {
  return [...new Set(gains.flatMap((g) => g.funding.map((f) => f.name)))].join('; ');
}

export function joinAnd(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function joinOr(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
