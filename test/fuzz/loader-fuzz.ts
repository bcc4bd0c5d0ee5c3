/**
 * Fuzzing the dataset loader: mutated versions of the shipped YAML (and of an employer overlay on
 * it) go through the pure loader (parseDatasetBytes, then validateDataset or planLayers +
 * validateLayers). The mutations change lines and bytes, and values too: a figure made huge or not
 * finite, a text given control characters (raw, or as YAML escapes), made very long or blank, a
 * chain of prerequisites past the limit. Whatever the bytes, the loader must not throw, must not
 * take long, and must give either a valid dataset, every text and figure of which the rest of
 * careerpath survives, or problems that each name a known file and, unless the whole file is
 * refused (too big, not UTF-8 text, an alias bomb), a line and column inside it.
 *
 * Used by test/fuzz/loader.test.ts (fixed seed, in `npm test`) and test/fuzz/run.ts (`npm run fuzz`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatIssue, type DatasetIssue } from '../../src/dataset/issue';
import { planLayers, validateLayers } from '../../src/dataset/overlay';
import { parseDatasetBytes } from '../../src/dataset/parse-source';
import { validateDataset, type DatasetDocument, type ValidationResult } from '../../src/dataset/validate';
import { DATA_LIMITS, textProblem } from '../../src/domain/schema-limits';
import { ROOT } from '../helpers/spawn';

/** A case slower than this counts as a hang (the slowest seen is well under 200 ms). */
export const CASE_LIMIT_MS = 3000;

/** Problems that refuse a whole file, so have no line and column. */
const WHOLE_FILE = /^(file is \d+ bytes|file is more than|file is UTF-(16|32)|Excessive alias count)/;

const SHIPPED = ['adult-social-care.yaml', 'careerpath.yaml', 'nhs.yaml', 'social-work.yaml'].map((name) => ({
  file: `data/${name}`,
  bytes: readFileSync(join(ROOT, 'data', name)),
}));
const OVERLAY = {
  file: 'test/fixtures/datasets/shipped-overlay.yaml',
  bytes: readFileSync(join(ROOT, 'test/fixtures/datasets/shipped-overlay.yaml')),
};
/** What can be mutated: each shipped file (the others stay as shipped), or an overlay on all of them. */
export const TARGETS = [...SHIPPED.map((s) => s.file), `${OVERLAY.file} (overlay)`];

let shippedDocuments: DatasetDocument[] | undefined;
function shipped(): DatasetDocument[] {
  shippedDocuments ??= SHIPPED.map(({ file, bytes }) => {
    const parsed = parseDatasetBytes(file, bytes);
    if (!parsed.ok) throw new Error(`the shipped ${file} does not parse: ${parsed.issues[0]?.message}`);
    return parsed.document;
  });
  return shippedDocuments;
}

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'indent'; at: number; delta: number }
  | { kind: 'copy-indent'; at: number; other: number }
  | { kind: 'tab-indent'; at: number }
  | { kind: 'bytes'; at: number; bytes: number[]; replace: boolean }
  | { kind: 'truncate'; at: number }
  /** The value after one "key: " on a line replaced by a hostile one (HOSTILE_VALUES[value]). */
  | { kind: 'value'; at: number; which: number; value: number }
  /** A chain of `depth` new qualifications, each requiring the one before, put at the top of the file's list. */
  | { kind: 'chain'; depth: number };

export interface FuzzCase {
  target: number;
  mutations: Mutation[];
}

/** A position in the file, as a fraction, so cases shrink and mean the same for any file size. */
const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const YAML_CHARACTERS = [...'-:[]{}&*!|>\'"%@#,?`~ \t\n\r\\'].map((c) => c.charCodeAt(0));
const byte = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...YAML_CHARACTERS) },
  { weight: 2, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }) },
);

