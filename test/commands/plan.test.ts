import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

async function plan(args: string[], env: NodeJS.ProcessEnv = {}) {
  // Wide enough that no line wraps: these tests are about content; test/commands/width.test.ts about fitting.
  const io = captureIo({ env, columns: 400 });
  const code = await main(['plan', '--data', fixture('care.yaml'), ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('careerpath plan (handler, fixture data)', () => {
  it('prints a summary, a steps table and a checklist', async () => {
    const { code, stdout, stderr } = await plan(['--from', 'care worker', '--to', 'registered manager']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Care worker → Registered manager');
    expect(lines[1]).toBe(
      '3 steps · usually about 4 years (36–54 months) · cost to you not known (2 not in the sources) · indicative  (ranked by: most realistic)',
    );
    expect(stdout).toMatch(/│ 1 +│ Care worker → Senior care worker +│ Level 3 Diploma in Adult Care/);
    expect(stdout).toContain('Qualifications to gain, in order');
    expect(stdout).toContain(
      '  1. [ ] Level 3 Diploma in Adult Care — level 3; 12–18 months; cost to you unknown; funding: Employer-funded, Advanced Learner Loan',
    );
    expect(stdout).toContain('  2. [ ] Level 5 Diploma in Leading and Managing an Adult Care Service — level 5; 18–24 months');
    // The registered role's gate is shown before the step that passes through it.
    expect(stdout).toContain(
      '\nBefore you start each step\nStep 3, Team leader → Registered manager:\n' +
        '  - Registration gate: Register with Care Quality Commission (CQC). They check: fitness to manage the service. ' +
        'You can register while still working towards the qualification.\n',
    );
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('--have removes a qualification from the plan and the totals', async () => {
    const without = await plan(['--from', 'care worker', '--to', 'registered manager']);
    const withL3 = await plan(['--from', 'care worker', '--to', 'registered manager', '--have', 'LEVEL 3 diploma in adult care']);
    expect(withL3.code).toBe(0);
    expect(without.stdout).toContain('[ ] Level 3 Diploma in Adult Care');
    expect(withL3.stdout).not.toContain('[ ] Level 3 Diploma in Adult Care');
    expect(withL3.stdout).toContain('Already held, not counted: Level 3 Diploma in Adult Care');
    expect(withL3.stdout.split('\n')[1]).toMatch(/^3 steps · usually about 3 years \(30–42 months\) · cost to you not known \(1 not in the sources\)/);
  });

  it('matches names, aliases and ids in any case and spelling of separators', async () => {
    for (const from of ['Care Worker', 'care-worker', 'care_worker', 'CARE ASSISTANT']) {
      const { code, stdout } = await plan(['--from', from, '--to', 'key worker']);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe('Care worker → Senior care worker');
    }
  });

  it('an unknown role exits 2 and suggests the nearest names', async () => {
    const { code, stdout, stderr } = await plan(['--from', 'care wroker', '--to', 'registered manager']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('✗ unknown role "care wroker" (--from). Did you mean "Care worker"?');
    expect(stderr).toContain('careerpath roles');
  });

  it('an unknown qualification exits 2 with suggestions', async () => {
    const { code, stderr } = await plan(['--from', 'care worker', '--to', 'team leader', '--have', 'level 3 diplomma in adult care']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown qualification "level 3 diplomma in adult care" (--have). Did you mean "Level 3 Diploma in Adult Care"');
  });

  it('takes the one entry whose words start with the words typed, as the questionnaire does', async () => {
    const unique = await plan(['--from', 'care worker', '--to', 'team lead', '--have', 'level 3 diploma', '--json']);
    expect(unique.code).toBe(0);
    const json = JSON.parse(unique.stdout) as { from: { id: string }; to: { id: string }; have: { id: string }[] };
    expect([json.from.id, json.to.id, json.have.map((q) => q.id)]).toEqual(['care_worker', 'team_leader', ['l3']]);
  });

  it('a name several entries share exits 2 and lists them, rather than guessing', async () => {
    const { code, stdout, stderr } = await plan(['--from', 'care worker', '--to', 'team leader', '--have', 'diploma']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"diploma" (--have) matches 3 qualifications:\n  Level 2 Diploma in Care\n  Level 3 Diploma in Adult Care\n  Level 5 Diploma');
    expect(stderr).toContain('careerpath qualifications');
  });

  it('no route exits 1 and names what can be reached', async () => {
    const { code, stderr } = await plan(['--from', 'registered manager', '--to', 'care worker']);
    expect(code).toBe(1);
    expect(stderr).toContain('✗ no route from Registered manager to Care worker');
    const reachable = await plan(['--from', 'activity coordinator', '--to', 'key worker', '--have', 'care certificate']);
    expect(reachable.code).toBe(0);
  });

  it('the same role as start and goal is a usage error', async () => {
    const { code, stderr } = await plan(['--from', 'care worker', '--to', 'care assistant']);
    expect(code).toBe(2);
    expect(stderr).toContain('--from and --to are both "Care worker"');
  });

  it('missing --from/--to is a usage error with an example', async () => {
    const { code, stderr } = await plan(['--to', 'team leader']);
    expect(code).toBe(2);
    expect(stderr).toContain('✗ plan needs --from');
    expect(stderr).toContain('Example: careerpath plan --from');
  });

  it('colours only when asked by the terminal, never with NO_COLOR or --no-color', async () => {
    const args = ['--from', 'care worker', '--to', 'team leader'];
    expect((await plan(args, { FORCE_COLOR: '1' })).stdout).toMatch(/\u001b\[1m/);
    expect((await plan(args, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(/\u001b\[/);
    expect((await plan([...args, '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('careerpath plan with a bad --data file', () => {
  it('a YAML syntax error gives file:line:column and exit 1', async () => {
    const io = captureIo();
    const code = await main(['plan', '--from', 'a', '--to', 'b', '--data', fixture('syntax-error.yaml')], io);
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/^test\/fixtures\/datasets\/syntax-error\.yaml:\d+:\d+: /);
    expect(io.stderr).toContain('✗ could not read the dataset (1 problem)');
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });

  it('schema and reference problems are all listed with positions', async () => {
    const io = captureIo();
    const code = await main(['plan', '--from', 'a', '--to', 'b', '--data', fixture('bad-refs.yaml')], io);
    expect(code).toBe(1);
    expect(io.stderr.split('\n').filter((l) => l.startsWith('test/fixtures/'))).toEqual([
      'test/fixtures/datasets/bad-refs.yaml:6:10: roles[1].id: duplicate id "a" (first defined at test/fixtures/datasets/bad-refs.yaml roles[0])',
      'test/fixtures/datasets/bad-refs.yaml:7:42: roles[2].level: Too big: expected number to be <=8',
      'test/fixtures/datasets/bad-refs.yaml:9:19: transitions[0].to: unknown role "cto"',
      'test/fixtures/datasets/bad-refs.yaml:9:55: transitions[0].routes[0].requires[0]: unknown qualification "pmp"',
    ]);
    expect(io.stderr).toContain('✗ the dataset is not valid (4 problems)');
  });

  it('a missing file names the path', async () => {
    const io = captureIo();
    const code = await main(['plan', '--from', 'a', '--to', 'b', '--data', 'no/such/file.yaml'], io);
    expect(code).toBe(1);
    expect(io.stderr).toContain('no/such/file.yaml: file not found');
    expect(io.stderr).toContain('✗ could not read the dataset (1 problem)');
  });
});

describe('careerpath plan: alternatives, waypoints and constraints (fixture data)', () => {
  it('--alternatives lists the next best distinct routes after the best, each with why it is shown; 2 by default', async () => {
    const { code, stdout } = await plan(['--from', 'care worker', '--to', 'senior care worker', '--alternatives', '2']);
    expect(code).toBe(0);
    const alternatives =
      '\nAlternatives\n2. cheapest: 1 step · 18 months · cost to you £0\n   Care worker → Senior care worker\n   gain: Lead adult care worker apprenticeship\n';
    expect(stdout).toContain(alternatives);
    expect((await plan(['--from', 'care worker', '--to', 'senior care worker'])).stdout).toContain(alternatives);
    expect((await plan(['--from', 'care worker', '--to', 'senior care worker', '--alternatives', '0'])).stdout).not.toContain('Alternatives');
  });

  it('--avoid a qualification takes the other route; --avoid a role that is the only way is no route, with the blocker named', async () => {
    const avoided = await plan(['--from', 'care worker', '--to', 'senior care worker', '--avoid', 'level 3 diploma in adult care']);
    expect(avoided.stdout).toContain('[ ] Lead adult care worker apprenticeship');
    const blocked = await plan(['--from', 'care worker', '--to', 'registered manager', '--avoid', 'team leader']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(
      '✗ no route from Care worker to Registered manager: every route to Registered manager is blocked under avoiding Team leader',
    );
    expect(blocked.stderr).toContain('Senior care worker → Team leader: Team leader is excluded by --avoid');
  });

  it('--earn-while-learning keeps only work-based qualifications', async () => {
    const { stdout } = await plan(['--from', 'care worker', '--to', 'senior care worker', '--earn-while-learning', '--optimise', 'time']);
    expect(stdout).toContain('Conditions: only routes you can do while working');
    expect(stdout).toContain('[ ] Level 3 Diploma in Adult Care'); // employer-funded counts as in work
  });

  it('--max-months too small names the closest roles and what blocks the rest', async () => {
    const { code, stderr } = await plan(['--from', 'care worker', '--to', 'registered manager', '--max-months', '20']);
    expect(code).toBe(1);
    expect(stderr).toContain('Closest roles you can reach: Senior care worker.');
    expect(stderr).toContain('  Senior care worker → Team leader: would take the route past 20 months');
    expect(stderr).toContain('would take the route past 20 months');
  });

  it('--via forces a waypoint', async () => {
    const { code, stdout } = await plan(['--from', 'activity coordinator', '--to', 'team leader', '--via', 'senior care worker', '--have', 'care certificate']);
    expect(code).toBe(0);
    expect(stdout).toContain('Conditions: through Senior care worker');
  });

  it('--hours-per-week adds a finish-date range', async () => {
    const { stdout } = await plan(['--from', 'care worker', '--to', 'senior care worker', '--hours-per-week', '8']);
    expect(stdout).toMatch(/^Finish (between \w+ \d{4} and \w+ \d{4}|around \w+ \d{4}) at 8 hours of study a week$/m);
  });
});
