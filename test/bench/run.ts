/**
 * `npm run bench`: start-up and planner figures as ratios against baselines taken in the same run,
 * paired A B A B so machine noise hits both sides. Exits 1 when a target is missed. Not part of
 * `npm test` (timing belongs here, never in unit tests).
 *
 *   npm run bench                 # everything
 *   npm run bench -- --quick      # fewer pairs, no 100k graph
 *   npm run bench -- --dense      # only issue 18's: the review's dense graph, every shipped question
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DirectedGraph } from 'graphology';
import { bidirectional as roleOnlyBidirectional } from 'graphology-shortest-path/dijkstra';
import dijkstra from 'graphology-shortest-path/dijkstra';
import { stringify } from 'yaml';
import type { Dataset } from '../../src/domain/types';
import { buildGraph } from '../../src/planner/graph';
import { searchRoutes } from '../../src/planner/search';
import { denseGraphFigures, type Figure } from './dense';
import { shippedPairsFigures } from './shipped-pairs';
import { random, syntheticDataset } from './synthetic';

const quick = process.argv.includes('--quick');
const denseOnly = process.argv.includes('--dense');
const PAIRS = quick ? 10 : 21;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/careerpath.js');
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
// Node 20 parses NODE_EXTRA_CA_CERTS at every start (+35–50 ms), which would drown the ratios.
delete env.NODE_EXTRA_CA_CERTS;

const figures: Figure[] = [];
const met = (f: Figure) => (f.atLeast ? f.value >= f.target : f.value <= f.target);
const record = (f: Figure) => {
  figures.push(f);
  const ok = met(f) ? 'ok  ' : 'MISS';
  console.log(`${ok} ${f.name.padEnd(62)} ${f.value.toFixed(2).padStart(8)}${f.unit}  (target ${f.atLeast ? '≥' : '≤'} ${f.target}${f.unit})  ${f.detail}`);
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' });
  if (run.status !== 0 && !args.includes('-e')) throw new Error(`${args.join(' ')} exited ${run.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** Median of per-pair ratios B/A (and of the differences B − A, in ms) over PAIRS pairs, with min and max. */
