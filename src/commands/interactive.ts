/**
 * `careerpath interactive`, and `careerpath plan` without --from or --to: the questionnaire (only
 * what the command line did not say is asked), the plan it leads to, and then saving it, changing
 * an answer, or finishing. Inquirer is loaded only here, only on a terminal.
 */
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommonOptions } from './options';
import { readCommandDataset } from '../dataset/load';
import type { Dataset } from '../domain/types';
import { UsageError } from '../errors';
import type { Ask } from '../interactive/ask';
import { type GivenAnswers, Questionnaire } from '../interactive/questionnaire';
import { saveAs } from '../interactive/save-plan';
import { commandLines, planCommand, suggestFileName } from '../interactive/saving';
import { wantsColor, type Io } from '../io/terminal';
import { packageVersion } from '../package-root';
import type { PlanRequest } from '../planner/types';
import { isoDate, planContext } from '../render/context';
import { fitText } from '../render/fit';
import { renderPlanMarkdown } from '../render/markdown';
import { renderPlanTable } from '../render/table';
import { terminalSafeCopy, terminalText } from '../render/terminal-text';
import { requireQualification, requireRole, requireRoleOrQualification } from './names';
import { emitPlan, parseReviewDate, type PlanOptions } from './plan';

export interface InteractiveOptions extends Pick<CommonOptions, 'dataFiles' | 'color' | 'cache'> {
  /** What `careerpath plan` was given when --from or --to is missing: only the rest is asked. */
  plan?: PlanOptions;
  /** True when plan's --optimise was typed, not left at its default. */
  optimiseGiven?: boolean;
}

/** Runs the questionnaire on this terminal; a usage error (exit 2) when there is none to ask on. */
export async function interactive(options: InteractiveOptions, io: Io): Promise<void> {
  const given = options.plan;
  // Before anything else: inquirer on a pipe either hangs or exits 0 with nothing done.
  if (!io.stdinIsTTY || !io.stdoutIsTTY) throw noTerminal(given);
  if (given?.review !== undefined) parseReviewDate(given.review);
  // Names reach the terminal from every part of the questionnaire: escape any control character once, here.
  const dataset = terminalSafeCopy(await readCommandDataset({ dataFiles: options.dataFiles, cache: options.cache !== false && given?.cache !== false }, io));
  const answers = given ? givenAnswers(dataset, given, options.optimiseGiven === true) : {};
  const color = wantsColor(io.env, io.stdoutIsTTY, options.color);
  const { createInquirerAsk } = await import('../interactive/prompts');
  // What is said between questions wraps between words, as the plan does.
  const ask = createInquirerAsk({ color, tell: (text) => io.out(`${io.columns ? fitText(text, io.columns) : text}\n`) });
  await runInteractive(dataset, ask, io, {
    color,
    dataFiles: options.dataFiles,
    today: new Date(),
    given: answers,
    ...(given ? { request: requestOptions(dataset, given), plan: given } : {}),
  });
}

function noTerminal(given: PlanOptions | undefined): UsageError {
  const example = 'careerpath plan --from "care worker" --to "registered manager"';
  if (given && (given.from !== undefined || given.to !== undefined)) {
    return new UsageError(`plan needs ${given.from === undefined ? '--from' : '--to'}`, {
      hint: `Example: ${example}\nOn a terminal, careerpath asks for what is missing.`,
    });
  }
  return new UsageError('the questionnaire needs an interactive terminal, and input or output is redirected here', {
    hint: `Plan without questions: ${example}\n\`careerpath roles\` lists the roles; \`careerpath plan --help\` lists the options.`,
  });
}

/** The answers `careerpath plan`'s options give, names resolved (a name that matches nothing is a usage error before any question). */
function givenAnswers(dataset: Dataset, plan: PlanOptions, optimiseGiven: boolean): GivenAnswers {
  const preferences = {
    ...(optimiseGiven ? { optimise: plan.optimise } : {}),
    ...(plan.earnWhileLearning || plan.noDegree ? { earnWhileLearning: plan.earnWhileLearning, noDegree: plan.noDegree } : {}),
    ...(plan.hoursPerWeek !== undefined ? { hoursPerWeek: plan.hoursPerWeek } : {}),
  };
  return {
    ...(plan.from !== undefined ? { from: requireRole(dataset, plan.from, '--from').id } : {}),
    ...(plan.to !== undefined ? { to: requireRole(dataset, plan.to, '--to').id } : {}),
    ...(plan.have.length > 0 ? { have: plan.have.map((typed) => requireQualification(dataset, typed, '--have').id) } : {}),
    ...(plan.monthsInRole !== undefined ? { monthsInRole: plan.monthsInRole } : {}),
    ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
  };
}

