/**
 * A cache of validated --data datasets, so a large local file pays for yaml and zod once. Keyed by
 * a hash of the very bytes that were parsed (each file's name and bytes), the schema version,
 * careerpath's version and the shipped snapshot (an overlay's base). An entry carries a checksum of
 * its own content; one that fails it, or cannot be read as an entry for any reason (missing,
 * corrupt, a link, a pipe, a device, too big), just means "not cached": the caller reads the files
 * the slow way and writes a fresh entry. Imports neither yaml nor zod.
 */
import { createHash } from 'node:crypto';
import { constants, lstatSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { Dataset } from '../domain/types';
import { removeOnSignal } from '../io/signal-cleanup';
import { readFileBytes } from './read-bytes';

// 3: an entry is a header line (format, key, checksum of the rest) and then the dataset as plain
// ASCII JSON (see entryText); older entries fail the header and are rebuilt.
const CACHE_FORMAT = 3;

/** An entry bigger than this is neither written nor read: no dataset file makes one this big. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
/** What the folder may hold; past it the least recently used entries go. */
export const CACHE_BUDGET_BYTES = 128 * 1024 * 1024;
/** A temp file this old is left over from a process that was killed mid-write. */
const STALE_TEMP_MS = 10 * 60 * 1000;

const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;
const TEMP_NAME = /^\.[0-9a-f]{64}\.\d+(\.[0-9a-f]+)?\.tmp$/;

/**
 * The cache folder: $XDG_CACHE_HOME/careerpath, else ~/.cache/careerpath; undefined when neither
 * gives an absolute path (HOME empty or relative), rather than a folder relative to wherever the
 * command runs.
 */
export function cacheFolder(env: NodeJS.ProcessEnv, home = homedir()): string | undefined {
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'careerpath');
  return isAbsolute(home) ? join(home, '.cache', 'careerpath') : undefined;
}

/** One data file as read: its name as given and its bytes. */
export interface ReadFile {
  file: string;
  bytes: Uint8Array;
}

/** The cache key for these files' bytes on top of this base. */
export function cacheKey(files: readonly ReadFile[], base: Uint8Array | undefined, versions: { schema: number; tool: string }): string {
  const hash = createHash('sha256');
  hash.update(`careerpath-cache ${CACHE_FORMAT} schema ${versions.schema} careerpath ${versions.tool}\0`);
  hash.update(base ?? new Uint8Array());
  for (const { file, bytes } of files) {
    hash.update(`\0${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/**
 * A cached dataset, or undefined when there is none or the entry is not exactly what was written
 * under this key. The entry is opened without following a link or waiting on a pipe, and only a
 * regular file within the size limit is read (a FIFO or /dev/zero planted in the folder cannot
 * hang or exhaust the process). A hit is marked as recently used.
 */
export function readCachedDataset(folder: string, key: string): Dataset | undefined {
  const path = join(folder, `${key}.json`);
  const read = readFileBytes(path, folder, MAX_ENTRY_BYTES, { noFollow: true });
  if (!read.ok) return undefined;
  const dataset = parseEntry(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength), key);
  if (dataset) touch(path);
  return dataset;
}

/** The dataset in an entry's bytes, if its header names this key and its checksum matches. */
export function parseEntry(bytes: Buffer, key: string): Dataset | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  const [magic, format, entryKey, checksum] = bytes.toString('latin1', 0, newline).split(' ');
  if (magic !== 'careerpath-cache' || format !== String(CACHE_FORMAT) || entryKey !== key) return undefined;
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== checksum) return undefined;
  try {
    // Entries are plain ASCII, which Latin-1 reads byte for byte at a fraction of UTF-8's cost.
    const dataset = JSON.parse(body.toString('latin1')) as Dataset;
    return looksLikeDataset(dataset) ? dataset : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeDataset(value: unknown): value is Dataset {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return ['roles', 'qualifications', 'transitions', 'sources', 'funding'].every((k) => Array.isArray(d[k])) && typeof d.meta === 'object';
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Read-only: the entry is still used, only its place in the pruning order is older.
  }
}

/** The entry's text: a header with its checksum, then the dataset. */
export function entryText(key: string, dataset: Dataset): Buffer {
  const body = Buffer.from(asciiJson(dataset), 'latin1');
  const checksum = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`careerpath-cache ${CACHE_FORMAT} ${key} ${checksum}\n`, 'latin1'), body]);
}

/**
 * Stores a validated dataset atomically (temp file, then rename) and prunes the folder to its
 * budget. Never throws: returns why the folder could not be used, for a one-line note, or
 * undefined when the entry was written (or deliberately not: too big to be worth keeping).
 */
export async function writeCachedDataset(folder: string, key: string, dataset: Dataset): Promise<string | undefined> {
  const problem = ensureFolder(folder);
  if (problem) return problem;
  const text = entryText(key, dataset);
  if (text.length > MAX_ENTRY_BYTES) return undefined;
  const temp = join(folder, `.${key}.${process.pid}.${Date.now().toString(16)}.tmp`);
  // Ctrl-C or a kill while the entry is written removes the temp file first.
  const stopGuarding = removeOnSignal(temp);
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await rename(temp, join(folder, `${key}.json`));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    return `cannot write to it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  } finally {
    stopGuarding();
  }
  pruneCache(folder, CACHE_BUDGET_BYTES);
  return undefined;
}

/**
 * Makes the folder, creating only the missing folders below the nearest one that exists, one at a
 * time (never mkdir's recursive mode, which loops for ever on some /proc paths). Returns why it
 * cannot be used, or undefined when it is a folder.
 */
export function ensureFolder(folder: string): string | undefined {
  const missing: string[] = [];
  let at = folder;
  for (let depth = 0; depth < 32; depth++) {
    const kind = pathKind(at);
    if (kind === 'folder') break;
    if (kind !== 'none') return at === folder ? `it is ${kind}, not a folder` : `${at} is ${kind}, not a folder`;
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  try {
    for (const path of missing) mkdirSync(path, { mode: 0o700 });
  } catch (error) {
    return `cannot create it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return pathKind(folder) === 'folder' ? undefined : 'it did not appear after it was created';
}

function pathKind(path: string): 'folder' | 'none' | 'a file' | 'something else' {
  try {
    // stat, not lstat: a cache folder that is a link to a folder elsewhere is fine.
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'a file' : 'something else';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: something above it is a file; the walk up finds and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A dangling link is not a place to create a folder.
      try {
        lstatSync(path);
        return 'something else';
      } catch {
        return 'none';
      }
    }
    return 'something else';
  }
}

/**
 * Keeps the folder within `budget` bytes: the least recently used entries go first, and temp files
 * left by a killed process (older than ten minutes) go too. Only regular files with careerpath's
 * own entry and temp names are ever removed.
 */
export function pruneCache(folder: string, budget: number, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const entries: { path: string; size: number; used: number }[] = [];
  for (const name of names) {
    const isEntry = ENTRY_NAME.test(name);
    if (!isEntry && !TEMP_NAME.test(name)) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile()) continue;
      if (isEntry) entries.push({ path, size: stats.size, used: stats.mtimeMs });
      else if (now - stats.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already (another process pruning): nothing to do.
    }
  }
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  entries.sort((a, b) => a.used - b.used);
  for (const entry of entries) {
    if (total <= budget) break;
    try {
      rmSync(entry.path, { force: true });
      total -= entry.size;
    } catch {
      // Cannot remove it: leave it.
    }
  }
}

/** JSON with every character past ASCII written as a \u escape: the same value, in plain ASCII. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
