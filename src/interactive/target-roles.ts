/**
 * Every role as a target for "a specific role", nearest first. Pure: nothing here prompts, prints
 * or touches the file system.
 */
import { normalizeName } from '../domain/names';
import type { Role } from '../domain/types';
import type { PlanningGraph } from '../planner/graph';
import type { Choice, ChoiceItem } from './ask';
import { filterByName, groupBy, matchedName, type NameMatch } from './name-filter';
import { roleDescription, sortRoles } from './current-role';
import { movesFrom } from './directions';

/** Every role but the current one, nearest first under "1 move away", "2 moves away", ..., then the unreachable. */
export function targetRoleChoices(graph: PlanningGraph, currentRole: Role, term: string): ChoiceItem<string>[] {
  const distance = movesFrom(graph, currentRole.id);
  const far = Number.MAX_SAFE_INTEGER;
  const order = sortRoles(
    graph.dataset,
    graph.roles.filter((r) => r.id !== currentRole.id),
  );
  const byDistance = order.map((role, i) => ({ role, i })).sort((a, b) => (distance.get(a.role.id) ?? far) - (distance.get(b.role.id) ?? far) || a.i - b.i);
  const matches = filterByName(
    term,
    byDistance.map((x) => x.role),
  );
  const heading = (m: NameMatch<Role>) => {
    const d = distance.get(m.entry.id);
    return d === undefined ? `No route from ${currentRole.name} in the dataset` : d === 1 ? '1 move away' : `${d} moves away`;
  };
  const out: ChoiceItem<string>[] = [];
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near))
    out.push({ separator: `No role matches “${term.trim()}”; the nearest names:` });
  out.push(
    ...groupBy(matches, (m) => (m.near ? undefined : heading(m))).flatMap(({ heading: h, items }) => [
      ...(h ? [{ separator: h }] : []),
      ...items.map((m): Choice<string> => ({ value: m.entry.id, name: matchedName(m), short: m.entry.name, description: roleDescription(m.entry) })),
    ]),
  );
  return out;
}