function paired(a: () => number, b: () => number, before?: () => void): { ratio: number; differenceMs: number; detail: string } {
  const ratios: number[] = [];
  const differences: number[] = [];
  a();
  b(); // warm the file cache
  for (let i = 0; i < PAIRS; i++) {
    before?.();
    const ta = a();
    before?.();
    const tb = b();
    ratios.push(tb / ta);
    differences.push(tb - ta);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  return {
    ratio: median(ratios),
    differenceMs: median(differences),
    detail: `median of ${PAIRS} pairs, min ${sorted[0]!.toFixed(2)} max ${sorted.at(-1)!.toFixed(2)}`,
  };
}

function peakRssKb(args: string[]): number | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const out = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8' });
  return Number(out.stderr.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------- start-up
const floor = () => time(['-e', '0']);
const work = mkdtempSync(join(tmpdir(), 'careerpath-bench-'));

function startupFigures() {
  const planArgs = [BIN, 'plan', '--from', 'care worker', '--to', 'registered manager'];
  {
    const r = paired(floor, () => time(planArgs));
    record({ name: 'plan care worker → registered manager vs node -e 0', value: r.ratio, unit: 'x', target: 2.0, detail: r.detail });
  }
  {
    const r = paired(floor, () => time([BIN, '--help']));
    record({ name: 'careerpath --help vs node -e 0', value: r.ratio, unit: 'x', target: 1.6, detail: r.detail });
  }
  {
    const base = median(Array.from({ length: 5 }, () => peakRssKb(['-e', '0']) ?? NaN));
    const plan = median(Array.from({ length: 5 }, () => peakRssKb(planArgs) ?? NaN));
    if (Number.isNaN(base)) console.log('skip peak RSS: /usr/bin/time is not installed (apt-get install time)');
    else
      record({
        name: 'peak RSS of that plan vs node -e 0',
        value: plan / base,
        unit: 'x',
        target: 1.5,
        detail: `${(plan / 1024).toFixed(1)} MB vs ${(base / 1024).toFixed(1)} MB, median of 5`,
      });
  }
  patchFigure(planArgs);

  // A 1k-role YAML dataset, as an employer's --data file would be.
  const yamlFile = join(work, 'synthetic-1k.yaml');
  const small = syntheticDataset(1000, 7);
  // Written as people write YAML: defaults (empty lists, high confidence, entry: false) left out.
  const withoutDefaults = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_key, v) => {
        if ((Array.isArray(v) && v.length === 0) || v === 'high' || v === false) return undefined;
        if (Array.isArray(v) && v.length === 1 && v[0] === 'england') return undefined; // nations: the default
        // A range of one figure is written as the figure (12, not {min: 12, max: 12}).
        if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && v.min === v.max && v.min !== undefined) return v.min;
        return v;
      }),
    );
  writeFileSync(
    yamlFile,
    stringify(
      withoutDefaults({
        dataset: small.meta,
        sources: small.sources,
        qualifications: small.qualifications,
        roles: small.roles,
        transitions: small.transitions,
      }),
    ),
  );
  const cacheHome = join(work, 'cache');
  const dataPlan = [BIN, 'plan', '--data', yamlFile, '--from', 'r0', '--to', 'r999'];
  {
    time(dataPlan, { XDG_CACHE_HOME: cacheHome }); // fill the cache
    const r = paired(floor, () => time(dataPlan, { XDG_CACHE_HOME: cacheHome }));
    record({ name: 'plan with --data 1k-role YAML, cached, vs node -e 0', value: r.ratio, unit: 'x', target: 3.0, detail: r.detail });
  }
  {
    const yamlAlone = [
      '-e',
      `require(${JSON.stringify(join(ROOT, 'node_modules/yaml'))}).parse(require('fs').readFileSync(${JSON.stringify(yamlFile)},'utf8'))`,
    ];
    const pairs = quick ? 3 : 5;
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      const ty = time(yamlAlone);
      const tc = time(dataPlan, { XDG_CACHE_HOME: join(work, `empty-${i}`) });
      ratios.push(tc / ty);
    }
    record({
      name: 'same, first run (cache empty), vs yaml.parse of that file alone',
      value: median(ratios),
      unit: 'x',
      target: 1.2,
      detail: `median of ${pairs} pairs`,
    });
  }
}

// ---------------------------------------------------------------- the planner at scale
function roleOnlyGraph(data: Dataset) {
  const g = new DirectedGraph();
  for (const r of data.roles) g.addNode(r.id);
  for (const t of data.transitions) if (!g.hasEdge(t.from, t.to)) g.addEdge(t.from, t.to, { weight: 1 });
  return g;
}

function queryPairs(n: number, count: number): [number, number][] {
  const rnd = random(42);
  return Array.from({ length: count }, () => [Math.floor(rnd() * (n / 10)), Math.floor(n / 2 + rnd() * (n / 2))]);
}

