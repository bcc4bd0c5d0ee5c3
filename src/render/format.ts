/** Small text formatters shared by every renderer. No colour here. */
import type { Range } from '../domain/types';
import { GATE_QUALIFICATION, MONTH_NAMES, NATIONS, type Nation } from '../domain/vocabulary';
import {
  ROUTE_REASON_LABEL,
  type Plan,
  type PlannedRoute,
  type PlanStep,
  type RegistrationGate,
  type RouteTotals,
  type RouteReason,
  type StepCondition,
  type StepExperience,
} from '../planner/types';

const EN_DASH = '–';

/** "England", "England and Wales": the nations facts hold for. */
export function nationsText(nations: readonly Nation[]): string {
  const names = nations.map((n) => NATIONS[n]);
  return names.length <= 1 ? (names[0] ?? NATIONS.england) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The line every plan and sheet ends with: what the facts hold for, and that the other nations differ. */
export function nationsNote(nations: readonly Nation[]): string {
  const others = (Object.keys(NATIONS) as Nation[]).filter((n) => !nations.includes(n));
  const differ = others.length > 0 ? `: registers, qualifications and funding differ in ${nationsText(others)}` : '';
  return `These facts are for ${nationsText(nations.length > 0 ? nations : ['england'])}${differ}.`;
}

/** "12–18 months", "6 months", "1 month". */
export function formatMonths(range: Range | undefined): string {
  if (!range) return 'unknown';
  if (range.max === 0) return 'no set time';
  const unit = range.max === 1 ? 'month' : 'months';
  return range.min === range.max ? `${trim(range.min)} ${unit}` : `${trim(range.min)}${EN_DASH}${trim(range.max)} ${unit}`;
}

/** "about 3½–5½ years" style for long totals; months below two years. */
export function formatDuration(range: Range): string {
  if (range.max < 24) return formatMonths(range);
  const years = (m: number) => trim(Math.round((m / 12) * 10) / 10);
  return range.min === range.max
    ? `${formatMonths(range)} (${years(range.min)} years)`
    : `${formatMonths(range)} (${years(range.min)}${EN_DASH}${years(range.max)} years)`;
}

/** "£0", "£1,500", "£1,500–£1,540". */
export function formatMoney(range: Range | undefined): string {
  if (!range) return 'unknown';
  const gbp = (n: number) => `£${groupThousands(n)}`;
  return range.min === range.max ? gbp(range.min) : `${gbp(range.min)}${EN_DASH}${gbp(range.max)}`;
}

/** A total cost that may be only a lower bound: what is unknown comes first, never "£0 known". */
export function formatTotalCost(cost: Range, unknownCount: number): string {
  if (unknownCount === 0) return formatMoney(cost);
  return `not known (${unknownCount} not in the sources${cost.max > 0 ? `; known part ${formatMoney(cost)}` : ''})`;
}

/** 1500 → "1,500"; by hand because the first toLocaleString call loads ICU data (~11 ms). */
export function groupThousands(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toString().split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction.padEnd(2, '0')}` : '');
}

/** "March 2028" (UTC), without loading ICU. */
export function monthYear(date: Date): string {
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** "usually about 4½ years" / "usually about 20 months": the typical figure plans are ranked on. */
export function formatTypical(months: number): string {
  if (months < 24) return `usually about ${trim(Math.round(months))} months`;
  const halfYears = Math.round((months / 12) * 2) / 2;
  const whole = Math.floor(halfYears);
  return `usually about ${whole}${halfYears > whole ? '½' : ''} years`;
}

/** The time in post a step expects, in words; undefined when it expects none. */
export function experienceText(experience: StepExperience): string | undefined {
  const parts = experiencePhrases(experience, 'long');
  if (experience.unknown !== undefined) parts.push(`time in role not in the sources (${experience.unknown})`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

const EXPERIENCE_WORDS = {
  short: { before: 'in post first', alongside: 'in role' },
  long: { before: 'in post before the course starts', alongside: 'in role, alongside any study' },
} as const;

/**
 * The time in post a step expects that the sources give, phrase by phrase, each with what the
 * months already served did for it: "12 months in post first: met by your 24 months". `short`
 * for a table cell, `long` for a sentence. A time no source gives is left to the caller.
 */
export function experiencePhrases(experience: StepExperience, words: keyof typeof EXPERIENCE_WORDS): string[] {
  const parts: string[] = [];
  for (const part of ['before', 'alongside'] as const) {
    const need = experience[part];
    if (need && need.max > 0)
      parts.push(`${formatMonths(need)} ${EXPERIENCE_WORDS[words][part]}${servedText(need, experience.served?.[part], experience.served?.months)}`);
  }
  return parts;
}

/** ": met by your 24 months", ": 6 more after your 6 months", or nothing when no months served counted towards `need`. */
function servedText(need: Range, left: Range | undefined, served: number | undefined): string {
  if (left === undefined || served === undefined || (left.min === need.min && left.max === need.max)) return '';
  const yours = `your ${plural(served, 'month')}`;
  return left.max === 0 ? `: met by ${yours}` : `: ${formatMonths(left)} more after ${yours}`;
}

/** True when months already served were counted on the route (on its first step). */
export const servedOn = (route: PlannedRoute): boolean => route.steps[0]?.experience.served !== undefined;

/**
 * What the plan says once about the months already served in the starting role: that they were
 * counted, or why they were not. Undefined when none were given.
 */
export function servedSummary(plan: Plan): string | undefined {
  const months = plan.monthsInRole;
  if (!months) return undefined;
  const first = plan.best.steps[0]?.experience;
  const served = `${plural(months, 'month')} as ${plan.from.name}`;
  if (first?.served) return `${served}, counted towards step 1's time in post`;
  if (first?.unknown !== undefined) return `${served}, not counted: the sources give no time in post for step 1`;
  return `${served}, not needed: step 1 asks for no time in post`;
}

