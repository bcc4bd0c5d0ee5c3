/** The roles list: which roles to show (pure) and how they look in a terminal. */
import { Chalk } from 'chalk';
import { compareNames } from '../domain/names';
import type { Dataset, Role, Sector } from '../domain/types';
import { SECTOR_NAMES } from '../domain/vocabulary';
import { mdCell } from './markdown-escape';
import { fitTable, fitText, type Cell, type Column } from './fit';

/** Roles in a sector and/or at an RQF level (a band counts for NHS roles), sorted by sector, level, name. */
export function selectRoles(dataset: Dataset, filter: { sector?: Sector; level?: number }): Role[] {
  return dataset.roles
    .filter((r) => !filter.sector || r.sector === filter.sector)
    .filter((r) => filter.level === undefined || r.level === filter.level)
    .sort((a, b) => compareNames(a.sector, b.sector) || (a.level ?? a.band?.min ?? 0) - (b.level ?? b.band?.min ?? 0) || compareNames(a.name, b.name));
}

/** "level 3", "band 2–4", "level 5 · band 4" */
export function levelText(role: Role): string {
  const parts: string[] = [];
  if (role.level !== undefined) parts.push(`level ${role.level}`);
  if (role.band) parts.push(role.band.min === role.band.max ? `band ${role.band.min}` : `band ${role.band.min}–${role.band.max}`);
  return parts.join(' · ') || '—';
}

/**
 * A table of roles that fits the width; an empty selection says so instead. When four columns do
 * not fit, each sector gets a table of its own under its name, and the sector column goes.
 */
export function renderRolesTable(roles: Role[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (roles.length === 0) return 'No roles match. Try without --sector or --level.\n';
  const width = options.width ?? 80;
  const count = `${roles.length} ${roles.length === 1 ? 'role' : 'roles'}`;
  const cells = (role: Role): Record<'name' | 'sector' | 'level' | 'registration', Cell> => ({
    // The mark is one word, so a wrap never leaves its style open across a border.
    name: [{ text: role.name + (role.confidence === 'low' ? ` ${c.bold('(indicative)')}` : '') }],
    sector: [{ text: SECTOR_NAMES[role.sector].label }],
    level: [{ text: levelText(role) }],
    registration: [{ text: role.registration ? `${role.registration.body}${role.registration.required ? ' (required)' : ''}` : '—' }],
  });
  const wide = fitTable(
    [ROLE, SECTOR, LEVEL, REGISTRATION],
    roles.map(cells).map((r) => [r.name, r.sector, r.level, r.registration]),
    width,
    (h) => c.bold(h),
    { rules: false },
  );
  if (wide !== undefined) return `${wide}\n${count}\n`;
  const sectors = [...new Set(roles.map((r) => r.sector))];
  const tables = sectors.map((sector) => {
    const rows = roles
      .filter((r) => r.sector === sector)
      .map(cells)
      .map((r) => [r.name, r.level, r.registration]);
    return fitTable([ROLE, LEVEL, REGISTRATION], rows, width, (h) => c.bold(h), { rules: false });
  });
  if (tables.every((t) => t !== undefined)) {
    return `${sectors.map((sector, i) => `${c.bold(SECTOR_NAMES[sector].label)}\n${tables[i]}`).join('\n\n')}\n${count}\n`;
  }
  return renderRolesText(roles, options);
}

const ROLE: Column = { head: 'Role', min: 20 };
const SECTOR: Column = { head: 'Sector', min: 17 };
const LEVEL: Column = { head: 'Level / band', min: 7, max: 12 };
const REGISTRATION: Column = { head: 'Registration', min: 24 };

/** The roles one to a line, no grid (--format text: reads in order aloud). */
export function renderRolesText(roles: Role[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (roles.length === 0) return 'No roles match. Try without --sector or --level.\n';
  const lines = roles.map((role) => {
    const registration = role.registration ? `registration: ${role.registration.body}${role.registration.required ? ', required' : ''}` : '';
    const facts = [SECTOR_NAMES[role.sector].label, levelText(role) === '—' ? '' : levelText(role), registration].filter(Boolean).join('; ');
    return `${role.name}${role.confidence === 'low' ? c.bold(' (indicative)') : ''}: ${facts}.`;
  });
  return `${fitText(lines.join('\n'), options.width ?? 80)}\n${roles.length} ${roles.length === 1 ? 'role' : 'roles'}.\n`;
}

/** The roles as a Markdown table (no colour), with the dataset they came from. */
export function renderRolesMarkdown(roles: Role[], dataset: { name: string; version: string }): string {
  const lines = [`# Roles`, '', `From the dataset “${mdCell(dataset.name)}”, version ${mdCell(dataset.version)}.`, ''];
  if (roles.length === 0) return `${[...lines, 'No roles match. Try without --sector or --level.'].join('\n')}\n`;
  lines.push('| Role | Sector | Level / band | Registration |', '| --- | --- | --- | --- |');
  for (const role of roles) {
    const registration = role.registration ? `${role.registration.body}${role.registration.required ? ' (required)' : ''}` : '—';
    const name = role.name + (role.confidence === 'low' ? ' (indicative)' : '');
    lines.push(`| ${[name, SECTOR_NAMES[role.sector].label, levelText(role), registration].map(mdCell).join(' | ')} |`);
  }
  lines.push('', `${roles.length} ${roles.length === 1 ? 'role' : 'roles'}.`);
  return `${lines.join('\n')}\n`;
}
