/**
 * The questionnaire: the questions a careers conversation asks, in order, each adapting to the
 * answers before it; then every answer on one screen, where any can be changed before (and after)
 * planning. It talks to the person only through `ask` (the seam in ask.ts), so tests script the
 * answers; what each list offers comes from the pure modules beside it.
 */
import type { Dataset, Role } from '../domain/types';
import { buildGraph, type PlanningGraph } from '../planner/graph';
import { planRoute } from '../planner/plan';
import type { Plan, PlanRequest } from '../planner/types';
import { type Answers, type AnswerName, requestFor, reviewLines } from './answers';
import type { Ask, Choice, ChoiceItem } from './ask';
import { findNewToCare } from './current-role';
import {
  areaById,
  areaChoices,
  areaRoles,
  defaultGoal,
  directionCandidates,
  directionNoun,
  goalChoices,
  movesFrom,
  type Goal,
  type GoalKind,
} from './directions';
import { buildPlanRequest, DEFAULT_PREFERENCES, type Preferences } from './request';
import { askHeld, askPreferences, askRole, askTargetRole, askThen, askTime, askWhereToGoBack, roleOf, timeMatters } from './questions';
import { constraintWords, explainNoRoute, explainNoTargets, findTargets, targetChoice } from './targets';

/** Answers given on the command line (`careerpath plan --from ...`): those questions are not asked. */
export interface GivenAnswers {
  from?: string;
  to?: string;
  /** Qualification ids; when given, the qualification questions are not asked. */
  have?: string[];
  monthsInRole?: number;
  preferences?: Partial<Preferences>;
}

export interface QuestionnaireOptions {
  /** Qualification ids ticked at the start, the question still asked. */
  have?: string[];
  given?: GivenAnswers;
  /** Request fields no question asks (`plan --avoid`, `--max-months`, `--alternatives`, `--via`), kept as given. */
  request?: Partial<PlanRequest>;
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

export const OPENING =
  'A few questions about where you are and where you would like to go, then your plan: about a minute.\n' +
  'You can check and change every answer before planning. Esc or Ctrl-C stops at any time.\n';

const SOMEWHERE_ELSE = '\u0000somewhere-else';

const OPTIMISE_WORDS = { realistic: 'most realistic', steps: 'fewest job changes', time: 'fastest', cost: 'cheapest' } as const;

/** Asks the questions, shows the answers for review and plans the route they describe; rejects with ExitPromptError when the person cancels. */
export async function runQuestionnaire(dataset: Dataset, ask: Ask, options: QuestionnaireOptions = {}): Promise<QuestionnaireResult> {
  return new Questionnaire(dataset, ask, options).start();
}

/** One conversation: the answers so far, and each question as a method that can be asked again. */
export class Questionnaire {
  private readonly graph: PlanningGraph;
  private readonly given: GivenAnswers;
  private answers!: Answers;

  constructor(
    private readonly dataset: Dataset,
    private readonly ask: Ask,
    private readonly options: QuestionnaireOptions = {},
  ) {
    this.graph = buildGraph(dataset);
    this.given = options.given ?? {};
  }

  /** The questions in order, then the review; returns once there is a plan the person asked for. */
  async start(): Promise<QuestionnaireResult> {
    const { ask, given } = this;
    ask.tell(OPENING);
    const from = given.from ?? (await askRole(this.ask, this.dataset));
    const have = given.have ?? (await askHeld(this.ask, this.graph, from, this.options.have ?? []));
    const monthsInRole = given.monthsInRole ?? (timeMatters(this.graph, from) ? await askTime(this.ask, this.graph, this.role(from)) : undefined);
    this.answers = { from, have, goal: { kind: 'role', to: from }, to: from, preferences: { ...DEFAULT_PREFERENCES, ...given.preferences } };
    if (monthsInRole !== undefined) this.answers.monthsInRole = monthsInRole;
    const goal: Goal = given.to !== undefined ? { kind: 'role', to: given.to } : await this.askGoal();
    this.answers.preferences = await askPreferences(this.ask, this.answers.preferences, given.preferences ?? {});
    await this.settleGoal(goal);
    return this.review();
  }

