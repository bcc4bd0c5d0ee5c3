/**
 * Reading one dataset file's bytes without trusting it: regular files only, the size checked before
 * a byte is read, never blocking on a pipe. No dependencies, so any bundle can use it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_FILE_BYTES } from './limits';

export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * The file's bytes, or why it cannot be a dataset file (in words, without the path). `noFollow`:
 * a symbolic link is refused rather than followed (the cache's own entries are never links).
 */
export function readFileBytes(file: string, cwd: string, limit = MAX_FILE_BYTES, options: { noFollow?: boolean } = {}): FileRead {
  const refuse = (message: string): FileRead => ({ ok: false, message });
  if (file === '') return refuse('the file name is empty; give the path of a .yaml or .json file');
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one
    // (fstat then refuses it). It changes nothing for regular files.
    const noFollow = options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0;
    fd = openSync(resolve(cwd, file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | noFollow);
  } catch (error) {
    return refuse(openProblem(error));
  }
  try {
    // fstat, not stat: the checks apply to the very file that was opened, not whatever the name
    // points at by the time it is read.
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return refuse('it is a folder, not a file; give the path of a .yaml or .json file');
    if (!stats.isFile()) return refuse('not a regular file (a pipe, device or socket); give the path of a .yaml or .json file');
    if (stats.size > limit) return refuse(tooBig(stats.size, limit));
    // Read to the end, but never more than one byte past the limit: a file still growing is caught too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 64 * 1024), limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return refuse(tooBig(total, limit, true));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return refuse(openProblem(error));
  } finally {
    closeSync(fd);
  }
}

function tooBig(size: number, limit: number, atLeast = false): string {
  return `file is ${atLeast ? 'more than ' : ''}${atLeast ? limit : size} bytes; the limit is ${limit} (split it into an overlay)`;
}

function openProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (a relative path starts from the current folder)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file; give the path of a .yaml or .json file';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return `cannot read it (${code ?? (error as Error).message})`;
  }
}
