import { describe, expect, it } from 'vitest';
import { listNextMoves, listUnlocks } from '../../src/planner/explore';
import { buildGraph } from '../../src/planner/graph';
import { dataset, move, qual, role } from '../helpers/datasets';
import { lazy } from '../helpers/lazy';

const data = dataset({
  roles: [role('worker', { level: 2 }), role('senior', { level: 3 }), role('lead', { level: 4 }), role('activities'), role('nurse', { level: 6 })],
  qualifications: [
    qual('l3', 12),
    qual('app3', 18, { includes: ['l3'] }),
    qual('l4', 12, { requires: ['l3'] }),
    qual('old', 1, { closed: true }),
    qual('degree', 36),
  ],
  transitions: [
    move('worker', 'senior', [['l3'], ['app3']]),
    move('worker', 'lead', [['l4'], ['old']]),
    { ...move('worker', 'activities'), kind: 'sideways' },
    { ...move('worker', 'nurse', [['degree']]), kind: 'professional' },
    move('senior', 'lead', [['l4']]),
  ],
});
// Built by the first test that uses it, not at import (see test/helpers/lazy.ts).
const graph = lazy(() => buildGraph(data));

describe('listNextMoves', () => {
  it('groups moves up, sideways, professional and marks what is open now', () => {
    const moves = listNextMoves(graph, 'worker', []);
    expect(moves.map((m) => [m.kind, m.to.id, m.ready])).toEqual([
      ['up', 'senior', false],
      ['up', 'lead', false],
      ['sideways', 'activities', true],
      ['professional', 'nurse', false],
    ]);
  });

  it('says what each route still needs, prerequisites included, and what is unavailable', () => {
    const lead = listNextMoves(graph, 'worker', []).find((m) => m.to.id === 'lead')!;
    expect(lead.routes.map((r) => [r.id, r.toGain.map((q) => q.id), r.unavailable])).toEqual([
      ['r1', ['l3', 'l4'], undefined],
      ['r2', [], 'Qualification old is closed to new learners'],
    ]);
  });

  it('--have (and what it includes) marks requirements as met', () => {
    const moves = listNextMoves(graph, 'worker', ['app3']);
    const senior = moves.find((m) => m.to.id === 'senior')!;
    expect(senior.ready).toBe(true);
    expect(senior.routes[0]!.requires).toEqual([{ id: 'l3', name: 'Qualification l3', held: true }]);
  });
});

describe('listUnlocks', () => {
  it('lists roles a qualification opens directly and one move further on', () => {
    const result = listUnlocks(graph, 'l3');
    expect(result.direct.map((u) => [u.role.id, u.from.map((f) => f.id)])).toEqual([['senior', ['worker']]]);
    expect(result.oneStepOn.map((u) => u.role.id)).toEqual(['lead']);
  });

  it('counts what a qualification includes: an apprenticeship opens what its diploma opens', () => {
    expect(listUnlocks(graph, 'app3').direct.map((u) => u.role.id)).toEqual(['senior']);
  });
});
