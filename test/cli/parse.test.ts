import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/cli';
import { main } from '../../src/main';
import { captureIo } from '../helpers/io';

function fakeHandlers(): Handlers {
  return {
    plan: vi.fn(async () => {}),
    roles: vi.fn(async () => {}),
    qualifications: vi.fn(async () => {}),
    next: vi.fn(async () => {}),
    unlocks: vi.fn(async () => {}),
    show: vi.fn(async () => {}),
    validate: vi.fn(async () => {}),
    schema: vi.fn(async () => {}),
    interactive: vi.fn(async () => {}),
    completion: vi.fn(async () => {}),
  };
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
      'plan',
      '--from',
      'care worker',
      '--to',
      'registered manager',
      '--have',
      'Level 3 Diploma in Adult Care',
      '--have',
      'care certificate',
      '--optimise',
      'time',
      '--data',
      'a.yaml',
      '--data',
      'b.yaml',
      '--no-color',
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
        cache: true,
        alternatives: 2,
        via: undefined,
        avoid: [],
        maxMonths: undefined,
        noDegree: false,
        earnWhileLearning: false,
        hoursPerWeek: undefined,
        monthsInRole: undefined,
      },
      expect.anything(),
    );
  });

  it('has defaults for everything but the roles', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b']);
    expect(handlers.plan).toHaveBeenCalledWith(
      {
        from: 'a',
        to: 'b',
        have: [],
        optimise: 'realistic',
        dataFiles: [],
        color: true,
        cache: true,
        alternatives: 2,
        via: undefined,
        avoid: [],
        maxMonths: undefined,
        noDegree: false,
        earnWhileLearning: false,
        hoursPerWeek: undefined,
        monthsInRole: undefined,
      },
      expect.anything(),
    );
  });

  it('parses the route constraints', async () => {
    const { handlers } = await run([
      'plan',
      '--from',
      'a',
      '--to',
      'b',
      '--alternatives',
      '3',
      '--via',
      'c',
      '--avoid',
      'd',
      '--avoid',
      'e',
      '--max-months',
      '48',
      '--no-degree',
      '--earn-while-learning',
      '--hours-per-week',
      '10',
      '--months-in-role',
      '24',
    ]);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0]).toMatchObject({
      alternatives: 3,
      via: 'c',
      avoid: ['d', 'e'],
      maxMonths: 48,
      noDegree: true,
      earnWhileLearning: true,
      hoursPerWeek: 10,
      monthsInRole: 24,
    });
    const none = await run(['plan', '--from', 'a', '--to', 'b', '--alternatives', '0']);
    expect(vi.mocked(none.handlers.plan).mock.calls[0]![0].alternatives).toBe(0);
    expect((await run(['plan', '--alternatives', 'three'])).code).toBe(2);
    expect((await run(['plan', '--max-months', '0'])).code).toBe(2);
  });

  it('--months-in-role takes a whole number of months from 0 to 600', async () => {
    for (const [typed, months] of [
      ['0', 0],
      ['600', 600],
      [' 18 ', 18],
    ] as const) {
      const { code, handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--months-in-role', typed]);
      expect(code).toBe(0);
      expect(vi.mocked(handlers.plan).mock.calls[0]![0].monthsInRole).toBe(months);
    }
    for (const typed of ['601', '-3', '1.5', '2y', '']) {
      const { code, io, handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--months-in-role', typed]);
      expect(code, typed).toBe(2);
      expect(io.stderr).toContain(`option '--months-in-role <n>' argument '${typed}' is invalid. expected a whole number from 0 to 600`);
      expect(handlers.plan).not.toHaveBeenCalled();
    }
  });

  it('passes --name and --review through as typed (the handler checks the date)', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--name', 'Sam Jones', '--review', '2027-06-01']);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0]).toMatchObject({ name: 'Sam Jones', review: '2027-06-01' });
    const without = await run(['plan', '--from', 'a', '--to', 'b']);
    expect(vi.mocked(without.handlers.plan).mock.calls[0]![0]).toMatchObject({ name: undefined, review: undefined });
  });

  it('accepts the American spelling --optimize', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--optimize', 'cost']);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0].optimise).toBe('cost');
  });

  // prettier-ignore
  it.each([
    [['plan', '--optimise', 'fastest'], /argument 'fastest' is invalid. Allowed choices are realistic, steps, time, cost\./],
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
    expect(handlers.roles).toHaveBeenCalledWith({ dataFiles: [], color: true, cache: true, sector: 'nhs', level: 4 }, expect.anything());
    expect((await run(['roles', '--level', '9'])).code).toBe(2);
    expect((await run(['roles', '--sector', 'hospital'])).code).toBe(2);
  });

  it('parses qualifications filters', async () => {
    const { code, handlers } = await run(['qualifications', '--level', '3', '--kind', 'diploma', '--json']);
    expect(code).toBe(0);
    expect(handlers.qualifications).toHaveBeenCalledWith(
      { dataFiles: [], color: true, cache: true, level: 3, kind: 'diploma', format: 'json' },
      expect.anything(),
    );
    expect((await run(['qualifications', '--level', '0'])).code).toBe(2);
    const badKind = await run(['qualifications', '--kind', 'nvq']);
    expect(badKind.code).toBe(2);
    expect(badKind.io.stderr).toMatch(/Allowed choices are induction, .*apprenticeship/);
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

describe('output options, show, validate and schema', () => {
  it('reads --format, --output and --force on plan, roles and show', async () => {
    const plan = await run(['plan', '--from', 'a', '--to', 'b', '--format', 'markdown', '--output', 'plan.md', '--force']);
    expect(plan.code).toBe(0);
    expect(vi.mocked(plan.handlers.plan).mock.calls[0]![0]).toMatchObject({ format: 'markdown', output: 'plan.md', force: true });
    const roles = await run(['roles', '-o', 'roles.json']);
    expect(vi.mocked(roles.handlers.roles).mock.calls[0]![0]).toMatchObject({ format: undefined, output: 'roles.json', force: undefined });
    const show = await run(['show', 'care worker', '--json', '--data', 'x.yaml']);
    expect(show.handlers.show).toHaveBeenCalledWith(
      { name: 'care worker', dataFiles: ['x.yaml'], color: true, cache: true, format: 'json', output: undefined, force: undefined },
      expect.anything(),
    );
  });

  it('--json is short for --format json, and the two cannot be combined', async () => {
    const { handlers } = await run(['plan', '--from', 'a', '--to', 'b', '--json']);
    expect(vi.mocked(handlers.plan).mock.calls[0]![0].format).toBe('json');
    const both = await run(['roles', '--json', '--format', 'table']);
    expect(both.code).toBe(2);
    expect(both.io.stderr).toContain("option '--json' cannot be used with option '--format <format>'");
  });

  // prettier-ignore
  it.each([
    [['plan', '--format', 'pdf'], /argument 'pdf' is invalid. Allowed choices are table, text, markdown, json, html\./],
    [['plan', '--output'], /option '-o, --output <file>' argument missing/],
    [['show'], /missing required argument 'name'/],
    [['schema', 'everything'], /value 'everything' is invalid for argument 'which'. Allowed choices are dataset, output/],
    [['validate', '--fromat', 'json'], /unknown option '--fromat'\n\(Did you mean --format\?\)/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, io } = await run(argv);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  it('validate takes any number of files and the output options', async () => {
    const none = await run(['validate']);
    expect(none.handlers.validate).toHaveBeenCalledWith({ files: [], color: true, format: undefined, output: undefined, force: undefined }, expect.anything());
    const some = await run(['validate', 'a.yaml', 'b.yaml', '--json', '--no-color']);
    expect(vi.mocked(some.handlers.validate).mock.calls[0]![0]).toMatchObject({ files: ['a.yaml', 'b.yaml'], format: 'json', color: false });
  });

  it('schema defaults to the dataset schema', async () => {
    expect((await run(['schema'])).handlers.schema).toHaveBeenCalledWith({ which: 'dataset' }, expect.anything());
    expect((await run(['schema', 'output'])).handlers.schema).toHaveBeenCalledWith({ which: 'output' }, expect.anything());
  });

  it('help lists the new commands and options', async () => {
    const { io } = await run(['--help']);
    for (const command of ['show [options] <name>', 'validate [options] [file...]', 'schema [which]']) expect(io.stdout).toContain(command);
    const plan = await run(['plan', '--help']);
    for (const option of ['--format <format>', '--json', '-o, --output <file>', '--force']) expect(plan.io.stdout).toContain(option);
  });
});

describe('global options and each command’s help', () => {
  it('takes --no-color, --data and --no-cache before the command as well as after it', async () => {
    const { code, handlers } = await run(['--no-color', '--data', 'a.yaml', 'plan', '--from', 'a', '--to', 'b', '--data', 'b.yaml', '--no-cache']);
    expect(code).toBe(0);
    expect(handlers.plan).toHaveBeenCalledWith(expect.objectContaining({ dataFiles: ['a.yaml', 'b.yaml'], color: false, cache: false }), expect.anything());
    const roles = await run(['--no-color', 'roles']);
    expect(roles.handlers.roles).toHaveBeenCalledWith(expect.objectContaining({ color: false, dataFiles: [] }), expect.anything());
  });

  it('validate takes its files as arguments: --data is refused with the fix', async () => {
    const { code, io, handlers } = await run(['validate', '--data', 'x.yaml']);
    expect(code).toBe(2);
    expect(handlers.validate).not.toHaveBeenCalled();
    expect(io.stderr).toContain('validate takes the files to check as arguments, not --data');
    expect(io.stderr).toContain('careerpath validate FILE');
  });

  it.each(['plan', 'interactive', 'roles', 'qualifications', 'next', 'unlocks', 'show', 'validate', 'schema'])(
    '%s --help ends with examples of that command',
    async (command) => {
      const { code, io } = await run([command, '--help']);
      expect(code).toBe(0);
      const examples = io.stdout.split('Examples:\n')[1] ?? '';
      const lines = examples.split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(new RegExp(`^  \\$ careerpath ${command}\\b`));
      // The global options are listed in each command's help.
      expect(io.stdout).toContain('--no-color');
    },
  );
});

describe('failures under --json', () => {
  it.each([
    [['plan', '--from', 'a', '--to', 'b', '--json', '--bogus'], 'usage', 2],
    [['roles', '--format', 'json', '--level', 'nine'], 'usage', 2],
  ])('%j prints an error document on stdout as well as the message on stderr', async (argv, code, exitCode) => {
    const { code: exit, io } = await run(argv as string[]);
    expect(exit).toBe(exitCode);
    expect(io.stderr).not.toBe('');
    expect(JSON.parse(io.stdout)).toMatchObject({ schemaVersion: 2, kind: 'error', code, exitCode });
  });

  it('prints nothing on stdout without --json', async () => {
    const { io } = await run(['plan', '--from', 'a', '--to', 'b', '--bogus']);
    expect(io.stdout).toBe('');
  });
});
