/**
 * The questionnaire: the questions a careers conversation asks, in order, each adapting to the
 * answers before it, ending with a plan. It talks to the person only through `ask` (the seam in
 * ask.ts), so tests script the answers; the choices and the answers → request mapping are the
 * pure functions in choices.ts.
 */
import type { Dataset, Role } from '../domain/types';
import { UserError } from '../errors';
import { buildGraph, type PlanningGraph } from '../planner/graph';
import { planRoute } from '../planner/plan';
import type { Plan, PlanRequest } from '../planner/types';
import type { Ask, Choice } from './ask';
import { currentRoleChoices, findNewToCare } from './current-role';
import {
  areaById,
  areaChoices,
  areaRoles,
  defaultGoal,
  DIRECTION_NOUN,
  directionCandidates,
  goalChoices,
  movesFrom,
  type Goal,
  type GoalKind,
} from './directions';
import { keyPrerequisites, qualificationChoices, qualificationsToOffer } from './held-qualifications';
import { buildPlanRequest, CONSTRAINT_CHOICES, DEFAULT_PREFERENCES, PRIORITY_CHOICES, type Constraint, type Preferences } from './request';
import { nextFreeName, validateFileName, withMarkdownExtension } from './saving';
import { targetRoleChoices } from './target-roles';
import { constraintWords, explainNoRoute, explainNoTargets, findTargets, targetChoice } from './targets';

export interface QuestionnaireOptions {
  /** Qualification ids ticked at the start (from `careerpath plan --have`). */
  have?: string[];
}

export interface QuestionnaireResult {
  request: PlanRequest;
  plan: Plan;
  goal: Goal;
  /** A word on the specialism's own training, when the best route leaves it out. */
  tip?: string;
}

/** How many targets a direction offers to choose from. */
export const MAX_TARGETS = 6;

const SOMEWHERE_ELSE = '\u0000somewhere-else';

const OPTIMISE_WORDS = { realistic: 'most realistic', steps: 'fewest job changes', time: 'fastest', cost: 'cheapest' } as const;

/** Asks the questions and plans the route the answers describe; rejects with ExitPromptError when the person cancels. */
export async function runQuestionnaire(dataset: Dataset, ask: Ask, options: QuestionnaireOptions = {}): Promise<QuestionnaireResult> {
  const graph = buildGraph(dataset);
  const roleById = (id: string): Role => graph.roles[graph.roleIndex.get(id)!]!;

  // 1. Where the person is now.
  const current = roleById(
    await ask.search({
      name: 'currentRole',
      message: 'What is your current role? (type to search)',
      source: (term) => currentRoleChoices(dataset, term),
    }),
  );
  const newToCare = current === findNewToCare(dataset);

  // 2. What they hold already (the role's own qualifications are counted without asking).
  if (current.holds.length > 0) {
    const names = current.holds.map((id) => graph.qualifications[graph.qualIndex.get(id)!]!.name);
    ask.tell(`As a ${current.name} you are counted as holding ${names.join(', ')} already.`);
  }
  const offered = qualificationsToOffer(dataset, current);
  const offeredIds = new Set(offered.map((q) => q.id));
  const ticked = await ask.searchCheckbox({
    name: 'qualifications',
    message: newToCare ? 'Do you have any qualifications already? (type to search)' : 'Which qualifications do you already have? (type to search)',
    source: (term) => qualificationChoices(offered, term),
    default: (options.have ?? []).filter((id) => offeredIds.has(id)),
  });
  const have = [...ticked];
  for (const q of keyPrerequisites(dataset, current, have)) {
    const also = q.aliases.length > 0 ? ` (${q.aliases.join(' or ')})` : '';
    if (await ask.confirm({ name: `prerequisite:${q.id}`, message: `Do you have ${q.name}${also}?`, default: false })) have.push(q.id);
  }

  // 3 and 4, until there is a plan: where to go, what matters, the constraints. A direction is
  // answered with the best roles that fit it; no route means saying why and going back.
  let goal: Goal | undefined;
  let preferences: Preferences | undefined;
  let lastPreferences = DEFAULT_PREFERENCES;
  for (;;) {
    goal ??= await askGoal(ask, graph, current, newToCare);
    preferences ??= await askPreferences(ask, lastPreferences);
    lastPreferences = preferences;
    const constraints = constraintWords(dataset, preferences);

    let to: string;
    if (goal.kind === 'role') to = goal.to;
    else {
      const base = buildPlanRequest(current.id, current.id, have, preferences);
      const search = findTargets(graph, base, directionCandidates(graph, current, goal, newToCare));
      if (search.targets.length === 0) {
        ask.tell(explainNoTargets(goal.kind, current.name, search, constraints));
        if ((await askWhereToGoBack(ask, constraints.length > 0)) === 'goal') goal = undefined;
        else preferences = undefined;
        continue;
      }
      const noun = DIRECTION_NOUN[goal.kind];
      const choices: Choice<string>[] = [
        ...search.targets.slice(0, MAX_TARGETS).map(targetChoice),
        { value: SOMEWHERE_ELSE, name: 'Somewhere else: let me choose the role', description: 'Every role in the dataset, nearest first.' },
      ];
      const chosen = await ask.select({
        name: 'target',
        message: `The best ${noun} for you (${OPTIMISE_WORDS[preferences.optimise]} first):`,
        choices,
        default: choices[0]!.value,
      });
      if (chosen === SOMEWHERE_ELSE) {
        goal = { kind: 'role', to: await askTargetRole(ask, graph, current) };
        to = goal.to;
      } else to = chosen;
    }

    const request = buildPlanRequest(current.id, to, have, preferences);
    const result = planRoute(graph, request);
    if (result.kind === 'plan') {
      const tip = specialismTip(graph, goal, result.plan, have);
      return { request, plan: result.plan, goal, ...(tip ? { tip } : {}) };
    }
    ask.tell(result.kind === 'no-route' ? explainNoRoute(result.noRoute) : `You are a ${current.name} already: choose somewhere else to go.`);
    if ((await askWhereToGoBack(ask, constraints.length > 0)) === 'goal') goal = undefined;
    else preferences = undefined;
  }
}

