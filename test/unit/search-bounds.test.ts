/**
 * The search's building blocks, through their exported contracts: the lower bounds A* ranks by,
 * study time at a pace, what taking a route costs, the held set and the path of a route.
 */
import { describe, expect, it } from 'vitest';
import type { Range, Transition } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { evaluateRoute, labelPath, lowerBounds, qualificationMonths, searchRoutes, startingHeld, UNREACHABLE } from '../../src/planner/search';
import { dataset, move, qual, role } from '../helpers/datasets';

/** A move with one route that expects `experience` months (a number, or a low and high end). */
function link(from: string, to: string, experience: number | Range, requires: string[] = []): Transition {
  const range = typeof experience === 'number' ? { min: experience, max: experience } : experience;
  return { ...move(from, to, [requires]), routes: [{ id: 'r1', requires, notes: [], experienceMonths: range }] };
}

describe('lowerBounds: the least left to the goal from each role', () => {
  it('counts the fewest moves backwards from the goal, once each, and marks what cannot reach it', () => {
    // Role order matters to the breadth-first pass: x (index 0) cannot reach the goal and has a
    // role of its own leading to it; a reaches the goal directly and through b.
    const data = dataset({
      roles: [role('x'), role('y'), role('g'), role('a'), role('b'), role('c')],
      transitions: [move('y', 'x'), move('a', 'g'), move('a', 'b'), move('b', 'g'), move('c', 'b'), move('g', 'x')],
    });
    const graph = buildGraph(data);
    const { steps } = lowerBounds(graph, graph.roleIndex.get('g')!, false);
    const by = Object.fromEntries(graph.roles.map((r, i) => [r.id, steps[i]]));
    expect(by).toEqual({ x: UNREACHABLE, y: UNREACHABLE, g: 0, a: 1, b: 1, c: 2 });
  });

  it('never takes the incoming moves of the next role for its own', () => {
    // The goal is role 0; role 1 (h) is entered only from z, which cannot reach the goal.
    const data = dataset({
      roles: [role('g'), role('h'), role('z'), role('a')],
      transitions: [move('z', 'h'), move('a', 'g')],
    });
    const graph = buildGraph(data);
    expect(Array.from(lowerBounds(graph, 0, false).steps)).toEqual([0, UNREACHABLE, UNREACHABLE, 1]);
  });

  // g is the goal; u has a move in but none towards the goal; d is three moves away.
  const monthsData = () =>
    dataset({
      roles: [role('g'), role('a'), role('b'), role('c'), role('u'), role('d')],
      transitions: [
        link('a', 'g', { min: 5, max: 8 }),
        link('b', 'a', { min: 3, max: 4 }),
        link('b', 'g', { min: 10, max: 20 }),
        link('c', 'b', 2.7),
        link('d', 'c', 1),
        link('g', 'u', 4),
      ],
    });

  it('gives the least experience the moves to the goal demand, whole months, 0 where it cannot be reached', () => {
    const graph = buildGraph(monthsData());
    const bounds = lowerBounds(graph, 0);
    const by = (values: Float64Array) => Object.fromEntries(graph.roles.map((r, i) => [r.id, values[i]]));
    // b: through a (3 + 5) beats its own move (10); c: 2.7 months count as 2 (a bound rounds down).
    expect(by(bounds.monthsMin)).toEqual({ g: 0, a: 5, b: 8, c: 10, u: 0, d: 11 });
    expect(by(bounds.monthsMax)).toEqual({ g: 0, a: 8, b: 12, c: 14, u: 0, d: 15 });
    expect(by(bounds.steps)).toEqual({ g: 0, a: 1, b: 1, c: 2, u: UNREACHABLE, d: 3 });
  });

  it('leaves the months bounds at 0 when only the moves are asked for', () => {
    const graph = buildGraph(monthsData());
    const bounds = lowerBounds(graph, 0, false);
    expect(Array.from(bounds.monthsMin)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(bounds.monthsMax)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(bounds.steps[5]).toBe(3);
  });
});

describe('qualificationMonths: study time at the person’s pace', () => {
  const q = () => qual('q', 6, { studyHours: { min: 100, max: 200 } });

  it('turns study hours into whole months at the hours a week given (52 weeks over 12 months)', () => {
    // 100 h at 10 h a week is 10 weeks, 2.3 months, so 3; 200 h is 4.6 months, so 5.
    expect(qualificationMonths(q(), 10)).toEqual({ min: 3, max: 5 });
    expect(qualificationMonths(q(), 100)).toEqual({ min: 1, max: 1 });
  });

  it('keeps the typical duration without a pace or without study hours', () => {
    expect(qualificationMonths(q())).toEqual({ min: 6, max: 6 });
    expect(qualificationMonths(qual('p', 4), 10)).toEqual({ min: 4, max: 4 });
  });

  it('sets the pace of a planned route', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [q()],
      transitions: [move('a', 'b', [['q']])],
    });
    const graph = buildGraph(data);
    const route = searchRoutes(graph, 0, 1, { optimise: 'time', have: [], hoursPerWeek: 10 }).routes[0]!;
    expect([route.totals.monthsMin, route.totals.monthsMax]).toEqual([3, 5]);
  });
});

