/**
 * Which alternatives a plan shows: never a route padded with a step that gains nothing (same
 * qualifications, no better on any measure), always with the reason it is shown, and the route
 * that keeps a person in paid work beside a best route that does not. The rival searches behind
 * them run only as the choice needs them, and choose what running them all first would.
 */
import { describe, expect, it } from 'vitest';
import { readShippedYaml } from '../../src/dataset/read-files';
import { chooseAlternatives, RIVAL_ORDER, type RivalKind } from '../../src/planner/alternatives';
import { buildGraph } from '../../src/planner/graph';
import { describeRoute } from '../../src/planner/describe';
import { planRoute, rivalSearches } from '../../src/planner/plan';
import { searchRoutes } from '../../src/planner/search';
import type { PlannedRoute } from '../../src/planner/types';
import { dataset, move, qual, role } from '../helpers/datasets';
import { lazy } from '../helpers/lazy';

const data = dataset({
  roles: [role('hcsw', { entry: true }), role('senior'), role('associate', { registration: { body: 'NMC', required: true } }), role('nurse')],
  qualifications: [
    qual('degree', 36, { kind: 'degree', level: 6, university: true, cost: { min: 9000, max: 9000 } }),
    qual('na', 24, { kind: 'apprenticeship', level: 5, cost: { min: 0, max: 0 } }),
    qual('topup', 24, { kind: 'apprenticeship', level: 6, cost: { min: 0, max: 0 } }),
  ],
  transitions: [
    move('hcsw', 'nurse', [['degree']], 0),
    move('hcsw', 'senior', [[]], 6),
    move('senior', 'nurse', [['degree']], 0),
    move('hcsw', 'associate', [['na']], 6),
    move('associate', 'nurse', [['topup']], 0),
  ],
});
const graph = buildGraph(data);

describe('alternatives worth reading', () => {
  const result = planRoute(graph, { from: 'hcsw', to: 'nurse', have: [], optimise: 'realistic', alternatives: 3 });
  if (result.kind !== 'plan') throw new Error(result.kind);
  const { best, alternatives } = result.plan;
  const path = (r: typeof best) => r.steps.map((s) => s.to.id).join('>');

  it('takes the degree as the best and says why', () => {
    expect(path(best)).toBe('nurse');
    expect(best.reasons).toEqual(['realistic']);
  });

  it('shows the route through the nursing associate apprenticeship, and says it earns while learning', () => {
    expect(alternatives.map((a) => [path(a), a.reasons])).toEqual([['associate>nurse', ['earn-while-learning']]]);
  });

  it('never shows the degree padded with a step that gains nothing (Band 2 → Band 3 → nurse)', () => {
    expect(alternatives.map(path)).not.toContain('senior>nurse');
  });
});

describe('rival searches run only when the choice of alternatives needs them', () => {
  const shipped = lazy(() => buildGraph(readShippedYaml()));
  const pairs = [
    ['care_worker', 'registered_manager'],
    ['hcsw_band2', 'registered_nurse'],
    ['senior_care_worker', 'registered_manager'],
    ['care_worker', 'social_worker'],
    ['hcsw_band2', 'paramedic'],
    ['support_worker', 'occupational_therapist'],
  ] as const;
  const searches = (from: string, to: string) => {
    const g = shipped;
    const [f, t] = [g.roleIndex.get(from)!, g.roleIndex.get(to)!];
    const options = { optimise: 'realistic' as const, have: [] };
    const best = searchRoutes(g, f, t, options).routes[0]!;
    const rivals = rivalSearches(g, f, t, best, options, false, () => {});
    return { g, best, found: rivals.map((r) => ({ kind: r.kind, labels: r.run() })) };
  };
  const path = (r: PlannedRoute) => `${r.steps.map((s) => `${s.to.id}#${s.routeId}`).join('>')} ${r.reasons.join(',')}`;

  for (const [from, to] of pairs) {
    it(`${from} → ${to}: the same alternatives as when every search has run first`, () => {
      const { g, best, found } = searches(from, to);
      const describe = (label: Parameters<typeof describeRoute>[1]) => describeRoute(g, label);
      for (let wanted = 1; wanted <= 4; wanted++) {
        const ran: RivalKind[] = [];
        const lazily = chooseAlternatives(best, recording(found, ran), wanted, describe);
        // Every rival given the first kind: the first choice runs them all, in the same order.
        const everyFirst = chooseAlternatives(
          best,
          found.map((f) => ({ kind: RIVAL_ORDER[0], run: () => f.labels })),
          wanted,
          describe,
        );
        expect(lazily.map(path)).toEqual(everyFirst.map(path));
        expect(ran).toEqual(found.slice(0, ran.length).map((f) => f.kind));
      }
    });
  }

  it('a default plan from care worker to registered manager leaves some rival searches unrun', () => {
    const { g, best, found } = searches('care_worker', 'registered_manager');
    const ran: RivalKind[] = [];
    chooseAlternatives(best, recording(found, ran), 2, (l) => describeRoute(g, l));
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.length).toBeLessThan(found.length);
  });
});

/** The searches as rivals that note, in `ran`, each kind when it runs. */
function recording<L>(found: { kind: RivalKind; labels: L }[], ran: RivalKind[]) {
  return found.map((f) => ({
    kind: f.kind,
    run: () => {
      ran.push(f.kind);
      return f.labels;
    },
  }));
}
