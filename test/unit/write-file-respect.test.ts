/**
 * Writes that respect what is there (issue 18: review H9, M5, M3): --force replaces only a regular
 * file, keeps its mode (and, for root, its owner), and leaves a read-only file alone; temp files
 * that a killed save left behind are removed by the next save of the same name.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors';
import { writeFileSafely } from '../../src/io/write-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-respect-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (file: string, text: string, force = false) => writeFileSafely(file, text, { force, cwd: dir });
const asRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const PRINT_HINT = 'To print the result instead, leave out --output (or use -o -); to save it, give a file name, e.g. plan.md.';

describe('--force replaces only a regular file (review H9)', () => {
  it.runIf(posix && spawnSync('mkfifo', ['--version']).status === 0)('a FIFO is refused, with or without --force, and is still a FIFO', async () => {
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    for (const force of [false, true]) {
      const error = await failure(write('pipe', 'plan', force));
      expect(error.message).toBe(`cannot write pipe: it is a named pipe (FIFO)${force ? ', and --force replaces only a regular file' : ''}`);
      expect(error.hint).toBe(PRINT_HINT);
    }
    expect(statSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it.runIf(posix && asRoot)('a device node (a copy of /dev/null, made with mknod as root) is refused and kept', async () => {
    if (spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status !== 0) return;
    const error = await failure(write('null', 'plan', true));
    expect(error.message).toBe('cannot write null: it is a device, and --force replaces only a regular file');
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it.runIf(posix)('/dev/null itself is refused before anything is written (never replaced, even as root)', async () => {
    const error = await failure(writeFileSafely('/dev/null', 'plan', { force: true, cwd: dir }));
    expect(error.message).toBe('cannot write /dev/null: it is a device, and --force replaces only a regular file');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.runIf(posix)('a symbolic link to a regular file is refused with --force: neither the link nor its target changes', async () => {
    writeFileSync(join(dir, 'target.md'), 'T');
    symlinkSync('target.md', join(dir, 'link.md'));
    const error = await failure(write('link.md', 'plan', true));
    expect(error.message).toBe('cannot write link.md: it is a symbolic link, and --force replaces only a regular file');
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toBe('T');
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'target.md']);
  });

  it.runIf(posix)('a link to a device (/dev/stdout, a link to /dev/null) is refused, with the way to print instead (review L4)', async () => {
    symlinkSync('/dev/null', join(dir, 'out'));
    for (const force of [false, true]) {
      const error = await failure(write('out', 'plan', force));
      expect(error.message).toBe(`cannot write out: it is a symbolic link to a device${force ? ', and --force replaces only a regular file' : ''}`);
      expect(error.hint).toBe(PRINT_HINT);
    }
  });
});

describe('--force keeps what the file was (review M5)', () => {
  it.runIf(posix)('a private 0600 file stays 0600, a 0640 one 0640', async () => {
    for (const mode of [0o600, 0o640]) {
      const name = `plan-${mode.toString(8)}.md`;
      writeFileSync(join(dir, name), 'old');
      chmodSync(join(dir, name), mode);
      await write(name, 'new', true);
      expect(readFileSync(join(dir, name), 'utf8')).toBe('new');
      expect(statSync(join(dir, name)).mode & 0o777).toBe(mode);
    }
  });

  it.runIf(posix && asRoot)("as root, a replaced file keeps its owner (it does not become root's)", async () => {
    writeFileSync(join(dir, 'plan.md'), 'old');
    chownSync(join(dir, 'plan.md'), 65534, 65534);
    await write('plan.md', 'new', true);
    expect(statSync(join(dir, 'plan.md'))).toMatchObject({ uid: 65534, gid: 65534 });
  });

  it.runIf(posix)('a read-only file is refused, even for root, and the message says how to replace it', async () => {
    writeFileSync(join(dir, 'plan.md'), 'protected');
    chmodSync(join(dir, 'plan.md'), 0o444);
    const error = await failure(write('plan.md', 'new', true));
    expect(error.message).toBe('cannot write plan.md: it is read-only, and --force replaces only a file you may write to');
    expect(error.hint).toBe('It was left as it is. To replace it anyway, make it writable first (chmod u+w plan.md), or save under another name.');
    expect(error.exitCode).toBe(1);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('protected');
    // Told otherwise (made writable), it is replaced.
    chmodSync(join(dir, 'plan.md'), 0o644);
    await write('plan.md', 'new', true);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new');
  });

  it.runIf(posix)('a name with spaces is quoted in the chmod hint', async () => {
    writeFileSync(join(dir, "my plan's.md"), 'x');
    chmodSync(join(dir, "my plan's.md"), 0o400);
    expect((await failure(write("my plan's.md", 'new', true))).hint).toContain(`(chmod u+w 'my plan'\\''s.md')`);
  });
});

describe('temp files left by a killed save (review M3)', () => {
  it('the next save of the same name removes those over ten minutes old whose process is gone, and nothing else', async () => {
    const old = new Date(Date.now() - 11 * 60_000);
    // A pid far above any real one (Linux's maximum is 4194304).
    const gone = `.plan.md.99999999.0badf00d.tmp`;
    const recent = `.plan.md.99999998.0badf00d.tmp`;
    const running = `.plan.md.${process.ppid}.0badf00d.tmp`;
    const otherFile = `.notes.md.99999999.0badf00d.tmp`;
    for (const name of [gone, recent, running, otherFile, 'plan.md.tmp']) writeFileSync(join(dir, name), 'x');
    for (const name of [gone, running, otherFile, 'plan.md.tmp']) utimesSync(join(dir, name), old, old);
    await write('plan.md', 'new');
    expect(readdirSync(dir).sort()).toEqual([recent, running, otherFile, 'plan.md', 'plan.md.tmp'].sort());
  });
});
