/**
 * Validation accepts only what the rest of careerpath survives (issue 18, review H2, H3, H4, H5,
 * H7, M8, M9, M11, L2): deep prerequisite chains, huge or non-finite figures, long texts, control
 * characters (written as YAML or JSON escapes too), names with no letters, a repeated overlay.
 * Each refusal is located at its file, line and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { validateLayers } from '../../src/dataset/overlay';
import { parseDatasetJson, parseDatasetText } from '../../src/dataset/parse-source';
import { MAX_PREREQUISITE_DEPTH, prerequisiteProblems } from '../../src/dataset/prerequisites';
import { withoutRepeats } from '../../src/dataset/read-files';
import { MAX_SUGGESTIONS } from '../../src/dataset/suggestions';
import type { DatasetDocument } from '../../src/dataset/validate';
import { boundedEditDistance, closestMatches, editDistance, MAX_SUGGESTION_QUERY, normalizeName } from '../../src/domain/names';
import { resolveRole } from '../../src/domain/resolve';
import { DATA_LIMITS } from '../../src/domain/schema-limits';
import type { Qualification } from '../../src/domain/types';

const BASE = `dataset: {name: base, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
roles:
  - {id: a, name: Role A, sector: nhs, summary: s, sources: [S]}
`;

function doc(file: string, text: string): DatasetDocument {
  const parsed = file.endsWith('.json') ? parseDatasetJson(file, text) : parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.document;
}

/** The problems of the overlay texts layered on BASE, as file:line:column: field: message. */
function problems(...overlays: [string, string][]): string[] {
  const result = validateLayers(
    [doc('base.yaml', BASE)],
    overlays.map(([file, text]) => doc(file, text)),
  );
  return result.ok ? [] : result.issues.map(formatIssue);
}

const overlay = (body: string) => `overlay: {name: o}\n${body}`;
/** A chain of n qualifications, each requiring the one before, as JSON. */
function chain(n: number): string {
  const qualifications = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    name: `D${i}`,
    kind: 'award',
    summary: 's',
    requires: i > 0 ? [`d${i - 1}`] : [],
    sources: ['S'],
  }));
  return JSON.stringify({ overlay: { name: 'deep' }, qualifications }, null, 1);
}

