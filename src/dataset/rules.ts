/**
 * Cross-reference rules over structurally valid entries. Each rule is one small function;
 * they all run even when some entries failed the schema, so every problem shows at once.
 */
import type { Funding, Qualification, Role, Source, Transition } from '../domain/types';
import { closestMatches, normalizeName } from '../domain/names';
import { BASELINE_PURPOSES, CARE_CATEGORIES, SUPERVISORY_RANK } from '../domain/vocabulary';
import { formatPath, type IssuePath } from './issue';

/** A parsed entry and where it came from. */
export interface Located<T> {
  value: T;
  file: string;
  path: IssuePath;
  /**
   * For an entry an overlay patched: which file and path a part of it came from (a field the overlay
   * set points into the overlay, the others into the file below), so problems land on the right line.
   */
  origin?: (rest: IssuePath) => { file: string; path: IssuePath };
}

/** Where a part of an entry was written. */
export function whereIs(entry: Located<unknown>, rest: IssuePath): { file: string; path: IssuePath } {
  return entry.origin ? entry.origin(rest) : { file: entry.file, path: [...entry.path, ...rest] };
}

export interface RuleProblem {
  file: string;
  path: IssuePath;
  message: string;
}

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
}

type Rule = (ctx: Context) => RuleProblem[];

const at = (entry: Located<unknown>, rest: IssuePath, message: string): RuleProblem => ({ ...whereIs(entry, rest), message });

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
  const hint = closestMatches(
    id,
    [...ctx.ids[collection]].map((c) => ({ key: c, value: c })),
    1,
  )[0];
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

/** A qualification that (transitively) requires itself could never be started. */
const noPrerequisiteCycles: Rule = ({ entities }) => {
  const byId = new Map(entities.qualifications.map((e) => [e.value.id, e]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: RuleProblem[] = [];
  const visit = (id: string, trail: string[]) => {
    const entry = byId.get(id);
    if (!entry || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      problems.push(at(entry, ['requires'], `prerequisite cycle: ${cycle.join(' → ')}`));
      return;
    }
    state.set(id, 'visiting');
    for (const next of entry.value.requires) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  const ids = [...byId.keys()].sort();
  // Stryker disable next-line ArrayDeclaration: a cycle is read from the repeated id onwards, never from the start of the trail
  for (const id of ids) visit(id, []);
  return problems;
};

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
      if (mine.has(key)) return;
      mine.add(key);
      const owner = owners.get(key);
      const path: IssuePath = index === 0 ? ['id'] : index === 1 ? ['name'] : ['aliases', index - 2];
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

/**
 * Moving up takes time in post: every up, specialise and professional route states its experience,
 * or says why no source gives it. A missing figure would otherwise be read as no time at all.
 */
const experienceIsStated: Rule = ({ entities }) => {
  const problems: RuleProblem[] = [];
  for (const e of entities.transitions) {
    if (e.value.kind === 'sideways') continue;
    e.value.routes.forEach((route, r) => {
      const figure = route.experienceMonths !== undefined || route.experienceBeforeMonths !== undefined;
      if (!figure && route.experienceUnknown === undefined) {
        problems.push(
          at(
            e,
            ['routes', r],
            `${e.value.kind === 'up' ? 'an' : 'a'} ${e.value.kind} route must state its experience: "experienceMonths" (alongside study), "experienceBeforeMonths" (before the course), or "experienceUnknown" with why no source gives it`,
          ),
        );
      }
      const months = (route.experienceMonths?.max ?? 0) + (route.experienceBeforeMonths?.max ?? 0);
      if (e.value.kind === 'up' && figure && months === 0 && route.experienceUnknown === undefined) {
        problems.push(
          at(e, ['routes', r], 'a step up takes time in post: give experience of more than 0 months, or "experienceUnknown" with why no source gives it'),
        );
      }
      if (figure && route.experienceUnknown !== undefined) {
        problems.push(at(e, ['routes', r, 'experienceUnknown'], 'give experience months or say they are unknown, not both'));
      }
    });
  }
  return problems;
};

/** The rank of a role on the Care Workforce Pathway, where it has a category. */
const categoryRank = (role: Role | undefined) => (role?.careCategory ? CARE_CATEGORIES[role.careCategory].rank : undefined);

/**
 * The shape of a move must match the roles it joins: a sideways move keeps the level, a step up
 * into a supervisory or higher role needs more than induction or baseline qualifications, and a
 * step up does not skip a Care Workforce Pathway category unless a route says so with a source.
 */
const movesFitTheirRoles: Rule = ({ entities }) => {
  const problems: RuleProblem[] = [];
  const roles = new Map(entities.roles.map((e) => [e.value.id, e.value]));
  const quals = new Map(entities.qualifications.map((e) => [e.value.id, e.value]));
  for (const e of entities.transitions) {
    const t = e.value;
    const from = roles.get(t.from);
    const to = roles.get(t.to);
    if (!from || !to) continue;
    if (t.kind === 'sideways' && from.level !== undefined && to.level !== undefined && from.level !== to.level) {
      problems.push(at(e, ['kind'], `a sideways move cannot change level (${from.level} → ${to.level}); make it "up" and state its experience`));
    }
    const toRank = categoryRank(to);
    const supervisory = (toRank !== undefined && toRank >= SUPERVISORY_RANK) || (to.level !== undefined && to.level >= 3);
    const fromRank = categoryRank(from);
    t.routes.forEach((route, r) => {
      const purposes = route.requires.map((id) => quals.get(id)?.purpose);
      const onlyBaseline = purposes.length > 0 && purposes.every((p) => p !== undefined && BASELINE_PURPOSES.includes(p));
      if (t.kind !== 'sideways' && supervisory && onlyBaseline) {
        problems.push(
          at(
            e,
            ['routes', r, 'requires'],
            `induction and baseline qualifications (${route.requires.join(', ')}) cannot carry a move into ${to.name}, a supervisory or higher role; require the qualification the role is built on`,
          ),
        );
      }
      if (t.kind === 'up' && fromRank !== undefined && toRank !== undefined && toRank > fromRank + 1 && !route.skipsCategory) {
        problems.push(
          at(
            e,
            ['routes', r],
            `this step up skips a Care Workforce Pathway category (${from.careCategory} → ${to.careCategory}); go through the category between, or mark the route "skipsCategory: true" with its own sources`,
          ),
        );
      }
      if (route.skipsCategory && !(route.sources && route.sources.length > 0)) {
        problems.push(at(e, ['routes', r, 'skipsCategory'], 'a route that skips a category needs its own "sources" saying so'));
      }
    });
  }
  return problems;
};

const RULES: Rule[] = [
  noDuplicateIds,
  noDuplicateTransitions,
  noSelfLoops,
  referencesExist,
  noPrerequisiteCycles,
  namesAreUnique,
  requirementsAreMet,
  experienceIsStated,
  movesFitTheirRoles,
];

/** Runs every rule; returns problems in rule order. */
export function runRules(entities: Entities, broken: BrokenIds): RuleProblem[] {
  const idsOf = <T extends { id: string }>(list: Located<T>[]) => new Set(list.map((e) => e.value.id));
  const ctx: Context = {
    entities,
    broken,
    ids: {
      sources: idsOf(entities.sources),
      funding: idsOf(entities.funding),
      qualifications: idsOf(entities.qualifications),
      roles: idsOf(entities.roles),
    },
  };
  return RULES.flatMap((rule) => rule(ctx));
}
