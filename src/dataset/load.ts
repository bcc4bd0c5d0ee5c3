/**
 * Reading datasets: the only dataset code that touches the file system. The shipped data comes
 * from a snapshot the build validated, so the common path needs neither yaml nor zod.
 */
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Dataset } from '../domain/types';
import { packageRoot } from '../package-root';
import { DATASET_SCHEMA_VERSION } from '../domain/vocabulary';

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

export interface ReadDatasetOptions {
  dataFiles?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** false with --no-cache: always read and validate the files. */
  cache?: boolean;
}

/**
 * Loads the shipped dataset, with the layers from CAREERPATH_DATA and then --data on top (validated,
 * every problem reported). Validated layer stacks are cached, so yaml and zod load only on a miss.
 */
export async function readDataset(options: ReadDatasetOptions = {}): Promise<Dataset> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const files = [...dataFilesFromEnv(env), ...(options.dataFiles ?? [])];
  if (files.length === 0) return readShippedDataset();

  const useCache = options.cache !== false && !env.CAREERPATH_NO_CACHE;
  // Loaded here, not at start-up: it brings node:crypto, which only --data needs.
  const { cacheFolder, cacheKey, readCachedDataset, writeCachedDataset } = await import('./cache');
  const folder = cacheFolder(env);
  const snapshot = readSnapshotBytes();
  const key = useCache ? cacheKey(files, cwd, snapshot && Buffer.concat([snapshot.dataset, snapshot.prose]), SNAPSHOT_SCHEMA_VERSION) : undefined;
  const cached = key ? readCachedDataset(folder, key) : undefined;
  if (cached) return cached;
  const { readDatasetLayers } = await import('./read-files');
  const dataset = readDatasetLayers(files, cwd);
  if (key) writeCachedDataset(folder, key, dataset);
  return dataset;
}

/** A command's dataset: its --data files and --no-cache, in its working folder and environment. */
export function readCommandDataset(options: { dataFiles: string[]; cache?: boolean }, io: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Dataset> {
  return readDataset({ dataFiles: options.dataFiles, cwd: io.cwd, env: io.env, cache: options.cache !== false });
}

/** CAREERPATH_DATA's files, separated like PATH (":" here, ";" on Windows); empty entries are skipped. */
export function dataFilesFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.CAREERPATH_DATA ?? '').split(delimiter).filter((f) => f.trim() !== '');
}

/** The build's snapshot when it is current; otherwise the YAML in data/ (e.g. under tests on src/). */
export async function readShippedDataset(): Promise<Dataset> {
  const snapshot = readSnapshot();
  if (snapshot) return snapshot;
  const { readShippedYaml } = await import('./read-files');
  return readShippedYaml();
}

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
function readSnapshotBytes(): { dataset: Buffer; prose: Buffer } | undefined {
  try {
    const dist = join(packageRoot(), 'dist');
    return { dataset: readFileSync(join(dist, SNAPSHOT_FILE)), prose: readFileSync(join(dist, PROSE_FILE)) };
  } catch {
    return undefined;
  }
}

/** The dataset schema's version, from the zod-free vocabulary so this module need not import zod. */
export const SNAPSHOT_SCHEMA_VERSION = DATASET_SCHEMA_VERSION;
