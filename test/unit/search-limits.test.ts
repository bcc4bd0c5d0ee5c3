/**
 * The planner's limits (issue 18, review H1, H3, M6): one budget per plan counts labels, CPU time
 * and heap growth; a search cut short still answers with the best route it found; an unreachable
 * goal is answered before any search; no figure sizes an array; an unknown length is never taken
 * to fit --max-months.
 */
import { describe, expect, it } from 'vitest';
import type { Transition } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { DEFAULT_SEARCH_LIMITS, SearchBudget } from '../../src/planner/limits';
import { planRoute } from '../../src/planner/plan';
import { searchRoutes } from '../../src/planner/search';
import { dataset, move, qual, role } from '../helpers/datasets';

const probes = (clock: { now: number; heap: number }) => ({ now: () => clock.now, heapUsed: () => clock.heap });

describe('SearchBudget', () => {
  it('takes labels up to its limit, then refuses every one and says the label limit closed', () => {
    const budget = new SearchBudget({ ...DEFAULT_SEARCH_LIMITS, labels: 3 });
    expect([budget.take(), budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false, false]);
    expect(budget.exceeded).toBe('labels');
    expect(budget.made).toBe(3);
    expect(budget.left).toBe(0);
  });

  it('reads the clock every 1,024 labels and closes on the time limit', () => {
    const clock = { now: 0, heap: 0 };
    const budget = new SearchBudget({ labels: 1e9, milliseconds: 100, heapBytes: 1e12 }, probes(clock));
    for (let i = 0; i < 1024; i++) expect(budget.take()).toBe(true);
    clock.now = 99;
    for (let i = 0; i < 1024; i++) expect(budget.take()).toBe(true);
    clock.now = 101;
    // The clock is read only at the next multiple of 1,024.
    expect(budget.take()).toBe(false);
    expect(budget.exceeded).toBe('time');
  });

  it('closes on the memory limit: heap growth since the plan began', () => {
    const clock = { now: 0, heap: 500 };
    const budget = new SearchBudget({ labels: 1e9, milliseconds: 1e9, heapBytes: 100 }, probes(clock));
    for (let i = 0; i < 1024; i++) budget.take();
    clock.heap = 601;
    expect(budget.take()).toBe(false);
    expect(budget.exceeded).toBe('memory');
  });
});

/** s → m1..m8 (each needs its own qualification) → g, and an island no move reaches. */
function fan() {
  const mids = Array.from({ length: 8 }, (_, i) => `m${i}`);
  const transitions: Transition[] = mids.flatMap((m, i) => [move('s', m, [[`q${i}`]], 1), move(m, 'g', [[]], 1)]);
  return dataset({
    roles: [role('s'), role('g'), role('island'), ...mids.map((m) => role(m))],
    qualifications: mids.map((_, i) => qual(`q${i}`, 8 - i)),
    transitions,
  });
}

describe('a plan under limits', () => {
  it('answers an unreachable goal without searching: no label is made', () => {
    const budget = new SearchBudget();
    const result = planRoute(buildGraph(fan()), { from: 's', to: 'island', have: [], optimise: 'realistic', alternatives: 20 }, budget);
    expect(result.kind === 'no-route' && result.noRoute.reason).toBe('no chain of moves in the dataset leads from S to ISLAND');
    expect(budget.made).toBe(0);
  });

  it('with room to spare finds the best route and says the search was complete', () => {
    const result = planRoute(buildGraph(fan()), { from: 's', to: 'g', have: [], optimise: 'time' });
    expect(result.kind === 'plan' && result.plan.best.steps.map((s) => s.to.id)).toEqual(['m7', 'g']);
    expect(result.kind === 'plan' && result.plan.searchComplete).toBe(true);
    expect(result.kind === 'plan' && result.plan.searchLimit).toBeUndefined();
  });

  it('cut short by its labels, a search still returns a route, and says which limit closed', () => {
    const graph = buildGraph(fan());
    const id = (r: string) => graph.roleIndex.get(r)!;
    const result = searchRoutes(graph, id('s'), id('g'), { optimise: 'time', have: [], maxMade: 2 });
    expect(result.stoppedBy).toBe('labels');
    expect(result.routes).toHaveLength(1);
  });

  it('a plan whose budget is spent by the time limit still shows a route, flagged as the best found', () => {
    const clock = { now: 0, heap: 0 };
    const budget = new SearchBudget({ labels: 1e9, milliseconds: 1, heapBytes: 1e12 }, probes(clock));
    budget.made = 1024; // the next label is one where the clock is read
    clock.now = 10;
    const result = planRoute(buildGraph(fan()), { from: 's', to: 'g', have: [], optimise: 'time', alternatives: 2 }, budget);
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    expect(result.plan.best.steps).toHaveLength(2);
    expect(result.plan.searchComplete).toBe(false);
    expect(result.plan.searchLimit).toBe('time');
  });
});

describe('numbers the bounds cannot be sized by (H3)', () => {
  it('a move demanding 1e12 months of experience is planned without an array that size', () => {
    const data = dataset({ roles: [role('s'), role('g')], transitions: [move('s', 'g', [[]], 1e12)] });
    const result = planRoute(buildGraph(data), { from: 's', to: 'g', have: [], optimise: 'time' });
    expect(result.kind === 'plan' && result.plan.best.totals.months).toEqual({ min: 1e12, max: 1e12 });
  });
});

describe('--max-months and lengths no source gives (M6)', () => {
  const data = dataset({
    roles: [role('s'), role('g')],
    qualifications: [{ ...qual('unknown', 0), durationMonths: undefined }],
    transitions: [move('s', 'g', [['unknown']], 1)],
  });

  it('never counts an unknown length as 0 months: the route may take longer, so it is refused', () => {
    const result = planRoute(buildGraph(data), { from: 's', to: 'g', have: [], optimise: 'realistic', maxMonths: 6 });
    expect(result.kind).toBe('no-route');
    if (result.kind !== 'no-route') return;
    expect(result.noRoute.blockers.map((b) => b.reason)).toEqual(['its length is not in the sources, so it may take more than 6 months']);
  });

  it('without --max-months the same route is planned, its length marked unknown', () => {
    const result = planRoute(buildGraph(data), { from: 's', to: 'g', have: [], optimise: 'realistic' });
    expect(result.kind === 'plan' && result.plan.best.totals.unknownDuration).toEqual(['unknown']);
  });
});
