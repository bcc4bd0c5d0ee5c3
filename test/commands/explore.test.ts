/** `show`, `validate` and `schema` through the real handlers. */
import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../../src/domain/vocabulary';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  // Wide enough that no line wraps: these tests are about content; test/commands/width.test.ts about fitting.
  const io = captureIo({ env, columns: 400 });
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const show = (name: string, ...more: string[]) => run(['show', '--data', fixture('care.yaml'), name, ...more]);

describe('careerpath show', () => {
  it('shows a role in full: summary, facts, where it leads, what leads to it, sources', async () => {
    const { code, stdout, stderr } = await show('Key Worker');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'Senior care worker',
      'Role in adult social care, level 3',
      '',
      'Senior direct care.',
      '',
      'Also called   key worker',
      'Way in        usually reached from another role (see below)',
      'Registration  none recorded',
      'Pay           not in the sources',
      'Where         These facts are for England: registers, qualifications and funding differ in Wales, Scotland and Northern Ireland.',
      '',
      'Where it leads',
      '  - to Team leader (step up): needs Level 3 Diploma in Adult Care, 6–12 months in role',
      '',
      'What leads to it',
      '  - from Care worker (step up), 2 ways:',
      '      · Level 3 diploma: needs Level 3 Diploma in Adult Care, 6 months in role',
      '      · Apprenticeship: needs Lead adult care worker apprenticeship, 6 months in role',
      '',
      'Sources',
      '  1. Test fixture, careerpath tests',
      '',
    ]);
  });

  it('shows a qualification: duration, cost, funding, prerequisites, what it is part of, the moves it is needed for', async () => {
    const { code, stdout } = await show('l3');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Level 3 Diploma in Adult Care', 'Qualification: diploma, level 3']);
    expect(lines).toContain('Typical duration  12–18 months');
    expect(lines).toContain('Cost to you       not in the sources');
    expect(lines.slice(lines.indexOf('Funding'), lines.indexOf('Funding') + 3)).toEqual([
      'Funding',
      '  - Employer-funded: Paid by the employer.',
      '  - Advanced Learner Loan: A loan for learners aged 19 and over.',
    ]);
    expect(lines).toContain('Part of           Lead adult care worker apprenticeship');
    expect(lines).toContain('Needed before     Level 5 Diploma in Leading and Managing an Adult Care Service');
    expect(lines).toContain('  - Care worker → Senior care worker (step up; Level 3 diploma)');
  });

  it('marks low-confidence entries as indicative', async () => {
    expect((await show('registered manager')).stdout.split('\n')[0]).toBe('Registered manager (indicative)');
  });

  it('shows what the regulator checks and when the qualification must be held', async () => {
    expect((await show('registered manager')).stdout.split('\n')).toContain(
      'Registration  Care Quality Commission (CQC) (required). They check: fitness to manage the service. You can register while still working towards the qualification.',
    );
  });

  it('an unknown name exits 2 with the nearest names', async () => {
    const { code, stdout, stderr } = await show('senoir care worker');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('✗ unknown role or qualification "senoir care worker" (NAME). Did you mean "Senior care worker"');
  });

  it('--format markdown and --json', async () => {
    const markdown = (await show('care worker', '--format', 'markdown')).stdout;
    expect(markdown.split('\n').slice(0, 3)).toEqual(['# Care worker', '', 'Role in adult social care, level 2']);
    expect(markdown).toContain('## Where it leads');
    expect(markdown).toContain('- **Way in:** an entry role: you can start here with no earlier role');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('From the dataset “care fixture”, version 1.0.0 (updated 23 November 2026).');
    const json = JSON.parse((await show('care certificate', '--json')).stdout);
    expect(json).toMatchObject({ kind: 'qualification', qualification: { id: 'care_cert', cost: { min: 0, max: 0, note: null } } });
  });

  it('shows pay with its year on the shipped data', async () => {
    const { code, stdout } = await run(['show', 'care worker']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Pay +£\d+\.\d\d an hour \([^)]*\d{4}[^)]*\)/m);
    // Each source: title <url>, publisher (who stands behind it), and any caveat on what it can be trusted for.
    const kind = (id: keyof typeof SOURCE_KINDS) => SOURCE_KINDS[id].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(stdout).toMatch(new RegExp(`^ {2}\\d+\\. .+ <https?://\\S+>, .+ \\(${kind('official')}\\)$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^ {2}\\d+\\. .+ <https?://\\S+>, .+ \\(${kind('press')}\\)\\. Caveat: .+$`, 'm'));
  });
});

