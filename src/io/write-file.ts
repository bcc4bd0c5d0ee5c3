/**
 * Writing an export safely (reliability.md §5): the text goes to a temp file in the destination's
 * folder and is synced, then hard-linked into place (fails atomically if anything is there already)
 * or, with --force, renamed over it. A full disk or a crash never leaves a half-written or emptied
 * file, no temp file is left behind, and errors name the user's path, never the temp one.
 */
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors';

export interface WriteOptions {
  /** Replace an existing file. */
  force: boolean;
  /** What relative paths are relative to. */
  cwd: string;
}

/** Writes `text` to `file` (as the user typed it) atomically; refuses to overwrite without `force`. */
export async function writeFileSafely(file: string, text: string, options: WriteOptions): Promise<void> {
  const destination = resolve(options.cwd, file);
  const folder = dirname(destination);
  // The temp name shortens the file's own name, so that a long but valid name still gets a temp file.
  const temp = join(folder, `.${basename(destination).slice(0, 64)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  const stopGuarding = removeOnSignal(temp);
  try {
    const handle = await open(temp, 'wx');
    created = true;
    try {
      // Stryker disable next-line StringLiteral: Node takes an empty encoding as its default, UTF-8
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) await rename(temp, destination);
    else await linkNoClobber(temp, destination);
  } catch (error) {
    throw await writeError(file, destination, error, options.force);
  } finally {
    // After a link the temp name is a second name for the file; after a rename it is gone already.
    if (created) await unlink(temp).catch(() => {});
    stopGuarding();
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * While the temp file may exist, Ctrl-C (or a kill) removes it first, then ends the process the way
 * the signal would have (a shell shows 130 for Ctrl-C): the destination is whole or untouched, and
 * no temp file is left behind. Returns the function that stops guarding.
 */
export function removeOnSignal(temp: string): () => void {
  const stop = () => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already linked or renamed into place.
    }
    stop();
    // Raised again: other listeners (a prompt library's cleanup) run, else Node's default ends the process.
    process.kill(process.pid, signal);
  }
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return stop;
}

async function linkNoClobber(temp: string, destination: string): Promise<void> {
  try {
    await link(temp, destination);
  } catch (error) {
    // Some file systems (FAT, some network shares) have no hard links: an exclusive copy still
    // never overwrites, though a reader could see the copy half-done.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      await copyFile(temp, destination, constants.COPYFILE_EXCL).catch(async (copyError: NodeJS.ErrnoException) => {
        // The exclusive copy created the destination itself: a half copy (a full disk) goes again.
        if (copyError.code !== 'EEXIST') await unlink(destination).catch(() => {});
        throw copyError;
      });
    } else throw error;
  }
}

async function writeError(file: string, destination: string, error: unknown, force: boolean): Promise<UserError> {
  const code = (error as NodeJS.ErrnoException).code;
  const kind = await lstat(destination).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    // Stryker disable next-line StringLiteral,ArrowFunction: only 'folder' and 'file' are ever compared
    () => 'none',
  );
  const fail = (reason: string, hint?: string) => new UserError(`cannot write ${file}: ${reason}`, { hint, cause: error });
  switch (code) {
    case 'EEXIST':
      if (kind === 'folder') return fail('it is a folder', 'Give a file name, e.g. plan.md.');
      return new UserError(`${file} already exists (use --force to overwrite it)`, {
        hint: 'It was left as it is. Pick another name with --output, or add --force to replace it.',
        cause: error,
      });
    case 'EISDIR':
      return fail('it is a folder', 'Give a file name, e.g. plan.md.');
    case 'ENOENT':
      return fail(`the folder ${dirname(file)} does not exist`, 'Create the folder first, or save somewhere else.');
    case 'ENOTDIR':
      return fail('part of the path is a file, not a folder');
    case 'EACCES':
    case 'EPERM':
      return fail('permission denied', force ? undefined : 'Save it somewhere you can write, e.g. your home folder.');
    case 'EROFS':
      return fail('the file system is read-only');
    case 'ENOSPC':
    case 'EDQUOT':
      return fail(kind === 'file' ? 'the disk is full (the existing file was left as it was)' : 'the disk is full');
    case 'ENAMETOOLONG':
      return fail('the name is too long');
    default:
      return fail(code ? `${code}` : String((error as Error).message ?? error));
  }
}
