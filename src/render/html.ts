/**
 * A plan as one self-contained HTML page: a personal development plan to print and bring to
 * supervision. No script, no fonts, no images fetched: inline CSS and an inline SVG route. Every
 * piece of text goes through `escapeHtml`; only http(s) addresses become links. Sources are cited
 * as [n] and listed at the end with their full addresses, so a printout keeps them.
 */
import type { Plan } from '../planner/types';
import { longDate, type DocumentContext } from './context';
import { escapeHtml as e } from './html-escape';
import { PLAN_CSS } from './html-style';
import { buildPlanDocument, type FormField, type PdpFields, type PlanDocument, type StepEntry } from './plan-document';
import { renderRouteSvg } from './route-svg';

/** Said to screen readers in a blank cell, which sighted readers see as a line to write on. */
const BLANK = '<span class="visually-hidden">blank, to fill in</span>';
/** Nothing is loaded and nothing runs, even if some text ever escaped its escaping. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The whole page. */
export function renderPlanHtml(plan: Plan, context: DocumentContext, fields: PdpFields = {}): string {
  const doc = buildPlanDocument(plan, context, fields);
  const title = `Career plan: ${doc.from} → ${doc.to}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${PLAN_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<p class="kicker">Personal development plan</p>',
    `<h1>${e(title)}</h1>`,
    `<p class="made">Prepared on ${e(doc.made.date)} with careerpath ${e(doc.made.toolVersion)}, from ${datasetHtml(doc)}.</p>`,
    `<p class="notice">${e(doc.scope)}</p>`,
    '</header>',
    '<main>',
    aboutSection(doc),
    routeSection(doc),
    stepsSection(doc),
    alternativesSection(doc),
    fundingSection(doc),
    actionsSection(doc),
    signaturesSection(doc),
    sourcesSection(doc),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function datasetHtml(doc: PlanDocument): string {
  const d = doc.made.dataset;
  const overlays = d.overlays.length > 0 ? `, with local changes from ${d.overlays.map((o) => `“${e(o)}”`).join(' and ')}` : '';
  return `the dataset “${e(d.name)}”, version ${e(d.version)} (updated ${e(longDate(d.updated))})${overlays}`;
}

function section(id: string, heading: string, body: string[], className = ''): string {
  return [
    `<section id="${id}-section" aria-labelledby="${id}"${className ? ` class="${className}"` : ''}>`,
    `<h2 id="${id}">${e(heading)}</h2>`,
    ...body,
    '</section>',
  ].join('\n');
}

function cellOf(field: FormField): string {
  return field.value !== undefined ? `<td>${e(field.value)}</td>` : `<td class="blank">${BLANK}</td>`;
}

/** The person, their role and goal, and the date: two fields a row. */
function aboutSection(doc: PlanDocument): string {
  const rows: string[] = [];
  for (let i = 0; i < doc.person.length; i += 2) {
    const pair = doc.person.slice(i, i + 2);
    rows.push(`<tr>${pair.map((f) => `<th scope="row">${e(f.label)}</th>${cellOf(f)}`).join('')}</tr>`);
  }
  return section('about', 'About this plan', ['<table class="form keep">', '<tbody>', ...rows, '</tbody>', '</table>']);
}

function routeSection(doc: PlanDocument): string {
  const facts = doc.summary.filter((f) => f.repeats === undefined);
  return section('route', 'Your route', [
    `<p>${e(doc.why)}</p>`,
    `<figure class="keep">${renderRouteSvg(doc)}</figure>`,
    '<dl class="facts">',
    ...facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`),
    '</dl>',
    `<p class="small">${e(doc.caution)}</p>`,
    ...(doc.indicativeNote ? [`<p class="notice soft"><strong>Indicative:</strong> ${e(doc.indicativeNote)}</p>`] : []),
  ]);
}

function stepsSection(doc: PlanDocument): string {
  const head = ['Step', 'Move', 'What to do', 'Qualifications to gain', 'Funding', 'Time'];
  const notes = doc.steps.flatMap((s) => [
    ...(s.experienceUnknown !== undefined ? [`<li><strong>Step ${s.number}:</strong> time in role not in the sources. ${e(s.experienceUnknown)}</li>`] : []),
    ...s.notes.map((n) => `<li><strong>Step ${s.number}:</strong> ${e(n)}</li>`),
  ]);
  const gates = doc.gates.map(
    (g) =>
      `<li class="keep"><strong>Step ${g.step}, ${e(g.move)}:</strong><ul>${g.items.map((i) => `<li>${i.label ? `<strong>${e(i.label)}:</strong> ` : ''}${e(i.text)}${refs(i.refs)}</li>`).join('')}</ul></li>`,
  );
  return section('steps', 'Steps', [
    '<table class="steps">',
    '<colgroup><col class="num"><col class="move"><col class="how"><col class="gains"><col class="funding"><col class="time"></colgroup>',
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i === 0 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...doc.steps.map((s) => stepRow(doc, s)),
    '</tbody>',
    '</table>',
    ...(gates.length > 0 ? ['<h3>Before you start each step</h3>', `<ul>${gates.join('')}</ul>`] : []),
    ...(notes.length > 0 ? ['<h3>Notes on the steps</h3>', `<ul class="small">${notes.join('')}</ul>`] : []),
  ]);
}

