/**
 * `npm run fuzz:hunt -- --runs 50000 --seed 7`: the loader fuzz (test/fuzz/loader-fuzz.ts) for as
 * long as you like, from any seed. Prints the figures; on a failure, fast-check's shrunk
 * counterexample and the seed and path to replay it, and exits 1.
 */
import { parseArgs } from 'node:util';
import { fuzzLoader, TARGETS } from './loader-fuzz';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run fuzz:hunt -- [--runs N] [--seed S]   (defaults: 5000 runs, a time-based seed)');
  process.exit(0);
}
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('--runs must be a positive whole number and --seed a whole number');
  process.exit(2);
}
console.log(`fuzzing the loader: ${runs} cases, seed ${seed}, targets: ${TARGETS.join(', ')}`);
try {
  const summary = fuzzLoader({ runs, seed });
  const { valid, refused, located } = summary.outcomes;
  console.log(
    `ok: ${summary.runs} cases in ${summary.seconds.toFixed(1)} s (${((summary.seconds * 1000) / summary.runs).toFixed(1)} ms each); ` +
      `${valid} valid, ${located} with located problems, ${refused} refused whole; slowest case ${summary.slowestMs.toFixed(0)} ms`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
