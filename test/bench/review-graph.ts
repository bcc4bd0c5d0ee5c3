/**
 * The reliability review's synthetic `--data` files (its generator, gen.py, ported): `roles`
 * roles with `deg` random moves each, every route requiring `reqs` of `quals` random
 * qualifications, and with `island` a role no move leads to. Seeded with the bench's own PRNG,
 * so the files have the same shape as the review's, not the same bytes. Run on its own it writes
 * one file:
 *
 *   npx tsx test/bench/review-graph.ts --roles 300 --deg 60 --quals 200 --island --out d300i.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { random } from './synthetic';

export interface ReviewGraphOptions {
  roles: number;
  deg: number;
  quals: number;
  routes?: number;
  reqs?: number;
  seed?: number;
  /** An overlay (layered on the shipped data) instead of a dataset of its own. */
  overlay?: boolean;
  /** Moves only go to higher-numbered roles. */
  dag?: boolean;
  /** experienceMonths on every route; the moves are then "up" moves. */
  exp?: number;
  /** A role "island" that no move leads to. */
  island?: boolean;
}

/** The file's content, as the generator writes it (a plain object for JSON.stringify). */
export function reviewGraph(o: ReviewGraphOptions): Record<string, unknown> {
  const rnd = random(o.seed ?? 1);
  const below = (n: number) => Math.floor(rnd() * n);
  const between = (lo: number, hi: number) => lo + below(hi - lo + 1);
  const routesPerMove = o.routes ?? 1;
  const reqs = o.reqs ?? 1;
  const qualifications = Array.from({ length: o.quals }, (_, i) => ({
    id: `q${i}`,
    name: `Q${i}`,
    kind: 'award',
    summary: 's',
    durationMonths: { min: between(0, 6), max: between(6, 12) },
    cost: { min: 0, max: between(0, 900) },
    sources: ['S'],
  }));
  const roles: Record<string, unknown>[] = Array.from({ length: o.roles }, (_, i) => ({
    id: `r${i}`,
    name: `R${i}`,
    sector: 'nhs',
    summary: 's',
    entry: i === 0,
    sources: ['S'],
  }));
  const transitions: Record<string, unknown>[] = [];
  for (let i = 0; i < o.roles; i++) {
    const targets = new Set<number>();
    const want = Math.min(o.deg, o.roles - 1 - (o.dag ? i : 0));
    while (targets.size < want) {
      const j = o.dag ? between(i + 1, o.roles - 1) : below(o.roles);
      if (j !== i) targets.add(j);
    }
    for (const j of [...targets].sort((a, b) => a - b)) {
      const routes = Array.from({ length: routesPerMove }, () => ({
        ...(o.quals && reqs ? { requires: Array.from({ length: reqs }, () => `q${below(o.quals)}`) } : {}),
        ...(o.exp !== undefined ? { experienceMonths: o.exp } : {}),
      }));
      // Up moves must now state their time in post; the review's files, made before that rule, had
      // none, which planned as no time at all: a sideways move between roles without levels does the same.
      transitions.push({ from: `r${i}`, to: `r${j}`, kind: o.exp === undefined ? 'sideways' : 'up', routes, sources: ['S'] });
    }
  }
  if (o.island) roles.push({ id: 'island', name: 'Island', sector: 'nhs', summary: 's', sources: ['S'] });
  return {
    ...(o.overlay ? { overlay: { name: 'synthetic' } } : { dataset: { name: 'synthetic', version: '1', updated: '2026-01-01' } }),
    sources: [{ id: 'S', title: 't', publisher: 'p', reviewed: '2026-01-01' }],
    qualifications,
    roles,
    transitions,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      roles: { type: 'string', default: '2000' },
      deg: { type: 'string', default: '10' },
      quals: { type: 'string', default: '50' },
      routes: { type: 'string', default: '1' },
      reqs: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      exp: { type: 'string' },
      overlay: { type: 'boolean' },
      dag: { type: 'boolean' },
      island: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out FILE is required');
  const data = reviewGraph({
    roles: Number(values.roles),
    deg: Number(values.deg),
    quals: Number(values.quals),
    routes: Number(values.routes),
    reqs: Number(values.reqs),
    seed: Number(values.seed),
    ...(values.exp !== undefined ? { exp: Number(values.exp) } : {}),
    overlay: values.overlay === true,
    dag: values.dag === true,
    island: values.island === true,
  });
  const text = JSON.stringify(data);
  writeFileSync(values.out, text);
  console.log(values.out, text.length, 'bytes', (data.transitions as unknown[]).length, 'transitions');
}
