/**
 * The questionnaire's questions, one function each: what it offers, its default (an earlier answer,
 * when there is one), and the answer as data. Each talks to the person only through `ask`.
 */
import type { Dataset, Role } from '../domain/types';
import type { PlanningGraph } from '../planner/graph';
import type { AnswerName } from './answers';
import { formatTimeInRole, parseTimeInRole } from './answers';
import type { Ask, Choice, ChoiceItem } from './ask';
import { currentRoleChoices, findNewToCare } from './current-role';
import { keyPrerequisites, qualificationChoices, qualificationsToOffer } from './held-qualifications';
import { CONSTRAINT_CHOICES, PRIORITY_CHOICES, type Constraint, type Preferences } from './request';
import { targetRoleChoices } from './target-roles';

const NO_THEN = '\u0000no-then';

/** The role with this id. */
export function roleOf(graph: PlanningGraph, id: string): Role {
  return graph.roles[graph.roleIndex.get(id)!]!;
}

/** The current role; with an earlier answer, that answer first so Enter keeps it. */
export function askRole(ask: Ask, dataset: Dataset, previous?: string): Promise<string> {
  return ask.search({
    name: 'currentRole',
    message: 'What is your current role? (type to search)',
    source: (term) => keepFirst(currentRoleChoices(dataset, term), term, previous),
  });
}

/** What they hold already (the role's own qualifications are counted without asking), then English and maths. */
export async function askHeld(ask: Ask, graph: PlanningGraph, from: string, previous: readonly string[]): Promise<string[]> {
  const current = roleOf(graph, from);
  const newToCare = current === findNewToCare(graph.dataset);
  if (current.holds.length > 0) {
    const names = current.holds.map((id) => graph.qualifications[graph.qualIndex.get(id)!]!.name);
    ask.tell(`As a ${current.name} you are counted as holding ${names.join(', ')} already.`);
  }
  const offered = qualificationsToOffer(graph.dataset, current);
  const offeredIds = new Set(offered.map((q) => q.id));
  const ticked = await ask.searchCheckbox({
    name: 'qualifications',
    message: newToCare ? 'Do you have any qualifications already? (type to search)' : 'Which qualifications do you already have? (type to search)',
    source: (term) => qualificationChoices(offered, term),
    default: previous.filter((id) => offeredIds.has(id)),
  });
  const have = [...ticked];
  for (const q of keyPrerequisites(graph.dataset, current, have)) {
    const also = q.aliases.length > 0 ? ` (${q.aliases.join(' or ')})` : '';
    if (await ask.confirm({ name: `prerequisite:${q.id}`, message: `Do you have ${q.name}${also}?`, default: false })) have.push(q.id);
  }
  return have;
}

/** True when a move out of the role expects time in it, so time already served would count. */
export function timeMatters(graph: PlanningGraph, from: string): boolean {
  const role = graph.roleIndex.get(from)!;
  if (roleOf(graph, from) === findNewToCare(graph.dataset)) return false;
  return graph.outOf(role).some((e) => e.route.experienceBeforeMonths !== undefined || e.route.experienceMonths !== undefined);
}

/**
 * How long in the role, typed as people say it. For a registered role the time counts from
 * qualifying, except where the dataset has a first registered role before it (a newly qualified
 * social worker's year): that time belongs to the earlier role, so the question leaves it out.
 */
export async function askTime(ask: Ask, graph: PlanningGraph, role: Role, previous?: number): Promise<number | undefined> {
  const since = role.registration?.required ? ` ${timeCountsFrom(graph, role)}` : '';
  const typed = await ask.input({
    name: 'monthsInRole',
    message: `How long have you been a ${role.name}${since}? (e.g. 2 years or 8 months; blank if not sure)`,
    ...(previous !== undefined ? { default: formatTimeInRole(previous) } : {}),
    validate: (text) => {
      const parsed = parseTimeInRole(text);
      return 'error' in parsed ? parsed.error : true;
    },
  });
  const parsed = parseTimeInRole(typed);
  return 'months' in parsed ? parsed.months : undefined;
}

