/**
 * Every command and option, declared once. Actions only turn flags into a typed options object
 * and lazy-load their handler, so `careerpath --help` loads neither yaml, zod nor cli-table3.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { PlanOptions } from './commands/plan';
import type { RolesOptions } from './commands/roles';
import type { Io } from './io/terminal';
import { OPTIMISE_CHOICES, type Optimise } from './planner/types';

/** The handlers the CLI dispatches to; tests pass fakes to check option parsing alone. */
export interface Handlers {
  plan(options: PlanOptions, io: Io): Promise<void>;
  roles(options: RolesOptions, io: Io): Promise<void>;
}

const lazyHandlers: Handlers = {
  plan: async (options, io) => (await import('./commands/plan')).plan(options, io),
  roles: async (options, io) => (await import('./commands/roles')).roles(options, io),
};

const SECTORS = ['adult-social-care', 'social-work', 'nhs'];

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Options every data-reading command shares. */
function addDataOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--data <file>', 'use this dataset file instead of the shipped one (repeatable)')
        .argParser(collect)
        .default(undefined),
    )
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)');
}

const EXAMPLES = `
Examples:
  $ careerpath plan --from "care worker" --to "registered manager"
  $ careerpath plan --from "care worker" --to "registered manager" --have "level 3 diploma in adult care"
  $ careerpath plan --from "senior care worker" --to "deputy manager" --optimise time
  $ careerpath plan --from "care worker" --to "team leader" --data my-organisation.yaml

Names match ids, names and aliases in any case: "care worker", "Care Worker" and "care-worker" all work.
Exit codes: 0 success, 1 failure (invalid dataset, no route, file problem), 2 usage error, 130 cancelled.`;

/** Builds the commander program; `io` receives commander's own output too. */
export function buildProgram(io: Io, version: string, handlers: Handlers = lazyHandlers): Command {
  const program = new Command('careerpath')
    .description('Plan a career route through UK health and social care: steps, qualifications, time, cost and funding.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  addDataOptions(
    program
      .command('plan')
      .description('the steps and qualifications between two roles')
      .option('--from <role>', 'where you are now (a role name, id or alias)')
      .option('--to <role>', 'where you want to get to')
      .addOption(
        new Option('--have <qualification>', 'a qualification you already hold (repeatable)').argParser(collect),
      )
      .addOption(
        new Option('--optimise <criterion>', 'what "best" means').choices(OPTIMISE_CHOICES).default('steps'),
      )
      .addOption(new Option('--optimize <criterion>').choices(OPTIMISE_CHOICES).hideHelp()),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: Record<string, unknown>) => {
      await handlers.plan(
        {
          from: flags.from as string | undefined,
          to: flags.to as string | undefined,
          have: (flags.have as string[] | undefined) ?? [],
          optimise: ((flags.optimize ?? flags.optimise) as Optimise | undefined) ?? 'steps',
          dataFiles: (flags.data as string[] | undefined) ?? [],
          color: flags.color as boolean,
        },
        io,
      );
    });
  addDataOptions(
    program
      .command('roles')
      .description('list the roles in the dataset')
      .addOption(new Option('--sector <sector>', 'only this sector').choices(SECTORS))
      .addOption(new Option('--level <n>', 'only this RQF level (1–8)').argParser(parseLevel)),
  ).action(async (flags: Record<string, unknown>) => {
    await handlers.roles(
      {
        sector: flags.sector as RolesOptions['sector'],
        level: flags.level as number | undefined,
        dataFiles: (flags.data as string[] | undefined) ?? [],
        color: flags.color as boolean,
      },
      io,
    );
  });

  // Subcommands report their errors through the program's output and exit override.
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

function parseLevel(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new InvalidArgumentError('expected a level from 1 to 8');
  return n;
}
