/**
 * The limits a plan's searches work under, and the budget that counts against them. A dense
 * dataset (hundreds of roles each with dozens of moves, every move needing other qualifications)
 * has more partial routes than any machine can hold: without limits one query took minutes and
 * gigabytes. The label limit is the one meant to close: it counts, so the same question always
 * gets the same answer. Time and memory are backstops for a slow machine.
 */

/** Which limit cut a search short. */
export type SearchLimit = 'labels' | 'time' | 'memory';

export interface SearchLimits {
  /**
   * Partial routes (labels) all of one plan's searches may make together: one for each move
   * weighed from a route settled so far, whether or not it is kept.
   */
  labels: number;
  /** Milliseconds of CPU time all of one plan's searches may take together. */
  milliseconds: number;
  /** Bytes the JavaScript heap may grow by while they run. */
  heapBytes: number;
}

/**
 * The shipped data's hardest question makes under 12,000 labels in one search; on the review's
 * dense graph (300 roles, 18,000 moves) a label costs a few microseconds and at most a few hundred
 * bytes, so 60,000 stay well inside half a second and 100 MB on a quiet machine. The CPU time and
 * heap limits only close first on a slow or busy one.
 */
export const DEFAULT_SEARCH_LIMITS: SearchLimits = { labels: 60_000, milliseconds: 800, heapBytes: 128 * 1024 * 1024 };

/** Labels between looks at the clock and the heap: reading them costs far more than a label. */
const CHECK_EVERY = 1024;

/** What the machine reports: injected by tests, the process's own by default. */
export interface BudgetProbes {
  now: () => number;
  heapUsed: () => number;
}

/**
 * Time is the process's own CPU time, not the clock's: on a crowded machine the clock runs on while
 * the search waits its turn, and the same question would get a different answer.
 */
const processProbes: BudgetProbes = {
  now: () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
  heapUsed: () => process.memoryUsage().heapUsed,
};

/**
 * One plan's budget, shared by its searches (the best route, the rival searches behind the
 * alternatives, the search that explains a missing route). Once a limit is reached every later
 * take() fails, so a search started after it ends at once.
 */
export class SearchBudget {
  /** Labels made so far. */
  made = 0;
  /** The limit that closed, once one has. */
  exceeded: SearchLimit | undefined;
  private readonly deadline: number;
  private readonly heapCeiling: number;

  constructor(
    readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
    private readonly probes: BudgetProbes = processProbes,
  ) {
    this.deadline = probes.now() + limits.milliseconds;
    this.heapCeiling = probes.heapUsed() + limits.heapBytes;
  }

  /** Labels left before the label limit. */
  get left(): number {
    return this.exceeded ? 0 : Math.max(0, this.limits.labels - this.made);
  }

  /** Counts one label about to be made; false (and nothing counted) once a limit is reached. */
  take(): boolean {
    if (this.exceeded) return false;
    if (this.made >= this.limits.labels) return this.close('labels');
    if (this.made % CHECK_EVERY === 0 && this.made > 0) {
      if (this.probes.now() > this.deadline) return this.close('time');
      if (this.probes.heapUsed() > this.heapCeiling) return this.close('memory');
    }
    this.made++;
    return true;
  }

  private close(limit: SearchLimit): false {
    this.exceeded = limit;
    return false;
  }
}
