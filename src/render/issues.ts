/** What `careerpath validate` prints: every problem as `file:line:column: path: message`, or a one-line summary. */
import { md } from './markdown-escape';
import { Chalk } from 'chalk';
import { formatIssue, type DatasetIssue } from '../dataset/issue';
import type { Dataset } from '../domain/types';
import { plural } from './format';

export interface ValidationReport {
  /** What was checked, in words ("the shipped data", "acme.yaml on the shipped data"). */
  label: string;
  files: string[];
  issues: DatasetIssue[];
  /** The merged dataset when there were no problems. */
  dataset?: Dataset;
}

/** One line per problem, or "✓ ... valid: N roles, ..." when there are none. */
export function renderValidationText(report: ValidationReport, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (report.issues.length > 0 || !report.dataset) return report.issues.map((i) => `${formatIssue(i)}\n`).join('');
  return `${c.green('✓')} ${report.label} valid: ${counts(report.dataset)}\n`;
}

/** The same as a Markdown list, for saving with --output report.md. */
export function renderValidationMarkdown(report: ValidationReport): string {
  const lines = [`# Dataset check: ${md(report.label)}`, ''];
  if (report.issues.length > 0 || !report.dataset) {
    lines.push(`${plural(report.issues.length, 'problem')} found:`, '');
    for (const issue of report.issues) lines.push(`- \`${formatIssue(issue).replace(/`/g, "'")}\``);
  } else lines.push(`Valid: ${counts(report.dataset)}.`);
  return `${lines.join('\n')}\n`;
}

function counts(d: Dataset): string {
  return [
    plural(d.roles.length, 'role'),
    plural(d.qualifications.length, 'qualification'),
    plural(d.transitions.length, 'move'),
    plural(d.funding.length, 'funding route'),
    plural(d.sources.length, 'source'),
  ].join(', ');
}
