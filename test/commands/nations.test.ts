import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { nationsNote, nationsText } from '../../src/render/format';
import { captureIo, fixture } from '../helpers/io';

async function run(args: string[]) {
  const io = captureIo({ columns: 400 });
  const code = await main(args[0] === 'validate' ? args : [...args, '--no-cache'], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const WALES = fixture('wales-overlay.yaml');

describe('the nations facts hold for', () => {
  it('names them in plain words, with the nations that differ', () => {
    expect(nationsText(['england'])).toBe('England');
    expect(nationsText(['england', 'wales', 'scotland'])).toBe('England, Wales and Scotland');
    expect(nationsNote(['england'])).toBe('These facts are for England: registers, qualifications and funding differ in Wales, Scotland and Northern Ireland.');
    expect(nationsNote(['england', 'wales', 'scotland', 'northern-ireland'])).toBe('These facts are for England, Wales, Scotland and Northern Ireland.');
  });

  it('a plan, its Markdown and its JSON say the shipped facts are for England', async () => {
    const args = ['plan', '--from', 'care worker', '--to', 'senior care worker'];
    const table = await run(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('These facts are for England: registers, qualifications and funding differ in Wales');
    const markdown = await run([...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain('- **Where:** These facts are for England');
    const json = JSON.parse((await run([...args, '--json'])).stdout) as { nations: string[] };
    expect(json.nations).toEqual(['england']);
  });

  it('`show` says which nation a role or qualification is for', async () => {
    const role = await run(['show', 'care worker']);
    expect(role.stdout).toMatch(/^Where +These facts are for England:/m);
    const qualification = JSON.parse((await run(['show', 'level 3 diploma in adult care', '--json'])).stdout) as { qualification: { nations: string[] } };
    expect(qualification.qualification.nations).toEqual(['england']);
  });

  it('a nation overlay validates on the shipped data, and plans through it name both nations', async () => {
    const validated = await run(['validate', WALES]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    const role = await run(['show', 'adult care home worker', '--data', WALES]);
    expect(role.stdout).toMatch(/^Where +These facts are for Wales: registers, qualifications and funding differ in England, Scotland and Northern Ireland\./m);
    expect(role.stdout).toContain('Social Care Wales');
    const plan = JSON.parse((await run(['plan', '--data', WALES, '--from', 'adult care home worker', '--to', 'senior care worker', '--json'])).stdout) as {
      nations: string[];
      best: { steps: { qualifications: { id: string }[] }[] };
    };
    expect(plan.nations).toEqual(['england', 'wales']);
    expect(plan.best.steps[0]!.qualifications.map((g) => g.id)).toEqual(['hsc_core_l2_wales', 'hsc_practice_adults_l2_wales']);
  });

  it('an unknown nation is refused where it is written', async () => {
    const { code, stdout } = await run(['validate', fixture('wales-bad-nation.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/wales-bad-nation\.yaml:\d+:\d+: roles\[0\]\.nations\[0\]: .*"england".*"wales".*"scotland".*"northern-ireland"/);
  });
});
