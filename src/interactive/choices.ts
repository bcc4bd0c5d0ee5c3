/**
 * The questionnaire's pure parts: the choices each question offers, how typing narrows them, the
 * directions and the targets that fit them, and the mapping from answers to a plan request.
 * Nothing here prompts, prints or touches the file system.
 */
import { closestMatches, compareNames, editDistance, normalizeName, startsWords, type NameCandidate } from '../domain/names';
import type { Dataset, Qualification, Role } from '../domain/types';
import type { PlanningGraph } from '../planner/graph';
import { describeConstraints, planRoute } from '../planner/plan';
import type { NoRoute, Optimise, Plan, PlannedRoute, PlanRequest } from '../planner/types';
import { formatRouteTime, formatTotalCost, plural } from '../render/format';
import { levelText, SECTOR_LABEL } from '../render/roles';
import type { Choice, ChoiceItem } from './ask';

// ---------------------------------------------------------------------------------------------
// Typing to narrow a list

/** Something with a name that can be typed: a role or a qualification. */
export interface NamedEntry {
  id: string;
  name: string;
  aliases: string[];
}

export interface NameMatch<T> {
  entry: T;
  /** The alias (or old title) that matched, when the name itself did not. */
  via?: string;
  /** True when nothing matched exactly and this is one of the nearest spellings. */
  near?: boolean;
}

/**
 * How far typed words are from starting words of a key, letting each typed word be off by one
 * letter (two from five letters up); undefined when a word is further off than that.
 */
function typoDistance(words: readonly string[], key: string): number | undefined {
  const keyWords = normalizeName(key).split(' ');
  let total = 0;
  for (const w of words) {
    const allowed = w.length >= 5 ? 2 : w.length >= 3 ? 1 : 0;
    const best = Math.min(...keyWords.map((k) => editDistance(w, k.slice(0, w.length))));
    if (best > allowed) return undefined;
    total += best;
  }
  return total;
}

/**
 * The entries where every word typed starts a word of the name, id or an alias (any case; "-"
 * and "_" count as spaces). Names that start with what was typed come first, then other name
 * matches, then alias matches; otherwise the given order is kept. When nothing matches, the
 * nearest spellings are offered instead, so a typo still finds something. An empty term matches
 * everything.
 */
export function filterByName<T extends NamedEntry>(term: string, entries: readonly T[], extraKeys: (entry: T) => string[] = () => []): NameMatch<T>[] {
  const query = normalizeName(term);
  if (query === '') return entries.map((entry) => ({ entry }));
  const words = query.split(' ');
  const keysOf = (entry: T) => [...entry.aliases, ...extraKeys(entry), entry.id];
  const scored: { match: NameMatch<T>; rank: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    if (normalizeName(entry.name).startsWith(query)) return scored.push({ match: { entry }, rank: 0, index });
    if (startsWords(words, entry.name)) return scored.push({ match: { entry }, rank: 1, index });
    const alias = keysOf(entry).find((key) => startsWords(words, key));
    if (alias !== undefined) scored.push({ match: { entry, ...(alias !== entry.id ? { via: alias } : {}) }, rank: 2, index });
    return undefined;
  });
  if (scored.length > 0) return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.match);
  const near: { match: NameMatch<T>; distance: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const distances = [entry.name, ...keysOf(entry)].map((key) => typoDistance(words, key)).filter((d): d is number => d !== undefined);
    if (distances.length > 0) near.push({ match: { entry, near: true }, distance: Math.min(...distances), index });
  });
  if (near.length > 0) return near.sort((a, b) => a.distance - b.distance || a.index - b.index).slice(0, 5).map((n) => n.match);
  const candidates: NameCandidate<T>[] = entries.flatMap((e) => [e.name, ...e.aliases].map((key) => ({ key, value: e })));
  return closestMatches(term, candidates, 5).map((entry) => ({ entry, near: true }));
}

/** The label of a matched entry: "Care worker", or "Care worker — also called Care assistant" when an alias matched. */
function matchedName(match: NameMatch<NamedEntry>): string {
  return match.via ? `${match.entry.name} — also called ${match.via}` : match.entry.name;
}

// ---------------------------------------------------------------------------------------------
// Question 1: the current role

/** The "new to care" starting point, when the dataset has one. */
export function findNewToCare(dataset: Dataset): Role | undefined {
  return dataset.roles.find((r) => [r.id, r.name, ...r.aliases].some((key) => normalizeName(key) === 'new to care'));
}

