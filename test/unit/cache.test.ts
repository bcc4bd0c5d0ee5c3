/**
 * The --data cache cannot lie or hang (issue 18: review H6, H11, H12, M1, M2, M3, L5, L7, L14):
 * its key is the hash of the bytes that were parsed, an entry must pass its own checksum, only a
 * regular file within the size limit is read (never a link, a pipe or a device), the folder is kept
 * to a budget, and a folder that cannot be used is skipped with a note.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CACHE_BUDGET_BYTES,
  cacheFolder,
  cacheKey,
  ensureFolder,
  entryText,
  MAX_ENTRY_BYTES,
  pruneCache,
  readCachedDataset,
  writeCachedDataset,
} from '../../src/dataset/cache';
import { readDataset } from '../../src/dataset/load';
import type { Dataset } from '../../src/domain/types';
import { fixture } from '../helpers/io';

/** Run just before the loader parses the files it read (set by the H6 test). */
const beforeParse = vi.hoisted(() => ({ hook: undefined as (() => void) | undefined }));
vi.mock('../../src/dataset/read-files', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/dataset/read-files')>();
  return {
    ...real,
    readDatasetLayers: (...args: Parameters<typeof real.readDatasetLayers>) => {
      beforeParse.hook?.();
      return real.readDatasetLayers(...args);
    },
  };
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-cache-'));
  copyFileSync(fixture('care.yaml'), join(dir, 'care.yaml'));
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  return { dir, env, folder: cacheFolder(env)! };
}

const VERSIONS = { schema: 1, tool: '1.0.0' };
const bytes = (text: string) => new TextEncoder().encode(text);
const tiny = (name = 'A role') =>
  ({ meta: { name: 'm' }, roles: [{ name }], qualifications: [], transitions: [], sources: [], funding: [] }) as unknown as Dataset;
const KEY = 'f'.repeat(64);
const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

describe('the cache key', () => {
  it('is the hash of the bytes, their names, the schema and careerpath versions and the base', () => {
    const files = [{ file: 'a.yaml', bytes: bytes('overlay: {name: a}\n') }];
    const key = cacheKey(files, undefined, VERSIONS);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(files, undefined, { ...VERSIONS, schema: 2 })).not.toBe(key);
    // A code-only release with the same schema and data is a new key too (review L14).
    expect(cacheKey(files, undefined, { ...VERSIONS, tool: '1.0.1' })).not.toBe(key);
    expect(cacheKey(files, new Uint8Array([1]), VERSIONS)).not.toBe(key);
    expect(cacheKey([{ file: 'b.yaml', bytes: files[0]!.bytes }], undefined, VERSIONS)).not.toBe(key);
    expect(cacheKey([{ file: 'a.yaml', bytes: bytes('overlay: {name: b}\n') }], undefined, VERSIONS)).not.toBe(key);
    // Two files are not the same as one file holding both names and bytes.
    const two = [
      { file: 'a', bytes: bytes('x') },
      { file: 'b', bytes: bytes('y') },
    ];
    expect(cacheKey(two, undefined, VERSIONS)).not.toBe(cacheKey([{ file: 'a', bytes: bytes('x\0b\x001\0y') }], undefined, VERSIONS));
    const whole = createHash('sha256')
      .update('careerpath-cache 3 schema 1 careerpath 1.0.0\0')
      .update(new Uint8Array())
      .update(`\0a.yaml\0${files[0]!.bytes.length}\0`)
      .update(files[0]!.bytes);
    expect(key).toBe(whole.digest('hex'));
  });

  it('a file changed while careerpath runs is never stored under the key of bytes it did not parse (review H6)', async () => {
    const { dir, env, folder } = setup();
    const path = join(dir, 'care.yaml');
    const versionA = readFileSync(path, 'utf8');
    const versionB = versionA.replace('name: care fixture', 'name: edited while loading');
    // The file is swapped for version B between the loader's read and its parse (an editor saving).
    beforeParse.hook = () => writeFileSync(path, versionB);
    try {
      // The dataset is what was read (A), and it is stored under A's key.
      expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).meta.name).toBe('care fixture');
    } finally {
      beforeParse.hook = undefined;
    }
    expect(readFileSync(path, 'utf8')).toBe(versionB);
    writeFileSync(path, versionA);
    expect(readdirSync(folder)).toHaveLength(1);
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).meta.name).toBe('care fixture');
    writeFileSync(path, versionB);
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).meta.name).toBe('edited while loading');
  });
});

