/**
 * The search's pruning and safety valves, seen from outside: a label is only pruned when another
 * can finish any way it can for no more (so the best route survives), pruning keeps exponential
 * graphs small enough that no valve closes, and a valve that does close says so.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, Qualification, Range, Route, Transition } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { labelPath, MAX_LABELS_PER_STATE, MAX_SETTLED_LABELS, searchRoutes, type SearchOptions } from '../../src/planner/search';
import { dataset, move, qual, role } from '../helpers/datasets';

/** A quick qualification: months (a number or a range), a cost (or none: unknown), and more. */
function q(id: string, months: number | Range | undefined, cost: number | Range | undefined, extra: Partial<Qualification> = {}): Qualification {
  const range = (v: number | Range) => (typeof v === 'number' ? { min: v, max: v } : v);
  const base = qual(id, 0, extra);
  const { durationMonths: _d, cost: _c, ...rest } = base;
  return { ...rest, ...(months !== undefined ? { durationMonths: range(months) } : {}), ...(cost !== undefined ? { cost: range(cost) } : {}), ...extra };
}

/** A move with the routes given (route ids r1, r2, ...), each naming what it requires and its experience. */
function moveWith(from: string, to: string, routes: { requires?: string[]; exp?: number }[]): Transition {
  return {
    ...move(from, to),
    routes: routes.map(
      (r, i): Route => ({
        id: `r${i + 1}`,
        requires: r.requires ?? [],
        notes: [],
        ...(r.exp !== undefined ? { experienceMonths: { min: r.exp, max: r.exp } } : {}),
      }),
    ),
  };
}

function run(data: Dataset, from: string, to: string, options: Omit<SearchOptions, 'have'> & { have?: string[]; viaRole?: string }) {
  const graph = buildGraph(data);
  const { have = [], viaRole, ...rest } = options;
  const result = searchRoutes(graph, graph.roleIndex.get(from)!, graph.roleIndex.get(to)!, {
    ...rest,
    have: have.map((id) => graph.qualIndex.get(id)!),
    ...(viaRole !== undefined ? { via: graph.roleIndex.get(viaRole)! } : {}),
  });
  const describe = (i: number) => {
    const route = result.routes[i];
    if (!route) return undefined;
    const path = labelPath(route).slice(1);
    return {
      moves: path.map((l) => `${graph.roles[l.role]!.id}#${l.edge!.routeId}`),
      gains: path.flatMap((l) => l.gains.map((g) => graph.qualifications[g.qual]!.id)),
      totals: route.totals,
    };
  };
  return { graph, result, best: describe(0), describe };
}

