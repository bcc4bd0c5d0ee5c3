/**
 * Issue 8, end to end: every bad input gets a clear answer and the right exit code, and nothing is
 * written or lost. Issue 18 (at the end): the findings of the adversarial review at the I/O edge. One row per line of reliability.md's bad-input matrix (plus the rows found
 * missing), each run through the built bin in its own temp folder with `--output` into it, so a
 * file that should not appear would show in the folder listing. Big, deep and bomb inputs are
 * made here at run time; none of them is ever parsed in this process.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, type CliRun } from '../helpers/spawn';
import { sq, TMUX, TmuxSession } from '../helpers/tmux';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder with an empty out/ in it, for --output. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerpath-robust-'));
  folders.push(dir);
  mkdirSync(join(dir, 'out'));
  return dir;
}

/** Every path under a folder, sorted: what "nothing was written" is checked against. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Runs the bin asynchronously (so a test can close its pipes or run two at once), with NO_COLOR. */
function runAsync(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; onSpawn?: (child: ReturnType<typeof spawn>) => void; uid?: number },
): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.CAREERPATH_DATA;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdout.on('error', () => {});
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onSpawn?.(child);
  });
}

// ---------------------------------------------------------------------------------------------
// Dataset files: `plan --data in.yaml --output out/plan.md` must exit 1 with the message, write nothing.

const HEADER = 'dataset: {name: t, version: "1", updated: 2026-11-23}\n';
const VALID = `${HEADER}sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
roles:
  - {id: a, name: A, sector: nhs, summary: s, sources: [S], entry: true}
  - {id: b, name: B, sector: nhs, summary: s, sources: [S]}
transitions:
  - {from: a, to: b, kind: up, routes: [{experienceMonths: 12}], sources: [S]}
`;
/** VALID with one line (1-based) replaced. */
const withLine = (line: number, text: string) =>
  VALID.split('\n')
    .map((l, i) => (i === line - 1 ? text : l))
    .join('\n');

