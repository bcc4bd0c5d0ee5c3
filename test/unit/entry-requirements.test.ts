/**
 * Entry requirements met by any of several qualifications (Level 3 for university entry: an
 * Access to HE Diploma, A levels, ...): the planner adds the first one allowed when none is held,
 * counts any one held as meeting it, and never lists the requirement itself as something to gain.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import type { PlanRequest } from '../../src/planner/types';
import { dataset, qual, role } from '../helpers/datasets';

const data = dataset({
  roles: [role('carer', { entry: true }), role('nurse')],
  qualifications: [
    qual('access', 12, { kind: 'diploma', level: 3 }),
    qual('alevels', 24, { kind: 'a-level', level: 3 }),
    qual('entry3', 0, { kind: 'requirement', purpose: 'entry-requirement', meetBy: ['access', 'alevels'], durationMonths: undefined }),
    qual('degree', 36, { kind: 'degree', level: 6, requires: ['entry3'], university: true }),
  ],
  transitions: [
    {
      from: 'carer',
      to: 'nurse',
      kind: 'professional',
      routes: [{ id: 'degree', requires: ['degree'], notes: [], experienceMonths: { min: 0, max: 0 } }],
      nations: ['england'],
      confidence: 'high',
      sources: ['S'],
    },
  ],
});
const graph = buildGraph(data);
const plan = (extra: Partial<PlanRequest> = {}) => {
  const result = planRoute(graph, { from: 'carer', to: 'nurse', have: [], optimise: 'realistic', ...extra });
  if (result.kind !== 'plan') throw new Error(result.kind);
  return result.plan.best;
};

describe('an entry requirement met by any of several qualifications', () => {
  it('plans the first option when none is held, as a prerequisite of the course that needs it', () => {
    const route = plan();
    expect(route.checklist.map((g) => [g.id, g.prerequisiteOf ?? null])).toEqual([
      ['access', 'degree'],
      ['degree', null],
    ]);
    expect(route.totals.months).toEqual({ min: 48, max: 48 });
  });

  it('counts any option held as meeting it', () => {
    const route = plan({ have: ['alevels'] });
    expect(route.checklist.map((g) => g.id)).toEqual(['degree']);
    expect(route.totals.months).toEqual({ min: 36, max: 36 });
  });

  it('takes the next option when the first is refused', () => {
    const route = plan({ avoid: ['access'] });
    expect(route.checklist.map((g) => g.id)).toEqual(['alevels', 'degree']);
  });

  it('is no route, naming the requirement, when every option is refused', () => {
    const result = planRoute(graph, { from: 'carer', to: 'nurse', have: [], optimise: 'realistic', avoid: ['access', 'alevels'] });
    expect(result.kind).toBe('no-route');
    if (result.kind === 'no-route') expect(result.noRoute.blockers.map((b) => b.reason)).toEqual(['Qualification alevels is excluded by --avoid']);
  });

  it('marks a university course as leaving paid work, and --earn-while-learning refuses it', () => {
    expect(plan().steps[0]!.conditions.map((c) => c.kind)).toEqual(['leaves-paid-work']);
    const result = planRoute(graph, { from: 'carer', to: 'nurse', have: [], optimise: 'realistic', earnWhileLearning: true });
    expect(result.kind).toBe('no-route');
  });
});
