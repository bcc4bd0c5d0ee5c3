/** The dataset's JSON Schema, generated from the zod schema (for editors and `careerpath schema`). */
import { z } from 'zod';
import { DatasetFile, SCHEMA_VERSION } from '../domain/schema';

/** JSON Schema of what people write (the input side: a duration may be a number or {min, max}). */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DatasetFile, { io: 'input', target: 'draft-2020-12' }),
    $id: `https://careerpath.invalid/schema/dataset-v${SCHEMA_VERSION}.json`,
    title: `careerpath dataset (schema version ${SCHEMA_VERSION})`,
  };
}
