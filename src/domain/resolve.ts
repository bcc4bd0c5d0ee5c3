/** Turning what a user typed into a role or qualification: ids, names and aliases, any case. */
import { closestMatches, normalizeName, type NameCandidate } from './names';
import type { Dataset, Qualification, Role } from './types';

export type Resolution<T> = { ok: true; value: T } | { ok: false; suggestions: T[] };

function resolveIn<T extends { id: string; name: string; aliases: string[] }>(entries: T[], typed: string): Resolution<T> {
  const wanted = normalizeName(typed);
  const matches = (key: string) => normalizeName(key) === wanted;
  // The first entry with a matching id, name or alias; candidates are only listed for suggestions.
  const exact = entries.find((e) => matches(e.id) || matches(e.name) || e.aliases.some(matches));
  if (exact) return { ok: true, value: exact };
  const candidates: NameCandidate<T>[] = entries.flatMap((e) => [e.id, e.name, ...e.aliases].map((key) => ({ key, value: e })));
  return { ok: false, suggestions: closestMatches(typed, candidates, 3) };
}

/** Finds a role by id, name or alias. */
export function resolveRole(dataset: Dataset, typed: string): Resolution<Role> {
  return resolveIn(dataset.roles, typed);
}

/** Finds a qualification by id, name or alias (old titles are aliases). */
export function resolveQualification(dataset: Dataset, typed: string): Resolution<Qualification> {
  return resolveIn(dataset.qualifications, typed);
}
