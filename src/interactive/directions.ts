/**
 * The third question, where to go: a role, or a direction (up, management, a specialism, a
 * registered profession) and the roles that fit it. Pure: nothing here prompts, prints or touches
 * the file system.
 */
import { normalizeName } from '../domain/names';
import type { Dataset, Role } from '../domain/types';
import type { PlanningGraph } from '../planner/graph';
import { SECTOR_NAMES } from '../domain/vocabulary';
import type { Choice } from './ask';

export type Direction = 'up' | 'management' | 'specialise' | 'professional';
export type GoalKind = Direction | 'role';

/** What the person wants: a role they name, or a direction (with an area, to specialise). */
export type Goal = { kind: 'role'; to: string } | { kind: Direction; area?: string };

/** The moves the dataset has straight out of a role, by target id. */
function directTargets(graph: PlanningGraph, fromId: string): Role[] {
  const from = graph.roleIndex.get(fromId)!;
  return [...new Set(graph.outOf(from).map((e) => e.to))].map((i) => graph.roles[i]!);
}

/**
 * The choices for "where do you want to go", worded for where the person is now; a direction
 * that leads nowhere from the current role in the dataset is shown but cannot be chosen, and says why.
 */
export function goalChoices(graph: PlanningGraph, currentRole: Role, newToCare: boolean): Choice<GoalKind>[] {
  const firstJobs = directTargets(graph, currentRole.id).map((r) => r.name);
  const choices: Choice<GoalKind>[] = [
    newToCare
      ? {
          value: 'up',
          name: 'Start my first job in care',
          description: firstJobs.length > 0 ? `The first roles open to you: ${firstJobs.join(', ')}.` : 'The first roles open to someone new.',
        }
      : { value: 'up', name: 'Step up where I am', description: `A more senior role in ${SECTOR_NAMES[currentRole.sector].label.toLowerCase()}.` },
    { value: 'management', name: 'Move into management', description: 'Deputy, registered, team and service manager roles.' },
    {
      value: 'specialise',
      name: 'Specialise',
      description: 'Dementia, end of life care, mental health, learning disability and other specialist roles.',
    },
    {
      value: 'professional',
      name: 'Become a registered professional',
      description: 'Nurse, nursing associate, midwife, social worker, or an allied health profession such as occupational therapy or physiotherapy.',
    },
    { value: 'role', name: 'A specific role I have in mind', description: 'Choose it from the list of every role.' },
  ];
  return choices.map((choice) =>
    choice.value === 'role' || directionCandidates(graph, currentRole, { kind: choice.value }, newToCare).length > 0
      ? choice
      : { ...choice, disabled: `(nothing in the dataset leads there from ${currentRole.name})` },
  );
}

/** The direction to offer first: stepping up, or else the first direction that leads somewhere. */
export function defaultGoal(graph: PlanningGraph, currentRole: Role, newToCare: boolean): GoalKind {
  // Professional training before management: someone with no step up is often at the top of a
  // ladder already (a registered manager) or at the start of one (a graduate).
  const directions: Direction[] = ['up', 'professional', 'specialise', 'management'];
  return directions.find((kind) => directionCandidates(graph, currentRole, { kind }, newToCare).length > 0) ?? 'role';
}

/** How each direction is spoken of in messages ("management roles"). */
export const DIRECTION_NOUN: Record<Direction, string> = {
  up: 'more senior roles',
  management: 'management roles',
  specialise: 'specialist roles',
  professional: 'registered professions',
};

/** How a direction reads after the role it led to ("Registered manager (management)"). */
export const DIRECTION_LABEL: Record<Direction, string> = {
  up: 'a step up',
  management: 'management',
  specialise: 'specialising',
  professional: 'a registered profession',
};

/** The noun for a direction's targets, worded for someone new to care ("first jobs"). */
export function directionNoun(direction: Direction, newToCare: boolean): string {
  return direction === 'up' && newToCare ? 'first jobs' : DIRECTION_NOUN[direction];
}

/** A specialism a person might name, and the words that mark its roles and training. */
export interface Area {
  id: string;
  name: string;
  keywords: string[];
}

export const AREAS: Area[] = [
  { id: 'dementia', name: 'Dementia', keywords: ['dementia'] },
  { id: 'end-of-life', name: 'End of life care', keywords: ['end of life', 'palliative'] },
  { id: 'mental-health', name: 'Mental health', keywords: ['mental health'] },
  { id: 'learning-disability', name: 'Learning disability', keywords: ['learning disability', 'learning disabilities'] },
  { id: 'autism', name: 'Autism', keywords: ['autism', 'autistic'] },
  { id: 'mental-capacity', name: 'Mental capacity and best interests', keywords: ['best interests', 'mental capacity'] },
];

/** Any specialist role: the targets of every "specialise" move. */
export const ANY_AREA: Area = { id: 'any', name: 'Another specialism', keywords: [] };

/**
 * The roles that fit a specialism, each with the area's own training where a route names it:
 * roles whose name carries the area's words, and roles a "specialise" move leads to by
 * a route that needs training in the area (e.g. practice leader, by the learning disability route).
 */
