/**
 * Reading datasets: the only dataset code that touches the file system. The shipped data comes
 * from a snapshot the build validated, so the common path needs neither yaml nor zod.
 */
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Dataset } from '../domain/types';
import { packageRoot } from '../package-root';
import { DATASET_SCHEMA_VERSION } from '../domain/vocabulary';

export interface DatasetSnapshot {
  schemaVersion: number;
  dataset: Dataset;
}

/** The snapshot's file name in dist/, written by the build. */
export const SNAPSHOT_FILE = 'dataset.json';

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
  const key = useCache ? cacheKey(files, cwd, readSnapshotBytes(), SNAPSHOT_SCHEMA_VERSION) : undefined;
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

/** The build's validated snapshot of the shipped data, when it exists and matches this schema version. */
export function readSnapshot(): Dataset | undefined {
  const bytes = readSnapshotBytes();
  if (!bytes) return undefined;
  const snapshot = JSON.parse(bytes.toString('utf8')) as DatasetSnapshot;
  return snapshot.schemaVersion === SNAPSHOT_SCHEMA_VERSION ? snapshot.dataset : undefined;
}

function readSnapshotBytes(): Buffer | undefined {
  try {
    return readFileSync(join(packageRoot(), 'dist', SNAPSHOT_FILE));
  } catch {
    return undefined;
  }
}

/** The dataset schema's version, from the zod-free vocabulary so this module need not import zod. */
export const SNAPSHOT_SCHEMA_VERSION = DATASET_SCHEMA_VERSION;