describe('the cache folder', () => {
  it('is $XDG_CACHE_HOME/careerpath, else ~/.cache/careerpath; none without an absolute home (review L7)', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe('/var/cache/me/careerpath');
    for (const env of [{}, { XDG_CACHE_HOME: '' }, { XDG_CACHE_HOME: 'relative/cache' }]) {
      expect(cacheFolder(env, '/home/me')).toBe('/home/me/.cache/careerpath');
    }
    expect(cacheFolder({}, '')).toBeUndefined();
    expect(cacheFolder({}, 'relative-home')).toBeUndefined();
  });

  it('is made one folder at a time, and a place where that fails is refused at once: /proc never loops (review H11)', () => {
    const { dir } = setup();
    expect(ensureFolder(join(dir, 'a', 'b', 'careerpath'))).toBeUndefined();
    expect(statSync(join(dir, 'a', 'b', 'careerpath')).isDirectory()).toBe(true);
    writeFileSync(join(dir, 'file'), 'x');
    expect(ensureFolder(join(dir, 'file'))).toBe('it is a file, not a folder');
    expect(ensureFolder(join(dir, 'file', 'careerpath'))).toBe(`${join(dir, 'file')} is a file, not a folder`);
    if (process.platform === 'linux') {
      const started = Date.now();
      expect(ensureFolder('/proc/self/careerpath')).toMatch(/^cannot create it \(E[A-Z]+\)$/);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it.runIf(process.platform === 'linux')('XDG_CACHE_HOME under /proc: the dataset is read, and one note says the cache is skipped (review H11)', async () => {
    const { dir } = setup();
    const notes: string[] = [];
    const dataset = await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env: { XDG_CACHE_HOME: '/proc/self' }, note: (line) => notes.push(line) });
    expect(dataset.meta.name).toBe('care fixture');
    expect(notes).toEqual([
      'careerpath: not caching --data files (cache folder /proc/self/careerpath: cannot create it (ENOENT)); they are read afresh each time',
    ]);
  });

  it('a folder that cannot be written is a note, never an error; a good one gets no note', async () => {
    const { dir, env } = setup();
    writeFileSync(join(dir, 'cache'), 'a file where the folder should be');
    const notes: string[] = [];
    const dataset = await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env, note: (line) => notes.push(line) });
    expect(dataset.meta.name).toBe('care fixture');
    expect(notes).toEqual([
      `careerpath: not caching --data files (cache folder ${join(dir, 'cache', 'careerpath')}: ${join(dir, 'cache')} is a file, not a folder); they are read afresh each time`,
    ]);
    const fine = setup();
    const none: string[] = [];
    await readDataset({ dataFiles: ['care.yaml'], cwd: fine.dir, env: fine.env, note: (line) => none.push(line) });
    expect(none).toEqual([]);
    expect(readdirSync(fine.folder)).toHaveLength(1);
  });
});

