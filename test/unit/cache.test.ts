import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { MAX_FILE_BYTES } from '../../src/dataset/limits';
import { cacheFolder, cacheKey, readCachedDataset, writeCachedDataset } from '../../src/dataset/cache';
import { readDataset } from '../../src/dataset/load';
import { fixture } from '../helpers/io';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-cache-'));
  copyFileSync(fixture('care.yaml'), join(dir, 'care.yaml'));
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  return { dir, env, folder: cacheFolder(env) };
}

describe('the --data cache', () => {
  it('keys on the bytes, the file names and the schema version', () => {
    const { dir } = setup();
    const key = cacheKey(['care.yaml'], dir, undefined, 1);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(['care.yaml'], dir, undefined, 2)).not.toBe(key);
    expect(cacheKey(['care.yaml'], dir, new Uint8Array([1]), 1)).not.toBe(key);
    writeFileSync(join(dir, 'care.yaml'), `${readFileSync(join(dir, 'care.yaml'), 'utf8')}\n# edited\n`);
    expect(cacheKey(['care.yaml'], dir, undefined, 1)).not.toBe(key);
    expect(cacheKey(['missing.yaml'], dir, undefined, 1)).toBeUndefined();
    expect(cacheKey(['.'], dir, undefined, 1)).toBeUndefined();
  });

  it('lives in $XDG_CACHE_HOME/careerpath, or ~/.cache/careerpath when that is unset or not an absolute path', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/careerpath');
    for (const env of [{}, { XDG_CACHE_HOME: '' }, { XDG_CACHE_HOME: 'relative/cache' }]) {
      expect(cacheFolder(env)).toBe(join(homedir(), '.cache', 'careerpath'));
    }
  });

  it('never keys a file over the size limit (the reader then reports it)', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    expect(cacheKey(['huge.yaml'], dir, undefined, 1)).toBeUndefined();
    writeFileSync(join(dir, 'limit.yaml'), Buffer.alloc(MAX_FILE_BYTES, 0x61));
    expect(cacheKey(['limit.yaml'], dir, undefined, 1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes every byte of a file bigger than its read buffer', () => {
    const { dir } = setup();
    // 64 KiB chunks: a byte changed in the third chunk, or one more byte at the end, is a new key.
    const big = Buffer.alloc(200_000, 0x61);
    writeFileSync(join(dir, 'big.yaml'), big);
    const key = cacheKey(['big.yaml'], dir, undefined, 1);
    big[150_000] = 0x62;
    writeFileSync(join(dir, 'big.yaml'), big);
    const changed = cacheKey(['big.yaml'], dir, undefined, 1);
    writeFileSync(join(dir, 'big.yaml'), Buffer.concat([big, Buffer.from('a')]));
    expect(new Set([key, changed, cacheKey(['big.yaml'], dir, undefined, 1)]).size).toBe(3);
    // The same as hashing the whole file at once.
    const whole = createHash('sha256');
    whole
      .update('careerpath-cache 2 schema 1\0')
      .update(new Uint8Array())
      .update('\0big.yaml\0')
      .update(Buffer.concat([big, Buffer.from('a')]));
    expect(cacheKey(['big.yaml'], dir, undefined, 1)).toBe(whole.digest('hex'));
  });

  it('stores entries as plain ASCII and reads back every character exactly', () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    const text = 'Cost £1,200–£3,000 · café 😀 \u2028 end';
    writeCachedDataset(folder, 'f'.repeat(64), { roles: [{ name: text }] } as never);
    const bytes = readFileSync(join(folder, `${'f'.repeat(64)}.json`));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(readCachedDataset(folder, 'f'.repeat(64))!.roles[0]!.name).toBe(text);
  });

  it('a second read comes from the cache; --no-cache and a corrupt entry read the file', async () => {
    const { dir, env, folder } = setup();
    const first = await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env });
    const [entry] = readdirSync(folder);
    expect(entry).toMatch(/^[0-9a-f]{64}\.json$/);
    // Prove the next read uses the entry: change it behind the loader's back.
    const path = join(folder, entry!);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    stored.dataset.roles[0].name = 'Changed in the cache';
    writeFileSync(path, JSON.stringify(stored));
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).roles[0]!.name).toBe('Changed in the cache');
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env, cache: false })).roles[0]!.name).toBe(first.roles[0]!.name);
    writeFileSync(path, '{"key": "trunc');
    expect((await readDataset({ dataFiles: ['care.yaml'], cwd: dir, env })).roles[0]!.name).toBe(first.roles[0]!.name);
    expect(JSON.parse(readFileSync(path, 'utf8')).dataset.roles[0].name).toBe(first.roles[0]!.name);
  });

  it('an entry under another key, or an unwritable folder, is never an error', () => {
    const { dir } = setup();
    const folder = join(dir, 'c');
    writeCachedDataset(folder, 'a'.repeat(64), { roles: [] } as never);
    writeFileSync(join(folder, `${'b'.repeat(64)}.json`), readFileSync(join(folder, `${'a'.repeat(64)}.json`)));
    expect(readCachedDataset(folder, 'b'.repeat(64))).toBeUndefined();
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const readOnly = join(dir, 'ro');
    writeCachedDataset(readOnly, 'c'.repeat(64), { roles: [] } as never);
    chmodSync(readOnly, 0o500);
    expect(() => writeCachedDataset(join(readOnly, 'deeper'), 'd'.repeat(64), { roles: [] } as never)).not.toThrow();
    expect(() => writeCachedDataset(join(dir, 'care.yaml', 'x'), 'e'.repeat(64), { roles: [] } as never)).not.toThrow();
  });
});
