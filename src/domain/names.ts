/** Name matching: "Care Worker", "care-worker" and "care_worker" are the same name. */

const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Lower case, "-"/"_" as spaces, punctuation dropped, spaces collapsed. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  // Most names are already plain words (role ids, "care worker"): nothing below would change them.
  if (PLAIN_WORDS.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every typed word starts a word of the key ("care assist" → "Care assistant"; "care" is not in "healthcare"). */
export function startsWords(words: readonly string[], key: string): boolean {
  const keyWords = normalizeName(key).split(' ');
  return words.every((w) => keyWords.some((k) => k.startsWith(w)));
}

/**
 * Orders names alphabetically, ignoring case. By code point rather than localeCompare: the first
 * localeCompare loads ICU collation data (about 8 ms of a `show`), and the names are English.
 */
export function compareNames(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface NameCandidate<T> {
  key: string;
  value: T;
}

/**
 * The closest candidates to a typed name: near spellings first, then names that contain
 * every word typed. Distinct values only, best first, ties by key.
 */
export function closestMatches<T>(typed: string, candidates: NameCandidate<T>[], limit = 3): T[] {
  const query = normalizeName(typed);
  const words = query.split(' ').filter(Boolean);
  const scored: { score: number; key: string; value: T }[] = [];
  for (const { key, value } of candidates) {
    const name = normalizeName(key);
    const allowed = Math.max(2, Math.floor(Math.max(query.length, name.length) / 3));
    // The distance is at least the difference in length: past the allowance, skip working it out.
    const distance = Math.abs(query.length - name.length) > allowed ? Infinity : editDistance(query, name);
    let score = Infinity;
    if (distance <= allowed) score = distance;
    else if (words.length > 0 && words.every((w) => name.includes(w))) score = allowed + 1 + name.length / 100;
    else if (name.length >= 4 && query.includes(name)) score = allowed + 2;
    if (score < Infinity) scored.push({ score, key, value });
  }
  scored.sort((a, b) => a.score - b.score || compareNames(a.key, b.key));
  const out: T[] = [];
  for (const s of scored) {
    if (!out.includes(s.value)) out.push(s.value);
    if (out.length === limit) break;
  }
  return out;
}
