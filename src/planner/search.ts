/**
 * Qualification-aware shortest route. A search state is (role, qualifications held): a route's
 * cost depends on what the person already holds, so a role-only Dijkstra counts a qualification
 * twice or picks the wrong route. Dijkstra over states is exact because every step costs >= 0,
 * and a state is skipped when one already settled at the same role holds a superset of its
 * qualifications (anything it could still do costs no more there).
 */
import type { Range } from '../domain/types';
import { compareIds, type Edge, type PlanningGraph } from './graph';
import type { Optimise } from './types';

export interface StepMetrics {
  steps: number;
  monthsMin: number;
  monthsMax: number;
  costMin: number;
  costMax: number;
  /** Qualifications gained whose cost no source gives. */
  unknownCost: number;
  /** Qualifications gained whose duration no source gives (counted as 0 months). */
  unknownDuration: number;
  /** Sideways moves: a detour is the last thing to prefer among equals. */
  sideways: number;
}

export interface Gain {
  qual: number;
  /** The qualification that needed it, when it was added as a prerequisite. */
  prerequisiteOf?: number;
}

export interface Label {
  role: number;
  held: bigint;
  totals: StepMetrics;
  score: number[];
  /** Role and route ids from the start, for the final, deterministic tie-break. */
  trail: string;
  parent?: Label;
  edge?: Edge;
  gains: Gain[];
  step?: StepMetrics;
}

export interface SearchOptions {
  optimise: Optimise;
  /** Qualification indices held at the start. */
  have: number[];
}

export interface SearchResult {
  best?: Label;
  /** Best label per role reached, for "how far can I get". */
  reached: Map<number, Label>;
}

/**
 * How each criterion ranks totals: the chosen one first, then the other two, then fewer sideways
 * detours. Time and cost rank a figure no source gives as worse than any known one (an unknown is
 * never taken for free), then on the long end of the range.
 */
const STEPS = (m: StepMetrics) => [m.steps];
const TIME = (m: StepMetrics) => [m.unknownDuration, m.monthsMax, m.monthsMin];
const COST = (m: StepMetrics) => [m.unknownCost, m.costMax, m.costMin];
const SCORE: Record<Optimise, (m: StepMetrics) => number[]> = {
  steps: (m) => [...STEPS(m), ...TIME(m), ...COST(m), m.sideways],
  time: (m) => [...TIME(m), ...STEPS(m), ...COST(m), m.sideways],
  cost: (m) => [...COST(m), ...TIME(m), ...STEPS(m), m.sideways],
};

/** Lexicographic comparison of two scores, then of their trails. */
export function compareLabels(a: Label, b: Label): number {
  for (let i = 0; i < a.score.length; i++) {
    const d = a.score[i]! - b.score[i]!;
    if (d !== 0) return d;
  }
  return compareIds(a.trail, b.trail);
}

/** The held set closed under "includes": a diploma that comes with an apprenticeship is held too. */
export function closeHeld(graph: PlanningGraph, held: bigint, quals: number[]): bigint {
  const stack = [...quals];
  while (stack.length > 0) {
    const q = stack.pop()!;
    const bit = 1n << BigInt(q);
    if ((held & bit) !== 0n) continue;
    held |= bit;
    stack.push(...graph.includes[q]!);
  }
  return held;
}

export const hasQual = (held: bigint, q: number) => (held & (1n << BigInt(q))) !== 0n;

/**
 * What taking a route costs given what is held: missing prerequisites are added first
 * (transitively), nothing held is counted again. Undefined when a needed qualification is closed.
 */
