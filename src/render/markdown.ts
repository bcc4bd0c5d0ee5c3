/**
 * A plan as a Markdown document a person can keep, print and bring to supervision. Pure and
 * colourless: it reads the same as plain text and to a screen reader (numbered steps, words rather
 * than colour or symbols, a text description of the diagram).
 */
import { md, mdCell, mdLink } from './markdown-escape';
import type { Plan, PlanStep } from '../planner/types';
import { longDate, type DatasetInfo, type DocumentContext } from './context';
import { formatMonths } from './format';
import { buildPlanDocument, type FormField, type PdpFields, type PlanDocument, type SourceEntry } from './plan-document';
import { joinOr } from './plan-summary';
import { terminalText } from './terminal-text';

/** What a form field with no value prints: a line to write on. */
const BLANK = '________________________';

/**
 * The whole plan as a Markdown personal development plan: who and what it is for, why this route,
 * summary, steps, checklist, route map, alternatives, funding, questions, agreed actions,
 * signatures, sources. `fields` fills the person's name and the review date; absent, they are lines.
 */
export function renderPlanMarkdown(plan: Plan, context: DocumentContext, fields: PdpFields = {}): string {
  const doc = buildPlanDocument(plan, context, fields);
  const out: string[] = [];
  out.push(`# Career plan: ${md(doc.from)} → ${md(doc.to)}`, '');
  out.push(`Prepared on ${doc.made.date} with careerpath ${md(doc.made.toolVersion)}, from ${datasetText(doc.made.dataset)}.`, '');
  out.push('## Personal development plan', '', ...doc.person.map(fieldLine), '');
  out.push('## Why this route', '', md(doc.why), '');

  out.push('## Summary', '', ...doc.summary.map(fieldLine), '');
  if (doc.indicativeNote) out.push(`> **Indicative:** ${md(lowerFirst(doc.indicativeNote))}`, '');
  out.push('## Steps', '', ...stepsTable(doc), '');
  if (doc.gates.length > 0) out.push('### Before you start each step', '', ...gateLines(doc), '');
  const notes = doc.steps.flatMap((step) => step.notes.map((note) => `- Step ${step.number}: ${md(note)}`));
  if (notes.length > 0) out.push('Notes on the steps:', '', ...notes, '');

  out.push('## Qualifications checklist', '');
  if (doc.checklist.length === 0) out.push('Nothing new to gain: you hold everything this route needs.', '');
  else out.push('Tick each one off when you complete it, in this order.', '', ...checklistLines(doc), '');

  out.push('## Route map', '');
  out.push(
    doc.alternatives.length > 0
      ? 'The diagram shows the steps above as solid arrows, and the other routes listed below as dotted arrows.'
      : 'The diagram shows the same route as the steps table.',
    '',
  );
  out.push('```mermaid', ...renderRouteMermaid(plan), '```', '');
  if (doc.alternatives.length > 0) out.push('## Other routes', '', ...alternativeLines(doc));
  if (doc.searchCutShort) out.push(`*${doc.searchCutShort}*`, '');
  if (doc.funding.length > 0) out.push('## Funding', '', ...fundingLines(doc), '');

  out.push('## Questions to ask at your next supervision', '');
  out.push(...supervisionQuestions(plan).map((q, i) => `${i + 1}. ${q}`), '');
  out.push('## Agreed actions', '', ...actionsTable(doc), '');
  out.push('## Review and signatures', '', fieldLine(doc.review), ...doc.signatures.map((label) => `- **${md(label)}:** ${BLANK} **Date:** ${BLANK}`), '');

  out.push('## Sources', '');
  if (doc.sources.length === 0) out.push('No sources are recorded for this route.', '');
  else out.push(...doc.sources.map((s) => `${s.number}. ${sourceLine(s)}`), '');
  out.push('---', '', md(doc.caution));
  return `${out.join('\n')}\n`;
}

/** "the dataset “X”, version 1 (updated 23 November 2026), with local changes from “Y”" */
export function datasetText(dataset: DatasetInfo): string {
  const overlays = dataset.overlays.length > 0 ? `, with local changes from ${dataset.overlays.map((o) => `“${md(o)}”`).join(' and ')}` : '';
  return `the dataset “${md(dataset.name)}”, version ${md(dataset.version)} (updated ${longDate(dataset.updated)})${overlays}`;
}

function fieldLine(field: FormField): string {
  return `- **${md(field.label)}:** ${field.value !== undefined ? md(field.value) : BLANK}`;
}

function stepsTable(doc: PlanDocument): string[] {
  const rows = doc.steps.map((step) => {
    const gains =
      step.gains.length > 0
        ? step.gains.map((g) => `${g.name} (${[...g.facts, ...(g.indicative ? ['indicative'] : [])].join(', ')})`).join('; ')
        : 'nothing new';
    const experience = [...step.experience, ...(step.experienceUnknown !== undefined ? [`time in role not in the sources (${step.experienceUnknown})`] : [])];
    const time = `${step.time}${experience.length > 0 ? ` (${experience.join('; ')})` : ''}`;
    return [String(step.number), `${step.from} → ${step.to}`, step.how, gains, time, step.funding.join('; ') || '—'];
  });
  return [
    '| Step | Move | How | Qualifications to gain | Time | Funding |',
    '| ---: | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.map(mdCell).join(' | ')} |`),
  ];
}

