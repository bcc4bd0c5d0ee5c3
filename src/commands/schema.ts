/** `careerpath schema [dataset|output]`: print the dataset's JSON Schema, or that of the --json output. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io/terminal';
import { packageRoot } from '../package-root';

export interface SchemaOptions {
  /** Which schema: the data files' (default) or the --json output's. */
  which: 'dataset' | 'output';
}

/**
 * Prints the schema the build generated from zod: data/dataset.schema.json (beside the data files,
 * for editors), or dist/output.schema.json (from the --json contract).
 */
export async function schema(options: SchemaOptions, io: Io): Promise<void> {
  const file = options.which === 'output' ? join(packageRoot(), 'dist', 'output.schema.json') : join(packageRoot(), 'data', 'dataset.schema.json');
  try {
    io.out(await readFile(file, 'utf8'));
  } catch {
    // Not built yet (a fresh clone before `npm install`): generate it the way the build does.
    const { generateSchema } = await import('./generate-schema');
    io.out(`${JSON.stringify(generateSchema(options.which), null, 2)}\n`);
  }
}
