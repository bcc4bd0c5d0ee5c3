/**
 * Reading datasets: the only dataset code that touches the file system. The shipped data comes
 * from a snapshot the build validated, so the common path needs neither yaml nor zod.
 */
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Dataset } from '../domain/types';
import { packageRoot } from '../package-root';

export interface DatasetSnapshot {
  schemaVersion: number;
  dataset: Dataset;
}

/** The snapshot's file name in dist/, written by the build. */
export const SNAPSHOT_FILE = 'dataset.json';

/**
 * Loads the shipped dataset, with the layers from CAREERPATH_DATA and then --data on top (validated,
 * every problem reported).
 */
export async function readDataset(options: { dataFiles?: string[]; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Dataset> {
  const files = [...dataFilesFromEnv(options.env ?? process.env), ...(options.dataFiles ?? [])];
  if (files.length > 0) {
    const { readDatasetLayers } = await import('./read-files');
    return readDatasetLayers(files, options.cwd ?? process.cwd());
  }
  return readShippedDataset();
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
  let text: string;
  try {
    text = readFileSync(join(packageRoot(), 'dist', SNAPSHOT_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const snapshot = JSON.parse(text) as DatasetSnapshot;
  return snapshot.schemaVersion === SNAPSHOT_SCHEMA_VERSION ? snapshot.dataset : undefined;
}

/** Kept in step with schema.ts's SCHEMA_VERSION by a test, so this module need not import zod. */
export const SNAPSHOT_SCHEMA_VERSION = 1;