export const NEW_TO_CARE_LABEL = "I'm new to care";

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
  return [...roles].sort(
    (a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || rank(a) - rank(b) || compareNames(a.name, b.name),
  );
}

/** "Adult social care · level 2 · also called Care assistant. <summary>" */
export function roleDescription(role: Role): string {
  const level = levelText(role);
  const facts = [SECTOR_LABEL[role.sector], ...(level !== '—' ? [level] : [])];
  if (role.aliases.length > 0) facts.push(`also called ${role.aliases.slice(0, 3).join(', ')}`);
  return `${facts.join(' · ')}. ${role.summary}`;
}

/**
 * The choices for "your current role": "I'm new to care" first, then every role grouped by sector,
 * narrowed to what has been typed (names, ids and aliases match).
 */
export function currentRoleChoices(dataset: Dataset, term: string): ChoiceItem<string>[] {
  const newToCare = findNewToCare(dataset);
  const roles = sortRoles(dataset, dataset.roles.filter((r) => r !== newToCare));
  const out: ChoiceItem<string>[] = [];
  if (newToCare && (normalizeName(term) === '' || filterByName(term, [newToCare], () => [NEW_TO_CARE_LABEL]).some((m) => !m.near))) {
    out.push({ value: newToCare.id, name: NEW_TO_CARE_LABEL, short: NEW_TO_CARE_LABEL, description: newToCare.summary });
  }
  const matches = filterByName(term, roles);
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near)) out.push({ separator: `No role matches “${term.trim()}”; the nearest names:` });
  out.push(...groupBy(matches, (m) => (normalizeName(term) === '' ? SECTOR_LABEL[m.entry.sector] : undefined)).flatMap(({ heading, items }) => [
    ...(heading ? [{ separator: heading }] : []),
    ...items.map((m): Choice<string> => ({ value: m.entry.id, name: matchedName(m), short: m.entry.name, description: roleDescription(m.entry) })),
  ]));
  return out;
}

/** Consecutive runs of items under the same heading (undefined: no heading). */
function groupBy<T>(items: readonly T[], heading: (item: T) => string | undefined): { heading: string | undefined; items: T[] }[] {
  const groups: { heading: string | undefined; items: T[] }[] = [];
  for (const item of items) {
    const h = heading(item);
    const last = groups[groups.length - 1];
    if (last && last.heading === h) last.items.push(item);
    else groups.push({ heading: h, items: [item] });
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Question 2: qualifications already held

const QUALIFICATION_GROUPS: { label: string; kinds: Qualification['kind'][] }[] = [
  { label: 'English and maths', kinds: ['gcse', 'functional-skills'] },
  { label: 'Inductions and standards', kinds: ['induction', 'standards'] },
  { label: 'Certificates and awards', kinds: ['certificate', 'award'] },
  { label: 'Diplomas', kinds: ['diploma'] },
  { label: 'Apprenticeships', kinds: ['apprenticeship'] },
  { label: 'Degrees', kinds: ['degree'] },
  { label: 'Postgraduate', kinds: ['postgraduate'] },
  { label: 'Programmes', kinds: ['programme'] },
  { label: 'Training courses', kinds: ['cpd'] },
];

function groupOf(q: Qualification): number {
  const i = QUALIFICATION_GROUPS.findIndex((g) => g.kinds.includes(q.kind));
  return i === -1 ? QUALIFICATION_GROUPS.length : i;
}

/** The qualifications a person might hold, by kind, then level, then name; minus those the role is taken to hold. */
export function qualificationsToOffer(dataset: Dataset, currentRole: Role): Qualification[] {
  const held = new Set(currentRole.holds);
  return dataset.qualifications
    .filter((q) => !held.has(q.id))
    .sort((a, b) => groupOf(a) - groupOf(b) || (a.level ?? 0) - (b.level ?? 0) || compareNames(a.name, b.name));
}

/** "diploma · level 3 · old titles: Level 3 Diploma in Health and Social Care. <summary>" */
export function qualificationDescription(q: Qualification): string {
  const facts: string[] = [q.kind === 'cpd' ? 'training course' : q.kind.replace('-', ' ')];
  if (q.level !== undefined) facts.push(`level ${q.level}`);
  if (q.closed) facts.push('no longer offered, still counts');
  if (q.aliases.length > 0) facts.push(`also known as ${q.aliases.slice(0, 3).join(', ')}`);
  return `${facts.join(' · ')}. ${q.summary}`;
}

/** The choices for "qualifications you already have", grouped by kind; old titles and aliases match. */
export function qualificationChoices(qualifications: readonly Qualification[], term: string): ChoiceItem<string>[] {
  const matches = filterByName(term, qualifications);
  const out: ChoiceItem<string>[] = [];
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near)) out.push({ separator: `Nothing matches “${term.trim()}”; the nearest names:` });
  const groupLabel = (m: NameMatch<Qualification>) => QUALIFICATION_GROUPS[groupOf(m.entry)]?.label ?? 'Other';
  out.push(...groupBy(matches, (m) => (matches.every((x) => x.near) ? undefined : groupLabel(m))).flatMap(({ heading, items }) => [
    ...(heading ? [{ separator: heading }] : []),
    ...items.map((m): Choice<string> => ({ value: m.entry.id, name: matchedName(m), short: m.entry.name, description: qualificationDescription(m.entry) })),
  ]));
  return out;
}

