/**
 * The first question, the person's current role: the roles in list order and how each is
 * described. Pure: nothing here prompts, prints or touches the file system.
 */
import { compareNames, normalizeName } from '../domain/names';
import type { Dataset, Role } from '../domain/types';
import { SECTOR_NAMES } from '../domain/vocabulary';
import { levelText } from '../render/roles';
import type { Choice, ChoiceItem } from './ask';
import { filterByName, groupBy, matchedName } from './name-filter';

/** The "new to care" starting point, when the dataset has one. */
export function findNewToCare(dataset: Dataset): Role | undefined {
  return dataset.roles.find((r) => [r.id, r.name, ...r.aliases].some((key) => normalizeName(key) === 'new to care'));
}

export const NEW_TO_CARE_LABEL = "I'm new to care";

/** Words someone new might type for "I'm new to care" (its dataset aliases are category names, not for searching). */
const NEW_TO_CARE_WORDS = ['new', 'new starter', 'starting', 'no experience', 'none', 'first job'];

/** Care first, then the NHS (where many care workers move next), then social work. */
const SECTOR_ORDER: Role['sector'][] = ['adult-social-care', 'nhs', 'social-work'];

/**
 * How senior each role is, for ordering lists: its level (or band); for a role with neither, a
 * little above the most senior role that leads into it (a dementia lead sits above a practice
 * leader), and 0 for a starting point with nothing before it.
 */
export function roleRanks(dataset: Dataset): Map<string, number> {
  const rank = new Map<string, number>();
  for (const r of dataset.roles) {
    const known = r.level ?? r.band?.min;
    if (known !== undefined) rank.set(r.id, known);
  }
  // Relax along moves until nothing changes (a handful of passes: chains of unlevelled roles are short).
  for (let pass = 0; pass < dataset.roles.length; pass++) {
    let changed = false;
    for (const r of dataset.roles) {
      if (r.level !== undefined || r.band !== undefined) continue;
      const before = dataset.transitions.filter((t) => t.to === r.id && rank.has(t.from)).map((t) => rank.get(t.from)! + 0.5);
      const value = before.length > 0 ? Math.max(...before) : 0;
      if (rank.get(r.id) !== value) {
        rank.set(r.id, value);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

/** Roles in list order: by sector, then seniority (roleRanks), then name. */
export function sortRoles(dataset: Dataset, roles: readonly Role[]): Role[] {
  const ranks = roleRanks(dataset);
  const rank = (r: Role) => ranks.get(r.id) ?? 0;
  return [...roles].sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || rank(a) - rank(b) || compareNames(a.name, b.name));
}

/** "Adult social care · level 2 · also called Care assistant. <summary>" */
export function roleDescription(role: Role): string {
  const level = levelText(role);
  const facts = [SECTOR_NAMES[role.sector].label, ...(level !== '—' ? [level] : [])];
  if (role.aliases.length > 0) facts.push(`also called ${role.aliases.slice(0, 3).join(', ')}`);
  return `${facts.join(' · ')}. ${role.summary}`;
}

/**
 * The choices for "your current role": before anything is typed, "I'm new to care" first, then
 * every role grouped by sector; once something is typed, the roles (and "I'm new to care") that
 * match it, best match first (names, ids and aliases match).
 */
export function currentRoleChoices(dataset: Dataset, term: string): ChoiceItem<string>[] {
  const newToCare = findNewToCare(dataset);
  const roles = sortRoles(
    dataset,
    dataset.roles.filter((r) => r !== newToCare),
  );
  const entries: Role[] = newToCare ? [{ ...newToCare, name: NEW_TO_CARE_LABEL, aliases: NEW_TO_CARE_WORDS }, ...roles] : roles;
  const matches = filterByName(term, entries);
  const out: ChoiceItem<string>[] = [];
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near))
    out.push({ separator: `No role matches “${term.trim()}”; the nearest names:` });
  const heading = (role: Role) => (normalizeName(term) === '' && role.id !== newToCare?.id ? SECTOR_NAMES[role.sector].label : undefined);
  out.push(
    ...groupBy(matches, (m) => heading(m.entry)).flatMap(({ heading: h, items }) => [
      ...(h ? [{ separator: h }] : []),
      ...items.map(
        (m): Choice<string> =>
          m.entry.id === newToCare?.id
            ? { value: newToCare.id, name: NEW_TO_CARE_LABEL, short: NEW_TO_CARE_LABEL, description: newToCare.summary }
            : { value: m.entry.id, name: matchedName(m), short: m.entry.name, description: roleDescription(m.entry) },
      ),
    ]),
  );
  return out;
}