describe('a label is only pruned when another can finish any way it can, for no more', () => {
  // Two ways to m: r1 is cheaper to m, r2 already holds q, which the move on to g needs. The
  // r1 label settles first; the r2 label must survive it, because gaining q later costs r1 more.
  it('counts the low end of a missing qualification’s cost (costs compared on the range)', () => {
    // r1 gains app (5–6, includes a); r2 gains a and q (1–6 + 4). On to g: r1 5–6 + 4 = 9–10, r2 5–10.
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('app', 0, { min: 5, max: 6 }, { includes: ['a'] }), q('a', 0, { min: 1, max: 6 }), q('q', 0, 4)],
      transitions: [moveWith('s', 'm', [{ requires: ['app'] }, { requires: ['a', 'q'] }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'cost' });
    expect(best?.moves).toEqual(['m#r2', 'g#r1']);
    expect([best?.totals.costMin, best?.totals.costMax]).toEqual([5, 10]);
  });

  it('counts the high end of a missing qualification’s cost', () => {
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('p', 0, 5), q('q', 0, 6)],
      transitions: [moveWith('s', 'm', [{ requires: ['p'] }, { requires: ['q'] }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'cost' });
    expect(best?.gains).toEqual(['q']);
    expect(best?.totals.costMax).toBe(6);
  });

  it('counts a missing qualification with no known cost as an unknown cost', () => {
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('p', 0, 5), q('q', 0, undefined)],
      transitions: [moveWith('s', 'm', [{ requires: ['p'] }, { requires: ['q'] }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'cost' });
    expect(best?.gains).toEqual(['q']);
    expect([best?.totals.unknownCost, best?.totals.costMax]).toEqual([1, 0]);
  });

  it('counts a missing qualification with no known duration as an unknown duration', () => {
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('p', 5, 0), q('q', undefined, 0)],
      transitions: [moveWith('s', 'm', [{ requires: ['p'] }, { requires: ['q'] }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.gains).toEqual(['q']);
    expect([best?.totals.unknownDuration, best?.totals.monthsMax]).toEqual([1, 0]);
  });

  it('counts the short end of a missing qualification’s duration', () => {
    // As the low-cost case, in months: r1 5–6 then q 4 is 9–10; r2 is 5–10.
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('app', { min: 5, max: 6 }, 0, { includes: ['a'] }), q('a', { min: 1, max: 6 }, 0), q('q', 4, 0)],
      transitions: [moveWith('s', 'm', [{ requires: ['app'] }, { requires: ['a', 'q'] }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.moves).toEqual(['m#r2', 'g#r1']);
    expect([best?.totals.monthsMin, best?.totals.monthsMax]).toEqual([5, 10]);
  });

  it('counts the prerequisites a missing qualification would need', () => {
    // r2 takes 10 months of experience and gains app, which includes q (no prerequisite needed
    // then); r1 must later gain q with its 20-month prerequisite: 1 + 21 months against 10.
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('p', 1, 0), q('app', 0, 0, { includes: ['q'] }), q('q', 1, 0, { requires: ['pre'] }), q('pre', 20, 0)],
      transitions: [moveWith('s', 'm', [{ requires: ['p'] }, { requires: ['app'], exp: 10 }]), moveWith('m', 'g', [{ requires: ['q'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.moves).toEqual(['m#r2', 'g#r1']);
    expect(best?.totals.monthsMax).toBe(10);
  });

  it('never counts a closed qualification as one that can be gained later', () => {
    // Only r2 gains c (closed: only with app), which the move on needs; r1 is far cheaper to m.
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('p', 1, 0), q('app', 2, 0, { includes: ['c'] }), q('c', 0, 0, { closed: true })],
      transitions: [moveWith('s', 'm', [{ requires: ['p'] }, { requires: ['app'], exp: 10 }]), moveWith('m', 'g', [{ requires: ['c'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.moves).toEqual(['m#r2', 'g#r1']);
  });

  it('keeps the best label of each role reached, for "how far can I get"', () => {
    const data = dataset({
      roles: [role('s'), role('r'), role('island')],
      qualifications: [q('p', 1, 0), q('q', 2, 0)],
      transitions: [moveWith('s', 'r', [{ requires: ['q'] }, { requires: ['p'] }])],
    });
    // The goal is an island, so this is the search that says how far the person can get.
    const { graph, result } = run(data, 's', 'island', { optimise: 'time', pruneDeadEnds: false });
    expect(result.routes).toEqual([]);
    expect(result.reached.get(graph.roleIndex.get('r')!)!.totals.monthsMax).toBe(1);
  });
});

/** s → (a_i | b_i) → s_i, n times; the goal g follows s_n through `last`, or is an island. */
function diamonds(n: number, last?: { months: number }): Dataset {
  const roles = [role('s0'), role('g')];
  const transitions: Transition[] = [];
  for (let i = 1; i <= n; i++) {
    roles.push(role(`a${i}`), role(`b${i}`), role(`s${i}`));
    transitions.push(move(`s${i - 1}`, `a${i}`), move(`s${i - 1}`, `b${i}`), move(`a${i}`, `s${i}`), move(`b${i}`, `s${i}`));
  }
  const qualifications = last ? [q('final', last.months, 0)] : [];
  if (last) transitions.push(move(`s${n}`, 'g', [['final']]));
  return dataset({ roles, qualifications, transitions });
}

describe('pruning keeps the search small, and the valves say when it was cut', () => {
  it('one best route searches walks: 16 diamonds to an unreachable goal finish with no valve', () => {
    // 2^16 ways through; walks at the same role holding the same are one.
    const { result } = run(diamonds(16), 's0', 'g', { optimise: 'steps', pruneDeadEnds: false });
    expect(result.routes).toEqual([]);
    expect(result.stoppedEarly).toBe(false);
    expect(result.reached.size).toBe(3 * 16 + 1);
  });

  it('a waypoint is part of the state, so the same graph through one also finishes with no valve', () => {
    // It once forced simple routes, whose per-state valve closed here (2^16 ways are all distinct).
    const { result } = run(diamonds(16), 's0', 'g', { optimise: 'steps', viaRole: 's8', pruneDeadEnds: false });
    expect(result.routes).toEqual([]);
    expect(result.stoppedEarly).toBe(false);
  });

  it('several routes must be simple: the per-state valve closes on the same graph, and says so', () => {
    const { result } = run(diamonds(16), 's0', 'g', { optimise: 'steps', k: 2, pruneDeadEnds: false });
    expect(result.routes).toEqual([]);
    expect(result.stoppedEarly).toBe(true);
    expect(result.stoppedBy).toBe('labels');
  });

  it('one best route is only searched again as simple routes when the best walk is not simple', () => {
    // Every partial route is cheaper than the last move, so all 2^8 ways through are met first.
    const { result, best } = run(diamonds(8, { months: 100 }), 's0', 'g', { optimise: 'steps' });
    expect(best?.moves).toHaveLength(17);
    expect(result.stoppedEarly).toBe(false);
  });

  it('a best walk that loops back for a qualification is replaced by the best simple route', () => {
    // s → x → s gains app (with the closed c it includes), then s → g needs c: 1 month, but s
    // twice. The simple route is s → g with big: 24 months.
    const data = dataset({
      roles: [role('s'), role('x'), role('g')],
      qualifications: [q('app', 1, 0, { includes: ['c'] }), q('c', 0, 0, { closed: true }), q('big', 24, 0)],
      transitions: [moveWith('s', 'g', [{ requires: ['c'] }, { requires: ['big'] }]), moveWith('s', 'x', [{}]), moveWith('x', 's', [{ requires: ['app'] }])],
    });
    const { best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.moves).toEqual(['g#r2']);
    expect(best?.totals.monthsMax).toBe(24);
  });

  it('labels that differ only in what can be regained for nothing count as one (no valve on 70 routes)', () => {
    // 70 routes to the waypoint m, each gaining its own free qualification (whose prerequisite
    // and a closed qualification are held from the start): one label at m stands for all.
    const n = MAX_LABELS_PER_STATE + 6;
    const ids = Array.from({ length: n }, (_, i) => `q${i}`);
    const data = dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('c', 0, 0, { closed: true }), q('base', 0, 0), ...ids.map((id) => q(id, 0, 0, { requires: ['base'] }))],
      transitions: [
        moveWith(
          's',
          'm',
          ids.map((id) => ({ requires: [id] })),
        ),
        moveWith('m', 'g', [{ exp: 1 }]),
      ],
    });
    const { result, best } = run(data, 's', 'g', { optimise: 'steps', have: ['c', 'base'], viaRole: 'm' });
    expect(best?.moves).toEqual(['m#r1', 'g#r1']);
    expect(result.stoppedEarly).toBe(false);
  });

  /** s → m by n routes, the i-th gaining q_i (i months); only the last includes c, which m → g needs. */
  const crowded = (n: number) => {
    const ids = Array.from({ length: n }, (_, i) => `q${i + 1}`);
    return dataset({
      roles: [role('s'), role('m'), role('g')],
      qualifications: [q('c', 0, 0, { closed: true }), ...ids.map((id, i) => q(id, i + 1, 0, i === n - 1 ? { includes: ['c'] } : {}))],
      transitions: [
        moveWith(
          's',
          'm',
          ids.map((id) => ({ requires: [id] })),
        ),
        moveWith('m', 'g', [{ requires: ['c'] }]),
      ],
    });
  };

  it(`keeps up to ${MAX_LABELS_PER_STATE} labels per state for each route asked for`, () => {
    // Alternatives (k = 2): the 128 labels at m are all kept, and the last one gets through.
    const { result, best } = run(crowded(2 * MAX_LABELS_PER_STATE), 's', 'g', { optimise: 'time', k: 2 });
    expect(best?.gains).toEqual([`q${2 * MAX_LABELS_PER_STATE}`]);
    expect(result.routes).toHaveLength(1);
    expect(result.stoppedEarly).toBe(false);
  });

  it('drops the label after that, and says the search stopped early', () => {
    const { result } = run(crowded(2 * MAX_LABELS_PER_STATE + 1), 's', 'g', { optimise: 'time', k: 2 });
    expect(result.routes).toEqual([]);
    expect(result.stoppedEarly).toBe(true);
  });

  it(`settles at most ${MAX_SETTLED_LABELS.toLocaleString('en-GB')} labels in all, and says so when it stops there`, () => {
    // The start, then one label per route to x: the goal is an island, so every one is settled.
    const star = (routes: number) =>
      dataset({
        roles: [role('s'), role('x'), role('g')],
        transitions: [
          moveWith(
            's',
            'x',
            Array.from({ length: routes }, () => ({})),
          ),
        ],
      });
    expect(run(star(MAX_SETTLED_LABELS - 1), 's', 'g', { optimise: 'steps', pruneDeadEnds: false }).result.stoppedEarly).toBe(false);
    expect(run(star(MAX_SETTLED_LABELS), 's', 'g', { optimise: 'steps', pruneDeadEnds: false }).result.stoppedEarly).toBe(true);
  });

  it('never queues a move into a role already settled with as much held', () => {
    // y is settled from s before z is; z's 50,000 routes to y are then dropped, not queued.
    const data = dataset({
      roles: [role('s'), role('y'), role('z'), role('g')],
      transitions: [
        moveWith('s', 'y', [{}]),
        moveWith('s', 'z', [{}]),
        moveWith(
          'z',
          'y',
          Array.from({ length: MAX_SETTLED_LABELS }, () => ({})),
        ),
      ],
    });
    const { result } = run(data, 's', 'g', { optimise: 'steps' });
    expect(result.routes).toEqual([]);
    expect(result.stoppedEarly).toBe(false);
  });

  it('optimising time, the months left to the goal keep the search off cheap detours', () => {
    // x leads to g after 100 months' experience; y, reached by 50,000 routes, after 200. With
    // the months bound no label at y is worth settling before the goal is reached.
    const data = dataset({
      roles: [role('s'), role('x'), role('y'), role('g')],
      transitions: [
        moveWith('s', 'x', [{}]),
        moveWith('x', 'g', [{ exp: 100 }]),
        moveWith(
          's',
          'y',
          Array.from({ length: MAX_SETTLED_LABELS }, () => ({})),
        ),
        moveWith('y', 'g', [{ exp: 200 }]),
      ],
    });
    const { result, best } = run(data, 's', 'g', { optimise: 'time' });
    expect(best?.moves).toEqual(['x#r1', 'g#r1']);
    expect(result.stoppedEarly).toBe(false);
  });
});

describe('moves into dead ends are never taken', () => {
  // s leads to the goal through a; d, e and f lead nowhere near it (f by `fanOut` routes from e).
  const deadEnds = (fanOut: number, aToG: Transition = moveWith('a', 'g', [{ exp: 12 }])) =>
    dataset({
      roles: [role('s'), role('a'), role('g'), role('d'), role('e'), role('f')],
      qualifications: [q('shut', 1, 0, { closed: true })],
      transitions: [
        moveWith('s', 'a', [{ exp: 12 }]),
        aToG,
        moveWith('s', 'd', [{}]),
        moveWith('d', 'e', [{}]),
        moveWith(
          'e',
          'f',
          Array.from({ length: fanOut }, () => ({})),
        ),
      ],
    });
  const ids = (graph: { roles: { id: string }[] }, reached: Map<number, unknown>) => [...reached.keys()].map((r) => graph.roles[r]!.id).sort();

  it('a role from which no chain of moves leads to the goal is not entered, and the route is the same', () => {
    const pruned = run(deadEnds(3), 's', 'g', { optimise: 'realistic' });
    const everywhere = run(deadEnds(3), 's', 'g', { optimise: 'realistic', pruneDeadEnds: false });
    expect(pruned.best?.moves).toEqual(['a#r1', 'g#r1']);
    expect(everywhere.best).toEqual(pruned.best);
    expect(ids(pruned.graph, pruned.result.reached)).toEqual(['a', 'g', 's']);
    expect(ids(everywhere.graph, everywhere.result.reached)).toEqual(['a', 'd', 'e', 'f', 'g', 's']);
  });

  it(`so ${MAX_SETTLED_LABELS.toLocaleString('en-GB')} routes into a dead end cannot stop the search before the goal`, () => {
    const pruned = run(deadEnds(MAX_SETTLED_LABELS), 's', 'g', { optimise: 'realistic' });
    expect(pruned.best?.moves).toEqual(['a#r1', 'g#r1']);
    expect(pruned.result.stoppedEarly).toBe(false);
    const everywhere = run(deadEnds(MAX_SETTLED_LABELS), 's', 'g', { optimise: 'realistic', pruneDeadEnds: false });
    expect(everywhere.result.stoppedEarly).toBe(true);
  });

  it('when the start is itself a dead end there is no route, known without searching', () => {
    const { result } = run(deadEnds(MAX_SETTLED_LABELS), 'd', 'g', { optimise: 'realistic' });
    expect(result.routes).toEqual([]);
    expect(result.reached.size).toBe(0);
    expect(result.stoppedEarly).toBe(false);
  });

  it('the search that says how far the person can get settles each role once', () => {
    const { graph, result } = run(deadEnds(MAX_SETTLED_LABELS), 'd', 'g', { optimise: 'realistic', pruneDeadEnds: false, firstLabelOnly: true });
    expect(ids(graph, result.reached)).toEqual(['d', 'e', 'f']);
    expect(result.stoppedEarly).toBe(false);
  });

  it('a plan with no route still lists the roles that lead nowhere near the goal', () => {
    const blocked = deadEnds(3, moveWith('a', 'g', [{ requires: ['shut'] }]));
    const result = planRoute(buildGraph(blocked), { from: 's', to: 'g', have: [], optimise: 'realistic' });
    expect(result.kind).toBe('no-route');
    if (result.kind !== 'no-route') return;
    expect(result.noRoute.reachable.map((r) => r.id).sort()).toEqual(['a', 'd', 'e', 'f']);
  });
});

describe('routes the search must still find', () => {
  it('breaks ties between equal routes on role ids, whatever order it meets them in', () => {
    // Both take two moves and 5 months; the one through b is met first (its first move is free).
    const data = dataset({
      roles: [role('s'), role('a'), role('b'), role('g')],
      transitions: [moveWith('s', 'a', [{ exp: 5 }]), moveWith('a', 'g', [{}]), moveWith('s', 'b', [{}]), moveWith('b', 'g', [{ exp: 5 }])],
    });
    expect(run(data, 's', 'g', { optimise: 'steps' }).best?.moves).toEqual(['a#r1', 'g#r1']);
  });

  it('records a move into an avoided role as blocked, naming the role', () => {
    const data = dataset({ roles: [role('s'), role('m'), role('g')], transitions: [move('s', 'm'), move('m', 'g')] });
    const graph = buildGraph(data);
    const result = searchRoutes(graph, 0, 2, { optimise: 'steps', have: [], avoidRoles: new Set([1]) });
    expect(result.routes).toEqual([]);
    expect(result.blocked.map((b) => [graph.roles[b.edge.to]!.id, b.reason])).toEqual([['m', 'M is excluded by --avoid']]);
  });

  it('a waypoint that is the start is passed already', () => {
    const data = dataset({ roles: [role('s'), role('m'), role('g')], transitions: [move('s', 'm'), move('m', 'g')] });
    expect(run(data, 's', 'g', { optimise: 'steps', viaRole: 's' }).best?.moves).toEqual(['m#r1', 'g#r1']);
  });

  it('--max-months allows a route of exactly that many months', () => {
    const data = dataset({ roles: [role('s'), role('g')], transitions: [moveWith('s', 'g', [{ exp: 12 }])] });
    expect(run(data, 's', 'g', { optimise: 'steps', maxMonths: 12 }).best?.moves).toEqual(['g#r1']);
    expect(run(data, 's', 'g', { optimise: 'steps', maxMonths: 11 }).result.blocked.map((b) => b.reason)).toEqual(['would take the route past 11 months']);
  });

  it('--optimise steps takes fewer moves over less time', () => {
    const data = dataset({
      roles: [role('s'), role('a'), role('g')],
      qualifications: [q('big', 24, 0)],
      transitions: [moveWith('s', 'g', [{ requires: ['big'] }]), move('s', 'a'), move('a', 'g')],
    });
    expect(run(data, 's', 'g', { optimise: 'steps' }).best?.moves).toEqual(['g#r1']);
    expect(run(data, 's', 'g', { optimise: 'time' }).best?.moves).toEqual(['a#r1', 'g#r1']);
  });
});
