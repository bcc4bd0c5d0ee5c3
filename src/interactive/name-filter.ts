/**
 * Typing to narrow a list: the entries whose words start with what was typed (names before
 * aliases), else the nearest spellings; and lists shown in runs under headings. Pure: nothing
 * here prompts, prints or touches the file system.
 */
import { closestMatches, editDistance, normalizeName, startsWords, type NameCandidate } from '../domain/names';

/** Something with a name that can be typed: a role or a qualification. */
export interface NamedEntry {
  id: string;
  name: string;
  aliases: string[];
}

export interface NameMatch<T> {
  entry: T;
  /** The alias (or old title) that matched, when the name itself did not. */
  via?: string;
  /** True when nothing matched exactly and this is one of the nearest spellings. */
  near?: boolean;
}

/**
 * How far typed words are from starting words of a key, letting each typed word be off by one
 * letter (two from five letters up); undefined when a word is further off than that.
 */
function typoDistance(words: readonly string[], key: string): number | undefined {
  const keyWords = normalizeName(key).split(' ');
  let total = 0;
  for (const w of words) {
    const allowed = w.length >= 5 ? 2 : w.length >= 3 ? 1 : 0;
    const best = Math.min(...keyWords.map((k) => editDistance(w, k.slice(0, w.length))));
    if (best > allowed) return undefined;
    total += best;
  }
  return total;
}

/** How well a typed query matches, best first: the whole name (or another name for it), its start, the start of its words. */
enum Rank {
  Exact = 0,
  NameStart = 1,
  NameWords = 2,
  AliasStart = 3,
  AliasWords = 4,
}

/**
 * The entries where every word typed starts a word of the name, id or an alias (any case; "-"
 * and "_" count as spaces), best match first: a name or alias typed whole, then names that start
 * with what was typed, then names with words that do, then aliases the same way; otherwise the
 * given order is kept. When nothing matches, the nearest spellings are offered instead, so a typo
 * still finds something. An empty term matches everything.
 */
export function filterByName<T extends NamedEntry>(term: string, entries: readonly T[], extraKeys: (entry: T) => string[] = () => []): NameMatch<T>[] {
  const query = normalizeName(term);
  if (query === '') return entries.map((entry) => ({ entry }));
  const words = query.split(' ');
  const keysOf = (entry: T) => [...entry.aliases, ...extraKeys(entry), entry.id];
  const scored: { match: NameMatch<T>; rank: Rank; index: number }[] = [];
  const add = (entry: T, rank: Rank, index: number, via?: string) =>
    scored.push({ match: { entry, ...(via !== undefined && via !== entry.id ? { via } : {}) }, rank, index });
  entries.forEach((entry, index) => {
    const name = normalizeName(entry.name);
    const keys = keysOf(entry);
    const exactKey = keys.find((key) => normalizeName(key) === query);
    if (name === query) add(entry, Rank.Exact, index);
    else if (exactKey !== undefined) add(entry, Rank.Exact, index, exactKey);
    else if (name.startsWith(query)) add(entry, Rank.NameStart, index);
    else if (startsWords(words, entry.name)) add(entry, Rank.NameWords, index);
    else {
      const start = keys.find((key) => normalizeName(key).startsWith(query));
      const alias = start ?? keys.find((key) => startsWords(words, key));
      if (alias !== undefined) add(entry, start !== undefined ? Rank.AliasStart : Rank.AliasWords, index, alias);
    }
  });
  if (scored.length > 0) return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.match);
  const near: { match: NameMatch<T>; distance: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const distances = [entry.name, ...keysOf(entry)].map((key) => typoDistance(words, key)).filter((d): d is number => d !== undefined);
    if (distances.length > 0) near.push({ match: { entry, near: true }, distance: Math.min(...distances), index });
  });
  if (near.length > 0)
    return near
      .sort((a, b) => a.distance - b.distance || a.index - b.index)
      .slice(0, 5)
      .map((n) => n.match);
  const candidates: NameCandidate<T>[] = entries.flatMap((e) => [e.name, ...e.aliases].map((key) => ({ key, value: e })));
  return closestMatches(term, candidates, 5).map((entry) => ({ entry, near: true }));
}

/** The label of a matched entry: "Care worker", or "Care worker — also called Care assistant" when an alias matched. */
export function matchedName(match: NameMatch<NamedEntry>): string {
  return match.via ? `${match.entry.name} — also called ${match.via}` : match.entry.name;
}

/** Consecutive runs of items under the same heading (undefined: no heading). */
export function groupBy<T>(items: readonly T[], heading: (item: T) => string | undefined): { heading: string | undefined; items: T[] }[] {
  const groups: { heading: string | undefined; items: T[] }[] = [];
  for (const item of items) {
    const h = heading(item);
    const last = groups[groups.length - 1];
    if (last && last.heading === h) last.items.push(item);
    else groups.push({ heading: h, items: [item] });
  }
  return groups;
}
