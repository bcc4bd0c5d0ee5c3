/**
 * Layering, the cases overlay.test.ts leaves out: which file planLayers takes as the whole dataset
 * when some are not usable, overlay entries that are not entries, new entries of each kind that are
 * incomplete, and problems in patched routes pointing at the file and line that wrote them.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/dataset/issue';
import { planLayers, validateLayers } from '../../src/dataset/overlay';
import { parseDatasetText } from '../../src/dataset/parse-source';
import type { DatasetDocument } from '../../src/dataset/validate';

const BASE = `dataset: {name: base, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
funding:
  - {id: levy, name: Levy, summary: s, sources: [S]}
qualifications:
  - {id: q1, name: Q one, kind: diploma, level: 2, summary: s, sources: [S]}
roles:
  - {id: a, name: Role A, sector: nhs, summary: s, sources: [S]}
  - {id: b, name: Role B, sector: nhs, summary: s, sources: [S]}
transitions:
  - from: a
    to: b
    kind: sideways
    routes:
      - {name: Diploma, requires: [q1]}
      - {id: fast, name: Fast track, requires: []}
    sources: [S]
`;

function doc(file: string, text: string): DatasetDocument {
  const parsed = parseDatasetText(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.document;
}

/** The problems of layering the texts (o1.yaml, o2.yaml ...) over BASE, [] when valid. */
function problems(...overlays: string[]): string[] {
  const result = validateLayers(
    [doc('base.yaml', BASE)],
    overlays.map((text, i) => doc(`o${i + 1}.yaml`, text)),
  );
  return result.ok ? [] : result.issues.map(formatIssue);
}

const OVERLAY = 'overlay: {name: local}\n';

describe('planLayers: a file without a usable header is never the whole dataset', () => {
  const cases: [string, string, string][] = [
    ['empty', '# nothing yet\n', 'x.yaml:1:1: file is empty: an overlay starts with "overlay: {name: ...}", a whole dataset with "dataset:"'],
    ['a list', '- a\n- b\n', 'x.yaml:1:1: expected a mapping with "overlay:" or "dataset:" at the top level, found a list'],
    ['a text', 'my roles\n', 'x.yaml:1:1: expected a mapping with "overlay:" or "dataset:" at the top level, found the text "my roles"'],
    [
      'neither header',
      'roles: []\n',
      'x.yaml:1:1: no "overlay:" or "dataset:" header: start a file of additions and changes with "overlay: {name: ...}", ' +
        'or a complete dataset of your own with "dataset: {name, version, updated}"',
    ],
    [
      'both headers',
      'dataset: {name: d, version: "1", updated: 2026-11-23}\noverlay: {name: o}\n',
      'x.yaml:2:10: overlay: a file is either a whole dataset ("dataset:") or an overlay on the data below it ("overlay:"), not both',
    ],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const plan = planLayers([doc('d.yaml', BASE), doc('x.yaml', text)]);
      expect(plan.issues.map(formatIssue)).toEqual([message]);
      expect((plan.base as DatasetDocument).file).toBe('d.yaml');
      expect(plan.overlays.map((d) => d.file)).toEqual(['x.yaml']);
      expect(plan.replaced).toEqual([]);
    });
  }

  it('an overlay is not the whole dataset either', () => {
    const plan = planLayers([doc('d.yaml', BASE), doc('o.yaml', OVERLAY)]);
    expect(plan.issues).toEqual([]);
    expect((plan.base as DatasetDocument).file).toBe('d.yaml');
  });
});

describe('validateLayers: overlay files and entries that are not usable', () => {
  it('an overlay without its header', () => {
    expect(problems('roles:\n  - {id: b, level: 4}\n')).toEqual(['o1.yaml:1:1: overlay: a value is required']);
  });

  it('entries that are not mappings', () => {
    expect(problems(`${OVERLAY}roles:\n  - just text\n  -\n  - [a, b]\n`)).toEqual([
      'o1.yaml:3:5: roles[0]: each entry is a mapping of fields, found the text "just text"',
      'o1.yaml:4:4: roles[1]: each entry is a mapping of fields, found nothing',
      'o1.yaml:5:5: roles[2]: each entry is a mapping of fields, found a list',
    ]);
  });

  it('a move without "from" and "to"', () => {
    expect(problems(`${OVERLAY}transitions:\n  - {from: a, kind: sideways}\n`)).toEqual([
      'o1.yaml:3:5: transitions[0]: a move needs "from" and "to" role ids, to add it or to say which move to change',
    ]);
  });
});