  /** The review screen, until the person asks for a plan and there is one. */
  async review(focus: AnswerName | 'plan' = 'plan'): Promise<QuestionnaireResult> {
    let next = focus;
    for (;;) {
      const choice = await this.askReview(next);
      if (choice !== 'plan') {
        await this.change(choice);
        next = 'plan';
        continue;
      }
      const request = this.request();
      const result = planRoute(this.graph, request);
      if (result.kind === 'plan') {
        const tip = specialismTip(this.graph, this.answers.goal, result.plan, this.answers.have);
        return { request, plan: result.plan, goal: this.answers.goal, ...(tip ? { tip } : {}) };
      }
      this.ask.tell(
        result.kind === 'no-route' ? explainNoRoute(result.noRoute) : `You are a ${this.role(this.answers.from).name} already: choose somewhere else to go.`,
      );
      next = this.constraints().length > 0 ? 'constraints' : 'goal';
    }
  }

  /** The request the answers make, with what the command line fixed; a second goal is the route's waypoint. */
  private request(): PlanRequest {
    const fromAnswers = requestFor(this.answers);
    const { via, ...fixed } = this.options.request ?? {};
    return { ...fromAnswers, ...fixed, ...(fromAnswers.via === undefined && via !== undefined ? { via } : {}) };
  }

  private async askReview(focus: AnswerName | 'plan'): Promise<AnswerName | 'plan'> {
    const lines = reviewLines(this.dataset, this.answers, timeMatters(this.graph, this.answers.from));
    const width = Math.max(40, (this.ask.columns ?? 80) - 4);
    const choices: ChoiceItem<AnswerName | 'plan'>[] = [
      { value: 'plan', name: 'Make my plan', description: 'Plan the route from these answers.' },
      { separator: 'Or change an answer:' },
      ...lines.map((line) => {
        const text = `${line.label}: ${line.answer}`;
        return { value: line.name, name: shorten(text, width), short: line.label, description: `${text}.` };
      }),
    ];
    return this.ask.select({ name: 'review', message: 'Here are your answers. Plan, or change one?', choices, default: focus, pageSize: choices.length });
  }

  /** Asks one answer again, with what was answered as the default, and what depends on it when it no longer fits. */
  private async change(name: AnswerName): Promise<void> {
    const a = this.answers;
    switch (name) {
      case 'from': {
        a.from = await askRole(this.ask, this.dataset, a.from);
        // askHeld keeps, ticked, whatever of these the new list still offers.
        a.have = await askHeld(this.ask, this.graph, a.from, a.have);
        delete a.monthsInRole;
        if (timeMatters(this.graph, a.from)) this.setTime(await askTime(this.ask, this.graph, this.role(a.from)));
        if (a.to === a.from || !movesFrom(this.graph, a.from).has(a.to)) await this.settleGoal(await this.askGoal());
        if (a.thenTo === a.from) delete a.thenTo;
        return;
      }
      case 'have': {
        // askHeld keeps, ticked, whatever of these the new list still offers.
        a.have = await askHeld(this.ask, this.graph, a.from, a.have);
        return;
      }
      case 'monthsInRole':
        this.setTime(await askTime(this.ask, this.graph, this.role(a.from), a.monthsInRole));
        return;
      case 'goal':
        await this.settleGoal(await this.askGoal(a.goal.kind));
        if (a.thenTo === a.to) delete a.thenTo;
        return;
      case 'then': {
        const then = await askThen(this.ask, this.graph, this.role(a.to), a.from);
        if (then === undefined) delete a.thenTo;
        else a.thenTo = then;
        return;
      }
      default:
        a.preferences = await askPreferences(this.ask, a.preferences, {}, name);
    }
  }

