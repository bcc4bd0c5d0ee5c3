/**
 * Turning what a user typed into a role or qualification: an exact id, name or alias (any case)
 * first; otherwise the one entry whose name, alias or id has a word starting with every word typed
 * ("senior healthcare support worker apprenticeship" finds the "(Level 3)" one). Several such
 * entries are ambiguous, and are listed rather than guessed between.
 */
import { closestMatches, normalizeName, startsWords, type NameCandidate } from './names';
import type { Dataset, Qualification, Role } from './types';

export type Resolution<T> = { ok: true; value: T; exact: boolean } | { ok: false; ambiguous: T[]; suggestions: T[] };

interface Named {
  id: string;
  name: string;
  aliases: string[];
}

const keysOf = (entry: Named) => [entry.name, ...entry.aliases, entry.id];

function exactIn<T extends Named>(entries: readonly T[], wanted: string): T | undefined {
  const matches = (key: string) => normalizeName(key) === wanted;
  return entries.find((e) => keysOf(e).some(matches));
}

/**
 * The entries every typed word starts a word of (in its name, an alias or its id): those whose
 * name fits first ("nurse": the registered nurse fields), then those only an alias fits, each in
 * dataset order.
 */
export function wordMatches<T extends Named>(entries: readonly T[], typed: string): T[] {
  const words = normalizeName(typed).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const byName = entries.filter((e) => startsWords(words, e.name));
  const byAlias = entries.filter((e) => !byName.includes(e) && keysOf(e).some((key) => startsWords(words, key)));
  return [...byName, ...byAlias];
}

function resolveIn<T extends Named>(entries: readonly T[], typed: string): Resolution<T> {
  const wanted = normalizeName(typed);
  // Typed text with no letter or digit ("!!!", an emoji, spaces) names nothing, and is near nothing.
  if (wanted === '') return { ok: false, ambiguous: [], suggestions: [] };
  const exact = exactIn(entries, wanted);
  if (exact) return { ok: true, value: exact, exact: true };
  const words = wordMatches(entries, typed);
  if (words.length === 1) return { ok: true, value: words[0]!, exact: false };
  if (words.length > 1) return { ok: false, ambiguous: words, suggestions: [] };
  const candidates: NameCandidate<T>[] = entries.flatMap((e) => [e.id, e.name, ...e.aliases].map((key) => ({ key, value: e })));
  return { ok: false, ambiguous: [], suggestions: closestMatches(typed, candidates, 3) };
}

/** Finds a role by id, name or alias, or by the words of one. */
export function resolveRole(dataset: Dataset, typed: string): Resolution<Role> {
  return resolveIn(dataset.roles, typed);
}

/** Finds a qualification by id, name or alias (old titles are aliases), or by the words of one. */
export function resolveQualification(dataset: Dataset, typed: string): Resolution<Qualification> {
  return resolveIn(dataset.qualifications, typed);
}

export type RoleOrQualification = { kind: 'role'; role: Role } | { kind: 'qualification'; qualification: Qualification };

/**
 * A role or a qualification (for `show` and --avoid). An exact name wins, a role before a
 * qualification; otherwise the word match must be unique across both.
 */
export function resolveRoleOrQualification(
  dataset: Dataset,
  typed: string,
): { ok: true; value: RoleOrQualification } | { ok: false; ambiguous: RoleOrQualification[]; suggestions: RoleOrQualification[] } {
  const asRole = (role: Role): RoleOrQualification => ({ kind: 'role', role });
  const asQualification = (qualification: Qualification): RoleOrQualification => ({ kind: 'qualification', qualification });
  const role = resolveRole(dataset, typed);
  const qualification = resolveQualification(dataset, typed);
  if (role.ok && role.exact) return { ok: true, value: asRole(role.value) };
  if (qualification.ok && qualification.exact) return { ok: true, value: asQualification(qualification.value) };
  const ambiguous = [
    ...(role.ok ? [role.value] : role.ambiguous).map(asRole),
    ...(qualification.ok ? [qualification.value] : qualification.ambiguous).map(asQualification),
  ];
  if (ambiguous.length === 1) return { ok: true, value: ambiguous[0]! };
  if (ambiguous.length > 1) return { ok: false, ambiguous, suggestions: [] };
  const suggestions = [...(role.ok ? [] : role.suggestions.map(asRole)), ...(qualification.ok ? [] : qualification.suggestions.map(asQualification))].slice(
    0,
    4,
  );
  return { ok: false, ambiguous: [], suggestions };
}
