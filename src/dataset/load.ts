/**
 * Reading datasets: the only dataset code that touches the file system. The shipped data comes
 * from a snapshot the build validated, so the common path needs neither yaml nor zod.
 */
import { delimiter } from 'node:path';
import type { Dataset } from '../domain/types';
import { readSnapshot, readSnapshotBytes, SNAPSHOT_SCHEMA_VERSION } from './snapshot';

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
