/** A dataset problem and how it is written: `file:line:column: path: message`. */

export type IssuePath = (string | number)[];

/** Where a problem is; line and column are 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface DatasetIssue {
  file: string;
  path: IssuePath;
  message: string;
  position?: Position;
}

/** `file:line:column: path: message`, one line per problem. */
export function formatIssue(issue: DatasetIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file;
  const path = formatPath(issue.path);
  return `${where}: ${path ? `${path}: ` : ''}${issue.message}`;
}

/** `roles[3].requires[0]` */
export function formatPath(path: IssuePath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}
