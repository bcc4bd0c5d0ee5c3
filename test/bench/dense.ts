/**
 * The reliability review's dense graph (300 roles with 60 moves each, 200 qualifications, and an
 * island no move reaches) through the built CLI: every query with 20 alternatives must answer in
 * under 2 s and 300 MB, and the unreachable goal in under 100 ms of planning. The baseline, in the
 * same run, is `show` on the same file: the same start-up and cached load, no planning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../src/dataset/load';
import { buildGraph } from '../../src/planner/graph';
import { planRoute } from '../../src/planner/plan';
import { reviewGraph } from './review-graph';

export interface Figure {
  name: string;
  value: number;
  unit: 'x' | 'ms' | 'MB';
  target: number;
  /** The target is a floor (what a patch must buy), not a ceiling. */
  atLeast?: boolean;
  detail: string;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** The queries: every objective, a waypoint, constraints, and the island. */
const QUERIES: string[][] = [
  ['--from', 'r0', '--to', 'r7'],
  ['--from', 'r0', '--to', 'r7', '--optimise', 'time'],
  ['--from', 'r0', '--to', 'r7', '--optimise', 'cost'],
  ['--from', 'r0', '--to', 'r7', '--optimise', 'steps'],
  ['--from', 'r3', '--to', 'r250', '--optimise', 'cost'],
  ['--from', 'r0', '--to', 'r7', '--via', 'r5'],
  ['--from', 'r0', '--to', 'r150', '--via', 'r299', '--optimise', 'cost'],
  ['--from', 'r10', '--to', 'r200', '--avoid', 'r5', '--max-months', '30', '--no-degree'],
  ['--from', 'r0', '--to', 'island'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function denseGraphFigures(options: { bin: string; env: NodeJS.ProcessEnv; work: string; runs: number; record: (f: Figure) => void }) {
  const { bin, work, runs, record } = options;
  const file = join(work, 'dense-300.json');
  writeFileSync(file, JSON.stringify(reviewGraph({ roles: 300, deg: 60, quals: 200, island: true })));
  const env = { ...options.env, XDG_CACHE_HOME: join(work, 'dense-cache') };
  const timed = existsSync('/usr/bin/time');
  const run = (args: string[]): Run => {
    const command = timed ? '/usr/bin/time' : process.execPath;
    const argv = timed ? ['-f', '%e %U %S %M', process.execPath, bin, ...args] : [bin, ...args];
    const start = process.hrtime.bigint();
    const out = spawnSync(command, argv, { env, encoding: 'utf8' });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const last = out.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return timed ? { wallMs, cpuMs: (last[1]! + last[2]!) * 1000, rssMb: last[3]! / 1024 } : { wallMs, cpuMs: NaN, rssMb: NaN };
  };
  const load = ['show', 'island', '--data', file];
  run(load); // fill the cache, as a second run of any command finds it
  console.log(`\nThe review's dense graph: 301 roles, 18,000 moves, 200 qualifications (${file})`);

  let slowest = { wall: 0, ratio: 0, query: '' };
  let largest = { rss: 0, query: '' };
  for (const query of QUERIES) {
    const args = ['plan', '--data', file, ...query, '--alternatives', '20', '--format', 'json'];
    const base: Run[] = [];
    const plans: Run[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(run(load));
      plans.push(run(args));
    }
    const wall = median(plans.map((p) => p.wallMs));
    const ratio = median(plans.map((p, i) => p.wallMs / base[i]!.wallMs));
    const rss = Math.max(...plans.map((p) => p.rssMb));
    const label = query.join(' ');
    console.log(
      `  ${label.padEnd(70)} ${wall.toFixed(0).padStart(6)} ms (cpu ${median(plans.map((p) => p.cpuMs)).toFixed(0)} ms), ` +
        `${ratio.toFixed(2)}x load alone (${median(base.map((b) => b.wallMs)).toFixed(0)} ms), peak RSS ${rss.toFixed(0)} MB`,
    );
    if (wall > slowest.wall) slowest = { wall, ratio, query: label };
    if (rss > largest.rss) largest = { rss, query: label };
  }
  record({
    name: 'dense 300/18k: slowest query, 20 alternatives (wall)',
    value: slowest.wall,
    unit: 'ms',
    target: 2000,
    detail: `${slowest.ratio.toFixed(2)}x load alone; ${slowest.query}; median of ${runs}`,
  });
  if (timed) record({ name: 'dense 300/18k: largest peak RSS', value: largest.rss, unit: 'MB', target: 300, detail: largest.query });

  // The unreachable goal: the plan's time beyond the load, paired, and the planner alone in-process.
  const island = ['plan', '--data', file, '--from', 'r0', '--to', 'island', '--alternatives', '20'];
  const extra: number[] = [];
  for (let i = 0; i < runs * 3; i++) {
    const b = run(load);
    extra.push(run(island).wallMs - b.wallMs);
  }
  const dataset = await readDataset({ dataFiles: [file], env });
  const graph = buildGraph(dataset);
  const start = performance.now();
  const answer = planRoute(graph, { from: 'r0', to: 'island', have: [], optimise: 'realistic', alternatives: 20 });
  const inProcess = performance.now() - start;
  if (answer.kind !== 'no-route') throw new Error('the island was reached');
  record({
    name: 'dense 300/18k: unreachable goal, plan minus load alone',
    value: Math.max(0, median(extra)),
    unit: 'ms',
    target: 100,
    detail: `median of ${extra.length} pairs; planRoute in-process, first call: ${inProcess.toFixed(1)} ms`,
  });
}
