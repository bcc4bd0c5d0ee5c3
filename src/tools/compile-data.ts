/** Build step: validate the shipped YAML into the snapshot (dist/dataset.json and dist/sources.json) and write data/dataset.schema.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../dataset/issue';
import { SNAPSHOT_FILE, SOURCES_FILE, type DatasetSnapshot, type SourcesSnapshot } from '../dataset/load';
import { readShippedYaml } from '../dataset/read-files';
import { datasetJsonSchema } from '../dataset/json-schema';
import { SCHEMA_VERSION } from '../dataset/schema';
import { DatasetError } from '../errors';

/**
 * JSON with every character past ASCII written as a \\u escape: the CLI reads it as one-byte text
 * (latin1), which decodes and parses about a third faster than UTF-8 with the dashes and quotes
 * the data is full of.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Returns false (after printing every problem) when the shipped data is invalid. */
export function compileData(root: string): boolean {
  writeFileSync(join(root, 'data', 'dataset.schema.json'), `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
  try {
    const { sources, ...rest } = readShippedYaml();
    const snapshot: DatasetSnapshot = { schemaVersion: SCHEMA_VERSION, dataset: rest };
    const sourcesSnapshot: SourcesSnapshot = { schemaVersion: SCHEMA_VERSION, sources };
    writeFileSync(join(root, 'dist', SOURCES_FILE), asciiJson(sourcesSnapshot));
    writeFileSync(join(root, 'dist', SNAPSHOT_FILE), asciiJson(snapshot));
    return true;
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    for (const issue of error.issues) console.error(formatIssue(issue));
    console.error(`build: ${error.message}`);
    return false;
  }
}
