/** `careerpath plan`: read the dataset, resolve names, plan, render. No algorithm here. */
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import { UsageError, UserError } from '../errors';
import type { Io } from '../io/terminal';
import { packageVersion } from '../package-root';
import { buildGraph } from '../planner/graph';
import { planRoute } from '../planner/plan';
import type { NoRoute, Optimise, Plan } from '../planner/types';
import type { Dataset } from '../domain/types';
import { isoDate, planContext } from '../render/context';
import { renderPlanJson } from '../render/json-plan';
import { renderPlanHtml } from '../render/html';
import { renderPlanMarkdown } from '../render/markdown';
import { renderPlanTable } from '../render/table';
import { quoteTyped } from '../render/terminal-text';
import { requireQualification, requireRole, requireRoleOrQualification } from './names';
import { emit } from './output';

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
  /** --months-in-role: months already served in the --from role. */
  monthsInRole?: number;
  /** --name: the person's name on the plan document. */
  name?: string;
  /** --review: the review date on the plan document (YYYY-MM-DD). */
  review?: string;
}

/** Plans a route and prints it. */
export async function plan(options: PlanOptions, io: Io): Promise<void> {
  if (!options.from || !options.to) {
    throw new UsageError(`plan needs ${!options.from && !options.to ? '--from and --to' : options.from ? '--to' : '--from'}`, {
      hint: 'Example: careerpath plan --from "care worker" --to "registered manager"',
    });
  }
  const review = options.review === undefined ? undefined : parseReviewDate(options.review);
  const dataset = await readCommandDataset(options, io);
  const from = requireRole(dataset, options.from, '--from').id;
  const to = requireRole(dataset, options.to, '--to').id;
  const have = options.have.map((typed) => requireQualification(dataset, typed, '--have').id);
  const via = options.via === undefined ? undefined : requireRole(dataset, options.via, '--via').id;
  const avoid = options.avoid.map((typed) => {
    const found = requireRoleOrQualification(dataset, typed, '--avoid');
    return found.kind === 'role' ? found.role.id : found.qualification.id;
  });
  for (const [id, flag] of [
    [from, '--from'],
    [to, '--to'],
    [via, '--via'],
  ] as const) {
    if (id !== undefined && avoid.includes(id)) throw new UsageError(`${flag} names a role that --avoid excludes`);
  }

  const result = planRoute(buildGraph(dataset), {
    from,
    to,
    have,
    optimise: options.optimise,
    alternatives: options.alternatives,
    ...(via !== undefined && via !== from && via !== to ? { via } : {}),
    avoid,
    ...(options.maxMonths !== undefined ? { maxMonths: options.maxMonths } : {}),
    noDegree: options.noDegree,
    earnWhileLearning: options.earnWhileLearning,
    ...(options.hoursPerWeek !== undefined ? { hoursPerWeek: options.hoursPerWeek } : {}),
    ...(options.monthsInRole !== undefined ? { monthsInRole: options.monthsInRole } : {}),
  });
  if (result.kind === 'same-role') {
    throw new UsageError(`--from and --to are both "${result.role.name}": there is no move to plan`, {
      hint: `To see where you can go from here: careerpath next "${result.role.name}"`,
    });
  }
  if (result.kind === 'no-route') throw noRouteError(result.noRoute);
  await emitPlan(io, options, dataset, result.plan, review);
}

/** Prints or saves a plan in the format asked for (the questionnaire's answers end here too when given --output or --format). */
export async function emitPlan(
  io: Io,
  options: PlanOptions,
  dataset: Dataset,
  plan: Plan,
  review = options.review === undefined ? undefined : parseReviewDate(options.review),
): Promise<void> {
  const today = new Date();
  // The saved documents' context (sources, dataset, date) and the person's fields, made only when a document is.
  const document = () => planContext(dataset, plan, { today: isoDate(today), toolVersion: packageVersion() });
  const fields = { ...(options.name !== undefined ? { name: options.name } : {}), ...(review !== undefined ? { review } : {}) };
  await emit(io, options, {
    table: (layout) => renderPlanTable(plan, { ...layout, today }),
    text: (layout) => renderPlanTable(plan, { ...layout, today, linear: true }),
    markdown: () => renderPlanMarkdown(plan, document(), fields),
    json: () => renderPlanJson(plan, document()),
    html: () => renderPlanHtml(plan, document(), fields),
  });
}

/** Exit 1 with how far the person can get and what blocks the rest. */
function noRouteError(noRoute: NoRoute): UserError {
  const lines: string[] = [];
  if (noRoute.reachableWithoutVia) lines.push(`${noRoute.to.name} can be reached without --via.`);
  if (noRoute.reachable.length > 0) {
    lines.push(
      `Closest roles you can reach: ${noRoute.reachable
        .slice(0, 5)
        .map((r) => r.name)
        .join(', ')}.`,
    );
  } else if (!noRoute.reachableWithoutVia) lines.push(`No move out of ${noRoute.from.name} is open under these conditions.`);
  for (const b of noRoute.blockers) lines.push(`  ${b.from.name} → ${b.to.name}: ${b.reason}`);
  if (noRoute.constraints.length > 0) lines.push('Try again with fewer constraints (--no-degree, --earn-while-learning, --max-months, --avoid).');
  return new UserError(`no route from ${noRoute.from.name} to ${noRoute.to.name}: ${noRoute.reason}`, { hint: lines.join('\n') });
}

/** --review as typed, when it is a real day written YYYY-MM-DD (the form every dataset date uses). */
export function parseReviewDate(typed: string): string {
  const value = typed.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new UsageError(`--review ${quoteTyped(typed)} is not a date written YYYY-MM-DD`, { hint: 'Example: --review 2027-06-01 for 1 June 2027.' });
  }
  return value;
}
