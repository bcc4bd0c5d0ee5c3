/** The roles list: which roles to show (pure) and how they look in a terminal. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { compareNames } from '../domain/names';
import type { Dataset, Role, Sector } from '../domain/types';

export const SECTOR_LABEL: Record<Sector, string> = {
  'adult-social-care': 'Adult social care',
  'social-work': 'Social work',
  nhs: 'NHS',
};

/** Roles in a sector and/or at an RQF level (a band counts for NHS roles), sorted by sector, level, name. */
export function selectRoles(dataset: Dataset, filter: { sector?: Sector; level?: number }): Role[] {
  return dataset.roles
    .filter((r) => !filter.sector || r.sector === filter.sector)
    .filter((r) => filter.level === undefined || r.level === filter.level)
    .sort(
      (a, b) =>
        compareNames(a.sector, b.sector) ||
        (a.level ?? a.band?.min ?? 0) - (b.level ?? b.band?.min ?? 0) ||
        compareNames(a.name, b.name),
    );
}

/** "level 3", "band 2–4", "level 5 · band 4" */
export function levelText(role: Role): string {
  const parts: string[] = [];
  if (role.level !== undefined) parts.push(`level ${role.level}`);
  if (role.band) parts.push(role.band.min === role.band.max ? `band ${role.band.min}` : `band ${role.band.min}–${role.band.max}`);
  return parts.join(' · ') || '—';
}

/** A table of roles; an empty selection says so instead. */
export function renderRolesTable(roles: Role[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (roles.length === 0) return 'No roles match. Try without --sector or --level.\n';
  const table = new Table({
    head: ['Role', 'Sector', 'Level / band', 'Registration'].map((h) => c.bold(h)),
    style: { head: [], border: [] },
  });
  for (const role of roles) {
    table.push([
      role.name + (role.confidence === 'low' ? c.bold(' (indicative)') : ''),
      SECTOR_LABEL[role.sector],
      levelText(role),
      role.registration ? `${role.registration.body}${role.registration.required ? ' (required)' : ''}` : '—',
    ]);
  }
  return `${table.toString()}\n${roles.length} ${roles.length === 1 ? 'role' : 'roles'}\n`;
}

/** The roles one to a line, no grid (--format text: reads in order aloud). */
export function renderRolesText(roles: Role[], options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (roles.length === 0) return 'No roles match. Try without --sector or --level.\n';
  const lines = roles.map((role) => {
    const registration = role.registration ? `registration: ${role.registration.body}${role.registration.required ? ', required' : ''}` : '';
    const facts = [SECTOR_LABEL[role.sector], levelText(role) === '—' ? '' : levelText(role), registration].filter(Boolean).join('; ');
    return `${role.name}${role.confidence === 'low' ? c.bold(' (indicative)') : ''}: ${facts}.`;
  });
  return `${lines.join('\n')}\n${roles.length} ${roles.length === 1 ? 'role' : 'roles'}.\n`;
}

/** The roles as a Markdown table (no colour), with the dataset they came from. */
export function renderRolesMarkdown(roles: Role[], dataset: { name: string; version: string }): string {
  const cell = (text: string) => text.replace(/[\\`*[\]<|]/g, (ch) => `\\${ch}`);
  const lines = [`# Roles`, '', `From the dataset “${cell(dataset.name)}”, version ${cell(dataset.version)}.`, ''];
  if (roles.length === 0) return `${[...lines, 'No roles match. Try without --sector or --level.'].join('\n')}\n`;
  lines.push('| Role | Sector | Level / band | Registration |', '| --- | --- | --- | --- |');
  for (const role of roles) {
    const registration = role.registration ? `${role.registration.body}${role.registration.required ? ' (required)' : ''}` : '—';
    const name = role.name + (role.confidence === 'low' ? ' (indicative)' : '');
    lines.push(`| ${[name, SECTOR_LABEL[role.sector], levelText(role), registration].map(cell).join(' | ')} |`);
  }
  lines.push('', `${roles.length} ${roles.length === 1 ? 'role' : 'roles'}.`);
  return `${lines.join('\n')}\n`;
}
