/**
 * `careerpath show`: one role or qualification in full, as terminal text or Markdown. Both are built
 * from the same sections, so they say the same things; colour is passed in and only marks emphasis.
 */
import { Chalk } from 'chalk';
import type { MoveDetails, PayDetails, QualificationDetails, Ref, RoleDetails } from '../domain/details';
import type { Source } from '../domain/types';
import { longDate, type DatasetInfo } from './context';
import { CARE_CATEGORIES, GATE_QUALIFICATION, MOVE_KIND_WORDS, SECTOR_NAMES, SOURCE_KINDS } from '../domain/vocabulary';
import { formatMonths, formatMoney, groupThousands, nationsNote } from './format';
import { fitLine, fitText } from './fit';
import { datasetText } from './markdown';
import { md, mdLink, mdParagraphs } from './markdown-escape';

type Details = RoleDetails | QualificationDetails;

/** A labelled fact, a list, or a paragraph: what both renderers lay out. */
type Section =
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'list'; title: string; items: ListItem[]; empty?: string }
  | { kind: 'text'; text: string };

/** A list entry, or a heading entry with entries of its own (a move's routes). */
type ListItem = string | { text: string; items: string[] };

interface Sheet {
  title: string;
  subtitle: string;
  sections: Section[];
  sources: Source[];
}

/** "Title, Publisher (official) <url>. Caveat: ..." : a source's kind and caveat go wherever it is listed. */
function sourceText(s: Source, link: (s: Source) => string, escapeText: (text: string) => string = (t) => t): string {
  return `${link(s)}, ${escapeText(s.publisher)}${s.kind ? ` (${SOURCE_KINDS[s.kind]})` : ''}${s.caveat ? `. Caveat: ${escapeText(s.caveat)}` : ''}`;
}

/** For a terminal: headings in bold (when colour is on), facts as aligned label/value lines. */
export function renderDetailsText(details: Details, options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const columns = options.width ?? 80;
  const sheet = sheetOf(details);
  const lines = [c.bold(sheet.title), sheet.subtitle];
  for (const section of sheet.sections) {
    lines.push('');
    if (section.kind === 'text') lines.push(section.text);
    else if (section.kind === 'facts') {
      const width = Math.max(...section.rows.map(([label]) => label.length));
      for (const [label, value] of section.rows) lines.push(...fitLine(`${c.dim(label.padEnd(width))}  ${value}`, columns, width + 2));
    } else {
      lines.push(c.bold(section.title));
      if (section.items.length === 0) lines.push(`  ${section.empty ?? 'none'}`);
      else
        for (const item of section.items)
          lines.push(...(typeof item === 'string' ? [`  - ${item}`] : [`  - ${item.text}`, ...item.items.map((sub) => `      · ${sub}`)]));
    }
  }
  lines.push('', c.bold('Sources'));
  if (sheet.sources.length === 0) lines.push('  none recorded');
  sheet.sources.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${sourceText(s, (x) => `${x.title}${x.url ? ` <${x.url}>` : ''}`)}`);
  });
  return `${fitText(lines.join('\n'), columns)}\n`;
}

/** As a Markdown document, with the dataset it came from. */
export function renderDetailsMarkdown(details: Details, dataset: DatasetInfo): string {
  const sheet = sheetOf(details);
  const out = [`# ${md(sheet.title)}`, '', md(sheet.subtitle), ''];
  for (const section of sheet.sections) {
    if (section.kind === 'text') out.push(mdParagraphs(section.text), '');
    else if (section.kind === 'facts') out.push(...section.rows.map(([label, value]) => `- **${md(label)}:** ${md(value)}`), '');
    else {
      out.push(`## ${md(section.title)}`, '');
      const bullets = section.items.flatMap((item) =>
        typeof item === 'string' ? [`- ${md(item)}`] : [`- ${md(item.text)}`, ...item.items.map((sub) => `  - ${md(sub)}`)],
      );
      out.push(...(bullets.length > 0 ? bullets : [md(section.empty ?? 'None.')]), '');
    }
  }
  out.push('## Sources', '');
  if (sheet.sources.length === 0) out.push('None recorded.', '');
  sheet.sources.forEach((s, i) => {
    out.push(`${i + 1}. ${sourceText(s, (x) => mdLink(x.title, x.url), md)} (checked ${md(longDate(s.reviewed))})`);
  });
  out.push('', '---', '', `From ${datasetText(dataset)}.`);
  return `${out.join('\n')}\n`;
}

function sheetOf(details: Details): Sheet {
  return details.kind === 'role' ? roleSheet(details) : qualificationSheet(details);
}

function roleSheet(details: RoleDetails): Sheet {
  const r = details.role;
  const level = [r.level !== null ? `level ${r.level}` : '', r.band ? `NHS band ${rangeText(r.band.min, r.band.max)}` : ''].filter(Boolean).join(', ');
  const facts: [string, string][] = [];
  if (r.aliases.length > 0) facts.push(['Also called', r.aliases.join('; ')]);
  if (r.careCategory) facts.push(['Care Workforce Pathway', CARE_CATEGORIES[r.careCategory as keyof typeof CARE_CATEGORIES]?.label ?? r.careCategory]);
  facts.push(['Way in', r.entry ? 'an entry role: you can start here with no earlier role' : 'usually reached from another role (see below)']);
  facts.push(['Registration', r.registration ? registrationText(r.registration) : 'none recorded']);
  facts.push(['Pay', r.pay ? payText(r.pay) : 'not in the sources']);
  if (r.holds.length > 0) facts.push(['Taken to hold', names(r.holds)]);
  facts.push(['Where', nationsNote(r.nations)]);
  return {
    title: `${r.name}${r.indicative ? ' (indicative)' : ''}`,
    subtitle: `Role in ${SECTOR_NAMES[r.sector].inSentence}${level ? `, ${level}` : ''}`,
    sections: [
      { kind: 'text', text: r.summary },
      { kind: 'facts', rows: facts },
      { kind: 'list', title: 'Where it leads', items: details.leadsTo.map((m) => moveText(m, 'to')), empty: 'No moves out of this role in the dataset yet.' },
      {
        kind: 'list',
        title: 'What leads to it',
        items: details.leadsFrom.map((m) => moveText(m, 'from')),
        empty: 'No moves into this role in the dataset yet.',
      },
      ...(r.notes.length > 0 ? [{ kind: 'list', title: 'Notes', items: r.notes } as Section] : []),
    ],
    sources: details.sources,
  };
}

