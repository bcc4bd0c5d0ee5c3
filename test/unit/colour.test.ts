/**
 * Colour that reads on light and dark terminals alike: nothing in yellow (1.7-3.0:1 on a white
 * background), and "indicative" carried by the word itself, in bold, not by a colour alone.
 */
import { describe, expect, it } from 'vitest';
import { readShippedYaml } from '../../src/dataset/read-files';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { renderRolesTable } from '../../src/render/roles';
import { renderPlanTable } from '../../src/render/table';
import { lazy } from '../helpers/lazy';

const data = lazy(() => readShippedYaml());
const YELLOW = /\u001b\[(33|93)m/;
const BOLD = '\u001b[1m';

describe('colour on light and dark terminals', () => {
  it('a plan with indicative routes uses no yellow, and marks them in bold words', () => {
    const result = planRoute(buildGraph(data), { from: 'care_worker', to: 'registered_manager', have: [], optimise: 'realistic', alternatives: 2 });
    if (result.kind !== 'plan') throw new Error(result.kind);
    expect([result.plan.best, ...result.plan.alternatives].some((r) => r.indicative)).toBe(true);
    const text = renderPlanTable(result.plan, { color: true, width: 100 });
    expect(text).not.toMatch(YELLOW);
    expect(text).toContain(`${BOLD} · indicative`);
  });

  it('the roles table marks a low-confidence role in bold words, not yellow', () => {
    expect(data.roles.some((r) => r.confidence === 'low')).toBe(true);
    const text = renderRolesTable(data.roles, { color: true, width: 120 });
    expect(text).not.toMatch(YELLOW);
    expect(text).toContain(` ${BOLD}(indicative)`);
  });
});
