/** Terminal text for `next` and `unlocks`. Returns strings; colour is passed in. */
import { Chalk } from 'chalk';
import type { NextMove, NextRoute, Unlocks } from '../planner/explore';
import { formatMonths } from './format';
import { MOVE_KIND_WORDS } from '../domain/vocabulary';
import { fitLine, fitText } from './fit';
import { md } from './markdown-escape';

/** Moves grouped by kind; each route says what it needs and what is already held. */
export function renderNextMoves(roleName: string, moves: NextMove[], options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (moves.length === 0) return `The dataset has no moves out of ${roleName} yet.\n`;
  const lines = [c.bold(`Where you can go from ${roleName}`)];
  let kind: string | undefined;
  for (const move of moves) {
    if (move.kind !== kind) {
      kind = move.kind;
      lines.push('', c.bold(MOVE_KIND_WORDS[move.kind].heading));
    }
    lines.push(`  ${move.to.name}${move.ready ? c.green(' — no new qualification needed') : ''}`);
    for (const route of move.routes) {
      const label = route.name ?? `route ${route.id}`;
      if (route.unavailable) {
        lines.push(c.dim(`    · ${label}: not available (${route.unavailable})`));
        continue;
      }
      const needs = route.toGain.length > 0 ? `gain ${route.toGain.map((q) => q.name).join(', ')}` : 'nothing new to gain';
      const held = route.requires.filter((r) => r.held).map((r) => r.name);
      const experience = routeExperience(route);
      lines.push(`    · ${label}: ${needs}${experience}${held.length ? c.dim(` (you hold ${held.join(', ')})`) : ''}`);
    }
  }
  return `${fitText(lines.join('\n'), options.width ?? 80)}\n`;
}

/** The roles a qualification opens, directly and one move further on. */
export function renderUnlocks(unlocks: Unlocks, options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const lines = [c.bold(`What ${unlocks.qualification.name} opens`)];
  if (unlocks.direct.length === 0) {
    lines.push('', 'No move in the dataset asks for it directly.');
    return `${lines.join('\n')}\n`;
  }
  // "(from ...)" lists can be long: their wrapped lines sit under the role's name, not level with it.
  const entry = (u: Unlocks['direct'][number]) => fitLine(`  ${u.role.name} ${c.dim(`(from ${u.from.map((f) => f.name).join(', ')})`)}`, width, 4);
  lines.push('', c.bold('Directly'));
  for (const u of unlocks.direct) lines.push(...entry(u));
  if (unlocks.oneStepOn.length > 0) {
    lines.push('', c.bold('One move further on'));
    for (const u of unlocks.oneStepOn) lines.push(...entry(u));
  }
  return `${fitText(lines.join('\n'), width)}\n`;
}

/** `careerpath next` as Markdown: a heading per kind of move, a bullet per route. */
export function renderNextMarkdown(roleName: string, moves: NextMove[]): string {
  const lines = [`# Where you can go from ${md(roleName)}`];
  if (moves.length === 0) return `${lines[0]}\n\nThe dataset has no moves out of ${md(roleName)} yet.\n`;
  let kind: string | undefined;
  for (const move of moves) {
    if (move.kind !== kind) {
      kind = move.kind;
      lines.push('', `## ${MOVE_KIND_WORDS[move.kind].heading}`);
    }
    lines.push('', `### ${md(move.to.name)}${move.ready ? ' (no new qualification needed)' : ''}`, '');
    for (const route of move.routes) {
      const label = md(route.name ?? `Route ${route.id}`);
      if (route.unavailable) lines.push(`- ${label}: not available (${md(route.unavailable)})`);
      else {
        const needs = route.toGain.length > 0 ? `gain ${route.toGain.map((q) => md(q.name)).join(', ')}` : 'nothing new to gain';
        const experience = routeExperience(route);
        lines.push(`- ${label}: ${needs}${experience}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `careerpath unlocks` as Markdown. */
export function renderUnlocksMarkdown(unlocks: Unlocks): string {
  const lines = [`# What ${md(unlocks.qualification.name)} opens`, ''];
  if (unlocks.direct.length === 0) return `${lines.join('\n')}No move in the dataset asks for it directly.\n`;
  const bullet = (u: Unlocks['direct'][number]) => `- ${md(u.role.name)} (from ${u.from.map((f) => md(f.name)).join(', ')})`;
  lines.push('## Directly', '', ...unlocks.direct.map(bullet));
  if (unlocks.oneStepOn.length > 0) lines.push('', '## One move further on', '', ...unlocks.oneStepOn.map(bullet));
  return `${lines.join('\n')}\n`;
}

/** "; 6 months in post first; 12 months in role" for a next move's route. */
function routeExperience(route: NextRoute): string {
  const parts: string[] = [];
  if (route.experienceBeforeMonths && route.experienceBeforeMonths.max > 0)
    parts.push(`${formatMonths(route.experienceBeforeMonths)} in post before the course`);
  if (route.experienceMonths && route.experienceMonths.max > 0) parts.push(`${formatMonths(route.experienceMonths)} in role`);
  if (route.experienceUnknown !== undefined) parts.push('time in role not in the sources');
  return parts.map((p) => `; ${p}`).join('');
}
