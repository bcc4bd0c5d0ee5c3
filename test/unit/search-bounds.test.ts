/**
 * The search's building blocks, through their exported contracts: the lower bounds A* ranks by,
 * study time at a pace, what taking a route costs, the held set and the path of a route.
 */
import { describe, expect, it } from 'vitest';
import type { Range, Transition } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { fewestMoves, lowerBounds, movesLeftFrom, UNREACHABLE, type MovesToGoal } from '../../src/planner/bounds';
import { evaluateRoute, qualificationMonths, startingHeld } from '../../src/planner/route-cost';
import { labelPath, searchRoutes } from '../../src/planner/search';
import { dataset, move, qual, role } from '../helpers/datasets';

/** A move with one route that expects `experience` months (a number, or a low and high end). */
function link(from: string, to: string, experience: number | Range, requires: string[] = []): Transition {
  const range = typeof experience === 'number' ? { min: experience, max: experience } : experience;
  return { ...move(from, to, [requires]), routes: [{ id: 'r1', requires, notes: [], experienceMonths: range }] };
}

/** The bound per role, in role order. */
const perRole = (moves: MovesToGoal) => Array.from(moves.plusOne, (_, role) => movesLeftFrom(moves, role));

describe('lowerBounds: the least left to the goal from each role', () => {
  it('counts the fewest moves backwards from the goal, once each, and marks what cannot reach it', () => {
    // Role order matters to the breadth-first pass: x (index 0) cannot reach the goal and has a
    // role of its own leading to it; a reaches the goal directly and through b.
    const data = dataset({
      roles: [role('x'), role('y'), role('g'), role('a'), role('b'), role('c')],
      transitions: [move('y', 'x'), move('a', 'g'), move('a', 'b'), move('b', 'g'), move('c', 'b'), move('g', 'x')],
    });
    const graph = buildGraph(data);
    const steps = perRole(lowerBounds(graph, graph.roleIndex.get('g')!, false).moves);
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
    expect(perRole(lowerBounds(graph, 0, false).moves)).toEqual([0, UNREACHABLE, UNREACHABLE, 1]);
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
    const by = (values: ArrayLike<number>) => Object.fromEntries(graph.roles.map((r, i) => [r.id, values[i]]));
    // b: through a (3 + 5) beats its own move (10); c: 2.7 months count as 2 (a bound rounds down).
    expect(by(bounds.months!.min)).toEqual({ g: 0, a: 5, b: 8, c: 10, u: 0, d: 11 });
    expect(by(bounds.months!.max)).toEqual({ g: 0, a: 8, b: 12, c: 14, u: 0, d: 15 });
    expect(by(perRole(bounds.moves))).toEqual({ g: 0, a: 1, b: 1, c: 2, u: UNREACHABLE, d: 3 });
  });

  it('makes no months bounds when only the moves are asked for', () => {
    const graph = buildGraph(monthsData());
    const bounds = lowerBounds(graph, 0, false);
    expect(bounds.months).toBeUndefined();
    expect(movesLeftFrom(bounds.moves, 5)).toBe(3);
  });
});

