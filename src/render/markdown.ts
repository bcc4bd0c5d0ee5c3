/**
 * A plan as a Markdown document a person can keep, print and bring to supervision. Pure and
 * colourless: it reads the same as plain text and to a screen reader (numbered steps, words rather
 * than colour or symbols, a text description of the diagram).
 */
import type { Source } from '../domain/types';
import type { GainedQualification, Plan, PlannedRoute, PlanStep } from '../planner/types';
import { longDate, type DatasetInfo, type DocumentContext } from './context';
import { OPTIMISE, SOURCE_KINDS } from '../domain/vocabulary';
import { conditionTexts, experienceText, formatCost, nationsNote, formatMonths, formatMoney, formatRouteTime, gateText, monthYear, plural, reasonText, stepTime } from './format';
import { SEARCH_CUT_SHORT } from './messages';
const KIND_LABEL = { up: 'Step up', sideways: 'Sideways move', specialise: 'Specialise', professional: 'Professional training' } as const;

const PER = { year: ' a year', month: ' a month', week: ' a week', total: '' } as const;

/** The whole plan as Markdown: summary, steps, checklist, route map, alternatives, questions, sources. */
export function renderPlanMarkdown(plan: Plan, context: DocumentContext): string {
  const best = plan.best;
  const out: string[] = [];
  out.push(`# Career plan: ${md(plan.from.name)} → ${md(plan.to.name)}`, '');
  out.push(madeFrom(context), '');

  out.push('## Summary', '');
  out.push(...summaryItems(plan, context.today), '');
  if (best.indicative) {
    out.push(
      '> **Indicative:** part of this route rests on a single source or a low-confidence fact (marked “indicative” below). ' +
        'Check it with your manager or training provider before you rely on it.',
      '',
    );
  }

  out.push('## Steps', '');
  out.push(...stepsTable(best), '');
  const gates = gatesAndConditions(best);
  if (gates.length > 0) out.push('### Before you start each step', '', ...gates, '');
  const notes = best.steps.flatMap((step, i) => step.notes.map((note) => `- Step ${i + 1}: ${md(note)}`));
  if (notes.length > 0) out.push('Notes on the steps:', '', ...notes, '');

  out.push('## Qualifications checklist', '');
  if (best.checklist.length === 0) out.push('Nothing new to gain: you hold everything this route needs.', '');
  else out.push('Tick each one off when you complete it, in this order.', '', ...checklist(best), '');

  out.push('## Route map', '');
  out.push(
    plan.alternatives.length > 0
      ? 'The diagram shows the steps above as solid arrows, and the other routes listed below as dotted arrows.'
      : 'The diagram shows the same route as the steps table.',
    '',
  );
  out.push('```mermaid', ...renderRouteMermaid(plan), '```', '');

  if (plan.alternatives.length > 0) {
    out.push('## Other routes', '');
    plan.alternatives.forEach((alt, i) => out.push(...alternative(plan, alt, i + 2), ''));
  }
  if (!plan.searchComplete) out.push(`*${SEARCH_CUT_SHORT}*`, '');

  if (plan.funding.length > 0) {
    out.push('## Funding', '');
    for (const f of plan.funding) {
      out.push(`- **${md(f.name)}:** ${md(f.summary)}`);
      for (const a of f.amounts) out.push(`  - ${md(a.label)}: ${formatMoney({ min: a.amount, max: a.amount })}${PER[a.per]} (${md(a.year)})`);
    }
    out.push('');
  }

  const questions = supervisionQuestions(plan);
  out.push('## Questions to ask at your next supervision', '');
  out.push(...questions.map((q, i) => `${i + 1}. ${q}`), '');

  out.push('## Sources', '');
  if (context.sources.length === 0) out.push('No sources are recorded for this route.', '');
  else out.push(...context.sources.map((s, i) => `${i + 1}. ${sourceLine(s)}`), '');

  out.push('---', '');
  out.push(
    'Costs, funding rules and pay change: check the figures with your employer or training provider. ' +
      'A cost no source gives is left out of the totals, never guessed.',
  );
  return `${out.join('\n')}\n`;
}

function madeFrom(context: DocumentContext): string {
  return (
    `Prepared on ${longDate(context.today)} with careerpath ${md(context.toolVersion)}, ` +
    `from ${datasetText(context.dataset)}.`
  );
}