function stepRow(doc: PlanDocument, step: StepEntry): string {
  const gains = doc.checklist.filter((g) => g.step === step.number);
  const gainsHtml =
    gains.length > 0
      ? gains
          .map(
            (g) =>
              `<span class="gain"><strong>${e(g.name)}</strong><span class="facts-line">${e([...g.facts, ...g.more, ...(g.indicative ? ['indicative'] : [])].join('; '))}</span></span>`,
          )
          .join('')
      : 'nothing new';
  const time = [step.time, ...step.experience].map((t, i) => (i === 0 ? e(t) : `<span class="facts-line">${e(t)}</span>`)).join('');
  return [
    '<tr>',
    `<th scope="row" class="num">${step.number}</th>`,
    `<td>${e(step.from)} → ${e(step.to)}${refs(step.refs)}</td>`,
    `<td>${e(step.how)}</td>`,
    `<td>${gainsHtml}</td>`,
    `<td>${step.funding.length > 0 ? step.funding.map((f) => `<span class="gain">${e(f)}</span>`).join('') : '—'}</td>`,
    `<td>${time}</td>`,
    '</tr>',
  ].join('');
}

function alternativesSection(doc: PlanDocument): string {
  if (doc.alternatives.length === 0) return doc.searchCutShort ? `<p class="small"><em>${e(doc.searchCutShort)}</em></p>` : '';
  const gateStep = new Map(doc.gates.flatMap((g) => g.items.map((i) => [i.text, g.step] as const)));
  const alts = doc.alternatives.map((alt) => {
    const gates = alt.gates.map((g) => {
      const same = gateStep.get(g.text);
      return `<strong>Registration gate:</strong> ${same !== undefined ? `${e(g.body)}, as for step ${same} above` : e(g.text)}`;
    });
    const lines = [
      `${e(alt.path.join(' → '))}.`,
      `<strong>Qualifications to gain:</strong> ${alt.gains.length > 0 ? e(alt.gains.join('; ')) : 'nothing new'}.`,
      `<strong>Funding:</strong> ${e(alt.funding)}.`,
      ...gates,
    ];
    return `<div class="alt"><h3>Route ${alt.number} (${e(alt.reason)}): ${e(alt.facts.join(', '))}</h3><p>${lines.join(' ')}</p></div>`;
  });
  return section('other-routes', 'Other routes', [...alts, ...(doc.searchCutShort ? [`<p class="small"><em>${e(doc.searchCutShort)}</em></p>`] : [])]);
}

function fundingSection(doc: PlanDocument): string {
  if (doc.funding.length === 0) return '';
  const items = doc.funding.map(
    (f) =>
      `<li class="keep"><strong>${e(f.name)}:</strong> ${e(f.summary)}${refs(f.refs)}${f.amounts.length > 0 ? `<ul>${f.amounts.map((a) => `<li>${e(a)}</li>`).join('')}</ul>` : ''}</li>`,
  );
  return section('funding', 'Funding: who pays', [`<ul>${items.join('')}</ul>`]);
}

function actionsSection(doc: PlanDocument): string {
  const rows = doc.actions.map(
    (a, i) =>
      `<tr><th scope="row" class="num">${i + 1}</th>${a.action !== undefined ? `<td>${e(a.action)}</td>` : `<td class="blank">${BLANK}</td>`}<td class="blank">${BLANK}</td><td class="blank">${BLANK}</td></tr>`,
  );
  return section('actions', 'Agreed actions', [
    '<p class="small">Agree each action, who will do it and by when. The blank rows are for actions agreed on the day.</p>',
    '<table class="actions">',
    '<thead><tr><th scope="col" class="num">#</th><th scope="col">Action</th><th scope="col" class="owner">Owner</th><th scope="col" class="due">Due date</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ]);
}

function signaturesSection(doc: PlanDocument): string {
  const rows = [
    `<tr><th scope="row">${e(doc.review.label)}</th>${cellOf(doc.review).replace('<td', '<td colspan="3"')}</tr>`,
    ...doc.signatures.map(
      (label) => `<tr><th scope="row">${e(label)}</th><td class="blank">${BLANK}</td><th scope="row">Date</th><td class="blank">${BLANK}</td></tr>`,
    ),
  ];
  return section('review', 'Review and signatures', ['<table class="form signatures">', '<tbody>', ...rows, '</tbody>', '</table>'], 'keep');
}

function sourcesSection(doc: PlanDocument): string {
  if (doc.sources.length === 0) return section('sources', 'Sources', ['<p>No sources are recorded for this route.</p>']);
  // One checking date for all (the usual case) is said once, which keeps the list to fewer pages.
  const dates = new Set(doc.sources.map((s) => s.checked));
  const sameDay = dates.size === 1 ? [...dates][0] : undefined;
  const items = doc.sources.map((s) => {
    const kind = s.kind ? `, ${e(s.kind)}` : '';
    const checked = sameDay === undefined ? `, checked ${e(s.checked)}` : '';
    const caveat = s.caveat ? ` <em>Caveat: ${e(s.caveat)}</em>` : '';
    const address = s.url ? ` <a class="url" href="${e(s.url)}">${e(s.url)}</a>` : ' No public link.';
    return `<li id="source-${s.number}">[${s.number}] ${e(sentence(s.title))} ${e(s.publisher)}${kind}${checked}.${caveat}${address}</li>`;
  });
  const intro = `The numbers in square brackets above point to these sources${sameDay !== undefined ? `, each checked on ${e(sameDay)}` : ''}. Each address is printed in full, so a paper copy keeps it.`;
  return section('sources', 'Sources', [`<p class="small">${intro}</p>`, `<ol class="sources" role="list">${items.join('')}</ol>`]);
}

/** A title as a sentence: a full stop unless it already ends in one, or in ? or !. */
function sentence(text: string): string {
  return /[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** " [1–3, 7]" as a superscript whose numbers link to the sources; empty for none. */
export function refs(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const link = (n: number) => `<a href="#source-${n}">${n}</a>`;
  const text = runs.map(([a, b]) => (a === b ? link(a) : `${link(a)}–${link(b)}`)).join(', ');
  return `<sup class="ref"><span class="visually-hidden">sources </span>[${text}]</sup>`;
}