describe('validateLayers: incomplete new entries', () => {
  it('names the kind of entry and every missing field', () => {
    expect(problems(`${OVERLAY}sources:\n  - {id: OWN}\nfunding:\n  - {id: grant}\nqualifications:\n  - {id: q2, level: 3}\n`)).toEqual([
      'o1.yaml:3:10: sources[0].id: there is no source "OWN" below this overlay to change, so this is a new source and needs "title", "publisher" and "reviewed"',
      'o1.yaml:5:10: funding[0].id: there is no funding route "grant" below this overlay to change, so this is a new funding route and needs "name", "summary" and "sources"',
      'o1.yaml:7:10: qualifications[0].id: there is no qualification "q2" below this overlay to change, so this is a new qualification and needs "name", "kind", "summary" and "sources" (or did you mean to change "q1"?)',
    ]);
  });

  it('one missing field, no near id to suggest, and a bad value reported where it is', () => {
    expect(problems(`${OVERLAY}roles:\n  - {id: wellbeing_lead, name: Wellbeing lead, sector: care, summary: s}\n`)).toEqual([
      'o1.yaml:3:10: roles[0].id: there is no role "wellbeing_lead" below this overlay to change, so this is a new role and needs "sources"',
      'o1.yaml:3:56: roles[0].sector: Invalid option: expected one of "adult-social-care"|"social-work"|"nhs"',
    ]);
  });
});

describe('validateLayers: problems in patches point at the layer that wrote them', () => {
  it('several unknown fields in a patch, at the patch', () => {
    expect(problems(`${OVERLAY}roles:\n  - {id: b, levle: 4, sectr: nhs}\n`)).toEqual(['o1.yaml:3:5: roles[0]: unknown fields "levle", "sectr"']);
  });

  it('a route the overlay replaced by its id', () => {
    expect(problems(`${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      - {id: fast, requires: [nope]}\n`)).toEqual([
      'o1.yaml:6:31: transitions[0].routes[0].requires[0]: unknown qualification "nope"',
    ]);
  });

  it("a route added by a lower overlay, after a higher one changed the move's routes again", () => {
    expect(
      problems(
        `${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      - {id: ours, requires: [q9]}\n`,
        `${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      - {id: fast, name: Faster}\n`,
      ),
    ).toEqual(['o1.yaml:6:31: transitions[0].routes[0].requires[0]: unknown qualification "q9" (did you mean "q1"?)']);
  });
});