/**
 * Qualifications worth asking about on their own (English and maths at level 2): GCSE-type
 * qualifications that other qualifications need first, which people rarely think to mention.
 */
export function keyPrerequisites(dataset: Dataset, currentRole: Role, have: readonly string[]): Qualification[] {
  const required = new Set(dataset.qualifications.flatMap((q) => q.requires));
  const held = new Set([...have, ...currentRole.holds]);
  return dataset.qualifications.filter((q) => (q.kind === 'gcse' || q.kind === 'functional-skills') && required.has(q.id) && !held.has(q.id));
}

// ---------------------------------------------------------------------------------------------
// Question 3: where to go

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
 * with no role in the dataset beyond the current one says so (it can still be chosen, and is
 * then explained).
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
      : { value: 'up', name: 'Step up where I am', description: `A more senior role in ${SECTOR_LABEL[currentRole.sector].toLowerCase()}.` },
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
      : { ...choice, description: `${choice.description} (Nothing in the dataset leads there from ${currentRole.name}.)` },
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
 * roles the person's role leads to), an area none of whose roles is among them says so.
 */
export function areaChoices(dataset: Dataset, reachable?: ReadonlySet<string>): Choice<string>[] {
  const roleName = new Map(dataset.roles.map((r) => [r.id, r.name]));
  const describe = (roles: string[], lead: string) => {
    const out = reachable && !roles.some((id) => reachable.has(id)) ? ' None of them can be reached from your role in the dataset.' : '';
    return `${lead}: ${roles.map((id) => roleName.get(id)).join(', ')}.${out}`;
  };
  const choices: Choice<string>[] = AREAS.flatMap((area) => {
    const roles = [...areaRoles(dataset, area).keys()];
    return roles.length === 0 ? [] : [{ value: area.id, name: area.name, description: describe(roles, 'Roles') }];
  });
  const any = [...areaRoles(dataset, ANY_AREA).keys()];
  if (any.length > 0) choices.push({ value: ANY_AREA.id, name: ANY_AREA.name, description: describe(any, 'Any specialist role') });
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

// ---------------------------------------------------------------------------------------------
// Question 4 and the request: what matters, constraints

export interface Preferences {
  optimise: Optimise;
  earnWhileLearning: boolean;
  noDegree: boolean;
  hoursPerWeek?: number;
}

export const DEFAULT_PREFERENCES: Preferences = { optimise: 'realistic', earnWhileLearning: false, noDegree: false };

export const PRIORITY_CHOICES: Choice<Optimise>[] = [
  { value: 'realistic', name: 'Most realistic', description: 'The route people usually take: typical time, counting the experience each move expects, with less certain routes counted longer.' },
  { value: 'steps', name: 'Fewest job changes', description: 'The fewest moves between roles.' },
  { value: 'time', name: 'Fastest', description: 'The shortest time to get there, counting study and the experience each move expects.' },
  { value: 'cost', name: 'Cheapest', description: 'The least cost to you, as the sources give it.' },
];

export type Constraint = 'earnWhileLearning' | 'noDegree';

export const CONSTRAINT_CHOICES: Choice<Constraint>[] = [
  { value: 'earnWhileLearning', name: 'I need to earn while I learn', description: 'Only routes you can do while working: apprenticeships and training your employer funds.' },
  { value: 'noDegree', name: 'No university degree', description: 'No full-time university courses (degree apprenticeships, done at work, are still allowed).' },
];

/** How many routes after the best one the questionnaire shows. */
export const ALTERNATIVES = 3;

/** The plan request for the answers given (ids already resolved). */
export function buildPlanRequest(from: string, to: string, have: readonly string[], preferences: Preferences): PlanRequest {
  return {
    from,
    to,
    have: [...new Set(have)],
    optimise: preferences.optimise,
    alternatives: ALTERNATIVES,
    avoid: [],
    noDegree: preferences.noDegree,
    earnWhileLearning: preferences.earnWhileLearning,
    ...(preferences.hoursPerWeek !== undefined ? { hoursPerWeek: preferences.hoursPerWeek } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The best targets for a direction

export interface Target {
  role: Role;
  plan: Plan;
}

export interface TargetSearch {
  /** Targets with a route, best first for what matters to the person. */
  targets: Target[];
  /** Targets that fit the direction but cannot be reached under the constraints, and why. */
  unreachable: NoRoute[];
  /** How many roles fit the direction at all. */
  candidates: number;
}

/** Orders routes by what matters to the person, then the other two measures. */
export function compareRoutes(optimise: Optimise, a: PlannedRoute, b: PlannedRoute): number {
  const key = (r: PlannedRoute) => {
    const t = r.totals;
    if (optimise === 'realistic') return [t.unknownDuration.length + t.unknownExperience, t.typicalMonths, t.leavesPaidWork, t.steps];
    if (optimise === 'time') return [t.typicalMonths, t.months.max, t.steps, t.cost.max];
    if (optimise === 'cost') return [t.unknownCost.length, t.cost.max, t.steps, t.months.max];
    return [t.steps, t.months.max, t.cost.max];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** Plans a route to each candidate under the person's answers and keeps those that have one, best first. */
export function findTargets(graph: PlanningGraph, base: PlanRequest, candidates: readonly string[]): TargetSearch {
  const targets: Target[] = [];
  const unreachable: NoRoute[] = [];
  for (const id of candidates) {
    if (id === base.from) continue;
    const result = planRoute(graph, { ...base, to: id, alternatives: 0 });
    if (result.kind === 'plan') targets.push({ role: graph.roles[graph.roleIndex.get(id)!]!, plan: result.plan });
    else if (result.kind === 'no-route') unreachable.push(result.noRoute);
  }
  targets.sort((a, b) => compareRoutes(base.optimise, a.plan.best, b.plan.best) || (a.role.level ?? 0) - (b.role.level ?? 0) || compareNames(a.role.name, b.role.name));
  return { targets, unreachable, candidates: candidates.filter((id) => id !== base.from).length };
}

/** "2 steps · 18–30 months · cost to you £0" */
export function routeSummary(route: PlannedRoute): string {
  const t = route.totals;
  return [
    plural(t.steps, 'step'),
    formatRouteTime(t),
    `cost to you ${formatTotalCost(t.cost, t.unknownCost.length)}`,
  ].join(' · ');
}

/** A target as a choice: its name, and the route's size and path underneath. */
export function targetChoice(target: Target): Choice<string> {
  const best = target.plan.best;
  const path = [target.plan.from.name, ...best.steps.map((s) => s.to.name)].join(' → ');
  return { value: target.role.id, name: `${target.role.name} — ${routeSummary(best)}`, short: target.role.name, description: path };
}

/** Why no role fits a direction: none in the dataset, or none reachable under the constraints. */
export function explainNoTargets(direction: Direction, fromName: string, search: TargetSearch, constraints: readonly string[]): string {
  const noun = DIRECTION_NOUN[direction];
  if (search.candidates === 0) return `The dataset has no ${noun} that lead on from ${fromName}.`;
  const under = constraints.length > 0 ? ` with ${constraints.join(', ')}` : '';
  const lines = [`None of the ${plural(search.candidates, noun.replace(/s$/, ''), noun)} can be reached from ${fromName}${under}:`];
  for (const n of search.unreachable.slice(0, 4)) lines.push(`  ${n.to.name}: ${n.reason}`);
  if (constraints.length > 0) lines.push('Changing your constraints may open a route.');
  return lines.join('\n');
}

/** Why there is no plan to a chosen role, in a few lines. */
export function explainNoRoute(noRoute: NoRoute): string {
  const lines = [`There is no route from ${noRoute.from.name} to ${noRoute.to.name}: ${noRoute.reason}.`];
  for (const b of noRoute.blockers.slice(0, 3)) lines.push(`  ${b.from.name} → ${b.to.name}: ${b.reason}`);
  if (noRoute.reachable.length > 0) lines.push(`Closest roles you can reach: ${noRoute.reachable.slice(0, 5).map((r) => r.name).join(', ')}.`);
  return lines.join('\n');
}

/** The constraints in words, as the planner states them. */
export function constraintWords(dataset: Dataset, preferences: Preferences): string[] {
  const name = (id: string) => dataset.roles.find((r) => r.id === id)?.name ?? id;
  return describeConstraints({ from: '', to: '', have: [], optimise: preferences.optimise, noDegree: preferences.noDegree, earnWhileLearning: preferences.earnWhileLearning }, name);
}

// ---------------------------------------------------------------------------------------------
// Target roles by distance, for "a specific role"

/** Every role but the current one, nearest first under "1 move away", "2 moves away", ..., then the unreachable. */
export function targetRoleChoices(graph: PlanningGraph, currentRole: Role, term: string): ChoiceItem<string>[] {
  const distance = movesFrom(graph, currentRole.id);
  const far = Number.MAX_SAFE_INTEGER;
  const order = sortRoles(graph.dataset, graph.roles.filter((r) => r.id !== currentRole.id));
  const byDistance = order.map((role, i) => ({ role, i })).sort((a, b) => (distance.get(a.role.id) ?? far) - (distance.get(b.role.id) ?? far) || a.i - b.i);
  const matches = filterByName(term, byDistance.map((x) => x.role));
  const heading = (m: NameMatch<Role>) => {
    const d = distance.get(m.entry.id);
    return d === undefined ? `No route from ${currentRole.name} in the dataset` : d === 1 ? '1 move away' : `${d} moves away`;
  };
  const out: ChoiceItem<string>[] = [];
  if (normalizeName(term) !== '' && matches.length > 0 && matches.every((m) => m.near)) out.push({ separator: `No role matches “${term.trim()}”; the nearest names:` });
  out.push(...groupBy(matches, (m) => (m.near ? undefined : heading(m))).flatMap(({ heading: h, items }) => [
    ...(h ? [{ separator: h }] : []),
    ...items.map((m): Choice<string> => ({ value: m.entry.id, name: matchedName(m), short: m.entry.name, description: roleDescription(m.entry) })),
  ]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// After the plan: the command that gives it again, and the file to save it in

/** A word for the shell: bare when safe, else in double quotes with the shell's specials escaped. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The `careerpath plan` command line that gives the same plan without questions. */
export function planCommand(dataset: Dataset, request: PlanRequest, dataFiles: readonly string[] = []): string {
  const roleName = (id: string) => dataset.roles.find((r) => r.id === id)?.name ?? id;
  const qualName = (id: string) => dataset.qualifications.find((q) => q.id === id)?.name ?? id;
  const words = ['careerpath', 'plan', '--from', roleName(request.from), '--to', roleName(request.to)];
  for (const id of request.have) words.push('--have', qualName(id));
  if (request.optimise !== 'realistic') words.push('--optimise', request.optimise);
  if (request.earnWhileLearning) words.push('--earn-while-learning');
  if (request.noDegree) words.push('--no-degree');
  if (request.hoursPerWeek !== undefined) words.push('--hours-per-week', String(request.hoursPerWeek));
  if (request.alternatives) words.push('--alternatives', String(request.alternatives));
  for (const file of dataFiles) words.push('--data', file);
  return words.map((w, i) => (i < 2 || w.startsWith('--') ? w : shellWord(w))).join(' ');
}

/** "career-plan-care-worker-to-team-leader.md" */
export function suggestFileName(plan: Plan): string {
  const slug = (name: string) => normalizeName(name).replace(/ /g, '-') || 'role';
  return `career-plan-${slug(plan.from.name)}-to-${slug(plan.to.name)}.md`;
}

/** A file name as typed, with ".md" added when it has no extension. */
export function withMarkdownExtension(typed: string): string {
  const name = typed.trim();
  const base = name.slice(name.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(base) ? name : `${name}.md`;
}

/** true for a usable file name, else what is wrong with it. */
export function validateFileName(typed: string): true | string {
  const name = typed.trim();
  if (name === '') return 'Type a file name, e.g. plan.md';
  if (name.includes('\0')) return 'A file name cannot contain a NUL character';
  if (/[/\\]$/.test(name) || name === '.' || name === '..') return 'That is a folder: add a file name, e.g. plan.md';
  return true;
}

/** "plan.md" → "plan-2.md", "plan-3.md", ...: the first that `taken` says is free. */
export async function nextFreeName(file: string, taken: (file: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(file))) return file;
  const dot = file.lastIndexOf('.');
  const [stem, ext] = dot > file.lastIndexOf('/') ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  const base = stem.replace(/-\d+$/, '');
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!(await taken(candidate))) return candidate;
  }
  return file;
}
