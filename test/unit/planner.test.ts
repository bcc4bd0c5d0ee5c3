import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { searchRoutes } from '../../src/planner/search';
import type { Optimise, PlanResult } from '../../src/planner/types';
import { dataset, move, qual, role } from '../helpers/datasets';

const ids = (result: PlanResult) => (result.kind === 'plan' ? result.plan.best.steps.map((s) => s.to.id) : result.kind);
const gained = (result: PlanResult) => (result.kind === 'plan' ? result.plan.best.checklist.map((q) => q.id) : []);
const plan = (data: ReturnType<typeof dataset>, from: string, to: string, optimise: Optimise = 'steps', have: string[] = []) =>
  planRoute(buildGraph(data), { from, to, optimise, have });

describe('qualification-aware planning', () => {
  // a→b and b→d both need the same 12-month diploma; a→c→d needs two different short ones.
  // Counting per edge (role-only Dijkstra) makes a→b→d cost 24 months and prefers a→c→d (14);
  // really a→b→d takes 12 months, because the diploma is earned once.
  const shared = dataset({
    roles: [role('a'), role('b'), role('c'), role('d')],
    qualifications: [qual('big', 12), qual('s6', 6), qual('s8', 8)],
    transitions: [move('a', 'b', [['big']]), move('b', 'd', [['big']]), move('a', 'c', [['s6']]), move('c', 'd', [['s8']])],
  });

  it('a role-only Dijkstra on the same data picks the wrong route', () => {
    // Each edge weighs the months of its own qualifications, as a role-only search must.
    const months = new Map(shared.qualifications.map((q) => [q.id, q.durationMonths!.max]));
    const edges = shared.transitions.map((t) => ({ from: t.from, to: t.to, w: t.routes[0]!.requires.reduce((n, q) => n + months.get(q)!, 0) }));
    const dist = new Map([['a', 0]]);
    const prev = new Map<string, string>();
    const done = new Set<string>();
    while (done.size < shared.roles.length) {
      const [node] = [...dist].filter(([n]) => !done.has(n)).sort((x, y) => x[1] - y[1])[0] ?? [];
      if (!node) break;
      done.add(node);
      for (const e of edges.filter((x) => x.from === node)) {
        const d = dist.get(node)! + e.w;
        if (d < (dist.get(e.to) ?? Infinity)) {
          dist.set(e.to, d);
          prev.set(e.to, node);
        }
      }
    }
    expect(dist.get('d')).toBe(14);
    expect(prev.get('d')).toBe('c');
  });

  it('counts a qualification once and picks the truly shorter route', () => {
    const result = plan(shared, 'a', 'd', 'time');
    expect(ids(result)).toEqual(['b', 'd']);
    expect(gained(result)).toEqual(['big']);
    expect(result.kind === 'plan' && result.plan.best.totals.months).toEqual({ min: 12, max: 12 });
    expect(result.kind === 'plan' && result.plan.best.steps[1]!.gains).toEqual([]);
  });

  it('never lists or counts what the person already has', () => {
    const result = plan(shared, 'a', 'd', 'time', ['s6', 's8']);
    expect(ids(result)).toEqual(['c', 'd']);
    expect(gained(result)).toEqual([]);
    expect(result.kind === 'plan' && result.plan.best.totals.months).toEqual({ min: 0, max: 0 });
  });

  it('adds missing prerequisites, transitively and first, and counts them', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('top', 10, { requires: ['mid'] }), qual('mid', 5, { requires: ['base'] }), qual('base', 2)],
      transitions: [move('a', 'b', [['top']])],
    });
    const result = plan(data, 'a', 'b', 'time');
    expect(gained(result)).toEqual(['base', 'mid', 'top']);
    expect(result.kind === 'plan' && result.plan.best.checklist.map((q) => q.prerequisiteOf)).toEqual(['mid', 'top', undefined]);
    expect(result.kind === 'plan' && result.plan.best.totals.months).toEqual({ min: 17, max: 17 });
    expect(gained(plan(data, 'a', 'b', 'time', ['mid']))).toEqual(['top']);
  });

  it('treats what an apprenticeship includes as held afterwards', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c')],
      qualifications: [qual('app', 18, { kind: 'apprenticeship', includes: ['dip'] }), qual('dip', 12)],
      transitions: [move('a', 'b', [['app']]), move('b', 'c', [['dip']])],
    });
    expect(gained(plan(data, 'a', 'c'))).toEqual(['app']);
  });

  it('never plans a closed qualification, but accepts one already held', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c')],
      qualifications: [qual('old', 1, { closed: true }), qual('new', 20)],
      transitions: [move('a', 'b', [['old'], ['new']])],
    });
    expect(gained(plan(data, 'a', 'b', 'time'))).toEqual(['new']);
    expect(gained(plan(data, 'a', 'b', 'time', ['old']))).toEqual([]);
  });

  it('step time is the longer of experience and study, not their sum', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('q', 6)],
      transitions: [move('a', 'b', [['q']], 12)],
    });
    const result = plan(data, 'a', 'b');
    expect(result.kind === 'plan' && result.plan.best.totals.months).toEqual({ min: 12, max: 12 });
  });
});

