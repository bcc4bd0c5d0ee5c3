/**
 * What the safe writer (src/io/write-file.ts) tells the person when a save fails: every error code
 * it knows, with its hint, including those a test cannot cause as root (EACCES) or without a full
 * disk (EDQUOT), by making `open` fail; and that it never removes a file it did not create.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors';

const fsMock = vi.hoisted(() => ({
  /** Make the next opens fail with this error. */
  openError: undefined as (Error & { code?: string }) | undefined,
  /** Put a file (another save's temp file) at the temp path just before it is opened. */
  tempTaken: false,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const { writeFileSync: put } = await import('node:fs');
  return {
    ...real,
    open: async (path: string, flags?: string) => {
      if (fsMock.openError) throw fsMock.openError;
      if (fsMock.tempTaken) put(path, 'another save');
      return real.open(path, flags);
    },
  };
});

const { writeFileSafely } = await import('../../src/io/write-file');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-write-errors-'));
  fsMock.openError = undefined;
  fsMock.tempTaken = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: mocked`), { code });

async function failure(file: string, force = false): Promise<UserError> {
  const error = await writeFileSafely(file, 'text', { force, cwd: dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('writeFileSafely: each failure named, with its hint and the cause kept', () => {
  const HOME_HINT = 'Save it somewhere you can write, e.g. your home folder.';

  it.each<[string, boolean, string, string | undefined]>([
    ['EACCES', false, 'permission denied', HOME_HINT],
    ['EPERM', false, 'permission denied', HOME_HINT],
    ['EACCES', true, 'permission denied', undefined],
    ['EPERM', true, 'permission denied', undefined],
    ['EROFS', false, 'the file system is read-only', undefined],
    ['ENOSPC', false, 'the disk is full', undefined],
    ['EDQUOT', false, 'the disk is full', undefined],
    ['ENAMETOOLONG', false, 'the name is too long', undefined],
    ['EIO', false, 'EIO', undefined],
  ])('%s (force: %s): "%s"', async (code, force, reason, hint) => {
    const cause = errno(code);
    fsMock.openError = cause;
    const error = await failure('plan.md', force);
    expect(error.message).toBe(`cannot write plan.md: ${reason}`);
    expect(error.hint).toBe(hint);
    expect(error.cause).toBe(cause);
    expect(error.exitCode).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a full disk or quota over an existing file says that file was left as it was', async () => {
    writeFileSync(join(dir, 'plan.md'), 'old plan');
    for (const code of ['ENOSPC', 'EDQUOT']) {
      fsMock.openError = errno(code);
      expect((await failure('plan.md', true)).message).toBe('cannot write plan.md: the disk is full (the existing file was left as it was)');
    }
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('old plan');
  });

  it('an error with no code is told by its message', async () => {
    fsMock.openError = new Error('something odd happened');
    expect((await failure('plan.md')).message).toBe('cannot write plan.md: something odd happened');
  });

  it('a file in the way: the hint says it was left as it is and how to replace it', async () => {
    writeFileSync(join(dir, 'plan.md'), 'mine');
    const error = await failure('plan.md');
    expect(error.message).toBe('plan.md already exists (use --force to overwrite it)');
    expect(error.hint).toBe('It was left as it is. Pick another name with --output, or add --force to replace it.');
    expect(error.cause).toMatchObject({ code: 'EEXIST' });
  });

  it('a folder in the way, with or without --force: the hint asks for a file name', async () => {
    mkdirSync(join(dir, 'out'));
    for (const force of [false, true]) {
      const error = await failure('out', force);
      expect(error.message).toBe('cannot write out: it is a folder');
      expect(error.hint).toBe('Give a file name, e.g. plan.md.');
    }
  });

  it('a missing folder: the hint says to create it or save elsewhere; a path through a file has no hint', async () => {
    const missing = await failure('drafts/plan.md');
    expect(missing.message).toBe('cannot write drafts/plan.md: the folder drafts does not exist');
    expect(missing.hint).toBe('Create the folder first, or save somewhere else.');
    expect(missing.cause).toMatchObject({ code: 'ENOENT' });
    writeFileSync(join(dir, 'notes'), '');
    expect((await failure('notes/plan.md')).hint).toBeUndefined();
  });
});

describe('writeFileSafely never removes a file it did not create', () => {
  it.each([false, true])('a temp name already taken (another save of the same name; force: %s) is left alone', async (force) => {
    fsMock.tempTaken = true;
    await failure('plan.md', force);
    const names = readdirSync(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\.plan\.md\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(readFileSync(join(dir, names[0]!), 'utf8')).toBe('another save');
    expect(existsSync(join(dir, 'plan.md'))).toBe(false);
  });
});

describe('the signal guard, the module loaded inside the test', () => {
  it('listens for every catchable signal that ends a process (Ctrl-C, Ctrl-\\, kill, SIGUSR2, SIGALRM...) until told to stop (review M3)', async () => {
    // The list of signals is built when the module loads: loading it here ties that code to this test.
    vi.resetModules();
    const fresh = await import('../../src/io/signal-cleanup');
    const expected =
      process.platform === 'win32' ? ['SIGINT', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGXCPU', 'SIGXFSZ'];
    expect(fresh.ENDING_SIGNALS).toEqual(expect.arrayContaining(expected));
    for (const never of ['SIGKILL', 'SIGSTOP', 'SIGUSR1', 'SIGPIPE', 'SIGSEGV', 'SIGPROF']) expect(fresh.ENDING_SIGNALS).not.toContain(never);
    const signals = fresh.ENDING_SIGNALS;
    const before = signals.map((s) => process.listenerCount(s));
    const stop = fresh.removeOnSignal(join(dir, '.plan.md.tmp'));
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before.map((n) => n + 1));
    stop();
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before);
  });
});
