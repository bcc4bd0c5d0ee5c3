/**
 * Reading datasets: the only dataset code that touches the file system. The shipped data comes
 * from a snapshot the build validated, so the common path needs neither yaml nor zod.
 */
import { delimiter } from 'node:path';
import type { Dataset } from '../domain/types';
import { envFlag } from '../io/terminal';
import { packageVersion } from '../package-root';
import { escapeControls } from './issue';
import { type FileRead, readFileBytes } from './read-bytes';
import { readSnapshot, readSnapshotBytes, SNAPSHOT_SCHEMA_VERSION } from './snapshot';

export interface ReadDatasetOptions {
  dataFiles?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** false with --no-cache: always read and validate the files. */
  cache?: boolean;
  /** Receives a one-line note when the cache folder cannot be used (the command goes on without it). */
  note?: (line: string) => void;
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

  // Each file is read once: the key is the hash of the very bytes that are then parsed, so a file
  // changed while careerpath runs can never be stored under the key of its old bytes.
  const reads = files.map((file) => ({ file, read: readFileBytes(file, cwd) }));
  const useCache = options.cache !== false && !envFlag(env.CAREERPATH_NO_CACHE);
  const readable = reads.flatMap(({ file, read }) => (read.ok ? [{ file, bytes: read.bytes }] : []));
  if (!useCache || readable.length < reads.length) return parseLayers(files, cwd, reads);

  // Loaded here, not at start-up: it brings node:crypto, which only --data needs.
  const { cacheFolder, cacheKey, readCachedDataset, writeCachedDataset } = await import('./cache');
  const folder = cacheFolder(env);
  const snapshot = readSnapshotBytes();
  const base = snapshot && Buffer.concat([snapshot.dataset, snapshot.prose]);
  const key = cacheKey(readable, base, { schema: SNAPSHOT_SCHEMA_VERSION, tool: packageVersion() });
  const cached = folder ? readCachedDataset(folder, key) : undefined;
  if (cached) return cached;
  const dataset = await parseLayers(files, cwd, reads);
  const problem = folder ? await writeCachedDataset(folder, key, dataset) : 'no absolute HOME or XDG_CACHE_HOME to keep it in';
  if (problem) options.note?.(`careerpath: not caching --data files (${folder ? `cache folder ${folder}: ` : ''}${problem}); they are read afresh each time`);
  return dataset;
}

async function parseLayers(files: string[], cwd: string, reads: { file: string; read: FileRead }[]): Promise<Dataset> {
  const { readDatasetLayers } = await import('./read-files');
  return readDatasetLayers(files, cwd, reads);
}

/** A command's dataset: its --data files and --no-cache, in its working folder and environment; cache notes go to stderr. */
export function readCommandDataset(
  options: { dataFiles: string[]; cache?: boolean },
  io: { cwd: string; env: NodeJS.ProcessEnv; err?: (text: string) => void },
): Promise<Dataset> {
  const note = io.err && ((line: string) => io.err!(`${escapeControls(line)}\n`));
  return readDataset({ dataFiles: options.dataFiles, cwd: io.cwd, env: io.env, cache: options.cache !== false, ...(note ? { note } : {}) });
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
