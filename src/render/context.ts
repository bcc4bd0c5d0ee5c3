/**
 * What a saved document needs besides the plan: which dataset (and overlays) it came from, the day
 * it was made and the sources behind it. Pure: the command passes `today` in, so output is testable.
 */
import type { Dataset, Source } from '../domain/types';
import { MONTH_NAMES } from '../domain/vocabulary';
import type { Plan } from '../planner/types';

/** The dataset a document was made from. */
export interface DatasetInfo {
  name: string;
  version: string;
  updated: string;
  /** Names of the overlays layered on top, bottom first. */
  overlays: string[];
}

export interface DocumentContext {
  dataset: DatasetInfo;
  /** The sources the document rests on, in order of first use. */
  sources: Source[];
  /** YYYY-MM-DD: the day the document was made. */
  today: string;
  /** careerpath's version, for the footer. */
  toolVersion: string;
  /** Source ids behind each qualification and funding route the plan names, to cite them where they appear. */
  citations?: Citations;
}

export interface Citations {
  qualifications: Record<string, string[]>;
  funding: Record<string, string[]>;
}

/** The dataset's name, version, date and overlays. */
export function datasetInfo(dataset: Dataset): DatasetInfo {
  return {
    name: dataset.meta.name,
    version: dataset.meta.version,
    updated: dataset.meta.updated,
    overlays: (dataset.overlays ?? []).map((o) => o.name),
  };
}

/** Source ids behind a plan: its moves, the qualifications it gains and their funding, best route first. */
export function planSourceIds(dataset: Dataset, plan: Plan): string[] {
  const qualifications = new Map(dataset.qualifications.map((q) => [q.id, q]));
  const funding = new Map(dataset.funding.map((f) => [f.id, f]));
  const ids: string[] = [];
  for (const route of [plan.best, ...plan.alternatives]) {
    for (const step of route.steps) {
      ids.push(...step.sources);
      for (const gain of step.gains) {
        ids.push(...(qualifications.get(gain.id)?.sources ?? []));
        for (const f of gain.funding) ids.push(...(funding.get(f.id)?.sources ?? []));
      }
    }
  }
  return [...new Set(ids)];
}

/** The sources with these ids, in the order given (unknown ids are skipped). */
export function sourcesById(dataset: Dataset, ids: string[]): Source[] {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** Everything a saved plan needs from the dataset. */
export function planContext(dataset: Dataset, plan: Plan, made: { today: string; toolVersion: string }): DocumentContext {
  return { dataset: datasetInfo(dataset), sources: sourcesById(dataset, planSourceIds(dataset, plan)), ...made, citations: planCitations(dataset, plan) };
}

/** The sources of each qualification a plan gains and of each funding route it names. */
function planCitations(dataset: Dataset, plan: Plan): Citations {
  const gained = new Set([plan.best, ...plan.alternatives].flatMap((r) => r.checklist.map((g) => g.id)));
  const named = new Set(plan.funding.map((f) => f.id));
  return {
    qualifications: Object.fromEntries(dataset.qualifications.filter((q) => gained.has(q.id)).map((q) => [q.id, q.sources])),
    funding: Object.fromEntries(dataset.funding.filter((f) => named.has(f.id)).map((f) => [f.id, f.sources])),
  };
}

/** A Date as YYYY-MM-DD in local time (the person's today). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-11-23" → "23 November 2026"; anything else is returned as it is. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
