/**
 * `plan --months-in-role` through the real handler on the social work fixture: what the table,
 * the Markdown and the JSON say about months already served, and a --via role that leads nowhere.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

async function plan(args: string[]) {
  // Wide enough that no line wraps but the table's own cells.
  const io = captureIo({ columns: 400 });
  const code = await main(['plan', '--data', fixture('social-work.yaml'), ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const amhp = ['--from', 'social worker', '--to', 'AMHP'];
const principal = ['--from', 'social worker', '--to', 'principal social worker'];

describe('plan --months-in-role (handler, fixture data)', () => {
  it('table: the first step counts the months served, says what they met, and the summary says it once', async () => {
    const before = await plan(amhp);
    expect(before.stdout.split('\n')[1]).toMatch(/^1 step · 24 months \(2 years\) · /);
    expect(before.stdout).not.toContain('Already served');
    const { code, stdout, stderr } = await plan([...amhp, '--months-in-role', '24']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^1 step · 12 months · /);
    expect(lines[2]).toBe("Already served: 24 months as Social worker, counted towards step 1's time in post");
    expect(stdout.match(/Already served/g)).toHaveLength(1);
    // The time cell, one short line at a time in its column.
    const time = lines.filter((l) => l.startsWith('│')).map((l) => l.split('│')[4]!.trim());
    expect(time.filter(Boolean).join(' ')).toBe('Time 12 months (12 months in post first: met by your 24 months)');
    expect(stdout).toContain('  - Experience: 12 months in post before the course starts: met by your 24 months\n');
  });

  it('text: the step says the same in a sentence', async () => {
    const { stdout } = await plan([...amhp, '--months-in-role', '6', '--format', 'text']);
    expect(stdout).toContain('  Time: 18 months (12 months in post first: 6 months more after your 6 months).');
  });

  it('counts on the first step only: the later step keeps its full time in role', async () => {
    const { stdout } = await plan([...principal, '--months-in-role', '30', '--format', 'text']);
    expect(stdout.split('\n')[1]).toMatch(/^2 steps · 24 months \(2 years\) · /);
    expect(stdout).toContain('  Time: 0 months (24 months in role: met by your 30 months).');
    expect(stdout).toContain('  Time: 24 months (24 months in role).');
  });

  it('markdown: the summary, the time in the steps table, and no question about time already served', async () => {
    const { code, stdout } = await plan([...amhp, '--months-in-role', '24', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain("- **Already served:** 24 months as Social worker, counted towards step 1's time in post\n");
    expect(stdout).toContain('| 12 months (12 months in post before the course starts: met by your 24 months) |');
    expect(stdout).not.toContain('when would I be eligible to apply?');
    const partly = await plan([...amhp, '--months-in-role', '4', '--format', 'markdown']);
    expect(partly.stdout).toContain('usually needs 8 months more in post before it starts: when would I be eligible to apply?');
  });

  it('json: the request’s months and what each step counted', async () => {
    const { code, stdout } = await plan([...principal, '--months-in-role', '30', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.monthsInRole).toBe(30);
    expect(json.best.steps.map((s: { experience: { served: unknown } }) => s.experience.served)).toEqual([
      { months: 30, before: null, alongside: { min: 0, max: 0 } },
      null,
    ]);
    expect(json.best.totals.months).toEqual({ min: 24, max: 24 });
    expect(JSON.parse((await plan([...principal, '--json'])).stdout).monthsInRole).toBeNull();
  });

  it.each([['-1'], ['601'], ['2.5'], ['two years']])('--months-in-role %s is a usage error (exit 2) that says what is allowed', async (value) => {
    const { code, stdout, stderr } = await plan([...amhp, '--months-in-role', value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('expected a whole number from 0 to 600');
  });
});

describe('plan --via a role that leads nowhere (handler, fixture data)', () => {
  it('says nothing leads on from it, that the goal can be reached without it, and never lists the goal as reachable', async () => {
    const { code, stdout, stderr } = await plan([...principal, '--via', 'AMHP']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      '✗ no route from Social worker to Principal social worker: nothing in the dataset leads on from Approved mental health professional, the role the route must pass through',
    );
    expect(stderr).toContain('Principal social worker can be reached without --via.');
    const closest = stderr.split('\n').find((l) => l.startsWith('Closest roles you can reach'));
    expect(closest).toBe('Closest roles you can reach: Senior social worker, Approved mental health professional.');
  });
});
