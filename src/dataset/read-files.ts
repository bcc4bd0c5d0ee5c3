/** Reading and validating YAML/JSON dataset files (loads yaml and zod, so imported lazily). */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Dataset } from '../domain/types';
import { DatasetError } from '../errors';
import { packageRoot } from '../package-root';
import type { DatasetIssue } from './issue';
import { readSnapshot } from './snapshot';
import { planLayers, validateLayers } from './overlay';
import { parseDatasetBytes } from './parse-source';
import { type FileRead, readFileBytes } from './read-bytes';
import { validateDataset, type DatasetDocument, type ValidationResult } from './validate';

/** Reads, parses and validates the given files as one dataset; throws DatasetError with every problem. */
export function readDatasetFiles(files: string[], cwd: string): Dataset {
  return datasetOrThrow(validateDataset(readDocuments(files, cwd)));
}

/**
 * Reads data files as layers, bottom first: a file with a `dataset:` header replaces everything below
 * it; a file with an `overlay:` header is patched onto what is below it (the shipped data, for an
 * overlay at the bottom). Throws DatasetError with every problem, each with file:line:column.
 */
export function readDatasetLayers(files: string[], cwd: string, reads?: readonly { file: string; read: FileRead }[]): Dataset {
  const layers = planLayers(readDocuments(withoutRepeats(files, cwd), cwd, reads));
  if (layers.issues.length > 0) {
    throw new DatasetError(layers.issues, 'the data files cannot be layered', {
      hint: 'Each --data file starts with "overlay:" (changes to the data below it) or "dataset:" (a whole dataset).',
    });
  }
  if (layers.base !== 'shipped') return datasetOrThrow(validateLayers([layers.base], layers.overlays));
  // The build's snapshot is the fast base; only when something is wrong is the shipped YAML parsed,
  // so that a problem in a shipped entry an overlay touched still gets its line and column.
  const snapshot = readSnapshot();
  if (snapshot) {
    const fast = validateLayers([{ file: 'the shipped dataset', data: snapshotFile(snapshot) }], layers.overlays);
    if (fast.ok) return fast.dataset;
  }
  return datasetOrThrow(validateLayers(shippedDocuments(), layers.overlays));
}

/**
 * The files, each repeat of the file just below it dropped (the same overlay in CAREERPATH_DATA and
 * --data, or given twice): layering it again changes nothing, and a thousand repeats cost seconds.
 */
export function withoutRepeats(files: string[], cwd: string): string[] {
  return files.filter((file, i) => i === 0 || resolve(cwd, file) !== resolve(cwd, files[i - 1]!));
}

/**
 * Reads and parses every file (or the bytes already read from it); throws DatasetError listing
 * every file that is missing or not readable YAML.
 */
function readDocuments(files: string[], cwd: string, reads?: readonly { file: string; read: FileRead }[]): DatasetDocument[] {
  const documents: DatasetDocument[] = [];
  const issues: DatasetIssue[] = [];
  for (const file of files) {
    const read = reads?.find((r) => r.file === file)?.read ?? readFileBytes(file, cwd);
    if (!read.ok) {
      issues.push({ file, path: [], message: read.message });
      continue;
    }
    const parsed = parseDatasetBytes(file, read.bytes);
    if (parsed.ok) documents.push(parsed.document);
    else issues.push(...parsed.issues);
  }
  if (issues.length > 0) throw new DatasetError(issues, 'could not read the dataset');
  return documents;
}

function datasetOrThrow(result: ValidationResult): Dataset {
  if (!result.ok) throw new DatasetError(result.issues, 'the dataset is not valid');
  return result.dataset;
}

/** A validated dataset back in the shape of a data file, so it can sit at the bottom of the layers. */
function snapshotFile(dataset: Dataset): Record<string, unknown> {
  const { meta, sources, funding, qualifications, roles, transitions } = dataset;
  return { dataset: meta, sources, funding, qualifications, roles, transitions };
}

function shippedDocuments(): DatasetDocument[] {
  const root = packageRoot();
  return readDocuments(
    shippedYamlFiles().map((f) => relative(root, f)),
    root,
  );
}

/** The YAML files shipped in data/, in name order. */
export function shippedYamlFiles(): string[] {
  const dir = join(packageRoot(), 'data');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

/** The shipped dataset straight from YAML (the build's snapshot is the fast path). */
export function readShippedYaml(): Dataset {
  const root = packageRoot();
  return readDatasetFiles(
    shippedYamlFiles().map((f) => relative(root, f)),
    root,
  );
}
