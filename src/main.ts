/**
 * The one error boundary. Everything below throws; only here do errors become messages and exit
 * codes, and nothing below calls process.exit.
 */
import { CommanderError } from 'commander';
import { Chalk } from 'chalk';
import { buildProgram, type Handlers } from './cli';
import { formatIssue } from './dataset/issue';
import { DatasetError, EXIT, UserError } from './errors';
import { processIo, wantsColor, type Io } from './io/terminal';
import { packageVersion } from './package-root';

/** Runs the CLI; returns the exit code instead of exiting, so it can be tested in-process. */
export async function main(argv: string[], io: Io = processIo(), handlers?: Handlers): Promise<number> {
  const program = buildProgram(io, packageVersion(), handlers);
  try {
    if (argv.length === 0) {
      io.err(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, argv);
  }
}

/** Prints an error the way its kind deserves and picks the exit code. */
export function reportError(error: unknown, io: Io, argv: string[] = []): number {
  const c = new Chalk({ level: wantsColor(io.env, io.stderrIsTTY, argv.includes('--no-color') ? false : undefined) ? 1 : 0 });
  if (error instanceof CommanderError) {
    // commander has already printed its message (with a suggestion where it has one).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.err('Cancelled\n');
    return EXIT.cancelled;
  }
  if (error instanceof DatasetError) {
    for (const issue of error.issues) io.err(`${formatIssue(issue)}\n`);
  }
  if (error instanceof UserError) {
    io.err(`${c.red(`✗ ${error.message}`)}\n`);
    if (error.hint) io.err(`${error.hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${c.red('✗ careerpath failed unexpectedly.')}\n${detail}\n`);
  io.err('This is a bug in careerpath: please report it with the command you ran and the text above.\n');
  return EXIT.failure;
}
