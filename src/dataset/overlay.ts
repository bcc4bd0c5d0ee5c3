/**
 * Layering data files, pure: which file is the whole dataset at the bottom and which are overlays
 * (`planLayers`), and patching each overlay's entries onto the entries below it (`validateLayers`).
 * The merged result goes through the same schema and cross-reference rules as the shipped data.
 */
import { closestMatches } from '../domain/names';
import { MAX_SUGGESTIONS } from './suggestions';
import type { Route } from '../domain/types';
import { formatPath, type DatasetIssue, type IssuePath } from './issue';
import { whereIs, type Located } from './rules';
import { COLLECTION_SCHEMAS, COLLECTIONS, OverlayMeta, Route as RouteSchema, type CollectionName } from '../domain/schema';
import {
  collectDataset,
  collectionItems,
  describe,
  finishValidation,
  locateIssue,
  messageOf,
  pathOf,
  topLevelRecord,
  type DatasetDocument,
  type ValidationResult,
  type ValidationState,
} from './validate';

/** The files sorted into layers, bottom first. */
export interface LayerPlan {
  /** The whole dataset at the bottom: the last file with a `dataset:` header, or the shipped data. */
  base: DatasetDocument | 'shipped';
  /** Overlays on top of the base, bottom first. */
  overlays: DatasetDocument[];
  /** Files below the base, which it replaces (they are not validated). */
  replaced: DatasetDocument[];
  /** Files with neither header or both: nothing can be layered until they are fixed. */
  issues: DatasetIssue[];
}

/** Sorts files (bottom first) into the whole dataset they start from and the overlays on top of it. */
export function planLayers(documents: DatasetDocument[]): LayerPlan {
  const issues: DatasetIssue[] = [];
  let baseIndex = -1;
  documents.forEach((doc, index) => {
    if (isWholeDataset(doc, issues)) baseIndex = index;
  });
  return {
    base: baseIndex >= 0 ? documents[baseIndex]! : 'shipped',
    overlays: documents.slice(baseIndex + 1),
    replaced: documents.slice(0, Math.max(baseIndex, 0)),
    issues,
  };
}

/** True for a file with a `dataset:` header; false for an overlay, or a file without a usable header (its problem added). */
function isWholeDataset(doc: DatasetDocument, issues: DatasetIssue[]): boolean {
  const data = doc.data;
  if (data === null || data === undefined) {
    issues.push(locateIssue(doc, [], 'file is empty: an overlay starts with "overlay: {name: ...}", a whole dataset with "dataset:"'));
    return false;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    issues.push(locateIssue(doc, [], `expected a mapping with "overlay:" or "dataset:" at the top level, found ${describe(data)}`));
    return false;
  }
  const hasDataset = 'dataset' in data;
  const hasOverlay = 'overlay' in data;
  if (hasDataset && hasOverlay) {
    issues.push(locateIssue(doc, ['overlay'], 'a file is either a whole dataset ("dataset:") or an overlay on the data below it ("overlay:"), not both'));
    return false;
  }
  if (!hasDataset && !hasOverlay) {
    issues.push(
      locateIssue(
        doc,
        [],
        'no "overlay:" or "dataset:" header: start a file of additions and changes with "overlay: {name: ...}", ' +
          'or a complete dataset of your own with "dataset: {name, version, updated}"',
      ),
    );
    return false;
  }
  return hasDataset;
}

/** Validates a whole dataset (one or more files) with overlays patched on top, bottom first. */
export function validateLayers(base: DatasetDocument[], overlays: DatasetDocument[]): ValidationResult {
  const state = collectDataset(base);
  for (const doc of overlays) applyOverlay(state, doc);
  return finishValidation(state);
}

const SINGULAR: Record<CollectionName, string> = {
  sources: 'source',
  funding: 'funding route',
  qualifications: 'qualification',
  roles: 'role',
  transitions: 'move',
};

type RouteOrigin = { layer: 'below' | 'overlay'; index: number };

