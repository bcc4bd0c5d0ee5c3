/** The safe export writer (reliability.md §5): no clobbering, atomic replace, clear errors, no temp files. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors';
import { writeFileSafely } from '../../src/io/write-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (file: string, text: string, force = false) => writeFileSafely(file, text, { force, cwd: dir });

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('writeFileSafely', () => {
  it('writes a new file, relative to cwd, and leaves no temp file', async () => {
    await write('plan.md', '# Plan\n');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('# Plan\n');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('refuses to overwrite without force: exit 1, the file untouched, the message names --force', async () => {
    writeFileSync(join(dir, 'plan.md'), 'mine');
    const error = await failure(write('plan.md', 'new'));
    expect(error.message).toBe('plan.md already exists (use --force to overwrite it)');
    expect(error.exitCode).toBe(1);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('refuses even a dangling symlink in the way, and says it is a link (review L4)', async () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'plan.md'));
    for (const force of [false, true]) {
      const error = await failure(write('plan.md', 'x', force));
      expect(error.message).toBe(`cannot write plan.md: it is a symbolic link${force ? ', and --force replaces only a regular file' : ''}`);
      expect(error.hint).toBe('careerpath does not save through links: give the path of the file itself, or another name.');
    }
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('replaces with force', async () => {
    writeFileSync(join(dir, 'plan.md'), 'old');
    await write('plan.md', 'new', true);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('names the user path for a missing folder, never the temp file', async () => {
    const error = await failure(write('no/such/plan.md', 'x'));
    expect(error.message).toBe('cannot write no/such/plan.md: the folder no/such does not exist');
    expect(`${error.message}${error.hint}`).not.toMatch(/\.tmp|\.plan\.md\./);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explains a path through a file, and a folder where the file should be', async () => {
    writeFileSync(join(dir, 'notes'), '');
    expect((await failure(write('notes/plan.md', 'x'))).message).toBe('cannot write notes/plan.md: part of the path is a file, not a folder');
    mkdirSync(join(dir, 'out'));
    expect((await failure(write('out', 'x'))).message).toBe('cannot write out: it is a folder');
    expect((await failure(write('out', 'x', true))).message).toBe('cannot write out: it is a folder');
    expect(readdirSync(dir).sort()).toEqual(['notes', 'out']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('lets exactly one of two racing writers win', async () => {
    const results = await Promise.allSettled([write('plan.md', 'first'), write('plan.md', 'second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(['first', 'second']).toContain(readFileSync(join(dir, 'plan.md'), 'utf8'));
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('writes a long but valid name (the temp name is shortened); refuses one too long, by name', async () => {
    const long = `${'p'.repeat(247)}.md`;
    await write(long, 'x');
    expect(readdirSync(dir)).toEqual([long]);
    const tooLong = `${'p'.repeat(300)}.md`;
    expect((await failure(write(tooLong, 'x'))).message).toBe(`cannot write ${tooLong}: the name is too long`);
    expect(readdirSync(dir)).toEqual([long]);
  });

  it('two racing writers with --force: both succeed, one whole text wins, no temp file', async () => {
    const results = await Promise.allSettled([write('plan.md', 'first', true), write('plan.md', 'second', true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(['first', 'second']).toContain(readFileSync(join(dir, 'plan.md'), 'utf8'));
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not write to (skipped as root, who may write anywhere)', async () => {
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    expect((await failure(write('locked/plan.md', 'x'))).message).toBe('cannot write locked/plan.md: permission denied');
  });
});

/** A tiny tmpfs needs root and permission to mount: the tests below skip without them. */
function mountTmpfs(target: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', target], { stdio: 'ignore' }).status === 0;
}

describe('writeFileSafely on a full or read-only disk', () => {
  it('a full disk keeps the old file whole and leaves no temp file', async (ctx) => {
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    if (!mountTmpfs(mnt, 'size=64k')) return ctx.skip('mounting a small tmpfs needs root on Linux');
    try {
      writeFileSync(join(mnt, 'plan.md'), 'old plan');
      const error = await failure(writeFileSafely('small/plan.md', 'x'.repeat(256 * 1024), { force: true, cwd: dir }));
      expect(error.message).toBe('cannot write small/plan.md: the disk is full (the existing file was left as it was)');
      expect(readFileSync(join(mnt, 'plan.md'), 'utf8')).toBe('old plan');
      expect(readdirSync(mnt)).toEqual(['plan.md']);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a read-only file system is named as such', async (ctx) => {
    const mnt = join(dir, 'ro');
    mkdirSync(mnt);
    if (!mountTmpfs(mnt, 'size=64k,ro')) return ctx.skip('mounting a read-only tmpfs needs root on Linux');
    try {
      expect((await failure(writeFileSafely('ro/plan.md', 'x', { force: false, cwd: dir }))).message).toBe(
        'cannot write ro/plan.md: the file system is read-only',
      );
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