function scale(n: number, checkTargets: boolean) {
  const data = syntheticDataset(n, 1);
  const json = JSON.stringify(data);
  let t = performance.now();
  const parsed = JSON.parse(json) as Dataset;
  const parseMs = performance.now() - t;
  t = performance.now();
  const graph = buildGraph(parsed);
  const buildMs = performance.now() - t;
  const pairs = queryPairs(n, quick ? 5 : 11);
  // Warm both sides once (JIT), then measure.
  searchRoutes(graph, pairs[0]![0], pairs[0]![1], { optimise: 'steps', have: [] });
  const best: number[] = [];
  const alt5: number[] = [];
  const alt10: number[] = [];
  for (const [a, b] of pairs) {
    t = performance.now();
    searchRoutes(graph, a, b, { optimise: 'steps', have: [] });
    best.push(performance.now() - t);
    t = performance.now();
    searchRoutes(graph, a, b, { optimise: 'steps', have: [], k: 6 });
    alt5.push(performance.now() - t);
    t = performance.now();
    searchRoutes(graph, a, b, { optimise: 'steps', have: [], k: 11 });
    alt10.push(performance.now() - t);
  }
  const rg = roleOnlyGraph(parsed);
  const base: number[] = [];
  const baseBi: number[] = [];
  for (const [a, b] of pairs) {
    t = performance.now();
    dijkstra.singleSource(rg, `r${a}`);
    base.push(performance.now() - t);
    t = performance.now();
    roleOnlyBidirectional(rg, `r${a}`, `r${b}`);
    baseBi.push(performance.now() - t);
  }
  const mb = process.memoryUsage().rss / 1e6;
  console.log(
    `\n${n.toLocaleString('en-GB')} roles, ${parsed.transitions.length.toLocaleString('en-GB')} transitions: JSON.parse ${parseMs.toFixed(0)} ms, ` +
      `graph build ${buildMs.toFixed(0)} ms; per query (median of ${pairs.length}): best ${median(best).toFixed(1)} ms, ` +
      `5 alternatives ${median(alt5).toFixed(1)} ms, 10 alternatives ${median(alt10).toFixed(1)} ms; role-only graphology ` +
      `Dijkstra ${median(base).toFixed(1)} ms, bidirectional ${median(baseBi).toFixed(1)} ms; RSS ${mb.toFixed(0)} MB`,
  );
  record({
    name: `${n / 1000}k: best route vs role-only Dijkstra (graphology)`,
    value: median(best) / median(base),
    unit: 'x',
    target: 3,
    detail: 'issue 4 target',
  });
  record({
    name: `${n / 1000}k: 5 alternatives vs role-only Dijkstra (graphology)`,
    value: median(alt5) / median(base),
    unit: 'x',
    target: 10,
    detail: 'issue 4 target',
  });
  if (!checkTargets) return;
  record({ name: `${n / 1000}k: best-route query after load`, value: median(best), unit: 'ms', target: 10, detail: '' });
  record({ name: `${n / 1000}k: --alternatives 10`, value: median(alt10), unit: 'ms', target: 50, detail: '' });
  record({
    name: `${n / 1000}k: best route vs graphology dijkstra.bidirectional`,
    value: median(best) / median(baseBi),
    unit: 'x',
    target: 1.0,
    detail: 'role-only baseline',
  });
  record({ name: `${n / 1000}k: building the graph vs JSON.parse of the same data`, value: buildMs / parseMs, unit: 'x', target: 0.25, detail: '' });
}

/**
 * The same sources built without one of the build's patches (CAREERPATH_BUILD_WITHOUT), in a copy
 * of the project so the real dist/ is left alone; returns the copy's folder.
 */
function buildWithout(patch: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'careerpath-bench-build-'));
  for (const entry of ['package.json', 'bin', 'src', 'data']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  execFileSync(process.execPath, [join(copy, 'src/tools/build.mjs')], { env: { ...process.env, CAREERPATH_BUILD_WITHOUT: patch }, stdio: 'inherit' });
  return copy;
}

/** What the build's one dependency patch buys: the headline plan built without it, minus with it. */
function patchFigure(planArgs: string[]) {
  const copy = buildWithout('skip-cli-table3-debug-truncate');
  const unpatched = [join(copy, 'bin/careerpath.js'), ...planArgs.slice(1)];
  const r = paired(
    () => time(planArgs),
    () => time(unpatched),
  );
  record({
    name: 'cli-table3 patch: that plan built without it, minus with it',
    value: r.differenceMs,
    unit: 'ms',
    target: 5,
    atLeast: true,
    detail: `without/with ${r.ratio.toFixed(2)}x, ${r.detail}; a patch that buys under 5 ms goes`,
  });
  rmSync(copy, { recursive: true, force: true });
}

async function main() {
  console.log(
    `careerpath benchmark (${denseOnly ? 'dense graph and shipped questions only' : quick ? 'quick' : 'full'}), Node ${process.version}, NODE_EXTRA_CA_CERTS unset\n`,
  );
  if (!denseOnly) {
    startupFigures();
    scale(1000, false);
    scale(10000, false);
    if (!quick) scale(100000, true);
  }
  await denseGraphFigures({ bin: BIN, env, work, runs: quick ? 3 : 5, record });
  if (!quick || denseOnly) await shippedPairsFigures(record);
  summary();
}

function summary() {
  const missed = figures.filter((f) => !met(f));
  console.log(
    `\n${figures.length - missed.length} of ${figures.length} targets met${missed.length ? `; missed: ${missed.map((f) => f.name).join('; ')}` : ''}`,
  );
  console.log(
    `(git ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()}, ${new Date().toISOString().slice(0, 10)})`,
  );
  process.exitCode = missed.length > 0 ? 1 : 0;
}

main();
