/**
 * Months already served in the starting role (PlanRequest.monthsInRole): they count against the
 * first step's time in post only, the time before the course first, then the time alongside it,
 * never below 0; a time no source gives stays unknown. Planned through the real search, then
 * said in the words the renderers share.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, Range, Transition } from '../../src/domain/types';
import { experienceLeft } from '../../src/planner/experience';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import type { Plan, PlanRequest } from '../../src/planner/types';
import { experiencePhrases, formatRouteTime, servedOn, servedSummary, stepTime } from '../../src/render/format';
import { dataset, move, qual, role } from '../helpers/datasets';

/** A move of one route with the time in post given: before the course, alongside it, or not in the sources. */
function moveWith(from: string, to: string, requires: string[], experience: { before?: Range; alongside?: Range; unknown?: string }): Transition {
  const t = move(from, to, [requires]);
  const route = t.routes[0]!;
  if (experience.before) route.experienceBeforeMonths = experience.before;
  if (experience.alongside) route.experienceMonths = experience.alongside;
  if (experience.unknown) route.experienceUnknown = experience.unknown;
  return t;
}

const months = (n: number): Range => ({ min: n, max: n });

function planOf(data: Dataset, request: Partial<PlanRequest> & { from: string; to: string }): Plan {
  const result = planRoute(buildGraph(data), { have: [], optimise: 'realistic', ...request });
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}`);
  return result.plan;
}

const path = (p: Plan, route = p.best) => route.steps.map((s) => s.to.id);

describe('experienceLeft', () => {
  const route = (before?: Range & { typical?: number }, alongside?: Range) => ({
    id: 'r',
    requires: [],
    notes: [],
    ...(before ? { experienceBeforeMonths: before } : {}),
    ...(alongside ? { experienceMonths: alongside } : {}),
  });

  it('meets the time before the course first, then the time alongside it, never below 0', () => {
    expect(experienceLeft(route(months(12), months(12)), 6)).toEqual({ before: { min: 6, max: 6, typical: 6 }, alongside: { min: 12, max: 12, typical: 12 } });
    expect(experienceLeft(route(months(12), months(12)), 18)).toEqual({ before: { min: 0, max: 0, typical: 0 }, alongside: { min: 6, max: 6, typical: 6 } });
    expect(experienceLeft(route(months(12), months(12)), 600)).toEqual({ before: { min: 0, max: 0, typical: 0 }, alongside: { min: 0, max: 0, typical: 0 } });
    expect(experienceLeft(route(undefined, months(24)), 30).alongside).toEqual({ min: 0, max: 0, typical: 0 });
  });

  it('works end by end on ranges, from the usual figure the source gives', () => {
    // Before 6–12 (usually 8), alongside 12: the least end has 4 months past the time before, the most none.
    expect(experienceLeft(route({ min: 6, max: 12, typical: 8 }, months(12)), 10)).toEqual({
      before: { min: 0, max: 2, typical: 0 },
      alongside: { min: 8, max: 12, typical: 10 },
    });
  });
});

describe('months already served in the starting role', () => {
  // s → m: 12 months in post before a 6-month course; m → g: 12 months in post before a 3-month course.
  const twoSteps = dataset({
    roles: [role('s'), role('m'), role('g')],
    qualifications: [qual('c6', 6), qual('c3', 3)],
    transitions: [moveWith('s', 'm', ['c6'], { before: months(12) }), moveWith('m', 'g', ['c3'], { before: months(12) })],
  });

  it('count against the first step only: the later step asks for its full time in post', () => {
    const without = planOf(twoSteps, { from: 's', to: 'g' });
    expect(without.best.steps.map((s) => s.months.max)).toEqual([18, 15]);
    const credited = planOf(twoSteps, { from: 's', to: 'g', monthsInRole: 24 });
    expect(credited.best.steps.map((s) => s.months)).toEqual([months(6), months(15)]);
    expect(credited.best.steps.map((s) => s.typicalMonths)).toEqual([6, 15]);
    expect(credited.best.totals.months).toEqual(months(21));
    expect(credited.best.steps[0]!.experience).toEqual({ before: months(12), served: { months: 24, before: months(0) } });
    // The second step keeps what the sources say, with nothing served against it.
    expect(credited.best.steps[1]!.experience).toEqual({ before: months(12) });
    expect(credited.monthsInRole).toBe(24);
    expect(without.monthsInRole).toBeUndefined();
  });

  it('count part of a need when they are fewer than it asks for', () => {
    const credited = planOf(twoSteps, { from: 's', to: 'g', monthsInRole: 5 });
    expect(credited.best.steps[0]!.months).toEqual(months(13));
    expect(credited.best.steps[0]!.experience.served).toEqual({ months: 5, before: months(7) });
  });

  it('meet the time before the course first, then the time alongside it; the step is the rest before plus the longer of study and the rest alongside', () => {
    const data = dataset({
      roles: [role('s'), role('g')],
      qualifications: [qual('c3', 3)],
      transitions: [moveWith('s', 'g', ['c3'], { before: months(6), alongside: months(12) })],
    });
    expect(planOf(data, { from: 's', to: 'g' }).best.totals.months).toEqual(months(18));
    // 10 months: the 6 before are met, 4 count towards the 12 alongside; 8 left, longer than the 3-month course.
    const ten = planOf(data, { from: 's', to: 'g', monthsInRole: 10 }).best.steps[0]!;
    expect(ten.months).toEqual(months(8));
    expect(ten.experience.served).toEqual({ months: 10, before: months(0), alongside: months(8) });
    // More than the whole need: nothing left but the course.
    const plenty = planOf(data, { from: 's', to: 'g', monthsInRole: 600 }).best.steps[0]!;
    expect(plenty.months).toEqual(months(3));
    expect(plenty.experience.served).toEqual({ months: 600, before: months(0), alongside: months(0) });
    // None served: nothing is said about it.
    expect(planOf(data, { from: 's', to: 'g', monthsInRole: 0 }).best.steps[0]!.experience.served).toBeUndefined();
  });

  it('leave a time in post no source gives unknown', () => {
    const data = dataset({
      roles: [role('s'), role('g')],
      qualifications: [qual('c3', 3)],
      transitions: [moveWith('s', 'g', ['c3'], { unknown: 'no source gives a time' })],
    });
    const step = planOf(data, { from: 's', to: 'g', monthsInRole: 36 }).best.steps[0]!;
    expect(step.experience).toEqual({ unknown: 'no source gives a time' });
    expect(planOf(data, { from: 's', to: 'g', monthsInRole: 36 }).best.totals.unknownExperience).toBe(1);
  });

  it('can change which route is best, under every criterion that counts time', () => {
    // Direct: two years in post, then a 12-month course (36 months). Through b: two 12-month courses (24).
    const data = dataset({
      roles: [role('s'), role('b'), role('g')],
      qualifications: [qual('c12', 12), qual('b1', 12), qual('b2', 12)],
      transitions: [moveWith('s', 'g', ['c12'], { before: months(24) }), move('s', 'b', [['b1']]), move('b', 'g', [['b2']])],
    });
    for (const optimise of ['realistic', 'time'] as const) {
      expect(path(planOf(data, { from: 's', to: 'g', optimise })), optimise).toEqual(['b', 'g']);
      const credited = planOf(data, { from: 's', to: 'g', optimise, monthsInRole: 24 });
      expect(path(credited), optimise).toEqual(['g']);
      expect(credited.best.totals.months).toEqual(months(12));
    }
    // 6 months served leave the direct route at 30: still the longer.
    expect(path(planOf(data, { from: 's', to: 'g', monthsInRole: 6 }))).toEqual(['b', 'g']);
  });

  it('count towards the move into a --via role when it is the first step, and never past it', () => {
    const data = dataset({
      roles: [role('s'), role('w'), role('g')],
      qualifications: [qual('c6', 6)],
      transitions: [move('s', 'g'), moveWith('s', 'w', ['c6'], { before: months(12) }), moveWith('w', 'g', [], { alongside: months(12) })],
    });
    const p = planOf(data, { from: 's', to: 'g', via: 'w', monthsInRole: 30 });
    expect(path(p)).toEqual(['w', 'g']);
    expect(p.best.steps.map((s) => s.months)).toEqual([months(6), months(12)]);
    expect(p.best.steps[1]!.experience.served).toBeUndefined();
  });

  it('count on the alternatives as on the best route', () => {
    // Best (realistic): s → b → g, 20 months. The one-move route asks for 24 months in post, then a
    // 12-month course: 36 months, or 24 after 12 months served. It is shown for fewest job changes.
    const data = dataset({
      roles: [role('s'), role('b'), role('g')],
      qualifications: [qual('c12', 12), qual('b1', 10), qual('b2', 10)],
      transitions: [moveWith('s', 'g', ['c12'], { before: months(24) }), move('s', 'b', [['b1']]), move('b', 'g', [['b2']])],
    });
    const direct = (p: Plan) => p.alternatives.find((a) => a.steps.length === 1)!;
    const without = planOf(data, { from: 's', to: 'g', alternatives: 2 });
    expect(path(without)).toEqual(['b', 'g']);
    expect(direct(without).totals.months).toEqual(months(36));
    const credited = planOf(data, { from: 's', to: 'g', alternatives: 2, monthsInRole: 12 });
    expect(path(credited)).toEqual(['b', 'g']);
    expect(direct(credited).reasons).toEqual(['fewest-moves']);
    expect(direct(credited).totals.months).toEqual(months(24));
    expect(direct(credited).steps[0]!.experience.served).toEqual({ months: 12, before: months(12) });
  });

  it('with --max-months, let a route through that only fits once they count', () => {
    const data = dataset({
      roles: [role('s'), role('g')],
      qualifications: [qual('c6', 6)],
      transitions: [moveWith('s', 'g', ['c6'], { before: months(12) })],
    });
    expect(planRoute(buildGraph(data), { from: 's', to: 'g', have: [], optimise: 'time', maxMonths: 10 }).kind).toBe('no-route');
    expect(planOf(data, { from: 's', to: 'g', maxMonths: 10, monthsInRole: 12 }).best.totals.months).toEqual(months(6));
  });
});

describe('months already served, in words', () => {
  const data = dataset({
    roles: [role('s'), role('m'), role('g'), role('u')],
    qualifications: [qual('c6', 6)],
    transitions: [
      moveWith('s', 'm', ['c6'], { before: { min: 6, max: 12 }, alongside: months(12) }),
      moveWith('m', 'g', [], { alongside: months(12) }),
      moveWith('s', 'u', [], { unknown: 'no source' }),
    ],
  });

  it('say what the months met on each part of the first step, and what is left', () => {
    const phrases = (served: number) => experiencePhrases(planOf(data, { from: 's', to: 'm', monthsInRole: served }).best.steps[0]!.experience, 'short');
    expect(phrases(0)).toEqual(['6–12 months in post first', '12 months in role']);
    expect(phrases(3)).toEqual(['6–12 months in post first: 3–9 months more after your 3 months', '12 months in role']);
    expect(phrases(9)).toEqual(['6–12 months in post first: 0–3 months more after your 9 months', '12 months in role: 9–12 months more after your 9 months']);
    expect(phrases(40)).toEqual(['6–12 months in post first: met by your 40 months', '12 months in role: met by your 40 months']);
    expect(experiencePhrases(planOf(data, { from: 's', to: 'm', monthsInRole: 1 }).best.steps[0]!.experience, 'long')).toEqual([
      '6–12 months in post before the course starts: 5–11 months more after your 1 month',
      '12 months in role, alongside any study',
    ]);
  });

  it('a step they met entirely takes 0 months, not "no set time"', () => {
    const p = planOf(data, { from: 'm', to: 'g', monthsInRole: 12 });
    expect(stepTime(p.best.steps[0]!)).toBe('0 months');
    expect(formatRouteTime(p.best.totals, servedOn(p.best))).toBe('0 months');
  });

  it('the summary says once that they were counted, or why not', () => {
    expect(servedSummary(planOf(data, { from: 's', to: 'g', monthsInRole: 40 }))).toBe("40 months as S, counted towards step 1's time in post");
    expect(servedSummary(planOf(data, { from: 's', to: 'u', monthsInRole: 40 }))).toBe(
      '40 months as S, not counted: the sources give no time in post for step 1',
    );
    const none = dataset({ roles: [role('s'), role('g')], transitions: [move('s', 'g')] });
    expect(servedSummary(planOf(none, { from: 's', to: 'g', monthsInRole: 40 }))).toBe('40 months as S, not needed: step 1 asks for no time in post');
    expect(servedSummary(planOf(none, { from: 's', to: 'g' }))).toBeUndefined();
    expect(servedSummary(planOf(none, { from: 's', to: 'g', monthsInRole: 0 }))).toBeUndefined();
  });
});
