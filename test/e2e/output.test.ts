/** End-to-end: saving plans, JSON, show, validate, schema and overlays, through the built bin. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputJsonSchema } from '../../src/render/output-schema';
import { ROOT, runCli } from '../helpers/spawn';

const PLAN_MD = ['plan', '--from', 'care worker', '--to', 'registered manager', '--output', 'plan.md'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-e2e-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('plan --output', () => {
  it('writes plan.md, then refuses to overwrite it, then replaces it with --force', () => {
    const first = runCli(PLAN_MD, { cwd: dir });
    expect(first.stderr).toBe('Saved plan.md\n');
    expect(first.stdout).toBe('');
    expect(first.code).toBe(0);
    const doc = readFileSync(join(dir, 'plan.md'), 'utf8');
    expect(doc.split('\n')[0]).toBe('# Career plan: Care worker → Registered manager');
    for (const heading of [
      '## Summary',
      '## Steps',
      '## Qualifications checklist',
      '## Route map',
      '## Questions to ask at your next supervision',
      '## Sources',
    ]) {
      expect(doc).toContain(`\n${heading}\n`);
    }
    expect(doc).toMatch(/\n- \[ \] \*\*/);
    expect(doc).toContain('\n```mermaid\nflowchart TD\n');

    writeFileSync(join(dir, 'plan.md'), 'my supervision notes');
    const before = statSync(join(dir, 'plan.md')).mtimeMs;
    const second = runCli(PLAN_MD, { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('✗ plan.md already exists (use --force to overwrite it)');
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('my supervision notes');
    expect(statSync(join(dir, 'plan.md')).mtimeMs).toBe(before);

    const forced = runCli([...PLAN_MD, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(doc);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('a missing folder is a clear error naming the path, exit 1, nothing left behind', () => {
    const { code, stderr } = runCli(['plan', '--from', 'care worker', '--to', 'team leader', '-o', 'plans/plan.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('✗ cannot write plans/plan.md: the folder plans does not exist');
    expect(stderr).not.toMatch(/\.tmp/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file is never coloured, even when colour is forced', () => {
    const { code } = runCli(['plan', '--from', 'care worker', '--to', 'team leader', '-o', 'plan.txt'], {
      cwd: dir,
      env: { FORCE_COLOR: '1', NO_COLOR: undefined },
    });
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'plan.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('Care worker → Team leader');
    expect(text).not.toMatch(/\u001b\[/);
  });
});

/** The schema the build generated, as `careerpath schema output` prints it. */
const published = JSON.parse(runCli(['schema', 'output']).stdout);
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(published);

describe('--json output validates against the published schema', () => {
  it('`schema output` prints what the contract generates (the build wrote it from the same zod schemas)', () => {
    expect(published).toEqual(outputJsonSchema());
  });

  it.each([
    [['plan', '--from', 'care worker', '--to', 'registered manager', '--alternatives', '2', '--json']],
    [['roles', '--sector', 'nhs', '--json']],
    [['show', 'registered nurse', '--json']],
    [['show', 'level 3 diploma in adult care', '--format', 'json']],
    [['validate', '--json']],
  ])('%j', (argv) => {
    const { code, stdout, stderr } = runCli(argv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ok = validate(JSON.parse(stdout));
    expect(ok ? [] : validate.errors).toEqual([]);
  });
});

describe('conventions: -o - and failures under --json, from the bin', () => {
  it('-o - writes to standard output and creates no file called "-"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careerpath-dash-'));
    const { code, stdout, stderr } = runCli(['plan', '--from', 'care worker', '--to', 'team leader', '--format', 'markdown', '-o', '-'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Career plan: Care worker → Team leader/);
    expect(stderr).toBe('');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it.each([
    [['plan', '--from', 'nobody', '--to', 'registered manager', '--json'], 'usage', 2],
    [['plan', '--from', 'new to care', '--to', 'graduate', '--json'], 'failure', 1],
    [['plan', '--from', 'care worker', '--to', 'team leader', '--data', 'test/fixtures/datasets/overlay-bad.yaml', '--format', 'json'], 'dataset', 1],
    [['roles', '--json', '--sector', 'hospital'], 'usage', 2],
  ])('%j: an error document on stdout that the schema accepts, the message on stderr', (argv, code, exitCode) => {
    const run = runCli(argv as string[]);
    expect(run.code).toBe(exitCode);
    expect(run.stderr).not.toBe('');
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ kind: 'error', code, exitCode });
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    if (code === 'dataset') expect(json.problems[0]).toMatch(/overlay-bad\.yaml:\d+:\d+: /);
  });
});

describe('show, validate, schema and overlays from the bin', () => {
  it('show: an unknown name exits 2 with did-you-mean', () => {
    const { code, stderr } = runCli(['show', 'registred nurse']);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean "Registered nurse (adult)"');
  });

  it('validate: the shipped data is clean; a bad file lists problems with positions, exit 1', () => {
    const clean = runCli(['validate']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^✓ the shipped data valid: \d+ roles/);
    const bad = runCli(['validate', 'test/fixtures/datasets/overlay-bad.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^test\/fixtures\/datasets\/overlay-bad\.yaml:\d+:\d+: roles\[0\]\.id: there is no role "senior_care_workr"/);
  });

  it('schema prints the generated data/dataset.schema.json', () => {
    const { code, stdout } = runCli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(ROOT, 'data/dataset.schema.json'), 'utf8'));
  });

  it('CAREERPATH_DATA layers an employer overlay on the shipped data', () => {
    const env = { CAREERPATH_DATA: join(ROOT, 'test/fixtures/datasets/shipped-overlay.yaml') };
    const { code, stdout } = runCli(['plan', '--from', 'care worker', '--to', 'acme wellbeing champion'], { env });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Care worker → Acme wellbeing champion');
    expect(runCli(['plan', '--from', 'care worker', '--to', 'acme wellbeing champion']).code).toBe(2);
  });

  it('colour on roles and show only when forced onto a pipe, never with NO_COLOR', () => {
    for (const argv of [['roles'], ['show', 'care worker']]) {
      expect(runCli(argv, { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).toMatch(/\u001b\[/);
      expect(runCli(argv, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
      expect(runCli(argv, { env: { NO_COLOR: undefined } }).stdout).not.toMatch(/\u001b\[/);
    }
  });
});
