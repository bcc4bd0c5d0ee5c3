/**
 * After the plan: the careerpath command line that gives it again, and the file to save it in.
 * Pure: nothing here prompts, prints or touches the file system.
 */
import { normalizeName } from '../domain/names';
import type { Dataset } from '../domain/types';
import type { Plan, PlanRequest } from '../planner/types';

/**
 * A word for the shell: bare when safe, else in double quotes with the shell's specials escaped;
 * a name with "!" (which an interactive bash expands from its history even in double quotes) is
 * single-quoted instead.
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(text)) return text;
  if (text.includes('!')) return `'${text.replace(/'/g, "'\\''")}'`;
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The `careerpath plan` command line that gives the same plan without questions. */
export function planCommand(dataset: Dataset, request: PlanRequest, dataFiles: readonly string[] = []): string {
  const roleName = (id: string) => dataset.roles.find((r) => r.id === id)?.name ?? id;
  const qualName = (id: string) => dataset.qualifications.find((q) => q.id === id)?.name ?? id;
  const words = ['careerpath', 'plan', '--from', roleName(request.from), '--to', roleName(request.to)];
  for (const id of request.have) words.push('--have', qualName(id));
  if (request.optimise !== 'realistic') words.push('--optimise', request.optimise);
  if (request.earnWhileLearning) words.push('--earn-while-learning');
  if (request.noDegree) words.push('--no-degree');
  if (request.hoursPerWeek !== undefined) words.push('--hours-per-week', String(request.hoursPerWeek));
  if (request.via !== undefined) words.push('--via', roleName(request.via));
  for (const id of request.avoid ?? []) words.push('--avoid', roleName(id) === id ? qualName(id) : roleName(id));
  if (request.maxMonths !== undefined) words.push('--max-months', String(request.maxMonths));
  if (request.monthsInRole !== undefined) words.push('--months-in-role', String(request.monthsInRole));
  if (request.alternatives) words.push('--alternatives', String(request.alternatives));
  for (const file of dataFiles) words.push('--data', file);
  return words.map((w, i) => (i < 2 || w.startsWith('--') ? w : shellWord(w))).join(' ');
}

/**
 * A command line indented by two spaces, broken before an option wherever it would pass `width`
 * (each break ends in a backslash, so the lines paste into a shell as one command).
 */
export function commandLines(command: string, width = Number.POSITIVE_INFINITY): string {
  const parts = command.split(/ (?=--)/);
  const lines: string[] = [];
  let line = `  ${parts[0]}`;
  for (const part of parts.slice(1)) {
    // Room for " " + part + " \\" on the line.
    if (line.length + 1 + part.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `    ${part}`;
    } else line += ` ${part}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "career-plan-care-worker-to-team-leader.md" */
export function suggestFileName(plan: Plan): string {
  const slug = (name: string) => normalizeName(name).replace(/ /g, '-') || 'role';
  return `career-plan-${slug(plan.from.name)}-to-${slug(plan.to.name)}.md`;
}

/** A file name as typed, with ".md" added when it has no extension. */
export function withMarkdownExtension(typed: string): string {
  const name = typed.trim();
  const base = name.slice(name.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(base) ? name : `${name}.md`;
}

/** true for a usable file name, else what is wrong with it. */
export function validateFileName(typed: string): true | string {
  const name = typed.trim();
  if (name === '') return 'Type a file name, e.g. plan.md';
  if (name.includes('\0')) return 'A file name cannot contain a NUL character';
  if (/[/\\]$/.test(name) || name === '.' || name === '..') return 'That is a folder: add a file name, e.g. plan.md';
  return true;
}

/** "plan.md" → "plan-2.md", "plan-3.md", ...: the first that `taken` says is free. */
export async function nextFreeName(file: string, taken: (file: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(file))) return file;
  const dot = file.lastIndexOf('.');
  const [stem, ext] = dot > file.lastIndexOf('/') ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  const base = stem.replace(/-\d+$/, '');
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!(await taken(candidate))) return candidate;
  }
  return file;
}
