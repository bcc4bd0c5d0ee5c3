import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/cli';
import { main } from '../../src/main';
import { captureIo } from '../helpers/io';

function fakeHandlers(): Handlers {
  return { plan: vi.fn(async () => {}), roles: vi.fn(async () => {}), next: vi.fn(async () => {}), unlocks: vi.fn(async () => {}) };
}

async function run(argv: string[]) {
  const handlers = fakeHandlers();
  const io = captureIo();
  const code = await main(argv, io, handlers);
  return { code, io, handlers };
}

describe('option parsing', () => {
  it('turns plan flags into typed options', async () => {
    const { code, handlers } = await run([
      'plan', '--from', 'care worker', '--to', 'registered manager',
      '--have', 'Level 3 Diploma in Adult Care', '--have', 'care certificate',
      '--optimise', 'time', '--data', 'a.yaml', '--data', 'b.yaml', '--no-color',
    ]);
    expect(code).toBe(0);
    expect(handlers.plan).toHaveBeenCalledWith(
      {
        from: 'care worker',
        to: 'registered manager',
        have: ['Level 3 Diploma in Adult Care', 'care certificate'],
        optimise: 'time',
        dataFiles: ['a.yaml', 'b.yaml'],
        color: false,
        alternatives: 0,
        via: undefined,
        avoid: [],
        maxMonths: undefined,
        noDegree: false,
        earnWhileLearning: false,
        hoursPerWeek: undefined,
      },
      expect.anything(),
    );
  });

  it('has defaults for everything but the roles', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b']);
    expect(handlers.plan).toHaveBeenCalledWith(
      {
        from: 'a', to: 'b', have: [], optimise: 'steps', dataFiles: [], color: true,
        alternatives: 0, via: undefined, avoid: [], maxMonths: undefined, noDegree: false, earnWhileLearning: false, hoursPerWeek: undefined,
      },
      expect.anything(),
    );
  });

  it('parses the route constraints', async () => {
    const { handlers } = await run([
      'plan', '--from', 'a', '--to', 'b', '--alternatives', '3', '--via', 'c', '--avoid', 'd', '--avoid', 'e',
      '--max-months', '48', '--no-degree', '--earn-while-learning', '--hours-per-week', '10',
    ]);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0]).toMatchObject({
      alternatives: 3, via: 'c', avoid: ['d', 'e'], maxMonths: 48, noDegree: true, earnWhileLearning: true, hoursPerWeek: 10,
    });
    expect((await run(['plan', '--alternatives', 'three'])).code).toBe(2);
    expect((await run(['plan', '--max-months', '0'])).code).toBe(2);
  });

  it('accepts the American spelling --optimize', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--optimize', 'cost']);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0].optimise).toBe('cost');
  });

  // prettier-ignore
  it.each([
    [['plan', '--optimise', 'fastest'], /argument 'fastest' is invalid. Allowed choices are steps, time, cost/],
    [['plan', '--fromm', 'x'], /unknown option '--fromm'\n\(Did you mean --from\?\)/],
    [['plna'], /unknown command 'plna'\n\(Did you mean plan\?\)/],
    [['plan', '--from'], /option '--from <role>' argument missing/],
  ])('%j is a usage error (exit 2) with a helpful message', async (argv, message) => {
    const { code, io, handlers } = await run(argv);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(handlers.plan).not.toHaveBeenCalled();
  });

  it('parses roles filters', async () => {
    const { code, handlers } = await run(['roles', '--sector', 'nhs', '--level', '4']);
    expect(code).toBe(0);
    expect(handlers.roles).toHaveBeenCalledWith({ dataFiles: [], color: true, sector: 'nhs', level: 4 }, expect.anything());
    expect((await run(['roles', '--level', '9'])).code).toBe(2);
    expect((await run(['roles', '--sector', 'hospital'])).code).toBe(2);
  });

  it('prints help with examples on stdout and exits 0', async () => {
    const { code, io } = await run(['--help']);
    expect(code).toBe(0);
    expect(io.stdout).toContain('Usage: careerpath');
    expect(io.stdout).toContain('$ careerpath plan --from "care worker" --to "registered manager"');
  });

  it('prints the version from package.json', async () => {
    const { code, io } = await run(['--version']);
    expect(code).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('with no command, prints help on stderr and exits 2', async () => {
    const { code, io } = await run([]);
    expect(code).toBe(2);
    expect(io.stderr).toContain('Usage: careerpath');
  });
});