  private setTime(months: number | undefined): void {
    if (months === undefined) delete this.answers.monthsInRole;
    else this.answers.monthsInRole = months;
  }

  /** A goal as an actual role: a direction's target is chosen among the best that fit (or, with none, the person goes back). */
  private async settleGoal(goal: Goal): Promise<Goal> {
    let current = goal;
    for (;;) {
      if (current.kind === 'role') {
        this.answers.goal = current;
        this.answers.to = current.to;
        return current;
      }
      const to = await this.chooseTarget(current);
      if (to === undefined) {
        if ((await askWhereToGoBack(this.ask, this.constraints().length > 0)) === 'goal') current = await this.askGoal(current.kind);
        else this.answers.preferences = await askPreferences(this.ask, this.answers.preferences, {});
        continue;
      }
      if (to === SOMEWHERE_ELSE) current = { kind: 'role', to: await askTargetRole(this.ask, this.graph, this.role(this.answers.from)) };
      else {
        this.answers.goal = current;
        this.answers.to = to;
        return current;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // The questions

  private async askGoal(previous?: GoalKind): Promise<Goal> {
    const current = this.role(this.answers.from);
    const newToCare = current === findNewToCare(this.dataset);
    const choices = goalChoices(this.graph, current, newToCare);
    const open = (kind: GoalKind | undefined) => choices.some((c) => c.value === kind && !c.disabled);
    const kind = await this.ask.select<GoalKind>({
      name: 'goal',
      message: 'Where would you like to go?',
      choices,
      default: open(previous) ? previous! : defaultGoal(this.graph, current, newToCare),
    });
    if (kind === 'role') return { kind, to: await askTargetRole(this.ask, this.graph, this.role(this.answers.from)) };
    if (kind !== 'specialise') return { kind };
    const areas = areaChoices(this.dataset, new Set(movesFrom(this.graph, current.id).keys()));
    const first = areas.find((a) => !a.disabled);
    if (!first) return { kind };
    const area = await this.ask.select({ name: 'specialism', message: 'Which area would you like to specialise in?', choices: areas, default: first.value });
    return { kind, area };
  }

  /** The best roles for a direction, to choose from; undefined (after saying why) when none can be reached. */
  private async chooseTarget(goal: Exclude<Goal, { kind: 'role' }>): Promise<string | undefined> {
    const a = this.answers;
    const current = this.role(a.from);
    const newToCare = current === findNewToCare(this.dataset);
    const base = buildPlanRequest(a.from, a.from, a.have, a.preferences);
    const search = findTargets(
      this.graph,
      a.monthsInRole ? { ...base, monthsInRole: a.monthsInRole } : base,
      directionCandidates(this.graph, current, goal, newToCare),
    );
    if (search.targets.length === 0) {
      this.ask.tell(explainNoTargets(goal.kind, current.name, search, this.constraints(), directionNoun(goal.kind, newToCare)));
      return undefined;
    }
    const choices: Choice<string>[] = [
      ...search.targets.slice(0, MAX_TARGETS).map(targetChoice),
      { value: SOMEWHERE_ELSE, name: 'Somewhere else: let me choose the role', description: 'Every role in the dataset, nearest first.' },
    ];
    return this.ask.select({
      name: 'target',
      message: `The best ${directionNoun(goal.kind, newToCare)} for you (${OPTIMISE_WORDS[a.preferences.optimise]} first):`,
      choices,
      default: choices[0]!.value,
    });
  }

  private constraints(): string[] {
    return constraintWords(this.dataset, this.answers.preferences);
  }

  private role(id: string): Role {
    return roleOf(this.graph, id);
  }
}

/** Text cut at a word to fit `width` columns, with an ellipsis when cut. */
function shorten(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > width / 2 ? cut.slice(0, space) : cut).replace(/[;,:]$/, '')}…`;
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