describe('cache entries', () => {
  it('are plain ASCII with a checksum, and read back every character exactly', async () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    const text = 'Cost £1,200–£3,000 · café 😀 \u2028 end';
    expect(await writeCachedDataset(folder, KEY, tiny(text))).toBeUndefined();
    const stored = readFileSync(join(folder, `${KEY}.json`));
    expect(stored.every((b) => b < 0x80)).toBe(true);
    expect(stored.toString('latin1')).toMatch(new RegExp(`^careerpath-cache 3 ${KEY} [0-9a-f]{64}\n\\{`));
    expect(readCachedDataset(folder, KEY)!.roles[0]!.name).toBe(text);
    expect(readdirSync(folder)).toEqual([`${KEY}.json`]);
  });

  it('an entry edited, truncated, renamed or of the wrong shape is not used (review M1)', async () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    await writeCachedDataset(folder, KEY, tiny());
    const path = join(folder, `${KEY}.json`);
    const good = readFileSync(path, 'latin1');
    // One role renamed, the JSON still valid: the checksum no longer matches.
    writeFileSync(path, good.replace('A role', 'B role'));
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    writeFileSync(path, good.slice(0, -5));
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    writeFileSync(path, good.replace(/^careerpath-cache 3 \S+/, `careerpath-cache 3 ${'e'.repeat(64)}`));
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    // A well-formed entry with a correct checksum but no dataset in it.
    writeFileSync(path, entryText(KEY, { roles: 'x' } as unknown as Dataset));
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    // An entry of an older format (no header) is rebuilt, not misread.
    writeFileSync(path, JSON.stringify({ key: KEY, dataset: tiny() }));
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    writeFileSync(path, good);
    expect(readCachedDataset(folder, KEY)!.roles[0]!.name).toBe('A role');
  });

  it.runIf(hasMkfifo)('a FIFO in place of an entry is passed over at once, not waited on (review H12)', () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    mkdirSync(folder);
    spawnSync('mkfifo', [join(folder, `${KEY}.json`)]);
    const started = Date.now();
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.runIf(process.platform !== 'win32')('a link is never followed: to /dev/zero, or to a good entry elsewhere (review H12)', async () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    mkdirSync(folder);
    symlinkSync('/dev/zero', join(folder, `${KEY}.json`));
    const started = Date.now();
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    const elsewhere = join(dir, 'elsewhere');
    await writeCachedDataset(elsewhere, 'a'.repeat(64), tiny());
    symlinkSync(join(elsewhere, `${'a'.repeat(64)}.json`), join(folder, `${'a'.repeat(64)}.json`));
    expect(readCachedDataset(elsewhere, 'a'.repeat(64))).toBeDefined();
    expect(readCachedDataset(folder, 'a'.repeat(64))).toBeUndefined();
  });

  it('an entry over the size limit is neither read nor written', async () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    await writeCachedDataset(folder, KEY, tiny());
    // A good entry grown past the limit (sparse: the size is checked before reading).
    truncateSync(join(folder, `${KEY}.json`), MAX_ENTRY_BYTES + 1);
    expect(readCachedDataset(folder, KEY)).toBeUndefined();
    const huge = tiny('x'.repeat(MAX_ENTRY_BYTES));
    expect(await writeCachedDataset(folder, 'b'.repeat(64), huge)).toBeUndefined();
    expect(existsSync(join(folder, `${'b'.repeat(64)}.json`))).toBe(false);
  });

  it('guards its temp file against signals while it writes (review M3)', async () => {
    const { dir } = setup();
    const before = process.listenerCount('SIGTERM');
    const writing = writeCachedDataset(join(dir, 'c'), KEY, tiny());
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGQUIT')).toBeGreaterThan(0);
    await writing;
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('pruning (review M2, M3)', () => {
  const entryName = (n: number) => `${n.toString(16).padStart(64, '0')}.json`;

  it('keeps the folder to its budget, least recently used first; a hit counts as a use', async () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    mkdirSync(folder);
    const now = Date.now();
    for (let n = 1; n <= 5; n++) {
      writeFileSync(join(folder, entryName(n)), Buffer.alloc(1000));
      // Entry 1 is the oldest, entry 5 the newest.
      utimesSync(join(folder, entryName(n)), new Date(now - (10 - n) * 60_000), new Date(now - (10 - n) * 60_000));
    }
    pruneCache(folder, 3000, now);
    expect(readdirSync(folder).sort()).toEqual([entryName(3), entryName(4), entryName(5)]);
    // Reading entry 3 marks it used: it outlives entry 4 at the next prune.
    await writeCachedDataset(join(dir, 'other'), entryName(3).slice(0, 64), tiny());
    copyFileSync(join(dir, 'other', entryName(3)), join(folder, entryName(3)));
    utimesSync(join(folder, entryName(3)), new Date(now - 9 * 60_000), new Date(now - 9 * 60_000));
    expect(readCachedDataset(folder, entryName(3).slice(0, 64))).toBeDefined();
    pruneCache(folder, statSync(join(folder, entryName(3))).size + 1000, Date.now());
    expect(readdirSync(folder).sort()).toEqual([entryName(3), entryName(5)]);
  });

  it('removes temp files left by a killed writer (older than ten minutes), and nothing that is not its own', () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    mkdirSync(folder);
    const old = new Date(Date.now() - 11 * 60_000);
    const stale = `.${'a'.repeat(64)}.4242.18c2f.tmp`;
    const fresh = `.${'b'.repeat(64)}.4243.18c2f.tmp`;
    const staleOldFormat = `.${'c'.repeat(64)}.4244.tmp`;
    for (const name of [stale, fresh, staleOldFormat, 'notes.txt', 'old.json']) writeFileSync(join(folder, name), 'x');
    for (const name of [stale, staleOldFormat, 'notes.txt', 'old.json']) utimesSync(join(folder, name), old, old);
    mkdirSync(join(folder, entryName(9)));
    pruneCache(folder, 0);
    expect(readdirSync(folder).sort()).toEqual([fresh, entryName(9), 'notes.txt', 'old.json'].sort());
  });

  it('runs after each write (a stale temp file goes when the next entry is written)', async () => {
    expect(CACHE_BUDGET_BYTES).toBeGreaterThanOrEqual(4 * MAX_ENTRY_BYTES);
    const { dir } = setup();
    const folder = join(dir, 'c');
    mkdirSync(folder);
    const stale = `.${'a'.repeat(64)}.4242.18c2f.tmp`;
    writeFileSync(join(folder, stale), 'x');
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(join(folder, stale), old, old);
    await writeCachedDataset(folder, KEY, tiny());
    expect(readdirSync(folder)).toEqual([`${KEY}.json`]);
  });
});