describe('prerequisite chains (H2)', () => {
  it(`accepts a chain ${MAX_PREREQUISITE_DEPTH} deep`, () => {
    expect(problems(['deep.json', chain(MAX_PREREQUISITE_DEPTH)])).toEqual([]);
  });

  it('refuses one deeper, at the qualification where the chain first grows too deep', () => {
    const found = problems(['deep.json', chain(MAX_PREREQUISITE_DEPTH + 1)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^deep\.json:\d+:\d+: qualifications\[30\]\.requires: a chain of 31 prerequisites starts here \(d30 → d29 → d28 → d27 → …\); at most 30/,
    );
  });

  it('walks a chain of 6,000 (which once overflowed the planner) and says where it grows too deep', () => {
    const found = problems(['deep.json', chain(6_000)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('qualifications[30].requires: a chain of 31 prerequisites');
  });

  it('walks a chain of 50,000 in the rule itself without overflowing the call stack (the recursive walk did at 20,000)', () => {
    const located = Array.from({ length: 50_000 }, (_, i) => ({
      value: { id: `d${i}`, requires: i > 0 ? [`d${i - 1}`] : [] } as Qualification,
      file: 'deep.yaml',
      path: ['qualifications', i],
    }));
    expect(prerequisiteProblems(located).map((p) => p.path)).toEqual([['qualifications', 30, 'requires']]);
  });

  it('still reports a loop, once, at the qualification where the walk meets it again', () => {
    const found = problems([
      'loop.yaml',
      overlay(`sources: [{id: S2, title: t, publisher: p, reviewed: 2026-01-01}]
qualifications:
  - {id: x, name: X, kind: award, summary: s, requires: [y], sources: [S2]}
  - {id: y, name: Y, kind: award, summary: s, requires: [x], sources: [S2]}
`),
    ]);
    expect(found).toEqual(['loop.yaml:4:57: qualifications[0].requires: prerequisite cycle: x → y → x']);
  });
});

describe('figures (H3, M9)', () => {
  const qualification = (fields: string) => overlay(`qualifications: [{id: h, name: H, kind: award, summary: s, ${fields}, sources: [S]}]\n`);

  it('refuses months, hours and money past their maxima, each where it is written', () => {
    expect(problems(['big.yaml', qualification('durationMonths: 601, studyHours: 100001, cost: {min: 0, max: 1e308}')])).toEqual([
      'big.yaml:2:76: qualifications[0].durationMonths: at most 600 months (50 years); a larger figure is a mistake (a unit, or a stray digit)',
      'big.yaml:2:93: qualifications[0].studyHours: at most 100,000 hours; a larger figure is a mistake (a unit, or a stray digit)',
      'big.yaml:2:121: qualifications[0].cost.max: at most £10,000,000; a larger figure is a mistake (a unit, or a stray digit)',
    ]);
  });

  it('refuses .inf, .nan and a number too large to hold, saying it is no figure', () => {
    const found = problems(['inf.yaml', qualification('durationMonths: .inf, cost: {min: .nan, max: 1e400}')]);
    expect(found).toEqual([
      'inf.yaml:2:76: qualifications[0].durationMonths: Infinity is not a figure (.inf, .nan, or a number too large to hold); give a number',
      'inf.yaml:2:94: qualifications[0].cost.min: NaN is not a figure (.inf, .nan, or a number too large to hold); give a number',
      'inf.yaml:2:105: qualifications[0].cost.max: Infinity is not a figure (.inf, .nan, or a number too large to hold); give a number',
    ]);
  });

  it('accepts the largest figures allowed', () => {
    expect(problems(['max.yaml', qualification(`durationMonths: ${DATA_LIMITS.months}, cost: {min: 0, max: ${DATA_LIMITS.money}}`)])).toEqual([]);
  });
});

describe('text (H4, H7)', () => {
  const role = (name: string, summary = 's') => overlay(`roles: [{id: n, name: ${name}, sector: nhs, summary: ${summary}, sources: [S]}]\n`);

  it('refuses a name longer than the limit, with its length', () => {
    const found = problems(['long.yaml', role('X'.repeat(DATA_LIMITS.lineLength + 1))]);
    expect(found).toEqual([`long.yaml:2:23: roles[0].name: at most 300 characters (this one has 301); shorten it`]);
    expect(problems(['ok.yaml', role('X'.repeat(DATA_LIMITS.lineLength))])).toEqual([]);
  });

  it('refuses prose longer than its limit', () => {
    expect(problems(['long.yaml', role('N', 'S'.repeat(DATA_LIMITS.proseLength + 1))])[0]).toContain('roles[0].summary: at most 4000 characters');
  });

  it.each([
    ['ESC written as \\e in YAML', '"Evil \\e[31mRED"', 'U+001B (ESC) at character 6'],
    ['BEL written as \\a', '"Ring \\a"', 'U+0007 (BEL) at character 6'],
    ['NUL written as \\0', '"Nul \\0"', 'U+0000 (NUL) at character 5'],
    ['DEL', '"Del \\x7f"', 'U+007F at character 5'],
    ['a C1 control (CSI)', '"Csi \\x9b2J"', 'U+009B at character 5'],
    ['a line separator', '"Line \\u2028 two"', 'U+2028 at character 6'],
    ['a right-to-left override', '"abc \\u202e fed"', 'U+202E at character 5'],
    ['a tab', '"tab\\there"', 'U+0009 (tab) at character 4'],
    ['a line break', '"Line one\\n# heading injected"', 'U+000A (line break) at character 9'],
  ])('refuses %s in a name, located', (_what, name, detail) => {
    const found = problems(['esc.yaml', role(name)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^esc\.yaml:2:23: roles\[0\]\.name: the control character /);
    expect(found[0]).toContain(detail);
  });

  it('refuses the same escapes written in JSON, and half a surrogate pair', () => {
    const json = JSON.stringify({ overlay: { name: 'x\u001b[5m' }, roles: [{ id: 'r', name: 'R', sector: 'nhs', summary: 'lone \ud800', sources: ['S'] }] });
    const found = problems(['esc.json', json]);
    expect(found[0]).toMatch(/^esc\.json:1:\d+: overlay\.name: the control character U\+001B \(ESC\) at character 2/);
    expect(found[1]).toMatch(/^esc\.json:1:\d+: roles\[0\]\.summary: contains half of a UTF-16 surrogate pair/);
  });

  it('allows tabs and line breaks in prose, where a block of text has them', () => {
    expect(problems(['prose.yaml', role('N', '"First line\\n\\tsecond line"')])).toEqual([]);
  });
});

describe('names in every script (M8, L2)', () => {
  it('keeps letters and digits of every script, drops accents, and treats tabs and line breaks as spaces', () => {
    expect(normalizeName('护士')).toBe('护士');
    expect(normalizeName('مقدم رعاية')).toBe('مقدم رعاية');
    expect(normalizeName('Φροντιστής')).toBe('φροντιστης');
    expect(normalizeName('Café-Worker')).toBe('cafe worker');
    expect(normalizeName('care\tworker')).toBe('care worker');
    expect(normalizeName('care\nworker')).toBe('care worker');
    expect(normalizeName('!!!')).toBe('');
  });

  it('three names in three scripts are three names, not one "" three times', () => {
    const found = problems([
      'scripts.yaml',
      overlay(`roles:
  - {id: nurse_zh, name: "护士", sector: nhs, summary: s, sources: [S]}
  - {id: carer_ar, name: "مقدم رعاية", sector: nhs, summary: s, sources: [S]}
  - {id: carer_el, name: "Φροντιστής", sector: nhs, summary: s, sources: [S]}
`),
    ]);
    expect(found).toEqual([]);
  });

  it('refuses a name with no letter or digit, which nobody could type', () => {
    expect(problems(['blank.yaml', overlay('roles: [{id: b, name: "   ", sector: nhs, summary: s, sources: [S]}]\n')])).toEqual([
      'blank.yaml:2:23: roles[0].name: "   " has no letter or digit, so nobody could type it; give it a name in words',
    ]);
  });

  it('typed text with no letter or digit matches nothing and is offered nothing', () => {
    const result = validateLayers(
      [doc('base.yaml', BASE)],
      [doc('zh.yaml', overlay('roles: [{id: nurse_zh, name: "护士", sector: nhs, summary: s, sources: [S]}]\n'))],
    );
    if (!result.ok) throw new Error('invalid');
    for (const typed of ['🙂', '!!!', '   ']) expect(resolveRole(result.dataset, typed)).toEqual({ ok: false, ambiguous: [], suggestions: [] });
    expect(resolveRole(result.dataset, '护士')).toMatchObject({ ok: true, exact: true, value: { id: 'nurse_zh' } });
  });
});

describe('"did you mean" at a bounded cost (H5)', () => {
  it('the banded edit distance equals the full one wherever it is within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, limit) => {
        const full = editDistance(a, b);
        const banded = boundedEditDistance(a, b, limit);
        if (full <= limit) expect(banded).toBe(full);
        else expect(banded).toBeGreaterThan(limit);
      }),
    );
  });

  it('suggests for a near name, and nothing for a query longer than any name', () => {
    const candidates = [{ key: 'registered_manager', value: 'rm' }];
    expect(closestMatches('registred manager', candidates)).toEqual(['rm']);
    expect(closestMatches('x'.repeat(MAX_SUGGESTION_QUERY + 1), [{ key: 'x'.repeat(MAX_SUGGESTION_QUERY + 1), value: 'x' }])).toEqual([]);
  });

  it(`gives a suggestion to the first ${MAX_SUGGESTIONS} unknown references only`, () => {
    // Unknown ids two letters from the role "a" ("aaa", "aba", ...): each has a suggestion to give.
    const near = (i: number) => `a${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const moves = Array.from({ length: 200 }, (_, i) => `  - {from: ${near(i)}, to: a, kind: sideways, routes: [{}], sources: [S]}`).join('\n');
    const found = problems(['refs.yaml', overlay(`transitions:\n${moves}\n`)]);
    expect(found.filter((p) => p.includes('unknown role'))).toHaveLength(200);
    expect(found.filter((p) => p.includes('did you mean'))).toHaveLength(MAX_SUGGESTIONS);
  });
});

describe('a repeated overlay (M11)', () => {
  const move = overlay(`sources: [{id: S2, title: t, publisher: p, reviewed: 2026-01-01}]
roles: [{id: c, name: Role C, sector: nhs, summary: s, sources: [S2]}]
transitions: [{from: a, to: c, kind: sideways, routes: [{requires: []}], sources: [S2]}]
`);

  it('layered twice, even with another file between, adds its route once', () => {
    const between = overlay('roles: [{id: c, summary: changed}]\n');
    const result = validateLayers([doc('base.yaml', BASE)], [doc('o.yaml', move), doc('between.yaml', between), doc('o-again.yaml', move)]);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.dataset.transitions.find((t) => t.to === 'c')!.routes).toHaveLength(1);
  });

  it('the same file twice in a row is read once', () => {
    expect(withoutRepeats(['o.yaml', './o.yaml', 'other.yaml', 'o.yaml'], '/tmp')).toEqual(['o.yaml', 'other.yaml', 'o.yaml']);
  });
});

describe('small data messages (L8, L9)', () => {
  it('a file whose lines end in CR alone is told so, not given a puzzle about compact mappings', () => {
    const parsed = parseDatasetText('cr.yaml', 'overlay: {name: x}\rroles: []\r');
    expect(parsed.ok || parsed.issues.map(formatIssue)).toEqual([
      'cr.yaml:1:19: the lines end in CR alone (old Mac line endings); save the file with LF line endings',
    ]);
  });

  it('an overlay id written as a number is told to be text', () => {
    expect(problems(['id.yaml', overlay('roles:\n  - {id: 123, name: N}\n')])).toEqual([
      'id.yaml:3:10: roles[0].id: "id" must be text, found a number; write it in quotes',
    ]);
  });
});
