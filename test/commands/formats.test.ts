/** --format, --json and --output through the real handlers, on fixture data. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

const CARE = resolve(fixture('care.yaml'));
const PLAN = ['plan', '--data', CARE, '--from', 'care worker', '--to', 'registered manager'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-formats-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo({ env, cwd: dir });
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('plan formats', () => {
  it('--format markdown prints the document on stdout', async () => {
    const { code, stdout, stderr } = await run([...PLAN, '--format', 'markdown']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# Career plan: Care worker → Registered manager');
    expect(stdout).toMatch(/^Prepared on \d{1,2} [A-Z][a-z]+ \d{4} with careerpath \d+\.\d+\.\d+, from the dataset “care fixture”, version 1\.0\.0/m);
    expect(stdout).toContain('```mermaid\nflowchart TD\n');
  });

  it('--json and --format json print the same JSON', async () => {
    const a = await run([...PLAN, '--json']);
    const b = await run([...PLAN, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.optimise).toBe('realistic');
    expect(json.best.reasons).toEqual(['realistic']);
    expect(json.best.checklist.map((q: { id: string }) => q.id)).toEqual(['l3', 'l5']);
    // A cost with unknown parts is null, never a "£0" lower bound; the known part is kept apart.
    expect(json.best.totals).toMatchObject({
      months: { min: 36, max: 54 },
      typicalMonths: 45,
      cost: null,
      knownCost: { min: 0, max: 0 },
      costComplete: false,
      unknownCost: ['l3', 'l5'],
    });
    expect(json.best.gates).toEqual([
      {
        step: 3,
        role: { id: 'registered_manager', name: 'Registered manager' },
        body: 'Care Quality Commission (CQC)',
        required: true,
        checks: 'fitness to manage the service',
        qualification: 'working-towards',
        approval: null,
        sources: ['FIX'],
      },
    ]);
    expect(json.best.steps[0].experience).toEqual({ before: null, alongside: { min: 6, max: 6 }, unknown: null, served: null });
  });

  it('--json with --format is a usage error', async () => {
    const { code, stderr } = await run([...PLAN, '--json', '--format', 'markdown']);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--json' cannot be used with option '--format <format>'");
  });

  it.each([
    ['plan.md', /^# Career plan/],
    ['plan.markdown', /^# Career plan/],
    ['PLAN.JSON', /^\{\n {2}"schemaVersion": 2,/],
    ['plan.txt', /^Care worker → Registered manager\n/],
  ])('--output %s picks the format from the extension', async (name, start) => {
    const { code, stdout, stderr } = await run([...PLAN, '--output', name], { FORCE_COLOR: '1' });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Saved ${name}\n`);
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text).toMatch(start);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('--format wins over the extension', async () => {
    await run([...PLAN, '--output', 'plan.md', '--format', 'json']);
    expect(JSON.parse(readFileSync(join(dir, 'plan.md'), 'utf8')).kind).toBe('plan');
  });

  it('refuses to overwrite without --force, and replaces with it', async () => {
    writeFileSync(join(dir, 'plan.md'), 'my notes');
    const refused = await run([...PLAN, '-o', 'plan.md']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('✗ plan.md already exists (use --force to overwrite it)');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('my notes');
    const forced = await run([...PLAN, '-o', 'plan.md', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toMatch(/^# Career plan/);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('writes nothing when the plan fails', async () => {
    const { code } = await run(['plan', '--data', CARE, '--from', 'registered manager', '--to', 'care worker', '-o', 'plan.md']);
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'plan.md'))).toBe(false);
  });
});

describe('roles formats', () => {
  it('--json lists the roles with the filter', async () => {
    const { code, stdout } = await run(['roles', '--data', CARE, '--level', '3', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ schemaVersion: 2, kind: 'roles', filter: { sector: null, level: 3 }, count: 2 });
    expect(json.roles.map((r: { id: string }) => r.id)).toEqual(['senior_care_worker', 'team_leader']);
  });

  it('--format markdown is a table', async () => {
    const { stdout } = await run(['roles', '--data', CARE, '--format', 'markdown']);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      '# Roles',
      '',
      'From the dataset “care fixture”, version 1.0.0.',
      '',
      '| Role | Sector | Level / band | Registration |',
      '| --- | --- | --- | --- |',
    ]);
    expect(stdout).toContain('| Registered manager (indicative) | Adult social care | level 5 | Care Quality Commission (CQC) (required) |');
    expect(stdout).toContain('| Team leader | Adult social care | level 3 | — |');
  });
});

describe('colour', () => {
  it('only in a table on a terminal; never with NO_COLOR or --no-color; never in Markdown or JSON', async () => {
    const tty = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      const io = captureIo({ env, cwd: dir, stdoutIsTTY: true });
      await main(argv, io);
      return io.stdout;
    };
    const roles = ['roles', '--data', CARE];
    expect(await tty(roles)).toMatch(/\u001b\[/);
    expect(await tty(roles, { NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
    expect(await tty([...roles, '--no-color'])).not.toMatch(/\u001b\[/);
    expect((await run(roles)).stdout).not.toMatch(/\u001b\[/);
    expect(await tty([...PLAN, '--format', 'markdown'])).not.toMatch(/\u001b\[/);
    expect(await tty([...PLAN, '--json'])).not.toMatch(/\u001b\[/);
    expect(await tty(['show', '--data', CARE, 'care worker'])).toMatch(/\u001b\[/);
    expect(await tty(['show', '--data', CARE, 'care worker'], { NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
  });
});

describe('layered data: --data overlays and CAREERPATH_DATA', () => {
  const OVERLAY = resolve(fixture('care-overlay.yaml'));

  it('an overlay adds a local role and patches another', async () => {
    const { code, stdout } = await run(['plan', '--data', CARE, '--data', OVERLAY, '--from', 'care worker', '--to', 'wellbeing champion', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.dataset.overlays).toEqual(['Acme Care local roles']);
    expect(json.best.steps.map((s: { routeName: string }) => s.routeName)).toEqual(['Acme wellbeing programme']);
    expect(json.sources.map((s: { id: string }) => s.id)).toContain('ACME');
    expect((await run(['plan', '--data', CARE, '--data', OVERLAY, '--from', 'senior carer', '--to', 'team leader'])).code).toBe(0);
  });

  it('CAREERPATH_DATA layers files like --data, below the --data ones', async () => {
    const env = { CAREERPATH_DATA: ['', CARE, OVERLAY].join(process.platform === 'win32' ? ';' : ':') };
    expect((await run(['show', 'wellbeing champion'], env)).code).toBe(0);
    const { stdout } = await run(['roles', '--json'], env);
    expect(JSON.parse(stdout).count).toBe(6);
  });

  it('an overlay on its own goes on top of the shipped data', async () => {
    const { code, stdout } = await run(['show', 'acme wellbeing champion', '--data', resolve(fixture('shipped-overlay.yaml')), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).leadsFrom.map((m: { role: { id: string } }) => m.role.id)).toEqual(['care_worker']);
  });

  it('overlay problems are listed with file:line:column, exit 1', async () => {
    const bad = fixture('overlay-bad.yaml');
    const io = captureIo();
    const code = await main(['roles', '--data', fixture('care.yaml'), '--data', bad], io);
    expect(code).toBe(1);
    expect(io.stderr.split('\n').filter((l) => l.startsWith('test/'))).toEqual([
      `${bad}:5:9: roles[0].id: there is no role "senior_care_workr" below this overlay to change, so this is a new role and needs "name", "sector", "summary" and "sources" (or did you mean to change "senior_care_worker"?)`,
      `${bad}:8:12: roles[1].levle: unknown field "levle" (check the spelling; \`careerpath schema\` lists the fields)`,
      // The overlay's route joins an up move, so it must state its experience like any other.
      `${bad}:13:9: transitions[0].routes[0]: an up route must state its experience: "experienceMonths" (alongside study), "experienceBeforeMonths" (before the course), or "experienceUnknown" with why no source gives it`,
      `${bad}:14:20: transitions[0].routes[0].requires[0]: unknown qualification "nope"`,
    ]);
    expect(io.stderr).toContain('✗ the dataset is not valid (4 problems)');
  });

  it('a file with neither header cannot be layered', async () => {
    const neither = join(dir, 'local.yaml');
    writeFileSync(neither, 'roles: []\n');
    const { code, stderr } = await run(['roles', '--data', neither]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${neither}:1:1: no "overlay:" or "dataset:" header`);
    expect(stderr).toContain('✗ the data files cannot be layered (1 problem)');
  });
});

describe('--format text: the linear layout for screen readers and plain terminals', () => {
  const BOX = /[─│┌┐└┘├┤┬┴┼]/;

  it('a plan is numbered step paragraphs in reading order, with no box drawing', async () => {
    const { code, stdout, stderr } = await run([...PLAN, '--format', 'text']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(BOX);
    const steps = stdout.split('\n').filter((line) => /^Step \d+: /.test(line));
    expect(steps.length).toBeGreaterThan(0);
    steps.forEach((line, i) => {
      expect(line).toMatch(new RegExp(`^Step ${i + 1}: .+ to .+\\.$`));
    });
    for (const label of ['How:', 'Qualifications to gain:', 'Time:', 'Funding:']) expect(stdout).toContain(`  ${label} `);
  });

  it.each([['roles'], ['qualifications']])('%s is one line per entry, no grid', async (command) => {
    const { code, stdout } = await run([command, '--data', CARE, '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(BOX);
    expect(stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^\\d+ ${command.replace(/s$/, '')}s?\\.$`));
  });

  it('CAREERPATH_FORMAT=text makes it the default; --format and an output extension still win', async () => {
    const text = await run(PLAN, { CAREERPATH_FORMAT: 'text' });
    expect(text.stdout).toMatch(/^Step 1: /m);
    expect(text.stdout).not.toMatch(BOX);
    const table = await run([...PLAN, '--format', 'table'], { CAREERPATH_FORMAT: 'text' });
    expect(table.stdout).toMatch(BOX);
    const json = await run([...PLAN, '--json'], { CAREERPATH_FORMAT: 'text' });
    expect(JSON.parse(json.stdout).kind).toBe('plan');
  });

  it('CAREERPATH_FORMAT with another value is a usage error that says what to set', async () => {
    const { code, stderr } = await run(PLAN, { CAREERPATH_FORMAT: 'braille' });
    expect(code).toBe(2);
    expect(stderr).toContain('CAREERPATH_FORMAT is "braille"');
    expect(stderr).toContain('Set it to text or table');
  });

  it('--output plan.txt saves the text layout', async () => {
    const { code } = await run([...PLAN, '-o', 'plan.txt']);
    expect(code).toBe(0);
    const saved = readFileSync(join(dir, 'plan.txt'), 'utf8');
    expect(saved).toMatch(/^Step 1: /m);
    expect(saved).not.toMatch(BOX);
  });
});

describe('--name and --review: the plan document’s own fields', () => {
  it('fill the Markdown plan', async () => {
    const { stdout } = await run([...PLAN, '--format', 'markdown', '--name', 'Sam Jones', '--review', '2028-02-29']);
    expect(stdout).toContain('- **Name:** Sam Jones\n');
    expect(stdout).toContain('- **Review date:** 29 February 2028\n');
  });

  it.each([['2027-13-01'], ['2027-06-31'], ['1/6/2027'], ['next year'], ['']])('--review %j is a usage error with an example', async (review) => {
    const { code, stderr } = await run([...PLAN, '--format', 'markdown', '--review', review]);
    expect(code).toBe(2);
    expect(stderr).toContain(`✗ --review "${review}" is not a date written YYYY-MM-DD`);
    expect(stderr).toContain('Example: --review 2027-06-01 for 1 June 2027.');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--format html: the printable personal development plan', () => {
  it('prints one HTML page on stdout, with the name and review date given', async () => {
    const { code, stdout, stderr } = await run([...PLAN, '--format', 'html', '--name', 'Sam <Jones>', '--review', '2027-06-01']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">\n/);
    expect(stdout).toContain('<th scope="row">Name</th><td>Sam &lt;Jones&gt;</td>');
    expect(stdout).toContain('<th scope="row">Review date</th><td colspan="3">1 June 2027</td>');
    expect(stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it.each([['plan.html'], ['PLAN.HTM']])('--output %s saves HTML', async (name) => {
    const { code, stderr } = await run([...PLAN, '--output', name]);
    expect(code).toBe(0);
    expect(stderr).toBe(`Saved ${name}\n`);
    expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it.each([
    [['roles', '--data', CARE, '--format', 'html']],
    [['qualifications', '--data', CARE, '--format', 'html']],
    [['show', 'care worker', '--data', CARE, '--format', 'html']],
    [['next', 'care worker', '--data', CARE, '--format', 'html']],
    [['unlocks', 'level 3 diploma in adult care', '--data', CARE, '--format', 'html']],
    [['validate', CARE, '--format', 'html']],
  ])('%j is a usage error, from the parser, that names the command that can', async (argv) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "option '--format <format>' argument 'html' is invalid. Only `careerpath plan` can make an HTML page; allowed choices here are table, text, markdown, json.",
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--output roles.html is a usage error that names the command that can', async () => {
    const { code, stdout, stderr } = await run(['roles', '--data', CARE, '-o', 'roles.html']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('✗ --output roles.html: only `careerpath plan` can make an HTML page');
    expect(stderr).toContain('Here use --format markdown, text, table or json');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});
