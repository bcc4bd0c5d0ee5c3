/** The terminal rendering of a plan: summary line, steps table, checklist. Returns a string. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { GainedQualification, Plan, PlannedRoute, PlanStep } from '../planner/types';
import { searchCutShort } from './messages';
import { MOVE_KIND_WORDS, OPTIMISE } from '../domain/vocabulary';
import {
  conditionTexts,
  experiencePhrases,
  experienceText,
  nationsNote,
  formatMonths,
  formatMoney,
  formatRouteTime,
  formatTotalCost,
  gateText,
  monthYear,
  plural,
  reasonText,
  servedOn,
  servedSummary,
  stepTime,
} from './format';
import { fitTable, fitText, type Cell, type Column } from './fit';

export interface TableOptions {
  /** Colour is decided by the caller (terminal, NO_COLOR, --no-color); renderers never look. */
  color: boolean;
  /** Terminal width in columns (80 when not known). */
  width?: number;
  /** The day the plan starts from, for the finish-date range (with --hours-per-week). */
  today?: Date;
  /** --format text: each step as a short numbered paragraph in reading order, no grid. */
  linear?: boolean;
}

/** The whole plan for a terminal. */
export function renderPlanTable(plan: Plan, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const lines: string[] = [];
  lines.push(c.bold(`${plan.from.name} → ${plan.to.name}`));
  lines.push(summaryLine(plan.best, c) + c.dim(`  (ranked by: ${OPTIMISE[plan.optimise]})`));
  if (plan.have.length > 0) lines.push(c.dim(`Already held, not counted: ${plan.have.map((q) => q.name).join('; ')}`));
  const served = servedSummary(plan);
  if (served) lines.push(c.dim(`Already served: ${served}`));
  const conditions = [...(plan.via ? [`through ${plan.via.name}`] : []), ...plan.constraints];
  if (conditions.length > 0) lines.push(c.dim(`Conditions: ${conditions.join('; ')}`));
  if (plan.hoursPerWeek !== undefined && options.today) {
    lines.push(`${finishText(plan.best, options.today)} at ${plan.hoursPerWeek} hours of study a week`);
  }
  lines.push('');
  lines.push(options.linear ? renderStepsText(plan.best, c) : renderStepsTable(plan.best, c, width));
  lines.push('');
  const gates = renderGatesAndConditions(plan.best, c);
  if (gates.length > 0) lines.push(...gates, '');
  lines.push(c.bold('Qualifications to gain, in order'));
  lines.push(...renderChecklist(plan.best.checklist));
  const figures = plan.funding.filter((f) => f.amounts.length > 0);
  if (figures.length > 0) {
    lines.push('', c.bold('Funding figures'));
    for (const f of figures) {
      lines.push(
        `  ${f.name}: ${f.amounts.map((a) => `${a.label} ${formatMoney({ min: a.amount, max: a.amount })}${a.per === 'total' ? '' : ` a ${a.per}`} (${a.year})`).join('; ')}`,
      );
    }
  }
  const notes = routeNotes(plan.best, c);
  if (notes.length > 0) lines.push('', ...notes);
  if (plan.alternatives.length > 0) lines.push('', c.bold('Alternatives'));
  else if (!plan.searchComplete) lines.push('');
  if (!plan.searchComplete) lines.push(c.bold(searchCutShort(plan.searchLimit)));
  plan.alternatives.forEach((alt, i) => {
    lines.push(`${i + 2}. ${c.bold(reasonText(alt.reasons))}: ${summaryLine(alt, c)}`);
    lines.push(`   ${[plan.from.name, ...alt.steps.map((s) => s.to.name)].join(' → ')}`);
    const quals = alt.checklist.map((q) => q.name);
    lines.push(`   ${quals.length > 0 ? `gain: ${quals.join('; ')}` : c.dim('nothing new to gain')}`);
  });
  lines.push('', c.dim(nationsNote(plan.nations)));
  return `${fitText(lines.join('\n'), width)}\n`;
}

/**
 * "Finish between March 2028 and May 2029" from today and the route's month range. Today is the
 * person's local date, as in a saved plan, so the two never name different months near midnight.
 */
export function finishText(route: PlannedRoute, today: Date): string {
  const at = (months: number) => monthYear(new Date(Date.UTC(today.getFullYear(), today.getMonth() + Math.ceil(months), 1)));
  const { min, max } = route.totals.months;
  const range = at(min) === at(max) ? `around ${at(min)}` : `between ${at(min)} and ${at(max)}`;
  return `Finish ${range}${route.totals.unknownDuration.length > 0 ? ' or later' : ''}`;
}

/** "3 steps · 30–54 months · cost £0" */
export function summaryLine(route: PlannedRoute, c: ChalkInstance): string {
  const t = route.totals;
  const parts = [plural(t.steps, 'step'), formatRouteTime(t, servedOn(route)), `cost to you ${formatTotalCost(t.cost, t.unknownCost.length)}`];
  return parts.join(' · ') + (route.indicative ? c.bold(' · indicative') : '');
}

