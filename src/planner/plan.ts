/** From a request to a Plan: runs the search, picks the alternatives, explains a missing route; describe.ts turns labels into plain data. */
import { NATION_IDS, type Nation, type Optimise } from '../domain/vocabulary';
import type { Edge, PlanningGraph } from './graph';
import { canDoInWork, isUniversityOnly, routeLeavesPaidWork, type QualificationFilter } from './route-cost';
import { fewestMoves } from './bounds';
import { SearchBudget, type SearchLimit } from './limits';
import { labelPath, searchRoutes, type Label, type SearchOptions } from './search';
import type { FundingDetails, PlanRequest, PlanResult, PlannedRoute, RouteReason } from './types';
import { chooseAlternatives, type Rival, type RivalKind } from './alternatives';
import { describeRoute, named } from './describe';
import { explainNoRoute } from './no-route';

export { canDoInWork, isUniversityOnly };

/** The constraints of a request, in words. */
export function describeConstraints(request: PlanRequest, name: (id: string) => string): string[] {
  const out: string[] = [];
  if (request.noDegree) out.push('no university-only routes');
  if (request.earnWhileLearning) out.push('only routes you can do while working');
  if (request.maxMonths !== undefined) out.push(`at most ${request.maxMonths} months`);
  for (const id of request.avoid ?? []) out.push(`avoiding ${name(id)}`);
  return out;
}

/**
 * Plans the best route (and alternatives) for a request whose ids are already resolved, within
 * the budget's limits (a fresh DEFAULT_SEARCH_LIMITS budget when none is given).
 */
export function planRoute(graph: PlanningGraph, request: PlanRequest, budget = new SearchBudget()): PlanResult {
  const from = graph.roleIndex.get(request.from)!;
  const to = graph.roleIndex.get(request.to)!;
  const fromRole = named(graph.roles[from]!);
  if (from === to) return { kind: 'same-role', role: fromRole };

  const via = request.via === undefined ? undefined : graph.roleIndex.get(request.via)!;
  const base = searchBase(graph, request, via);
  const nameOf = (id: string) => (graph.roleIndex.has(id) ? graph.roles[graph.roleIndex.get(id)!]!.name : graph.qualifications[graph.qualIndex.get(id)!]!.name);
  const constraints = describeConstraints(request, nameOf);
  const explain = (stoppedBy?: SearchLimit, unreachable = false): PlanResult => {
    // How far the person can get: searched again, now into roles that lead nowhere near the goal,
    // once per role (the first label to reach it), on a small budget of its own: it only explains.
    // When no chain of moves leads to the goal, no role is closer than another: the roles met first
    // are enough to list, so that search is smaller still.
    const maxMade = unreachable ? EXPLAIN_UNREACHABLE_MADE : EXPLAIN_MADE;
    const everywhere = searchRoutes(graph, from, to, { ...base, k: 1, pruneDeadEnds: false, firstLabelOnly: true, maxMade });
    // Whether the search for a route was cut short is its own answer, not this search's.
    const result = { ...everywhere, stoppedEarly: stoppedBy !== undefined, ...(stoppedBy ? { stoppedBy } : {}) };
    return { kind: 'no-route', noRoute: explainNoRoute(graph, from, to, via, result, constraints) };
  };
  // Is the goal reachable at all? The moves alone answer it in a backwards pass, before any search:
  // no qualification or constraint opens a chain of moves the dataset does not have.
  if (!chainLeads(graph, from, to, via)) return explain(undefined, true);

  const result = searchRoutes(graph, from, to, { ...base, k: 1, budget, maxMade: Math.ceil(budget.left * BEST_ROUTE_SHARE), mustAnswer: true });
  const best = result.routes[0];
  if (!best) return explain(result.stoppedBy);
  const describe = (label: Label) => describeRoute(graph, label, request.hoursPerWeek, request.monthsInRole);
  let alternatives: PlannedRoute[] = [];
  let stoppedBy = result.stoppedBy;
  const wanted = request.alternatives ?? 0;
  if (wanted > 0) {
    let rivalStoppedBy: SearchLimit | undefined;
    const rivals = rivalSearches(graph, from, to, best, { ...base, budget }, request.earnWhileLearning === true, (limit) => {
      rivalStoppedBy ??= limit;
    });
    const registered = (role: number) => graph.roles[role]!.registration?.required === true;
    alternatives = chooseAlternatives(best, rivals, wanted, describe, registered);
    // A limit that closed in a rival search only matters when it left fewer alternatives than asked for.
    if (alternatives.length < wanted) stoppedBy ??= rivalStoppedBy;
  }
  const bestRoute = describe(best);
  bestRoute.reasons = [REASON_OF[request.optimise]];
  return {
    kind: 'plan',
    plan: {
      from: fromRole,
      to: named(graph.roles[to]!),
      optimise: request.optimise,
      have: request.have.map((id) => named(graph.qualifications[graph.qualIndex.get(id)!]!)),
      ...(via !== undefined ? { via: named(graph.roles[via]!) } : {}),
      constraints,
      ...(request.hoursPerWeek !== undefined ? { hoursPerWeek: request.hoursPerWeek } : {}),
      ...(request.monthsInRole !== undefined ? { monthsInRole: request.monthsInRole } : {}),
      best: bestRoute,
      alternatives,
      searchComplete: stoppedBy === undefined,
      ...(stoppedBy ? { searchLimit: stoppedBy } : {}),
      funding: fundingOf(graph, [bestRoute, ...alternatives]),
      nations: nationsOf(graph, fromRole.id, [bestRoute, ...alternatives]),
    },
  };
}

