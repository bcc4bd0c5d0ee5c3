/**
 * The edges of the hardened loader (src/dataset/parse-source.ts) that test/unit/loader.test.ts
 * leaves open: which leading bytes mean UTF-16 or UTF-32 and which do not, where an invalid UTF-8
 * byte is found after text that merely looks like a byte order mark, yaml messages whose own text
 * looks like a position, keys inside keys, the nesting guard's columns and closing brackets, and
 * the quick scan that spares most files the guard's lexer pass.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import {
  lexedNestingProblem,
  MAX_INDENT,
  MAX_NESTING,
  mayNestTooDeep,
  nestingProblem,
  parseDatasetBytes,
  parseDatasetText,
} from '../../src/dataset/parse-source';

/** The formatted problems of parsing `input` as f.yaml, or [] when it parses. */
function problems(input: string | number[]): string[] {
  const parsed = typeof input === 'string' ? parseDatasetText('f.yaml', input) : parseDatasetBytes('f.yaml', new Uint8Array(input));
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
}

const a = 0x61;
const notUtf8 = (where: string, byte: string) => `f.yaml:${where}: file is not valid UTF-8 (byte 0x${byte}; is it Latin-1 or Windows-1252?); save it as UTF-8`;
const nul = (where: string) => `f.yaml:${where}: file contains NUL bytes (is it a binary file?); save it as UTF-8 text`;
const _UTF32 = 'f.yaml: file is UTF-32; save it as UTF-8';
const UTF16 = 'f.yaml: file is UTF-16; save it as UTF-8';
const _UTF16_NO_BOM = 'f.yaml: file is UTF-16 without a byte order mark; save it as UTF-8';

describe('wide encodings: only the exact byte patterns count', () => {
  it.each<[string, number[], string]>([
    // UTF-32 wants all four bytes of its byte order mark.
    ['FF FE then a NUL and a letter is UTF-16 (U+6100 after the mark), not UTF-32', [0xff, 0xfe, 0, a], UTF16],
    ['two NULs after FF alone', [0xff, a, 0, 0], notUtf8('1:1', 'FF')],
    ['two NULs after FE alone', [a, 0xfe, 0, 0], notUtf8('1:2', 'FE')],
    ['a letter and three NULs', [a, 0, 0, 0], nul('1:2')],
    ['00 00 FE then a letter', [0, 0, 0xfe, a], notUtf8('1:3', 'FE')],
    ['00 00 then a letter and FF', [0, 0, a, 0xff], notUtf8('1:4', 'FF')],
    ['a letter, NUL, FE FF', [a, 0, 0xfe, 0xff], notUtf8('1:3', 'FE')],
    ['NUL, a letter, FE FF', [0, a, 0xfe, 0xff], notUtf8('1:3', 'FE')],
    ['two letters, FE FF', [a, a, 0xfe, 0xff], notUtf8('1:3', 'FE')],
    ['three letters and FF', [a, a, a, 0xff], notUtf8('1:4', 'FF')],
    // UTF-16 wants both bytes of its byte order mark, in either order.
    ['FF then a letter', [0xff, a], notUtf8('1:1', 'FF')],
    ['a letter then FE', [a, 0xfe], notUtf8('1:2', 'FE')],
    ['FE then a letter', [0xfe, a], notUtf8('1:1', 'FE')],
    ['a letter then FF', [a, 0xff], notUtf8('1:2', 'FF')],
    // UTF-16 without a mark wants two letters, each with a NUL on the same side.
    ['four NULs (binary, not UTF-16)', [0, 0, 0, 0], nul('1:1')],
    ['NUL, a letter, NUL and nothing more', [0, a, 0], nul('1:1')],
    ['two letters, a NUL, a letter', [a, a, 0, a], nul('1:3')],
    ['three letters and a NUL', [a, a, a, 0], nul('1:4')],
  ])('%s', (_what, bytes, expected) => {
    expect(problems(bytes)).toEqual([expected]);
  });
});