/** Values a hostile or careless file could hold, as YAML text. */
export const HOSTILE_VALUES = [
  '1e12',
  '1e308',
  '1e400',
  '-1',
  '.inf',
  '.nan',
  '601',
  '10000001',
  '99999999999999999999',
  '"\\e[31mRED\\e[0m"',
  '"\\e]0;PWNED\\a"',
  '"\\e]52;c;cHduZWQ=\\a"',
  '"nul \\0 byte"',
  '"csi \\x9b2J"',
  '"del \\x7f"',
  '"line \\u2028 separator"',
  '"\\u202e reversed"',
  '"half \\ud800 pair"',
  '"tab\\tand\\nnewline"',
  `"${'X'.repeat(400)}"`,
  `"${'Y'.repeat(5000)}"`,
  '"   "',
  '"!!!"',
  '"护士"',
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at }),
  fc.record({ kind: fc.constant('swap-lines' as const), at, other: at }),
  fc.record({ kind: fc.constant('indent' as const), at, delta: fc.integer({ min: -4, max: 4 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant('copy-indent' as const), at, other: at }),
  fc.record({ kind: fc.constant('tab-indent' as const), at }),
  fc.record({ kind: fc.constant('bytes' as const), at, bytes: fc.array(byte, { minLength: 1, maxLength: 6 }), replace: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('value' as const), at, which: at, value: fc.integer({ min: 0, max: HOSTILE_VALUES.length - 1 }) }),
  fc.record({ kind: fc.constant('chain' as const), depth: fc.integer({ min: 25, max: 80 }) }),
);

export const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
  target: fc.integer({ min: 0, max: TARGETS.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
});

/** Applies the mutations in order to a file's bytes. */
export function mutate(source: Uint8Array, mutations: Mutation[]): Buffer {
  let bytes: Buffer = Buffer.from(source);
  for (const m of mutations) {
    if (m.kind === 'bytes' || m.kind === 'truncate') {
      const offset = Math.floor(m.at * (bytes.length + 1));
      if (m.kind === 'truncate') bytes = bytes.subarray(0, offset);
      else {
        const end = m.replace ? Math.min(bytes.length, offset + m.bytes.length) : offset;
        bytes = Buffer.concat([bytes.subarray(0, offset), Buffer.from(m.bytes), bytes.subarray(end)]);
      }
      continue;
    }
    const lines = splitLines(bytes);
    if (m.kind === 'chain') {
      bytes = joinLines(withChain(lines, m.depth));
      continue;
    }
    if (lines.length === 0) continue;
    const i = Math.floor(m.at * lines.length);
    const line = lines[i]!;
    switch (m.kind) {
      case 'value':
        lines[i] = withValue(line, m.which, HOSTILE_VALUES[m.value]!);
        break;
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, line);
        break;
      case 'swap-lines': {
        const j = Math.floor(m.other * lines.length);
        [lines[i], lines[j]] = [lines[j]!, line];
        break;
      }
      case 'indent': {
        const width = Math.max(0, indentOf(line) + m.delta);
        lines[i] = Buffer.concat([Buffer.alloc(width, 0x20), line.subarray(indentOf(line))]);
        break;
      }
      case 'copy-indent': {
        const other = lines[Math.floor(m.other * lines.length)]!;
        lines[i] = Buffer.concat([other.subarray(0, indentOf(other)), line.subarray(indentOf(line))]);
        break;
      }
      case 'tab-indent':
        lines[i] = Buffer.concat([Buffer.from('\t'), line.subarray(Math.min(2, indentOf(line)))]);
        break;
    }
    bytes = joinLines(lines);
  }
  return bytes;
}