/** "the dataset “X”, version 1 (updated 23 November 2026), with local changes from “Y”" */
export function datasetText(dataset: DatasetInfo): string {
  const overlays = dataset.overlays.length > 0 ? `, with local changes from ${dataset.overlays.map((o) => `“${md(o)}”`).join(' and ')}` : '';
  return `the dataset “${md(dataset.name)}”, version ${md(dataset.version)} (updated ${longDate(dataset.updated)})${overlays}`;
}

function summaryItems(plan: Plan, today: string): string[] {
  const t = plan.best.totals;
  const items = [
    `- **Route:** ${routePath(plan, plan.best)}`,
    `- **Steps:** ${t.steps}`,
    `- **Time:** ${formatRouteTime(t)}${unknownTimeText(plan.best)}`,
    `- **Cost to you:** ${t.unknownCost.length > 0 ? `not known: the sources give no cost for ${names(plan.best, t.unknownCost)}${t.cost.max > 0 ? `; the known part is ${formatMoney(t.cost)}` : ''}` : formatMoney(t.cost)}`,
    `- **Funding:** ${fundingNames(plan.best.checklist) || (plan.best.checklist.length > 0 ? 'none in the sources' : 'none needed')}`,
    `- **Ranked by:** ${OPTIMISE[plan.optimise]}`,
    `- **Where:** ${nationsNote(plan.nations)}`,
  ];
  if (plan.have.length > 0) items.push(`- **Already held, not counted:** ${plan.have.map((q) => md(q.name)).join('; ')}`);
  const conditions = [...(plan.via ? [`through ${plan.via.name}`] : []), ...(plan.constraints ?? [])];
  if (conditions.length > 0) items.push(`- **Conditions:** ${conditions.map(md).join('; ')}`);
  if (plan.hoursPerWeek !== undefined) {
    items.push(`- **Study pace:** ${plan.hoursPerWeek} hours a week; ${finishRange(plan.best, today)}`);
  }
  return items;
}

/** "finish between March 2028 and May 2029" counted from the document's date (first of the month). */
function finishRange(route: PlannedRoute, today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const at = (months: number) => monthYear(new Date(Date.UTC(year, month - 1 + Math.ceil(months), 1)));
  const { min, max } = route.totals.months;
  const range = at(min) === at(max) ? `finish around ${at(min)}` : `finish between ${at(min)} and ${at(max)}`;
  return `${range}${route.totals.unknownDuration.length > 0 ? ' or later' : ''}`;
}

