/** End-to-end: the built bin, as a user runs it. `npm test` builds first. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/spawn';

const version = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).version;

describe('bin/careerpath.js', () => {
  it('--version prints the package version', () => {
    const { code, stdout } = runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('--help lists the commands and examples', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('plan [options]');
    expect(stdout).toContain('Examples:');
  });

  it('plans care worker → registered manager on the shipped data, via a Level 5 diploma', () => {
    const args = ['plan', '--from', 'care worker', '--to', 'registered manager'];
    // A terminal wide enough that the summary is one line.
    const { code, stdout, stderr } = runCli(args, { env: { COLUMNS: '400' } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Care worker → Registered manager');
    // Ranked as most realistic by default, with the usual time first and the range after it.
    expect(stdout.split('\n')[1]).toMatch(/^4 steps · usually about .+ \(\d+–\d+ months\).* · cost to you .+\(ranked by: most realistic\)$/);
    // The Level 5 diploma is gained directly or inside the Leader in Adult Care apprenticeship.
    expect(stdout).toMatch(/\[ \] .*Level 5 Diploma in (Leading and Managing an Adult Care Service|Leadership and Management for Adult Care)/);
    // The CQC registration is a gate to pass before the last step, not a qualification.
    expect(stdout).toContain('\nBefore you start each step\n');
    expect(stdout).toMatch(/^Step 4, Deputy manager → Registered manager:\n {2}- Registration gate: Register with Care Quality Commission \(CQC\)/m);
    // The usual way up: through each Care Workforce Pathway category, none skipped.
    const json = JSON.parse(runCli([...args, '--json']).stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.best.path.map((role: { name: string }) => role.name)).toEqual([
      'Care worker',
      'Senior care worker',
      'Team leader',
      'Deputy manager',
      'Registered manager',
    ]);
  });

  it('--have "level 3 diploma in adult care" changes the shipped plan and is never listed or counted', () => {
    const args = ['plan', '--from', 'care worker', '--to', 'registered manager'];
    const wide = { env: { COLUMNS: '400' } };
    const before = runCli(args, wide).stdout;
    const after = runCli([...args, '--have', 'level 3 diploma in adult care'], wide);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Already held, not counted: Level 3 Diploma in Adult Care');
    expect(after.stdout).not.toContain('[ ] Level 3 Diploma in Adult Care');
    // Nor is it gained again inside an apprenticeship that includes it, when a route with nothing new to gain is as quick.
    expect(after.stdout).not.toContain('[ ] Lead Adult Care Worker apprenticeship');
    const summary = (text: string) => text.split('\n')[1];
    expect(summary(after.stdout)).not.toBe(summary(before));
  });

  it('--months-in-role counts Grace’s two years as a social worker towards AMHP; a bad value exits 2', () => {
    const args = ['plan', '--from', 'social worker', '--to', 'amhp'];
    const wide = { env: { COLUMNS: '400' } };
    expect(runCli(args, wide).stdout.split('\n')[1]).toMatch(/^1 step · usually about 21 months \(18–24 months\) · /);
    const { code, stdout, stderr } = runCli([...args, '--months-in-role', '24'], wide);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toMatch(/^1 step · usually about 9 months \(6–12 months\) · /);
    expect(stdout).toContain("Already served: 24 months as Social worker, counted towards step 1's time in post");
    expect(stdout).toContain('Experience: 12 months in post before the course starts: met by your 24 months');
    expect(JSON.parse(runCli([...args, '--months-in-role', '24', '--json']).stdout).best.steps[0].experience.served).toEqual({
      months: 24,
      before: { min: 0, max: 0 },
      alongside: null,
    });
    const bad = runCli([...args, '--months-in-role', 'two years']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--months-in-role <n>' argument 'two years' is invalid. expected a whole number from 0 to 600");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('--via a role nothing leads on from says so, and never lists the goal as reachable', () => {
    // On a fixture: the shipped data may gain moves out of AMHP.
    const args = ['plan', '--data', 'test/fixtures/datasets/social-work.yaml', '--from', 'Social worker', '--to', 'Principal social worker', '--via', 'AMHP'];
    const { code, stdout, stderr } = runCli(args, { env: { COLUMNS: '400' } });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('nothing in the dataset leads on from Approved mental health professional');
    expect(stderr).toContain('Principal social worker can be reached without --via.');
    expect(stderr).not.toMatch(/Closest roles you can reach:.*Principal social worker/);
  });

  it('a malformed --data file exits 1 with file:line:column and no stack trace', () => {
    const { code, stdout, stderr } = runCli(['plan', '--from', 'a', '--to', 'b', '--data', 'test/fixtures/datasets/syntax-error.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^test\/fixtures\/datasets\/syntax-error\.yaml:\d+:\d+: /m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing --data file names the path, exit 1', () => {
    const { code, stderr } = runCli(['plan', '--from', 'a', '--to', 'b', '--data', 'missing.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.yaml: file not found');
  });

  it('an unknown role exits 2 and suggests the nearest names', () => {
    const { code, stderr } = runCli(['plan', '--from', 'regsitered manager', '--to', 'care worker']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown role "regsitered manager" (--from). Did you mean "Registered manager"');
  });

  it('a bad option is a usage error, exit 2', () => {
    const { code, stderr } = runCli(['plan', '--optimise', 'fastest']);
    expect(code).toBe(2);
    expect(stderr).toContain("argument 'fastest' is invalid");
  });

  it('colour only when forced onto a pipe, and never with NO_COLOR', () => {
    const args = ['plan', '--from', 'care worker', '--to', 'senior care worker'];
    expect(runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).toMatch(/\u001b\[/);
    expect(runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(args, { env: { NO_COLOR: undefined } }).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('bin/careerpath.js next and unlocks', () => {
  it('next lists the moves open from a role, in every format', () => {
    const table = runCli(['next', 'senior care worker', '--have', 'level 3 diploma in adult care']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Where you can go from Senior care worker');
    expect(table.stdout).toMatch(/Team leader — no new qualification needed/);
    const json = JSON.parse(runCli(['next', 'senior care worker', '--json']).stdout);
    expect(json.kind).toBe('next');
    expect(runCli(['next', 'senior care worker', '--format', 'markdown']).stdout).toMatch(/^# Where you can go from Senior care worker/);
  });

  it('unlocks lists what a qualification opens; an unknown name exits 2', () => {
    const { code, stdout } = runCli(['unlocks', 'level 3 diploma in health and social care']);
    expect(code).toBe(0);
    expect(stdout).toContain('What Level 3 Diploma in Adult Care opens');
    expect(runCli(['unlocks', 'level 9 diploma']).code).toBe(2);
  });
});
