import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { captureIo, fixture } from '../helpers/io';

async function roles(args: string[]) {
  // Wide enough that no name wraps: test/commands/width.test.ts is about fitting.
  const io = captureIo({ columns: 200 });
  const code = await main(['roles', '--data', fixture('care.yaml'), ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const names = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('│') && !l.includes('Role '))
    .map((l) => l.split('│')[1]!.trim());

describe('careerpath roles (handler, fixture data)', () => {
  it('lists every role, sorted by level then name, with a count', async () => {
    const { code, stdout } = await roles([]);
    expect(code).toBe(0);
    expect(names(stdout)).toEqual(['Activity coordinator', 'Care worker', 'Senior care worker', 'Team leader', 'Registered manager (indicative)']);
    expect(stdout.trim().endsWith('5 roles')).toBe(true);
  });

  it('filters by level and says when nothing matches', async () => {
    expect(names((await roles(['--level', '5'])).stdout)).toEqual(['Registered manager (indicative)']);
    expect((await roles(['--sector', 'nhs'])).stdout).toBe('No roles match. Try without --sector or --level.\n');
  });
});
