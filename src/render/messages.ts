/** Wording shared by several renderers. */
import type { SearchLimit } from '../planner/limits';

const LIMIT_WORDS: Record<SearchLimit, string> = { labels: 'its limit on partial routes', time: 'its time limit', memory: 'its memory limit' };

/** Said when a limit stopped a search (see planner/limits.ts): the best route too may be only the best found. */
export function searchCutShort(limit: SearchLimit | undefined): string {
  return `The search was cut short at ${LIMIT_WORDS[limit ?? 'labels']}: these are the best routes it found, and a better route or more alternatives may exist.`;
}
