/**
 * End-to-end: the built bin's questionnaire in a real terminal (tmux), answered as a person would;
 * Ctrl-C and Escape; no terminal at all; and inquirer staying unloaded outside the questionnaire.
 * `npm test` builds first.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/spawn';
import { sq, TMUX, TmuxSession } from '../helpers/tmux';

let dir: string;
let session: TmuxSession | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'careerpath-tty-'));
});
afterEach(() => {
  session?.kill();
  session = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const careerpath = (args: string) => `${sq(process.execPath)} ${sq(BIN)} ${args}`;

/** A preload script that reports on stderr every time inquirer's prompts bundle (or inquirer) is loaded. */
function loadTracer(): Record<string, string> {
  const hook = join(dir, 'trace.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/(^|[\\/])prompts(\\.js)?$|@inquirer/.test(request)) process.stderr.write('LOADED ' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
  );
  return { NODE_OPTIONS: `--require ${hook}` };
}

if (!TMUX) console.warn('test/e2e/interactive.test.ts: skipping the terminal tests because tmux is not installed (apt-get install tmux; .ci/run installs it)');

describe.skipIf(!TMUX)('careerpath interactive in a terminal (tmux)', () => {
  it('a full session: search, tick, choose, constrain, review, plan, save as Markdown', { timeout: 60_000 }, async () => {
    const tty = (session = new TmuxSession(careerpath('interactive'), { cwd: dir }));
    await tty.waitFor('about a minute');
    await tty.waitFor('What is your current role?');
    tty.type('senior care');
    await tty.waitFor('❯ Senior care worker');
    tty.press('Enter');

    await tty.waitFor('Which qualifications do you already have?');
    tty.type('level 3 diploma in health and social');
    await tty.waitFor('❯◯ Level 3 Diploma in Adult Care — also called Level 3 Diploma in Health and Social Care');
    tty.press('Enter');
    await tty.waitFor('Done (1 ticked)');
    tty.press('Enter');

    await tty.waitFor('Do you have English and maths at level 2');
    tty.type('y');
    tty.press('Enter');

    await tty.waitFor('How long have you been a Senior care worker?');
    tty.type('3 years');
    tty.press('Enter');

    await tty.waitFor('Where would you like to go?');
    tty.press('Down'); // Move into management
    tty.press('Enter');

    await tty.waitFor('What matters most to you?');
    tty.press('Down'); // Fewest job changes (Most realistic is the default, first)
    tty.press('Down'); // Fastest
    tty.press('Enter');

    await tty.waitFor('Anything your route must allow for?');
    await tty.waitFor('↑↓ move • ⏎ tick or untick • ⏎ on Done finish');
    tty.press('Down'); // I need to earn while I learn
    tty.press('Enter'); // ticks it, as Enter ticks in every list that ticks
    await tty.waitFor('Done (1 ticked)');
    tty.press('Up');
    tty.press('Enter');

    await tty.waitFor('How many hours a week could you give to study?');
    tty.type('10');
    tty.press('Enter');

    await tty.waitFor('The best management roles for you (fastest first):');
    tty.press('Enter');

    await tty.waitFor('Here are your answers. Plan, or change one?');
    const review = tty.screen();
    expect(review).toContain('Your role: Senior care worker');
    expect(review).toContain('Time in the role: 3 years');
    expect(review).toContain('Must allow for: I need to earn while I learn');
    expect(review).toContain('Study time: 10 hours a week');
    tty.press('Enter'); // Make my plan

    await tty.waitFor('What next?');
    const shown = tty.history();
    expect(shown).toMatch(/^Senior care worker → (Deputy|Team|Registered) manager$/m);
    expect(shown).toContain('Already held, not counted: Level 3 Diploma in Adult Care; English and maths at level 2');
    expect(shown).toContain('Conditions: only routes you can do while working');
    expect(shown).toContain('at 10 hours of study a week');
    // The three years in the role come back as --months-in-role.
    expect(shown.replace(/ \\\n +/g, ' ')).toContain('--optimise time --earn-while-learning --hours-per-week 10 --months-in-role 36 --alternatives 3');
    tty.press('Enter'); // Save this plan as Markdown

    await tty.waitFor('File name:');
    tty.type('my-plan');
    tty.press('Enter');

    expect(await tty.exitCode()).toBe(0);
    expect(tty.screen()).toContain('Saved my-plan.md');
    expect(readdirSync(dir)).toEqual(['my-plan.md']);
    const markdown = readFileSync(join(dir, 'my-plan.md'), 'utf8');
    expect(markdown).toMatch(/^# Career plan: Senior care worker → (Deputy|Team|Registered) manager\n/);
    expect(markdown).toContain('```mermaid');
  });

  it('asks before replacing a file, and keeps it on "no"', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'plan.md'), 'mine');
    const tty = (session = new TmuxSession(careerpath('plan'), { cwd: dir }));
    await tty.waitFor('What is your current role?');
    // Enter all the way: someone new to care, their first job.
    for (const question of [
      'Do you have any qualifications already?',
      'Do you have English and maths',
      'Where would you like to go?',
      'What matters most',
      'Anything your route',
      'How many hours',
      'The best first jobs',
      'Here are your answers',
      'What next?',
    ]) {
      tty.press('Enter');
      await tty.waitFor(question);
    }
    tty.press('Enter');
    await tty.waitFor('File name:');
    tty.type('plan.md');
    tty.press('Enter');
    await tty.waitFor('plan.md already exists. Replace it? (y/N)');
    tty.press('Enter');
    await tty.waitFor('File name: (plan-2.md)');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['plan-2.md', 'plan.md']);
  });

  it('Ctrl-C prints "Cancelled" and exits 130, with no file written', { timeout: 30_000 }, async () => {
    const tty = (session = new TmuxSession(careerpath('interactive'), { cwd: dir }));
    await tty.waitFor('What is your current role?');
    tty.press('Enter');
    await tty.waitFor('Do you have any qualifications already?');
    tty.press('C-c');
    expect(await tty.exitCode()).toBe(130);
    expect(tty.screen()).toMatch(/^Cancelled$/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Escape cancels the same way (and the questionnaire is what loads inquirer)', { timeout: 30_000 }, async () => {
    const tty = (session = new TmuxSession(careerpath('interactive'), { cwd: dir, env: loadTracer() }));
    await tty.waitFor('What is your current role?');
    tty.press('Escape');
    expect(await tty.exitCode()).toBe(130);
    expect(tty.screen()).toMatch(/^Cancelled$/m);
    expect(tty.history()).toContain('LOADED ./prompts.js');
  });

  it('output redirected to a file (input still a terminal) exits 2 without asking', { timeout: 30_000 }, async () => {
    const tty = (session = new TmuxSession(`${careerpath('interactive')} > out.txt`, { cwd: dir }));
    expect(await tty.exitCode()).toBe(2);
    expect(tty.screen()).toContain('the questionnaire needs an interactive terminal');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('');
  });
});

describe('without a terminal', () => {
  it('piped stdin: `interactive` and a bare `plan` exit 2 at once, pointing at plan --from/--to', () => {
    for (const args of [['interactive'], ['plan']]) {
      const { code, stdout, stderr } = runCli(args, { input: 'care worker\n' });
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('✗ the questionnaire needs an interactive terminal');
      expect(stderr).toContain('careerpath plan --from "care worker" --to "registered manager"');
    }
  });
});

describe('inquirer loads only for the questionnaire', () => {
  it('plan --from/--to and --help never load the prompts bundle (the terminal tests show the questionnaire does)', () => {
    const env = loadTracer();
    for (const args of [['plan', '--from', 'care worker', '--to', 'team leader'], ['--help'], ['plan', '--help'], ['interactive']]) {
      const { code, stderr } = runCli(args, { env });
      expect(code, args.join(' ')).toBe(args[0] === 'interactive' ? 2 : 0);
      expect(stderr, args.join(' ')).not.toContain('LOADED');
    }
  });
});
