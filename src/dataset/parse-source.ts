/**
 * Text to a DatasetDocument, defensively: the `yaml` package accepts or crashes on inputs that must
 * be refused before parsing (deep nesting, UTF-16, NUL bytes). Pure: bytes in, document or issues out.
 *
 * The steps (reliability.md §1): size; UTF-16/UTF-32 and strict UTF-8; characters YAML forbids; the
 * nesting guard (the parser must never see input deep enough to overflow its stack: a second such
 * parse aborts Node 20); one document parsed with the core schema, unique keys, and every error and
 * warning fatal; keys and aliases checked on the parsed tree; then aliases expanded with a limit.
 */
import { CST, isAlias, isMap, isNode, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { DatasetIssue, IssuePath, Position } from './issue';
import { MAX_FILE_BYTES } from './limits';
import type { DatasetDocument } from './validate';

export { MAX_FILE_BYTES };
/** Flow collections (`[`, `{`) open at once. */
export const MAX_NESTING = 64;
/** The widest indentation, and the last column a block `-` or `?` may stand in. */
export const MAX_INDENT = 256;
const MAX_ALIASES = 100;
/** YAML problems listed per file before the rest are summed up in one line. */
export const MAX_REPORTED = 50;

/** Keys that mean something to JavaScript objects: refused wherever they appear. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Characters YAML 1.2 does not allow in a stream (outside its printable set): C0 controls but tab,
 * line feed and carriage return; DEL; C1 controls but NEL; and the non-characters U+FFFE/U+FFFF.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

export type ParsedSource = { ok: true; document: DatasetDocument } | { ok: false; issues: DatasetIssue[] };

/** Decodes bytes as strict UTF-8 and parses YAML (or JSON, which is YAML). */
export function parseDatasetBytes(file: string, bytes: Uint8Array): ParsedSource {
  const fail = (message: string, position?: Position): ParsedSource => ({
    ok: false,
    issues: [position ? { file, path: [], message, position } : { file, path: [], message }],
  });
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(`file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES} (split it into an overlay)`);
  }
  const encoding = wideEncoding(bytes);
  if (encoding) return fail(`file is ${encoding}; save it as UTF-8`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { position, byte } = firstInvalidUtf8(bytes);
    // The byte that breaks UTF-8 is never ASCII (0x80 or more), so it always has two hex digits.
    const what = byte === undefined ? 'it ends in the middle of a character' : `byte 0x${byte.toString(16).toUpperCase()}`;
    return fail(`file is not valid UTF-8 (${what}; is it Latin-1 or Windows-1252?); save it as UTF-8`, position);
  }
  const bad = FORBIDDEN_CHARACTER.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0);
    const message =
      code === 0
        ? 'file contains NUL bytes (is it a binary file?); save it as UTF-8 text'
        : `file contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which YAML does not allow; remove it`;
    return fail(message, offsetToPosition(text, bad.index));
  }
  return /\.json$/i.test(file) ? parseDatasetJson(file, text) : parseDatasetText(file, text);
}

/** "UTF-16" or "UTF-32" when the bytes start with its byte order mark or look like it (NULs between letters). */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) return 'UTF-32';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return 'UTF-16';
  // UTF-16 without a byte order mark: ASCII letters with a NUL byte before (big-endian) or after each.
  const letter = (b: number | undefined) => b !== undefined && b !== 0;
  if ((b0 === 0 && b2 === 0 && letter(b1) && letter(b3)) || (b1 === 0 && b3 === 0 && letter(b0) && letter(b2))) {
    return 'UTF-16 without a byte order mark';
  }
  return undefined;
}

