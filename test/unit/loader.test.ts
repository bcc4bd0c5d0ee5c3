/**
 * The hardened loader in-process (reliability.md §1): reading bytes, decoding, the nesting guard
 * and the parse checks, table-driven. Deep inputs only ever reach the nesting guard (yaml's
 * iterative Lexer): a deep parse in this process could abort Node (the e2e tests run those).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeControls, formatIssue } from '../../src/dataset/issue';
import { MAX_FILE_BYTES } from '../../src/dataset/limits';
import { MAX_INDENT, MAX_NESTING, MAX_REPORTED, nestingProblem, offsetToPosition, parseDatasetBytes, parseDatasetText } from '../../src/dataset/parse-source';
import { readFileBytes } from '../../src/dataset/read-bytes';
import { validateDataset } from '../../src/dataset/validate';

const dir = mkdtempSync(join(tmpdir(), 'careerpath-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The formatted problems of parsing `input` as f.yaml, or [] when it parses. */
function problems(input: string | Uint8Array): string[] {
  const parsed = typeof input === 'string' ? parseDatasetText('f.yaml', input) : parseDatasetBytes('f.yaml', input);
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readFileBytes: regular files only, the size checked before reading', () => {
  it('reads a regular file, relative to cwd', () => {
    writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
    expect(readFileBytes('ok.yaml', dir)).toEqual({ ok: true, bytes: Buffer.from('a: 1\n') });
    writeFileSync(join(dir, 'empty.yaml'), '');
    expect(readFileBytes('empty.yaml', dir)).toEqual({ ok: true, bytes: Buffer.alloc(0) });
  });

  it('reads a file of exactly the limit, refuses one byte more without reading it', () => {
    writeFileSync(join(dir, 'ten.yaml'), '0123456789');
    expect(readFileBytes('ten.yaml', dir, 10)).toEqual({ ok: true, bytes: Buffer.from('0123456789') });
    expect(readFileBytes('ten.yaml', dir, 9)).toEqual({ ok: false, message: 'file is 10 bytes; the limit is 9 (split it into an overlay)' });
  });

  it('answers a 1 TiB sparse file at once: the size comes from fstat', () => {
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 1024 ** 4);
    const started = performance.now();
    expect(readFileBytes('huge.yaml', dir)).toEqual({
      ok: false,
      message: `file is ${1024 ** 4} bytes; the limit is ${MAX_FILE_BYTES} (split it into an overlay)`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.skipIf(process.platform !== 'linux')('stops reading one byte past the limit when the size fstat gave was wrong (/proc files say 0)', () => {
    expect(readFileBytes('/proc/self/status', dir, 16)).toEqual({
      ok: false,
      message: 'file is more than 16 bytes; the limit is 16 (split it into an overlay)',
    });
    const whole = readFileBytes('/proc/self/status', dir);
    expect(whole.ok && Buffer.from(whole.bytes).toString()).toMatch(/^Name:/);
  });

  it.each([
    ['a missing file', 'missing.yaml', 'file not found (a relative path starts from the current folder)'],
    ['a folder', '.', 'it is a folder, not a file; give the path of a .yaml or .json file'],
    ['a path through a file', 'ok.yaml/x.yaml', 'part of the path is a file, not a folder'],
    ['a name too long', `${'x'.repeat(300)}.yaml`, 'the name is too long'],
  ])('%s', (_what, file, message) => {
    writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
    expect(readFileBytes(file, dir)).toEqual({ ok: false, message });
  });

  it('a symbolic link loop', () => {
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect(readFileBytes('loop-a', dir)).toEqual({ ok: false, message: 'too many symbolic links (a loop?)' });
  });

  it.skipIf(process.platform === 'win32')('a device and a FIFO with no writer are refused at once, never read', () => {
    expect(readFileBytes('/dev/zero', dir)).toEqual({
      ok: false,
      message: 'not a regular file (a pipe, device or socket); give the path of a .yaml or .json file',
    });
    if (spawnSync('mkfifo', [join(dir, 'fifo')]).status !== 0) return;
    expect(readFileBytes('fifo', dir)).toEqual({ ok: false, message: 'not a regular file (a pipe, device or socket); give the path of a .yaml or .json file' });
  });

  it('a folder given with a trailing slash, and a link to a file', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    expect(readFileBytes('sub/', dir)).toEqual({ ok: false, message: 'it is a folder, not a file; give the path of a .yaml or .json file' });
    writeFileSync(join(dir, 'target.yaml'), 'b: 2\n');
    symlinkSync('target.yaml', join(dir, 'link.yaml'));
    expect(readFileBytes('link.yaml', dir)).toEqual({ ok: true, bytes: Buffer.from('b: 2\n') });
  });
});

describe('parseDatasetBytes: size and encoding', () => {
  it.each<[string, Uint8Array, string[]]>([
    [
      'over the limit (before decoding)',
      new Uint8Array(MAX_FILE_BYTES + 1).fill(0xff),
      [`f.yaml: file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} (split it into an overlay)`],
    ],
    ['UTF-16 LE BOM', new Uint8Array([0xff, 0xfe, 0x61, 0]), ['f.yaml: file is UTF-16; save it as UTF-8']],
    ['UTF-16 BE BOM', new Uint8Array([0xfe, 0xff, 0, 0x61]), ['f.yaml: file is UTF-16; save it as UTF-8']],
    ['UTF-32 LE BOM', new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), ['f.yaml: file is UTF-32; save it as UTF-8']],
    ['UTF-32 BE BOM', new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]), ['f.yaml: file is UTF-32; save it as UTF-8']],
    ['UTF-16 LE, no BOM', new Uint8Array([0x61, 0, 0x3a, 0]), ['f.yaml: file is UTF-16 without a byte order mark; save it as UTF-8']],
    ['UTF-16 BE, no BOM', new Uint8Array([0, 0x61, 0, 0x3a]), ['f.yaml: file is UTF-16 without a byte order mark; save it as UTF-8']],
    [
      'one NUL after a letter is not UTF-16',
      new Uint8Array([0x61, 0, 0x3a, 0x20]),
      ['f.yaml:1:2: file contains NUL bytes (is it a binary file?); save it as UTF-8 text'],
    ],
    ['a NUL first is not UTF-16', new Uint8Array([0, 0x61, 0x3a, 0x20]), ['f.yaml:1:1: file contains NUL bytes (is it a binary file?); save it as UTF-8 text']],
    ['two NULs are not UTF-16', new Uint8Array([0, 0]), ['f.yaml:1:1: file contains NUL bytes (is it a binary file?); save it as UTF-8 text']],
    [
      'Latin-1 é on line 2',
      new Uint8Array([...utf8('a: 1\nb: caf'), 0xe9, 0x0a]),
      ['f.yaml:2:7: file is not valid UTF-8 (byte 0xE9; is it Latin-1 or Windows-1252?); save it as UTF-8'],
    ],
    [
      'a stray continuation byte',
      new Uint8Array([...utf8('ab'), 0x80]),
      ['f.yaml:1:3: file is not valid UTF-8 (byte 0x80; is it Latin-1 or Windows-1252?); save it as UTF-8'],
    ],
    [
      'a byte after valid é and a BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('é: '), 0x9c]),
      ['f.yaml:1:4: file is not valid UTF-8 (byte 0x9C; is it Latin-1 or Windows-1252?); save it as UTF-8'],
    ],
    [
      'cut in the middle of a character',
      new Uint8Array([...utf8('a: caf'), 0xc3]),
      ['f.yaml:1:7: file is not valid UTF-8 (it ends in the middle of a character; is it Latin-1 or Windows-1252?); save it as UTF-8'],
    ],
    [
      'a character cut by the next one',
      new Uint8Array([...utf8('a: '), 0xe2, 0x82, 0x41]),
      ['f.yaml:1:4: file is not valid UTF-8 (byte 0xE2; is it Latin-1 or Windows-1252?); save it as UTF-8'],
    ],
    ['a NUL on line 3', utf8('a: 1\nb: 2\nc: \0\n'), ['f.yaml:3:4: file contains NUL bytes (is it a binary file?); save it as UTF-8 text']],
    ['ESC', utf8('a: \u001b[31mred\n'), ['f.yaml:1:4: file contains the control character U+001B, which YAML does not allow; remove it']],
    ['DEL', utf8('a: \u007f\n'), ['f.yaml:1:4: file contains the control character U+007F, which YAML does not allow; remove it']],
    ['a C1 control', utf8('a: \u0086\n'), ['f.yaml:1:4: file contains the control character U+0086, which YAML does not allow; remove it']],
    ['U+FFFE', utf8('a: \ufffe\n'), ['f.yaml:1:4: file contains the control character U+FFFE, which YAML does not allow; remove it']],
    ['U+FFFF', utf8('a: \uffff\n'), ['f.yaml:1:4: file contains the control character U+FFFF, which YAML does not allow; remove it']],
    ['U+0008 (the last C0 before tab)', utf8('a: \u0008\n'), ['f.yaml:1:4: file contains the control character U+0008, which YAML does not allow; remove it']],
    ['U+000B', utf8('a: \u000b\n'), ['f.yaml:1:4: file contains the control character U+000B, which YAML does not allow; remove it']],
    ['U+000C', utf8('a: \u000c\n'), ['f.yaml:1:4: file contains the control character U+000C, which YAML does not allow; remove it']],
    ['U+000E', utf8('a: \u000e\n'), ['f.yaml:1:4: file contains the control character U+000E, which YAML does not allow; remove it']],
    ['U+001F', utf8('a: \u001f\n'), ['f.yaml:1:4: file contains the control character U+001F, which YAML does not allow; remove it']],
    ['U+0084', utf8('a: \u0084\n'), ['f.yaml:1:4: file contains the control character U+0084, which YAML does not allow; remove it']],
    ['U+009F', utf8('a: \u009f\n'), ['f.yaml:1:4: file contains the control character U+009F, which YAML does not allow; remove it']],
  ])('%s', (_what, bytes, expected) => {
    expect(problems(bytes)).toEqual(expected);
  });

  it.each([
    ['tab, CR LF, NEL, no-break space, emoji', 'a: "x\ty"\r\nb: "\u0085 \u00a0 😀"\r\n', { a: 'x\ty', b: '\u0085 \u00a0 😀' }],
    ['a UTF-8 BOM', '\ufeffa: 1\n', { a: 1 }],
    ['U+0020 and U+007E, the printable ASCII ends', 'a: " ~"\n', { a: ' ~' }],
    ['U+00A0 and U+FFFD', 'a: "\u00a0\ufffd"\n', { a: '\u00a0\ufffd' }],
  ])('accepts %s', (_what, text, data) => {
    const parsed = parseDatasetBytes('f.yaml', utf8(text));
    expect(parsed.ok && parsed.document.data).toEqual(data);
  });

  it('accepts a file of exactly the limit', () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES).fill(0x20);
    bytes.set(utf8('a: 1'));
    const parsed = parseDatasetBytes('f.yaml', bytes);
    expect(parsed.ok && parsed.document.data).toEqual({ a: 1 });
  });
});

