/**
 * JSON output: the parts every document shares, and the documents about a run rather than the
 * data (a failure, a validation report). Each document's shape is its schema in the contract
 * (json-contract*.ts); these builders are typed by it, so the compiler checks them against it.
 * Every object is built key by key, so key order is stable and a field added to the planner's
 * types never leaks into scripts' input by accident. Absent facts are null, never missing.
 */
import type { DatasetIssue } from '../dataset/issue';
import { formatPath } from '../dataset/issue';
import type { Dataset, Range, Source } from '../domain/types';
import type { Named } from '../planner/types';
import type { DatasetInfo } from './context';
import type { DatasetJson, ErrorJson, NamedJson, RangeJson, SchemaVersion, SourceJson, ValidationJson } from './json-contract';

/**
 * The contract's schemaVersion, as a value for run time (where zod is not loaded); the compiler
 * holds it to the contract's literal.
 */
export const OUTPUT_SCHEMA_VERSION: SchemaVersion = 2;

/** A failure as the error boundary reports it. */
export interface ErrorReport {
  code: ErrorJson['code'];
  exitCode: number;
  message: string;
  hint?: string;
  /** For code dataset: each problem, as file:line:column: message. */
  problems?: string[];
}

/** A failure under --json: the `error` document, printed on stdout beside the message on stderr. */
export function renderErrorJson(report: ErrorReport): string {
  return stringify<ErrorJson>({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'error',
    code: report.code,
    exitCode: report.exitCode,
    message: report.message,
    hint: report.hint ?? null,
    problems: report.problems ?? [],
  });
}

/** What `careerpath validate` found: every problem with its position, or the counts of a clean dataset. */
export function renderValidationJson(result: { files: string[]; issues: DatasetIssue[]; dataset?: Dataset }): string {
  const d = result.dataset;
  return stringify<ValidationJson>({
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    kind: 'validation',
    valid: result.issues.length === 0 && d !== undefined,
    files: [...result.files],
    problems: result.issues.map((i) => ({
      file: i.file,
      line: i.position?.line ?? null,
      column: i.position?.column ?? null,
      path: formatPath(i.path),
      message: i.message,
    })),
    dataset: d ? datasetJson({ name: d.meta.name, version: d.meta.version, updated: d.meta.updated, overlays: (d.overlays ?? []).map((o) => o.name) }) : null,
    counts: d
      ? {
          roles: d.roles.length,
          qualifications: d.qualifications.length,
          transitions: d.transitions.length,
          funding: d.funding.length,
          sources: d.sources.length,
        }
      : null,
  });
}

export function datasetJson(d: DatasetInfo): DatasetJson {
  return { name: d.name, version: d.version, updated: d.updated, overlays: [...d.overlays] };
}

export function sourceJson(s: Source): SourceJson {
  return { id: s.id, title: s.title, publisher: s.publisher, url: s.url ?? null, reviewed: s.reviewed, kind: s.kind ?? null, caveat: s.caveat ?? null };
}

export function named(n: Named): NamedJson {
  return { id: n.id, name: n.name };
}

export function range(r: Range): RangeJson {
  return { min: r.min, max: r.max };
}

/** The document as printed: two-space indents and a final newline. */
export function stringify<Document>(document: Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