describe('fewestMoves with a budget: exact near the goal, a lower bound beyond', () => {
  // A ladder r0 → r1 → … → r6 (the goal), each role also entered from a side role s1…s6 that
  // only leads in, so each layer backwards scans two moves.
  const ladder = () => {
    const ids = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const sides = ids.slice(1).map((_, i) => `s${i + 1}`);
    return buildGraph(
      dataset({
        roles: [...ids, ...sides].map((id) => role(id)),
        transitions: [...ids.slice(1).map((to, i) => move(ids[i]!, to)), ...sides.map((s, i) => move(s, ids[i + 1]!))],
      }),
    );
  };
  const bounds = (budget: number) => {
    const graph = ladder();
    const moves = fewestMoves(graph, graph.roleIndex.get('r6')!, budget);
    return { moves, by: Object.fromEntries(graph.roles.map((r, i) => [r.id, movesLeftFrom(moves, i)])) };
  };

  it('with no budget, runs to the end: exact everywhere, UNREACHABLE where the goal cannot be reached', () => {
    const { moves, by } = bounds(Infinity);
    expect(moves.beyond).toBe(UNREACHABLE);
    expect(by).toMatchObject({ r6: 0, r5: 1, s6: 1, r4: 2, s5: 2, r0: 6, s1: 6 });
  });

  it('stops at the end of the layer that spends the budget, and gives the rest one more than that layer', () => {
    // Layer 0 (r6) scans 2 moves and labels r5, s6; layer 1 (r5, s6) scans 2 more (s6 has none in):
    // 4 scanned, so it stops before layer 2. Roles two moves away are known; the rest get 3.
    const { moves, by } = bounds(3);
    expect(moves.beyond).toBe(3);
    expect(by).toEqual({ r6: 0, r5: 1, s6: 1, r4: 2, s5: 2, r3: 3, s4: 3, r2: 3, s3: 3, r1: 3, s2: 3, r0: 3, s1: 3 });
  });

  it('with a budget of 0 only the goal is known: every other role is at least one move away', () => {
    const { moves, by } = bounds(0);
    expect(moves.beyond).toBe(1);
    expect(by.r6).toBe(0);
    expect(by.r0).toBe(1);
    expect(by.s6).toBe(1);
  });

  it('is a consistent lower bound at every budget: never above the truth, and a move lowers it by at most 1', () => {
    const graph = ladder();
    const goal = graph.roleIndex.get('r6')!;
    const exact = fewestMoves(graph, goal);
    for (let budget = 0; budget <= 14; budget++) {
      const moves = fewestMoves(graph, goal, budget);
      graph.roles.forEach((_, r) => {
        expect(movesLeftFrom(moves, r)).toBeLessThanOrEqual(movesLeftFrom(exact, r));
      });
      for (let r = 0; r < graph.roles.length; r++)
        for (const e of graph.outOf(r)) expect(movesLeftFrom(moves, e.from)).toBeLessThanOrEqual(movesLeftFrom(moves, e.to) + 1);
    }
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
    const taken = evaluateRoute(graph, graph.outOf(0)[0]!, 0n);
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
    const taken = evaluateRoute(graph, graph.outOf(0)[0]!, 0n, { refuse: () => 'is university-only (--no-degree)' });
    expect(taken).toEqual({ ok: false, reason: 'Qualification deg is university-only (--no-degree)' });
  });

  it('refuses a route whose prerequisites loop (as unvalidated data can), and the search survives it', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('p', 1, { requires: ['q'] }), qual('q', 1, { requires: ['p'] })],
      transitions: [move('a', 'b', [['p']])],
    });
    const graph = buildGraph(data);
    expect(evaluateRoute(graph, graph.outOf(0)[0]!, 0n)).toEqual({ ok: false, reason: 'a prerequisite loops' });
    const result = searchRoutes(graph, 0, 1, { optimise: 'steps', have: [] });
    expect(result.routes).toEqual([]);
    expect(result.blocked.map((b) => b.reason)).toEqual(['a prerequisite loops']);
  });

  it('a held qualification whose prerequisites loop counts as irreplaceable when labels are compared, and the search ends', () => {
    // q3 (on the way through a) includes p, whose prerequisites loop; the label through b holds
    // neither, so comparing the two at g weighs what p is worth: the loop must not recurse forever.
    const data = dataset({
      roles: [role('s'), role('a'), role('b'), role('g')],
      qualifications: [qual('p', 1, { requires: ['q'] }), qual('q', 1, { requires: ['p'] }), qual('q3', 6, { includes: ['p'] })],
      transitions: [move('s', 'a', [['q3']]), move('s', 'b'), move('a', 'g'), move('b', 'g')],
    });
    const graph = buildGraph(data);
    const result = searchRoutes(graph, 0, 3, { optimise: 'time', have: [], k: 2 });
    expect(
      result.routes.map((r) =>
        labelPath(r)
          .map((l) => graph.roles[l.role]!.id)
          .join('>'),
      ),
    ).toEqual(['s>b>g', 's>a>g']);
  });

  it('adds what an apprenticeship includes to the held set once, never what was held already', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('app', 18, { includes: ['dip'] }), qual('dip', 12)],
      transitions: [move('a', 'b', [['app']])],
    });
    const graph = buildGraph(data);
    const taken = evaluateRoute(graph, graph.outOf(0)[0]!, graph.qualBits[1]!);
    expect(taken.ok && taken.added).toEqual([0]);
    const fresh = evaluateRoute(graph, graph.outOf(0)[0]!, 0n);
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
