/**
 * Every command and option, declared once. Actions only turn flags into a typed options object
 * and lazy-load their handler, so `careerpath --help` loads neither yaml, zod nor cli-table3.
 */
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { CompletionOptions } from './commands/completion';
import { CORE_FORMATS, FORMATS, type CommonOptions, type Format, type OutputOptions } from './commands/options';
import type { InteractiveOptions } from './commands/interactive';
import type { PlanOptions } from './commands/plan';
import type { NextOptions } from './commands/next';
import type { QualificationsOptions } from './commands/qualifications';
import type { RolesOptions } from './commands/roles';
import type { SchemaOptions } from './commands/schema';
import type { ShowOptions } from './commands/show';
import type { ValidateOptions } from './commands/validate';
import type { UnlocksOptions } from './commands/unlocks';
import type { Io } from './io/terminal';
import { OPTIMISE_CHOICES, type Optimise } from './planner/types';
import { UsageError } from './errors';
import { QUALIFICATION_KIND_IDS, SECTORS } from './domain/vocabulary';
import { SHELLS, type Shell } from './render/completion';
import { COMMAND_EXAMPLES, completionSpec, EXAMPLES } from './cli-help';
import { terminalText } from './render/terminal-text';

/** The handlers the CLI dispatches to; tests pass fakes to check option parsing alone. */
export interface Handlers {
  plan(options: PlanOptions, io: Io): Promise<void>;
  roles(options: RolesOptions, io: Io): Promise<void>;
  qualifications(options: QualificationsOptions, io: Io): Promise<void>;
  next(options: NextOptions, io: Io): Promise<void>;
  unlocks(options: UnlocksOptions, io: Io): Promise<void>;
  show(options: ShowOptions, io: Io): Promise<void>;
  validate(options: ValidateOptions, io: Io): Promise<void>;
  schema(options: SchemaOptions, io: Io): Promise<void>;
  interactive(options: InteractiveOptions, io: Io): Promise<void>;
  completion(options: CompletionOptions, io: Io): Promise<void>;
}

const lazyHandlers: Handlers = {
  plan: async (options, io) => (await import('./commands/plan')).plan(options, io),
  roles: async (options, io) => (await import('./commands/roles')).roles(options, io),
  qualifications: async (options, io) => (await import('./commands/qualifications')).qualifications(options, io),
  next: async (options, io) => (await import('./commands/next')).next(options, io),
  unlocks: async (options, io) => (await import('./commands/unlocks')).unlocks(options, io),
  show: async (options, io) => (await import('./commands/show')).show(options, io),
  validate: async (options, io) => (await import('./commands/validate')).validate(options, io),
  schema: async (options, io) => (await import('./commands/schema')).schema(options, io),
  interactive: async (options, io) => (await import('./commands/interactive')).interactive(options, io),
  completion: async (options, io) => (await import('./commands/completion')).completion(options, io),
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The options every command shares, declared once on the program: commander takes a program
 * option before or after the command (`careerpath --no-color plan ...` and `plan ... --no-color`).
 */
function addGlobalOptions(program: Command): Command {
  return program
    .addOption(new Option('--data <file>', 'layer this dataset file on top of the shipped data (repeatable)').argParser(collect))
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)')
    .option('--no-cache', 'read --data files afresh instead of from the cache of validated files');
}

/**
 * Declares --format, --json, --output and --force on a command whose result can be saved, with
 * the formats it makes: its help, its completion and the parser all offer those alone.
 */
function addOutputOptions(command: Command, formats: readonly Format[] = CORE_FORMATS): Command {
  const html = formats.includes('html');
  const layouts = `table; text (one line or paragraph at a time, no grid: for screen readers, also CAREERPATH_FORMAT=text); markdown; ${html ? 'json; or html, a page to print' : 'or json'}`;
  return command
    .addOption(new Option('--format <format>', `${layouts} (default: from --output's extension, else table)`).choices(formats).argParser(formatChoice(formats)))
    .addOption(new Option('--json', 'short for --format json').conflicts('format'))
    .option(
      '-o, --output <file>',
      `save to this file instead of printing (.md → markdown, .json → json, .txt → text${html ? ', .html → html' : ''}; - for standard output)`,
    )
    .option('--force', 'let --output replace an existing file');
}

/** Parses --format as one of the command's formats; html, a format of plan's alone, says so. */
function formatChoice(formats: readonly Format[]) {
  return (value: string): Format => {
    const format = formats.find((f) => f === value);
    if (format) return format;
    const why = value === 'html' ? 'Only `careerpath plan` can make an HTML page; allowed choices here are' : 'Allowed choices are';
    throw new InvalidArgumentError(`${why} ${formats.join(', ')}.`);
  };
}