async function askGoal(ask: Ask, graph: PlanningGraph, current: Role, newToCare: boolean): Promise<Goal> {
  const kind = await ask.select<GoalKind>({
    name: 'goal',
    message: 'Where would you like to go?',
    choices: goalChoices(graph, current, newToCare),
    default: defaultGoal(graph, current, newToCare),
  });
  if (kind === 'role') return { kind, to: await askTargetRole(ask, graph, current) };
  if (kind !== 'specialise') return { kind };
  const areas = areaChoices(graph.dataset, new Set(movesFrom(graph, current.id).keys()));
  if (areas.length === 0) return { kind };
  const area = await ask.select({ name: 'specialism', message: 'Which area would you like to specialise in?', choices: areas, default: areas[0]!.value });
  return { kind, area };
}

function askTargetRole(ask: Ask, graph: PlanningGraph, current: Role): Promise<string> {
  return ask.search({
    name: 'targetRole',
    message: 'Which role would you like to get to? (type to search)',
    source: (term) => targetRoleChoices(graph, current, term),
  });
}

async function askPreferences(ask: Ask, previous: Preferences): Promise<Preferences> {
  const optimise = await ask.select({ name: 'optimise', message: 'What matters most to you?', choices: PRIORITY_CHOICES, default: previous.optimise });
  const constraints = await ask.checkbox<Constraint>({
    name: 'constraints',
    message: 'Anything your route must allow for? (space to tick, ⏎ to go on; none is fine)',
    choices: CONSTRAINT_CHOICES,
    default: CONSTRAINT_CHOICES.map((c) => c.value).filter((c) => previous[c]),
  });
  const hoursPerWeek = await ask.number({
    name: 'hoursPerWeek',
    message: 'How many hours a week could you give to study? (leave blank if you are not sure)',
    min: 1,
    max: 80,
    required: false,
    ...(previous.hoursPerWeek !== undefined ? { default: previous.hoursPerWeek } : {}),
  });
  return {
    optimise,
    earnWhileLearning: constraints.includes('earnWhileLearning'),
    noDegree: constraints.includes('noDegree'),
    ...(hoursPerWeek !== undefined ? { hoursPerWeek } : {}),
  };
}

function askWhereToGoBack(ask: Ask, constrained: boolean): Promise<'goal' | 'preferences'> {
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

/** For a specialism whose training is one route among several: names it when the best route leaves it out. */
function specialismTip(graph: PlanningGraph, goal: Goal, plan: Plan, have: readonly string[]): string | undefined {
  if (goal.kind !== 'specialise') return undefined;
  const area = areaById(goal.area);
  const training = areaRoles(graph.dataset, area).get(plan.to.id) ?? [];
  const planned = new Set([...have, ...plan.best.checklist.map((g) => g.id)]);
  if (training.length === 0 || training.some((id) => planned.has(id))) return undefined;
  const names = training.map((id) => graph.qualifications[graph.qualIndex.get(id)!]!.name);
  return `To specialise in ${area.name.toLowerCase()}, add ${names.join(' or ')}: one of the routes to ${plan.to.name} includes it.`;
}

// ---------------------------------------------------------------------------------------------
// Saving

/** Where a plan can be saved: the file system in the CLI, a fake in tests. */
export interface SaveDestination {
  /** True when anything (a file, a folder, a link) already has this name. */
  exists(file: string): Promise<boolean>;
  /** Writes the plan; `replace` allows replacing what is there. Throws a UserError when it cannot. */
  write(file: string, replace: boolean): Promise<void>;
}

/**
 * "Save this plan as Markdown?", then a file name (a free one suggested). Never replaces a file
 * without a yes; a name that cannot be written is reported and asked again. Returns the name
 * written, or undefined when the person chose not to save.
 */
export async function offerToSave(ask: Ask, suggested: string, destination: SaveDestination): Promise<string | undefined> {
  if (!(await ask.confirm({ name: 'save', message: 'Save this plan as Markdown?', default: true }))) return undefined;
  let suggestion = await nextFreeName(suggested, destination.exists);
  for (;;) {
    const file = withMarkdownExtension(await ask.input({ name: 'fileName', message: 'File name:', default: suggestion, validate: validateFileName }));
    let replace = false;
    if (await destination.exists(file)) {
      replace = await ask.confirm({ name: 'overwrite', message: `${file} already exists. Replace it?`, default: false });
      if (!replace) {
        suggestion = await nextFreeName(file, destination.exists);
        continue;
      }
    }
    try {
      await destination.write(file, replace);
      return file;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (!replace && (await destination.exists(file))) {
        // Something took the name between the check and the write: it is left alone.
        ask.tell(`${file} appeared while saving and was left as it is.`);
      } else {
        // The writer's hints speak of command-line flags; here the question is simply asked again.
        const hint = error.hint && !error.hint.includes('--') ? ` ${error.hint}` : '';
        ask.tell(`Could not save: ${error.message}.${hint}`);
      }
      suggestion = await nextFreeName(file, destination.exists);
    }
  }
}
