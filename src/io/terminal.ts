/** The process's streams and environment, behind one small interface so handlers can be tested. */

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width: stdout's own, else $COLUMNS, else undefined (renderers then use 80). */
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real terminal. */
export function processIo(): Io {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => endOnStdoutError(error));
  return {
    out: (text) => {
      try {
        process.stdout.write(text);
      } catch (error) {
        endOnStdoutError(error as NodeJS.ErrnoException);
      }
    },
    err: writeStderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // Getters: Node makes process.stderr and process.stdin on first use, which costs start-up time
    // on every command while only errors and the questionnaire need them.
    get stderrIsTTY() {
      return Boolean(process.stderr.isTTY);
    },
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    columns: terminalColumns(process.stdout.columns, process.env.COLUMNS),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Standard output cannot take the result. A reader that went away (`careerpath plan ... | head`)
 * ends it quietly, as Unix tools do; anything else (a full disk, /dev/full, an I/O error) is said
 * in one line on stderr and exits 1, never as an uncaught error with a stack trace.
 */
function endOnStdoutError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  writeStderr(`✗ cannot write the output: ${streamProblem(error)}\n`);
  process.exit(1);
}

/** A write error on an output stream, in words. */
export function streamProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EPIPE':
      return 'the reader went away (a closed pipe)';
    case 'EIO':
      return 'an input/output error on the device';
    case 'EBADF':
      return 'standard output is closed';
    default:
      return error.code ?? error.message;
  }
}

let stderrGuarded = false;

/**
 * Writes to stderr; if stderr itself is broken (closed, a full disk) the text is dropped: there is
 * nowhere left to say anything, and the command's own exit code must stand (a saved file stays
 * saved and exits 0; a usage error still exits 2).
 */
function writeStderr(text: string): void {
  const stderr = process.stderr;
  if (!stderrGuarded) {
    stderr.on('error', () => {});
    stderrGuarded = true;
  }
  try {
    stderr.write(text);
  } catch {
    // As above: the text cannot go anywhere.
  }
}

/**
 * Colour only on a terminal, never with NO_COLOR (any non-empty value, per no-color.org; chalk 5
 * ignores it) or --no-color; FORCE_COLOR turns it on for a pipe (FORCE_COLOR=0 or false: off).
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean, flag: boolean | undefined): boolean {
  if (env.NO_COLOR) return false;
  if (flag === false) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return envFlag(force);
  return isTTY && env.TERM !== 'dumb';
}

/** A terminal's width in columns, from the terminal itself or $COLUMNS; nonsense counts as unknown. */
export function terminalColumns(ttyColumns: number | undefined, envColumns: string | undefined): number | undefined {
  if (ttyColumns !== undefined && ttyColumns > 0) return ttyColumns;
  const fromEnv = Number(envColumns);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}

/** An on/off environment variable: set and not "0", "false", "no" or "off" (any case) means on. */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}
