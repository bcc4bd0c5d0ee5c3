/** A dataset problem and how it is written: `file:line:column: path: message`. */

import type { DatasetIssue, IssuePath } from '../errors';

// The shapes live beside DatasetError, which every layer may use; they are this module's to write out.
export type { DatasetIssue, IssuePath, Position } from '../errors';

/** `file:line:column: path: message`, one line per problem (line breaks and control characters escaped). */
export function formatIssue(issue: DatasetIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file;
  const path = formatPath(issue.path);
  return escapeControls(`${where}: ${path ? `${path}: ` : ''}${issue.message}`);
}

/**
 * Text from a data file (a key, a name) can hold line breaks or terminal control codes: shown as
 * escapes (`\n`, `\u001b`), so a problem stays on one line and cannot restyle the terminal.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `roles[3].requires[0]` */
export function formatPath(path: IssuePath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