export function areaRoles(dataset: Dataset, area: Area): Map<string, string[]> {
  const hits = (texts: string[]) => texts.some((t) => area.keywords.some((k) => normalizeName(t).includes(normalizeName(k))));
  const out = new Map<string, string[]>();
  const qualifications = new Map(dataset.qualifications.map((q) => [q.id, q]));
  // Names only: aliases are other titles for the same job ("learning disability support worker" is
  // a support worker), not specialisms.
  for (const role of dataset.roles) if (area.id !== ANY_AREA.id && hits([role.name])) out.set(role.id, []);
  for (const t of dataset.transitions) {
    if (t.kind !== 'specialise') continue;
    if (area.id === ANY_AREA.id) {
      if (!out.has(t.to)) out.set(t.to, []);
      continue;
    }
    for (const route of t.routes) {
      const training = route.requires.filter((id) => {
        const q = qualifications.get(id);
        return q !== undefined && hits([q.name, ...q.aliases]);
      });
      if (training.length === 0) continue;
      const known = out.get(t.to) ?? [];
      out.set(t.to, [...new Set([...known, ...training])]);
    }
  }
  return out;
}

/**
 * The specialisms the dataset has roles for, then "another specialism"; with `reachable` (the
 * roles the person's role leads to), an area none of whose roles is among them is shown but
 * cannot be chosen, and says why.
 */
export function areaChoices(dataset: Dataset, reachable?: ReadonlySet<string>): Choice<string>[] {
  const roleName = new Map(dataset.roles.map((r) => [r.id, r.name]));
  const choice = (area: Area, roles: string[], lead: string): Choice<string> => {
    const description = `${lead}: ${roles.map((id) => roleName.get(id)).join(', ')}.`;
    const blocked = reachable !== undefined && !roles.some((id) => reachable.has(id));
    return { value: area.id, name: area.name, description, ...(blocked ? { disabled: '(none of its roles leads on from your role in the dataset)' } : {}) };
  };
  const choices: Choice<string>[] = AREAS.flatMap((area) => {
    const roles = [...areaRoles(dataset, area).keys()];
    return roles.length === 0 ? [] : [choice(area, roles, 'Roles')];
  });
  const any = [...areaRoles(dataset, ANY_AREA).keys()];
  if (any.length > 0) choices.push(choice(ANY_AREA, any, 'Any specialist role'));
  return choices;
}

/** The area with this id. */
export function areaById(id: string | undefined): Area {
  return AREAS.find((a) => a.id === id) ?? ANY_AREA;
}

/** True for roles that manage a service or other managers' teams. */
export function isManagementRole(role: Role): boolean {
  return [role.name, role.careCategory ?? ''].some((text) => /\b(manager|head of|chief|director)\b/.test(normalizeName(text)));
}

/** Fewest moves from a role to every role it can reach in the dataset, ignoring qualifications. */
export function movesFrom(graph: PlanningGraph, fromId: string, kinds?: readonly string[]): Map<string, number> {
  const start = graph.roleIndex.get(fromId)!;
  const distance = new Map<number, number>([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const role = queue[i]!;
    for (const edge of graph.outOf(role)) {
      if (kinds && !kinds.includes(edge.transition.kind)) continue;
      if (!distance.has(edge.to)) {
        distance.set(edge.to, distance.get(role)! + 1);
        queue.push(edge.to);
      }
    }
  }
  distance.delete(start);
  return new Map([...distance].map(([i, d]) => [graph.roles[i]!.id, d]));
}

/** At most this many roles are planned for a direction (the nearest), so a huge dataset stays quick. */
export const MAX_CANDIDATES = 40;

/** The roles that fit a direction from where the person is, nearest first, before any planning. */
export function directionCandidates(graph: PlanningGraph, currentRole: Role, goal: Exclude<Goal, { kind: 'role' }>, newToCare: boolean): string[] {
  const reachable = movesFrom(graph, currentRole.id);
  const nearest = (ids: string[]) => ids.sort((a, b) => (reachable.get(a) ?? Infinity) - (reachable.get(b) ?? Infinity)).slice(0, MAX_CANDIDATES);
  return nearest(fitting(graph, currentRole, goal, newToCare, reachable));
}

function fitting(graph: PlanningGraph, currentRole: Role, goal: Exclude<Goal, { kind: 'role' }>, newToCare: boolean, reachable: Map<string, number>): string[] {
  const roles = graph.roles.filter((r) => reachable.has(r.id));
  switch (goal.kind) {
    case 'up':
      if (newToCare) return directTargets(graph, currentRole.id).map((r) => r.id);
      return [...movesFrom(graph, currentRole.id, ['up']).keys()].filter((id) => graph.roles[graph.roleIndex.get(id)!]!.sector === currentRole.sector);
    case 'management':
      return roles.filter(isManagementRole).map((r) => r.id);
    case 'professional': {
      const professions = new Set(graph.dataset.transitions.filter((t) => t.kind === 'professional').map((t) => t.to));
      return roles.filter((r) => professions.has(r.id)).map((r) => r.id);
    }
    case 'specialise': {
      const fits = areaRoles(graph.dataset, areaById(goal.area));
      return roles.filter((r) => fits.has(r.id)).map((r) => r.id);
    }
  }
}
