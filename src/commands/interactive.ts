/**
 * `careerpath interactive` (and `careerpath plan` with no --from/--to): the questionnaire, the
 * plan it leads to, and the offer to save it. Inquirer is loaded only here, only on a terminal.
 */
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommonOptions } from './options';
import { readDataset } from '../dataset/load';
import type { Dataset } from '../domain/types';
import { UsageError } from '../errors';
import type { Ask } from '../interactive/ask';
import { planCommand, suggestFileName } from '../interactive/saving';
import { offerToSave, runQuestionnaire, type QuestionnaireOptions } from '../interactive/questionnaire';
import { wantsColor, type Io } from '../io/terminal';
import { packageVersion } from '../package-root';
import { isoDate, planContext } from '../render/context';
import { renderPlanMarkdown } from '../render/markdown';
import { renderPlanTable } from '../render/table';
import { requireQualification } from './names';

export interface InteractiveOptions extends Pick<CommonOptions, 'dataFiles' | 'color'> {
  /** Qualifications to tick at the start (what `plan --have` was given). */
  have?: string[];
}

/** Runs the questionnaire on this terminal; a usage error (exit 2) when there is none to ask on. */
export async function interactive(options: InteractiveOptions, io: Io): Promise<void> {
  // Before anything else: inquirer on a pipe either hangs or exits 0 with nothing done.
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    throw new UsageError('the questionnaire needs an interactive terminal, and input or output is redirected here', {
      hint:
        'Plan without questions: careerpath plan --from "care worker" --to "registered manager"\n' +
        '`careerpath roles` lists the roles; `careerpath plan --help` lists the options.',
    });
  }
  const dataset = await readDataset({ dataFiles: options.dataFiles, cwd: io.cwd, env: io.env });
  const have = (options.have ?? []).map((typed) => requireQualification(dataset, typed, '--have').id);
  const color = wantsColor(io.env, io.stdoutIsTTY, options.color);
  const { createInquirerAsk } = await import('../interactive/prompts');
  const ask = createInquirerAsk({ color, tell: (text) => io.out(`${text}\n`) });
  await runInteractive(dataset, ask, io, { color, dataFiles: options.dataFiles, have, today: new Date() });
}

export interface InteractiveSession extends QuestionnaireOptions {
  color: boolean;
  dataFiles: string[];
  /** The day the plan is made (finish dates, the saved document's date). */
  today: Date;
}

/**
 * The whole conversation with a given `ask`: questions, the plan with its alternatives, the
 * command that gives it again, and saving it as Markdown. Returns the file saved, if any.
 */
export async function runInteractive(dataset: Dataset, ask: Ask, io: Io, session: InteractiveSession): Promise<string | undefined> {
  const { request, plan, tip } = await runQuestionnaire(dataset, ask, session.have ? { have: session.have } : {});
  ask.tell('');
  ask.tell(renderPlanTable(plan, { color: session.color, width: io.columns, today: session.today }).trimEnd());
  if (tip) ask.tell(`\n${tip}`);
  ask.tell(`\nThe same plan without the questions:\n  ${planCommand(dataset, request, session.dataFiles)}\n`);

  const markdown = () => renderPlanMarkdown(plan, planContext(dataset, plan, { today: isoDate(session.today), toolVersion: packageVersion() }));
  const saved = await offerToSave(ask, suggestFileName(plan), {
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
  if (saved) ask.tell(`Saved ${saved}`);
  return saved;
}
