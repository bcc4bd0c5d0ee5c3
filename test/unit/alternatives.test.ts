/**
 * Which alternatives a plan shows: never a route padded with a step that gains nothing (same
 * qualifications, no better on any measure), always with the reason it is shown, and the route
 * that keeps a person in paid work beside a best route that does not.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { dataset, move, qual, role } from '../helpers/datasets';

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