/** The search options every search of a request shares: what is held, avoided and refused, and the pace. */
function searchBase(graph: PlanningGraph, request: PlanRequest, via: number | undefined): SearchOptions {
  const avoid = new Set(request.avoid);
  const refuse: QualificationFilter = (q) => {
    if (avoid.has(q.id)) return 'is excluded by --avoid';
    // An entry requirement is met by one of its options, and each option is checked on its own.
    if (q.kind === 'requirement') return undefined;
    if (request.noDegree && isUniversityOnly(q)) return 'is university-only (--no-degree)';
    if (request.earnWhileLearning && !canDoInWork(q)) return 'cannot be done while working (--earn-while-learning)';
    return undefined;
  };
  const refuseRoute = (edge: Edge): string | undefined =>
    request.earnWhileLearning && routeLeavesPaidWork(edge) ? 'means leaving paid work (--earn-while-learning)' : undefined;
  // Stryker disable next-line MethodExpression: unfiltered, a qualification id maps to undefined, which is no role index
  const avoidRoles = new Set([...avoid].filter((id) => graph.roleIndex.has(id)).map((id) => graph.roleIndex.get(id)!));
  return {
    optimise: request.optimise,
    have: request.have.map((id) => graph.qualIndex.get(id)!),
    via,
    avoidRoles,
    refuse,
    refuseRoute,
    maxMonths: request.maxMonths,
    hoursPerWeek: request.hoursPerWeek,
    monthsInRole: request.monthsInRole,
  };
}

/** True when some chain of moves in the dataset leads from one role to another (through the waypoint, if any). */
function chainLeads(graph: PlanningGraph, from: number, to: number, via: number | undefined): boolean {
  const toGoal = fewestMoves(graph, to).plusOne;
  if (via === undefined) return toGoal[from] !== 0;
  return toGoal[via] !== 0 && fewestMoves(graph, via).plusOne[from] !== 0;
}

/** The share of the plan's labels the best route's search may make: the rest is left for the alternatives. */
const BEST_ROUTE_SHARE = 0.6;
/** Labels the search that explains a missing route may make: when a chain of moves leads to the goal, and when none does. */
const EXPLAIN_MADE = 20_000;
const EXPLAIN_UNREACHABLE_MADE = 1_000;

/** The nations the routes' roles and qualifications hold for, in the vocabulary's order. */
function nationsOf(graph: PlanningGraph, fromId: string, routes: PlannedRoute[]): Nation[] {
  const found = new Set<Nation>();
  const add = (entry: { nations: readonly Nation[] } | undefined) =>
    entry?.nations.forEach((n) => {
      found.add(n);
    });
  add(graph.roles[graph.roleIndex.get(fromId)!]);
  for (const route of routes) {
    for (const step of route.steps) add(graph.roles[graph.roleIndex.get(step.to.id)!]);
    for (const gain of route.checklist) add(graph.qualifications[graph.qualIndex.get(gain.id)!]);
  }
  return NATION_IDS.filter((n) => found.has(n));
}