/** 9 levels of 9 aliases each: 9^9 values if expanded. */
function billionLaughs(): string {
  const lines = [HEADER.trimEnd(), 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

function blockNesting(levels: number): string {
  let text = `${HEADER}roles:\n`;
  for (let i = 0; i < levels; i++) text += `${' '.repeat(i + 1)}k${i}:\n`;
  return text;
}

const OVER_LIMIT = `${HEADER}${'# padding padding padding padding padding padding padding padding padding\n'.repeat(40_000)}`;

interface DataRow {
  name: string;
  /** The bytes of in.yaml, or a function that makes it (a folder, a FIFO, a sparse file). */
  input: string | Buffer | ((path: string) => void);
  /** stderr must contain each of these, in order. */
  stderr: string[];
  /** Skip when the platform cannot make the input. */
  skip?: () => boolean;
}

const DATA_ROWS: DataRow[] = [
  {
    name: 'missing file',
    input: () => {},
    stderr: ['in.yaml: file not found (a relative path starts from the current folder)', '✗ could not read the dataset (1 problem)'],
  },
  { name: 'a folder', input: (path) => mkdirSync(path), stderr: ['in.yaml: it is a folder, not a file; give the path of a .yaml or .json file'] },
  {
    name: 'a FIFO (no hang)',
    input: (path) => spawnSync('mkfifo', [path]),
    skip: () => process.platform === 'win32' || spawnSync('mkfifo', ['--version']).status !== 0,
    stderr: ['in.yaml: not a regular file (a pipe, device or socket); give the path of a .yaml or .json file'],
  },
  {
    name: 'over 2 MiB',
    input: OVER_LIMIT,
    stderr: [`in.yaml: file is ${Buffer.byteLength(OVER_LIMIT)} bytes; the limit is 2097152 (split it into an overlay)`],
  },
  {
    // 64 GiB, sparse: answered at once because the size comes from fstat before anything is read.
    name: 'a 64 GiB sparse file (the size is checked before reading)',
    input: (path) => {
      writeFileSync(path, '');
      truncateSync(path, 64 * 1024 ** 3);
    },
    stderr: ['in.yaml: file is 68719476736 bytes; the limit is 2097152'],
  },
  { name: 'empty file', input: '', stderr: ['in.yaml:1:1: file is empty: an overlay starts with "overlay: {name: ...}", a whole dataset with "dataset:"'] },
  { name: 'comment-only file', input: '# nothing here\n', stderr: ['in.yaml:1:1: file is empty'] },
  {
    name: 'top-level scalar',
    input: 'hello\n',
    stderr: ['in.yaml:1:1: expected a mapping with "overlay:" or "dataset:" at the top level, found the text "hello"'],
  },
  { name: 'top-level list', input: '- a\n- b\n', stderr: ['in.yaml:1:1: expected a mapping with "overlay:" or "dataset:" at the top level, found a list'] },
  {
    name: 'syntax error',
    input: `${HEADER}roles:\n  - id: a\n    name: A\n   sector: nhs\n`,
    stderr: ['in.yaml:5:1: Sequence item without - indicator'],
  },
  { name: 'duplicate key', input: `${HEADER}roles:\n  - id: a\n    id: b\n`, stderr: ['in.yaml:4:5: Map keys must be unique'] },
  { name: 'tab indentation', input: `${HEADER}roles:\n\t- id: a\n`, stderr: ['in.yaml:3:1: Tabs are not allowed as indentation'] },
  {
    name: 'two documents',
    input: `${VALID}---\nroles: []\n`,
    stderr: ['in.yaml:9:1: Source contains multiple documents; please use YAML.parseAllDocuments()'],
  },
  {
    name: '!!js/function tag',
    input: withLine(5, '  - {id: a, name: !!js/function "x", sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:5:19: Unresolved tag: tag:yaml.org,2002:js/function'],
  },
  {
    name: 'a local tag (!foo)',
    input: withLine(5, '  - {id: !foo a, name: A, sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:5:10: Unresolved tag: !foo'],
  },
  {
    name: '!!binary (a YAML 1.1 tag, not in the core schema)',
    input: withLine(5, '  - {id: a, name: !!binary aGk=, sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:5:19: Unresolved tag: tag:yaml.org,2002:binary'],
  },
  {
    name: '%YAML 1.1 does not turn on its booleans or merge keys',
    input: `%YAML 1.1\n---\n${withLine(5, '  - {id: a, name: A, sector: nhs, summary: s, sources: [S], entry: yes}')}`,
    stderr: ['in.yaml:7:68: roles[0].entry: Invalid input: expected boolean, received string'],
  },
  {
    name: 'undefined alias',
    input: withLine(5, '  - {id: *nope, name: A, sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:5:10: roles[0].id: alias *nope has no anchor &nope before it'],
  },
  {
    name: 'circular alias',
    input: withLine(5, '  - &r {id: a, name: A, sector: nhs, summary: s, sources: [S], notes: [*r]}'),
    stderr: ['in.yaml:5:72: roles[0].notes[0]: alias *r is inside the value it names (a loop)'],
  },
  {
    name: 'billion laughs',
    input: billionLaughs(),
    stderr: ['in.yaml: Excessive alias count indicates a resource exhaustion attack (too many aliases; write the values out instead)'],
  },
  { name: '"[" × 5000', input: `${HEADER}roles: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, stderr: ['in.yaml:2:72: nesting deeper than 64 levels'] },
  {
    name: 'stray "]" first cannot buy deeper nesting',
    input: `${HEADER}a: ${']'.repeat(3000)}\nroles: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    stderr: ['in.yaml:3:72: nesting deeper than 64 levels'],
  },
  { name: '300-level block nesting', input: blockNesting(300), stderr: ['in.yaml:259:1: indentation wider than 256 columns'] },
  {
    name: '"- " × 1000 on one line',
    input: `${HEADER}roles:\n${'- '.repeat(1000)}x\n`,
    stderr: ['in.yaml:3:257: nesting deeper than 256 columns (a "-" at column 257)'],
  },
  {
    name: '"? " × 1000 on one line',
    input: `${HEADER}${'? '.repeat(1000)}x\n`,
    stderr: ['in.yaml:2:257: nesting deeper than 256 columns (a "?" at column 257)'],
  },
  { name: 'UTF-16 LE with BOM', input: Buffer.from(`\ufeff${VALID}`, 'utf16le'), stderr: ['in.yaml: file is UTF-16; save it as UTF-8'] },
  { name: 'UTF-16 BE with BOM', input: Buffer.from(`\ufeff${VALID}`, 'utf16le').swap16(), stderr: ['in.yaml: file is UTF-16; save it as UTF-8'] },
  { name: 'UTF-16 without BOM', input: Buffer.from(VALID, 'utf16le'), stderr: ['in.yaml: file is UTF-16 without a byte order mark; save it as UTF-8'] },
  { name: 'UTF-32', input: Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('d\0\0\0')]), stderr: ['in.yaml: file is UTF-32; save it as UTF-8'] },
  {
    name: 'Latin-1',
    input: Buffer.from(withLine(6, '  - {id: b, name: Café, sector: nhs, summary: s, sources: [S]}'), 'latin1'),
    stderr: ['in.yaml:6:22: file is not valid UTF-8 (byte 0xE9; is it Latin-1 or Windows-1252?); save it as UTF-8'],
  },
  {
    name: 'binary',
    input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    stderr: ['in.yaml:1:1: file is not valid UTF-8 (byte 0x89;'],
  },
  { name: 'NUL byte', input: `${HEADER}roles: []\0\n`, stderr: ['in.yaml:2:10: file contains NUL bytes (is it a binary file?); save it as UTF-8 text'] },
  {
    name: 'a terminal escape code',
    input: `${HEADER}roles: []\u001b[31m\n`,
    stderr: ['in.yaml:2:10: file contains the control character U+001B, which YAML does not allow; remove it'],
  },
  {
    name: 'a line break inside a key is escaped in the message',
    input: withLine(5, '  - {id: a, name: A, sector: nhs, summary: s, sources: [S], "lev\\nel": 3}'),
    stderr: ['in.yaml:5:72: roles[0].lev\\nel: unknown field "lev\\nel" (check the spelling; `careerpath schema` lists the fields)'],
  },
  {
    name: 'schema error',
    input: withLine(6, '  - {id: b, name: B, sector: nhs, level: 11, summary: s, sources: [S]}'),
    stderr: ['in.yaml:6:42: roles[1].level: Too big: expected number to be <=8'],
  },
  {
    name: 'structural and cross-reference problems together',
    input: withLine(6, '  - {id: b, name: B, sector: nope, summary: s, sources: [S]}\n  - {id: a, name: C, sector: nhs, summary: s, sources: [S]}').replace(
      'to: b',
      'to: cto',
    ),
    stderr: [
      'in.yaml:6:30: roles[1].sector: Invalid option: expected one of "adult-social-care"|"social-work"|"nhs"',
      'in.yaml:7:10: roles[2].id: duplicate id "a" (first defined at in.yaml roles[0])',
      'in.yaml:9:19: transitions[0].to: unknown role "cto"',
      '✗ the dataset is not valid (3 problems)',
    ],
  },
  {
    name: '__proto__ key',
    input: withLine(6, '  - {__proto__: {x: 1}, id: b, name: B, sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:6:6: roles[1].__proto__: "__proto__" cannot be used as a key (it is reserved in JavaScript)'],
  },
  {
    name: 'constructor key',
    input: `${VALID}constructor: 1\n`,
    stderr: ['in.yaml:9:1: constructor: "constructor" cannot be used as a key (it is reserved in JavaScript)'],
  },
  {
    name: 'prototype key',
    input: withLine(8, '  - {from: a, to: b, kind: up, routes: [{prototype: x}], sources: [S]}'),
    stderr: ['in.yaml:8:42: transitions[0].routes[0].prototype: "prototype" cannot be used as a key (it is reserved in JavaScript)'],
  },
  {
    name: '<< merge key',
    input: withLine(6, '  - {<<: {x: 1}, id: b, name: B, sector: nhs, summary: s, sources: [S]}'),
    stderr: ['in.yaml:6:6: roles[1].<<: merge keys ("<<") are not supported; write the fields out'],
  },
  { name: 'a list as a key', input: `${VALID}? [a, b]\n: 1\n`, stderr: ['in.yaml:9:3: a key must be plain text, not a list'] },
  {
    name: '.inf',
    input: withLine(6, '  - {id: b, name: B, sector: nhs, level: .inf, summary: s, sources: [S]}'),
    stderr: ['in.yaml:6:42: roles[1].level: Infinity is not a figure (.inf, .nan, or a number too large to hold); give a number'],
  },
  {
    name: 'version: 1 (a number)',
    input: VALID.replace('version: "1"', 'version: 1'),
    stderr: ['in.yaml:1:29: dataset.version: Invalid input: expected string, received number', '(1 problem)'],
  },
  {
    name: 'an overlay with both headers',
    input: `overlay: {name: o}\n${VALID}`,
    stderr: ['in.yaml:1:10: overlay: a file is either a whole dataset ("dataset:") or an overlay on the data below it ("overlay:"), not both'],
  },
  { name: 'neither header', input: VALID.replace(HEADER, ''), stderr: ['in.yaml:1:1: no "overlay:" or "dataset:" header'] },
  {
    name: 'thousands of syntax errors are cut short',
    input: `${HEADER}a: ${']'.repeat(3000)}\n`,
    stderr: [
      'in.yaml:2:4: Unexpected flow-seq-end token in YAML stream: "]"',
      'in.yaml:2:54: … and 2950 more YAML problems in this file; fix the ones above first',
      '(51 problems)',
    ],
  },
];

