/**
 * A cache of validated --data datasets, so a large local file pays for yaml and zod once. Keyed by
 * a hash of each file's name and bytes, the schema version and the shipped snapshot (an overlay's
 * base). Every failure here (missing, corrupt, stale, unwritable) just means "not cached": the
 * caller reads the files the slow way. Imports neither yaml nor zod.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Dataset } from '../domain/types';
import { MAX_FILE_BYTES } from './limits';

// 2: entries are written as plain ASCII (see writeCachedDataset); a format 1 entry read as
// Latin-1 would garble its text, so the format is part of the key.
const CACHE_FORMAT = 2;

/** The cache folder: $XDG_CACHE_HOME/careerpath, else ~/.cache/careerpath. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'careerpath');
}

/**
 * The cache key for these files on top of this base, or undefined when a file cannot be a cache
 * hit (missing, not a regular file, too big): the normal reader then reports it properly.
 */
export function cacheKey(files: string[], cwd: string, base: Uint8Array | undefined, schemaVersion: number): string | undefined {
  const hash = createHash('sha256');
  hash.update(`careerpath-cache ${CACHE_FORMAT} schema ${schemaVersion}\0`);
  hash.update(base ?? new Uint8Array());
  for (const file of files) {
    const path = resolve(cwd, file);
    try {
      const stats = statSync(path);
      // Not opened unless a regular file: opening a FIFO would wait for a writer.
      if (!stats.isFile()) return undefined;
      hash.update(`\0${file}\0`);
      if (!hashFile(hash, path)) return undefined;
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}

/** One small buffer for every file hashed: reading each into a fresh one of its size costs more than the hash. */
const chunk = Buffer.allocUnsafe(64 * 1024);

/** Feeds a file's bytes to the hash; false (no key) once it passes the size limit, which the reader reports. */
function hashFile(hash: Hash, path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    let total = 0;
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      total += read;
      if (total > MAX_FILE_BYTES) return false;
      hash.update(chunk.subarray(0, read));
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/** A cached dataset, or undefined when there is none or it cannot be read as one. */
export function readCachedDataset(folder: string, key: string): Dataset | undefined {
  try {
    // Entries are plain ASCII, which Latin-1 reads byte for byte at a fraction of UTF-8's cost.
    const entry = JSON.parse(readFileSync(join(folder, `${key}.json`), 'latin1')) as { key?: string; dataset?: Dataset };
    // The key inside guards against a renamed or truncated-then-rewritten entry.
    return entry.key === key && entry.dataset && Array.isArray(entry.dataset.roles) ? entry.dataset : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a validated dataset atomically (temp file, then rename); never throws. */
export function writeCachedDataset(folder: string, key: string, dataset: Dataset): void {
  const temp = join(folder, `.${key}.${process.pid}.tmp`);
  try {
    mkdirSync(folder, { recursive: true });
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, asciiJson({ key, dataset }));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(folder, `${key}.json`));
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable: nothing was written.
    }
  }
}

/** JSON with every character past ASCII written as a \u escape: the same value, in plain ASCII. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
