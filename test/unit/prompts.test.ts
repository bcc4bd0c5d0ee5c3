/**
 * The inquirer seam (src/interactive/prompts.ts): the custom type-to-search multi-select, rendered
 * with @inquirer/testing, and the wrappers driven through in-memory streams: answers, Escape and
 * Ctrl-C, and no colour when colour is off.
 */
import { render } from '@inquirer/testing';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/interactive/ask';
import { createInquirerAsk } from '../../src/interactive/prompts';
import { searchCheckbox } from '../../src/interactive/search-checkbox';
import { Separator } from '@inquirer/core';

const QUALIFICATIONS: Choice<string>[] = [
  { value: 'l2', name: 'Level 2 Diploma in Care', description: 'diploma · level 2' },
  { value: 'l3', name: 'Level 3 Diploma in Adult Care', description: 'diploma · level 3' },
  { value: 'cc', name: 'Care Certificate', description: 'induction' },
];

/** A source like the questionnaire's: a heading, then the entries whose name has every word typed. */
function source(term: string) {
  const words = term.toLowerCase().split(' ').filter(Boolean);
  const found = QUALIFICATIONS.filter((q) => words.every((w) => q.name.toLowerCase().includes(w)));
  return found.length > 0 ? [new Separator('── Qualifications'), ...found] : [];
}

describe('searchCheckbox', () => {
  it('Enter on "Done" with nothing ticked answers none', async () => {
    const { answer, events, getScreen } = await render(searchCheckbox, { message: 'Which do you hold?', source });
    expect(getScreen()).toContain('❯ ✔ Done (none ticked)');
    expect(getScreen()).toContain('── Qualifications');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([]);
    expect(getScreen()).toBe('✔ Which do you hold? none');
  });

  it('typing narrows the list; Enter ticks the first match and clears the search; Enter on Done finishes', async () => {
    const { answer, events, getScreen } = await render(searchCheckbox, { message: 'Which do you hold?', source });
    events.type('level 3');
    expect(getScreen()).toContain('Level 3 Diploma in Adult Care');
    expect(getScreen()).not.toContain('Level 2 Diploma in Care');
    expect(getScreen()).toContain('diploma · level 3');
    events.keypress('enter');
    expect(getScreen()).toContain('✔ Done (1 ticked)');
    expect(getScreen()).toContain('◉ Level 3 Diploma in Adult Care');
    expect(getScreen()).toContain('Level 2 Diploma in Care');
    events.type('certif');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['l3', 'cc']);
    expect(getScreen()).toBe('✔ Which do you hold? Level 3 Diploma in Adult Care, Care Certificate');
  });

  it('arrows skip headings; Space ticks and unticks while nothing is typed', async () => {
    const { answer, events } = await render(searchCheckbox, { message: 'Which?', source, default: ['cc'] });
    events.keypress('down'); // past the heading, onto Level 2
    events.keypress('space');
    events.keypress('down');
    events.keypress('down'); // Care Certificate, ticked at the start
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('up'); // back on Done
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['l2']);
  });

  it('says when nothing matches; Enter then keeps the question open, and Done still works once chosen', async () => {
    let settled = false;
    const { answer, events, getScreen } = await render(searchCheckbox, { message: 'Which?', source });
    void answer.then(() => {
      settled = true;
    });
    events.type('NVQ');
    expect(getScreen()).toContain('Nothing matches “NVQ”: change what you typed');
    // Nothing is highlighted, so Enter cannot answer "none" by accident.
    expect(getScreen()).not.toContain('❯');
    events.keypress('enter');
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(getScreen()).toContain('? Which? NVQ');
    expect(getScreen()).toContain('Nothing matches “NVQ”');
    // An arrow highlights Done; Enter on it finishes, deliberately.
    events.keypress('up');
    expect(getScreen()).toContain('❯ ✔ Done (none ticked)');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([]);
  });

  it('a short list without search ticks with Enter and Space alike, and says so in its help line', async () => {
    const { answer, events, getScreen } = await render(searchCheckbox, {
      message: 'Anything your route must allow for?',
      source: () => QUALIFICATIONS,
      searchable: false,
    });
    expect(getScreen()).toContain('↑↓ move • ⏎ tick or untick • ⏎ on Done finish');
    expect(getScreen()).not.toContain('type to search');
    events.keypress('down');
    events.keypress('enter'); // ticks, as in the searchable list
    expect(getScreen()).toContain('Done (1 ticked)');
    events.type('x'); // typing does not search here
    expect(getScreen()).not.toContain('Nothing matches');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['l2', 'l3']);
  });
});

