/**
 * Pure validation: parsed YAML/JSON in, every problem out at once. Throws nothing and reads no files;
 * only a command turns problems into an error exit.
 */
import type { z } from 'zod';
import type { Dataset, DatasetMeta, OverlayMeta as OverlayMetaValue } from '../domain/types';
import type { DatasetIssue, IssuePath, Position } from './issue';
import { runRules, type Located } from './rules';
import { COLLECTION_SCHEMAS, COLLECTIONS, DatasetFile, Meta, OverlayMeta, type CollectionName } from '../domain/schema';

/** One parsed file, with a way to find the source position of a path inside it. */
export interface DatasetDocument {
  file: string;
  data: unknown;
  locate?: (path: IssuePath) => Position | undefined;
}

export type ValidationResult = { ok: true; dataset: Dataset; issues: [] } | { ok: false; issues: DatasetIssue[] };

/** Parsed entries per collection, each with where it came from. */
export type Entities = { [K in CollectionName]: Located<z.output<(typeof COLLECTION_SCHEMAS)[K]>>[] };

/** What validation has gathered so far: the entries, ids of broken ones, headers and problems. */
export interface ValidationState {
  documents: DatasetDocument[];
  entities: Entities;
  /** Ids of entries that failed the schema: references to them are not reported again as unknown. */
  brokenIds: { [K in CollectionName]: Set<string> };
  metas: { meta: DatasetMeta; file: string }[];
  /** Files with a `dataset:` header, valid or not, in order. */
  headers: string[];
  overlays: OverlayMetaValue[];
  issues: DatasetIssue[];
}

const TOP_LEVEL_KEYS = Object.keys(DatasetFile.shape);

/** Validates one or more files that together make one dataset (the shipped data is split by sector). */
export function validateDataset(documents: DatasetDocument[]): ValidationResult {
  return finishValidation(collectDataset(documents));
}

/** Checks each file of a whole dataset against the schema and gathers its entries (no cross-references yet). */
export function collectDataset(documents: DatasetDocument[]): ValidationState {
  const state: ValidationState = {
    documents: [...documents],
    entities: { sources: [], funding: [], qualifications: [], roles: [], transitions: [] },
    brokenIds: { sources: new Set(), funding: new Set(), qualifications: new Set(), roles: new Set(), transitions: new Set() },
    metas: [],
    headers: [],
    overlays: [],
    issues: [],
  };
  const { entities, brokenIds, metas } = state;

  for (const doc of documents) {
    const add = (path: IssuePath, message: string) => state.issues.push(locateIssue(doc, path, message));
    const record = topLevelRecord(doc, add);
    if (!record) continue;
    if (record.dataset !== undefined) {
      state.headers.push(doc.file);
      const parsed = Meta.safeParse(record.dataset, { reportInput: true });
      if (parsed.success) metas.push({ meta: parsed.data, file: doc.file });
      else for (const issue of parsed.error.issues) add(['dataset', ...pathOf(issue)], messageOf(issue));
    }
    if (record.overlay !== undefined) {
      const parsed = OverlayMeta.safeParse(record.overlay, { reportInput: true });
      if (!parsed.success) for (const issue of parsed.error.issues) add(['overlay', ...pathOf(issue)], messageOf(issue));
    }
    for (const collection of COLLECTIONS) {
      const items = collectionItems(record, collection, add);
      const schema = COLLECTION_SCHEMAS[collection];
      items.forEach((item, index) => {
        const parsed = schema.safeParse(item, { reportInput: true });
        if (parsed.success) {
          (entities[collection] as Located<unknown>[]).push({ value: parsed.data, file: doc.file, path: [collection, index] });
        } else {
          const rawId = (item as { id?: unknown } | null)?.id;
          if (typeof rawId === 'string') brokenIds[collection].add(rawId);
          for (const issue of parsed.error.issues) add([collection, index, ...pathOf(issue)], messageOf(issue));
        }
      });
    }
  }
  return state;
}