/** Reads the shared options back from a command's flags. */
function commonOptions(flags: Record<string, unknown>): CommonOptions {
  return {
    dataFiles: (flags.data as string[] | undefined) ?? [],
    color: flags.color as boolean,
    cache: flags.cache !== false,
    ...outputOptions(flags),
  };
}

/** Reads --format/--json, --output and --force back (undefined on commands without them). */
function outputOptions(flags: Record<string, unknown>): OutputOptions {
  return {
    format: flags.json === true ? 'json' : (flags.format as Format | undefined),
    output: flags.output as string | undefined,
    force: flags.force as boolean | undefined,
  };
}

/** A whole number no smaller than `min` (and no larger than `max`), for numeric options. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      const tooBig = /^\d+$/.test(value.trim()) && n > max ? ': this one is too large' : '';
      throw new InvalidArgumentError(
        max < Number.MAX_SAFE_INTEGER ? `expected a whole number from ${min} to ${max}` : `expected a whole number of at least ${min}${tooBig}`,
      );
    }
    return n;
  };
}

/** Builds the commander program; `io` receives commander's own output too. */
export function buildProgram(io: Io, version: string, handlers: Handlers = lazyHandlers): Command {
  const program = new Command('careerpath')
    .description('Plan a career route through UK health and social care: steps, qualifications, time, cost and funding.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .configureOutput({ writeOut: io.out, writeErr: (text) => io.err(terminalText(text)) })
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  addGlobalOptions(program);
  /** A command's own flags with the program's (global) ones. */
  const withGlobal = (flags: Record<string, unknown>): Record<string, unknown> => ({ ...program.opts(), ...flags });

  addOutputOptions(
    program
      .command('plan')
      .description('the steps and qualifications between two roles')
      .option('--from <role>', 'where you are now (a role name, id or alias)')
      .option('--to <role>', 'where you want to get to')
      .addOption(new Option('--have <qualification>', 'a qualification you already hold (repeatable)').argParser(collect))
      .addOption(
        new Option(
          '--optimise <criterion>',
          'what "best" means: realistic (typical time, weighted by how sure the sources are), steps (fewest job changes), time or cost',
        )
          .choices(OPTIMISE_CHOICES)
          .default('realistic'),
      )
      .addOption(new Option('--optimize <criterion>').choices(OPTIMISE_CHOICES).hideHelp())
      .addOption(
        new Option('--alternatives <n>', 'show up to N other routes (at most 20), each with why it is worth reading (0 for none)')
          .argParser(wholeNumber(0, 20))
          .default(2),
      )
      .option('--via <role>', 'a role the route must pass through')
      .addOption(new Option('--avoid <role-or-qualification>', 'never use this role or qualification (repeatable)').argParser(collect))
      .addOption(new Option('--max-months <n>', 'only routes that take at most N months').argParser(wholeNumber(1)))
      .option('--no-degree', 'no university-only routes (degree apprenticeships are still allowed)')
      .option('--earn-while-learning', 'only routes you can do in work: apprenticeships and employer-funded training')
      .addOption(new Option('--hours-per-week <n>', 'hours a week you can study, for a finish-date range').argParser(wholeNumber(1, 80)))
      .addOption(
        new Option(
          '--months-in-role <n>',
          'months you have already worked in your --from role: they count towards the time in post the first step asks for',
        ).argParser(wholeNumber(0, 600)),
      )
      .option('--name <name>', 'your name, for the plan document (html, markdown); left blank to fill in when absent')
      .option('--review <date>', 'the review date (YYYY-MM-DD), for the plan document; left blank when absent'),
    FORMATS,
  ).action(async (flags: Record<string, unknown>, command: Command) => {
    const options: PlanOptions = {
      ...commonOptions(withGlobal(flags)),
      from: flags.from as string | undefined,
      to: flags.to as string | undefined,
      have: (flags.have as string[] | undefined) ?? [],
      optimise: ((flags.optimize ?? flags.optimise) as Optimise | undefined) ?? 'realistic',
      alternatives: (flags.alternatives as number | undefined) ?? 2,
      via: flags.via as string | undefined,
      avoid: (flags.avoid as string[] | undefined) ?? [],
      maxMonths: flags.maxMonths as number | undefined,
      noDegree: flags.degree === false,
      earnWhileLearning: flags.earnWhileLearning === true,
      hoursPerWeek: flags.hoursPerWeek as number | undefined,
      monthsInRole: flags.monthsInRole as number | undefined,
      name: flags.name as string | undefined,
      review: flags.review as string | undefined,
    };
    // A role missing: the questionnaire asks for it, and for nothing the options already say.
    if (options.from === undefined || options.to === undefined) {
      const optimiseGiven = flags.optimize !== undefined || command.getOptionValueSource('optimise') === 'cli';
      await handlers.interactive({ dataFiles: options.dataFiles, color: options.color, plan: options, optimiseGiven }, io);
      return;
    }
    await handlers.plan(options, io);
  });

  program
    .command('interactive')
    .description('a few questions (where you are, what you hold, where you want to go), then your plan; also `plan` with no --from/--to')
    .action(async (flags: Record<string, unknown>) => {
      const { dataFiles, color, cache } = commonOptions(withGlobal(flags));
      await handlers.interactive({ dataFiles, color, cache }, io);
    });

  addOutputOptions(
    program
      .command('roles')
      .description('list the roles in the dataset')
      .addOption(new Option('--sector <sector>', 'only this sector').choices(SECTORS))
      .addOption(new Option('--level <n>', 'only this RQF level (1–8)').argParser(wholeNumber(1, 8))),
  ).action(async (flags: Record<string, unknown>) => {
    await handlers.roles(
      {
        ...commonOptions(withGlobal(flags)),
        sector: flags.sector as RolesOptions['sector'],
        level: flags.level as number | undefined,
      },
      io,
    );
  });

  addOutputOptions(
    program
      .command('qualifications')
      .description('list the qualifications (and the old titles each also goes by), to find what to type for --have')
      .addOption(new Option('--level <n>', 'only this RQF level (1–8)').argParser(wholeNumber(1, 8)))
      .addOption(new Option('--kind <kind>', 'only this kind').choices(QUALIFICATION_KIND_IDS)),
  ).action(async (flags: Record<string, unknown>) => {
    await handlers.qualifications(
      {
        ...commonOptions(withGlobal(flags)),
        level: flags.level as number | undefined,
        kind: flags.kind as QualificationsOptions['kind'],
      },
      io,
    );
  });

  addOutputOptions(
    program
      .command('next')
      .description('where you can go from a role: step up, specialise, sideways, professional')
      .argument('<role>', 'a role name, id or alias')
      .addOption(new Option('--have <qualification>', 'a qualification you already hold (repeatable)').argParser(collect)),
  ).action(async (role: string, flags: Record<string, unknown>) => {
    await handlers.next({ ...commonOptions(withGlobal(flags)), role, have: (flags.have as string[] | undefined) ?? [] }, io);
  });

  addOutputOptions(
    program
      .command('unlocks')
      .description('the roles a qualification opens, directly or one move further on')
      .argument('<qualification>', 'a qualification name, id, alias or old title'),
  ).action(async (qualification: string, flags: Record<string, unknown>) => {
    await handlers.unlocks({ ...commonOptions(withGlobal(flags)), qualification }, io);
  });

  addOutputOptions(
    program
      .command('show')
      .description('a role or a qualification in full: requirements, time, cost, funding, pay, moves, sources')
      .argument('<name>', 'a role or qualification name, id, alias or old title'),
  ).action(async (name: string, flags: Record<string, unknown>) => {
    await handlers.show({ ...commonOptions(withGlobal(flags)), name }, io);
  });

  addOutputOptions(
    program
      .command('validate')
      .description('check data files (layered like --data; none: the shipped data) and list every problem with file:line:column')
      .argument('[file...]', 'dataset or overlay files, bottom first'),
  ).action(async (files: string[], flags: Record<string, unknown>) => {
    const { data, color } = program.opts();
    if (data !== undefined) throw new UsageError('validate takes the files to check as arguments, not --data', { hint: 'Run `careerpath validate FILE...`.' });
    await handlers.validate({ files, color: color as boolean, ...outputOptions(flags) }, io);
  });

  program
    .command('schema')
    .description('print the JSON Schema of the data files (or of --json output: `schema output`)')
    .addArgument(new Argument('[which]', 'which schema').choices(['dataset', 'output']).default('dataset'))
    .action(async (which: SchemaOptions['which']) => {
      await handlers.schema({ which }, io);
    });

  program
    .command('completion')
    .description('print a shell completion script (commands, options, role and qualification ids)')
    .addArgument(new Argument('<shell>', 'your shell').choices(SHELLS))
    .action(async (shell: Shell) => {
      const { dataFiles, cache } = commonOptions(withGlobal({}));
      await handlers.completion({ shell, dataFiles, cache, ...completionSpec(program) }, io);
    });

  // Subcommands report their errors through the program's output and exit override.
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: io.out, writeErr: (text) => io.err(terminalText(text)) });
    const examples = COMMAND_EXAMPLES[command.name()] ?? [];
    command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}\n`).join('')}`);
  }
  return program;
}
