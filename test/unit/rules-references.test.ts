/**
 * The cross-reference rules on their own (runRules): every kind of reference, duplicate route ids,
 * prerequisite cycles and shared names, each problem with the file and path it is reported at.
 */
import { describe, expect, it } from 'vitest';
import { runRules, type Located } from '../../src/dataset/rules';
import type { Funding, Qualification, Role, Source, Transition } from '../../src/domain/types';
import { move, qual, role } from '../helpers/datasets';

interface Parts {
  sources?: Source[];
  funding?: Funding[];
  qualifications?: Qualification[];
  roles?: Role[];
  transitions?: Transition[];
}

const SOURCE: Source = { id: 'S', title: 'S', publisher: 'P', reviewed: '2026-11-23' };

function located<T>(collection: string, list: T[] = []): Located<T>[] {
  return list.map((value, i) => ({ value, file: 'd.yaml', path: [collection, i] }));
}

/** The rules' problems for these entries (the source "S" always defined), nothing broken. */
function check(parts: Parts) {
  return runRules(
    {
      sources: located('sources', parts.sources ?? [SOURCE]),
      funding: located('funding', parts.funding),
      qualifications: located('qualifications', parts.qualifications),
      roles: located('roles', parts.roles),
      transitions: located('transitions', parts.transitions),
    },
    { sources: new Set(), funding: new Set(), qualifications: new Set(), roles: new Set(), transitions: new Set() },
  );
}

const problem = (path: (string | number)[], message: string) => ({ file: 'd.yaml', path, message });

describe('references', () => {
  it('checks every reference of every kind of entry, each at its own path', () => {
    const funding: Funding = { id: 'levy', name: 'Levy', summary: 's', rules: [], nations: ['england'], confidence: 'high', sources: ['S', 'GOV'] };
    expect(
      check({
        funding: [funding],
        qualifications: [qual('dip', 12, { sources: ['OFQUAL'], requires: ['gcse_maths'], includes: ['cert_x'], funding: ['grant'] }), qual('gcse', 12)],
        roles: [
          role('carer', {
            sources: ['NICE'],
            holds: ['care_cert'],
            pay: { min: 12, per: 'hour', year: '2025', confidence: 'high', sources: ['NMW'] },
          }),
        ],
        transitions: [{ ...move('carers', 'carer', [[]], 6), sources: ['CQC'] }],
      }),
    ).toEqual([
      problem(['funding', 0, 'sources', 1], 'unknown source "GOV"'),
      problem(['qualifications', 0, 'sources', 0], 'unknown source "OFQUAL"'),
      problem(['qualifications', 0, 'requires', 0], 'unknown qualification "gcse_maths" (did you mean "gcse"?)'),
      problem(['qualifications', 0, 'includes', 0], 'unknown qualification "cert_x"'),
      problem(['qualifications', 0, 'funding', 0], 'unknown funding route "grant"'),
      problem(['roles', 0, 'sources', 0], 'unknown source "NICE"'),
      problem(['roles', 0, 'pay', 'sources', 0], 'unknown source "NMW"'),
      problem(['roles', 0, 'holds', 0], 'unknown qualification "care_cert"'),
      problem(['transitions', 0, 'sources', 0], 'unknown source "CQC"'),
      problem(['transitions', 0, 'from'], 'unknown role "carers" (did you mean "carer"?)'),
    ]);
  });

  it('checks the references of entry requirements, funding figures, registration and usual routes in', () => {
    const funding: Funding = {
      id: 'loan',
      name: 'Loan',
      summary: 's',
      rules: [],
      amounts: [{ label: 'Tuition', amount: 9535, per: 'year', year: '2026/27', sources: ['S', 'FEES'] }],
      nations: ['england'],
      confidence: 'high',
      sources: ['S'],
    };
    expect(
      check({
        funding: [funding],
        qualifications: [qual('gcse', 12), qual('entry', 0, { kind: 'requirement', meetBy: ['gcse', 'gcse_english'] })],
        roles: [role('carer'), role('nurse', { registration: { body: 'NMC', required: true, sources: ['NMC'] }, typicalFrom: ['carers'] })],
      }),
    ).toEqual([
      problem(['qualifications', 1, 'meetBy', 1], 'unknown qualification "gcse_english" (did you mean "gcse"?)'),
      problem(['funding', 0, 'amounts', 0, 'sources', 1], 'unknown source "FEES"'),
      problem(['roles', 1, 'registration', 'sources', 0], 'unknown source "NMC"'),
      problem(['roles', 1, 'typicalFrom', 0], 'unknown role "carers" (did you mean "carer"?)'),
    ]);
  });

  it('accepts references that exist', () => {
    expect(
      check({
        funding: [{ id: 'levy', name: 'Levy', summary: 's', rules: [], nations: ['england'], confidence: 'high', sources: ['S'] }],
        qualifications: [qual('a', 1), qual('b', 1, { requires: ['a'], includes: ['a'], funding: ['levy'] })],
        roles: [role('x', { holds: ['a'], pay: { min: 1, per: 'hour', year: '2025', confidence: 'high', sources: ['S'] } }), role('y')],
        transitions: [move('x', 'y', [['b']], 6)],
      }),
    ).toEqual([]);
  });
});

