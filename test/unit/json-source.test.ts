/**
 * `.json` data files: read with JSON.parse (a hundred times faster than yaml), under the same
 * rules as YAML files: no key twice in one object, no reserved keys, no deep nesting, and every
 * problem with a line and column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { jsonKeyOrNestingProblem, MAX_NESTING, parseDatasetBytes } from '../../src/dataset/parse-source';
import { readDatasetFiles } from '../../src/dataset/read-files';
import { ROOT } from '../helpers/spawn';

/** The formatted problems of reading `text` as f.json, or [] when it parses. */
function problems(text: string): string[] {
  const parsed = parseDatasetBytes('f.json', new TextEncoder().encode(text));
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
}

describe('a .json data file', () => {
  it('gives the same dataset as the YAML it was written from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careerpath-json-'));
    const data = parse(readFileSync(join(ROOT, 'test/fixtures/datasets/care.yaml'), 'utf8'));
    writeFileSync(join(dir, 'care.json'), JSON.stringify(data, null, 2));
    expect(readDatasetFiles(['care.json'], dir)).toEqual(readDatasetFiles(['test/fixtures/datasets/care.yaml'], ROOT));
  });

  it('refuses a key given twice in one object, where JSON.parse would keep the last, at the second', () => {
    expect(problems('{"roles": [],\n "sources": [], "roles": []}')).toEqual([
      'f.json:2:17: the key "roles" appears twice in one object (JSON would keep only the last); keep one',
    ]);
    // Escapes are read: "\u0069d" is "id".
    expect(problems('{"roles": [{"id": "a", "\\u0069d": "b"}]}')).toEqual([
      'f.json:1:24: the key "id" appears twice in one object (JSON would keep only the last); keep one',
    ]);
  });

  it('lets the same key stand in different objects, and keys or brackets inside strings alone', () => {
    const parsed = parseDatasetBytes('f.json', new TextEncoder().encode('{"a": {"id": 1}, "b": {"id": "\\"id\\": [[{"}, "c": ["a", "a"]}'));
    expect(parsed.ok && parsed.document.data).toEqual({ a: { id: 1 }, b: { id: '"id": [[{' }, c: ['a', 'a'] });
  });

  it('refuses the keys JavaScript treats specially, as the YAML loader does', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(problems(`{"roles": [{"id": "a", "${key}": {}}]}`)).toEqual([`f.json:1:24: "${key}" cannot be used as a key (it is reserved in JavaScript)`]);
    }
    expect(problems('{"notes": ["__proto__"]}')).toEqual([]);
  });

  it(`refuses nesting deeper than ${MAX_NESTING} levels at the bracket that goes too deep`, () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(problems(`{"notes": ${nested(MAX_NESTING - 1)}}`)).toEqual([]);
    expect(problems(`{"notes": ${nested(MAX_NESTING)}}`)).toEqual([`f.json:1:${11 + MAX_NESTING - 1}: nesting deeper than ${MAX_NESTING} levels`]);
    expect(problems(`{"notes": ["${'['.repeat(1000)}"]}`)).toEqual([]);
  });

  it('gives text JSON.parse refuses to the YAML reader, whose messages have positions', () => {
    expect(problems('{"dataset": {"name": "x",\n  "version": }')).toEqual([expect.stringMatching(/^f\.json:2:\d+: /)]);
  });

  it('places validation problems at their line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careerpath-json-'));
    writeFileSync(join(dir, 'bad.json'), '{"dataset": {"name": "x", "version": "1", "updated": "2026-01-01"},\n  "roles": [{"id": "a", "name": 5}]}\n');
    expect(() => readDatasetFiles(['bad.json'], dir)).toThrow(
      expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ file: 'bad.json', position: { line: 2, column: 33 } })]) }),
    );
  });

  it('finds nothing wrong in any JSON written from a JavaScript value (whose keys are unique)', () => {
    const key = fc.string().filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node')), fc.dictionary(key, tie('node'))),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        // fc.jsonValue's own objects may use a reserved name as a key: those are refused, rightly.
        if (text === undefined || /"(__proto__|constructor|prototype)"/.test(text)) return;
        expect(jsonKeyOrNestingProblem(text)).toBeUndefined();
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