const PLAN_INTO_OUT = ['plan', '--from', 'a', '--to', 'b', '--data', 'in.yaml', '--output', 'out/plan.md'];

describe('bad dataset files: exit 1, a located message, nothing written', () => {
  it.concurrent.for(DATA_ROWS.map((row) => [row.name, row] as const))('%s', async ([, row], ctx) => {
    if (row.skip?.()) return ctx.skip('this platform cannot make the input (mkfifo)');
    const dir = workspace();
    const path = join(dir, 'in.yaml');
    if (typeof row.input === 'function') row.input(path);
    else writeFileSync(path, row.input);
    const before = listing(dir);

    const run = await runAsync(PLAN_INTO_OUT, { cwd: dir });
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe('');
    let from = 0;
    for (const part of row.stderr) {
      const at = run.stderr.indexOf(part, from);
      expect(at, `stderr lacks ${JSON.stringify(part)} (in order):\n${run.stderr}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
    expect(run.stderr).not.toMatch(/\n\s+at |failed unexpectedly/);
    expect(run.code).toBe(1);
    expect(listing(dir)).toEqual(before);
  });

  it('a UTF-8 BOM and CRLF line endings are accepted (the harness does see a written file)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'in.yaml'), `\ufeff${VALID.replace(/\n/g, '\r\n')}`);
    const run = await runAsync(PLAN_INTO_OUT, { cwd: dir });
    expect(run.stderr).toBe('Saved out/plan.md\n');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out/plan.md'), 'utf8')).toMatch(/^# Career plan: A → B\n/);
  });

  it('inputs just inside the nesting limits parse twice in one process without crashing', async () => {
    const dir = workspace();
    let deep = `${HEADER}roles:\n`;
    for (let i = 0; i < 255; i++) deep += `${' '.repeat(i + 1)}k${i}:\n`;
    deep += `${' '.repeat(256)}k: ${'['.repeat(64)}${']'.repeat(64)}\n`;
    writeFileSync(join(dir, 'indent.yaml'), deep);
    writeFileSync(join(dir, 'compact.yaml'), `${HEADER}roles:\n${'- '.repeat(127)}${'['.repeat(64)}${']'.repeat(64)}\n`);
    const run = await runAsync(['validate', 'indent.yaml', 'compact.yaml', 'indent.yaml', 'compact.yaml'], { cwd: dir });
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/FATAL|Maximum call stack|nesting deeper|indentation wider/);
    // (validate layers them: the last whole dataset is the one checked; all four were parsed.)
    expect(run.stdout).toBe('compact.yaml:3:3: roles[0]: Invalid input: expected object, received array\n');
    expect(run.code).toBe(1);
  });

  it("validate lists every file's problems in one run: missing, a folder, a syntax error, not UTF-8", () => {
    const dir = workspace();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'syntax.yaml'), `${HEADER}roles:\n  - id: a\n   name: x\n`);
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(`${HEADER}# café\n`, 'latin1'));
    const before = listing(dir);
    const { code, stdout, stderr } = runCli(['validate', 'missing.yaml', 'folder', 'syntax.yaml', 'latin1.yaml'], { cwd: dir });
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      'missing.yaml: file not found (a relative path starts from the current folder)',
      'folder: it is a folder, not a file; give the path of a .yaml or .json file',
      'syntax.yaml:4:1: Sequence item without - indicator',
      'latin1.yaml:2:6: file is not valid UTF-8 (byte 0xE9; is it Latin-1 or Windows-1252?); save it as UTF-8',
    ]);
    expect(stderr).toContain('✗ missing.yaml, folder, syntax.yaml, latin1.yaml: 4 problems');
    expect(code).toBe(1);
    expect(listing(dir)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Usage errors: exit 2, a suggestion where there is one, nothing written.

const USAGE_ROWS: { name: string; argv: string[]; stderr: string[] }[] = [
  { name: 'unknown command', argv: ['plna', '--from', 'care worker'], stderr: ["error: unknown command 'plna'", '(Did you mean plan?)'] },
  { name: 'unknown option', argv: ['plan', '--fromat', 'json', '-o', 'out/plan.md'], stderr: ["error: unknown option '--fromat'", '(Did you mean --format?)'] },
  {
    name: '-o with no value',
    argv: ['plan', '--from', 'care worker', '--to', 'team leader', '-o'],
    stderr: ["error: option '-o, --output <file>' argument missing"],
  },
  {
    name: '--format with a bad value',
    argv: ['plan', '--from', 'care worker', '--to', 'team leader', '--format', 'yaml', '-o', 'out/plan.md'],
    stderr: ["error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are table, text, markdown, json, html."],
  },
  {
    name: '--json with --format',
    argv: ['roles', '--json', '--format', 'table', '-o', 'out/roles.json'],
    stderr: ["error: option '--json' cannot be used with option '--format <format>'"],
  },
  {
    name: 'a number out of range',
    argv: ['plan', '--from', 'care worker', '--to', 'team leader', '--alternatives', '99', '-o', 'out/plan.md'],
    stderr: ["argument '99' is invalid. expected a whole number from 0 to 20"],
  },
  { name: 'only one of --from/--to', argv: ['plan', '--from', 'care worker', '-o', 'out/plan.md'], stderr: ['✗ plan needs --to'] },
  {
    name: '--output with an empty name (review L4)',
    argv: ['plan', '--from', 'care worker', '--to', 'team leader', '-o', ''],
    stderr: ['✗ --output needs a file name', 'For example --output plan.md, or -o - for standard output.'],
  },
  {
    name: 'a whole number too large to hold (review L3)',
    argv: ['plan', '--from', 'care worker', '--to', 'team leader', '--max-months', '99999999999999999999999'],
    stderr: ['expected a whole number of at least 1: this one is too large'],
  },
  {
    name: 'an unknown role',
    argv: ['plan', '--from', 'care wroker', '--to', 'team leader', '-o', 'out/plan.md'],
    stderr: ['✗ unknown role "care wroker" (--from). Did you mean "Care worker"'],
  },
  { name: 'bare command: help on stderr', argv: [], stderr: ['Usage: careerpath [options] [command]'] },
  {
    name: 'the questionnaire without a terminal',
    argv: ['interactive'],
    stderr: ['✗ the questionnaire needs an interactive terminal', 'careerpath plan --from'],
  },
];

describe('usage errors: exit 2, nothing written (but the error document under --json)', () => {
  it.concurrent.for(USAGE_ROWS.map((row) => [row.name, row] as const))('%s', async ([, row]) => {
    const dir = workspace();
    const before = listing(dir);
    const run = await runAsync(row.argv, { cwd: dir });
    for (const part of row.stderr) expect(run.stderr).toContain(part);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // Under --json the failure is also a JSON error document on stdout; otherwise stdout stays empty.
    if (row.argv.includes('--json')) expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'error', code: 'usage', exitCode: 2 });
    else expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(listing(dir)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// --output: never overwrite without --force, never lose the old file, never leave a temp file.

const PLAN = ['plan', '--from', 'care worker', '--to', 'team leader'];

describe("saving with --output: exit 1 and the user's path on failure, nothing lost", () => {
  const OUTPUT_ROWS: { name: string; setup: (dir: string) => void; output: string; force?: boolean; stderr: string; keep?: [string, string] }[] = [
    {
      name: 'the file exists (no --force)',
      setup: (dir) => writeFileSync(join(dir, 'out/plan.md'), 'my notes'),
      output: 'out/plan.md',
      stderr: '✗ out/plan.md already exists (use --force to overwrite it)',
      keep: ['out/plan.md', 'my notes'],
    },
    { name: 'a missing folder', setup: () => {}, output: 'nowhere/plan.md', stderr: '✗ cannot write nowhere/plan.md: the folder nowhere does not exist' },
    {
      name: 'a path through a file',
      setup: (dir) => writeFileSync(join(dir, 'out/notes'), 'x'),
      output: 'out/notes/plan.md',
      stderr: '✗ cannot write out/notes/plan.md: part of the path is a file, not a folder',
      keep: ['out/notes', 'x'],
    },
    {
      name: 'a folder in the way',
      setup: (dir) => mkdirSync(join(dir, 'out/plan.md')),
      output: 'out/plan.md',
      stderr: '✗ cannot write out/plan.md: it is a folder',
    },
    {
      name: 'a folder in the way, with --force',
      setup: (dir) => mkdirSync(join(dir, 'out/plan.md')),
      output: 'out/plan.md',
      force: true,
      stderr: '✗ cannot write out/plan.md: it is a folder',
    },
  ];

  it.concurrent.for(OUTPUT_ROWS.map((row) => [row.name, row] as const))('%s', async ([, row]) => {
    const dir = workspace();
    row.setup(dir);
    const before = listing(dir);
    const run = await runAsync([...PLAN, '--output', row.output, ...(row.force ? ['--force'] : [])], { cwd: dir });
    expect(run.stderr).toContain(row.stderr);
    expect(run.stderr).not.toMatch(/\.tmp|\n\s+at /);
    expect(run.code).toBe(1);
    expect(listing(dir)).toEqual(before);
    if (row.keep) expect(readFileSync(join(dir, row.keep[0]), 'utf8')).toBe(row.keep[1]);
  });

  it('a folder the user may not write to: permission denied (as an unprivileged user, also when the tests run as root)', async (ctx) => {
    const dir = workspace();
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534 }).status !== 0) {
      return ctx.skip('as root, this runs the CLI as "nobody", who cannot read this checkout');
    }
    mkdirSync(join(dir, 'out/locked'));
    chmodSync(join(dir, 'out/locked'), 0o555);
    // Root may write anywhere: the CLI then runs as "nobody", who can read the temp folder but not write in it.
    if (asRoot) chmodSync(dir, 0o755);
    const before = listing(dir);
    const run = await runAsync([...PLAN, '--output', 'out/locked/plan.md'], {
      cwd: dir,
      uid: asRoot ? 65534 : undefined,
      env: { XDG_CACHE_HOME: join(dir, 'cache') },
    });
    expect(run.stderr).toContain('✗ cannot write out/locked/plan.md: permission denied');
    expect(run.stderr).not.toMatch(/\.tmp|\n\s+at /);
    expect(run.code).toBe(1);
    expect(listing(dir)).toEqual(before);
  });

  it('two processes saving to the same new file at once: exactly one wins, the other says it exists', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = workspace();
      const runs = await Promise.all([1, 2].map(() => runAsync([...PLAN, '--format', 'markdown', '--output', 'out/plan.md'], { cwd: dir })));
      expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
      expect(runs.find((r) => r.code === 1)!.stderr).toContain('✗ out/plan.md already exists (use --force to overwrite it)');
      expect(listing(dir)).toEqual(['out', 'out/plan.md']);
      expect(readFileSync(join(dir, 'out/plan.md'), 'utf8')).toMatch(/^# Career plan: Care worker → Team leader\n/);
    }
  });

  it('Ctrl-C in the middle of a save: the process ends on SIGINT, the old file is whole, no temp file', () => {
    for (const force of [false, true]) {
      const dir = workspace();
      writeFileSync(join(dir, 'out/plan.md'), 'old plan');
      // A child that saves 128 MB (long enough to interrupt) and sends itself SIGINT once the temp file exists.
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'test/helpers/interrupted-write.ts'), join(dir, 'out'), force ? 'force' : 'no-force'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(child.stdout).toBe('');
      expect(child.signal).toBe('SIGINT');
      expect(listing(dir)).toEqual(['out', 'out/plan.md']);
      expect(readFileSync(join(dir, 'out/plan.md'), 'utf8')).toBe('old plan');
    }
  }, 120_000);
});

/** A tiny tmpfs needs root and permission to mount: these skip without them. */
function mountTmpfs(target: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', target], { stdio: 'ignore' }).status === 0;
}

describe('saving onto a full or read-only disk (root only: a tiny tmpfs)', () => {
  it('a full disk: exit 1, the existing plan is kept whole, no temp file', async (ctx) => {
    const dir = workspace();
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    if (!mountTmpfs(mnt, 'size=64k')) return ctx.skip('mounting a small tmpfs needs root on Linux');
    try {
      writeFileSync(join(mnt, 'plan.md'), 'old plan');
      // Fill what is left, so that not even a small plan fits.
      try {
        writeFileSync(join(mnt, 'filler'), Buffer.alloc(128 * 1024));
      } catch {
        // ENOSPC: the filler took all it could.
      }
      const run = await runAsync([...PLAN, '--output', 'small/plan.md', '--force'], { cwd: dir });
      expect(run.stderr).toContain('✗ cannot write small/plan.md: the disk is full (the existing file was left as it was)');
      expect(run.code).toBe(1);
      expect(readFileSync(join(mnt, 'plan.md'), 'utf8')).toBe('old plan');
      expect(readdirSync(mnt).sort()).toEqual(['filler', 'plan.md']);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a read-only file system: exit 1, named as such', async (ctx) => {
    const dir = workspace();
    const mnt = join(dir, 'ro');
    mkdirSync(mnt);
    if (!mountTmpfs(mnt, 'size=64k,ro')) return ctx.skip('mounting a read-only tmpfs needs root on Linux');
    try {
      const run = await runAsync([...PLAN, '--output', 'ro/plan.md'], { cwd: dir });
      expect(run.stderr).toContain('✗ cannot write ro/plan.md: the file system is read-only');
      expect(run.code).toBe(1);
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The terminal: colour, pipes.

describe('terminal behaviour', () => {
  it('NO_COLOR (any non-empty value) wins over FORCE_COLOR; an empty NO_COLOR does not count', async () => {
    const dir = workspace();
    const colour = (env: NodeJS.ProcessEnv) => runAsync(['roles', '--sector', 'nhs'], { cwd: dir, env: { NO_COLOR: undefined, ...env } });
    const [forced, noColor, emptyNoColor, flag] = await Promise.all([
      colour({ FORCE_COLOR: '1' }),
      colour({ FORCE_COLOR: '1', NO_COLOR: '1' }),
      colour({ FORCE_COLOR: '1', NO_COLOR: '' }),
      runAsync(['roles', '--sector', 'nhs', '--no-color'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toMatch(/\u001b\[/);
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(emptyNoColor.stdout).toMatch(/\u001b\[/);
    expect(flag.stdout).not.toMatch(/\u001b\[/);
    expect([forced, noColor, emptyNoColor, flag].map((r) => r.code)).toEqual([0, 0, 0, 0]);
  });

  it('a reader that goes away (`careerpath roles | head`): EPIPE ends it quietly with exit 0', async () => {
    const dir = workspace();
    const run = await runAsync(['roles', '--json'], {
      cwd: dir,
      // Close our end of stdout before the child writes: its first write fails with EPIPE.
      onSpawn: (child) => child.stdout!.destroy(),
    });
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
  });
});

describe.skipIf(!TMUX)('colour on a real terminal (tmux)', () => {
  /** `careerpath roles --sector nhs [extra]` on a terminal with `env` set; the screen with its styles. */
  async function styledRoles(env: string, extra = ''): Promise<{ screen: string; code: number }> {
    const command = `env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color ${env} ${sq(process.execPath)} ${sq(BIN)} roles --sector nhs --level 2 ${extra}`;
    const session = new TmuxSession(command, { cwd: ROOT, width: 160, height: 50 });
    try {
      const code = await session.exitCode();
      return { screen: session.styledScreen(), code };
    } finally {
      session.kill();
    }
  }

  it('colour by default, none with NO_COLOR=1 or --no-color (chalk alone ignores NO_COLOR on a terminal)', { timeout: 30_000 }, async () => {
    const [coloured, noColor, flag] = await Promise.all([styledRoles(''), styledRoles('NO_COLOR=1'), styledRoles('', '--no-color')]);
    for (const run of [coloured, noColor, flag]) {
      expect(run.code).toBe(0);
      expect(run.screen).toContain('Healthcare science assistant');
    }
    expect(coloured.screen).toMatch(/\u001b\[/);
    expect(noColor.screen).not.toMatch(/\u001b\[/);
    expect(flag.screen).not.toMatch(/\u001b\[/);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 18, the I/O edge: one test (or row) per finding of the adversarial review in the cache,
// the writer, the streams and the renderers. The pure parts are unit-tested in cache.test.ts,
// write-file-respect.test.ts and render-safety.test.ts.

const posix = process.platform !== 'win32';
const asRoot = process.getuid?.() === 0;
const hasMkfifo = posix && spawnSync('mkfifo', ['--version']).status === 0;
const SHOW = ['show', 'senior care worker', '--data', 'care.yaml'];

/** A workspace with the care fixture as care.yaml and its own cache folder. */
function cacheWorkspace(): { dir: string; env: NodeJS.ProcessEnv; folder: string } {
  const dir = workspace();
  writeFileSync(join(dir, 'care.yaml'), readFileSync(join(ROOT, 'test/fixtures/datasets/care.yaml')));
  return { dir, env: { XDG_CACHE_HOME: join(dir, 'cache') }, folder: join(dir, 'cache', 'careerpath') };
}

describe('issue 18: the --data cache cannot lie or hang', () => {
  it.runIf(process.platform === 'linux')('H11: XDG_CACHE_HOME under /proc answers at once, with one note on stderr', async () => {
    const dir = cacheWorkspace().dir;
    const run = await runAsync(SHOW, { cwd: dir, env: { XDG_CACHE_HOME: '/proc/self' } });
    expect(run.signal).toBeNull();
    expect(run.stdout).toMatch(/^Senior care worker\n/);
    expect(run.stderr).toBe(
      'careerpath: not caching --data files (cache folder /proc/self/careerpath: cannot create it (ENOENT)); they are read afresh each time\n',
    );
    expect(run.code).toBe(0);
  });

  it.runIf(hasMkfifo)('H12: a FIFO or a link to /dev/zero in place of the entry is passed over at once; the answer is right', async () => {
    const { dir, env, folder } = cacheWorkspace();
    const first = await runAsync(SHOW, { cwd: dir, env });
    const [entry] = readdirSync(folder);
    for (const plant of [() => spawnSync('mkfifo', [join(folder, entry!)]), () => symlinkSync('/dev/zero', join(folder, entry!))]) {
      rmSync(join(folder, entry!), { force: true });
      plant();
      const started = Date.now();
      const run = await runAsync(SHOW, { cwd: dir, env });
      expect(run.signal).toBeNull();
      expect(run.stdout).toBe(first.stdout);
      expect(run.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it('M1: an entry edited in place (still valid JSON) is not trusted; the file is read and the entry rebuilt', async () => {
    const { dir, env, folder } = cacheWorkspace();
    const first = await runAsync(SHOW, { cwd: dir, env });
    expect(first.stdout).toMatch(/^Senior care worker\n/);
    const [entry] = readdirSync(folder);
    const path = join(folder, entry!);
    writeFileSync(path, readFileSync(path, 'latin1').replaceAll('Senior care worker', 'Poisoned name'));
    const second = await runAsync(SHOW, { cwd: dir, env });
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(path, 'latin1')).not.toContain('Poisoned name');
  });

  it("--data '' says the name is empty, not that it is a folder (review L4)", async () => {
    const run = await runAsync(['show', 'care worker', '--data', ''], { cwd: workspace() });
    expect(run.stderr).toContain(': the file name is empty; give the path of a .yaml or .json file');
    expect(run.code).toBe(1);
  });

  it('L7: with HOME empty and no XDG_CACHE_HOME, no ./.cache appears in the working folder', async () => {
    const { dir } = cacheWorkspace();
    const run = await runAsync(SHOW, { cwd: dir, env: { HOME: '', XDG_CACHE_HOME: '' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('careerpath: not caching --data files (no absolute HOME or XDG_CACHE_HOME to keep it in)');
    expect(listing(dir)).toEqual(['care.yaml', 'out']);
  });
});

describe('issue 18: --output respects what is there', () => {
  const force = (output: string) => [...PLAN, '--output', output, '--force'];

  it.runIf(hasMkfifo)('H9: --force refuses a FIFO, a link and (as root) a device node, and leaves each as it was', async () => {
    const dir = workspace();
    spawnSync('mkfifo', [join(dir, 'out/pipe')]);
    writeFileSync(join(dir, 'out/target.md'), 'T');
    symlinkSync('target.md', join(dir, 'out/link.md'));
    const rows: [string, string][] = [
      ['out/pipe', '✗ cannot write out/pipe: it is a named pipe (FIFO), and --force replaces only a regular file'],
      ['out/link.md', '✗ cannot write out/link.md: it is a symbolic link, and --force replaces only a regular file'],
    ];
    if (asRoot && spawnSync('mknod', [join(dir, 'out/null'), 'c', '1', '3']).status === 0) {
      rows.push(['out/null', '✗ cannot write out/null: it is a device, and --force replaces only a regular file']);
    }
    const before = listing(dir);
    for (const [output, message] of rows) {
      const run = await runAsync(force(output), { cwd: dir });
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(1);
    }
    expect(listing(dir)).toEqual(before);
    expect(statSync(join(dir, 'out/pipe')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'out/link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'out/target.md'), 'utf8')).toBe('T');
  });

  it.runIf(posix)('M5: --force keeps a 0600 file private, and refuses a read-only one, saying how to replace it', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'out/private.md'), 'secret');
    chmodSync(join(dir, 'out/private.md'), 0o600);
    writeFileSync(join(dir, 'out/readonly.md'), 'ro');
    chmodSync(join(dir, 'out/readonly.md'), 0o444);
    const saved = await runAsync(force('out/private.md'), { cwd: dir });
    expect(saved.code).toBe(0);
    expect(statSync(join(dir, 'out/private.md')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'out/private.md'), 'utf8')).toMatch(/^# Career plan/);
    const refused = await runAsync(force('out/readonly.md'), { cwd: dir });
    expect(refused.stderr).toBe(
      '✗ cannot write out/readonly.md: it is read-only, and --force replaces only a file you may write to\n' +
        'It was left as it is. To replace it anyway, make it writable first (chmod u+w out/readonly.md), or save under another name.\n',
    );
    expect(refused.code).toBe(1);
    expect(readFileSync(join(dir, 'out/readonly.md'), 'utf8')).toBe('ro');
  });

  it('M5: as another user, --force does not replace a file that user may not write (as root: the CLI runs as "nobody")', async (ctx) => {
    if (!asRoot) return ctx.skip('needs root, to own a file and run the CLI as another user');
    if (spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534 }).status !== 0) {
      return ctx.skip('"nobody" cannot read this checkout');
    }
    const dir = workspace();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'out'), 0o777);
    writeFileSync(join(dir, 'out/roots.md'), 'root owns this');
    const run = await runAsync(force('out/roots.md'), { cwd: dir, uid: 65534, env: { XDG_CACHE_HOME: join(dir, 'cache') } });
    expect(run.stderr).toContain('✗ cannot write out/roots.md: it is read-only, and --force replaces only a file you may write to');
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'out/roots.md'), 'utf8')).toBe('root owns this');
    expect(statSync(join(dir, 'out/roots.md')).uid).toBe(0);
  });

  it.runIf(posix)(
    'M3: Ctrl-\\, SIGUSR2 or SIGALRM in the middle of a save: the process ends by that signal, the old file is whole, no temp file',
    () => {
      for (const signal of ['SIGQUIT', 'SIGUSR2', 'SIGALRM']) {
        const dir = workspace();
        writeFileSync(join(dir, 'out/plan.md'), 'old plan');
        // ulimit -c 0: SIGQUIT's default action would otherwise leave a core file.
        const child = spawnSync(
          'sh',
          [
            '-c',
            'ulimit -c 0; exec "$0" "$@"',
            process.execPath,
            '--import',
            'tsx',
            join(ROOT, 'test/helpers/interrupted-write.ts'),
            join(dir, 'out'),
            'force',
            signal,
          ],
          { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
        );
        expect(child.stdout, signal).toBe('');
        expect(child.signal, signal).toBe(signal);
        expect(listing(dir), signal).toEqual(['out', 'out/plan.md']);
        expect(readFileSync(join(dir, 'out/plan.md'), 'utf8')).toBe('old plan');
      }
    },
    180_000,
  );
});

describe('issue 18: broken streams', () => {
  /** Runs the bin with stdout and stderr given as file descriptors (or 'pipe'). */
  function runWith(args: string[], stdout: number | 'pipe' | 'ignore', stderr: number | 'pipe' | 'ignore', cwd = workspace()) {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CAREERPATH_DATA;
    return spawnSync(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', stdout, stderr], encoding: 'utf8', timeout: 15_000 });
  }

  it.runIf(existsSync('/dev/full'))('H10: a full disk on stdout (/dev/full) is one clear line and exit 1, never a crash dump', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = runWith(PLAN, full, 'pipe');
      expect(run.stderr).toBe('✗ cannot write the output: the disk is full\n');
      expect(run.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it.runIf(existsSync('/dev/full'))('M4: with stderr on a full disk, a usage error still exits 2 and a good plan 0', () => {
    const full = openSync('/dev/full', 'w');
    try {
      expect(runWith(['plan', '--from', 'qqqq', '--to', 'zzzzz'], 'ignore', full).status).toBe(2);
      expect(runWith(PLAN, 'ignore', full).status).toBe(0);
    } finally {
      closeSync(full);
    }
  });

  it('M4: with stderr a closed pipe, a usage error exits 2, and a save that worked exits 0 (the file is there)', async () => {
    const closedStderr = (child: ReturnType<typeof spawn>) => child.stderr!.destroy();
    const usage = await runAsync(['plan', '--from', 'qqqq', '--to', 'zzzzz'], { cwd: workspace(), onSpawn: closedStderr });
    expect(usage.code).toBe(2);
    const dir = workspace();
    const saved = await runAsync([...PLAN, '--output', 'out/plan.md'], { cwd: dir, onSpawn: closedStderr });
    expect(saved.code).toBe(0);
    expect(readFileSync(join(dir, 'out/plan.md'), 'utf8')).toMatch(/^# Career plan/);
  });
});

describe('issue 18: nothing from data reaches a terminal or a document raw', () => {
  /** OSC 0 (title), SGR, OSC 8 (a disguised link), OSC 52 (the clipboard), a screen clear, NUL, a bidi override. */
  const ESCAPES =
    '\u001b]0;PWNED\u0007\u001b[31mRED\u001b[0m\u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u0000\u202e';
  const HOSTILE = ` ${ESCAPES} <img src=x onerror=alert(1)> %%{init: {'theme':'forest','themeCSS':'body{display:none}'}}%%\n# heading injected\n| fake | table |`;
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

  /**
   * Plants a cache entry, with a valid checksum, that answers for `--data care.yaml` with hostile
   * names and a javascript: source: the strongest position an attacker with the cache folder has,
   * and what a gap in validation would let through. Returns the workspace.
   */
  async function plantHostileEntry(): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
    const { dir, env, folder } = cacheWorkspace();
    const { cacheKey, entryText } = await import('../../src/dataset/cache');
    const { readSnapshotBytes, SNAPSHOT_SCHEMA_VERSION } = await import('../../src/dataset/snapshot');
    const { packageVersion } = await import('../../src/package-root');
    const { careDataset } = await import('../helpers/plans');
    const snapshot = readSnapshotBytes();
    const key = cacheKey([{ file: 'care.yaml', bytes: readFileSync(join(dir, 'care.yaml')) }], snapshot && Buffer.concat([snapshot.dataset, snapshot.prose]), {
      schema: SNAPSHOT_SCHEMA_VERSION,
      tool: packageVersion(),
    });
    const data = careDataset();
    data.meta.name += HOSTILE;
    for (const entry of [...data.roles, ...data.qualifications]) entry.name += HOSTILE;
    for (const r of data.roles) r.summary += HOSTILE;
    data.sources = data.sources.map((s) => ({ ...s, title: s.title + HOSTILE, url: 'javascript:alert(document.domain)//)' }));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${key}.json`), entryText(key, data));
    return { dir, env };
  }

  it('H7, H8, M10: every command and format, coloured or saved, shows the hostile names escaped and obeys none of them', async () => {
    const { dir, env } = await plantHostileEntry();
    const data = ['--data', 'care.yaml'];
    const plan = ['plan', '--from', 'care worker', '--to', 'registered manager', '--alternatives', '2', ...data];
    const commands = [
      plan,
      ['show', 'senior care worker', ...data],
      ['show', 'level 3 diploma', ...data],
      ['next', 'care worker', ...data],
      ['unlocks', 'level 3 diploma', ...data],
      ['roles', ...data],
      ['qualifications', ...data],
    ];
    const runs: { args: string[]; stdout: string; code: number | null }[] = [];
    for (const args of commands) {
      for (const format of ['table', 'text', 'markdown']) {
        const run = await runAsync([...args, '--format', format], { cwd: dir, env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
        runs.push({ args: [...args, format], ...run });
      }
    }
    runs.push({ args: ['html'], ...(await runAsync([...plan, '--format', 'html'], { cwd: dir, env })) });
    for (const run of runs) {
      const name = run.args.join(' ');
      expect(run.code, name).toBe(0);
      // The planted entry answered (so the escaping, not the fixture, is what is checked).
      expect(run.stdout, name).toMatch(/PWNED/);
      expect(run.stdout, name).not.toMatch(RAW_CONTROL);
      // In a document (on a terminal they are plain text): no tag, heading, table row or script link; no directive in a diagram.
      if (name.endsWith('markdown')) expect(run.stdout, name).not.toMatch(/(?<!\\)<img|^# heading injected|^\| fake|\]\(javascript:/m);
      if (name === 'html') expect(run.stdout).not.toMatch(/<img|href="javascript:/);
      for (const [, diagram] of run.stdout.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)) expect(diagram, name).not.toMatch(/%%|\{init/);
    }
  }, 120_000);

  it('L1: an escape code typed as an argument, or in an --output name, is shown escaped', async () => {
    const dir = workspace();
    const unknown = await runAsync(['plan', '--from', '\u001b[31mRED\u001b]0;PWNED\u0007', '--to', 'x'], { cwd: dir });
    expect(unknown.stderr).toContain('✗ unknown role "\\u001b[31mRED\\u001b]0;PWNED\\u0007" (--from)');
    expect(unknown.code).toBe(2);
    const saved = await runAsync([...PLAN, '--output', 'out/\u001b[31mred.md'], { cwd: dir });
    expect(saved.stderr).toBe('Saved out/\\u001b[31mred.md\n');
    for (const run of [unknown, saved]) expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});
