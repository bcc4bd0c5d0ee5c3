/** listNextMoves and listUnlocks in detail: the exact shape of each answer and every ordering rule. */
import { describe, expect, it } from 'vitest';
import type { Transition } from '../../src/domain/types';
import { listNextMoves, listUnlocks } from '../../src/planner/explore';
import { buildGraph } from '../../src/planner/graph';
import { dataset, move, qual, role } from '../helpers/datasets';

const kinded = (kind: Transition['kind'], t: Transition): Transition => ({ ...t, kind });

describe('listNextMoves: what each move and route says', () => {
  it('gives the target, kind, summary and every route in full, and leaves out what is not known', () => {
    const data = dataset({
      roles: [role('from'), role('nurse', { level: 6, band: { min: 5, max: 6 } }), role('helper')],
      qualifications: [qual('held', 3), qual('needed', 12), qual('gone', 1, { closed: true })],
      transitions: [
        {
          ...move('from', 'nurse'),
          summary: 'Train as a nurse',
          routes: [
            { id: 'study', name: 'Study route', requires: ['held', 'needed'], notes: [], experienceMonths: { min: 6, max: 12 } },
            { id: 'old', requires: ['gone'], notes: [] },
          ],
        },
        move('from', 'helper'),
      ],
    });
    const moves = listNextMoves(buildGraph(data), 'from', ['held']);
    expect(moves).toStrictEqual([
      {
        to: { id: 'helper', name: 'HELPER' },
        kind: 'up',
        routes: [{ id: 'r1', requires: [], toGain: [], months: { min: 0, max: 0 } }],
        ready: true,
      },
      {
        to: { id: 'nurse', name: 'NURSE', level: 6, band: { min: 5, max: 6 } },
        kind: 'up',
        summary: 'Train as a nurse',
        routes: [
          {
            id: 'study',
            name: 'Study route',
            requires: [
              { id: 'held', name: 'Qualification held', held: true },
              { id: 'needed', name: 'Qualification needed', held: false },
            ],
            toGain: [{ id: 'needed', name: 'Qualification needed' }],
            experienceMonths: { min: 6, max: 12 },
            months: { min: 12, max: 12 },
          },
          {
            id: 'old',
            requires: [{ id: 'gone', name: 'Qualification gone', held: false }],
            toGain: [],
            unavailable: 'Qualification gone is closed to new learners',
          },
        ],
        ready: false,
      },
    ]);
  });

  it('a route with nothing held is not marked held', () => {
    const data = dataset({ roles: [role('a'), role('b')], qualifications: [qual('q', 1)], transitions: [move('a', 'b', [['q']])] });
    expect(listNextMoves(buildGraph(data), 'a', [])[0]!.routes[0]!.requires).toStrictEqual([{ id: 'q', name: 'Qualification q', held: false }]);
  });

  it('puts the routes of a move open now first, then those needing least, unavailable ones last', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('base', 2), qual('top', 4, { requires: ['base'] }), qual('one', 3), qual('shut', 1, { closed: true })],
      // In file (and route id) order: unavailable, two to gain, one to gain, nothing to gain.
      transitions: [move('a', 'b', [['shut'], ['top'], ['one'], []])],
    });
    const [b] = listNextMoves(buildGraph(data), 'a', []);
    expect(b!.routes.map((r) => [r.id, r.toGain.length, r.unavailable !== undefined])).toEqual([
      ['r4', 0, false],
      ['r3', 1, false],
      ['r2', 2, false],
      ['r1', 0, true],
    ]);
  });

  it('routes that need as much keep route-id order, and unnamed routes are numbered from 1', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c')],
      transitions: [
        {
          ...move('a', 'b'),
          routes: [
            { id: 'zeta', requires: [], notes: [] },
            { id: 'alpha', requires: [], notes: [] },
          ],
        },
        {
          ...move('a', 'c'),
          routes: [
            { requires: [], notes: [] },
            { requires: [], notes: [] },
          ],
        },
      ],
    });
    const moves = listNextMoves(buildGraph(data), 'a', []);
    expect(moves.map((m) => [m.to.id, m.routes.map((r) => r.id)])).toEqual([
      ['b', ['alpha', 'zeta']],
      ['c', ['1', '2']],
    ]);
  });

  it('within a kind: ready moves first, then by level, else the low end of the band, else level 0, then by name', () => {
    const data = dataset({
      roles: [
        role('start'),
        role('high_ready', { level: 5 }),
        role('low_blocked', { level: 2 }),
        role('band_four', { band: { min: 4, max: 5 } }),
        role('band_three', { band: { min: 3, max: 4 } }),
        role('plain_b'),
        role('plain_a'),
        role('sideways_low', { level: 1 }),
      ],
      qualifications: [qual('q', 6)],
      transitions: [
        move('start', 'low_blocked', [['q']]),
        move('start', 'band_four', [['q']]),
        move('start', 'high_ready'),
        move('start', 'band_three', [['q']]),
        move('start', 'plain_b', [['q']]),
        move('start', 'plain_a', [['q']]),
        kinded('sideways', move('start', 'sideways_low')),
      ],
    });
    const moves = listNextMoves(buildGraph(data), 'start', []);
    expect(moves.map((m) => m.to.id)).toEqual(['high_ready', 'plain_a', 'plain_b', 'low_blocked', 'band_three', 'band_four', 'sideways_low']);
  });

  it('orders kinds up, specialise, sideways, professional', () => {
    const data = dataset({
      roles: [role('s'), role('p1'), role('p2'), role('p3'), role('p4')],
      transitions: [
        kinded('professional', move('s', 'p1')),
        kinded('sideways', move('s', 'p2')),
        kinded('specialise', move('s', 'p3')),
        kinded('up', move('s', 'p4')),
      ],
    });
    expect(listNextMoves(buildGraph(data), 's', []).map((m) => m.kind)).toEqual(['up', 'specialise', 'sideways', 'professional']);
  });
});