describe('duplicate route ids', () => {
  it('refuses a route id used twice in one move, counting positional ids', () => {
    const t = move('a', 'b');
    const six = { min: 6, max: 6 };
    t.routes = [
      { id: 'fast', requires: [], notes: [], experienceMonths: six },
      { requires: [], notes: [], experienceMonths: six },
      { id: 'fast', requires: [], notes: [], experienceMonths: six },
      { id: '2', requires: [], notes: [], experienceMonths: six },
    ];
    expect(check({ roles: [role('a'), role('b')], transitions: [t] })).toEqual([
      problem(['transitions', 0, 'routes', 2, 'id'], 'duplicate route id "fast" in this transition'),
      problem(['transitions', 0, 'routes', 3, 'id'], 'duplicate route id "2" in this transition'),
    ]);
  });

  it('allows the same route id in different moves', () => {
    expect(check({ roles: [role('a'), role('b'), role('c')], transitions: [move('a', 'b', [[]], 6), move('b', 'c', [[]], 6)] })).toEqual([]);
  });
});

describe('prerequisite cycles', () => {
  it('names only the qualifications in the cycle, not the one leading into it', () => {
    const qualifications = [qual('a', 1, { requires: ['b'] }), qual('b', 1, { requires: ['c'] }), qual('c', 1, { requires: ['b'] })];
    expect(check({ qualifications })).toEqual([problem(['qualifications', 1, 'requires'], 'prerequisite cycle: b → c → b')]);
  });

  it('reports a cycle once, from its first id in alphabetical order whatever the file order', () => {
    const qualifications = [qual('z', 1, { requires: ['y'] }), qual('y', 1, { requires: ['z'] })];
    expect(check({ qualifications })).toEqual([problem(['qualifications', 1, 'requires'], 'prerequisite cycle: y → z → y')]);
  });

  it('a qualification that requires itself', () => {
    expect(check({ qualifications: [qual('q', 1, { requires: ['q'] })] })).toEqual([problem(['qualifications', 0, 'requires'], 'prerequisite cycle: q → q')]);
  });
});

describe('names and aliases', () => {
  it("an id that is another entry's name is reported at the id", () => {
    expect(check({ roles: [role('lead', { name: 'Care worker' }), role('care_worker', { name: 'Carer' })] })).toEqual([
      problem(['roles', 1, 'id'], '"care_worker" is already a name of role "lead"; names and aliases must be unique'),
    ]);
  });

  it("a qualification sharing a name with a role or another qualification names the owner's kind", () => {
    expect(
      check({
        roles: [role('assessor', { name: 'Assessor' })],
        qualifications: [
          qual('taqa', 1, { name: 'TAQA', aliases: ['Assessor award'] }),
          qual('l3_assessor', 1, { name: 'Level 3 assessor', aliases: ['A1', 'assessor'] }),
          qual('a1_award', 1, { name: 'Taqa' }),
        ],
      }),
    ).toEqual([
      problem(['qualifications', 1, 'aliases', 1], '"assessor" is already a name of role "assessor"; names and aliases must be unique'),
      problem(['qualifications', 2, 'name'], '"Taqa" is already a name of qualification "taqa"; names and aliases must be unique'),
    ]);
  });
});
