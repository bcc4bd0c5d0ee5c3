/** `careerpath plan`: read the dataset, resolve names, plan, render. No algorithm here. */
import type { CommonOptions } from '../cli';
import { readDataset } from '../dataset/load';
import { resolveQualification, resolveRole } from '../domain/resolve';
import type { Dataset } from '../domain/types';
import { UsageError, UserError } from '../errors';
import { wantsColor, type Io } from '../io/terminal';
import { buildGraph } from '../planner/graph';
import { planRoute } from '../planner/plan';
import type { Optimise } from '../planner/types';
import { renderPlanTable } from '../render/table';

export interface PlanOptions extends CommonOptions {
  from?: string;
  to?: string;
  have: string[];
  optimise: Optimise;
  /** How many routes to show after the best one. */
  alternatives: number;
  via?: string;
  /** Roles or qualifications never to use. */
  avoid: string[];
  maxMonths?: number;
  noDegree: boolean;
  earnWhileLearning: boolean;
  hoursPerWeek?: number;
}

/** Plans a route and prints it. */
export async function plan(options: PlanOptions, io: Io): Promise<void> {
  if (!options.from || !options.to) {
    throw new UsageError(`plan needs ${!options.from && !options.to ? '--from and --to' : options.from ? '--to' : '--from'}`, {
      hint: 'Example: careerpath plan --from "care worker" --to "registered manager"',
    });
  }
  const dataset = await readDataset({ dataFiles: options.dataFiles, cwd: io.cwd });
  const from = roleId(dataset, options.from, '--from');
  const to = roleId(dataset, options.to, '--to');
  const have = options.have.map((typed) => qualificationId(dataset, typed));

  const result = planRoute(buildGraph(dataset), { from, to, have, optimise: options.optimise });
  if (result.kind === 'same-role') {
    throw new UsageError(`--from and --to are both "${result.role.name}": there is no move to plan`, {
      hint: `To see where you can go from here, try another --to, e.g. the roles listed by \`careerpath roles\`.`,
    });
  }
  if (result.kind === 'no-route') {
    const { noRoute } = result;
    const within = noRoute.reachable.slice(0, 5).map((r) => r.name);
    throw new UserError(`no route from ${noRoute.from.name} to ${noRoute.to.name}: ${noRoute.reason}`, {
      hint: within.length > 0 ? `From ${noRoute.from.name} you can reach: ${within.join(', ')}.` : undefined,
    });
  }
  io.out(renderPlanTable(result.plan, { color: wantsColor(io.env, io.stdoutIsTTY, options.color), width: io.columns }));
}

function roleId(dataset: Dataset, typed: string, flag: string): string {
  const found = resolveRole(dataset, typed);
  if (found.ok) return found.value.id;
  throw new UsageError(`unknown role "${typed}" (${flag})${didYouMean(found.suggestions.map((r) => r.name))}`, {
    hint: 'Run `careerpath roles` to list the roles.',
  });
}

function qualificationId(dataset: Dataset, typed: string): string {
  const found = resolveQualification(dataset, typed);
  if (found.ok) return found.value.id;
  throw new UsageError(`unknown qualification "${typed}" (--have)${didYouMean(found.suggestions.map((q) => q.name))}`, {
    hint: 'Old titles are accepted too; `careerpath show NAME` shows a qualification in full.',
  });
}

function didYouMean(names: string[]): string {
  if (names.length === 0) return '';
  return `. Did you mean ${names.map((n) => `"${n}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}?`;
}
