/** Layering data files: whole datasets, overlays, patches, new entries and the problems they can have. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { planLayers, validateLayers } from '../../src/dataset/overlay';
import { parseDatasetText } from '../../src/dataset/parse-source';
import type { DatasetDocument } from '../../src/dataset/validate';
import type { Dataset } from '../../src/domain/types';

const BASE = `dataset: {name: base, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
qualifications:
  - {id: q1, name: Q one, kind: diploma, level: 2, summary: s, sources: [S]}
  - {id: q2, name: Q two, kind: diploma, level: 3, summary: s, requires: [q1], sources: [S]}
roles:
  - {id: a, name: Role A, sector: nhs, summary: s, sources: [S]}
  - {id: b, name: Role B, sector: nhs, level: 3, summary: s, pay: {min: 12, per: hour, year: "2025", sources: [S]}, sources: [S]}
transitions:
  - from: a
    to: b
    kind: sideways
    routes:
      - {name: Diploma, requires: [q2]}
      - {id: fast, name: Fast track, requires: [q1]}
    sources: [S]
`;

function doc(file: string, text: string): DatasetDocument {
  const parsed = parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.document;
}

/** Layers the texts over BASE (file names base.yaml, o1.yaml, o2.yaml ...). */
function layer(...overlays: string[]) {
  return validateLayers(
    [doc('base.yaml', BASE)],
    overlays.map((text, i) => doc(`o${i + 1}.yaml`, text)),
  );
}

function ok(...overlays: string[]): Dataset {
  const result = layer(...overlays);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.dataset;
}

