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
  // `careerpath plan ... | head` closes the pipe early: stop quietly, as Unix tools do, instead
  // of an unhandled EPIPE error with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
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
 * Colour only on a terminal, never with NO_COLOR (any non-empty value, per no-color.org; chalk 5
 * ignores it) or --no-color; FORCE_COLOR turns it on for a pipe.
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean, flag: boolean | undefined): boolean {
  if (env.NO_COLOR) return false;
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.FORCE_COLOR === '0') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** A terminal's width in columns, from the terminal itself or $COLUMNS; nonsense counts as unknown. */
export function terminalColumns(ttyColumns: number | undefined, envColumns: string | undefined): number | undefined {
  if (ttyColumns !== undefined && ttyColumns > 0) return ttyColumns;
  const fromEnv = Number(envColumns);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}
