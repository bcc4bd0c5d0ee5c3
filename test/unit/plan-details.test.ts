/** planRoute in detail: the full shape of a plan, every constraint, and every kind of "no route". */
import { describe, expect, it } from 'vitest';
import type { Dataset, Transition } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { DEFAULT_SEARCH_LIMITS, SearchBudget, type SearchLimits } from '../../src/planner/limits';
import { canDoInWork, describeConstraints, isUniversityOnly, planRoute } from '../../src/planner/plan';
import type { NoRoute, PlanRequest, PlanResult } from '../../src/planner/types';
import { dataset, move, qual, role } from '../helpers/datasets';

const run = (data: Dataset, request: Partial<PlanRequest> & { from: string; to: string }): PlanResult =>
  planRoute(buildGraph(data), { have: [], optimise: 'steps', ...request });

function noRoute(data: Dataset, request: Partial<PlanRequest> & { from: string; to: string }): NoRoute {
  const result = run(data, request);
  if (result.kind !== 'no-route') throw new Error(`expected no route, got ${result.kind}`);
  return result.noRoute;
}

function bestSteps(data: Dataset, request: Partial<PlanRequest> & { from: string; to: string }) {
  const result = run(data, request);
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}`);
  return result.plan;
}

const blockerList = (n: NoRoute) => n.blockers.map((b) => `${b.from.id}>${b.to.id}: ${b.reason}`);

describe('isUniversityOnly and canDoInWork', () => {
  it('a degree or postgraduate course is university-only unless it can be done in work or says otherwise', () => {
    expect(isUniversityOnly(qual('d', 36, { kind: 'degree' }))).toBe(true);
    expect(isUniversityOnly(qual('p', 12, { kind: 'postgraduate' }))).toBe(true);
    expect(isUniversityOnly(qual('d', 36, { kind: 'degree', inWork: false }))).toBe(true);
    expect(isUniversityOnly(qual('da', 48, { kind: 'degree', inWork: true }))).toBe(false);
    expect(isUniversityOnly(qual('d', 36, { kind: 'degree', university: false }))).toBe(false);
    for (const kind of ['diploma', 'apprenticeship', 'certificate'] as const) expect(isUniversityOnly(qual('x', 1, { kind }))).toBe(false);
    expect(isUniversityOnly(qual('x', 1, { kind: 'diploma', university: true }))).toBe(true);
  });

  it('apprenticeships and employer-funded training can be done in work, unless the data says otherwise', () => {
    expect(canDoInWork(qual('a', 12, { kind: 'apprenticeship' }))).toBe(true);
    expect(canDoInWork(qual('e', 12, { funding: ['loan', 'employer'] }))).toBe(true);
    expect(canDoInWork(qual('l', 12, { funding: ['loan'] }))).toBe(false);
    expect(canDoInWork(qual('d', 36, { kind: 'degree' }))).toBe(false);
    expect(canDoInWork(qual('a', 12, { kind: 'apprenticeship', inWork: false }))).toBe(false);
    expect(canDoInWork(qual('d', 36, { kind: 'degree', inWork: true }))).toBe(true);
  });
});

describe('the plan, in full', () => {
  it('gives every step, gain and total, and leaves out what is not known', () => {
    const base = dataset({
      roles: [role('a'), role('b'), role('c', { confidence: 'low' })],
      qualifications: [
        qual('base', 2, { level: 2, cost: { min: 100, max: 200 }, funding: ['employer'] }),
        qual('top', 6, { requires: ['base'], includes: ['extra'], confidence: 'medium' }),
        qual('extra', 1),
        qual('nodur', 0, { durationMonths: undefined, cost: { min: 0, max: 0 } }),
      ],
      transitions: [
        {
          ...move('a', 'b'),
          routes: [{ id: 'fast', name: 'Fast track', requires: ['top'], notes: ['n1'], experienceMonths: { min: 12, max: 24 }, sources: ['T', 'S'] }],
        },
        { ...move('b', 'c'), routes: [{ id: 'r1', requires: ['nodur'], notes: [], experienceUnknown: 'no source gives it' }] },
      ],
    });
    const data: Dataset = {
      ...base,
      sources: [...base.sources, { id: 'T', title: 'T', publisher: 'P', reviewed: '2026-11-23' }],
      funding: [{ id: 'employer', name: 'Employer-funded', summary: 'e', rules: [], nations: ['england'], confidence: 'high', sources: ['S'] }],
    };
    const baseGain = {
      id: 'base',
      name: 'Qualification base',
      kind: 'diploma',
      level: 2,
      durationMonths: { min: 2, max: 2 },
      cost: { min: 100, max: 200 },
      funding: [{ id: 'employer', name: 'Employer-funded' }],
      prerequisiteOf: 'top',
      includes: [],
      confidence: 'high',
    };
    const topGain = {
      id: 'top',
      name: 'Qualification top',
      kind: 'diploma',
      durationMonths: { min: 6, max: 6 },
      funding: [],
      includes: [{ id: 'extra', name: 'Qualification extra' }],
      confidence: 'medium',
    };
    const nodurGain = { id: 'nodur', name: 'Qualification nodur', kind: 'diploma', cost: { min: 0, max: 0 }, funding: [], includes: [], confidence: 'high' };
    expect(run(data, { from: 'a', to: 'c' })).toStrictEqual({
      kind: 'plan',
      plan: {
        from: { id: 'a', name: 'A' },
        to: { id: 'c', name: 'C' },
        optimise: 'steps',
        have: [],
        constraints: [],
        best: {
          steps: [
            {
              from: { id: 'a', name: 'A' },
              to: { id: 'b', name: 'B' },
              kind: 'up',
              routeId: 'fast',
              routeName: 'Fast track',
              notes: ['n1'],
              gains: [baseGain, topGain],
              experience: { alongside: { min: 12, max: 24 } },
              months: { min: 12, max: 24 },
              typicalMonths: 18,
              cost: { min: 100, max: 200 },
              unknownCost: ['top'],
              unknownDuration: [],
              conditions: [],
              confidence: 'medium',
              sources: ['T', 'S'],
            },
            {
              from: { id: 'b', name: 'B' },
              to: { id: 'c', name: 'C' },
              kind: 'up',
              routeId: 'r1',
              notes: [],
              gains: [nodurGain],
              experience: { unknown: 'no source gives it' },
              months: { min: 0, max: 0 },
              typicalMonths: 0,
              cost: { min: 0, max: 0 },
              unknownCost: [],
              unknownDuration: ['nodur'],
              conditions: [],
              confidence: 'low',
              sources: ['S'],
            },
          ],
          totals: {
            steps: 2,
            months: { min: 12, max: 24 },
            typicalMonths: 18,
            leavesPaidWork: 0,
            unknownExperience: 1,
            cost: { min: 100, max: 200 },
            unknownCost: ['top'],
            unknownDuration: ['nodur'],
          },
          checklist: [baseGain, topGain, nodurGain],
          indicative: true,
          reasons: ['fewest-moves'],
        },
        alternatives: [],
        searchComplete: true,
        funding: [{ id: 'employer', name: 'Employer-funded', summary: 'e', amounts: [] }],
        nations: ['england'],
      },
    });
  });

  it('a step is as sure as its least sure fact: the route’s own confidence, or a qualification’s', () => {
    const data = dataset({
      roles: [role('a'), role('b'), role('c'), role('d')],
      qualifications: [qual('shaky', 1, { confidence: 'low' })],
      transitions: [
        { ...move('a', 'b'), routes: [{ id: 'r1', requires: [], notes: [], confidence: 'low' }] },
        { ...move('b', 'c'), routes: [{ id: 'r1', requires: [], notes: [], confidence: 'high' }] },
        move('c', 'd', [['shaky']]),
      ],
    });
    const plan = bestSteps(data, { from: 'a', to: 'd' });
    expect(plan.best.steps.map((s) => s.confidence)).toEqual(['low', 'high', 'low']);
    const sure = bestSteps(data, { from: 'b', to: 'c' });
    expect(sure.best.steps.map((s) => s.confidence)).toEqual(['high']);
    expect(sure.best.indicative).toBe(false);
  });

  it('--hours-per-week times qualifications with study hours by the person’s pace, in the search and the plan', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('paced', 12, { studyHours: { min: 100, max: 300 } })],
      transitions: [move('a', 'b', [['paced']])],
    });
    // 100 h at 10 h a week is 10 weeks, 2.3 months; 300 h is 6.9 months: whole months, rounded up.
    const plan = bestSteps(data, { from: 'a', to: 'b', hoursPerWeek: 10 });
    expect(plan.hoursPerWeek).toBe(10);
    expect(plan.best.totals.months).toEqual({ min: 3, max: 7 });
    expect(plan.best.steps[0]!.months).toEqual({ min: 3, max: 7 });
    expect(plan.best.checklist[0]!.durationMonths).toEqual({ min: 3, max: 7 });
    const unpaced = bestSteps(data, { from: 'a', to: 'b' });
    expect(unpaced.best.totals.months).toEqual({ min: 12, max: 12 });
    expect('hoursPerWeek' in unpaced).toBe(false);
  });

  it('--hours-per-week can change which route is quickest', () => {
    const data = dataset({
      roles: [role('a'), role('b')],
      qualifications: [qual('course', 12, { studyHours: { min: 40, max: 40 } }), qual('fixed', 6)],
      transitions: [move('a', 'b', [['fixed'], ['course']])],
    });
    expect(bestSteps(data, { from: 'a', to: 'b', optimise: 'time' }).best.checklist.map((q) => q.id)).toEqual(['fixed']);
    expect(bestSteps(data, { from: 'a', to: 'b', optimise: 'time', hoursPerWeek: 10 }).best.checklist.map((q) => q.id)).toEqual(['course']);
  });
});

describe('constraints', () => {
  const constrained = () =>
    dataset({
      roles: [role('a'), role('b'), role('elsewhere')],
      qualifications: [qual('uni', 36, { kind: 'degree' }), qual('college', 12), qual('paid', 24, { kind: 'apprenticeship' }), qual('other', 1)],
      transitions: [move('a', 'b', [['uni'], ['college'], ['paid']])],
    });
  const gains = (request: Partial<PlanRequest>) =>
    bestSteps(constrained(), { from: 'a', to: 'b', optimise: 'time', ...request }).best.checklist.map((q) => q.id);

  it('are listed in words, in a fixed order', () => {
    const plan = bestSteps(constrained(), { from: 'a', to: 'b', noDegree: true, earnWhileLearning: true, maxMonths: 30, avoid: ['elsewhere', 'other'] });
    expect(plan.constraints).toEqual([
      'no university-only routes',
      'only routes you can do while working',
      'at most 30 months',
      'avoiding ELSEWHERE',
      'avoiding Qualification other',
    ]);
    expect(describeConstraints({ from: 'a', to: 'b', have: [], optimise: 'steps', maxMonths: 0 }, (id) => id)).toEqual(['at most 0 months']);
    expect(describeConstraints({ from: 'a', to: 'b', have: [], optimise: 'steps' }, (id) => id)).toEqual([]);
  });

  it('each refuses the qualifications it rules out', () => {
    expect(gains({})).toEqual(['college']);
    expect(gains({ avoid: ['college'] })).toEqual(['paid']);
    expect(gains({ earnWhileLearning: true })).toEqual(['paid']);
    expect(gains({ avoid: ['college', 'paid'] })).toEqual(['uni']);
  });

  it('says which constraint blocked each move', () => {
    const only = (q: ReturnType<typeof qual>) => dataset({ roles: [role('a'), role('b')], qualifications: [q], transitions: [move('a', 'b', [[q.id]])] });
    const uni = noRoute(only(qual('uni', 36, { kind: 'degree' })), { from: 'a', to: 'b', noDegree: true });
    expect(blockerList(uni)).toEqual(['a>b: Qualification uni is university-only (--no-degree)']);
    expect(uni.reason).toBe('every route to B is blocked under no university-only routes');
    const college = noRoute(only(qual('college', 12)), { from: 'a', to: 'b', earnWhileLearning: true });
    expect(blockerList(college)).toEqual(['a>b: Qualification college cannot be done while working (--earn-while-learning)']);
    expect(college.reason).toBe('every route to B is blocked under only routes you can do while working');
    expect(college.constraints).toEqual(['only routes you can do while working']);
    const both = noRoute(only(qual('college', 12)), { from: 'a', to: 'b', noDegree: true, earnWhileLearning: true });
    expect(both.reason).toBe('every route to B is blocked under no university-only routes, only routes you can do while working');
  });

  it('--avoid a role keeps the route away from it', () => {
    const data = dataset({
      roles: [role('a'), role('short'), role('long1'), role('long2'), role('z')],
      transitions: [move('a', 'short'), move('short', 'z'), move('a', 'long1'), move('long1', 'long2'), move('long2', 'z')],
    });
    expect(bestSteps(data, { from: 'a', to: 'z' }).best.steps.map((s) => s.to.id)).toEqual(['short', 'z']);
    expect(bestSteps(data, { from: 'a', to: 'z', avoid: ['short'] }).best.steps.map((s) => s.to.id)).toEqual(['long1', 'long2', 'z']);
  });
});

describe('--via', () => {
  it('forces the route through the waypoint, and names it', () => {
    const data = dataset({ roles: [role('s'), role('w'), role('t')], transitions: [move('s', 't'), move('s', 'w'), move('w', 't')] });
    expect(bestSteps(data, { from: 's', to: 't' }).best.steps.map((s) => s.to.id)).toEqual(['t']);
    const plan = bestSteps(data, { from: 's', to: 't', via: 'w' });
    expect(plan.best.steps.map((s) => s.to.id)).toEqual(['w', 't']);
    expect(plan.via).toEqual({ id: 'w', name: 'W' });
  });

  it('a waypoint that cannot be reached is the reason given; the goal, reached another way, is said so and never listed as reachable', () => {
    const data = dataset({ roles: [role('s'), role('w'), role('t')], transitions: [move('s', 't'), move('w', 't')] });
    const result = noRoute(data, { from: 's', to: 't', via: 'w' });
    expect(result.to).toEqual({ id: 't', name: 'T' });
    expect(result.reason).toBe('the route cannot pass through W: no chain of moves in the dataset leads from S to W');
    expect(result.reachable).toEqual([]);
    expect(result.reachableWithoutVia).toBe(true);
  });

  it('past a reached waypoint, the goal is the reason given', () => {
    const data = dataset({ roles: [role('s'), role('w'), role('x'), role('t')], transitions: [move('s', 'w'), move('w', 'x')] });
    expect(noRoute(data, { from: 's', to: 't', via: 'w' }).reason).toBe('no chain of moves in the dataset leads from S to T');
  });

  it('a waypoint with no moves out says nothing leads on from it, whatever the constraints, and never lists the goal as reachable', () => {
    // The shape of social worker → principal social worker through AMHP, which the data gives no moves out of.
    const data = dataset({ roles: [role('s'), role('w'), role('x'), role('t')], transitions: [move('s', 'x'), move('x', 't'), move('s', 'w')] });
    const plain = noRoute(data, { from: 's', to: 't', via: 'w' });
    expect(plain.reason).toBe('nothing in the dataset leads on from W, the role the route must pass through');
    expect(plain.reachable.map((r) => r.id)).toEqual(['x', 'w']);
    expect(plain.reachableWithoutVia).toBe(true);
    expect(plain.blockers).toEqual([]);
    expect(noRoute(data, { from: 's', to: 't', via: 'w', noDegree: true }).reason).toBe(plain.reason);
  });

  it('a waypoint whose moves out lead elsewhere says no chain leads on from it to the goal', () => {
    const data = dataset({ roles: [role('s'), role('w'), role('y'), role('t')], transitions: [move('s', 't'), move('s', 'w'), move('w', 'y')] });
    const result = noRoute(data, { from: 's', to: 't', via: 'w' });
    expect(result.reason).toBe('no chain of moves in the dataset leads on from W, the role the route must pass through, to T');
    expect(result.reachable.map((r) => r.id)).toEqual(['w', 'y']);
  });

  it('when the waypoint leads on but every way on is blocked, says so under the constraints', () => {
    const data = dataset({
      roles: [role('s'), role('w'), role('t')],
      qualifications: [qual('deg', 36, { kind: 'degree' })],
      transitions: [move('s', 't'), move('s', 'w'), move('w', 't', [['deg']])],
    });
    const result = noRoute(data, { from: 's', to: 't', via: 'w', noDegree: true });
    expect(result.reason).toBe('every route to T is blocked under no university-only routes');
    expect(result.blockers.map((b) => `${b.from.id}>${b.to.id}`)).toEqual(['w>t']);
    expect(result.reachable.map((r) => r.id)).toEqual(['w']);
    expect(result.reachableWithoutVia).toBe(true);
  });

  it('without a waypoint, the goal is never reachable-but-not-through-it', () => {
    const data = dataset({ roles: [role('s'), role('x'), role('t')], transitions: [move('s', 'x')] });
    expect(noRoute(data, { from: 's', to: 't' }).reachableWithoutVia).toBe(false);
  });
});

describe('when there is no route', () => {
  const maze = () =>
    dataset({
      roles: [role('s'), role('g'), role('h'), role('m'), role('a_far'), role('z_tie1'), role('b_near'), role('c_deep'), role('aa_dead'), role('pit')],
      qualifications: [qual('old', 1, { closed: true })],
      transitions: [
        move('s', 'a_far'),
        move('s', 'z_tie1'),
        move('s', 'm'),
        move('s', 'aa_dead'),
        move('m', 'b_near'),
        move('m', 'c_deep'),
        // Two routes blocked for the same reason are one blocker.
        move('b_near', 'g', [['old'], ['old']]),
        move('a_far', 'h', [['old']]),
        move('z_tie1', 'h', [['old']]),
        move('c_deep', 'h', [['old']]),
        move('h', 'g'),
        move('aa_dead', 'pit', [['old']]),
      ],
    });

  it('lists the reachable roles nearest the goal first, then by moves taken, then by id; dead ends last', () => {
    // Moves left to g: b_near 1; a_far, m, z_tie1, c_deep 2; aa_dead none. Moves taken: c_deep and b_near 2, the rest 1.
    expect(noRoute(maze(), { from: 's', to: 'g' }).reachable.map((r) => r.id)).toEqual(['b_near', 'a_far', 'm', 'z_tie1', 'c_deep', 'aa_dead']);
  });

  it('among roles as near the goal, the one reached in fewer moves comes first, even when the search found it later', () => {
    // By time, s→q1→quick (no wait) is searched before s→slow (a year's experience); both are two moves from g.
    const data = dataset({
      roles: [role('s'), role('g'), role('h'), role('q1'), role('quick'), role('slow')],
      qualifications: [qual('old', 1, { closed: true })],
      transitions: [
        move('s', 'slow', [[]], 12),
        move('s', 'q1'),
        move('q1', 'quick'),
        move('slow', 'h', [['old']]),
        move('quick', 'h', [['old']]),
        move('h', 'g'),
      ],
    });
    expect(noRoute(data, { from: 's', to: 'g', optimise: 'time' }).reachable.map((r) => r.id)).toEqual(['slow', 'quick', 'q1']);
  });

  it('names each blocked move that leads on, once, nearest the goal first', () => {
    const result = noRoute(maze(), { from: 's', to: 'g' });
    const closed = 'Qualification old is closed to new learners';
    expect(blockerList(result)).toEqual([`b_near>g: ${closed}`, `a_far>h: ${closed}`, `z_tie1>h: ${closed}`, `c_deep>h: ${closed}`]);
    expect(result.reason).toBe('every route to G is blocked');
    expect(result.constraints).toEqual([]);
  });

  it('keeps a blocked move per reason, and at most five', () => {
    const hubs = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const data = dataset({
      roles: [role('s'), role('g'), ...hubs.map((h) => role(h))],
      qualifications: [qual('q', 1), qual('old', 1, { closed: true })],
      transitions: [
        {
          ...move('s', 'h1'),
          routes: [
            { id: 'r1', requires: ['q'], notes: [] },
            { id: 'r2', requires: ['old'], notes: [] },
          ],
        },
        ...hubs.slice(1).map((h) => move('s', h, [['q']])),
        ...hubs.map((h) => move(h, 'g')),
      ],
    });
    const result = noRoute(data, { from: 's', to: 'g', avoid: ['q'] });
    expect(blockerList(result)).toEqual([
      's>h1: Qualification q is excluded by --avoid',
      's>h1: Qualification old is closed to new learners',
      's>h2: Qualification q is excluded by --avoid',
      's>h3: Qualification q is excluded by --avoid',
      's>h4: Qualification q is excluded by --avoid',
    ]);
    expect(result.reason).toBe('every route to G is blocked under avoiding Qualification q');
  });
});

describe('a search cut short by a limit', () => {
  // 2^7 ways through seven layers of two roles to a hub.
  function layered(extra: Transition[]) {
    const roles = [role('s'), role('hub'), role('w'), role('goal'), role('lost')];
    const transitions: Transition[] = [move('s', 'x1'), move('s', 'y1'), move('x7', 'hub'), move('y7', 'hub'), move('hub', 'w'), ...extra];
    for (let i = 1; i <= 7; i++) roles.push(role(`x${i}`), role(`y${i}`));
    for (let i = 1; i < 7; i++) for (const c of ['x', 'y']) for (const d of ['x', 'y']) transitions.push(move(`${c}${i}`, `${d}${i + 1}`));
    return dataset({ roles, qualifications: [qual('old', 1, { closed: true })], transitions });
  }
  const tiny = (limits: Partial<SearchLimits>) => new SearchBudget({ ...DEFAULT_SEARCH_LIMITS, ...limits });
  const cutShort = (data: Dataset, request: Partial<PlanRequest> & { from: string; to: string }, budget: SearchBudget): PlanResult =>
    planRoute(buildGraph(data), { have: [], optimise: 'steps', ...request }, budget);

  it('says so when a chain of moves exists but the search met its label limit first', () => {
    const result = cutShort(layered([move('w', 'goal', [['old']])]), { from: 's', to: 'goal', via: 'w' }, tiny({ labels: 5 }));
    expect(result.kind === 'no-route' && result.noRoute.reason).toBe(
      'the search reached its limit on partial routes without reaching GOAL; there are too many possible routes to search them all for this question',
    );
  });

  it('names the time limit when that is the one that closed', () => {
    let now = 0;
    // Every look at the clock finds a minute gone.
    const budget = new SearchBudget({ ...DEFAULT_SEARCH_LIMITS, milliseconds: 1 }, { now: () => (now += 60_000), heapUsed: () => 0 });
    budget.made = 1024; // the next label is one where the clock is read
    const result = cutShort(layered([move('w', 'goal', [['old']])]), { from: 's', to: 'goal', via: 'w' }, budget);
    expect(result.kind === 'no-route' && result.noRoute.reason).toMatch(/^the search reached its time limit without reaching GOAL/);
  });

  it('without the limit the same question says every route is blocked', () => {
    const result = noRoute(layered([move('w', 'goal', [['old']])]), { from: 's', to: 'goal', via: 'w' });
    expect(result.reason).toBe('every route to GOAL is blocked');
  });

  it('still says there is no chain of moves when there is none, rather than blame the limit', () => {
    const result = cutShort(layered([move('lost', 'goal')]), { from: 's', to: 'goal', via: 'w' }, tiny({ labels: 5 }));
    expect(result.kind === 'no-route' && result.noRoute.reason).toBe('no chain of moves in the dataset leads from S to GOAL');
  });

  it('a plan found under a limit that closed shows the best route found and says which limit', () => {
    const result = cutShort(layered([move('w', 'goal')]), { from: 's', to: 'goal', via: 'w' }, tiny({ labels: 5 }));
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    expect(result.plan.best.steps.map((s) => s.to.id)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'hub', 'w', 'goal']);
    expect(result.plan.searchComplete).toBe(false);
    expect(result.plan.searchLimit).toBe('labels');
  });
});