describe('invalid UTF-8: the byte named is the one that breaks, whatever came before', () => {
  it.each<[string, number[], string]>([
    ['BF after two letters (the last byte of a UTF-8 byte order mark)', [a, a, 0xbf], notUtf8('1:3', 'BF')],
    ['BB BF after a letter (the mark but for its first byte)', [a, 0xbb, 0xbf], notUtf8('1:2', 'BB')],
    ['after U+FFFD, which starts with EF like the mark', [0xef, 0xbf, 0xbd, a, 0x80], notUtf8('1:3', '80')],
    ['after EF BF BF (U+FFFF is refused later; the encoding first)', [0xef, 0xbf, 0xbf, 0x80], notUtf8('1:2', '80')],
    ['after EF BB 80 (U+FEC0, the mark but for its last byte)', [0xef, 0xbb, 0x80, 0x80], notUtf8('1:2', '80')],
    ['on a line after an empty first line', [0x0a, 0x0a, 0x80], notUtf8('3:1', '80')],
  ])('%s', (_what, bytes, expected) => {
    expect(problems(bytes)).toEqual([expected]);
  });

  it('a NUL right after a first line that is empty is on line 2', () => {
    expect(problems([0x0a, 0])).toEqual([nul('2:1')]);
  });
});

describe('yaml messages', () => {
  it('lose only the position yaml appends, also on line 10 and beyond', () => {
    const ten = Array.from({ length: 9 }, (_, i) => `k${i}: 1\n`).join('');
    expect(problems(`${ten}a: 1\na: 2\n`)).toEqual(['f.yaml:11:1: Map keys must be unique']);
  });

  it('keep text of the file that looks like a position', () => {
    expect(problems('a: 1\n} x at line 3, column 4\n')).toEqual([
      'f.yaml:2:1: Unexpected flow-map-end token in YAML stream: "}"',
      'f.yaml:2:3: Unexpected scalar token in YAML stream: "x at line 3, column 4"',
    ]);
  });

  it('lose the position also when yaml adds no excerpt (a problem past the last line)', () => {
    expect(problems('a: "x\n')).toEqual(['f.yaml:2:1: Missing closing "quote']);
  });

  it('strict YAML: a comment must be separated from a value by white space', () => {
    expect(problems('a: "x"#note\n')).toEqual(['f.yaml:1:7: Comments must be separated from other tokens by white space characters']);
    expect(problems('a: |#note\n  x\n')).toEqual(['f.yaml:1:5: Comments must be separated from other tokens by white space characters']);
    const parsed = parseDatasetText('f.yaml', 'a: "x" #note\n');
    expect(parsed.ok && parsed.document.data).toEqual({ a: 'x' });
  });
});

describe('keys inside keys', () => {
  it('a reserved key inside a mapping used as a key: both reported, the inner path without the outer key', () => {
    expect(problems('? {__proto__: 1}\n: x\n')).toEqual([
      'f.yaml:1:3: a key must be plain text, not a mapping',
      'f.yaml:1:4: __proto__: "__proto__" cannot be used as a key (it is reserved in JavaScript)',
    ]);
  });

  it('an alias inside a list used as a key is at its index in that list', () => {
    expect(problems('? [*nope]\n: 1\n')).toEqual([
      'f.yaml:1:3: a key must be plain text, not a list',
      'f.yaml:1:4: [0]: alias *nope has no anchor &nope before it',
    ]);
  });

  it('the value of a key that is not text is at "?"', () => {
    expect(problems('? [k]\n: *nope\n')).toEqual([
      'f.yaml:1:3: a key must be plain text, not a list',
      'f.yaml:2:3: ?: alias *nope has no anchor &nope before it',
    ]);
  });

  it('refuses each reserved key, the key list made inside the test', async () => {
    // The list is built when the module loads: loading it here ties that code to this test.
    vi.resetModules();
    const fresh = await import('../../src/dataset/parse-source');
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const parsed = fresh.parseDatasetText('f.yaml', `a: 1\n${key}: 2\n`);
      expect(!parsed.ok && parsed.issues.map(formatIssue)).toEqual([`f.yaml:2:1: ${key}: "${key}" cannot be used as a key (it is reserved in JavaScript)`]);
    }
    const parsed = fresh.parseDatasetText('f.yaml', 'proto: 1\nconstructors: 2\n"": 3\n');
    expect(parsed.ok && parsed.document.data).toEqual({ proto: 1, constructors: 2, '': 3 });
  });
});

