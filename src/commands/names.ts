/**
 * Resolving typed names for commands: an unknown name is a usage error with the closest names, and
 * a name several entries share is a usage error listing them, so the user picks rather than we guess.
 */
import { resolveQualification, resolveRole, resolveRoleOrQualification, type RoleOrQualification } from '../domain/resolve';
import type { Dataset, Qualification, Role } from '../domain/types';
import { UsageError } from '../errors';
import { quoteTyped } from '../render/terminal-text';

/** How many of an ambiguous name's candidates are listed before "and N more". */
const LISTED_CANDIDATES = 8;

/** The role a user typed, or a UsageError listing the roles it could be or the nearest names. */
export function requireRole(dataset: Dataset, typed: string, flag: string): Role {
  const found = resolveRole(dataset, typed);
  if (found.ok) return found.value;
  if (found.ambiguous.length > 0) {
    throw new UsageError(`${quoteTyped(typed)} (${flag}) matches ${found.ambiguous.length} roles${candidateList(found.ambiguous.map((r) => r.name))}`, {
      hint: 'Type more of the name, e.g. one of those above in quotes; `careerpath roles` lists them all.',
    });
  }
  throw new UsageError(`unknown role ${quoteTyped(typed)} (${flag})${didYouMean(found.suggestions.map((r) => r.name))}`, {
    hint: 'Run `careerpath roles` to list the roles.',
  });
}

/** The qualification a user typed (old titles match), or a UsageError listing what it could be. */
export function requireQualification(dataset: Dataset, typed: string, flag: string): Qualification {
  const found = resolveQualification(dataset, typed);
  if (found.ok) return found.value;
  if (found.ambiguous.length > 0) {
    throw new UsageError(
      `${quoteTyped(typed)} (${flag}) matches ${found.ambiguous.length} qualifications${candidateList(found.ambiguous.map((q) => q.name))}`,
      {
        hint: 'Type more of the name, e.g. one of those above in quotes; `careerpath qualifications` lists them all.',
      },
    );
  }
  throw new UsageError(`unknown qualification ${quoteTyped(typed)} (${flag})${didYouMean(found.suggestions.map((q) => q.name))}`, {
    hint: 'Old titles (NVQ, QCF) are accepted too; `careerpath qualifications` lists them all.',
  });
}

/** A role or a qualification (for --avoid and `show`): an exact role name wins over a qualification. */
export function requireRoleOrQualification(dataset: Dataset, typed: string, flag: string): RoleOrQualification {
  const found = resolveRoleOrQualification(dataset, typed);
  if (found.ok) return found.value;
  const label = (entry: RoleOrQualification) => (entry.kind === 'role' ? `${entry.role.name} (role)` : `${entry.qualification.name} (qualification)`);
  if (found.ambiguous.length > 0) {
    throw new UsageError(`${quoteTyped(typed)} (${flag}) matches ${found.ambiguous.length} entries${candidateList(found.ambiguous.map(label))}`, {
      hint: 'Type more of the name, e.g. one of those above in quotes.',
    });
  }
  const names = found.suggestions.map((entry) => (entry.kind === 'role' ? entry.role.name : entry.qualification.name));
  throw new UsageError(`unknown role or qualification ${quoteTyped(typed)} (${flag})${didYouMean(names)}`, {
    hint: 'Run `careerpath roles` or `careerpath qualifications` to list them.',
  });
}

/** `. Did you mean "A", "B" or "C"?` */
export function didYouMean(names: string[]): string {
  if (names.length === 0) return '';
  return `. Did you mean ${names
    .map((n) => `"${n}"`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1')}?`;
}

/** `:` and the names, one per line, the first few only. */
function candidateList(names: string[]): string {
  const shown = names.slice(0, LISTED_CANDIDATES).map((n) => `\n  ${n}`);
  const more = names.length > LISTED_CANDIDATES ? `\n  … and ${names.length - LISTED_CANDIDATES} more` : '';
  return `:${shown.join('')}${more}`;
}
