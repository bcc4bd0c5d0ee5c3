/**
 * What the person has told the questionnaire, as plain data, and how each answer reads on the
 * review screen. Pure: nothing here prompts, prints or touches the file system.
 */
import type { Dataset } from '../domain/types';
import type { PlanRequest } from '../planner/types';
import { findNewToCare } from './current-role';
import type { Goal } from './directions';
import { DIRECTION_LABEL } from './directions';
import { buildPlanRequest, CONSTRAINT_CHOICES, PRIORITY_CHOICES, type Preferences } from './request';

export interface Answers {
  /** The current role's id. */
  from: string;
  /** Qualification ids held (ticked, or said yes to). */
  have: string[];
  /** Months already served in the current role; undefined: not asked or not sure. */
  monthsInRole?: number;
  goal: Goal;
  /** The role planned to (the one named, or the one chosen for a direction). */
  to: string;
  /** A second destination, planned as a route through `to`. */
  thenTo?: string;
  preferences: Preferences;
}

/** The answers the review screen lists, each one a question that can be asked again. */
export type AnswerName = 'from' | 'have' | 'monthsInRole' | 'goal' | 'then' | 'optimise' | 'constraints' | 'hoursPerWeek';

/** The plan request the answers make: to the second destination through the first, when there is one. */
export function requestFor(answers: Answers): PlanRequest {
  const { from, to, thenTo, have, preferences, monthsInRole } = answers;
  const request = buildPlanRequest(from, thenTo ?? to, have, preferences);
  return {
    ...request,
    ...(thenTo !== undefined ? { via: to } : {}),
    ...(monthsInRole !== undefined && monthsInRole > 0 ? { monthsInRole } : {}),
  };
}

const MAX_MONTHS_IN_ROLE = 600;

/**
 * Time typed as people say it ("2 years", "18 months", "1 year 6 months", "1.5 years", "2y 3m")
 * in whole months; undefined for a blank answer; a message when it cannot be read.
 */
export function parseTimeInRole(typed: string): { months: number | undefined } | { error: string } {
  const text = typed
    .trim()
    .toLowerCase()
    .replace(/\band\b/g, ' ');
  if (text === '') return { months: undefined };
  const part = /(\d+(?:\.\d+)?)\s*(years?|yrs?|y|months?|mths?|mos?|m)(?![a-z])/g;
  let months = 0;
  let rest = text;
  for (const [whole, amount, unit] of text.matchAll(part)) {
    months += Number(amount) * (unit!.startsWith('y') ? 12 : 1);
    rest = rest.replace(whole, ' ');
  }
  if (rest.trim() !== '' || rest === text) {
    return {
      error: /^\d+(\.\d+)?$/.test(text) ? `Say years or months, e.g. ${text} years or ${text} months` : 'Type it like 2 years, 8 months or 1 year 6 months',
    };
  }
  const whole = Math.floor(months);
  if (whole > MAX_MONTHS_IN_ROLE) return { error: 'That is more than 50 years: type years or months, e.g. 20 years' };
  return { months: whole };
}

/** "2 years", "8 months", "1 year 6 months". */
export function formatTimeInRole(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (years === 0) return unit(rest, 'month');
  return rest === 0 ? unit(years, 'year') : `${unit(years, 'year')} ${unit(rest, 'month')}`;
}

/** One line of the review screen: what was asked and what the person answered. */
export interface ReviewLine {
  name: AnswerName;
  label: string;
  answer: string;
}

/** The answers as the review screen lists them; `askedTime` is false when the time in role was never asked. */
export function reviewLines(dataset: Dataset, answers: Answers, askedTime: boolean): ReviewLine[] {
  const role = (id: string) => dataset.roles.find((r) => r.id === id)?.name ?? id;
  const qualification = (id: string) => dataset.qualifications.find((q) => q.id === id)?.name ?? id;
  const p = answers.preferences;
  const constraints = CONSTRAINT_CHOICES.filter((c) => p[c.value]).map((c) => c.name);
  const firstJob = answers.goal.kind === 'up' && findNewToCare(dataset)?.id === answers.from;
  const goal = answers.goal.kind === 'role' ? role(answers.to) : `${role(answers.to)} (${firstJob ? 'a first job' : DIRECTION_LABEL[answers.goal.kind]})`;
  const lines: ReviewLine[] = [
    { name: 'from', label: 'Your role', answer: role(answers.from) },
    { name: 'have', label: 'You hold', answer: answers.have.length > 0 ? answers.have.map(qualification).join('; ') : 'nothing ticked' },
  ];
  if (askedTime) {
    const time = answers.monthsInRole === undefined ? 'not sure (none counted)' : formatTimeInRole(answers.monthsInRole);
    lines.push({ name: 'monthsInRole', label: 'Time in the role', answer: time });
  }
  lines.push(
    { name: 'goal', label: 'Where to', answer: goal },
    { name: 'then', label: 'Then', answer: answers.thenTo !== undefined ? role(answers.thenTo) : `nothing after ${role(answers.to)} yet` },
    { name: 'optimise', label: 'What matters most', answer: PRIORITY_CHOICES.find((c) => c.value === p.optimise)!.name.toLowerCase() },
    { name: 'constraints', label: 'Must allow for', answer: constraints.length > 0 ? constraints.join('; ') : 'nothing in particular' },
    { name: 'hoursPerWeek', label: 'Study time', answer: p.hoursPerWeek !== undefined ? `${p.hoursPerWeek} hours a week` : 'not sure' },
  );
  return lines;
}
