/**
 * Cross-reference rules over structurally valid entries. Each rule is one small function;
 * they all run even when some entries failed the schema, so every problem shows at once.
 */
import type { Funding, Qualification, Role, Source, Transition } from '../domain/types';
import { normalizeName } from '../domain/names';
import { formatPath, type IssuePath } from './issue';
import { at, type Located, type RuleProblem } from './located';
import { experienceIsStated, movesFitTheirRoles } from './move-rules';
import { prerequisiteProblems } from './prerequisites';
import { Suggestions } from './suggestions';

export { whereIs, type Located, type RuleProblem } from './located';

interface Entities {
  sources: Located<Source>[];
  funding: Located<Funding>[];
  qualifications: Located<Qualification>[];
  roles: Located<Role>[];
  transitions: Located<Transition>[];
}

/** Ids of entries that failed the schema: references to them are not reported again as unknown. */
type BrokenIds = { [K in keyof Entities]: Set<string> };

/** The collections an entry can refer to by id. */
type Referable = Exclude<keyof Entities, 'transitions'>;

interface Context {
  entities: Entities;
  ids: { [K in Referable]: Set<string> };
  broken: BrokenIds;
  /** The nearest id to an unknown one, while suggestions last (see Suggestions). */
  suggest: (collection: Referable, id: string) => string | undefined;
}

type Rule = (ctx: Context) => RuleProblem[];

const transitionId = (t: Transition) => `${t.from}->${t.to}`;

const noDuplicateIds: Rule = ({ entities }) => {
  const problems: RuleProblem[] = [];
  for (const [collection, list] of Object.entries(entities) as [keyof Entities, Located<{ id?: string }>[]][]) {
    if (collection === 'transitions') continue;
    const seen = new Map<string, Located<unknown>>();
    for (const entry of list) {
      const id = entry.value.id!;
      const first = seen.get(id);
      if (first) {
        problems.push(at(entry, ['id'], `duplicate id "${id}" (first defined at ${first.file} ${formatPath(first.path)})`));
      } else seen.set(id, entry);
    }
  }
  return problems;
};

const noDuplicateTransitions: Rule = ({ entities }) => {
  const seen = new Map<string, Located<Transition>>();
  const problems: RuleProblem[] = [];
  for (const entry of entities.transitions) {
    const key = transitionId(entry.value);
    const first = seen.get(key);
    if (first) {
      problems.push(
        at(
          entry,
          [],
          `a second transition ${entry.value.from} → ${entry.value.to}; add a route to the first one (${first.file} ${formatPath(first.path)}) instead`,
        ),
      );
    } else seen.set(key, entry);
    const routeIds = new Set<string>();
    entry.value.routes.forEach((route, index) => {
      const id = route.id ?? String(index + 1);
      if (routeIds.has(id)) problems.push(at(entry, ['routes', index, 'id'], `duplicate route id "${id}" in this transition`));
      routeIds.add(id);
    });
  }
  return problems;
};

const noSelfLoops: Rule = ({ entities }) =>
  entities.transitions
    .filter((e) => e.value.from === e.value.to)
    .map((e) => at(e, ['to'], `a transition from "${e.value.from}" to itself; a qualification milestone belongs in the role's notes`));

function unknownRef(ctx: Context, collection: Referable, entry: Located<unknown>, path: IssuePath, id: string, what: string): RuleProblem[] {
  if (ctx.ids[collection].has(id) || ctx.broken[collection].has(id)) return [];
  const hint = ctx.suggest(collection, id);
  return [at(entry, path, `unknown ${what} "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`)];
}

