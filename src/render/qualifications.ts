/** The qualifications list: which to show (pure) and how they look in a terminal or Markdown. */
import { Chalk } from 'chalk';
import { compareNames } from '../domain/names';
import type { Dataset, Qualification } from '../domain/types';
import { QUALIFICATION_KIND_IDS, QUALIFICATION_KINDS, type QualificationKindId } from '../domain/vocabulary';
import { formatMonths } from './format';
import { mdCell } from './markdown-escape';
import { fitTable, fitText, type Cell, type Column } from './fit';

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

/** The qualifications one to a line, no grid (--format text: reads in order aloud). */
export function renderQualificationsText(qualifications: Qualification[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (qualifications.length === 0) return NONE_MATCH;
  const lines = qualifications.map((q) => {
    const note = status(q);
    const also = alsoCalled(q);
    const facts = [detailsText(q), note ? c.dim(note) : '', also ? `also called ${also}` : ''].filter(Boolean).join('; ');
    return `${q.name}: ${facts}.`;
  });
  return `${fitText(lines.join('\n'), options.width ?? 80)}\n${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}.\n`;
}

/**
 * A table of qualifications that fits the width; an empty selection says so instead. On narrow
 * terminals the kind, level and time go under the name instead of in columns of their own.
 */
export function renderQualificationsTable(qualifications: Qualification[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (qualifications.length === 0) return NONE_MATCH;
  const width = options.width ?? 80;
  const rows = qualifications.map((q) => {
    const note = status(q);
    return {
      name: [{ text: q.name }, ...(note ? [{ text: `(${note})`, style: c.dim }] : [])],
      details: [{ text: detailsText(q), style: c.dim }],
      kind: [{ text: QUALIFICATION_KINDS[q.kind] }],
      level: [{ text: q.level === undefined ? '—' : String(q.level) }],
      time: [{ text: q.durationMonths ? formatMonths(q.durationMonths) : '—' }],
      also: [{ text: alsoCalled(q) || '—' }],
    } satisfies Record<string, Cell>;
  });
  const head = (h: string) => c.bold(h);
  const table =
    fitTable(
      [NAME, { head: 'Kind', min: 8 }, { head: 'Level', min: 5 }, { head: 'Time', min: 8 }, ALSO],
      rows.map((r) => [r.name, r.kind, r.level, r.time, r.also]),
      width,
      head,
    ) ??
    fitTable(
      [NAME, ALSO],
      rows.map((r) => [[r.name[0]!, ...r.details, ...r.name.slice(1)], r.also]),
      width,
      head,
    );
  if (table === undefined) return renderQualificationsText(qualifications, options);
  const count = `${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}`;
  return `${table}\n${count}.\n${fitText('Use any name or “also called” name with --have or `careerpath show`.', width)}\n`;
}

const NAME: Column = { head: 'Qualification', min: 20 };
const ALSO: Column = { head: 'Also called', min: 12 };

/** The qualifications as a Markdown table (no colour), with the dataset they came from. */
export function renderQualificationsMarkdown(qualifications: Qualification[], dataset: { name: string; version: string }): string {
  const lines = ['# Qualifications', '', `From the dataset “${mdCell(dataset.name)}”, version ${mdCell(dataset.version)}. The facts are for England.`, ''];
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
    lines.push(`| ${row.map(mdCell).join(' | ')} |`);
  }
  lines.push('', `${qualifications.length} ${qualifications.length === 1 ? 'qualification' : 'qualifications'}.`);
  return `${lines.join('\n')}\n`;
}
