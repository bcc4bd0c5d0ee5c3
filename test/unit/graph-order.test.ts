/** buildGraph's indices and edge order, and compareIds: what makes the planner's answers stable. */
import { describe, expect, it } from 'vitest';
import { buildGraph, compareIds } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { dataset, move, qual, role } from '../helpers/datasets';

describe('compareIds', () => {
  it('is a comparator in plain code-unit order, 0 only for the same id', () => {
    expect(compareIds('a', 'b')).toBeLessThan(0);
    expect(compareIds('b', 'a')).toBeGreaterThan(0);
    expect(compareIds('same', 'same')).toBe(0);
    // Code units, not the locale: capitals before small letters, '1' before '9' whatever follows.
    expect(compareIds('Zebra', 'apple')).toBeLessThan(0);
    expect(compareIds('a10', 'a9')).toBeLessThan(0);
    expect(['b', 'a10', 'B', 'a9', 'a'].sort(compareIds)).toEqual(['B', 'a', 'a10', 'a9', 'b']);
  });
});

describe('buildGraph', () => {
  it('orders each role’s moves by target id, then route id, whatever the file order', () => {
    const data = dataset({
      roles: [role('start'), role('m_b'), role('m_c'), role('m_a')],
      qualifications: [qual('q', 1)],
      transitions: [
        move('start', 'm_b'),
        {
          ...move('start', 'm_c'),
          routes: [
            { id: 'y', requires: [], notes: [] },
            { id: 'x', requires: ['q'], notes: [] },
          ],
        },
        {
          ...move('start', 'm_a'),
          routes: [
            { requires: [], notes: [] },
            { requires: ['q'], notes: [] },
          ],
        },
      ],
    });
    const graph = buildGraph(data);
    const start = graph.roleIndex.get('start')!;
    expect(graph.outOf(start).map((e) => [graph.roles[e.to]!.id, e.routeId, e.requires])).toEqual([
      ['m_a', '1', []],
      ['m_a', '2', [0]],
      ['m_b', 'r1', []],
      ['m_c', 'x', [0]],
      ['m_c', 'y', []],
    ]);
  });

  it('gives the same edge objects each time a role’s moves are asked for (labels and blocked moves point at them)', () => {
    const graph = buildGraph(dataset({ roles: [role('a'), role('b'), role('c')], transitions: [move('a', 'b'), move('a', 'c'), move('b', 'c')] }));
    const first = graph.outOf(0);
    expect(first.map((e) => e.to)).toEqual([1, 2]);
    expect(graph.outOf(0)).toBe(first);
    expect(graph.outOf(0)[1]).toBe(first[1]);
    expect(graph.outOf(2)).toEqual([]);
  });

  it('indexes the moves into each role once, with the least experience any route expects (0 when none)', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c')],
      transitions: [
        move('a', 'c', [[]], 12),
        {
          ...move('b', 'c'),
          routes: [
            { id: 'r1', requires: [], notes: [], experienceMonths: { min: 3, max: 9 } },
            { id: 'r2', requires: [], notes: [] },
          ],
        },
        move('a', 'b'),
      ],
    });
    const { reverse } = buildGraph(data);
    expect([...reverse.start]).toEqual([0, 0, 1, 3]);
    const into = (r: number) => {
      const rows = [];
      for (let i = reverse.start[r]!; i < reverse.start[r + 1]!; i++) rows.push([reverse.from[i], reverse.experienceMin[i], reverse.experienceMax[i]]);
      return rows;
    };
    expect(into(0)).toEqual([]);
    expect(into(1)).toEqual([[0, 0, 0]]);
    // b → c: route r1 expects 3–9 months, r2 none, so a bound can count on 0 at both ends.
    expect(into(2)).toEqual([
      [0, 12, 12],
      [1, 0, 0],
    ]);
  });

  it('blocked moves are reported in target-id order when they are equally close to the goal', () => {
    // Both ways on from start need a closed qualification; file order is the reverse of id order.
    const data = dataset({
      roles: [role('start'), role('via_b'), role('via_a'), role('goal')],
      qualifications: [qual('old', 1, { closed: true })],
      transitions: [move('start', 'via_b', [['old']]), move('start', 'via_a', [['old']]), move('via_b', 'goal'), move('via_a', 'goal')],
    });
    const result = planRoute(buildGraph(data), { from: 'start', to: 'goal', have: [], optimise: 'steps' });
    expect(result.kind).toBe('no-route');
    if (result.kind !== 'no-route') return;
    expect(result.noRoute.blockers.map((b) => `${b.from.id}>${b.to.id}`)).toEqual(['start>via_a', 'start>via_b']);
  });
});
