/** The errors the one error boundary (`main.ts`) knows how to show. Nothing else calls process.exit. */

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/**
 * The YAML reader is its own bundle (it carries yaml and zod), so it has its own copies of these
 * classes: `instanceof` checks a brand shared through the global symbol registry, not identity.
 */
const KINDS = Symbol.for('careerpath.error-kinds');

function branded(error: Error, kind: string): void {
  const kinds = ((error as unknown as Record<symbol, string[]>)[KINDS] ??= []);
  kinds.push(kind);
}

function hasKind(value: unknown, kind: string): boolean {
  return typeof value === 'object' && value !== null && ((value as Record<symbol, string[]>)[KINDS]?.includes(kind) ?? false);
}

/** A problem the user can fix: printed as `✗ message` plus a hint, never with a stack trace. */
export class UserError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'UserError');
  }
  readonly exitCode: number;
  readonly hint: string | undefined;
  /** The command already printed its result, which says what failed (validate's report): no error document under --json. */
  readonly resultPrinted: boolean;
  constructor(message: string, options: { exitCode?: number; hint?: string; cause?: unknown; resultPrinted?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    branded(this, 'UserError');
    this.exitCode = options.exitCode ?? EXIT.failure;
    this.hint = options.hint;
    this.resultPrinted = options.resultPrinted === true;
  }
}

/** A bad command line: unknown role, bad option value. Exit 2. */
export class UsageError extends UserError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'UsageError');
  }
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, { ...options, exitCode: EXIT.usage });
    this.name = 'UsageError';
    branded(this, 'UsageError');
  }
}

/** Where in a data file a problem is: keys and list indexes from the top. */
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

/** A dataset that failed to load or validate: every problem, each with file:line:column. Exit 1. */
export class DatasetError extends UserError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'DatasetError');
  }
  readonly issues: DatasetIssue[];
  constructor(issues: DatasetIssue[], summary = 'the dataset has problems', options: { hint?: string } = {}) {
    super(`${summary} (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'})`, {
      hint: options.hint ?? 'Fix the lines above; `careerpath validate FILE` checks a file without planning.',
    });
    this.name = 'DatasetError';
    branded(this, 'DatasetError');
    this.issues = issues;
  }
}