/** The line with the scalar after its `which`-th "key: " (a fraction of them) replaced by `value`. */
function withValue(line: Buffer, which: number, value: string): Buffer {
  const text = line.toString('utf8');
  const scalars = [...text.matchAll(/(:\s+)([^\s,[\]{}#][^,[\]{}#]*)/g)];
  if (scalars.length === 0) return line;
  const chosen = scalars[Math.floor(which * scalars.length)]!;
  const start = chosen.index + chosen[1]!.length;
  return Buffer.from(text.slice(0, start) + value + text.slice(start + chosen[2]!.trimEnd().length));
}

/** The lines with a chain of `depth` qualifications put first in the top-level list (or a new list at the end). */
function withChain(lines: Buffer[], depth: number): Buffer[] {
  const entries = Array.from({ length: depth }, (_, i) =>
    Buffer.from(`  - {id: fuzz_chain_${i}, name: Fuzz chain ${i}, kind: award, summary: s, requires: [${i > 0 ? `fuzz_chain_${i - 1}` : ''}], sources: [S]}`),
  );
  const at = lines.findIndex((l) => l.toString('utf8').trimEnd() === 'qualifications:');
  if (at < 0) return [...lines, Buffer.from('qualifications:'), ...entries];
  return [...lines.slice(0, at + 1), ...entries, ...lines.slice(at + 1)];
}

/** Leading spaces of a line. */
function indentOf(line: Buffer): number {
  let width = 0;
  while (line[width] === 0x20) width++;
  return width;
}

/** The number of lines splitLines would give, without making them. */
function countLines(bytes: Uint8Array): number {
  let count = 1;
  for (const byte of bytes) if (byte === 0x0a) count++;
  return count;
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function joinLines(lines: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  lines.forEach((line, i) => {
    if (i > 0) parts.push(Buffer.from('\n'));
    parts.push(line);
  });
  return Buffer.concat(parts);
}

export type Outcome = 'valid' | 'refused' | 'located';

export interface CaseResult {
  outcome: Outcome;
  ms: number;
  issues: number;
}

/**
 * Loads one mutated case the way the CLI does, with pure functions only, and checks every
 * invariant; throws an Error describing the first one broken.
 */
export function runCase(c: FuzzCase): CaseResult {
  const isOverlay = c.target === SHIPPED.length;
  const original = isOverlay ? OVERLAY : SHIPPED[c.target]!;
  const bytes = mutate(original.bytes, c.mutations);
  const base = shipped();
  const started = performance.now();

  let issues: DatasetIssue[];
  let result: ValidationResult | undefined;
  const parsed = parseDatasetBytes(original.file, bytes);
  if (!parsed.ok) issues = parsed.issues;
  else if (isOverlay) {
    const layers = planLayers([parsed.document]);
    if (layers.issues.length > 0) issues = layers.issues;
    else {
      result = layers.base === 'shipped' ? validateLayers(base, layers.overlays) : validateLayers([layers.base], layers.overlays);
      issues = result.ok ? [] : result.issues;
    }
  } else {
    result = validateDataset(base.map((doc, i) => (i === c.target ? parsed.document : doc)));
    issues = result.ok ? [] : result.issues;
  }
  const ms = performance.now() - started;

  const fail = (why: string): never => {
    throw new Error(`${why}\n  target: ${TARGETS[c.target]}\n  issues: ${JSON.stringify(issues.slice(0, 5))}`);
  };
  if (ms > CASE_LIMIT_MS) fail(`took ${Math.round(ms)} ms`);
  if (result?.ok) {
    if (issues.length > 0) fail('a valid dataset with problems');
    // Plain data: no loops (circular aliases), nothing that is not JSON.
    JSON.stringify(result.dataset);
    // Only what the rest survives: no control character in any text, every figure finite and bounded.
    const survivable = unsurvivable(result.dataset);
    if (survivable) fail(`a valid dataset holds ${survivable}`);
    return { outcome: 'valid', ms, issues: 0 };
  }
  if (issues.length === 0) fail('refused without a problem');

  const files = new Set([...SHIPPED.map((s) => s.file), OVERLAY.file, 'the shipped dataset']);
  // Counted once per file: a case can have hundreds of problems in one file.
  const lineCounts = new Map<string, number>();
  const lineCount = (file: string) => {
    const source = file === original.file ? bytes : (SHIPPED.find((s) => s.file === file)?.bytes ?? Buffer.alloc(0));
    let count = lineCounts.get(file);
    if (count === undefined) lineCounts.set(file, (count = countLines(source)));
    return count;
  };
  let refused = false;
  for (const issue of issues) {
    if (!files.has(issue.file)) fail(`an issue names an unknown file: ${issue.file}`);
    if (typeof issue.message !== 'string' || issue.message.trim() === '') fail('an issue without a message');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(formatIssue(issue))) fail(`not one plain line: ${JSON.stringify(formatIssue(issue))}`);
    if (!issue.path.every((p) => typeof p === 'string' || (Number.isInteger(p) && p >= 0))) fail(`a bad path: ${JSON.stringify(issue.path)}`);
    if (!issue.position) {
      if (issue.path.length > 0 || !WHOLE_FILE.test(issue.message)) fail(`an issue without a line and column: ${issue.message}`);
      refused = true;
      continue;
    }
    const { line, column } = issue.position;
    if (!(Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1)) fail(`a bad position ${line}:${column}`);
    if (line > lineCount(issue.file) + 1) fail(`line ${line} is past the end of ${issue.file} (${lineCount(issue.file)} lines)`);
  }
  return { outcome: refused ? 'refused' : 'located', ms, issues: issues.length };
}

/** The first text or figure in a dataset that the planner, renderers or terminal could not take, in words; else undefined. */
function unsurvivable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value, true);
    if (problem) return `${path}: ${problem}`;
    return value.length > DATA_LIMITS.proseLength ? `${path}: a text of ${value.length} characters` : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= DATA_LIMITS.money ? undefined : `${path}: the figure ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsurvivable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = unsurvivable(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

export interface FuzzSummary {
  runs: number;
  seed: number;
  seconds: number;
  outcomes: Record<Outcome, number>;
  slowestMs: number;
}

/** Runs `runs` cases from `seed`; throws (with fast-check's shrunk counterexample and seed) on a failure. */
export function fuzzLoader(options: { runs: number; seed: number }): FuzzSummary {
  const outcomes: Record<Outcome, number> = { valid: 0, refused: 0, located: 0 };
  let slowestMs = 0;
  const started = performance.now();
  fc.assert(
    fc.property(caseArb, (c) => {
      const result = runCase(c);
      outcomes[result.outcome]++;
      slowestMs = Math.max(slowestMs, result.ms);
    }),
    { numRuns: options.runs, seed: options.seed, endOnFailure: false },
  );
  return { runs: options.runs, seed: options.seed, seconds: (performance.now() - started) / 1000, outcomes, slowestMs };
}