/** The rest of `plan`'s options, which no question asks: kept as given in the request. */
function requestOptions(dataset: Dataset, plan: PlanOptions): Partial<PlanRequest> {
  const avoid = plan.avoid.map((typed) => {
    const found = requireRoleOrQualification(dataset, typed, '--avoid');
    return found.kind === 'role' ? found.role.id : found.qualification.id;
  });
  return {
    alternatives: plan.alternatives,
    ...(avoid.length > 0 ? { avoid } : {}),
    ...(plan.maxMonths !== undefined ? { maxMonths: plan.maxMonths } : {}),
    ...(plan.via !== undefined ? { via: requireRole(dataset, plan.via, '--via').id } : {}),
  };
}

export interface InteractiveSession {
  color: boolean;
  dataFiles: string[];
  /** The day the plan is made (finish dates, the saved document's date). */
  today: Date;
  given?: GivenAnswers;
  /** Request fields no question asks (from `plan`'s options). */
  request?: Partial<PlanRequest>;
  /** `plan`'s options: with --output or --format, the plan goes there as `careerpath plan` would put it. */
  plan?: PlanOptions;
}

const AFTER_PLAN = [
  { value: 'save', name: 'Save this plan as Markdown', description: 'A file to print or bring to supervision, with a checklist and the sources.' },
  { value: 'change', name: 'Change an answer and plan again', description: 'Your answers are kept: change only what you want.' },
  { value: 'finish', name: 'Finish', description: 'Leave without saving: the command above gives this plan again.' },
] as const;

/**
 * The whole conversation with a given `ask`: questions, the plan with its alternatives, the
 * command that gives it again; then save it as Markdown, change an answer and plan again, or
 * finish. Returns the file saved, if any.
 */
export async function runInteractive(dataset: Dataset, ask: Ask, io: Io, session: InteractiveSession): Promise<string | undefined> {
  const questionnaire = new Questionnaire(dataset, ask, {
    ...(session.given ? { given: session.given } : {}),
    ...(session.request ? { request: session.request } : {}),
  });
  let result = await questionnaire.start();
  const plan = session.plan;
  if (plan && (plan.output !== undefined || plan.format !== undefined)) {
    io.err(`The same plan without the questions:\n${commandLines(planCommand(dataset, result.request, session.dataFiles), io.columns)}\n`);
    await emitPlan(io, plan, dataset, result.plan);
    return plan.output;
  }
  for (;;) {
    const { request, plan, tip } = result;
    ask.tell('');
    ask.tell(renderPlanTable(plan, { color: session.color, width: io.columns, today: session.today }).trimEnd());
    if (tip) ask.tell(`\n${tip}`);
    ask.tell(`\nThe same plan without the questions:\n${commandLines(planCommand(dataset, request, session.dataFiles), io.columns)}\n`);
    const next = await ask.select({ name: 'afterPlan', message: 'What next?', choices: [...AFTER_PLAN], default: 'save' });
    if (next === 'change') {
      result = await questionnaire.review();
      continue;
    }
    if (next === 'finish') return undefined;
    const markdown = () => renderPlanMarkdown(plan, planContext(dataset, plan, { today: isoDate(session.today), toolVersion: packageVersion() }));
    const saved = await saveAs(ask, suggestFileName(plan), {
      exists: (file) =>
        lstat(resolve(io.cwd, file)).then(
          () => true,
          () => false,
        ),
      write: async (file, replace) => {
        const { writeFileSafely } = await import('../io/write-file');
        await writeFileSafely(file, markdown(), { force: replace, cwd: io.cwd });
      },
    });
    ask.tell(`Saved ${terminalText(saved)}`);
    return saved;
  }
}