/** Where strict UTF-8 decoding first fails: the position after the valid text, and the byte there. */
function firstInvalidUtf8(bytes: Uint8Array): { position: Position; byte: number | undefined } {
  // A streaming decoder holds back an unfinished character, so "this prefix decodes" is monotonic.
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    } catch {
      return false;
    }
    return true;
  };
  if (decodes(bytes.length)) {
    // Every byte fits: the last character is unfinished.
    const valid = new TextDecoder('utf-8').decode(bytes, { stream: true });
    return { position: offsetToPosition(valid, valid.length), byte: undefined };
  }
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, low), { stream: true });
  const start = new TextEncoder().encode(valid).length + (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  return { position: offsetToPosition(valid, valid.length), byte: bytes[start] };
}

/**
 * A `.json` file: JSON.parse is a hundred times faster than yaml, so it reads the data, and one
 * pass over the text keeps the YAML path's rules (no key twice in an object, no reserved keys, no
 * nesting deeper than MAX_NESTING). Text JSON.parse refuses goes the YAML way (JSON is YAML),
 * whose messages have lines and columns; so do positions for later problems, parsed only then.
 */
export function parseDatasetJson(file: string, text: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return parseDatasetText(file, text);
  }
  const problem = jsonKeyOrNestingProblem(text);
  if (problem) return { ok: false, issues: [{ file, path: [], message: problem.message, position: offsetToPosition(text, problem.offset) }] };
  let positions: ((path: IssuePath) => Position) | undefined;
  const locateLazily = (path: IssuePath): Position => {
    if (!positions) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, schema: 'core', logLevel: 'error' });
      positions = (p) =>
        locate(doc, p, (offset) => {
          const { line, col } = lineCounter.linePos(offset);
          return { line, column: col };
        });
    }
    return positions(path);
  };
  return { ok: true, document: { file, data, locate: locateLazily } };
}

/**
 * In text JSON.parse has accepted: a key twice in one object (JSON.parse silently keeps the last),
 * a key JavaScript treats specially, or nesting deeper than MAX_NESTING; with its offset.
 */
export function jsonKeyOrNestingProblem(text: string): { message: string; offset: number } | undefined {
  // Per open object the keys seen so far; null per open array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(end); d !== 0x22; d = text.charCodeAt(++end)) {
        if (d === 0x5c) {
          escaped = true;
          end++;
        }
      }
      const keys = open[open.length - 1];
      if (keys && expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (RESERVED_KEYS.has(key)) return { message: `"${key}" cannot be used as a key (it is reserved in JavaScript)`, offset: i };
        if (keys.has(key)) return { message: `the key "${key}" appears twice in one object (JSON would keep only the last); keep one`, offset: i };
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (open.length >= MAX_NESTING) return { message: `nesting deeper than ${MAX_NESTING} levels`, offset: i };
      open.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = open[open.length - 1] !== null;
  }
  return undefined;
}