describe('locate', () => {
  const located = (text: string) => {
    const parsed = parseDatasetText('f.yaml', text);
    if (!parsed.ok) throw new Error('parse failed');
    return parsed.document.locate!;
  };

  it('a path through a scalar stops at the scalar; a key name on a list, even a digit, stops at the list', () => {
    const locate = located('a:\n  b: 1\n  c: [x, y]\n');
    expect(locate(['a', 'b', 0])).toEqual({ line: 2, column: 6 });
    expect(locate(['a', 'b', 'x'])).toEqual({ line: 2, column: 6 });
    expect(locate(['a', 'c', '1'])).toEqual({ line: 3, column: 6 });
    expect(locate(['a', 'c', 'length'])).toEqual({ line: 3, column: 6 });
    expect(locate(['a', 'c', 1])).toEqual({ line: 3, column: 10 });
  });

  it('a key with no value points just after its colon; a list item mapping at its first key', () => {
    const locate = located('a:\nb:\n  - x: 1\n    y: 2\n');
    expect(locate(['a'])).toEqual({ line: 1, column: 3 });
    expect(locate(['b', 0])).toEqual({ line: 3, column: 5 });
    expect(locate(['b', 0, 'z'])).toEqual({ line: 3, column: 5 });
  });

  it('an empty or comment-only document points at the start of the file', () => {
    for (const text of ['', '# only a comment\n', '\n\n# a comment after blank lines\n']) {
      const locate = located(text);
      expect(locate([])).toEqual({ line: 1, column: 1 });
      expect(locate(['dataset', 'name'])).toEqual({ line: 1, column: 1 });
    }
  });
});

describe('nestingProblem: columns and closing brackets', () => {
  it(`allows a block "-" at exactly column ${MAX_INDENT}`, () => {
    expect(nestingProblem(` ${'- '.repeat(MAX_INDENT / 2)}x\n`)).toBeNull();
    expect(nestingProblem(` ${'- '.repeat(MAX_INDENT / 2 + 1)}x\n`)?.position).toEqual({ line: 1, column: MAX_INDENT + 2 });
  });

  it('counts columns right after an unclosed flow collection (yaml marks its end with a token that is not text)', () => {
    expect(nestingProblem(`a: [\n${'- '.repeat(MAX_INDENT / 2 + 1)}x\n`)).toEqual({
      message: `nesting deeper than ${MAX_INDENT} columns (a "-" at column ${MAX_INDENT + 1})`,
      position: { line: 2, column: MAX_INDENT + 1 },
    });
  });

  it('closed flow mappings free their level, like closed lists', () => {
    expect(nestingProblem(`a: [${'{}, '.repeat(200)}]\n`)).toBeNull();
    expect(nestingProblem(`a: [${'{x: {y: 1}}, '.repeat(100)}]\n`)).toBeNull();
  });

  it(`a block text indented more than ${MAX_INDENT} columns is refused at its first line; its own text is not indentation`, () => {
    expect(nestingProblem(`a: |\n${' '.repeat(MAX_INDENT + 1)}x\n`)).toEqual({
      message: `indentation wider than ${MAX_INDENT} columns`,
      position: { line: 2, column: 1 },
    });
    expect(nestingProblem(`a: |\n${' '.repeat(MAX_INDENT)}x\n`)).toBeNull();
  });

  it('only spaces and tabs indent: no-break spaces are text', () => {
    expect(nestingProblem(`${'\u00a0'.repeat(MAX_INDENT + 44)}x: 1\n`)).toBeNull();
    const parsed = parseDatasetText('f.yaml', `${'\u00a0'.repeat(MAX_INDENT + 44)}x: 1\n`);
    expect(parsed.ok && parsed.document.data).toEqual({ [`${'\u00a0'.repeat(MAX_INDENT + 44)}x`]: 1 });
  });
});