/** "since qualifying", or "not counting your time as <the registered role before it>". */
function timeCountsFrom(graph: PlanningGraph, role: Role): string {
  const index = graph.roleIndex.get(role.id)!;
  const body = role.registration?.body;
  const before = graph.roles.find(
    (r) => r.registration?.required && r.registration.body === body && graph.outOf(graph.roleIndex.get(r.id)!).some((e) => e.to === index),
  );
  return before ? `(not counting your time as a ${before.name})` : 'since qualifying';
}

/** A role to get to, from every role, nearest first. */
export function askTargetRole(ask: Ask, graph: PlanningGraph, current: Role): Promise<string> {
  return ask.search({
    name: 'targetRole',
    message: 'Which role would you like to get to? (type to search)',
    source: (term) => targetRoleChoices(graph, current, term),
  });
}

/** "Then": a second destination after the first, or none. */
export async function askThen(ask: Ask, graph: PlanningGraph, first: Role, from: string): Promise<string | undefined> {
  const none: Choice<string> = { value: NO_THEN, name: `Nothing after ${first.name}`, short: 'nothing', description: 'Plan to the first goal only.' };
  const chosen = await ask.search({
    name: 'then',
    message: `After ${first.name}, where next? (type to search)`,
    source: (term) => [...(term.trim() === '' ? [none] : []), ...targetRoleChoices(graph, first, term).filter((c) => !('value' in c) || c.value !== from)],
  });
  return chosen === NO_THEN ? undefined : chosen;
}

/** What matters and the constraints; `only` asks just that one again. Answers given on the command line are kept. */
export async function askPreferences(ask: Ask, previous: Preferences, given: Partial<Preferences>, only?: AnswerName): Promise<Preferences> {
  const wants = (name: AnswerName, isGiven: boolean) => (only === undefined ? !isGiven : only === name);
  const out: Preferences = { ...previous };
  if (wants('optimise', given.optimise !== undefined)) {
    out.optimise = await ask.select({ name: 'optimise', message: 'What matters most to you?', choices: PRIORITY_CHOICES, default: previous.optimise });
  }
  if (wants('constraints', given.earnWhileLearning !== undefined || given.noDegree !== undefined)) {
    const ticked = await ask.checkbox<Constraint>({
      name: 'constraints',
      message: 'Anything your route must allow for? (none is fine)',
      choices: CONSTRAINT_CHOICES,
      default: CONSTRAINT_CHOICES.map((c) => c.value).filter((c) => previous[c]),
    });
    out.earnWhileLearning = ticked.includes('earnWhileLearning');
    out.noDegree = ticked.includes('noDegree');
  }
  if (wants('hoursPerWeek', given.hoursPerWeek !== undefined)) {
    const hours = await ask.number({
      name: 'hoursPerWeek',
      message: 'How many hours a week could you give to study? (leave blank if you are not sure)',
      min: 1,
      max: 80,
      required: false,
      ...(previous.hoursPerWeek !== undefined ? { default: previous.hoursPerWeek } : {}),
    });
    if (hours === undefined) delete out.hoursPerWeek;
    else out.hoursPerWeek = hours;
  }
  return out;
}

/** After no role fits a direction: change the goal, or what matters and the constraints. */
export function askWhereToGoBack(ask: Ask, constrained: boolean): Promise<'goal' | 'preferences'> {
  return ask.select<'goal' | 'preferences'>({
    name: 'goBack',
    message: 'What would you like to do?',
    choices: [
      { value: 'goal', name: 'Go back and choose somewhere else to go' },
      { value: 'preferences', name: 'Go back and change what matters and my constraints' },
    ],
    default: constrained ? 'preferences' : 'goal',
  });
}

/** With an answer to keep, the list before anything is typed starts with it, so Enter keeps it. */
function keepFirst(items: ChoiceItem<string>[], term: string, previous: string | undefined): ChoiceItem<string>[] {
  if (previous === undefined || term.trim() !== '') return items;
  const kept = items.find((item): item is Choice<string> => 'value' in item && item.value === previous);
  if (!kept) return items;
  return [{ ...kept, name: `${kept.short ?? kept.name} (your answer)` }, ...items.filter((item) => item !== kept)];
}
