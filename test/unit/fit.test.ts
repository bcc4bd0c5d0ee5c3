/** Fitting text to a terminal: wrapping between words, hanging indents, colour across breaks, tables. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalColumns } from '../../src/io/terminal';
import { fitLine, fitTable, fitText, visibleWidth, wrapWords } from '../../src/render/fit';

const BOLD = '\x1b[1m';
const UNBOLD = '\x1b[22m';
const identity = (t: string) => t;

describe('wrapWords', () => {
  it('keeps every word whole and every line within the width, whatever the words', () => {
    const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', 'é', '–', '£') });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 12, max: 80 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width);
        expect(lines.every((line) => visibleWidth(line) <= width)).toBe(true);
        expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
      }),
    );
  });

  it('gives a word longer than the width a line of its own rather than splitting it', () => {
    const url = 'https://www.example.org/a/very/long/address/that/cannot/be/split';
    expect(wrapWords(`see ${url} today`, 20)).toEqual(['see', url, 'today']);
  });
});

describe('fitLine', () => {
  it('continues a list item under its text, not under its marker', () => {
    expect(fitLine('  1. [ ] Level 3 Diploma in Adult Care — level 3; 12–18 months', 30)).toEqual([
      '  1. [ ] Level 3 Diploma in',
      '         Adult Care — level 3;',
      '         12–18 months',
    ]);
    expect(fitLine('    · route: gain a diploma and some experience', 24)).toEqual(['    · route: gain a', '      diploma and some', '      experience']);
  });

  it('closes a style at a break and opens it again on the next line', () => {
    const lines = fitLine(`${BOLD}one two three four${UNBOLD} five`, 10);
    expect(lines).toEqual([`${BOLD}one two\x1b[0m`, `${BOLD}three four${UNBOLD}`, 'five']);
    expect(lines.every((l) => visibleWidth(l) <= 10)).toBe(true);
  });

  it('leaves a line that fits exactly as it is', () => {
    expect(fitLine('a'.repeat(20), 20)).toEqual(['a'.repeat(20)]);
  });
});

describe('fitText', () => {
  it('wraps prose lines and leaves table lines to the table', () => {
    const table = '│ a very long table line that is wider than the width │';
    expect(fitText(`short\n${table}\nword word word word`, 10).split('\n')).toEqual(['short', table, 'word word', 'word word']);
  });
});

describe('fitTable', () => {
  const columns = [
    { head: 'Name', min: 10 },
    { head: 'Notes', min: 10 },
  ];
  const rows = [[[{ text: 'Senior care worker' }], [{ text: 'gives medication and leads shifts on the floor' }]]];

  it('is as wide as its text needs when that fits, and never wider than the width', () => {
    const wide = fitTable(columns, rows, 200, identity)!;
    expect(wide.split('\n')[1]).toBe('│ Name               │ Notes                                          │');
    // The short column keeps all it needs; the long one takes the rest and wraps.
    const narrow = fitTable(columns, rows, 50, identity)!;
    expect(Math.max(...narrow.split('\n').map(visibleWidth))).toBe(50);
    expect(narrow).toContain('│ Senior care worker │ gives medication and      │\n│                    │ leads shifts on the floor │');
    // Narrower still, both wrap, sharing the width evenly.
    expect(fitTable(columns, rows, 40, identity)).toContain('│ Senior care │ gives medication │');
  });

  it('gives up, for a layout with fewer columns, when the columns cannot each have their minimum', () => {
    expect(fitTable(columns, rows, 26, identity)).toBeUndefined();
  });

  it('counts wide characters as two columns, as the terminal shows them', () => {
    expect(visibleWidth('药物护理')).toBe(8);
    expect(visibleWidth(`${BOLD}ab${UNBOLD}`)).toBe(2);
    const table = fitTable(
      [
        { head: 'Role', min: 4 },
        { head: 'Notes', min: 4 },
      ],
      [[[{ text: '药物护理负责人 lead' }], [{ text: 'one two three four five six' }]]],
      30,
      identity,
    )!;
    expect(Math.max(...table.split('\n').map(visibleWidth))).toBeLessThanOrEqual(30);
  });

  it('can leave out the rules between rows, for lists of short rows', () => {
    const two = [[[{ text: 'a' }]], [[{ text: 'b' }]]];
    expect(fitTable([{ head: 'H', min: 1 }], two, 20, identity)!.split('\n')).toHaveLength(7);
    expect(fitTable([{ head: 'H', min: 1 }], two, 20, identity, { rules: false })!.split('\n')).toEqual(['┌───┐', '│ H │', '├───┤', '│ a │', '│ b │', '└───┘']);
  });

  it('styles each wrapped line of a styled paragraph on its own', () => {
    const table = fitTable([{ head: 'H', min: 5 }], [[[{ text: 'one two three', style: (t) => `<${t}>` }]]], 12, identity)!;
    expect(table).toContain('│ <one two> │');
    expect(table).toContain('│ <three>   │');
  });
});

describe('terminalColumns', () => {
  it('prefers the terminal, then $COLUMNS, and treats nonsense as unknown', () => {
    expect(terminalColumns(100, '60')).toBe(100);
    expect(terminalColumns(undefined, '60')).toBe(60);
    expect(terminalColumns(0, '72')).toBe(72);
    for (const junk of [undefined, '', 'wide', '-3', '0', '80.5']) expect(terminalColumns(undefined, junk)).toBeUndefined();
  });
});