function qualificationSheet(details: QualificationDetails): Sheet {
  const q = details.qualification;
  const facts: [string, string][] = [];
  if (q.aliases.length > 0) facts.push(['Also known as', q.aliases.join('; ')]);
  facts.push(['Typical duration', q.durationMonths ? formatMonths(q.durationMonths) : 'not in the sources']);
  if (q.studyHours) facts.push(['Study hours', `${rangeText(q.studyHours.min, q.studyHours.max)} hours in total`]);
  facts.push(['Cost to you', q.cost ? `${formatMoney(q.cost)}${q.cost.note ? ` (${q.cost.note})` : ''}` : 'not in the sources']);
  facts.push(['Needs first', q.requires.length > 0 ? names(q.requires) : 'nothing']);
  if (q.includes.length > 0) facts.push(['Includes', names(q.includes)]);
  if (q.includedIn.length > 0) facts.push(['Part of', names(q.includedIn)]);
  if (q.requiredBy.length > 0) facts.push(['Needed before', names(q.requiredBy)]);
  if (q.heldBy.length > 0) facts.push(['Taken as held by', names(q.heldBy)]);
  facts.push(['Where', nationsNote(q.nations)]);
  const how = [
    q.inWork ? 'can be done while in work' : '',
    q.university ? 'university only' : '',
    q.closed ? 'closed to new learners (still counts when held)' : '',
  ]
    .filter(Boolean)
    .join('; ');
  if (how) facts.push(['How', how]);
  return {
    title: `${q.name}${q.indicative ? ' (indicative)' : ''}`,
    subtitle: `Qualification: ${q.kind}${q.level !== null ? `, level ${q.level}` : ''}`,
    sections: [
      { kind: 'text', text: q.summary },
      { kind: 'facts', rows: facts },
      { kind: 'list', title: 'Funding', items: q.funding.map((f) => `${f.name}: ${f.summary}`), empty: 'No funding route is listed for it.' },
      {
        kind: 'list',
        title: 'Moves it is needed for',
        items: details.neededFor.map((n) => `${n.from.name} → ${n.to.name} (${MOVE_KIND_WORDS[n.kind].inSheet}${n.route.name ? `; ${n.route.name}` : ''})`),
        empty: 'No move in the dataset names it directly.',
      },
      ...(q.notes.length > 0 ? [{ kind: 'list', title: 'Notes', items: q.notes } as Section] : []),
    ],
    sources: details.sources,
  };
}

function registrationText(reg: NonNullable<RoleDetails['role']['registration']>): string {
  const parts = [`${reg.body}${reg.required ? ' (required)' : ' (not required)'}`];
  if (reg.checks) parts.push(`They check: ${reg.checks}`);
  if (reg.qualification) parts.push(GATE_QUALIFICATION[reg.qualification]);
  if (reg.approval) parts.push(`Also needs approval: ${reg.approval}`);
  if (reg.note) parts.push(reg.note);
  return `${parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ')}.`;
}

/** A move with one route on one line; with several, a line for the move and one for each route. */
function moveText(move: MoveDetails, direction: 'to' | 'from'): ListItem {
  const routes = move.routes.map((route) => {
    const label = route.name ?? (move.routes.length > 1 ? `route ${route.id}` : '');
    const needs = route.requires.length > 0 ? `needs ${names(route.requires)}` : 'no qualification needed';
    const experience = [
      ...(route.experienceBeforeMonths && route.experienceBeforeMonths.max > 0
        ? [`${formatMonths(route.experienceBeforeMonths)} in post before the course`]
        : []),
      ...(route.experienceMonths && route.experienceMonths.max > 0 ? [`${formatMonths(route.experienceMonths)} in role`] : []),
      ...(route.experienceUnknown ? ['time in role not in the sources'] : []),
      ...route.conditions.map((c) => c.text),
    ]
      .map((x) => `, ${x}`)
      .join('');
    return `${label ? `${label}: ` : ''}${needs}${experience}${route.indicative ? ' (indicative)' : ''}`;
  });
  const head = `${direction === 'to' ? 'to' : 'from'} ${move.role.name} (${MOVE_KIND_WORDS[move.kind].inSheet}${move.indicative ? ', indicative' : ''})`;
  return routes.length === 1 ? `${head}: ${routes[0]}` : { text: `${head}, ${routes.length} ways:`, items: routes };
}

function payText(pay: PayDetails): string {
  const money = (n: number) => `£${pay.per === 'hour' ? n.toFixed(2) : groupThousands(n)}`;
  const amount = pay.max !== null && pay.max !== pay.min ? `${money(pay.min)}–${money(pay.max)}` : money(pay.min);
  return `${amount} ${pay.per === 'hour' ? 'an hour' : 'a year'} (${pay.year})${pay.basis ? `: ${pay.basis}` : ''}${pay.indicative ? ' (indicative)' : ''}`;
}

function names(refs: Ref[]): string {
  return refs.map((r) => r.name).join('; ');
}

function rangeText(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}