/** Parses YAML text into a document whose `locate` maps a data path to its line and column. */
export function parseDatasetText(file: string, text: string): ParsedSource {
  // Old Mac line endings (CR alone) make the whole file one line to YAML, and its message about
  // compact mappings says nothing of the cause.
  const cr = text.indexOf('\r');
  if (cr >= 0 && !text.includes('\n') && cr < text.length - 1) {
    return {
      ok: false,
      issues: [
        {
          file,
          path: [],
          message: 'the lines end in CR alone (old Mac line endings); save the file with LF line endings',
          position: { line: 1, column: cr + 1 },
        },
      ],
    };
  }
  const guard = nestingProblem(text);
  if (guard) return { ok: false, issues: [{ file, path: [], message: guard.message, position: guard.position }] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    // Stryker disable next-line BooleanLiteral: firstLine() cuts the " at line …" and the excerpt that this adds, so messages read the same without it
    prettyErrors: true,
    strict: true,
    // The core schema even under a `%YAML 1.1` directive: no `yes` booleans, no `<<` merges, and
    // `!!binary`, `!!set`, `!!timestamp` ... are unknown tags (reported) rather than Buffers and Dates.
    // Stryker disable next-line StringLiteral: yaml takes an empty schema name as 'core' too (it must be set: unset, %YAML 1.1 picks yaml-1.1)
    schema: 'core',
    merge: false,
    resolveKnownTags: false,
    // Problems are returned, never printed by yaml itself.
    // Stryker disable next-line StringLiteral: yaml prints only at 'warn' or 'debug' (and drops a second document only at 'silent'), so '' acts as 'error'
    logLevel: 'error',
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: { offset: number; path: IssuePath; message: string }[] = [
    ...[...doc.errors, ...doc.warnings].map((e) => ({ offset: e.pos[0], path: [], message: firstLine(e.message) })),
    // After a syntax error the tree is yaml's best guess: checking it would only add noise.
    ...(doc.errors.length === 0 ? treeProblems(doc) : []),
  ];
  if (problems.length > 0) {
    problems.sort((a, b) => a.offset - b.offset);
    const shown = problems.slice(0, MAX_REPORTED).map((p) => ({ file, path: p.path, message: p.message, position: position(p.offset) }));
    if (problems.length > MAX_REPORTED) {
      const more = problems.length - MAX_REPORTED;
      shown.push({
        file,
        path: [],
        message: `… and ${more} more YAML ${more === 1 ? 'problem' : 'problems'} in this file; fix the ones above first`,
        position: position(problems[MAX_REPORTED]!.offset),
      });
    }
    return { ok: false, issues: shown };
  }
  let data: unknown;
  try {
    // Stryker disable next-line ObjectLiteral: yaml's default maxAliasCount is also 100; it is written out so that it cannot change with yaml
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // Too many aliases (a "billion laughs" file) is thrown, not collected: the whole file is refused.
    return { ok: false, issues: [{ file, path: [], message: `${firstLine((error as Error).message)} (too many aliases; write the values out instead)` }] };
  }
  return {
    ok: true,
    document: { file, data, locate: (path) => locate(doc, path, position) },
  };
}

/**
 * Problems yaml itself accepts, found on the parsed tree before it becomes data: keys JavaScript
 * treats specially, keys that are lists, mappings or aliases, `<<` merge keys, aliases with no
 * anchor before them, and aliases inside the very node they name (a loop).
 */
function treeProblems(doc: Document): { offset: number; path: IssuePath; message: string }[] {
  const problems: { offset: number; path: IssuePath; message: string }[] = [];
  const anchors = new Map<string, unknown>();
  // The nodes above the one being looked at, the document first. Our own walk in yaml's visit
  // order (a node, then a pair's key and value, then a collection's items) costs a fraction of
  // yaml's visit, which copies the ancestor list at every step.
  const ancestors: unknown[] = [doc];
  const look = (node: unknown): void => {
    if (isPair(node)) {
      // yaml gives every key a node (a missing key is an empty scalar), and every node it parses a range.
      const key = node.key as YamlNode;
      const problem = keyProblem(key);
      if (problem) {
        // The path costs a walk up the tree: only worked out for a problem.
        const where = dataPath([...ancestors, node]);
        problems.push({ offset: key.range![0], path: problem.key === undefined ? where : [...where, problem.key], message: problem.message });
      }
      ancestors.push(node);
      look(node.key);
      look(node.value);
      ancestors.pop();
      return;
    }
    if (isAlias(node)) {
      const offset = node.range ? node.range[0] : 0;
      const target = anchors.get(node.source);
      if (target === undefined) {
        problems.push({ offset, path: dataPath([...ancestors, node]), message: `alias *${node.source} has no anchor &${node.source} before it` });
      } else if (ancestors.includes(target)) {
        problems.push({ offset, path: dataPath([...ancestors, node]), message: `alias *${node.source} is inside the value it names (a loop)` });
      }
    } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (isMap(node) || isSeq(node)) {
      ancestors.push(node);
      for (const item of node.items) look(item);
      ancestors.pop();
    }
  };
  look(doc.contents);
  return problems;
}

/** What is wrong with a mapping key, if anything, and the key's text when it is plain text. */
function keyProblem(key: YamlNode): { message: string; key?: string } | undefined {
  if (isScalar(key)) {
    const name = String(key.value);
    if (RESERVED_KEYS.has(name)) return { message: `"${name}" cannot be used as a key (it is reserved in JavaScript)`, key: name };
    if (name === '<<') return { message: 'merge keys ("<<") are not supported; write the fields out', key: name };
    return undefined;
  }
  if (isAlias(key)) return { message: `a key cannot be an alias (*${key.source})` };
  return { message: `a key must be plain text, not a ${isSeq(key) ? 'list' : 'mapping'}` };
}

/** The data path (`roles[1].name`) of the last node in a chain of yaml ancestors. */
function dataPath(chain: readonly unknown[]): IssuePath {
  const path: IssuePath = [];
  // Each node after the first, with its parent just before it.
  chain.slice(1).forEach((child, i) => {
    const parent = chain[i];
    if (isSeq(parent)) path.push(parent.items.indexOf(child as YamlNode));
    else if (isPair(parent) && parent.value === child) path.push(isScalar(parent.key) ? String(parent.key.value) : '?');
  });
  return path;
}

function locate(doc: Document, path: IssuePath, position: (offset: number) => Position): Position {
  // Walk the path; a key that is missing points at its parent mapping.
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      node = item;
    } else break;
  }
  // Every parsed node has a range (a mapping's starts at its first key, not at the "- " of a list
  // item); only an empty document has no node, and points at the start of the file.
  return position(isNode(node) ? node.range![0] : 0);
}

