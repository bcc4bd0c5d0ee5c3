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
import { renderErrorJson, type ErrorReport } from './render/json';
import { terminalText } from './render/terminal-text';

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

/**
 * Prints an error the way its kind deserves and picks the exit code. Under --json (or --format
 * json) the error is also a JSON object on stdout, so a script sees why.
 */
export function reportError(error: unknown, io: Io, argv: string[] = []): number {
  const reported = printError(error, io, argv);
  const resultPrinted = error instanceof UserError && error.resultPrinted;
  if (reported && wantsJson(argv) && !resultPrinted) io.out(renderErrorJson(reported));
  return reported?.exitCode ?? EXIT.ok;
}

/** Prints the error on stderr; undefined when it was no error (commander's --help and --version). */
function printError(error: unknown, io: Io, argv: string[]): ErrorReport | undefined {
  const c = new Chalk({ level: wantsColor(io.env, io.stderrIsTTY, argv.includes('--no-color') ? false : undefined) ? 1 : 0 });
  if (error instanceof CommanderError) {
    // commander has already printed its message (with a suggestion where it has one).
    if (error.exitCode === 0) return undefined;
    return {
      code: 'usage',
      exitCode: EXIT.usage,
      message: error.message.replace(/^error: /, ''),
      hint: 'Run `careerpath --help` for the commands and options.',
    };
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.err('Cancelled\n');
    return { code: 'cancelled', exitCode: EXIT.cancelled, message: 'cancelled' };
  }
  const problems = error instanceof DatasetError ? error.issues.map(formatIssue) : undefined;
  for (const problem of problems ?? []) io.err(`${problem}\n`);
  if (error instanceof UserError) {
    // Messages quote what was typed and names from the data: shown, never obeyed by the terminal.
    io.err(`${c.red(`✗ ${terminalText(error.message)}`)}\n`);
    if (error.hint) io.err(`${terminalText(error.hint)}\n`);
    const code = problems ? 'dataset' : error.exitCode === EXIT.usage ? 'usage' : 'failure';
    return { code, exitCode: error.exitCode, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(problems ? { problems } : {}) };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${c.red('✗ careerpath failed unexpectedly.')}\n${terminalText(detail)}\n`);
  io.err('This is a bug in careerpath: please report it with the command you ran and the text above.\n');
  return { code: 'internal', exitCode: EXIT.failure, message: error instanceof Error ? error.message : String(error) };
}

/** True when the command line asks for JSON output (--json, --format json or --format=json). */
function wantsJson(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--json' || arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}
