/**
 * Property tests of the rules that keep plans realistic, on random datasets: whatever validation
 * accepts, no plan steps up in no time, no step into a supervisory role rests on induction or
 * baseline qualifications alone, and every registration gate on a route is printed in the table,
 * the Markdown and the JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/dataset/validate';
import type { Dataset } from '../../src/domain/types';
import { CARE_CATEGORIES, CARE_CATEGORY_IDS, SUPERVISORY_RANK, type CareCategory } from '../../src/domain/vocabulary';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { renderPlanJson } from '../../src/render/json-plan';
import { renderPlanMarkdown } from '../../src/render/markdown';
import { renderPlanTable } from '../../src/render/table';

const SEED = Number(process.env.FC_SEED ?? 20261204);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const ROLES = ['r0', 'r1', 'r2', 'r3', 'r4'];
const QUALS = ['q0', 'q1', 'q2'];
const PURPOSES = ['induction', 'baseline', 'progression', 'management'] as const;

const datasetArb = fc
  .record({
    roles: fc.tuple(
      ...ROLES.map(() =>
        fc.record({
          level: fc.option(fc.integer({ min: 2, max: 4 }), { freq: 2 }),
          category: fc.option(fc.constantFrom(...CARE_CATEGORY_IDS), { freq: 2 }),
          registered: fc.boolean(),
        }),
      ),
    ),
    quals: fc.tuple(...QUALS.map(() => fc.record({ purpose: fc.constantFrom(...PURPOSES), months: fc.integer({ min: 0, max: 12 }) }))),
    moves: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: 4 }),
        to: fc.integer({ min: 0, max: 4 }),
        kind: fc.constantFrom('up', 'sideways', 'specialise', 'professional'),
        requires: fc.subarray(QUALS, { maxLength: 2 }),
        experience: fc.option(fc.integer({ min: 0, max: 24 }), { freq: 8 }),
        before: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 2 }),
        unknown: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { minLength: 3, maxLength: 14 },
    ),
  })
  .map(({ roles, quals, moves }) => {
    const seen = new Set<string>();
    return {
      dataset: { name: 'random', version: '1', updated: '2026-12-04' },
      sources: [{ id: 'S', title: 'S', publisher: 'P', reviewed: '2026-12-04' }],
      qualifications: quals.map((q, i) => ({
        id: QUALS[i],
        name: `Q${i}`,
        kind: 'diploma',
        purpose: q.purpose,
        durationMonths: q.months,
        summary: 's',
        sources: ['S'],
      })),
      roles: roles.map((r, i) => ({
        id: ROLES[i],
        name: `Role ${i}`,
        sector: 'adult-social-care',
        ...(r.level === null ? {} : { level: r.level }),
        ...(r.category === null ? {} : { careCategory: r.category }),
        ...(r.registered ? { registration: { body: `Body ${i}`, required: true, checks: 'fitness' } } : {}),
        entry: i === 0,
        summary: 's',
        sources: ['S'],
      })),
      transitions: moves
        .filter((m) => {
          const key = `${m.from}>${m.to}`;
          if (m.from === m.to || seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((m) => ({
          from: ROLES[m.from],
          to: ROLES[m.to],
          kind: m.kind,
          routes: [
            {
              requires: m.requires,
              ...(m.experience === null ? {} : { experienceMonths: m.experience }),
              ...(m.before === null ? {} : { experienceBeforeMonths: m.before }),
              ...(m.unknown ? { experienceUnknown: 'no source' } : {}),
            },
          ],
          sources: ['S'],
        })),
    };
  });

const context = { today: '2026-12-04', toolVersion: 't', dataset: { name: 'd', version: '1', updated: '2026-12-04', overlays: [] }, sources: [] };
const rank = (c: CareCategory | undefined) => (c ? CARE_CATEGORIES[c].rank : 0);

/** Every plan between two roles of a valid dataset, with the dataset. */
function plans(data: Dataset) {
  const graph = buildGraph(data);
  const out = [];
  for (const from of data.roles) {
    for (const to of data.roles) {
      const result = planRoute(graph, { from: from.id, to: to.id, have: [], optimise: 'realistic', alternatives: 1 });
      if (result.kind === 'plan') out.push(result.plan);
    }
  }
  return out;
}

describe('the realism rules hold on every dataset validation accepts', () => {
  it(`no zero-time step up, no induction-only step into a supervisory role, every gate rendered (${RUNS} datasets)`, () => {
    let checked = 0;
    fc.assert(
      fc.property(datasetArb, (raw) => {
        const result = validateDataset([{ file: 'random.yaml', data: raw }]);
        if (!result.ok) return;
        const data = result.dataset;
        const roleOf = new Map(data.roles.map((r) => [r.id, r]));
        const qualOf = new Map(data.qualifications.map((q) => [q.id, q]));
        for (const p of plans(data)) {
          checked++;
          for (const route of [p.best, ...p.alternatives]) {
            for (const step of route.steps) {
              if (step.kind === 'up') expect(step.months.max > 0 || step.experience.unknown !== undefined).toBe(true);
              const to = roleOf.get(step.to.id)!;
              const supervisory = rank(to.careCategory) >= SUPERVISORY_RANK || (to.level ?? 0) >= 3;
              const move = data.transitions.find((t) => t.from === step.from.id && t.to === step.to.id)!;
              const requires = move.routes.find((r, i) => (r.id ?? String(i + 1)) === step.routeId)!.requires;
              if (step.kind !== 'sideways' && supervisory && requires.length > 0) {
                expect(requires.every((id) => ['induction', 'baseline'].includes(qualOf.get(id)!.purpose ?? 'progression'))).toBe(false);
              }
              if (to.registration?.required) expect(step.gate?.body).toBe(to.registration.body);
            }
          }
          const table = renderPlanTable(p, { color: false, width: 100 });
          const markdown = renderPlanMarkdown(p, context);
          const json = JSON.parse(renderPlanJson(p, context)) as { best: { gates: { body: string }[] } };
          const bodies = p.best.steps.flatMap((s) => (s.gate ? [s.gate.body] : []));
          for (const body of bodies) {
            expect(table).toContain(`Register with ${body}`);
            expect(markdown).toContain(`Register with ${body}`);
          }
          expect(json.best.gates.map((g) => g.body)).toEqual(bodies);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must reach valid datasets with plans, or the property says nothing.
    expect(checked).toBeGreaterThan(RUNS);
  });

  it(`validation rejects every step up that takes no time (${RUNS} datasets)`, () => {
    fc.assert(
      fc.property(datasetArb, (raw) => {
        const result = validateDataset([{ file: 'random.yaml', data: raw }]);
        const zeroTimeUp = raw.transitions.some(
          (t) => t.kind === 'up' && t.routes.some((r) => !('experienceUnknown' in r) && (r.experienceMonths ?? 0) + (r.experienceBeforeMonths ?? 0) === 0),
        );
        if (zeroTimeUp) expect(result.ok).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
