/**
 * The overlay module imported afresh inside the test: its module-level table of entry kinds ("a new
 * funding route") then runs under the test, which mutation testing needs to tie it to the test (see
 * test/helpers/lazy.ts; code run while a test file loads belongs to no test).
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { parseDatasetText } from '../../src/dataset/parse-source';
import type { DatasetDocument } from '../../src/dataset/validate';

beforeEach(() => {
  vi.resetModules();
});

function doc(file: string, text: string): DatasetDocument {
  const parsed = parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.document;
}

it('names each kind of new entry in its own words, from a fresh import', async () => {
  const { validateLayers } = await import('../../src/dataset/overlay');
  const base = doc('base.yaml', 'dataset: {name: b, version: "1", updated: 2026-11-23}\nsources:\n  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}\n');
  const overlay = doc(
    'o.yaml',
    'overlay: {name: o}\nsources:\n  - {id: OWN}\nfunding:\n  - {id: grant}\nqualifications:\n  - {id: q2}\nroles:\n  - {id: r}\ntransitions:\n  - {from: r, to: s}\n',
  );
  const result = validateLayers([base], [overlay]);
  const wording = result.ok ? [] : result.issues.map((i) => i.message.replace(/ and needs .*/, ''));
  expect(wording).toEqual([
    'there is no source "OWN" below this overlay to change, so this is a new source',
    'there is no funding route "grant" below this overlay to change, so this is a new funding route',
    'there is no qualification "q2" below this overlay to change, so this is a new qualification',
    'there is no role "r" below this overlay to change, so this is a new role',
    'there is no move "r → s" below this overlay to change, so this is a new move',
  ]);
});
