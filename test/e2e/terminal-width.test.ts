/**
 * The real bin in real terminals of 60 and 80 columns (tmux): the width comes from the terminal
 * itself, and the terminal never has to wrap a line. What each terminal showed is saved under
 * test/.results/terminal/ for a person to look at: as text, and for the plan as a picture (PNG,
 * taken by headless Chromium when it is installed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/render/fit';
import { screenshotTerminal } from '../helpers/screenshot';
import { ROOT } from '../helpers/spawn';
import { sq, TMUX, TmuxSession } from '../helpers/tmux';

const RESULTS = join(ROOT, 'test/.results/terminal');

if (!TMUX)
  console.warn('test/e2e/terminal-width.test.ts: skipping the terminal tests because tmux is not installed (apt-get install tmux; .ci/run installs it)');

const COMMANDS: Array<[string, string[]]> = [
  ['plan', ['plan', '--from', 'care worker', '--to', 'registered manager']],
  ['roles', ['roles', '--sector', 'nhs']],
  ['show', ['show', 'registered nurse']],
  ['next', ['next', 'care worker']],
  ['unlocks', ['unlocks', 'level 3 diploma in adult care']],
];

let session: TmuxSession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

describe.skipIf(!TMUX)('output in a real terminal (tmux)', () => {
  describe.each([60, 80])('%i columns wide', (width) => {
    it.each(COMMANDS)('%s fits without the terminal wrapping a line', async (name, args) => {
      const command = ['node', 'bin/careerpath.js', ...args].map(sq).join(' ');
      // No COLUMNS: the width must come from the terminal.
      session = new TmuxSession(command, { cwd: ROOT, width, height: 50, env: { COLUMNS: '', NO_COLOR: '', FORCE_COLOR: '' } });
      expect(await session.exitCode(15_000)).toBe(0);
      // Joined history: a line the terminal wrapped comes back as one line wider than the pane.
      const shown = session.history().replace(/\nRC=0[\s\S]*$/, '\n');
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(join(RESULTS, `${name}-${width}.txt`), shown);
      if (name === 'plan') {
        const styled = session.styledHistory().replace(/\n(?:\x1b\[[\d;]*m)*RC=0[\s\S]*$/, '\n');
        if (screenshotTerminal(styled, width, join(RESULTS, `${name}-${width}.png`))) console.log(`saved test/.results/terminal/${name}-${width}.png`);
        else console.log(`no picture of the ${width}-column plan: Chromium is not installed (apt-get install chromium; .ci/run installs it)`);
      }
      const wide = shown.split('\n').filter((line) => visibleWidth(line) > width && !/^\s*<?https?:\/\/\S+$/.test(line));
      expect(wide).toEqual([]);
      expect(shown.length).toBeGreaterThan(200);
      if (name === 'plan') expect(shown).toContain(width === 60 ? '│ # │ Move and time' : '│ # │ Move ');
    });
  });
});
