/**
 * The build's snapshot of the shipped data in dist/: read by every command (load.ts) and by the
 * overlay path (read-files.ts) as a fast base, written by the build (tools/compile-data.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../domain/types';
import { DATASET_SCHEMA_VERSION } from '../domain/vocabulary';
import { packageRoot } from '../package-root';

/**
 * The build's snapshot is two files in dist/: the dataset without its prose, which every command
 * reads, and the prose (the sources; the summaries and notes of roles, qualifications and moves),
 * which only what prints it needs (show, --json, a saved plan). The prose is half the bytes, and
 * a plan in the terminal never parses it.
 */
export interface DatasetSnapshot {
  schemaVersion: number;
  /** Also without the PROSE_FIELDS of its roles, qualifications and transitions (readSnapshot puts them back, lazily). */
  dataset: Omit<Dataset, 'sources'>;
}
export interface ProseSnapshot {
  schemaVersion: number;
  sources: Dataset['sources'];
  /** Per collection, per entry in the dataset's order, its prose fields (PROSE_FIELDS). */
  prose: { -readonly [C in keyof typeof PROSE_FIELDS]: Record<string, unknown>[] };
}

/** The fields moved to the prose file, per collection. */
export const PROSE_FIELDS = {
  roles: ['summary', 'notes'],
  qualifications: ['summary', 'notes'],
  transitions: ['summary'],
} as const;

/** The snapshot's file names in dist/, written by the build. */
export const SNAPSHOT_FILE = 'dataset.json';
export const PROSE_FILE = 'prose.json';

/**
 * The build's validated snapshot of the shipped data, when it exists and matches this schema
 * version. Its prose is parsed the first time something reads any of it.
 */
export function readSnapshot(): Dataset | undefined {
  const bytes = readSnapshotBytes();
  if (!bytes) return undefined;
  // The build writes both files in ASCII (see compile-data), so one-byte decoding is exact.
  const snapshot = JSON.parse(bytes.dataset.toString('latin1')) as DatasetSnapshot;
  if (snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) return undefined;
  let prose: ProseSnapshot | undefined;
  const readProse = () => (prose ??= JSON.parse(bytes.prose.toString('latin1')) as ProseSnapshot);
  const dataset = snapshot.dataset as Dataset;
  Object.defineProperty(dataset, 'sources', { get: () => readProse().sources, enumerable: true });
  for (const collection of Object.keys(PROSE_FIELDS) as (keyof typeof PROSE_FIELDS)[]) {
    dataset[collection].forEach((entry, i) => {
      for (const field of PROSE_FIELDS[collection]) {
        Object.defineProperty(entry, field, { get: () => readProse().prose[collection][i]![field], enumerable: true });
      }
    });
  }
  return dataset;
}

/** Both files, read together (they are small; parsing is the cost), or undefined when either is missing. */
export function readSnapshotBytes(): { dataset: Buffer; prose: Buffer } | undefined {
  try {
    const dist = join(packageRoot(), 'dist');
    return { dataset: readFileSync(join(dist, SNAPSHOT_FILE)), prose: readFileSync(join(dist, PROSE_FILE)) };
  } catch {
    return undefined;
  }
}

/** The dataset schema's version, from the zod-free vocabulary so this module need not import zod. */
export const SNAPSHOT_SCHEMA_VERSION = DATASET_SCHEMA_VERSION;
