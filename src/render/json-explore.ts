/** `next` and `unlocks` under --json: the moves open from a role, the roles a qualification opens (json-contract-entries.ts). */
import type { NextMove, Unlocks } from '../planner/explore';
import type { Named } from '../planner/types';
import type { DatasetInfo } from './context';
import { datasetJson, named, OUTPUT_SCHEMA_VERSION, range, stringify } from './json';
import type { NextJson, UnlocksJson } from './json-contract-entries';

/** The moves open from a role (`careerpath next`). */
export function renderNextJson(from: Named, moves: NextMove[], dataset: DatasetInfo): string {
  return stringify<NextJson>({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'next',
    dataset: datasetJson(dataset),
    from: named(from),
    moves: moves.map((m) => ({
      to: { id: m.to.id, name: m.to.name, level: m.to.level ?? null, band: m.to.band ? range(m.to.band) : null },
      kind: m.kind,
      summary: m.summary ?? null,
      ready: m.ready,
      routes: m.routes.map((r) => ({
        id: r.id,
        name: r.name ?? null,
        requires: r.requires.map((q) => ({ id: q.id, name: q.name, held: q.held })),
        toGain: r.toGain.map(named),
        experienceMonths: r.experienceMonths ? range(r.experienceMonths) : null,
        experienceBeforeMonths: r.experienceBeforeMonths ? range(r.experienceBeforeMonths) : null,
        experienceUnknown: r.experienceUnknown ?? null,
        months: r.months ? range(r.months) : null,
        unavailable: r.unavailable ?? null,
      })),
    })),
  });
}

/** The roles a qualification opens (`careerpath unlocks`). */
export function renderUnlocksJson(unlocks: Unlocks, dataset: DatasetInfo): string {
  const list = (items: Unlocks['direct']) => items.map((u) => ({ role: named(u.role), from: u.from.map(named) }));
  return stringify<UnlocksJson>({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'unlocks',
    dataset: datasetJson(dataset),
    qualification: named(unlocks.qualification),
    direct: list(unlocks.direct),
    oneStepOn: list(unlocks.oneStepOn),
  });
}