describe('reading --data through the cache', () => {
  it('a second read comes from the cache; --no-cache and a damaged entry read the file, and the entry is rebuilt', async () => {
    const { dir, env, folder } = setup();
    const first = await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env });
    const [entry] = readdirSync(folder);
    expect(entry).toMatch(/^[0-9a-f]{64}\.json$/);
    const path = join(folder, entry!);
    const key = entry!.slice(0, 64);
    // Prove the next read uses the entry: change it behind the loader's back, with a valid checksum.
    const changed = structuredClone(first);
    changed.roles[0]!.name = 'Changed in the cache';
    writeFileSync(path, entryText(key, changed));
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).roles[0]!.name).toBe('Changed in the cache');
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env, cache: false })).roles[0]!.name).toBe(first.roles[0]!.name);
    // The same change without a matching checksum is not trusted, and the entry is written afresh.
    writeFileSync(path, readFileSync(path, 'latin1').replace('Changed in the cache', 'Changed by hand'));
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).roles[0]!.name).toBe(first.roles[0]!.name);
    expect(readCachedDataset(folder, key)!.roles[0]!.name).toBe(first.roles[0]!.name);
  });

  it('CAREERPATH_NO_CACHE=1 turns the cache off; 0, false or empty leave it on (review L5)', async () => {
    for (const [value, cached] of [
      ['1', false],
      ['yes', false],
      ['0', true],
      ['false', true],
      ['', true],
    ] as const) {
      const { dir, env, folder } = setup();
      await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env: { ...env, CAREERPATH_NO_CACHE: value } });
      expect(existsSync(folder), `CAREERPATH_NO_CACHE=${value}`).toBe(cached);
    }
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)('a read-only cache folder is used for hits and never an error', async () => {
    const { dir, env, folder } = setup();
    await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env });
    chmodSync(folder, 0o500);
    try {
      expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).meta.name).toBe('care fixture');
    } finally {
      chmodSync(folder, 0o700);
    }
  });
});
