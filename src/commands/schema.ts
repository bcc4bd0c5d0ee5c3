/** `careerpath schema [dataset|output]`: print the dataset's JSON Schema, or that of the --json output. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io/terminal';
import { packageRoot } from '../package-root';

export interface SchemaOptions {
  /** Which schema: the data files' (default) or the --json output's. */
  which: 'dataset' | 'output';
}

/** Prints the schema the build generated from zod (data/dataset.schema.json), or the output schema. */
export async function schema(options: SchemaOptions, io: Io): Promise<void> {
  if (options.which === 'output') {
    const published = (await import('../render/output.schema.json')).default;
    io.out(`${JSON.stringify(published, null, 2)}\n`);
    return;
  }
  try {
    io.out(await readFile(join(packageRoot(), 'data', 'dataset.schema.json'), 'utf8'));
  } catch {
    // Not built yet (a fresh clone before `npm install`): generate it the way the build does.
    const { datasetJsonSchema } = await import('../dataset/json-schema');
    io.out(`${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
  }
}
