/**
 * The loader fuzz as vitest tests: FUZZ_SHARDS test files sharing FUZZ_RUNS cases, so vitest spreads
 * them over its workers. `npm test` runs a few hundred to keep the loop fast; `npm run fuzz` (and
 * CI) the full 2,400. Seeds are fixed (the base seed plus the shard number), so runs are
 * reproducible; FUZZ_SEED changes them, and `npm run fuzz:hunt -- --runs N --seed S` runs any
 * number in one process.
 */
import { expect, it } from 'vitest';
import { fuzzLoader } from './loader-fuzz';

export const FUZZ_SHARDS = 4;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS_PER_SHARD = Math.ceil(Number(process.env.FUZZ_RUNS ?? 200) / FUZZ_SHARDS);

/** Declares shard `shard` (1-based) of the fuzz as one test. */
export function fuzzShard(shard: number): void {
  const seed = BASE_SEED + shard - 1;
  it(`${RUNS_PER_SHARD} mutated shipped files and overlays (seed ${seed}): a valid dataset or located problems, never a crash or a hang`, {
    timeout: 180_000,
  }, () => {
    const summary = fuzzLoader({ runs: RUNS_PER_SHARD, seed });
    // Both outcomes happen, so the mutations reach past the parser into validation.
    expect(summary.outcomes.valid).toBeGreaterThan(0);
    expect(summary.outcomes.located).toBeGreaterThan(0);
    console.log(
      `loader fuzz shard ${shard}/${FUZZ_SHARDS}: ${summary.runs} cases, seed ${seed}, ${summary.seconds.toFixed(1)} s; ` +
        `${summary.outcomes.valid} valid, ${summary.outcomes.located} located, ${summary.outcomes.refused} refused whole; slowest ${summary.slowestMs.toFixed(0)} ms`,
    );
  });
}
