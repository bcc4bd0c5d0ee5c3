/**
 * The rules that keep plans realistic, as a dataset author meets them: every defect an expert
 * review found in an earlier shipped dataset is rejected at its file:line:column, and a dataset
 * that follows the rules passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { parseDatasetText } from '../../src/dataset/parse-source';
import { validateDataset } from '../../src/dataset/validate';

const FIXTURE = new URL('../fixtures/datasets/old-defects.yaml', import.meta.url);

function problems(file: string, text: string): string[] {
  const parsed = parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  const result = validateDataset([parsed.document]);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validation rejects the defects of the old dataset', () => {
  const found = problems('old-defects.yaml', readFileSync(FIXTURE, 'utf8'));

  it('an induction or baseline certificate cannot carry a step up into a supervisory role (H1)', () => {
    expect(found).toContain(
      'old-defects.yaml:24:19: transitions[0].routes[0].requires: induction and baseline qualifications (l2_ascc) cannot carry a move into Team leader, a supervisory or higher role; require the qualification the role is built on',
    );
  });

  it('a step up must state its experience (H3)', () => {
    expect(found).toContain(
      'old-defects.yaml:32:9: transitions[1].routes[0]: an up route must state its experience: "experienceMonths" (alongside study), "experienceBeforeMonths" (before the course), or "experienceUnknown" with why no source gives it',
    );
  });

  it('a sideways move cannot change level (H9)', () => {
    expect(found).toContain('old-defects.yaml:38:11: transitions[2].kind: a sideways move cannot change level (2 → 3); make it "up" and state its experience');
  });

  it('a step up cannot skip a Care Workforce Pathway category without a sourced route (H9)', () => {
    expect(found).toContain(
      'old-defects.yaml:47:9: transitions[3].routes[0]: this step up skips a Care Workforce Pathway category (care-or-support-worker → deputy-manager); go through the category between, or mark the route "skipsCategory: true" with its own sources',
    );
  });

  it('experience is a figure or unknown, not both; a category skip needs its own sources', () => {
    expect(found).toContain('old-defects.yaml:57:28: transitions[4].routes[0].experienceUnknown: give experience months or say they are unknown, not both');
    expect(found).toContain('old-defects.yaml:61:24: transitions[4].routes[1].skipsCategory: a route that skips a category needs its own "sources" saying so');
  });

  it('an entry requirement must say what meets it', () => {
    expect(found).toContain(
      'old-defects.yaml:10:66: qualifications[3].kind: a requirement needs "meetBy": the qualifications that meet it, the one to plan first at the top',
    );
  });

  it('reports nothing else', () => {
    expect(found).toHaveLength(7);
  });
});

describe('a dataset that follows the rules', () => {
  it('passes: experience stated, sideways on one level, a sourced category skip, a met requirement', () => {
    const text = `dataset: {name: t, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
qualifications:
  - {id: l3, name: L3, kind: diploma, level: 3, summary: s, sources: [S]}
  - {id: access, name: Access, kind: diploma, level: 3, summary: s, sources: [S]}
  - {id: entry3, name: Entry, kind: requirement, purpose: entry-requirement, meetBy: [access, l3], summary: s, sources: [S]}
roles:
  - {id: a, name: A, sector: adult-social-care, level: 2, careCategory: care-or-support-worker, entry: true, summary: s, sources: [S]}
  - {id: b, name: B, sector: adult-social-care, level: 2, careCategory: care-or-support-worker, summary: s, sources: [S]}
  - {id: c, name: C, sector: adult-social-care, level: 4, careCategory: deputy-manager, summary: s, sources: [S]}
  - {id: d, name: D, sector: adult-social-care, level: 3, careCategory: supervisor-or-leader, summary: s, sources: [S]}
transitions:
  - {from: a, to: b, kind: sideways, routes: [{requires: []}], sources: [S]}
  - {from: a, to: c, kind: up, routes: [{requires: [l3, entry3], experienceBeforeMonths: 12, skipsCategory: true, sources: [S]}], sources: [S]}
  - {from: b, to: d, kind: up, routes: [{requires: [l3], experienceUnknown: no source gives it}], sources: [S]}
`;
    expect(problems('ok.yaml', text)).toEqual([]);
  });
});
