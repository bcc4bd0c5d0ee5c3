/**
 * Terminal output fits the terminal: every command's table and text layouts at 60, 80, 120 and 200
 * columns, on the shipped dataset, through the real handlers. A line may run over only when it is
 * one web address longer than the room (splitting it would break it).
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import { visibleWidth } from '../../src/render/fit';
import { captureIo } from '../helpers/io';

const WIDTHS = [60, 80, 120, 200];

const COMMANDS: Array<[string, string[]]> = [
  ['plan (headline)', ['plan', '--from', 'care worker', '--to', 'registered manager']],
  ['plan (nursing, 4 alternatives)', ['plan', '--from', 'healthcare assistant', '--to', 'registered nurse', '--alternatives', '4']],
  ['plan (social work)', ['plan', '--from', 'social worker', '--to', 'principal social worker']],
  ['plan (months already served)', ['plan', '--from', 'social worker', '--to', 'amhp', '--months-in-role', '6']],
  ['roles', ['roles']],
  ['show (a role)', ['show', 'senior care worker']],
  ['show (a registered role)', ['show', 'registered nurse']],
  ['show (a qualification)', ['show', 'level 3 diploma in adult care']],
  ['next', ['next', 'care worker']],
  ['unlocks', ['unlocks', 'level 3 diploma in adult care']],
  ['qualifications', ['qualifications']],
];

async function render(argv: string[], columns: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const io = captureIo({ columns, env: { ...captureIo().env, ...env } });
  const code = await main(argv, io);
  expect(io.stderr).toBe('');
  expect(code).toBe(0);
  return io.stdout;
}

/** The words of a rendering, without table borders. */
function words(text: string): Set<string> {
  return new Set(text.split(/[\s│┌┐└┘├┤┬┴┼─]+/).filter(Boolean));
}

/** Lines wider than the terminal that are anything but one long web address. */
function overflowing(text: string, width: number): string[] {
  return text
    .split('\n')
    .filter((line) => visibleWidth(line) > width)
    .filter((line) => !/^\s*<?https?:\/\/\S+$/.test(line));
}

describe.each(COMMANDS)('%s fits the terminal', (_name, argv) => {
  it.each(WIDTHS)('at %i columns, as a table and as text, wrapping between words only', async (width) => {
    // The words a wide terminal shows, in either layout, and the narrow layouts' own column names.
    const reference = new Set([
      ...words(await render(argv, 10_000)),
      ...words(await render([...argv, '--format', 'text'], 10_000)),
      ...['Move', 'and', 'time', 'Qualifications', 'funding', 'Funding:', 'Time:'],
    ]);
    for (const format of ['table', 'text']) {
      const out = await render([...argv, '--format', format], width);
      expect(overflowing(out, width), `${format} at ${width}`).toEqual([]);
      const split = [...words(out)].filter((w) => !reference.has(w));
      expect(split, `${format} at ${width}: words not in the wide rendering, i.e. broken apart`).toEqual([]);
    }
  });
});

describe('the width a command lays out for', () => {
  it('is 80 columns when the terminal does not say', async () => {
    const unknown = await render(COMMANDS[0]![1], undefined as unknown as number);
    expect(Math.max(...unknown.split('\n').map(visibleWidth))).toBeLessThanOrEqual(80);
    expect(unknown).toBe(await render(COMMANDS[0]![1], 80));
  });

  it('uses narrower layouts as the width shrinks: five columns, four, three, then paragraphs', async () => {
    const header = async (width: number) => (await render(COMMANDS[0]![1], width)).split('\n').find((l) => l.startsWith('│ #'));
    expect(await header(200)).toMatch(/# │ Move +│ Qualifications to gain +│ Time +│ Funding/);
    expect(await header(80)).toMatch(/# │ Move +│ Qualifications and funding +│ Time +│$/);
    expect(await header(60)).toMatch(/# │ Move and time +│ Qualifications and +│$/);
    const tiny = await render(COMMANDS[0]![1], 40);
    expect(tiny).not.toContain('│');
    expect(tiny).toMatch(/^Step 1: Care worker to Senior care\nworker\.$/m);
  });

  it('roles lose the sector column for a table per sector when four columns do not fit', async () => {
    const narrow = await render(['roles'], 80);
    expect(narrow).not.toMatch(/│ Sector/);
    expect(narrow.split('\n')[0]).toBe('Adult social care');
    expect(narrow).toMatch(/^NHS$/m);
    expect(await render(['roles'], 120)).toMatch(/│ Role +│ Sector +│ Level \/ band +│ Registration +│/);
  });

  it('show lists each way into a move on a line of its own, never one line joined by bars', async () => {
    const out = await render(['show', 'senior care worker'], 80);
    expect(out).not.toContain(' | ');
    expect(out).toMatch(/^ {2}- to Team leader \(step up\), 2 ways:\n {6}· Level 3 Diploma in Adult Care and supervisory/m);
  });
});
