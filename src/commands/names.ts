/** Resolving typed names for commands: an unknown name is a usage error with the closest names. */
import { resolveQualification, resolveRole } from '../domain/resolve';
import type { Dataset, Qualification, Role } from '../domain/types';
import { UsageError } from '../errors';

/** The role a user typed, or a UsageError suggesting the nearest names. */
export function requireRole(dataset: Dataset, typed: string, flag: string): Role {
  const found = resolveRole(dataset, typed);
  if (found.ok) return found.value;
  throw new UsageError(`unknown role "${typed}" (${flag})${didYouMean(found.suggestions.map((r) => r.name))}`, {
    hint: 'Run `careerpath roles` to list the roles.',
  });
}

/** The qualification a user typed (old titles match), or a UsageError suggesting the nearest names. */
export function requireQualification(dataset: Dataset, typed: string, flag: string): Qualification {
  const found = resolveQualification(dataset, typed);
  if (found.ok) return found.value;
  throw new UsageError(`unknown qualification "${typed}" (${flag})${didYouMean(found.suggestions.map((q) => q.name))}`, {
    hint: 'Old titles are accepted too; `careerpath show NAME` shows a qualification in full.',
  });
}

/** A role or a qualification (for --avoid and `show`): roles win when a name is both. */
export function requireRoleOrQualification(dataset: Dataset, typed: string, flag: string): { kind: 'role'; role: Role } | { kind: 'qualification'; qualification: Qualification } {
  const role = resolveRole(dataset, typed);
  if (role.ok) return { kind: 'role', role: role.value };
  const qualification = resolveQualification(dataset, typed);
  if (qualification.ok) return { kind: 'qualification', qualification: qualification.value };
  const names = [...role.suggestions.map((r) => r.name), ...qualification.suggestions.map((q) => q.name)].slice(0, 4);
  throw new UsageError(`unknown role or qualification "${typed}" (${flag})${didYouMean(names)}`, {
    hint: 'Run `careerpath roles` to list the roles.',
  });
}

/** `. Did you mean "A", "B" or "C"?` */
export function didYouMean(names: string[]): string {
  if (names.length === 0) return '';
  return `. Did you mean ${names.map((n) => `"${n}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}?`;
}