/** "£1,500", or what is unknown first: "not known (no source gives it for 1 qualification; known part £0)". */
export function formatCost(cost: Range, unknownCount: number): string {
  if (unknownCount === 0) return formatMoney(cost);
  const known = cost.max > 0 ? `; the known part is ${formatMoney(cost)}` : '';
  return `not known: no source gives the cost of ${plural(unknownCount, 'qualification')}${known}`;
}

/** One line for a registration gate: who registers, what they check, and when the qualification must be held. */
export function gateText(gate: RegistrationGate): string {
  const parts = [`${gate.required ? 'Register with' : 'Stay registered with'} ${gate.body}`];
  if (gate.checks) parts.push(`They check: ${gate.checks}`);
  if (gate.qualification) parts.push(GATE_QUALIFICATION[gate.qualification]);
  if (gate.approval) parts.push(`Also needs approval: ${gate.approval}`);
  return `${parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ')}.`;
}

/** The conditions of a step, one phrase each. */
export function conditionTexts(conditions: StepCondition[]): string[] {
  return conditions.map((c) => c.text);
}

/** Why a route is shown, e.g. "fastest; earn while you learn". */
export function reasonText(reasons: RouteReason[]): string {
  return reasons.map((r) => ROUTE_REASON_LABEL[r]).join('; ');
}

/**
 * A step's time: its range, with "or more" (or "not known") when part of it is not in the sources;
 * "0 months", not "no set time", when the months already served met all it asked.
 */
export function stepTime(step: PlanStep): string {
  const unknown = step.unknownDuration.length > 0 || step.experience.unknown !== undefined;
  if (!unknown) return step.months.max === 0 && step.experience.served ? '0 months' : formatMonths(step.months);
  return step.months.max === 0 ? 'not known' : `${formatMonths(step.months)} or more`;
}

/**
 * A route's time in words: "usually about 6 years (66–84 months)", and when part of it is not in
 * the sources, "usually about 6 years (66–84 months) plus time the sources do not give" (never
 * "usually about 0 months"). `served`: months already served counted on the route, so a route of
 * no time left is "0 months", not "no set time".
 */
export function formatRouteTime(totals: RouteTotals, served = false): string {
  const unknown = totals.unknownDuration.length + totals.unknownExperience > 0;
  if (totals.months.max === 0) return unknown ? 'time not in the sources' : served ? '0 months' : 'no set time';
  const plus = unknown ? ' plus time the sources do not give' : '';
  if (totals.months.min === totals.months.max) return `${formatDuration(totals.months)}${plus}`;
  return `${formatTypical(totals.typicalMonths)} (${formatMonths(totals.months)})${plus}`;
}
