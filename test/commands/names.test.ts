import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo } from '../helpers/io';

async function run(args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('names on the shipped data, as plan, show, next and unlocks take them', () => {
  it('everyday titles and shortened words find the one entry they fit', async () => {
    const plan = JSON.parse((await run(['plan', '--from', 'HCA', '--to', 'mental health nurse', '--have', 'NVQ 3', '--json'])).stdout) as {
      from: { id: string };
      to: { id: string };
      have: { id: string }[];
    };
    expect([plan.from.id, plan.to.id, plan.have.map((q) => q.id)]).toEqual(['hcsw_band2', 'rn_mental_health', ['l3_dip_adult_care']]);
    const shown = await run(['show', 'senior healthcare support worker apprenticeship']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n')[0]).toBe('Senior Healthcare Support Worker apprenticeship (Level 3)');
    const next = await run(['next', 'home carer', '--json']);
    expect((JSON.parse(next.stdout) as { from: { id: string } }).from.id).toBe('domiciliary_care_worker');
    const unlocks = await run(['unlocks', 'QCF Level 2 Diploma in Health and Social Care', '--json']);
    expect((JSON.parse(unlocks.stdout) as { qualification: { id: string } }).qualification.id).toBe('l2_dip_care');
  });

  it('a name several roles share lists them and exits 2, in every command', async () => {
    for (const args of [
      ['plan', '--from', 'HCA', '--to', 'nurse'],
      ['next', 'nurse'],
      ['show', 'radiographer'],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/matches \d+ (roles|entries):\n {2}/);
    }
    const { stderr } = await run(['plan', '--from', 'HCA', '--to', 'nurse']);
    for (const field of [
      'Registered nurse (adult)',
      'Registered nurse (mental health)',
      'Registered nurse (learning disability)',
      "Registered nurse (children's)",
    ]) {
      expect(stderr).toContain(`\n  ${field}`);
    }
    expect(stderr).toContain('Type more of the name');
  });

  it('lists the first few of a long list and says how many more', async () => {
    const { code, stderr } = await run(['show', 'worker']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/"worker" \(NAME\) matches \d+ entries:(\n {2}[^\n]+){8}\n {2}… and \d+ more/);
  });
});
