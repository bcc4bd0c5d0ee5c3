/**
 * The published JSON Schema of `--json` output, generated from the contract (json-contract*.ts).
 * The build writes it to dist/output.schema.json, which `careerpath schema output` prints.
 */
import { z } from 'zod';
import { ErrorJson, SchemaVersion, ValidationJson } from './json-contract';
import { NextJson, QualificationJson, QualificationsJson, RoleJson, RolesJson, UnlocksJson } from './json-contract-entries';
import { PlanJson } from './json-contract-plan';

/** Every document `--json` prints; `kind` says which. */
export const OutputJson = z.discriminatedUnion('kind', [
  PlanJson,
  RolesJson,
  QualificationsJson,
  RoleJson,
  QualificationJson,
  ValidationJson,
  NextJson,
  UnlocksJson,
  ErrorJson,
]);

/** The JSON Schema (draft 2020-12) of every command's JSON output. */
export function outputJsonSchema(): Record<string, unknown> {
  const version = SchemaVersion.value;
  const { $schema, ...generated } = z.toJSONSchema(OutputJson, { target: 'draft-2020-12', io: 'output' });
  return {
    $schema,
    $id: `https://careerpath.invalid/schema/output-v${version}.json`,
    title: `careerpath JSON output (schemaVersion ${version})`,
    description:
      'What `careerpath <command> --json` prints. Every document has schemaVersion and kind; kind says which shape follows. ' +
      'Absent facts are null, never missing. Fields may be added within a schemaVersion (and to this schema at the same time); removing or changing one bumps it.',
    ...generated,
  };
}