describe('validateLayers: more overlay entries', () => {
  it('an overlay that is not a mapping is reported, not a crash', () => {
    const lines = problems('# nothing yet\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^o1\.yaml:1:1: file is empty/);
  });

  it('keys that are missing or not text', () => {
    expect(problems(`${OVERLAY}transitions:\n  - {to: b, kind: up}\nroles:\n  - {id: 5, name: Five}\n`)).toEqual([
      'o1.yaml:3:5: transitions[0]: a move needs "from" and "to" role ids, to add it or to say which move to change',
      'o1.yaml:5:10: roles[0].id: "id" must be text, found a number; write it in quotes',
    ]);
  });

  it('an id is quoted as written', () => {
    expect(problems(`${OVERLAY}roles:\n  - {id: "x->y", name: X, sector: nhs, summary: s, sources: [S]}\n`)).toEqual([
      'o1.yaml:3:10: roles[0].id: ids use lower-case letters, digits, "_" and "-", e.g. "senior_care_worker"',
    ]);
    expect(problems(`${OVERLAY}roles:\n  - {id: "x->y"}\n`)[0]).toBe(
      'o1.yaml:3:10: roles[0].id: there is no role "x->y" below this overlay to change, so this is a new role and needs "name", "sector", "summary" and "sources"',
    );
  });

  it('a new entry with all its fields but a bad one inside says only that', () => {
    expect(problems(`${OVERLAY}roles:\n  - {id: c, name: C, sector: nhs, summary: s, sources: [S], pay: {min: 12, per: hour, sources: [S]}}\n`)).toEqual([
      'o1.yaml:3:66: roles[0].pay.year: "year" is required',
    ]);
  });

  it('references to an incomplete new entry are not reported again as unknown', () => {
    expect(
      problems(
        `${OVERLAY}roles:\n  - {id: counsellor, name: C, sector: nhs, summary: s}\ntransitions:\n  - {from: b, to: counsellor, kind: sideways, routes: [{}], sources: [S]}\n`,
      ),
    ).toEqual(['o1.yaml:3:10: roles[0].id: there is no role "counsellor" below this overlay to change, so this is a new role and needs "sources"']);
  });

  it('a move patched without routes keeps its routes', () => {
    const result = validateLayers([doc('base.yaml', BASE)], [doc('o1.yaml', `${OVERLAY}transitions:\n  - {from: a, to: b, kind: sideways}\n`)]);
    expect(result.ok && result.dataset.transitions.map((t) => [t.kind, t.routes.map((r) => r.name)])).toEqual([['sideways', ['Diploma', 'Fast track']]]);
  });

  it('an empty route in a patch is reported at the overlay', () => {
    expect(problems(`${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      -\n`)).toEqual([
      'o1.yaml:6:8: transitions[0].routes[0]: Invalid input: expected object, received null',
    ]);
  });

  it('a problem in a field the patch set, next to routes it gave, points at that field', () => {
    expect(problems(`${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      - {id: fast, name: Faster}\n    sources: [S, NOPE]\n`)).toEqual([
      'o1.yaml:7:18: transitions[0].sources[1]: unknown source "NOPE"',
    ]);
  });
});

describe('validateLayers: problems in what a patch left alone point at the file below', () => {
  const BAD_BASE = `dataset: {name: base, version: "1", updated: 2026-11-23}
sources:
  - {id: S, title: T, publisher: P, reviewed: 2026-11-23}
roles:
  - {id: a, name: Role A, sector: nhs, summary: s, sources: [S]}
  - {id: b, name: Role B, sector: nhs, summary: s, holds: [unheard_of], sources: [S]}
  - {id: b, name: Role B2, sector: nhs, summary: s, sources: [S]}
transitions:
  - {from: a, to: b, kind: up, routes: [{requires: [unheard_of]}], sources: [S]}
`;

  it('a field and a route the patch did not give, and an id twice below (the patch goes to the first)', () => {
    const result = validateLayers(
      [doc('base.yaml', BAD_BASE)],
      [doc('o1.yaml', `${OVERLAY}roles:\n  - {id: b, level: 4}\ntransitions:\n  - {from: a, to: b, kind: sideways}\n`)],
    );
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'base.yaml:6:60: roles[1].holds[0]: unknown qualification "unheard_of"',
      'base.yaml:7:10: roles[2].id: duplicate id "b" (first defined at o1.yaml roles[0])',
      'base.yaml:9:53: transitions[0].routes[0].requires[0]: unknown qualification "unheard_of"',
    ]);
  });
});

describe('layering: odd inputs that must not crash', () => {
  it('a document with no data is an empty file to planLayers', () => {
    expect(planLayers([{ file: 'x.json', data: undefined }]).issues).toEqual([
      { file: 'x.json', path: [], message: 'file is empty: an overlay starts with "overlay: {name: ...}", a whole dataset with "dataset:"' },
    ]);
  });

  it('"routes" in a patch of a role is an unknown field', () => {
    expect(problems(`${OVERLAY}roles:\n  - {id: b, routes: [{}]}\n`)).toEqual([
      'o1.yaml:3:21: roles[0].routes: unknown field "routes" (check the spelling; `careerpath schema` lists the fields)',
    ]);
  });

  it('each route that is not a mapping is added and reported on its own', () => {
    expect(problems(`${OVERLAY}transitions:\n  - from: a\n    to: b\n    routes:\n      -\n      - fast\n`)).toEqual([
      'o1.yaml:6:8: transitions[0].routes[0]: Invalid input: expected object, received null',
      'o1.yaml:7:9: transitions[0].routes[1]: Invalid input: expected object, received string',
    ]);
  });
});
