/** Real plans on the care fixture, for renderer tests: the planner's output, not a hand-made copy. */
import { readDatasetFiles } from '../../src/dataset/read-files';
import type { Dataset } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import type { Plan, PlanRequest } from '../../src/planner/types';
import { planContext, type DocumentContext } from '../../src/render/context';
import { fixture } from './io';

export const careDataset = (): Dataset => readDatasetFiles([fixture('care.yaml')], process.cwd());

/** Plans on a dataset (the care fixture unless given); throws unless there is a plan. */
export function planOn(request: Partial<PlanRequest> & { from: string; to: string }, dataset = careDataset()): Plan {
  const result = planRoute(buildGraph(dataset), { have: [], optimise: 'steps', ...request });
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}`);
  return result.plan;
}

/** The context a command would build, on a fixed day. */
export function contextFor(plan: Plan, dataset = careDataset()): DocumentContext {
  return planContext(dataset, plan, { today: '2026-11-23', toolVersion: '9.9.9' });
}
