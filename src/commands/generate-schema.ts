/**
 * Both JSON Schemas made from their zod sources, for `careerpath schema` in a tree not built yet.
 * Its own bundle (it carries zod), loaded only then: a built CLI prints the files the build wrote.
 */
import { datasetJsonSchema } from '../dataset/json-schema';
import { outputJsonSchema } from '../render/output-schema';

export function generateSchema(which: 'dataset' | 'output'): Record<string, unknown> {
  return which === 'output' ? outputJsonSchema() : datasetJsonSchema();
}
