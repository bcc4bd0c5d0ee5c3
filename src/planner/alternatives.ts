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
  const choice = new AlternativeChoice(best, rivals, wanted, describe, isRegistered);
  // Each choice runs the searches it needs first; once enough are shown the rest never run.
  for (const choose of CHOICES) {
    if (choice.full()) break;
    choose(choice);
  }
  return choice.described();
}

/** The reasons to show a route, in the order they are tried. */
const CHOICES: Array<(choice: AlternativeChoice) => void> = [
  // An indicative best route is shown with the best one that rests on firmer sources.
  (choice) => {
    if (choice.shown[0]!.indicative)
      choice.take(
        bestBy(
          REALISTIC,
          choice.upTo().filter((c) => !c.indicative),
        ),
        'firmer-sources',
      );
  },
  (choice) => {
    const fastest = bestBy(
      FASTEST,
      choice.upTo('time').filter((c) => c.totals.unknownDuration === 0),
    );
    if (choice.beatsShown(fastest, FASTEST)) choice.take(fastest, 'fastest');
  },
  // The earn-while-learning search ranks realistically, not by REALISTIC's order, so this needs every route.
  (choice) => {
    if (choice.shown.every((s) => s.totals.leavesPaidWork > 0)) {
      choice.take(
        bestBy(
          REALISTIC,
          choice.upTo().filter((c) => c.totals.leavesPaidWork === 0),
        ),
        'earn-while-learning',
      );
    }
  },
  // Only a route whose whole cost is known can be called the cheapest.
  (choice) => {
    const cheapest = bestBy(
      CHEAPEST,
      choice.upTo('cost').filter((c) => c.totals.unknownCost === 0),
    );
    const cheaper = (s: Candidate) => s.totals.unknownCost > 0 || compareScores(CHEAPEST(cheapest!.totals), CHEAPEST(s.totals)) < 0;
    if (cheapest && choice.shown.every(cheaper)) choice.take(cheapest, 'cheapest');
  },
  (choice) => {
    const fewest = bestBy(FEWEST, choice.upTo('steps'));
    if (choice.beatsShown(fewest, FEWEST)) choice.take(fewest, 'fewest-moves');
  },
  (choice) => {
    const first = choice.shown[0]!;
    // A registered role on the way (nursing associate on the way to nurse) is worth showing when it is not much longer.
    const onTheWay = choice.upTo().filter((c) => c.registersOnTheWay && c.totals.weighted <= ON_THE_WAY_LIMIT * first.totals.weighted);
    if (!choice.shown.some((s) => s.registersOnTheWay)) choice.take(bestBy(REALISTIC, onTheWay), 'registers-on-the-way');
    // A route whose length no source gives is listed, not silently ranked out, when its known part is shorter.
    if (first.totals.unknownDuration === 0) {
      const unknown = bestBy(
        FASTEST_KNOWN_PART,
        choice.options.filter((c) => c.totals.unknownDuration > 0),
      );
      if (unknown && unknown.totals.monthsTypical < first.totals.monthsTypical) choice.take(unknown, 'time-unknown');
    }
    for (const c of choice.options) choice.take(c, 'next-best');
  },
];

/** The routes shown so far (the best first), and the rivals' routes not yet shown. */
class AlternativeChoice {
  readonly shown: Candidate[];
  /** Every distinct route the rivals run so far have found, in the order found. */
  readonly options: Candidate[] = [];
  private readonly reasonsOf = new Map<Candidate, RouteReason[]>();
  private readonly seen: Set<string>;
  /** How many rivals have run. */
  private ran = 0;

  constructor(
    best: Label,
    private readonly rivals: readonly Rival[],
    private readonly wanted: number,
    private readonly describe: (label: Label) => PlannedRoute,
    private readonly isRegistered: (role: number) => boolean,
  ) {
    this.shown = [this.candidate(best)];
    this.seen = new Set([this.shown[0]!.key]);
  }

  full(): boolean {
    return this.shown.length > this.wanted;
  }

  /** Runs the rival searches up to and including `kind` (all of them when absent); returns the candidates so far. */
  upTo(kind?: RivalKind): Candidate[] {
    const last = kind === undefined ? RIVAL_ORDER.length : RIVAL_ORDER.indexOf(kind);
    for (; this.ran < this.rivals.length && RIVAL_ORDER.indexOf(this.rivals[this.ran]!.kind) <= last; this.ran++) {
      for (const label of this.rivals[this.ran]!.run()) {
        const c = this.candidate(label);
        if (this.seen.has(c.key)) continue;
        this.seen.add(c.key);
        this.options.push(c);
      }
    }
    return this.options;
  }

  /** Shows `c` for `reason`, unless there is no room, it is shown already, or a shown route covers it. */
  take(c: Candidate | undefined, reason: RouteReason): void {
    if (!c || this.full() || this.shown.includes(c) || this.shown.some((s) => covers(s, c))) return;
    this.shown.push(c);
    this.reasonsOf.set(c, [reason]);
  }

  /** True when `c` beats every route shown on `measure`. */
  beatsShown(c: Candidate | undefined, measure: (m: StepMetrics) => number[]): boolean {
    return c !== undefined && this.shown.every((s) => compareScores(measure(c.totals), measure(s.totals)) < 0);
  }

  /** The chosen alternatives (all but the best), described, each with its reasons. */
  described(): PlannedRoute[] {
    return this.shown.slice(1).map((c) => {
      const route = this.describe(c.label);
      route.reasons = this.reasonsOf.get(c)!;
      return route;
    });
  }

  private candidate(label: Label): Candidate {
    const path = labelPath(label);
    const quals = new Set(path.flatMap((l) => l.gains.map((g) => g.qual)));
    return {
      label,
      key: `${path.map((l) => l.role).join('>')}|${[...quals].sort((a, b) => a - b).join(',')}`,
      quals,
      totals: label.totals,
      registersOnTheWay: path.slice(1, -1).some((l) => this.isRegistered(l.role)),
      indicative: this.describe(label).indicative,
    };
  }
}

function bestBy(measure: (m: StepMetrics) => number[], among: Candidate[]): Candidate | undefined {
  return [...among].sort((a, b) => compareScores(measure(a.totals), measure(b.totals)))[0];
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