describe('parseDatasetText: one document, the core schema, every problem located', () => {
  it.each<[string, string, string[]]>([
    ['a duplicate key', 'a: 1\na: 2\n', ['f.yaml:2:1: Map keys must be unique']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['f.yaml:2:1: Source contains multiple documents; please use YAML.parseAllDocuments()']],
    ['a local tag', 'a: !foo x\n', ['f.yaml:1:4: Unresolved tag: !foo']],
    ['!!js/function', 'a: !!js/function x\n', ['f.yaml:1:4: Unresolved tag: tag:yaml.org,2002:js/function']],
    ['!!binary', 'a: !!binary aGk=\n', ['f.yaml:1:4: Unresolved tag: tag:yaml.org,2002:binary']],
    ['!!timestamp', 'a: !!timestamp 2026-11-23\n', ['f.yaml:1:4: Unresolved tag: tag:yaml.org,2002:timestamp']],
    ['!!set', 'a: !!set {x: null}\n', ['f.yaml:1:4: Unresolved tag: tag:yaml.org,2002:set']],
    ['__proto__', 'a:\n  __proto__: {x: 1}\n', ['f.yaml:2:3: a.__proto__: "__proto__" cannot be used as a key (it is reserved in JavaScript)']],
    ['constructor', '- constructor: 1\n', ['f.yaml:1:3: [0].constructor: "constructor" cannot be used as a key (it is reserved in JavaScript)']],
    ['prototype', 'a: [{b: [{prototype: 1}]}]\n', ['f.yaml:1:11: a[0].b[0].prototype: "prototype" cannot be used as a key (it is reserved in JavaScript)']],
    ['a quoted reserved key', '"__proto__": 1\n', ['f.yaml:1:1: __proto__: "__proto__" cannot be used as a key (it is reserved in JavaScript)']],
    ['a merge key', 'a: &a {x: 1}\nb: {<<: *a}\n', ['f.yaml:2:5: b.<<: merge keys ("<<") are not supported; write the fields out']],
    ['an alias as a key', 'a: &k x\n*k : 1\n', ['f.yaml:2:1: a key cannot be an alias (*k)']],
    ['a list as a key', 'a:\n  ? [x, y]\n  : 1\n', ['f.yaml:2:5: a: a key must be plain text, not a list']],
    ['a mapping as a key', '? {x: 1}\n: 1\n', ['f.yaml:1:3: a key must be plain text, not a mapping']],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', ['f.yaml:1:4: a: alias *x has no anchor &x before it']],
    ['an alias with no anchor, in a list', 'a: [1, *nope]\n', ['f.yaml:1:8: a[1]: alias *nope has no anchor &nope before it']],
    ['an alias inside its own anchor', 'a: &x\n  b: [*x]\n', ['f.yaml:2:7: a.b[0]: alias *x is inside the value it names (a loop)']],
    [
      'every problem at once, in file order',
      '__proto__: 1\nb: !foo x\nc: *nope\n',
      [
        'f.yaml:1:1: __proto__: "__proto__" cannot be used as a key (it is reserved in JavaScript)',
        'f.yaml:2:4: Unresolved tag: !foo',
        'f.yaml:3:4: c: alias *nope has no anchor &nope before it',
      ],
    ],
    [
      'after a syntax error, only the syntax errors',
      '? [a]\n: 1\nb: [\n',
      ['f.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    ['a message cut at its first line, whatever the line break', 'a: |\r\n x\r\n y\r  z\n', []],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('lets aliases through when their anchor comes first, with the data expanded', () => {
    const parsed = parseDatasetText('f.yaml', 'a: &x [1, 2]\nb: *x\nc: &x 3\nd: *x\n');
    expect(parsed.ok && parsed.document.data).toEqual({ a: [1, 2], b: [1, 2], c: 3, d: 3 });
  });

  it('%YAML 1.1 keeps the core schema: yes, 0123 and merges stay as written', () => {
    const parsed = parseDatasetText('f.yaml', '%YAML 1.1\n---\na: yes\nb: 0o17\nc: 012\n');
    expect(parsed.ok && parsed.document.data).toEqual({ a: 'yes', b: 15, c: 12 });
  });

  it('refuses an alias bomb as a whole file', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    let previous = 'a';
    for (const name of 'bcdef') {
      text += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
      previous = name;
    }
    expect(problems(text)).toEqual(['f.yaml: Excessive alias count indicates a resource exhaustion attack (too many aliases; write the values out instead)']);
  });

  it(`lists ${MAX_REPORTED} YAML problems, then how many more`, () => {
    const many = (n: number) => `a: ${']'.repeat(n)}\n`;
    expect(problems(many(MAX_REPORTED))).toHaveLength(MAX_REPORTED);
    const one = problems(many(MAX_REPORTED + 1));
    expect(one).toHaveLength(MAX_REPORTED + 1);
    expect(one.at(-2)).toBe(`f.yaml:1:${3 + MAX_REPORTED}: Unexpected flow-seq-end token in YAML stream: "]"`);
    expect(one.at(-1)).toBe(`f.yaml:1:${4 + MAX_REPORTED}: … and 1 more YAML problem in this file; fix the ones above first`);
    expect(problems(many(MAX_REPORTED + 7)).at(-1)).toBe(`f.yaml:1:${4 + MAX_REPORTED}: … and 7 more YAML problems in this file; fix the ones above first`);
  });

  it('an empty or comment-only file is a document with no data (validation says "file is empty")', () => {
    for (const text of ['', '# only a comment\n', '---\n']) {
      const parsed = parseDatasetText('f.yaml', text);
      expect(parsed.ok && parsed.document.data).toBeNull();
    }
  });

  it('locate: a missing key points at its mapping, an index past the end at its list, the root at its first line', () => {
    const parsed = parseDatasetText('f.yaml', '# header\na:\n  b: 1\n  c: [x, y]\n');
    if (!parsed.ok) throw new Error('parse failed');
    const locate = parsed.document.locate!;
    expect(locate([])).toEqual({ line: 2, column: 1 });
    expect(locate(['a', 'b'])).toEqual({ line: 3, column: 6 });
    expect(locate(['a', 'nope'])).toEqual({ line: 3, column: 3 });
    expect(locate(['a', 'c', 1])).toEqual({ line: 4, column: 10 });
    expect(locate(['a', 'c', 5])).toEqual({ line: 4, column: 6 });
    expect(locate(['a', 'c', 'x'])).toEqual({ line: 4, column: 6 });
  });
});

describe('nestingProblem (the Lexer only: the parser never sees these)', () => {
  const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;

  it(`allows ${MAX_NESTING} open flow collections, refuses one more where it opens`, () => {
    expect(nestingProblem(flow(MAX_NESTING))).toBeNull();
    expect(nestingProblem(flow(MAX_NESTING + 1))).toEqual({
      message: `nesting deeper than ${MAX_NESTING} levels`,
      position: { line: 1, column: 4 + MAX_NESTING },
    });
    expect(nestingProblem(`a: ${'{x: '.repeat(100_000)}`)?.message).toBe(`nesting deeper than ${MAX_NESTING} levels`);
  });

  it('counts depth, not brackets: closed collections free their level', () => {
    expect(nestingProblem(`a: ${'[[]]'.repeat(1000)}\n`)).toBeNull();
    expect(nestingProblem(`a: [${'[], '.repeat(1000)}]\n`)).toBeNull();
  });

  it('stray closing brackets first buy no extra depth', () => {
    expect(nestingProblem(`a: ${']'.repeat(500)}\nb: ${'['.repeat(MAX_NESTING + 1)}\n`)).toEqual({
      message: `nesting deeper than ${MAX_NESTING} levels`,
      position: { line: 2, column: 4 + MAX_NESTING },
    });
  });

  it('ignores brackets in quoted text and comments', () => {
    expect(nestingProblem(`a: "${'['.repeat(5000)}"\nb: '${'{'.repeat(5000)}'\n# ${'['.repeat(5000)}\n`)).toBeNull();
  });

  it(`allows indentation of ${MAX_INDENT} columns, refuses wider on the line it starts`, () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(nestingProblem(`${block(MAX_INDENT + 1)}\n`)).toBeNull();
    expect(nestingProblem(`${block(MAX_INDENT + 2)}\n`)).toEqual({
      message: `indentation wider than ${MAX_INDENT} columns`,
      position: { line: MAX_INDENT + 2, column: 1 },
    });
  });

  it.each(['-', '?'])(`allows a block "%s" up to column ${MAX_INDENT}, refuses it further right`, (indicator) => {
    const compact = (n: number) => `${`${indicator} `.repeat(n)}x\n`;
    expect(nestingProblem(compact(MAX_INDENT / 2))).toBeNull();
    expect(nestingProblem(compact(MAX_INDENT / 2 + 1))).toEqual({
      message: `nesting deeper than ${MAX_INDENT} columns (a "${indicator}" at column ${MAX_INDENT + 1})`,
      position: { line: 1, column: MAX_INDENT + 1 },
    });
  });

  it('counts lines and columns across CRLF, comments, quoted and block text', () => {
    const text = `a: "two\n  lines"\r\nb: |\n  block\n  text\n# note\nc: >-\n  folded\nd: ${'['.repeat(MAX_NESTING + 1)}`;
    expect(nestingProblem(text)?.position).toEqual({ line: 9, column: 4 + MAX_NESTING });
  });

  it('a long text block, or long white space after a value, is not indentation', () => {
    expect(nestingProblem(`a: |\n  ${'word '.repeat(2000)}\n`)).toBeNull();
    expect(nestingProblem(`a: 1${' '.repeat(MAX_INDENT + 10)}\nb: [1,${' '.repeat(MAX_INDENT + 10)}2]\n`)).toBeNull();
  });

  it('refuses 100,000 open brackets quickly', () => {
    const started = performance.now();
    expect(nestingProblem('['.repeat(100_000))?.message).toBe(`nesting deeper than ${MAX_NESTING} levels`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('parseDatasetText runs the guard first', () => {
    expect(problems(`a: ${'['.repeat(MAX_NESTING + 1)}`)).toEqual([`f.yaml:1:${4 + MAX_NESTING}: nesting deeper than ${MAX_NESTING} levels`]);
  });
});

describe('positions and messages', () => {
  it('offsetToPosition: 1-based, counting only line feeds', () => {
    expect(offsetToPosition('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToPosition('ab\ncd\r\nef', 2)).toEqual({ line: 1, column: 3 });
    expect(offsetToPosition('ab\ncd\r\nef', 3)).toEqual({ line: 2, column: 1 });
    expect(offsetToPosition('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });

  it('escapeControls keeps a problem on one line and the terminal unstyled', () => {
    expect(escapeControls('a\nb\rc\u001b[31m\u0000\u007f\u009f\u2028\u2029\td é')).toBe('a\\nb\\rc\\u001b[31m\\u0000\\u007f\\u009f\\u2028\\u2029\td é');
    expect(formatIssue({ file: 'f.yaml', path: ['a\nb'], message: 'm\n' })).toBe('f.yaml: a\\nb: m\\n');
  });
});

describe('validation headers', () => {
  const doc = (file: string, text: string) => {
    const parsed = parseDatasetText(file, text);
    if (!parsed.ok) throw new Error('parse failed');
    return parsed.document;
  };

  it('an invalid "dataset:" header is reported once, not also as missing', () => {
    const result = validateDataset([doc('a.yaml', 'dataset: {name: t, version: 1, updated: 2026-11-23}\n')]);
    expect(!result.ok && result.issues.map(formatIssue)).toEqual(['a.yaml:1:29: dataset.version: Invalid input: expected string, received number']);
  });

  it('a second header is reported even when one of them is invalid', () => {
    const result = validateDataset([doc('a.yaml', 'dataset: {name: t}\n'), doc('b.yaml', 'dataset: {name: t, version: "1", updated: 2026-11-23}\n')]);
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      'a.yaml:1:10: dataset.version: "version" is required',
      'a.yaml:1:10: dataset.updated: "updated" is required',
      'b.yaml:1:10: dataset: a second "dataset:" header; the first is in a.yaml',
    ]);
  });

  it('no header at all', () => {
    const result = validateDataset([doc('a.yaml', 'roles: []\n')]);
    expect(!result.ok && result.issues.map(formatIssue)).toEqual(['a.yaml:1:1: no "dataset:" header (name, version, updated) in any file']);
  });
});