/** An Ask on in-memory streams, as if on a terminal. */
function memoryAsk(color = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const told: string[] = [];
  const ask = createInquirerAsk({ color, tell: (t) => told.push(t), input, output });
  const type = (text: string) => setImmediate(() => input.write(text));
  return { ask, input, type, screen: () => screen, told };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createInquirerAsk', () => {
  it('search: typing then Enter picks the first match', async () => {
    const { ask, input } = memoryAsk();
    const answer = ask.search({
      name: 'role',
      message: 'Role?',
      source: (term) => QUALIFICATIONS.filter((q) => q.name.toLowerCase().includes(term.toLowerCase())),
    });
    await wait(20);
    input.write('certif');
    await wait(20);
    input.write('\r');
    await expect(answer).resolves.toBe('cc');
  });

  it('select: Enter takes the default; headings are not choosable', async () => {
    const { ask, input } = memoryAsk();
    const answer = ask.select({ name: 'goal', message: 'Where?', choices: [{ separator: 'Group' }, ...QUALIFICATIONS], default: 'l3' });
    await wait(20);
    input.write('\r');
    await expect(answer).resolves.toBe('l3');
  });

  it('Escape cancels like Ctrl-C: an ExitPromptError', async () => {
    const pressed = memoryAsk();
    const first = pressed.ask.confirm({ name: 'save', message: 'Save?', default: true });
    await wait(20);
    pressed.input.emit('keypress', '\u001b', { name: 'escape' });
    await expect(first).rejects.toMatchObject({ name: 'ExitPromptError', message: 'User pressed Escape' });

    const ctrlC = memoryAsk();
    const second = ctrlC.ask.input({ name: 'file', message: 'File name:', default: 'plan.md' });
    await wait(20);
    ctrlC.input.write('\u0003');
    await expect(second).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('no colour codes when colour is off (--no-color), even where inquirer would colour', async () => {
    // Inquirer colours through node:util's styleText, which follows the terminal and NO_COLOR but
    // knows nothing of --no-color. FORCE_COLOR makes it colour here, as it would on a terminal.
    const saved = { FORCE_COLOR: process.env.FORCE_COLOR, NO_COLOR: process.env.NO_COLOR };
    process.env.FORCE_COLOR = '1';
    delete process.env.NO_COLOR;
    try {
      const plain = memoryAsk(false);
      const answer = plain.ask.checkbox({ name: 'c', message: 'Constraints? (space to tick)', choices: QUALIFICATIONS, default: ['l2'] });
      await wait(20);
      plain.input.write('\r');
      await expect(answer).resolves.toEqual(['l2']);
      // Cursor movement is fine; SGR colour/style codes (ESC [ ... m) are not.
      expect(plain.screen()).not.toMatch(/\u001b\[[\d;]*m/);
      expect(plain.screen()).toContain('Constraints? Level 2 Diploma in Care');

      const colour = memoryAsk(true);
      const coloured = colour.ask.confirm({ name: 's', message: 'Save?', default: false });
      await wait(20);
      colour.input.write('\r');
      await expect(coloured).resolves.toBe(false);
      expect(colour.screen()).toMatch(/\u001b\[[\d;]*m/);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