describe('listUnlocks in detail', () => {
  it('follows what a qualification includes transitively, even round a loop', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c'), role('d')],
      qualifications: [qual('outer', 24, { includes: ['inner'] }), qual('inner', 12, { includes: ['core', 'outer'] }), qual('core', 6)],
      transitions: [move('a', 'b', [['core']]), move('a', 'c', [['inner']]), move('c', 'd')],
    });
    const unlocks = listUnlocks(buildGraph(data), 'outer');
    expect(unlocks.qualification).toStrictEqual({ id: 'outer', name: 'Qualification outer' });
    expect(unlocks.direct.map((u) => u.role.id)).toEqual(['b', 'c']);
    expect(unlocks.oneStepOn.map((u) => u.role.id)).toEqual(['d']);
    // Only what it includes, never what includes it.
    expect(listUnlocks(buildGraph(data), 'core').direct.map((u) => u.role.id)).toEqual(['b']);
  });

  it('lists every move into a role, names sorted, and roles sorted by name; a role opened directly is not one step on', () => {
    const data = dataset({
      // Role order is not name order, so nothing is sorted by accident.
      roles: [
        role('z_from', { name: 'Zed' }),
        role('m_from', { name: 'Em' }),
        role('a_from', { name: 'Ay' }),
        role('late', { name: 'Late' }),
        role('early', { name: 'Early' }),
        role('next', { name: 'Next' }),
        role('after', { name: 'After' }),
      ],
      qualifications: [qual('q', 6)],
      transitions: [
        move('z_from', 'late', [['q']]),
        move('m_from', 'late', [['q']]),
        move('a_from', 'early', [['q']]),
        move('a_from', 'late', [[]]),
        move('late', 'next'),
        move('early', 'next'),
        move('early', 'late'),
        move('late', 'after'),
      ],
    });
    const unlocks = listUnlocks(buildGraph(data), 'q');
    const show = (list: typeof unlocks.direct) => list.map((u) => [u.role.name, u.from.map((f) => f.name)]);
    expect(show(unlocks.direct)).toEqual([
      ['Early', ['Ay']],
      ['Late', ['Em', 'Zed']],
    ]);
    expect(show(unlocks.oneStepOn)).toEqual([
      ['After', ['Late']],
      ['Next', ['Early', 'Late']],
    ]);
  });
});
