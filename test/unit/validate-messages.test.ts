/**
 * validateDataset's messages, exactly as a dataset author reads them (`file:line:column: path: message`):
 * the top level of a file, collections that are not lists, headers, unknown fields, and the result.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { parseDatasetText } from '../../src/dataset/parse-source';
import { describe as describeValue, validateDataset, type DatasetDocument } from '../../src/dataset/validate';

const HEADER = `dataset: {name: t, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
`;
const ROLE = '  - {id: a, name: A, sector: nhs, summary: s, sources: [S]}\n';

function doc(file: string, text: string): DatasetDocument {
  const parsed = parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.document;
}

/** The formatted problems of validating the texts as f0.yaml, f1.yaml ... ([] when valid). */
function problems(...texts: string[]): string[] {
  const result = validateDataset(texts.map((text, i) => doc(`f${i}.yaml`, text)));
  return result.ok ? [] : result.issues.map(formatIssue);
}

const NO_HEADER = 'no "dataset:" header (name, version, updated) in any file';

describe('validateDataset: the top level of a file', () => {
  it('an empty file', () => {
    expect(problems('# nothing here\n')).toEqual([
      'f0.yaml:1:1: file is empty: a dataset needs at least a "dataset:" header and some roles',
      `f0.yaml:1:1: ${NO_HEADER}`,
    ]);
  });

  it('a document with no data at all (not parsed from YAML) is empty too, and has no position', () => {
    const result = validateDataset([{ file: 'x.json', data: undefined }]);
    expect(result).toEqual({
      ok: false,
      issues: [
        { file: 'x.json', path: [], message: 'file is empty: a dataset needs at least a "dataset:" header and some roles' },
        { file: 'x.json', path: [], message: NO_HEADER },
      ],
    });
  });

  it('a list, a text or a number where the mapping should be', () => {
    const expected = (found: string) => [
      `f0.yaml:1:1: expected a mapping with "dataset:", "roles:", "transitions:" ... at the top level, found ${found}`,
      `f0.yaml:1:1: ${NO_HEADER}`,
    ];
    expect(problems('- a\n- b\n')).toEqual(expected('a list'));
    expect(problems('just some words\n')).toEqual(expected('the text "just some words"'));
    expect(problems('42\n')).toEqual(expected('a number'));
  });

  it('an unknown top-level key, with the keys allowed', () => {
    expect(problems(`${HEADER}role: []\n`)).toEqual([
      'f0.yaml:4:7: role: unknown top-level key "role"; expected one of dataset, overlay, sources, funding, qualifications, roles, transitions',
    ]);
  });

  it('an "overlay:" header in a whole dataset is checked like an overlay\'s', () => {
    expect(problems(`${HEADER}overlay: {name: x}\n`)).toEqual([]);
    expect(problems(`${HEADER}overlay: local roles\n`)).toEqual(['f0.yaml:4:10: overlay: Invalid input: expected object, received string']);
    expect(problems(`${HEADER}overlay: {name: x, colour: red}\n`)).toEqual([
      'f0.yaml:4:28: overlay.colour: unknown field "colour" (check the spelling; `careerpath schema` lists the fields)',
    ]);
  });

  it('no files at all', () => {
    expect(validateDataset([])).toEqual({ ok: false, issues: [{ file: '(no files)', path: [], message: 'no dataset files to read' }] });
  });
});

describe('validateDataset: collections', () => {
  it('a collection written with no entries is an empty list', () => {
    const result = validateDataset([doc('f0.yaml', `${HEADER}roles:\ntransitions: ~\n`)]);
    expect(result.ok && result.dataset.roles).toEqual([]);
    expect(result.ok && result.dataset.transitions).toEqual([]);
  });

  it('a collection that is not a list says what it found', () => {
    expect(problems(`${HEADER}roles: {id: a}\nfunding: 3\ntransitions: none yet\n`)).toEqual([
      'f0.yaml:4:8: roles: "roles" must be a list (each item starting with "- "), found a mapping',
      'f0.yaml:5:10: funding: "funding" must be a list (each item starting with "- "), found a number',
      'f0.yaml:6:14: transitions: "transitions" must be a list (each item starting with "- "), found the text "none yet"',
    ]);
  });

  it('an empty entry in a list is reported, not a crash', () => {
    expect(problems(`${HEADER}roles:\n  -\n${ROLE}`)).toEqual(['f0.yaml:5:4: roles[0]: Invalid input: expected object, received null']);
  });

  it('several unknown fields in one entry are named together, at the entry', () => {
    expect(problems(`${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S], levle: 3, sectr: nhs}\n`)).toEqual([
      'f0.yaml:5:5: roles[0]: unknown fields "levle", "sectr"',
    ]);
  });
});

describe('validateDataset: the result', () => {
  it('a valid dataset has no problems and no "overlays" (only layered data has them)', () => {
    const result = validateDataset([doc('f0.yaml', `${HEADER}roles:\n${ROLE}`)]);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    if (result.ok) expect(Object.keys(result.dataset)).toEqual(['meta', 'sources', 'funding', 'qualifications', 'roles', 'transitions']);
  });

  it('problems come file by file in the order given, then top to bottom, ties in the order found', () => {
    // Schema problems are found file by file, the rules' problems after them all: sorting puts each in its place.
    expect(
      problems(
        `${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [X]}\n  - {id: b, name: B, sector: nope, summary: s, sources: [S]}\n`,
        `roles:\n  - {id: c, name: C, sector: nhs, summary: s, sources: [S], x: 1, y: 2}\n`,
      ),
    ).toEqual([
      'f0.yaml:5:57: roles[0].sources[0]: unknown source "X" (did you mean "S"?)',
      'f0.yaml:6:30: roles[1].sector: Invalid option: expected one of "adult-social-care"|"social-work"|"nhs"',
      'f1.yaml:2:5: roles[0]: unknown fields "x", "y"',
    ]);
    // Two problems at the same place keep the order they were found in.
    expect(problems('dataset: {}\n')).toEqual([
      'f0.yaml:1:10: dataset.name: "name" is required',
      'f0.yaml:1:10: dataset.version: "version" is required',
      'f0.yaml:1:10: dataset.updated: "updated" is required',
    ]);
  });
});

describe('describe: what was found', () => {
  it('names each kind of value', () => {
    expect(describeValue([1])).toBe('a list');
    expect(describeValue(null)).toBe('nothing');
    expect(describeValue({ a: 1 })).toBe('a mapping');
    expect(describeValue(true)).toBe('a boolean');
    expect(describeValue(3)).toBe('a number');
    expect(describeValue('')).toBe('the text ""');
  });

  it('shortens a text longer than 40 characters', () => {
    const forty = 'x'.repeat(40);
    expect(describeValue(forty)).toBe(`the text "${forty}"`);
    expect(describeValue(`${forty}yz`)).toBe(`the text "${forty}…"`);
  });
});
