/** Name matching: "Care Worker", "care-worker" and "care_worker" are the same name. */

const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Lower case, "-", "_", "/" and any white space as one space, accents dropped, other punctuation
 * dropped. Letters and digits of every script are kept ("护士", "Φροντιστής"): a name written
 * without Latin letters is still a name, never "".
 */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  // Most names are already plain words (role ids, "care worker"): nothing below would change them.
  if (PLAIN_WORDS.test(lower)) return lower;
  return (
    lower
      .normalize('NFKD')
      // Accents on Latin and Greek letters go; the rest is composed again (Hangul syllables, ...).
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .replace(/&/g, ' and ')
      .replace(/[-_/\s]+/g, ' ')
      .replace(/[^\p{L}\p{M}\p{N} ]+/gu, '')
      .replace(/ +/g, ' ')
      .trim()
  );
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
  return boundedEditDistance(a, b, Infinity);
}

/**
 * Levenshtein distance when it is at most `limit`, else a number above it: only the band of
 * cells within `limit` of the diagonal can hold such a distance, so the work is the length times
 * the band, not the product of the lengths.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(a.length, b.length));
  const above = band + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : above;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[from - 1] = from === 1 ? i : above;
    let best = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) current[to + 1] = above;
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

export interface NameCandidate<T> {
  key: string;
  value: T;
}

/** A typed name longer than this gets no suggestions: no name is that long, and comparing it costs its length squared. */
export const MAX_SUGGESTION_QUERY = 120;

/**
 * Candidate names normalised once, so that many look-ups (a validation with thousands of
 * unknown references) cost one pass over the candidates each, not a normalisation per pair.
 */
export class NameIndex<T> {
  private readonly names: { key: string; name: string; value: T }[];

  constructor(candidates: readonly NameCandidate<T>[]) {
    this.names = candidates.map(({ key, value }) => ({ key, name: normalizeName(key), value }));
  }

  /**
   * The closest candidates to a typed name: near spellings first, then names that contain
   * every word typed. Distinct values only, best first, ties by key. Nothing for a name that is
   * empty once normalised ("!!!", an emoji) or longer than MAX_SUGGESTION_QUERY.
   */
  closest(typed: string, limit = 3): T[] {
    if (typed.length > MAX_SUGGESTION_QUERY * 4) return [];
    const query = normalizeName(typed);
    if (query === '' || query.length > MAX_SUGGESTION_QUERY) return [];
    const words = query.split(' ');
    const scored: { score: number; key: string; value: T }[] = [];
    for (const { key, name, value } of this.names) {
      const allowed = Math.max(2, Math.floor(Math.max(query.length, name.length) / 3));
      const distance = boundedEditDistance(query, name, allowed);
      let score = Infinity;
      if (distance <= allowed) score = distance;
      else if (words.every((w) => name.includes(w))) score = allowed + 1 + name.length / 100;
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
}

/** The closest candidates to a typed name (see NameIndex.closest), for a single look-up. */
export function closestMatches<T>(typed: string, candidates: NameCandidate<T>[], limit = 3): T[] {
  return new NameIndex(candidates).closest(typed, limit);
}
