/** Rules on the shape of moves: the time in post a step states, and how a move fits the roles it joins. */
import type { Qualification, Role, Transition } from '../domain/types';
import { BASELINE_PURPOSES, CARE_CATEGORIES, SUPERVISORY_RANK } from '../domain/vocabulary';
import { at, type Located, type RuleProblem } from './located';

/**
 * Moving up takes time in post: every up, specialise and professional route states its experience,
 * or says why no source gives it. A missing figure would otherwise be read as no time at all.
 */
export function experienceIsStated(transitions: Located<Transition>[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const e of transitions) {
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
}

/** The rank of a role on the Care Workforce Pathway, where it has a category. */
const categoryRank = (role: Role | undefined) => (role?.careCategory ? CARE_CATEGORIES[role.careCategory].rank : undefined);

/**
 * The shape of a move must match the roles it joins: a sideways move keeps the level, a step up
 * into a supervisory or higher role needs more than induction or baseline qualifications, and a
 * step up does not skip a Care Workforce Pathway category unless a route says so with a source.
 */
export function movesFitTheirRoles(entities: {
  roles: Located<Role>[];
  qualifications: Located<Qualification>[];
  transitions: Located<Transition>[];
}): RuleProblem[] {
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
}
