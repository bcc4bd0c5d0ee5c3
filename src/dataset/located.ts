/** A parsed entry, where it came from, and a problem located in it: shared by every validation rule. */
import type { IssuePath } from './issue';

/** A parsed entry and where it came from. */
export interface Located<T> {
  value: T;
  file: string;
  path: IssuePath;
  /**
   * For an entry an overlay patched: which file and path a part of it came from (a field the overlay
   * set points into the overlay, the others into the file below), so problems land on the right line.
   */
  origin?: (rest: IssuePath) => { file: string; path: IssuePath };
}

/** Where a part of an entry was written. */
export function whereIs(entry: Located<unknown>, rest: IssuePath): { file: string; path: IssuePath } {
  return entry.origin ? entry.origin(rest) : { file: entry.file, path: [...entry.path, ...rest] };
}

export interface RuleProblem {
  file: string;
  path: IssuePath;
  message: string;
}

/** A problem at a part of an entry. */
export const at = (entry: Located<unknown>, rest: IssuePath, message: string): RuleProblem => ({ ...whereIs(entry, rest), message });