/** Registration gates and conditions, by step: what must be true before a step can be taken. */
function gateLines(doc: PlanDocument): string[] {
  return doc.gates.flatMap((gate) => [
    `- Step ${gate.step}, ${md(gate.move)}:`,
    ...gate.items.map((item) => `  - ${item.label ? `**${md(item.label)}:** ` : ''}${md(item.text)}`),
  ]);
}

function checklistLines(doc: PlanDocument): string[] {
  return doc.checklist.map((g) => {
    const where = [`step ${g.step}`, ...(g.indicative ? ['indicative'] : [])].join(', ');
    return `- [ ] **${md(g.name)}** (${where}): ${[...g.facts, g.funding, ...g.more].map(md).join('; ')}`;
  });
}

function alternativeLines(doc: PlanDocument): string[] {
  return doc.alternatives.flatMap((alt) => [
    `### Route ${alt.number} (${md(alt.reason)}): ${alt.facts.map(md).join(', ')}`,
    '',
    ...alt.gates.map((g) => `- **Registration gate:** ${md(g.text)}`),
    `- **Route:** ${alt.path.map(md).join(' → ')}`,
    `- **Qualifications to gain:** ${alt.gains.length > 0 ? alt.gains.map(md).join('; ') : 'nothing new'}`,
    `- **Funding:** ${md(alt.funding)}`,
    '',
  ]);
}

function fundingLines(doc: PlanDocument): string[] {
  return doc.funding.flatMap((f) => [`- **${md(f.name)}:** ${md(f.summary)}`, ...f.amounts.map((a) => `  - ${md(a)}`)]);
}

function actionsTable(doc: PlanDocument): string[] {
  return [
    'Agree each action, who will do it and by when. The blank rows are for actions agreed on the day.',
    '',
    '| Action | Owner | Due date |',
    '| --- | --- | --- |',
    ...doc.actions.map((a) => `| ${a.action !== undefined ? mdCell(a.action) : ' '} |   |   |`),
  ];
}

function sourceLine(source: SourceEntry): string {
  const kind = source.kind ? `, ${source.kind}` : '';
  const caveat = source.caveat ? ` *Caveat: ${md(source.caveat)}*` : '';
  return `${mdLink(source.title, source.url)}, ${md(source.publisher)}${kind} (checked ${md(source.checked)})${source.url ? '' : ', no public link'}.${caveat}`;
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

/**
 * Text inside a quoted Mermaid label: quotes and the characters Mermaid reads as markup become
 * entities. `%` and braces too, so that no name can form a `%%{init: ...}%%` directive (which
 * Mermaid finds anywhere in the text and which could restyle the diagram or inject CSS), and a
 * backtick, which would make the label a Markdown string. Control characters are shown as escapes.
 */
export function mermaidText(text: string): string {
  return terminalText(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/\|/g, '#124;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/%/g, '#37;')
    .replace(/\{/g, '#123;')
    .replace(/\}/g, '#125;')
    .replace(/`/g, '#96;');
}

/**
 * accTitle/accDescr run to the end of the line and take no entities: one line, free of Mermaid
 * syntax, with no `%` (a directive or comment), no braces, and angle brackets as ‹ › (no tag).
 */
function accessibleText(text: string): string {
  return terminalText(text)
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[\r\n;{}%`]+/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Questions for a supervision or appraisal, drawn from what the steps need. */
export function supervisionQuestions(plan: Plan): string[] {
  const questions: string[] = [];
  const nameOf = new Map(plan.best.checklist.map((g) => [g.id, g.name]));
  plan.best.steps.forEach((step, i) => {
    const move = `step ${i + 1}, ${step.from.name} to ${step.to.name}`;
    for (const g of step.gains) {
      if (g.prerequisiteOf) {
        questions.push(
          `Do I already hold ${g.name}, or something that counts instead? It is needed before ${nameOf.get(g.prerequisiteOf) ?? g.prerequisiteOf}.`,
        );
        continue;
      }
      const funding = g.funding.map((f) => f.name);
      const fundingPart = funding.length > 0 ? `Which funding could pay for it: ${joinOr(funding)}?` : 'Who would pay for it?';
      questions.push(`When could I start the ${g.name}, for ${move}? ${fundingPart}`);
      if (!g.cost) questions.push(`The sources give no cost for the ${g.name}: what would it cost me, if anything?`);
      if (g.kind === 'apprenticeship') questions.push(`The ${g.name} is an apprenticeship: how would time for off-the-job training fit around my shifts?`);
    }
    const { before, alongside, unknown } = stillToServe(step);
    // Time the months already served meet asks no question; time left after them is said as such.
    const more = step.experience.served ? ' more' : '';
    if (before && before.max > 0) {
      questions.push(`The course for ${move} usually needs ${formatMonths(before)}${more} in post before it starts: when would I be eligible to apply?`);
    }
    if ((alongside && alongside.max > 0) || unknown !== undefined) {
      const how =
        alongside && alongside.max > 0 ? `usually expects ${formatMonths(alongside)}${more} of experience` : 'expects experience (the sources give no figure)';
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

/** The time in post a step still asks for: what is left once the months already served count, when they did. */
function stillToServe({ experience }: PlanStep): PlanStep['experience'] {
  const { served } = experience;
  return served
    ? { ...experience, ...(served.before ? { before: served.before } : {}), ...(served.alongside ? { alongside: served.alongside } : {}) }
    : experience;
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** "Care worker" → "care worker" inside a sentence; "NHS ..." keeps its capitals. */
function roleWords(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}
