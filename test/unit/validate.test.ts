import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { parseDatasetText } from '../../src/dataset/parse-source';
import { validateDataset, type DatasetDocument } from '../../src/dataset/validate';

const HEADER = `dataset: {name: t, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
`;

function problems(...texts: string[]): string[] {
  const documents: DatasetDocument[] = [];
  const out: string[] = [];
  texts.forEach((text, i) => {
    const parsed = parseDatasetText(`f${i}.yaml`, text);
    if (parsed.ok) documents.push(parsed.document);
    else out.push(...parsed.issues.map(formatIssue));
  });
  if (out.length > 0) return out;
  const result = validateDataset(documents);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validateDataset', () => {
  it('accepts a small valid dataset and fills defaults', () => {
    const parsed = parseDatasetText('ok.yaml', `${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S]}\n`);
    if (!parsed.ok) throw new Error('parse failed');
    const result = validateDataset([parsed.document]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.roles[0]).toMatchObject({ aliases: [], entry: false, confidence: 'high' });
  });

  it('maps schema errors back to line and column', () => {
    expect(problems(`${HEADER}roles:\n  - id: a\n    name: A\n    sector: nhs\n    level: 11\n    summary: s\n    sources: [S]\n`)).toEqual([
      'f0.yaml:8:12: roles[0].level: Too big: expected number to be <=8',
    ]);
  });

  it('points a missing field at its parent and names the field', () => {
    expect(problems(`${HEADER}roles:\n  - id: a\n    name: A\n    summary: s\n    sources: [S]\n`)).toEqual([
      'f0.yaml:5:5: roles[0].sector: "sector" is required',
    ]);
  });

  it('reports unknown fields with a pointer to the schema', () => {
    const [line] = problems(`${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S], levle: 3}\n`);
    expect(line).toMatch(/^f0\.yaml:5:\d+: roles\[0\]\.levle: unknown field "levle"/);
  });

  it('reports structural and cross-reference problems together', () => {
    const lines = problems(
      `${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S]}\n  - {id: a, name: B, sector: nope, summary: s, sources: [S]}\n  - {id: a, name: C, sector: nhs, summary: s, sources: [S]}\ntransitions:\n  - {from: a, to: cto, kind: up, routes: [{requires: [pmp], experienceMonths: 6, sources: [S, X]}], sources: [S, X]}\n`,
    );
    expect(lines).toEqual([
      'f0.yaml:6:30: roles[1].sector: Invalid option: expected one of "adult-social-care"|"social-work"|"nhs"',
      'f0.yaml:7:10: roles[2].id: duplicate id "a" (first defined at f0.yaml roles[0])',
      'f0.yaml:9:19: transitions[0].to: unknown role "cto"',
      'f0.yaml:9:55: transitions[0].routes[0].requires[0]: unknown qualification "pmp"',
      'f0.yaml:9:95: transitions[0].routes[0].sources[1]: unknown source "X" (did you mean "S"?)',
      'f0.yaml:9:114: transitions[0].sources[1]: unknown source "X" (did you mean "S"?)',
    ]);
  });

  it('does not report references to an entry that is itself broken', () => {
    const lines = problems(
      `${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S]}\n  - {id: b, name: B, summary: s, sources: [S]}\ntransitions:\n  - {from: a, to: b, kind: up, routes: [{experienceMonths: 6}], sources: [S]}\n`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"sector" is required');
  });

  it('finds prerequisite cycles', () => {
    const q = (id: string, req: string) => `  - {id: ${id}, name: Q ${id}, kind: diploma, summary: s, requires: [${req}], sources: [S]}\n`;
    expect(problems(`${HEADER}qualifications:\n${q('x', 'y')}${q('y', 'z')}${q('z', 'x')}`)).toEqual([
      'f0.yaml:5:61: qualifications[0].requires: prerequisite cycle: x → y → z → x',
    ]);
  });

  it('finds names and aliases shared by two entries, across files', () => {
    const lines = problems(
      `${HEADER}roles:\n  - {id: care_worker, name: Care worker, sector: adult-social-care, summary: s, sources: [S]}\n`,
      `roles:\n  - {id: carer, name: Carer, aliases: [Care-Worker], sector: adult-social-care, summary: s, sources: [S]}\n`,
    );
    expect(lines).toEqual(['f1.yaml:2:40: roles[0].aliases[0]: "Care-Worker" is already a name of role "care_worker"; names and aliases must be unique']);
  });

  it('rejects a transition to itself and a second transition between the same roles', () => {
    const lines = problems(
      `${HEADER}roles:\n  - {id: a, name: A, sector: nhs, summary: s, sources: [S]}\n  - {id: b, name: B, sector: nhs, summary: s, sources: [S]}\ntransitions:\n  - {from: a, to: a, kind: up, routes: [{experienceMonths: 6}], sources: [S]}\n  - {from: a, to: b, kind: up, routes: [{experienceMonths: 6}], sources: [S]}\n  - {from: a, to: b, kind: up, routes: [{experienceMonths: 6}], sources: [S]}\n`,
    );
    expect(lines.map((l) => l.replace(/^f0\.yaml:\d+:\d+: /, ''))).toEqual([
      'transitions[0].to: a transition from "a" to itself; a qualification milestone belongs in the role\'s notes',
      'transitions[2]: a second transition a → b; add a route to the first one (f0.yaml transitions[1]) instead',
    ]);
  });

  it('needs exactly one dataset header', () => {
    expect(problems('roles: []\n')).toEqual(['f0.yaml:1:1: no "dataset:" header (name, version, updated) in any file']);
    expect(problems(HEADER, HEADER.split('\n')[0]!)).toEqual(['f1.yaml:1:10: dataset: a second "dataset:" header; the first is in f0.yaml']);
  });

  it('explains empty files and top-level lists', () => {
    expect(problems('# nothing\n')[0]).toContain('file is empty');
    expect(problems('- a\n- b\n')[0]).toContain('expected a mapping');
    expect(problems(`${HEADER}role: []\n`)[0]).toContain('unknown top-level key "role"');
  });
});

describe('parseDatasetText', () => {
  it('reports YAML syntax errors with line and column', () => {
    const parsed = parseDatasetText('bad.yaml', 'roles:\n  - id: a\n    name: [unclosed\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(formatIssue(parsed.issues[0]!)).toMatch(/^bad\.yaml:\d+:\d+: /);
  });

  it('rejects duplicate keys', () => {
    const parsed = parseDatasetText('dup.yaml', 'dataset: {}\ndataset: {}\n');
    expect(!parsed.ok && formatIssue(parsed.issues[0]!)).toBe('dup.yaml:2:1: Map keys must be unique');
  });
});

describe('nesting guard', () => {
  it('refuses deep flow nesting before the parser sees it', () => {
    const parsed = parseDatasetText('deep.yaml', `roles: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    expect(!parsed.ok && formatIssue(parsed.issues[0]!)).toBe('deep.yaml:1:72: nesting deeper than 64 levels');
  });

  it('does not mistake a long folded text block for indentation', () => {
    const text = `${HEADER}roles:\n  - id: a\n    name: A\n    sector: nhs\n    summary: >-\n      ${'word '.repeat(80)}\n    sources: [S]\n`;
    const parsed = parseDatasetText('long.yaml', text);
    expect(parsed.ok).toBe(true);
  });
});
