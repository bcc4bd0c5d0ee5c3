/**
 * Writing an export safely (reliability.md §5): the text goes to a temp file in the destination's
 * folder and is synced, then hard-linked into place (fails atomically if anything is there already)
 * or, with --force, renamed over it. A full disk or a crash never leaves a half-written or emptied
 * file, no temp file is left behind, and errors name the user's path, never the temp one.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, copyFile, type FileHandle, link, lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors';
import { removeOnSignal } from './signal-cleanup';

export { removeOnSignal } from './signal-cleanup';

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
  // What is there already decides what may happen to it, before anything is written.
  const existing = await lstat(destination).catch(() => undefined);
  if (existing) refuseToReplace(file, existing, options.force, existing.isSymbolicLink() ? await stat(destination).catch(() => undefined) : undefined);
  if (existing?.isFile() && options.force) await refuseReadOnly(file, destination, existing);
  const prefix = `.${basename(destination).slice(0, 64)}.`;
  // The temp name shortens the file's own name, so that a long but valid name still gets a temp file.
  const temp = join(folder, `${prefix}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  const stopGuarding = removeOnSignal(temp);
  try {
    const handle = await open(temp, 'wx');
    created = true;
    try {
      // A replaced file keeps its permissions (a private 0600 plan stays private) and, for root, its owner.
      if (existing?.isFile() && options.force) await keepModeAndOwner(handle, existing);
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
  await removeStaleTemps(folder, prefix);
}

/**
 * Only a regular file is ever replaced. A FIFO, a device (as root, `-o /dev/null --force` would
 * replace the system's /dev/null), a socket or a folder is refused, and so is a symbolic link:
 * replacing the link would leave its target as it was, which is never what was meant.
 */
function refuseToReplace(file: string, stats: Stats, force: boolean, linkTarget: Stats | undefined): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw new UserError(`cannot write ${file}: it is a folder`, { hint: 'Give a file name, e.g. plan.md.' });
  const kind = (s: Stats) =>
    s.isFIFO() ? 'a named pipe (FIFO)' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : s.isSocket() ? 'a socket' : 'not a regular file';
  const special = stats.isSymbolicLink() ? linkTarget !== undefined && !linkTarget.isFile() && !linkTarget.isDirectory() : true;
  const what = stats.isSymbolicLink() ? `a symbolic link${special ? ` to ${kind(linkTarget!)}` : ''}` : kind(stats);
  const hint = special
    ? 'To print the result instead, leave out --output (or use -o -); to save it, give a file name, e.g. plan.md.'
    : 'careerpath does not save through links: give the path of the file itself, or another name.';
  throw new UserError(`cannot write ${file}: it is ${what}${force ? ', and --force replaces only a regular file' : ''}`, { hint });
}

/** A file that is read-only (or not the user's to write) is kept unless the user makes it writable first. */
async function refuseReadOnly(file: string, destination: string, stats: Stats): Promise<void> {
  const writable =
    (stats.mode & 0o200) !== 0 &&
    (await access(destination, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (writable) return;
  throw new UserError(`cannot write ${file}: it is read-only, and --force replaces only a file you may write to`, {
    hint: `It was left as it is. To replace it anyway, make it writable first (chmod u+w ${quoteForShell(file)}), or save under another name.`,
  });
}

/** The permission bits (never setuid, setgid or sticky, which a plan has no use for) and, when root, the owner. */
async function keepModeAndOwner(handle: FileHandle, stats: Stats): Promise<void> {
  await handle.chmod(stats.mode & 0o777);
  if (process.getuid?.() === 0 && (stats.uid !== 0 || stats.gid !== 0)) await handle.chown(stats.uid, stats.gid).catch(() => {});
}

/** A path as one shell word, for a command in a hint. */
function quoteForShell(path: string): string {
  return /^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/** A temp file this old whose process is gone was left by a process killed mid-save (SIGKILL, a power cut). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes temp files of this same file name that earlier saves left behind: only regular files,
 * only older than ten minutes, and only when the process that made them is no longer running.
 */
async function removeStaleTemps(folder: string, prefix: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || processRunning(Number(pid))) continue;
    const path = join(folder, name);
    const stats = await lstat(path).catch(() => undefined);
    if (stats?.isFile() && now - stats.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => {});
  }
}

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
      // A folder that exists but takes no new files (/proc/self/fd) is not a missing folder.
      if (
        await lstat(dirname(destination)).then(
          (s) => s.isDirectory(),
          () => false,
        )
      )
        return fail(`files cannot be created in ${dirname(file)}`, 'Save somewhere else, e.g. your home folder.');
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