/** The funding routes named by the routes' qualifications, in the order they first appear. */
function fundingOf(graph: PlanningGraph, routes: PlannedRoute[]): FundingDetails[] {
  const ids = new Set(routes.flatMap((r) => r.checklist.flatMap((g) => g.funding.map((f) => f.id))));
  const gained = new Set(routes.flatMap((r) => r.checklist.map((g) => g.id)));
  // A figure for particular qualifications is shown only when the plan gains one of them.
  const applies = (a: { qualifications?: string[] }) => a.qualifications === undefined || a.qualifications.some((id) => gained.has(id));
  return graph.dataset.funding
    .filter((f) => ids.has(f.id))
    .map((f) => ({
      id: f.id,
      name: f.name,
      summary: f.summary,
      amounts: (f.amounts ?? []).filter(applies).map((a) => ({ label: a.label, amount: a.amount, per: a.per, year: a.year })),
    }));
}

/**
 * The routes alternatives are chosen from, so each can be shown for a reason: the best route under
 * each other measure, the best that keeps the person in paid work, the best that avoids what the
 * best route mainly gains, and the best through a registered role one move away that leads straight
 * to the goal (nursing associate on the way to nurse). A handful of single-route searches, each on a
 * small budget: listing every simple route (k-best) cost ten times more. Listed, not run: each runs
 * when the choice of alternatives first needs it (see chooseAlternatives).
 */
export function rivalSearches(
  graph: PlanningGraph,
  from: number,
  to: number,
  best: Label,
  options: SearchOptions,
  earnWhileLearning: boolean,
  onStoppedEarly: (limit: SearchLimit) => void,
): Rival[] {
  const rivals: Rival[] = [];
  const searchWith = (extra: Partial<SearchOptions>) => {
    const found = searchRoutes(graph, from, to, { ...options, ...extra, k: 1, maxSettled: ALTERNATIVE_SEARCH_BUDGET, maxMade: ALTERNATIVE_MADE });
    if (found.stoppedBy) onStoppedEarly(found.stoppedBy);
    return found.routes;
  };
  const rival = (kind: RivalKind, extra: Partial<SearchOptions>) => rivals.push({ kind, run: () => searchWith(extra) });
  // Each is listed only when its answer could differ from the best: no route has fewer than one
  // step, and a best route that keeps the person in paid work needs no earn-while-learning rival.
  for (const optimise of ['time', 'cost', 'steps'] as const) {
    if (optimise !== options.optimise && !(optimise === 'steps' && best.totals.steps === 1)) rival(optimise, { optimise });
  }
  const { refuse } = options;
  if (!earnWhileLearning && best.totals.leavesPaidWork > 0) {
    rival('earn-while-learning', {
      refuse: (q, i) => refuse?.(q, i) ?? (canDoInWork(q) ? undefined : 'cannot be done while working'),
      refuseRoute: (edge) => (routeLeavesPaidWork(edge) ? 'leaves paid work' : undefined),
    });
  }
  const mainGains = new Set(labelPath(best).flatMap((l) => l.gains.filter((g) => g.prerequisiteOf === undefined).map((g) => g.qual)));
  if (mainGains.size > 0) rival('avoid-main-gains', { refuse: (q, i) => (mainGains.has(i) ? 'avoided for an alternative' : refuse?.(q, i)) });
  if (options.via === undefined) {
    // Which registered roles are one move away is worked out only if this rival runs: it reads the
    // moves out of every role the start leads to.
    rivals.push({
      kind: 'step-off',
      run: () => {
        const avoidRoles = options.avoidRoles ?? new Set<number>();
        const registeredNext = [...new Set(graph.outOf(from).map((e) => e.to))].filter(
          (r) => r !== to && !avoidRoles.has(r) && graph.roles[r]!.registration?.required === true && graph.outOf(r).some((e) => e.to === to),
        );
        return registeredNext.slice(0, STEP_OFF_SEARCHES).flatMap((r) => {
          // Only the three roles are open, so this waypoint search stays tiny.
          const others = graph.roles.map((_, i) => i).filter((i) => i !== from && i !== r && i !== to);
          return searchWith({ via: r, avoidRoles: new Set([...avoidRoles, ...others]) });
        });
      },
    });
  }
  return rivals;
}

/** Labels each search for an alternative may settle and make (the best route's search may settle 50,000). */
const ALTERNATIVE_SEARCH_BUDGET = 2_000;
const ALTERNATIVE_MADE = 20_000;
/** How many registered roles one move away are searched through for a step-off alternative. */
const STEP_OFF_SEARCHES = 2;

const REASON_OF: Record<Optimise, RouteReason> = { realistic: 'realistic', time: 'fastest', cost: 'cheapest', steps: 'fewest-moves' };
