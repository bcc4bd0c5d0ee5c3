/**
 * The planning graph: roles and qualifications as integer indices, moves in compressed rows of
 * typed arrays. Pure; built once per dataset. Building must cost a fraction of parsing the data,
 * so it makes no object per move: the edges out of a role are made the first time a query looks
 * at that role (a search touches a few hundred roles of 100,000).
 */
import type { Confidence, Dataset, Qualification, Range, Role, Route, Transition } from '../domain/types';
import { CATEGORY_SKIP_WEIGHT, CONFIDENCE_WEIGHT, UNKNOWN_MONTHS_FOR_RANKING, UNUSUAL_ENTRY_WEIGHT } from '../domain/vocabulary';

/** The lowest confidence given (some may be absent): low, else medium, else high. */
export function lowestConfidence(values: (Confidence | undefined)[]): Confidence {
  return (['low', 'medium'] as const).find((c) => values.includes(c)) ?? 'high';
}

export interface Edge {
  from: number;
  to: number;
  transition: Transition;
  route: Route;
  routeId: string;
  /** Qualification indices the route names, in the order given. */
  requires: number[];
  /*
   * Facts a search reads each time it weighs the route, worked out once: the lowest confidence of
   * the move, the route and the new role; whether the move is an unusual way into that role (not
   * from a role it is typically entered from); whether the data says the route means leaving paid work.
   */
  confidence: Confidence;
  unusual: boolean;
  leavesPaidWork: boolean;
}

export interface PlanningGraph {
  dataset: Dataset;
  roles: Role[];
  qualifications: Qualification[];
  roleIndex: Map<string, number>;
  qualIndex: Map<string, number>;
  /**
   * The edges out of a role (one per route), sorted by target id then route id so search order is
   * stable. Made on first use and kept: the same objects every time.
   */
  outOf(role: number): readonly Edge[];
  /**
   * Incoming moves in compressed rows (typed arrays, so a backwards pass over a million moves is a
   * few milliseconds): for role r, entries reverse.start[r] to reverse.start[r+1]-1.
   */
  reverse: ReverseIndex;
  /** Per qualification: its bit in a held set (made once: BigInt shifts allocate). */
  qualBits: bigint[];
  /**
   * Per qualification: its direct prerequisites, and what holding it also counts as (what it awards
   * along with it, and each entry requirement it meets).
   */
  prerequisites: number[][];
  includes: number[][];
  /** Per entry requirement: the qualifications that meet it, the one to plan first at the top; [] for the rest. */
  meetBy: number[][];
  /**
   * Per qualification, the months its length counts as for ranking when no source gives it: the
   * middle of the typical lengths the sources give for qualifications of the same kind and level
   * (an unknown degree apprenticeship ranks as long as the known ones), never less than
   * UNKNOWN_MONTHS_FOR_RANKING. Plans still print the length as not known.
   */
  unknownLengthRanked: number[];
}

export interface ReverseIndex {
  start: Int32Array;
  /** The role each incoming move comes from. */
  from: Int32Array;
  /** The least time in post (months, before and alongside study) any of the move's routes expects, low and high ends. */
  experienceMin: Float64Array;
  experienceMax: Float64Array;
  /**
   * A lower bound on the move's ranked months under the realistic objective: the least time in
   * post (an unknown one ranked as UNKNOWN_MONTHS_FOR_RANKING) times the least weight its own
   * confidence, category skip and way in give it, rounded down.
   */
  rankedMin: Float64Array;
  /** 1 when no route of the move has a time in post a source gives (each counts as a length not known), else 0. */
  unknownMin: Float64Array;
}

