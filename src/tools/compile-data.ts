/**
 * Build step: validate the shipped YAML into the snapshot (dist/dataset.json and dist/prose.json),
 * and write the JSON Schemas generated from zod: data/dataset.schema.json (the data files', beside
 * them for editors) and dist/output.schema.json (the --json contract's).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../dataset/issue';
import { PROSE_FIELDS, PROSE_FILE, SNAPSHOT_FILE, type DatasetSnapshot, type ProseSnapshot } from '../dataset/snapshot';
import { readShippedYaml } from '../dataset/read-files';
import { datasetJsonSchema } from '../dataset/json-schema';
import { outputJsonSchema } from '../render/output-schema';
import { SCHEMA_VERSION } from '../domain/schema';
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
  writeFileSync(join(root, 'dist', 'output.schema.json'), `${JSON.stringify(outputJsonSchema(), null, 2)}\n`);
  try {
    const { sources, ...rest } = readShippedYaml();
    const prose = {} as ProseSnapshot['prose'];
    for (const collection of Object.keys(PROSE_FIELDS) as (keyof typeof PROSE_FIELDS)[]) {
      prose[collection] = rest[collection].map((entry) => {
        const record = entry as unknown as Record<string, unknown>;
        const moved = Object.fromEntries(PROSE_FIELDS[collection].map((field) => [field, record[field]]));
        for (const field of PROSE_FIELDS[collection]) delete record[field];
        return moved;
      });
    }
    const snapshot: DatasetSnapshot = { schemaVersion: SCHEMA_VERSION, dataset: rest };
    const proseSnapshot: ProseSnapshot = { schemaVersion: SCHEMA_VERSION, sources, prose };
    writeFileSync(join(root, 'dist', PROSE_FILE), asciiJson(proseSnapshot));
    writeFileSync(join(root, 'dist', SNAPSHOT_FILE), asciiJson(snapshot));
    return true;
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    for (const issue of error.issues) console.error(formatIssue(issue));
    console.error(`build: ${error.message}`);
    return false;
  }
}