const referencesExist: Rule = (ctx) => {
  const problems: RuleProblem[] = [];
  const { entities } = ctx;
  const checkSources = (entry: Located<unknown>, prefix: IssuePath, sources: string[] | undefined) =>
    (sources ?? []).forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'sources', entry, [...prefix, 'sources', i], id, 'source'));
    });

  for (const e of entities.funding) checkSources(e, [], e.value.sources);
  for (const e of entities.qualifications) {
    checkSources(e, [], e.value.sources);
    e.value.requires.forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'qualifications', e, ['requires', i], id, 'qualification'));
    });
    e.value.includes.forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'qualifications', e, ['includes', i], id, 'qualification'));
    });
    e.value.funding.forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'funding', e, ['funding', i], id, 'funding route'));
    });
    (e.value.meetBy ?? []).forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'qualifications', e, ['meetBy', i], id, 'qualification'));
    });
  }
  for (const e of entities.funding) {
    (e.value.amounts ?? []).forEach((a, i) => {
      checkSources(e, ['amounts', i], a.sources);
      (a.qualifications ?? []).forEach((id, j) => {
        problems.push(...unknownRef(ctx, 'qualifications', e, ['amounts', i, 'qualifications', j], id, 'qualification'));
      });
    });
  }
  for (const e of entities.roles) {
    checkSources(e, [], e.value.sources);
    if (e.value.pay) checkSources(e, ['pay'], e.value.pay.sources);
    if (e.value.registration) checkSources(e, ['registration'], e.value.registration.sources);
    e.value.holds.forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'qualifications', e, ['holds', i], id, 'qualification'));
    });
    (e.value.typicalFrom ?? []).forEach((id, i) => {
      problems.push(...unknownRef(ctx, 'roles', e, ['typicalFrom', i], id, 'role'));
    });
  }
  for (const e of entities.transitions) {
    checkSources(e, [], e.value.sources);
    problems.push(...unknownRef(ctx, 'roles', e, ['from'], e.value.from, 'role'));
    problems.push(...unknownRef(ctx, 'roles', e, ['to'], e.value.to, 'role'));
    e.value.routes.forEach((route, r) => {
      route.requires.forEach((id, i) => {
        problems.push(...unknownRef(ctx, 'qualifications', e, ['routes', r, 'requires', i], id, 'qualification'));
      });
      checkSources(e, ['routes', r], route.sources);
    });
  }
  return problems;
};

/** A qualification that (transitively) requires itself could never be started; a chain too deep is refused too. */
const prerequisitesAreSound: Rule = ({ entities }) => prerequisiteProblems(entities.qualifications);

/** Names and aliases must resolve to exactly one role or qualification. */
const namesAreUnique: Rule = ({ entities }) => {
  const owners = new Map<string, { label: string; entry: Located<unknown> }>();
  const problems: RuleProblem[] = [];
  const claimedIds = new Set<string>();
  const claim = (entry: Located<Role | Qualification>, kind: string) => {
    const v = entry.value;
    // A repeated id is already reported by noDuplicateIds.
    if (claimedIds.has(`${kind}:${v.id}`)) return;
    claimedIds.add(`${kind}:${v.id}`);
    const names = [v.id, v.name, ...v.aliases];
    const mine = new Set<string>();
    names.forEach((name, index) => {
      const key = normalizeName(name);
      const path: IssuePath = index === 0 ? ['id'] : index === 1 ? ['name'] : ['aliases', index - 2];
      if (key === '') {
        problems.push(at(entry, path, `"${name}" has no letter or digit, so nobody could type it; give it a name in words`));
        return;
      }
      if (mine.has(key)) return;
      mine.add(key);
      const owner = owners.get(key);
      if (owner) problems.push(at(entry, path, `"${name}" is already a name of ${owner.label}; names and aliases must be unique`));
      else owners.set(key, { label: `${kind} "${v.id}"`, entry });
    });
  };
  for (const e of entities.roles) claim(e, 'role');
  for (const e of entities.qualifications) claim(e, 'qualification');
  return problems;
};

/** An entry requirement is met by other qualifications, and only a requirement lists them. */
const requirementsAreMet: Rule = ({ entities }) => {
  const problems: RuleProblem[] = [];
  for (const e of entities.qualifications) {
    const q = e.value;
    const meetBy = q.meetBy ?? [];
    if (q.kind === 'requirement' && meetBy.length === 0) {
      problems.push(at(e, ['kind'], 'a requirement needs "meetBy": the qualifications that meet it, the one to plan first at the top'));
    }
    if (q.kind !== 'requirement' && meetBy.length > 0) problems.push(at(e, ['meetBy'], 'only a qualification of kind "requirement" is met by others'));
    meetBy.forEach((id, i) => {
      if (id === q.id) problems.push(at(e, ['meetBy', i], 'a requirement cannot be met by itself'));
    });
  }
  return problems;
};

const RULES: Rule[] = [
  noDuplicateIds,
  noDuplicateTransitions,
  noSelfLoops,
  referencesExist,
  prerequisitesAreSound,
  namesAreUnique,
  requirementsAreMet,
  ({ entities }) => experienceIsStated(entities.transitions),
  ({ entities }) => movesFitTheirRoles(entities),
];

/** Runs every rule; returns problems in rule order. */
export function runRules(entities: Entities, broken: BrokenIds): RuleProblem[] {
  const idsOf = <T extends { id: string }>(list: Located<T>[]) => new Set(list.map((e) => e.value.id));
  const ids = {
    sources: idsOf(entities.sources),
    funding: idsOf(entities.funding),
    qualifications: idsOf(entities.qualifications),
    roles: idsOf(entities.roles),
  };
  const suggestions = new Suggestions((collection: Referable) => [...ids[collection]]);
  const ctx: Context = { entities, broken, ids, suggest: (collection, id) => suggestions.nearest(collection, id) };
  return RULES.flatMap((rule) => rule(ctx));
}