/** Adds an overlay's new entries and patches the entries it names onto what is below it. */
export function applyOverlay(state: ValidationState, doc: DatasetDocument): void {
  state.documents.push(doc);
  const add = (path: IssuePath, message: string) => state.issues.push(locateIssue(doc, path, message));
  const record = topLevelRecord(doc, add);
  if (!record) return;
  const meta = OverlayMeta.safeParse(record.overlay, { reportInput: true });
  if (meta.success) state.overlays.push(meta.data);
  else for (const issue of meta.error.issues) add(['overlay', ...pathOf(issue)], messageOf(issue));

  // "Did you mean" compares a name with every entry below: only the first few incomplete entries get one.
  let suggestionsLeft = MAX_SUGGESTIONS;
  for (const collection of COLLECTIONS) {
    const entries = state.entities[collection] as Located<Record<string, unknown>>[];
    const index = new Map<string, number>();
    entries.forEach((entry, i) => {
      // Entries below passed the schema, so each has its key; of an id given twice, the first is patched.
      const key = keyOf(collection, entry.value)!;
      if (!index.has(key)) index.set(key, i);
    });
    const seen = new Map<string, number>();
    const keyField = collection === 'transitions' ? 'from' : 'id';

    collectionItems(record, collection, add).forEach((item, position) => {
      const path: IssuePath = [collection, position];
      if (!isRecord(item)) {
        add(path, `each entry is a mapping of fields, found ${describe(item)}`);
        return;
      }
      const key = keyOf(collection, item);
      if (key === undefined) {
        // An id written as a number (id: 123) is there, only not text.
        const field = collection === 'transitions' ? ['from', 'to'].find((f) => item[f] !== undefined && typeof item[f] !== 'string') : 'id';
        if (field !== undefined && item[field] !== undefined)
          add([...path, field], `"${field}" must be text, found ${describe(item[field])}; write it in quotes`);
        else
          add(
            path,
            collection === 'transitions'
              ? 'a move needs "from" and "to" role ids, to add it or to say which move to change'
              : 'an entry needs an "id", to add it or to say which entry to change',
          );
        return;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        add(
          [...path, keyField],
          `${label(collection, key)} appears twice in this overlay (first at ${formatPath([collection, first])}); put its changes in one entry`,
        );
        return;
      }
      seen.set(key, position);

      const below = index.get(key);
      const schema = COLLECTION_SCHEMAS[collection];
      if (below === undefined) {
        // A new entry: it must be complete on its own.
        const parsed = schema.safeParse(item, { reportInput: true });
        if (parsed.success) {
          entries.push({ value: parsed.data as Record<string, unknown>, file: doc.file, path });
          // Stryker disable next-line ArithmeticOperator: only the key is read again (for suggestions); a repeat of it in this overlay is refused before the lookup
          index.set(key, entries.length - 1);
          return;
        }
        // References to it are not reported again as unknown (a move's key is kept too, though nothing refers to moves).
        state.brokenIds[collection].add(key);
        // Fields missing at the top of the entry (an unknown field's issue has the entry as its input).
        const missing = parsed.error.issues.filter((i) => i.input === undefined && i.path.length === 1);
        if (missing.length > 0) {
          const near =
            suggestionsLeft-- > 0
              ? closestMatches(
                  displayKey(collection, key),
                  [...index.keys()].map((k) => ({ key: displayKey(collection, k), value: k })),
                  1,
                )[0]
              : undefined;
          add(
            [...path, keyField],
            `there is no ${label(collection, key)} below this overlay to change, so this is a new ${SINGULAR[collection]} and needs ` +
              `${joinWords(missing.map((i) => `"${String(i.path[0])}"`))}` +
              (near ? ` (or did you mean to change "${displayKey(collection, near)}"?)` : ''),
          );
        }
        for (const issue of parsed.error.issues) {
          if (!missing.includes(issue)) add([...path, ...pathOf(issue)], messageOf(issue));
        }
        return;
      }

      // A patch: the fields it gives replace those below; a transition's routes merge by route id.
      const base = entries[below]!;
      const { value, routeOrigins } = merge(collection, base.value, item);
      const origin = (rest: IssuePath) => originOf(rest, { base, file: doc.file, path, patch: item, routeOrigins });
      const parsed = schema.safeParse(value, { reportInput: true });
      if (parsed.success) {
        entries[below] = { value: parsed.data as Record<string, unknown>, file: doc.file, path, origin };
        return;
      }
      for (const issue of parsed.error.issues) {
        const where = origin(pathOf(issue));
        // Stryker disable next-line ObjectLiteral: defensive; a patched entry's parts come from the overlay or a file below it, all in state.documents
        const target = state.documents.find((d) => d.file === where.file) ?? { file: where.file, data: undefined };
        state.issues.push(locateIssue(target, where.path, messageOf(issue)));
      }
    });
  }
}

