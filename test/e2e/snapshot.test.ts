/**
 * The fast path for the shipped data: the build's snapshot (dist/dataset.json, with its prose in
 * dist/prose.json) is exactly what the YAML loader makes of data/*.yaml, and `careerpath plan` on
 * it never loads the yaml and zod bundle; a --data file loads it once, and not again while its
 * cache entry stands.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../../src/dataset/snapshot';
import { readShippedYaml } from '../../src/dataset/read-files';
import { SCHEMA_VERSION } from '../../src/domain/schema';
import { ROOT, runCli } from '../helpers/spawn';

describe('the shipped snapshot', () => {
  it('is what the YAML loader makes of data/*.yaml, field for field', () => {
    const snapshot = readSnapshot();
    expect(snapshot).toBeDefined();
    expect(snapshot).toEqual(readShippedYaml());
  });

  it('is read only under the schema version it was made with (load.ts keeps the number without importing zod)', () => {
    expect(SNAPSHOT_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });
});

describe('what a command loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-loads-'));
  // Logs every module request naming our yaml+zod bundle, yaml or zod, as the CLI makes it.
  const hook = join(dir, 'trace.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/read-files|(^|[\\\\/])(yaml|zod)([\\\\/]|$)/.test(request)) process.stderr.write('LOADED ' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
  );
  const env = { NODE_OPTIONS: `--require ${hook}`, XDG_CACHE_HOME: join(dir, 'cache') };
  const loaded = (args: string[]) => {
    const run = runCli(args, { env });
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
    return run.stderr.split('\n').filter((line) => line.startsWith('LOADED'));
  };

  it('plan on the shipped data, and --help, load neither yaml nor zod', () => {
    expect(loaded(['plan', '--from', 'care worker', '--to', 'registered manager'])).toEqual([]);
    expect(loaded(['--help'])).toEqual([]);
  });

  it('a --data file loads them the first time, and not while its cache entry stands', () => {
    const data = join(ROOT, 'test/fixtures/datasets/care.yaml');
    const args = ['plan', '--data', data, '--from', 'care worker', '--to', 'senior care worker'];
    expect(loaded(args)).toEqual(['LOADED ./read-files.js']);
    expect(loaded(args)).toEqual([]);
    expect(loaded([...args, '--no-cache'])).toEqual(['LOADED ./read-files.js']);
  });
});
