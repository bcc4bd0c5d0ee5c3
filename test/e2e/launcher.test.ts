/**
 * The executable's loader (src/launch.cjs, built to dist/careerpath.js): on Node 20 it runs the
 * bundles through V8 code caches made by the build. A cache is only ever a speed-up: missing,
 * corrupt or stale, the CLI must print exactly what it prints with a good one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/spawn';

const nodeHasItsOwnCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const copies: string[] = [];
afterAll(() =>
  copies.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

/** A copy of the installed package (what the bin needs: package.json, bin/, dist/, data/). */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-launcher-'));
  copies.push(dir);
  for (const part of ['package.json', 'bin', 'dist', 'data']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

function runCopy(dir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CAREERPATH_DATA;
  const run = spawnSync(process.execPath, [join(dir, 'bin/careerpath.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 15_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const commands = [
  ['plan', '--from', 'care worker', '--to', 'registered manager'],
  // Reads a YAML file: loads the yaml and zod bundle, through its own cache (a small file, so the
  // test pays for loading the bundle, not for validating the shipped data).
  ['validate', 'test/fixtures/datasets/care.yaml'],
];

describe.skipIf(nodeHasItsOwnCache)('the code caches (Node 20)', () => {
  it('the build makes one for the CLI and one for the yaml and zod bundle', () => {
    expect(existsSync(join(ROOT, 'dist/cli.js.cache'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist/read-files.js.cache'))).toBe(true);
  });

  it('each cache names the Node that made it: only that Node uses it', () => {
    // V8 checks its own version, not Node's: Node 20.19.0 took caches made by 20.20.2 (the same
    // V8 11.3.244.8) and crashed. `.ci/run` runs the smoke tests on 20.19.0 against this build.
    const stamp = `careerpath code cache: Node ${process.version} ${process.arch} V8 ${process.versions.v8}`;
    for (const bundle of ['cli', 'read-files']) {
      const cache = readFileSync(join(ROOT, `dist/${bundle}.js.cache`));
      expect(cache.toString('latin1', 0, cache.indexOf(10))).toBe(stamp);
      expect(cache.length).toBeGreaterThan(stamp.length + 100_000);
    }
  });

  it('a corrupt cache changes nothing the CLI prints', () => {
    const dir = packageCopy();
    writeFileSync(join(dir, 'dist/cli.js.cache'), 'not a code cache');
    writeFileSync(join(dir, 'dist/read-files.js.cache'), Buffer.alloc(4096, 7));
    for (const args of commands) {
      const expected = runCli(args);
      expect(expected.code).toBe(0);
      expect(runCopy(dir, args)).toEqual(expected);
    }
  });

  it('with no caches at all, and with caches made for other code, it prints the same', () => {
    const dir = packageCopy();
    rmSync(join(dir, 'dist/cli.js.cache'));
    rmSync(join(dir, 'dist/read-files.js.cache'));
    expect(runCopy(dir, commands[0]!)).toEqual(runCli(commands[0]!));
    // Each bundle given the other's cache: V8 refuses a cache made for a different source.
    cpSync(join(ROOT, 'dist/read-files.js.cache'), join(dir, 'dist/cli.js.cache'));
    cpSync(join(ROOT, 'dist/cli.js.cache'), join(dir, 'dist/read-files.js.cache'));
    for (const args of commands) expect(runCopy(dir, args)).toEqual(runCli(args));
  });
});