describe('what "best" means', () => {
  const data = dataset({
    roles: [role('a'), role('b'), role('c'), role('d')],
    qualifications: [
      qual('slow_free', 24, { cost: { min: 0, max: 0 } }),
      qual('fast_dear', 2, { cost: { min: 3000, max: 3000 } }),
      qual('mid', 3, { cost: { min: 100, max: 100 } }),
      qual('unknown_cost', 1),
    ],
    transitions: [
      move('a', 'd', [['slow_free'], ['fast_dear']]),
      move('a', 'b', [['mid']]),
      move('b', 'c', [['mid']]),
      move('c', 'd', [['mid']]),
      move('a', 'c', [['unknown_cost']]),
    ],
  });
  // prettier-ignore
  const cases: [Optimise, string[], string[]][] = [
    ['steps', ['d'], ['fast_dear']], // one step; ties broken on time
    ['time', ['d'], ['fast_dear']], // 2 months
    ['cost', ['d'], ['slow_free']], // £0, and no unknown cost
  ];
  it.each(cases)('--optimise %s', (optimise, route, quals) => {
    const result = plan(data, 'a', 'd', optimise);
    expect(ids(result)).toEqual(route);
    expect(gained(result)).toEqual(quals);
  });

  it('a route with an unknown cost never looks cheaper than a known one', () => {
    const viaUnknown = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('known', 1, { cost: { min: 5000, max: 5000 } }), qual('unknown', 1)],
      transitions: [move('a', 'b', [['unknown'], ['known']])],
    });
    expect(gained(plan(viaUnknown, 'a', 'b', 'cost'))).toEqual(['known']);
  });

  it('breaks exact ties on ids, so the same query always gives the same route', () => {
    const tie = dataset({
      roles: [role('a'), role('m2'), role('m1'), role('z')],
      transitions: [move('a', 'm2'), move('a', 'm1'), move('m2', 'z'), move('m1', 'z')],
    });
    for (let i = 0; i < 3; i++) expect(ids(plan(tie, 'a', 'z'))).toEqual(['m1', 'z']);
    const reordered = { ...tie, transitions: [...tie.transitions].reverse(), roles: [...tie.roles].reverse() };
    expect(ids(plan(reordered, 'a', 'z'))).toEqual(['m1', 'z']);
  });
});

describe('when there is no plan', () => {
  const data = dataset({
    roles: [role('a'), role('b'), role('c'), role('island')],
    transitions: [move('a', 'b'), move('b', 'c')],
  });

  it('says so, with the roles that can be reached, nearest first', () => {
    const result = plan(data, 'a', 'island');
    expect(result.kind).toBe('no-route');
    if (result.kind === 'no-route') expect(result.noRoute.reachable.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('treats the same start and goal as its own case', () => {
    expect(plan(data, 'a', 'a').kind).toBe('same-role');
  });

  it('a move needing only a closed qualification is no route', () => {
    const closed = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('old', 1, { closed: true })],
      transitions: [move('a', 'b', [['old']])],
    });
    expect(plan(closed, 'a', 'b').kind).toBe('no-route');
  });
});

describe('safety valves', () => {
  it('say when alternatives were cut short, and never cut one best route on the shipped data', async () => {
    const { readShippedYaml } = await import('../../src/dataset/read-files');
    const graph = buildGraph(readShippedYaml());
    const id = (role: string) => graph.roleIndex.get(role)!;
    // One best route: every criterion over a sample of pairs completes without a valve.
    for (const [from, to] of [
      ['care_worker', 'registered_manager'],
      ['hcsw_band2', 'registered_nurse'],
      ['registered_manager', 'care_worker'],
    ] as const) {
      for (const optimise of ['steps', 'time', 'cost'] as const) {
        expect(searchRoutes(graph, id(from), id(to), { optimise, have: [] }).stoppedEarly).toBe(false);
      }
    }
    const result = planRoute(graph, { from: 'care_worker', to: 'registered_manager', have: [], optimise: 'steps', alternatives: 3 });
    expect(result.kind === 'plan' && typeof result.plan.searchComplete).toBe('boolean');
  });
});
