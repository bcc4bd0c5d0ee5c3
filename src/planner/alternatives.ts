/**
 * Which alternatives a plan shows, and why. An alternative is worth reading only when it is best
 * at something the routes already shown are not (faster, earns while learning, cheaper, fewer job
 * changes, a registered role on the way, or a length no source gives), and never when a route
 * already shown needs no more qualifications and is at least as good on every measure.
 *
 * The candidates come from rival searches, each run only when a choice needs it: "fastest" needs
 * only the search ranked by time (it finds the fastest route there is, so later searches cannot
 * beat it, and a tie goes to the earlier one), "cheapest" only those up to the search by cost, and
 * so on; once enough alternatives are chosen the rest never run. The choice is the same as with
 * every search run first, and a default plan does half the searching.
 */
import { compareScores, type StepMetrics } from './metrics';
import { labelPath, type Label } from './search';
import type { PlannedRoute, RouteReason } from './types';

/** The rival searches, in the order their routes join the pool (ties go to the earlier). */
export const RIVAL_ORDER = ['time', 'cost', 'steps', 'earn-while-learning', 'avoid-main-gains', 'step-off'] as const;
export type RivalKind = (typeof RIVAL_ORDER)[number];

/** One rival search, not yet run. */
export interface Rival {
  kind: RivalKind;
  run: () => Label[];
}

interface Candidate {
  label: Label;
  key: string;
  quals: Set<number>;
  totals: StepMetrics;
  /** Intermediate roles on the route that need registration. */
  registersOnTheWay: boolean;
  /** Some fact on the route is low confidence. */
  indicative: boolean;
}

/**
 * Picks up to `wanted` alternatives to `best` from the rivals' routes, each with its reasons.
 * `rivals` must be in RIVAL_ORDER (a search that cannot differ from the best may be left out).
 */