function merge(
  collection: CollectionName,
  below: Record<string, unknown>,
  patch: Record<string, unknown>,
): { value: Record<string, unknown>; routeOrigins?: RouteOrigin[] } {
  const value: Record<string, unknown> = { ...below, ...patch };
  // null removes an optional field (a required one is then reported as missing).
  for (const [field, given] of Object.entries(patch)) if (given === null) delete value[field];
  if (collection !== 'transitions' || !Array.isArray(patch.routes)) return { value };

  const routes: unknown[] = [...(below.routes as Route[])];
  // Stryker disable next-line StringLiteral: a layer is only ever compared with 'overlay'
  const routeOrigins: RouteOrigin[] = routes.map((_, index) => ({ layer: 'below', index }));
  const ids = (below.routes as Route[]).map((route, i) => route.id ?? String(i + 1));
  patch.routes.forEach((route: unknown, index: number) => {
    // The ids below are strings: a route with no id, or one that is not text, matches none and is
    // added, unless it is the same as a route below (the same overlay layered twice adds nothing).
    if (isRecord(route) && route.id === undefined && sameRouteBelow(routes, route)) return;
    const at = isRecord(route) ? ids.indexOf(route.id as string) : -1;
    if (at >= 0) {
      routes[at] = route;
      routeOrigins[at] = { layer: 'overlay', index };
    } else {
      routes.push(route);
      routeOrigins.push({ layer: 'overlay', index });
    }
  });
  value.routes = routes;
  return { value, routeOrigins };
}

/** True when a route below has the same fields as `route` once defaults are filled in (its id aside). */
function sameRouteBelow(routes: unknown[], route: Record<string, unknown>): boolean {
  const parsed = RouteSchema.safeParse(route);
  if (!parsed.success) return false;
  const key = canonical(parsed.data);
  return routes.some((below) => {
    if (!isRecord(below)) return false;
    // A route below has its own id, or its position; compare the rest.
    const { id: _id, ...rest } = below;
    return canonical(RouteSchema.safeParse(rest).data) === key;
  });
}

/** JSON with keys in order, so that equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** Where a part of a patched entry was written: in the overlay if it set that field, else below. */
function originOf(
  rest: IssuePath,
  at: { base: Located<unknown>; file: string; path: IssuePath; patch: Record<string, unknown>; routeOrigins?: RouteOrigin[] },
): { file: string; path: IssuePath } {
  const [field, route, ...more] = rest;
  if (field === undefined) return { file: at.file, path: at.path };
  // After "routes" comes the route's index; routeOrigins is there when the overlay gave routes.
  const from = field === 'routes' ? at.routeOrigins?.[route as number] : undefined;
  if (from) {
    return from.layer === 'overlay' ? { file: at.file, path: [...at.path, 'routes', from.index, ...more] } : whereIs(at.base, ['routes', from.index, ...more]);
  }
  if (Object.hasOwn(at.patch, field)) return { file: at.file, path: [...at.path, ...rest] };
  return whereIs(at.base, rest);
}

function keyOf(collection: CollectionName, entry: Record<string, unknown>): string | undefined {
  if (collection === 'transitions') {
    return typeof entry.from === 'string' && typeof entry.to === 'string' ? `${entry.from}->${entry.to}` : undefined;
  }
  return typeof entry.id === 'string' ? entry.id : undefined;
}

function displayKey(collection: CollectionName, key: string): string {
  return collection === 'transitions' ? key.replace('->', ' → ') : key;
}

function label(collection: CollectionName, key: string): string {
  return `${SINGULAR[collection]} "${displayKey(collection, key)}"`;
}

/** "a", "a and b", "a, b and c": never called with no words. */
function joinWords(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
