/**
 * End-to-end smoke tests of the built bin/careerpath.js on a chosen Node: CAREERPATH_TEST_NODE (a
 * node binary; default: the one running the tests). `.ci/run` runs this file again under Node 22
 * and 24 with CAREERPATH_TEST_NODE_MAJOR set, so that a run that quietly used another Node fails.
 * Successful commands must print nothing on stderr: a newer Node's deprecation warnings go there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/spawn';

const NODE = process.env.CAREERPATH_TEST_NODE ?? process.execPath;
const MAJOR = process.env.CAREERPATH_TEST_NODE_MAJOR;
const HEADLINE = ['plan', '--from', 'care worker', '--to', 'registered manager'];

const temps: string[] = [];
afterAll(() =>
  temps.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-smoke-'));
  temps.push(dir);
  return dir;
}

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.CAREERPATH_DATA;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const result = spawnSync(NODE, args, { cwd: options.cwd ?? ROOT, env, input: '', encoding: 'utf8', timeout: 15_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const careerpath = (args: string[], options?: Parameters<typeof run>[1]) => run([BIN, ...args], options);

/** Whether `version` is in package.json's `engines` range, written as "^20.19.0 || >=23.5.0". */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) => v.split('.').map(Number) as [number, number, number];
  const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const have = parse(version);
  return range.split('||').some((part) => {
    const [, op, wanted] = /^\s*(\^|>=)(\d+\.\d+\.\d+)\s*$/.exec(part) ?? [];
    if (!op || !wanted) throw new Error(`engines range "${part.trim()}" is not ^x.y.z or >=x.y.z`);
    const floor = parse(wanted);
    return compare(have, floor) >= 0 && (op === '>=' || have[0] === floor[0]);
  });
}

const version = run(['-p', 'process.versions.node']).stdout.trim();

describe(`the CLI on Node ${version}`, () => {
  it('runs on the Node asked for, one that package.json supports', () => {
    console.log(`smoke tests: ${NODE} is Node ${version}`);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    if (MAJOR) expect(version.split('.')[0]).toBe(MAJOR);
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
    expect(satisfies(version, engines), `Node ${version} is outside engines "${engines}"`).toBe(true);
  });

  it('plans the headline route', () => {
    const { code, stdout, stderr } = careerpath(HEADLINE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Care worker → Registered manager');
    expect(stdout).toMatch(/^4 steps · usually about /m);
  });

  it('--json gives the plan as data', () => {
    const { code, stdout, stderr } = careerpath([...HEADLINE, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.schemaVersion).toBe(2);
    expect(plan.best.path.map((role: { name: string }) => role.name)).toEqual([
      'Care worker',
      'Senior care worker',
      'Team leader',
      'Deputy manager',
      'Registered manager',
    ]);
  });

  it('--output saves the plan to a file', () => {
    const dir = tempDir();
    const { code, stdout, stderr } = careerpath([...HEADLINE, '--output', 'plan.md'], { cwd: dir });
    expect(stderr).toBe('Saved plan.md\n');
    expect(stdout).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(['plan.md']);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8').split('\n')[0]).toBe('# Career plan: Care worker → Registered manager');
  });

  it('validate reads the shipped YAML (the yaml and zod bundle)', () => {
    const { code, stdout, stderr } = careerpath(['validate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ the shipped data valid: \d+ roles, /);
  });

  it("the questionnaire's bundle (inquirer) loads with no warning", () => {
    const { code, stdout, stderr } = run(['-e', 'console.log(Object.keys(require(process.argv[1])).length > 0)', join(ROOT, 'dist/prompts.js')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('true\n');
  });

  it('a broken --data file is a clear error with its line and column, exit 1, no stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'roles: [\n');
    const { code, stdout, stderr } = careerpath([...HEADLINE, '--data', 'bad.yaml', '--output', 'plan.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^bad\.yaml:2:1: .+\n✗ could not read the dataset \(1 problem\)\n/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  // Node 22 and later cache compiled code themselves once src/launch.cjs turns it on (Node 20 has
  // the build's V8 caches instead: test/e2e/launcher.test.ts). With no NODE_COMPILE_CACHE, Node
  // keeps it in the temp folder, here one of the test's own.
  const hasCompileCache = run(['-p', "typeof require('node:module').enableCompileCache"]).stdout.trim() === 'function';
  it.skipIf(!hasCompileCache)("fills the runtime's own compile cache, and prints the same from it", () => {
    const temp = tempDir();
    const env = { TMPDIR: temp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined };
    const first = careerpath(HEADLINE, { env });
    const cache = join(temp, 'node-compile-cache');
    expect(existsSync(cache)).toBe(true);
    const [versionDir] = readdirSync(cache);
    expect(versionDir).toMatch(new RegExp(`^v${version.replaceAll('.', '\\.')}-`));
    const entries = readdirSync(join(cache, versionDir!)).map((name) => statSync(join(cache, versionDir!, name)).size);
    // The CLI bundle's entry is tens of KB.
    expect(Math.max(...entries)).toBeGreaterThan(10_000);
    const second = careerpath(HEADLINE, { env });
    expect(second).toEqual(first);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
  });
});
