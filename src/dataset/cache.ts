/**
 * A cache of validated --data datasets, so a large local file pays for yaml and zod once. Keyed by
 * a hash of each file's name and bytes, the schema version and the shipped snapshot (an overlay's
 * base). Every failure here (missing, corrupt, stale, unwritable) just means "not cached": the
 * caller reads the files the slow way. Imports neither yaml nor zod.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Dataset } from '../domain/types';
import { MAX_FILE_BYTES } from './limits';

const CACHE_FORMAT = 1;

/** The cache folder: $XDG_CACHE_HOME/careerpath, else ~/.cache/careerpath. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
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
      if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
      hash.update(`\0${file}\0`);
      hash.update(readFileSync(path));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}

/** A cached dataset, or undefined when there is none or it cannot be read as one. */
export function readCachedDataset(folder: string, key: string): Dataset | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(folder, `${key}.json`), 'utf8')) as { key?: string; dataset?: Dataset };
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
      writeSync(fd, JSON.stringify({ key, dataset }));
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