/** Checks the headers and cross-references of gathered entries; the dataset when nothing is wrong. */
export function finishValidation(state: ValidationState): ValidationResult {
  const { documents, entities, brokenIds, metas, headers } = state;
  const issues = [...state.issues];
  if (documents.length === 0) {
    issues.push({ file: '(no files)', path: [], message: 'no dataset files to read' });
  } else if (headers.length === 0) {
    const first = documents[0]!;
    issues.push(locateIssue(first, [], 'no "dataset:" header (name, version, updated) in any file'));
  } else if (headers.length > 1) {
    // (A header that is there but invalid has its own problems reported already.)
    const doc = documents.find((d) => d.file === headers[1])!;
    issues.push(locateIssue(doc, ['dataset'], `a second "dataset:" header; the first is in ${headers[0]}`));
  }

  const byFile = new Map(documents.map((d) => [d.file, d]));
  for (const problem of runRules(entities, brokenIds)) {
    // Stryker disable next-line ObjectLiteral: defensive; every entry comes from one of the documents, so its file is always found
    const doc = byFile.get(problem.file) ?? { file: problem.file, data: undefined };
    issues.push(locateIssue(doc, problem.path, problem.message));
  }

  // No problem means exactly one valid header: no file, no header, a bad one or a second one each add a problem.
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues, documents) };
  return {
    ok: true,
    issues: [],
    dataset: {
      meta: metas[0]!.meta,
      sources: entities.sources.map((e) => e.value),
      funding: entities.funding.map((e) => e.value),
      qualifications: entities.qualifications.map((e) => e.value),
      roles: entities.roles.map((e) => e.value),
      transitions: entities.transitions.map((e) => e.value),
      ...(state.overlays.length > 0 ? { overlays: state.overlays } : {}),
    },
  };
}

/** The file's top-level mapping, after reporting an empty file, a non-mapping and unknown keys. */
export function topLevelRecord(doc: DatasetDocument, add: (path: IssuePath, message: string) => void): Record<string, unknown> | undefined {
  const data = doc.data;
  if (data === null || data === undefined) {
    add([], 'file is empty: a dataset needs at least a "dataset:" header and some roles');
    return undefined;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    add([], `expected a mapping with "dataset:", "roles:", "transitions:" ... at the top level, found ${describe(data)}`);
    return undefined;
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      add([key], `unknown top-level key "${key}"; expected one of ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  return record;
}

/** A collection's list of entries ([] when absent), after reporting one that is not a list. */
export function collectionItems(record: Record<string, unknown>, collection: CollectionName, add: (path: IssuePath, message: string) => void): unknown[] {
  const items = record[collection];
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) {
    add([collection], `"${collection}" must be a list (each item starting with "- "), found ${describe(items)}`);
    return [];
  }
  return items;
}

/** A problem at a path in a document, with its line and column when the document can find them. */
export function locateIssue(doc: DatasetDocument, path: IssuePath, message: string): DatasetIssue {
  const position = doc.locate?.(path);
  return position ? { file: doc.file, path, message, position } : { file: doc.file, path, message };
}

/** Files in the order given, then by position, so output reads top to bottom (ties keep their order: sort is stable). */
function sortIssues(issues: DatasetIssue[], documents: DatasetDocument[]): DatasetIssue[] {
  const order = new Map(documents.map((d, i) => [d.file, i]));
  return [...issues].sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** A zod issue's path; an unknown key points at the key itself. */
export function pathOf(issue: z.core.$ZodIssue): IssuePath {
  // A symbol appears in a zod path only under a symbol key, which no schema here has.
  const path = issue.path as IssuePath;
  // Point an unknown key at the key itself, not at the mapping that holds it.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) return [...path, issue.keys[0]!];
  return path;
}

/** A zod issue in words a dataset author can act on. */
export function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.length === 1
      ? `unknown field "${issue.keys[0]}" (check the spelling; \`careerpath schema\` lists the fields)`
      : `unknown fields ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
    return `${issue.input} is not a figure (.inf, .nan, or a number too large to hold); give a number`;
  }
  if (issue.input === undefined) {
    const key = issue.path[issue.path.length - 1];
    return typeof key === 'string' ? `"${key}" is required` : 'a value is required';
  }
  return issue.message;
}

/** "a list", "a mapping", "the text \"…\"": what was found where something else was expected. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `a ${typeof value}`;
}
