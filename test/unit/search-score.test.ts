/**
 * How each --optimise criterion ranks routes, through planRoute.
 *
 * The planner is imported inside each test, not at the top of the file: the ranking functions are
 * made when the module loads, and Stryker (`npm run mutation`) switches a mutant on only once the
 * tests start, so a module loaded with the file would never run the mutated ranking. Stryker ties
 * what runs while a module loads to the one test that loaded it, so the first test uses every
 * criterion, --have and alternatives. Nothing else in this file loads the search module.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/planner/graph';
import type { Optimise, PlanResult } from '../../src/planner/types';
import { dataset, move, qual, role } from '../helpers/datasets';

const planner = () => import('../../src/planner/plan');

const route = (result: PlanResult) => (result.kind === 'plan' ? result.plan.best.steps.map((s) => `${s.to.id}#${s.routeId}`) : result.kind);

// s → g directly: r1 takes 24 months for £100, r2 3 months for £3,000; s → a → g: 1 + 1 months, free.
const data = () =>
  dataset({
    roles: [role('s'), role('a'), role('g')],
    qualifications: [
      qual('slow', 24, { cost: { min: 100, max: 100 } }),
      qual('fast', 3, { cost: { min: 3000, max: 3000 } }),
      qual('free1', 1, { cost: { min: 0, max: 0 } }),
      qual('free2', 1, { cost: { min: 0, max: 0 } }),
    ],
    transitions: [move('s', 'g', [['slow'], ['fast']]), move('s', 'a', [['free1']]), move('a', 'g', [['free2']])],
  });

describe('--optimise ranks routes by its criterion first', () => {
  it('each criterion first, what is held never gained again, and alternatives after the best', async () => {
    const { planRoute } = await planner();
    const graph = buildGraph(data());
    const plan = (optimise: Optimise, have: string[] = [], alternatives = 0) => planRoute(graph, { from: 's', to: 'g', have, optimise, alternatives });
    expect(route(plan('steps'))).toEqual(['g#r2']);
    expect(route(plan('time'))).toEqual(['a#r1', 'g#r1']);
    expect(route(plan('cost'))).toEqual(['a#r1', 'g#r1']);
    const held = plan('time', ['free1', 'free2']);
    expect(held.kind === 'plan' && held.plan.best.checklist).toEqual([]);
    const withAlternatives = plan('time', [], 2);
    const alternatives = withAlternatives.kind === 'plan' ? withAlternatives.plan.alternatives : [];
    // The one-move route is shown for its fewer moves; the 24-month one is beaten on time by it and by
    // the best on cost, so it is not worth a place even when two alternatives are asked for.
    expect(alternatives.map((r) => [r.steps.map((s) => `${s.to.id}#${s.routeId}`), r.reasons])).toEqual([[['g#r2'], ['fewest-moves']]]);
  });

  // prettier-ignore
  const cases: [Optimise, string[]][] = [
    ['steps', ['g#r2']], // one move; of the two, the faster
    ['time', ['a#r1', 'g#r1']], // 2 months, and free
    ['cost', ['a#r1', 'g#r1']], // free
  ];
  it.each(cases)('--optimise %s', async (optimise, expected) => {
    const { planRoute } = await planner();
    expect(route(planRoute(buildGraph(data()), { from: 's', to: 'g', have: [], optimise }))).toEqual(expected);
  });

  it('time breaks a tie in months on fewer moves, cost on less time', async () => {
    const { planRoute } = await planner();
    const tie = dataset({
      roles: [role('s'), role('a'), role('g')],
      qualifications: [
        qual('two', 2, { cost: { min: 50, max: 50 } }),
        qual('one', 1, { cost: { min: 25, max: 25 } }),
        qual('other', 1, { cost: { min: 25, max: 25 } }),
      ],
      transitions: [move('s', 'g', [['two']]), move('s', 'a', [['one']]), move('a', 'g', [['other']])],
    });
    const graph = buildGraph(tie);
    // Both ways take 2 months and cost £50; s → g is one move.
    expect(route(planRoute(graph, { from: 's', to: 'g', have: [], optimise: 'time' }))).toEqual(['g#r1']);
    expect(route(planRoute(graph, { from: 's', to: 'g', have: [], optimise: 'cost' }))).toEqual(['g#r1']);
  });
});
