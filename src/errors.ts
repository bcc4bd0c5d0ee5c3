/** The errors the one error boundary (`main.ts`) knows how to show. Nothing else calls process.exit. */

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

// Every bundle the build makes requires this module from one shared file (dist/errors.js), so an
// error thrown in the YAML reader's bundle is an instance of the very class the boundary checks.

/** A problem the user can fix: printed as `✗ message` plus a hint, never with a stack trace. */
export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  /** The command already printed its result, which says what failed (validate's report): no error document under --json. */
  readonly resultPrinted: boolean;
  constructor(message: string, options: { exitCode?: number; hint?: string; cause?: unknown; resultPrinted?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? EXIT.failure;
    this.hint = options.hint;
    this.resultPrinted = options.resultPrinted === true;
  }
}

/** A bad command line: unknown role, bad option value. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, { ...options, exitCode: EXIT.usage });
    this.name = 'UsageError';
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
  readonly issues: DatasetIssue[];
  constructor(issues: DatasetIssue[], summary = 'the dataset has problems', options: { hint?: string } = {}) {
    super(`${summary} (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'})`, {
      hint: options.hint ?? 'Fix the lines above; `careerpath validate FILE` checks a file without planning.',
    });
    this.name = 'DatasetError';
    this.issues = issues;
  }
}