export function evaluateRoute(
  graph: PlanningGraph,
  edge: Edge,
  held: bigint,
): { gains: Gain[]; held: bigint; step: StepMetrics } | undefined {
  const gains: Gain[] = [];
  let current = held;
  const inProgress = new Set<number>();
  const add = (q: number, prerequisiteOf?: number): boolean => {
    if (hasQual(current, q)) return true;
    const qualification = graph.qualifications[q]!;
    if (qualification.closed || inProgress.has(q)) return false;
    inProgress.add(q);
    for (const p of graph.prerequisites[q]!) if (!add(p, q)) return false;
    gains.push(prerequisiteOf === undefined ? { qual: q } : { qual: q, prerequisiteOf });
    current = closeHeld(graph, current, [q]);
    return true;
  };
  for (const q of edge.requires) if (!add(q)) return undefined;

  let studyMin = 0;
  let studyMax = 0;
  let costMin = 0;
  let costMax = 0;
  let unknownCost = 0;
  let unknownDuration = 0;
  for (const { qual } of gains) {
    const q = graph.qualifications[qual]!;
    if (q.durationMonths) {
      studyMin += q.durationMonths.min;
      studyMax += q.durationMonths.max;
    } else unknownDuration++;
    if (q.cost) {
      costMin += q.cost.min;
      costMax += q.cost.max;
    } else unknownCost++;
  }
  const experience: Range = edge.route.experienceMonths ?? { min: 0, max: 0 };
  // Study and the expected experience run side by side: the step lasts as long as the longer.
  const step: StepMetrics = {
    steps: 1,
    monthsMin: Math.max(experience.min, studyMin),
    monthsMax: Math.max(experience.max, studyMax),
    costMin,
    costMax,
    unknownCost,
    unknownDuration,
    sideways: edge.transition.kind === 'sideways' ? 1 : 0,
  };
  return { gains, held: current, step };
}

function addMetrics(a: StepMetrics, b: StepMetrics): StepMetrics {
  return {
    steps: a.steps + b.steps,
    monthsMin: a.monthsMin + b.monthsMin,
    monthsMax: a.monthsMax + b.monthsMax,
    costMin: a.costMin + b.costMin,
    costMax: a.costMax + b.costMax,
    unknownCost: a.unknownCost + b.unknownCost,
    unknownDuration: a.unknownDuration + b.unknownDuration,
    sideways: a.sideways + b.sideways,
  };
}

const NO_METRICS: StepMetrics = {
  steps: 0,
  monthsMin: 0,
  monthsMax: 0,
  costMin: 0,
  costMax: 0,
  unknownCost: 0,
  unknownDuration: 0,
  sideways: 0,
};

/** Finds the best route from one role to another. */
export function searchRoute(graph: PlanningGraph, from: number, to: number, options: SearchOptions): SearchResult {
  const score = SCORE[options.optimise];
  const start: Label = {
    role: from,
    held: closeHeld(graph, 0n, [...options.have, ...graph.roles[from]!.holds.map((id) => graph.qualIndex.get(id)!)]),
    totals: NO_METRICS,
    score: score(NO_METRICS),
    trail: graph.roles[from]!.id,
    gains: [],
  };
  const queue = new Heap<Label>(compareLabels);
  queue.push(start);
  const settled: bigint[][] = graph.roles.map(() => []);
  const reached = new Map<number, Label>();

  while (queue.size > 0) {
    const label = queue.pop()!;
    const atRole = settled[label.role]!;
    if (atRole.some((held) => (held & label.held) === label.held)) continue;
    atRole.push(label.held);
    if (!reached.has(label.role)) reached.set(label.role, label);
    if (label.role === to) return { best: label, reached };

    // No check against revisiting a role: a loop only adds steps, so the best route found is simple.
    for (const edge of graph.out[label.role]!) {
      const taken = evaluateRoute(graph, edge, label.held);
      if (!taken) continue;
      if (settled[edge.to]!.some((held) => (held & taken.held) === taken.held)) continue;
      const totals = addMetrics(label.totals, taken.step);
      queue.push({
        role: edge.to,
        held: taken.held,
        totals,
        score: score(totals),
        trail: `${label.trail}>${graph.roles[edge.to]!.id}#${edge.routeId}`,
        parent: label,
        edge,
        gains: taken.gains,
        step: taken.step,
      });
    }
  }
  return { reached };
}

/** The labels from the start to this one. */
export function labelPath(label: Label): Label[] {
  const path: Label[] = [];
  for (let l: Label | undefined = label; l; l = l.parent) path.push(l);
  return path.reverse();
}

/** A binary min-heap. */
export class Heap<T> {
  private items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