export function chooseAlternatives(
  best: Label,
  rivals: readonly Rival[],
  wanted: number,
  describe: (label: Label) => PlannedRoute,
  isRegistered: (role: number) => boolean = () => false,
): PlannedRoute[] {
  const candidate = (label: Label): Candidate => {
    const path = labelPath(label);
    const quals = new Set(path.flatMap((l) => l.gains.map((g) => g.qual)));
    return {
      label,
      key: `${path.map((l) => l.role).join('>')}|${[...quals].sort((a, b) => a - b).join(',')}`,
      quals,
      totals: label.totals,
      registersOnTheWay: path.slice(1, -1).some((l) => isRegistered(l.role)),
      indicative: describe(label).indicative,
    };
  };
  const shown = [candidate(best)];
  const reasonsOf = new Map<Candidate, RouteReason[]>();
  const seen = new Set([shown[0]!.key]);
  const options: Candidate[] = [];
  let ran = 0;
  /** Runs the rival searches up to and including `kind` (all of them when absent); returns the candidates so far. */
  const upTo = (kind?: RivalKind): Candidate[] => {
    const last = kind === undefined ? RIVAL_ORDER.length : RIVAL_ORDER.indexOf(kind);
    for (; ran < rivals.length && RIVAL_ORDER.indexOf(rivals[ran]!.kind) <= last; ran++) {
      for (const label of rivals[ran]!.run()) {
        const c = candidate(label);
        if (seen.has(c.key)) continue;
        seen.add(c.key);
        options.push(c);
      }
    }
    return options;
  };
  const full = () => shown.length > wanted;
  const dominated = (c: Candidate) => shown.some((s) => covers(s, c));
  const take = (c: Candidate | undefined, reason: RouteReason) => {
    if (!c || shown.length > wanted || shown.includes(c) || dominated(c)) return;
    shown.push(c);
    reasonsOf.set(c, [reason]);
  };
  const bestBy = (measure: (m: StepMetrics) => number[], among: Candidate[]) =>
    [...among].sort((a, b) => compareScores(measure(a.totals), measure(b.totals)))[0];
  const beatsShown = (c: Candidate | undefined, measure: (m: StepMetrics) => number[]) =>
    c !== undefined && shown.every((s) => compareScores(measure(c.totals), measure(s.totals)) < 0);

  // Each choice runs the searches it needs first; once enough are shown the rest never run.
  // An indicative best route is shown with the best one that rests on firmer sources.
  if (shown[0]!.indicative)
    take(
      bestBy(
        REALISTIC,
        upTo().filter((c) => !c.indicative),
      ),
      'firmer-sources',
    );
  if (full()) return described(shown, reasonsOf, describe);
  const fastest = bestBy(
    FASTEST,
    upTo('time').filter((c) => c.totals.unknownDuration === 0),
  );
  if (beatsShown(fastest, FASTEST)) take(fastest, 'fastest');
  if (full()) return described(shown, reasonsOf, describe);
  // The earn-while-learning search ranks realistically, not by REALISTIC's order, so this needs every route.
  if (shown.every((s) => s.totals.leavesPaidWork > 0))
    take(
      bestBy(
        REALISTIC,
        upTo().filter((c) => c.totals.leavesPaidWork === 0),
      ),
      'earn-while-learning',
    );
  if (full()) return described(shown, reasonsOf, describe);
  // Only a route whose whole cost is known can be called the cheapest.
  const cheapest = bestBy(
    CHEAPEST,
    upTo('cost').filter((c) => c.totals.unknownCost === 0),
  );
  if (cheapest && shown.every((s) => s.totals.unknownCost > 0 || compareScores(CHEAPEST(cheapest.totals), CHEAPEST(s.totals)) < 0)) take(cheapest, 'cheapest');
  if (full()) return described(shown, reasonsOf, describe);
  const fewest = bestBy(FEWEST, upTo('steps'));
  if (beatsShown(fewest, FEWEST)) take(fewest, 'fewest-moves');
  if (full()) return described(shown, reasonsOf, describe);
  // A registered role on the way (nursing associate on the way to nurse) is worth showing when it is not much longer.
  const onTheWay = upTo().filter((c) => c.registersOnTheWay && c.totals.weighted <= ON_THE_WAY_LIMIT * shown[0]!.totals.weighted);
  if (!shown.some((s) => s.registersOnTheWay)) take(bestBy(REALISTIC, onTheWay), 'registers-on-the-way');
  // A route whose length no source gives is listed, not silently ranked out, when its known part is shorter.
  if (shown[0]!.totals.unknownDuration === 0) {
    const unknown = bestBy(
      FASTEST_KNOWN_PART,
      options.filter((c) => c.totals.unknownDuration > 0),
    );
    if (unknown && unknown.totals.monthsTypical < shown[0]!.totals.monthsTypical) take(unknown, 'time-unknown');
  }
  for (const c of options) take(c, 'next-best');
  return described(shown, reasonsOf, describe);
}

/** The chosen alternatives (all but the best), described, each with its reasons. */
function described(shown: Candidate[], reasonsOf: Map<Candidate, RouteReason[]>, describe: (label: Label) => PlannedRoute): PlannedRoute[] {
  return shown.slice(1).map((c) => {
    const route = describe(c.label);
    route.reasons = reasonsOf.get(c)!;
    return route;
  });
}

/** How much longer than the best (ranked months) a route with a registered role on the way may be. */
const ON_THE_WAY_LIMIT = 1.5;

const REALISTIC = (m: StepMetrics) => [m.unknownDuration, m.weighted, m.leavesPaidWork, m.steps];
const FASTEST = (m: StepMetrics) => [m.unknownDuration, m.monthsTypical, m.monthsMax];
const FASTEST_KNOWN_PART = (m: StepMetrics) => [m.monthsTypical, m.monthsMax];
const CHEAPEST = (m: StepMetrics) => [m.unknownCost, m.costMax, m.costMin];
const FEWEST = (m: StepMetrics) => [m.steps];

/** True when `a` needs no qualification `b` does not and is at least as good as `b` on every measure. */
function covers(a: Candidate, b: Candidate): boolean {
  for (const q of a.quals) if (!b.quals.has(q)) return false;
  const x = a.totals;
  const y = b.totals;
  return (
    x.unknownDuration <= y.unknownDuration &&
    x.weighted <= y.weighted &&
    x.monthsTypical <= y.monthsTypical &&
    x.monthsMax <= y.monthsMax &&
    x.unknownCost <= y.unknownCost &&
    x.costMax <= y.costMax &&
    x.steps <= y.steps &&
    x.leavesPaidWork <= y.leavesPaidWork
  );
}