describe('careerpath validate', () => {
  it('with no files checks the shipped data: one line, exit 0', async () => {
    const { code, stdout, stderr } = await run(['validate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ the shipped data valid: \d+ roles, \d+ qualifications, \d+ moves, \d+ funding routes, \d+ sources\n$/);
  });

  it('checks the files given, layered like --data', async () => {
    const { code, stdout } = await run(['validate', fixture('care.yaml'), fixture('care-overlay.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${fixture('care.yaml')}, ${fixture('care-overlay.yaml')} valid: 6 roles, 5 qualifications, 5 moves, 2 funding routes, 2 sources\n`);
  });

  it('lists every problem with file:line:column on stdout, exit 1', async () => {
    const { code, stdout, stderr } = await run(['validate', fixture('bad-refs.yaml')]);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'test/fixtures/datasets/bad-refs.yaml:6:10: roles[1].id: duplicate id "a" (first defined at test/fixtures/datasets/bad-refs.yaml roles[0])',
      'test/fixtures/datasets/bad-refs.yaml:7:42: roles[2].level: Too big: expected number to be <=8',
      'test/fixtures/datasets/bad-refs.yaml:9:19: transitions[0].to: unknown role "cto"',
      'test/fixtures/datasets/bad-refs.yaml:9:55: transitions[0].routes[0].requires[0]: unknown qualification "pmp"',
    ]);
    expect(stderr).toContain('✗ test/fixtures/datasets/bad-refs.yaml: 4 problems');
  });

  it('reports YAML syntax errors the same way', async () => {
    const { code, stdout } = await run(['validate', fixture('syntax-error.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^test\/fixtures\/datasets\/syntax-error\.yaml:\d+:\d+: /);
  });

  it('--json gives the problems as data, still exit 1', async () => {
    const { code, stdout } = await run(['validate', '--json', fixture('bad-refs.yaml')]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ kind: 'validation', valid: false, files: [fixture('bad-refs.yaml')], counts: null });
    expect(json.problems[2]).toEqual({
      file: fixture('bad-refs.yaml'),
      line: 9,
      column: 19,
      path: 'transitions[0].to',
      message: 'unknown role "cto"',
    });
  });

  it('without files, CAREERPATH_DATA is what is checked', async () => {
    const { code, stdout } = await run(['validate'], { CAREERPATH_DATA: fixture('care.yaml') });
    expect(code).toBe(0);
    expect(stdout).toContain(`✓ ${fixture('care.yaml')} valid: 5 roles`);
  });

  it('a missing file names the path, exit 1', async () => {
    const { code, stdout, stderr } = await run(['validate', 'nope.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('nope.yaml: file not found (a relative path starts from the current folder)\n');
    expect(stderr).toContain('✗ nope.yaml: 1 problem');
  });
});

describe('careerpath schema', () => {
  it('prints the dataset JSON Schema the build generated', async () => {
    const { code, stdout } = await run(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.title).toMatch(/^careerpath dataset/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['dataset', 'overlay', 'roles', 'qualifications', 'transitions']));
  });

  it('prints the output schema with `schema output`', async () => {
    const { code, stdout } = await run(['schema', 'output']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.title).toBe('careerpath JSON output (schemaVersion 2)');
    expect(schema.$defs.plan.properties.schemaVersion).toMatchObject({ const: 2 });
  });
});