function stepsTable(route: PlannedRoute): string[] {
  const rows = route.steps.map((step, i) => {
    const how = `${KIND_LABEL[step.kind]}${step.routeName ? `: ${step.routeName}` : ''}${step.confidence === 'low' ? ' (indicative)' : ''}`;
    const gains = step.gains.length > 0 ? step.gains.map(gainText).join('; ') : 'nothing new';
    const experience = experienceText(step.experience);
    const time = `${stepTime(step)}${experience ? ` (${experience})` : ''}`;
    return [String(i + 1), `${step.from.name} → ${step.to.name}`, how, gains, time, fundingNames(step.gains) || '—'];
  });
  return [
    '| Step | Move | How | Qualifications to gain | Time | Funding |',
    '| ---: | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
  ];
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

/** Registration gates and conditions, by step: what must be true before a step can be taken. */
function gatesAndConditions(route: PlannedRoute): string[] {
  const lines: string[] = [];
  route.steps.forEach((step, i) => {
    const items = [...(step.gate ? [`**Registration gate:** ${md(gateText(step.gate))}`] : []), ...conditionTexts(step.conditions).map(md)];
    if (items.length === 0) return;
    lines.push(`- Step ${i + 1}, ${md(step.from.name)} → ${md(step.to.name)}:`, ...items.map((item) => `  - ${item}`));
  });
  return lines;
}

function gainText(g: GainedQualification): string {
  const facts = [levelText(g), formatMonths(g.durationMonths)];
  if (g.confidence === 'low') facts.push('indicative');
  return `${g.name} (${facts.join(', ')})`;
}

function checklist(route: PlannedRoute): string[] {
  const stepOf = new Map<GainedQualification, number>();
  route.steps.forEach((step, i) => step.gains.forEach((g) => stepOf.set(g, i + 1)));
  const nameOf = new Map(route.checklist.map((g) => [g.id, g.name]));
  return route.checklist.map((g) => {
    const facts = [
      levelText(g),
      formatMonths(g.durationMonths),
      `cost to you ${g.cost ? formatMoney(g.cost) : 'not in the sources'}`,
      g.funding.length > 0 ? `funding: ${g.funding.map((f) => f.name).join(', ')}` : 'no funding listed',
    ];
    if (g.prerequisiteOf) facts.push(`needed before ${nameOf.get(g.prerequisiteOf) ?? g.prerequisiteOf}, unless you already hold it or something that counts instead`);
    if (g.includes.length > 0) facts.push(`includes ${g.includes.map((i) => i.name).join(', ')}`);
    const where = [`step ${stepOf.get(g) ?? '?'}`, ...(g.confidence === 'low' ? ['indicative'] : [])].join(', ');
    return `- [ ] **${md(g.name)}** (${where}): ${facts.map(md).join('; ')}`;
  });
}

function alternative(plan: Plan, route: PlannedRoute, number: number): string[] {
  const t = route.totals;
  const facts = [
    plural(t.steps, 'step'),
    formatRouteTime(t),
    `cost to you ${formatCost(t.cost, t.unknownCost.length)}`,
    ...(route.indicative ? ['indicative'] : []),
  ];
  const gains = route.checklist.map((g) => md(g.name));
  const gates = route.steps.filter((s) => s.gate).map((s) => md(gateText(s.gate!)));
  return [
    `### Route ${number} (${md(reasonText(route.reasons))}): ${facts.join(', ')}`,
    '',
    ...gates.map((g) => `- **Registration gate:** ${g}`),
    `- **Route:** ${routePath(plan, route)}`,
    `- **Qualifications to gain:** ${gains.length > 0 ? gains.join('; ') : 'nothing new'}`,
    `- **Funding:** ${fundingNames(route.checklist) || (route.checklist.length > 0 ? 'none in the sources' : 'none needed')}`,
  ];
}

/**
 * Mermaid flowchart lines (without the fence): the best route as solid arrows labelled with the
 * step number and what to gain, alternatives as dotted arrows. Node ids are generated (n0, n1, ...)
 * so role ids never clash with Mermaid keywords; labels are quoted and escaped.
 */
export function renderRouteMermaid(plan: Plan): string[] {
  const ids = new Map<string, string>();
  const nodes: string[] = [];
  const node = (role: { id: string; name: string }) => {
    let id = ids.get(role.id);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(role.id, id);
      const mark = role.id === plan.from.id ? ' (start)' : role.id === plan.to.id ? ' (goal)' : '';
      nodes.push(`  ${id}["${mermaidText(role.name + mark)}"]`);
    }
    return id;
  };
  const edges: string[] = [];
  const seen = new Set<string>();
  node(plan.from);
  plan.best.steps.forEach((step, i) => {
    const a = node(step.from);
    const b = node(step.to);
    seen.add(`${step.from.id}>${step.to.id}>${step.routeId}`);
    edges.push(`  ${a} -->|"${mermaidText(`${i + 1}. ${edgeGains(step)}`)}"| ${b}`);
  });
  plan.alternatives.forEach((route, r) => {
    for (const step of route.steps) {
      // A different route between the same two roles is a different arrow (Mermaid draws both).
      const key = `${step.from.id}>${step.to.id}>${step.routeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(`  ${node(step.from)} -.->|"${mermaidText(`route ${r + 2}: ${edgeGains(step)}`)}"| ${node(step.to)}`);
    }
  });
  const description = plan.best.steps
    .map((s, i) => `Step ${i + 1}, ${s.from.name} to ${s.to.name}: ${s.gains.length > 0 ? `gain ${edgeGains(s)}` : 'nothing new to gain'}.`)
    .join(' ');
  return [
    'flowchart TD',
    `  accTitle: ${accessibleText(`Career route from ${plan.from.name} to ${plan.to.name}`)}`,
    `  accDescr: ${accessibleText(description)}`,
    ...nodes,
    ...edges,
  ];
}

function edgeGains(step: PlanStep): string {
  if (step.gains.length === 0) return 'nothing new to gain';
  const shown = step.gains.slice(0, 2).map((g) => g.name);
  return step.gains.length > 2 ? `${shown.join(', ')} and ${step.gains.length - 2} more` : shown.join(', ');
}

/** Text inside a quoted Mermaid label: quotes and the characters Mermaid reads as markup become entities. */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/\|/g, '#124;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}

/** accTitle/accDescr run to the end of the line; keep them on one line and free of Mermaid syntax. */
function accessibleText(text: string): string {
  return text.replace(/[\r\n;{}]+/g, ',').replace(/\s+/g, ' ').trim();
}

/** Questions for a supervision or appraisal, drawn from what the steps need. */
export function supervisionQuestions(plan: Plan): string[] {
  const questions: string[] = [];
  const nameOf = new Map(plan.best.checklist.map((g) => [g.id, g.name]));
  plan.best.steps.forEach((step, i) => {
    const move = `step ${i + 1}, ${step.from.name} to ${step.to.name}`;
    for (const g of step.gains) {
      if (g.prerequisiteOf) {
        questions.push(`Do I already hold ${g.name}, or something that counts instead? It is needed before ${nameOf.get(g.prerequisiteOf) ?? g.prerequisiteOf}.`);
        continue;
      }
      const funding = g.funding.map((f) => f.name);
      const fundingPart = funding.length > 0 ? `Which funding could pay for it: ${joinOr(funding)}?` : 'Who would pay for it?';
      questions.push(`When could I start the ${g.name}, for ${move}? ${fundingPart}`);
      if (!g.cost) questions.push(`The sources give no cost for the ${g.name}: what would it cost me, if anything?`);
      if (g.kind === 'apprenticeship') questions.push(`The ${g.name} is an apprenticeship: how would time for off-the-job training fit around my shifts?`);
    }
    const { before, alongside, unknown } = step.experience;
    if (before && before.max > 0) {
      questions.push(`The course for ${move} usually needs ${formatMonths(before)} in post before it starts: when would I be eligible to apply?`);
    }
    if ((alongside && alongside.max > 0) || unknown !== undefined) {
      const how = alongside && alongside.max > 0 ? `usually expects ${formatMonths(alongside)} of experience` : 'expects experience (the sources give no figure)';
      questions.push(`The move to ${step.to.name} ${how} in the ${roleWords(step.from.name)} role: how can I build that here, and what would show I am ready?`);
    }
    if (step.gate) questions.push(`What will ${step.gate.body} need from me to register, and when should I start the application?`);
    if (step.confidence === 'low') {
      questions.push(`Does our organisation recognise the move from ${step.from.name} to ${step.to.name} as this plan describes it? It is marked indicative.`);
    }
  });
  questions.push('Which of these steps could go into my development plan this year, and when shall we review it?');
  return [...new Set(questions)].map(md);
}

function sourceLine(source: Source): string {
  const title = source.url ? `[${md(source.title)}](${linkTarget(source.url)})` : md(source.title);
  const kind = source.kind ? `, ${SOURCE_KINDS[source.kind]}` : '';
  const caveat = source.caveat ? ` *Caveat: ${md(source.caveat)}*` : '';
  return `${title}, ${md(source.publisher)}${kind} (checked ${longDate(source.reviewed)})${source.url ? '' : ', no public link'}.${caveat}`;
}

/** A URL that cannot end a Markdown link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function routePath(plan: Plan, route: PlannedRoute): string {
  return [plan.from.name, ...route.steps.map((s) => s.to.name)].map(md).join(' → ');
}

function names(route: PlannedRoute, ids: string[]): string {
  const byId = new Map(route.checklist.map((g) => [g.id, g.name]));
  return md(joinAnd(ids.map((id) => byId.get(id) ?? id)));
}

function fundingNames(gains: GainedQualification[]): string {
  return [...new Set(gains.flatMap((g) => g.funding.map((f) => f.name)))].join('; ');
}

function levelText(g: GainedQualification): string {
  return g.level !== undefined ? `level ${g.level}` : g.kind;
}

/** "Care worker" → "care worker" inside a sentence; "NHS ..." keeps its capitals. */
function roleWords(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

function joinAnd(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function joinOr(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Escapes the characters that would turn plain text into Markdown markup. */
export function md(text: string): string {
  return text.replace(/[\\`*[\]<]/g, (ch) => `\\${ch}`);
}

/** A table cell: escaped, one line, pipes escaped. */
function cell(text: string): string {
  return md(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