function problems(...overlays: string[]): string[] {
  const result = layer(...overlays);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('planLayers', () => {
  it('puts the last whole dataset at the bottom and the overlays above it', () => {
    const files = [doc('o0.yaml', 'overlay: {name: x}\n'), doc('d.yaml', BASE), doc('o1.yaml', 'overlay: {name: y}\n'), doc('o2.yaml', 'overlay: {name: z}\n')];
    const plan = planLayers(files);
    expect(plan.issues).toEqual([]);
    expect(plan.base).not.toBe('shipped');
    expect((plan.base as DatasetDocument).file).toBe('d.yaml');
    expect(plan.overlays.map((d) => d.file)).toEqual(['o1.yaml', 'o2.yaml']);
    expect(plan.replaced.map((d) => d.file)).toEqual(['o0.yaml']);
  });

  it('puts overlays with no whole dataset on the shipped data', () => {
    const plan = planLayers([doc('o1.yaml', 'overlay: {name: x}\n')]);
    expect(plan.base).toBe('shipped');
    expect(plan.overlays.map((d) => d.file)).toEqual(['o1.yaml']);
  });

  it('refuses a file with both headers or neither, with positions', () => {
    const both = planLayers([doc('both.yaml', 'dataset: {name: d, version: "1", updated: 2026-11-23}\noverlay: {name: o}\n')]);
    expect(both.issues.map(formatIssue)).toEqual([
      'both.yaml:2:10: overlay: a file is either a whole dataset ("dataset:") or an overlay on the data below it ("overlay:"), not both',
    ]);
    const neither = planLayers([doc('neither.yaml', '# our roles\nroles: []\n')]);
    expect(neither.issues.map(formatIssue)[0]).toMatch(
      /^neither\.yaml:2:1: no "overlay:" or "dataset:" header: start a file of additions and changes with "overlay: \{name: \.\.\.\}"/,
    );
    expect(planLayers([doc('empty.yaml', '# nothing\n')]).issues.map(formatIssue)[0]).toContain('file is empty: an overlay starts with "overlay: {name: ...}"');
  });
});

describe('validateLayers: patches', () => {
  it('replaces only the fields a patch gives', () => {
    const d = ok('overlay: {name: local}\nroles:\n  - {id: b, level: 4, aliases: [Senior B]}\n');
    const b = d.roles.find((r) => r.id === 'b')!;
    expect(b).toMatchObject({ name: 'Role B', level: 4, aliases: ['Senior B'], pay: { min: 12 } });
    expect(d.overlays).toEqual([{ name: 'local' }]);
    expect(d.roles.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('removes an optional field set to null', () => {
    const d = ok('overlay: {name: local}\nroles:\n  - {id: b, pay: null}\n');
    expect(d.roles.find((r) => r.id === 'b')!.pay).toBeUndefined();
  });

  it('adds routes to a move and replaces them by route id (positional ids count)', () => {
    const d = ok(`overlay: {name: local}
transitions:
  - from: a
    to: b
    routes:
      - {id: fast, name: Faster track, requires: []}
      - {id: "1", name: Our diploma, requires: [q1, q2]}
      - {name: In-house, requires: [q1], experienceMonths: 3}
`);
    const routes = d.transitions[0]!.routes;
    expect(routes.map((r) => [r.id ?? null, r.name])).toEqual([
      ['1', 'Our diploma'],
      ['fast', 'Faster track'],
      [null, 'In-house'],
    ]);
    expect(d.transitions[0]!.kind).toBe('sideways');
  });

  it('layers several overlays in order, each on the result of the ones below', () => {
    const d = ok('overlay: {name: one}\nroles:\n  - {id: b, level: 4}\n', 'overlay: {name: two}\nroles:\n  - {id: b, level: 5}\n');
    expect(d.roles.find((r) => r.id === 'b')!.level).toBe(5);
    expect(d.overlays!.map((o) => o.name)).toEqual(['one', 'two']);
  });
});

describe('validateLayers: new entries', () => {
  it('adds complete new entries, which may refer to each other and to the data below', () => {
    const d = ok(`overlay: {name: local}
qualifications:
  - {id: q3, name: Our induction, kind: cpd, summary: s, requires: [q1], sources: [OWN]}
sources:
  - {id: OWN, title: Our framework, publisher: Us, reviewed: 2026-11-01}
roles:
  - {id: c, name: Wellbeing lead, sector: nhs, summary: s, sources: [OWN]}
transitions:
  - {from: b, to: c, kind: specialise, routes: [{requires: [q3], experienceMonths: 6}], sources: [OWN]}
`);
    expect(d.roles.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(d.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['a->b', 'b->c']);
  });

  it('says a patch of an unknown id is not a complete entry, suggesting the id meant', () => {
    expect(problems('overlay: {name: local}\nroles:\n  - id: bb\n    level: 4\n')).toEqual([
      'o1.yaml:3:9: roles[0].id: there is no role "bb" below this overlay to change, so this is a new role and needs "name", "sector", "summary" and "sources" (or did you mean to change "b"?)',
    ]);
    expect(problems('overlay: {name: local}\ntransitions:\n  - {from: b, to: a, routes: [{}]}\n')).toEqual([
      'o1.yaml:3:12: transitions[0].from: there is no move "b → a" below this overlay to change, so this is a new move and needs "kind" and "sources" (or did you mean to change "a → b"?)',
    ]);
  });
});

describe('validateLayers: problems point at the overlay line that caused them', () => {
  it('a patch that breaks a reference', () => {
    expect(problems('overlay: {name: local}\nqualifications:\n  - id: q2\n    requires: [q9]\n')).toEqual([
      'o1.yaml:4:16: qualifications[0].requires[0]: unknown qualification "q9" (did you mean "q1"?)',
    ]);
  });

  it('a bad value and an unknown field in a patch', () => {
    expect(problems('overlay: {name: local}\nroles:\n  - id: b\n    level: 11\n    levle: 4\n')).toEqual([
      'o1.yaml:4:12: roles[0].level: Too big: expected number to be <=8',
      'o1.yaml:5:12: roles[0].levle: unknown field "levle" (check the spelling; `careerpath schema` lists the fields)',
    ]);
  });

  it('a problem in a route an overlay added, and a name another entry already has', () => {
    expect(problems('overlay: {name: local}\ntransitions:\n  - from: a\n    to: b\n    routes:\n      - {requires: [nope]}\n')).toEqual([
      'o1.yaml:6:21: transitions[0].routes[0].requires[0]: unknown qualification "nope"',
    ]);
    // Giving an entry a name another entry already has is caught in the overlay, where it was written.
    expect(problems('overlay: {name: local}\nroles:\n  - {id: b, name: Role A}\n')).toEqual([
      'o1.yaml:3:19: roles[0].name: "Role A" is already a name of role "a"; names and aliases must be unique',
    ]);
  });

  it('an entry twice in one overlay, and a header that is not a mapping', () => {
    expect(problems('overlay: {name: local}\nroles:\n  - {id: b, level: 4}\n  - {id: b, level: 5}\n')).toEqual([
      'o1.yaml:4:10: roles[1].id: role "b" appears twice in this overlay (first at roles[0]); put its changes in one entry',
    ]);
    expect(problems('overlay: local roles\n')).toEqual(['o1.yaml:1:10: overlay: Invalid input: expected object, received string']);
  });

  it('an entry without an id', () => {
    expect(problems('overlay: {name: local}\nroles:\n  - {name: No id}\n')).toEqual([
      'o1.yaml:3:5: roles[0]: an entry needs an "id", to add it or to say which entry to change',
    ]);
  });
});