describe('evaluateRoute: what taking a route costs given what is held', () => {
  it('lists the gains in order, naming the qualification a prerequisite was added for, and only then', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('top', 3, { requires: ['base'] }), qual('base', 1)],
      transitions: [move('a', 'b', [['top']])],
    });
    const graph = buildGraph(data);
    const taken = evaluateRoute(graph, graph.out[0]![0]!, 0n);
    expect(taken.ok).toBe(true);
    // Strict: a gain that is no prerequisite has no prerequisiteOf key at all.
    if (taken.ok) expect(taken.gains).toStrictEqual([{ qual: 1, prerequisiteOf: 0 }, { qual: 0 }]);
  });

  it('says which qualification a filter refused, and why', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('deg', 36)],
      transitions: [move('a', 'b', [['deg']])],
    });
    const graph = buildGraph(data);
    const taken = evaluateRoute(graph, graph.out[0]![0]!, 0n, { refuse: () => 'is university-only (--no-degree)' });
    expect(taken).toEqual({ ok: false, reason: 'Qualification deg is university-only (--no-degree)' });
  });

  it('refuses a route whose prerequisites loop (as unvalidated data can), and the search survives it', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('p', 1, { requires: ['q'] }), qual('q', 1, { requires: ['p'] })],
      transitions: [move('a', 'b', [['p']])],
    });
    const graph = buildGraph(data);
    expect(evaluateRoute(graph, graph.out[0]![0]!, 0n)).toEqual({ ok: false, reason: 'a prerequisite loops' });
    const result = searchRoutes(graph, 0, 1, { optimise: 'steps', have: [] });
    expect(result.routes).toEqual([]);
    expect(result.blocked.map((b) => b.reason)).toEqual(['a prerequisite loops']);
  });

  it('adds what an apprenticeship includes to the held set once, never what was held already', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('app', 18, { includes: ['dip'] }), qual('dip', 12)],
      transitions: [move('a', 'b', [['app']])],
    });
    const graph = buildGraph(data);
    const taken = evaluateRoute(graph, graph.out[0]![0]!, graph.qualBits[1]!);
    expect(taken.ok && taken.added).toEqual([0]);
    const fresh = evaluateRoute(graph, graph.out[0]![0]!, 0n);
    expect(fresh.ok && [...fresh.added].sort()).toEqual([0, 1]);
  });
});

describe('startingHeld and labelPath', () => {
  it('lists each qualification held at the start once, with what it includes', () => {
    const data = dataset({
      roles: [role('a', { holds: ['dip'] }), role('b')],
      qualifications: [qual('app', 18, { includes: ['dip'] }), qual('dip', 12), qual('other', 1)],
      transitions: [move('a', 'b')],
    });
    const graph = buildGraph(data);
    const list: number[] = [];
    const held = startingHeld(graph, 0, [0, 0], list);
    expect([...list].sort()).toEqual([0, 1]);
    expect(held).toBe(graph.qualBits[0]! | graph.qualBits[1]!);
  });

  it('a route’s path starts at the start, which gains nothing and took no move', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c')],
      qualifications: [qual('q', 2)],
      transitions: [move('a', 'b', [['q']]), move('b', 'c')],
    });
    const graph = buildGraph(data);
    const path = labelPath(searchRoutes(graph, 0, 2, { optimise: 'steps', have: [] }).routes[0]!);
    expect(path.map((l) => graph.roles[l.role]!.id)).toEqual(['a', 'b', 'c']);
    expect(path[0]!.gains).toEqual([]);
    expect(path[0]!.edge).toBeUndefined();
    expect(path[0]!.totals.steps).toBe(0);
    expect(path.map((l) => l.gains.map((g) => g.qual))).toEqual([[], [0], []]);
  });
});
