/**
 * The safe writer where the file system has no hard links (FAT, some network shares): it falls
 * back to an exclusive copy, which must still never overwrite and never leave half a file. And its
 * Ctrl-C guard, called directly (raising a real signal would end the test process).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fsMock = vi.hoisted(() => ({ linkCode: 'EPERM' as string | undefined, copyFailure: undefined as string | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const failWith = (code: string) => Object.assign(new Error(`${code}: mocked`), { code });
  return {
    ...real,
    link: async (from: string, to: string) => {
      if (fsMock.linkCode) throw failWith(fsMock.linkCode);
      return real.link(from, to);
    },
    copyFile: async (from: string, to: string, mode?: number) => {
      if (fsMock.copyFailure === 'ENOSPC') {
        // Half a copy: the exclusive create succeeded, then the disk filled up.
        await real.writeFile(to, 'half', { flag: 'wx' });
        throw failWith('ENOSPC');
      }
      return real.copyFile(from, to, mode);
    },
  };
});

const { removeOnSignal, writeFileSafely } = await import('../../src/io/write-file');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-write-copy-'));
  fsMock.linkCode = 'EPERM';
  fsMock.copyFailure = undefined;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string, force = false) => writeFileSafely('plan.md', text, { force, cwd: dir });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: Error) => e,
  );

describe('writeFileSafely without hard links', () => {
  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])('copies exclusively when link fails with %s', async (code) => {
    fsMock.linkCode = code;
    await write('new plan');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new plan');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('still refuses to overwrite', async () => {
    writeFileSync(join(dir, 'plan.md'), 'mine');
    expect((await failure(write('new')))?.message).toBe('plan.md already exists (use --force to overwrite it)');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('removes its own half copy when the disk fills up', async () => {
    fsMock.copyFailure = 'ENOSPC';
    expect((await failure(write('new')))?.message).toBe('cannot write plan.md: the disk is full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('any other link error is reported as it is', async () => {
    fsMock.linkCode = 'EIO';
    expect((await failure(write('new')))?.message).toBe('cannot write plan.md: EIO');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--force renames, so links are never needed', async () => {
    writeFileSync(join(dir, 'plan.md'), 'old');
    await write('new', true);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new');
  });
});

describe('removeOnSignal (the Ctrl-C guard around a save)', () => {
  it('removes the temp file, stops listening, and raises the signal again', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const temp = join(dir, '.plan.md.tmp');
    writeFileSync(temp, 'half');
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const stop = removeOnSignal(temp);
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before.map((n) => n + 1));
    const listener = process.listeners('SIGTERM').at(-1) as (signal: NodeJS.Signals) => void;
    listener('SIGTERM');
    expect(existsSync(temp)).toBe(false);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before);
    stop();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before);
  });

  it('a temp file not made yet (or already moved) is not an error', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    removeOnSignal(join(dir, 'never-made.tmp'));
    (process.listeners('SIGINT').at(-1) as (signal: NodeJS.Signals) => void)('SIGINT');
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
  });

  it('a finished save leaves no listener behind', async () => {
    fsMock.linkCode = undefined;
    const before = process.listenerCount('SIGINT');
    await write('x');
    await failure(write('y'));
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