describe('mayNestTooDeep: the quick scan that lets most files skip the lexer', () => {
  it('passes a big block-style file without the lexer', () => {
    const roles = Array.from({ length: 2000 }, (_, i) => `  - id: r${i}\n    name: Role ${i} - a step up?\n    sources:\n      - S1\n`).join('');
    expect(mayNestTooDeep(`roles:\n${roles}`)).toBe(false);
  });

  it(`sends more than ${MAX_NESTING} "[" or "{" to the lexer, wherever they stand`, () => {
    expect(mayNestTooDeep(`a: "${'['.repeat(MAX_NESTING / 2)}"\n# ${'{'.repeat(MAX_NESTING / 2)}\n`)).toBe(false);
    expect(mayNestTooDeep(`a: "${'['.repeat(MAX_NESTING / 2)}"\n# ${'{'.repeat(MAX_NESTING / 2 + 1)}\n`)).toBe(true);
  });

  it(`sends a "-" or "?" past column ${MAX_INDENT} to the lexer, counting columns from the last line feed`, () => {
    expect(mayNestTooDeep(`a: 1\n${'x'.repeat(MAX_INDENT - 1)}-\n`)).toBe(false);
    expect(mayNestTooDeep(`a: 1\n${'x'.repeat(MAX_INDENT)}-\n`)).toBe(true);
    expect(mayNestTooDeep(`a: 1\n${'x'.repeat(MAX_INDENT)}?\n`)).toBe(true);
    expect(mayNestTooDeep(`${'x'.repeat(MAX_INDENT)}\r-\n`)).toBe(true);
  });

  it(`sends a run of more than ${MAX_INDENT} white space characters to the lexer, line feeds and no-break spaces included`, () => {
    expect(mayNestTooDeep(`a:${' '.repeat(MAX_INDENT)}x\n`)).toBe(false);
    expect(mayNestTooDeep(`a:${' '.repeat(MAX_INDENT + 1)}x\n`)).toBe(true);
    expect(mayNestTooDeep(`a: 1${'\n'.repeat(MAX_INDENT + 1)}b: 2\n`)).toBe(true);
    expect(mayNestTooDeep(`a: 1${' \t\u00a0\u3000'.repeat(MAX_INDENT / 4)}\u2028b: 2\n`)).toBe(true);
  });

  it('never lets through a text the lexer would refuse, so the guard gives the same answer with or without it', () => {
    // Runs of brackets and of "- " reach the limits often; quotes, comments and block text make the lexer disagree with a naive count.
    const piece = fc.constantFrom(
      '[',
      '{',
      ']',
      '}',
      '[[[[[[[[',
      '{a: {b: ',
      '- ',
      '- - - - - - - - ',
      '? ',
      ': ',
      'a',
      ' '.repeat(40),
      '\t',
      '\n',
      '\r',
      '"',
      "'",
      '# ',
      '|\n',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        const exact = lexedNestingProblem(text);
        if (exact) expect(mayNestTooDeep(text)).toBe(true);
        expect(nestingProblem(text)).toEqual(exact);
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('agrees with the lexer at the limits, with brackets in strings and comments around', () => {
    const noise = fc.array(fc.constantFrom('"]]"', "'}}'", '# ]]\n', '"[["', 'a, ', ' ', '\n'), { maxLength: 12 });
    const near = fc.oneof(
      fc.tuple(fc.integer({ min: MAX_NESTING - 4, max: MAX_NESTING + 4 }), noise).map(([depth, bits]) => `a: ${'[ '.repeat(depth)}${bits.join('')}x\n`),
      fc.tuple(fc.integer({ min: MAX_INDENT / 2 - 4, max: MAX_INDENT / 2 + 4 }), noise).map(([n, bits]) => `${bits.join('')}\n ${'- '.repeat(n)}x\n`),
      fc.tuple(fc.integer({ min: MAX_INDENT - 4, max: MAX_INDENT + 4 }), noise).map(([n, bits]) => `a: |\n${' '.repeat(n)}x${bits.join('')}\n`),
    );
    fc.assert(
      fc.property(near, (text) => {
        const exact = lexedNestingProblem(text);
        if (exact) expect(mayNestTooDeep(text)).toBe(true);
        expect(nestingProblem(text)).toEqual(exact);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