/**
 * Refuses nesting the parser cannot survive (a second deep parse aborts Node 20): more than 64 open
 * flow collections, indentation wider than 256 columns, or a block `-`/`?` past column 256 (`- - - x`
 * nests without indenting). Most files cannot come near that, and a quick scan says so; the rest
 * go through yaml's iterative lexer, which is safe on any input.
 */
export function nestingProblem(text: string): { message: string; position: Position } | null {
  return mayNestTooDeep(text) ? lexedNestingProblem(text) : null;
}

const WHITE_SPACE = /\s/;

/**
 * False only when the text certainly cannot trip the nesting guard, in one pass over the
 * characters (the lexer costs a fifth of yaml's own parse of a big file). It over-counts on
 * purpose: every "[" and "{" even in strings and comments, every run of white space (the guard
 * measures indentation with trimStart, so newlines count too), and every "-" or "?" at or past
 * the column limit, whatever it means there.
 */
export function mayNestTooDeep(text: string): boolean {
  let opens = 0;
  let run = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++opens > MAX_NESTING) return true;
    } else if ((c === 0x2d || c === 0x3f) && i - lineStart >= MAX_INDENT) return true;
    else if (c === 0x0a) lineStart = i + 1;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && WHITE_SPACE.test(text[i]!))) {
      if (++run > MAX_INDENT) return true;
    } else run = 0;
  }
  return false;
}

/** The guard itself, on yaml's lexer: exact, and linear on any input. */
export function lexedNestingProblem(text: string): { message: string; position: Position } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer's own markers are not source text.
    if (type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar') continue;
    const position = { line, column: offset - lineStart + 1 };
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++depth > MAX_NESTING) return { message: `nesting deeper than ${MAX_NESTING} levels`, position };
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      // A stray closing bracket is a syntax error, never credit for more nesting later.
      if (depth > 0) depth--;
    } else if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && position.column > MAX_INDENT) {
      return { message: `nesting deeper than ${MAX_INDENT} columns (a "${token}" at column ${position.column})`, position };
    } else if (type === 'space' && offset === lineStart && token.length - token.trimStart().length > MAX_INDENT) {
      // White space that starts a line (trailing white space is not indentation). A block
      // scalar arrives as one token: only its leading white space is indentation.
      return { message: `indentation wider than ${MAX_INDENT} columns`, position };
    }
    offset += token.length;
    for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset - token.length + i + 1;
    }
  }
  return null;
}

/** The 1-based line and column of a string offset. */
export function offsetToPosition(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

function firstLine(message: string): string {
  return message.split(/\r\n|\r|\n/)[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