/** Builds index maps and compressed adjacency from a validated dataset. */
export function buildGraph(dataset: Dataset): PlanningGraph {
  const { roles, qualifications, transitions } = dataset;
  const roleCount = roles.length;
  const roleIndex = new Map<string, number>();
  for (let r = 0; r < roleCount; r++) roleIndex.set(roles[r]!.id, r);
  const qualIndex = new Map<string, number>();
  for (let q = 0; q < qualifications.length; q++) qualIndex.set(qualifications[q]!.id, q);
  const qual = (id: string) => qualIndex.get(id)!;

  // One pass in file order (sequential reads: the moves are most of the data), then counting sorts.
  const count = transitions.length;
  const moveFrom = new Int32Array(count);
  const moveTo = new Int32Array(count);
  const moveMin = new Float64Array(count);
  const moveMax = new Float64Array(count);
  const moveRanked = new Float64Array(count);
  const moveUnknown = new Float64Array(count);
  const outStart = new Int32Array(roleCount + 1);
  const inStart = new Int32Array(roleCount + 1);
  for (let t = 0; t < count; t++) {
    const transition = transitions[t]!;
    const from = roleIndex.get(transition.from)!;
    const to = roleIndex.get(transition.to)!;
    moveFrom[t] = from;
    moveTo[t] = to;
    outStart[from + 1]!++;
    inStart[to + 1]!++;
    let least = Infinity;
    let leastHigh = Infinity;
    let leastRanked = Infinity;
    let leastUnknown = 1;
    const toRole = roles[to]!;
    const unusual = toRole.typicalFrom !== undefined && toRole.typicalFrom.length > 0 && !toRole.typicalFrom.includes(transition.from);
    for (const route of transition.routes) {
      const before = route.experienceBeforeMonths?.min ?? 0;
      const alongside = route.experienceMonths?.min ?? 0;
      least = Math.min(least, before + alongside);
      leastHigh = Math.min(leastHigh, (route.experienceBeforeMonths?.max ?? 0) + (route.experienceMonths?.max ?? 0));
      const rankedAlongside = route.experienceUnknown !== undefined ? Math.max(alongside, UNKNOWN_MONTHS_FOR_RANKING) : alongside;
      const weight =
        CONFIDENCE_WEIGHT[lowestConfidence([transition.confidence, route.confidence, toRole.confidence])] *
        (route.skipsCategory ? CATEGORY_SKIP_WEIGHT : 1) *
        (unusual ? UNUSUAL_ENTRY_WEIGHT : 1);
      leastRanked = Math.min(leastRanked, Math.floor((before + rankedAlongside) * weight));
      if (route.experienceUnknown === undefined) leastUnknown = 0;
    }
    moveMin[t] = least;
    moveMax[t] = leastHigh;
    moveRanked[t] = leastRanked;
    moveUnknown[t] = leastUnknown;
  }
  for (let r = 1; r <= roleCount; r++) {
    outStart[r]! += outStart[r - 1]!;
    inStart[r]! += inStart[r - 1]!;
  }
  const outMoves = new Int32Array(count);
  const reverse: ReverseIndex = {
    start: inStart,
    from: new Int32Array(count),
    experienceMin: new Float64Array(count),
    experienceMax: new Float64Array(count),
    rankedMin: new Float64Array(count),
    unknownMin: new Float64Array(count),
  };
  const nextOut = outStart.slice(0, roleCount);
  const nextIn = inStart.slice(0, roleCount);
  for (let t = 0; t < count; t++) {
    outMoves[nextOut[moveFrom[t]!]!++] = t;
    const i = nextIn[moveTo[t]!]!++;
    reverse.from[i] = moveFrom[t]!;
    reverse.experienceMin[i] = moveMin[t]!;
    reverse.experienceMax[i] = moveMax[t]!;
    reverse.rankedMin[i] = moveRanked[t]!;
    reverse.unknownMin[i] = moveUnknown[t]!;
  }

  const made: (Edge[] | undefined)[] = new Array(roleCount);
  const outOf = (from: number): readonly Edge[] => {
    let edges = made[from];
    if (edges) return edges;
    edges = [];
    for (let i = outStart[from]!; i < outStart[from + 1]!; i++) {
      const transition = transitions[outMoves[i]!]!;
      const to = moveTo[outMoves[i]!]!;
      const toRole = roles[to]!;
      const unusual = toRole.typicalFrom !== undefined && toRole.typicalFrom.length > 0 && !toRole.typicalFrom.includes(roles[from]!.id);
      transition.routes.forEach((route, index) => {
        edges!.push({
          from,
          to,
          transition,
          route,
          routeId: route.id ?? String(index + 1),
          requires: route.requires.map(qual),
          confidence: lowestConfidence([transition.confidence, toRole.confidence, route.confidence]),
          unusual,
          leavesPaidWork: (route.conditions ?? []).some((c) => c.kind === 'leaves-paid-work'),
        });
      });
    }
    // Target id, then route id, so the search is deterministic whatever the file order.
    edges.sort((a, b) => compareIds(roles[a.to]!.id, roles[b.to]!.id) || compareIds(a.routeId, b.routeId));
    return (made[from] = edges);
  };

  const includes = qualifications.map((q) => q.includes.map(qual));
  const meetBy = qualifications.map((q) => (q.meetBy ?? []).map(qual));
  // Holding any qualification that meets an entry requirement counts as holding the requirement.
  meetBy.forEach((options, requirement) => {
    options.forEach((option) => {
      includes[option]!.push(requirement);
    });
  });

  return {
    dataset,
    roles,
    qualifications,
    unknownLengthRanked: unknownLengthsForRanking(qualifications),
    roleIndex,
    qualIndex,
    outOf,
    reverse,
    qualBits: qualifications.map((_, i) => 1n << BigInt(i)),
    prerequisites: qualifications.map((q) => q.requires.map(qual)),
    includes,
    meetBy,
  };
}

/** Plain code-unit order: stable across locales. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The usual figure of a range: its own `typical`, else its middle. */
export const typicalOf = (r: Range & { typical?: number }): number => r.typical ?? (r.min + r.max) / 2;

/** See PlanningGraph.unknownLengthRanked. */
function unknownLengthsForRanking(qualifications: readonly Qualification[]): number[] {
  const lengths = new Map<string, number[]>();
  const key = (q: Qualification) => `${q.kind}/${q.level ?? '-'}`;
  for (const q of qualifications) {
    if (!q.durationMonths) continue;
    const list = lengths.get(key(q)) ?? [];
    list.push(typicalOf(q.durationMonths));
    lengths.set(key(q), list);
  }
  const middle = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  return qualifications.map((q) => {
    const known = lengths.get(key(q));
    return Math.max(UNKNOWN_MONTHS_FOR_RANKING, known ? middle(known) : 0);
  });
}
