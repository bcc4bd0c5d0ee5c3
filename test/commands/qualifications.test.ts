import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

async function run(args: string[], columns?: number) {
  const io = captureIo(columns === undefined ? {} : { columns });
  const code = await main(['qualifications', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('careerpath qualifications', () => {
  it('lists the fixture qualifications by kind and level, with what else each is called', async () => {
    const { code, stdout, stderr } = await run(['--data', fixture('care.yaml'), '--no-cache']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const names = [...stdout.matchAll(/^│ (Care Certificate|Level \d Diploma|Lead adult care worker)/gm)].map((m) => m[1]);
    expect(names).toEqual(['Care Certificate', 'Level 2 Diploma', 'Level 3 Diploma', 'Level 5 Diploma', 'Lead adult care worker']);
    expect(stdout).toMatch(/\d+ qualifications\.\nUse any name or “also called” name with --have/);
  });

  it('filters by level and kind; nothing matching says how to widen it', async () => {
    const json = JSON.parse((await run(['--level', '3', '--kind', 'diploma', '--json'])).stdout) as {
      kind: string;
      filter: { level: number; kind: string };
      count: number;
      qualifications: { id: string; level: number; kind: string; aliases: string[]; nations: string[] }[];
    };
    expect(json.kind).toBe('qualifications');
    expect(json.filter).toEqual({ level: 3, kind: 'diploma' });
    expect(json.count).toBe(json.qualifications.length);
    expect(json.qualifications.every((q) => q.level === 3 && q.kind === 'diploma')).toBe(true);
    const l3 = json.qualifications.find((q) => q.id === 'l3_dip_adult_care');
    expect(l3?.aliases).toEqual(expect.arrayContaining(['NVQ 3', 'Level 3 Diploma in Health and Social Care']));
    expect(l3?.nations).toEqual(['england']);
    const none = await run(['--level', '8', '--kind', 'cpd']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No qualifications match. Try without --level or --kind.\n');
  });

  it('leaves entry requirements out unless asked for', async () => {
    const all = JSON.parse((await run(['--json'])).stdout) as { qualifications: { kind: string }[] };
    expect(all.qualifications.some((q) => q.kind === 'requirement')).toBe(false);
    const requirements = JSON.parse((await run(['--kind', 'requirement', '--json'])).stdout) as { qualifications: { id: string }[] };
    expect(requirements.qualifications.map((q) => q.id)).toContain('level3_entry');
  });

  it('fits the terminal width, wrapping names at word boundaries', async () => {
    for (const columns of [60, 80, 120]) {
      const { stdout } = await run(['--kind', 'apprenticeship'], columns);
      const widest = Math.max(...stdout.split('\n').map((line) => [...line].length));
      expect(widest, `${columns} columns`).toBeLessThanOrEqual(columns);
      expect(stdout).not.toMatch(/[a-z]│\s*$/m);
    }
  });

  it('writes Markdown with every other name', async () => {
    const { stdout } = await run(['--level', '2', '--format', 'markdown']);
    expect(stdout).toMatch(/^# Qualifications\n\nFrom the dataset “.*”, version .*\. The facts are for England\./);
    expect(stdout).toContain('| Level 2 Diploma in Care | diploma | 2 |');
    expect(stdout).toMatch(/NVQ 2/);
  });
});
