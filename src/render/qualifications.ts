/** The qualifications list: which to show (pure) and how they look in a terminal or Markdown. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { compareNames } from '../domain/names';
import type { Dataset, Qualification } from '../domain/types';
import { QUALIFICATION_KIND_IDS, QUALIFICATION_KINDS, type QualificationKindId } from '../domain/vocabulary';
import { formatMonths, wrapText } from './format';

export interface QualificationFilter {
  level?: number;
  kind?: QualificationKindId;
}

/**
 * Qualifications at an RQF level and/or of a kind, grouped by kind (in the vocabulary's order),
 * then by level and name. Entry requirements are not something to take, so they are left out
 * unless asked for by kind.
 */
export function selectQualifications(dataset: Dataset, filter: QualificationFilter): Qualification[] {
  const kindOrder = (q: Qualification) => QUALIFICATION_KIND_IDS.indexOf(q.kind);
  return dataset.qualifications
    .filter((q) => (filter.kind ? q.kind === filter.kind : q.kind !== 'requirement'))
    .filter((q) => filter.level === undefined || q.level === filter.level)
    .sort((a, b) => kindOrder(a) - kindOrder(b) || (a.level ?? 0) - (b.level ?? 0) || compareNames(a.name, b.name));
}

/** "Level 3 Diploma in Adult Care — also: NVQ 3, QCF Level 3 ..." is too long for a table; the first two aliases. */
function alsoCalled(q: Qualification): string {
  if (q.aliases.length === 0) return '';
  const shown = q.aliases.slice(0, 2).join(', ');
  return q.aliases.length > 2 ? `${shown} …` : shown;
}

function status(q: Qualification): string {
  return [q.closed ? 'closed to new learners' : '', q.confidence === 'low' ? 'indicative' : ''].filter(Boolean).join(', ');
}

const NONE_MATCH = 'No qualifications match. Try without --level or --kind.\n';

/** "diploma · level 3 · 12–18 months" */
function detailsText(q: Qualification): string {
  return [QUALIFICATION_KINDS[q.kind], q.level === undefined ? '' : `level ${q.level}`, q.durationMonths ? formatMonths(q.durationMonths) : '']
    .filter(Boolean)
    .join(' · ');
}

/** Below this many columns the kind, level and time go under the name instead of in columns of their own. */
const NARROW = 80;

/** The qualifications one to a line, no grid (--format text: reads in order aloud). */
export function renderQualificationsText(qualifications: Qualification[], options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (qualifications.length === 0) return NONE_MATCH;
  const lines = qualifications.map((q) => {
    const note = status(q);
    const also = alsoCalled(q);
    const facts = [detailsText(q), note ? c.dim(note) : '', also ? `also called ${also}` : ''].filter(Boolean).join('; ');
    return `${q.name}: ${facts}.`;
  });
  return `${lines.join('\n')}\n${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}.\n`;
}

/** A table of qualifications that fits the width; an empty selection says so instead. */
export function renderQualificationsTable(qualifications: Qualification[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (qualifications.length === 0) return NONE_MATCH;
  const width = options.width ?? 80;
  const wrap = (text: string, columns: number) => wrapText(text, columns).join('\n');
  const narrow = width < NARROW;
  // Each column has one space of padding either side, and a border before, between and after.
  const fixed = narrow ? [] : [14, 5, 12];
  const columns = fixed.length + 2;
  const flexible = Math.max(24, width - fixed.reduce((a, b) => a + b, 0) - columns * 2 - (columns + 1));
  const [nameWidth, aliasWidth] = [Math.ceil(flexible * 0.55), Math.floor(flexible * 0.45)];
  const table = new Table({
    head: (narrow ? ['Qualification', 'Also called'] : ['Qualification', 'Kind', 'Level', 'Time', 'Also called']).map((h) => c.bold(h)),
    colWidths: (narrow ? [nameWidth, aliasWidth] : [nameWidth, ...fixed, aliasWidth]).map((w) => w + 2),
    style: { head: [], border: [] },
  });
  for (const q of qualifications) {
    const note = status(q);
    const name = wrap(q.name, nameWidth) + (narrow ? `\n${c.dim(wrap(detailsText(q), nameWidth))}` : '') + (note ? `\n${c.dim(wrap(`(${note})`, nameWidth))}` : '');
    const also = wrap(alsoCalled(q) || '—', aliasWidth);
    if (narrow) table.push([name, also]);
    else {
      table.push([
        name,
        wrap(QUALIFICATION_KINDS[q.kind], fixed[0]!),
        q.level === undefined ? '—' : String(q.level),
        q.durationMonths ? formatMonths(q.durationMonths) : '—',
        also,
      ]);
    }
  }
  const count = `${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}`;
  const hint = wrapText('Use any name or “also called” name with --have or `careerpath show`.', width).join('\n');
  return `${table.toString()}\n${count}.\n${hint}\n`;
}

/** The qualifications as a Markdown table (no colour), with the dataset they came from. */
export function renderQualificationsMarkdown(qualifications: Qualification[], dataset: { name: string; version: string }): string {
  const cell = (text: string) => text.replace(/[\\`*[\]<|]/g, (ch) => `\\${ch}`);
  const lines = ['# Qualifications', '', `From the dataset “${cell(dataset.name)}”, version ${cell(dataset.version)}. The facts are for England.`, ''];
  if (qualifications.length === 0) return `${[...lines, NONE_MATCH.trim()].join('\n')}\n`;
  lines.push('| Qualification | Kind | Level | Time | Also called |', '| --- | --- | --- | --- | --- |');
  for (const q of qualifications) {
    const note = status(q);
    const row = [
      q.name + (note ? ` (${note})` : ''),
      QUALIFICATION_KINDS[q.kind],
      q.level === undefined ? '—' : String(q.level),
      q.durationMonths ? formatMonths(q.durationMonths) : '—',
      q.aliases.join(', ') || '—',
    ];
    lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  lines.push('', `${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}.`);
  return `${lines.join('\n')}\n`;
}