/** The steps as a table of as many columns as the width holds, or as paragraphs when none fits. */
function renderStepsTable(route: PlannedRoute, c: ChalkInstance, width: number): string {
  const steps = route.steps.map((step, i) => {
    const funding = fundingText(step);
    return {
      number: [{ text: String(i + 1) }],
      move: [
        { text: `${step.from.name} → ${step.to.name}` },
        { text: [MOVE_KIND_WORDS[step.kind].short, step.routeName].filter(Boolean).join(': '), style: c.dim },
      ],
      gains: step.gains.length > 0 ? step.gains.map((g) => ({ text: gainText(g) })) : [{ text: 'nothing new', style: c.dim }],
      time: [{ text: stepTime(step) }, ...stepExperienceParts(step).map((p) => ({ text: `(${p})`, style: c.dim }))],
      funding: [{ text: funding }],
      fundingLine: funding === '—' ? [] : [{ text: `Funding: ${funding}`, style: c.dim }],
    } satisfies Record<string, Cell>;
  });
  // Widest first; each narrower layout folds the columns that need width least into the others.
  const layouts: Array<[Column[], (s: (typeof steps)[number]) => Cell[]]> = [
    [[NUMBER, MOVE, GAINS, TIME, FUNDING], (s) => [s.number, s.move, s.gains, s.time, s.funding]],
    [[NUMBER, MOVE, { head: 'Qualifications and funding', min: 22 }, TIME], (s) => [s.number, s.move, [...s.gains, ...s.fundingLine], s.time]],
    [
      [NUMBER, { head: 'Move and time', min: 18 }, { head: 'Qualifications and funding', min: 22 }],
      (s) => [s.number, [...s.move, { text: `Time: ${s.time[0]!.text}` }, ...s.time.slice(1)], [...s.gains, ...s.fundingLine]],
    ],
  ];
  for (const [columns, cells] of layouts) {
    const table = fitTable(columns, steps.map(cells), width, (h) => c.bold(h));
    if (table !== undefined) return table;
  }
  return renderStepsText(route, c);
}

const NUMBER: Column = { head: '#', min: 1 };
const MOVE: Column = { head: 'Move', min: 16 };
const GAINS: Column = { head: 'Qualifications to gain', min: 22 };
const TIME: Column = { head: 'Time', min: 12, max: 14 };
const FUNDING: Column = { head: 'Funding', min: 14 };

/** The steps as numbered paragraphs, each fact a sentence, in the order a screen reader reads them. */
function renderStepsText(route: PlannedRoute, c: ChalkInstance): string {
  return route.steps
    .map((step, i) => {
      const how = [MOVE_KIND_WORDS[step.kind].short, step.routeName].filter(Boolean).join(': ');
      const gains = step.gains.length > 0 ? step.gains.map(gainText).join('; ') : 'nothing new';
      const experience = stepExperienceParts(step)
        .map((p) => `(${p})`)
        .join(' ');
      return [
        c.bold(`Step ${i + 1}: ${step.from.name} to ${step.to.name}.`),
        `  How: ${how}.`,
        `  Qualifications to gain: ${gains}.`,
        `  Time: ${stepTime(step)}${experience ? ` ${experience}` : ''}.`,
        `  Funding: ${step.gains.length === 0 ? 'none needed' : fundingText(step) === '—' ? 'none named in the sources' : fundingText(step)}.`,
      ].join('\n');
    })
    .join('\n\n');
}

/** The time in post a step expects, in short phrases: the full words are in the notes below the steps. */
function stepExperienceParts(step: PlanStep): string[] {
  const parts = experiencePhrases(step.experience, 'short');
  if (step.experience.unknown !== undefined) parts.push('time in role unknown');
  return parts;
}

/** Registration gates and the conditions on each step, numbered by step, below the table. */
export function renderGatesAndConditions(route: PlannedRoute, c: ChalkInstance): string[] {
  const lines: string[] = [];
  route.steps.forEach((step, i) => {
    const items = [
      ...(step.gate ? [`${c.bold('Registration gate')}: ${gateText(step.gate)}`] : []),
      ...conditionTexts(step.conditions),
      ...(step.experience.unknown !== undefined || (step.experience.before?.max ?? 0) > 0 ? [`Experience: ${experienceText(step.experience)}`] : []),
    ];
    if (items.length === 0) return;
    lines.push(`Step ${i + 1}, ${step.from.name} → ${step.to.name}:`);
    for (const item of items) lines.push(`  - ${item}`);
  });
  return lines.length > 0 ? [c.bold('Before you start each step'), ...lines] : [];
}

function gainText(g: GainedQualification): string {
  const level = g.level !== undefined ? `L${g.level}` : g.kind;
  const extra = g.prerequisiteOf ? ', needed first unless you hold it' : '';
  const includes = g.includes.length > 0 ? `; includes ${g.includes.map((i) => i.name).join(', ')}` : '';
  return `${g.name} (${level}, ${formatMonths(g.durationMonths)}${extra}${includes})`;
}

function fundingText(step: PlanStep): string {
  const names = [...new Set(step.gains.flatMap((g) => g.funding.map((f) => f.name)))];
  return names.length > 0 ? names.join('; ') : '—';
}

/** Numbered `[ ]` lines: level, duration, cost and funding for each qualification. */
export function renderChecklist(checklist: GainedQualification[]): string[] {
  if (checklist.length === 0) return ['  Nothing new: you hold everything this route needs.'];
  return checklist.map((g, i) => {
    const facts = [
      g.level !== undefined ? `level ${g.level}` : g.kind,
      formatMonths(g.durationMonths),
      `cost to you ${formatMoney(g.cost)}`,
      ...(g.funding.length > 0 ? [`funding: ${g.funding.map((f) => f.name).join(', ')}`] : []),
      ...(g.includes.length > 0 ? [`includes ${g.includes.map((i) => i.name).join(', ')}`] : []),
    ];
    const mark = g.confidence === 'low' ? ' (indicative)' : '';
    return `  ${i + 1}. [ ] ${g.name}${mark} — ${facts.join('; ')}`;
  });
}

function routeNotes(route: PlannedRoute, c: ChalkInstance): string[] {
  const notes: string[] = [];
  if (route.totals.unknownCost.length > 0) {
    notes.push(c.dim('Costs not in the sources are left out of the total, never guessed.'));
  }
  if (route.indicative) notes.push(c.bold('Indicative: part of this route rests on a single or low-confidence source.'));
  return notes;
}
