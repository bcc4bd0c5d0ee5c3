/** An in-memory Io for running the CLI in-process. */
import type { Io } from '../../src/io/terminal';

export interface CapturedIo extends Io {
  stdout: string;
  stderr: string;
}

export function captureIo(overrides: Partial<Io> = {}): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out: (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    columns: 100,
    // Under Stryker the validating code itself is mutated: a dataset cached while one mutant was
    // active must not answer for the next, so the --data cache is off there.
    env: { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, ...(process.env.CAREERPATH_MUTATION ? { CAREERPATH_NO_CACHE: '1' } : {}) },
    cwd: process.cwd(),
    ...overrides,
  };
  return io;
}

export const fixture = (name: string) => `test/fixtures/datasets/${name}`;
