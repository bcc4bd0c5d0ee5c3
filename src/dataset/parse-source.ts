/**
 * Text to a DatasetDocument, defensively: the `yaml` package accepts or crashes on inputs that must
 * be refused before parsing (deep nesting, UTF-16, NUL bytes). Pure: bytes in, document or issues out.
 */
import { CST, isMap, isNode, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import type { DatasetIssue, IssuePath, Position } from './issue';
import type { DatasetDocument } from './validate';

import { MAX_FILE_BYTES } from './limits';

export { MAX_FILE_BYTES };
const MAX_NESTING = 64;
const MAX_INDENT = 256;
const MAX_ALIASES = 100;

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
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('file is UTF-16; save it as UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('file is not valid UTF-8; save it as UTF-8');
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) return fail('file contains NUL bytes (is it a binary file?); save it as UTF-8 text', offsetToPosition(text, nul));
  return parseDatasetText(file, text);
}

/** Parses YAML text into a document whose `locate` maps a data path to its line and column. */
export function parseDatasetText(file: string, text: string): ParsedSource {
  const guard = nestingProblem(text);
  if (guard) return { ok: false, issues: [{ file, path: [], message: guard.message, position: guard.position }] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((e) => ({ file, path: [], message: firstLine(e.message), position: position(e.pos[0]) })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // Unresolved or excessive aliases are thrown (as ReferenceError), not collected.
    return { ok: false, issues: [{ file, path: [], message: firstLine((error as Error).message) }] };
  }
  const contentStart = doc.contents && isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
  return {
    ok: true,
    document: { file, data, locate: (path) => locate(doc, path, position, contentStart) },
  };
}

function locate(doc: Document, path: IssuePath, position: (offset: number) => Position, fallback: number): Position {
  // Walk the path; a key that is missing points at its parent mapping.
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  // A mapping points at its first key (its own start may be the "- " of a list item).
  const target = isNode(node) && node.range ? node : isNode(keyNode) ? keyNode : undefined;
  return position(target?.range?.[0] ?? fallback);
}

/** Refuses nesting the parser cannot survive (a second deep parse aborts Node 20). */
export function nestingProblem(text: string): { message: string; position: Position } | null {
  let depth = 0;
  let line = 1;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++depth > MAX_NESTING) {
        return { message: `nesting deeper than ${MAX_NESTING} levels`, position: { line, column: 1 } };
      }
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') depth--;
    else if (type === 'newline') line++;
    else {
      // Block scalars arrive as one token: only its leading white space is indentation.
      if (type === 'space' && token.length - token.trimStart().length > MAX_INDENT) {
        return { message: `indentation wider than ${MAX_INDENT} columns`, position: { line, column: 1 } };
      }
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
    }
  }
  return null;
}

function offsetToPosition(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
