/**
 * The best roles for a direction: each candidate planned under the answers, kept when it has a
 * route, best first. Pure: nothing here prompts, prints or touches the file system.
 */
import { compareNames } from '../domain/names';
import type { Dataset, Role } from '../domain/types';
import type { PlanningGraph } from '../planner/graph';
import { describeConstraints, planRoute } from '../planner/plan';
import type { NoRoute, Optimise, Plan, PlannedRoute, PlanRequest } from '../planner/types';
import { formatRouteTime, formatTotalCost, plural } from '../render/format';
import type { Choice } from './ask';
import { type Direction, DIRECTION_NOUN } from './directions';
import type { Preferences } from './request';

export interface Target {
  role: Role;
  plan: Plan;
}

export interface TargetSearch {
  /** Targets with a route, best first for what matters to the person. */
  targets: Target[];
  /** Targets that fit the direction but cannot be reached under the constraints, and why. */
  unreachable: NoRoute[];
  /** How many roles fit the direction at all. */
  candidates: number;
}

/** Orders routes by what matters to the person, then the other two measures. */
export function compareRoutes(optimise: Optimise, a: PlannedRoute, b: PlannedRoute): number {
  const key = (r: PlannedRoute) => {
    const t = r.totals;
    if (optimise === 'realistic') return [t.unknownDuration.length + t.unknownExperience, t.typicalMonths, t.leavesPaidWork, t.steps];
    if (optimise === 'time') return [t.typicalMonths, t.months.max, t.steps, t.cost.max];
    if (optimise === 'cost') return [t.unknownCost.length, t.cost.max, t.steps, t.months.max];
    return [t.steps, t.months.max, t.cost.max];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** Plans a route to each candidate under the person's answers and keeps those that have one, best first. */
export function findTargets(graph: PlanningGraph, base: PlanRequest, candidates: readonly string[]): TargetSearch {
  const targets: Target[] = [];
  const unreachable: NoRoute[] = [];
  for (const id of candidates) {
    if (id === base.from) continue;
    const result = planRoute(graph, { ...base, to: id, alternatives: 0 });
    if (result.kind === 'plan') targets.push({ role: graph.roles[graph.roleIndex.get(id)!]!, plan: result.plan });
    else if (result.kind === 'no-route') unreachable.push(result.noRoute);
  }
  targets.sort(
    (a, b) => compareRoutes(base.optimise, a.plan.best, b.plan.best) || (a.role.level ?? 0) - (b.role.level ?? 0) || compareNames(a.role.name, b.role.name),
  );
  return { targets, unreachable, candidates: candidates.filter((id) => id !== base.from).length };
}

/** "2 steps · 18–30 months · cost to you £0" */
export function routeSummary(route: PlannedRoute): string {
  const t = route.totals;
  return [plural(t.steps, 'step'), formatRouteTime(t), `cost to you ${formatTotalCost(t.cost, t.unknownCost.length)}`].join(' · ');
}

/** A target as a choice: its name, and the route's size and path underneath. */
export function targetChoice(target: Target): Choice<string> {
  const best = target.plan.best;
  const path = [target.plan.from.name, ...best.steps.map((s) => s.to.name)].join(' → ');
  return { value: target.role.id, name: `${target.role.name} — ${routeSummary(best)}`, short: target.role.name, description: path };
}

/** The answers that stand for the planner's flags, so a reason speaks of what the person ticked. */
const TICKED: Record<string, string> = {
  '--no-degree': 'you ticked No university degree',
  '--earn-while-learning': 'you ticked I need to earn while I learn',
};

/** A planner reason in the questionnaire's words: "(--no-degree)" becomes "(you ticked No university degree)". */
export function inAnswers(reason: string): string {
  return reason.replace(/\((--[a-z-]+)\)/g, (whole, flag: string) => (TICKED[flag] ? `(${TICKED[flag]})` : whole));
}

/** Why no role fits a direction: none in the dataset, or none reachable under the constraints. */
export function explainNoTargets(
  direction: Direction,
  fromName: string,
  search: TargetSearch,
  constraints: readonly string[],
  noun: string = DIRECTION_NOUN[direction],
): string {
  if (search.candidates === 0) return `The dataset has no ${noun} that lead on from ${fromName}.`;
  const under = constraints.length > 0 ? ` with ${constraints.join(', ')}` : '';
  const lines = [`None of the ${plural(search.candidates, noun.replace(/s$/, ''), noun)} can be reached from ${fromName}${under}:`];
  for (const n of search.unreachable.slice(0, 4)) lines.push(`  ${n.to.name}: ${inAnswers(n.reason)}`);
  if (constraints.length > 0) lines.push('Changing your constraints may open a route.');
  return lines.join('\n');
}

/** Why there is no plan to a chosen role, in a few lines. */
export function explainNoRoute(noRoute: NoRoute): string {
  const lines = [`There is no route from ${noRoute.from.name} to ${noRoute.to.name}: ${inAnswers(noRoute.reason)}.`];
  for (const b of noRoute.blockers.slice(0, 3)) lines.push(`  ${b.from.name} → ${b.to.name}: ${inAnswers(b.reason)}`);
  if (noRoute.reachable.length > 0)
    lines.push(
      `Closest roles you can reach: ${noRoute.reachable
        .slice(0, 5)
        .map((r) => r.name)
        .join(', ')}.`,
    );
  return lines.join('\n');
}

/** The constraints in words, as the planner states them. */
export function constraintWords(dataset: Dataset, preferences: Preferences): string[] {
  const name = (id: string) => dataset.roles.find((r) => r.id === id)?.name ?? id;
  return describeConstraints(
    { from: '', to: '', have: [], optimise: preferences.optimise, noDegree: preferences.noDegree, earnWhileLearning: preferences.earnWhileLearning },
    name,
  );
}
