/**
 * Seeded synthetic datasets for the benchmark: roles on a career "ladder" with most moves between
 * nearby roles, some long jumps, 0–3 required qualifications per move and some prerequisites.
 * Generated, never committed as data.
 */
import type { Dataset, Qualification, Role, Transition } from '../../src/domain/types';

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A dataset of `roleCount` roles with about `perRole` moves each. */
export function syntheticDataset(roleCount: number, seed = 1, perRole = 10): Dataset {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const qualCount = Math.max(20, Math.floor(roleCount / 20));
  const qualifications: Qualification[] = Array.from({ length: qualCount }, (_, i) => {
    const months = 1 + int(24);
    const requires = i > 10 && rnd() < 0.3 ? [`q${int(i)}`] : [];
    return {
      id: `q${i}`,
      name: `Qualification ${i}`,
      aliases: [],
      kind: 'diploma',
      level: 1 + int(7),
      summary: 'synthetic',
      durationMonths: { min: months, max: months + int(6) },
      ...(rnd() < 0.8 ? { cost: { min: int(3000), max: int(3000) + 3000 } } : {}),
      funding: [],
      requires,
      includes: [],
      notes: [],
      nations: ['england'],
      confidence: 'high',
      sources: ['SYN'],
    } satisfies Qualification;
  });
  const levelOf = (i: number) => 1 + Math.floor((i / roleCount) * 8);
  const roles: Role[] = Array.from({ length: roleCount }, (_, i) => ({
    id: `r${i}`,
    name: `Role ${i}`,
    aliases: [],
    sector: 'adult-social-care',
    level: levelOf(i),
    summary: 'synthetic',
    entry: i < 10,
    holds: [],
    notes: [],
    nations: ['england'],
    confidence: 'high',
    sources: ['SYN'],
  }));
  const transitions: Transition[] = [];
  for (let from = 0; from < roleCount; from++) {
    const targets = new Set<number>();
    while (targets.size < perRole) {
      // Most moves go to nearby roles (up or sideways); one in ten is a long jump anywhere.
      const to = rnd() < 0.9 ? from + int(100) - 30 : int(roleCount);
      if (to >= 0 && to < roleCount && to !== from) targets.add(to);
    }
    for (const to of [...targets].sort((a, b) => a - b)) {
      const routeCount = 1 + (rnd() < 0.3 ? 1 : 0);
      transitions.push({
        from: `r${from}`,
        to: `r${to}`,
        // A move down to another level is not sideways (validation keeps sideways moves on one level).
        kind: to > from ? 'up' : levelOf(to) === levelOf(from) ? 'sideways' : 'specialise',
        routes: Array.from({ length: routeCount }, (_, k) => {
          const requires = Array.from(new Set(Array.from({ length: int(4) }, () => `q${int(qualCount)}`)));
          // Up and specialise moves state their experience, as validation requires; sideways moves none.
          const months = 1 + int(24);
          const experience = levelOf(to) !== levelOf(from) || to > from ? { experienceMonths: { min: months, max: months } } : {};
          return { id: `r${k + 1}`, requires, ...experience, notes: [] };
        }),
        nations: ['england'],
        confidence: 'high',
        sources: ['SYN'],
      });
    }
  }
  return {
    meta: { name: `synthetic ${roleCount}`, version: String(seed), updated: '2026-11-23' },
    sources: [{ id: 'SYN', title: 'Synthetic', publisher: 'careerpath bench', reviewed: '2026-11-23' }],
    funding: [],
    qualifications,
    roles,
    transitions,
  };
}
